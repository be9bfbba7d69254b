#include "csvimport.h"

#include "ledgerclient.h"
#include "money.h"

#include <QFile>
#include <QPointer>
#include <QPromise>
#include <QSet>
#include <memory>

namespace {

constexpr qint64 MaxFileBytes = qint64(50) * 1024 * 1024;
const QStringList Header{QStringLiteral("kind"),           QStringLiteral("account"),
                         QStringLiteral("amount"),         QStringLiteral("reason_code"),
                         QStringLiteral("ticket"),         QStringLiteral("memo"),
                         QStringLiteral("idempotency_key")};

LedgerError problem(int line, const QString &what) {
    return {ErrorCode::InvalidArgument, QStringLiteral("line %1: %2").arg(line).arg(what)};
}

/// Splits CSV text into records of fields (RFC 4180: quotes, doubled quotes, line breaks inside quotes).
/// Returns false with *error on an unterminated quote or text after a closing quote.
bool splitCsv(const QString &text, QList<QStringList> *records, QList<int> *lineNumbers, QString *error) {
    QStringList record;
    QString field;
    bool quoted = false, afterQuote = false;
    int line = 1, recordLine = 1;
    auto endField = [&] {
        record << field;
        field.clear();
        afterQuote = false;
    };
    auto endRecord = [&] {
        endField();
        if (!(record.size() == 1 && record.first().isEmpty())) { // blank lines are skipped
            *records << record;
            *lineNumbers << recordLine;
        }
        record.clear();
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"') {
                if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                    field += u'"';
                    ++i;
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == u'\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == u',') {
            endField();
        } else if (c == u'\n' || c == u'\r') {
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else if (c == u'"' && field.isEmpty() && !afterQuote) {
            quoted = true;
        } else if (afterQuote) {
            *error = QStringLiteral("line %1: text after a closing quote").arg(line);
            return false;
        } else {
            field += c;
        }
    }
    if (quoted) {
        *error = QStringLiteral("line %1: a quoted field is not closed").arg(recordLine);
        return false;
    }
    if (!field.isEmpty() || !record.isEmpty())
        endRecord();
    return true;
}

struct Job {
    QPointer<LedgerClient> client;
    QList<CsvImport::RawLine> raw;
    QList<CsvImport::Line> lines;
    QHash<qint64, int> exponents; ///< account -> exponent, filled by the look-ups
    QPromise<Result<CsvImport::Summary>> promise;
    CsvImport::Summary summary;

    void finish(const Result<CsvImport::Summary> &r) {
        promise.addResult(r);
        promise.finish();
    }
};

void postNext(const std::shared_ptr<Job> &job, int index) {
    if (index == job->lines.size()) {
        job->finish(job->summary);
        return;
    }
    if (job->promise.isCanceled()) {
        job->finish(
            LedgerError{ErrorCode::InvalidArgument,
                        QStringLiteral("the import was cancelled after %1 of %2 lines; run it again to "
                                       "post the rest (lines already posted are not posted twice)")
                            .arg(index)
                            .arg(job->lines.size())});
        return;
    }
    if (!job->client) {
        job->finish(
            LedgerError{ErrorCode::Database, QStringLiteral("the connection was closed during the import")});
        return;
    }
    const CsvImport::Line &line = job->lines.at(index);
    job->client->post(line.request).then(job->client, [job, index](const Result<PostingResult> &r) {
        const CsvImport::Line &done = job->lines.at(index);
        if (!r) {
            job->finish(
                LedgerError{r.error().code,
                            QStringLiteral("line %1 (%2) was refused: %3. Lines before it are posted; fix "
                                           "this line and run the file again.")
                                .arg(done.number)
                                .arg(done.request.idempotencyKey, r.error().message)});
            return;
        }
        if (r->replayed)
            ++job->summary.replayed;
        else if (r->status == PostingResult::Status::Pending)
            ++job->summary.pending;
        else
            ++job->summary.posted;
        job->promise.setProgressValue(index + 1);
        postNext(job, index + 1);
    });
}

/// Looks up every account of the file (one after another), then turns raw lines into requests.
void resolve(const std::shared_ptr<Job> &job, QList<qint64> accounts) {
    if (!job->client) {
        job->finish(
            LedgerError{ErrorCode::Database, QStringLiteral("the connection was closed during the import")});
        return;
    }
    if (!accounts.isEmpty()) {
        const qint64 id = accounts.takeFirst();
        job->client->account(id).then(job->client, [job, id, accounts](const Result<Account> &a) {
            if (!a || a->kind != AccountKind::Player) {
                int line = 0;
                for (const auto &r : std::as_const(job->raw))
                    if (r.account.toLongLong() == id) {
                        line = r.number;
                        break;
                    }
                job->finish(problem(
                    line, a ? QStringLiteral("account: %1 is a system account, not a player's").arg(id)
                            : QStringLiteral("account: %1").arg(a.error().message)));
                return;
            }
            job->exponents.insert(id, a->exponent);
            resolve(job, accounts);
        });
        return;
    }
    for (const CsvImport::RawLine &r : std::as_const(job->raw)) {
        CsvImport::Line line;
        line.number = r.number;
        PostingRequest &q = line.request;
        q.accountId = r.account.toLongLong();
        const auto amount = Money::parse(r.amount, job->exponents.value(q.accountId));
        if (!amount.ok() || *amount.minor <= 0) {
            job->finish(problem(r.number, amount.ok() ? QStringLiteral("amount: must be more than zero")
                                                      : QStringLiteral("amount: %1").arg(amount.error)));
            return;
        }
        q.amount = *amount.minor;
        if (r.kind == u"deposit") {
            q.kind = TransactionKind::Deposit;
        } else if (r.kind == u"withdrawal") {
            q.kind = TransactionKind::Withdrawal;
        } else {
            q.kind = TransactionKind::Adjustment;
            if (r.kind == u"adjustment-debit")
                q.amount = -q.amount;
        }
        q.reasonCode = r.reasonCode;
        q.ticketRef = r.ticket;
        q.memo = r.memo;
        q.idempotencyKey = r.key;
        job->lines << line;
    }
    job->promise.setProgressRange(0, int(job->lines.size()));
    postNext(job, 0);
}

} // namespace

Result<QList<CsvImport::RawLine>> CsvImport::parse(const QByteArray &csv) {
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // a byte-order mark, as spreadsheets write
    if (text.contains(QChar::ReplacementCharacter))
        return problem(1, QStringLiteral("the file is not UTF-8 text"));
    QList<QStringList> records;
    QList<int> numbers;
    QString error;
    if (!splitCsv(text, &records, &numbers, &error))
        return LedgerError{ErrorCode::InvalidArgument, error};
    if (records.isEmpty())
        return problem(1, QStringLiteral("the file is empty"));
    QStringList header = records.first();
    for (QString &h : header)
        h = h.trimmed();
    if (header != Header)
        return problem(1, QStringLiteral("the header must be: %1").arg(Header.join(u',')));
    QList<RawLine> out;
    QSet<QString> keys;
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QStringList &f = records.at(i);
        const int n = numbers.at(i);
        if (f.size() != Header.size())
            return problem(n, QStringLiteral("%1 fields, expected %2").arg(f.size()).arg(Header.size()));
        RawLine r{n,    f[0].trimmed(), f[1].trimmed(), f[2].trimmed(), f[3].trimmed(), f[4].trimmed(),
                  f[5], f[6].trimmed()};
        if (!QStringList{QStringLiteral("deposit"), QStringLiteral("withdrawal"),
                         QStringLiteral("adjustment-credit"), QStringLiteral("adjustment-debit")}
                 .contains(r.kind))
            return problem(n, QStringLiteral("kind: \"%1\" is not deposit, withdrawal, adjustment-credit or "
                                             "adjustment-debit")
                                  .arg(r.kind.left(40)));
        bool isNumber = false;
        const qint64 account = r.account.toLongLong(&isNumber);
        if (!isNumber || account <= 0)
            return problem(
                n, QStringLiteral("account: \"%1\" is not an account number").arg(r.account.left(40)));
        if (r.amount.isEmpty())
            return problem(n, QStringLiteral("amount: missing"));
        if (r.kind.startsWith(u"adjustment") && r.reasonCode.isEmpty())
            return problem(n, QStringLiteral("reason_code: required for adjustments"));
        if (r.key.isEmpty())
            return problem(n, QStringLiteral("idempotency_key: missing"));
        if (keys.contains(r.key))
            return problem(
                n, QStringLiteral("idempotency_key: \"%1\" is used twice in the file").arg(r.key.left(80)));
        keys.insert(r.key);
        out << r;
    }
    if (out.isEmpty())
        return problem(2, QStringLiteral("the file has a header but no postings"));
    return out;
}

QFuture<Result<CsvImport::Summary>> CsvImport::run(LedgerClient *client, const QString &path) {
    auto job = std::make_shared<Job>();
    job->client = client;
    QFuture<Result<Summary>> future = job->promise.future();
    job->promise.start();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        job->finish(LedgerError{ErrorCode::InvalidArgument,
                                QStringLiteral("cannot read %1: %2").arg(path, file.errorString())});
        return future;
    }
    if (file.size() > MaxFileBytes) {
        job->finish(LedgerError{
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 is larger than %2 MB; split it").arg(path).arg(MaxFileBytes >> 20)});
        return future;
    }
    auto parsed = parse(file.readAll());
    if (!parsed) {
        job->finish(LedgerError{ErrorCode::InvalidArgument,
                                QStringLiteral("%1, %2").arg(path, parsed.error().message)});
        return future;
    }
    job->raw = *parsed;
    job->summary.lines = int(job->raw.size());
    QList<qint64> accounts; // each distinct account once, in file order
    QSet<qint64> seen;
    for (const RawLine &r : std::as_const(job->raw))
        if (!seen.contains(r.account.toLongLong())) {
            seen.insert(r.account.toLongLong());
            accounts << r.account.toLongLong();
        }
    job->promise.setProgressRange(0, 0);
    resolve(job, accounts);
    return future;
}

#include "bulkimport.h"

#include "csvrecordreader.h"
#include "ledgerclient.h"
#include "money.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QPromise>
#include <QSet>

namespace {

const QStringList Required{QStringLiteral("kind"),           QStringLiteral("account"),
                           QStringLiteral("amount"),         QStringLiteral("reason_code"),
                           QStringLiteral("ticket"),         QStringLiteral("memo"),
                           QStringLiteral("idempotency_key")};
const QStringList Optional{QStringLiteral("item_account"), QStringLiteral("quantity")};
const QStringList Kinds{
    QStringLiteral("deposit"),          QStringLiteral("withdrawal"), QStringLiteral("adjustment-credit"),
    QStringLiteral("adjustment-debit"), QStringLiteral("bonus"),      QStringLiteral("purchase")};

using O = ImportRow::Outcome;

ImportRow::Outcome outcomeOf(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return O::Malformed;
    case ErrorCode::NotFound:
        return O::UnknownAccount;
    case ErrorCode::InsufficientFunds:
        return O::InsufficientFunds;
    case ErrorCode::AccountFrozen:
        return O::Frozen;
    case ErrorCode::AccountClosed:
        return O::Closed;
    case ErrorCode::IdempotencyConflict:
        return O::IdempotencyConflict;
    default:
        return O::Refused;
    }
}

/// A row of the current chunk that passed the syntax check, waiting for its accounts and the ledger.
struct Pending {
    qsizetype row = 0; ///< index into the report's rows
    QString amount;
    qint64 itemAccount = 0;
    PostingRequest request;
};

struct Job {
    QPointer<LedgerClient> client;
    BulkImport::Options options;
    QFile file;
    std::unique_ptr<CsvRecordReader> reader;
    QPromise<ImportReport> promise;
    ImportReport report;
    QHash<QString, int> columns;             ///< header name -> index
    qsizetype width = 0;                     ///< fields per row: the header's
    QSet<QString> keys;                      ///< every key of the file so far: a duplicate is refused
    QHash<qint64, Result<Account>> accounts; ///< looked up once per import
    QList<Pending> chunk;
    bool atEnd = false;

    void finish() {
        if (!options.resultPath.isEmpty()) {
            QString error;
            if (report.writeCsv(options.resultPath, &error))
                report.resultPath = options.resultPath;
            else if (report.fileError.isEmpty())
                report.fileError = QStringLiteral("cannot write %1: %2").arg(options.resultPath, error);
        }
        if (file.isOpen())
            file.close();
        promise.setProgressValue(1000);
        promise.addResult(report);
        promise.finish();
    }
    bool cancelled() const { return options.cancel && options.cancel->load(); }
    QString field(const QStringList &f, const QString &name) const {
        const int i = columns.value(name, -1);
        return i < 0 ? QString() : f.value(i).trimmed();
    }
};

/// Reads the header; false with the report's fileError set when it is not one of ours.
bool readHeader(Job &job, const CsvRecordReader::Record &r) {
    if (r.notUtf8 || !r.problem.isEmpty()) {
        job.report.fileError = QStringLiteral("line 1: %1")
                                   .arg(r.notUtf8 ? QStringLiteral("the file is not UTF-8 text") : r.problem);
        return false;
    }
    for (qsizetype i = 0; i < r.fields.size(); ++i) {
        const QString name = r.fields.at(i).trimmed();
        if ((!Required.contains(name) && !Optional.contains(name)) || job.columns.contains(name)) {
            job.report.fileError =
                QStringLiteral(
                    "line 1: the header must name the columns %1 (and optionally %2); \"%3\" is not "
                    "one of them or is named twice")
                    .arg(Required.join(u','), Optional.join(u','), name.left(40));
            return false;
        }
        job.columns.insert(name, int(i));
    }
    for (const QString &name : Required)
        if (!job.columns.contains(name)) {
            job.report.fileError = QStringLiteral("line 1: the header must name the columns %1 (and "
                                                  "optionally %2); %3 is missing")
                                       .arg(Required.join(u','), Optional.join(u','), name);
            return false;
        }
    job.width = r.fields.size();
    return true;
}

/// The syntax check of one row: a Pending for the ledger, or the row refused as malformed.
void readRow(Job &job, const CsvRecordReader::Record &r) {
    ImportRow row;
    row.line = r.line;
    auto refuse = [&](ImportRow::Outcome outcome, const QString &message) {
        row.outcome = outcome;
        row.message = r.unterminated
                          ? message + QStringLiteral(" (the file ends in this row: is it cut off?)")
                          : message;
        job.report.rows << row;
    };
    if (!r.problem.isEmpty())
        return refuse(O::Malformed, r.problem);
    const QStringList &f = r.fields;
    row.kind = job.field(f, QStringLiteral("kind"));
    row.key = job.field(f, QStringLiteral("idempotency_key"));
    row.accountId = job.field(f, QStringLiteral("account")).toLongLong();
    row.amountText = job.field(f, QStringLiteral("amount"));
    if (f.size() != job.width)
        return refuse(O::Malformed, QStringLiteral("%1 fields, expected %2").arg(f.size()).arg(job.width));
    if (!Kinds.contains(row.kind))
        return refuse(
            O::Malformed,
            QStringLiteral("kind: \"%1\" is not one of %2").arg(row.kind.left(40), Kinds.join(u", ")));
    if (row.accountId <= 0)
        return refuse(O::Malformed, QStringLiteral("account: \"%1\" is not an account number")
                                        .arg(job.field(f, QStringLiteral("account")).left(40)));
    if (row.amountText.isEmpty())
        return refuse(O::Malformed, QStringLiteral("amount: missing"));
    const QString reason = job.field(f, QStringLiteral("reason_code"));
    if (row.kind.startsWith(u"adjustment") && reason.isEmpty())
        return refuse(O::Malformed, QStringLiteral("reason_code: required for adjustments"));
    if (row.key.isEmpty())
        return refuse(O::Malformed, QStringLiteral("idempotency_key: missing"));
    if (row.key.size() > 200)
        return refuse(O::Malformed, QStringLiteral("idempotency_key: longer than 200 characters"));
    Pending p;
    if (row.kind == u"purchase") {
        bool okItem = false, okQuantity = false;
        p.itemAccount = job.field(f, QStringLiteral("item_account")).toLongLong(&okItem);
        p.request.itemQuantity = job.field(f, QStringLiteral("quantity")).toLongLong(&okQuantity);
        if (!okItem || p.itemAccount <= 0)
            return refuse(O::Malformed,
                          QStringLiteral("item_account: a purchase needs the player's item account number"));
        if (!okQuantity || p.request.itemQuantity <= 0)
            return refuse(O::Malformed,
                          QStringLiteral("quantity: a purchase needs a whole number above zero"));
    }
    if (job.keys.contains(row.key))
        return refuse(
            O::DuplicateKey,
            QStringLiteral("idempotency_key: \"%1\" is used by an earlier row").arg(row.key.left(80)));
    job.keys.insert(row.key);
    static const QHash<QString, TransactionKind> kinds{
        {QStringLiteral("deposit"), TransactionKind::Deposit},
        {QStringLiteral("withdrawal"), TransactionKind::Withdrawal},
        {QStringLiteral("adjustment-credit"), TransactionKind::Adjustment},
        {QStringLiteral("adjustment-debit"), TransactionKind::Adjustment},
        {QStringLiteral("bonus"), TransactionKind::Bonus},
        {QStringLiteral("purchase"), TransactionKind::Purchase}};
    p.row = job.report.rows.size();
    p.amount = row.amountText;
    PostingRequest &q = p.request;
    q.kind = kinds.value(row.kind);
    q.accountId = row.accountId;
    q.counterAccountId = p.itemAccount;
    q.reasonCode = reason;
    q.ticketRef = job.field(f, QStringLiteral("ticket"));
    q.memo = job.columns.contains(QStringLiteral("memo")) ? f.value(job.columns.value(QStringLiteral("memo")))
                                                          : QString();
    q.idempotencyKey = row.key;
    q.dryRun = job.options.dryRun;
    job.report.rows << row;
    job.chunk << p;
}

void nextChunk(const std::shared_ptr<Job> &job);

/// Records the ledger's answer for one row. `askedAgain`: the row was sent a second time, with its key, after
/// the first answer was a database error.
void answer(Job &job, const Pending &p, const Result<PostingResult> &r, bool askedAgain = false) {
    ImportRow &row = job.report.rows[p.row];
    if (!r) {
        row.outcome = outcomeOf(r.error().code);
        row.message = r.error().message;
        return;
    }
    row.transactionId = r->transactionId;
    row.approvalId = r->approvalId;
    row.balanceAfter = r->balanceAfter(row.accountId);
    if (r->replayed && askedAgain) {
        row.outcome = O::Ok; // this import posted it; only the first answer was lost
        row.message = QStringLiteral("posted (the first answer was lost with the connection; the ledger has "
                                     "it under its key)");
    } else if (r->replayed) {
        row.outcome = O::AlreadyPosted;
        row.message = QStringLiteral("posted before by the same key: posts nothing");
    } else if (r->status == PostingResult::Status::Pending) {
        row.outcome = O::NeedsApproval;
        row.message = job.options.dryRun
                          ? QStringLiteral("above your limit: would await a supervisor's approval")
                          : QStringLiteral("above your limit: awaits a supervisor's approval");
    } else {
        row.outcome = O::Ok;
    }
}

/// Marks the current chunk's rows from `index` on as not posted (later chunks are not read at all).
void markNotPosted(Job &job, qsizetype index, const QString &why) {
    for (qsizetype i = index; i < job.chunk.size(); ++i) {
        ImportRow &row = job.report.rows[job.chunk.at(i).row];
        row.outcome = O::NotPosted;
        row.message = QStringLiteral("not posted: %1").arg(why);
    }
}

void postRow(const std::shared_ptr<Job> &job, qsizetype index, bool askAgain = false) {
    if (index == job->chunk.size())
        return nextChunk(job);
    if (!job->client) {
        job->report.fileError = QStringLiteral("the connection was closed during the import");
        return job->finish();
    }
    if (job->cancelled()) {
        markNotPosted(*job, index, QStringLiteral("the import was cancelled"));
        job->report.cancelled = true;
        return job->finish();
    }
    job->client->post(job->chunk.at(index).request)
        .then(job->client, [job, index, askAgain](const Result<PostingResult> &r) {
            if (!r && r.error().code == ErrorCode::Database) {
                // The connection may have dropped after the ledger took the row, or before. Sent again with
                // the same key, it is answered as the original or posted now: never twice. (walletctl's
                // ledger waits for a database that went away; the app's fails at once and the file is run
                // again.)
                if (!askAgain)
                    return postRow(job, index, true);
                // Still a database failure: so would every row after it be. Stop, as a cancel does.
                const ImportRow &row = job->report.rows.at(job->chunk.at(index).row);
                job->report.fileError =
                    QStringLiteral("line %1: the ledger did not take the row: %2; it and the rows after it "
                                   "were not posted: run the file again once the ledger answers (the rows "
                                   "posted are known by their keys and post nothing twice)")
                        .arg(row.line)
                        .arg(r.error().message);
                markNotPosted(*job, index, QStringLiteral("the ledger could not be reached"));
                return job->finish();
            }
            answer(*job, job->chunk.at(index), r, askAgain);
            postRow(job, index + 1);
        });
}

/// The chunk's accounts are known: turns amounts into minor units and asks the ledger.
void ask(const std::shared_ptr<Job> &job) {
    QList<Pending> ready;
    for (Pending &p : job->chunk) {
        ImportRow &row = job->report.rows[p.row];
        const Result<Account> &a = job->accounts.value(row.accountId);
        if (!a || a->kind != AccountKind::Player) {
            row.outcome = O::UnknownAccount;
            row.message =
                a ? QStringLiteral("account %1 is a system account, not a player's").arg(row.accountId)
                  : QStringLiteral("account: %1").arg(a.error().message); // the message names the id
            continue;
        }
        row.currency = a->currency;
        row.exponent = a->exponent;
        row.balanceAfter = a->balance;
        if (p.itemAccount > 0 && !job->accounts.value(p.itemAccount)) {
            row.outcome = O::UnknownAccount;
            row.message =
                QStringLiteral("item_account: %1").arg(job->accounts.value(p.itemAccount).error().message);
            continue;
        }
        const auto amount = Money::parse(p.amount, a->exponent);
        if (!amount.ok() || *amount.minor <= 0) {
            row.outcome = O::Malformed;
            row.message = amount.ok() ? QStringLiteral("amount: must be more than zero")
                                      : QStringLiteral("amount: %1").arg(amount.error);
            continue;
        }
        p.request.amount = *amount.minor;
        const bool out =
            row.kind == u"withdrawal" || row.kind == u"adjustment-debit" || row.kind == u"purchase";
        if (row.kind == u"adjustment-debit")
            p.request.amount = -p.request.amount;
        row.delta = out ? -*amount.minor : *amount.minor;
        ready << p;
    }
    job->chunk = ready;
    if (job->chunk.isEmpty())
        return nextChunk(job);
    if (!job->options.dryRun)
        return postRow(job, 0);
    QList<PostingRequest> requests;
    requests.reserve(job->chunk.size());
    for (const Pending &p : std::as_const(job->chunk))
        requests << p.request;
    job->client->postBatch(requests).then(job->client, [job](const Result<QList<Result<PostingResult>>> &r) {
        if (!r) {
            job->report.fileError =
                QStringLiteral("the ledger did not answer the dry run: %1").arg(r.error().message);
            return job->finish();
        }
        for (qsizetype i = 0; i < job->chunk.size(); ++i)
            answer(*job, job->chunk.at(i),
                   i < r->size() ? r->at(i)
                                 : Result<PostingResult>(LedgerError{
                                       ErrorCode::Database, QStringLiteral("no answer for this row")}));
        nextChunk(job);
    });
}

/// Looks up, one after another, the chunk's accounts not looked up before.
void resolve(const std::shared_ptr<Job> &job, QList<qint64> ids) {
    if (!job->client) {
        job->report.fileError = QStringLiteral("the connection was closed during the import");
        return job->finish();
    }
    if (ids.isEmpty())
        return ask(job);
    const qint64 id = ids.takeFirst();
    job->client->account(id).then(job->client, [job, id, ids](const Result<Account> &a) {
        if (!a && a.error().code != ErrorCode::NotFound) {
            job->report.fileError = QStringLiteral("the ledger did not answer: %1").arg(a.error().message);
            return job->finish();
        }
        job->accounts.insert(id, a);
        resolve(job, ids);
    });
}

void nextChunk(const std::shared_ptr<Job> &job) {
    job->chunk.clear();
    job->promise.setProgressValue(
        job->file.size() > 0 ? int(job->reader->bytesRead() * 999 / job->file.size()) : 0);
    if (job->atEnd || job->cancelled()) {
        job->report.cancelled = !job->atEnd;
        return job->finish();
    }
    CsvRecordReader::Record record;
    int read = 0;
    while (read < BulkImport::ChunkRows) {
        if (!job->reader->next(&record)) {
            job->atEnd = true;
            break;
        }
        if (record.notUtf8) {
            job->report.fileError =
                QStringLiteral("line %1: the file is not UTF-8 text (a spreadsheet's "
                               "\"CSV UTF-8\" export is); nothing was %2")
                    .arg(record.line)
                    .arg(job->options.dryRun ? QStringLiteral("checked") : QStringLiteral("posted"));
            job->report.rows.clear();
            return job->finish();
        }
        if (job->columns.isEmpty()) {
            if (!readHeader(*job, record))
                return job->finish();
            continue;
        }
        readRow(*job, record);
        ++read;
    }
    if (job->columns.isEmpty()) {
        job->report.fileError = QStringLiteral("line 1: the file is empty");
        return job->finish();
    }
    if (job->atEnd && job->report.rows.isEmpty()) {
        job->report.fileError = QStringLiteral("line 2: the file has a header but no rows");
        return job->finish();
    }
    QList<qint64> ids;
    for (const Pending &p : std::as_const(job->chunk))
        for (const qint64 id : {job->report.rows.at(p.row).accountId, p.itemAccount})
            if (id > 0 && !job->accounts.contains(id) && !ids.contains(id))
                ids << id;
    resolve(job, ids);
}

/// The whole file is UTF-8 and has a good header: checked before a posting writes its first row.
QString precheck(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
    CsvRecordReader reader(&file);
    CsvRecordReader::Record r;
    while (reader.next(&r))
        if (r.notUtf8)
            return QStringLiteral("line %1: the file is not UTF-8 text; nothing was posted").arg(r.line);
    return QString();
}

} // namespace

QString BulkImport::resultPathFor(const QString &path) {
    const QFileInfo info(path);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral(".result.csv"));
}

QFuture<ImportReport> BulkImport::run(LedgerClient *client, const QString &path, const Options &options) {
    auto job = std::make_shared<Job>();
    job->client = client;
    job->options = options;
    if (!options.dryRun && job->options.resultPath.isEmpty())
        job->options.resultPath = resultPathFor(path);
    job->report.dryRun = options.dryRun;
    QFuture<ImportReport> future = job->promise.future();
    job->promise.start();
    job->promise.setProgressRange(0, 1000);
    job->file.setFileName(path);
    if (!job->file.open(QIODevice::ReadOnly)) {
        job->report.fileError = QStringLiteral("cannot read %1: %2").arg(path, job->file.errorString());
        job->finish();
        return future;
    }
    if (!options.dryRun) {
        job->report.fileError = precheck(path);
        if (!job->report.fileError.isEmpty()) {
            job->finish();
            return future;
        }
    }
    job->reader = std::make_unique<CsvRecordReader>(&job->file);
    nextChunk(job);
    return future;
}

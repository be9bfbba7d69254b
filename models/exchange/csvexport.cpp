#include "csvexport.h"

#include "historyentry.h"
#include "ledgerclient.h"
#include "money.h"

#include <QDateTime>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <memory>

namespace {

constexpr int PageSize = 2000;

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

/// The state of one export, shared by the continuations that carry it from page to page.
template <typename Row> struct Job {
    QPointer<LedgerClient> client;
    std::function<QFuture<Result<QList<Row>>>(LedgerClient *, qint64 before)> fetch;
    std::function<QByteArray(const Row &)> line;
    std::function<qint64(const Row &)> key;
    QString auditTarget;
    std::unique_ptr<QSaveFile> file;
    QPromise<Result<qint64>> promise;
    qint64 rows = 0;

    void fail(const LedgerError &error) {
        if (file)
            file->cancelWriting(); // QSaveFile: the partial file never replaces anything
        promise.addResult(Result<qint64>(error));
        promise.finish();
    }
};

template <typename Row> void nextPage(const std::shared_ptr<Job<Row>> &job, qint64 before) {
    if (job->promise.isCanceled()) {
        job->fail({ErrorCode::InvalidArgument, QStringLiteral("the export was cancelled")});
        return;
    }
    if (!job->client) {
        job->fail({ErrorCode::Database, QStringLiteral("the connection was closed during the export")});
        return;
    }
    job->fetch(job->client, before).then(job->client, [job](const Result<QList<Row>> &page) {
        if (!page) {
            job->fail(page.error());
            return;
        }
        for (const Row &row : *page) {
            if (job->file->write(job->line(row)) < 0) {
                job->fail({ErrorCode::Database, QStringLiteral("cannot write %1: %2")
                                                    .arg(job->file->fileName(), job->file->errorString())});
                return;
            }
        }
        job->rows += page->size();
        job->promise.setProgressValueAndText(
            int(std::min<qint64>(job->rows, std::numeric_limits<int>::max())),
            QObject::tr("%L1 rows written").arg(job->rows));
        if (page->size() == PageSize) {
            nextPage(job, job->key(page->last()));
            return;
        }
        if (!job->file->commit()) {
            job->fail(
                {ErrorCode::Database,
                 QStringLiteral("cannot save %1: %2").arg(job->file->fileName(), job->file->errorString())});
            return;
        }
        job->client->recordExport(job->auditTarget,
                                  QStringLiteral("%1 rows to %2").arg(job->rows).arg(job->file->fileName()));
        job->promise.addResult(Result<qint64>(job->rows));
        job->promise.finish();
    });
}

template <typename Row>
QFuture<Result<qint64>> start(const std::shared_ptr<Job<Row>> &job, const QString &path,
                              const QByteArray &header) {
    QFuture<Result<qint64>> future = job->promise.future();
    job->promise.start();
    job->promise.setProgressRange(0, 0); // the total is not known in advance: a busy indicator
    job->file = std::make_unique<QSaveFile>(path);
    if (!job->file->open(QIODevice::WriteOnly)) {
        job->fail({ErrorCode::InvalidArgument,
                   QStringLiteral("cannot write %1: %2").arg(path, job->file->errorString())});
        return future;
    }
    job->file->write(header);
    nextPage(job, 0);
    return future;
}

} // namespace

QByteArray CsvExport::field(const QString &value) {
    static const QRegularExpression number(QStringLiteral("^[-+]?[0-9]+(\\.[0-9]+)?$"));
    QString v = value;
    if (!v.isEmpty() && QStringLiteral("=+-@").contains(v.front()) && !number.match(v).hasMatch())
        v.prepend(QLatin1Char('\''));
    const bool quote = v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) ||
                       v.contains(QLatin1Char('\n')) || v.contains(QLatin1Char('\r')) ||
                       v.startsWith(QLatin1Char(' ')) || v.endsWith(QLatin1Char(' '));
    if (quote)
        v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
    return v.toUtf8();
}

QFuture<Result<qint64>> CsvExport::history(LedgerClient *client, qint64 accountId, int exponent,
                                           const QString &path) {
    auto job = std::make_shared<Job<HistoryEntry>>();
    job->client = client;
    job->auditTarget = QStringLiteral("account:%1").arg(accountId);
    job->fetch = [accountId](LedgerClient *c, qint64 before) {
        return c->history(accountId, before, PageSize);
    };
    job->key = [](const HistoryEntry &h) { return h.entryId; };
    job->line = [exponent](const HistoryEntry &h) {
        const QStringList fields{isoTime(h.createdAt),
                                 QString::number(h.transactionId),
                                 kindName(h.kind),
                                 Money::format(h.amount, exponent),
                                 Money::format(h.balanceAfter, exponent),
                                 h.reasonCode,
                                 h.ticketRef,
                                 h.operatorName,
                                 h.idempotencyKey,
                                 h.reversesId ? QString::number(h.reversesId) : QString(),
                                 h.reversedById ? QString::number(h.reversedById) : QString(),
                                 h.memo};
        QByteArray out;
        for (const QString &f : fields)
            out += (out.isEmpty() ? QByteArray() : QByteArrayLiteral(",")) + field(f);
        return out + '\n';
    };
    return start(
        job, path,
        "time,transaction,kind,amount,balance_after,reason_code,ticket,operator,idempotency_key,reverses,"
        "reversed_by,memo\n");
}

QFuture<Result<qint64>> CsvExport::journal(LedgerClient *client, const JournalQuery &query,
                                           const QString &path) {
    auto job = std::make_shared<Job<JournalLine>>();
    job->client = client;
    job->auditTarget = QStringLiteral("journal");
    job->fetch = [query](LedgerClient *c, qint64 before) { return c->journal(query, before, PageSize); };
    job->key = [](const JournalLine &l) { return l.entryId; };
    job->line = [](const JournalLine &l) {
        const QStringList fields{isoTime(l.createdAt),
                                 QString::number(l.transactionId),
                                 kindName(l.kind),
                                 QString::number(l.accountId),
                                 l.accountLabel,
                                 l.currency,
                                 Money::format(l.amount, l.exponent),
                                 Money::format(l.balanceAfter, l.exponent),
                                 l.operatorName,
                                 l.reasonCode,
                                 l.memo};
        QByteArray out;
        for (const QString &f : fields)
            out += (out.isEmpty() ? QByteArray() : QByteArrayLiteral(",")) + field(f);
        return out + '\n';
    };
    return start(job, path,
                 "time,transaction,kind,account,account_name,currency,amount,balance_after,operator,reason_"
                 "code,memo\n");
}

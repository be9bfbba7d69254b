#include "csvexport.h"

#include "historyentry.h"
#include "ledgerclient.h"
#include "money.h"

#include <QDateTime>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <algorithm>
#include <memory>

namespace {

/// Rows per read: walletd's largest page (its routes refuse a larger limit), so that an export through
/// walletd reads the same pages as one on a database.
constexpr int PageSize = 1000;
/// walletd refuses an export record's detail longer than this (POST /admin/v1/audit/export).
constexpr qsizetype MaxAuditDetail = 2000;

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QByteArray csvLine(const QStringList &fields) {
    QByteArray out;
    for (const QString &f : fields)
        out += (out.isEmpty() ? QByteArray() : QByteArrayLiteral(",")) + CsvExport::field(f);
    return out + '\n';
}

/// The state of one export, shared by the continuations that carry it from page to page.
template <typename Row> struct Job {
    QPointer<LedgerClient> client;
    /// The page after `cursor` (the key of the last row written; 0 for the first page).
    std::function<QFuture<Result<QList<Row>>>(LedgerClient *, qint64 cursor)> fetch;
    std::function<QByteArray(const Row &)> line;
    std::function<qint64(const Row &)> key;
    QString auditTarget;
    QString auditFilters; ///< what the rows were chosen by, for the audit record; empty: everything
    std::unique_ptr<QSaveFile> file;
    QPromise<Result<qint64>> promise;
    qint64 rows = 0;

    void fail(const LedgerError &error) {
        if (file) {
            file->cancelWriting(); // QSaveFile: the partial file never replaces anything
            file.reset();          // and its temporary file goes now, not whenever the job is released
        }
        promise.addResult(Result<qint64>(error));
        promise.finish();
    }
};

/// After the last page: the audit record first, then the file. Recorded first because an export must not
/// exist unrecorded (DESIGN.md, "Audit"); a file that then cannot be saved fails the export, and its record
/// stays as an attempt.
template <typename Row> void finish(const std::shared_ptr<Job<Row>> &job) {
    QString detail = QStringLiteral("%1 rows to %2").arg(job->rows).arg(job->file->fileName());
    if (!job->auditFilters.isEmpty())
        detail += QStringLiteral("; ") + job->auditFilters;
    job->client->recordExport(job->auditTarget, detail.left(MaxAuditDetail))
        .then(job->client, [job](const Result<Done> &recorded) {
            if (!recorded) {
                job->fail({recorded.error().code,
                           QStringLiteral("the export could not be recorded in the audit log, so %1 was not "
                                          "written: %2")
                               .arg(job->file->fileName(), recorded.error().message)});
                return;
            }
            if (!job->file->commit()) {
                job->fail({ErrorCode::Database, QStringLiteral("cannot save %1: %2")
                                                    .arg(job->file->fileName(), job->file->errorString())});
                return;
            }
            job->promise.addResult(Result<qint64>(job->rows));
            job->promise.finish();
        });
}

template <typename Row> void nextPage(const std::shared_ptr<Job<Row>> &job, qint64 cursor) {
    if (job->promise.isCanceled()) {
        job->fail({ErrorCode::InvalidArgument, QStringLiteral("the export was cancelled")});
        return;
    }
    if (!job->client) {
        job->fail({ErrorCode::Database, QStringLiteral("the connection was closed during the export")});
        return;
    }
    job->fetch(job->client, cursor).then(job->client, [job](const Result<QList<Row>> &page) {
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
        if (!job->client) {
            job->fail({ErrorCode::Database, QStringLiteral("the connection was closed during the export")});
            return;
        }
        finish(job);
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

QString journalFilters(const JournalQuery &q) {
    QStringList parts;
    if (q.kind)
        parts << QStringLiteral("kind %1").arg(kindName(*q.kind));
    if (!q.operatorName.isEmpty())
        parts << QStringLiteral("operator %1").arg(q.operatorName);
    if (q.fromMs > 0)
        parts << QStringLiteral("from %1").arg(isoTime(q.fromMs));
    if (q.toMs > 0)
        parts << QStringLiteral("before %1").arg(isoTime(q.toMs));
    if (!q.currency.isEmpty()) {
        parts << QStringLiteral("currency %1").arg(q.currency);
        // The query holds minor units and no exponent; the record says so rather than guess one.
        if (q.minAmount)
            parts << QStringLiteral("amount >= %1 minor units").arg(*q.minAmount);
        if (q.maxAmount)
            parts << QStringLiteral("amount <= %1 minor units").arg(*q.maxAmount);
    }
    if (q.includeSystem)
        parts << QStringLiteral("system accounts included");
    return parts.join(QStringLiteral(", "));
}

QString accountFilters(const AccountQuery &q) {
    QStringList parts;
    if (!q.search.trimmed().isEmpty())
        parts << QStringLiteral("search %1").arg(q.search.trimmed());
    if (q.state)
        parts << QStringLiteral("state %1").arg(accountStateName(*q.state));
    if (!q.currency.isEmpty()) {
        parts << QStringLiteral("currency %1").arg(q.currency);
        if (q.minBalance)
            parts << QStringLiteral("balance >= %1 minor units").arg(*q.minBalance);
        if (q.maxBalance)
            parts << QStringLiteral("balance <= %1 minor units").arg(*q.maxBalance);
    }
    if (q.includeSystem)
        parts << QStringLiteral("system accounts included");
    return parts.join(QStringLiteral(", "));
}

const QByteArray AccountHeader = QByteArrayLiteral(
    "id,kind,player,name,currency,state,allow_negative,balance,held,available,created_at,last_activity_at\n");

QByteArray accountLine(const Account &a) {
    return csvLine({QString::number(a.id),
                    a.kind == AccountKind::System ? QStringLiteral("system") : QStringLiteral("player"),
                    a.playerRef, a.name, a.currency, accountStateName(a.state),
                    a.allowNegative ? QStringLiteral("true") : QStringLiteral("false"),
                    Money::format(a.balance, a.exponent), Money::format(a.held, a.exponent),
                    Money::format(a.available(), a.exponent), isoTime(a.createdAt),
                    isoTime(a.lastActivityAt)});
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
        return csvLine({isoTime(h.createdAt), QString::number(h.transactionId), kindName(h.kind),
                        Money::format(h.amount, exponent), Money::format(h.balanceAfter, exponent),
                        h.reasonCode, h.ticketRef, h.operatorName, h.idempotencyKey,
                        h.reversesId ? QString::number(h.reversesId) : QString(),
                        h.reversedById ? QString::number(h.reversedById) : QString(), h.memo});
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
    job->auditFilters = journalFilters(query);
    job->fetch = [query](LedgerClient *c, qint64 before) { return c->journal(query, before, PageSize); };
    job->key = [](const JournalLine &l) { return l.entryId; };
    job->line = [](const JournalLine &l) {
        return csvLine({isoTime(l.createdAt), QString::number(l.transactionId), kindName(l.kind),
                        QString::number(l.accountId), l.accountLabel, l.currency,
                        Money::format(l.amount, l.exponent), Money::format(l.balanceAfter, l.exponent),
                        l.operatorName, l.reasonCode, l.memo});
    };
    return start(job, path,
                 "time,transaction,kind,account,account_name,currency,amount,balance_after,operator,reason_"
                 "code,memo\n");
}

QFuture<Result<qint64>> CsvExport::accounts(LedgerClient *client, const AccountQuery &query,
                                            const QString &path) {
    // Id order, ascending: a keyset that every page can continue from, whatever the list's sort was.
    AccountQuery q = query;
    q.sort = AccountQuery::Sort::Id;
    q.descending = false;
    auto job = std::make_shared<Job<Account>>();
    job->client = client;
    job->auditTarget = QStringLiteral("accounts");
    job->auditFilters = accountFilters(q);
    job->fetch = [q](LedgerClient *c, qint64 afterId) {
        std::optional<AccountKey> after;
        if (afterId > 0)
            after = AccountKey{QVariant(afterId), afterId};
        // The offset is only echoed when `after` is given; -1: the total is not known (and not needed).
        return c->accounts(q, 0, PageSize, after, -1).then([](const Result<AccountPage> &page) {
            return page ? Result<QList<Account>>(page->accounts) : Result<QList<Account>>(page.error());
        });
    };
    job->key = [](const Account &a) { return a.id; };
    job->line = accountLine;
    return start(job, path, AccountHeader);
}

QFuture<Result<qint64>> CsvExport::playerAccounts(LedgerClient *client, const QString &playerRef,
                                                  const QString &currency, const QString &path) {
    auto job = std::make_shared<Job<Account>>();
    job->client = client;
    job->auditTarget = QStringLiteral("player:%1").arg(playerRef);
    if (!currency.isEmpty())
        job->auditFilters = QStringLiteral("currency %1").arg(currency);
    job->fetch = [playerRef, currency](LedgerClient *c, qint64 afterId) -> QFuture<Result<QList<Account>>> {
        // One read has them all (a player has an account per currency); a later page is empty.
        if (afterId > 0)
            return QtFuture::makeReadyFuture(Result<QList<Account>>(QList<Account>{}));
        return c->accountsOfPlayer(playerRef).then([currency](const Result<QList<Account>> &found) {
            if (!found)
                return found;
            QList<Account> kept;
            for (const Account &a : *found)
                if (currency.isEmpty() || a.currency == currency)
                    kept << a;
            // Id order, as the accounts export writes them (the ledger answers them by currency).
            std::sort(kept.begin(), kept.end(),
                      [](const Account &x, const Account &y) { return x.id < y.id; });
            return Result<QList<Account>>(kept);
        });
    };
    job->key = [](const Account &a) { return a.id; };
    job->line = accountLine;
    return start(job, path, AccountHeader);
}

#include "statementrequest.h"

#include "ledgerclient.h"

#include <QPointer>
#include <QPromise>
#include <memory>

namespace {

/// A player's statement being gathered: the accounts still to read and the sections read so far.
struct PlayerJob {
    QPointer<LedgerClient> client;
    StatementRange range;
    QList<Account> accounts;
    qsizetype next = 0;
    qint64 entries = 0;
    Statement statement;
    QPromise<Result<Statement>> promise;

    void finish(const Result<Statement> &r) {
        promise.addResult(r);
        promise.finish();
    }
};

void readNext(const std::shared_ptr<PlayerJob> &job) {
    if (!job->client) {
        job->finish(LedgerError{ErrorCode::Database, QStringLiteral("the connection was closed")});
        return;
    }
    if (job->next >= job->accounts.size()) {
        job->finish(job->statement);
        return;
    }
    const qint64 id = job->accounts.at(job->next++).id;
    job->client->statement(id, job->range.fromMs, job->range.toMs)
        .then(job->client, [job](const Result<Statement> &r) {
            if (!r) {
                job->finish(r.error());
                return;
            }
            if (job->statement.sections.isEmpty()) {
                // The first account's header is the statement's (ledger, digest, who, when).
                job->statement = *r;
                job->statement.sections.clear();
            }
            for (const StatementSection &section : r->sections) {
                job->entries += section.lines.size();
                job->statement.sections << section;
            }
            if (job->entries > StatementRange::MaxEntries) {
                job->finish(
                    LedgerError{ErrorCode::InvalidArgument,
                                QStringLiteral("this player's accounts have more than %1 entries from "
                                               "%2: a statement holds at most %1; ask for a shorter range")
                                    .arg(StatementRange::MaxEntries)
                                    .arg(job->range.text())});
                return;
            }
            readNext(job);
        });
}

} // namespace

QFuture<Result<Statement>> StatementRequest::forAccount(LedgerClient *client, qint64 accountId,
                                                        const StatementRange &range) {
    if (!client)
        return QtFuture::makeReadyFuture(
            Result<Statement>(LedgerError{ErrorCode::Database, QStringLiteral("not connected")}));
    return client->statement(accountId, range.fromMs, range.toMs);
}

QFuture<Result<Statement>> StatementRequest::forPlayer(LedgerClient *client, const QString &playerRef,
                                                       const StatementRange &range) {
    auto job = std::make_shared<PlayerJob>();
    job->client = client;
    job->range = range;
    QFuture<Result<Statement>> future = job->promise.future();
    job->promise.start();
    if (!client) {
        job->finish(LedgerError{ErrorCode::Database, QStringLiteral("not connected")});
        return future;
    }
    if (playerRef.trimmed().isEmpty()) {
        job->finish(LedgerError{ErrorCode::InvalidArgument, QStringLiteral("name the player")});
        return future;
    }
    client->accountsOfPlayer(playerRef).then(client, [job](const Result<QList<Account>> &accounts) {
        if (!accounts) {
            job->finish(accounts.error());
            return;
        }
        job->accounts = *accounts;
        readNext(job);
    });
    return future;
}

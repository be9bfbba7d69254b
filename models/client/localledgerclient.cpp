#include "localledgerclient.h"

#include "economyreader.h"
#include "ledgerreader.h"
#include "operatorauth.h"
#include "statementrange.h"

#include "chainhasher.h"

#include <QPromise>
#include <QSysInfo>
#include <QThreadPool>

LocalLedgerClient::LocalLedgerClient(QObject *parent)
    : LedgerClient(parent) {
    // The service emits on its worker thread; the queued connection brings the news to this client's thread.
    connect(&m_service, &LedgerService::accountsChanged, this, &LocalLedgerClient::announceWrite,
            Qt::QueuedConnection);
    // A lost database connection (a PostgreSQL restart) and its return, as RemoteLedgerClient reports a lost
    // walletd: the window says so, holds back postings and refreshes when it is back.
    connect(&m_service, &LedgerService::availabilityChanged, this, &LedgerClient::availabilityChanged,
            Qt::QueuedConnection);
}

LocalLedgerClient::~LocalLedgerClient() = default;

QFuture<Result<SessionInfo>> LocalLedgerClient::connectTo(const DatabaseUrl &url,
                                                          const QString &operatorName) {
    m_actor = Actor{operatorName, QStringLiteral("walletdesk@%1").arg(QSysInfo::machineHostName())};
    m_url = url;
    const QString label = url.display();
    auto promise = std::make_shared<QPromise<Result<SessionInfo>>>();
    promise->start();
    auto finish = [promise](const Result<SessionInfo> &r) {
        promise->addResult(r);
        promise->finish();
    };
    // Open first and report its own error (a missing file, a refused login, a newer schema); then look the
    // operator up in the opened ledger.
    m_service.open(url).then(this, [this, finish, operatorName, label](const Result<Done> &opened) {
        if (!opened) {
            finish(opened.error());
            return;
        }
        m_service
            .run([operatorName, label](LedgerStore &s) -> Result<SessionInfo> {
                auto ops = s.operators();
                if (!ops)
                    return ops.error();
                for (const OperatorInfo &o : *ops) {
                    if (o.name != operatorName)
                        continue;
                    if (o.disabled)
                        return LedgerError{
                            ErrorCode::PermissionDenied,
                            QStringLiteral("operator %1 is disabled in this ledger").arg(operatorName)};
                    return SessionInfo{o.name, o.role, label, s.security(), s.readOnlyReason()};
                }
                return LedgerError{
                    ErrorCode::NotFound,
                    QStringLiteral("operator %1 is not known to this ledger").arg(operatorName)};
            })
            .then(this, [this, finish](const Result<SessionInfo> &r) {
                if (r)
                    m_session = *r;
                finish(r);
            });
    });
    return promise->future();
}

QFuture<Result<Done>> LocalLedgerClient::open(const DatabaseUrl &url, const Actor &actor) {
    m_actor = actor;
    m_url = url;
    m_session = SessionInfo{actor.operatorName, Role::Viewer, url.display(), {}, {}};
    return m_service.open(url);
}

QFuture<Result<QList<Currency>>> LocalLedgerClient::currencies() {
    return m_service.run([](LedgerStore &s) { return s.currencies(); });
}

QFuture<Result<qint64>> LocalLedgerClient::countAccounts(const AccountQuery &query) {
    return m_service.run([query](LedgerStore &s) { return LedgerReader(s).countAccounts(query); });
}

QFuture<Result<AccountPage>> LocalLedgerClient::accounts(const AccountQuery &query, qint64 offset, int limit,
                                                         const std::optional<AccountKey> &after,
                                                         qint64 total) {
    return m_service.run(
        [=](LedgerStore &s) { return LedgerReader(s).accounts(query, offset, limit, after, total); });
}

QFuture<Result<Account>> LocalLedgerClient::account(qint64 id) {
    return m_service.account(id);
}

QFuture<Result<QList<Account>>> LocalLedgerClient::accountsOfPlayer(const QString &playerRef) {
    return m_service.run([playerRef](LedgerStore &s) { return s.accountsOfPlayer(playerRef); });
}

QFuture<Result<qint64>> LocalLedgerClient::balanceAt(qint64 accountId, qint64 atMs) {
    return m_service.run(
        [accountId, atMs](LedgerStore &s) { return LedgerReader(s).balanceAt(accountId, atMs); });
}

QFuture<Result<QList<HistoryEntry>>> LocalLedgerClient::history(qint64 accountId, qint64 beforeEntryId,
                                                                int limit) {
    return m_service.history(accountId, beforeEntryId, limit);
}

QFuture<Result<QList<BalancePoint>>> LocalLedgerClient::balanceSeries(qint64 accountId, qint64 fromMs,
                                                                      qint64 toMs) {
    return m_service.run(
        [=](LedgerStore &s) { return LedgerReader(s).balanceSeries(accountId, fromMs, toMs); });
}

QFuture<Result<EconomyReport>> LocalLedgerClient::economy(const QString &currency, qint64 fromMs,
                                                          qint64 toMs) {
    return m_service.run([=](LedgerStore &s) { return EconomyReader(s).economy(currency, fromMs, toMs); });
}

QFuture<Result<BalanceDistribution>> LocalLedgerClient::distribution(const QString &currency) {
    return m_service.run([=](LedgerStore &s) { return EconomyReader(s).distribution(currency); });
}

QFuture<Result<QList<JournalLine>>> LocalLedgerClient::journal(const JournalQuery &query,
                                                               qint64 beforeEntryId, int limit) {
    return m_service.run(
        [=](LedgerStore &s) { return LedgerReader(s).journal(query, beforeEntryId, limit); });
}

QFuture<Result<JournalTransaction>> LocalLedgerClient::transaction(qint64 id) {
    return m_service.run([id](LedgerStore &s) { return LedgerReader(s).transaction(id); });
}

QFuture<Result<PostingOutcome>> LocalLedgerClient::postingOutcome(const QString &idempotencyKey) {
    return m_service.run(
        [idempotencyKey](LedgerStore &s) { return LedgerReader(s).postingOutcome(idempotencyKey); });
}

QFuture<Result<QList<Approval>>> LocalLedgerClient::approvals(bool pendingOnly) {
    return m_service.run(
        [pendingOnly](LedgerStore &s) { return LedgerReader(s).approvals(pendingOnly, 1000); });
}

QFuture<Result<QList<AuditRecord>>> LocalLedgerClient::audit(qint64 beforeId, int limit) {
    return m_service.run([=](LedgerStore &s) { return LedgerReader(s).audit(beforeId, limit); });
}

QFuture<Result<QList<OperatorInfo>>> LocalLedgerClient::operators() {
    return m_service.run([](LedgerStore &s) { return s.operators(); });
}

QFuture<Result<qint64>> LocalLedgerClient::changeToken() {
    return m_service.run([](LedgerStore &s) { return LedgerReader(s).changeToken(); });
}

QFuture<Result<Account>> LocalLedgerClient::createAccount(const NewAccount &account) {
    return m_service
        .run([actor = m_actor, account](LedgerStore &s) { return s.createAccount(actor, account); })
        .then(this, [this](const Result<Account> &r) {
            if (r)
                announceWrite({r->id});
            return r;
        });
}

QFuture<Result<PostingResult>> LocalLedgerClient::post(const PostingRequest &request) {
    return m_service.post(m_actor, request);
}

QFuture<Result<QList<Result<PostingResult>>>>
LocalLedgerClient::postBatch(const QList<PostingRequest> &requests) {
    using Batch = Result<QList<Result<PostingResult>>>;
    if (requests.size() > MaxBatch)
        return QtFuture::makeReadyFuture(Batch(LedgerError{
            ErrorCode::InvalidArgument, QStringLiteral("a batch holds at most %1 postings").arg(MaxBatch)}));
    return m_service
        .run([actor = m_actor, requests](LedgerStore &s) { return Batch(s.postBatch(actor, requests)); })
        .then(this, [this](const Batch &r) {
            QList<qint64> ids;
            if (r)
                for (const Result<PostingResult> &one : *r)
                    if (one && !one->dryRun && !one->replayed)
                        for (const JournalEntry &e : one->entries)
                            if (!ids.contains(e.accountId))
                                ids << e.accountId;
            if (!ids.isEmpty())
                announceWrite(ids);
            return r;
        });
}

QFuture<Result<PostingResult>> LocalLedgerClient::reverse(const ReversalRequest &request) {
    return m_service.reverse(m_actor, request);
}

QFuture<Result<PostingResult>> LocalLedgerClient::approve(qint64 approvalId, const QString &comment,
                                                          WriteMode mode) {
    return m_service.approve(m_actor, approvalId, comment, mode);
}

QFuture<Result<Approval>> LocalLedgerClient::reject(qint64 approvalId, const QString &comment,
                                                    WriteMode mode) {
    return m_service.reject(m_actor, approvalId, comment, mode)
        .then(this, [this, mode](const Result<Approval> &r) {
            if (r && mode == WriteMode::Commit)
                announceWrite({r->request.accountId}); // the hold is released
            return r;
        });
}

QFuture<Result<Account>> LocalLedgerClient::setAccountState(qint64 accountId, AccountState state,
                                                            const QString &reason) {
    return m_service
        .run([actor = m_actor, accountId, state, reason](LedgerStore &s) {
            return s.setAccountState(actor, accountId, state, reason);
        })
        .then(this, [this](const Result<Account> &r) {
            if (r)
                announceWrite({r->id});
            return r;
        });
}

QFuture<Result<Currency>> LocalLedgerClient::addCurrency(const Currency &currency) {
    return m_service.run(
        [actor = m_actor, currency](LedgerStore &s) { return s.addCurrency(actor, currency); });
}

QFuture<Result<OperatorInfo>> LocalLedgerClient::addOperator(const OperatorInfo &info) {
    return m_service.run([actor = m_actor, info](LedgerStore &s) { return s.addOperator(actor, info); });
}

QFuture<Result<OperatorInfo>> LocalLedgerClient::setOperatorDisabled(const QString &name, bool disabled) {
    return m_service.run([actor = m_actor, name, disabled](LedgerStore &s) {
        return s.setOperatorDisabled(actor, name, disabled);
    });
}

QFuture<Result<Done>> LocalLedgerClient::setOperatorPassword(const QString &name, const QString &password) {
    return m_service.run([actor = m_actor, name, password](LedgerStore &s) {
        return OperatorAuth::setPassword(s, actor, name, password);
    });
}

namespace {

/// Verifies `store`, reporting progress through `promise` and stopping when it is canceled.
Result<VerifyReport> verifyWithProgress(LedgerStore &store, QPromise<Result<VerifyReport>> &promise) {
    // Progress counts entries; the verifier tells the total with its first call, before any work.
    return store.verify([&promise](qint64 checked, qint64 total) {
        if (checked == 0)
            promise.setProgressRange(0, int(std::min<qint64>(total, std::numeric_limits<int>::max())));
        promise.setProgressValue(int(std::min<qint64>(checked, std::numeric_limits<int>::max())));
        return !promise.isCanceled();
    });
}

} // namespace

QFuture<Result<VerifyReport>> LocalLedgerClient::verify() {
    auto promise = std::make_shared<QPromise<Result<VerifyReport>>>();
    QFuture<Result<VerifyReport>> future = promise->future();
    promise->start();
    if (m_url.kind == DatabaseUrl::Kind::Sqlite && m_url.path == u":memory:") {
        // A private in-memory database exists only on the service's connection.
        m_service.run([promise](LedgerStore &s) {
            promise->addResult(verifyWithProgress(s, *promise));
            promise->finish();
            return Result<Done>(Done{});
        });
        return future;
    }
    // On a connection of its own on a pool thread, as walletd's verify jobs run: verifying a large ledger
    // takes seconds, and on the service's one worker it would hold up every read of the window meanwhile.
    // Verify reads one snapshot, so the worker's writes during it are neither seen nor blocked (WAL, MVCC).
    QThreadPool::globalInstance()->start([promise, url = m_url] {
        Result<VerifyReport> report = LedgerError{ErrorCode::Database, QStringLiteral("no ledger")};
        if (auto opened = LedgerStore::open(url)) {
            std::unique_ptr<LedgerStore> store = std::move(opened).value();
            report = verifyWithProgress(*store, *promise);
            store.reset(); // closes the connection on the thread that opened it
        } else {
            report = opened.error();
        }
        ChainHasher::releaseThreadState(); // a pool thread hashed (see ChainHasher)
        promise->addResult(report);
        promise->finish();
    });
    return future;
}

QFuture<Result<Done>> LocalLedgerClient::recordExport(const QString &target, const QString &detail) {
    return m_service.run([actor = m_actor, target, detail](LedgerStore &s) {
        s.audit(actor, QStringLiteral("export"), target, QStringLiteral("ok"), detail);
        return Result<Done>(Done{});
    });
}

QFuture<Result<Statement>> LocalLedgerClient::statement(qint64 accountId, qint64 fromMs, qint64 toMs) {
    return m_service.run([actor = m_actor, label = m_session.connectionLabel, accountId, fromMs,
                          toMs](LedgerStore &s) -> Result<Statement> {
        auto r = LedgerReader(s).statement(accountId, fromMs, toMs);
        // Audited after it was read, so the digest it shows is the ledger's before this record; a refused
        // statement is recorded too, as the ledger records refused actions.
        const auto range = StatementRange::fromMillis(fromMs, toMs);
        const QString what = range ? range->text() : QStringLiteral("%1..%2").arg(fromMs).arg(toMs);
        s.audit(actor, QStringLiteral("statement"), QStringLiteral("account:%1").arg(accountId),
                r ? QStringLiteral("ok") : QStringLiteral("failed"),
                r ? QStringLiteral("%1, %2 entries").arg(what).arg(r->sections.value(0).lines.size())
                  : QStringLiteral("%1: %2").arg(what, r.error().message));
        if (r) {
            r.value().ledgerName = label;
            r.value().generatedBy = actor.operatorName;
        }
        return r;
    });
}

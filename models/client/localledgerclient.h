#pragma once

#include "actor.h"
#include "databaseurl.h"
#include "ledgerclient.h"
#include "ledgerservice.h"

/// A ledger reached directly: an SQLite file or a PostgreSQL database, through LedgerService's worker
/// thread. The operator is named at connect time and must exist and be enabled in the ledger; the ledger
/// checks that operator's role and limits on every write.
class LocalLedgerClient final : public LedgerClient {
    Q_OBJECT
public:
    explicit LocalLedgerClient(QObject *parent = nullptr);
    ~LocalLedgerClient() override;
    Q_DISABLE_COPY_MOVE(LocalLedgerClient)

    /// Opens (and migrates) the ledger and signs in as `operatorName`. On success session() is valid.
    QFuture<Result<SessionInfo>> connectTo(const DatabaseUrl &url, const QString &operatorName);
    /// Opens (and migrates) the ledger and acts as `actor` without looking the operator up: walletctl's way,
    /// whose `init` creates the first operator and whose reads work under any name (the ledger checks the
    /// operator on every write, as it does for connectTo()).
    QFuture<Result<Done>> open(const DatabaseUrl &url, const Actor &actor);

    SessionInfo session() const override { return m_session; }

    QFuture<Result<QList<Currency>>> currencies() override;
    QFuture<Result<qint64>> countAccounts(const AccountQuery &query) override;
    QFuture<Result<AccountPage>> accounts(const AccountQuery &query, qint64 offset, int limit,
                                          const std::optional<AccountKey> &after, qint64 total) override;
    QFuture<Result<Account>> account(qint64 id) override;
    QFuture<Result<QList<Account>>> accountsOfPlayer(const QString &playerRef) override;
    QFuture<Result<qint64>> balanceAt(qint64 accountId, qint64 atMs) override;
    QFuture<Result<QList<HistoryEntry>>> history(qint64 accountId, qint64 beforeEntryId, int limit) override;
    QFuture<Result<QList<BalancePoint>>> balanceSeries(qint64 accountId, qint64 fromMs, qint64 toMs) override;
    QFuture<Result<EconomyReport>> economy(const QString &currency, qint64 fromMs, qint64 toMs) override;
    QFuture<Result<BalanceDistribution>> distribution(const QString &currency) override;
    QFuture<Result<QList<JournalLine>>> journal(const JournalQuery &query, qint64 beforeEntryId,
                                                int limit) override;
    QFuture<Result<JournalTransaction>> transaction(qint64 id) override;
    QFuture<Result<PostingOutcome>> postingOutcome(const QString &idempotencyKey) override;
    QFuture<Result<QList<Approval>>> approvals(bool pendingOnly) override;
    QFuture<Result<QList<AuditRecord>>> audit(qint64 beforeId, int limit) override;
    QFuture<Result<QList<OperatorInfo>>> operators() override;
    QFuture<Result<qint64>> changeToken() override;
    QFuture<Result<Statement>> statement(qint64 accountId, qint64 fromMs, qint64 toMs) override;

    QFuture<Result<Account>> createAccount(const NewAccount &account) override;
    QFuture<Result<PostingResult>> post(const PostingRequest &request) override;
    QFuture<Result<QList<Result<PostingResult>>>> postBatch(const QList<PostingRequest> &requests) override;
    QFuture<Result<PostingResult>> reverse(const ReversalRequest &request) override;
    QFuture<Result<PostingResult>> approve(qint64 approvalId, const QString &comment,
                                           WriteMode mode) override;
    QFuture<Result<Approval>> reject(qint64 approvalId, const QString &comment, WriteMode mode) override;
    QFuture<Result<Account>> setAccountState(qint64 accountId, AccountState state,
                                             const QString &reason) override;
    QFuture<Result<Currency>> addCurrency(const Currency &currency) override;
    QFuture<Result<OperatorInfo>> addOperator(const OperatorInfo &info) override;
    QFuture<Result<OperatorInfo>> setOperatorDisabled(const QString &name, bool disabled) override;
    QFuture<Result<Done>> setOperatorPassword(const QString &name, const QString &password) override;
    QFuture<Result<VerifyReport>> verify() override;
    QFuture<Result<Done>> recordExport(const QString &target, const QString &detail) override;

    /// The service underneath, for tools that need the whole store API (walletctl-style jobs, tests).
    LedgerService &service() { return m_service; }

private:
    LedgerService m_service;
    DatabaseUrl m_url; ///< what connectTo()/open() opened: verify() opens it again on its own connection
    Actor m_actor;
    SessionInfo m_session;
};

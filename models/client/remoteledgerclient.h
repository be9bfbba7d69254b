#pragma once

#include "ledgerclient.h"
#include "walletdtransport.h"

#include <QPromise>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

class QNetworkReply;

/// A ledger reached through walletd's admin API (docs/api/openapi.yaml): staff hold a token, not database
/// credentials. It gives the same results and the same LedgerError codes and messages as LocalLedgerClient,
/// because walletd passes the ledger's own errors through and this client maps them back.
///
/// One QNetworkAccessManager; every call is asynchronous and its future completes on this client's thread.
/// When walletd cannot be reached, availabilityChanged(false, reason) is emitted, and requests that are safe
/// to repeat (reads, and writes that carry an idempotency key) are retried with the same key, so a posting
/// whose answer was lost is never posted twice. availabilityChanged(true) follows the first answer again.
/// When walletd ends the session, requests wait for the operator to sign in again (signInRequired()).
class RemoteLedgerClient final : public LedgerClient {
    Q_OBJECT
public:
    explicit RemoteLedgerClient(QObject *parent = nullptr);
    ~RemoteLedgerClient() override;
    Q_DISABLE_COPY_MOVE(RemoteLedgerClient)

    /// Signs in to walletd at `server` (http or https). On success session() is valid.
    QFuture<Result<SessionInfo>> connectTo(const QUrl &server, const QString &operatorName,
                                           const QString &password);
    /// Ends the session at walletd (the token stops working everywhere).
    QFuture<Result<Done>> disconnectFromServer();

    /// When walletd answers 401 to a signed-in client, the session has ended: the request is parked (walletd
    /// refused it before doing anything, so sending it again is safe, writes included) and signInRequired()
    /// is emitted. These resume or give up.
    QFuture<Result<SessionInfo>> resumeSession(const QString &password) override;
    void abandonSession() override;

    /// How often and how far apart a request that could not reach walletd is retried (default 4 times, from
    /// 250 ms doubling). Requests that are not safe to repeat are never retried.
    void setRetryPolicy(int retries, int firstDelayMs);
    /// How long a request waits for walletd's answer before slowAnswer() is emitted (default
    /// WalletdTransport::SlowAnswerMs, 2 s); tests shorten it.
    void setSlowAnswerAfter(int milliseconds);

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
    /// walletd records it (POST /admin/v1/audit/export) as the session's operator.
    QFuture<Result<Done>> recordExport(const QString &target, const QString &detail) override;

private:
    using Call = WalletdTransport::Call;

    /// The login exchange of connectTo() and resumeSession(): on success sets the token and session.
    QFuture<Result<SessionInfo>> signIn(const QString &operatorName, const QString &password);
    using VerifyPromise = std::shared_ptr<QPromise<Result<VerifyReport>>>;
    /// Follows a verification that walletd runs in the background: reports its progress to `promise`, and
    /// cancels it at walletd when the promise is canceled.
    void followVerification(const QString &jobId, VerifyPromise promise);

    using PlayerAccountsPromise = std::shared_ptr<QPromise<Result<QList<Account>>>>;
    /// One page of accountsOfPlayer()'s search from `offset`; gathers the exact matches into `found`.
    void readPlayerPage(const QString &playerRef, qint64 offset, PlayerAccountsPromise promise,
                        std::shared_ptr<QList<Account>> found);

    WalletdTransport m_transport;
    SessionInfo m_session;
    /// How often a running verification's progress is asked for.
    static constexpr int VerifyPollMs = 200;
};

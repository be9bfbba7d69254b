#pragma once

#include "accountquery.h"
#include "approval.h"
#include "auditrecord.h"
#include "balancedistribution.h"
#include "balancepoint.h"
#include "connectionsecurity.h"
#include "currency.h"
#include "economyreport.h"
#include "historyentry.h"
#include "journalquery.h"
#include "journaltransaction.h"
#include "ledgererror.h"
#include "newaccount.h"
#include "operatorinfo.h"
#include "postingoutcome.h"
#include "postingrequest.h"
#include "postingresult.h"
#include "reversalrequest.h"
#include "statement.h"
#include "verifyreport.h"
#include "writemode.h"

#include <QFuture>
#include <QObject>
#include <QTimer>

/// Who is signed in, as the desktop app shows it and decides which actions to offer.
struct SessionInfo {
    QString operatorName;
    Role role = Role::Viewer;
    QString connectionLabel; ///< "demo.sqlite", "postgresql://ledger.example/wallets", "https://walletd:8443"
    ConnectionSecurity security;
    /// Why nothing can be written to this ledger (LedgerStore::readOnlyReason: a SQLite file on read-only
    /// media); empty when it can. The window holds every write back with it.
    QString readOnlyReason;
};

/// The one ledger interface of the desktop app: a ledger reached directly (SQLite file or PostgreSQL,
/// LocalLedgerClient) or through walletd (RemoteLedgerClient). Both give the same results and the same
/// errors, and one behavioural suite runs against each.
///
/// Every call is asynchronous and safe from the GUI thread: the QFuture completes on another thread, so
/// callers attach continuations with a context object (QFuture::then(this, ...)) to come back to theirs.
/// Every call acts as the signed-in operator; the ledger authorises and audits it.
class LedgerClient : public QObject {
    Q_OBJECT
public:
    explicit LedgerClient(QObject *parent = nullptr);
    ~LedgerClient() override;
    Q_DISABLE_COPY_MOVE(LedgerClient)

    virtual SessionInfo session() const = 0;

    // --- reading
    virtual QFuture<Result<QList<Currency>>> currencies() = 0;
    virtual QFuture<Result<qint64>> countAccounts(const AccountQuery &query) = 0;
    /// See LedgerReader::accounts for the window arguments.
    virtual QFuture<Result<AccountPage>> accounts(const AccountQuery &query, qint64 offset, int limit,
                                                  const std::optional<AccountKey> &after, qint64 total) = 0;
    virtual QFuture<Result<Account>> account(qint64 id) = 0;
    /// Every account of one player (exact reference), ordered by currency; NotFound when there is none.
    virtual QFuture<Result<QList<Account>>> accountsOfPlayer(const QString &playerRef) = 0;
    /// An account's balance at `atMs`: what its entries up to that moment add up to.
    virtual QFuture<Result<qint64>> balanceAt(qint64 accountId, qint64 atMs) = 0;
    /// Newest first, entries older than `beforeEntryId` (0: from the newest).
    virtual QFuture<Result<QList<HistoryEntry>>> history(qint64 accountId, qint64 beforeEntryId,
                                                         int limit) = 0;
    virtual QFuture<Result<QList<BalancePoint>>> balanceSeries(qint64 accountId, qint64 fromMs,
                                                               qint64 toMs) = 0;
    /// A currency's economy per day in [fromMs, toMs) (0: open ends); see EconomyReader::economy.
    virtual QFuture<Result<EconomyReport>> economy(const QString &currency, qint64 fromMs, qint64 toMs) = 0;
    /// Who holds a currency now; see EconomyReader::distribution.
    virtual QFuture<Result<BalanceDistribution>> distribution(const QString &currency) = 0;
    virtual QFuture<Result<QList<JournalLine>>> journal(const JournalQuery &query, qint64 beforeEntryId,
                                                        int limit) = 0;
    virtual QFuture<Result<JournalTransaction>> transaction(qint64 id) = 0;
    /// What became of the posting sent with `idempotencyKey`: for a dialog whose answer was lost.
    virtual QFuture<Result<PostingOutcome>> postingOutcome(const QString &idempotencyKey) = 0;
    virtual QFuture<Result<QList<Approval>>> approvals(bool pendingOnly) = 0;
    /// Newest first, records older than `beforeId` (0: from the newest).
    virtual QFuture<Result<QList<AuditRecord>>> audit(qint64 beforeId, int limit) = 0;
    virtual QFuture<Result<QList<OperatorInfo>>> operators() = 0;
    /// Grows whenever anyone writes to the ledger; see LedgerReader::changeToken.
    virtual QFuture<Result<qint64>> changeToken() = 0;

    /// One account's statement for [fromMs, toMs) (see LedgerReader::statement), with ledgerName and
    /// generatedBy filled in; recorded in the audit log (action "statement", target "account:ID").
    /// Through walletd the range must be whole UTC days (walletd's route takes days).
    virtual QFuture<Result<Statement>> statement(qint64 accountId, qint64 fromMs, qint64 toMs) = 0;

    // --- writing (as the signed-in operator)
    virtual QFuture<Result<Account>> createAccount(const NewAccount &account) = 0;
    // A request with dryRun set, or WriteMode::DryRun, is only rehearsed: the ledger answers what it would do
    // (PostingResult::dryRun) and writes nothing; see LedgerStore.
    virtual QFuture<Result<PostingResult>> post(const PostingRequest &request) = 0;
    /// At most MaxBatch postings, all dry runs or none (LedgerStore::postBatch): each gets its own result. A
    /// dry run answers each after the ones before it (a second withdrawal that overdraws only because the
    /// first spends is refused). The whole call fails only when the ledger cannot be asked.
    virtual QFuture<Result<QList<Result<PostingResult>>>>
    postBatch(const QList<PostingRequest> &requests) = 0;
    static constexpr int MaxBatch = 1000;
    virtual QFuture<Result<PostingResult>> reverse(const ReversalRequest &request) = 0;
    virtual QFuture<Result<PostingResult>> approve(qint64 approvalId, const QString &comment,
                                                   WriteMode mode) = 0;
    virtual QFuture<Result<Approval>> reject(qint64 approvalId, const QString &comment, WriteMode mode) = 0;
    virtual QFuture<Result<Account>> setAccountState(qint64 accountId, AccountState state,
                                                     const QString &reason) = 0;

    // --- administration (admin role; the ledger checks it)
    virtual QFuture<Result<Currency>> addCurrency(const Currency &currency) = 0;
    virtual QFuture<Result<OperatorInfo>> addOperator(const OperatorInfo &info) = 0;
    virtual QFuture<Result<OperatorInfo>> setOperatorDisabled(const QString &name, bool disabled) = 0;
    /// Sets the password `name` signs in to walletd with.
    virtual QFuture<Result<Done>> setOperatorPassword(const QString &name, const QString &password) = 0;

    // --- long work: the future reports progress (0..progressMaximum) and honours cancel()
    virtual QFuture<Result<VerifyReport>> verify() = 0;

    /// Records in the audit log that the signed-in operator exported `target` ("account:12", "journal").
    /// The future completes once the record is written (or refused), so that a program that ends or signs
    /// out right after an export (walletctl) cannot lose the record on the way. The default records nothing
    /// (a client whose server audits exports itself).
    virtual QFuture<Result<Done>> recordExport(const QString &target, const QString &detail);

    /// After signInRequired(): signs in again as the same operator. On success the requests that were waiting
    /// are sent again and complete as if nothing had happened; on failure (a wrong password) they go on
    /// waiting. A ledger reached directly has no session to resume (it answers InvalidArgument).
    virtual QFuture<Result<SessionInfo>> resumeSession(const QString &password);
    /// After signInRequired(): gives up; the waiting requests fail with the reason the session ended.
    virtual void abandonSession();

    /// Polls changeToken() every `intervalMs` and emits ledgerChanged() when it moved. 0 stops polling.
    void setPollInterval(int intervalMs);

Q_SIGNALS:
    /// This client wrote to these accounts (emitted on the thread that owns the client).
    void accountsChanged(const QList<qint64> &accountIds);
    /// Someone (this client, another desktop, walletd, walletctl) wrote to the ledger.
    void ledgerChanged();
    /// The ledger stopped answering (connection lost) or answers again. Views keep their data meanwhile.
    void availabilityChanged(bool available, const QString &reason);
    /// The server ended this session (walletd: 30 minutes idle, 12 hours in all, or the password changed).
    /// Requests that met the end wait unanswered until resumeSession() or abandonSession(); views keep
    /// their data meanwhile. Emitted once per ended session; a ledger reached directly never emits it.
    void signInRequired(const QString &reason);
    /// A request has waited `waitedSeconds` for its answer, past the client's threshold (about 2 s); emitted
    /// again each second while the oldest request out waits. Only a client that reaches its ledger over the
    /// network (walletd) emits it: the ledger may be slow, the network stalled, or the answer may come yet.
    void slowAnswer(int waitedSeconds);
    /// After slowAnswer(): no request waits past the threshold any more (answered, or given up).
    void slowAnswerEnded();

protected:
    /// For subclasses: report a write's touched accounts (call on the client's thread).
    void announceWrite(const QList<qint64> &accountIds);

private:
    void poll();

    QTimer m_pollTimer;
    qint64 m_lastToken = -1;
    bool m_pollInFlight = false;
    bool m_available = true;
};

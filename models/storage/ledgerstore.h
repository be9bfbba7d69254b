#pragma once

#include "account.h"
#include "actor.h"
#include "approval.h"
#include "auditrecord.h"
#include "connectionsecurity.h"
#include "currency.h"
#include "databaseurl.h"
#include "historyentry.h"
#include "journaltransaction.h"
#include "ledgererror.h"
#include "newaccount.h"
#include "operatorinfo.h"
#include "postingrequest.h"
#include "postingresult.h"
#include "reversalrequest.h"
#include "verifyreport.h"
#include "writemode.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <functional>
#include <memory>

class BulkJournal;

/// The ledger over one SQL connection, synchronous. It owns its QSqlDatabase, so it lives and dies on the
/// thread that opened it; front ends use LedgerService, which runs a LedgerStore on a worker thread.
///
/// Every write is one database transaction that checks the rules (roles, limits, states, overdraft,
/// idempotency) under the locks it writes with, so there is no check-then-act window between processes.
class LedgerStore final {
public:
    enum class Dialect { Sqlite, Postgres };

    /// Opens (creating a SQLite file if needed) and applies pending migrations. A schema newer than this
    /// program is refused with SchemaTooNew. A SQLite file that cannot be written is opened read-only (see
    /// readOnlyReason()); one with an older schema is then refused, as it cannot be migrated.
    static Result<std::unique_ptr<LedgerStore>> open(const DatabaseUrl &url);
    ~LedgerStore();
    Q_DISABLE_COPY_MOVE(LedgerStore)

    Dialect dialect() const { return m_dialect; }
    QSqlDatabase database() const { return m_db; }
    /// Whether the database still answers on this connection (a PostgreSQL server may have gone away). Always
    /// true for SQLite, whose failures are of a statement, never of a connection.
    bool isConnected();
    /// Whether the last failed write failed at its COMMIT, so that it may have committed after all (the
    /// connection died while the server was answering). False when it failed before: nothing was written.
    bool lastCommitUncertain() const { return m_commitUncertain; }
    /// Whether this connection is encrypted, as the server reports it (PostgreSQL's pg_stat_ssl).
    ConnectionSecurity security() const { return m_security; }
    /// Why nothing can be written to this ledger: a SQLite file on read-only media or not writable by this
    /// user, opened read-only (SqliteAccess). Every write is refused with it (ErrorCode::Database) before it
    /// starts; reads and verify work. Empty when the ledger can be written.
    QString readOnlyReason() const { return m_readOnlyReason; }
    static int knownSchemaVersion();
    int schemaVersion();

    // --- setup (LedgerAdmin's)
    /// Creates the first admin operator when there is none (what `walletctl init` does). Idempotent.
    Result<OperatorInfo> bootstrapAdmin(const QString &name);
    /// Adds a currency and its system accounts (treasury, house, adjustments, promotions). Admin only.
    Result<Currency> addCurrency(const Actor &actor, const Currency &currency);
    Result<QList<Currency>> currencies();

    // --- operators (admin; LedgerAdmin's)
    Result<OperatorInfo> addOperator(const Actor &actor, const OperatorInfo &info);
    Result<QList<OperatorInfo>> operators();
    Result<OperatorInfo> setOperatorDisabled(const Actor &actor, const QString &name, bool disabled);

    // --- accounts
    Result<Account> createAccount(const Actor &actor, const NewAccount &newAccount);
    Result<Account> account(qint64 id);
    /// All accounts of a player, one per currency.
    Result<QList<Account>> accountsOfPlayer(const QString &playerRef);
    Result<Account> systemAccount(const QString &currency, const QString &name);
    Result<Account> setAccountState(const Actor &actor, qint64 accountId, AccountState state,
                                    const QString &reason);

    // --- postings
    /// Every write here can be a dry run (PostingRequest::dryRun, ReversalRequest::dryRun, WriteMode): the
    /// same rules under the same locks in a transaction that is rolled back; nothing is written or audited.
    Result<PostingResult> post(const Actor &actor, const PostingRequest &request);
    /// Many postings in one database transaction (one fsync). Each gets its own result: a rule failure of
    /// one does not undo the others, because rules are checked before anything of that posting is written.
    /// The requests are all dry runs (each answered after the ones before it) or none is.
    QList<Result<PostingResult>> postBatch(const Actor &actor, const QList<PostingRequest> &requests);
    Result<PostingResult> reverse(const Actor &actor, const ReversalRequest &request);
    Result<PostingResult> approve(const Actor &actor, qint64 approvalId, const QString &comment,
                                  WriteMode mode = WriteMode::Commit);
    /// A dry run answers the approval as the rejection would leave it.
    Result<Approval> reject(const Actor &actor, qint64 approvalId, const QString &comment,
                            WriteMode mode = WriteMode::Commit);

    // --- integrity
    /// Recomputes both hash chains and every balance invariant. `progress` gets the entries checked so far
    /// and the total to expect (see LedgerVerifier::run), and may return false to cancel.
    Result<VerifyReport> verify(const std::function<bool(qint64 checked, qint64 total)> &progress = {});

    /// Writes one audit row in its own transaction (logins, exports, failed and denied actions).
    void audit(const Actor &actor, const QString &action, const QString &target, const QString &outcome,
               const QString &detail);

    /// The bulk path (for the demo generator): `body` posts a whole planned history through a BulkJournal,
    /// whose postings follow the same rules and make the same rows as post() does, inside one transaction.
    /// The secondary indexes of the journal are dropped before and rebuilt after (a sort beats millions of
    /// random B-tree inserts), and on SQLite the load bypasses the WAL (rollback journal, large cache): all
    /// of it still commits or rolls back as one. `origin` and `keyPrefix` are BulkJournal's.
    Result<Done> bulkLoad(const QString &origin, const QByteArray &keyPrefix,
                          const std::function<Result<Done>(BulkJournal &journal)> &body);

    static constexpr int SqliteShards = 1;
    static constexpr int PostgresShards = 16;
    int shardCount() const { return m_dialect == Dialect::Sqlite ? SqliteShards : PostgresShards; }
    static QString zeroHash();

private:
    explicit LedgerStore(Dialect dialect, const QSqlDatabase &db);
    struct Impl;
    friend struct Impl;
    friend class LedgerReader; // its reads of one row run on the store's cached statements
    friend class LedgerAdmin;  // currencies and operators, written by the store's own transactions
    Dialect m_dialect;
    QSqlDatabase m_db;
    ConnectionSecurity m_security;
    bool m_commitUncertain = false;
    QString m_readOnlyReason;
    std::unique_ptr<Impl> d;
};

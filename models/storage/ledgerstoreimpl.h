#pragma once

// The store's private part, shared by the files that implement LedgerStore. Not for use outside storage/.

#include "journalwriter.h"
#include "ledgerstore.h"
#include "postingrules.h"
#include "sqlsession.h"
#include "writemode.h"

#include <QMap>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QThread>
#include <optional>

// The columns readApproval() reads, then the maker's id and the account; a macro so that each query stays one
// string literal (prepared statements are cached by the literal's address).
#define APPROVAL_SELECT                                                                                      \
    "SELECT p.id, p.state, p.request, p.hold_amount, m.name, COALESCE(c.name, ''), p.comment, "              \
    "p.created_at, "                                                                                         \
    "COALESCE(p.decided_at, 0), COALESCE(p.transaction_id, 0), p.maker_id, p.account_id, acc.currency, "     \
    "cur.exponent FROM approvals p "                                                                         \
    "JOIN operators m ON m.id = p.maker_id LEFT JOIN operators c ON c.id = p.checker_id "                    \
    "JOIN accounts acc ON acc.id = p.account_id JOIN currencies cur ON cur.code = acc.currency "

/// An operator as the store checks it: role, state and per-currency limits.
struct OperatorRow {
    qint64 id = 0;
    QString name;
    Role role = Role::Viewer;
    bool disabled = false;
    QMap<QString, qint64> limits;
};

/// The store's transactions and the postings, approvals and administration that run in them. The rules are
/// PostingRules'; the rows are written by the JournalWriter.
struct LedgerStore::Impl {
    explicit Impl(LedgerStore &store)
        : s(store)
        , sql(store.m_db, store.m_dialect == Dialect::Postgres)
        , writer(sql) {}
    LedgerStore &s;
    SqlSession sql;
    JournalWriter writer;
    bool inTransaction = false;

    bool pg() const { return sql.postgres(); }
    const char *pick(const char *sqlite, const char *postgres) const { return sql.pick(sqlite, postgres); }
    SqlStatement &run(const char *text, std::initializer_list<QVariant> args = {}) {
        return sql.run(text, args);
    }
    QVariant scalar(const char *text, std::initializer_list<QVariant> args = {}) {
        return sql.scalar(text, args);
    }
    void execRaw(const QString &text) { sql.execRaw(text); }

    /// `body` in a write transaction, retried when the database says so. A dry run (WriteMode::DryRun) runs
    /// it just the same, under the same locks, and rolls back instead of committing: what it answers is what
    /// the ledger would do, and the database is as it was.
    template <typename F>
    auto transact(F &&body, WriteMode mode = WriteMode::Commit) -> Result<decltype(body())> {
        // A read-only ledger refuses every write, dry runs too (their rehearsal writes before it rolls back),
        // with the cause, rather than with the database's "attempt to write a readonly database".
        if (!s.m_readOnlyReason.isEmpty())
            return LedgerError{ErrorCode::Database, s.m_readOnlyReason};
        for (int attempt = 0;; ++attempt) {
            try {
                if (pg())
                    // A writing transaction runs only key lookups and writes, whose best plan never depends
                    // on the values bound; PostgreSQL would plan them afresh on every execution (it keeps
                    // custom plans when arrays are bound, as the flush does), which cost each posting more
                    // than all its inserts. Sent with BEGIN in one round trip; it ends with the transaction.
                    execRaw(QStringLiteral("BEGIN; SET LOCAL plan_cache_mode = force_generic_plan"));
                else
                    run("BEGIN IMMEDIATE"); // a cached statement: this runs once per posting
                inTransaction = true;
                s.m_commitUncertain = false;
                auto value = body();
                if (mode == WriteMode::DryRun) {
                    writer.cache()
                        .clear(); // never flushed: the cached balances and heads were the rehearsal's
                    rollback();
                    return value;
                }
                writer.cache().flush(sql);
                // From here until COMMIT answers, a lost connection leaves unknown whether it committed.
                s.m_commitUncertain = true;
                if (pg())
                    execRaw(QStringLiteral("COMMIT"));
                else
                    run("COMMIT");
                s.m_commitUncertain = false;
                inTransaction = false;
                writer.cache().clear();
                return value;
            } catch (const StoreFailure &f) {
                writer.cache().clear();
                rollback();
                if (f.retryable && attempt < 50) {
                    QThread::usleep(quint64(200 + QRandomGenerator::global()->bounded(800 * (attempt + 1))));
                    continue;
                }
                return f.error;
            }
        }
    }

    void rollback() {
        if (!inTransaction)
            return;
        QSqlQuery q(s.m_db);
        q.exec(QStringLiteral("ROLLBACK"));
        inTransaction = false;
    }

    // --- operators

    std::optional<OperatorRow> findOperator(const QString &name);

    OperatorRow requireOperator(const Actor &actor, Role minimum, const QString &what);

    // --- accounts

    // --- hash chains

    struct Lane {
        int lane = 0;
        QString head;
        qint64 lastId = 0;
    };

    // --- postings

    /// Looks the key up among transactions and pending approvals. Returns a result when the key was used
    /// before with the same request; throws IdempotencyConflict when it was used with another.
    std::optional<PostingResult> replay(const QString &key, const QString &requestHash,
                                        bool includeApprovals);

    /// Which of `keys` a transaction or an approval already holds: one query for a whole batch, where
    /// replay() is one per posting (on PostgreSQL one network round trip each). The keys travel as one JSON
    /// array, so any text is bound safely. On PostgreSQL the list must be an array (= ANY(ARRAY(...))): with
    /// IN (SELECT ...) the planner, not knowing how many keys come, scans the whole journal; with the array
    /// it probes the key index (lockAccounts likewise).
    QSet<QString> usedKeys(const QStringList &keys);

    QList<JournalEntry> entriesOf(qint64 txnId);

    /// Locks the posting's player accounts in ascending id order (no deadlock between postings) and plans
    /// its legs by the rules. Throws on any rule failure; writes nothing.
    QList<PostingLeg> planLegs(const PostingRequest &r, const OperatorRow &op,
                               QHash<qint64, Account> &players);

    /// The whole posting, inside an open transaction.
    /// `keyMayBeUsed` false: the caller has already looked the key up (a batch does it for all its keys at
    /// once, usedKeys) and found it unused, so the lookup here is skipped.
    PostingResult postLocked(const Actor &actor, const OperatorRow &op, const PostingRequest &r,
                             qint64 fromApprovalId, bool keyMayBeUsed = true);

    PostingResult holdForApproval(const Actor &actor, const OperatorRow &op, const PostingRequest &r,
                                  const QString &requestHash, const Account &primary, qint64 limit);

    Approval readApproval(SqlStatement &q);

    /// Loads a pending approval for a decision by `checker`, releasing its hold. Throws when it cannot be
    /// decided.
    Approval takePendingApproval(qint64 approvalId, const OperatorRow &checker, qint64 *makerId);

    OperatorRow operatorById(qint64 id);

    void auditFailure(const Actor &actor, const QString &action, const QString &target, const LedgerError &e);

    /// One audited action: `body` runs in a write transaction; when it fails, the failure is audited in a
    /// transaction of its own (the first one was rolled back). A dry run audits nothing: nothing happened.
    template <typename F>
    auto audited(const Actor &actor, const QString &action, const QString &target, F &&body,
                 WriteMode mode = WriteMode::Commit) -> Result<decltype(body())> {
        auto r = transact(std::forward<F>(body), mode);
        if (!r && mode == WriteMode::Commit)
            auditFailure(actor, action, target, r.error());
        return r;
    }

    /// audited() for the actions that answer with a posting (post, transfer, reverse, approve): a dry run's
    /// result names no rows, since none were written (only a replay's ids are real); an approval's dry run
    /// keeps the id of the approval it decides (`keepApprovalId`).
    template <typename F>
    Result<PostingResult> auditedPosting(const Actor &actor, const QString &action, const QString &target,
                                         F &&body, WriteMode mode, bool keepApprovalId = false) {
        auto r = audited(actor, action, target, std::forward<F>(body), mode);
        if (r && mode == WriteMode::DryRun)
            markDryRun(r.value(), keepApprovalId);
        return r;
    }
    static void markDryRun(PostingResult &r, bool keepApprovalId);

    /// Sets a freshly opened connection up (timeouts, WAL, how it is secured) and migrates its schema
    /// forward; refuses a schema newer than this program.
    Result<Done> prepare(const DatabaseUrl &url);

    static QString hashHex(const QByteArray &bytes);
    static QString accountTarget(qint64 id);
    static qint64 nowMs() { return JournalWriter::nowMs(); }
};

#include "ledgerstore.h"

#include "chainhasher.h"
#include "journalwriter.h"
#include "ledgerverifier.h"
#include "money.h"
#include "postingrules.h"
#include "sqlscript.h"
#include "sqlsession.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QThread>
#include <QUuid>
#include <algorithm>
#include <map>
#include <sqlite3.h>
#include <unordered_map>

// The columns readApproval() reads, then the maker's id and the account; a macro so that each query stays one
// string literal (prepared statements are cached by the literal's address).
#define APPROVAL_SELECT                                                                                      \
    "SELECT p.id, p.state, p.request, p.hold_amount, m.name, COALESCE(c.name, ''), p.comment, "              \
    "p.created_at, "                                                                                         \
    "COALESCE(p.decided_at, 0), COALESCE(p.transaction_id, 0), p.maker_id, p.account_id, acc.currency, "     \
    "cur.exponent FROM approvals p "                                                                         \
    "JOIN operators m ON m.id = p.maker_id LEFT JOIN operators c ON c.id = p.checker_id "                    \
    "JOIN accounts acc ON acc.id = p.account_id JOIN currencies cur ON cur.code = acc.currency "

namespace {

QString hashHex(const QByteArray &bytes) {
    return QString::fromLatin1(sha256Hex(bytes));
}

QString accountTarget(qint64 id) {
    return QStringLiteral("account:%1").arg(id);
}

qint64 nowMs() {
    return JournalWriter::nowMs();
}

} // namespace

using PostingRules::MaxKeyLength;
using PostingRules::MaxTextLength;

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

    template <typename F> auto transact(F &&body) -> Result<decltype(body())> {
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
                if (inTransaction) {
                    QSqlQuery q(s.m_db);
                    q.exec(QStringLiteral("ROLLBACK"));
                    inTransaction = false;
                }
                if (f.retryable && attempt < 50) {
                    QThread::usleep(quint64(200 + QRandomGenerator::global()->bounded(800 * (attempt + 1))));
                    continue;
                }
                return f.error;
            }
        }
    }

    // --- operators

    std::optional<OperatorRow> findOperator(const QString &name) {
        SqlStatement &q =
            run("SELECT o.id, o.name, o.role, o.disabled, l.currency, l.max_amount FROM operators o "
                "LEFT JOIN operator_limits l ON l.operator_id = o.id WHERE o.name = ?",
                {name});
        std::optional<OperatorRow> op;
        while (q.next()) {
            if (!op) {
                op = OperatorRow{};
                op->id = q.value(0).toLongLong();
                op->name = q.value(1).toString();
                op->role = roleFromName(q.value(2).toString()).value_or(Role::Viewer);
                op->disabled = q.value(3).toInt() != 0;
            }
            if (!q.value(4).isNull())
                op->limits.insert(q.value(4).toString(), q.value(5).toLongLong());
        }
        q.finish();
        return op;
    }

    OperatorRow requireOperator(const Actor &actor, Role minimum, const QString &what) {
        const auto op = findOperator(actor.operatorName);
        if (!op)
            fail(ErrorCode::PermissionDenied,
                 QStringLiteral("unknown operator \"%1\"").arg(actor.operatorName));
        if (op->disabled)
            fail(ErrorCode::PermissionDenied, QStringLiteral("operator %1 is disabled").arg(op->name));
        if (op->role < minimum)
            fail(ErrorCode::PermissionDenied,
                 QStringLiteral("%1 needs the %2 role; %3 is %4")
                     .arg(what, roleName(minimum), op->name, roleName(op->role)));
        return *op;
    }

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
                                        bool includeApprovals) {
        // One round trip for both places a key can live; a posted approval's key is in both, and the
        // transaction (first) is the answer then.
        SqlStatement &q = run("SELECT 0, id, request_hash FROM transactions WHERE idempotency_key = ? "
                              "UNION ALL SELECT 1, id, request_hash FROM approvals WHERE idempotency_key = ?",
                              {key, key});
        bool found = false, approval = false;
        qint64 id = 0;
        QString hash;
        while (q.next()) {
            const bool isApproval = q.value(0).toInt() == 1;
            if (found && isApproval)
                continue; // the transaction row wins
            found = true;
            approval = isApproval;
            id = q.value(1).toLongLong();
            hash = q.value(2).toString();
        }
        if (!found)
            return std::nullopt;
        if (approval && !includeApprovals)
            return std::nullopt;
        if (hash != requestHash)
            fail(ErrorCode::IdempotencyConflict,
                 QStringLiteral("idempotency key \"%1\" was already used for a different request").arg(key));
        PostingResult r;
        r.replayed = true;
        if (approval) {
            r.status = PostingResult::Status::Pending;
            r.approvalId = id;
        } else {
            r.transactionId = id;
            r.entries = entriesOf(id);
        }
        return r;
    }

    /// Which of `keys` a transaction or an approval already holds: one query for a whole batch, where
    /// replay() is one per posting (on PostgreSQL one network round trip each). The keys travel as one JSON
    /// array, so any text is bound safely. On PostgreSQL the list must be an array (= ANY(ARRAY(...))): with
    /// IN (SELECT ...) the planner, not knowing how many keys come, scans the whole journal; with the array
    /// it probes the key index (lockAccounts likewise).
    QSet<QString> usedKeys(const QStringList &keys) {
        QSet<QString> used;
        if (keys.isEmpty())
            return used;
        const QString array =
            QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact));
        SqlStatement &q = run(
            pick("SELECT idempotency_key FROM transactions WHERE idempotency_key IN (SELECT value FROM "
                 "json_each(?)) UNION ALL SELECT idempotency_key FROM approvals WHERE idempotency_key IN "
                 "(SELECT value FROM json_each(?))",
                 "SELECT idempotency_key FROM transactions WHERE idempotency_key = ANY(ARRAY(SELECT "
                 "json_array_elements_text(?::json))) UNION ALL SELECT idempotency_key FROM approvals WHERE "
                 "idempotency_key = ANY(ARRAY(SELECT json_array_elements_text(?::json)))"),
            {array, array});
        while (q.next())
            used.insert(q.value(0).toString());
        return used;
    }

    QList<JournalEntry> entriesOf(qint64 txnId) {
        QList<JournalEntry> out;
        SqlStatement &q =
            run("SELECT e.id, e.account_id, e.shard, a.currency, e.amount, e.balance_after, e.created_at "
                "FROM entries e JOIN accounts a ON a.id = e.account_id "
                "WHERE e.transaction_id = ? ORDER BY e.id",
                {txnId});
        while (q.next()) {
            JournalEntry e;
            e.id = q.value(0).toLongLong();
            e.transactionId = txnId;
            e.accountId = q.value(1).toLongLong();
            e.shard = q.value(2).toInt();
            e.currency = q.value(3).toString();
            e.amount = q.value(4).toLongLong();
            e.balanceAfter = q.value(5).toLongLong();
            e.createdAt = q.value(6).toLongLong();
            out << e;
        }
        return out;
    }

    /// Locks the posting's player accounts in ascending id order (no deadlock between postings) and plans
    /// its legs by the rules. Throws on any rule failure; writes nothing.
    QList<PostingLeg> planLegs(const PostingRequest &r, const OperatorRow &op,
                               QHash<qint64, Account> &players) {
        QList<qint64> ids{r.accountId};
        if (r.counterAccountId > 0)
            ids << r.counterAccountId;
        std::sort(ids.begin(), ids.end());
        for (qint64 id : ids)
            players.insert(id, writer.requireAccount(id, true));
        auto legs = PostingRules::planLegs(r, players, op.role);
        if (!legs)
            throw StoreFailure{legs.error(), false};
        writer.resolveSystemLegs(legs.value());
        return legs.value();
    }

    /// The whole posting, inside an open transaction.
    /// `keyMayBeUsed` false: the caller has already looked the key up (a batch does it for all its keys at
    /// once, usedKeys) and found it unused, so the lookup here is skipped.
    PostingResult postLocked(const Actor &actor, const OperatorRow &op, const PostingRequest &r,
                             qint64 fromApprovalId, bool keyMayBeUsed = true) {
        failOn(PostingRules::validate(r));
        if (op.role < Role::Support)
            fail(ErrorCode::PermissionDenied,
                 QStringLiteral("posting needs the support role; %1 is %2").arg(op.name, roleName(op.role)));
        const QString requestHash = hashHex(r.canonical());
        if (keyMayBeUsed)
            if (auto previous = replay(r.idempotencyKey, requestHash, fromApprovalId == 0))
                return *previous;

        QHash<qint64, Account> players;
        QList<PostingLeg> legs = planLegs(r, op, players);
        const Account primary = players.value(r.accountId);

        const qint64 magnitude = r.amount < 0 ? -r.amount : r.amount;
        const auto limit = op.limits.constFind(primary.currency);
        if (fromApprovalId == 0 && limit != op.limits.constEnd() && magnitude > *limit)
            return holdForApproval(actor, op, r, requestHash, primary, *limit);

        writer.priceLegs(legs, players, false);
        TxnHeader h{
            r.kind,         r.idempotencyKey, requestHash, op.id, actor.origin.left(MaxTextLength), 0, false,
            fromApprovalId, r.reasonCode,     r.ticketRef, r.memo};
        return writer.writeTransaction(h, legs, actor, QStringLiteral("post"), accountTarget(r.accountId));
    }

    PostingResult holdForApproval(const Actor &actor, const OperatorRow &op, const PostingRequest &r,
                                  const QString &requestHash, const Account &primary, qint64 limit) {
        const qint64 hold = PostingRules::holdAmount(r);
        if (hold > 0 && !primary.allowNegative && primary.available() < hold)
            fail(ErrorCode::InsufficientFunds,
                 QStringLiteral("insufficient funds: account %1 has %2 %3 available, the posting needs %4")
                     .arg(primary.id)
                     .arg(Money::format(primary.available(), primary.exponent), primary.currency,
                          Money::format(hold, primary.exponent)));
        if (hold > 0)
            writer.cache().changeHeld(primary.id, hold);
        const qint64 at = nowMs();
        const qint64 id =
            scalar(
                pick(
                    "INSERT INTO approvals (idempotency_key, request_hash, request, account_id, hold_amount, "
                    "maker_id, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    "INSERT INTO approvals (idempotency_key, request_hash, request, account_id, hold_amount, "
                    "maker_id, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                {r.idempotencyKey, requestHash, QString::fromUtf8(r.toJson()), primary.id, hold, op.id,
                 actor.origin.left(MaxTextLength), at})
                .toLongLong();
        writer.appendAudit(actor, QStringLiteral("post"), accountTarget(primary.id),
                           QStringLiteral("pending"),
                           QStringLiteral("%1 of %2 %3 above the limit of %4 awaits approval %5")
                               .arg(kindName(r.kind), Money::format(r.amount, primary.exponent),
                                    primary.currency, Money::format(limit, primary.exponent))
                               .arg(id));
        PostingResult result;
        result.status = PostingResult::Status::Pending;
        result.approvalId = id;
        return result;
    }

    Approval readApproval(SqlStatement &q) {
        Approval a;
        a.id = q.value(0).toLongLong();
        const QString st = q.value(1).toString();
        a.state = st == u"approved"
                      ? Approval::State::Approved
                      : (st == u"rejected" ? Approval::State::Rejected : Approval::State::Pending);
        PostingRequest::fromJson(q.value(2).toString().toUtf8(), &a.request);
        a.holdAmount = q.value(3).toLongLong();
        a.maker = q.value(4).toString();
        a.checker = q.value(5).toString();
        a.comment = q.value(6).toString();
        a.createdAt = q.value(7).toLongLong();
        a.decidedAt = q.value(8).toLongLong();
        a.transactionId = q.value(9).toLongLong();
        a.currency = q.value(12).toString();
        a.exponent = q.value(13).toInt();
        return a;
    }

    /// Loads a pending approval for a decision by `checker`, releasing its hold. Throws when it cannot be
    /// decided.
    Approval takePendingApproval(qint64 approvalId, const OperatorRow &checker, qint64 *makerId) {
        SqlStatement &q =
            run(pick(APPROVAL_SELECT "WHERE p.id = ?", APPROVAL_SELECT "WHERE p.id = ? FOR UPDATE OF p"),
                {approvalId});
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("approval %1 does not exist").arg(approvalId));
        Approval a = readApproval(q);
        *makerId = q.value(10).toLongLong();
        const qint64 accountId = q.value(11).toLongLong();
        q.finish();
        if (a.state != Approval::State::Pending)
            fail(ErrorCode::StateConflict, QStringLiteral("approval %1 was already %2 by %3")
                                               .arg(approvalId)
                                               .arg(Approval::stateName(a.state), a.checker));
        if (*makerId == checker.id)
            fail(ErrorCode::StateConflict,
                 QStringLiteral("approval %1 was requested by %2; a different operator must decide it")
                     .arg(approvalId)
                     .arg(a.maker));
        writer.requireAccount(accountId, true); // lock before touching held, in the same order as postings
        if (a.holdAmount > 0)
            writer.cache().changeHeld(accountId, -a.holdAmount);
        return a;
    }

    OperatorRow operatorById(qint64 id) {
        const QVariant name = scalar("SELECT name FROM operators WHERE id = ?", {id});
        auto op = findOperator(name.toString());
        if (!op)
            fail(ErrorCode::NotFound, QStringLiteral("operator %1 does not exist").arg(id));
        return *op;
    }

    void auditFailure(const Actor &actor, const QString &action, const QString &target,
                      const LedgerError &e) {
        // Malformed requests never reached the ledger; database failures cannot be written anyway.
        if (e.code == ErrorCode::InvalidArgument || e.code == ErrorCode::Database)
            return;
        const QString outcome =
            e.code == ErrorCode::PermissionDenied ? QStringLiteral("denied") : LedgerError::codeName(e.code);
        s.audit(actor, action, target, outcome, e.message);
    }

    /// One audited action: `body` runs in a write transaction; when it fails, the failure is audited in a
    /// transaction of its own (the first one was rolled back).
    template <typename F>
    auto audited(const Actor &actor, const QString &action, const QString &target, F &&body)
        -> Result<decltype(body())> {
        auto r = transact(std::forward<F>(body));
        if (!r)
            auditFailure(actor, action, target, r.error());
        return r;
    }
};

// ------------------------------------------------------------------------------------------------

LedgerStore::LedgerStore(Dialect dialect, QSqlDatabase db)
    : m_dialect(dialect)
    , m_db(std::move(db))
    , d(std::make_unique<Impl>(*this)) {}

LedgerStore::~LedgerStore() {
    const QString name = m_db.connectionName();
    d.reset();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

int LedgerStore::knownSchemaVersion() {
    return 5;
}

QString LedgerStore::zeroHash() {
    return QString(64, u'0');
}

/// A new SQLite ledger is private to its owner (0600) from its first byte: it holds every player's history
/// and the operators' password hashes. SQLite gives the -wal and -shm files the database file's mode. An
/// existing file keeps the mode its owner chose.
static Result<Done> createPrivateFile(const DatabaseUrl &url) {
    const QString &path = url.path;
    if (path == u":memory:" || QFileInfo::exists(path))
        return Done{};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (QFileInfo::exists(
                path)) // another process created it meanwhile: it is theirs to have made private
            return Done{};
        return LedgerError{ErrorCode::Database, QStringLiteral("cannot open %1: cannot create the file: %2")
                                                    .arg(url.display(), file.errorString())};
    }
    return Done{};
}

Result<std::unique_ptr<LedgerStore>> LedgerStore::open(const DatabaseUrl &url) {
    // Every connection here is used by one thread at a time (Qt's rule for QSqlDatabase), so SQLite's
    // per-call mutexes are pure cost: a tenth of verify's time. This only takes effect before SQLite's
    // first use in the process; later it is a harmless no-op.
    static const int configured = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    Q_UNUSED(configured)
    const QString connection = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool pg = url.kind == DatabaseUrl::Kind::Postgres;
    if (const QString problem = url.transportProblem(); !problem.isEmpty())
        return LedgerError{ErrorCode::InvalidArgument,
                           QStringLiteral("cannot open %1: %2").arg(url.display(), problem)};
    QSqlDatabase db = url.addConnection(connection);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(connection);
        return LedgerError{ErrorCode::Database,
                           QStringLiteral("the Qt %1 driver is not installed")
                               .arg(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"))};
    }
    if (!pg) {
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000"));
        if (const auto created = createPrivateFile(url); !created) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connection);
            return created.error();
        }
    }
    if (!db.open()) {
        const QString message = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
        QString why = message.simplified();
        // The sslmode=require that DatabaseUrl adds across a network is ours, not the user's: say so.
        if (pg && !url.isLocal() && !url.options.contains(QStringLiteral("sslmode")) &&
            why.contains(u"SSL was required"))
            why += QStringLiteral(
                " (a server across a network is reached over TLS; add sslmode=disable to the URL "
                "to allow an unencrypted connection)");
        return LedgerError{ErrorCode::Database, QStringLiteral("cannot open %1: %2").arg(url.display(), why)};
    }
    std::unique_ptr<LedgerStore> store(new LedgerStore(pg ? Dialect::Postgres : Dialect::Sqlite, db));
    db = QSqlDatabase(); // the store holds the connection now; no second handle may outlive it
    Impl &d = *store->d;
    try {
        if (pg) {
            // What the server says of this very connection, rather than what the URL asked for.
            QSqlQuery q(store->m_db);
            if (q.exec(QStringLiteral(
                    "SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
                q.next() && q.value(0).toBool())
                store->m_security = {
                    ConnectionSecurity::Kind::Encrypted,
                    QStringLiteral("%1, %2").arg(q.value(1).toString(), q.value(2).toString())};
            else
                store->m_security = {url.isLocal() ? ConnectionSecurity::Kind::Local
                                                   : ConnectionSecurity::Kind::Unencrypted,
                                     {}};
            // One stuck statement or lock must not hold a worker (and every request queued behind it) for
            // ever: past these the statement fails, the transaction rolls back, and the caller gets a
            // database error (walletd: 503). Verification lifts the statement timeout for its own long reads.
            d.execRaw(QStringLiteral("SET statement_timeout = '30s'"));
            d.execRaw(QStringLiteral("SET lock_timeout = '10s'"));
            d.execRaw(QStringLiteral("SET idle_in_transaction_session_timeout = '60s'"));
        }
        if (!pg) {
            // WAL lets readers go on while one writer commits; FULL makes each commit durable.
            d.execRaw(QStringLiteral("PRAGMA journal_mode = WAL"));
            d.execRaw(QStringLiteral("PRAGMA synchronous = FULL"));
            // A posting dirties about a dozen pages; checkpointing every 8,000 WAL pages (about 32 MB)
            // instead of SQLite's 1,000 copies hot pages back to the database file an eighth as often.
            d.execRaw(QStringLiteral("PRAGMA wal_autocheckpoint = 8000"));
            d.execRaw(QStringLiteral("PRAGMA foreign_keys = ON"));
        }
        const QVariant exists = d.scalar(
            d.pick("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                   "SELECT to_regclass('schema_migrations')::text"));
        int version = 0;
        if (exists.isValid() && !exists.isNull())
            version = d.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").toInt();
        if (version > knownSchemaVersion())
            return LedgerError{
                ErrorCode::SchemaTooNew,
                QStringLiteral("%1 has ledger schema version %2, newer than this program knows (%3); "
                               "upgrade WalletDesk")
                    .arg(url.display())
                    .arg(version)
                    .arg(knownSchemaVersion())};
        if (version < knownSchemaVersion()) {
            auto migrated = d.transact([&]() -> Done {
                if (pg)
                    d.execRaw(QStringLiteral("SELECT pg_advisory_xact_lock(7341020)"));
                d.execRaw(QStringLiteral(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "applied_at BIGINT NOT NULL)"));
                // Another process may have migrated while we waited for the lock.
                int current = d.scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").toInt();
                for (int v = current + 1; v <= knownSchemaVersion(); ++v) {
                    QFile f(QStringLiteral(":/walletdesk/sql/%1/%2.sql")
                                .arg(pg ? QStringLiteral("postgres") : QStringLiteral("sqlite"))
                                .arg(v, 3, 10, QChar(u'0')));
                    if (!f.open(QIODevice::ReadOnly))
                        fail(ErrorCode::Database,
                             QStringLiteral("migration %1 is missing from the program").arg(v));
                    for (const QString &statement : splitSqlScript(QString::fromUtf8(f.readAll())))
                        d.execRaw(statement);
                    d.run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", {v, nowMs()});
                }
                return Done{};
            });
            if (!migrated)
                return migrated.error();
        }
    } catch (const StoreFailure &f) {
        return f.error;
    }
    return store;
}

bool LedgerStore::isConnected() {
    if (m_dialect == Dialect::Sqlite)
        return true;
    if (!m_db.isOpen())
        return false;
    QSqlQuery ping(m_db);
    return ping.exec(QStringLiteral("SELECT 1")) && ping.next();
}

int LedgerStore::schemaVersion() {
    try {
        return d->scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").toInt();
    } catch (const StoreFailure &) {
        return 0;
    }
}

Result<OperatorInfo> LedgerStore::bootstrapAdmin(const QString &name) {
    auto r = d->transact([&]() -> bool {
        if (d->scalar("SELECT COUNT(*) FROM operators").toLongLong() > 0)
            return false;
        d->run("INSERT INTO operators (name, role, created_at) VALUES (?, 'admin', ?)", {name, nowMs()});
        d->writer.appendAudit(Actor{name, QStringLiteral("bootstrap")}, QStringLiteral("operator-add"),
                              QStringLiteral("operator:%1").arg(name), QStringLiteral("ok"),
                              QStringLiteral("first administrator of a new ledger"));
        return true;
    });
    if (!r)
        return r.error();
    if (!r.value())
        return OperatorInfo{}; // the ledger had operators already: nobody was created
    auto ops = operators();
    if (!ops)
        return ops.error();
    for (const OperatorInfo &o : ops.value())
        if (o.name == name)
            return o;
    return OperatorInfo{};
}

Result<Currency> LedgerStore::addCurrency(const Actor &actor, const Currency &c) {
    auto r = d->audited(
        actor, QStringLiteral("currency-add"), QStringLiteral("currency:%1").arg(c.code), [&]() -> Currency {
            d->requireOperator(actor, Role::Admin, QStringLiteral("adding a currency"));
            if (!Currency::isValidCode(c.code))
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("currency code \"%1\" must be 2 to 16 capital letters, digits or _")
                         .arg(c.code));
            if (c.exponent < 0 || c.exponent > Currency::MaxExponent)
                fail(ErrorCode::InvalidArgument, QStringLiteral("currency exponent must be 0 to 4"));
            if (d->scalar("SELECT code FROM currencies WHERE code = ?", {c.code}).isValid())
                fail(ErrorCode::StateConflict, QStringLiteral("currency %1 already exists").arg(c.code));
            const qint64 at = nowMs();
            d->run("INSERT INTO currencies (code, exponent, name) VALUES (?, ?, ?)",
                   {c.code, c.exponent, c.name.isEmpty() ? c.code : c.name});
            for (const char16_t *name : {u"treasury", u"house", u"adjustments", u"promotions"}) {
                const qint64 id = d->scalar("INSERT INTO accounts (kind, currency, name, allow_negative, "
                                            "created_at, last_activity_at) "
                                            "VALUES ('system', ?, ?, 1, ?, ?) RETURNING id",
                                            {c.code, QString::fromUtf16(name), at, at})
                                      .toLongLong();
                for (int shard = 0; shard < shardCount(); ++shard)
                    d->run("INSERT INTO account_shards (account_id, shard, balance) VALUES (?, ?, 0)",
                           {id, shard});
            }
            d->writer.appendAudit(actor, QStringLiteral("currency-add"),
                                  QStringLiteral("currency:%1").arg(c.code), QStringLiteral("ok"),
                                  QStringLiteral("exponent %1").arg(c.exponent));
            return c;
        });
    return r;
}

Result<QList<Currency>> LedgerStore::currencies() {
    try {
        QList<Currency> out;
        SqlStatement &q = d->run("SELECT code, exponent, name FROM currencies ORDER BY code");
        while (q.next())
            out << Currency{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString()};
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<OperatorInfo> LedgerStore::addOperator(const Actor &actor, const OperatorInfo &info) {
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
    auto r = d->audited(
        actor, QStringLiteral("operator-add"), QStringLiteral("operator:%1").arg(info.name),
        [&]() -> OperatorInfo {
            d->requireOperator(actor, Role::Admin, QStringLiteral("adding an operator"));
            if (!validName.match(info.name).hasMatch())
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral(
                         "operator name \"%1\" must be 1 to 64 letters, digits, '.', '_', '@' or '-'")
                         .arg(info.name.left(80)));
            if (d->findOperator(info.name))
                fail(ErrorCode::StateConflict, QStringLiteral("operator %1 already exists").arg(info.name));
            for (auto it = info.limits.cbegin(); it != info.limits.cend(); ++it) {
                d->writer.exponentOf(it.key());
                if (it.value() < 0)
                    fail(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 limit must not be negative").arg(it.key()));
            }
            OperatorInfo out = info;
            out.createdAt = nowMs();
            out.id = d->scalar("INSERT INTO operators (name, role, created_at) VALUES (?, ?, ?) RETURNING id",
                               {info.name, roleName(info.role), out.createdAt})
                         .toLongLong();
            for (auto it = info.limits.cbegin(); it != info.limits.cend(); ++it)
                d->run("INSERT INTO operator_limits (operator_id, currency, max_amount) VALUES (?, ?, ?)",
                       {out.id, it.key(), it.value()});
            d->writer.appendAudit(actor, QStringLiteral("operator-add"),
                                  QStringLiteral("operator:%1").arg(info.name), QStringLiteral("ok"),
                                  QStringLiteral("role %1").arg(roleName(info.role)));
            return out;
        });
    return r;
}

Result<QList<OperatorInfo>> LedgerStore::operators() {
    try {
        QList<OperatorInfo> out;
        SqlStatement &q = d->run("SELECT id, name, role, disabled, created_at FROM operators ORDER BY name");
        while (q.next()) {
            OperatorInfo o;
            o.id = q.value(0).toLongLong();
            o.name = q.value(1).toString();
            o.role = roleFromName(q.value(2).toString()).value_or(Role::Viewer);
            o.disabled = q.value(3).toInt() != 0;
            o.createdAt = q.value(4).toLongLong();
            out << o;
        }
        SqlStatement &l = d->run("SELECT operator_id, currency, max_amount FROM operator_limits");
        while (l.next())
            for (OperatorInfo &o : out)
                if (o.id == l.value(0).toLongLong())
                    o.limits.insert(l.value(1).toString(), l.value(2).toLongLong());
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<OperatorInfo> LedgerStore::setOperatorDisabled(const Actor &actor, const QString &name,
                                                      bool disabled) {
    const QString action = disabled ? QStringLiteral("operator-disable") : QStringLiteral("operator-enable");
    auto r = d->audited(actor, action, QStringLiteral("operator:%1").arg(name), [&]() -> Done {
        const OperatorRow self =
            d->requireOperator(actor, Role::Admin, QStringLiteral("disabling an operator"));
        auto target = d->findOperator(name);
        if (!target)
            fail(ErrorCode::NotFound, QStringLiteral("operator %1 does not exist").arg(name));
        if (disabled && target->id == self.id)
            fail(ErrorCode::StateConflict, QStringLiteral("an administrator cannot disable themselves"));
        d->run("UPDATE operators SET disabled = ? WHERE id = ?", {disabled ? 1 : 0, target->id});
        d->writer.appendAudit(actor, action, QStringLiteral("operator:%1").arg(name), QStringLiteral("ok"),
                              {});
        return Done{};
    });
    if (!r)
        return r.error();
    auto ops = operators();
    if (!ops)
        return ops.error();
    for (const OperatorInfo &o : ops.value())
        if (o.name == name)
            return o;
    return LedgerError{ErrorCode::NotFound, name};
}

Result<Account> LedgerStore::createAccount(const Actor &actor, const NewAccount &n) {
    auto r = d->audited(
        actor, QStringLiteral("account-create"), QStringLiteral("player:%1").arg(n.playerRef),
        [&]() -> qint64 {
            const OperatorRow op =
                d->requireOperator(actor, Role::Support, QStringLiteral("creating an account"));
            if (n.allowNegative && op.role < Role::Supervisor)
                fail(ErrorCode::PermissionDenied,
                     QStringLiteral("allowing a negative balance needs the supervisor role; %1 is %2")
                         .arg(op.name, roleName(op.role)));
            const QString ref = n.playerRef.trimmed();
            if (ref.isEmpty() || ref.size() > 64)
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("a player reference of 1 to 64 characters is required"));
            if (n.name.size() > 200)
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("the display name is longer than 200 characters"));
            d->writer.exponentOf(n.currency);
            const QVariant existing =
                d->scalar("SELECT id FROM accounts WHERE player_ref = ? AND currency = ?", {ref, n.currency});
            if (existing.isValid())
                fail(ErrorCode::StateConflict, QStringLiteral("player %1 already has a %2 account (%3)")
                                                   .arg(ref, n.currency)
                                                   .arg(existing.toLongLong()));
            const qint64 at = nowMs();
            const qint64 id =
                d->scalar(
                     "INSERT INTO accounts (kind, currency, player_ref, name, allow_negative, created_at, "
                     "last_activity_at) VALUES ('player', ?, ?, ?, ?, ?, ?) RETURNING id",
                     {n.currency, ref, n.name.isEmpty() ? ref : n.name, n.allowNegative ? 1 : 0, at, at})
                    .toLongLong();
            d->writer.appendAudit(actor, QStringLiteral("account-create"), accountTarget(id),
                                  QStringLiteral("ok"),
                                  QStringLiteral("player %1 currency %2").arg(ref, n.currency));
            return id;
        });
    if (!r)
        return r.error();
    return account(r.value());
}

Result<Account> LedgerStore::account(qint64 id) {
    try {
        return d->writer.requireAccount(id, false);
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<QList<Account>> LedgerStore::accountsOfPlayer(const QString &playerRef) {
    try {
        QList<qint64> ids;
        SqlStatement &q =
            d->run("SELECT id FROM accounts WHERE player_ref = ? ORDER BY currency", {playerRef});
        while (q.next())
            ids << q.value(0).toLongLong();
        QList<Account> out;
        for (qint64 id : ids)
            out << d->writer.requireAccount(id, false);
        if (out.isEmpty())
            fail(ErrorCode::NotFound, QStringLiteral("player %1 has no account").arg(playerRef));
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<Account> LedgerStore::systemAccount(const QString &currency, const QString &name) {
    try {
        return d->writer.requireAccount(d->writer.systemAccountId(currency, name), false);
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<Account> LedgerStore::setAccountState(const Actor &actor, qint64 accountId, AccountState state,
                                             const QString &reason) {
    const QString action =
        state == AccountState::Frozen
            ? QStringLiteral("freeze")
            : (state == AccountState::Closed ? QStringLiteral("close") : QStringLiteral("unfreeze"));
    auto r = d->audited(actor, action, accountTarget(accountId), [&]() -> Done {
        d->requireOperator(actor, Role::Supervisor, action);
        if (reason.trimmed().isEmpty())
            fail(ErrorCode::InvalidArgument,
                 QStringLiteral("a reason is required to %1 an account").arg(action));
        const Account a = d->writer.requireAccount(accountId, true);
        if (a.kind == AccountKind::System)
            fail(ErrorCode::InvalidArgument, QStringLiteral("system accounts cannot be frozen or closed"));
        if (a.state == AccountState::Closed)
            fail(ErrorCode::AccountClosed,
                 QStringLiteral("account %1 is closed, which is final").arg(accountId));
        if (a.state == state)
            fail(ErrorCode::StateConflict,
                 QStringLiteral("account %1 is already %2").arg(accountId).arg(accountStateName(state)));
        if (state == AccountState::Closed) {
            if (a.balance != 0 || a.held != 0)
                fail(ErrorCode::StateConflict,
                     QStringLiteral("account %1 holds %2 %3; only an empty account can be closed")
                         .arg(accountId)
                         .arg(Money::format(a.balance, a.exponent), a.currency));
            if (d->scalar("SELECT COUNT(*) FROM approvals WHERE account_id = ? AND state = 'pending'",
                          {accountId})
                    .toLongLong() > 0)
                fail(ErrorCode::StateConflict,
                     QStringLiteral("account %1 has pending approvals; decide them first").arg(accountId));
        }
        d->run("UPDATE accounts SET state = ? WHERE id = ?", {accountStateName(state), accountId});
        d->writer.appendAudit(actor, action, accountTarget(accountId), QStringLiteral("ok"),
                              reason.left(MaxTextLength));
        return Done{};
    });
    if (!r)
        return r.error();
    return account(accountId);
}

Result<PostingResult> LedgerStore::post(const Actor &actor, const PostingRequest &request) {
    auto r =
        d->audited(actor, QStringLiteral("post"), accountTarget(request.accountId), [&]() -> PostingResult {
            const auto op = d->findOperator(actor.operatorName);
            if (!op || op->disabled)
                d->requireOperator(actor, Role::Support, QStringLiteral("posting"));
            return d->postLocked(actor, *op, request, 0);
        });
    return r;
}

QList<Result<PostingResult>> LedgerStore::postBatch(const Actor &actor,
                                                    const QList<PostingRequest> &requests) {
    QList<Result<PostingResult>> results;
    QList<std::pair<qint64, LedgerError>> failures;
    auto r = d->audited(actor, QStringLiteral("post"), QStringLiteral("batch"), [&]() -> Done {
        results.clear();
        failures.clear();
        const OperatorRow op = d->requireOperator(actor, Role::Support, QStringLiteral("posting"));
        d->writer.setBatchAudit(true);
        const auto restore = qScopeGuard([this] { d->writer.setBatchAudit(false); });
        qint64 first = 0, last = 0, posted = 0;
        QStringList keys;
        QList<qint64> accounts;
        keys.reserve(requests.size());
        accounts.reserve(2 * requests.size());
        for (const PostingRequest &request : requests) {
            keys << request.idempotencyKey;
            accounts << request.accountId << request.counterAccountId;
        }
        const QSet<QString> used = d->usedKeys(keys);
        d->writer.lockAccounts(accounts);
        QSet<QString> seen; // a key twice in one batch: the second is a replay of the first (or a conflict)
        for (const PostingRequest &request : requests) {
            const bool keyMayBeUsed =
                used.contains(request.idempotencyKey) || seen.contains(request.idempotencyKey);
            seen.insert(request.idempotencyKey);
            try {
                results << d->postLocked(actor, op, request, 0, keyMayBeUsed);
                const PostingResult &done = results.last().value();
                if (done.transactionId > 0 && !done.replayed) {
                    first = first ? first : done.transactionId;
                    last = done.transactionId;
                    ++posted;
                }
            } catch (const StoreFailure &f) {
                if (f.retryable || f.error.code == ErrorCode::Database)
                    throw; // the database itself failed: the whole batch rolls back
                results << Result<PostingResult>(f.error);
                failures << std::pair{request.accountId, f.error};
            }
        }
        if (posted > 0)
            d->writer.appendAudit(actor, QStringLiteral("post"),
                                  QStringLiteral("transactions:%1-%2").arg(first).arg(last),
                                  QStringLiteral("ok"),
                                  QStringLiteral("batch of %1 requests: %2 posted, %3 refused")
                                      .arg(requests.size())
                                      .arg(posted)
                                      .arg(failures.size()));
        return Done{};
    });
    if (!r)
        return QList<Result<PostingResult>>(requests.size(), Result<PostingResult>(r.error()));
    for (const auto &[accountId, error] : std::as_const(failures))
        d->auditFailure(actor, QStringLiteral("post"), accountTarget(accountId), error);
    return results;
}

Result<PostingResult> LedgerStore::reverse(const Actor &actor, const ReversalRequest &request) {
    const QString target = QStringLiteral("transaction:%1").arg(request.transactionId);
    auto r = d->audited(actor, QStringLiteral("reverse"), target, [&]() -> PostingResult {
        const OperatorRow op = d->requireOperator(actor, Role::Supervisor, QStringLiteral("reversing"));
        if (request.idempotencyKey.trimmed().isEmpty() || request.idempotencyKey.size() > MaxKeyLength)
            fail(ErrorCode::InvalidArgument,
                 QStringLiteral("an idempotency key of 1 to 200 characters is required"));
        if (request.reason.trimmed().isEmpty())
            fail(ErrorCode::InvalidArgument, QStringLiteral("a reversal needs a reason"));
        if (request.reason.size() > MaxTextLength)
            fail(ErrorCode::InvalidArgument, QStringLiteral("the reason is too long"));
        const QString requestHash = hashHex(QStringLiteral("reversal|%1|%2|%3")
                                                .arg(request.transactionId)
                                                .arg(request.force ? 1 : 0)
                                                .arg(request.reason)
                                                .toUtf8());
        if (auto previous = d->replay(request.idempotencyKey, requestHash, false))
            return *previous;
        const QVariant kind =
            d->scalar("SELECT kind FROM transactions WHERE id = ?", {request.transactionId});
        if (!kind.isValid())
            fail(ErrorCode::NotFound,
                 QStringLiteral("transaction %1 does not exist").arg(request.transactionId));
        if (kind.toString() == u"reversal")
            fail(ErrorCode::StateConflict, QStringLiteral("transaction %1 is itself a reversal; post a new "
                                                          "transaction instead")
                                               .arg(request.transactionId));
        const QVariant by =
            d->scalar("SELECT id FROM transactions WHERE reverses_id = ?", {request.transactionId});
        if (by.isValid())
            fail(ErrorCode::AlreadyReversed,
                 QStringLiteral("transaction %1 was already reversed by transaction %2")
                     .arg(request.transactionId)
                     .arg(by.toLongLong()));
        const QList<JournalEntry> original = d->entriesOf(request.transactionId);
        QHash<qint64, Account> players;
        QList<qint64> playerIds;
        QList<PostingLeg> legs;
        for (const JournalEntry &e : original) {
            const auto negated = Money::negate(e.amount);
            if (!negated)
                fail(ErrorCode::Overflow, QStringLiteral("entry %1 cannot be negated").arg(e.id));
            const QVariant k = d->scalar("SELECT kind FROM accounts WHERE id = ?", {e.accountId});
            const bool system = k.toString() == u"system";
            if (!system && !playerIds.contains(e.accountId))
                playerIds << e.accountId;
            PostingLeg leg;
            leg.accountId = e.accountId;
            leg.system = system;
            leg.currency = e.currency;
            leg.amount = *negated;
            legs << leg;
        }
        std::sort(playerIds.begin(), playerIds.end());
        for (qint64 id : playerIds) {
            const Account a = d->writer.requireAccount(id, true);
            failOn(PostingRules::checkUsable(a, op.role));
            players.insert(id, a);
        }
        try {
            d->writer.priceLegs(legs, players, request.force);
        } catch (const StoreFailure &f) {
            if (f.error.code == ErrorCode::InsufficientFunds)
                fail(ErrorCode::InsufficientFunds,
                     f.error.message + QStringLiteral("; a supervisor may force the reversal with a reason"));
            throw;
        }
        TxnHeader h{TransactionKind::Reversal,
                          request.idempotencyKey,
                          requestHash,
                          op.id,
                          actor.origin.left(MaxTextLength),
                          request.transactionId,
                          request.force,
                          0,
                          {},
                          {},
                          request.reason};
        return d->writer.writeTransaction(h, legs, actor, QStringLiteral("reverse"), target);
    });
    return r;
}

Result<PostingResult> LedgerStore::approve(const Actor &actor, qint64 approvalId, const QString &comment) {
    const QString target = QStringLiteral("approval:%1").arg(approvalId);
    auto r = d->audited(actor, QStringLiteral("approve"), target, [&]() -> PostingResult {
        const OperatorRow checker = d->requireOperator(actor, Role::Supervisor, QStringLiteral("approving"));
        qint64 makerId = 0;
        const Approval a = d->takePendingApproval(approvalId, checker, &makerId);
        // The posting is the maker's; the checker's authority lets it through the limit and a frozen account.
        OperatorRow asMaker = checker;
        asMaker.id = makerId;
        const QString makerName = a.maker;
        PostingResult result = d->postLocked(Actor{makerName, actor.origin}, asMaker, a.request, approvalId);
        d->run("UPDATE approvals SET state = 'approved', checker_id = ?, decided_at = ?, comment = ?, "
               "transaction_id = ? WHERE id = ?",
               {checker.id, nowMs(), comment.left(MaxTextLength), result.transactionId, approvalId});
        d->writer.appendAudit(actor, QStringLiteral("approve"), target, QStringLiteral("ok"),
                              QStringLiteral("posted as transaction %1").arg(result.transactionId));
        return result;
    });
    return r;
}

Result<Approval> LedgerStore::reject(const Actor &actor, qint64 approvalId, const QString &comment) {
    const QString target = QStringLiteral("approval:%1").arg(approvalId);
    auto r = d->audited(actor, QStringLiteral("reject"), target, [&]() -> Done {
        const OperatorRow checker = d->requireOperator(actor, Role::Supervisor, QStringLiteral("rejecting"));
        if (comment.trimmed().isEmpty())
            fail(ErrorCode::InvalidArgument, QStringLiteral("a rejection needs a comment"));
        qint64 makerId = 0;
        d->takePendingApproval(approvalId, checker, &makerId);
        d->run("UPDATE approvals SET state = 'rejected', checker_id = ?, decided_at = ?, comment = ? WHERE "
               "id = ?",
               {checker.id, nowMs(), comment.left(MaxTextLength), approvalId});
        d->writer.appendAudit(actor, QStringLiteral("reject"), target, QStringLiteral("ok"),
                              comment.left(MaxTextLength));
        return Done{};
    });
    if (!r)
        return r.error();
    return approval(approvalId);
}

Result<Approval> LedgerStore::approval(qint64 id) {
    try {
        SqlStatement &q = d->run(APPROVAL_SELECT "WHERE p.id = ?", {id});
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("approval %1 does not exist").arg(id));
        const Approval a = d->readApproval(q);
        q.finish();
        return a;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<QList<Approval>> LedgerStore::approvals(bool pendingOnly, int limit) {
    try {
        QList<Approval> out;
        SqlStatement &q =
            pendingOnly ? d->run(APPROVAL_SELECT "WHERE p.state = 'pending' ORDER BY p.id LIMIT ?", {limit})
                        : d->run(APPROVAL_SELECT "ORDER BY p.id DESC LIMIT ?", {limit});
        while (q.next())
            out << d->readApproval(q);
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<PostingOutcome> LedgerStore::postingOutcome(const QString &idempotencyKey) {
    try {
        // The two places a key can live, as replay() looks; a posted approval's key is in both, and the
        // transaction is the answer then.
        SqlStatement &q = d->run("SELECT 0, id FROM transactions WHERE idempotency_key = ? "
                                 "UNION ALL SELECT 1, id FROM approvals WHERE idempotency_key = ?",
                                 {idempotencyKey, idempotencyKey});
        PostingOutcome outcome;
        while (q.next()) {
            if (q.value(0).toInt() == 0) {
                outcome.status = PostingOutcome::Status::Posted;
                outcome.transactionId = q.value(1).toLongLong();
            } else if (outcome.status == PostingOutcome::Status::NotFound) {
                outcome.status = PostingOutcome::Status::Pending;
                outcome.approvalId = q.value(1).toLongLong();
            }
        }
        q.finish();
        return outcome;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<JournalTransaction> LedgerStore::transaction(qint64 id) {
    try {
        SqlStatement &q =
            d->run("SELECT t.id, t.kind, t.idempotency_key, o.name, t.origin, t.created_at, "
                   "COALESCE(t.reverses_id, 0), COALESCE(t.approval_id, 0), t.reason_code, t.ticket_ref, "
                   "t.memo, COALESCE(r.id, 0) FROM transactions t JOIN operators o ON o.id = t.operator_id "
                   "LEFT JOIN transactions r ON r.reverses_id = t.id WHERE t.id = ?",
                   {id});
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("transaction %1 does not exist").arg(id));
        JournalTransaction t;
        t.id = q.value(0).toLongLong();
        t.kind = kindFromName(q.value(1).toString()).value_or(TransactionKind::Deposit);
        t.idempotencyKey = q.value(2).toString();
        t.operatorName = q.value(3).toString();
        t.origin = q.value(4).toString();
        t.createdAt = q.value(5).toLongLong();
        t.reversesId = q.value(6).toLongLong();
        t.approvalId = q.value(7).toLongLong();
        t.reasonCode = q.value(8).toString();
        t.ticketRef = q.value(9).toString();
        t.memo = q.value(10).toString();
        t.reversedById = q.value(11).toLongLong();
        q.finish();
        t.entries = d->entriesOf(id);
        return t;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<QList<HistoryEntry>> LedgerStore::history(qint64 accountId, qint64 beforeEntryId, int limit) {
    try {
        d->writer.requireAccount(accountId, false);
        QList<HistoryEntry> out;
        SqlStatement &q =
            d->run("SELECT e.id, e.transaction_id, e.created_at, t.kind, e.amount, e.balance_after, "
                   "t.reason_code, t.ticket_ref, t.memo, o.name, t.idempotency_key, "
                   "COALESCE(t.reverses_id, 0), COALESCE(r.id, 0) FROM entries e "
                   "JOIN transactions t ON t.id = e.transaction_id JOIN operators o ON o.id = t.operator_id "
                   "LEFT JOIN transactions r ON r.reverses_id = t.id "
                   "WHERE e.account_id = ? AND e.id < ? ORDER BY e.id DESC LIMIT ?",
                   {accountId, beforeEntryId > 0 ? beforeEntryId : std::numeric_limits<qint64>::max(),
                    std::clamp(limit, 1, 10000)});
        while (q.next()) {
            HistoryEntry h;
            h.entryId = q.value(0).toLongLong();
            h.transactionId = q.value(1).toLongLong();
            h.createdAt = q.value(2).toLongLong();
            h.kind = kindFromName(q.value(3).toString()).value_or(TransactionKind::Deposit);
            h.amount = q.value(4).toLongLong();
            h.balanceAfter = q.value(5).toLongLong();
            h.reasonCode = q.value(6).toString();
            h.ticketRef = q.value(7).toString();
            h.memo = q.value(8).toString();
            h.operatorName = q.value(9).toString();
            h.idempotencyKey = q.value(10).toString();
            h.reversesId = q.value(11).toLongLong();
            h.reversedById = q.value(12).toLongLong();
            out << h;
        }
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<qint64> LedgerStore::balanceAt(qint64 accountId, qint64 atMs) {
    try {
        const Account a = d->writer.requireAccount(accountId, false);
        qint64 total = 0;
        const int shards = a.kind == AccountKind::System ? shardCount() : 1;
        for (int shard = 0; shard < shards; ++shard) {
            const QVariant v =
                d->scalar("SELECT balance_after FROM entries WHERE account_id = ? AND shard = ? AND "
                          "created_at <= ? ORDER BY id DESC LIMIT 1",
                          {accountId, shard, atMs});
            total = JournalWriter::checkedAdd(total, v.isValid() ? v.toLongLong() : 0, accountId);
        }
        return total;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<QList<AuditRecord>> LedgerStore::audit(qint64 beforeId, int limit) {
    try {
        QList<AuditRecord> out;
        SqlStatement &q = d->run(
            "SELECT id, at, operator, origin, action, target, outcome, detail FROM audit_log "
            "WHERE id < ? ORDER BY id DESC LIMIT ?",
            {beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(), std::clamp(limit, 1, 10000)});
        while (q.next())
            out << AuditRecord{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                               q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
                               q.value(6).toString(),   q.value(7).toString()};
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

void LedgerStore::audit(const Actor &actor, const QString &action, const QString &target,
                        const QString &outcome, const QString &detail) {
    auto r = d->transact([&]() -> Done {
        d->writer.appendAudit(actor, action, target, outcome, detail.left(MaxTextLength));
        return Done{};
    });
    if (!r)
        qWarning("could not write the audit log: %s", qPrintable(r.error().message));
}

Result<Done> LedgerStore::bulkLoad(const std::function<Result<Done>()> &body) {
    const bool pg = m_dialect == Dialect::Postgres;
    try {
        if (!pg) {
            d->execRaw(QStringLiteral("PRAGMA journal_mode = DELETE"));
            d->execRaw(QStringLiteral("PRAGMA cache_size = -1048576")); // 1 GiB while loading
            // Deferred foreign keys would rescan child tables for every parent row once their indexes are
            // gone; instead they are off while loading and checked in one pass before commit.
            d->execRaw(QStringLiteral("PRAGMA foreign_keys = OFF"));
        }
    } catch (const StoreFailure &f) {
        return f.error;
    }
    auto r = d->transact([&]() -> Done {
        // Read the index definitions from the catalogue so the rebuild can never drift from the migrations.
        QStringList names, definitions;
        SqlStatement &q =
            d->run(d->pick("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           "AND tbl_name IN ('entries', 'accounts')",
                           "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                           "AND tablename IN ('entries', 'accounts') AND indexname NOT LIKE '%pkey'"));
        while (q.next()) {
            names << q.value(0).toString();
            definitions << q.value(1).toString();
        }
        q.finish();
        if (pg) {
            d->execRaw(QStringLiteral("SET CONSTRAINTS ALL DEFERRED"));
            // The connection's 30 s statement timeout (open()) guards requests; checking millions of deferred
            // references and rebuilding indexes legitimately takes longer (a 1 M-player demo was cancelled).
            d->execRaw(QStringLiteral("SET LOCAL statement_timeout = 0"));
        }
        for (const QString &name : std::as_const(names))
            d->execRaw(QStringLiteral("DROP INDEX %1").arg(name)); // catalogue names, not user input
        Result<Done> loaded = body();
        if (!loaded)
            throw StoreFailure{loaded.error(), false};
        if (pg)
            d->execRaw(
                QStringLiteral("SET CONSTRAINTS ALL IMMEDIATE")); // check references now, before indexing
        for (const QString &definition : std::as_const(definitions))
            d->execRaw(definition);
        if (!pg) {
            SqlStatement &check = d->run("PRAGMA foreign_key_check");
            if (check.next())
                fail(ErrorCode::Database, QStringLiteral("bulk load left a dangling reference in %1 row %2")
                                              .arg(check.value(0).toString())
                                              .arg(check.value(1).toLongLong()));
            check.finish();
        }
        return Done{};
    });
    if (!pg) {
        try {
            d->execRaw(QStringLiteral("PRAGMA foreign_keys = ON"));
            d->execRaw(QStringLiteral("PRAGMA cache_size = -2000"));
            d->execRaw(QStringLiteral("PRAGMA journal_mode = WAL"));
        } catch (const StoreFailure &f) {
            return f.error;
        }
    }
    return r;
}

Result<VerifyReport> LedgerStore::verify(const std::function<bool(qint64)> &progress) {
    try {
        LedgerVerifier verifier(m_db, m_dialect == Dialect::Postgres);
        return verifier.run(progress);
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

#include "ledgerstore.h"

#include "chainhasher.h"
#include "economyreport.h"
#include "ledgerverifier.h"
#include "money.h"
#include "sqlscript.h"
#include "sqlstatement.h"

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

constexpr qint64 MsPerDay = 86400000;
constexpr int MaxTextLength = 500;
constexpr int MaxKeyLength = 200;

/// Thrown inside a database transaction; caught at its boundary, which rolls back. Rule failures are
/// detected before anything of the posting is written, so a rollback is all a failure ever needs.
struct Failure {
    LedgerError error;
    bool retryable = false;
};

[[noreturn]] void fail(ErrorCode code, const QString &message) {
    throw Failure{LedgerError{code, message}, false};
}

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QString hashHex(const QByteArray &bytes) {
    return QString::fromLatin1(sha256Hex(bytes));
}

QString accountTarget(qint64 id) {
    return QStringLiteral("account:%1").arg(id);
}

bool isDebitKind(TransactionKind kind) {
    return kind == TransactionKind::Withdrawal || kind == TransactionKind::Transfer ||
           kind == TransactionKind::Purchase || kind == TransactionKind::Charge;
}

QString systemCounterparty(TransactionKind kind) {
    switch (kind) {
    case TransactionKind::Deposit:
    case TransactionKind::Withdrawal:
        return QStringLiteral("treasury");
    case TransactionKind::Adjustment:
        return QStringLiteral("adjustments");
    case TransactionKind::Bonus:
        return QStringLiteral("promotions");
    default:
        return QStringLiteral("house");
    }
}

} // namespace

/// One planned entry: computed and checked completely before anything is written.
struct Leg {
    qint64 accountId = 0;
    bool system = false;
    QString currency;
    qint64 amount = 0;
    int shard = 0;
    qint64 balanceBefore = 0;
    qint64 balanceAfter = 0;
};

struct OperatorRow {
    qint64 id = 0;
    QString name;
    Role role = Role::Viewer;
    bool disabled = false;
    QMap<QString, qint64> limits;
};

/// The account columns readAccount() reads, in its order; the statements that load accounts add their WHERE.
#define SELECT_ACCOUNTS                                                                                      \
    "SELECT id, kind, currency, player_ref, name, state, allow_negative, balance, held, created_at, "        \
    "last_activity_at FROM accounts "

struct LedgerStore::Impl {
    explicit Impl(LedgerStore &store)
        : s(store) {}
    LedgerStore &s;
    std::unordered_map<const char *, std::unique_ptr<SqlStatement>> queries; ///< prepared once per connection
    QHash<QString, qint64> systemAccountIds; ///< "CUR/name" -> id; system accounts never change
    QHash<QString, int> exponents;           ///< currency -> exponent; currencies are never altered
    bool inTransaction = false;
    /// While a batch runs, its postings are audited by one record for the whole batch (the journal rows
    /// themselves carry operator, origin and time); single postings get a record each.
    bool batchAudit = false;

    /// What the open write transaction has locked and changed. Rows every posting touches (balances,
    /// shards, rollups, chain heads) are kept here and written once just before COMMIT, so a batch of
    /// postings updates each row once instead of once per posting.
    struct RollupDelta {
        qint64 opening = 0, closing = 0, low = 0, high = 0, inflow = 0, outflow = 0, count = 0;
        QString currency; ///< for the economy figures of player accounts
        bool player = false;
    };
    /// A currency's sources and sinks per kind on one day (economy_flows), summed over this transaction.
    struct FlowDelta {
        QMap<TransactionKind, qint64> sources, sinks;
    };
    /// A locked shard of a system account. `others` is the sum of its other shards when it was locked
    /// (nullopt: beyond 64 bits), so that the account's total can be kept inside the int64 range too.
    struct ShardLock {
        int shard = 0;
        qint64 balance = 0;
        std::optional<qint64> others = 0;
    };
    struct LaneState {
        int lane = 0;
        QString head;
        qint64 lastId = 0;
        bool dirty = false;
    };
    struct WriteCache {
        QHash<qint64, Account> accounts; ///< locked player accounts, current values
        QSet<qint64> dirtyAccounts;
        QHash<qint64, ShardLock> shards; ///< system account -> the shard this transaction holds
        QSet<qint64> dirtyShards;
        QHash<QString, LaneState> lanes; ///< chain -> the lane this transaction holds
        qint64 nextTransactionId = 0, nextAuditId = 0;
        std::map<std::tuple<qint64, int, qint64>, RollupDelta> rollups;
        std::map<std::pair<QString, qint64>, FlowDelta> flows; ///< (currency, day)
        void clear() { *this = WriteCache(); }
    } cache;

    bool pg() const { return s.m_dialect == Dialect::Postgres; }
    const char *pick(const char *sqlite, const char *postgres) const { return pg() ? postgres : sqlite; }

    Failure dbFailure(const QSqlError &e) const {
        const QString code = e.nativeErrorCode();
        // 40001 serialization, 40P01 deadlock, 23505 a concurrent twin inserted the same idempotency key:
        // all resolve by running the whole transaction again.
        const bool retry = pg() ? (code == u"40001" || code == u"40P01" || code == u"23505")
                                : (code == u"5" || code == u"6"); // SQLITE_BUSY, SQLITE_LOCKED
        return Failure{LedgerError{ErrorCode::Database, QStringLiteral("database error: %1").arg(e.text())},
                       retry};
    }

    SqlStatement &run(const char *sql, std::initializer_list<QVariant> args = {}) {
        auto it = queries.find(sql);
        if (it == queries.end()) {
            // QPSQL runs forward-only queries in single-row mode, one active per connection; the store reads
            // one query while running another, so on PostgreSQL results are buffered instead.
            auto q = std::make_unique<SqlStatement>(s.m_db, sql, !pg());
            if (!q->isPrepared())
                throw dbFailure(q->lastError());
            it = queries.emplace(sql, std::move(q)).first;
        }
        SqlStatement &q = *it->second;
        if (!q.exec(args))
            throw dbFailure(q.lastError());
        return q;
    }

    /// First column of the first row, or an invalid QVariant.
    QVariant scalar(const char *sql, std::initializer_list<QVariant> args = {}) {
        SqlStatement &q = run(sql, args);
        QVariant v = q.next() ? q.value(0) : QVariant();
        q.finish();
        return v;
    }

    void execRaw(const QString &sql) {
        QSqlQuery q(s.m_db);
        if (!q.exec(sql))
            throw dbFailure(q.lastError());
    }

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
                flush();
                // From here until COMMIT answers, a lost connection leaves unknown whether it committed.
                s.m_commitUncertain = true;
                if (pg())
                    execRaw(QStringLiteral("COMMIT"));
                else
                    run("COMMIT");
                s.m_commitUncertain = false;
                inTransaction = false;
                cache.clear();
                return value;
            } catch (const Failure &f) {
                cache.clear();
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

    int exponentOf(const QString &currency) {
        auto it = exponents.constFind(currency);
        if (it != exponents.constEnd())
            return *it;
        const QVariant v = scalar("SELECT exponent FROM currencies WHERE code = ?", {currency});
        if (!v.isValid())
            fail(ErrorCode::NotFound, QStringLiteral("unknown currency %1").arg(currency));
        exponents.insert(currency, v.toInt());
        return v.toInt();
    }

    std::optional<Account> loadAccount(qint64 id, bool lock) {
        SqlStatement &q =
            lock ? run(pick(SELECT_ACCOUNTS "WHERE id = ?", SELECT_ACCOUNTS "WHERE id = ? FOR UPDATE"), {id})
                 : run(SELECT_ACCOUNTS "WHERE id = ?", {id});
        if (!q.next()) {
            q.finish();
            return std::nullopt;
        }
        Account a = readAccount(q);
        q.finish();
        a.exponent = exponentOf(a.currency);
        if (a.kind == AccountKind::System)
            a.balance =
                scalar("SELECT COALESCE(SUM(balance), 0) FROM account_shards WHERE account_id = ?", {id})
                    .toLongLong(); // in range: postings keep every system account's total inside int64
        return a;
    }

    static Account readAccount(const SqlStatement &q) {
        Account a;
        a.id = q.value(0).toLongLong();
        a.kind = q.value(1).toString() == u"system" ? AccountKind::System : AccountKind::Player;
        a.currency = q.value(2).toString();
        a.playerRef = q.value(3).toString();
        a.name = q.value(4).toString();
        const QString st = q.value(5).toString();
        a.state = st == u"frozen" ? AccountState::Frozen
                                  : (st == u"closed" ? AccountState::Closed : AccountState::Active);
        a.allowNegative = q.value(6).toInt() != 0;
        a.balance = q.value(7).toLongLong();
        a.held = q.value(8).toLongLong();
        a.createdAt = q.value(9).toLongLong();
        a.lastActivityAt = q.value(10).toLongLong();
        return a;
    }

    Account requireAccount(qint64 id, bool lock) {
        if (lock) {
            auto cached = cache.accounts.constFind(id);
            if (cached != cache.accounts.constEnd())
                return *cached; // already locked by this transaction
        }
        auto a = loadAccount(id, lock);
        if (a && lock && a->kind == AccountKind::Player)
            cache.accounts.insert(id, *a);
        if (!a)
            fail(ErrorCode::NotFound, QStringLiteral("account %1 does not exist").arg(id));
        return *a;
    }

    /// Locks and caches, in one query, the player accounts among `ids` that this transaction has not locked
    /// yet, in ascending id order: the order single postings lock in, so batches and postings cannot deadlock
    /// on PostgreSQL. A batch's postings then find them in the cache instead of one query (on PostgreSQL one
    /// round trip) each. Ids that are no player account are left to requireAccount, which reports them.
    void lockAccounts(QList<qint64> ids) {
        ids.removeIf([this](qint64 id) { return id <= 0 || cache.accounts.contains(id); });
        if (ids.isEmpty())
            return;
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        QJsonArray array;
        for (qint64 id : std::as_const(ids))
            array.append(id);
        SqlStatement &q = run(
            pick(SELECT_ACCOUNTS "WHERE id IN (SELECT value FROM json_each(?)) "
                                 "AND kind = 'player' ORDER BY id",
                 SELECT_ACCOUNTS
                 "WHERE id = ANY(ARRAY(SELECT "
                 "json_array_elements_text(?::json)::bigint)) AND kind = 'player' ORDER BY id FOR UPDATE"),
            {QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact))});
        QList<Account> locked;
        while (q.next())
            locked << readAccount(q);
        q.finish();
        for (Account &a : locked) {
            a.exponent = exponentOf(a.currency);
            cache.accounts.insert(a.id, a);
        }
    }

    qint64 systemAccountId(const QString &currency, const QString &name) {
        const QString key = currency + u'/' + name;
        auto it = systemAccountIds.constFind(key);
        if (it != systemAccountIds.constEnd())
            return *it;
        const QVariant v = scalar(
            "SELECT id FROM accounts WHERE kind = 'system' AND currency = ? AND name = ?", {currency, name});
        if (!v.isValid())
            fail(ErrorCode::NotFound,
                 QStringLiteral("the %1 account for %2 does not exist").arg(name, currency));
        systemAccountIds.insert(key, v.toLongLong());
        return v.toLongLong();
    }

    /// Locks one shard of a system account. On PostgreSQL any free shard will do (SKIP LOCKED), so
    /// concurrent postings against the treasury spread over its shards instead of queueing on one row.
    ShardLock lockShard(qint64 accountId) {
        auto cached = cache.shards.constFind(accountId);
        if (cached != cache.shards.constEnd())
            return *cached; // this transaction holds one shard of it already
        const ShardLock locked = lockShardRow(accountId);
        cache.shards.insert(accountId, locked);
        return locked;
    }

    ShardLock lockShardRow(qint64 accountId) {
        if (!pg()) {
            // One shard: its balance is the account's.
            SqlStatement &q =
                run("SELECT shard, balance FROM account_shards WHERE account_id = ? LIMIT 1", {accountId});
            if (!q.next())
                fail(ErrorCode::Database, QStringLiteral("system account %1 has no shard").arg(accountId));
            ShardLock r{q.value(0).toInt(), q.value(1).toLongLong(), 0};
            q.finish();
            return r;
        }
        auto read = [](SqlStatement &q) {
            // The other shards' sum comes as exact decimal text: it may not fit 64 bits.
            bool fits = false;
            const qint64 others = q.value(2).toString().toLongLong(&fits);
            return ShardLock{q.value(0).toInt(), q.value(1).toLongLong(),
                             fits ? std::optional<qint64>(others) : std::nullopt};
        };
        SqlStatement &q =
            run("SELECT s.shard, s.balance, (SELECT COALESCE(SUM(o.balance), 0) FROM account_shards o "
                "WHERE o.account_id = s.account_id AND o.shard <> s.shard)::text FROM account_shards s "
                "WHERE s.account_id = ? ORDER BY random() LIMIT 1 FOR UPDATE OF s SKIP LOCKED",
                {accountId});
        if (q.next()) {
            const ShardLock r = read(q);
            q.finish();
            return r;
        }
        q.finish();
        const int shard = int(QRandomGenerator::global()->bounded(PostgresShards));
        SqlStatement &w =
            run("SELECT s.shard, s.balance, (SELECT COALESCE(SUM(o.balance), 0) FROM account_shards o "
                "WHERE o.account_id = s.account_id AND o.shard <> s.shard)::text FROM account_shards s "
                "WHERE s.account_id = ? AND s.shard = ? FOR UPDATE OF s",
                {accountId, shard});
        if (!w.next())
            fail(ErrorCode::Database,
                 QStringLiteral("system account %1 has no shard %2").arg(accountId).arg(shard));
        const ShardLock r = read(w);
        w.finish();
        return r;
    }

    // --- hash chains

    struct Lane {
        int lane = 0;
        QString head;
        qint64 lastId = 0;
    };

    /// Locks a lane of a chain. The journal and the audit log are each split into lanes on PostgreSQL so
    /// that appending does not serialise all writers; each lane is an unbroken chain ordered by id.
    Lane lockLane(const QString &chain, int preferred = -1) {
        auto cached = cache.lanes.constFind(chain);
        if (cached != cache.lanes.constEnd())
            return Lane{cached->lane, cached->head};
        const Lane locked = lockLaneRow(chain, preferred);
        cache.lanes.insert(chain, LaneState{locked.lane, locked.head, 0, false});
        if (!pg()) {
            // SQLite's single lane holds the last id of its table, so the next id costs no query.
            qint64 &next = chain == u"journal" ? cache.nextTransactionId : cache.nextAuditId;
            if (next == 0)
                next = locked.lastId + 1;
        }
        return locked;
    }

    Lane lockLaneRow(const QString &chain, int preferred) {
        if (!pg() || preferred >= 0) {
            SqlStatement &q = run(
                pick("SELECT lane, head, last_id FROM chain_heads WHERE chain = ? AND lane = ?",
                     "SELECT lane, head, last_id FROM chain_heads WHERE chain = ? AND lane = ? FOR UPDATE"),
                {chain, pg() ? preferred : 0});
            if (!q.next())
                fail(ErrorCode::Database,
                     QStringLiteral("chain %1 has no lane %2").arg(chain).arg(preferred));
            Lane l{q.value(0).toInt(), q.value(1).toString(), q.value(2).toLongLong()};
            q.finish();
            return l;
        }
        SqlStatement &q = run("SELECT lane, head, last_id FROM chain_heads WHERE chain = ? "
                              "ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED",
                              {chain});
        if (q.next()) {
            Lane l{q.value(0).toInt(), q.value(1).toString(), q.value(2).toLongLong()};
            q.finish();
            return l;
        }
        q.finish();
        return lockLaneRow(chain, int(QRandomGenerator::global()->bounded(PostgresShards)));
    }

    qint64 nextId(const char *table) {
        // Ids are taken after the lane lock, so within a lane they increase with chain order.
        if (pg()) {
            if (qstrcmp(table, "transactions") == 0)
                return scalar("SELECT nextval(pg_get_serial_sequence('transactions', 'id'))").toLongLong();
            return scalar("SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))").toLongLong();
        }
        // SQLite has one writer at a time: lockLane() seeded the next id from its lane's last id.
        qint64 &next = qstrcmp(table, "transactions") == 0 ? cache.nextTransactionId : cache.nextAuditId;
        if (next == 0)
            next = qstrcmp(table, "transactions") == 0
                       ? scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM transactions").toLongLong()
                       : scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log").toLongLong();
        return next++;
    }

    void advanceLane(const QString &chain, int lane, qint64 lastId, const QString &head) {
        cache.lanes[chain] = LaneState{lane, head, lastId, true};
    }

    /// PostgreSQL: the whole flush in one statement (data-modifying CTEs over unnested arrays), because
    /// every round trip here is time a hot player row stays locked. Arrays travel as bound text literals of
    /// integers and hex digests.
    void flushPostgres() {
        auto list = [](const auto &values) {
            QStringList parts;
            for (const auto &v : values)
                parts << QVariant(v).toString();
            return u'{' + parts.join(u',') + u'}';
        };
        QList<qint64> accountIds, balances, held, activity, shardIds, shardBalances, rollupAccounts,
            rollupDays, opening, closing, low, high, inflow, outflow, count, laneLastIds;
        QList<int> shards, rollupShards, lanes;
        QStringList chains, heads, rollupCurrencies, rollupPlayers;
        QStringList flowCurrencies, flowKinds;
        QList<qint64> flowDays, flowSources, flowSinks;
        for (qint64 id : std::as_const(cache.dirtyAccounts)) {
            const Account &a = cache.accounts[id];
            accountIds << id;
            balances << a.balance;
            held << a.held;
            activity << a.lastActivityAt;
        }
        for (qint64 id : std::as_const(cache.dirtyShards)) {
            shardIds << id;
            shards << cache.shards[id].shard;
            shardBalances << cache.shards[id].balance;
        }
        for (const auto &[key, r] : cache.rollups) {
            rollupAccounts << std::get<0>(key);
            rollupShards << std::get<1>(key);
            rollupDays << std::get<2>(key);
            opening << r.opening;
            closing << r.closing;
            low << r.low;
            high << r.high;
            inflow << r.inflow;
            outflow << r.outflow;
            count << r.count;
            rollupCurrencies << r.currency;
            rollupPlayers << (r.player ? QStringLiteral("t") : QStringLiteral("f"));
        }
        for (const auto &[key, f] : cache.flows)
            for (TransactionKind kind : flowKindsOf(f)) {
                flowCurrencies << key.first;
                flowDays << key.second;
                flowKinds << kindName(kind);
                flowSources << f.sources.value(kind);
                flowSinks << f.sinks.value(kind);
            }
        for (auto it = cache.lanes.cbegin(); it != cache.lanes.cend(); ++it)
            if (it->dirty) {
                chains << it.key();
                lanes << it->lane;
                laneLastIds << it->lastId;
                heads << it->head;
            }
        run("WITH a AS (UPDATE accounts t SET balance = v.balance, held = v.held, last_activity_at = v.at "
            "FROM unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[]) AS v(id, balance, held, at) "
            "WHERE t.id = v.id), "
            "s AS (UPDATE account_shards t SET balance = v.balance FROM unnest(?::bigint[], ?::int[], "
            "?::bigint[]) "
            "AS v(id, shard, balance) WHERE t.account_id = v.id AND t.shard = v.shard), "
            "d AS (SELECT * FROM unnest(?::bigint[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], "
            "?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::bool[]) "
            "AS v(account_id, shard, day, opening, closing, low, high, inflow, outflow, entry_count, "
            "currency, "
            "player)), "
            "r AS (INSERT INTO daily_rollups (account_id, shard, day, opening, closing, low, high, inflow, "
            "outflow, entry_count) SELECT account_id, shard, day, opening, closing, low, high, inflow, "
            "outflow, "
            "entry_count FROM d "
            "ON CONFLICT (account_id, shard, day) DO UPDATE SET closing = excluded.closing, "
            "low = LEAST(daily_rollups.low, excluded.low), high = GREATEST(daily_rollups.high, "
            "excluded.high), "
            "inflow = daily_rollups.inflow + excluded.inflow, outflow = daily_rollups.outflow + "
            "excluded.outflow, "
            "entry_count = daily_rollups.entry_count + excluded.entry_count "
            "RETURNING account_id, shard, day, entry_count), "
            // A day's rollup row is new when its count is this flush's alone: the account's first entry that
            // day.
            "ed AS (INSERT INTO economy_days (currency, day, lane, player_change, active_players, "
            "active_balance) "
            "SELECT d.currency, d.day, ?, sum(d.closing - d.opening), count(*) FILTER (WHERE r.entry_count = "
            "d.entry_count), sum(CASE WHEN r.entry_count = d.entry_count THEN d.closing ELSE d.closing - "
            "d.opening END) FROM d JOIN r USING (account_id, shard, day) WHERE d.player "
            "GROUP BY d.currency, d.day "
            "ON CONFLICT (currency, day, lane) DO UPDATE SET player_change = economy_days.player_change + "
            "excluded.player_change, active_players = economy_days.active_players + excluded.active_players, "
            "active_balance = economy_days.active_balance + excluded.active_balance), "
            "ef AS (INSERT INTO economy_flows (currency, day, kind, lane, sources, sinks) "
            "SELECT currency, day, kind, ?, sources, sinks FROM unnest(?::text[], ?::bigint[], ?::text[], "
            "?::bigint[], ?::bigint[]) AS v(currency, day, kind, sources, sinks) "
            "ON CONFLICT (currency, day, kind, lane) DO UPDATE SET sources = economy_flows.sources + "
            "excluded.sources, sinks = economy_flows.sinks + excluded.sinks), "
            "h AS (UPDATE chain_heads t SET last_id = v.last_id, head = v.head FROM unnest(?::text[], "
            "?::int[], "
            "?::bigint[], ?::text[]) AS v(chain, lane, last_id, head) WHERE t.chain = v.chain AND t.lane = "
            "v.lane) "
            "SELECT 1",
            {list(accountIds),    list(balances),
             list(held),          list(activity),
             list(shardIds),      list(shards),
             list(shardBalances), list(rollupAccounts),
             list(rollupShards),  list(rollupDays),
             list(opening),       list(closing),
             list(low),           list(high),
             list(inflow),        list(outflow),
             list(count),         list(rollupCurrencies),
             list(rollupPlayers), economyLane(),
             economyLane(),       list(flowCurrencies),
             list(flowDays),      list(flowKinds),
             list(flowSources),   list(flowSinks),
             list(chains),        list(lanes),
             list(laneLastIds),   list(heads)});
    }

    /// The kinds with a source or a sink in `f`, each once (one economy_flows row carries both).
    static QList<TransactionKind> flowKindsOf(const FlowDelta &f) {
        QList<TransactionKind> kinds = f.sources.keys();
        for (TransactionKind kind : f.sinks.keys())
            if (!f.sources.contains(kind))
                kinds << kind;
        return kinds;
    }

    /// The journal lane this transaction holds, which keys its economy rows (0 when it posted nothing).
    int economyLane() const {
        const auto it = cache.lanes.constFind(QStringLiteral("journal"));
        return it == cache.lanes.constEnd() ? 0 : it->lane;
    }

    /// Writes what the transaction changed in the cached rows. Runs just before COMMIT.
    void flush() {
        if (pg())
            return flushPostgres();
        for (qint64 id : std::as_const(cache.dirtyAccounts)) {
            const Account &a = cache.accounts[id];
            run("UPDATE accounts SET balance = ?, held = ?, last_activity_at = ? WHERE id = ?",
                {a.balance, a.held, a.lastActivityAt, id});
        }
        for (qint64 id : std::as_const(cache.dirtyShards)) {
            const ShardLock &lock = cache.shards[id];
            const int shard = lock.shard;
            const qint64 balance = lock.balance;
            run("UPDATE account_shards SET balance = ? WHERE account_id = ? AND shard = ?",
                {balance, id, shard});
        }
        struct DayDelta {
            qint64 change = 0, active = 0, activeBalance = 0;
        };
        std::map<std::pair<QString, qint64>, DayDelta> days;
        for (const auto &[key, r] : cache.rollups) {
            const auto &[account, shard, day] = key;
            // SQLite only (PostgreSQL returned above): one statement for every row; players' rows also tell
            // whether they are new, i.e. the account's first entry that day (its count is this
            // transaction's).
            SqlStatement &q = run(
                "INSERT INTO daily_rollups (account_id, shard, day, opening, closing, low, high, inflow, "
                "outflow, entry_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (account_id, shard, day) DO UPDATE SET closing = excluded.closing, "
                "low = min(daily_rollups.low, excluded.low), high = max(daily_rollups.high, excluded.high), "
                "inflow = daily_rollups.inflow + excluded.inflow, outflow = daily_rollups.outflow + "
                "excluded.outflow, entry_count = daily_rollups.entry_count + excluded.entry_count "
                "RETURNING entry_count",
                {account, shard, day, r.opening, r.closing, r.low, r.high, r.inflow, r.outflow, r.count});
            const bool fresh = q.next() && q.value(0).toLongLong() == r.count;
            q.finish();
            if (!r.player)
                continue;
            DayDelta &d = days[{r.currency, day}];
            d.change += r.closing - r.opening;
            d.active += fresh ? 1 : 0;
            d.activeBalance += fresh ? r.closing : r.closing - r.opening;
        }
        for (const auto &[key, d] : days)
            run("INSERT INTO economy_days (currency, day, lane, player_change, active_players, "
                "active_balance) "
                "VALUES (?, ?, 0, ?, ?, ?) ON CONFLICT (currency, day, lane) DO UPDATE SET player_change = "
                "economy_days.player_change + excluded.player_change, active_players = "
                "economy_days.active_players + excluded.active_players, active_balance = "
                "economy_days.active_balance + excluded.active_balance",
                {key.first, key.second, d.change, d.active, d.activeBalance});
        for (const auto &[key, f] : cache.flows)
            for (TransactionKind kind : flowKindsOf(f))
                run("INSERT INTO economy_flows (currency, day, kind, lane, sources, sinks) VALUES (?, ?, ?, "
                    "0, ?, ?) "
                    "ON CONFLICT (currency, day, kind, lane) DO UPDATE SET sources = economy_flows.sources + "
                    "excluded.sources, sinks = economy_flows.sinks + excluded.sinks",
                    {key.first, key.second, kindName(kind), f.sources.value(kind), f.sinks.value(kind)});
        for (auto it = cache.lanes.cbegin(); it != cache.lanes.cend(); ++it)
            if (it->dirty)
                run("UPDATE chain_heads SET last_id = ?, head = ? WHERE chain = ? AND lane = ?",
                    {it->lastId, it->head, it.key(), it->lane});
    }

    void applyLeg(const Leg &l, qint64 at) {
        if (l.system) {
            cache.shards[l.accountId].balance = l.balanceAfter;
            cache.dirtyShards.insert(l.accountId);
        } else {
            Account &a = cache.accounts[l.accountId];
            a.balance = l.balanceAfter;
            a.lastActivityAt = at;
            cache.dirtyAccounts.insert(l.accountId);
        }
        auto [it, fresh] = cache.rollups.try_emplace({l.accountId, l.shard, at / MsPerDay});
        RollupDelta &r = it->second;
        if (fresh) {
            r.opening = r.low = r.high = l.balanceBefore;
            r.currency = l.currency;
            r.player = !l.system;
        }
        r.closing = l.balanceAfter;
        r.low = std::min(r.low, l.balanceAfter);
        r.high = std::max(r.high, l.balanceAfter);
        (l.amount > 0 ? r.inflow : r.outflow) += l.amount > 0 ? l.amount : -l.amount;
        ++r.count;
    }

    /// The transaction's net player change per currency, filed as a source or sink of its kind
    /// (economyreport.h).
    void fileEconomyFlows(TransactionKind kind, const QList<Leg> &legs, qint64 at) {
        QMap<QString, qint64> net;
        for (const Leg &l : legs)
            if (!l.system)
                net[l.currency] += l.amount; // each leg's balance was range-checked; the sum of one
                                             // transaction's player legs cannot leave int64 either
        for (auto it = net.cbegin(); it != net.cend(); ++it)
            if (it.value() != 0) { // a transfer between players nets to zero: neither source nor sink
                FlowDelta &f = cache.flows[{it.key(), at / MsPerDay}];
                fileNetPlayerChange(f.sources, f.sinks, kind, it.value());
            }
    }

    void changeHeld(qint64 accountId, qint64 delta) {
        Account &a = cache.accounts[accountId]; // locked and cached by requireAccount
        a.held += delta;
        cache.dirtyAccounts.insert(accountId);
    }

    /// Appends an audit row inside the current transaction.
    void appendAudit(const Actor &actor, const QString &action, const QString &target, const QString &outcome,
                     const QString &detail, int lane = -1) {
        const Lane l = lockLane(QStringLiteral("audit"), lane);
        const qint64 id = nextId("audit_log");
        const qint64 at = nowMs();
        const QString origin = actor.origin.left(MaxTextLength);
        const QString op = actor.operatorName.left(MaxTextLength);
        const QString hash = QString::fromLatin1(auditRowHash(
            l.head.toLatin1(), AuditHashInput{id, at, op.toUtf8(), origin.toUtf8(), action.toUtf8(),
                                              target.toUtf8(), outcome.toUtf8(), detail.toUtf8(), l.lane}));
        run("INSERT INTO audit_log (id, at, operator, origin, action, target, outcome, detail, lane, "
            "prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {id, at, op, origin, action, target, outcome, detail, l.lane, l.head, hash});
        advanceLane(QStringLiteral("audit"), l.lane, id, hash);
    }

    // --- postings

    static void validate(const PostingRequest &r) {
        if (r.idempotencyKey.trimmed().isEmpty())
            fail(ErrorCode::InvalidArgument, QStringLiteral("an idempotency key is required"));
        if (r.idempotencyKey.size() > MaxKeyLength)
            fail(ErrorCode::InvalidArgument,
                 QStringLiteral("the idempotency key is longer than %1 characters").arg(MaxKeyLength));
        if (r.kind == TransactionKind::Reversal)
            fail(ErrorCode::InvalidArgument, QStringLiteral("reversals are posted with reverse, not post"));
        if (r.accountId <= 0)
            fail(ErrorCode::InvalidArgument, QStringLiteral("an account is required"));
        if (r.kind == TransactionKind::Adjustment) {
            if (r.amount == 0)
                fail(ErrorCode::InvalidArgument, QStringLiteral("an adjustment amount must not be zero"));
            if (r.reasonCode.trimmed().isEmpty())
                fail(ErrorCode::InvalidArgument, QStringLiteral("an adjustment needs a reason code"));
            if (r.amount == std::numeric_limits<qint64>::min())
                fail(ErrorCode::Overflow, QStringLiteral("the adjustment amount is out of range"));
        } else if (r.amount <= 0) {
            fail(ErrorCode::InvalidArgument, QStringLiteral("the amount must be greater than zero"));
        }
        if (r.kind == TransactionKind::Transfer || r.kind == TransactionKind::Purchase) {
            if (r.counterAccountId <= 0)
                fail(ErrorCode::InvalidArgument,
                     r.kind == TransactionKind::Transfer
                         ? QStringLiteral("a transfer needs a destination account")
                         : QStringLiteral("a purchase needs the player's item account"));
            if (r.counterAccountId == r.accountId)
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("source and destination are the same account"));
        }
        if (r.kind == TransactionKind::Purchase && r.itemQuantity <= 0)
            fail(ErrorCode::InvalidArgument,
                 QStringLiteral("a purchase needs an item quantity greater than zero"));
        if (r.reasonCode.size() > 64 || r.ticketRef.size() > 128 || r.memo.size() > MaxTextLength)
            fail(ErrorCode::InvalidArgument, QStringLiteral("reason code, ticket or memo is too long"));
    }

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

    void checkUsable(const Account &a, const OperatorRow &op) {
        if (a.state == AccountState::Closed)
            fail(ErrorCode::AccountClosed, QStringLiteral("account %1 is closed").arg(a.id));
        if (a.state == AccountState::Frozen && op.role < Role::Supervisor)
            fail(ErrorCode::AccountFrozen,
                 QStringLiteral("account %1 is frozen; only a supervisor may post to it").arg(a.id));
    }

    static qint64 checkedAdd(qint64 a, qint64 b, qint64 accountId) {
        const auto r = Money::add(a, b);
        if (!r)
            fail(ErrorCode::Overflow,
                 QStringLiteral("the balance of account %1 would overflow").arg(accountId));
        return *r;
    }

    /// Locks the player accounts in ascending id order (no deadlock between postings), checks them, and
    /// plans the legs. Throws on any rule failure; writes nothing.
    QList<Leg> planLegs(const PostingRequest &r, const OperatorRow &op, QHash<qint64, Account> &players) {
        QList<qint64> ids{r.accountId};
        if (r.counterAccountId > 0)
            ids << r.counterAccountId;
        std::sort(ids.begin(), ids.end());
        for (qint64 id : ids)
            players.insert(id, requireAccount(id, true));
        const Account &primary = players[r.accountId];
        if (primary.kind != AccountKind::Player)
            fail(ErrorCode::InvalidArgument,
                 QStringLiteral("account %1 is a system account").arg(primary.id));
        for (const Account &a : std::as_const(players))
            checkUsable(a, op);

        QList<Leg> legs;
        auto player = [&](const Account &a, qint64 amount) {
            legs << Leg{a.id, false, a.currency, amount, 0, 0, 0};
        };
        auto system = [&](const QString &currency, const QString &name, qint64 amount) {
            legs << Leg{systemAccountId(currency, name), true, currency, amount, 0, 0, 0};
        };
        const qint64 a = r.amount;
        switch (r.kind) {
        case TransactionKind::Deposit:
        case TransactionKind::Win:
        case TransactionKind::Bonus:
        case TransactionKind::Adjustment:
            player(primary, a);
            system(primary.currency, systemCounterparty(r.kind), -a);
            break;
        case TransactionKind::Withdrawal:
        case TransactionKind::Charge:
            player(primary, -a);
            system(primary.currency, systemCounterparty(r.kind), a);
            break;
        case TransactionKind::Transfer: {
            const Account &to = players[r.counterAccountId];
            if (to.kind != AccountKind::Player)
                fail(ErrorCode::InvalidArgument, QStringLiteral("account %1 is a system account").arg(to.id));
            if (to.currency != primary.currency)
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("a transfer cannot go from %1 to %2; currencies differ")
                         .arg(primary.currency, to.currency));
            player(primary, -a);
            player(to, a);
            break;
        }
        case TransactionKind::Purchase: {
            const Account &items = players[r.counterAccountId];
            if (items.kind != AccountKind::Player || items.playerRef != primary.playerRef)
                fail(ErrorCode::InvalidArgument, QStringLiteral("account %1 is not an account of player %2")
                                                     .arg(items.id)
                                                     .arg(primary.playerRef));
            if (items.currency == primary.currency)
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("a purchase pays in one currency for another"));
            player(primary, -a);
            system(primary.currency, QStringLiteral("house"), a);
            system(items.currency, QStringLiteral("house"), -r.itemQuantity);
            player(items, r.itemQuantity);
            break;
        }
        case TransactionKind::Reversal:
            break;
        }
        return legs;
    }

    /// Fills in balances and shards, checking overdraft and overflow. Still writes nothing.
    void priceLegs(QList<Leg> &legs, QHash<qint64, Account> &players, bool allowOverdraft) {
        for (Leg &leg : legs) {
            if (leg.system) {
                const ShardLock lock = lockShard(leg.accountId);
                leg.shard = lock.shard;
                leg.balanceBefore = lock.balance;
                leg.balanceAfter = checkedAdd(lock.balance, leg.amount, leg.accountId);
                if (!lock.others)
                    fail(ErrorCode::Overflow,
                         QStringLiteral("the balance of account %1 would overflow").arg(leg.accountId));
                checkedAdd(*lock.others, leg.balanceAfter,
                           leg.accountId); // the account's total, over all shards
                continue;
            }
            Account &acc = players[leg.accountId];
            leg.balanceBefore = acc.balance;
            leg.balanceAfter = checkedAdd(acc.balance, leg.amount, acc.id);
            if (leg.amount < 0 && !acc.allowNegative && !allowOverdraft && leg.balanceAfter - acc.held < 0) {
                const qint64 available = acc.available();
                fail(
                    ErrorCode::InsufficientFunds,
                    QStringLiteral("insufficient funds: account %1 has %2 %3 available, the posting needs %4")
                        .arg(acc.id)
                        .arg(Money::format(available, acc.exponent), acc.currency,
                             Money::format(-leg.amount, acc.exponent)));
            }
            acc.balance = leg.balanceAfter; // a later leg on the same account sees this one
        }
    }

    struct TxnHeader {
        TransactionKind kind;
        QString key;
        QString requestHash;
        qint64 operatorId = 0;
        QString origin;
        qint64 reversesId = 0;
        bool forced = false;
        qint64 approvalId = 0;
        QString reasonCode, ticketRef, memo;
    };

    /// Writes a fully planned transaction: journal row, entries, balances, rollups, audit, chain heads.
    PostingResult writeTransaction(const TxnHeader &h, const QList<Leg> &legs, const Actor &actor,
                                   const QString &auditAction, const QString &auditTarget) {
        // Entries sum to zero per currency: the planner guarantees it; check anyway, it is the ledger's core.
        QHash<QString, qint64> sums;
        for (const Leg &l : legs)
            sums[l.currency] = checkedAdd(sums.value(l.currency), l.amount, l.accountId);
        for (auto it = sums.cbegin(); it != sums.cend(); ++it)
            if (it.value() != 0)
                fail(ErrorCode::Database,
                     QStringLiteral("internal error: entries do not balance in %1").arg(it.key()));

        const Lane lane = lockLane(QStringLiteral("journal"));
        const qint64 id = nextId("transactions");
        const qint64 at = nowMs();
        JournalHash hasher(lane.head.toLatin1(),
                           JournalHashInput{id, kindName(h.kind).toUtf8(), h.key.toUtf8(),
                                            h.requestHash.toUtf8(), h.operatorId, h.origin.toUtf8(), at,
                                            h.reversesId, h.forced, h.approvalId, h.reasonCode.toUtf8(),
                                            h.ticketRef.toUtf8(), h.memo.toUtf8(), lane.lane});
        for (const Leg &l : legs)
            hasher.addEntry(l.accountId, l.shard, l.amount, l.balanceAfter);
        const QString hash = QString::fromLatin1(hasher.finish());

        run("INSERT INTO transactions (id, kind, idempotency_key, request_hash, operator_id, origin, "
            "created_at, "
            "reverses_id, forced, approval_id, reason_code, ticket_ref, memo, lane, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            {id, kindName(h.kind), h.key, h.requestHash, h.operatorId, h.origin, at,
             h.reversesId > 0 ? QVariant(h.reversesId) : QVariant(QMetaType::fromType<qint64>()),
             h.forced ? 1 : 0,
             h.approvalId > 0 ? QVariant(h.approvalId) : QVariant(QMetaType::fromType<qint64>()),
             h.reasonCode, h.ticketRef, h.memo, lane.lane, lane.head, hash});
        PostingResult result;
        result.transactionId = id;
        result.approvalId = h.approvalId;
        for (const Leg &l : legs) {
            run("INSERT INTO entries (transaction_id, account_id, shard, amount, balance_after, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                {id, l.accountId, l.shard, l.amount, l.balanceAfter, at});
            JournalEntry e;
            e.transactionId = id;
            e.accountId = l.accountId;
            e.shard = l.shard;
            e.currency = l.currency;
            e.amount = l.amount;
            e.balanceAfter = l.balanceAfter;
            e.createdAt = at;
            result.entries << e;
            applyLeg(l, at);
        }
        fileEconomyFlows(h.kind, legs, at);
        advanceLane(QStringLiteral("journal"), lane.lane, id, hash);
        if (!batchAudit)
            appendAudit(actor, auditAction,
                        auditTarget.isEmpty() ? QStringLiteral("transaction:%1").arg(id) : auditTarget,
                        QStringLiteral("ok"),
                        QStringLiteral("%1 transaction %2 key %3").arg(kindName(h.kind)).arg(id).arg(h.key),
                        lane.lane);
        return result;
    }

    /// The whole posting, inside an open transaction.
    /// `keyMayBeUsed` false: the caller has already looked the key up (a batch does it for all its keys at
    /// once, usedKeys) and found it unused, so the lookup here is skipped.
    PostingResult postLocked(const Actor &actor, const OperatorRow &op, const PostingRequest &r,
                             qint64 fromApprovalId, bool keyMayBeUsed = true) {
        validate(r);
        if (op.role < Role::Support)
            fail(ErrorCode::PermissionDenied,
                 QStringLiteral("posting needs the support role; %1 is %2").arg(op.name, roleName(op.role)));
        const QString requestHash = hashHex(r.canonical());
        if (keyMayBeUsed)
            if (auto previous = replay(r.idempotencyKey, requestHash, fromApprovalId == 0))
                return *previous;

        QHash<qint64, Account> players;
        QList<Leg> legs = planLegs(r, op, players);
        const Account primary = players.value(r.accountId);

        const qint64 magnitude = r.amount < 0 ? -r.amount : r.amount;
        const auto limit = op.limits.constFind(primary.currency);
        if (fromApprovalId == 0 && limit != op.limits.constEnd() && magnitude > *limit)
            return holdForApproval(actor, op, r, requestHash, primary, *limit);

        priceLegs(legs, players, false);
        TxnHeader h{
            r.kind,         r.idempotencyKey, requestHash, op.id, actor.origin.left(MaxTextLength), 0, false,
            fromApprovalId, r.reasonCode,     r.ticketRef, r.memo};
        return writeTransaction(h, legs, actor, QStringLiteral("post"), accountTarget(r.accountId));
    }

    PostingResult holdForApproval(const Actor &actor, const OperatorRow &op, const PostingRequest &r,
                                  const QString &requestHash, const Account &primary, qint64 limit) {
        const bool debit = isDebitKind(r.kind) || (r.kind == TransactionKind::Adjustment && r.amount < 0);
        const qint64 hold = debit ? (r.amount < 0 ? -r.amount : r.amount) : 0;
        if (hold > 0 && !primary.allowNegative && primary.available() < hold)
            fail(ErrorCode::InsufficientFunds,
                 QStringLiteral("insufficient funds: account %1 has %2 %3 available, the posting needs %4")
                     .arg(primary.id)
                     .arg(Money::format(primary.available(), primary.exponent), primary.currency,
                          Money::format(hold, primary.exponent)));
        if (hold > 0)
            changeHeld(primary.id, hold);
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
        appendAudit(actor, QStringLiteral("post"), accountTarget(primary.id), QStringLiteral("pending"),
                    QStringLiteral("%1 of %2 %3 above the limit of %4 awaits approval %5")
                        .arg(kindName(r.kind), Money::format(r.amount, primary.exponent), primary.currency,
                             Money::format(limit, primary.exponent))
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
        requireAccount(accountId, true); // lock before touching held, in the same order as postings
        if (a.holdAmount > 0)
            changeHeld(accountId, -a.holdAmount);
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
    } catch (const Failure &f) {
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
    } catch (const Failure &) {
        return 0;
    }
}

Result<OperatorInfo> LedgerStore::bootstrapAdmin(const QString &name) {
    auto r = d->transact([&]() -> bool {
        if (d->scalar("SELECT COUNT(*) FROM operators").toLongLong() > 0)
            return false;
        d->run("INSERT INTO operators (name, role, created_at) VALUES (?, 'admin', ?)", {name, nowMs()});
        d->appendAudit(Actor{name, QStringLiteral("bootstrap")}, QStringLiteral("operator-add"),
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
            d->appendAudit(actor, QStringLiteral("currency-add"), QStringLiteral("currency:%1").arg(c.code),
                           QStringLiteral("ok"), QStringLiteral("exponent %1").arg(c.exponent));
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
    } catch (const Failure &f) {
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
                d->exponentOf(it.key());
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
            d->appendAudit(actor, QStringLiteral("operator-add"),
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
    } catch (const Failure &f) {
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
        d->appendAudit(actor, action, QStringLiteral("operator:%1").arg(name), QStringLiteral("ok"), {});
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
            d->exponentOf(n.currency);
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
            d->appendAudit(actor, QStringLiteral("account-create"), accountTarget(id), QStringLiteral("ok"),
                           QStringLiteral("player %1 currency %2").arg(ref, n.currency));
            return id;
        });
    if (!r)
        return r.error();
    return account(r.value());
}

Result<Account> LedgerStore::account(qint64 id) {
    try {
        return d->requireAccount(id, false);
    } catch (const Failure &f) {
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
            out << d->requireAccount(id, false);
        if (out.isEmpty())
            fail(ErrorCode::NotFound, QStringLiteral("player %1 has no account").arg(playerRef));
        return out;
    } catch (const Failure &f) {
        return f.error;
    }
}

Result<Account> LedgerStore::systemAccount(const QString &currency, const QString &name) {
    try {
        return d->requireAccount(d->systemAccountId(currency, name), false);
    } catch (const Failure &f) {
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
        const Account a = d->requireAccount(accountId, true);
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
        d->appendAudit(actor, action, accountTarget(accountId), QStringLiteral("ok"),
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
        d->batchAudit = true;
        const auto restore = qScopeGuard([this] { d->batchAudit = false; });
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
        d->lockAccounts(accounts);
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
            } catch (const Failure &f) {
                if (f.retryable || f.error.code == ErrorCode::Database)
                    throw; // the database itself failed: the whole batch rolls back
                results << Result<PostingResult>(f.error);
                failures << std::pair{request.accountId, f.error};
            }
        }
        if (posted > 0)
            d->appendAudit(actor, QStringLiteral("post"),
                           QStringLiteral("transactions:%1-%2").arg(first).arg(last), QStringLiteral("ok"),
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
        QList<Leg> legs;
        for (const JournalEntry &e : original) {
            const auto negated = Money::negate(e.amount);
            if (!negated)
                fail(ErrorCode::Overflow, QStringLiteral("entry %1 cannot be negated").arg(e.id));
            const QVariant k = d->scalar("SELECT kind FROM accounts WHERE id = ?", {e.accountId});
            const bool system = k.toString() == u"system";
            if (!system && !playerIds.contains(e.accountId))
                playerIds << e.accountId;
            legs << Leg{e.accountId, system, e.currency, *negated, 0, 0, 0};
        }
        std::sort(playerIds.begin(), playerIds.end());
        for (qint64 id : playerIds) {
            const Account a = d->requireAccount(id, true);
            d->checkUsable(a, op);
            players.insert(id, a);
        }
        try {
            d->priceLegs(legs, players, request.force);
        } catch (const Failure &f) {
            if (f.error.code == ErrorCode::InsufficientFunds)
                fail(ErrorCode::InsufficientFunds,
                     f.error.message + QStringLiteral("; a supervisor may force the reversal with a reason"));
            throw;
        }
        Impl::TxnHeader h{TransactionKind::Reversal,
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
        return d->writeTransaction(h, legs, actor, QStringLiteral("reverse"), target);
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
        d->appendAudit(actor, QStringLiteral("approve"), target, QStringLiteral("ok"),
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
        d->appendAudit(actor, QStringLiteral("reject"), target, QStringLiteral("ok"),
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
    } catch (const Failure &f) {
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
    } catch (const Failure &f) {
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
    } catch (const Failure &f) {
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
    } catch (const Failure &f) {
        return f.error;
    }
}

Result<QList<HistoryEntry>> LedgerStore::history(qint64 accountId, qint64 beforeEntryId, int limit) {
    try {
        d->requireAccount(accountId, false);
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
    } catch (const Failure &f) {
        return f.error;
    }
}

Result<qint64> LedgerStore::balanceAt(qint64 accountId, qint64 atMs) {
    try {
        const Account a = d->requireAccount(accountId, false);
        qint64 total = 0;
        const int shards = a.kind == AccountKind::System ? shardCount() : 1;
        for (int shard = 0; shard < shards; ++shard) {
            const QVariant v =
                d->scalar("SELECT balance_after FROM entries WHERE account_id = ? AND shard = ? AND "
                          "created_at <= ? ORDER BY id DESC LIMIT 1",
                          {accountId, shard, atMs});
            total = Impl::checkedAdd(total, v.isValid() ? v.toLongLong() : 0, accountId);
        }
        return total;
    } catch (const Failure &f) {
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
    } catch (const Failure &f) {
        return f.error;
    }
}

void LedgerStore::audit(const Actor &actor, const QString &action, const QString &target,
                        const QString &outcome, const QString &detail) {
    auto r = d->transact([&]() -> Done {
        d->appendAudit(actor, action, target, outcome, detail.left(MaxTextLength));
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
    } catch (const Failure &f) {
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
            throw Failure{loaded.error(), false};
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
        } catch (const Failure &f) {
            return f.error;
        }
    }
    return r;
}

Result<VerifyReport> LedgerStore::verify(const std::function<bool(qint64)> &progress) {
    try {
        LedgerVerifier verifier(m_db, m_dialect == Dialect::Postgres);
        return verifier.run(progress);
    } catch (const Failure &f) {
        return f.error;
    }
}

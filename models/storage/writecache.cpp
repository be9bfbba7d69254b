#include "writecache.h"

#include "economyreport.h"

#include <QVarLengthArray>
#include <algorithm>

namespace {
constexpr qint64 MsPerDay = 86400000;
} // namespace

/// Writes what the transaction changed in the cached rows. Runs just before COMMIT.
void WriteCache::flush(SqlSession &sql) {
    if (sql.postgres())
        return flushPostgres(sql);
    for (qint64 id : std::as_const(dirtyAccounts)) {
        const Account &a = accounts[id];
        sql.run("UPDATE accounts SET balance = ?, held = ?, last_activity_at = ? WHERE id = ?",
                {a.balance, a.held, a.lastActivityAt, id});
    }
    for (qint64 id : std::as_const(dirtyShards)) {
        const ShardLock &lock = shards[id];
        const int shard = lock.shard;
        const qint64 balance = lock.balance;
        sql.run("UPDATE account_shards SET balance = ? WHERE account_id = ? AND shard = ?",
                {balance, id, shard});
    }
    struct DayDelta {
        qint64 change = 0, active = 0, activeBalance = 0;
    };
    std::map<std::pair<QString, qint64>, DayDelta> days;
    for (const auto &[key, r] : rollups) {
        const auto &[account, shard, day] = key;
        // SQLite only (PostgreSQL returned above): one statement for every row; players' rows also tell
        // whether they are new, i.e. the account's first entry that day (its count is this
        // transaction's).
        SqlStatement &q = sql.run(
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
        sql.run("INSERT INTO economy_days (currency, day, lane, player_change, active_players, "
                "active_balance) "
                "VALUES (?, ?, 0, ?, ?, ?) ON CONFLICT (currency, day, lane) DO UPDATE SET player_change = "
                "economy_days.player_change + excluded.player_change, active_players = "
                "economy_days.active_players + excluded.active_players, active_balance = "
                "economy_days.active_balance + excluded.active_balance",
                {key.first, key.second, d.change, d.active, d.activeBalance});
    for (const auto &[key, f] : flows)
        for (TransactionKind kind : flowKindsOf(f))
            sql.run("INSERT INTO economy_flows (currency, day, kind, lane, sources, sinks) VALUES (?, ?, ?, "
                    "0, ?, ?) "
                    "ON CONFLICT (currency, day, kind, lane) DO UPDATE SET sources = economy_flows.sources + "
                    "excluded.sources, sinks = economy_flows.sinks + excluded.sinks",
                    {key.first, key.second, kindName(kind), f.sources.value(kind), f.sinks.value(kind)});
    for (auto it = lanes.cbegin(); it != lanes.cend(); ++it)
        if (it->dirty)
            sql.run("UPDATE chain_heads SET last_id = ?, head = ? WHERE chain = ? AND lane = ?",
                    {it->lastId, it->head, it.key(), it->lane});
}

/// PostgreSQL: the whole flush in one statement (data-modifying CTEs over unnested arrays), because
/// every round trip here is time a hot player row stays locked. Arrays travel as bound text literals of
/// integers and hex digests.
void WriteCache::flushPostgres(SqlSession &sql) {
    auto list = [](const auto &values) {
        QStringList parts;
        for (const auto &v : values)
            parts << QVariant(v).toString();
        return u'{' + parts.join(u',') + u'}';
    };
    QList<qint64> accountIds, balances, held, activity, shardIds, shardBalances, rollupAccounts, rollupDays,
        opening, closing, low, high, inflow, outflow, count, laneLastIds;
    QList<int> shardNumbers, rollupShards, laneNumbers;
    QStringList chains, heads, rollupCurrencies, rollupPlayers;
    QStringList flowCurrencies, flowKinds;
    QList<qint64> flowDays, flowSources, flowSinks;
    for (qint64 id : std::as_const(dirtyAccounts)) {
        const Account &a = accounts[id];
        accountIds << id;
        balances << a.balance;
        held << a.held;
        activity << a.lastActivityAt;
    }
    for (qint64 id : std::as_const(dirtyShards)) {
        shardIds << id;
        shardNumbers << shards[id].shard;
        shardBalances << shards[id].balance;
    }
    for (const auto &[key, r] : rollups) {
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
    for (const auto &[key, f] : flows)
        for (TransactionKind kind : flowKindsOf(f)) {
            flowCurrencies << key.first;
            flowDays << key.second;
            flowKinds << kindName(kind);
            flowSources << f.sources.value(kind);
            flowSinks << f.sinks.value(kind);
        }
    for (auto it = lanes.cbegin(); it != lanes.cend(); ++it)
        if (it->dirty) {
            chains << it.key();
            laneNumbers << it->lane;
            laneLastIds << it->lastId;
            heads << it->head;
        }
    sql.run("WITH a AS (UPDATE accounts t SET balance = v.balance, held = v.held, last_activity_at = v.at "
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
             list(shardIds),      list(shardNumbers),
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
             list(chains),        list(laneNumbers),
             list(laneLastIds),   list(heads)});
}

/// The kinds with a source or a sink in `f`, each once (one economy_flows row carries both).
QList<TransactionKind> WriteCache::flowKindsOf(const FlowDelta &f) {
    QList<TransactionKind> kinds = f.sources.keys();
    for (auto kind = f.sinks.keyBegin(); kind != f.sinks.keyEnd(); ++kind) // keys in order, no copied list
        if (!f.sources.contains(*kind))
            kinds << *kind;
    return kinds;
}

/// The journal lane this transaction holds, which keys its economy rows (0 when it posted nothing).
int WriteCache::economyLane() const {
    const auto it = lanes.constFind(QStringLiteral("journal"));
    return it == lanes.constEnd() ? 0 : it->lane;
}

void WriteCache::applyLeg(const PostingLeg &l, qint64 at) {
    if (l.system) {
        shards[l.accountId].balance = l.balanceAfter;
        dirtyShards.insert(l.accountId);
    } else {
        Account &a = accounts[l.accountId];
        a.balance = l.balanceAfter;
        a.lastActivityAt = at;
        dirtyAccounts.insert(l.accountId);
    }
    addToRollup(l, at);
}

void WriteCache::addToRollup(const PostingLeg &l, qint64 at) {
    auto [it, fresh] = rollups.try_emplace({l.accountId, l.shard, at / MsPerDay});
    if (fresh)
        it->second = RollupDelta::openedBy(l);
    it->second.add(l);
}

WriteCache::RollupDelta WriteCache::RollupDelta::openedBy(const PostingLeg &l) {
    RollupDelta r;
    r.opening = r.closing = r.low = r.high = l.balanceBefore;
    r.currency = l.currency;
    r.player = !l.system;
    return r;
}

void WriteCache::RollupDelta::add(const PostingLeg &l) {
    closing = l.balanceAfter;
    low = std::min(low, l.balanceAfter);
    high = std::max(high, l.balanceAfter);
    (l.amount > 0 ? inflow : outflow) += l.amount > 0 ? l.amount : -l.amount;
    ++count;
}

/// The transaction's net player change per currency, filed as a source or sink of its kind
/// (economyreport.h).
void WriteCache::fileEconomyFlows(TransactionKind kind, const QList<PostingLeg> &legs, qint64 at) {
    // At most a few currencies per posting: a short array beats a map (every posting runs this).
    QVarLengthArray<std::pair<QString, qint64>, 4> net;
    for (const PostingLeg &l : legs) {
        if (l.system)
            continue;
        auto it = std::find_if(net.begin(), net.end(), [&l](const auto &n) { return n.first == l.currency; });
        if (it == net.end())
            net.append({l.currency, l.amount});
        else
            it->second += l.amount; // each leg's balance was range-checked; the sum of one
                                    // transaction's player legs cannot leave int64 either
    }
    for (const auto &[currency, change] : net)
        if (change != 0) { // a transfer between players nets to zero: neither source nor sink
            FlowDelta &f = flows[{currency, at / MsPerDay}];
            fileNetPlayerChange(f.sources, f.sinks, kind, change);
        }
}

void WriteCache::changeHeld(qint64 accountId, qint64 delta) {
    Account &a = accounts[accountId]; // locked and cached by requireAccount
    a.held += delta;
    dirtyAccounts.insert(accountId);
}

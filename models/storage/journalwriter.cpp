#include "journalwriter.h"

#include "chainhasher.h"
#include "ledgerstore.h"
#include "money.h"
#include "postingrules.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QVarLengthArray>
#include <algorithm>

/// The account columns readAccount() reads, in its order; the statements that load accounts add their WHERE.
/// A macro so that each query stays one string literal (statements are cached by the literal's address).
#define SELECT_ACCOUNTS                                                                                      \
    "SELECT id, kind, currency, player_ref, name, state, allow_negative, balance, held, created_at, "        \
    "last_activity_at FROM accounts "

JournalWriter::JournalWriter(SqlSession &sql)
    : m_sql(sql) {}

qint64 JournalWriter::nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

int JournalWriter::exponentOf(const QString &currency) {
    auto it = m_exponents.constFind(currency);
    if (it != m_exponents.constEnd())
        return *it;
    const QVariant v = m_sql.scalar("SELECT exponent FROM currencies WHERE code = ?", {currency});
    if (!v.isValid())
        fail(ErrorCode::NotFound, QStringLiteral("unknown currency %1").arg(currency));
    m_exponents.insert(currency, v.toInt());
    return v.toInt();
}

std::optional<Account> JournalWriter::loadAccount(qint64 id, bool lock) {
    SqlStatement &q =
        lock
            ? m_sql.run(m_sql.pick(SELECT_ACCOUNTS "WHERE id = ?", SELECT_ACCOUNTS "WHERE id = ? FOR UPDATE"),
                        {id})
            : m_sql.run(SELECT_ACCOUNTS "WHERE id = ?", {id});
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    Account a = readAccount(q);
    q.finish();
    a.exponent = exponentOf(a.currency);
    if (a.kind == AccountKind::System)
        a.balance =
            m_sql.scalar("SELECT COALESCE(SUM(balance), 0) FROM account_shards WHERE account_id = ?", {id})
                .toLongLong(); // in range: postings keep every system account's total inside int64
    return a;
}

Account JournalWriter::readAccount(const SqlStatement &q) {
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

Account JournalWriter::requireAccount(qint64 id, bool lock) {
    if (lock) {
        auto cached = m_cache.accounts.constFind(id);
        if (cached != m_cache.accounts.constEnd())
            return *cached; // already locked by this transaction
    }
    auto a = loadAccount(id, lock);
    if (a && lock && a->kind == AccountKind::Player)
        m_cache.accounts.insert(id, *a);
    if (!a)
        fail(ErrorCode::NotFound, QStringLiteral("account %1 does not exist").arg(id));
    return *a;
}

/// Locks and caches, in one query, the player accounts among `ids` that this transaction has not locked
/// yet, in ascending id order: the order single postings lock in, so batches and postings cannot deadlock
/// on PostgreSQL. A batch's postings then find them in the cache instead of one query (on PostgreSQL one
/// round trip) each. Ids that are no player account are left to requireAccount, which reports them.
void JournalWriter::lockAccounts(QList<qint64> ids) {
    ids.removeIf([this](qint64 id) { return id <= 0 || m_cache.accounts.contains(id); });
    if (ids.isEmpty())
        return;
    std::sort(ids.begin(), ids.end());
    const auto uniqueEnd = std::unique(ids.begin(), ids.end());
    ids.resize(uniqueEnd - ids.begin());
    QJsonArray array;
    for (qint64 id : std::as_const(ids))
        array.append(id);
    SqlStatement &q = m_sql.run(
        m_sql.pick(SELECT_ACCOUNTS "WHERE id IN (SELECT value FROM json_each(?)) "
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
        m_cache.accounts.insert(a.id, a);
    }
}

qint64 JournalWriter::systemAccountId(const QString &currency, const QString &name) {
    const QString key = currency + u'/' + name;
    auto it = m_systemAccountIds.constFind(key);
    if (it != m_systemAccountIds.constEnd())
        return *it;
    const QVariant v = m_sql.scalar(
        "SELECT id FROM accounts WHERE kind = 'system' AND currency = ? AND name = ?", {currency, name});
    if (!v.isValid())
        fail(ErrorCode::NotFound, QStringLiteral("the %1 account for %2 does not exist").arg(name, currency));
    m_systemAccountIds.insert(key, v.toLongLong());
    return v.toLongLong();
}

/// Locks one shard of a system account. On PostgreSQL any free shard will do (SKIP LOCKED), so
/// concurrent postings against the treasury spread over its shards instead of queueing on one row.
WriteCache::ShardLock JournalWriter::lockShard(qint64 accountId) {
    auto cached = m_cache.shards.constFind(accountId);
    if (cached != m_cache.shards.constEnd())
        return *cached; // this transaction holds one shard of it already
    const WriteCache::ShardLock locked = lockShardRow(accountId);
    m_cache.shards.insert(accountId, locked);
    return locked;
}

WriteCache::ShardLock JournalWriter::lockShardRow(qint64 accountId) {
    if (!m_sql.postgres()) {
        // One shard: its balance is the account's.
        SqlStatement &q =
            m_sql.run("SELECT shard, balance FROM account_shards WHERE account_id = ? LIMIT 1", {accountId});
        if (!q.next())
            fail(ErrorCode::Database, QStringLiteral("system account %1 has no shard").arg(accountId));
        WriteCache::ShardLock r{q.value(0).toInt(), q.value(1).toLongLong(), 0};
        q.finish();
        return r;
    }
    auto read = [](SqlStatement &q) {
        // The other shards' sum comes as exact decimal text: it may not fit 64 bits.
        bool fits = false;
        const qint64 others = q.value(2).toString().toLongLong(&fits);
        return WriteCache::ShardLock{q.value(0).toInt(), q.value(1).toLongLong(),
                                     fits ? std::optional<qint64>(others) : std::nullopt};
    };
    SqlStatement &q =
        m_sql.run("SELECT s.shard, s.balance, (SELECT COALESCE(SUM(o.balance), 0) FROM account_shards o "
                  "WHERE o.account_id = s.account_id AND o.shard <> s.shard)::text FROM account_shards s "
                  "WHERE s.account_id = ? ORDER BY random() LIMIT 1 FOR UPDATE OF s SKIP LOCKED",
                  {accountId});
    if (q.next()) {
        const WriteCache::ShardLock r = read(q);
        q.finish();
        return r;
    }
    q.finish();
    const int shard = int(QRandomGenerator::global()->bounded(LedgerStore::PostgresShards));
    SqlStatement &w =
        m_sql.run("SELECT s.shard, s.balance, (SELECT COALESCE(SUM(o.balance), 0) FROM account_shards o "
                  "WHERE o.account_id = s.account_id AND o.shard <> s.shard)::text FROM account_shards s "
                  "WHERE s.account_id = ? AND s.shard = ? FOR UPDATE OF s",
                  {accountId, shard});
    if (!w.next())
        fail(ErrorCode::Database,
             QStringLiteral("system account %1 has no shard %2").arg(accountId).arg(shard));
    const WriteCache::ShardLock r = read(w);
    w.finish();
    return r;
}

/// Locks a lane of a chain. The journal and the audit log are each split into lanes on PostgreSQL so
/// that appending does not serialise all writers; each lane is an unbroken chain ordered by id.
JournalWriter::Lane JournalWriter::lockLane(const QString &chain, int preferred) {
    auto cached = m_cache.lanes.constFind(chain);
    if (cached != m_cache.lanes.constEnd())
        return Lane{cached->lane, cached->head};
    Lane locked = lockLaneRow(chain, preferred);
    m_cache.lanes.insert(chain, WriteCache::LaneState{locked.lane, locked.head, 0, false});
    if (!m_sql.postgres()) {
        // SQLite's single lane holds the last id of its table, so the next id costs no query.
        qint64 &next = chain == u"journal" ? m_cache.nextTransactionId : m_cache.nextAuditId;
        if (next == 0)
            next = locked.lastId + 1;
    }
    return locked;
}

JournalWriter::Lane JournalWriter::lockLaneRow(const QString &chain, int preferred) {
    if (!m_sql.postgres() || preferred >= 0) {
        SqlStatement &q = m_sql.run(
            m_sql.pick("SELECT lane, head, last_id FROM chain_heads WHERE chain = ? AND lane = ?",
                       "SELECT lane, head, last_id FROM chain_heads WHERE chain = ? AND lane = ? FOR UPDATE"),
            {chain, m_sql.postgres() ? preferred : 0});
        if (!q.next())
            fail(ErrorCode::Database, QStringLiteral("chain %1 has no lane %2").arg(chain).arg(preferred));
        Lane l{q.value(0).toInt(), q.value(1).toString(), q.value(2).toLongLong()};
        q.finish();
        return l;
    }
    SqlStatement &q = m_sql.run("SELECT lane, head, last_id FROM chain_heads WHERE chain = ? "
                                "ORDER BY random() LIMIT 1 FOR UPDATE SKIP LOCKED",
                                {chain});
    if (q.next()) {
        Lane l{q.value(0).toInt(), q.value(1).toString(), q.value(2).toLongLong()};
        q.finish();
        return l;
    }
    q.finish();
    return lockLaneRow(chain, int(QRandomGenerator::global()->bounded(LedgerStore::PostgresShards)));
}

qint64 JournalWriter::nextId(const char *table) {
    // Ids are taken after the lane lock, so within a lane they increase with chain order.
    if (m_sql.postgres()) {
        if (qstrcmp(table, "transactions") == 0)
            return m_sql.scalar("SELECT nextval(pg_get_serial_sequence('transactions', 'id'))").toLongLong();
        return m_sql.scalar("SELECT nextval(pg_get_serial_sequence('audit_log', 'id'))").toLongLong();
    }
    // SQLite has one writer at a time: lockLane() seeded the next id from its lane's last id.
    qint64 &next = qstrcmp(table, "transactions") == 0 ? m_cache.nextTransactionId : m_cache.nextAuditId;
    if (next == 0)
        next = qstrcmp(table, "transactions") == 0
                   ? m_sql.scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM transactions").toLongLong()
                   : m_sql.scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM audit_log").toLongLong();
    return next++;
}

void JournalWriter::advanceLane(const QString &chain, int lane, qint64 lastId, const QString &head) {
    m_cache.lanes[chain] = WriteCache::LaneState{lane, head, lastId, true};
}

qint64 JournalWriter::checkedAdd(qint64 a, qint64 b, qint64 accountId) {
    const auto r = Money::add(a, b);
    if (!r)
        fail(ErrorCode::Overflow, QStringLiteral("the balance of account %1 would overflow").arg(accountId));
    return *r;
}

/// Fills in balances and shards, checking overdraft and overflow. Still writes nothing.
void JournalWriter::priceLegs(QList<PostingLeg> &legs, QHash<qint64, Account> &players, bool allowOverdraft) {
    for (PostingLeg &leg : legs) {
        if (leg.system) {
            const WriteCache::ShardLock lock = lockShard(leg.accountId);
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
        pricePlayerLeg(leg, players[leg.accountId], allowOverdraft);
    }
}

void JournalWriter::pricePlayerLeg(PostingLeg &leg, Account &acc, bool allowOverdraft) {
    leg.balanceBefore = acc.balance;
    leg.balanceAfter = checkedAdd(acc.balance, leg.amount, acc.id);
    if (leg.amount < 0 && !acc.allowNegative && !allowOverdraft && leg.balanceAfter - acc.held < 0) {
        const qint64 available = acc.available();
        fail(ErrorCode::InsufficientFunds,
             QStringLiteral("insufficient funds: account %1 has %2 %3 available, the posting needs %4")
                 .arg(acc.id)
                 .arg(Money::format(available, acc.exponent), acc.currency,
                      Money::format(-leg.amount, acc.exponent)));
    }
    acc.balance = leg.balanceAfter;
}

void JournalWriter::checkBalanced(const QList<PostingLeg> &legs) {
    QVarLengthArray<std::pair<QString, qint64>, 4> sums; // a few currencies: a short array beats a hash
    for (const PostingLeg &l : legs) {
        auto it =
            std::find_if(sums.begin(), sums.end(), [&l](const auto &s) { return s.first == l.currency; });
        if (it == sums.end())
            sums.append({l.currency, checkedAdd(0, l.amount, l.accountId)});
        else
            it->second = checkedAdd(it->second, l.amount, l.accountId);
    }
    for (const auto &[currency, sum] : sums)
        if (sum != 0)
            fail(ErrorCode::Database,
                 QStringLiteral("internal error: entries do not balance in %1").arg(currency));
}

/// Writes a fully planned transaction: journal row, entries, balances, rollups, audit, chain heads.
PostingResult JournalWriter::writeTransaction(const TxnHeader &h, const QList<PostingLeg> &legs,
                                              const Actor &actor, const QString &auditAction,
                                              const QString &auditTarget) {
    checkBalanced(legs);
    const Lane lane = lockLane(QStringLiteral("journal"));
    const qint64 id = nextId("transactions");
    const qint64 at = nowMs();
    JournalHash hasher(lane.head.toLatin1(), h.hashInput(id, at, lane.lane));
    for (const PostingLeg &l : legs)
        hasher.addEntry(l.accountId, l.shard, l.amount, l.balanceAfter);
    const QString hash = QString::fromLatin1(hasher.finish());

    m_sql.run("INSERT INTO transactions (id, kind, idempotency_key, request_hash, operator_id, origin, "
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
    for (const PostingLeg &l : legs) {
        m_sql.run(
            "INSERT INTO entries (transaction_id, account_id, shard, amount, balance_after, created_at) "
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
        m_cache.applyLeg(l, at);
    }
    m_cache.fileEconomyFlows(h.kind, legs, at);
    advanceLane(QStringLiteral("journal"), lane.lane, id, hash);
    if (!m_batchAudit)
        appendAudit(actor, auditAction,
                    auditTarget.isEmpty() ? QStringLiteral("transaction:%1").arg(id) : auditTarget,
                    QStringLiteral("ok"),
                    QStringLiteral("%1 transaction %2 key %3").arg(kindName(h.kind)).arg(id).arg(h.key),
                    lane.lane);
    return result;
}

/// Appends an audit row inside the current transaction.
void JournalWriter::appendAudit(const Actor &actor, const QString &action, const QString &target,
                                const QString &outcome, const QString &detail, int lane) {
    const Lane l = lockLane(QStringLiteral("audit"), lane);
    const qint64 id = nextId("audit_log");
    const qint64 at = nowMs();
    const QString origin = actor.origin.left(PostingRules::MaxTextLength);
    const QString op = actor.operatorName.left(PostingRules::MaxTextLength);
    const QString hash = QString::fromLatin1(auditRowHash(
        l.head.toLatin1(), AuditHashInput{id, at, op.toUtf8(), origin.toUtf8(), action.toUtf8(),
                                          target.toUtf8(), outcome.toUtf8(), detail.toUtf8(), l.lane}));
    m_sql.run("INSERT INTO audit_log (id, at, operator, origin, action, target, outcome, detail, lane, "
              "prev_hash, hash) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              {id, at, op, origin, action, target, outcome, detail, l.lane, l.head, hash});
    advanceLane(QStringLiteral("audit"), l.lane, id, hash);
}

void JournalWriter::resolveSystemLegs(QList<PostingLeg> &legs) {
    for (PostingLeg &leg : legs)
        if (leg.system && leg.accountId == 0)
            leg.accountId = systemAccountId(leg.currency, leg.systemName);
}

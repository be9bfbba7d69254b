#include "ledgerverifier.h"

#include "chainhasher.h"
#include "ledgerstore.h"
#include "money.h"
#include "sqlcursor.h"

#include <QCryptographicHash>
#include <QScopeGuard>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <map>
#include <thread>

namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr qint64 ProgressEvery = 200000;

quint64 mix(quint64 h, quint64 v) {
    // splitmix64 step: good avalanche, cheap; a digest for comparison, not a security boundary.
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

quint64 rollupDigest(qint64 account, int shard, qint64 day, qint64 opening, qint64 closing, qint64 low,
                     qint64 high, qint64 inflow, qint64 outflow, qint64 count) {
    quint64 h = 0;
    for (qint64 v : {account, qint64(shard), day, opening, closing, low, high, inflow, outflow, count})
        h = mix(h, quint64(v));
    return h;
}

QByteArray raw(QByteArrayView v) {
    // No copy: valid until the cursor moves, which is after the row is hashed.
    return QByteArray::fromRawData(v.data(), v.size());
}

} // namespace

LedgerVerifier::LedgerVerifier(QSqlDatabase db, bool postgres)
    : m_db(std::move(db))
    , m_postgres(postgres) {}

bool LedgerVerifier::Part::problem(const QString &text) {
    report.ok = false;
    report.firstProblem = text;
    return false;
}

bool LedgerVerifier::Part::readFailure(const QString &text) {
    readFailed = true;
    report.firstProblem = text;
    return false;
}

QString LedgerVerifier::entriesInJournalOrder() const {
    // SQLite appends a transaction's entries right after it under one write lock, so id order is journal
    // order; PostgreSQL interleaves concurrent writers, so it sorts by transaction.
    return m_postgres ? QStringLiteral(
                            "SELECT transaction_id, id, account_id, shard, amount, balance_after, created_at "
                            "FROM entries ORDER BY transaction_id, id")
                      : QStringLiteral(
                            "SELECT transaction_id, id, account_id, shard, amount, balance_after, created_at "
                            "FROM entries ORDER BY id");
}

QByteArray LedgerVerifier::snapshotMarker(QSqlDatabase db) {
    // Every write appends an audit row or a transaction, so on SQLite's serial history these two numbers
    // identify a snapshot.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM transactions), "
                               "(SELECT COALESCE(MAX(id), 0) FROM audit_log)")) ||
        !q.next())
        return {};
    return QByteArray::number(q.value(0).toLongLong()) + '/' + QByteArray::number(q.value(1).toLongLong());
}

Result<VerifyReport> LedgerVerifier::run(const std::function<bool(qint64)> &progress) {
    QSqlQuery begin(m_db);
    if (!begin.exec(m_postgres ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                               : QStringLiteral("BEGIN")))
        return LedgerError{ErrorCode::Database, begin.lastError().text()};
    // The store's connection has a statement timeout (LedgerStore::open); reading a whole journal may take
    // longer, and is canceled by its own means.
    if (m_postgres && !begin.exec(QStringLiteral("SET LOCAL statement_timeout = 0")))
        return LedgerError{ErrorCode::Database, begin.lastError().text()};
    QString snapshot;
    QByteArray marker;
    // SQLite has no way to share a snapshot between connections, so the workers' connections must see the
    // same committed state as this one: writers are held off (a connection holding the write lock, which
    // readers ignore) from before this connection's first read until every worker has taken its snapshot,
    // a few milliseconds. Without it a walletd taking charges nearly always committed something in between.
    const QString writersHeld = m_postgres ? QString() : holdWriters();
    const auto releaseWriters = qScopeGuard([&writersHeld] {
        if (writersHeld.isEmpty())
            return;
        QSqlDatabase::database(writersHeld, false).close();
        QSqlDatabase::removeDatabase(writersHeld);
    });
    if (m_postgres) {
        QSqlQuery exported(m_db);
        if (!exported.exec(QStringLiteral("SELECT pg_export_snapshot()")) || !exported.next())
            return LedgerError{ErrorCode::Database, exported.lastError().text()};
        snapshot = exported.value(0).toString();
    } else {
        QSqlQuery(m_db).exec(
            QStringLiteral("PRAGMA mmap_size = 17179869184")); // no copies out of the page cache
        marker = snapshotMarker(m_db);
    }
    // Three workers on two cores: the journal's hash chain in two slices, and the balances.
    Part chain, chainTail, balances;
    Slice head, tail;
    const bool split = planSlices(head, tail);
    std::latch snapshotsTaken(split ? 2 : 1);
    std::thread balanceWorker([&] {
        onSecondConnection(snapshot, marker, balances, QStringLiteral("balances"), snapshotsTaken,
                           [&](QSqlDatabase db) {
                               if (loadAccounts(db, balances) && checkEntries(db, balances) &&
                                   checkBalances(db, balances) && checkRollups(db, balances))
                                   checkEconomy(db, balances);
                           });
    });
    std::thread tailWorker([&] {
        if (split)
            onSecondConnection(snapshot, marker, chainTail, QStringLiteral("chain"), snapshotsTaken,
                               [&](QSqlDatabase db) { checkChains(db, chainTail, tail, {}); });
    });
    snapshotsTaken.wait();
    if (!writersHeld.isEmpty())
        QSqlQuery(QSqlDatabase::database(writersHeld, false)).exec(QStringLiteral("ROLLBACK"));
    bool chainsDone = checkChains(m_db, chain, head, progress);
    if (!chainsDone)
        m_stop = true; // a finding or a failure here makes the other workers' work moot
    tailWorker.join();
    if (chainsDone && split) {
        chain.report.transactions += chainTail.report.transactions;
        chain.report.entries += chainTail.report.entries;
        if (chainTail.readFailed)
            chain.readFailure(chainTail.report.firstProblem);
        else if (!chainTail.report.ok)
            chain.problem(chainTail.report.firstProblem);
        // The seam: where each lane of the tail starts must be where the head slice ended.
        for (auto it = tail.firstPrev.cbegin(); chain.report.ok && it != tail.firstPrev.cend(); ++it) {
            const Lane *ended = lane(head.lanes, it.key());
            if (!ended || ended->head != it->first)
                chain.problem(
                    QStringLiteral("transaction %1: its previous hash does not continue journal lane %2 "
                                   "(a transaction before it was removed or altered)")
                        .arg(it->second)
                        .arg(it.key()));
        }
        for (size_t l = 0; l < tail.lanes.size(); ++l)
            if (tail.lanes[l].lastId > 0)
                *lane(head.lanes, qint64(l)) = tail.lanes[l];
    }
    m_journalLanes = head.lanes;
    chainsDone = chain.report.ok && !chain.readFailed && checkAudit(m_db, chain);
    if (!chain.readFailed && !m_stop)
        checkHeads(m_db, chain);
    if (!chainsDone)
        m_stop = true;
    balanceWorker.join();
    QSqlQuery(m_db).exec(QStringLiteral("COMMIT"));
    if (!m_postgres)
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA mmap_size = 0"));

    if (chain.readFailed || balances.readFailed)
        return LedgerError{ErrorCode::Database, QStringLiteral("verification could not read the ledger: %1")
                                                    .arg(chain.readFailed ? chain.report.firstProblem
                                                                          : balances.report.firstProblem)};
    if (m_stop && chain.report.ok && balances.report.ok)
        return LedgerError{ErrorCode::StateConflict, QStringLiteral("verification was cancelled")};
    VerifyReport report = chain.report;
    report.accounts = balances.report.accounts;
    report.rollups = balances.report.rollups;
    if (report.ok && !balances.report.ok) {
        report.ok = false;
        report.firstProblem = balances.report.firstProblem;
    }
    return report;
}

bool LedgerVerifier::planSlices(Slice &first, Slice &second) {
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM transactions")) ||
        !q.next())
        return false;
    const qint64 low = q.value(0).toLongLong(), high = q.value(1).toLongLong();
    if (high - low < 20000)
        return false; // small ledgers: one slice, no second connection
    const qint64 middle = low + (high - low) / 2;
    first.toTransaction = second.fromTransaction = middle;
    second.continuation = true;
    if (!m_postgres) {
        QSqlQuery e(m_db);
        // The first entry of the first transaction of the tail, found through the transaction index. (MIN(id)
        // over transaction_id >= ? walked the table by id up to the middle: up to a second before any
        // worker could start.)
        e.prepare(
            QStringLiteral("SELECT COALESCE((SELECT id FROM entries WHERE transaction_id >= ? ORDER BY "
                           "transaction_id, id LIMIT 1), (SELECT COALESCE(MAX(id), 0) + 1 FROM entries))"));
        e.addBindValue(middle);
        if (!e.exec() || !e.next())
            return false;
        first.toEntry = second.fromEntry = e.value(0).toLongLong();
    }
    return true;
}

QString LedgerVerifier::holdWriters() {
    const QString name = QStringLiteral("verify-writers-%1").arg(quintptr(this));
    QSqlDatabase db = QSqlDatabase::addDatabase(m_db.driverName(), name);
    db.setDatabaseName(m_db.databaseName());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000")); // a writer's commit may be under way
    if (db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE")))
        return name;
    // Not held: the workers still compare snapshots and retry, as before.
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
    return {};
}

void LedgerVerifier::onSecondConnection(const QString &snapshot, const QByteArray &marker, Part &part,
                                        const QString &tag, std::latch &snapshotTaken,
                                        const std::function<void(QSqlDatabase)> &job) {
    const QString name = QStringLiteral("verify-%1-%2").arg(tag).arg(quintptr(this));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(m_db.driverName(), name);
        db.setDatabaseName(m_db.databaseName());
        db.setHostName(m_db.hostName());
        db.setPort(m_db.port());
        db.setUserName(m_db.userName());
        db.setPassword(m_db.password());
        db.setConnectOptions(m_db.connectOptions());
        bool ready = db.open();
        for (int attempt = 0; ready && attempt < 50; ++attempt) {
            QSqlQuery begin(db);
            if (m_postgres) {
                ready = begin.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")) &&
                        begin.exec(
                            QStringLiteral("SET TRANSACTION SNAPSHOT '%1'").arg(snapshot)); // from the server
                break;
            }
            ready = begin.exec(QStringLiteral("BEGIN"));
            QSqlQuery(db).exec(QStringLiteral("PRAGMA mmap_size = 17179869184"));
            if (snapshotMarker(db) == marker)
                break;
            // A write landed between the two snapshots: look again.
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
            ready = attempt < 49;
            QThread::msleep(20);
        }
        snapshotTaken.count_down();
        if (!ready)
            part.readFailure(db.lastError().text().isEmpty()
                                 ? QStringLiteral("could not open a second snapshot")
                                 : db.lastError().text());
        else
            job(db);
        QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int LedgerVerifier::currencyIndex(QByteArrayView code) {
    // A ledger has a handful of currencies and millions of accounts: a linear look among views, with no
    // allocation per account (a QByteArray key per row was a measurable share of loading them).
    for (const auto &[known, index] : m_currencyList)
        if (known == code)
            return index;
    const int index = int(m_currencies.size());
    m_currencies.insert(code.toByteArray(), index);
    m_currencyList.emplace_back(code.toByteArray(), index);
    return index;
}

bool LedgerVerifier::loadAccounts(QSqlDatabase db, Part &part) {
    SqlCursor a(
        db,
        QStringLiteral("SELECT id, kind, allow_negative, currency, balance, held FROM accounts ORDER BY id"),
        QStringLiteral("verify_accounts"));
    while (a.next()) {
        const qint64 id = a.integer(0);
        if (id <= 0 || id > 2'000'000'000)
            return part.problem(QStringLiteral("account id %1 is out of range").arg(id));
        if (m_flags.size() <= size_t(id))
            m_flags.resize(std::max(size_t(id) + 1, m_flags.size() * 3 / 2));
        Flags &f = m_flags[size_t(id)];
        f.exists = true;
        f.system = a.text(1) == "system";
        f.allowNegative = a.integer(2) != 0;
        f.currency = currencyIndex(a.text(3));
        f.cachedBalance = a.integer(4);
        f.held = a.integer(5);
        ++part.report.accounts;
    }
    if (!a.isValid())
        return part.readFailure(a.error());
    m_players.resize(m_flags.size());
    QSqlQuery h(db);
    if (!h.exec(QStringLiteral("SELECT account_id, SUM(hold_amount) FROM approvals WHERE state = 'pending' "
                               "GROUP BY account_id")))
        return part.readFailure(h.lastError().text());
    while (h.next()) {
        const qint64 id = h.value(0).toLongLong();
        if (id > 0 && size_t(id) < m_flags.size())
            m_flags[size_t(id)].held -= h.value(1).toLongLong();
    }
    return true;
}

LedgerVerifier::Lane *LedgerVerifier::lane(std::vector<Lane> &lanes, qint64 number) {
    if (number < 0 || number > 1023)
        return nullptr;
    if (lanes.size() <= size_t(number))
        lanes.resize(size_t(number) + 1, Lane{LedgerStore::zeroHash().toLatin1(), 0});
    return &lanes[size_t(number)];
}

LedgerVerifier::State *LedgerVerifier::stateFor(qint64 accountId, int shard) {
    const Flags &f = m_flags[size_t(accountId)];
    if (!f.system)
        return shard == 0 ? &m_players[size_t(accountId)] : nullptr;
    if (shard < 0 || shard > 1023)
        return nullptr;
    std::vector<State> &shards = m_systemShards[accountId];
    if (shards.size() <= size_t(shard))
        shards.resize(size_t(shard) + 1);
    return &shards[size_t(shard)];
}

void LedgerVerifier::closeDay(State &s, qint64 accountId, int shard) {
    if (s.day < 0)
        return;
    s.rollupDigest += rollupDigest(accountId, shard, s.day, s.opening, s.balance, s.low, s.high, s.inflow,
                                   s.outflow, s.count);
    ++s.rollupRows;
    const Flags &f = m_flags[size_t(accountId)];
    if (!f.system)
        m_economy.addPlayerDay(f.currency, s.day, s.opening, s.balance);
}

bool LedgerVerifier::checkChains(QSqlDatabase db, Part &part, Slice &slice,
                                 const std::function<bool(qint64)> &progress) {
    // Slice bounds are numbers this program computed, not input, so they are written into the SQL.
    auto bounds = [](const char *column, qint64 from, qint64 to) {
        QString where;
        if (from > 0)
            where += QStringLiteral(" AND %1 >= %2").arg(QLatin1StringView(column)).arg(from);
        if (to > 0)
            where += QStringLiteral(" AND %1 < %2").arg(QLatin1StringView(column)).arg(to);
        return where;
    };
    SqlCursor t(
        db,
        QStringLiteral("SELECT id, kind, idempotency_key, request_hash, operator_id, origin, created_at, "
                       "COALESCE(reverses_id, 0), forced, COALESCE(approval_id, 0), reason_code, ticket_ref, "
                       "memo, lane, prev_hash, hash FROM transactions WHERE 1 = 1%1 ORDER BY id")
            .arg(bounds("id", slice.fromTransaction, slice.toTransaction)),
        QStringLiteral("verify_transactions"));
    const QString entryColumns = QStringLiteral(
        "SELECT transaction_id, id, account_id, shard, amount, balance_after, created_at FROM entries");
    SqlCursor e(db,
                m_postgres ? entryColumns + QStringLiteral(" WHERE 1 = 1%1 ORDER BY transaction_id, id")
                                                .arg(bounds("transaction_id", slice.fromTransaction,
                                                            slice.toTransaction))
                           : entryColumns + QStringLiteral(" WHERE 1 = 1%1 ORDER BY id")
                                                .arg(bounds("id", slice.fromEntry, slice.toEntry)),
                QStringLiteral("verify_entries"));
    if (!t.isValid() || !e.isValid())
        return part.readFailure(t.error() + e.error());
    VerifyReport &report = part.report;
    bool haveEntry = e.next();
    while (t.next()) {
        JournalHashInput h;
        h.id = t.integer(0);
        h.kind = raw(t.text(1));
        h.key = raw(t.text(2));
        h.requestHash = raw(t.text(3));
        h.operatorId = t.integer(4);
        h.origin = raw(t.text(5));
        h.createdAt = t.integer(6);
        h.reversesId = t.integer(7);
        h.forced = t.integer(8) != 0;
        h.approvalId = t.integer(9);
        h.reasonCode = raw(t.text(10));
        h.ticketRef = raw(t.text(11));
        h.memo = raw(t.text(12));
        h.lane = int(t.integer(13));
        const QByteArrayView prev = t.text(14);
        Lane *chain = lane(slice.lanes, h.lane);
        if (!chain)
            return part.problem(
                QStringLiteral("transaction %1: lane %2 is out of range").arg(h.id).arg(h.lane));
        if (slice.continuation && !slice.firstPrev.contains(h.lane)) {
            slice.firstPrev.insert(h.lane, {prev.toByteArray(), h.id}); // checked at the seam
            chain->head = prev.toByteArray();
        }
        if (prev != chain->head)
            return part.problem(
                QStringLiteral("transaction %1: its previous hash does not continue journal lane %2 "
                               "(a transaction before it was removed or altered)")
                    .arg(h.id)
                    .arg(h.lane));
        JournalHash hasher(prev, h);
        if (haveEntry && e.integer(0) < h.id)
            return part.problem(
                QStringLiteral("entry %1 belongs to transaction %2, which does not exist or is out "
                               "of journal order")
                    .arg(e.integer(1))
                    .arg(e.integer(0)));
        while (haveEntry && e.integer(0) == h.id) {
            hasher.addEntry(e.integer(2), int(e.integer(3)), e.integer(4), e.integer(5));
            if (e.integer(6) != h.createdAt)
                return part.problem(QStringLiteral("entry %1: its time differs from transaction %2")
                                        .arg(e.integer(1))
                                        .arg(h.id));
            ++report.entries;
            if (report.entries % ProgressEvery == 0) {
                if (m_stop)
                    return false;
                // Both chain slices count here; the head slice's worker reports the sum, so a bar over
                // all entries reaches its end rather than stopping halfway.
                const qint64 checked = m_entriesChecked += ProgressEvery;
                if (progress && !progress(checked)) {
                    m_stop = true;
                    return false;
                }
            }
            haveEntry = e.next();
        }
        const QByteArray computed = hasher.finish();
        if (computed != t.text(15))
            return part.problem(
                QStringLiteral("transaction %1: its hash does not match its contents (the row or "
                               "one of its entries was changed)")
                    .arg(h.id));
        chain->head = computed;
        chain->lastId = h.id;
        ++report.transactions;
    }
    if (!t.isValid() || !e.isValid())
        return part.readFailure(t.error() + e.error());
    if (haveEntry)
        return part.problem(QStringLiteral("entry %1 belongs to transaction %2, which does not exist")
                                .arg(e.integer(1))
                                .arg(e.integer(0)));
    return true;
}

bool LedgerVerifier::checkEntries(QSqlDatabase db, Part &part) {
    QSet<qint64> forced;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT id FROM transactions WHERE forced <> 0")))
            return part.readFailure(q.lastError().text());
        while (q.next())
            forced.insert(q.value(0).toLongLong());
    }
    SqlCursor e(db, entriesInJournalOrder(), QStringLiteral("verify_balances"));
    std::vector<qint64> sums(size_t(m_currencies.size()), 0);
    std::vector<qint64> playerSums(size_t(m_currencies.size()), 0); // the net player change per currency
    qint64 currentTxn = -1, currentDay = 0;
    int entriesInTxn = 0;
    bool currentForced = false;
    auto closeTxn = [&]() -> bool {
        if (currentTxn < 0)
            return true;
        if (entriesInTxn < 2)
            return part.problem(QStringLiteral("transaction %1 has %2 entries; at least two are required")
                                    .arg(currentTxn)
                                    .arg(entriesInTxn));
        for (size_t c = 0; c < sums.size(); ++c)
            if (sums[c] != 0)
                return part.problem(QStringLiteral("transaction %1: its entries do not sum to zero in %2")
                                        .arg(currentTxn)
                                        .arg(QString::fromUtf8(m_currencies.key(int(c)))));
        for (size_t c = 0; c < playerSums.size(); ++c)
            if (playerSums[c] != 0)
                m_economy.addTransaction(int(c), currentDay, playerSums[c]);
        return true;
    };
    qint64 seen = 0;
    while (e.next()) {
        const qint64 txn = e.integer(0);
        const qint64 entryId = e.integer(1);
        const qint64 accountId = e.integer(2);
        const int shard = int(e.integer(3));
        const qint64 amount = e.integer(4);
        const qint64 after = e.integer(5);
        if (txn != currentTxn) {
            if (!closeTxn())
                return false;
            currentTxn = txn;
            entriesInTxn = 0;
            currentForced = forced.contains(txn);
            currentDay = e.integer(6) / MsPerDay;
            std::fill(sums.begin(), sums.end(), 0);
            std::fill(playerSums.begin(), playerSums.end(), 0);
        }
        if (accountId <= 0 || size_t(accountId) >= m_flags.size() || !m_flags[size_t(accountId)].exists)
            return part.problem(
                QStringLiteral("entry %1: account %2 does not exist").arg(entryId).arg(accountId));
        const Flags &flags = m_flags[size_t(accountId)];
        State *s = stateFor(accountId, shard);
        if (!s)
            return part.problem(QStringLiteral("entry %1: account %2 has no shard %3")
                                    .arg(entryId)
                                    .arg(accountId)
                                    .arg(shard));
        const auto sum = Money::add(sums[size_t(flags.currency)], amount);
        const auto running = Money::add(s->balance, amount);
        if (!sum || !running)
            return part.problem(QStringLiteral("entry %1: amounts overflow").arg(entryId));
        sums[size_t(flags.currency)] = *sum;
        if (!flags.system)
            playerSums[size_t(flags.currency)] +=
                amount; // bounded like `sum`: a player's legs of one transaction
        if (*running != after)
            return part.problem(
                QStringLiteral("entry %1: account %2 balance after is %3, but its entries sum to %4")
                    .arg(entryId)
                    .arg(accountId)
                    .arg(after)
                    .arg(*running));
        if (!flags.system && !flags.allowNegative && after < 0 && amount < 0 && !currentForced)
            return part.problem(
                QStringLiteral("entry %1 takes player account %2 below zero").arg(entryId).arg(accountId));
        const qint64 day = e.integer(6) / MsPerDay;
        if (day != s->day) {
            closeDay(*s, accountId, shard);
            s->day = day;
            s->opening = s->low = s->high = s->balance;
            s->inflow = s->outflow = s->count = 0;
        }
        s->balance = after;
        s->low = std::min(s->low, after);
        s->high = std::max(s->high, after);
        (amount > 0 ? s->inflow : s->outflow) += amount > 0 ? amount : -amount;
        ++s->count;
        ++entriesInTxn;
        if (++seen % ProgressEvery == 0 && m_stop)
            return false;
    }
    if (!e.isValid())
        return part.readFailure(e.error());
    if (!closeTxn())
        return false;
    for (size_t id = 0; id < m_players.size(); ++id)
        closeDay(m_players[id], qint64(id), 0);
    for (auto it = m_systemShards.begin(); it != m_systemShards.end(); ++it)
        for (size_t shard = 0; shard < it->size(); ++shard)
            closeDay((*it)[shard], it.key(), int(shard));
    return true;
}

bool LedgerVerifier::checkBalances(QSqlDatabase db, Part &part) {
    for (size_t id = 0; id < m_flags.size(); ++id) {
        const Flags &f = m_flags[id];
        if (!f.exists || f.system)
            continue;
        if (f.cachedBalance != m_players[id].balance)
            return part.problem(QStringLiteral("account %1: cached balance %2, entries sum to %3")
                                    .arg(id)
                                    .arg(f.cachedBalance)
                                    .arg(m_players[id].balance));
        if (f.held != 0)
            return part.problem(
                QStringLiteral("account %1: its held amount differs from its pending approvals by %2")
                    .arg(id)
                    .arg(f.held));
    }
    SqlCursor s(
        db,
        QStringLiteral("SELECT account_id, shard, balance FROM account_shards ORDER BY account_id, shard"),
        QStringLiteral("verify_shards"));
    while (s.next()) {
        const qint64 id = s.integer(0);
        const int shard = int(s.integer(1));
        if (id <= 0 || size_t(id) >= m_flags.size() || !m_flags[size_t(id)].system)
            return part.problem(QStringLiteral("balance shard %1 of account %2 belongs to no system account")
                                    .arg(shard)
                                    .arg(id));
        const State *state = stateFor(id, shard);
        const qint64 computed = state ? state->balance : 0;
        if (s.integer(2) != computed)
            return part.problem(
                QStringLiteral("system account %1 shard %2: cached balance %3, entries sum to %4")
                    .arg(id)
                    .arg(shard)
                    .arg(s.integer(2))
                    .arg(computed));
    }
    if (!s.isValid())
        return part.readFailure(s.error());
    return true;
}

bool LedgerVerifier::checkRollups(QSqlDatabase db, Part &part) {
    SqlCursor r(
        db,
        QStringLiteral(
            "SELECT account_id, shard, day, opening, closing, low, high, inflow, outflow, entry_count "
            "FROM daily_rollups ORDER BY account_id, shard, day"),
        QStringLiteral("verify_rollups"));
    qint64 groupAccount = -1;
    int groupShard = -1;
    quint64 digest = 0;
    qint64 rows = 0;
    QHash<qint64, QSet<int>> systemShardsWithRollups;
    std::vector<bool> playerHasRollups(m_players.size(), false);
    auto closeGroup = [&]() -> bool {
        if (groupAccount < 0)
            return true;
        const State *s = stateFor(groupAccount, groupShard);
        if (!s || s->rollupDigest != digest || s->rollupRows != rows)
            return part.problem(locateRollupProblem(db, groupAccount));
        return true;
    };
    while (r.next()) {
        const qint64 id = r.integer(0);
        const int shard = int(r.integer(1));
        if (id != groupAccount || shard != groupShard) {
            if (!closeGroup())
                return false;
            if (id <= 0 || size_t(id) >= m_flags.size() || !m_flags[size_t(id)].exists)
                return part.problem(
                    QStringLiteral("a rollup refers to account %1, which does not exist").arg(id));
            groupAccount = id;
            groupShard = shard;
            digest = 0;
            rows = 0;
            if (m_flags[size_t(id)].system)
                systemShardsWithRollups[id].insert(shard);
            else
                playerHasRollups[size_t(id)] = true;
        }
        digest += rollupDigest(id, shard, r.integer(2), r.integer(3), r.integer(4), r.integer(5),
                               r.integer(6), r.integer(7), r.integer(8), r.integer(9));
        ++rows;
        ++part.report.rollups;
    }
    if (!r.isValid())
        return part.readFailure(r.error());
    if (!closeGroup())
        return false;
    // Accounts with entries but not a single rollup row.
    for (size_t id = 0; id < m_players.size(); ++id)
        if (m_players[id].rollupRows > 0 && !playerHasRollups[id])
            return part.problem(locateRollupProblem(db, qint64(id)));
    for (auto it = m_systemShards.cbegin(); it != m_systemShards.cend(); ++it)
        for (size_t shard = 0; shard < it->size(); ++shard)
            if ((*it)[shard].rollupRows > 0 && !systemShardsWithRollups.value(it.key()).contains(int(shard)))
                return part.problem(locateRollupProblem(db, it.key()));
    return true;
}

bool LedgerVerifier::checkEconomy(QSqlDatabase db, Part &part) {
    QString readError;
    const QString difference = m_economy.compare(db, m_currencies, &readError);
    if (!readError.isEmpty())
        return part.readFailure(readError);
    return difference.isEmpty() || part.problem(difference);
}

QString LedgerVerifier::locateRollupProblem(QSqlDatabase db, qint64 accountId) {
    // Recompute this one account's rollups through its index and compare row by row.
    struct Row {
        qint64 opening, closing, low, high, inflow, outflow, count;
        bool operator==(const Row &) const = default;
    };
    std::map<std::pair<int, qint64>, Row> computed, stored;
    std::map<int, qint64> running;
    QSqlQuery e(db);
    e.prepare(
        QStringLiteral("SELECT shard, amount, created_at FROM entries WHERE account_id = ? ORDER BY id"));
    e.addBindValue(accountId);
    e.exec();
    while (e.next()) {
        const int shard = e.value(0).toInt();
        const qint64 amount = e.value(1).toLongLong();
        const qint64 day = e.value(2).toLongLong() / MsPerDay;
        qint64 &bal = running[shard];
        auto it = computed.try_emplace({shard, day}, Row{bal, bal, bal, bal, 0, 0, 0}).first;
        bal += amount;
        Row &row = it->second;
        row.closing = bal;
        row.low = std::min(row.low, bal);
        row.high = std::max(row.high, bal);
        (amount > 0 ? row.inflow : row.outflow) += amount > 0 ? amount : -amount;
        ++row.count;
    }
    QSqlQuery r(db);
    r.prepare(QStringLiteral("SELECT shard, day, opening, closing, low, high, inflow, outflow, entry_count "
                             "FROM daily_rollups WHERE account_id = ?"));
    r.addBindValue(accountId);
    r.exec();
    while (r.next())
        stored[{r.value(0).toInt(), r.value(1).toLongLong()}] =
            Row{r.value(2).toLongLong(), r.value(3).toLongLong(), r.value(4).toLongLong(),
                r.value(5).toLongLong(), r.value(6).toLongLong(), r.value(7).toLongLong(),
                r.value(8).toLongLong()};
    auto c = computed.cbegin();
    auto s = stored.cbegin();
    while (c != computed.cend() || s != stored.cend()) {
        if (s == stored.cend() || (c != computed.cend() && c->first < s->first))
            return QStringLiteral("account %1 has entries on day %2 (shard %3) but no rollup for it")
                .arg(accountId)
                .arg(c->first.second)
                .arg(c->first.first);
        if (c == computed.cend() || s->first < c->first)
            return QStringLiteral("rollup of account %1 day %2 (shard %3) has no entries behind it")
                .arg(accountId)
                .arg(s->first.second)
                .arg(s->first.first);
        if (!(c->second == s->second))
            return QStringLiteral("rollup of account %1 day %2 (shard %3) differs from its entries "
                                  "(closing %4, entries say %5; count %6, entries say %7)")
                .arg(accountId)
                .arg(c->first.second)
                .arg(c->first.first)
                .arg(s->second.closing)
                .arg(c->second.closing)
                .arg(s->second.count)
                .arg(c->second.count);
        ++c;
        ++s;
    }
    return QStringLiteral("the rollups of account %1 differ from its entries").arg(accountId);
}

bool LedgerVerifier::checkAudit(QSqlDatabase db, Part &part) {
    SqlCursor q(
        db,
        QStringLiteral("SELECT id, at, operator, origin, action, target, outcome, detail, lane, prev_hash, "
                       "hash FROM audit_log ORDER BY id"),
        QStringLiteral("verify_audit"));
    while (q.next()) {
        const AuditHashInput a{q.integer(0),   q.integer(1),   raw(q.text(2)),
                               raw(q.text(3)), raw(q.text(4)), raw(q.text(5)),
                               raw(q.text(6)), raw(q.text(7)), int(q.integer(8))};
        Lane *chain = lane(m_auditLanes, a.lane);
        if (!chain)
            return part.problem(
                QStringLiteral("audit record %1: lane %2 is out of range").arg(a.id).arg(a.lane));
        if (q.text(9) != chain->head)
            return part.problem(
                QStringLiteral("audit record %1: its previous hash does not continue audit lane %2")
                    .arg(a.id)
                    .arg(a.lane));
        const QByteArray computed = auditRowHash(q.text(9), a);
        if (computed != q.text(10))
            return part.problem(
                QStringLiteral("audit record %1: its hash does not match its contents").arg(a.id));
        chain->head = computed;
        chain->lastId = a.id;
        ++part.report.auditRecords;
    }
    if (!q.isValid())
        return part.readFailure(q.error());
    return true;
}

void LedgerVerifier::checkHeads(QSqlDatabase db, Part &part) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT chain, lane, last_id, head FROM chain_heads ORDER BY chain, lane"))) {
        part.readFailure(q.lastError().text());
        return;
    }
    QCryptographicHash digest(QCryptographicHash::Sha256);
    while (q.next()) {
        const QByteArray chain = q.value(0).toString().toUtf8();
        const int number = q.value(1).toInt();
        const QByteArray head = q.value(3).toString().toLatin1();
        const Lane *walked = lane(chain == "audit" ? m_auditLanes : m_journalLanes, number);
        if (part.report.ok && (!walked || head != walked->head || q.value(2).toLongLong() != walked->lastId))
            part.problem(QStringLiteral("%1 lane %2: the recorded head is not the last row's hash "
                                        "(rows after id %3 are missing or altered)")
                             .arg(QString::fromUtf8(chain))
                             .arg(number)
                             .arg(walked ? walked->lastId : 0));
        digest.addData(chain + ':' + QByteArray::number(number) + ':' + head + '\n');
    }
    part.report.digest = QString::fromLatin1(digest.result().toHex());
}

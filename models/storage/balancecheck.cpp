#include "balancecheck.h"

#include "money.h"
#include "sqlcursor.h"
#include "verifyprogress.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <map>

namespace {

constexpr qint64 MsPerDay = 86400000;

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

} // namespace

BalanceCheck::BalanceCheck(bool postgres, const VerifyProgress &progress)
    : m_postgres(postgres)
    , m_progress(progress) {}

void BalanceCheck::run(QSqlDatabase db, VerifyPart &part) {
    if (loadAccounts(db, part) && checkEntries(db, part) && checkBalances(db, part) && checkRollups(db, part))
        checkEconomy(db, part);
}

QString BalanceCheck::entriesInJournalOrder() const {
    // SQLite appends a transaction's entries right after it under one write lock, so id order is journal
    // order; PostgreSQL interleaves concurrent writers, so it sorts by transaction.
    return m_postgres ? QStringLiteral(
                            "SELECT transaction_id, id, account_id, shard, amount, balance_after, created_at "
                            "FROM entries ORDER BY transaction_id, id")
                      : QStringLiteral(
                            "SELECT transaction_id, id, account_id, shard, amount, balance_after, created_at "
                            "FROM entries ORDER BY id");
}

int BalanceCheck::currencyIndex(QByteArrayView code) {
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

bool BalanceCheck::loadAccounts(QSqlDatabase db, VerifyPart &part) {
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

BalanceCheck::State *BalanceCheck::stateFor(qint64 accountId, int shard) {
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

void BalanceCheck::closeDay(State &s, qint64 accountId, int shard) {
    if (s.day < 0)
        return;
    s.rollupDigest += rollupDigest(accountId, shard, s.day, s.opening, s.balance, s.low, s.high, s.inflow,
                                   s.outflow, s.count);
    ++s.rollupRows;
    const Flags &f = m_flags[size_t(accountId)];
    if (!f.system)
        m_economy.addPlayerDay(f.currency, s.day, s.opening, s.balance);
}

bool BalanceCheck::checkEntries(QSqlDatabase db, VerifyPart &part) {
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
        if (++seen % VerifyProgress::Every == 0 && m_progress.stopped())
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

bool BalanceCheck::checkBalances(QSqlDatabase db, VerifyPart &part) {
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

bool BalanceCheck::checkRollups(QSqlDatabase db, VerifyPart &part) {
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

bool BalanceCheck::checkEconomy(QSqlDatabase db, VerifyPart &part) {
    QString readError;
    const QString difference = m_economy.compare(db, m_currencies, &readError);
    if (!readError.isEmpty())
        return part.readFailure(readError);
    return difference.isEmpty() || part.problem(difference);
}

QString BalanceCheck::locateRollupProblem(QSqlDatabase db, qint64 accountId) {
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

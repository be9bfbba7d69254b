#include "bulkjournal.h"

#include "chainhasher.h"
#include "economyreport.h"
#include "journalwriter.h"
#include "ledgerstore.h"
#include "postingrules.h"
#include "role.h"
#include "storefailure.h"
#include "txnheader.h"

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <map>

namespace {
constexpr qint64 MsPerDay = 86400000;
} // namespace

BulkJournal::BulkJournal(const QSqlDatabase &db, bool postgres, QString origin, QByteArray keyPrefix)
    : m_db(db)
    , m_postgres(postgres)
    , m_origin(std::move(origin))
    , m_keyPrefix(std::move(keyPrefix)) {}

BulkJournal::~BulkJournal() = default;

Result<Done> BulkJournal::begin() {
    // Fixed statements on the store's own connection, inside the load's transaction.
    QSqlQuery q(m_db);
    auto failed = [&q] { return LedgerError{ErrorCode::Database, q.lastError().text()}; };
    if (!q.exec(
            QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM accounts), (SELECT COALESCE(MAX(id), 0) "
                           "FROM transactions), (SELECT COALESCE(MAX(id), 0) FROM entries)")) ||
        !q.next())
        return failed();
    m_firstAccount = q.value(0).toLongLong() + 1;
    m_nextTransaction = q.value(1).toLongLong() + 1;
    m_nextEntry = q.value(2).toLongLong() + 1;
    if (!q.exec(QStringLiteral("SELECT head FROM chain_heads WHERE chain = 'journal' AND lane = 0")) ||
        !q.next())
        return failed();
    m_chainHead = q.value(0).toString().toLatin1();
    if (!q.exec(QStringLiteral(
            "SELECT a.id, a.currency, a.name, s.balance, (SELECT COALESCE(SUM(o.balance), 0) FROM "
            "account_shards o WHERE o.account_id = a.id AND o.shard <> 0) FROM accounts a JOIN "
            "account_shards s ON s.account_id = a.id AND s.shard = 0 WHERE a.kind = 'system'")))
        return failed();
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        m_systemAccounts.insert({q.value(1).toString(), q.value(2).toString()}, id);
        m_systemBalances.insert(id, q.value(3).toLongLong());
        m_otherShards.insert(id, q.value(4).toLongLong());
    }
    q.finish();

    auto prepare = [this](const char *sql) { return std::make_unique<BulkStatement>(m_db, sql); };
    m_insTransaction =
        prepare("INSERT INTO transactions (id, kind, idempotency_key, request_hash, operator_id, "
                "origin, created_at, forced, reason_code, ticket_ref, memo, lane, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, 0, ?, ?)");
    m_insEntry = prepare("INSERT INTO entries (id, transaction_id, account_id, shard, amount, balance_after, "
                         "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
    m_insRollup = prepare("INSERT INTO daily_rollups (account_id, shard, day, opening, closing, low, high, "
                          "inflow, outflow, entry_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    m_insFlow = prepare("INSERT INTO economy_flows (currency, day, kind, lane, sources, sinks) "
                        "VALUES (?, ?, ?, 0, ?, ?)");
    m_insEconomyDay = prepare("INSERT INTO economy_days (currency, day, lane, player_change, active_players, "
                              "active_balance) VALUES (?, ?, 0, ?, ?, ?)");
    for (const auto *s : {&m_insTransaction, &m_insEntry, &m_insRollup, &m_insFlow, &m_insEconomyDay})
        if (!(*s)->isValid())
            return databaseError(**s);
    return Done{};
}

int BulkJournal::currencyIndex(const QString &code) {
    const auto index = m_currencies.indexOf(code);
    if (index >= 0)
        return int(index);
    m_currencies << code;
    return int(m_currencies.size() - 1);
}

qint64 BulkJournal::addAccount(quint32 player, const QString &currency, qint64 createdAt) {
    m_accounts.push_back(LoadAccount{player, currencyIndex(currency), 0, createdAt, createdAt});
    return m_firstAccount + qint64(m_accounts.size()) - 1;
}

BulkJournal::LoadAccount *BulkJournal::loadAccount(qint64 id) {
    const qint64 index = id - m_firstAccount;
    return index >= 0 && index < qint64(m_accounts.size()) ? &m_accounts[size_t(index)] : nullptr;
}

qint64 BulkJournal::balance(qint64 accountId) const {
    const qint64 index = accountId - m_firstAccount;
    return index >= 0 && index < qint64(m_accounts.size()) ? m_accounts[size_t(index)].balance : 0;
}

LedgerError BulkJournal::databaseError(const BulkStatement &statement) const {
    return LedgerError{ErrorCode::Database, statement.error()};
}

Result<qint64> BulkJournal::post(const PostingRequest &planned, const OperatorInfo &op, qint64 at) {
    const qint64 id = m_nextTransaction;
    const QByteArray key = m_keyPrefix + QByteArray::number(id);
    PostingRequest request = planned;
    request.idempotencyKey = QString::fromLatin1(key);
    if (auto invalid = PostingRules::validate(request))
        return *invalid;
    if (op.role < Role::Support || op.disabled)
        return LedgerError{ErrorCode::PermissionDenied,
                           QStringLiteral("posting needs an enabled operator with the support role; %1 is %2")
                               .arg(op.name, roleName(op.role))};
    if (at < m_lastAt)
        return LedgerError{ErrorCode::InvalidArgument,
                           QStringLiteral("a bulk load's postings come in time order; %1 is before %2")
                               .arg(at)
                               .arg(m_lastAt)};

    // The player accounts the rules look at, as Account values.
    QHash<qint64, Account> players;
    QList<qint64> ids{request.accountId};
    if (request.counterAccountId != 0)
        ids << request.counterAccountId;
    for (qint64 accountId : std::as_const(ids)) {
        const LoadAccount *load = loadAccount(accountId);
        if (!load)
            return LedgerError{
                ErrorCode::NotFound,
                QStringLiteral("account %1 is not one of the bulk load's accounts").arg(accountId)};
        Account a;
        a.id = accountId;
        a.currency = m_currencies.at(load->currency);
        a.playerRef = QString::number(load->player); // the load's player number: one number, one player
        a.balance = load->balance;
        players.insert(accountId, a);
    }
    auto legsPlanned = PostingRules::planLegs(request, players, op.role);
    if (!legsPlanned)
        return legsPlanned.error();
    QList<PostingLeg> legs = std::move(legsPlanned).value();
    // Above the operator's limit a posting waits for a second operator's approval, which a load cannot give.
    const QString &currency = players.value(request.accountId).currency;
    const qint64 magnitude = request.amount < 0 ? -request.amount : request.amount;
    if (const auto limit = op.limits.constFind(currency); limit != op.limits.constEnd() && magnitude > *limit)
        return LedgerError{
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 may post up to %2 minor units of %3 without approval; a bulk load cannot "
                           "wait for one")
                .arg(op.name)
                .arg(*limit)
                .arg(currency)};

    // Priced in full before anything is written or kept, so a refused posting changes nothing.
    QHash<qint64, qint64> system; // this posting's view of its system accounts' shard 0
    try {
        for (PostingLeg &leg : legs) {
            if (!leg.system) {
                JournalWriter::pricePlayerLeg(leg, players[leg.accountId], false);
                continue;
            }
            leg.accountId = m_systemAccounts.value({leg.currency, leg.systemName});
            if (leg.accountId == 0)
                return LedgerError{
                    ErrorCode::NotFound,
                    QStringLiteral("currency %1 has no %2 account").arg(leg.currency, leg.systemName)};
            auto it = system.find(leg.accountId);
            if (it == system.end())
                it = system.insert(leg.accountId, m_systemBalances.value(leg.accountId));
            leg.shard = 0;
            leg.balanceBefore = *it;
            leg.balanceAfter = *it = JournalWriter::checkedAdd(*it, leg.amount, leg.accountId);
            JournalWriter::checkedAdd(m_otherShards.value(leg.accountId), leg.balanceAfter,
                                      leg.accountId); // the account's total, over all shards, as priceLegs
        }
        JournalWriter::checkBalanced(legs);
    } catch (const StoreFailure &f) {
        return f.error;
    }

    // A new day: the previous one's rollups are complete.
    const qint64 day = at / MsPerDay;
    if (m_day >= 0 && day != m_day)
        if (auto written = writeDay(); !written)
            return written.error();
    m_day = day;
    m_lastAt = at;

    const TxnHeader h{request.kind,
                      QString::fromLatin1(key),
                      QString::fromLatin1(sha256Hex(request.canonical())),
                      op.id,
                      m_origin,
                      0,
                      false,
                      0,
                      request.reasonCode,
                      request.ticketRef,
                      request.memo};
    const JournalHashInput row = h.hashInput(id, at, 0);
    JournalHash hasher(m_chainHead, row);
    for (const PostingLeg &leg : std::as_const(legs)) {
        hasher.addEntry(leg.accountId, leg.shard, leg.amount, leg.balanceAfter);
        if (!m_insEntry->insertRow(m_nextEntry, id, leg.accountId, qint64(leg.shard), leg.amount,
                                   leg.balanceAfter, at))
            return databaseError(*m_insEntry);
        ++m_nextEntry;
        ++m_entries;
        auto rollup = m_dayRollups.find(leg.accountId);
        if (rollup == m_dayRollups.end())
            rollup = m_dayRollups.insert(leg.accountId, WriteCache::RollupDelta::openedBy(leg));
        rollup->add(leg);
        if (leg.system) {
            m_systemBalances[leg.accountId] = leg.balanceAfter;
        } else {
            LoadAccount &account = *loadAccount(leg.accountId);
            account.balance = leg.balanceAfter;
            account.lastActivityAt = at;
        }
    }
    m_dayCache.fileEconomyFlows(request.kind, legs, at);
    const QByteArray hash = hasher.finish();
    if (!m_insTransaction->insertRow(id, row.kind, row.key, row.requestHash, op.id, row.origin, at,
                                     row.reasonCode, row.ticketRef, row.memo, m_chainHead, hash))
        return databaseError(*m_insTransaction);
    m_chainHead = hash;
    ++m_nextTransaction;
    ++m_transactions;
    return id;
}

/// The day's rollups, its economy figures per currency (every rollup row of a finished day is the
/// account's whole day, so each player row is one active player: the posting path's rule with every row
/// fresh) and its flows.
Result<Done> BulkJournal::writeDay() {
    struct DayFigures {
        qint64 change = 0, active = 0, activeBalance = 0;
    };
    std::map<QString, DayFigures> figures;
    BulkStatement &r = *m_insRollup;
    QList<qint64> accounts = m_dayRollups.keys();
    std::sort(accounts.begin(), accounts.end()); // in key order: appending beats random B-tree inserts
    for (qint64 account : std::as_const(accounts)) {
        const WriteCache::RollupDelta &delta = m_dayRollups[account];
        if (!r.insertRow(account, qint64(0), m_day, delta.opening, delta.closing, delta.low, delta.high,
                         delta.inflow, delta.outflow, delta.count))
            return databaseError(r);
        ++m_rollups;
        if (delta.player) {
            DayFigures &f = figures[delta.currency];
            f.change += delta.closing - delta.opening;
            ++f.active;
            f.activeBalance += delta.closing;
        }
    }
    for (const auto &[currency, f] : figures) {
        const QByteArray code = currency.toUtf8();
        if (!m_insEconomyDay->insertRow(code, m_day, f.change, f.active, f.activeBalance))
            return databaseError(*m_insEconomyDay);
    }
    for (const auto &[key, flow] : m_dayCache.flows) {
        const QByteArray code = key.first.toUtf8();
        for (TransactionKind kind : WriteCache::flowKindsOf(flow)) {
            const QByteArray name = kindName(kind).toUtf8();
            if (!m_insFlow->insertRow(code, key.second, name, flow.sources.value(kind),
                                      flow.sinks.value(kind)))
                return databaseError(*m_insFlow);
        }
    }
    m_dayRollups.clear();
    m_dayCache.clear();
    return Done{};
}

Result<Done> BulkJournal::finish(const std::function<Player(quint32)> &describe,
                                 const std::function<void(qint64, qint64)> &progress) {
    if (m_day >= 0)
        if (auto written = writeDay(); !written)
            return written.error();

    BulkStatement insAccount(m_db, "INSERT INTO accounts (id, kind, currency, player_ref, name, state, "
                                   "allow_negative, balance, held, created_at, last_activity_at) "
                                   "VALUES (?, 'player', ?, ?, ?, 'active', 0, ?, 0, ?, ?)");
    if (!insAccount.isValid())
        return databaseError(insAccount);
    QList<QByteArray> codes;
    for (const QString &c : std::as_const(m_currencies))
        codes << c.toUtf8();
    Player who;
    quint32 described = 0;
    const auto total = qint64(m_accounts.size());
    for (qint64 i = 0; i < total; ++i) {
        const LoadAccount &a = m_accounts[size_t(i)];
        if (i == 0 || a.player != described) { // a player's accounts are usually added together
            who = describe(a.player);
            described = a.player;
        }
        if (!insAccount.insertRow(m_firstAccount + i, codes.at(a.currency), who.ref, who.name, a.balance,
                                  a.createdAt, a.lastActivityAt))
            return databaseError(insAccount);
        if (progress && i % 100000 == 0)
            progress(i, total);
    }

    QSqlQuery q(m_db);
    auto failed = [&q] { return LedgerError{ErrorCode::Database, q.lastError().text()}; };
    q.prepare(QStringLiteral("UPDATE account_shards SET balance = ? WHERE account_id = ? AND shard = 0"));
    for (auto it = m_systemBalances.cbegin(); it != m_systemBalances.cend(); ++it) {
        q.addBindValue(it.value());
        q.addBindValue(it.key());
        if (!q.exec())
            return failed();
    }
    if (m_transactions > 0) {
        q.prepare(QStringLiteral(
            "UPDATE chain_heads SET last_id = ?, head = ? WHERE chain = 'journal' AND lane = 0"));
        q.addBindValue(m_nextTransaction - 1);
        q.addBindValue(QString::fromLatin1(m_chainHead));
        if (!q.exec())
            return failed();
    }
    if (m_postgres) // ids were given explicitly: the sequences continue after them
        for (const char *table : {"accounts", "transactions", "entries"})
            if (!q.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                       "(SELECT COALESCE(MAX(id), 1) FROM %1))")
                            .arg(QLatin1StringView(table)))) // table names from the list above
                return failed();
    if (progress)
        progress(total, total);
    return Done{};
}

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

BulkJournal::BulkJournal(QSqlDatabase db, bool postgres, QString origin, QByteArray keyPrefix)
    : m_db(std::move(db))
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
    if (!q.exec(
            QStringLiteral("SELECT a.id, a.currency, a.name, s.balance FROM accounts a JOIN account_shards s "
                           "ON s.account_id = a.id AND s.shard = 0 WHERE a.kind = 'system'")))
        return failed();
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        m_systemAccounts.insert({q.value(1).toString(), q.value(2).toString()}, id);
        m_systemBalances.insert(id, q.value(3).toLongLong());
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
        BulkStatement &e = *m_insEntry;
        e.bind(0, m_nextEntry);
        e.bind(1, id);
        e.bind(2, leg.accountId);
        e.bind(3, qint64(leg.shard));
        e.bind(4, leg.amount);
        e.bind(5, leg.balanceAfter);
        e.bind(6, at);
        if (!e.insert())
            return databaseError(e);
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
    BulkStatement &t = *m_insTransaction;
    t.bind(0, id);
    t.bind(1, row.kind);
    t.bind(2, row.key);
    t.bind(3, row.requestHash);
    t.bind(4, op.id);
    t.bind(5, row.origin);
    t.bind(6, at);
    t.bind(7, row.reasonCode);
    t.bind(8, row.ticketRef);
    t.bind(9, row.memo);
    t.bind(10, m_chainHead);
    t.bind(11, hash);
    if (!t.insert())
        return databaseError(t);
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
        r.bind(0, account);
        r.bind(1, qint64(0));
        r.bind(2, m_day);
        r.bind(3, delta.opening);
        r.bind(4, delta.closing);
        r.bind(5, delta.low);
        r.bind(6, delta.high);
        r.bind(7, delta.inflow);
        r.bind(8, delta.outflow);
        r.bind(9, delta.count);
        if (!r.insert())
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
        BulkStatement &d = *m_insEconomyDay;
        d.bind(0, code);
        d.bind(1, m_day);
        d.bind(2, f.change);
        d.bind(3, f.active);
        d.bind(4, f.activeBalance);
        if (!d.insert())
            return databaseError(d);
    }
    for (const auto &[key, flow] : m_dayCache.flows) {
        const QByteArray code = key.first.toUtf8();
        for (TransactionKind kind : WriteCache::flowKindsOf(flow)) {
            const QByteArray name = kindName(kind).toUtf8();
            BulkStatement &f = *m_insFlow;
            f.bind(0, code);
            f.bind(1, key.second);
            f.bind(2, name);
            f.bind(3, flow.sources.value(kind));
            f.bind(4, flow.sinks.value(kind));
            if (!f.insert())
                return databaseError(f);
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
        insAccount.bind(0, m_firstAccount + i);
        insAccount.bind(1, codes.at(a.currency));
        insAccount.bind(2, who.ref);
        insAccount.bind(3, who.name);
        insAccount.bind(4, a.balance);
        insAccount.bind(5, a.createdAt);
        insAccount.bind(6, a.lastActivityAt);
        if (!insAccount.insert())
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

#include "demogenerator.h"

#include "bulkstatement.h"
#include "chainhasher.h"
#include "economyreport.h"
#include "ledgerstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <array>
#include <cmath>
#include <random>
#include <vector>

namespace {

constexpr qint64 MsPerDay = 86400000;

enum class Event : quint8 {
    Deposit,
    Win,
    Charge,
    Purchase,
    Bonus,
    Gems,
    Credits,
    Transfer,
    Withdrawal,
    Adjustment
};

struct PlannedEvent {
    qint64 at;
    quint32 player;
    Event event;
};

struct Rollup {
    qint64 opening = 0, closing = 0, low = 0, high = 0, inflow = 0, outflow = 0, count = 0;
};

/// The demo's currencies, in the order of the player account fields below.
const std::array<QByteArray, 4> DemoCurrencies{QByteArrayLiteral("GOLD"), QByteArrayLiteral("TREASURE_BOX"),
                                               QByteArrayLiteral("GEMS"), QByteArrayLiteral("CREDITS")};

/// One currency's economy figures for the day being generated (economy_flows and economy_days).
struct EconomyDelta {
    QMap<TransactionKind, qint64> sources, sinks;
    qint64 playerChange = 0, activePlayers = 0, activeBalance = 0;
};

struct PlayerAccounts {
    qint64 gold = 0, box = 0, gems = 0, credits = 0;
    qint64 signupAt = 0;
};

/// What one generated transaction writes. Legs are (account, amount).
struct Txn {
    TransactionKind kind;
    qint64 operatorId;
    QString reason;
    QString ticket;
    std::array<std::pair<qint64, qint64>, 4> legs;
    int legCount = 0;
    void leg(qint64 account, qint64 amount) { legs[size_t(legCount++)] = {account, amount}; }
};

const char *const FirstNames[] = {"Aria",  "Bruno", "Chen", "Dana", "Emil",  "Farah",  "Goran", "Hana",
                                  "Ivo",   "Jade",  "Kai",  "Lena", "Mateo", "Nora",   "Omar",  "Pia",
                                  "Quinn", "Rosa",  "Sven", "Tara", "Uma",   "Viktor", "Wen",   "Yara"};
const char *const LastNames[] = {"Stone",   "Rivers", "Okafor",   "Lindqvist", "Moreau", "Tanaka",
                                 "Novak",   "Silva",  "Kowalski", "Haddad",    "Berg",   "Costa",
                                 "Ivanova", "Park",   "Nguyen",   "Fischer"};
const char *const Reasons[] = {"GOODWILL", "BUG_COMPENSATION", "CORRECTION", "CHARGEBACK"};

} // namespace

QString DemoOptions::problem() const {
    if (players < 1 || players > 50'000'000 || days < 1 || days > 3650 || entriesPerPlayer < 2 ||
        entriesPerPlayer > 1000)
        return QStringLiteral(
            "the demo needs 1 to 50,000,000 players, 1 to 3650 days and 2 to 1000 entries per "
            "player");
    return {};
}

DemoGenerator::DemoGenerator(LedgerStore &store, const DemoOptions &options, const QString &adminName)
    : m_store(store)
    , m_options(options)
    , m_admin(adminName) {}

Result<DemoSummary> DemoGenerator::run(const std::function<void(int)> &progress) {
    QElapsedTimer timer;
    timer.start();
    const DemoOptions &o = m_options;
    if (!o.problem().isEmpty())
        return LedgerError{ErrorCode::InvalidArgument, o.problem()};
    QSqlDatabase db = m_store.database();
    const bool pg = m_store.dialect() == LedgerStore::Dialect::Postgres;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE kind = 'player'")) || !q.next())
            return LedgerError{ErrorCode::Database, q.lastError().text()};
        if (q.value(0).toLongLong() > 0)
            return LedgerError{
                ErrorCode::StateConflict,
                QStringLiteral("the demo needs an empty ledger; this one already has players")};
    }
    const Actor admin{m_admin, QStringLiteral("demo")};

    // --- currencies and operators, through the normal path
    const QList<Currency> wanted{{QStringLiteral("GOLD"), 0, QStringLiteral("Gold")},
                                 {QStringLiteral("GEMS"), 0, QStringLiteral("Gems")},
                                 {QStringLiteral("CREDITS"), 2, QStringLiteral("Credits")},
                                 {QStringLiteral("TREASURE_BOX"), 0, QStringLiteral("Treasure box")}};
    auto existing = m_store.currencies();
    if (!existing)
        return existing.error();
    for (const Currency &c : wanted) {
        const bool have = std::any_of(existing->cbegin(), existing->cend(),
                                      [&c](const Currency &e) { return e.code == c.code; });
        if (!have) {
            auto added = m_store.addCurrency(admin, c);
            if (!added)
                return added.error();
        }
    }
    struct Op {
        const char *name;
        Role role;
        QMap<QString, qint64> limits;
    };
    const QList<Op> ops{
        {"payments", Role::Support, {}},
        {"game-server", Role::Support, {}},
        {"alice",
         Role::Support,
         {{QStringLiteral("GOLD"), 5000}, {QStringLiteral("GEMS"), 500}, {QStringLiteral("CREDITS"), 10000}}},
        {"bob", Role::Supervisor, {}},
        {"carol", Role::Viewer, {}}};
    QHash<QString, qint64> opIds;
    auto known = m_store.operators();
    if (!known)
        return known.error();
    for (const Op &op : ops) {
        const QString name = QString::fromLatin1(op.name);
        auto it = std::find_if(known->cbegin(), known->cend(),
                               [&](const OperatorInfo &i) { return i.name == name; });
        if (it != known->cend()) {
            opIds.insert(name, it->id);
            continue;
        }
        OperatorInfo info;
        info.name = name;
        info.role = op.role;
        info.limits = op.limits;
        auto added = m_store.addOperator(admin, info);
        if (!added)
            return added.error();
        opIds.insert(name, added->id);
    }
    QHash<QString, qint64> sys;
    for (const Currency &c : wanted)
        for (const char *n : {"treasury", "house", "adjustments", "promotions"}) {
            auto a = m_store.systemAccount(c.code, QString::fromLatin1(n));
            if (!a)
                return a.error();
            sys.insert(c.code + u'/' + QLatin1StringView(n), a->id);
        }

    // --- the bulk history
    std::mt19937_64 rng(o.seed);
    auto uniform = [&rng](qint64 lo, qint64 hi) {
        return std::uniform_int_distribution<qint64>(lo, hi)(rng);
    };
    auto chance = [&rng](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 firstDay = now / MsPerDay - o.days; // the last simulated day is yesterday
    DemoSummary summary;
    summary.players = o.players;

    qint64 nextAccount = 0, nextTxn = 0, nextEntry = 0;
    {
        QSqlQuery q(db);
        q.exec(
            QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM accounts), (SELECT COALESCE(MAX(id), 0) "
                           "FROM transactions), (SELECT COALESCE(MAX(id), 0) FROM entries)"));
        if (!q.next())
            return LedgerError{ErrorCode::Database, q.lastError().text()};
        nextAccount = q.value(0).toLongLong() + 1;
        nextTxn = q.value(1).toLongLong() + 1;
        nextEntry = q.value(2).toLongLong() + 1;
    }
    const qint64 firstPlayerAccount = nextAccount;

    // Players sign up over the period, faster at the start; index order is signup order.
    std::vector<PlayerAccounts> players(size_t(o.players));
    std::vector<qint64> eligibleByDay(size_t(o.days), 0);
    for (qint64 i = 0; i < o.players; ++i) {
        PlayerAccounts &p = players[size_t(i)];
        const double share = double(i) / double(o.players);
        const int day = std::min(o.days - 1, int(std::floor(o.days * std::pow(share, 1.6))));
        p.signupAt = (firstDay + day) * MsPerDay + uniform(6 * 3600000LL, 12 * 3600000LL);
        p.gold = nextAccount++;
        p.box = nextAccount++;
        if (chance(0.3))
            p.gems = nextAccount++;
        if (chance(0.1))
            p.credits = nextAccount++;
        if (day + 1 < o.days)
            eligibleByDay[size_t(day + 1)] = i + 1;
    }
    for (size_t d = 1; d < eligibleByDay.size(); ++d)
        eligibleByDay[d] = std::max(eligibleByDay[d], eligibleByDay[d - 1]);
    const qint64 accountCount = nextAccount - firstPlayerAccount;
    std::vector<qint64> balance(size_t(accountCount), 0);
    std::vector<qint64> lastActivity(size_t(accountCount), 0);
    std::vector<quint8> currencyOf(size_t(accountCount), 0); // index into DemoCurrencies
    for (const PlayerAccounts &p : players) {
        quint8 c = 0;
        for (qint64 account : {p.gold, p.box, p.gems, p.credits}) {
            if (account)
                currencyOf[size_t(account - firstPlayerAccount)] = c;
            ++c;
        }
    }
    std::array<EconomyDelta, 4> dayEconomy;
    QHash<qint64, qint64> systemBalance;
    QHash<qint64, Rollup> dayRollups;

    // Event budget: each player's welcome bonus is 2 entries; the rest are spread with a weekly rhythm.
    const double activityEntries = double(o.players) * double(o.entriesPerPlayer - 2);
    std::vector<double> weight(size_t(o.days));
    double weightSum = 0;
    for (int d = 0; d < o.days; ++d) {
        const int weekday = int((firstDay + d + 3) % 7); // 1970-01-01 was a Thursday; 0 = Monday
        weight[size_t(d)] = (weekday >= 5 ? 1.35 : 1.0) * (0.6 + 0.4 * double(d + 1) / o.days) *
                            (eligibleByDay[size_t(d)] > 0 ? 1.0 : 0.0);
        weightSum += weight[size_t(d)];
    }
    // Evening peak: relative activity per hour of the day.
    static const std::array<int, 24> hourWeights{2, 1, 1, 1, 1, 1, 2,  3,  4,  5,  5, 6,
                                                 7, 6, 6, 6, 7, 8, 10, 12, 12, 11, 8, 4};
    std::discrete_distribution<int> hourOf(hourWeights.begin(), hourWeights.end());

    const qint64 treasury = sys.value(QStringLiteral("GOLD/treasury")),
                 house = sys.value(QStringLiteral("GOLD/house")),
                 promotions = sys.value(QStringLiteral("GOLD/promotions")),
                 adjustments = sys.value(QStringLiteral("GOLD/adjustments")),
                 boxHouse = sys.value(QStringLiteral("TREASURE_BOX/house")),
                 gemsTreasury = sys.value(QStringLiteral("GEMS/treasury")),
                 gemsHouse = sys.value(QStringLiteral("GEMS/house")),
                 creditsTreasury = sys.value(QStringLiteral("CREDITS/treasury"));
    const qint64 opPayments = opIds.value(QStringLiteral("payments")),
                 opGame = opIds.value(QStringLiteral("game-server")),
                 opAlice = opIds.value(QStringLiteral("alice"));

    QByteArray chainHead = LedgerStore::zeroHash().toLatin1();
    std::array<QByteArray, 9> kindNames;
    for (size_t k = 0; k < kindNames.size(); ++k)
        kindNames[k] = kindName(TransactionKind(k)).toLatin1();
    const QByteArray origin("demo");
    const QByteArray keyPrefix = "demo-" + QByteArray::number(o.seed) + '-';

    auto bulk = m_store.bulkLoad([&]() -> Result<Done> {
        auto dbError = [](const BulkStatement &s) { return LedgerError{ErrorCode::Database, s.error()}; };
        BulkStatement insTxn(
            db, "INSERT INTO transactions (id, kind, idempotency_key, request_hash, operator_id, "
                "origin, created_at, forced, reason_code, ticket_ref, memo, lane, prev_hash, hash) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, '', 0, ?, ?)");
        BulkStatement insEntry(
            db, "INSERT INTO entries (id, transaction_id, account_id, shard, amount, balance_after, "
                "created_at) VALUES (?, ?, ?, 0, ?, ?, ?)");
        BulkStatement insRollup(
            db, "INSERT INTO daily_rollups (account_id, shard, day, opening, closing, low, high, "
                "inflow, outflow, entry_count) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?)");
        BulkStatement insFlow(db, "INSERT INTO economy_flows (currency, day, kind, lane, sources, sinks) "
                                  "VALUES (?, ?, ?, 0, ?, ?)");
        BulkStatement insEconomyDay(db, "INSERT INTO economy_days (currency, day, lane, player_change, "
                                        "active_players, active_balance) VALUES (?, ?, 0, ?, ?, ?)");
        for (const BulkStatement *s : {&insTxn, &insEntry, &insRollup, &insFlow, &insEconomyDay})
            if (!s->isValid())
                return dbError(*s);

        auto write = [&](const Txn &t, qint64 at) -> bool {
            const qint64 id = nextTxn++;
            const QByteArray key = keyPrefix + QByteArray::number(id);
            PostingRequest request;
            request.kind = t.kind;
            request.idempotencyKey = QString::fromLatin1(key);
            request.accountId = t.legs[0].first;
            request.amount = t.legs[0].second < 0 ? -t.legs[0].second : t.legs[0].second;
            if (t.kind == TransactionKind::Adjustment)
                request.amount = t.legs[0].second;
            request.reasonCode = t.reason;
            request.ticketRef = t.ticket;
            if (t.legCount == 4) { // purchase: paying account, house, item house, item account
                request.counterAccountId = t.legs[3].first;
                request.itemQuantity = t.legs[3].second;
            } else if (t.kind == TransactionKind::Transfer) {
                request.counterAccountId = t.legs[1].first;
            }
            const QByteArray prevHead = chainHead;
            const QByteArray requestHash = sha256Hex(request.canonical());
            const QByteArray &kind = kindNames[size_t(t.kind)];
            const QByteArray reason = t.reason.toUtf8(), ticket = t.ticket.toUtf8();
            JournalHash hash(chainHead, JournalHashInput{id,
                                                         kind,
                                                         key,
                                                         requestHash,
                                                         t.operatorId,
                                                         origin,
                                                         at,
                                                         0,
                                                         false,
                                                         0,
                                                         reason,
                                                         ticket,
                                                         {},
                                                         0});
            std::array<qint64, 4> netPlayerChange{};
            for (int i = 0; i < t.legCount; ++i) {
                const auto [account, amount] = t.legs[size_t(i)];
                qint64 *bal;
                if (account >= firstPlayerAccount) {
                    bal = &balance[size_t(account - firstPlayerAccount)];
                    lastActivity[size_t(account - firstPlayerAccount)] = at;
                    netPlayerChange[currencyOf[size_t(account - firstPlayerAccount)]] += amount;
                } else {
                    bal = &systemBalance[account];
                }
                const qint64 before = *bal;
                *bal += amount; // demo amounts are small; no overflow is possible here
                hash.addEntry(account, 0, amount, *bal);
                insEntry.bind(0, nextEntry++);
                insEntry.bind(1, id);
                insEntry.bind(2, account);
                insEntry.bind(3, amount);
                insEntry.bind(4, *bal);
                insEntry.bind(5, at);
                if (!insEntry.insert())
                    return false;
                auto it = dayRollups.find(account);
                if (it == dayRollups.end())
                    it = dayRollups.insert(account, Rollup{before, before, before, before, 0, 0, 0});
                Rollup &r = *it;
                r.closing = *bal;
                r.low = std::min(r.low, *bal);
                r.high = std::max(r.high, *bal);
                (amount > 0 ? r.inflow : r.outflow) += amount > 0 ? amount : -amount;
                ++r.count;
                ++summary.entries;
            }
            for (size_t c = 0; c < netPlayerChange.size(); ++c)
                fileNetPlayerChange(dayEconomy[c].sources, dayEconomy[c].sinks, t.kind, netPlayerChange[c]);
            chainHead = hash.finish();
            insTxn.bind(0, id);
            insTxn.bind(1, kind);
            insTxn.bind(2, key);
            insTxn.bind(3, requestHash);
            insTxn.bind(4, t.operatorId);
            insTxn.bind(5, origin);
            insTxn.bind(6, at);
            insTxn.bind(7, reason);
            insTxn.bind(8, ticket);
            const QByteArray &head = chainHead;
            insTxn.bind(9, prevHead);
            insTxn.bind(10, head);
            ++summary.transactions;
            return insTxn.insert();
        };
        auto flushEconomy = [&](qint64 day) -> bool {
            for (size_t c = 0; c < dayEconomy.size(); ++c) {
                EconomyDelta &e = dayEconomy[c];
                QList<TransactionKind> kinds = e.sources.keys();
                for (TransactionKind kind : e.sinks.keys())
                    if (!e.sources.contains(kind))
                        kinds << kind;
                for (TransactionKind kind : kinds) {
                    insFlow.bind(0, DemoCurrencies[c]);
                    insFlow.bind(1, day);
                    insFlow.bind(2, kindNames[size_t(kind)]);
                    insFlow.bind(3, e.sources.value(kind));
                    insFlow.bind(4, e.sinks.value(kind));
                    if (!insFlow.insert())
                        return false;
                }
                if (e.activePlayers > 0) {
                    insEconomyDay.bind(0, DemoCurrencies[c]);
                    insEconomyDay.bind(1, day);
                    insEconomyDay.bind(2, e.playerChange);
                    insEconomyDay.bind(3, e.activePlayers);
                    insEconomyDay.bind(4, e.activeBalance);
                    if (!insEconomyDay.insert())
                        return false;
                }
                e = EconomyDelta();
            }
            return true;
        };
        auto flushRollups = [&](qint64 day) -> bool {
            std::vector<qint64> ids(dayRollups.keyBegin(), dayRollups.keyEnd());
            std::sort(ids.begin(), ids.end());
            for (qint64 account : ids) {
                const Rollup &r = dayRollups[account];
                insRollup.bind(0, account);
                insRollup.bind(1, day);
                insRollup.bind(2, r.opening);
                insRollup.bind(3, r.closing);
                insRollup.bind(4, r.low);
                insRollup.bind(5, r.high);
                insRollup.bind(6, r.inflow);
                insRollup.bind(7, r.outflow);
                insRollup.bind(8, r.count);
                if (!insRollup.insert())
                    return false;
                ++summary.rollups;
                if (account >= firstPlayerAccount) {
                    EconomyDelta &e = dayEconomy[currencyOf[size_t(account - firstPlayerAccount)]];
                    e.playerChange += r.closing - r.opening;
                    ++e.activePlayers;
                    e.activeBalance += r.closing;
                }
            }
            dayRollups.clear();
            return flushEconomy(day);
        };

        qint64 signedUp = 0;
        std::vector<PlannedEvent> events;
        for (int d = 0; d < o.days; ++d) {
            const qint64 dayStart = (firstDay + d) * MsPerDay;
            events.clear();
            // Welcome bonuses of today's new players.
            while (signedUp < o.players && players[size_t(signedUp)].signupAt < dayStart + MsPerDay) {
                events.push_back({players[size_t(signedUp)].signupAt, quint32(signedUp), Event::Bonus});
                ++signedUp;
            }
            const qint64 eligible = eligibleByDay[size_t(d)];
            const auto budget = qint64(activityEntries * weight[size_t(d)] / weightSum / 1.9);
            for (qint64 n = 0; eligible > 0 && n < budget; ++n) {
                const double u = std::uniform_real_distribution<double>(0, 1)(rng);
                const auto player =
                    quint32(std::min<qint64>(eligible - 1, qint64(double(eligible) * std::pow(u, 1.4))));
                const qint64 at = dayStart + hourOf(rng) * 3600000LL + uniform(0, 3599999);
                const int roll = int(uniform(0, 999));
                Event ev = roll < 140   ? Event::Deposit
                           : roll < 450 ? Event::Win
                           : roll < 760 ? Event::Charge
                           : roll < 840 ? Event::Purchase
                           : roll < 880 ? Event::Bonus
                           : roll < 940 ? Event::Gems
                           : roll < 960 ? Event::Credits
                           : roll < 980 ? Event::Transfer
                           : roll < 992 ? Event::Withdrawal
                                        : Event::Adjustment;
                events.push_back({at, player, ev});
            }
            std::stable_sort(events.begin(), events.end(),
                             [](const PlannedEvent &a, const PlannedEvent &b) { return a.at < b.at; });
            for (const PlannedEvent &e : events) {
                const PlayerAccounts &p = players[e.player];
                auto bal = [&](qint64 account) { return balance[size_t(account - firstPlayerAccount)]; };
                Txn t{TransactionKind::Win, opGame, {}, {}, {}, 0};
                const bool welcome = e.event == Event::Bonus && e.at == p.signupAt;
                if (!welcome && e.at < p.signupAt)
                    continue; // activity drawn before this player's signup moment
                switch (e.event) {
                case Event::Bonus:
                    t = Txn{TransactionKind::Bonus, opGame, {}, {}, {}, 0};
                    t.leg(p.gold, welcome ? 100 : 50);
                    t.leg(promotions, welcome ? -100 : -50);
                    break;
                case Event::Deposit: {
                    static const qint64 packs[] = {500, 1000, 2500, 5000, 10000};
                    const qint64 a = packs[uniform(0, 4)];
                    t = Txn{TransactionKind::Deposit, opPayments, {}, {}, {}, 0};
                    t.leg(p.gold, a);
                    t.leg(treasury, -a);
                    break;
                }
                case Event::Charge: {
                    const qint64 a = uniform(10, 300);
                    if (bal(p.gold) >= a) {
                        t = Txn{TransactionKind::Charge, opGame, {}, {}, {}, 0};
                        t.leg(p.gold, -a);
                        t.leg(house, a);
                        break;
                    }
                    [[fallthrough]];
                }
                case Event::Win: {
                    const qint64 a = uniform(10, 500);
                    t = Txn{TransactionKind::Win, opGame, {}, {}, {}, 0};
                    t.leg(p.gold, a);
                    t.leg(house, -a);
                    break;
                }
                case Event::Purchase: {
                    const qint64 qty = uniform(1, 3), price = 250 * qty;
                    if (bal(p.gold) < price)
                        continue;
                    t = Txn{TransactionKind::Purchase, opGame, {}, {}, {}, 0};
                    t.leg(p.gold, -price);
                    t.leg(house, price);
                    t.leg(boxHouse, -qty);
                    t.leg(p.box, qty);
                    break;
                }
                case Event::Gems: {
                    if (!p.gems)
                        continue;
                    const qint64 a = uniform(5, 100);
                    if (bal(p.gems) >= a && chance(0.5)) {
                        t = Txn{TransactionKind::Charge, opGame, {}, {}, {}, 0};
                        t.leg(p.gems, -a);
                        t.leg(gemsHouse, a);
                    } else {
                        t = Txn{TransactionKind::Deposit, opPayments, {}, {}, {}, 0};
                        t.leg(p.gems, a);
                        t.leg(gemsTreasury, -a);
                    }
                    break;
                }
                case Event::Credits: {
                    if (!p.credits)
                        continue;
                    const qint64 a = uniform(5, 50) * 100 + uniform(0, 1) * 99;
                    t = Txn{TransactionKind::Deposit, opPayments, {}, {}, {}, 0};
                    t.leg(p.credits, a);
                    t.leg(creditsTreasury, -a);
                    break;
                }
                case Event::Transfer: {
                    const qint64 a = uniform(10, 100);
                    const auto other = quint32(uniform(0, eligible - 1));
                    if (other == e.player || bal(p.gold) < a || players[other].signupAt > e.at)
                        continue;
                    t = Txn{TransactionKind::Transfer, opGame, {}, {}, {}, 0};
                    t.leg(p.gold, -a);
                    t.leg(players[other].gold, a);
                    break;
                }
                case Event::Withdrawal: {
                    const qint64 a = uniform(100, 1000);
                    if (bal(p.gold) < a)
                        continue;
                    t = Txn{TransactionKind::Withdrawal, opPayments, {}, {}, {}, 0};
                    t.leg(p.gold, -a);
                    t.leg(treasury, a);
                    break;
                }
                case Event::Adjustment: {
                    qint64 a = uniform(1, 100);
                    if (chance(0.3) && bal(p.gold) >= a)
                        a = -a;
                    t = Txn{TransactionKind::Adjustment,
                            opAlice,
                            QString::fromLatin1(Reasons[uniform(0, 3)]),
                            QStringLiteral("SUP-%1").arg(uniform(1000, 99999)),
                            {},
                            0};
                    t.leg(p.gold, a);
                    t.leg(adjustments, -a);
                    break;
                }
                }
                if (!write(t, e.at))
                    return LedgerError{ErrorCode::Database,
                                       insTxn.isValid() ? insEntry.error() : insTxn.error()};
            }
            if (!flushRollups(firstDay + d)) {
                for (const BulkStatement *s : {&insFlow, &insEconomyDay})
                    if (!s->isValid())
                        return dbError(*s);
                return dbError(insRollup);
            }
            if (progress)
                progress(int(80 * (d + 1) / o.days));
        }

        // Accounts last, with their final balances (bulkLoad checks foreign keys before commit).
        BulkStatement insAccount(db, "INSERT INTO accounts (id, kind, currency, player_ref, name, state, "
                                     "allow_negative, balance, held, created_at, last_activity_at) "
                                     "VALUES (?, 'player', ?, ?, ?, 'active', 0, ?, 0, ?, ?)");
        if (!insAccount.isValid())
            return dbError(insAccount);
        const QByteArray gold("GOLD"), box("TREASURE_BOX"), gems("GEMS"), credits("CREDITS");
        for (qint64 i = 0; i < o.players; ++i) {
            const PlayerAccounts &p = players[size_t(i)];
            const QByteArray ref = QByteArray::number(100000 + i);
            const QByteArray name = QByteArray(FirstNames[i % 24]) + ' ' + LastNames[(i / 24) % 16] + ' ' +
                                    QByteArray::number(i % 997);
            for (auto [account, currency] : {std::pair{p.gold, &gold}, std::pair{p.box, &box},
                                             std::pair{p.gems, &gems}, std::pair{p.credits, &credits}}) {
                if (!account)
                    continue;
                const size_t k = size_t(account - firstPlayerAccount);
                insAccount.bind(0, account);
                insAccount.bind(1, *currency);
                insAccount.bind(2, ref);
                insAccount.bind(3, name);
                insAccount.bind(4, balance[k]);
                insAccount.bind(5, p.signupAt);
                insAccount.bind(6, std::max(p.signupAt, lastActivity[k]));
                if (!insAccount.insert())
                    return dbError(insAccount);
            }
            if (progress && i % 100000 == 0)
                progress(80 + int(10 * i / o.players));
        }
        QSqlQuery q(db);
        for (auto it = systemBalance.cbegin(); it != systemBalance.cend(); ++it) {
            q.prepare(QStringLiteral(
                "UPDATE account_shards SET balance = balance + ? WHERE account_id = ? AND shard = 0"));
            q.addBindValue(it.value());
            q.addBindValue(it.key());
            if (!q.exec())
                return LedgerError{ErrorCode::Database, q.lastError().text()};
        }
        q.prepare(QStringLiteral(
            "UPDATE chain_heads SET last_id = ?, head = ? WHERE chain = 'journal' AND lane = 0"));
        q.addBindValue(nextTxn - 1);
        q.addBindValue(QString::fromLatin1(chainHead));
        if (!q.exec())
            return LedgerError{ErrorCode::Database, q.lastError().text()};
        if (pg) {
            for (const char *table : {"accounts", "transactions", "entries"})
                if (!q.exec(QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), "
                                           "(SELECT COALESCE(MAX(id), 1) FROM %1))")
                                .arg(QLatin1StringView(table))))
                    return LedgerError{ErrorCode::Database, q.lastError().text()};
        }
        return Done{};
    });
    if (!bulk)
        return bulk.error();
    summary.accounts = accountCount;
    m_store.audit(
        admin, QStringLiteral("demo"), QStringLiteral("ledger"), QStringLiteral("ok"),
        QStringLiteral("generated %1 players, %2 transactions, %3 entries over %4 days with seed %5")
            .arg(o.players)
            .arg(summary.transactions)
            .arg(summary.entries)
            .arg(o.days)
            .arg(o.seed));

    // --- today's desk work, through the normal posting path
    const Actor alice{QStringLiteral("alice"), QStringLiteral("demo")};
    const Actor bob{QStringLiteral("bob"), QStringLiteral("demo")};
    std::vector<qint64> rich;
    for (qint64 i = 0; i < o.players && rich.size() < 12; ++i) {
        const PlayerAccounts &p = players[size_t(uniform(0, o.players - 1))];
        if (balance[size_t(p.gold - firstPlayerAccount)] > 6000)
            rich.push_back(p.gold);
    }
    const QString keyBase = QStringLiteral("demo-%1-desk-").arg(o.seed);
    int n = 0;
    for (qint64 account : rich) {
        PostingRequest r;
        r.kind = n % 2 ? TransactionKind::Withdrawal : TransactionKind::Adjustment;
        r.idempotencyKey = keyBase + QString::number(n++);
        r.accountId = account;
        r.amount = 5500;
        r.reasonCode = QStringLiteral("GOODWILL");
        r.ticketRef = QStringLiteral("SUP-%1").arg(70000 + n);
        r.memo = QStringLiteral("large correction, needs a second pair of eyes");
        auto posted = m_store.post(alice, r);
        if (posted && posted->status == PostingResult::Status::Pending)
            ++summary.pendingApprovals;
    }
    auto pending = m_store.approvals(true);
    if (pending && pending->size() >= 3) {
        if (m_store.approve(bob, pending->at(0).id, QStringLiteral("checked with the player")))
            --summary.pendingApprovals;
        if (m_store.reject(bob, pending->at(1).id, QStringLiteral("duplicate of an earlier ticket")))
            --summary.pendingApprovals;
    }
    for (int i = 0; i < 40 && summary.reversals < 8 && summary.transactions > 0; ++i) {
        const qint64 txn = uniform(qMax<qint64>(1, nextTxn - 5000), nextTxn - 1);
        auto reversed =
            m_store.reverse(bob, ReversalRequest{txn, keyBase + QStringLiteral("rev-%1").arg(txn),
                                                 QStringLiteral("posted twice by the game server"), false});
        if (reversed)
            ++summary.reversals;
    }
    for (int i = 0; i < 3; ++i) {
        const qint64 account = players[size_t(uniform(0, o.players - 1))].gold;
        if (m_store.setAccountState(bob, account, AccountState::Frozen,
                                    QStringLiteral("suspected account sharing")))
            ++summary.frozen;
    }
    if (progress)
        progress(100);
    summary.elapsedMs = timer.elapsed();
    return summary;
}

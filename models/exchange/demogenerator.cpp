#include "demogenerator.h"

#include "bulkjournal.h"
#include "ledgerreader.h"
#include "ledgerstore.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
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

struct PlayerAccounts {
    qint64 gold = 0, box = 0, gems = 0, credits = 0;
    qint64 signupAt = 0;
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
    auto playerAccounts = LedgerReader(m_store).countAccounts(AccountQuery{});
    if (!playerAccounts)
        return playerAccounts.error();
    if (*playerAccounts > 0)
        return LedgerError{ErrorCode::StateConflict,
                           QStringLiteral("the demo needs an empty ledger; this one already has players")};
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
    QHash<QString, OperatorInfo> opInfo;
    auto known = m_store.operators();
    if (!known)
        return known.error();
    for (const Op &op : ops) {
        const QString name = QString::fromLatin1(op.name);
        auto it = std::find_if(known->cbegin(), known->cend(),
                               [&](const OperatorInfo &i) { return i.name == name; });
        if (it != known->cend()) {
            opInfo.insert(name, *it);
            continue;
        }
        OperatorInfo info;
        info.name = name;
        info.role = op.role;
        info.limits = op.limits;
        auto added = m_store.addOperator(admin, info);
        if (!added)
            return added.error();
        opInfo.insert(name, *added);
    }
    const OperatorInfo opPayments = opInfo.value(QStringLiteral("payments")),
                       opGame = opInfo.value(QStringLiteral("game-server")),
                       opAlice = opInfo.value(QStringLiteral("alice"));
    const QString gold = QStringLiteral("GOLD"), box = QStringLiteral("TREASURE_BOX"),
                  gems = QStringLiteral("GEMS"), credits = QStringLiteral("CREDITS");

    // --- the bulk history, planned here and posted through the store's bulk path
    std::mt19937_64 rng(o.seed);
    auto uniform = [&rng](qint64 lo, qint64 hi) {
        return std::uniform_int_distribution<qint64>(lo, hi)(rng);
    };
    auto chance = [&rng](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };

    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 firstDay = now / MsPerDay - o.days; // the last simulated day is yesterday
    DemoSummary summary;
    summary.players = o.players;
    std::vector<PlayerAccounts> players(size_t(o.players));
    std::vector<qint64> rich; // gold accounts for the desk work below, chosen by their final balance
    qint64 lastBulkTransaction = 0;

    const QByteArray keyPrefix = "demo-" + QByteArray::number(o.seed) + '-';
    auto bulk =
        m_store.bulkLoad(QStringLiteral("demo"), keyPrefix, [&](BulkJournal &journal) -> Result<Done> {
            // Players sign up over the period, faster at the start; index order is signup order.
            std::vector<qint64> eligibleByDay(size_t(o.days), 0);
            for (qint64 i = 0; i < o.players; ++i) {
                PlayerAccounts &p = players[size_t(i)];
                const double share = double(i) / double(o.players);
                const int day = std::min(o.days - 1, int(std::floor(o.days * std::pow(share, 1.6))));
                p.signupAt = (firstDay + day) * MsPerDay + uniform(6 * 3600000LL, 12 * 3600000LL);
                p.gold = journal.addAccount(quint32(i), gold, p.signupAt);
                p.box = journal.addAccount(quint32(i), box, p.signupAt);
                if (chance(0.3))
                    p.gems = journal.addAccount(quint32(i), gems, p.signupAt);
                if (chance(0.1))
                    p.credits = journal.addAccount(quint32(i), credits, p.signupAt);
                if (day + 1 < o.days)
                    eligibleByDay[size_t(day) + 1] = i + 1;
            }
            for (size_t d = 1; d < eligibleByDay.size(); ++d)
                eligibleByDay[d] = std::max(eligibleByDay[d], eligibleByDay[d - 1]);
            summary.accounts = std::accumulate(players.cbegin(), players.cend(), qint64(0),
                                               [](qint64 n, const PlayerAccounts &p) {
                                                   return n + 2 + (p.gems ? 1 : 0) + (p.credits ? 1 : 0);
                                               });

            // Event budget: each player's welcome bonus is 2 entries; the rest are spread with a weekly
            // rhythm.
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
                    const bool welcome = e.event == Event::Bonus && e.at == p.signupAt;
                    if (!welcome && e.at < p.signupAt)
                        continue; // activity drawn before this player's signup moment
                    PostingRequest r;
                    r.accountId = p.gold;
                    const OperatorInfo *by = &opGame;
                    auto plan = [&r](TransactionKind kind, qint64 amount) {
                        r.kind = kind;
                        r.amount = amount;
                    };
                    switch (e.event) {
                    case Event::Bonus:
                        plan(TransactionKind::Bonus, welcome ? 100 : 50);
                        break;
                    case Event::Deposit: {
                        static const qint64 packs[] = {500, 1000, 2500, 5000, 10000};
                        plan(TransactionKind::Deposit, packs[uniform(0, 4)]);
                        by = &opPayments;
                        break;
                    }
                    case Event::Charge: {
                        const qint64 a = uniform(10, 300);
                        if (journal.balance(p.gold) >= a) {
                            plan(TransactionKind::Charge, a);
                            break;
                        }
                        [[fallthrough]];
                    }
                    case Event::Win:
                        plan(TransactionKind::Win, uniform(10, 500));
                        break;
                    case Event::Purchase: {
                        const qint64 qty = uniform(1, 3), price = 250 * qty;
                        if (journal.balance(p.gold) < price)
                            continue;
                        plan(TransactionKind::Purchase, price);
                        r.counterAccountId = p.box;
                        r.itemQuantity = qty;
                        break;
                    }
                    case Event::Gems: {
                        if (!p.gems)
                            continue;
                        const qint64 a = uniform(5, 100);
                        r.accountId = p.gems;
                        if (journal.balance(p.gems) >= a && chance(0.5)) {
                            plan(TransactionKind::Charge, a);
                        } else {
                            plan(TransactionKind::Deposit, a);
                            by = &opPayments;
                        }
                        break;
                    }
                    case Event::Credits:
                        if (!p.credits)
                            continue;
                        r.accountId = p.credits;
                        plan(TransactionKind::Deposit, uniform(5, 50) * 100 + uniform(0, 1) * 99);
                        by = &opPayments;
                        break;
                    case Event::Transfer: {
                        const qint64 a = uniform(10, 100);
                        const auto other = quint32(uniform(0, eligible - 1));
                        if (other == e.player || journal.balance(p.gold) < a ||
                            players[other].signupAt > e.at)
                            continue;
                        plan(TransactionKind::Transfer, a);
                        r.counterAccountId = players[other].gold;
                        break;
                    }
                    case Event::Withdrawal: {
                        const qint64 a = uniform(100, 1000);
                        if (journal.balance(p.gold) < a)
                            continue;
                        plan(TransactionKind::Withdrawal, a);
                        by = &opPayments;
                        break;
                    }
                    case Event::Adjustment: {
                        qint64 a = uniform(1, 100);
                        if (chance(0.3) && journal.balance(p.gold) >= a)
                            a = -a;
                        plan(TransactionKind::Adjustment, a);
                        r.reasonCode = QString::fromLatin1(Reasons[uniform(0, 3)]);
                        r.ticketRef = QStringLiteral("SUP-%1").arg(uniform(1000, 99999));
                        by = &opAlice;
                        break;
                    }
                    }
                    if (auto posted = journal.post(r, *by, e.at); !posted)
                        return posted.error(); // the plan broke a rule: a defect here, so the load stops
                }
                if (progress)
                    progress(int(80 * (d + 1) / o.days));
            }

            auto written = journal.finish(
                [](quint32 i) {
                    return BulkJournal::Player{QByteArray::number(100000 + i),
                                               QByteArray(FirstNames[i % 24]) + ' ' +
                                                   LastNames[(i / 24) % 16] + ' ' +
                                                   QByteArray::number(i % 997)};
                },
                [&progress](qint64 done, qint64 total) {
                    if (progress)
                        progress(80 + int(10 * done / total));
                });
            if (!written)
                return written;
            summary.transactions = journal.transactions();
            summary.entries = journal.entries();
            summary.rollups = journal.rollups();
            lastBulkTransaction = journal.lastTransactionId();
            for (qint64 i = 0; i < o.players && rich.size() < 12; ++i) {
                const PlayerAccounts &p = players[size_t(uniform(0, o.players - 1))];
                if (journal.balance(p.gold) > 6000)
                    rich.push_back(p.gold);
            }
            return Done{};
        });
    if (!bulk)
        return bulk.error();
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
    auto pending = LedgerReader(m_store).approvals(true);
    if (pending && pending->size() >= 3) {
        if (m_store.approve(bob, pending->at(0).id, QStringLiteral("checked with the player")))
            --summary.pendingApprovals;
        if (m_store.reject(bob, pending->at(1).id, QStringLiteral("duplicate of an earlier ticket")))
            --summary.pendingApprovals;
    }
    for (int i = 0; i < 40 && summary.reversals < 8 && lastBulkTransaction > 0; ++i) {
        const qint64 txn = uniform(qMax<qint64>(1, lastBulkTransaction - 4999), lastBulkTransaction);
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

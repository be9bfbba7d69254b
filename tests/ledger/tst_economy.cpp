// The economy figures (schema 5: economy_flows and economy_days, kept by every posting; EconomyReader)
// against a brute force computed straight from the journal's tables: entries joined with their accounts and
// transactions. The same source runs on SQLite (tst_economy) and on the fixture's PostgreSQL
// (tst_economy_pg); WALLETDESK_TEST_BACKENDS says which.
//
// The definitions checked (economyreport.h): per currency and UTC day, holdings = the sum of all player
// balances at the day's end; a transaction's net player change in a currency = the sum of its entries on
// player accounts in that currency, a positive one a source and a negative one a sink of the transaction's
// kind (a transfer between players is neither); previous holdings + sources - sinks = holdings; active
// players = player accounts with an entry that day, activeBalance = the sum of their balances at its end.

#include "balancedistribution.h"
#include "demogenerator.h"
#include "economyreader.h"
#include "economyreport.h"
#include "ledgerstore.h"
#include "testsupport.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <limits>
#include <map>
#include <memory>
#include <vector>

using WalletDeskTest::RawDb;

namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr qint64 Max = std::numeric_limits<qint64>::max();

const Actor Root{QStringLiteral("root"), QStringLiteral("test")};
const Actor Sue{QStringLiteral("sue"), QStringLiteral("test")}; // supervisor, no limits
const Actor Sam{QStringLiteral("sam"),
                QStringLiteral("test")}; // support: 100.00 USD and 2000 GOLD without approval

qint64 today() {
    return QDateTime::currentMSecsSinceEpoch() / MsPerDay;
}

/// Aborts the test run with what failed: for the setup steps that must succeed.
template <typename T> T need(Result<T> r, const char *what) {
    if (!r)
        qFatal("%s failed: %s", what, qPrintable(r.error().message));
    return std::move(r).value();
}

PostingRequest request(TransactionKind kind, qint64 account, qint64 amount, const QString &key) {
    PostingRequest r;
    r.kind = kind;
    r.accountId = account;
    r.amount = amount;
    r.idempotencyKey = key;
    if (kind == TransactionKind::Adjustment)
        r.reasonCode = QStringLiteral("TEST");
    return r;
}

// --- the brute force

/// One journal entry with what the brute force needs of its account and its transaction.
struct Row {
    qint64 entryId = 0, transactionId = 0, accountId = 0;
    bool player = false;
    QString currency;
    qint64 amount = 0, balanceAfter = 0, createdAt = 0;
    TransactionKind kind = TransactionKind::Deposit;
    qint64 transactionAt = 0;
};

/// Every entry of the ledger, oldest first.
std::vector<Row> readJournal(RawDb &raw) {
    QSqlQuery q(raw.db());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT e.id, e.transaction_id, e.account_id, a.kind, a.currency, e.amount, e.balance_after, "
            "e.created_at, t.kind, t.created_at FROM entries e JOIN accounts a ON a.id = e.account_id "
            "JOIN transactions t ON t.id = e.transaction_id ORDER BY e.id")))
        qFatal("reading the journal: %s", qPrintable(q.lastError().text()));
    std::vector<Row> rows;
    while (q.next()) {
        Row r;
        r.entryId = q.value(0).toLongLong();
        r.transactionId = q.value(1).toLongLong();
        r.accountId = q.value(2).toLongLong();
        r.player = q.value(3).toString() == u"player";
        r.currency = q.value(4).toString();
        r.amount = q.value(5).toLongLong();
        r.balanceAfter = q.value(6).toLongLong();
        r.createdAt = q.value(7).toLongLong();
        const auto kind = kindFromName(q.value(8).toString());
        if (!kind)
            qFatal("unknown transaction kind %s", qPrintable(q.value(8).toString()));
        r.kind = *kind;
        r.transactionAt = q.value(9).toLongLong();
        rows.push_back(r);
    }
    return rows;
}

int exponentOf(RawDb &raw, const QString &currency) {
    return int(raw.scalar(QStringLiteral("SELECT exponent FROM currencies WHERE code = '%1'").arg(currency)));
}

/// The first UTC day with an entry on a player account in `currency`, or -1.
qint64 firstPlayerDay(const std::vector<Row> &rows, const QString &currency) {
    for (const Row &r : rows)
        if (r.player && r.currency == currency)
            return r.createdAt / MsPerDay;
    return -1;
}

/// A currency's economy over the days [fromDay, toDay), computed from the journal alone.
EconomyReport bruteEconomy(const std::vector<Row> &rows, RawDb &raw, const QString &currency, qint64 fromDay,
                           qint64 toDay) {
    struct Figures {
        qint64 change = 0;
        std::map<qint64, std::pair<qint64, qint64>> last; ///< account -> (entry id, balance after)
        QMap<TransactionKind, qint64> sources, sinks;
    };
    std::map<qint64, Figures> days;
    struct Net {
        TransactionKind kind;
        qint64 day = 0, net = 0;
    };
    std::map<qint64, Net> transactions;
    for (const Row &r : rows) {
        if (!r.player || r.currency != currency)
            continue;
        Figures &f = days[r.createdAt / MsPerDay];
        f.change += r.amount;
        auto &last = f.last[r.accountId];
        if (r.entryId > last.first)
            last = {r.entryId, r.balanceAfter};
        Net &n = transactions[r.transactionId];
        n.kind = r.kind;
        n.day = r.transactionAt / MsPerDay;
        n.net += r.amount;
    }
    for (const auto &[id, n] : transactions) {
        Figures &f = days[n.day];
        if (n.net > 0)
            f.sources[n.kind] += n.net;
        else if (n.net < 0)
            f.sinks[n.kind] += -n.net;
    }

    EconomyReport report;
    report.currency = currency;
    report.exponent = exponentOf(raw, currency);
    report.fromMs = fromDay * MsPerDay;
    report.toMs = toDay * MsPerDay;
    qint64 holdings = 0;
    for (const auto &[day, f] : days)
        if (day < fromDay)
            holdings += f.change;
    report.openingHoldings = holdings;
    for (qint64 day = fromDay; day < toDay; ++day) {
        EconomyDay d;
        d.dayStartMs = day * MsPerDay;
        const auto it = days.find(day);
        if (it != days.end()) {
            d.playerChange = it->second.change;
            d.sources = it->second.sources;
            d.sinks = it->second.sinks;
            d.activePlayers = qint64(it->second.last.size());
            for (const auto &[account, last] : it->second.last)
                d.activeBalance += last.second;
        }
        holdings += d.playerChange;
        d.holdings = holdings;
        report.days << d;
    }

    // The system accounts, by name, with a point for each day in the range that has entries on them.
    QSqlQuery q(raw.db());
    if (!q.exec(QStringLiteral("SELECT id, name FROM accounts WHERE kind = 'system' AND currency = '%1'")
                    .arg(currency)))
        qFatal("%s", qPrintable(q.lastError().text()));
    while (q.next())
        report.systemAccounts << SystemAccountSeries{q.value(0).toLongLong(), q.value(1).toString(), {}};
    std::sort(report.systemAccounts.begin(), report.systemAccounts.end(),
              [](const SystemAccountSeries &a, const SystemAccountSeries &b) { return a.name < b.name; });
    for (SystemAccountSeries &s : report.systemAccounts) {
        qint64 balance = 0;
        for (const Row &r : rows) {
            if (r.accountId != s.accountId)
                continue;
            const qint64 day = r.createdAt / MsPerDay;
            if (day >= fromDay && day < toDay) {
                if (s.days.isEmpty() || s.days.last().dayStartMs != day * MsPerDay) {
                    BalancePoint p;
                    p.dayStartMs = day * MsPerDay;
                    p.opening = p.closing = p.low = p.high = balance;
                    s.days << p;
                }
                BalancePoint &p = s.days.last();
                p.closing = balance + r.amount;
                p.low = std::min(p.low, p.closing);
                p.high = std::max(p.high, p.closing);
                (r.amount > 0 ? p.inflow : p.outflow) += r.amount > 0 ? r.amount : -r.amount;
                ++p.entryCount;
            }
            balance += r.amount;
        }
    }
    return report;
}

/// The 1-2-5 bin edges: 1, 2, 5, 10, 20, 50, ... up to 5 * 10^18; the last bin ends at the int64 maximum.
std::vector<qint64> binEdges() {
    std::vector<qint64> edges;
    for (qint64 decade = 1;; decade *= 10) {
        for (qint64 lead : {1, 2, 5})
            edges.push_back(lead * decade);
        if (decade == 1000000000000000000LL)
            break;
    }
    edges.push_back(Max);
    return edges;
}

/// Who holds `currency` now, from the sums of the entries of every player account.
BalanceDistribution bruteDistribution(const std::vector<Row> &rows, RawDb &raw, const QString &currency) {
    std::map<qint64, qint64> balance;
    for (const Row &r : rows)
        if (r.player && r.currency == currency)
            balance[r.accountId] += r.amount;
    BalanceDistribution d;
    d.currency = currency;
    d.exponent = exponentOf(raw, currency);
    QList<TopHolder> holders;
    QSqlQuery q(raw.db());
    if (!q.exec(
            QStringLiteral("SELECT id, player_ref, name FROM accounts WHERE kind = 'player' AND currency = "
                           "'%1'")
                .arg(currency)))
        qFatal("%s", qPrintable(q.lastError().text()));
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        holders << TopHolder{id, q.value(1).toString(), q.value(2).toString(), balance[id]};
    }
    std::vector<qint64> x;
    for (const TopHolder &h : holders)
        x.push_back(h.balance);
    std::sort(x.begin(), x.end());
    const qint64 n = qint64(x.size());
    d.players = n;
    Int128 sum = 0, weighted = 0;
    for (qint64 i = 0; i < n; ++i) {
        sum += x[size_t(i)];
        weighted += Int128(i + 1) * x[size_t(i)];
        if (x[size_t(i)] == 0)
            ++d.zeroCount;
        if (x[size_t(i)] < 0) {
            ++d.negativeCount;
            d.negativeTotal += x[size_t(i)];
        }
    }
    d.total = qint64(sum);
    if (n > 0 && sum > 0)
        d.giniMillionths = qint64((2 * weighted - Int128(n + 1) * sum) * 1000000 / (Int128(n) * sum));
    for (qint64 i = 0; i < (n + 99) / 100; ++i)
        d.top1Total += x[size_t(n - 1 - i)];
    for (qint64 i = 0; i < (n + 9) / 10; ++i)
        d.top10Total += x[size_t(n - 1 - i)];

    const std::vector<qint64> edges = binEdges();
    std::vector<BalanceBin> bins;
    for (size_t k = 0; k + 1 < edges.size(); ++k)
        bins.push_back(BalanceBin{edges[k], edges[k + 1], 0, 0});
    for (qint64 v : x) {
        if (v <= 0)
            continue;
        size_t k = 0;
        while (k + 1 < bins.size() && v >= bins[k].upper)
            ++k; // the last bin also holds the maximum itself
        ++bins[k].count;
        bins[k].total += v;
    }
    const auto used = [](const BalanceBin &b) { return b.count > 0; };
    const auto first = std::find_if(bins.cbegin(), bins.cend(), used);
    if (first != bins.cend()) {
        const auto last = std::find_if(bins.crbegin(), bins.crend(), used).base();
        for (auto it = first; it != last; ++it)
            d.bins << *it;
    }

    std::sort(holders.begin(), holders.end(), [](const TopHolder &a, const TopHolder &b) {
        return a.balance != b.balance ? a.balance > b.balance : a.accountId > b.accountId;
    });
    d.topHolders = holders.mid(0, EconomyReader::TopHolderCount);
    return d;
}

// --- comparing, line by line, so that a failure names the first field that differs

QString byKind(const QMap<TransactionKind, qint64> &m) {
    QStringList parts;
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(kindName(it.key())).arg(it.value());
    return parts.join(u' ');
}

QString day(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().toString(Qt::ISODate);
}

/// Every field of the report, one line per day and per system account point. `lowHigh` false leaves out the
/// system accounts' intraday low and high, which on PostgreSQL's sharded system accounts are bounds.
QStringList dump(const EconomyReport &r, bool lowHigh = true) {
    QStringList out;
    out << QStringLiteral("%1 exponent %2 from %3 to %4 opening %5, %6 days, %7 system accounts")
               .arg(r.currency)
               .arg(r.exponent)
               .arg(r.fromMs)
               .arg(r.toMs)
               .arg(r.openingHoldings)
               .arg(r.days.size())
               .arg(r.systemAccounts.size());
    for (const EconomyDay &d : r.days)
        out << QStringLiteral("%1 %2: holdings %3 change %4 active %5 balance %6 sources [%7] sinks [%8]")
                   .arg(r.currency, day(d.dayStartMs))
                   .arg(d.holdings)
                   .arg(d.playerChange)
                   .arg(d.activePlayers)
                   .arg(d.activeBalance)
                   .arg(byKind(d.sources), byKind(d.sinks));
    for (const SystemAccountSeries &s : r.systemAccounts) {
        out << QStringLiteral("system account %1 %2: %3 points")
                   .arg(s.accountId)
                   .arg(s.name)
                   .arg(s.days.size());
        for (const BalancePoint &p : s.days)
            out << QStringLiteral("  %1 %2: opening %3 closing %4 in %5 out %6 entries %7 low %8 high %9")
                       .arg(s.name, day(p.dayStartMs))
                       .arg(p.opening)
                       .arg(p.closing)
                       .arg(p.inflow)
                       .arg(p.outflow)
                       .arg(p.entryCount)
                       .arg(lowHigh ? QString::number(p.low) : QStringLiteral("-"),
                            lowHigh ? QString::number(p.high) : QStringLiteral("-"));
    }
    return out;
}

QStringList dump(const BalanceDistribution &d) {
    QStringList out;
    out << QStringLiteral(
               "%1 exponent %2: %3 players hold %4; %5 at zero, %6 below (%7); top 1% %8, top 10% %9")
               .arg(d.currency)
               .arg(d.exponent)
               .arg(d.players)
               .arg(d.total)
               .arg(d.zeroCount)
               .arg(d.negativeCount)
               .arg(d.negativeTotal)
               .arg(d.top1Total)
               .arg(d.top10Total);
    out << QStringLiteral("gini %1 millionths, %2 bins, %3 top holders")
               .arg(d.giniMillionths)
               .arg(d.bins.size())
               .arg(d.topHolders.size());
    for (const BalanceBin &b : d.bins)
        out << QStringLiteral("bin [%1, %2): %3 accounts, %4")
                   .arg(b.lower)
                   .arg(b.upper)
                   .arg(b.count)
                   .arg(b.total);
    for (const TopHolder &h : d.topHolders)
        out << QStringLiteral("holder %1 %2 \"%3\" %4")
                   .arg(h.accountId)
                   .arg(h.playerRef, h.name)
                   .arg(h.balance);
    return out;
}

/// Empty when equal; otherwise the first line that differs, both ways.
QString firstDifference(const QStringList &actual, const QStringList &expected) {
    for (qsizetype i = 0; i < std::max(actual.size(), expected.size()); ++i)
        if (actual.value(i) != expected.value(i))
            return QStringLiteral("line %1 differs\n  actual:   %2\n  expected: %3")
                .arg(i)
                .arg(actual.value(i, QStringLiteral("(none)")), expected.value(i, QStringLiteral("(none)")));
    return {};
}

/// A player of the random ledgers: an account in USD and GOLD, some with TREASURE_BOX items.
struct Player {
    QString ref;
    qint64 usd = 0, gold = 0, box = 0;
};

} // namespace

class TestEconomy : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_backend;
    QString m_url;
    std::unique_ptr<LedgerStore> m_store;

    bool pg() const { return m_backend == u"postgres"; }

    /// A fresh, empty ledger (m_url, m_store) with root (admin), sue (supervisor), sam (support, limited)
    /// and vera (viewer), and the currency USD (2). `gold` also adds GOLD, TREASURE_BOX and GEMS (no
    /// players).
    void freshLedger(bool gold) {
        m_store.reset();
        QString error;
        m_url = WalletDeskTest::databaseUrl(m_backend, m_dir, &error);
        if (m_url.isEmpty())
            qFatal("%s", qPrintable(error));
        reopen();
        need(m_store->bootstrapAdmin(Root.operatorName), "bootstrapAdmin");
        need(m_store->addCurrency(Root, Currency{QStringLiteral("USD"), 2, {}}), "addCurrency USD");
        if (gold)
            for (const char *code : {"GOLD", "TREASURE_BOX", "GEMS"})
                need(m_store->addCurrency(Root, Currency{QString::fromLatin1(code), 0, {}}), "addCurrency");
        QMap<QString, qint64> samLimits{{QStringLiteral("USD"), 10000}};
        if (gold)
            samLimits.insert(QStringLiteral("GOLD"), 2000);
        const QList<OperatorInfo> ops{{0, Sue.operatorName, Role::Supervisor, false, {}, 0},
                                      {0, Sam.operatorName, Role::Support, false, samLimits, 0},
                                      {0, QStringLiteral("vera"), Role::Viewer, false, {}, 0}};
        for (const OperatorInfo &o : ops)
            need(m_store->addOperator(Root, o), "addOperator");
    }

    void reopen() {
        m_store.reset();
        QString error;
        const auto url = DatabaseUrl::parse(m_url, &error);
        if (!url)
            qFatal("%s", qPrintable(error));
        m_store = need(LedgerStore::open(*url), "LedgerStore::open");
    }

    /// The demo's bulk history (players signing up over `days` days, up to yesterday) and its desk work
    /// today.
    void demo(qint64 players, int days, quint64 seed) {
        DemoOptions o;
        o.players = players;
        o.days = days;
        o.seed = seed;
        need(DemoGenerator(*m_store, o, Root.operatorName).run(), "DemoGenerator::run");
    }

    QList<Player> addPlayers(QRandomGenerator &rng, int count, const QString &prefix) {
        QList<Player> players;
        for (int i = 0; i < count; ++i) {
            Player p;
            p.ref = prefix + QString::number(i);
            const QString name = QStringLiteral("Player %1").arg(p.ref);
            if (rng.bounded(10) < 9) // some players only play for GOLD
                p.usd = need(m_store->createAccount(
                                 Sue, NewAccount{QStringLiteral("USD"), p.ref, name, rng.bounded(8) == 0}),
                             "createAccount USD")
                            .id;
            p.gold = need(m_store->createAccount(Sue, NewAccount{QStringLiteral("GOLD"), p.ref, name, false}),
                          "createAccount GOLD")
                         .id;
            if (rng.bounded(2) == 0)
                p.box = need(m_store->createAccount(
                                 Sue, NewAccount{QStringLiteral("TREASURE_BOX"), p.ref, name, false}),
                             "createAccount TREASURE_BOX")
                            .id;
            players << p;
        }
        return players;
    }

    /// `operations` random postings through the posting API: every kind, by sue and by sam (whose large ones
    /// wait for approval and are approved or rejected later), reversals (forced when they would overdraw),
    /// batches, replays, and one account frozen half-way, which then refuses sam's postings. Refusals are
    /// part of it; anything but a ledger rule's refusal fails the test.
    void randomPostings(QRandomGenerator &rng, const QList<Player> &players, int operations,
                        const QString &prefix, bool freezeOne) {
        QList<qint64> posted, approvals;
        QList<PostingRequest> replayable;
        QMap<ErrorCode, int> refusals;
        auto pick = [&rng](qsizetype n) { return qsizetype(rng.bounded(int(n))); };
        auto accountOf = [&](const Player &p, bool usd) { return usd && p.usd ? p.usd : p.gold; };
        auto randomRequest = [&](int i, int what) {
            const Player &p = players.at(pick(players.size()));
            const bool usd = rng.bounded(2) == 0 && p.usd;
            PostingRequest r =
                request(TransactionKind::Deposit, accountOf(p, usd),
                        usd ? 1 + rng.bounded(30000) : 1 + rng.bounded(4000), prefix + QString::number(i));
            if (what < 18) {
                r.kind = TransactionKind::Deposit;
            } else if (what < 28) {
                r.kind = TransactionKind::Withdrawal;
            } else if (what < 36) {
                r.kind = TransactionKind::Adjustment;
                r.reasonCode = QStringLiteral("CORRECTION");
                if (rng.bounded(2) == 0)
                    r.amount = -r.amount;
            } else if (what < 50) {
                r.kind = TransactionKind::Transfer;
                const Player &q = players.at(pick(players.size()));
                r.counterAccountId = accountOf(q, usd && q.usd && p.usd);
                r.accountId = accountOf(p, usd && q.usd && p.usd);
                if (r.counterAccountId == r.accountId)
                    r.kind = TransactionKind::Bonus;
            } else if (what < 60 && p.box) {
                r.kind = TransactionKind::Purchase;
                r.accountId = p.gold;
                r.counterAccountId = p.box;
                r.amount = 1 + rng.bounded(1500);
                r.itemQuantity = 1 + rng.bounded(3);
            } else if (what < 72) {
                r.kind = TransactionKind::Win;
            } else if (what < 86) {
                r.kind = TransactionKind::Charge;
            } else {
                r.kind = TransactionKind::Bonus;
                r.amount = 1 + r.amount / 10;
            }
            return r;
        };
        auto note = [&](const Result<PostingResult> &r, const PostingRequest *req) {
            if (!r) {
                const ErrorCode c = r.error().code;
                if (c != ErrorCode::InsufficientFunds && c != ErrorCode::AccountFrozen &&
                    c != ErrorCode::AlreadyReversed && c != ErrorCode::StateConflict)
                    qFatal("unexpected refusal: %s", qPrintable(r.error().message));
                ++refusals[c];
                return;
            }
            if (r->status == PostingResult::Status::Pending)
                approvals << r->approvalId;
            else if (!r->replayed)
                posted << r->transactionId;
            if (req && replayable.size() < 50)
                replayable << *req;
        };

        const int freezeAt = operations / 2;
        for (int i = 0; i < operations; ++i) {
            if (freezeOne && i == freezeAt) {
                frozenAccountRefusesAndNothingChanges(players, prefix);
                if (QTest::currentTestFailed())
                    return;
            }
            if (i == operations * 3 / 4) {
                // Money spent, then the deposit it came from reversed: only by force, into the negative.
                const Player &p = players.at(pick(players.size()));
                const PostingResult d = need(m_store->post(Sue, request(TransactionKind::Deposit, p.gold, 500,
                                                                        prefix + QStringLiteral("spent"))),
                                             "deposit");
                need(m_store->post(Sue, request(TransactionKind::Charge, p.gold, d.balanceAfter(p.gold),
                                                prefix + QStringLiteral("spend"))),
                     "charge");
                ReversalRequest rev{d.transactionId, prefix + QStringLiteral("chargeback"),
                                    QStringLiteral("test"), false};
                QCOMPARE(m_store->reverse(Sue, rev).error().code, ErrorCode::InsufficientFunds);
                rev.force = true;
                QCOMPARE(need(m_store->reverse(Sue, rev), "forced reversal").balanceAfter(p.gold), -500);
            }
            const int what = int(rng.bounded(100));
            if (what < 80) {
                const PostingRequest r = randomRequest(i, int(rng.bounded(100)));
                note(m_store->post(rng.bounded(4) == 0 ? Sam : Sue, r), &r);
            } else if (what < 88 && !posted.isEmpty()) {
                const qint64 txn = posted.at(pick(posted.size()));
                ReversalRequest rev{txn, prefix + QStringLiteral("rev-%1").arg(i), QStringLiteral("test"),
                                    false};
                Result<PostingResult> r = m_store->reverse(Sue, rev);
                if (!r && r.error().code == ErrorCode::InsufficientFunds && rng.bounded(2) == 0) {
                    rev.force = true; // the money was spent: the player goes below zero
                    r = m_store->reverse(Sue, rev);
                }
                note(r, nullptr);
            } else if (what < 93) {
                QList<PostingRequest> batch;
                for (int k = 0, n = 2 + int(rng.bounded(6)); k < n; ++k)
                    batch << randomRequest(i * 100 + k + operations, int(rng.bounded(100)));
                for (const Result<PostingResult> &r : m_store->postBatch(Sue, batch))
                    note(r, nullptr);
            } else if (what < 97 && !approvals.isEmpty()) {
                const qint64 id = approvals.takeAt(pick(approvals.size()));
                if (rng.bounded(3) == 0)
                    need(m_store->reject(Sue, id, QStringLiteral("no")), "reject");
                else
                    note(m_store->approve(Sue, id, QStringLiteral("yes")), nullptr);
            } else if (!replayable.isEmpty()) {
                const PostingRequest &again = replayable.at(pick(replayable.size()));
                const Result<PostingResult> r = m_store->post(Sue, again);
                // The same key and request: the first answer, nothing posted twice.
                QVERIFY2(!r || r->replayed || r->status == PostingResult::Status::Pending,
                         qPrintable(again.idempotencyKey));
            }
        }
        QVERIFY2(posted.size() > operations / 3, qPrintable(QString::number(posted.size())));
        QVERIFY(refusals.value(ErrorCode::InsufficientFunds) > 0);
    }

    /// Freezes a player's USD account, then sam's deposit to it and transfer into it are refused and change
    /// neither the economy nor the distribution.
    void frozenAccountRefusesAndNothingChanges(const QList<Player> &players, const QString &prefix) {
        const auto withUsd =
            std::find_if(players.cbegin(), players.cend(), [](const Player &p) { return p.usd; });
        const auto other = std::find_if(withUsd + 1, players.cend(), [](const Player &p) { return p.usd; });
        QVERIFY(withUsd != players.cend() && other != players.cend());
        const QStringList economyBefore =
            dump(need(EconomyReader(*m_store).economy(QStringLiteral("USD"), 0, 0), "economy"));
        const QStringList distributionBefore =
            dump(need(EconomyReader(*m_store).distribution(QStringLiteral("USD")), "distribution"));
        need(m_store->setAccountState(Sue, withUsd->usd, AccountState::Frozen, QStringLiteral("fraud check")),
             "freeze");
        const auto deposit = m_store->post(
            Sam, request(TransactionKind::Deposit, withUsd->usd, 100, prefix + QStringLiteral("frozen-1")));
        QVERIFY(!deposit);
        QCOMPARE(deposit.error().code, ErrorCode::AccountFrozen);
        PostingRequest into =
            request(TransactionKind::Transfer, other->usd, 1, prefix + QStringLiteral("frozen-2"));
        into.counterAccountId = withUsd->usd;
        const auto transfer = m_store->post(Sam, into);
        QVERIFY(!transfer);
        QCOMPARE(transfer.error().code, ErrorCode::AccountFrozen);
        const QString economy = firstDifference(
            dump(need(EconomyReader(*m_store).economy(QStringLiteral("USD"), 0, 0), "economy")),
            economyBefore);
        QVERIFY2(economy.isEmpty(), qPrintable(economy));
        const QString distribution = firstDifference(
            dump(need(EconomyReader(*m_store).distribution(QStringLiteral("USD")), "distribution")),
            distributionBefore);
        QVERIFY2(distribution.isEmpty(), qPrintable(distribution));
    }

    /// Compares economy(currency, 0, 0) and distribution(currency) with the brute force, field by field, and
    /// checks the identity on every day and the last day's holdings against the accounts table; and that the
    /// ledger verifies (which checks the economy rows against the journal too).
    void matchesTheJournal(const QStringList &currencies) {
        RawDb raw(m_url);
        const std::vector<Row> rows = readJournal(raw);
        for (const QString &currency : currencies) {
            const qint64 before = today();
            const EconomyReport report = need(EconomyReader(*m_store).economy(currency, 0, 0), "economy");
            const qint64 after = today();
            // Open ended: up to today (the day the reader saw, should the test run across midnight).
            const qint64 toDay = report.toMs / MsPerDay;
            QVERIFY2(toDay == before + 1 || toDay == after + 1, qPrintable(QString::number(report.toMs)));
            const qint64 first = firstPlayerDay(rows, currency);
            const EconomyReport expected =
                bruteEconomy(rows, raw, currency, first >= 0 ? first : toDay - 1, toDay);
            const QString diff = firstDifference(dump(report, !pg()), dump(expected, !pg()));
            QVERIFY2(diff.isEmpty(), qPrintable(currency + QStringLiteral(" economy: ") + diff));

            QVERIFY2(report.unbalancedDays().isEmpty(), qPrintable(currency));
            qint64 holdings = report.openingHoldings;
            for (const EconomyDay &d : report.days) {
                holdings += d.sourcesTotal() - d.sinksTotal();
                QVERIFY2(d.holdings == holdings, qPrintable(currency + u' ' + day(d.dayStartMs)));
            }
            const qint64 balances =
                raw.scalar(QStringLiteral("SELECT CAST(COALESCE(SUM(balance), 0) AS BIGINT) FROM accounts "
                                          "WHERE kind = 'player' AND currency = '%1'")
                               .arg(currency));
            QVERIFY(!report.days.isEmpty());
            QCOMPARE(report.days.last().holdings, balances);

            const BalanceDistribution d =
                need(EconomyReader(*m_store).distribution(currency), "distribution");
            const BalanceDistribution brute = bruteDistribution(rows, raw, currency);
            const QString ddiff = firstDifference(dump(d), dump(brute));
            QVERIFY2(ddiff.isEmpty(), qPrintable(currency + QStringLiteral(" distribution: ") + ddiff));
            QCOMPARE(d.total, balances);
            const auto share = [&brute](qint64 part) {
                return brute.total > 0 ? qint64(Int128(part) * 1000000 / brute.total) : 0;
            };
            QCOMPARE(d.shareMillionths(d.top1Total), share(brute.top1Total));
            QCOMPARE(d.shareMillionths(d.top10Total), share(brute.top10Total));
        }
        const VerifyReport verified = need(m_store->verify(), "verify");
        QVERIFY2(verified.ok, qPrintable(verified.firstProblem));
    }

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void postingsFileTheirNetPlayerChange();
    void randomLedgersMatchTheJournal_data();
    void randomLedgersMatchTheJournal();
    void demoLedgerMatchesTheJournal();
    void rangesCarryTheHoldings();
    void migrationRecomputesTheSameFigures();
    void figuresAtTheEdges();
    void badArgumentsAreRefused();
};

void TestEconomy::initTestCase() {
    const QStringList backends = WalletDeskTest::availableBackends();
    QVERIFY2(backends.size() == 1, "set WALLETDESK_TEST_BACKENDS to exactly one of sqlite, postgres");
    m_backend = backends.constFirst();
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
}

void TestEconomy::cleanup() {
    m_store.reset();
}

void TestEconomy::postingsFileTheirNetPlayerChange() {
    // Every kind once, by hand, with the figures the definitions give.
    freshLedger(true);
    auto account = [this](const QString &currency, const QString &ref, bool negative = false) {
        return need(m_store->createAccount(Sue, NewAccount{currency, ref, ref, negative}), "createAccount")
            .id;
    };
    const qint64 ann = account(QStringLiteral("USD"), QStringLiteral("ann"));
    const qint64 ben = account(QStringLiteral("USD"), QStringLiteral("ben"));
    const qint64 cat = account(QStringLiteral("USD"), QStringLiteral("cat"), true);
    const qint64 annGold = account(QStringLiteral("GOLD"), QStringLiteral("ann"));
    const qint64 annBox = account(QStringLiteral("TREASURE_BOX"), QStringLiteral("ann"));
    const qint64 dan = account(QStringLiteral("USD"), QStringLiteral("dan")); // never active
    auto post = [this](const Actor &who, const PostingRequest &r) { return m_store->post(who, r); };
    auto usd = [this] {
        return need(EconomyReader(*m_store).economy(QStringLiteral("USD"), 0, 0), "economy");
    };
    using K = TransactionKind;

    const qint64 deposit =
        need(post(Sue, request(K::Deposit, ann, 10000, QStringLiteral("d"))), "d").transactionId;
    PostingRequest transfer = request(K::Transfer, ann, 2500, QStringLiteral("t"));
    transfer.counterAccountId = ben;
    need(post(Sue, transfer), "transfer");
    need(post(Sue, request(K::Win, annGold, 900, QStringLiteral("win"))), "win");
    PostingRequest purchase = request(K::Purchase, annGold, 750, QStringLiteral("buy"));
    purchase.counterAccountId = annBox;
    purchase.itemQuantity = 3;
    need(post(Sue, purchase), "purchase");
    const qint64 charge =
        need(post(Sue, request(K::Charge, ben, 500, QStringLiteral("c"))), "charge").transactionId;
    need(post(Sue, request(K::Bonus, ann, 100, QStringLiteral("b"))), "bonus");
    need(post(Sue, request(K::Adjustment, ann, 300, QStringLiteral("a+"))), "adjustment +");
    need(post(Sue, request(K::Adjustment, ben, -200, QStringLiteral("a-"))), "adjustment -");
    need(post(Sue, request(K::Withdrawal, ann, 1000, QStringLiteral("w"))), "withdrawal");
    need(post(Sue, request(K::Withdrawal, cat, 400, QStringLiteral("w-neg"))), "withdrawal below zero");
    // ann 6900, ben 1800, cat -400

    // Waiting for approval, refused, replayed, frozen: nothing of it is a flow.
    QStringList quiet = dump(usd());
    const PostingResult pending =
        need(post(Sam, request(K::Deposit, ben, 20000, QStringLiteral("big"))), "big");
    QCOMPARE(pending.status, PostingResult::Status::Pending);
    QCOMPARE(post(Sue, request(K::Withdrawal, ann, 6901, QStringLiteral("over"))).error().code,
             ErrorCode::InsufficientFunds);
    QVERIFY(need(post(Sue, request(K::Bonus, ann, 100, QStringLiteral("b"))), "replay").replayed);
    need(m_store->setAccountState(Sue, ben, AccountState::Frozen, QStringLiteral("check")), "freeze");
    QCOMPARE(post(Sam, request(K::Deposit, ben, 1, QStringLiteral("f1"))).error().code,
             ErrorCode::AccountFrozen);
    QCOMPARE(m_store->reverse(Sue, ReversalRequest{deposit, QStringLiteral("r"), QStringLiteral("x"), false})
                 .error()
                 .code,
             ErrorCode::InsufficientFunds);
    QCOMPARE(firstDifference(dump(usd()), quiet), QString());
    need(m_store->setAccountState(Sue, ben, AccountState::Active, QStringLiteral("ok")), "unfreeze");

    need(m_store->approve(Sue, pending.approvalId, QStringLiteral("ok")), "approve"); // a deposit: ben 21800
    quiet = dump(usd());
    const PostingResult held =
        need(post(Sam, request(K::Withdrawal, ben, 15000, QStringLiteral("held"))), "held");
    QCOMPARE(held.status, PostingResult::Status::Pending);
    need(m_store->reject(Sue, held.approvalId, QStringLiteral("no")), "reject");
    QCOMPARE(firstDifference(dump(usd()), quiet), QString());

    need(m_store->reverse(Sue, ReversalRequest{charge, QStringLiteral("rc"), QStringLiteral("x"), false}),
         "reverse the charge"); // ben 22300
    need(m_store->reverse(Sue, ReversalRequest{deposit, QStringLiteral("rd"), QStringLiteral("x"), true}),
         "forced reversal"); // ann 6900 - 10000
    const QList<Result<PostingResult>> batch =
        m_store->postBatch(Sue, {request(K::Deposit, cat, 50, QStringLiteral("b1")),
                                 request(K::Charge, dan, 1, QStringLiteral("b2")),
                                 request(K::Win, ben, 7, QStringLiteral("b3"))});
    QCOMPARE(batch.size(), 3);
    QVERIFY(batch.at(0) && !batch.at(1) && batch.at(2));
    // ann -3100, ben 22307, cat -350, dan 0

    const EconomyReport r = usd();
    QCOMPARE(r.days.size(), 1);
    const EconomyDay &d = r.days.first();
    const QMap<TransactionKind, qint64> sources{{K::Deposit, 10000 + 20000 + 50},
                                                {K::Adjustment, 300},
                                                {K::Win, 7},
                                                {K::Bonus, 100},
                                                {K::Reversal, 500}};
    const QMap<TransactionKind, qint64> sinks{
        {K::Withdrawal, 1400}, {K::Adjustment, 200}, {K::Charge, 500}, {K::Reversal, 10000}};
    QCOMPARE(byKind(d.sources), byKind(sources));
    QCOMPARE(byKind(d.sinks), byKind(sinks));
    QCOMPARE(d.holdings, -3100 + 22307 - 350);
    QCOMPARE(d.playerChange, d.holdings);
    QCOMPARE(d.activePlayers, 3); // dan's charge was refused
    QCOMPARE(d.activeBalance, -3100 + 22307 - 350);
    QCOMPARE(r.openingHoldings, 0);
    QVERIFY(r.unbalancedDays().isEmpty());
    QCOMPARE(r.systemAccounts.size(), 4);
    QCOMPARE(r.systemAccounts.at(0).name, QStringLiteral("adjustments"));
    QCOMPARE(r.systemAccounts.at(0).days.size(), 1);
    QCOMPARE(r.systemAccounts.at(0).days.first().closing, -100);

    // A purchase is a sink of GOLD and a source of items, each under "purchase".
    const EconomyReport gold = need(EconomyReader(*m_store).economy(QStringLiteral("GOLD"), 0, 0), "economy");
    QCOMPARE(byKind(gold.days.last().sources), byKind({{K::Win, 900}}));
    QCOMPARE(byKind(gold.days.last().sinks), byKind({{K::Purchase, 750}}));
    QCOMPARE(gold.days.last().holdings, 150);
    const EconomyReport box =
        need(EconomyReader(*m_store).economy(QStringLiteral("TREASURE_BOX"), 0, 0), "economy");
    QCOMPARE(byKind(box.days.last().sources), byKind({{K::Purchase, 3}}));
    QVERIFY(box.days.last().sinks.isEmpty());
    QCOMPARE(box.days.last().activePlayers, 1);

    const BalanceDistribution dist =
        need(EconomyReader(*m_store).distribution(QStringLiteral("USD")), "distribution");
    QCOMPARE(dist.players, 4);
    QCOMPARE(dist.total, 18857);
    QCOMPARE(dist.zeroCount, 1);
    QCOMPARE(dist.negativeCount, 2);
    QCOMPARE(dist.negativeTotal, -3450);
    QCOMPARE(dist.top1Total, 22307);  // ceil(4 / 100) = 1 account
    QCOMPARE(dist.top10Total, 22307); // ceil(4 / 10) = 1
    // Sorted -3100, -350, 0, 22307: (2 * (1*-3100 + 2*-350 + 4*22307) - 5 * 18857) / (4 * 18857)
    QCOMPARE(dist.giniMillionths,
             qint64((2 * (-3100 - 700 + 4 * 22307) - 5 * 18857) * Int128(1000000) / (Int128(4) * 18857)));
    QCOMPARE(dist.bins.size(), 1);
    QCOMPARE(dist.bins.first().lower, 20000);
    QCOMPARE(dist.bins.first().upper, 50000);
    QCOMPARE(dist.topHolders.size(), 4);
    QCOMPARE(dist.topHolders.first().accountId, ben);
    QCOMPARE(dist.topHolders.last().accountId, ann);

    matchesTheJournal({QStringLiteral("USD"), QStringLiteral("GOLD"), QStringLiteral("TREASURE_BOX"),
                       QStringLiteral("GEMS")});
}

void TestEconomy::randomLedgersMatchTheJournal_data() {
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("players");
    QTest::addColumn<int>("operations");
    QTest::newRow("seed 1, 30 players") << 1u << 30 << 300;
    QTest::newRow("seed 2, 150 players") << 2u << 150 << 450;
    QTest::newRow("seed 3, 101 players") << 3u << 101 << 350;
}

void TestEconomy::randomLedgersMatchTheJournal() {
    QFETCH(quint32, seed);
    QFETCH(int, players);
    QFETCH(int, operations);
    freshLedger(true);
    QRandomGenerator rng(seed);
    const QList<Player> list = addPlayers(rng, players, QStringLiteral("p"));
    randomPostings(rng, list, operations, QStringLiteral("k"), true);
    if (QTest::currentTestFailed())
        return;
    {
        // The ledger has what the figures must cope with: every kind, a forced reversal, players below zero.
        RawDb raw(m_url);
        QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT kind) FROM transactions")), 9);
        QVERIFY(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE forced <> 0")) > 0);
        QVERIFY(raw.scalar(QStringLiteral(
                    "SELECT COUNT(*) FROM accounts WHERE kind = 'player' AND balance < 0")) > 0);
        QVERIFY(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE state = 'frozen'")) > 0);
    }
    matchesTheJournal({QStringLiteral("USD"), QStringLiteral("GOLD"), QStringLiteral("TREASURE_BOX"),
                       QStringLiteral("GEMS")});
}

void TestEconomy::demoLedgerMatchesTheJournal() {
    // Fifteen days of bulk-loaded history, the demo's desk work today, and then more postings today.
    freshLedger(false);
    demo(500, 15, 7);
    const QStringList currencies{QStringLiteral("GOLD"), QStringLiteral("GEMS"), QStringLiteral("CREDITS"),
                                 QStringLiteral("TREASURE_BOX"), QStringLiteral("USD")};
    matchesTheJournal(currencies);
    if (QTest::currentTestFailed())
        return;
    for (const QString &currency : currencies.mid(0, 2)) { // CREDITS and items are rarer
        const EconomyReport r = need(EconomyReader(*m_store).economy(currency, 0, 0), "economy");
        QVERIFY2(r.days.size() >= 15, qPrintable(currency));
        qint64 busy = 0;
        for (const EconomyDay &d : r.days)
            busy += d.activePlayers > 0 ? 1 : 0;
        QVERIFY2(busy >= 10, qPrintable(currency)); // a living economy, not one day
    }
    QRandomGenerator rng(11);
    const QList<Player> players = addPlayers(rng, 20, QStringLiteral("x"));
    randomPostings(rng, players, 150, QStringLiteral("k"), true);
    if (QTest::currentTestFailed())
        return;
    matchesTheJournal(currencies);
}

void TestEconomy::rangesCarryTheHoldings() {
    freshLedger(false);
    demo(200, 12, 3);
    RawDb raw(m_url);
    const std::vector<Row> rows = readJournal(raw);
    const QString gold = QStringLiteral("GOLD");
    const qint64 first = firstPlayerDay(rows, gold);
    QVERIFY(first > 0);
    const qint64 t = today();
    struct Case {
        const char *name;
        qint64 fromMs, toMs, fromDay, toDay;
    };
    const QList<Case> cases{
        {"the middle", (first + 3) * MsPerDay, (first + 8) * MsPerDay, first + 3, first + 8},
        {"not at midnight", (first + 3) * MsPerDay + qint64(5) * 3600000, (first + 7) * MsPerDay + 1,
         first + 3, first + 8},
        {"before the first activity", (first - 4) * MsPerDay, (first + 2) * MsPerDay, first - 4, first + 2},
        {"open end", (first + 5) * MsPerDay, 0, first + 5, t + 1},
        {"open start", 0, (first + 4) * MsPerDay, first, first + 4},
        {"today", t * MsPerDay, (t + 1) * MsPerDay, t, t + 1},
        {"one day long ago", 86400000, qint64(2) * 86400000, 1, 2},
    };
    const EconomyReport whole = need(EconomyReader(*m_store).economy(gold, 0, 0), "economy");
    for (const Case &c : cases) {
        const EconomyReport r = need(EconomyReader(*m_store).economy(gold, c.fromMs, c.toMs), c.name);
        const QString diff =
            firstDifference(dump(r, !pg()), dump(bruteEconomy(rows, raw, gold, c.fromDay, c.toDay), !pg()));
        QVERIFY2(diff.isEmpty(), qPrintable(QLatin1StringView(c.name) + u' ' + diff));
        // The opening is the holdings of the day before, as the whole report has them.
        const qint64 index = c.fromDay - whole.fromMs / MsPerDay - 1;
        const qint64 dayBefore = index < 0 ? 0 : whole.days.at(qMin(index, whole.days.size() - 1)).holdings;
        QVERIFY2(r.openingHoldings == dayBefore, c.name);
    }
    QCOMPARE(whole.days.first().dayStartMs, first * MsPerDay);
    QVERIFY(whole.openingHoldings == 0);
}

void TestEconomy::migrationRecomputesTheSameFigures() {
    // A ledger of schema 4 knew no economy: 005.sql computes the figures from the journal when it is opened.
    freshLedger(false);
    demo(200, 10, 5);
    QRandomGenerator rng(5);
    const QList<Player> players = addPlayers(rng, 25, QStringLiteral("m"));
    randomPostings(rng, players, 200, QStringLiteral("k"), true);
    if (QTest::currentTestFailed())
        return;
    const QStringList currencies{QStringLiteral("GOLD"), QStringLiteral("GEMS"), QStringLiteral("CREDITS"),
                                 QStringLiteral("TREASURE_BOX"), QStringLiteral("USD")};
    matchesTheJournal(currencies);
    if (QTest::currentTestFailed())
        return;
    QMap<QString, QStringList> before;
    for (const QString &c : currencies)
        before[c] = dump(need(EconomyReader(*m_store).economy(c, 0, 0), "economy")) +
                    dump(need(EconomyReader(*m_store).distribution(c), "distribution"));

    m_store.reset();
    {
        RawDb raw(m_url);
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE economy_flows")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE economy_days")));
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 5")));
        QCOMPARE(raw.scalar(QStringLiteral("SELECT MAX(version) FROM schema_migrations")), 4);
    }
    reopen();
    QCOMPARE(m_store->schemaVersion(), 5);
    {
        RawDb raw(m_url);
        QVERIFY(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM economy_flows")) > 0);
        QVERIFY(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM economy_days WHERE lane <> 0")) == 0);
    }
    for (const QString &c : currencies) {
        const QStringList after = dump(need(EconomyReader(*m_store).economy(c, 0, 0), "economy")) +
                                  dump(need(EconomyReader(*m_store).distribution(c), "distribution"));
        const QString diff = firstDifference(after, before.value(c));
        QVERIFY2(diff.isEmpty(), qPrintable(c + QStringLiteral(" after the migration: ") + diff));
    }
    // Postings go on adding to the recomputed rows.
    randomPostings(rng, players, 80, QStringLiteral("after"), false);
    if (QTest::currentTestFailed())
        return;
    matchesTheJournal(currencies);
}

void TestEconomy::figuresAtTheEdges() {
    freshLedger(true);
    for (const char *code : {"BIG", "LARGE", "EXACT"})
        need(m_store->addCurrency(Root, Currency{QString::fromLatin1(code), 0, {}}), "addCurrency");
    auto account = [this](const QString &currency, const QString &ref) {
        return need(m_store->createAccount(Sue, NewAccount{currency, ref, ref, false}), "createAccount").id;
    };
    auto post = [this](TransactionKind kind, qint64 id, qint64 amount, const QString &key) {
        need(m_store->post(Sue, request(kind, id, amount, key)), "post");
    };

    // No player account at all: nothing to divide, nothing to rank.
    const BalanceDistribution none =
        need(EconomyReader(*m_store).distribution(QStringLiteral("GEMS")), "gems");
    QCOMPARE(none.players, 0);
    QCOMPARE(none.total, 0);
    QCOMPARE(none.giniMillionths, 0);
    QVERIFY(none.bins.isEmpty());
    QVERIFY(none.topHolders.isEmpty());
    QCOMPARE(none.shareMillionths(none.top1Total), 0);
    const EconomyReport quiet = need(EconomyReader(*m_store).economy(QStringLiteral("GEMS"), 0, 0), "gems");
    QCOMPARE(quiet.days.size(), 1); // today, with nothing in it
    QCOMPARE(quiet.days.first().holdings, 0);
    QCOMPARE(quiet.days.first().activePlayers, 0);

    // Everyone at zero: no Gini (the total is not positive), ties ranked by id, newest first.
    QList<qint64> zeros;
    for (int i = 0; i < 3; ++i)
        zeros << account(QStringLiteral("TREASURE_BOX"), QStringLiteral("z%1").arg(i));
    const BalanceDistribution flat =
        need(EconomyReader(*m_store).distribution(QStringLiteral("TREASURE_BOX")), "box");
    QCOMPARE(flat.zeroCount, 3);
    QCOMPARE(flat.giniMillionths, 0);
    QVERIFY(flat.bins.isEmpty());
    QCOMPARE(flat.topHolders.size(), 3);
    QCOMPARE(flat.topHolders.first().accountId, zeros.last());

    // The 1-2-5 bins, their edges exactly, and ties.
    const QList<qint64> balances{1, 2, 4, 5, 9, 10, 19, 20, 99, 100, 1000, 1000};
    QList<qint64> ids;
    for (qsizetype i = 0; i < balances.size(); ++i) {
        ids << account(QStringLiteral("GOLD"), QStringLiteral("g%1").arg(i));
        post(TransactionKind::Deposit, ids.last(), balances.at(i), QStringLiteral("g%1").arg(i));
    }
    const BalanceDistribution gold =
        need(EconomyReader(*m_store).distribution(QStringLiteral("GOLD")), "gold");
    QStringList bins;
    for (const BalanceBin &b : gold.bins)
        bins << QStringLiteral("[%1,%2):%3/%4").arg(b.lower).arg(b.upper).arg(b.count).arg(b.total);
    QCOMPARE(bins.join(u' '),
             QStringLiteral("[1,2):1/1 [2,5):2/6 [5,10):2/14 [10,20):2/29 [20,50):1/20 [50,100):1/99 "
                            "[100,200):1/100 [200,500):0/0 [500,1000):0/0 [1000,2000):2/2000"));
    QCOMPARE(gold.top1Total, 1000);                        // ceil(12 / 100) = 1
    QCOMPARE(gold.top10Total, 2000);                       // ceil(12 / 10) = 2
    QCOMPARE(gold.topHolders.at(0).accountId, ids.last()); // of two at 1000, the newer first
    QCOMPARE(gold.topHolders.at(1).accountId, ids.at(ids.size() - 2));

    // Up at the top of the int64 range: 2.5 and 6 * 10^18 are in bins of their own (1-2-5 goes on to 5 *
    // 10^18), and a balance at the int64 maximum itself is counted in the last bin.
    post(TransactionKind::Deposit, account(QStringLiteral("LARGE"), QStringLiteral("l1")),
         2500000000000000000LL, QStringLiteral("l1"));
    post(TransactionKind::Deposit, account(QStringLiteral("LARGE"), QStringLiteral("l2")),
         6000000000000000000LL, QStringLiteral("l2"));
    const BalanceDistribution large =
        need(EconomyReader(*m_store).distribution(QStringLiteral("LARGE")), "large");
    QCOMPARE(large.bins.size(), 2);
    QCOMPARE(large.bins.at(0).upper, 5000000000000000000LL);
    QCOMPARE(large.bins.at(1).lower, 5000000000000000000LL);
    QCOMPARE(large.bins.at(1).upper, Max);
    const qint64 big = account(QStringLiteral("BIG"), QStringLiteral("b1"));
    account(QStringLiteral("BIG"), QStringLiteral("b2"));
    post(TransactionKind::Deposit, big, Max, QStringLiteral("b1"));
    const BalanceDistribution top = need(EconomyReader(*m_store).distribution(QStringLiteral("BIG")), "big");
    QCOMPARE(top.total, Max);
    QCOMPARE(top.bins.size(), 1);
    QCOMPARE(top.bins.first().lower, 5000000000000000000LL);
    QCOMPARE(top.bins.first().count, 1);
    QCOMPARE(top.bins.first().total, Max);
    QCOMPARE(top.top1Total, Max);
    QCOMPARE(top.giniMillionths, 500000); // one of two holds everything: (2 * 2 - 3) / 2
    QCOMPARE(top.shareMillionths(top.top1Total), 1000000);

    // Sums are exact integers, also beyond a double's 53 bits.
    const qint64 odd = (qint64(1) << 53) + 1;
    post(TransactionKind::Win, account(QStringLiteral("EXACT"), QStringLiteral("e1")), odd,
         QStringLiteral("e1"));
    const EconomyReport exact = need(EconomyReader(*m_store).economy(QStringLiteral("EXACT"), 0, 0), "exact");
    QCOMPARE(exact.days.last().holdings, odd);
    QCOMPARE(exact.days.last().activeBalance, odd);
    QCOMPARE(exact.days.last().sources.value(TransactionKind::Win), odd);
    const EconomyReport highest = need(EconomyReader(*m_store).economy(QStringLiteral("BIG"), 0, 0), "big");
    QCOMPARE(highest.days.last().holdings, Max);

    matchesTheJournal({QStringLiteral("GEMS"), QStringLiteral("TREASURE_BOX"), QStringLiteral("GOLD"),
                       QStringLiteral("LARGE"), QStringLiteral("BIG"), QStringLiteral("EXACT")});
}

void TestEconomy::badArgumentsAreRefused() {
    freshLedger(true);
    EconomyReader reader(*m_store);
    const QString usd = QStringLiteral("USD");
    QCOMPARE(reader.economy(QStringLiteral("NOPE"), 0, 0).error().code, ErrorCode::NotFound);
    QCOMPARE(reader.distribution(QStringLiteral("NOPE")).error().code, ErrorCode::NotFound);
    QCOMPARE(reader.economy(QString(), 0, 0).error().code, ErrorCode::NotFound);
    QCOMPARE(reader.economy(usd, 5 * MsPerDay, 5 * MsPerDay).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(reader.economy(usd, 6 * MsPerDay, 5 * MsPerDay).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(reader.economy(usd, -1, 0).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(reader.economy(usd, 0, -1).error().code, ErrorCode::InvalidArgument);
    // At most MaxDays days in one report; since 1970 up to today is more.
    const Result<EconomyReport> longest =
        reader.economy(usd, MsPerDay, (1 + EconomyReader::MaxDays) * MsPerDay);
    QVERIFY(longest);
    QCOMPARE(longest->days.size(), EconomyReader::MaxDays);
    const Result<EconomyReport> tooLong =
        reader.economy(usd, MsPerDay, (2 + EconomyReader::MaxDays) * MsPerDay);
    QCOMPARE(tooLong.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(tooLong.error().message.contains(QString::number(EconomyReader::MaxDays)),
             qPrintable(tooLong.error().message));
    QCOMPARE(reader.economy(usd, 1, 0).error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestEconomy)
#include "tst_economy.moc"

// RemoteLedgerClient against a live walletd (started here on loopback, port 0) over SQLite or the fixture's
// PostgreSQL, compared with LocalLedgerClient: the same scenario run through each on a fresh ledger must give
// equal transcripts (every result, every error's code and message); so must postings' outcomes and economies.

#include "demogenerator.h"
#include "economyreader.h"
#include "ledgerreader.h"
#include "ledgerservice.h"
#include "localledgerclient.h"
#include "remoteclientfixture.h"
#include "remoteledgerclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSignalSpy>
#include <QtTest>
#include <functional>

using namespace RemoteClientTest;
using namespace WalletdTest;
using WalletDeskTest::await;

namespace {

/// prepareLedger() adds two currencies with four system accounts each before any player account.
constexpr qint64 FirstPlayerAccount = 9;

template <typename T> QString outcome(const Result<T> &r, const std::function<QString(const T &)> &describe) {
    if (!r)
        return QStringLiteral("error %1: %2").arg(LedgerError::codeName(r.error().code), r.error().message);
    return describe(*r);
}

QString describeAccount(const Account &a) {
    return QStringLiteral("account %1 %2 %3 %4 %5 balance %6 held %7")
        .arg(a.id)
        .arg(a.currency, a.playerRef, a.name, accountStateName(a.state))
        .arg(a.balance)
        .arg(a.held);
}

QString describePosting(const PostingResult &p) {
    QString s = QStringLiteral("posting %1 tx %2 approval %3 replayed %4:")
                    .arg(p.status == PostingResult::Status::Posted ? u"posted" : u"pending")
                    .arg(p.transactionId)
                    .arg(p.approvalId)
                    .arg(p.replayed);
    // A system account's entry carries the balance of the shard it took; on PostgreSQL that is whichever
    // shard was free, so only player accounts' balances after are compared.
    for (const JournalEntry &e : p.entries)
        s += QStringLiteral(" [%1 %2 %3 %4]")
                 .arg(e.accountId)
                 .arg(e.currency)
                 .arg(e.amount)
                 .arg(e.accountId >= FirstPlayerAccount ? QString::number(e.balanceAfter)
                                                        : QStringLiteral("-"));
    return s;
}

/// Everything a desk does, through whichever client; returns one line per call.
QStringList scenario(LedgerClient &sam, LedgerClient &sue, LedgerClient &vera) {
    QStringList t;
    const auto acc = [&](LedgerClient &c, const Result<Account> &r) {
        Q_UNUSED(c);
        t << outcome<Account>(r, describeAccount);
        return r ? r->id : 0;
    };
    const auto post = [&](const Result<PostingResult> &r) {
        t << outcome<PostingResult>(r, describePosting);
        return r ? r->transactionId : 0;
    };
    const qint64 ann =
        acc(sam, await(sam.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("1001"),
                                                    QStringLiteral("Ann"), false})));
    const qint64 ben =
        acc(sam, await(sam.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("1002"),
                                                    QStringLiteral("Ben"), false})));
    acc(sam, await(sam.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("1001"),
                                                QStringLiteral("Ann again"), false})));
    acc(vera, await(vera.createAccount(
                  NewAccount{QStringLiteral("USD"), QStringLiteral("1003"), QString(), false})));
    acc(sam, await(sam.createAccount(
                 NewAccount{QStringLiteral("XXX"), QStringLiteral("1004"), QString(), false})));
    const qint64 dep =
        post(await(sam.post(posting(TransactionKind::Deposit, ann, 5000, QStringLiteral("d1")))));
    post(await(sam.post(posting(TransactionKind::Deposit, ann, 5000, QStringLiteral("d1")))));    // replay
    post(await(sam.post(posting(TransactionKind::Deposit, ann, 5001, QStringLiteral("d1")))));    // conflict
    post(await(sam.post(posting(TransactionKind::Withdrawal, ann, 9000, QStringLiteral("w1"))))); // overdraft
    post(await(sam.post(posting(TransactionKind::Deposit, ann, 100, QString()))));                // no key
    post(await(sam.post(posting(TransactionKind::Deposit, 999999, 100, QStringLiteral("x1"))))); // no account
    post(await(sam.post(posting(TransactionKind::Deposit, ann, 0, QStringLiteral("z1")))));      // zero
    post(await(vera.post(posting(TransactionKind::Deposit, ann, 100, QStringLiteral("v1")))));   // viewer
    PostingRequest transfer = posting(TransactionKind::Transfer, ann, 1500, QStringLiteral("t1"));
    transfer.counterAccountId = ben;
    transfer.memo = QStringLiteral("rent ☂");
    post(await(sam.post(transfer)));
    const auto pending =
        await(sam.post(posting(TransactionKind::Deposit, ben, 20000, QStringLiteral("big"))));
    post(pending);
    const qint64 approvalId = pending ? pending->approvalId : 0;
    t << outcome<PostingResult>(await(sam.approve(approvalId, QStringLiteral("mine"), WriteMode::Commit)),
                                describePosting);
    t << outcome<PostingResult>(await(sue.approve(approvalId, QStringLiteral("ok"), WriteMode::Commit)),
                                describePosting);
    t << outcome<PostingResult>(await(sue.approve(approvalId, QStringLiteral("again"), WriteMode::Commit)),
                                describePosting);
    t << outcome<PostingResult>(await(sue.approve(424242, QString(), WriteMode::Commit)), describePosting);
    const auto reject = await(sue.reject(424242, QStringLiteral("no"), WriteMode::Commit));
    t << outcome<Approval>(reject, [](const Approval &a) { return QStringLiteral("approval %1").arg(a.id); });
    t << outcome<PostingResult>(
        await(sue.reverse(ReversalRequest{dep, QStringLiteral("r1"), QStringLiteral("typo"), false})),
        describePosting);
    t << outcome<PostingResult>(
        await(sue.reverse(ReversalRequest{dep, QStringLiteral("r2"), QStringLiteral("typo"), false})),
        describePosting);
    t << outcome<PostingResult>(
        await(sam.reverse(ReversalRequest{dep, QStringLiteral("r3"), QStringLiteral("typo"), false})),
        describePosting);
    t << outcome<PostingResult>(
        await(sue.reverse(ReversalRequest{dep, QStringLiteral("r4"), QString(), false})), describePosting);
    acc(sam, await(sam.setAccountState(ben, AccountState::Frozen, QStringLiteral("fraud"))));
    acc(sue, await(sue.setAccountState(ben, AccountState::Frozen, QStringLiteral("fraud"))));
    post(await(sam.post(posting(TransactionKind::Deposit, ben, 1, QStringLiteral("frozen")))));
    acc(sue, await(sue.setAccountState(ben, AccountState::Closed, QStringLiteral("bye"))));
    acc(sue, await(sue.setAccountState(ben, AccountState::Active, QStringLiteral("back"))));
    acc(vera, await(vera.account(ann)));
    acc(vera, await(vera.account(999999)));

    // Reads.
    const auto history = await(vera.history(ann, 0, 10));
    t << outcome<QList<HistoryEntry>>(history, [](const QList<HistoryEntry> &h) {
        QString s = QStringLiteral("history");
        for (const HistoryEntry &e : h)
            s += QStringLiteral(" [%1 %2 %3 %4 %5 %6 %7]")
                     .arg(e.transactionId)
                     .arg(kindName(e.kind))
                     .arg(e.amount)
                     .arg(e.balanceAfter)
                     .arg(e.operatorName, e.idempotencyKey, e.memo);
        return s;
    });
    // A player's accounts (the exact reference, not its longer namesakes) and balances at a moment.
    for (const QString &player : {QStringLiteral("1001"), QStringLiteral("100"), QStringLiteral("nobody")})
        t << outcome<QList<Account>>(await(vera.accountsOfPlayer(player)), [](const QList<Account> &list) {
            QString s = QStringLiteral("player's accounts:");
            for (const Account &a : list)
                s += u' ' + describeAccount(a);
            return s;
        });
    for (const auto &[account, at] : {std::pair<qint64, qint64>{ann, 0},
                                      std::pair<qint64, qint64>{ann, std::numeric_limits<qint64>::max()},
                                      std::pair<qint64, qint64>{ben, std::numeric_limits<qint64>::max()},
                                      std::pair<qint64, qint64>{999999, 0}})
        t << outcome<qint64>(await(vera.balanceAt(account, at)),
                             [](const qint64 &b) { return QStringLiteral("balance at %1").arg(b); });
    AccountQuery q;
    q.currency = QStringLiteral("USD");
    q.sort = AccountQuery::Sort::Balance;
    q.descending = true;
    t << outcome<qint64>(await(vera.countAccounts(q)),
                         [](const qint64 &n) { return QStringLiteral("count %1").arg(n); });
    const auto page = await(vera.accounts(q, 0, 1, std::nullopt, -1));
    t << outcome<AccountPage>(page, [](const AccountPage &p) {
        QString s = QStringLiteral("page at %1:").arg(p.offset);
        for (const Account &a : p.accounts)
            s += u' ' + describeAccount(a);
        return s;
    });
    if (page && !page->accounts.isEmpty()) {
        const auto next = await(vera.accounts(q, 1, 5, AccountKey::of(q, page->accounts.first()), -1));
        t << outcome<AccountPage>(next, [](const AccountPage &p) {
            QString s = QStringLiteral("next page at %1:").arg(p.offset);
            for (const Account &a : p.accounts)
                s += u' ' + describeAccount(a);
            return s;
        });
    }
    JournalQuery jq;
    jq.includeSystem = true;
    t << outcome<QList<JournalLine>>(await(vera.journal(jq, 0, 50)), [](const QList<JournalLine> &lines) {
        QString s = QStringLiteral("journal");
        for (const JournalLine &l : lines)
            s += QStringLiteral(" [%1 %2 %3 %4 %5]")
                     .arg(l.transactionId)
                     .arg(l.accountLabel)
                     .arg(l.amount)
                     .arg(l.accountId >= FirstPlayerAccount ? QString::number(l.balanceAfter)
                                                            : QStringLiteral("-"),
                          l.operatorName);
        return s;
    });
    // The journal's currency filter, and the amount range that only counts with it.
    JournalQuery usd;
    usd.currency = QStringLiteral("USD");
    usd.minAmount = 1;
    t << outcome<QList<JournalLine>>(await(vera.journal(usd, 0, 50)), [](const QList<JournalLine> &lines) {
        QString s = QStringLiteral("USD journal, credits");
        for (const JournalLine &l : lines)
            s += QStringLiteral(" [%1 %2 %3 %4]")
                     .arg(l.transactionId)
                     .arg(l.accountId)
                     .arg(l.currency)
                     .arg(l.amount);
        return s;
    });
    t << outcome<JournalTransaction>(await(vera.transaction(dep)), [](const JournalTransaction &x) {
        return QStringLiteral("transaction %1 %2 %3 reversed by %4 entries %5")
            .arg(x.id)
            .arg(kindName(x.kind), x.idempotencyKey)
            .arg(x.reversedById)
            .arg(x.entries.size());
    });
    t << outcome<JournalTransaction>(await(vera.transaction(999999)),
                                     [](const JournalTransaction &x) { return QString::number(x.id); });
    t << outcome<QList<BalancePoint>>(await(vera.balanceSeries(ann, 0, 0)),
                                      [](const QList<BalancePoint> &ps) {
                                          QString s = QStringLiteral("series");
                                          for (const BalancePoint &p : ps)
                                              s += QStringLiteral(" [%1 %2 %3 %4 %5 %6]")
                                                       .arg(p.opening)
                                                       .arg(p.closing)
                                                       .arg(p.low)
                                                       .arg(p.high)
                                                       .arg(p.inflow)
                                                       .arg(p.outflow);
                                          return s;
                                      });
    t << outcome<QList<Approval>>(await(vera.approvals(false)), [](const QList<Approval> &as) {
        QString s = QStringLiteral("approvals");
        for (const Approval &a : as)
            s += QStringLiteral(" [%1 %2 %3 %4 %5 %6/%7]")
                     .arg(a.id)
                     .arg(Approval::stateName(a.state), a.maker, a.checker)
                     .arg(a.request.amount)
                     .arg(a.currency)
                     .arg(a.exponent);
        return s;
    });
    t << outcome<QList<Currency>>(await(vera.currencies()), [](const QList<Currency> &cs) {
        QString s = QStringLiteral("currencies");
        for (const Currency &c : cs)
            s += QStringLiteral(" %1/%2").arg(c.code).arg(c.exponent);
        return s;
    });
    t << outcome<QList<OperatorInfo>>(await(sue.operators()), [](const QList<OperatorInfo> &os) {
        QString s = QStringLiteral("operators");
        for (const OperatorInfo &o : os)
            s += QStringLiteral(" %1/%2/%3")
                     .arg(o.name, roleName(o.role))
                     .arg(o.limits.value(QStringLiteral("USD"), -1));
        return s;
    });
    t << outcome<VerifyReport>(await(sue.verify()), [](const VerifyReport &v) {
        return QStringLiteral("verify %1 %2 transactions %3 entries")
            .arg(v.ok)
            .arg(v.transactions)
            .arg(v.entries);
    });
    return t;
}

QString byKind(const QMap<TransactionKind, qint64> &amounts) {
    QStringList parts;
    for (auto it = amounts.cbegin(); it != amounts.cend(); ++it)
        parts << QStringLiteral("%1=%2").arg(kindName(it.key())).arg(it.value());
    return parts.join(u' ');
}

/// Every field of an economy report, a line per day and per point of a system account.
QStringList describeEconomy(const EconomyReport &r) {
    QStringList out{QStringLiteral("%1/%2 from %3 to %4 opening %5")
                        .arg(r.currency)
                        .arg(r.exponent)
                        .arg(r.fromMs)
                        .arg(r.toMs)
                        .arg(r.openingHoldings)};
    for (const EconomyDay &d : r.days)
        out << QStringLiteral("day %1: holdings %2 change %3 active %4 balance %5 sources [%6] sinks [%7]")
                   .arg(d.dayStartMs)
                   .arg(d.holdings)
                   .arg(d.playerChange)
                   .arg(d.activePlayers)
                   .arg(d.activeBalance)
                   .arg(byKind(d.sources), byKind(d.sinks));
    for (const SystemAccountSeries &s : r.systemAccounts) {
        out << QStringLiteral("system %1 %2").arg(s.accountId).arg(s.name);
        for (const BalancePoint &p : s.days)
            out << QStringLiteral("  %1: %2 %3 %4 %5 %6 %7 %8")
                       .arg(p.dayStartMs)
                       .arg(p.opening)
                       .arg(p.closing)
                       .arg(p.low)
                       .arg(p.high)
                       .arg(p.inflow)
                       .arg(p.outflow)
                       .arg(p.entryCount);
    }
    return out;
}

/// Every field of a balance distribution.
QStringList describeDistribution(const BalanceDistribution &d) {
    QStringList out{QStringLiteral("%1/%2 players %3 total %4 zero %5 negative %6 (%7) top1 %8 top10 %9")
                        .arg(d.currency)
                        .arg(d.exponent)
                        .arg(d.players)
                        .arg(d.total)
                        .arg(d.zeroCount)
                        .arg(d.negativeCount)
                        .arg(d.negativeTotal)
                        .arg(d.top1Total)
                        .arg(d.top10Total),
                    QStringLiteral("gini %1").arg(d.giniMillionths)};
    for (const BalanceBin &b : d.bins)
        out << QStringLiteral("bin [%1, %2) %3 %4").arg(b.lower).arg(b.upper).arg(b.count).arg(b.total);
    for (const TopHolder &h : d.topHolders)
        out << QStringLiteral("holder %1 %2 %3 %4").arg(h.accountId).arg(h.playerRef, h.name).arg(h.balance);
    return out;
}

} // namespace

class TestRemoteClientParity : public RemoteClientFixture {
    Q_OBJECT
private Q_SLOTS:
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void sameResultsAndErrorsAsLocal();
    void postingOutcomesAsLocal();
    void economyAsLocal();
};

void TestRemoteClientParity::sameResultsAndErrorsAsLocal() {
    QStringList local;
    {
        QString error;
        const auto url = *DatabaseUrl::parse(freshLedger(), &error);
        LocalLedgerClient sam, sue, vera;
        QVERIFY(await(sam.connectTo(url, QStringLiteral("sam"))));
        QVERIFY(await(sue.connectTo(url, QStringLiteral("sue"))));
        QVERIFY(await(vera.connectTo(url, QStringLiteral("vera"))));
        local = scenario(sam, sue, vera);
    }
    QStringList remote;
    {
        const QString url = freshLedger();
        Walletd walletd;
        QVERIFY(walletd.start(url).isEmpty());
        RemoteLedgerClient sam, sue, vera;
        const auto session = await(sam.connectTo(walletd.url(QString()), QStringLiteral("sam"), Password));
        QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
        QCOMPARE(session->role, Role::Support);
        QCOMPARE(sam.session().operatorName, QStringLiteral("sam"));
        QVERIFY(await(sue.connectTo(walletd.url(QString()), QStringLiteral("sue"), Password)));
        QVERIFY(await(vera.connectTo(walletd.url(QString()), QStringLiteral("vera"), Password)));
        QSignalSpy changed(&sam, &LedgerClient::accountsChanged);
        remote = scenario(sam, sue, vera);
        QVERIFY(changed.count() >= 3);
        QCOMPARE(walletd.stop(), 0);
    }
    QCOMPARE(remote.size(), local.size());
    for (qsizetype i = 0; i < local.size(); ++i)
        QCOMPARE(remote.at(i), local.at(i));
    QVERIFY(local.join(u'\n').contains(u"insufficient_funds"));
    QVERIFY(local.join(u'\n').contains(u"permission_denied"));
}

void TestRemoteClientParity::postingOutcomesAsLocal() {
    // What became of a posting, asked by its key: the same through walletd as on the database itself.
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    QString error;
    LocalLedgerClient local;
    QVERIFY(await(local.connectTo(*DatabaseUrl::parse(url, &error), QStringLiteral("sam"))));
    RemoteLedgerClient remote;
    QVERIFY(await(remote.connectTo(walletd.url(QString()), QStringLiteral("sam"), Password)));
    const auto account =
        await(local.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("81"), {}, false}));
    QVERIFY(account);
    const auto posted =
        await(local.post(posting(TransactionKind::Deposit, account->id, 500, QStringLiteral("o-1"))));
    QVERIFY(posted);
    // Above sam's limit of 100.00 USD: waits for approval.
    const auto pending =
        await(local.post(posting(TransactionKind::Deposit, account->id, 50000, QStringLiteral("o-2"))));
    QVERIFY(pending && pending->status == PostingResult::Status::Pending);
    for (LedgerClient *client : {static_cast<LedgerClient *>(&local), static_cast<LedgerClient *>(&remote)}) {
        const auto p = await(client->postingOutcome(QStringLiteral("o-1")));
        QVERIFY2(p, qPrintable(p ? QString() : p.error().message));
        QCOMPARE(p->status, PostingOutcome::Status::Posted);
        QCOMPARE(p->transactionId, posted->transactionId);
        const auto w = await(client->postingOutcome(QStringLiteral("o-2")));
        QVERIFY(w);
        QCOMPARE(w->status, PostingOutcome::Status::Pending);
        QCOMPARE(w->approvalId, pending->approvalId);
        const auto n = await(client->postingOutcome(QStringLiteral("never & sent?")));
        QVERIFY(n);
        QCOMPARE(n->status, PostingOutcome::Status::NotFound);
    }
    // walletd: signed in first (401 before anything else), then the key is checked.
    Http http;
    QCOMPARE(http.get(walletd.url(QStringLiteral("/admin/v1/postings?idempotency_key=o-1"))).status, 401);
    const QString token = http.login(walletd, QStringLiteral("vera")); // a viewer may ask
    QCOMPARE(http.get(walletd.url(QStringLiteral("/admin/v1/postings?idempotency_key=o-1")), token).status,
             200);
    const Reply empty = http.get(walletd.url(QStringLiteral("/admin/v1/postings")), token);
    QCOMPARE(empty.status, 400);
    QVERIFY2(empty.error().startsWith(u"idempotency_key: "), empty.body.constData());
}

void TestRemoteClientParity::economyAsLocal() {
    // Days of history (the demo) and today's postings of every kind: each currency's economy and distribution
    // through walletd, read by a viewer, equal LocalLedgerClient's on the same ledger, field by field.
    const QString url = freshLedger();
    QString error;
    const DatabaseUrl dbUrl = *DatabaseUrl::parse(url, &error);
    {
        LedgerService service;
        QVERIFY(await(service.open(dbUrl)));
        DemoOptions o;
        o.players = 150;
        o.days = 8;
        o.seed = 9;
        const auto made = await(
            service.run([o](LedgerStore &s) { return DemoGenerator(s, o, QStringLiteral("root")).run(); }));
        QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
    }
    LocalLedgerClient sue;
    QVERIFY(await(sue.connectTo(dbUrl, QStringLiteral("sue"))));
    const auto ann = await(sue.createAccount(
        NewAccount{QStringLiteral("USD"), QStringLiteral("e1"), QStringLiteral("Ann"), false}));
    const auto ben = await(sue.createAccount(
        NewAccount{QStringLiteral("USD"), QStringLiteral("e2"), QStringLiteral("Ben"), true}));
    const auto cat = await(sue.createAccount(
        NewAccount{QStringLiteral("USD"), QStringLiteral("e3"), QStringLiteral("Cat"), false}));
    QVERIFY(ann && ben && cat);
    const auto deposit =
        await(sue.post(posting(TransactionKind::Deposit, ann->id, 90000, QStringLiteral("e-d"))));
    QVERIFY(deposit);
    PostingRequest transfer = posting(TransactionKind::Transfer, ann->id, 30000, QStringLiteral("e-t"));
    transfer.counterAccountId = ben->id;
    PostingRequest adjustment = posting(TransactionKind::Adjustment, ben->id, -700, QStringLiteral("e-a"));
    adjustment.reasonCode = QStringLiteral("CORRECTION");
    for (const PostingRequest &r :
         {transfer, adjustment, posting(TransactionKind::Deposit, cat->id, 200000, QStringLiteral("e-z")),
          posting(TransactionKind::Win, ann->id, 1200, QStringLiteral("e-w")),
          posting(TransactionKind::Charge, ben->id, 400, QStringLiteral("e-c")),
          posting(TransactionKind::Bonus, ben->id, 50, QStringLiteral("e-b")),
          posting(TransactionKind::Withdrawal, ann->id, 55000, QStringLiteral("e-x")),
          posting(TransactionKind::Withdrawal, ben->id, 40000, QStringLiteral("e-y"))}) // ben goes below zero
        QVERIFY2(await(sue.post(r)), qPrintable(r.idempotencyKey));
    QVERIFY(
        await(sue.reverse(ReversalRequest{deposit->transactionId, QStringLiteral("e-r"),
                                          QStringLiteral("chargeback"), true}))); // forced: ann below zero

    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    LocalLedgerClient local;
    QVERIFY(await(local.connectTo(dbUrl, QStringLiteral("vera"))));
    RemoteLedgerClient remote;
    QVERIFY(await(remote.connectTo(walletd.url(QString()), QStringLiteral("vera"), Password))); // a viewer
    const qint64 day = 86400000;
    const qint64 today = QDateTime::currentMSecsSinceEpoch() / day;
    for (const QString &currency : {QStringLiteral("USD"), QStringLiteral("GOLD"), QStringLiteral("GEMS"),
                                    QStringLiteral("CREDITS"), QStringLiteral("TREASURE_BOX")}) {
        for (const auto &[from, to] : {std::pair<qint64, qint64>{0, 0},
                                       {(today - 6) * day, (today - 2) * day},
                                       {(today - 3) * day + 1, 0}}) {
            const auto mine = await(local.economy(currency, from, to));
            const auto theirs = await(remote.economy(currency, from, to));
            QVERIFY2(mine, qPrintable(mine ? QString() : mine.error().message));
            QVERIFY2(theirs, qPrintable(theirs ? QString() : theirs.error().message));
            const QStringList a = describeEconomy(*theirs), b = describeEconomy(*mine);
            QVERIFY2(b.size() > 2, qPrintable(b.join(u'\n')));
            for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
                QCOMPARE(a.value(i), b.value(i));
            QVERIFY(mine->unbalancedDays().isEmpty());
        }
        const auto mine = await(local.distribution(currency));
        const auto theirs = await(remote.distribution(currency));
        QVERIFY(mine && theirs);
        const QStringList a = describeDistribution(*theirs), b = describeDistribution(*mine);
        QVERIFY2(b.size() > 3, qPrintable(b.join(u'\n')));
        for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i)
            QCOMPARE(a.value(i), b.value(i));
    }
    const auto usd = await(local.distribution(QStringLiteral("USD")));
    QCOMPARE(usd->negativeCount, 2); // the figures compared are not trivial ones
    QVERIFY(usd->giniMillionths != 0);

    // Errors: the same code and message through walletd.
    for (const auto &[currency, from, to] :
         {std::tuple<QString, qint64, qint64>{QStringLiteral("NOPE"), 0, 0},
          {QStringLiteral("USD"), 5 * day, 5 * day},
          {QStringLiteral("USD"), day, (EconomyReader::MaxDays + 2) * day}}) {
        const auto mine = await(local.economy(currency, from, to));
        const auto theirs = await(remote.economy(currency, from, to));
        QVERIFY(!mine && !theirs);
        QCOMPARE(LedgerError::codeName(theirs.error().code), LedgerError::codeName(mine.error().code));
        QCOMPARE(theirs.error().message, mine.error().message);
    }
    QCOMPARE(await(remote.economy(QStringLiteral("NOPE"), 0, 0)).error().code, ErrorCode::NotFound);
    QCOMPARE(await(remote.distribution(QStringLiteral("NOPE"))).error().code, ErrorCode::NotFound);

    // The HTTP API itself: signed in first (an anonymous caller learns nothing of the query's validation).
    Http http;
    for (const char *path : {"/admin/v1/economy?currency=USD", "/admin/v1/economy?currency=USD&from=abc",
                             "/admin/v1/economy/distribution?currency=USD", "/admin/v1/economy"})
        QCOMPARE(http.get(walletd.url(QString::fromLatin1(path))).status, 401);
    const QString token = http.login(walletd, QStringLiteral("vera"));
    QVERIFY(!token.isEmpty());
    const Reply economy = http.get(walletd.url(QStringLiteral("/admin/v1/economy?currency=USD")), token);
    QCOMPARE(economy.status, 200);
    const QJsonArray days = economy.json().value(QStringLiteral("days")).toArray();
    const auto mine = await(local.economy(QStringLiteral("USD"), 0, 0));
    QCOMPARE(days.size(), mine->days.size());
    const QJsonObject last = days.last().toObject();
    QCOMPARE(
        last.value(QStringLiteral("day")).toString(),
        QDateTime::fromMSecsSinceEpoch(mine->days.last().dayStartMs, Qt::UTC).date().toString(Qt::ISODate));
    QCOMPARE(last.value(QStringLiteral("holdings")).toString(), QString::number(mine->days.last().holdings));
    QCOMPARE(last.value(QStringLiteral("sources")).toObject().value(QStringLiteral("deposit")).toString(),
             QString::number(mine->days.last().sources.value(TransactionKind::Deposit)));
    const Reply distribution =
        http.get(walletd.url(QStringLiteral("/admin/v1/economy/distribution?currency=USD")), token);
    QCOMPARE(distribution.status, 200);
    QCOMPARE(distribution.json().value(QStringLiteral("total")).toString(), QString::number(usd->total));
    const Reply unknown = http.get(walletd.url(QStringLiteral("/admin/v1/economy?currency=NOPE")), token);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.code(), QStringLiteral("not_found"));
    QCOMPARE(
        http.get(walletd.url(QStringLiteral("/admin/v1/economy/distribution?currency=NOPE")), token).status,
        404);
    for (const char *path :
         {"/admin/v1/economy", "/admin/v1/economy/distribution",
          "/admin/v1/economy?currency=", "/admin/v1/economy?currency=USD&from=abc",
          "/admin/v1/economy?currency=USD&to=1.5", "/admin/v1/economy?currency=USD&from=-1",
          "/admin/v1/economy?currency=USD&from=864000000&to=86400000"}) {
        const Reply bad = http.get(walletd.url(QString::fromLatin1(path)), token);
        QVERIFY2(bad.status == 400, qPrintable(QStringLiteral("%1: %2 %3")
                                                   .arg(QLatin1StringView(path))
                                                   .arg(bad.status)
                                                   .arg(QString::fromUtf8(bad.body))));
        QCOMPARE(bad.code(), QStringLiteral("invalid_argument"));
    }
    QCOMPARE(walletd.stop(), 0);
}

QTEST_MAIN(TestRemoteClientParity)
#include "tst_remoteclient_parity.moc"

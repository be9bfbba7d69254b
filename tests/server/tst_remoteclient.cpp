// RemoteLedgerClient against a live walletd (started here on loopback, port 0) over SQLite or the fixture's
// PostgreSQL. The behavioural check: the same scenario is run through LocalLedgerClient on a fresh ledger and
// through RemoteLedgerClient on another fresh ledger prepared the same way, and the two transcripts (every
// result and every error's code and message) must be equal. Then what only the remote client has: sign-in,
// lost connections, and a retried posting whose first answer was lost.

#include "demogenerator.h"
#include "economyreader.h"
#include "ledgerreader.h"
#include "ledgerservice.h"
#include "localledgerclient.h"
#include "moneyedit.h"
#include "postingdialog.h"
#include "remoteledgerclient.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

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

PostingRequest posting(TransactionKind kind, qint64 account, qint64 amount, const QString &key) {
    PostingRequest r;
    r.kind = kind;
    r.accountId = account;
    r.amount = amount;
    r.idempotencyKey = key;
    return r;
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
            s += QStringLiteral(" [%1 %2 %3 %4 %5]")
                     .arg(a.id)
                     .arg(Approval::stateName(a.state), a.maker, a.checker)
                     .arg(a.request.amount);
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

/// Forwards connections to walletd; the next `dropNext` answers are swallowed and the client's
/// connection cut, as if the network failed after walletd had done the work.
class LossyProxy : public QObject {
public:
    explicit LossyProxy(quint16 upstream)
        : m_upstream(upstream) {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *client = m_server.nextPendingConnection()) {
                auto *up = new QTcpSocket(client);
                up->connectToHost(QHostAddress::LocalHost, m_upstream);
                connect(client, &QTcpSocket::readyRead, up, [this, client, up] {
                    const QByteArray request = client->readAll();
                    if (m_resetRequests > 0) {
                        // The connection is reset before walletd hears of the request.
                        --m_resetRequests;
                        ++m_reset;
                        client->abort();
                        client->deleteLater();
                        return;
                    }
                    if (!m_dropAnswersTo.isEmpty() && request.startsWith(m_dropAnswersTo))
                        client->setProperty("dropAnswer", true);
                    up->write(request);
                });
                connect(up, &QTcpSocket::readyRead, client, [this, client, up] {
                    const QByteArray answer = up->readAll();
                    if (m_stallMs > 0) {
                        // A slow network: the answer arrives, late.
                        const int ms = std::exchange(m_stallMs, 0);
                        ++m_stalled;
                        QPointer<QTcpSocket> target(client);
                        QTimer::singleShot(ms, Qt::PreciseTimer, this, [target, answer] {
                            if (target)
                                target->write(answer);
                        });
                        return;
                    }
                    if (client->property("dropAnswer").toBool()) {
                        // walletd did it; the answer is lost on the way back.
                        ++m_dropped;
                        client->abort();
                        client->deleteLater();
                        return;
                    }
                    if (m_drop > 0) {
                        --m_drop;
                        ++m_dropped;
                        client->abort();
                        client->deleteLater();
                        return;
                    }
                    client->write(answer);
                });
                connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
                // walletd gone or hung up: so is the client's connection.
                connect(up, &QTcpSocket::errorOccurred, client, [client] { client->abort(); });
            }
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    int dropped() const { return m_dropped; }
    void dropNext(int answers) { m_drop = answers; }
    /// The next answer is held back `ms` milliseconds.
    void stallNext(int ms) { m_stallMs = ms; }
    int stalled() const { return m_stalled; }
    /// The next `requests` requests are cut off (connection reset) before they reach walletd.
    void resetNext(int requests) { m_resetRequests = requests; }
    /// Every answer to a request that starts with `requestLine` (e.g. "POST /admin/v1/postings") is lost.
    void dropAnswersTo(const QByteArray &requestLine) { m_dropAnswersTo = requestLine; }
    int reset() const { return m_reset; }

private:
    QTcpServer m_server;
    quint16 m_upstream;
    int m_drop = 0;
    int m_dropped = 0;
    int m_stallMs = 0;
    int m_stalled = 0;
    int m_resetRequests = 0;
    int m_reset = 0;
    QByteArray m_dropAnswersTo;
};

} // namespace

class TestRemoteClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sameResultsAndErrorsAsLocal();
    void signInRefusesWrongPasswords();
    void lostConnectionIsReportedAndRetriedPostingPostsOnce();
    void resetAndStalledConnectionsPostOnce();
    void aPostingAnswered503IsRetriedAndPostsOnce();
    void postingOutcomesAsLocal();
    void economyAsLocal();
    void aDialogWhoseAnswerWasLostAsksTheLedger();
    void anEndedSessionWaitsForSignInAndResumes();
    void verifyReportsProgressAndCancelStopsIt();

private:
    QString freshLedger();
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_backend;
};

void TestRemoteClient::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_backend = WalletDeskTest::availableBackends().value(0);
}

void TestRemoteClient::cleanup() {
    m_dir.reset();
}

QString TestRemoteClient::freshLedger() {
    QString error;
    QString url = WalletDeskTest::databaseUrl(m_backend, *m_dir, &error);
    if (url.isEmpty())
        qFatal("%s", qPrintable(error));
    const QString prepared = prepareLedger(url);
    if (!prepared.isEmpty())
        qFatal("%s", qPrintable(prepared));
    return url;
}

void TestRemoteClient::sameResultsAndErrorsAsLocal() {
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

void TestRemoteClient::signInRefusesWrongPasswords() {
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    RemoteLedgerClient client;
    const auto wrong =
        await(client.connectTo(walletd.url(QString()), QStringLiteral("sam"), QStringLiteral("nope")));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(wrong.error().message, QStringLiteral("wrong operator name or password"));
    const auto notSignedIn = await(client.currencies());
    QCOMPARE(notSignedIn.error().code, ErrorCode::PermissionDenied);
    QVERIFY(await(client.connectTo(walletd.url(QString()), QStringLiteral("sam"), Password)));
    QVERIFY(await(client.currencies()));
    QVERIFY(await(client.disconnectFromServer()));
    QCOMPARE(await(client.currencies()).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(walletd.stop(), 0);
}

void TestRemoteClient::lostConnectionIsReportedAndRetriedPostingPostsOnce() {
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    LossyProxy proxy(quint16(walletd.url(QString()).port()));
    RemoteLedgerClient client;
    client.setRetryPolicy(8, 50);
    QSignalSpy availability(&client, &LedgerClient::availabilityChanged);
    QVERIFY(await(client.connectTo(proxy.url(), QStringLiteral("root"), Password)));
    const auto account =
        await(client.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("77"), {}, false}));
    QVERIFY(account);
    QCOMPARE(availability.count(), 0);

    // walletd posts, but the next answers are lost on the way back: the client retries with the same key and
    // gets the first result; the ledger has the posting once.
    proxy.dropNext(4);
    const auto posted =
        await(client.post(posting(TransactionKind::Deposit, account->id, 1234, QStringLiteral("once"))));
    QVERIFY2(posted, qPrintable(posted ? QString() : posted.error().message));
    QCOMPARE(proxy.dropped(), 4);
    QCOMPARE(posted->replayed, true);
    QCOMPARE(posted->balanceAfter(account->id), 1234);
    QCOMPARE(availability.count(), 2); // down, then up again
    QCOMPARE(availability.at(0).at(0).toBool(), false);
    QVERIFY(availability.at(0).at(1).toString().contains(u"cannot be reached"));
    QCOMPARE(availability.at(1).at(0).toBool(), true);
    RawDb raw(url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key = 'once'")),
             qint64(1));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {account->id}),
             qint64(1234));

    // walletd gone: a read fails with a Database error naming the server, and availability drops again.
    QCOMPARE(walletd.stop(), 0);
    client.setRetryPolicy(0, 10);
    const auto down = await(client.account(account->id));
    QVERIFY(!down);
    QCOMPARE(down.error().code, ErrorCode::Database);
    QVERIFY2(down.error().message.contains(u"cannot be reached"), qPrintable(down.error().message));
    QCOMPARE(availability.count(), 3);
    QCOMPARE(availability.last().at(0).toBool(), false);
}

void TestRemoteClient::resetAndStalledConnectionsPostOnce() {
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    LossyProxy proxy(quint16(walletd.url(QString()).port()));
    RemoteLedgerClient client;
    client.setRetryPolicy(8, 50);
    QVERIFY(await(client.connectTo(proxy.url(), QStringLiteral("root"), Password)));
    const auto account =
        await(client.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("78"), {}, false}));
    QVERIFY(account);

    // Reset before walletd hears of it: the posting is sent again with its key and posted once, not replayed.
    proxy.resetNext(2);
    const auto afterReset =
        await(client.post(posting(TransactionKind::Deposit, account->id, 500, QStringLiteral("reset-1"))));
    QVERIFY2(afterReset, qPrintable(afterReset ? QString() : afterReset.error().message));
    QCOMPARE(proxy.reset(), 2);
    QCOMPARE(afterReset->replayed, false);
    QCOMPARE(afterReset->balanceAfter(account->id), 500);

    // A 10-second stall of the answer: the client waits for it (no retry posts a second time) and shows the
    // real result.
    proxy.stallNext(10000);
    QElapsedTimer timer;
    timer.start();
    const auto afterStall =
        await(client.post(posting(TransactionKind::Deposit, account->id, 250, QStringLiteral("stall-1"))));
    QVERIFY2(afterStall, qPrintable(afterStall ? QString() : afterStall.error().message));
    QCOMPARE(proxy.stalled(), 1);
    QVERIFY2(timer.elapsed() >= 10000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(afterStall->balanceAfter(account->id), 750);

    RawDb raw(url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key IN "
                                       "('reset-1', 'stall-1')")),
             qint64(2));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {account->id}),
             qint64(750));
    // With retries spent, a change cut off on the way is shown as failed (walletd cannot be reached), and it
    // did not happen: the app never shows as done what was not.
    // (Qt's HTTP stack itself sends a request again on a fresh connection, twice, when a connection closes
    // before any answer; so the proxy resets more than that.)
    client.setRetryPolicy(0, 10);
    proxy.resetNext(5);
    const auto freeze = await(client.setAccountState(account->id, AccountState::Frozen, QStringLiteral("r")));
    QVERIFY(!freeze);
    QCOMPARE(freeze.error().code, ErrorCode::Database);
    QVERIFY2(freeze.error().message.contains(u"cannot be reached"), qPrintable(freeze.error().message));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE id = ? AND state = 'active'"),
                        {account->id}),
             qint64(1));
}

void TestRemoteClient::aPostingAnswered503IsRetriedAndPostsOnce() {
    // walletd with a 1 s deadline, and another session holding the write lock (SQLite) or every account row
    // (PostgreSQL) for 2.5 s: the posting is answered 503 (Retry-After: 1) while it waits, the client sends
    // it again with its key, and it is posted once.
    const QString url = freshLedger();
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("walletd.ini"));
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write("[walletd]\ngame_currency = USD\ngame_operator = game\nrequest_deadline_s = 1\n");
    }
    Walletd walletd;
    QVERIFY(walletd.start(url, {QStringLiteral("--config"), config}).isEmpty());
    RemoteLedgerClient client;
    client.setRetryPolicy(6, 50);
    QVERIFY(await(client.connectTo(walletd.url(QString()), QStringLiteral("root"), Password)));
    const auto account =
        await(client.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("79"), {}, false}));
    QVERIFY(account);
    WalletDeskTest::RawDb blocker(url);
    if (blocker.pg()) {
        QVERIFY(blocker.exec(QStringLiteral("BEGIN")));
        QVERIFY(blocker.exec(QStringLiteral("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE")));
    } else {
        QVERIFY(blocker.exec(QStringLiteral("BEGIN IMMEDIATE")));
    }
    QTimer::singleShot(2500, this, [&blocker] { blocker.exec(QStringLiteral("ROLLBACK")); });
    const auto posted =
        await(client.post(posting(TransactionKind::Deposit, account->id, 900, QStringLiteral("busy-1"))));
    QVERIFY2(posted, qPrintable(posted ? QString() : posted.error().message));
    QCOMPARE(posted->balanceAfter(account->id), 900);
    QTRY_VERIFY(walletd.log().contains(u"POST /admin/v1/postings 503"));
    RawDb raw(url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key = 'busy-1'")),
             qint64(1));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {account->id}),
             qint64(900));
}

void TestRemoteClient::postingOutcomesAsLocal() {
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

void TestRemoteClient::economyAsLocal() {
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

void TestRemoteClient::aDialogWhoseAnswerWasLostAsksTheLedger() {
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    LossyProxy proxy(quint16(walletd.url(QString()).port()));
    RemoteLedgerClient client;
    client.setRetryPolicy(0, 10); // no retries of its own: the dialog must find out by itself
    QVERIFY(await(client.connectTo(proxy.url(), QStringLiteral("root"), Password)));
    const auto created =
        await(client.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("82"), {}, false}));
    QVERIFY(created);
    const auto enterAndPost = [](PostingDialog &dialog, const QString &amount) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTRY_VERIFY(!dialog.isLoading());
        QTest::keyClicks(dialog.findChild<MoneyEdit *>(QStringLiteral("amountEdit")), amount);
        auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("okButton"));
        QTRY_VERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.isLoading(), 30000);
    };

    // walletd posts it, and every answer to the posting is lost on the way back: the dialog asks the ledger
    // by the key and says the posting was made, instead of guessing.
    proxy.dropAnswersTo("POST /admin/v1/postings");
    {
        PostingDialog dialog(&client, *created);
        enterAndPost(dialog, QStringLiteral("12.34"));
        QVERIFY2(dialog.resultText().startsWith(
                     u"The answer was lost on the way, but the ledger has the posting: transaction "),
                 qPrintable(dialog.resultText() + dialog.errorText()));
        QVERIFY(dialog.isDone());
    }
    QVERIFY(proxy.dropped() >= 1);
    RawDb raw(url);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions t JOIN entries e ON e.transaction_id = "
                                  "t.id WHERE e.account_id = ?"),
                   {created->id}),
        qint64(1));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {created->id}),
             qint64(1234));

    // walletd gone: neither the posting nor the question gets through, and the dialog says that it cannot
    // know.
    QCOMPARE(walletd.stop(), 0);
    {
        PostingDialog dialog(&client, *created);
        enterAndPost(dialog, QStringLiteral("1"));
        QVERIFY(!dialog.isDone());
        QVERIFY2(dialog.errorText().contains(u"Whether it was posted is not known yet"),
                 qPrintable(dialog.errorText().replace(u'\n', u'|')));
    }
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {created->id}),
             qint64(1234));
}

void TestRemoteClient::anEndedSessionWaitsForSignInAndResumes() {
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    RemoteLedgerClient client;
    QSignalSpy signIn(&client, &LedgerClient::signInRequired);
    QVERIFY(await(client.connectTo(walletd.url(QString()), QStringLiteral("root"), Password)));
    const auto account =
        await(client.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("88"), {}, false}));
    QVERIFY(account);
    RawDb raw(url);
    const auto endSession = [&raw] {
        return raw.exec(QStringLiteral("UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60000"));
    };

    // 31 idle minutes: walletd ends the session. A read and a posting made now wait; the client asks once.
    QVERIFY(endSession());
    auto read = client.account(account->id);
    auto posted = client.post(posting(TransactionKind::Deposit, account->id, 500, QStringLiteral("waited")));
    QTRY_COMPARE(signIn.count(), 1);
    QCOMPARE(signIn.at(0).at(0).toString(),
             QStringLiteral("not signed in, or the session has expired; sign in again"));
    QTest::qWait(200);
    QVERIFY(!read.isFinished());
    QVERIFY(!posted.isFinished());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key = 'waited'")),
             qint64(0));

    // A wrong password: refused, and the requests go on waiting.
    const auto wrong = await(client.resumeSession(QStringLiteral("not it")));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::PermissionDenied);
    QTest::qWait(100);
    QVERIFY(!read.isFinished());
    // The right one: both complete as if nothing had happened, and the posting is in the ledger once.
    const auto resumed = await(client.resumeSession(Password));
    QVERIFY2(resumed, qPrintable(resumed ? QString() : resumed.error().message));
    QCOMPARE(resumed->operatorName, QStringLiteral("root"));
    const auto readResult = await(read);
    QVERIFY(readResult);
    const auto postedResult = await(posted);
    QVERIFY2(postedResult, qPrintable(postedResult ? QString() : postedResult.error().message));
    QCOMPARE(postedResult->balanceAfter(account->id), 500);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key = 'waited'")),
             qint64(1));
    QCOMPARE(signIn.count(), 1);

    // Ended again, and given up: what waited fails with the reason, and later requests fail at once.
    QVERIFY(endSession());
    auto abandoned = client.currencies();
    QTRY_COMPARE(signIn.count(), 2);
    client.abandonSession();
    const auto failed = await(abandoned);
    QVERIFY(!failed);
    QCOMPARE(failed.error().code, ErrorCode::PermissionDenied);
    QCOMPARE(await(client.currencies()).error().code, ErrorCode::PermissionDenied);
    QCOMPARE(signIn.count(), 2);
    QCOMPARE(walletd.stop(), 0);
}

void TestRemoteClient::verifyReportsProgressAndCancelStopsIt() {
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    RemoteLedgerClient client;
    QVERIFY(await(client.connectTo(walletd.url(QString()), QStringLiteral("root"), Password)));
    const auto account =
        await(client.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("99"), {}, false}));
    QVERIFY(account);
    for (int i = 0; i < 3; ++i)
        QVERIFY(await(client.post(
            posting(TransactionKind::Deposit, account->id, 100 + i, QStringLiteral("progress-%1").arg(i)))));
    RawDb raw(url);
    const qint64 entries = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM entries"));

    // walletd verifies in the background; the client follows and reports progress over all entries, as the
    // local client does, and ends with the report.
    QFutureWatcher<Result<VerifyReport>> watcher;
    QSignalSpy range(&watcher, &QFutureWatcherBase::progressRangeChanged);
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(client.verify());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
    const Result<VerifyReport> report = watcher.result();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY(report->ok);
    QCOMPARE(report->entries, entries);
    QVERIFY(range.count() >= 1);
    QCOMPARE(qint64(watcher.progressMaximum()), entries);
    QCOMPARE(qint64(watcher.progressValue()), entries);

    // Canceled before walletd has even answered: the future ends without a result, and the client tells
    // walletd to stop (its audit log has the cancel).
    QFuture<Result<VerifyReport>> canceled = client.verify();
    canceled.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(canceled.isFinished(), 10000);
    QCOMPARE(canceled.resultCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE operator = "
                                  "'root' AND action = 'verify' AND detail = 'canceled'")),
        qint64(1), 5000);
    QCOMPARE(walletd.stop(), 0);
}

QTEST_MAIN(TestRemoteClient)
#include "tst_remoteclient.moc"

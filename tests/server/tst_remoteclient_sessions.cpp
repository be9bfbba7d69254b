// RemoteLedgerClient's sessions with a live walletd (SQLite or the fixture's PostgreSQL): sign-in refuses
// wrong passwords, and requests made after the session ended wait for a new sign-in, then resume or fail.

#include "remoteclientfixture.h"
#include "remoteledgerclient.h"

#include <QSignalSpy>
#include <QtTest>

using namespace RemoteClientTest;
using namespace WalletdTest;
using WalletDeskTest::await;

class TestRemoteClientSessions : public RemoteClientFixture {
    Q_OBJECT
private Q_SLOTS:
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void signInRefusesWrongPasswords();
    void anEndedSessionWaitsForSignInAndResumes();
};

void TestRemoteClientSessions::signInRefusesWrongPasswords() {
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

void TestRemoteClientSessions::anEndedSessionWaitsForSignInAndResumes() {
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

QTEST_MAIN(TestRemoteClientSessions)
#include "tst_remoteclient_sessions.moc"

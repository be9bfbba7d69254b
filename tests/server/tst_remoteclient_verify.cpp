// RemoteLedgerClient's verify() against a live walletd (SQLite or the fixture's PostgreSQL): progress over
// all entries as the local client reports it, and a cancel that stops walletd's verification.

#include "remoteclientfixture.h"
#include "remoteledgerclient.h"

#include <QFutureWatcher>
#include <QSignalSpy>
#include <QtTest>

using namespace RemoteClientTest;
using namespace WalletdTest;
using WalletDeskTest::await;

class TestRemoteClientVerify : public RemoteClientFixture {
    Q_OBJECT
private Q_SLOTS:
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void verifyReportsProgressAndCancelStopsIt();
};

void TestRemoteClientVerify::verifyReportsProgressAndCancelStopsIt() {
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

QTEST_MAIN(TestRemoteClientVerify)
#include "tst_remoteclient_verify.moc"

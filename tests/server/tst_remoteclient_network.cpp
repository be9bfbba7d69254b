// RemoteLedgerClient through a lossy TCP proxy in front of a live walletd (SQLite or the fixture's
// PostgreSQL): lost, reset and stalled connections, 503 answers, and a dialog whose answer was lost; a
// posting posts once.

#include "lossyproxy.h"
#include "moneyedit.h"
#include "postingdialog.h"
#include "remoteclientfixture.h"
#include "remoteledgerclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace RemoteClientTest;
using namespace WalletdTest;
using WalletDeskTest::await;

class TestRemoteClientNetwork : public RemoteClientFixture {
    Q_OBJECT
private Q_SLOTS:
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void lostConnectionIsReportedAndRetriedPostingPostsOnce();
    void resetAndStalledConnectionsPostOnce();
    void walletdKilledDuringAStalledAnswerPostsOnce();
    void aPostingAnswered503IsRetriedAndPostsOnce();
    void aDialogWhoseAnswerWasLostAsksTheLedger();
};

void TestRemoteClientNetwork::lostConnectionIsReportedAndRetriedPostingPostsOnce() {
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

void TestRemoteClientNetwork::resetAndStalledConnectionsPostOnce() {
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

void TestRemoteClientNetwork::aPostingAnswered503IsRetriedAndPostsOnce() {
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

void TestRemoteClientNetwork::aDialogWhoseAnswerWasLostAsksTheLedger() {
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

void TestRemoteClientNetwork::walletdKilledDuringAStalledAnswerPostsOnce() {
    // The network stalls with walletd's answer to a posting on the way; walletd is killed (SIGKILL) meanwhile
    // and started again on its port, as systemd would. The client's connection is reset with no answer; it
    // sends the posting again with the same key and the new walletd answers it as the original: posted once.
    const QString url = freshLedger();
    auto walletd = std::make_unique<Walletd>();
    QVERIFY(walletd->start(url).isEmpty());
    const auto port = quint16(walletd->url(QString()).port());
    LossyProxy proxy(port);
    RemoteLedgerClient client;
    QVERIFY(await(client.connectTo(proxy.url(), QStringLiteral("root"), Password)));
    const auto account =
        await(client.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("79"), {}, false}));
    QVERIFY(account);

    proxy.stallAnswerTo("POST /admin/v1/postings", 10000);
    QFuture<Result<PostingResult>> pending =
        client.post(posting(TransactionKind::Deposit, account->id, 4321, QStringLiteral("stalled-kill")));
    RawDb raw(url);
    const auto posted = [&raw] {
        return raw.scalar(
            QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key = 'stalled-kill'"));
    };
    QTRY_COMPARE_WITH_TIMEOUT(posted(), qint64(1), 5000); // walletd did it; its answer is held on the way
    QCOMPARE(proxy.stalled(), 1);
    QVERIFY(!pending.isFinished());
    walletd->process().kill();
    QVERIFY(walletd->process().waitForFinished(10000));
    walletd = std::make_unique<Walletd>();
    const QString restarted =
        walletd->start(url, {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));

    QTRY_VERIFY_WITH_TIMEOUT(pending.isFinished(), 15000);
    const Result<PostingResult> r = pending.result();
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QCOMPARE(r->replayed, true); // the new walletd's answer to the same key
    QCOMPARE(r->balanceAfter(account->id), 4321);
    QCOMPARE(posted(), qint64(1));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {account->id}),
             qint64(4321));
}

QTEST_MAIN(TestRemoteClientNetwork)
#include "tst_remoteclient_network.moc"

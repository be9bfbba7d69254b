// The desktop app over a lossy network to a live walletd (SQLite or the fixture's PostgreSQL): the reversal
// and approval dialogs whose answer was lost ask the ledger what happened, and the main window's status bar
// says when walletd's answer is slow.

#include "appearance.h"
#include "approvaldecisiondialog.h"
#include "lossyproxy.h"
#include "mainwindow.h"
#include "remoteclientfixture.h"
#include "remoteledgerclient.h"
#include "reversedialog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace RemoteClientTest;
using namespace WalletdTest;
using WalletDeskTest::await;

namespace {

/// Clicks OK (after the dialog has loaded and accepts the input) and waits for the request to settle.
void send(LedgerDialog &dialog) {
    auto *ok = dialog.findChild<QPushButton *>(QStringLiteral("okButton"));
    QTRY_VERIFY(!dialog.isLoading() && ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy() && !dialog.isLoading(), 30000);
}

/// With WALLETDESK_SCREENSHOT_DIR set, saves what `widget` shows there as NAME.png, for people to look at.
void shoot(QWidget &widget, const QString &name) {
    const QString dir = qEnvironmentVariable("WALLETDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(100); // a dialog grows to its content a turn or two of the event loop after it changes
    QVERIFY(widget.grab().save(QDir(dir).filePath(name + QStringLiteral(".png"))));
}

QString shown(const LedgerDialog &dialog) {
    QString text = dialog.resultText() + u'|' + dialog.errorText();
    return text.replace(u'\n', u'|');
}

} // namespace

class TestRemoteClientDialogs : public RemoteClientFixture {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { Appearance::applyColorScheme(); } // WALLETDESK_COLOR_SCHEME=dark for screenshots
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void aReversalWhoseAnswerWasLostAsksTheLedger();
    void aDecisionWhoseAnswerWasLostAsksTheLedger();
    void theStatusBarSaysWalletdIsSlow();
};

void TestRemoteClientDialogs::aReversalWhoseAnswerWasLostAsksTheLedger() {
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    LossyProxy proxy(quint16(walletd.url(QString()).port()));
    RemoteLedgerClient client;
    client.setRetryPolicy(0, 10); // no retries of its own: the dialog must find out by itself
    QVERIFY(await(client.connectTo(proxy.url(), QStringLiteral("sue"), Password)));
    const auto account =
        await(client.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("91"), {}, false}));
    QVERIFY(account);
    const auto first =
        await(client.post(posting(TransactionKind::Deposit, account->id, 1234, QStringLiteral("d-1"))));
    const auto second =
        await(client.post(posting(TransactionKind::Deposit, account->id, 500, QStringLiteral("d-2"))));
    QVERIFY(first && second);
    RawDb raw(url);
    const auto reversalsOf = [&raw](qint64 id) {
        return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE reverses_id = ?"), {id});
    };

    // walletd reverses it, and every answer to the reversal is lost on the way back: the dialog asks the
    // ledger by its key and says the reversal was done, as success does.
    proxy.dropAnswersTo("POST /admin/v1/transactions/");
    {
        ReverseDialog dialog(&client, first->transactionId);
        QSignalSpy reversed(&dialog, &ReverseDialog::reversed);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("reasonEdit")), u"duplicate"_s);
        send(dialog);
        QVERIFY2(dialog.resultText().startsWith(
                     u"The answer was lost on the way, but the ledger has the reversal: transaction "),
                 qPrintable(shown(dialog)));
        shoot(dialog, QStringLiteral("reverse-lost-answer"));
        QVERIFY(dialog.isDone());
        QCOMPARE(reversed.size(), 1);
        const auto result = reversed.at(0).at(0).value<PostingResult>();
        QCOMPARE(result.status, PostingResult::Status::Posted);
        QCOMPARE(result.transactionId,
                 raw.scalar(QStringLiteral("SELECT id FROM transactions WHERE reverses_id = ?"),
                            {first->transactionId}));
        QVERIFY(dialog.resultText().contains(u"transaction %1 undoes"_s.arg(result.transactionId)));
    }
    QVERIFY(proxy.dropped() >= 1);
    QCOMPARE(reversalsOf(first->transactionId), qint64(1));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {account->id}),
             qint64(500));
    proxy.dropAnswersTo({});

    // walletd gone: neither the reversal nor the question gets through, and the dialog says that it cannot
    // know. Once walletd is back, OK reverses it, once.
    ReverseDialog dialog(&client, second->transactionId);
    QSignalSpy reversed(&dialog, &ReverseDialog::reversed);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY(!dialog.isLoading());
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("reasonEdit")), u"wrong player"_s);
    QCOMPARE(walletd.stop(), 0);
    send(dialog);
    QVERIFY(!dialog.isDone());
    QVERIFY2(dialog.errorText().contains(u"is not known yet"), qPrintable(shown(dialog)));
    QCOMPARE(reversed.size(), 0);
    QCOMPARE(reversalsOf(second->transactionId), qint64(0));

    Walletd again; // a new process on the same ledger: the session is the ledger's, so it still holds
    QVERIFY(again.start(url).isEmpty());
    proxy.setUpstream(quint16(again.url(QString()).port()));
    send(dialog);
    QVERIFY2(dialog.resultText().startsWith(u"Reversed: transaction "), qPrintable(shown(dialog)));
    QCOMPARE(reversed.size(), 1);
    QCOMPARE(reversalsOf(second->transactionId), qint64(1));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {account->id}),
             qint64(0));
}

void TestRemoteClientDialogs::aDecisionWhoseAnswerWasLostAsksTheLedger() {
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    // sam (limit 100.00 USD) asks, straight to walletd; sue decides through the proxy.
    RemoteLedgerClient maker;
    QVERIFY(await(maker.connectTo(QUrl(walletd.base()), QStringLiteral("sam"), Password)));
    LossyProxy proxy(quint16(walletd.url(QString()).port()));
    RemoteLedgerClient checker;
    checker.setRetryPolicy(0, 10);
    QVERIFY(await(checker.connectTo(proxy.url(), QStringLiteral("sue"), Password)));
    const auto account =
        await(maker.createAccount(NewAccount{QStringLiteral("USD"), QStringLiteral("92"), {}, false}));
    QVERIFY(account);
    const auto toApprove =
        await(maker.post(posting(TransactionKind::Deposit, account->id, 20000, QStringLiteral("a-1"))));
    const auto toReject =
        await(maker.post(posting(TransactionKind::Deposit, account->id, 30000, QStringLiteral("a-2"))));
    QVERIFY(toApprove && toReject);
    QCOMPARE(toApprove->status, PostingResult::Status::Pending);
    const auto pending = await(checker.approvals(true));
    QVERIFY(pending);
    QCOMPARE(pending->size(), 2);
    const Approval first = pending->at(0).id == toApprove->approvalId ? pending->at(0) : pending->at(1);
    const Approval second = pending->at(0).id == toReject->approvalId ? pending->at(0) : pending->at(1);
    RawDb raw(url);
    const auto postedFrom = [&raw](qint64 approvalId) {
        return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE approval_id = ?"),
                          {approvalId});
    };

    // Every answer to a decision is lost (and the dry runs' too): the dialog reads the request's state.
    proxy.dropAnswersTo("POST /admin/v1/approvals/");
    {
        ApprovalDecisionDialog dialog(&checker, first, true);
        QSignalSpy approved(&dialog, &ApprovalDecisionDialog::approved);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        send(dialog);
        QVERIFY2(dialog.resultText().startsWith(u"The answer was lost on the way, but the ledger has your "
                                                u"approval: posted as transaction "),
                 qPrintable(shown(dialog)));
        shoot(dialog, QStringLiteral("approve-lost-answer"));
        QVERIFY(dialog.isDone());
        QCOMPARE(approved.size(), 1);
        const auto result = approved.at(0).at(0).value<PostingResult>();
        QCOMPARE(result.approvalId, first.id);
        QCOMPARE(result.transactionId,
                 raw.scalar(QStringLiteral("SELECT transaction_id FROM approvals WHERE id = ?"), {first.id}));
        QVERIFY(result.transactionId > 0);
    }
    {
        ApprovalDecisionDialog dialog(&checker, second, false);
        QSignalSpy rejected(&dialog, &ApprovalDecisionDialog::approvalRejected);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("commentEdit")), u"not this one"_s);
        send(dialog);
        QVERIFY2(
            dialog.resultText().startsWith(
                u"The answer was lost on the way, but the ledger has your rejection: nothing was posted"),
            qPrintable(shown(dialog)));
        QCOMPARE(rejected.size(), 1);
        QCOMPARE(rejected.at(0).at(0).value<Approval>().state, Approval::State::Rejected);
    }
    QVERIFY(proxy.dropped() >= 2);
    QCOMPARE(postedFrom(first.id), qint64(1));
    QCOMPARE(postedFrom(second.id), qint64(0));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {account->id}),
             qint64(20000));
    proxy.dropAnswersTo({});

    // Approving it again (a dialog opened on the request as it was before; or Qt's HTTP stack sending the
    // approval again by itself after its first answer was lost, which the ledger answers the same way) is
    // refused by the ledger and posts nothing. sue's dialog says her approval holds; root's, whose approval
    // it is not, shows the refusal as it came.
    {
        ApprovalDecisionDialog dialog(&checker, first, true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        send(dialog);
        QVERIFY2(dialog.isDone(), qPrintable(shown(dialog)));
        QVERIFY2(dialog.resultText().startsWith(u"The ledger has your approval of this request: posted as "
                                                u"transaction "),
                 qPrintable(shown(dialog)));
    }
    {
        RemoteLedgerClient admin;
        QVERIFY(await(admin.connectTo(QUrl(walletd.base()), QStringLiteral("root"), Password)));
        ApprovalDecisionDialog dialog(&admin, first, true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        send(dialog);
        QVERIFY(!dialog.isDone());
        QVERIFY2(dialog.errorText().contains(u"was already approved by sue"), qPrintable(shown(dialog)));
    }
    const auto again = await(checker.approve(first.id, QString(), WriteMode::Commit));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::StateConflict);
    QCOMPARE(postedFrom(first.id), qint64(1));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {account->id}),
             qint64(20000));
}

void TestRemoteClientDialogs::theStatusBarSaysWalletdIsSlow() {
    const QString url = freshLedger();
    Walletd walletd;
    QVERIFY(walletd.start(url).isEmpty());
    LossyProxy proxy(quint16(walletd.url(QString()).port()));
    auto *client = new RemoteLedgerClient; // the window takes it
    QVERIFY(await(client->connectTo(proxy.url(), QStringLiteral("sue"), Password)));
    MainWindow window;
    window.setPollInterval(0);
    window.setClient(client);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *online = window.findChild<QLabel *>(QStringLiteral("statusOnline"));
    QVERIFY(online);
    QTRY_COMPARE(online->text(), u"Online"_s);
    QSignalSpy slow(client, &LedgerClient::slowAnswer);
    QSignalSpy ended(client, &LedgerClient::slowAnswerEnded);

    // walletd's answer stalls 4 s on the way: the request waits for it, and the status bar says so, each
    // second, until it comes.
    proxy.stallAnswerTo("GET /admin/v1/changes", 4000);
    QElapsedTimer timer;
    timer.start();
    const QFuture<Result<qint64>> token = client->changeToken();
    QTRY_VERIFY_WITH_TIMEOUT(online->text().startsWith(u"Waiting for walletd… (no answer for "), 3000);
    const qint64 shownAfter = timer.elapsed();
    qInfo("the status bar said walletd is slow after %lld ms", shownAfter);
    QVERIFY2(shownAfter >= WalletdTransport::SlowAnswerMs, qPrintable(QString::number(shownAfter)));
    QTRY_COMPARE_WITH_TIMEOUT(online->text(), u"Waiting for walletd… (no answer for 3 s)"_s, 3000);
    shoot(window, QStringLiteral("window-waiting-for-walletd"));
    QTRY_COMPARE_WITH_TIMEOUT(online->text(), u"Online"_s, 5000);
    QVERIFY(timer.elapsed() >= 4000);
    QCOMPARE(proxy.stalled(), 1);
    QVERIFY(token.isFinished());
    QVERIFY(token.result());
    QVERIFY(slow.size() >= 2);
    QCOMPARE(slow.at(0).at(0).toInt(), 2);
    QCOMPARE(slow.at(1).at(0).toInt(), 3);
    QCOMPARE(ended.size(), 1);

    // Answers in time say nothing.
    const qsizetype before = slow.size();
    QVERIFY(await(client->changeToken()));
    QCOMPARE(slow.size(), before);
    QCOMPARE(ended.size(), 1);
    QCOMPARE(online->text(), u"Online"_s);
}

QTEST_MAIN(TestRemoteClientDialogs)
#include "tst_remoteclient_dialogs.moc"

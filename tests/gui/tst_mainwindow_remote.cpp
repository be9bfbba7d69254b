// The desktop app in remote mode: the same main window over RemoteLedgerClient and a real walletd process on
// loopback (SQLite behind it). Sign in through Connector as walletdesk does, list and select accounts, post
// through the dialog and see the ledger and every view follow, and see the window say so when walletd goes
// away.
#include "accountdetailview.h"
#include "accountspage.h"
#include "accounttablemodel.h"
#include "connector.h"
#include "historytablemodel.h"
#include "ledgerservice.h"
#include "mainwindow.h"
#include "postingdialog.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using WalletDeskTest::await;

namespace {
constexpr int Waiting = 20000;
}

class TestMainWindowRemote : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void wrongPasswordIsRefusedInPlainWords();
    void worksThroughWalletdAsAgainstADatabase();
    void anEndedSessionAsksForThePasswordAndCarriesOn();
    void saysSoWhenWalletdGoesAway(); // stops walletd: the last

private:
    LedgerClient *signIn(const QString &name, const QString &password, LedgerError *error = nullptr);

    QTemporaryDir m_dir;
    QString m_url;
    WalletdTest::Walletd m_walletd;
    QList<qint64> m_accounts;
};

void TestMainWindowRemote::initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QString error;
    m_url = WalletDeskTest::databaseUrl(QStringLiteral("sqlite"), m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const QString prepared = WalletdTest::prepareLedger(m_url);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    {
        LedgerService service;
        QVERIFY(await(service.open(*DatabaseUrl::parse(m_url, &error))).ok());
        const Actor root{QStringLiteral("root"), QStringLiteral("test")};
        for (int i = 0; i < 30; ++i) {
            NewAccount a{QStringLiteral("USD"), QStringLiteral("p%1").arg(1000 + i),
                         QStringLiteral("Player %1").arg(i), false};
            const auto created =
                await(service.run([root, a](LedgerStore &s) { return s.createAccount(root, a); }));
            QVERIFY(created.ok());
            m_accounts << created->id;
        }
    }
    const QString started = m_walletd.start(m_url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
}

LedgerClient *TestMainWindowRemote::signIn(const QString &name, const QString &password, LedgerError *error) {
    ConnectionProfile p;
    p.name = QStringLiteral("remote");
    p.kind = ConnectionProfile::Kind::Walletd;
    p.walletdUrl = m_walletd.base();
    p.operatorName = name;
    Connector connector;
    LedgerClient *client = nullptr;
    bool done = false;
    connect(&connector, &Connector::connected, this, [&](LedgerClient *c) {
        client = c;
        c->setParent(nullptr);
        done = true;
    });
    connect(&connector, &Connector::failed, this, [&](const LedgerError &e) {
        if (error)
            *error = e;
        done = true;
    });
    connector.open(p, password);
    if (!QTest::qWaitFor([&] { return done; }, Waiting))
        qFatal("sign-in did not finish");
    return client;
}

void TestMainWindowRemote::wrongPasswordIsRefusedInPlainWords() {
    LedgerError error;
    QVERIFY(!signIn(QStringLiteral("sue"), QStringLiteral("not the password"), &error));
    QVERIFY2(!error.message.isEmpty() && !error.message.contains(u"not the password"),
             qPrintable(error.message));
}

void TestMainWindowRemote::worksThroughWalletdAsAgainstADatabase() {
    LedgerClient *client = signIn(QStringLiteral("sue"), WalletdTest::Password);
    QVERIFY(client);
    MainWindow w;
    w.setPollInterval(200);
    w.setClient(client);
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    AccountsPage *page = w.accountsPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->isIdle() && page->model()->rowCount() == m_accounts.size(),
                             Waiting);
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("statusOperator"))->text().contains(u"sue"));
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("statusOperator"))->text().contains(u"supervisor"));
    // walletd over plain http on 127.0.0.1: local, not encrypted, and not flagged as crossing a network.
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("statusSecurity"))->text(),
             QStringLiteral("On this computer"));

    // Search through walletd.
    QTest::keyClicks(page->searchField(), QStringLiteral("p1012"));
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, Waiting);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->accountAt(0).has_value(), Waiting);
    QCOMPARE(page->model()->accountAt(0)->playerRef, QStringLiteral("p1012"));
    page->table()->setCurrentIndex(page->model()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(page->detail()->account().has_value(), Waiting);
    const qint64 id = page->detail()->account()->id;

    // Post 12.34 USD through the dialog; walletd writes it, every view follows.
    w.action(QStringLiteral("post"))->trigger();
    auto *dialog = w.findChild<PostingDialog *>();
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("amountEdit")), QStringLiteral("12.34"));
    auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("okButton"));
    QTRY_VERIFY_WITH_TIMEOUT(ok->isEnabled(), Waiting);
    QTest::mouseClick(ok, Qt::LeftButton);
    WalletdTest::RawDb raw(m_url);
    QTRY_COMPARE_WITH_TIMEOUT(
        raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = %1").arg(id)), 1234, Waiting);
    QTRY_COMPARE_WITH_TIMEOUT(page->detail()->account()->balance, 1234, Waiting);
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->accountAt(0)->balance, 1234, Waiting);
    QTRY_VERIFY_WITH_TIMEOUT(page->detail()->history()->rowCount() == 1, Waiting);
    QCOMPARE(page->detail()->history()->rowAt(0)->amount, 1234);
    QCOMPARE(page->detail()->history()->rowAt(0)->operatorName, QStringLiteral("sue"));

    // Verify: a walletd background job that the window follows, ending in the same report as on a database.
    QString report;
    QTimer closer; // the report is a modal box: read and close it from a timer
    connect(&closer, &QTimer::timeout, &closer, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            report = box->text();
            box->accept();
        }
    });
    closer.start(20);
    w.action(QStringLiteral("verify"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!report.isEmpty(), Waiting);
    const qint64 entries = raw.scalar(QStringLiteral("SELECT COUNT(*) FROM entries"));
    QVERIFY2(report.contains(u"intact") && !report.contains(u"NOT") &&
                 report.contains(QLocale().toString(entries)),
             qPrintable(report));
}

void TestMainWindowRemote::anEndedSessionAsksForThePasswordAndCarriesOn() {
    LedgerClient *client = signIn(QStringLiteral("sue"), WalletdTest::Password);
    QVERIFY(client);
    MainWindow w;
    w.setPollInterval(100);
    w.setClient(client);
    w.show();
    AccountsPage *page = w.accountsPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->isIdle() && page->model()->rowCount() == m_accounts.size(),
                             Waiting);

    // walletd ends the session (31 idle minutes); the next poll meets it and the window asks for the
    // password.
    WalletdTest::RawDb raw(m_url);
    QVERIFY(raw.exec(QStringLiteral("UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60000 WHERE "
                                    "operator_id = (SELECT id FROM operators WHERE name = 'sue')")));
    QInputDialog *ask = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((ask = w.findChild<QInputDialog *>(QStringLiteral("signInAgain"))), Waiting);
    QVERIFY2(ask->labelText().contains(u"sue"), qPrintable(ask->labelText()));
    QCOMPARE(ask->textEchoMode(), QLineEdit::Password);
    QCOMPARE(page->model()->rowCount(), m_accounts.size()); // the views keep their data meanwhile

    // A wrong password asks again, saying why.
    QPointer<QInputDialog> first = ask;
    ask->setTextValue(QStringLiteral("not the password"));
    ask->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!first, Waiting); // closed and deleted
    QTRY_VERIFY_WITH_TIMEOUT((ask = w.findChild<QInputDialog *>(QStringLiteral("signInAgain"))), Waiting);
    QVERIFY2(ask->labelText().contains(u"wrong operator name or password"), qPrintable(ask->labelText()));

    // The right one: signed in again, and the window works on (a search goes through walletd).
    ask->setTextValue(WalletdTest::Password);
    ask->accept();
    QTRY_VERIFY_WITH_TIMEOUT(w.statusBar()->currentMessage().contains(u"Signed in again"), Waiting);
    QVERIFY(!w.findChild<QInputDialog *>(QStringLiteral("signInAgain")));
    QTest::keyClicks(page->searchField(), QStringLiteral("p1007"));
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, Waiting);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE operator_id = (SELECT id FROM "
                                       "operators WHERE name = 'sue')")),
             qint64(1));
}

void TestMainWindowRemote::saysSoWhenWalletdGoesAway() {
    LedgerClient *client = signIn(QStringLiteral("vera"), WalletdTest::Password);
    QVERIFY(client);
    MainWindow w;
    w.setPollInterval(100);
    w.setClient(client);
    w.show();
    QTRY_VERIFY_WITH_TIMEOUT(w.accountsPage()->model()->isIdle(), Waiting);
    QVERIFY(!w.action(QStringLiteral("post"))->isEnabled()); // a viewer, as walletd says
    auto *online = w.findChild<QLabel *>(QStringLiteral("statusOnline"));
    QCOMPARE(online->text(), QStringLiteral("Online"));
    QCOMPARE(m_walletd.stop(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(online->text(), QStringLiteral("Reconnecting…"), Waiting);
    QVERIFY(
        w.statusBar()->currentMessage().startsWith(u"The connection to the ledger was lost. Reconnecting…"));
    QVERIFY2(online->toolTip().contains(u"cannot be reached"), qPrintable(online->toolTip()));
    QCOMPARE(w.accountsPage()->model()->rowCount(), m_accounts.size()); // the views keep their data
}

QTEST_MAIN(TestMainWindowRemote)
#include "tst_mainwindow_remote.moc"

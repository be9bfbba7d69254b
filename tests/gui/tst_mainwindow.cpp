// The main window, driven with keys and clicks on the offscreen platform over a real SQLite demo ledger:
// search, select, read the detail and chart, post through the dialog and see every view follow, see
// another program's writes arrive, act within the role, verify.
#include "accountdetailview.h"
#include "accountspage.h"
#include "accounttablemodel.h"
#include "approvalspage.h"
#include "approvaltablemodel.h"
#include "auditpage.h"
#include "balancechartview.h"
#include "buildinfo.h"
#include "demogenerator.h"
#include "historytablemodel.h"
#include "importdialog.h"
#include "journalpage.h"
#include "journaltablemodel.h"
#include "localledgerclient.h"
#include "mainwindow.h"
#include "postingdialog.h"
#include "testsupport.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using WalletDeskTest::await;
using WalletDeskTest::RawDb;

namespace {
const QString Admin = QStringLiteral("root-admin");
constexpr int Waiting = 20000;
} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheLedgerAndWhoIsSignedIn();
    void searchAsYouTypeNarrowsTheList();
    void selectingAnAccountShowsItsDetailHistoryAndChart();
    void postingThroughTheDialogUpdatesListHistoryAndChart();
    void anotherProgramsWritesAppearWithinSeconds();
    void actionsFollowTheRoleAndSayWhichRoleTheyNeed();
    void journalDoubleClickOpensTheAccount();
    void shortcutsReachEveryPage();
    void verifyReportsAnIntactLedger();
    void exportWritesTheSelectedAccountsStatement();
    void importChecksThenPostsAFile();
    void windowAndColumnStateAreRemembered();
    void aboutShowsTheVersionAndRevision();

private:
    /// Triggers `action` and returns the text of the modal message box it opens (empty if none came), which
    /// it closes as a person would click OK.
    QString textOfTheMessageBoxFrom(QAction *action);
    std::unique_ptr<LocalLedgerClient> connectAs(const QString &name);
    qint64 selectFirstRow(MainWindow &w);

    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<RawDb> m_raw;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QString error;
    m_url = WalletDeskTest::databaseUrl(QStringLiteral("sqlite"), m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    LedgerService service;
    QVERIFY(await(service.open(*DatabaseUrl::parse(m_url, &error))).ok());
    QVERIFY(await(service.run([](LedgerStore &s) { return s.bootstrapAdmin(Admin); })).ok());
    DemoOptions o;
    o.players = 2000;
    o.days = 60;
    QVERIFY(await(service.run([o](LedgerStore &s) { return DemoGenerator(s, o, Admin).run(); })).ok());
    m_raw = std::make_unique<RawDb>(m_url);
}

std::unique_ptr<LocalLedgerClient> TestMainWindow::connectAs(const QString &name) {
    QString error;
    auto client = std::make_unique<LocalLedgerClient>();
    const auto session = await(client->connectTo(*DatabaseUrl::parse(m_url, &error), name));
    if (!session)
        qFatal("connect as %s: %s", qPrintable(name), qPrintable(session.error().message));
    return client;
}

void TestMainWindow::init() {
    m_window = std::make_unique<MainWindow>();
    m_window->setPollInterval(200);
    m_window->setClient(connectAs(Admin).release());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->accountsPage()->model()->isIdle(), Waiting);
}

void TestMainWindow::cleanup() {
    m_window.reset();
}

qint64 TestMainWindow::selectFirstRow(MainWindow &w) {
    QTableView *table = w.accountsPage()->table();
    table->setFocus();
    table->setCurrentIndex(table->model()->index(0, 0));
    const qint64 id = w.accountsPage()->model()->accountAt(0)->id;
    if (!QTest::qWaitFor([&] { return w.accountsPage()->detail()->account().has_value(); }, Waiting))
        qFatal("the detail did not load");
    return id;
}

void TestMainWindow::showsTheLedgerAndWhoIsSignedIn() {
    MainWindow &w = *m_window;
    const qint64 players =
        m_raw->scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE kind = 'player'"));
    QCOMPARE(w.accountsPage()->model()->rowCount(), int(players));
    QVERIFY(w.accountsPage()
                ->findChild<QLabel *>(QStringLiteral("accountCount"))
                ->text()
                .contains(QLocale().toString(players)));
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("statusOperator"))->text().contains(Admin));
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("statusOperator"))->text().contains(u"admin"));
    QVERIFY(w.findChild<QLabel *>(QStringLiteral("statusConnection"))->text().contains(u".sqlite"));
    // A file on this computer: nothing to encrypt, and the status bar says so rather than nothing.
    QCOMPARE(w.findChild<QLabel *>(QStringLiteral("statusSecurity"))->text(),
             QStringLiteral("On this computer"));
    // The first rows are painted with data, not placeholders.
    const QString firstId =
        w.accountsPage()->model()->data(w.accountsPage()->model()->index(0, 0)).toString();
    QCOMPARE(firstId, QString::number(m_raw->scalar(
                          QStringLiteral("SELECT min(id) FROM accounts WHERE kind = 'player'"))));
}

void TestMainWindow::searchAsYouTypeNarrowsTheList() {
    AccountsPage *page = m_window->accountsPage();
    QTest::keyClicks(page->searchField(), QStringLiteral("10002"));
    const qint64 expected = m_raw->scalar(
        QStringLiteral("SELECT count(*) FROM accounts WHERE kind = 'player' AND (player_ref LIKE '10002%' OR "
                       "lower(name) LIKE '10002%' OR id = 10002)"));
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), int(expected), Waiting);
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->isIdle(), Waiting);
    for (int row = 0; row < page->model()->rowCount(); ++row) {
        const auto a = page->model()->accountAt(row);
        QVERIFY(a);
        QVERIFY(a->playerRef.startsWith(u"10002") || a->id == 10002);
    }
    // Clearing the search brings everything back.
    page->searchField()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(
        page->model()->rowCount(),
        int(m_raw->scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE kind = 'player'"))), Waiting);
}

void TestMainWindow::selectingAnAccountShowsItsDetailHistoryAndChart() {
    MainWindow &w = *m_window;
    // The most active player, so that history and chart have something to show.
    const qint64 busiest = m_raw->scalar(QStringLiteral(
        "SELECT e.account_id FROM entries e JOIN accounts a ON a.id = e.account_id WHERE a.kind = 'player' "
        "GROUP BY e.account_id ORDER BY count(*) DESC, e.account_id LIMIT 1"));
    w.accountsPage()->showAccount(busiest);
    QTRY_COMPARE_WITH_TIMEOUT(w.accountsPage()->currentAccountId(), busiest, Waiting);
    AccountDetailView *detail = w.accountsPage()->detail();
    QTRY_VERIFY_WITH_TIMEOUT(detail->account().has_value(), Waiting);
    const Account a = *detail->account();
    QVERIFY(detail->findChild<QLabel *>(QStringLiteral("accountTitle"))->text().contains(a.playerRef));
    QVERIFY(detail->findChild<QLabel *>(QStringLiteral("accountBalance"))->text().contains(a.currency));
    const qint64 entries =
        m_raw->scalar(QStringLiteral("SELECT count(*) FROM entries WHERE account_id = %1").arg(busiest));
    QTRY_COMPARE_WITH_TIMEOUT(detail->history()->rowCount(),
                              int(std::min<qint64>(entries, HistoryTableModel::PageSize)), Waiting);

    detail->tabs()->setCurrentWidget(detail->chart());
    detail->chart()->setRange(BalanceChartView::Range::All);
    QTRY_VERIFY_WITH_TIMEOUT(!detail->chart()->isLoading() && !detail->chart()->points().isEmpty(), Waiting);
    QCOMPARE(detail->chart()->points().last().v, a.balance);
    QVERIFY(detail->chart()->describePointNear(detail->chart()->points().last().t).contains(a.currency));
    // Switching to seven days reloads; the line still ends at the balance.
    QTest::mouseClick(detail->chart()->findChild<QPushButton *>(QStringLiteral("range0")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!detail->chart()->isLoading(), Waiting);
    QCOMPARE(detail->chart()->range(), BalanceChartView::Range::Week);
    if (!detail->chart()->points().isEmpty())
        QCOMPARE(detail->chart()->points().last().v, a.balance);
}

void TestMainWindow::postingThroughTheDialogUpdatesListHistoryAndChart() {
    MainWindow &w = *m_window;
    const qint64 id = selectFirstRow(w);
    const Account before = *w.accountsPage()->detail()->account();
    QVERIFY(w.action(QStringLiteral("post"))->isEnabled());
    w.action(QStringLiteral("post"))->trigger();
    auto *dialog = w.findChild<PostingDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *amount = dialog->findChild<QLineEdit *>(QStringLiteral("amountEdit"));
    QVERIFY(amount);
    QTest::keyClicks(amount, QStringLiteral("7"));
    auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("okButton"));
    QTRY_VERIFY_WITH_TIMEOUT(ok->isEnabled(), Waiting); // the dialog reads the account and the limit first
    QTest::mouseClick(ok, Qt::LeftButton);
    const qint64 expected = before.balance + 7 * [&] {
        qint64 f = 1;
        for (int i = 0; i < before.exponent; ++i)
            f *= 10;
        return f;
    }();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_raw->scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = %1").arg(id)), expected,
        Waiting);
    // Every view of the account follows without a manual refresh.
    QTRY_COMPARE_WITH_TIMEOUT(w.accountsPage()->model()->accountAt(0)->balance, expected, Waiting);
    QTRY_COMPARE_WITH_TIMEOUT(w.accountsPage()->detail()->account()->balance, expected, Waiting);
    QTRY_COMPARE_WITH_TIMEOUT(w.accountsPage()->detail()->history()->rowAt(0)->balanceAfter, expected,
                              Waiting);
    QTRY_VERIFY_WITH_TIMEOUT(!w.accountsPage()->detail()->chart()->points().isEmpty() &&
                                 w.accountsPage()->detail()->chart()->points().last().v == expected,
                             Waiting);
}

void TestMainWindow::anotherProgramsWritesAppearWithinSeconds() {
    MainWindow &w = *m_window;
    const qint64 id = selectFirstRow(w);
    const qint64 before = w.accountsPage()->detail()->account()->balance;
    QString error;
    LedgerService other; // its own connection, as walletctl or another desktop would have
    QVERIFY(await(other.open(*DatabaseUrl::parse(m_url, &error))).ok());
    PostingRequest win;
    win.kind = TransactionKind::Win;
    win.accountId = id;
    win.amount = 3;
    win.idempotencyKey = QUuid::createUuid().toString();
    QVERIFY(await(other.post(Actor{Admin, QStringLiteral("elsewhere")}, win)).ok());
    QTRY_COMPARE_WITH_TIMEOUT(w.accountsPage()->detail()->account()->balance, before + 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(w.accountsPage()->model()->accountAt(0)->balance, before + 3, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(w.accountsPage()->detail()->history()->rowAt(0)->amount, 3, 5000);
}

void TestMainWindow::actionsFollowTheRoleAndSayWhichRoleTheyNeed() {
    m_window->setClient(connectAs(QStringLiteral("carol")).release()); // the demo's viewer
    QTRY_VERIFY_WITH_TIMEOUT(m_window->accountsPage()->model()->isIdle(), Waiting);
    selectFirstRow(*m_window);
    for (const char *name : {"post", "transfer", "newAccount"}) {
        QAction *a = m_window->action(QString::fromLatin1(name));
        QVERIFY2(!a->isEnabled(), name);
        QVERIFY2(a->toolTip().contains(u"support"), qPrintable(a->toolTip()));
    }
    QVERIFY(m_window->action(QStringLiteral("freeze"))->toolTip().contains(u"supervisor"));
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("statusOperator"))->text().contains(u"viewer"));

    m_window->setClient(connectAs(QStringLiteral("alice")).release()); // support
    QTRY_VERIFY_WITH_TIMEOUT(m_window->accountsPage()->model()->isIdle(), Waiting);
    selectFirstRow(*m_window);
    QVERIFY(m_window->action(QStringLiteral("post"))->isEnabled());
    QVERIFY(!m_window->action(QStringLiteral("freeze"))->isEnabled());
    QVERIFY(!m_window->action(QStringLiteral("reverse"))->isEnabled());
}

void TestMainWindow::journalDoubleClickOpensTheAccount() {
    MainWindow &w = *m_window;
    w.action(QStringLiteral("showJournal"))->trigger();
    QCOMPARE(w.tabs()->currentWidget(), w.journalPage());
    QTRY_VERIFY_WITH_TIMEOUT(w.journalPage()->model()->rowCount() > 0 && w.journalPage()->model()->isIdle(),
                             Waiting);
    const qint64 account = w.journalPage()->model()->rowAt(5)->accountId;
    QTableView *table = w.journalPage()->table();
    const QRect cell = table->visualRect(table->model()->index(5, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(w.tabs()->currentWidget(), w.accountsPage());
    QTRY_COMPARE_WITH_TIMEOUT(w.accountsPage()->currentAccountId(), account, Waiting);
}

void TestMainWindow::shortcutsReachEveryPage() {
    MainWindow &w = *m_window;
    QTest::keyClick(&w, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(w.tabs()->currentWidget(), w.approvalsPage());
    QTRY_VERIFY_WITH_TIMEOUT(w.approvalsPage()->model()->rowCount() > 0, Waiting); // the demo leaves some
    QTest::keyClick(&w, Qt::Key_4, Qt::ControlModifier);
    QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget *>(w.auditPage()));
    QTest::keyClick(&w, Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(w.tabs()->currentWidget(), w.accountsPage());
    QTRY_VERIFY(w.accountsPage()->searchField()->hasFocus());
    // Every action has a shortcut except About.
    for (QAction *a : w.actions())
        if (a->objectName() != u"about")
            QVERIFY2(!a->shortcut().isEmpty(), qPrintable(a->objectName()));
}

void TestMainWindow::verifyReportsAnIntactLedger() {
    const QString text = textOfTheMessageBoxFrom(m_window->action(QStringLiteral("verify")));
    QVERIFY2(text.contains(u"intact") && !text.contains(u"NOT"), qPrintable(text));
    const qint64 entries = m_raw->scalar(QStringLiteral("SELECT count(*) FROM entries"));
    QVERIFY2(text.contains(QLocale().toString(entries)), qPrintable(text)); // grouped as the locale groups
}

void TestMainWindow::exportWritesTheSelectedAccountsStatement() {
    MainWindow &w = *m_window;
    const qint64 id = selectFirstRow(w);
    QVERIFY(w.action(QStringLiteral("export"))->isEnabled());
    const QString path = m_dir.filePath(QStringLiteral("statement.csv"));
    const auto rows = await(w.exportTo(path));
    QVERIFY2(rows.ok(), rows.ok() ? "" : qPrintable(rows.error().message));
    QCOMPARE(*rows,
             m_raw->scalar(QStringLiteral("SELECT count(*) FROM entries WHERE account_id = %1").arg(id)));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), *rows + 1);
    QTRY_VERIFY(w.statusBar()->currentMessage().contains(u"exported"));
}

void TestMainWindow::importChecksThenPostsAFile() {
    MainWindow &w = *m_window;
    const qint64 id = selectFirstRow(w);
    const qint64 before = m_raw->scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = %1").arg(id));
    const QString path = m_dir.filePath(QStringLiteral("import.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral("kind,account,amount,reason_code,ticket,memo,idempotency_key\n"
                              "deposit,%1,5,,,,gui-import-1\n")
                   .arg(id)
                   .toUtf8());
    file.close();
    // File > Import postings… opens the dialog; the file is checked first, then posted on request.
    w.action(QStringLiteral("import"))->trigger();
    QTRY_VERIFY(w.findChild<ImportDialog *>());
    w.findChild<ImportDialog *>()->close();
    QTRY_VERIFY(!w.findChild<ImportDialog *>()); // deleted when closed
    ImportDialog *dialog = w.importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->report().okRows() == 1, Waiting);
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = %1").arg(id)), before);
    const ImportReport posted = await(dialog->post());
    QCOMPARE(posted.okRows(), 1);
    const qint64 unit = w.accountsPage()->detail()->account()->exponent == 2 ? 100 : 1;
    QCOMPARE(m_raw->scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = %1").arg(id)),
             before + 5 * unit);
    // The window's views follow what the import posted.
    QTRY_COMPARE_WITH_TIMEOUT(w.accountsPage()->detail()->account()->balance, before + 5 * unit, Waiting);
    dialog->close();
}

void TestMainWindow::windowAndColumnStateAreRemembered() {
    m_window->resize(900, 650);
    m_window->accountsPage()->table()->setColumnWidth(AccountTableModel::NameColumn, 333);
    m_window->close();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), QSize(900, 650));
    QCOMPARE(m_window->accountsPage()->table()->columnWidth(AccountTableModel::NameColumn), 333);
}

QString TestMainWindow::textOfTheMessageBoxFrom(QAction *action) {
    QString text;
    QTimer closer; // the box is modal: read and close it from a timer
    connect(&closer, &QTimer::timeout, &closer, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            text = box->text();
            box->accept();
        }
    });
    closer.start(50);
    action->trigger();
    if (!QTest::qWaitFor([&] { return !text.isEmpty(); }, Waiting))
        return {}; // no box came: the caller's check on the text fails and says so
    return text;
}

void TestMainWindow::aboutShowsTheVersionAndRevision() {
    const QString text = textOfTheMessageBoxFrom(m_window->action(QStringLiteral("about")));
    // The same version as every program's --version and the packages: the project's, and the revision built.
    QVERIFY2(text.contains(QStringLiteral("WalletDesk " WALLETDESK_VERSION)), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Revision " WALLETDESK_GIT_REVISION)), qPrintable(text));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

// StatementDialog on the offscreen platform: opened from File > Statement… and from the accounts list's
// context menu with the selected account prefilled, it generates a PDF and a CSV in the background (busy
// shown, the window answering meanwhile), and reports a bad range in itself without writing a file.
#include "accountdetailview.h"
#include "accountspage.h"
#include "accounttablemodel.h"
#include "demogenerator.h"
#include "localledgerclient.h"
#include "mainwindow.h"
#include "statementdialog.h"
#include "testsupport.h"

#include <QAction>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using WalletDeskTest::await;

namespace {
const QString Admin = QStringLiteral("admin");
}

class TestStatementDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void opensFromTheMenuAndGenerates();
    void reportsABadRange();

private:
    StatementDialog *openFromFileMenu();
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<MainWindow> m_window;
};

void TestStatementDialog::initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QString error;
    m_url = WalletDeskTest::databaseUrl(QStringLiteral("sqlite"), m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    {
        LedgerService service;
        QVERIFY(await(service.open(*DatabaseUrl::parse(m_url, &error))).ok());
        QVERIFY(await(service.run([](LedgerStore &s) { return s.bootstrapAdmin(Admin); })).ok());
        DemoOptions o;
        o.players = 50;
        o.days = 40;
        QVERIFY(await(service.run([o](LedgerStore &s) { return DemoGenerator(s, o, Admin).run(); })).ok());
    }
    auto client = std::make_unique<LocalLedgerClient>();
    QVERIFY(await(client->connectTo(*DatabaseUrl::parse(m_url, &error), Admin)).ok());
    m_window = std::make_unique<MainWindow>();
    m_window->setClient(client.release());
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->accountsPage()->model()->isIdle(), 20000);
    QTableView *table = m_window->accountsPage()->table();
    table->setCurrentIndex(table->model()->index(0, 0));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->accountsPage()->detail()->account().has_value(), 20000);
}

StatementDialog *TestStatementDialog::openFromFileMenu() {
    QMenu *file = nullptr;
    for (QAction *a : m_window->menuBar()->actions())
        if (a->menu() &&
            a->menu()->actions().contains(m_window->findChild<QAction *>(QStringLiteral("statement"))))
            file = a->menu();
    if (!file)
        return nullptr;
    QAction *statement = m_window->findChild<QAction *>(QStringLiteral("statement"));
    if (!statement->isEnabled())
        return nullptr;
    statement->trigger();
    StatementDialog *dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] { return (dialog = m_window->findChild<StatementDialog *>()) && dialog->isVisible(); }, 5000);
    return dialog;
}

void TestStatementDialog::opensFromTheMenuAndGenerates() {
    // The list's context menu holds the same action.
    QVERIFY(m_window->accountsPage()->table()->actions().contains(
        m_window->findChild<QAction *>(QStringLiteral("statement"))));
    StatementDialog *dialog = openFromFileMenu();
    QVERIFY(dialog);
    const qint64 selected = m_window->accountsPage()->detail()->account()->id;
    QCOMPARE(dialog->findChild<QSpinBox *>(QStringLiteral("statementAccount"))->value(), int(selected));
    const QDate today = QDateTime::currentDateTimeUtc().date();
    QCOMPARE(dialog->findChild<QDateEdit *>(QStringLiteral("statementTo"))->date(), today);
    QCOMPARE(dialog->findChild<QDateEdit *>(QStringLiteral("statementFrom"))->date(), today.addDays(-29));
    dialog->findChild<QDateEdit *>(QStringLiteral("statementFrom"))->setDate(today.addDays(-60));

    const QString pdf = m_dir.filePath(QStringLiteral("dialog.pdf"));
    dialog->findChild<QLineEdit *>(QStringLiteral("statementPath"))->setText(pdf);
    QPushButton *generate = dialog->findChild<QPushButton *>(QStringLiteral("statementGenerate"));
    QTest::mouseClick(generate, Qt::LeftButton);
    QVERIFY(dialog->isBusy()); // the click returned at once: the work runs in the background
    QVERIFY(!generate->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 30000);
    QLabel *status = dialog->findChild<QLabel *>(QStringLiteral("statementStatus"));
    QVERIFY2(!status->property("error").toBool(), qPrintable(status->text()));
    QVERIFY2(status->text().contains(pdf), qPrintable(status->text()));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.read(5), QByteArray("%PDF-"));

    // CSV: the path follows the format's extension.
    dialog->findChild<QComboBox *>(QStringLiteral("statementFormat"))->setCurrentIndex(1);
    const QString csv = dialog->findChild<QLineEdit *>(QStringLiteral("statementPath"))->text();
    QVERIFY2(csv.endsWith(u".csv"), qPrintable(csv));
    const auto r = await(dialog->generate());
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QVERIFY(QFile::exists(csv));
    dialog->close();
}

void TestStatementDialog::reportsABadRange() {
    StatementDialog *dialog = openFromFileMenu();
    QVERIFY(dialog);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    dialog->findChild<QDateEdit *>(QStringLiteral("statementFrom"))->setDate(today);
    dialog->findChild<QDateEdit *>(QStringLiteral("statementTo"))->setDate(today.addDays(-3));
    const QString path = m_dir.filePath(QStringLiteral("never.pdf"));
    dialog->findChild<QLineEdit *>(QStringLiteral("statementPath"))->setText(path);
    const auto r = await(dialog->generate());
    QVERIFY(!r.ok());
    QLabel *status = dialog->findChild<QLabel *>(QStringLiteral("statementStatus"));
    QVERIFY(status->property("error").toBool());
    QVERIFY2(status->text().contains(u"after"), qPrintable(status->text()));
    QVERIFY(!QFile::exists(path));
    QVERIFY(!dialog->isBusy());
    dialog->close();
}

QTEST_MAIN(TestStatementDialog)
#include "tst_statementdialog.moc"

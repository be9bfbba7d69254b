// walletdesk_screenshots OUTDIR: renders the main window, an account with its chart, the other pages, and
// every dialog to PNG files in OUTDIR, on a fresh demo ledger. Run under a real X server (xvfb-run) by
// tests/gui/screenshots.sh, which the `gui` test label includes; docs/screenshots/ keeps a few for the
// README. Each image is checked for content (not one flat colour) so a blank render fails the run.
#include "accountdetailview.h"
#include "accountspage.h"
#include "accountstatedialog.h"
#include "accounttablemodel.h"
#include "appearance.h"
#include "approvaldecisiondialog.h"
#include "approvalspage.h"
#include "approvaltablemodel.h"
#include "balancechartview.h"
#include "comparechartwindow.h"
#include "connectiondialog.h"
#include "demogenerator.h"
#include "economypage.h"
#include "historytablemodel.h"
#include "importdialog.h"
#include "journalpage.h"
#include "journaltablemodel.h"
#include "localledgerclient.h"
#include "mainwindow.h"
#include "newaccountdialog.h"
#include "postingdialog.h"
#include "profilestore.h"
#include "reversedialog.h"
#include "statementdialog.h"
#include "transferdialog.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <cstdio>

namespace {

QString outDir;
int failures = 0;

bool waitFor(const std::function<bool()> &done, int timeoutMs = 30000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

void settle(int ms = 300) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
}

/// Saves `widget` as NAME.png and checks that it shows something.
void shoot(QWidget *widget, const QString &name) {
    settle();
    const QImage image = widget->grab().toImage();
    const QString path = QDir(outDir).filePath(name + QStringLiteral(".png"));
    QHash<QRgb, int> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours[image.pixel(x, y)]++;
    const bool ok = !image.isNull() && image.save(path) && colours.size() > 8;
    std::printf("%s %s (%dx%d, %lld colours sampled)\n", ok ? "wrote" : "FAILED", qPrintable(path),
                image.width(), image.height(), qlonglong(colours.size()));
    if (!ok)
        ++failures;
}

template <typename Dialog>
void shootDialog(Dialog *dialog, const QString &name, const std::function<void(Dialog *)> &fill = {}) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    settle(600); // the dialog reads the account, limits, currencies
    if (fill)
        fill(dialog);
    shoot(dialog, name);
    dialog->close();
}

} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    if (QApplication::arguments().size() < 2) {
        std::fprintf(stderr, "usage: walletdesk_screenshots OUTDIR\n");
        return 2;
    }
    outDir = QApplication::arguments().at(1);
    QDir().mkpath(outDir);
    QTemporaryDir temp;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, temp.filePath(QStringLiteral("settings")));
    QApplication::setOrganizationName(QStringLiteral("WalletDesk"));
    QApplication::setApplicationName(QStringLiteral("WalletDesk"));
    Appearance::installTranslations(app);
    Appearance::applyColorScheme();

    // A demo ledger like the one a new user gets.
    const QString admin = QStringLiteral("dana");
    QString error;
    const auto url = DatabaseUrl::parse(temp.filePath(QStringLiteral("demo.sqlite")), &error);
    {
        auto store = LedgerStore::open(*url);
        if (!store || !(*store)->bootstrapAdmin(admin))
            return 1;
        DemoOptions o;
        o.players = 2000;
        o.days = 120;
        if (!DemoGenerator(**store, o, admin).run())
            return 1;
    }
    auto *client = new LocalLedgerClient;
    auto session = client->connectTo(*url, admin);
    waitFor([&] { return session.isFinished(); });
    if (!session.result()) {
        std::fprintf(stderr, "cannot connect: %s\n", qPrintable(session.result().error().message));
        return 1;
    }

    MainWindow window;
    window.setPollInterval(0);
    window.resize(1280, 860);
    window.setClient(client);
    window.show();
    AccountsPage *accounts = window.accountsPage();
    waitFor([&] { return accounts->model()->isIdle() && accounts->model()->rowCount() > 0; });

    // The busiest player, selected: a history and a chart worth looking at.
    accounts->table()->sortByColumn(AccountTableModel::LastActivityColumn, Qt::DescendingOrder);
    waitFor([&] { return accounts->model()->isIdle(); });
    accounts->table()->setCurrentIndex(accounts->model()->index(2, 0));
    waitFor([&] {
        return accounts->detail()->account().has_value() && accounts->detail()->history()->rowCount() > 0;
    });
    accounts->detail()->historyTable()->setCurrentIndex(accounts->detail()->history()->index(0, 0));
    shoot(&window, QStringLiteral("main-window"));

    accounts->detail()->tabs()->setCurrentWidget(accounts->detail()->chart());
    accounts->detail()->chart()->setRange(BalanceChartView::Range::All);
    waitFor([&] { return !accounts->detail()->chart()->isLoading(); });
    shoot(&window, QStringLiteral("account-chart"));

    accounts->searchField()->setText(QStringLiteral("Ava"));
    waitFor([&] { return accounts->model()->query().search == u"Ava" && accounts->model()->isIdle(); });
    shoot(&window, QStringLiteral("search"));
    accounts->searchField()->clear();
    waitFor([&] { return accounts->model()->query().search.isEmpty() && accounts->model()->isIdle(); });
    accounts->table()->setCurrentIndex(accounts->model()->index(2, 0));
    waitFor([&] { return accounts->detail()->account().has_value(); });

    window.tabs()->setCurrentWidget(window.journalPage());
    waitFor([&] { return window.journalPage()->model()->rowCount() > 0; });
    shoot(&window, QStringLiteral("journal"));
    window.tabs()->setCurrentWidget(window.approvalsPage());
    waitFor([&] { return window.approvalsPage()->model()->rowCount() > 0; });
    window.approvalsPage()->table()->setCurrentIndex(window.approvalsPage()->model()->index(0, 0));
    shoot(&window, QStringLiteral("approvals"));

    // The analysts' page: GOLD over the whole demo, its players, who holds it, and the days table.
    EconomyPage *economy = window.economyPage();
    window.tabs()->setCurrentWidget(economy);
    economy->setCurrency(QStringLiteral("GOLD"));
    economy->setRange(EconomyPage::Range::All);
    waitFor([&] { return !economy->isLoading() && !economy->report().days.isEmpty(); });
    shoot(&window, QStringLiteral("economy"));
    economy->tabs()->setCurrentIndex(1);
    shoot(&window, QStringLiteral("economy-players"));
    economy->tabs()->setCurrentIndex(2);
    shoot(&window, QStringLiteral("economy-distribution"));
    economy->tabs()->setCurrentIndex(3);
    shoot(&window, QStringLiteral("economy-days"));
    window.tabs()->setCurrentWidget(accounts);

    // Three of the busiest GOLD players' balances side by side (Account > Compare balances).
    QList<Account> gold;
    for (int row = 0; row < accounts->model()->rowCount() && gold.size() < 3; ++row)
        if (const auto a = accounts->model()->accountAt(row); a && a->currency == u"GOLD")
            gold << *a;
    if (gold.size() == 3) {
        CompareChartWindow compare(client, gold);
        compare.resize(1100, 620);
        compare.show();
        compare.setRange(BalanceChartView::Range::All);
        waitFor([&] { return !compare.isLoading(); });
        shoot(&compare, QStringLiteral("compare"));
    }

    if (!accounts->detail()->account()) {
        std::fprintf(stderr, "no account is selected\n");
        return 1;
    }
    const Account account = *accounts->detail()->account();
    shootDialog<PostingDialog>(new PostingDialog(client, account, &window), QStringLiteral("dialog-post"),
                               [](PostingDialog *d) {
                                   d->setChoice(PostingDialog::Choice::AdjustmentCredit);
                                   if (auto *amount = d->findChild<QLineEdit *>(QStringLiteral("amountEdit")))
                                       amount->setText(QStringLiteral("250"));
                               });
    shootDialog<TransferDialog>(new TransferDialog(client, account, &window),
                                QStringLiteral("dialog-transfer"));
    shootDialog<ReverseDialog>(new ReverseDialog(client,
                                                 accounts->detail()->selectedTransactionId()
                                                     ? accounts->detail()->selectedTransactionId()
                                                     : 1,
                                                 &window),
                               QStringLiteral("dialog-reverse"));
    shootDialog<AccountStateDialog>(new AccountStateDialog(client, account, AccountState::Frozen, &window),
                                    QStringLiteral("dialog-freeze"));
    shootDialog<AccountStateDialog>(new AccountStateDialog(client, account, AccountState::Closed, &window),
                                    QStringLiteral("dialog-close"));
    if (const Approval *approval = window.approvalsPage()->model()->approvalAt(0)) {
        shootDialog<ApprovalDecisionDialog>(new ApprovalDecisionDialog(client, *approval, true, &window),
                                            QStringLiteral("dialog-approve"));
        shootDialog<ApprovalDecisionDialog>(new ApprovalDecisionDialog(client, *approval, false, &window),
                                            QStringLiteral("dialog-reject"));
    }
    shootDialog<NewAccountDialog>(new NewAccountDialog(client, &window),
                                  QStringLiteral("dialog-new-account"));
    shootDialog<StatementDialog>(new StatementDialog(client, account, &window),
                                 QStringLiteral("dialog-statement"));
    // The import dialog after checking a compensation file with a few problems, as a support desk meets it.
    const QString campaign = temp.filePath(QStringLiteral("compensation-2026-12.csv"));
    {
        QFile file(campaign);
        const QByteArray id = QByteArray::number(account.id);
        if (!file.open(QIODevice::WriteOnly) ||
            file.write("kind,account,amount,reason_code,ticket,memo,idempotency_key\n"
                       "adjustment-credit," +
                       id +
                       ",25,OUTAGE,SUP-4471,Server outage 2 Dec,comp-1\n"
                       "bonus," +
                       id +
                       ",10,OUTAGE,SUP-4471,,comp-2\n"
                       "deposit,999999,5,,SUP-4472,,comp-3\n"
                       "adjustment-credit," +
                       id +
                       ",12,,SUP-4473,,comp-4\n"
                       "withdrawal," +
                       id +
                       ",99999999,,SUP-4474,,comp-5\n"
                       "adjustment-credit," +
                       id +
                       ",25,OUTAGE,SUP-4475,,comp-1\n"
                       "deposit," +
                       id + ",7.25,,SUP-4476,Refund of order 88812,comp-7\n") < 0) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(campaign));
            return 1;
        }
    }
    shootDialog<ImportDialog>(new ImportDialog(client, &window), QStringLiteral("dialog-import"),
                              [&campaign](ImportDialog *d) {
                                  d->setFile(campaign);
                                  while (d->isBusy())
                                      settle(50);
                              });
    ProfileStore profiles;
    shootDialog<ConnectionDialog>(new ConnectionDialog(&profiles, nullptr, &window),
                                  QStringLiteral("dialog-connect"));
    // A team database across the network, with its server's certificate checked (docs/security.md).
    QTemporaryDir settingsDir;
    QSettings teamSettings(settingsDir.filePath(QStringLiteral("walletdesk.ini")), QSettings::IniFormat);
    ProfileStore team(&teamSettings);
    ConnectionProfile live;
    live.name = QStringLiteral("Live ledger (EU)");
    live.kind = ConnectionProfile::Kind::Postgres;
    live.pgHost = QStringLiteral("ledger-db.eu.example.com");
    live.pgDatabase = QStringLiteral("wallets");
    live.pgUser = QStringLiteral("support");
    live.pgOptions = {{QStringLiteral("sslmode"), QStringLiteral("verify-full")},
                      {QStringLiteral("sslrootcert"), QStringLiteral("/etc/walletdesk/ledger-ca.pem")}};
    live.operatorName = QStringLiteral("alice");
    team.save(live);
    team.setLastUsed(live.name);
    shootDialog<ConnectionDialog>(new ConnectionDialog(&team, nullptr, &window),
                                  QStringLiteral("dialog-connect-postgres"));

    std::printf("%d screenshot(s) failed\n", failures);
    return failures == 0 ? 0 : 1;
}

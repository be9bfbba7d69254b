#include "mainwindow.h"
#include "buildinfo.h"

#include "accountdetailview.h"
#include "accountspage.h"
#include "accountstatedialog.h"
#include "approvaldecisiondialog.h"
#include "approvalspage.h"
#include "auditpage.h"
#include "comparechartwindow.h"
#include "connectionindicators.h"
#include "dialogtext.h"
#include "economypage.h"
#include "filemenuactions.h"
#include "importdialog.h"
#include "journalpage.h"
#include "journaltablemodel.h"
#include "newaccountdialog.h"
#include "postingdialog.h"
#include "reversedialog.h"
#include "signinagainprompt.h"
#include "statementdialog.h"
#include "transferdialog.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>

namespace {
const QString StateGroup = QStringLiteral("mainWindow");

/// The operator's role meets `needed`: enables the action, or disables it and says which role it takes.
void gate(QAction *action, Role role, Role needed, const QString &what) {
    const bool allowed = role >= needed;
    action->setEnabled(allowed);
    action->setToolTip(allowed ? what
                               : MainWindow::tr("%1: needs the %2 role (you are %3)")
                                     .arg(what, DialogText::role(needed), DialogText::role(role)));
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent) {
    setWindowTitle(tr("WalletDesk"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    m_tabs->setDocumentMode(true);
    m_accounts = new AccountsPage(this);
    m_journal = new JournalPage(this);
    m_approvals = new ApprovalsPage(this);
    m_audit = new AuditPage(this);
    m_economy = new EconomyPage(this);
    m_tabs->addTab(m_accounts, tr("Accounts"));
    m_tabs->addTab(m_journal, tr("Journal"));
    m_tabs->addTab(m_approvals, tr("Approvals"));
    m_tabs->addTab(m_audit, tr("Audit log"));
    m_tabs->addTab(m_economy, tr("Economy"));
    setCentralWidget(m_tabs);

    m_indicators = new ConnectionIndicators(statusBar());
    m_fileActions = new FileMenuActions(this);
    m_signIn = new SignInAgainPrompt(this);

    createActions();
    createMenus();

    connect(m_accounts, &AccountsPage::currentAccountChanged, this, &MainWindow::updateActions);
    connect(m_accounts, &AccountsPage::selectionChanged, this, &MainWindow::updateActions);
    connect(m_accounts->detail(), &AccountDetailView::accountLoaded, this, &MainWindow::updateActions);
    connect(m_accounts->detail(), &AccountDetailView::selectedTransactionChanged, this,
            &MainWindow::updateActions);
    connect(m_accounts->detail(), &AccountDetailView::linkedTransactionActivated, this,
            [this](qint64 id) { statusBar()->showMessage(tr("Transaction #%1").arg(id), 5000); });
    connect(m_approvals, &ApprovalsPage::selectionChanged, this, &MainWindow::updateActions);
    connect(m_approvals, &ApprovalsPage::decisionRequested, this, &MainWindow::decide);
    connect(m_approvals, &ApprovalsPage::pendingCountChanged, this, [this](int pending) {
        m_tabs->setTabText(2, pending ? tr("Approvals (%1)").arg(pending) : tr("Approvals"));
    });
    connect(m_journal, &JournalPage::accountActivated, this, [this](qint64 id) {
        m_tabs->setCurrentWidget(m_accounts);
        m_accounts->showAccount(id);
    });
    connect(m_economy, &EconomyPage::journalRequested, this, [this](const JournalQuery &query) {
        m_journal->showQuery(query);
        m_tabs->setCurrentWidget(m_journal);
    });
    connect(m_economy, &EconomyPage::accountRequested, this, [this](qint64 id) {
        m_tabs->setCurrentWidget(m_accounts);
        m_accounts->showAccount(id);
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateActions);

    QSettings settings;
    if (!restoreGeometry(settings.value(StateGroup + QStringLiteral("/geometry")).toByteArray()))
        resize(1280, 820); // first start: room for the list, the detail and the chart
    restoreState(settings.value(StateGroup + QStringLiteral("/state")).toByteArray());
    m_accounts->restoreState(StateGroup);
    m_journal->restoreState(StateGroup);
    m_approvals->restoreState(StateGroup);
    m_audit->restoreState(StateGroup);
    updateStatus();
    updateActions();
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::addAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                               void (MainWindow::*slot)()) {
    auto *action = new QAction(text, this);
    action->setObjectName(name);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, slot);
    m_actions.insert(name, action);
    QMainWindow::addAction(action); // shortcuts work even when the menu bar is hidden
    return action;
}

void MainWindow::createActions() {
    addAction(QStringLiteral("connect"), tr("&Connect…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
              &MainWindow::openConnection);
    addAction(QStringLiteral("verify"), tr("&Verify ledger…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
              &MainWindow::verify);
    addAction(QStringLiteral("export"), tr("&Export as CSV…"), QKeySequence(Qt::CTRL | Qt::Key_E),
              &MainWindow::exportCsv);
    addAction(QStringLiteral("import"), tr("&Import postings…"), QKeySequence(Qt::CTRL | Qt::Key_I),
              &MainWindow::importCsv);
    addAction(QStringLiteral("statement"), tr("&Statement…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
              &MainWindow::statement);
    QAction *quit =
        addAction(QStringLiteral("quit"), tr("&Quit"), QKeySequence(Qt::CTRL | Qt::Key_Q), nullptr);
    disconnect(quit, &QAction::triggered, this, nullptr);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    addAction(QStringLiteral("find"), tr("&Find account"), QKeySequence::Find, &MainWindow::findAccount);
    addAction(QStringLiteral("newAccount"), tr("&New account…"), QKeySequence::New, &MainWindow::newAccount);
    addAction(QStringLiteral("post"), tr("&Post…"), QKeySequence(Qt::CTRL | Qt::Key_P), &MainWindow::post);
    addAction(QStringLiteral("transfer"), tr("&Transfer…"), QKeySequence(Qt::CTRL | Qt::Key_T),
              &MainWindow::transfer);
    addAction(QStringLiteral("reverse"), tr("&Reverse transaction…"), QKeySequence(Qt::CTRL | Qt::Key_R),
              &MainWindow::reverse);
    addAction(QStringLiteral("freeze"), tr("&Freeze…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F),
              &MainWindow::freeze);
    addAction(QStringLiteral("unfreeze"), tr("&Unfreeze…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
              &MainWindow::unfreeze);
    addAction(QStringLiteral("close"), tr("C&lose account…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
              &MainWindow::closeAccount);
    addAction(QStringLiteral("compare"), tr("&Compare balances…"),
              QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), &MainWindow::compareAccounts);
    addAction(QStringLiteral("approve"), tr("&Approve…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A),
              &MainWindow::approve);
    addAction(QStringLiteral("reject"), tr("Re&ject…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J),
              &MainWindow::reject);

    addAction(QStringLiteral("showAccounts"), tr("&Accounts"), QKeySequence(Qt::CTRL | Qt::Key_1),
              &MainWindow::showAccounts);
    addAction(QStringLiteral("showJournal"), tr("&Journal"), QKeySequence(Qt::CTRL | Qt::Key_2),
              &MainWindow::showJournal);
    addAction(QStringLiteral("showApprovals"), tr("A&pprovals"), QKeySequence(Qt::CTRL | Qt::Key_3),
              &MainWindow::showApprovals);
    addAction(QStringLiteral("showAudit"), tr("Au&dit log"), QKeySequence(Qt::CTRL | Qt::Key_4),
              &MainWindow::showAudit);
    addAction(QStringLiteral("showEconomy"), tr("&Economy"), QKeySequence(Qt::CTRL | Qt::Key_5),
              &MainWindow::showEconomy);
    addAction(QStringLiteral("refresh"), tr("&Refresh"), QKeySequence::Refresh, &MainWindow::refreshAll);
    addAction(QStringLiteral("about"), tr("&About WalletDesk"), QKeySequence(), &MainWindow::about);
}

void MainWindow::createMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(action(QStringLiteral("connect")));
    file->addAction(action(QStringLiteral("verify")));
    file->addAction(action(QStringLiteral("export")));
    file->addAction(action(QStringLiteral("statement")));
    file->addAction(action(QStringLiteral("import")));
    file->addSeparator();
    file->addAction(action(QStringLiteral("quit")));

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    account->setToolTipsVisible(true); // disabled actions say which role they need
    for (const char *name :
         std::initializer_list<const char *>{"find", "newAccount", nullptr, "post", "transfer", "reverse",
                                             nullptr, "freeze", "unfreeze", "close", nullptr, "compare"}) {
        if (name)
            account->addAction(action(QString::fromLatin1(name)));
        else
            account->addSeparator();
    }
    QMenu *approvals = menuBar()->addMenu(tr("A&pprovals"));
    approvals->setToolTipsVisible(true);
    approvals->addAction(action(QStringLiteral("approve")));
    approvals->addAction(action(QStringLiteral("reject")));
    // The list's context menu: what acts on the selected rows.
    m_accounts->table()->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_accounts->table()->addAction(action(QStringLiteral("compare")));
    m_accounts->table()->addAction(action(QStringLiteral("statement")));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (const char *name : {"showAccounts", "showJournal", "showApprovals", "showAudit", "showEconomy"})
        view->addAction(action(QString::fromLatin1(name)));
    view->addSeparator();
    view->addAction(action(QStringLiteral("refresh")));

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QMenu *language = settings->addMenu(tr("&Language"));
    auto *group = new QActionGroup(this);
    const QString current = QSettings().value(QStringLiteral("ui/language")).toString();
    const std::pair<QString, QString> languages[] = {{QString(), tr("System default")},
                                                     {QStringLiteral("en"), QStringLiteral("English")},
                                                     {QStringLiteral("de"), QStringLiteral("Deutsch")},
                                                     {QStringLiteral("fr"), QStringLiteral("Français")}};
    for (const auto &[code, name] : languages) {
        QAction *a = language->addAction(name);
        a->setCheckable(true);
        a->setChecked(code == current);
        a->setObjectName(QStringLiteral("language_") + (code.isEmpty() ? QStringLiteral("system") : code));
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(action(QStringLiteral("about")));

    QToolBar *toolbar = addToolBar(tr("Actions"));
    toolbar->setObjectName(QStringLiteral("actionsToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (const char *name :
         {"newAccount", "post", "transfer", "reverse", "freeze", "unfreeze", "approve", "reject", "refresh"})
        toolbar->addAction(action(QString::fromLatin1(name)));
}

void MainWindow::setClient(LedgerClient *client) {
    if (m_client && m_client != client)
        m_client->deleteLater();
    m_client = client;
    m_online = true; // a new connection has just answered
    m_indicators->showWaiting(0);
    if (client) {
        client->setParent(this);
        connect(client, &LedgerClient::accountsChanged, this, &MainWindow::onAccountsChanged);
        connect(client, &LedgerClient::ledgerChanged, this, &MainWindow::refreshLists);
        connect(
            client, &LedgerClient::availabilityChanged, this, [this](bool available, const QString &reason) {
                m_online = available;
                // The driver's own words (libpq's run to several lines) are for the curious: a tooltip.
                m_offlineReason = available ? QString() : reason.simplified();
                updateStatus();
                updateActions();
                if (!available) {
                    // What is on screen stays; postings wait until the ledger answers again.
                    statusBar()->showMessage(tr(
                        "The connection to the ledger was lost. Reconnecting… (what is shown may be out of "
                        "date)"));
                } else {
                    statusBar()->showMessage(tr("Connected again."), 5000);
                    refreshLists(); // what others posted meanwhile
                }
            });
        connect(client, &LedgerClient::signInRequired, this, [this, client] { m_signIn->ask(client); });
        connect(client, &LedgerClient::slowAnswer, m_indicators, &ConnectionIndicators::showWaiting);
        connect(client, &LedgerClient::slowAnswerEnded, m_indicators,
                [this] { m_indicators->showWaiting(0); });
        client->setPollInterval(m_pollMs);
    }
    m_accounts->setClient(client);
    m_journal->setClient(client);
    m_approvals->setClient(client);
    m_audit->setClient(client);
    m_economy->setClient(client);
    loadReferenceData();
    updateStatus();
    updateActions();
    if (client && !client->session().readOnlyReason.isEmpty())
        statusBar()->showMessage(tr("Read only: %1").arg(client->session().readOnlyReason));
}

void MainWindow::setPollInterval(int ms) {
    m_pollMs = ms;
    if (m_client)
        m_client->setPollInterval(ms);
}

void MainWindow::loadReferenceData() {
    if (!m_client)
        return;
    m_client->currencies().then(this, [this](const Result<QList<Currency>> &currencies) {
        if (currencies) {
            m_accounts->setCurrencies(*currencies);
            m_journal->setCurrencies(*currencies);
            m_economy->setCurrencies(*currencies);
        }
    });
    m_client->operators().then(this, [this](const Result<QList<OperatorInfo>> &operators) {
        QStringList names;
        if (operators)
            for (const OperatorInfo &o : *operators)
                names << o.name;
        m_journal->setOperators(names); // a viewer may not list operators: the filter then offers "all"
    });
}

void MainWindow::updateStatus() {
    if (!m_client) {
        m_indicators->showDisconnected();
        setWindowTitle(tr("WalletDesk"));
        return;
    }
    const SessionInfo s = m_client->session();
    m_indicators->show(s, m_online, m_offlineReason);
    setWindowTitle(tr("WalletDesk – %1").arg(s.connectionLabel));
}

void MainWindow::updateActions() {
    const Role role = m_client ? m_client->session().role : Role::Viewer;
    const bool connected = m_client != nullptr;
    const auto account = m_accounts->detail()->account();
    const bool onAccounts = m_tabs->currentWidget() == m_accounts;
    const bool player = account && account->kind == AccountKind::Player;

    gate(action(QStringLiteral("newAccount")), role, Role::Support, tr("Open a new player account"));
    gate(action(QStringLiteral("import")), role, Role::Support,
         tr("Post a CSV file of deposits, withdrawals and adjustments"));
    gate(action(QStringLiteral("post")), role, Role::Support,
         tr("Deposit, withdraw or adjust on the selected account"));
    gate(action(QStringLiteral("transfer")), role, Role::Support,
         tr("Move funds to another player's account"));
    gate(action(QStringLiteral("reverse")), role, Role::Supervisor, tr("Reverse the selected transaction"));
    gate(action(QStringLiteral("freeze")), role, Role::Supervisor, tr("Freeze the selected account"));
    gate(action(QStringLiteral("unfreeze")), role, Role::Supervisor, tr("Unfreeze the selected account"));
    gate(action(QStringLiteral("close")), role, Role::Supervisor,
         tr("Close the selected account (balance must be zero)"));
    gate(action(QStringLiteral("approve")), role, Role::Supervisor,
         tr("Approve the selected pending posting"));
    gate(action(QStringLiteral("reject")), role, Role::Supervisor, tr("Reject the selected pending posting"));

    // Then what the selection allows (the role's tooltip stays when the role is missing).
    auto need = [](QAction *a, bool ok, const QString &why) {
        if (!a->isEnabled())
            return;
        a->setEnabled(ok);
        if (!ok)
            a->setToolTip(why);
    };
    const QString pick = tr("Select a player account first");
    const bool open = player && account->state != AccountState::Closed;
    need(action(QStringLiteral("newAccount")), connected, tr("Not connected"));
    need(action(QStringLiteral("post")), onAccounts && open,
         account && !open ? tr("The account is closed") : pick);
    need(action(QStringLiteral("transfer")), onAccounts && open && account->state == AccountState::Active,
         account && account->state != AccountState::Active ? tr("Only active accounts can send transfers")
                                                           : pick);
    need(action(QStringLiteral("reverse")), onAccounts && m_accounts->detail()->selectedTransactionId() != 0,
         tr("Select a transaction in the account's history first"));
    need(action(QStringLiteral("freeze")), onAccounts && player && account->state == AccountState::Active,
         player ? tr("Only active accounts can be frozen") : pick);
    need(action(QStringLiteral("unfreeze")), onAccounts && player && account->state == AccountState::Frozen,
         player ? tr("The account is not frozen") : pick);
    need(action(QStringLiteral("close")), onAccounts && open,
         account && !open ? tr("The account is closed already") : pick);
    const bool approvalSelected =
        m_tabs->currentWidget() == m_approvals && m_approvals->selected() != nullptr;
    need(action(QStringLiteral("approve")), approvalSelected,
         tr("Select a pending posting in Approvals first"));
    need(action(QStringLiteral("reject")), approvalSelected,
         tr("Select a pending posting in Approvals first"));
    // While the ledger is unreachable nothing can be written: say so rather than let a dialog fail. Nor on a
    // ledger that cannot be written at all (a SQLite file on read-only media), for as long as it is open.
    const QString unreachable = tr("The ledger is unreachable; reconnecting…");
    const QString readOnly = m_client ? m_client->session().readOnlyReason : QString();
    for (const char *write : {"newAccount", "import", "post", "transfer", "reverse", "freeze", "unfreeze",
                              "close", "approve", "reject"}) {
        need(action(QLatin1StringView(write)), m_online, unreachable);
        need(action(QLatin1StringView(write)), readOnly.isEmpty(),
             tr("Nothing can be written to this ledger: %1").arg(readOnly));
    }
    action(QStringLiteral("verify"))->setEnabled(connected);
    const bool exportable = (onAccounts && account) || m_tabs->currentWidget() == m_journal;
    action(QStringLiteral("export"))->setEnabled(connected && exportable);
    action(QStringLiteral("export"))
        ->setToolTip(exportable ? tr("Save the account's history or the journal as CSV")
                                : tr("Select an account, or open the journal, first"));
    action(QStringLiteral("refresh"))->setEnabled(connected);
    action(QStringLiteral("statement"))->setEnabled(connected);
    action(QStringLiteral("statement"))
        ->setToolTip(tr("Save an account's or a player's statement for a range of days as PDF or CSV"));
    const bool several = onAccounts && m_accounts->selectedAccounts().size() >= 2;
    action(QStringLiteral("compare"))->setEnabled(connected && several);
    action(QStringLiteral("compare"))
        ->setToolTip(several
                         ? tr("Overlay the selected accounts' balances in one chart")
                         : tr("Select two or more accounts in the list first (Ctrl+click or Shift+click)"));
}

void MainWindow::refreshAll() {
    refreshLists();
    m_economy->refresh();
}

void MainWindow::refreshLists() {
    m_accounts->refresh();
    m_journal->refresh();
    m_approvals->refresh();
    m_audit->refresh();
    // The economy page reads every account of a currency: it is not redrawn at every posting, it says
    // that it is out of date and Refresh (F5) redraws it.
    m_economy->markOutdated();
}

void MainWindow::onAccountsChanged(const QList<qint64> &) {
    // Our own write: show it now rather than at the next poll. Every list may show a touched account.
    refreshLists();
}

void MainWindow::newAccount() {
    if (!m_client)
        return;
    auto *dialog = new NewAccountDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &NewAccountDialog::created, this, [this](const Account &account) {
        m_tabs->setCurrentWidget(m_accounts);
        m_accounts->showAccount(account.id);
    });
    dialog->open();
}

void MainWindow::post() {
    const auto account = m_accounts->detail()->account();
    if (!m_client || !account)
        return;
    auto *dialog = new PostingDialog(m_client, *account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::transfer() {
    const auto account = m_accounts->detail()->account();
    if (!m_client || !account)
        return;
    auto *dialog = new TransferDialog(m_client, *account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::reverse() {
    const qint64 transaction = m_accounts->detail()->selectedTransactionId();
    if (!m_client || transaction == 0)
        return;
    auto *dialog = new ReverseDialog(m_client, transaction, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::changeState(int target) {
    const auto account = m_accounts->detail()->account();
    if (!m_client || !account)
        return;
    auto *dialog = new AccountStateDialog(m_client, *account, AccountState(target), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::freeze() {
    changeState(int(AccountState::Frozen));
}

void MainWindow::unfreeze() {
    changeState(int(AccountState::Active));
}

void MainWindow::closeAccount() {
    changeState(int(AccountState::Closed));
}

void MainWindow::compareAccounts() {
    const QList<Account> accounts = m_accounts->selectedAccounts();
    if (!m_client || accounts.isEmpty())
        return;
    const QString problem = CompareChartWindow::refusal(accounts);
    if (!problem.isEmpty()) {
        auto *box =
            new QMessageBox(QMessageBox::Warning, tr("Compare balances"), problem, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("compareRefused"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    auto *window = new CompareChartWindow(m_client, accounts, this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->show();
}

void MainWindow::decide(bool approve) {
    const Approval *selected = m_approvals->selected();
    if (!m_client || !selected || m_client->session().role < Role::Supervisor)
        return;
    auto *dialog = new ApprovalDecisionDialog(m_client, *selected, approve, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::approve() {
    decide(true);
}

void MainWindow::reject() {
    decide(false);
}

void MainWindow::verify() {
    m_fileActions->verify(m_client);
}

FileMenuActions::ExportSource MainWindow::exportSource() const {
    if (m_tabs->currentWidget() == m_journal)
        return {m_journal->model()->query(), std::nullopt};
    return {std::nullopt, m_accounts->detail()->account()};
}

void MainWindow::statement() {
    if (!m_client)
        return;
    // Prefilled from the selected account (the list's context menu acts on the row under it).
    auto *dialog = new StatementDialog(m_client, m_accounts->detail()->account(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::exportCsv() {
    m_fileActions->chooseExport(m_client, exportSource());
}

QFuture<Result<qint64>> MainWindow::exportTo(const QString &path) {
    return m_fileActions->exportTo(m_client, exportSource(), path);
}

void MainWindow::importCsv() {
    importFrom(QString());
}

ImportDialog *MainWindow::importFrom(const QString &path) {
    if (!m_client)
        return nullptr;
    auto *dialog = new ImportDialog(m_client, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Whatever a posting wrote (all of it, or part before a cancel) is in the ledger: the lists follow.
    connect(dialog, &ImportDialog::posted, this, &MainWindow::refreshAll);
    dialog->open();
    if (!path.isEmpty())
        dialog->setFile(path);
    return dialog;
}

void MainWindow::about() {
    QMessageBox::about(this, tr("About WalletDesk"),
                       tr("<h3>WalletDesk %1</h3><p>Revision %2</p><p>Administration of virtual-currency "
                          "wallets over a double-entry ledger.</p>")
                           .arg(QStringLiteral(WALLETDESK_VERSION), QStringLiteral(WALLETDESK_GIT_REVISION)));
}

void MainWindow::showAccounts() {
    m_tabs->setCurrentWidget(m_accounts);
}

void MainWindow::showJournal() {
    m_tabs->setCurrentWidget(m_journal);
}

void MainWindow::showApprovals() {
    m_tabs->setCurrentWidget(m_approvals);
}

void MainWindow::showAudit() {
    m_tabs->setCurrentWidget(m_audit);
}

void MainWindow::showEconomy() {
    m_tabs->setCurrentWidget(m_economy);
}

void MainWindow::findAccount() {
    m_tabs->setCurrentWidget(m_accounts);
    m_accounts->focusSearch();
}

void MainWindow::openConnection() {
    Q_EMIT connectRequested();
}

void MainWindow::setLanguage(const QString &code) {
    QSettings().setValue(QStringLiteral("ui/language"), code);
    QMessageBox::information(this, tr("Language"),
                             tr("The new language applies the next time WalletDesk starts."));
}

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings settings;
    settings.setValue(StateGroup + QStringLiteral("/geometry"), saveGeometry());
    settings.setValue(StateGroup + QStringLiteral("/state"), saveState());
    m_accounts->saveState(StateGroup);
    m_journal->saveState(StateGroup);
    m_approvals->saveState(StateGroup);
    m_audit->saveState(StateGroup);
    event->accept();
}

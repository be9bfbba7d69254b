#pragma once

#include "filemenuactions.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class AccountsPage;
class ApprovalsPage;
class AuditPage;
class EconomyPage;
class ImportDialog;
class ConnectionIndicators;
struct ConnectionProfile;
class JournalPage;
class QTabWidget;
class SignInAgainPrompt;

/// The desktop app's window: Accounts (list + detail), Journal, Approvals and Audit log as tabs, menus with
/// a shortcut for every action, and a status bar naming the connection, the operator and the role.
///
/// Actions a role may not take are disabled with a tooltip naming the role needed (the ledger refuses
/// them anyway). The window follows the ledger as it changes: its own writes at once, others' (another
/// desktop, walletd, walletctl) within the poll interval.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;
    Q_DISABLE_COPY_MOVE(MainWindow)

    /// Takes `client` (already signed in) and shows its ledger. The previous client is deleted.
    void setClient(LedgerClient *client);
    LedgerClient *client() const { return m_client; }
    /// How often others' changes are looked for (ms). The default is 2000.
    void setPollInterval(int ms);

    AccountsPage *accountsPage() const { return m_accounts; }
    JournalPage *journalPage() const { return m_journal; }
    ApprovalsPage *approvalsPage() const { return m_approvals; }
    AuditPage *auditPage() const { return m_audit; }
    EconomyPage *economyPage() const { return m_economy; }
    QTabWidget *tabs() const { return m_tabs; }
    /// The action with this object name ("post", "transfer", "reverse", ...), for tests and the toolbar.
    QAction *action(const QString &name) const { return m_actions.value(name); }
    /// Exports what the current page shows (the selected account's history, or the journal under its
    /// filters) to `path` as CSV, in the background with a progress dialog that can cancel. The returned
    /// future is the export's (rows written).
    QFuture<Result<qint64>> exportTo(const QString &path);
    /// File > Import postings…: opens ImportDialog (deleted when closed) and, given a path, checks that file.
    /// Nullptr when not connected.
    ImportDialog *importFrom(const QString &path);

Q_SIGNALS:
    /// File > Connect…: the application shows the connection dialog.
    void connectRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QAction *addAction(const QString &name, const QString &text, const QKeySequence &shortcut,
                       void (MainWindow::*slot)());
    void updateActions();
    void updateStatus();
    void refreshAll();
    void onAccountsChanged(const QList<qint64> &ids);
    void loadReferenceData();

    void newAccount();
    void post();
    void transfer();
    void reverse();
    void freeze();
    void unfreeze();
    void closeAccount();
    void compareAccounts();
    /// File > Statement… (and the accounts list's context menu): opens StatementDialog.
    void statement();
    void approve();
    void reject();
    void verify();
    void exportCsv();
    /// What Export writes: the journal when it is shown, else the selected account's history.
    FileMenuActions::ExportSource exportSource() const;
    void importCsv();
    void about();
    void showAccounts();
    void showJournal();
    void showApprovals();
    void showAudit();
    void showEconomy();
    void refreshLists();
    void findAccount();
    void openConnection();
    void setLanguage(const QString &code);
    void changeState(int target);
    void decide(bool approve);

    QPointer<LedgerClient> m_client;
    int m_pollMs = 2000;
    QTabWidget *m_tabs = nullptr;
    AccountsPage *m_accounts = nullptr;
    JournalPage *m_journal = nullptr;
    ApprovalsPage *m_approvals = nullptr;
    AuditPage *m_audit = nullptr;
    EconomyPage *m_economy = nullptr;
    ConnectionIndicators *m_indicators = nullptr;
    FileMenuActions *m_fileActions = nullptr;
    SignInAgainPrompt *m_signIn = nullptr;
    QHash<QString, QAction *> m_actions;
    bool m_online = true;
    QString m_offlineReason; ///< what failed when the connection was lost, for the status bar's tooltip
};

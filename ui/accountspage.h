#pragma once

#include "account.h"
#include "accountquery.h"
#include "currency.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class AccountDetailView;
class AccountTableModel;
class LedgerClient;
class QLineEdit;
class QTableView;
class QTimer;
namespace Ui {
class AccountsPage;
}

/// The support agent's main screen: find a wallet (search as you type, filters, any sort), and see it in
/// the detail pane beside the list.
class AccountsPage final : public QWidget {
    Q_OBJECT
public:
    explicit AccountsPage(QWidget *parent = nullptr);
    ~AccountsPage() override;
    Q_DISABLE_COPY_MOVE(AccountsPage)

    void setClient(LedgerClient *client);
    void setCurrencies(const QList<Currency> &currencies);
    /// Re-reads the list and the open account in place (after a change in the ledger).
    void refresh();
    /// Selects (and shows) the account with this id, searching for it when it is not in the list.
    void showAccount(qint64 accountId);
    void focusSearch();

    AccountTableModel *model() const { return m_model; }
    QTableView *table() const;
    AccountDetailView *detail() const;
    QLineEdit *searchField() const;
    /// The account whose detail is shown (0: none).
    qint64 currentAccountId() const;
    /// The selected rows' accounts in list order (the list selects several with Ctrl or Shift); rows whose
    /// page has not arrived yet are left out.
    QList<Account> selectedAccounts() const;

    void saveState(const QString &group) const;
    void restoreState(const QString &group);

Q_SIGNALS:
    void currentAccountChanged(qint64 accountId);
    /// The set of selected rows changed (Account > Compare balances needs two or more).
    void selectionChanged();

private:
    void applyFilters();
    void updateCount(qint64 count);
    void onCurrentRowChanged();
    std::optional<qint64> parseBalance(QLineEdit *field, bool *ok);

    QPointer<LedgerClient> m_client;
    QList<Currency> m_currencies;
    std::unique_ptr<Ui::AccountsPage> m_ui;
    AccountTableModel *m_model = nullptr;
    QTimer *m_searchDelay = nullptr;
    qint64 m_pendingSelection = 0;
};

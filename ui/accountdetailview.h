#pragma once

#include "account.h"

#include <QPointer>
#include <QWidget>

class BalanceChartView;
class HistoryTableModel;
class LedgerClient;
class QLabel;
class QTabWidget;
class QTableView;

/// One account: balances and state up top, then its history (lazy, newest first) and its balance chart.
class AccountDetailView final : public QWidget {
    Q_OBJECT
public:
    explicit AccountDetailView(QWidget *parent = nullptr);
    ~AccountDetailView() override;
    Q_DISABLE_COPY_MOVE(AccountDetailView)

    /// Shows `accountId` of `client` (0: nothing).
    void setAccount(LedgerClient *client, qint64 accountId);
    /// Re-reads the account, the newest history and the chart, keeping the history's scroll position.
    void refresh();

    qint64 accountId() const { return m_accountId; }
    /// The account as last loaded (empty while loading).
    std::optional<Account> account() const { return m_account; }
    /// The transaction of the selected history row (0: none).
    qint64 selectedTransactionId() const;

    HistoryTableModel *history() const { return m_history; }
    QTableView *historyTable() const { return m_historyTable; }
    BalanceChartView *chart() const { return m_chart; }
    QTabWidget *tabs() const { return m_tabs; }

    void saveState(const QString &group) const;
    void restoreState(const QString &group);

Q_SIGNALS:
    /// The account was (re)loaded; the main window enables actions by its state.
    void accountLoaded(const Account &account);
    /// The selected history row changed.
    void selectedTransactionChanged(qint64 transactionId);
    /// A reversal link was activated (double-click on the link column).
    void linkedTransactionActivated(qint64 transactionId);

private:
    void load();
    void show(const Account &account);

    QPointer<LedgerClient> m_client;
    qint64 m_accountId = 0;
    std::optional<Account> m_account;
    quint64 m_generation = 0;

    QLabel *m_title = nullptr;
    QLabel *m_balance = nullptr;
    QLabel *m_available = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_facts = nullptr;
    QTabWidget *m_tabs = nullptr;
    HistoryTableModel *m_history = nullptr;
    QTableView *m_historyTable = nullptr;
    BalanceChartView *m_chart = nullptr;
};

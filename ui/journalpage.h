#pragma once

#include "currency.h"
#include "journalquery.h"

#include <QPointer>
#include <QWidget>

class JournalTableModel;
class LedgerClient;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QTableView;

/// Every entry of every account, newest first, with filters by kind, operator, time and amount.
class JournalPage final : public QWidget {
    Q_OBJECT
public:
    explicit JournalPage(QWidget *parent = nullptr);

    void setClient(LedgerClient *client);
    void setCurrencies(const QList<Currency> &currencies);
    void setOperators(const QStringList &names);
    void refresh();
    /// Shows the entries of `query` (kind, currency and UTC days), as the economy page's drill-down asks.
    void showQuery(const JournalQuery &query);

    JournalTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void saveState(const QString &group) const;
    void restoreState(const QString &group);

Q_SIGNALS:
    /// Double-click on an entry: show its account.
    void accountActivated(qint64 accountId);

private:
    void applyFilters();

    QPointer<LedgerClient> m_client;
    QList<Currency> m_currencies;
    JournalTableModel *m_model = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_operator = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_currency = nullptr;
    QLineEdit *m_minAmount = nullptr;
    QLineEdit *m_maxAmount = nullptr;
    QLabel *m_error = nullptr;
    QTableView *m_table = nullptr;
};

#pragma once

#include "currency.h"
#include "journalquery.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class JournalTableModel;
class LedgerClient;
class QTableView;
namespace Ui {
class JournalPage;
}

/// Every entry of every account, newest first, with filters by kind, operator, time and amount.
class JournalPage final : public QWidget {
    Q_OBJECT
public:
    explicit JournalPage(QWidget *parent = nullptr);
    ~JournalPage() override;
    Q_DISABLE_COPY_MOVE(JournalPage)

    void setClient(LedgerClient *client);
    void setCurrencies(const QList<Currency> &currencies);
    void setOperators(const QStringList &names);
    void refresh();
    /// Shows the entries of `query` (kind, currency and UTC days), as the economy page's drill-down asks.
    void showQuery(const JournalQuery &query);

    JournalTableModel *model() const { return m_model; }
    QTableView *table() const;
    void saveState(const QString &group) const;
    void restoreState(const QString &group);

Q_SIGNALS:
    /// Double-click on an entry: show its account.
    void accountActivated(qint64 accountId);

private:
    void applyFilters();

    std::unique_ptr<Ui::JournalPage> m_ui;
    QPointer<LedgerClient> m_client;
    QList<Currency> m_currencies;
    JournalTableModel *m_model = nullptr;
};

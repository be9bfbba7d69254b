#pragma once

#include "balancedistribution.h"
#include "currency.h"
#include "economyreport.h"
#include "journalquery.h"

#include <QPointer>
#include <QWidget>
#include <memory>

class ChartPanel;
class LedgerClient;
class QButtonGroup;
class QStandardItemModel;
class QTabWidget;
class QTableView;
namespace Ui {
class EconomyPage;
}

/// The analysts' page: a currency's economy over a range of days, from the ledger's own figures (every
/// amount exact, every bar leading to the transactions behind it). Holdings with treasury and net issuance;
/// sources and sinks by kind; active players; who holds the currency (histogram, top shares, Gini, top
/// holders); and whether the figures add up (previous holdings + sources - sinks = holdings, every day).
class EconomyPage final : public QWidget {
    Q_OBJECT
public:
    enum class Range { Week, Month, Quarter, Year, All, Custom };

    explicit EconomyPage(QWidget *parent = nullptr);
    ~EconomyPage() override;
    Q_DISABLE_COPY_MOVE(EconomyPage)

    void setClient(LedgerClient *client);
    void setCurrencies(const QList<Currency> &currencies);
    void setCurrency(const QString &code);
    void setRange(Range range);
    /// A custom range of UTC days, both inclusive.
    void setCustomRange(const QDate &from, const QDate &to);
    void refresh();
    /// The ledger changed: say the page is out of date (it is redrawn on Refresh, or when next shown).
    void markOutdated();

    bool isLoading() const { return m_pending > 0; }
    const EconomyReport &report() const { return m_report; }
    const BalanceDistribution &distribution() const { return m_distribution; }
    QString identityText() const;
    ChartPanel *holdingsChart() const { return m_holdings; }
    ChartPanel *flowsChart() const { return m_flows; }
    ChartPanel *activeChart() const { return m_active; }
    ChartPanel *averageChart() const { return m_average; }
    ChartPanel *histogramChart() const { return m_histogram; }
    QTableView *flowsTable() const;
    QTableView *holdersTable() const;
    QTableView *daysTable() const;
    QTabWidget *tabs() const;
    /// Writes a table as CSV (what it shows, amounts in plain exact form). False with `error` on failure.
    bool exportTable(QTableView *table, const QString &path, QString *error) const;
    /// The journal query behind a day of the flows (and a kind, if the click hit one of its bars).
    JournalQuery drillDownQuery(qint64 dayStartMs, std::optional<TransactionKind> kind) const;

Q_SIGNALS:
    void loaded();
    /// The day figures (not yet the distribution) are drawn.
    void reportShown();
    /// Show these transactions in the Journal (a bar or a day was clicked).
    void journalRequested(const JournalQuery &query);
    /// Show this account (a top holder was double-clicked).
    void accountRequested(qint64 accountId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load();
    void showReport();
    void showDistribution();
    void fillFlowsTable();
    void fillDaysTable();
    void exportFromButton(QTableView *table, const QString &suggestedName);
    std::pair<qint64, qint64> rangeMs() const;

    QPointer<LedgerClient> m_client;
    QList<Currency> m_currencies;
    Range m_range = Range::Quarter;
    quint64 m_generation = 0;
    int m_pending = 0;
    bool m_stale = false; ///< a refresh was asked for while hidden
    EconomyReport m_report;
    BalanceDistribution m_distribution;

    std::unique_ptr<Ui::EconomyPage> m_ui;
    QButtonGroup *m_rangeButtons = nullptr;
    // The chart panels take their title and chart in the constructor, so they are made here and put into
    // the form's splitters and layouts rather than promoted in economypage.ui.
    ChartPanel *m_holdings = nullptr;
    ChartPanel *m_flows = nullptr;
    ChartPanel *m_active = nullptr;
    ChartPanel *m_average = nullptr;
    ChartPanel *m_histogram = nullptr;
    QStandardItemModel *m_flowsModel = nullptr;
    QStandardItemModel *m_holdersModel = nullptr;
    QStandardItemModel *m_daysModel = nullptr;
};

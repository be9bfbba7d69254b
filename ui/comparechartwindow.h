#pragma once

#include "account.h"
#include "balancechartview.h"

#include <QPointer>
#include <QWidget>

class ChartPanel;
class LedgerClient;
class QButtonGroup;
class QCategoryAxis;
class QDateTimeAxis;
class QLabel;
class QLineSeries;

/// Several accounts of one currency overlaid (Account > Compare balances): one step line per account, each
/// its own colour and legend entry, over the same ranges as the account chart (7 days … All), from the daily
/// rollups through LedgerClient::balanceSeries. The hover read-out lists every account's balance on the day
/// under the mouse, formatted from the exact integers.
class CompareChartWindow final : public QWidget {
    Q_OBJECT
public:
    using Range = BalanceChartView::Range;
    /// More lines than this are a tangle (and the colours would repeat).
    static constexpr int MaxAccounts = 8;

    /// Why `accounts` cannot be compared (fewer than two, different currencies, too many), or empty.
    static QString refusal(const QList<Account> &accounts);
    /// The legend's name of an account: player reference / name (currency).
    static QString legendText(const Account &account);

    /// `accounts` must pass refusal(); the window is a top-level window of its own even with a parent.
    CompareChartWindow(LedgerClient *client, const QList<Account> &accounts, QWidget *parent = nullptr);
    ~CompareChartWindow() override;
    Q_DISABLE_COPY_MOVE(CompareChartWindow)

    void setRange(Range range);
    Range range() const { return m_range; }
    void reload();
    bool isLoading() const { return m_pending > 0; }

    const QList<Account> &accounts() const { return m_accounts; }
    /// Account i's step line over the range (exact, before thinning): a value holds until the next point.
    const QList<SeriesPoint> &lineOf(int index) const { return m_lines.at(index).exact; }
    /// The drawn series, one per account in the order of accounts().
    QList<QLineSeries *> series() const;
    ChartPanel *panel() const { return m_panel; }
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    /// The hover read-out at moment `t`: the day (UTC) and each account's balance at its end.
    QString describeAt(qint64 t) const;

Q_SIGNALS:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Line {
        QList<BalancePoint> days;
        std::optional<qint64> quietBalance; ///< no entry in the range: the balance that held
        QList<SeriesPoint> exact;
        QLineSeries *series = nullptr;
    };
    void loadOne(int index, quint64 generation, qint64 from);
    void doneOne(quint64 generation);
    void finish();
    void redraw();
    void applyStyle();
    int columns() const;

    QPointer<LedgerClient> m_client;
    QList<Account> m_accounts;
    QList<Line> m_lines;
    QStringList m_problems;
    Range m_range = Range::Quarter;
    quint64 m_generation = 0;
    int m_pending = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_drawnColumns = 0;

    QButtonGroup *m_rangeButtons = nullptr;
    QLabel *m_problem = nullptr;
    ChartPanel *m_panel = nullptr;
    QDateTimeAxis *m_time = nullptr;
    QCategoryAxis *m_value = nullptr;
};

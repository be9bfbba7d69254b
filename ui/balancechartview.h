#pragma once

#include "balancepoint.h"
#include "chartrange.h"
#include "seriesreducer.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class ChartPanel;
class LedgerClient;
class QAreaSeries;
class QBoxLayout;
class QButtonGroup;
class QCategoryAxis;
class QDateTimeAxis;
class QLineSeries;

/// An account's balance over time: 7 days, 30 days, 90 days, a year or everything (UTC days, today included),
/// from the daily rollups (never the raw entries).
///
/// The balance is a step line: a day's closing holds from the start of that day until the next day with
/// entries, flat across quiet days. Behind it, each day's lowest to highest balance is a semi-transparent
/// band; under it, a shorter chart on the same time range shows each day's money in (up) and out (down).
/// Where the range is long the line is thinned to at most four points per pixel column (SeriesReducer) and
/// the band and bars cover several days each. Both charts are ChartPanels: hover read-out, zoom and pan (the
/// two charts move together), Save as PNG or SVG, Copy. The lines are drawn from doubles, as any chart is,
/// but every figure a person reads (axis labels, the hover read-out) is formatted from the exact integers.
class BalanceChartView final : public QWidget {
    Q_OBJECT
public:
    using Range = ChartRange;

    /// Several days of rollups taken together, as the band, the bars and the read-out show them (one day,
    /// unless the range has more days than the chart has room for).
    struct Span {
        qint64 startMs = 0; ///< midnight UTC
        qint64 endMs = 0;   ///< midnight UTC after the last day
        qint64 opening = 0, closing = 0, low = 0, high = 0, inflow = 0, outflow = 0, entryCount = 0;
    };

    explicit BalanceChartView(QWidget *parent = nullptr);
    ~BalanceChartView() override;
    Q_DISABLE_COPY_MOVE(BalanceChartView)

    void setAccount(LedgerClient *client, qint64 accountId, const QString &currency, int exponent);
    void setRange(Range range);
    Range range() const { return m_range; }
    /// Reloads the series (after the account changed).
    void reload();

    /// The balance step line as drawn (thinned where long): each point's value holds until the next point.
    /// The last point is at the end of the range with the current balance.
    const QList<SeriesPoint> &points() const { return m_points; }
    /// The daily rollups in the range, as the ledger gave them (exact).
    const QList<BalancePoint> &days() const { return m_days; }
    /// What the band and the bars show: one span a day, or several days a span where the range is long.
    const QList<Span> &spans() const { return m_spans; }
    qint64 fromMs() const { return m_fromMs; }
    qint64 toMs() const { return m_toMs; }
    bool isLoading() const { return m_loading; }
    /// The hover read-out at moment `t` (ms since epoch): the day (UTC), the balance at its end in currency
    /// units, and on days with entries the day's low, high, money in and out.
    QString describePointNear(qint64 t) const;

    ChartPanel *balancePanel() const { return m_balancePanel; }
    ChartPanel *flowsPanel() const { return m_flowsPanel; }
    QLineSeries *balanceSeries() const { return m_line; }
    QAreaSeries *rangeBand() const { return m_band; }
    QAreaSeries *inflowSeries() const { return m_inflow; }
    QAreaSeries *outflowSeries() const { return m_outflow; }

    /// The range buttons (7 days … All) in a row, checkable, ids are Range values, object names "rangeN".
    static QButtonGroup *addRangeButtons(QWidget *parent, QBoxLayout *layout, Range checked);
    /// The closing step line over [fromMs, toMs] from daily rollups (sorted by day): before the first day its
    /// opening, from each day's start its closing, held to the next change; a change is a point just before
    /// the day (the old value) and one at its start (the new), so that no segment slopes. With no days,
    /// `quietBalance` (when given) held over the whole range.
    static QList<SeriesPoint> stepLine(const QList<BalancePoint> &days, qint64 fromMs, qint64 toMs,
                                       std::optional<qint64> quietBalance = std::nullopt);
    /// The value of a step line at `t`: the value of its last point at or before `t` (the first point's
    /// before it).
    static qint64 valueAt(const QList<SeriesPoint> &line, qint64 t);
    /// A UTC day as people read it in this locale.
    static QString dayText(qint64 dayStartMs);

Q_SIGNALS:
    void loaded();

protected:
    void changeEvent(QEvent *event) override;

private:
    void finishLoading(const QList<BalancePoint> &days, qint64 from, qint64 to, std::optional<qint64> quiet,
                       const QString &problem);
    /// Series from m_days for the chart's width now (the axes stay as they are: a resize keeps the zoom).
    void redraw();
    /// Axis ranges and labels for new data; undoes any zoom.
    void setAxes();
    /// The value axes for the data shown (after new data, and after a zoom reset restored older ones).
    void applyValueRanges();
    void applyStyle();
    void onPlotAreaChanged();
    int columns() const;

    QPointer<LedgerClient> m_client;
    qint64 m_accountId = 0;
    QString m_currency;
    int m_exponent = 0;
    Range m_range = Range::Quarter;
    quint64 m_generation = 0;
    bool m_loading = false;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QList<BalancePoint> m_days;    ///< exact, from the ledger
    QList<SeriesPoint> m_stepLine; ///< the whole step line in range, exact
    QList<SeriesPoint> m_points;   ///< what is drawn: m_stepLine thinned to the chart's width
    QList<Span> m_spans;           ///< what the band and the bars show
    int m_drawnColumns = 0;
    qint64 m_axesAccount = 0, m_axesFrom = 0, m_axesTo = 0; ///< what the time axes were last set for
    qint64 m_balanceLow = 0, m_balanceHigh = 0, m_flowsMaxIn = 0, m_flowsMaxOut = 0;
    bool m_syncing = false;
    int m_alignRounds = 0; ///< alignments since the charts last changed width
    std::pair<qreal, qreal> m_alignedWidths;

    QButtonGroup *m_rangeButtons = nullptr;
    ChartPanel *m_balancePanel = nullptr;
    ChartPanel *m_flowsPanel = nullptr;
    QLineSeries *m_line = nullptr;
    QAreaSeries *m_band = nullptr;
    QAreaSeries *m_inflow = nullptr;
    QAreaSeries *m_outflow = nullptr;
    QDateTimeAxis *m_balanceTime = nullptr;
    QDateTimeAxis *m_flowsTime = nullptr;
    QCategoryAxis *m_balanceValue = nullptr;
    QCategoryAxis *m_flowsValue = nullptr;
};

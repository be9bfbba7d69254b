#pragma once

#include "seriesreducer.h"

#include <QPointer>
#include <QWidget>

class LedgerClient;
class QButtonGroup;
class QChart;
class QChartView;
class QCategoryAxis;
class QDateTimeAxis;
class QLabel;
class QLineSeries;

/// An account's balance over time: 7 days, 30 days, 90 days, a year or everything, from the daily rollups
/// (never the raw entries), thinned to at most four points per pixel column. The line is drawn from
/// doubles, as any chart is, but every figure a person reads (axis labels, the hover value) is formatted
/// from the exact integers.
class BalanceChartView final : public QWidget {
    Q_OBJECT
public:
    enum class Range { Week, Month, Quarter, Year, All };

    explicit BalanceChartView(QWidget *parent = nullptr);
    ~BalanceChartView() override;
    Q_DISABLE_COPY_MOVE(BalanceChartView)

    void setAccount(LedgerClient *client, qint64 accountId, const QString &currency, int exponent);
    void setRange(Range range);
    Range range() const { return m_range; }
    /// Reloads the series (after the account changed).
    void reload();

    /// What the chart shows now, for tests and the hover label.
    const QList<SeriesPoint> &points() const { return m_points; }
    bool isLoading() const { return m_loading; }
    /// The text of the hover label for the point nearest to `t` (what a person reads when pointing there).
    QString describePointNear(qint64 t) const;

Q_SIGNALS:
    void loaded();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void showPoints();
    void onHovered(const QPointF &point, bool state);
    qint64 rangeStart(qint64 now) const;

    QPointer<LedgerClient> m_client;
    qint64 m_accountId = 0;
    QString m_currency;
    int m_exponent = 0;
    Range m_range = Range::Quarter;
    quint64 m_generation = 0;
    bool m_loading = false;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QList<SeriesPoint> m_line;   ///< the whole line in range, exact
    QList<SeriesPoint> m_points; ///< what is drawn: m_line thinned to the chart's width

    QButtonGroup *m_rangeButtons = nullptr;
    QLabel *m_hoverLabel = nullptr;
    QLabel *m_emptyLabel = nullptr;
    QChart *m_chart = nullptr; ///< owned by m_view
    QChartView *m_view = nullptr;
    QLineSeries *m_series = nullptr;
    QDateTimeAxis *m_timeAxis = nullptr;
    QCategoryAxis *m_valueAxis = nullptr;
};

#include "balancechartview.h"

#include "account.h"
#include "chartaxes.h"
#include "chartpanel.h"
#include "interactivechartview.h"
#include "ledgerclient.h"
#include "money.h"

#include <QApplication>
#include <QAreaSeries>
#include <QButtonGroup>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr int BaseMargin = 4; ///< ChartPanel's margins around a chart

/// Sums of flows over several days stay inside the int64 range (saturating: such a sum cannot be shown
/// anyway).
qint64 saturatingAdd(qint64 a, qint64 b) {
    qint64 out = 0;
    if (__builtin_add_overflow(a, b, &out))
        return b > 0 ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
    return out;
}

QDateTime utc(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QString money(qint64 minor, int exponent) {
    return Money::formatLocalized(minor, exponent, QLocale());
}

/// The same left and right edges for two plots stacked in one column, so that a day is at the same x in both:
/// the plot with the narrower axis labels gets the difference as extra margin. Only once both charts have the
/// column's width (while a layout settles one may still have its old size).
void alignPlots(QChart *a, QChart *b) {
    const QRectF pa = a->plotArea(), pb = b->plotArea();
    const qreal width = a->size().width();
    if (pa.width() <= 0 || pb.width() <= 0 || width < 100 || std::abs(b->size().width() - width) > 1)
        return;
    const QMargins ma = a->margins(), mb = b->margins();
    // How far each plot would be from the chart's edges with the base margins.
    const qreal leftA = pa.left() - (ma.left() - BaseMargin), leftB = pb.left() - (mb.left() - BaseMargin);
    const qreal rightA = a->size().width() - pa.right() - (ma.right() - BaseMargin),
                rightB = b->size().width() - pb.right() - (mb.right() - BaseMargin);
    const qreal left = std::max(leftA, leftB), right = std::max(rightA, rightB);
    const QMargins na(BaseMargin + qRound(left - leftA), ma.top(), BaseMargin + qRound(right - rightA),
                      ma.bottom());
    const QMargins nb(BaseMargin + qRound(left - leftB), mb.top(), BaseMargin + qRound(right - rightB),
                      mb.bottom());
    if (na != ma)
        a->setMargins(na);
    if (nb != mb)
        b->setMargins(nb);
}

QList<QPointF> drawn(const QList<SeriesPoint> &line) {
    QList<QPointF> out;
    out.reserve(line.size());
    for (const SeriesPoint &p : line)
        out.append(QPointF(qreal(p.t), qreal(p.v))); // screen coordinates only
    return out;
}

QDateTimeAxis *timeAxis(QChart *chart) {
    auto *axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("d MMM"));
    axis->setTickCount(6);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QCategoryAxis *valueAxis(QChart *chart) {
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart->addAxis(axis, Qt::AlignLeft);
    return axis;
}

QAreaSeries *areaSeries(QChart *chart, const QString &name, QAbstractAxis *x, QAbstractAxis *y) {
    auto *upper = new QLineSeries, *lower = new QLineSeries;
    auto *area = new QAreaSeries(upper, lower);
    upper->setParent(area);
    lower->setParent(area);
    area->setName(name);
    chart->addSeries(area);
    area->attachAxis(x);
    area->attachAxis(y);
    return area;
}

} // namespace

BalanceChartView::BalanceChartView(QWidget *parent)
    : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_rangeButtons = addRangeButtons(this, bar, m_range);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });
    bar->addStretch();
    layout->addLayout(bar);

    // The balance: the closing as a step line over the day's low-to-high band.
    auto *balanceChart = new QChart;
    m_balanceTime = timeAxis(balanceChart);
    m_balanceValue = valueAxis(balanceChart);
    m_band = areaSeries(balanceChart, tr("Lowest to highest balance during the day"), m_balanceTime,
                        m_balanceValue);
    m_line = new QLineSeries;
    m_line->setName(tr("Balance at the end of the day"));
    balanceChart->addSeries(m_line); // after the band: drawn over it
    m_line->attachAxis(m_balanceTime);
    m_line->attachAxis(m_balanceValue);
    balanceChart->legend()->setAlignment(Qt::AlignTop);
    m_balancePanel = new ChartPanel(tr("Balance"), balanceChart, this);
    m_balancePanel->setObjectName(QStringLiteral("balancePanel"));
    m_balancePanel->view()->setMinimumHeight(110);

    // Money in and out per day, on the same time range, below.
    auto *flowsChart = new QChart;
    m_flowsTime = timeAxis(flowsChart);
    m_flowsValue = valueAxis(flowsChart);
    m_inflow = areaSeries(flowsChart, tr("Money in"), m_flowsTime, m_flowsValue);
    m_outflow = areaSeries(flowsChart, tr("Money out"), m_flowsTime, m_flowsValue);
    flowsChart->legend()->hide(); // the title says it: there is no room for a legend under the balance
    m_flowsPanel = new ChartPanel(tr("Money in (up) and out (down) per day"), flowsChart, this);
    m_flowsPanel->setObjectName(QStringLiteral("flowsPanel"));
    m_flowsPanel->view()->setMinimumHeight(80);

    for (ChartPanel *panel : {m_balancePanel, m_flowsPanel}) {
        panel->chart()->layout()->setContentsMargins(0, 0, 0, 0); // every pixel of height for the plots
        panel->setDescriber([this](const QPointF &value) {
            return std::isfinite(value.x()) ? describePointNear(qint64(value.x())) : QString();
        });
        // A long read-out is cut at the panel's edge rather than widening the window.
        if (auto *hover = panel->findChild<QLabel *>(QStringLiteral("chartHover")))
            hover->setSizePolicy(QSizePolicy::Ignored, hover->sizePolicy().verticalPolicy());
    }
    layout->addWidget(m_balancePanel, 3);
    layout->addWidget(m_flowsPanel, 2);

    // Both charts show the same days: zooming or panning one moves the other; resetting one resets both.
    connect(m_balanceTime, &QDateTimeAxis::rangeChanged, this,
            [this](const QDateTime &min, const QDateTime &max) {
                if (m_syncing)
                    return;
                m_syncing = true;
                m_flowsTime->setRange(min, max);
                m_syncing = false;
            });
    connect(m_flowsTime, &QDateTimeAxis::rangeChanged, this,
            [this](const QDateTime &min, const QDateTime &max) {
                if (m_syncing)
                    return;
                m_syncing = true;
                m_balanceTime->setRange(min, max);
                m_syncing = false;
            });
    // A reset restores the value axes of when the zoom began: today's data may have moved since.
    connect(m_balancePanel->view(), &InteractiveChartView::zoomChanged, this, [this](bool zoomed) {
        if (zoomed)
            return;
        m_flowsPanel->view()->resetZoom();
        applyValueRanges();
    });
    connect(m_flowsPanel->view(), &InteractiveChartView::zoomChanged, this, [this](bool zoomed) {
        if (zoomed)
            return;
        m_balancePanel->view()->resetZoom();
        applyValueRanges();
    });
    for (ChartPanel *panel : {m_balancePanel, m_flowsPanel})
        connect(panel->chart(), &QChart::plotAreaChanged, this, &BalanceChartView::onPlotAreaChanged);
    applyStyle();
    finishLoading({}, 0, 0, std::nullopt, QString());
}

BalanceChartView::~BalanceChartView() = default;

QButtonGroup *BalanceChartView::addRangeButtons(QWidget *parent, QBoxLayout *layout, Range checked) {
    auto *group = new QButtonGroup(parent);
    const std::pair<Range, QString> ranges[] = {{Range::Week, tr("7 days")},
                                                {Range::Month, tr("30 days")},
                                                {Range::Quarter, tr("90 days")},
                                                {Range::Year, tr("1 year")},
                                                {Range::All, tr("All")}};
    for (const auto &[range, label] : ranges) {
        auto *button = new QPushButton(label, parent);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("range%1").arg(int(range)));
        button->setChecked(range == checked);
        group->addButton(button, int(range));
        layout->addWidget(button);
    }
    group->setExclusive(true);
    return group;
}

QList<SeriesPoint> BalanceChartView::stepLine(const QList<BalancePoint> &days, qint64 fromMs, qint64 toMs,
                                              std::optional<qint64> quietBalance) {
    QList<SeriesPoint> line;
    if (toMs <= fromMs)
        return line;
    if (days.isEmpty()) {
        if (quietBalance)
            line << SeriesPoint{fromMs, *quietBalance} << SeriesPoint{toMs, *quietBalance};
        return line;
    }
    line.reserve(days.size() * 2 + 2);
    line.append({fromMs, days.first().opening});
    qint64 value = days.first().opening;
    for (const BalancePoint &d : days) {
        if (d.dayStartMs >= toMs)
            break;
        if (d.dayStartMs <= fromMs) { // the day the range starts in: its closing from the start
            value = d.closing;
            line.last().v = value;
            continue;
        }
        if (d.closing == value)
            continue; // back where it was by the day's end: the line stays flat (the band shows the day)
        // The old value up to the day, the new one from its start: a vertical step, never a slope.
        if (line.last().t < d.dayStartMs - 1)
            line.append({d.dayStartMs - 1, value});
        value = d.closing;
        line.append({d.dayStartMs, value});
    }
    line.append({toMs, value});
    return line;
}

qint64 BalanceChartView::valueAt(const QList<SeriesPoint> &line, qint64 t) {
    if (line.isEmpty())
        return 0;
    auto it = std::upper_bound(line.cbegin(), line.cend(), t,
                               [](qint64 value, const SeriesPoint &p) { return value < p.t; });
    return it == line.cbegin() ? line.first().v : std::prev(it)->v;
}

QString BalanceChartView::dayText(qint64 dayStartMs) {
    // Day, month's name, year: short, and read the same way in every language.
    return QLocale().toString(utc(dayStartMs).date(), QStringLiteral("d MMM yyyy"));
}

void BalanceChartView::setAccount(LedgerClient *client, qint64 accountId, const QString &currency,
                                  int exponent) {
    m_client = client;
    m_accountId = accountId;
    m_currency = currency;
    m_exponent = exponent;
    reload();
}

void BalanceChartView::setRange(Range range) {
    m_range = range;
    if (auto *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    reload();
}

void BalanceChartView::reload() {
    const quint64 generation = ++m_generation;
    if (!m_client || m_accountId == 0) {
        finishLoading({}, 0, 0, std::nullopt, QString());
        return;
    }
    m_loading = true;
    const auto bounds = ChartRanges::bounds(m_range, QDateTime::currentMSecsSinceEpoch());
    const qint64 from = bounds.first, to = bounds.second, account = m_accountId;
    m_client->balanceSeries(account, from, 0)
        .then(this, [this, generation, from, to, account](const Result<QList<BalancePoint>> &days) {
            if (generation != m_generation)
                return; // the user picked another account or range meanwhile
            if (!days) {
                finishLoading({}, from, to, std::nullopt, days.error().message);
                return;
            }
            QList<BalancePoint> inRange;
            for (const BalancePoint &d : *days)
                if (d.dayStartMs < to)
                    inRange.append(d);
            if (!inRange.isEmpty() || !m_client) {
                finishLoading(inRange, from, to, std::nullopt, QString());
                return;
            }
            // No entry in the range: the balance held all along. Which balance, the account says.
            m_client->account(account).then(this, [this, generation, from, to](const Result<Account> &a) {
                if (generation != m_generation)
                    return;
                finishLoading({}, from, to, a ? std::optional<qint64>(a->balance) : std::nullopt,
                              a ? QString() : a.error().message);
            });
        });
}

void BalanceChartView::finishLoading(const QList<BalancePoint> &days, qint64 from, qint64 to,
                                     std::optional<qint64> quiet, const QString &problem) {
    const bool answered = m_loading;
    m_loading = false;
    m_days = days;
    m_toMs = to;
    m_fromMs = from > 0 ? from : (days.isEmpty() ? to - 7 * MsPerDay : std::min(days.first().dayStartMs, to));
    if (to == 0)
        m_fromMs = 0;
    m_stepLine = stepLine(m_days, m_fromMs, m_toMs, quiet);
    QString empty;
    if (!problem.isEmpty())
        empty = tr("The balance could not be loaded: %1").arg(problem);
    else if (m_client && m_accountId != 0 && m_days.isEmpty())
        empty = tr("No entries in this period.");
    m_balancePanel->setEmptyText(empty);
    m_flowsPanel->setEmptyText(empty);
    setAxes();
    redraw();
    if (answered)
        Q_EMIT loaded();
}

int BalanceChartView::columns() const {
    const qreal plot = m_balancePanel->chart()->plotArea().width();
    const int width = plot >= 50 ? int(plot) : m_balancePanel->view()->width() - 100;
    return std::max(50, width);
}

void BalanceChartView::setAxes() {
    m_alignRounds = 0;
    // The same account over the same days (a refresh after a posting) keeps a zoom; anything else shows all.
    const bool sameDays = m_axesAccount == m_accountId && m_axesFrom == m_fromMs && m_axesTo == m_toMs;
    const bool zoomed = m_balancePanel->view()->isZoomed() || m_flowsPanel->view()->isZoomed();
    m_axesAccount = m_accountId;
    m_axesFrom = m_fromMs;
    m_axesTo = m_toMs;
    if (!sameDays || !zoomed) {
        for (ChartPanel *panel : {m_balancePanel, m_flowsPanel})
            panel->view()->resetZoom(); // a zoom into other days would make no sense of these
        if (m_toMs > m_fromMs) {
            m_syncing = true;
            m_balanceTime->setRange(utc(m_fromMs), utc(m_toMs));
            m_flowsTime->setRange(utc(m_fromMs), utc(m_toMs));
            m_syncing = false;
            const QString format =
                m_toMs - m_fromMs > 400 * MsPerDay ? QStringLiteral("MMM yyyy") : QStringLiteral("d MMM");
            m_balanceTime->setFormat(format);
            m_flowsTime->setFormat(format);
        }
    }
    // Value axis: ticks at round amounts in minor units, labelled exactly; the band's extremes included.
    qint64 low = 0, high = 0;
    if (!m_stepLine.isEmpty()) {
        low = high = m_stepLine.first().v;
        for (const SeriesPoint &p : std::as_const(m_stepLine)) {
            low = std::min(low, p.v);
            high = std::max(high, p.v);
        }
        for (const BalancePoint &d : std::as_const(m_days)) {
            low = std::min(low, d.low);
            high = std::max(high, d.high);
        }
        if (m_days
                .isEmpty()) { // a flat line: against zero, not in the middle of nowhere (and of the message)
            low = std::min<qint64>(low, 0);
            high = std::max<qint64>(high, 0);
        }
    }
    m_balanceLow = low;
    m_balanceHigh = high;
    ChartAxes::setMoneyRange(m_balanceValue, m_balanceLow, m_balanceHigh, m_exponent);
}

void BalanceChartView::applyValueRanges() {
    ChartAxes::setMoneyRange(m_balanceValue, m_balanceLow, m_balanceHigh, m_exponent);
    ChartAxes::setMoneyRange(m_flowsValue, -m_flowsMaxOut, m_flowsMaxIn, m_exponent, 4);
}

void BalanceChartView::redraw() {
    const int cols = columns();
    m_drawnColumns = cols;
    m_points = m_stepLine.isEmpty() ? QList<SeriesPoint>()
                                    : SeriesReducer::reduce(m_stepLine, m_fromMs, m_toMs, cols);
    m_line->replace(drawn(m_points)); // one update, not a clear() plus thousands of append()s

    // Spans: a day each, unless that would make the bars narrower than two pixels.
    m_spans.clear();
    const qint64 days = std::max<qint64>(1, (m_toMs - m_fromMs + MsPerDay - 1) / MsPerDay);
    const qint64 perSpan = std::max<qint64>(1, (days * 2 + cols - 1) / cols);
    const qint64 spanMs = perSpan * MsPerDay;
    for (const BalancePoint &d : std::as_const(m_days)) {
        const qint64 index = std::max<qint64>(0, (d.dayStartMs - m_fromMs) / spanMs);
        const qint64 start = m_fromMs + index * spanMs;
        if (m_spans.isEmpty() || m_spans.last().startMs != start) {
            Span s;
            s.startMs = start;
            s.endMs = std::min(start + spanMs, std::max(m_toMs, start + MsPerDay));
            s.opening = d.opening;
            s.low = d.low;
            s.high = d.high;
            m_spans.append(s);
        }
        Span &s = m_spans.last();
        s.closing = d.closing;
        s.low = std::min(s.low, d.low);
        s.high = std::max(s.high, d.high);
        s.inflow = saturatingAdd(s.inflow, d.inflow);
        s.outflow = saturatingAdd(s.outflow, d.outflow);
        s.entryCount = saturatingAdd(s.entryCount, d.entryCount);
    }

    // The band: each span's low to high; between spans it closes onto the line (no area, nothing drawn).
    QList<QPointF> upper, lower;
    qint64 lastEnd = 0, lastClosing = 0;
    for (const Span &s : std::as_const(m_spans)) {
        if (!upper.isEmpty() && lastEnd < s.startMs) {
            upper << QPointF(qreal(lastEnd), qreal(lastClosing))
                  << QPointF(qreal(s.startMs), qreal(lastClosing));
            lower << QPointF(qreal(lastEnd), qreal(lastClosing))
                  << QPointF(qreal(s.startMs), qreal(lastClosing));
        }
        upper << QPointF(qreal(s.startMs), qreal(s.high)) << QPointF(qreal(s.endMs), qreal(s.high));
        lower << QPointF(qreal(s.startMs), qreal(s.low)) << QPointF(qreal(s.endMs), qreal(s.low));
        lastEnd = s.endMs;
        lastClosing = s.closing;
    }
    m_band->upperSeries()->replace(upper);
    m_band->lowerSeries()->replace(lower);

    // Bars from 6% to 94% of their span: money in up from zero, money out down.
    qint64 maxIn = 0, maxOut = 0;
    for (bool in : {true, false}) {
        QList<QPointF> bars, zero;
        for (const Span &s : std::as_const(m_spans)) {
            const qint64 v = in ? s.inflow : s.outflow;
            if (v == 0)
                continue;
            const qint64 width = s.endMs - s.startMs;
            const qint64 inset = width * 6 / 100; // whole milliseconds: the bar's edges are day times
            const qreal a = qreal(s.startMs + inset), b = qreal(s.endMs - inset);
            const qreal y = in ? qreal(v) : -qreal(v);
            bars << QPointF(a, 0) << QPointF(a, y) << QPointF(b, y) << QPointF(b, 0);
            (in ? maxIn : maxOut) = std::max(in ? maxIn : maxOut, v);
        }
        if (!bars.isEmpty())
            zero << QPointF(bars.first().x(), 0) << QPointF(bars.last().x(), 0);
        QAreaSeries *series = in ? m_inflow : m_outflow;
        series->upperSeries()->replace(bars);
        series->lowerSeries()->replace(zero);
    }
    m_flowsMaxIn = maxIn;
    m_flowsMaxOut = maxOut;
    ChartAxes::setMoneyRange(m_flowsValue, -m_flowsMaxOut, m_flowsMaxIn, m_exponent, 4);
}

void BalanceChartView::onPlotAreaChanged() {
    // Aligning changes the plots, which can change what their axis labels need (an elided label): a few
    // rounds after each resize or new data at most, so that two charts can never keep answering each other.
    const std::pair<qreal, qreal> widths{m_balancePanel->chart()->size().width(),
                                         m_flowsPanel->chart()->size().width()};
    if (widths != m_alignedWidths) {
        m_alignedWidths = widths;
        m_alignRounds = 0;
    }
    if (m_alignRounds < 6) {
        ++m_alignRounds;
        alignPlots(m_balancePanel->chart(), m_flowsPanel->chart());
    }
    // A chart shown for the first time, or made wider or narrower: as many points as it has pixels.
    const int cols = columns();
    if (!m_stepLine.isEmpty() && std::abs(cols - m_drawnColumns) > std::max(8, m_drawnColumns / 20))
        redraw();
}

void BalanceChartView::applyStyle() {
    // The theme gives every series its colours; these are the account chart's own, the same light or dark.
    const QColor line(0x1e, 0x88, 0xe5), in(0x2e, 0xa0, 0x4f), out(0xd9, 0x4a, 0x3d);
    m_line->setPen(QPen(line, 2));
    QColor band = line;
    band.setAlpha(QApplication::palette().color(QPalette::Window).lightness() < 128 ? 120
                                                                                    : 70); // seen on dark too
    m_band->setBrush(band);
    m_band->setPen(Qt::NoPen);
    m_inflow->setBrush(in);
    m_inflow->setPen(Qt::NoPen); // a pen would also draw the zero line between the bars
    m_outflow->setBrush(out);
    m_outflow->setPen(Qt::NoPen);
}

void BalanceChartView::changeEvent(QEvent *event) {
    // The panels follow the palette with a new theme, which repaints every series in the theme's colours:
    // ours again once they have.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        QTimer::singleShot(0, this, &BalanceChartView::applyStyle);
    QWidget::changeEvent(event);
}

QString BalanceChartView::describePointNear(qint64 t) const {
    if (m_stepLine.isEmpty() || m_toMs <= m_fromMs)
        return {};
    t = std::clamp(t, m_fromMs, m_toMs - 1);
    auto it = std::upper_bound(m_spans.cbegin(), m_spans.cend(), t,
                               [](qint64 value, const Span &s) { return value < s.startMs; });
    if (it != m_spans.cbegin() && t < std::prev(it)->endMs) {
        const Span &s = *std::prev(it);
        const QString entries = QLocale().toString(s.entryCount);
        const QString in =
            s.inflow ? QStringLiteral("+") + money(s.inflow, m_exponent) : money(0, m_exponent);
        const QString out =
            s.outflow ? QStringLiteral("−") + money(s.outflow, m_exponent) : money(0, m_exponent);
        if (s.endMs - s.startMs <= MsPerDay)
            return tr("%1 (UTC): %2 %3 at the end of the day · low %4 · high %5 · in %6 · out %7 · entries: "
                      "%8")
                .arg(dayText(s.startMs), money(s.closing, m_exponent), m_currency, money(s.low, m_exponent),
                     money(s.high, m_exponent), in, out, entries);
        return tr("%1 to %2 (UTC): %3 %4 at the end · low %5 · high %6 · in %7 · out %8 · entries: %9")
            .arg(dayText(s.startMs), dayText(s.endMs - MsPerDay), money(s.closing, m_exponent), m_currency,
                 money(s.low, m_exponent), money(s.high, m_exponent), in, out, entries);
    }
    const qint64 day = t / MsPerDay * MsPerDay;
    return tr("%1 (UTC): %2 %3, no entries")
        .arg(dayText(day), money(valueAt(m_stepLine, t), m_exponent), m_currency);
}

#include "balancechartview.h"

#include "ledgerclient.h"
#include "money.h"

#include <QButtonGroup>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace {
constexpr qint64 MsPerDay = 86400000;

/// A "nice" step (1, 2 or 5 times a power of ten, in minor units) giving about `ticks` ticks over `span`.
qint64 niceStep(qint64 span, int ticks) {
    const qint64 raw = std::max<qint64>(1, span / std::max(1, ticks));
    qint64 power = 1;
    while (power <= raw / 10)
        power *= 10;
    for (qint64 m : {1, 2, 5, 10})
        if (m * power >= raw)
            return m * power;
    return 10 * power;
}
} // namespace

BalanceChartView::BalanceChartView(QWidget *parent)
    : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout;
    m_rangeButtons = new QButtonGroup(this);
    const std::pair<Range, QString> ranges[] = {{Range::Week, tr("7 days")},
                                                {Range::Month, tr("30 days")},
                                                {Range::Quarter, tr("90 days")},
                                                {Range::Year, tr("1 year")},
                                                {Range::All, tr("All")}};
    for (const auto &[range, label] : ranges) {
        auto *button = new QPushButton(label, this);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("range%1").arg(int(range)));
        button->setChecked(range == m_range);
        m_rangeButtons->addButton(button, int(range));
        bar->addWidget(button);
    }
    m_rangeButtons->setExclusive(true);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });
    bar->addStretch();
    m_hoverLabel = new QLabel(this);
    m_hoverLabel->setObjectName(QStringLiteral("chartHoverLabel"));
    bar->addWidget(m_hoverLabel);
    layout->addLayout(bar);

    m_chart = new QChart;
    // The chart draws its own background: follow the application's light or dark palette.
    m_chart->setTheme(palette().color(QPalette::Window).lightness() < 128 ? QChart::ChartThemeDark
                                                                          : QChart::ChartThemeLight);
    m_chart->legend()->hide();
    m_chart->setAnimationOptions(QChart::NoAnimation); // animations cost frames and show stale values
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_series = new QLineSeries;
    QPen pen = m_series->pen();
    pen.setWidthF(1.5);
    pen.setStyle(Qt::SolidLine);
    m_series->setPen(pen);
    m_chart->addSeries(m_series);
    m_timeAxis = new QDateTimeAxis;
    m_timeAxis->setFormat(QStringLiteral("d MMM yy"));
    m_timeAxis->setTickCount(6);
    m_valueAxis = new QCategoryAxis;
    m_valueAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_chart->addAxis(m_timeAxis, Qt::AlignBottom);
    m_chart->addAxis(m_valueAxis, Qt::AlignLeft);
    m_series->attachAxis(m_timeAxis);
    m_series->attachAxis(m_valueAxis);
    connect(m_series, &QLineSeries::hovered, this, &BalanceChartView::onHovered);

    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(180);
    layout->addWidget(m_view, 1);
    m_emptyLabel = new QLabel(tr("No entries in this period."), m_view);
    m_emptyLabel->setObjectName(QStringLiteral("chartEmptyLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->hide();
}

BalanceChartView::~BalanceChartView() = default;

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

qint64 BalanceChartView::rangeStart(qint64 now) const {
    switch (m_range) {
    case Range::Week:
        return now - 7 * MsPerDay;
    case Range::Month:
        return now - 30 * MsPerDay;
    case Range::Quarter:
        return now - 90 * MsPerDay;
    case Range::Year:
        return now - 365 * MsPerDay;
    case Range::All:
        return 0;
    }
    return 0;
}

void BalanceChartView::reload() {
    const quint64 generation = ++m_generation;
    if (!m_client || m_accountId == 0) {
        m_line.clear();
        showPoints();
        return;
    }
    m_loading = true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 from = rangeStart(now);
    m_client->balanceSeries(m_accountId, from, 0)
        .then(this, [this, generation, from, now](const Result<QList<BalancePoint>> &days) {
            if (generation != m_generation)
                return; // the user picked another account or range meanwhile
            m_loading = false;
            m_line.clear();
            if (days && !days->isEmpty()) {
                m_fromMs = from > 0 ? from : days->first().dayStartMs;
                m_toMs = now;
                m_line = SeriesReducer::fromDays(*days, m_fromMs, m_toMs);
            }
            showPoints();
            Q_EMIT loaded();
        });
}

void BalanceChartView::showPoints() {
    const bool empty = m_line.isEmpty();
    m_emptyLabel->setVisible(empty);
    m_emptyLabel->setGeometry(m_view->rect());
    m_hoverLabel->clear();
    const int columns = std::max(50, int(m_chart->plotArea().width()));
    m_points = empty ? QList<SeriesPoint>() : SeriesReducer::reduce(m_line, m_fromMs, m_toMs, columns);
    QList<QPointF> drawn;
    drawn.reserve(m_points.size());
    qint64 low = std::numeric_limits<qint64>::max(), high = std::numeric_limits<qint64>::min();
    for (const SeriesPoint &p : std::as_const(m_points)) {
        drawn.append(QPointF(qreal(p.t), qreal(p.v))); // screen coordinates only
        low = std::min(low, p.v);
        high = std::max(high, p.v);
    }
    m_series->replace(drawn); // one update, not a clear() plus thousands of append()s
    if (empty)
        return;
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs), QDateTime::fromMSecsSinceEpoch(m_toMs));
    m_timeAxis->setFormat(m_toMs - m_fromMs > 400 * MsPerDay ? QStringLiteral("MMM yyyy")
                                                             : QStringLiteral("d MMM"));

    // Value axis: ticks at round amounts in minor units, labelled exactly.
    if (low == high) {
        low = low - 1;
        high = high + 1;
    }
    const qint64 step = niceStep(high - low, 5);
    const qint64 first = (low >= 0 ? low / step : -((-low + step - 1) / step)) * step;
    const auto labels = m_valueAxis->categoriesLabels();
    for (const QString &label : labels)
        m_valueAxis->remove(label);
    const QLocale locale;
    qint64 last = first;
    for (int tick = 0; tick < 12; ++tick) {
        m_valueAxis->append(Money::formatLocalized(last, m_exponent, locale), qreal(last));
        const auto next = Money::add(last, step);
        if (last >= high || !next)
            break;
        last = *next;
    }
    m_valueAxis->setRange(qreal(first), qreal(last));
    m_valueAxis->setStartValue(qreal(first));
}

QString BalanceChartView::describePointNear(qint64 t) const {
    if (m_points.isEmpty())
        return {};
    auto it = std::lower_bound(m_points.cbegin(), m_points.cend(), t,
                               [](const SeriesPoint &p, qint64 value) { return p.t < value; });
    if (it == m_points.cend())
        --it;
    else if (it != m_points.cbegin() && std::abs(std::prev(it)->t - t) < std::abs(it->t - t))
        --it;
    const QLocale locale;
    return tr("%1: %2 %3")
        .arg(locale.toString(QDateTime::fromMSecsSinceEpoch(it->t).toLocalTime(), QLocale::ShortFormat),
             Money::formatLocalized(it->v, m_exponent, locale), m_currency);
}

void BalanceChartView::onHovered(const QPointF &point, bool state) {
    m_hoverLabel->setText(state ? describePointNear(qint64(point.x())) : QString());
}

void BalanceChartView::resizeEvent(QResizeEvent *event) {
    QWidget::resizeEvent(event);
    if (!m_line.isEmpty())
        showPoints(); // a wider chart may show more points
    m_emptyLabel->setGeometry(m_view->rect());
}

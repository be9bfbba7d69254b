#include "comparechartwindow.h"

#include "chartaxes.h"
#include "chartpanel.h"
#include "interactivechartview.h"
#include "ledgerclient.h"
#include "money.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace {

constexpr qint64 MsPerDay = 86400000;

/// Colours far enough apart to tell the lines apart, on a light or a dark background.
const QColor LineColors[CompareChartWindow::MaxAccounts] = {
    QColor(0x1e, 0x88, 0xe5), QColor(0xe5, 0x39, 0x35), QColor(0x43, 0xa0, 0x47), QColor(0xfb, 0x8c, 0x00),
    QColor(0x8e, 0x24, 0xaa), QColor(0x00, 0xac, 0xc1), QColor(0x8d, 0x6e, 0x63), QColor(0xd8, 0x1b, 0x60)};

QDateTime utc(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

/// How an account is named in the hover read-out, where every account of the day shares one line.
QString shortName(const Account &a) {
    return a.playerRef.isEmpty() ? a.name : a.playerRef;
}

} // namespace

QString CompareChartWindow::refusal(const QList<Account> &accounts) {
    if (accounts.size() < 2)
        return tr("Select two or more accounts in the list to compare their balances.");
    QStringList currencies;
    for (const Account &a : accounts)
        if (!currencies.contains(a.currency))
            currencies.append(a.currency);
    if (currencies.size() > 1)
        return tr("These accounts hold different currencies (%1); compare accounts of one currency.")
            .arg(currencies.join(QStringLiteral(", ")));
    if (accounts.size() > MaxAccounts)
        return tr("%1 accounts are selected; compare at most %2 at a time.")
            .arg(accounts.size())
            .arg(MaxAccounts);
    return {};
}

QString CompareChartWindow::legendText(const Account &a) {
    if (a.kind == AccountKind::System)
        return tr("%1 (%2, system account #%3)").arg(a.name, a.currency).arg(a.id);
    return tr("%1 / %2 (%3)").arg(a.playerRef, a.name, a.currency);
}

CompareChartWindow::CompareChartWindow(LedgerClient *client, const QList<Account> &accounts, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_client(client)
    , m_accounts(accounts.mid(0, MaxAccounts)) {
    const QString currency = m_accounts.isEmpty() ? QString() : m_accounts.first().currency;
    setWindowTitle(tr("Compare balances in %1").arg(currency));
    setObjectName(QStringLiteral("compareChartWindow"));

    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Each line is one account's balance at the end of each day (UTC), held "
                                  "flat until the next day with "
                                  "entries."),
                               this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto *bar = new QHBoxLayout;
    m_rangeButtons = BalanceChartView::addRangeButtons(this, bar, m_range);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });
    bar->addStretch();
    layout->addLayout(bar);

    auto *chart = new QChart;
    m_time = new QDateTimeAxis;
    m_time->setFormat(QStringLiteral("d MMM"));
    m_time->setTickCount(6);
    chart->addAxis(m_time, Qt::AlignBottom);
    m_value = new QCategoryAxis;
    m_value->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart->addAxis(m_value, Qt::AlignLeft);
    for (const Account &a : std::as_const(m_accounts)) {
        Line line;
        line.series = new QLineSeries;
        line.series->setName(legendText(a));
        chart->addSeries(line.series);
        line.series->attachAxis(m_time);
        line.series->attachAxis(m_value);
        m_lines.append(line);
    }
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
    m_panel = new ChartPanel(tr("Balances in %1").arg(currency), chart, this);
    m_panel->setObjectName(QStringLiteral("comparePanel"));
    m_panel->setDescriber([this](const QPointF &value) {
        return std::isfinite(value.x()) ? describeAt(qint64(value.x())) : QString();
    });
    // The read-out names every account: a long one is cut at the window's edge rather than widening it.
    if (auto *hover = m_panel->findChild<QLabel *>(QStringLiteral("chartHover")))
        hover->setSizePolicy(QSizePolicy::Ignored, hover->sizePolicy().verticalPolicy());
    layout->addWidget(m_panel, 1);
    connect(chart, &QChart::plotAreaChanged, this, [this] {
        const int cols = columns();
        if (m_pending == 0 && std::abs(cols - m_drawnColumns) > std::max(8, m_drawnColumns / 20))
            redraw(); // as many points as the chart has pixels
    });

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("compareProblem"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);

    applyStyle();
    resize(1000, 620);
    reload();
}

CompareChartWindow::~CompareChartWindow() = default;

QList<QLineSeries *> CompareChartWindow::series() const {
    QList<QLineSeries *> out;
    for (const Line &l : m_lines)
        out.append(l.series);
    return out;
}

void CompareChartWindow::setRange(Range range) {
    m_range = range;
    if (auto *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    reload();
}

void CompareChartWindow::reload() {
    const quint64 generation = ++m_generation;
    m_problems.clear();
    if (!m_client || m_lines.isEmpty()) {
        m_pending = 0;
        finish();
        return;
    }
    const auto bounds = ChartRanges::bounds(m_range, QDateTime::currentMSecsSinceEpoch());
    m_fromMs = bounds.first;
    m_toMs = bounds.second;
    m_pending = int(m_lines.size());
    for (int i = 0; i < m_lines.size(); ++i)
        loadOne(i, generation, bounds.first);
}

void CompareChartWindow::loadOne(int index, quint64 generation, qint64 from) {
    const qint64 id = m_accounts.at(index).id;
    m_client->balanceSeries(id, from, 0)
        .then(this, [this, index, generation, id](const Result<QList<BalancePoint>> &days) {
            if (generation != m_generation)
                return;
            Line &line = m_lines[index];
            line.days.clear();
            line.quietBalance.reset();
            if (!days) {
                m_problems << tr("%1: %2").arg(legendText(m_accounts.at(index)), days.error().message);
                doneOne(generation);
                return;
            }
            for (const BalancePoint &d : *days)
                if (d.dayStartMs < m_toMs)
                    line.days.append(d);
            if (!line.days.isEmpty() || !m_client) {
                doneOne(generation);
                return;
            }
            // No entry in the range: the balance held all along; the account says which.
            m_client->account(id).then(this, [this, index, generation](const Result<Account> &a) {
                if (generation != m_generation)
                    return;
                if (a)
                    m_lines[index].quietBalance = a->balance;
                else
                    m_problems << tr("%1: %2").arg(legendText(m_accounts.at(index)), a.error().message);
                doneOne(generation);
            });
        });
}

void CompareChartWindow::doneOne(quint64 generation) {
    if (generation != m_generation || m_pending == 0)
        return;
    if (--m_pending == 0)
        finish();
}

void CompareChartWindow::finish() {
    if (m_range == Range::All) { // from the first day any of them moved
        qint64 first = m_toMs;
        for (const Line &l : std::as_const(m_lines))
            if (!l.days.isEmpty())
                first = std::min(first, l.days.first().dayStartMs);
        m_fromMs = first < m_toMs ? first : m_toMs - 7 * MsPerDay;
    }
    qint64 low = 0, high = 0;
    bool any = false;
    for (Line &l : m_lines) {
        l.exact = BalanceChartView::stepLine(l.days, m_fromMs, m_toMs, l.quietBalance);
        for (const SeriesPoint &p : std::as_const(l.exact)) {
            low = any ? std::min(low, p.v) : p.v;
            high = any ? std::max(high, p.v) : p.v;
            any = true;
        }
    }
    m_panel->view()->resetZoom(); // a zoom into the old range would make no sense of the new
    if (m_toMs > m_fromMs) {
        m_time->setRange(utc(m_fromMs), utc(m_toMs));
        m_time->setFormat(m_toMs - m_fromMs > 400 * MsPerDay ? QStringLiteral("MMM yyyy")
                                                             : QStringLiteral("d MMM"));
    }
    ChartAxes::setMoneyRange(m_value, low, high, m_accounts.isEmpty() ? 0 : m_accounts.first().exponent);
    m_panel->setEmptyText(any ? QString() : tr("No balances to show."));
    m_problem->setText(
        m_problems.isEmpty()
            ? QString()
            : tr("Some balances could not be loaded: %1").arg(m_problems.join(QStringLiteral("; "))));
    m_problem->setVisible(!m_problems.isEmpty());
    redraw();
    if (m_client && !m_lines.isEmpty())
        Q_EMIT loaded();
}

int CompareChartWindow::columns() const {
    const qreal plot = m_panel->chart()->plotArea().width();
    return std::max(50, plot >= 50 ? int(plot) : m_panel->view()->width() - 100);
}

void CompareChartWindow::redraw() {
    const int cols = columns();
    m_drawnColumns = cols;
    for (Line &l : m_lines) {
        const QList<SeriesPoint> thin =
            l.exact.isEmpty() ? l.exact : SeriesReducer::reduce(l.exact, m_fromMs, m_toMs, cols);
        QList<QPointF> points;
        points.reserve(thin.size());
        for (const SeriesPoint &p : thin)
            points.append(QPointF(qreal(p.t), qreal(p.v))); // screen coordinates only
        l.series->replace(points);
    }
}

void CompareChartWindow::applyStyle() {
    for (int i = 0; i < m_lines.size(); ++i)
        m_lines.at(i).series->setPen(QPen(LineColors[i % MaxAccounts], 2));
}

void CompareChartWindow::changeEvent(QEvent *event) {
    // The panel follows the palette with a new theme, which recolours the lines: ours again once it has.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        QTimer::singleShot(0, this, &CompareChartWindow::applyStyle);
    QWidget::changeEvent(event);
}

QString CompareChartWindow::describeAt(qint64 t) const {
    if (m_toMs <= m_fromMs || m_lines.isEmpty())
        return {};
    t = std::clamp(t, m_fromMs, m_toMs - 1);
    const QLocale locale;
    QStringList balances;
    for (int i = 0; i < m_lines.size(); ++i) {
        const Line &l = m_lines.at(i);
        if (l.exact.isEmpty())
            continue;
        const Account &a = m_accounts.at(i);
        balances << tr("%1: %2 %3")
                        .arg(
                            shortName(a),
                            Money::formatLocalized(BalanceChartView::valueAt(l.exact, t), a.exponent, locale),
                            a.currency);
    }
    if (balances.isEmpty())
        return {};
    return tr("%1 (UTC): %2")
        .arg(BalanceChartView::dayText(t / MsPerDay * MsPerDay), balances.join(QStringLiteral(" · ")));
}

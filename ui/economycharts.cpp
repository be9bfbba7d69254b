#include "economycharts.h"

#include "chartaxes.h"
#include "money.h"
#include "transactionkindtext.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <cmath>

namespace EconomyCharts {

namespace {

constexpr qint64 MsPerDay = 86400000;

/// Kinds in the order they are stacked (and listed in legends).
const TransactionKind StackOrder[] = {
    TransactionKind::Deposit,    TransactionKind::Win,      TransactionKind::Bonus,
    TransactionKind::Adjustment, TransactionKind::Purchase, TransactionKind::Charge,
    TransactionKind::Withdrawal, TransactionKind::Reversal, TransactionKind::Transfer};

void clear(QChart *chart) {
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QDateTimeAxis *timeAxis(QChart *chart, const EconomyReport &report) {
    auto *axis = new QDateTimeAxis;
    axis->setFormat(report.toMs - report.fromMs > 400 * MsPerDay ? QStringLiteral("MMM yyyy")
                                                                 : QStringLiteral("d MMM"));
    axis->setTickCount(6);
    axis->setRange(QDateTime::fromMSecsSinceEpoch(report.fromMs, Qt::UTC),
                   QDateTime::fromMSecsSinceEpoch(report.toMs, Qt::UTC));
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QCategoryAxis *valueAxis(QChart *chart, Qt::Alignment side = Qt::AlignLeft) {
    auto *axis = new QCategoryAxis;
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    chart->addAxis(axis, side);
    return axis;
}

/// A step line: value i holds over [start_i, start_i + 1 day).
QLineSeries *stepLine(const QString &name, const QList<std::pair<qint64, qint64>> &dayValues) {
    auto *line = new QLineSeries;
    line->setName(name);
    QList<QPointF> points;
    points.reserve(dayValues.size() * 2);
    for (const auto &[start, value] : dayValues) {
        points << QPointF(qreal(start), qreal(value)) << QPointF(qreal(start + MsPerDay), qreal(value));
    }
    line->replace(points);
    return line;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

QString dayText(qint64 dayStartMs) {
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(dayStartMs, Qt::UTC).date(),
                              QLocale::ShortFormat);
}

QString money(qint64 v, const EconomyReport &r) {
    return Money::formatLocalized(v, r.exponent, QLocale());
}

} // namespace

QColor colorOf(TransactionKind kind) {
    switch (kind) {
    case TransactionKind::Deposit:
        return QColor(0x2f, 0x7e, 0xd8);
    case TransactionKind::Win:
        return QColor(0x2e, 0xa0, 0x4f);
    case TransactionKind::Bonus:
        return QColor(0x1f, 0xb5, 0xb0);
    case TransactionKind::Adjustment:
        return QColor(0x8a, 0x8f, 0x98);
    case TransactionKind::Purchase:
        return QColor(0xd9, 0x4a, 0x3d);
    case TransactionKind::Charge:
        return QColor(0xe8, 0x8b, 0x2c);
    case TransactionKind::Withdrawal:
        return QColor(0x9b, 0x5d, 0x2e);
    case TransactionKind::Reversal:
        return QColor(0x8e, 0x5b, 0xc7);
    case TransactionKind::Transfer:
        return QColor(0xc7, 0xa2, 0x2a);
    }
    return Qt::gray;
}

void fillHoldings(QChart *chart, const EconomyReport &report) {
    clear(chart);
    if (report.days.isEmpty())
        return;
    QDateTimeAxis *x = timeAxis(chart, report);
    QCategoryAxis *y = valueAxis(chart);
    qint64 low = 0, high = 0;
    auto track = [&](qint64 v) {
        low = std::min(low, v);
        high = std::max(high, v);
    };
    QList<std::pair<qint64, qint64>> holdings, issuance;
    qint64 net = 0;
    for (const EconomyDay &d : report.days) {
        holdings << std::pair{d.dayStartMs, d.holdings};
        net += d.sourcesTotal() - d.sinksTotal();
        issuance << std::pair{d.dayStartMs, net};
        track(d.holdings);
        track(net);
    }
    // Pens are changed after attach(): adding a series to the chart gives it the theme's colour.
    // Fixed colours (the theme's cycle repeats after five series): holdings stand out, the rest are dashed.
    QLineSeries *h = stepLine(QObject::tr("Player holdings"), holdings);
    QLineSeries *n = stepLine(QObject::tr("Net issuance since %1").arg(dayText(report.fromMs)), issuance);
    attach(chart, n, x, y);
    n->setPen(QPen(QColor(0x2e, 0x7d, 0x32), 2));
    const QColor systemColors[] = {QColor(0x75, 0x75, 0x75), QColor(0xef, 0x6c, 0x00),
                                   QColor(0x6a, 0x1b, 0x9a), QColor(0xc6, 0x28, 0x28)};
    int systemIndex = 0;
    for (const SystemAccountSeries &s : report.systemAccounts) {
        // Carry each day's closing forward over quiet days; before the first point, its opening.
        QList<std::pair<qint64, qint64>> values;
        qint64 balance = s.days.isEmpty() ? 0 : s.days.first().opening;
        auto point = s.days.cbegin();
        for (const EconomyDay &d : report.days) {
            if (point != s.days.cend() && point->dayStartMs == d.dayStartMs)
                balance = (point++)->closing;
            values << std::pair{d.dayStartMs, balance};
            track(balance);
        }
        if (s.days.isEmpty())
            continue; // an account that never moved draws a flat zero: leave it out
        QLineSeries *line = stepLine(s.name, values);
        attach(chart, line, x, y);
        line->setPen(QPen(systemColors[systemIndex++ % 4], 1.5));
    }
    attach(chart, h, x, y); // last: drawn on top
    h->setPen(QPen(QColor(0x15, 0x65, 0xc0), 3));
    ChartAxes::setMoneyRange(y, low, high, report.exponent);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

void fillFlows(QChart *chart, const EconomyReport &report) {
    clear(chart);
    if (report.days.isEmpty())
        return;
    // The dates are read off a QDateTimeAxis held by an invisible anchor series, added first so that hover
    // and click positions map to dates (QChart::mapToValue uses the first series). The bars themselves sit on
    // a hidden value axis over [-0.5, days - 0.5], which maps linearly onto the same span: bar i is day i,
    // centred. Both axes zoom and pan together. Bars rather than stacked areas: an area redraw took 75 ms for
    // 91 days.
    QDateTimeAxis *x = timeAxis(chart, report);
    QCategoryAxis *y = valueAxis(chart);
    auto *anchor = new QLineSeries;
    anchor->append(qreal(report.fromMs), 0);
    anchor->append(qreal(report.toMs), 0);
    anchor->setPen(Qt::NoPen);
    attach(chart, anchor, x, y);
    for (QLegendMarker *marker : chart->legend()->markers(anchor))
        marker->setVisible(false);
    auto *slots_ = new QValueAxis;
    slots_->setRange(-0.5, qreal(report.days.size()) - 0.5);
    slots_->setVisible(false);
    chart->addAxis(slots_, Qt::AlignBottom);

    qint64 low = 0, high = 0;
    std::vector<qint64> up(size_t(report.days.size()), 0), down(size_t(report.days.size()), 0);
    auto *bars = new QStackedBarSeries;
    bars->setBarWidth(0.88);
    const QMap<TransactionKind, qint64> sources = report.sourcesByKind(), sinks = report.sinksByKind();
    // Sources stack upwards and sinks downwards, each in StackOrder (kindAt() reads them back in that order).
    for (bool source : {true, false})
        for (TransactionKind kind : StackOrder) {
            if (!(source ? sources : sinks).contains(kind))
                continue;
            auto *set = new QBarSet(TransactionKindText::of(kind));
            set->setColor(colorOf(kind));
            set->setBorderColor(colorOf(kind));
            set->setProperty("kind", int(kind));
            QList<qreal> values;
            values.reserve(report.days.size());
            for (qsizetype i = 0; i < report.days.size(); ++i) {
                const qint64 v = (source ? report.days.at(i).sources : report.days.at(i).sinks).value(kind);
                values << (source ? qreal(v) : -qreal(v));
                qint64 &stack = source ? up[size_t(i)] : down[size_t(i)];
                stack += source ? v : -v;
                low = std::min(low, stack);
                high = std::max(high, stack);
            }
            set->append(values);
            bars->append(set);
        }
    chart->addSeries(bars);
    bars->attachAxis(slots_);
    bars->attachAxis(y);
    // One legend entry per kind: a sink of a kind that is also a source shares the source's entry.
    const QList<QLegendMarker *> markers = chart->legend()->markers(bars);
    for (qsizetype i = 0; i < markers.size() && i < bars->barSets().size(); ++i) {
        const auto kind = TransactionKind(bars->barSets().at(i)->property("kind").toInt());
        if (i >= sources.size() && sources.contains(kind))
            markers.at(i)->setVisible(false);
    }
    ChartAxes::setMoneyRange(y, low, high, report.exponent);
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignBottom);
}

void fillActivePlayers(QChart *chart, const EconomyReport &report) {
    clear(chart);
    if (report.days.isEmpty())
        return;
    QDateTimeAxis *x = timeAxis(chart, report);
    QCategoryAxis *y = valueAxis(chart);
    QList<std::pair<qint64, qint64>> active;
    qint64 high = 0;
    for (const EconomyDay &d : report.days) {
        active << std::pair{d.dayStartMs, d.activePlayers};
        high = std::max(high, d.activePlayers);
    }
    attach(chart, stepLine(QObject::tr("Active players"), active), x, y);
    ChartAxes::setCountRange(y, 0, high);
    chart->legend()->setVisible(false);
}

void fillAverageBalance(QChart *chart, const EconomyReport &report) {
    clear(chart);
    if (report.days.isEmpty())
        return;
    QDateTimeAxis *x = timeAxis(chart, report);
    QCategoryAxis *y = valueAxis(chart);
    QList<std::pair<qint64, qint64>> average;
    qint64 low = 0, high = 0;
    for (const EconomyDay &d : report.days) {
        average << std::pair{d.dayStartMs, d.averageActiveBalance()};
        low = std::min(low, d.averageActiveBalance());
        high = std::max(high, d.averageActiveBalance());
    }
    attach(chart, stepLine(QObject::tr("Average balance of an active player"), average), x, y);
    ChartAxes::setMoneyRange(y, low, high, report.exponent);
    chart->legend()->setVisible(false);
}

QStringList histogramLabels(const BalanceDistribution &d) {
    const QLocale locale;
    QStringList labels;
    if (d.negativeCount > 0)
        labels << QObject::tr("< 0");
    labels << QStringLiteral("0");
    // A bin is labelled by its lower bound (the hover read-out gives the whole range): short enough to
    // stay readable with twenty bins.
    for (const BalanceBin &b : d.bins)
        labels << Money::formatLocalized(b.lower, d.exponent, locale);
    return labels;
}

void fillHistogram(QChart *chart, const BalanceDistribution &d) {
    clear(chart);
    auto *set = new QBarSet(QObject::tr("Player accounts"));
    qint64 high = 0;
    auto add = [&](qint64 count) {
        *set << qreal(count);
        high = std::max(high, count);
    };
    if (d.negativeCount > 0)
        add(d.negativeCount);
    add(d.zeroCount);
    for (const BalanceBin &b : d.bins)
        add(b.count);
    auto *series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.9);
    auto *x = new QBarCategoryAxis;
    x->append(histogramLabels(d));
    x->setTitleText(QObject::tr("Balance from (%1)").arg(d.currency));
    chart->addAxis(x, Qt::AlignBottom);
    QCategoryAxis *y = valueAxis(chart);
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    ChartAxes::setCountRange(y, 0, high);
    chart->legend()->setVisible(false);
}

const EconomyDay *dayAt(const EconomyReport &report, qreal x) {
    if (report.days.isEmpty() || !std::isfinite(x))
        return nullptr;
    const qint64 index = (qint64(std::floor(x)) - report.fromMs) / MsPerDay;
    if (x < qreal(report.fromMs) || index < 0 || index >= report.days.size())
        return nullptr;
    return &report.days.at(index);
}

std::optional<TransactionKind> kindAt(const EconomyDay &day, qreal y) {
    const bool source = y >= 0;
    qint64 stacked = 0;
    for (TransactionKind kind : StackOrder) {
        const qint64 v = (source ? day.sources : day.sinks).value(kind);
        if (v == 0)
            continue;
        const qint64 next = stacked + v;
        if ((source ? y : -y) >= qreal(stacked) && (source ? y : -y) <= qreal(next))
            return kind;
        stacked = next;
    }
    return std::nullopt;
}

QString describeHoldings(const EconomyReport &r, const QPointF &value) {
    const EconomyDay *d = dayAt(r, value.x());
    if (!d)
        return {};
    return QObject::tr("%1: holdings %2 %3, sources %4, sinks %5")
        .arg(dayText(d->dayStartMs), money(d->holdings, r), r.currency, money(d->sourcesTotal(), r),
             money(d->sinksTotal(), r));
}

QString describeFlows(const EconomyReport &r, const QPointF &value) {
    const EconomyDay *d = dayAt(r, value.x());
    if (!d)
        return {};
    const auto kind = kindAt(*d, value.y());
    if (!kind)
        return QObject::tr("%1: sources %2 %3, sinks %4")
            .arg(dayText(d->dayStartMs), money(d->sourcesTotal(), r), r.currency, money(d->sinksTotal(), r));
    const bool source = value.y() >= 0;
    return (source ? QObject::tr("%1: %2 brought in %3 %4") : QObject::tr("%1: %2 took out %3 %4"))
        .arg(dayText(d->dayStartMs), TransactionKindText::of(*kind),
             money((source ? d->sources : d->sinks).value(*kind), r), r.currency);
}

QString describeActivity(const EconomyReport &r, const QPointF &value) {
    const EconomyDay *d = dayAt(r, value.x());
    if (!d)
        return {};
    return QObject::tr("%1: %2 active players, average balance %3 %4")
        .arg(dayText(d->dayStartMs), QLocale().toString(d->activePlayers),
             money(d->averageActiveBalance(), r), r.currency);
}

QString describeHistogram(const BalanceDistribution &d, const QPointF &value) {
    const qint64 index = qint64(std::lround(value.x()));
    const qint64 special = d.negativeCount > 0 ? 2 : 1;
    if (index < 0 || index >= special + d.bins.size())
        return {};
    const QLocale locale;
    QString what;
    qint64 count = 0;
    if (d.negativeCount > 0 && index == 0) {
        what = QObject::tr("below zero");
        count = d.negativeCount;
    } else if (index == special - 1) {
        what = QObject::tr("at zero");
        count = d.zeroCount;
    } else {
        const BalanceBin &b = d.bins.at(index - special);
        what = QObject::tr("from %1 to under %2 %3")
                   .arg(Money::formatLocalized(b.lower, d.exponent, locale),
                        Money::formatLocalized(b.upper, d.exponent, locale), d.currency);
        count = b.count;
    }
    return QObject::tr("%Ln account(s) %1", nullptr, int(std::min<qint64>(count, INT_MAX))).arg(what);
}

} // namespace EconomyCharts

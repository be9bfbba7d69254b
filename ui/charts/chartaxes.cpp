#include "chartaxes.h"

#include "money.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QLocale>
#include <QPalette>
#include <algorithm>
#include <limits>

namespace ChartAxes {

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

namespace {

template <typename Label>
void setRange(QCategoryAxis *axis, qint64 low, qint64 high, int ticks, Label label) {
    if (low == high) {
        low = low > std::numeric_limits<qint64>::min() ? low - 1 : low;
        high = high < std::numeric_limits<qint64>::max() ? high + 1 : high;
    }
    qint64 span = 0;
    if (__builtin_sub_overflow(high, low, &span))
        span = std::numeric_limits<qint64>::max();
    const qint64 step = niceStep(span, ticks);
    const qint64 first = (low >= 0 ? low / step : -((-(low + 1)) / step + 1)) * step;
    for (const QString &old : axis->categoriesLabels())
        axis->remove(old);
    qint64 last = first;
    for (int tick = 0; tick < 24; ++tick) {
        axis->append(label(last), qreal(last));
        const auto next = Money::add(last, step);
        if (last >= high || !next)
            break;
        last = *next;
    }
    axis->setRange(qreal(first), qreal(last));
    axis->setStartValue(qreal(first));
}

} // namespace

void setMoneyRange(QCategoryAxis *axis, qint64 min, qint64 max, int exponent, int ticks) {
    setRange(axis, min, max, ticks,
             [exponent](qint64 v) { return Money::formatLocalized(v, exponent, QLocale()); });
}

void setCountRange(QCategoryAxis *axis, qint64 min, qint64 max, int ticks) {
    setRange(axis, std::min<qint64>(min, 0), max, ticks, [](qint64 v) { return QLocale().toString(v); });
}

void followPalette(QChart *chart) {
    const bool dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme);
    chart->setBackgroundRoundness(0);
}

} // namespace ChartAxes

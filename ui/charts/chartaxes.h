#pragma once

#include <QtGlobal>

class QCategoryAxis;
class QChart;

/// Axes in the units people read: money axes label nice steps (1, 2 or 5 times a power of ten) formatted from
/// the exact minor units, never from the doubles the chart draws with.
namespace ChartAxes {

/// A "nice" step in minor units giving about `ticks` ticks over `span`.
qint64 niceStep(qint64 span, int ticks);
/// Labels `axis` from `min` to `max` (minor units, widened to whole steps) with Money::format(…, exponent).
void setMoneyRange(QCategoryAxis *axis, qint64 min, qint64 max, int exponent, int ticks = 5);
/// The same for plain counts (players, accounts).
void setCountRange(QCategoryAxis *axis, qint64 min, qint64 max, int ticks = 5);
/// Light or dark chart theme after the application's palette (the chart draws its own background).
void followPalette(QChart *chart);

} // namespace ChartAxes

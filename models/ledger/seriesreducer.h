#pragma once

#include "balancepoint.h"

#include <QList>

/// A point of a balance line: a moment (ms since epoch) and a balance in minor units. Integers all the way:
/// the chart converts to screen coordinates only to draw, and reads hover values from these.
struct SeriesPoint {
    qint64 t = 0;
    qint64 v = 0;
    bool operator==(const SeriesPoint &) const = default;
};

/// Turns daily rollups into a balance line and thins it to what a chart can show (PlotJuggler/Qwt's
/// approach): per pixel column the first, lowest, highest and last point, so at most four points a column
/// and no spike is lost, however many entries the account has.
class SeriesReducer final {
public:
    /// The balance line over [fromMs, toMs): flat before the first day (at its opening), each day's opening,
    /// low and high (at noon: rollups do not say when in the day) and closing, flat to `toMs` after the last.
    static QList<SeriesPoint> fromDays(const QList<BalancePoint> &days, qint64 fromMs, qint64 toMs);
    /// At most 4 * columns points of `line` (sorted by time) over [fromMs, toMs).
    static QList<SeriesPoint> reduce(const QList<SeriesPoint> &line, qint64 fromMs, qint64 toMs, int columns);
};

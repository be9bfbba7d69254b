#include "seriesreducer.h"

#include <algorithm>

namespace {
constexpr qint64 MsPerDay = 86400000;
}

QList<SeriesPoint> SeriesReducer::fromDays(const QList<BalancePoint> &days, qint64 fromMs, qint64 toMs) {
    QList<SeriesPoint> line;
    if (days.isEmpty())
        return line;
    line.reserve(days.size() * 4 + 2);
    const qint64 firstStart = days.first().dayStartMs;
    if (fromMs < firstStart)
        line.append({fromMs, days.first().opening});
    for (const BalancePoint &d : days) {
        const qint64 start = std::max(d.dayStartMs, fromMs);
        const qint64 end = std::min(d.dayStartMs + MsPerDay - 1, toMs);
        const qint64 noon = std::clamp(d.dayStartMs + MsPerDay / 2, start, end);
        line.append({start, d.opening});
        if (d.low < std::min(d.opening, d.closing))
            line.append({noon, d.low});
        if (d.high > std::max(d.opening, d.closing))
            line.append({noon, d.high});
        line.append({end, d.closing});
    }
    if (line.last().t < toMs)
        line.append({toMs, line.last().v});
    return line;
}

QList<SeriesPoint> SeriesReducer::reduce(const QList<SeriesPoint> &line, qint64 fromMs, qint64 toMs,
                                         int columns) {
    if (columns <= 0 || toMs <= fromMs || line.size() <= 4 * qsizetype(columns))
        return line;
    QList<SeriesPoint> out;
    out.reserve(qsizetype(4) * columns);
    // Dividing by the column width, not multiplying by the column count: (t - from) * columns could
    // leave int64 for ranges of many years in milliseconds.
    const qint64 width = std::max<qint64>(1, (toMs - fromMs + columns - 1) / columns);
    auto columnOf = [&](qint64 t) {
        return std::min<qint64>((std::clamp(t, fromMs, toMs) - fromMs) / width, columns - 1);
    };
    qsizetype i = 0;
    while (i < line.size()) {
        const qint64 column = columnOf(line[i].t);
        const SeriesPoint first = line[i];
        SeriesPoint low = first, high = first, last = first;
        for (++i; i < line.size() && columnOf(line[i].t) == column; ++i) {
            const SeriesPoint &p = line[i];
            if (p.v < low.v)
                low = p;
            if (p.v > high.v)
                high = p;
            last = p;
        }
        // Emit in time order, without repeats.
        SeriesPoint picks[4] = {first, low, high, last};
        std::sort(std::begin(picks), std::end(picks),
                  [](const SeriesPoint &a, const SeriesPoint &b) { return a.t < b.t; });
        for (const SeriesPoint &p : picks)
            if (out.isEmpty() || !(out.last() == p))
                out.append(p);
    }
    return out;
}

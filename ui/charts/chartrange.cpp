#include "chartrange.h"

namespace ChartRanges {

std::pair<qint64, qint64> bounds(ChartRange range, qint64 nowMs) {
    constexpr qint64 MsPerDay = 86400000;
    const qint64 to =
        (nowMs >= 0 ? nowMs / MsPerDay : (nowMs - MsPerDay + 1) / MsPerDay) * MsPerDay + MsPerDay;
    switch (range) {
    case ChartRange::Week:
        return {to - 7 * MsPerDay, to};
    case ChartRange::Month:
        return {to - 30 * MsPerDay, to};
    case ChartRange::Quarter:
        return {to - 90 * MsPerDay, to};
    case ChartRange::Year:
        return {to - 365 * MsPerDay, to};
    case ChartRange::All:
        return {0, to};
    }
    return {0, to};
}

} // namespace ChartRanges

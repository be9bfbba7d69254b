#pragma once

#include <QtGlobal>
#include <utility>

/// The ranges every chart offers: the last 7, 30, 90 or 365 UTC days up to the end of today, or everything.
enum class ChartRange { Week, Month, Quarter, Year, All };

namespace ChartRanges {

/// The UTC days `range` covers at `nowMs`: [from, to), whole days, today last. All: from is 0.
std::pair<qint64, qint64> bounds(ChartRange range, qint64 nowMs);

} // namespace ChartRanges

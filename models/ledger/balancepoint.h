#pragma once

#include <QtGlobal>

/// One day of an account's balance, from the daily rollups that every posting keeps up to date.
struct BalancePoint {
    qint64 dayStartMs = 0; ///< midnight UTC at the start of the day
    qint64 opening = 0;
    qint64 closing = 0;
    qint64 low = 0;
    qint64 high = 0;
    qint64 inflow = 0;
    qint64 outflow = 0;
    qint64 entryCount = 0;
};

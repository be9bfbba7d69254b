#pragma once

#include <QList>
#include <QString>

/// 128-bit integers for exact intermediate products (GCC and Clang; __extension__ keeps -Wpedantic quiet).
__extension__ using Int128 = __int128;

/// A bin of the balance histogram: player accounts whose balance is in [lower, upper), minor units.
struct BalanceBin {
    qint64 lower = 0;
    qint64 upper = 0;
    qint64 count = 0;
    qint64 total = 0; ///< sum of the balances in the bin
};

/// One of the largest player balances of a currency.
struct TopHolder {
    qint64 accountId = 0;
    QString playerRef;
    QString name;
    qint64 balance = 0;
};

/// Who holds a currency: every player account's balance, exactly (no sampling). Shares and the Gini
/// coefficient are ratios, so they are kept as integers in millionths, computed without rounding on the way.
struct BalanceDistribution {
    QString currency;
    int exponent = 0;
    qint64 players = 0;       ///< player accounts in the currency
    qint64 total = 0;         ///< sum of their balances (the holdings now)
    qint64 zeroCount = 0;     ///< accounts at exactly zero
    qint64 negativeCount = 0; ///< accounts below zero (allowed negative, or a forced reversal)
    qint64 negativeTotal = 0;
    /// Positive balances in logarithmic bins (1-2-5 steps: [1,2), [2,5), [5,10), [10,20) ... in minor units),
    /// from the first to the last non-empty bin, empty bins in between included. The last possible bin is
    /// [5 * 10^18, int64 maximum), and it also holds a balance at the maximum itself.
    QList<BalanceBin> bins;
    qint64 top1Total = 0;  ///< sum of the largest ceil(1%) of balances
    qint64 top10Total = 0; ///< sum of the largest ceil(10%)
    qint64 giniMillionths = 0;
    QList<TopHolder> topHolders; ///< largest first

    /// share of `part` in the total, in millionths (0 when the total is not positive)
    qint64 shareMillionths(qint64 part) const;
};

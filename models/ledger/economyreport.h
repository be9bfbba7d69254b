#pragma once

#include "balancepoint.h"
#include "transactionkind.h"

#include <QList>
#include <QMap>
#include <QString>

/// One UTC day of a currency's economy. Definitions (the same in the core, the app, walletctl and walletd):
/// a transaction's net player change in a currency is the sum of its entries on player accounts in that
/// currency; a positive one is a source, a negative one a sink, filed under the transaction's kind; a
/// transfer between players nets to zero and is neither. Holdings are the sum of all player balances at the
/// day's end.
struct EconomyDay {
    qint64 dayStartMs = 0; ///< midnight UTC at the start of the day
    qint64 holdings = 0;   ///< sum of player balances at the end of the day
    /// The day's change of all player balances, summed from the entries themselves (not from the flows), so
    /// that `balances()` is a real check of the flows against the entries.
    qint64 playerChange = 0;
    QMap<TransactionKind, qint64> sources; ///< kind -> sum of positive net player changes (minor units)
    QMap<TransactionKind, qint64> sinks;   ///< kind -> sum of the magnitudes of negative ones
    qint64 activePlayers = 0;              ///< player accounts with at least one entry that day
    qint64 activeBalance = 0;              ///< sum of those accounts' balances at the day's end

    qint64 sourcesTotal() const;
    qint64 sinksTotal() const;
    /// previous day's holdings + sources - sinks = holdings, i.e. playerChange = sources - sinks.
    bool balances() const { return playerChange == sourcesTotal() - sinksTotal(); }
    /// Average balance of the day's active players, in minor units, rounded toward zero (0 with none).
    qint64 averageActiveBalance() const { return activePlayers > 0 ? activeBalance / activePlayers : 0; }
};

/// A system account's (treasury, house, promotions, adjustments) balance per day, for the economy page.
struct SystemAccountSeries {
    qint64 accountId = 0;
    QString name;
    QList<BalancePoint> days; ///< days with entries, oldest first (as LedgerReader::balanceSeries)
};

/// A currency's economy over a range of days: every calendar day from `fromMs` to the day before `toMs`,
/// oldest first, quiet days included (holdings carried, no flows).
struct EconomyReport {
    QString currency;
    int exponent = 0;
    qint64 fromMs = 0;          ///< midnight UTC of the first day
    qint64 toMs = 0;            ///< midnight UTC after the last day
    qint64 openingHoldings = 0; ///< holdings at the start of the first day
    QList<EconomyDay> days;
    QList<SystemAccountSeries> systemAccounts;

    /// Sum of the days' sources (or sinks) per kind over the whole range.
    QMap<TransactionKind, qint64> sourcesByKind() const;
    QMap<TransactionKind, qint64> sinksByKind() const;
    /// Days whose flows do not add up to the change of holdings (empty on a sound ledger).
    QList<qint64> unbalancedDays() const;
};

/// Adds one transaction's net player change in a currency to per-kind sources and sinks: the rule as the
/// posting path and the demo generator apply it (the verifier's EconomyTally checks the per-day totals of the
/// same rule).
inline void fileNetPlayerChange(QMap<TransactionKind, qint64> &sources, QMap<TransactionKind, qint64> &sinks,
                                TransactionKind kind, qint64 net) {
    if (net > 0)
        sources[kind] += net;
    else if (net < 0)
        sinks[kind] += -net;
}

#pragma once

#include "balancedistribution.h"
#include "economyreport.h"

#include <QColor>
#include <QPointF>
#include <QString>
#include <optional>

class QChart;

/// Fills the economy page's charts from a report. Everything drawn is converted from the exact integers only
/// to draw; what a person reads (axis labels, hover read-outs) is formatted from the integers again.
namespace EconomyCharts {

/// The same colour for a kind on every chart (a source and a sink of one kind share it).
QColor colorOf(TransactionKind kind);

/// Holdings as a step line (a day's value holds from its start to its end), the currency's system accounts
/// (treasury, house, promotions, adjustments) and the cumulative net issuance (sources - sinks) since the
/// range's start.
void fillHoldings(QChart *chart, const EconomyReport &report);
/// Sources above zero and sinks below, stacked by kind, one bar a day.
void fillFlows(QChart *chart, const EconomyReport &report);
/// Active players per day, and the average balance of an active player.
void fillActivePlayers(QChart *chart, const EconomyReport &report);
void fillAverageBalance(QChart *chart, const EconomyReport &report);
/// Accounts per balance bin: below zero, zero, then the logarithmic bins.
void fillHistogram(QChart *chart, const BalanceDistribution &distribution);

/// The day of the report under chart value `x` (ms since epoch), or nullptr.
const EconomyDay *dayAt(const EconomyReport &report, qreal x);
/// The kind whose stacked bar holds `value` on `day` (y in minor units), if any.
std::optional<TransactionKind> kindAt(const EconomyDay &day, qreal y);

QString describeHoldings(const EconomyReport &report, const QPointF &value);
QString describeFlows(const EconomyReport &report, const QPointF &value);
QString describeActivity(const EconomyReport &report, const QPointF &value);
QString describeHistogram(const BalanceDistribution &distribution, const QPointF &value);
/// The histogram's categories in order, as labelled ("< 0", "0", "1 – 2", ...).
QStringList histogramLabels(const BalanceDistribution &distribution);

} // namespace EconomyCharts

#include "economyreport.h"

namespace {

qint64 sum(const QMap<TransactionKind, qint64> &byKind) {
    qint64 total = 0;
    for (qint64 v : byKind)
        total += v;
    return total;
}

void addInto(QMap<TransactionKind, qint64> &into, const QMap<TransactionKind, qint64> &from) {
    for (auto it = from.cbegin(); it != from.cend(); ++it)
        into[it.key()] += it.value();
}

} // namespace

qint64 EconomyDay::sourcesTotal() const {
    return sum(sources);
}

qint64 EconomyDay::sinksTotal() const {
    return sum(sinks);
}

QMap<TransactionKind, qint64> EconomyReport::sourcesByKind() const {
    QMap<TransactionKind, qint64> out;
    for (const EconomyDay &d : days)
        addInto(out, d.sources);
    return out;
}

QMap<TransactionKind, qint64> EconomyReport::sinksByKind() const {
    QMap<TransactionKind, qint64> out;
    for (const EconomyDay &d : days)
        addInto(out, d.sinks);
    return out;
}

QList<qint64> EconomyReport::unbalancedDays() const {
    QList<qint64> out;
    for (const EconomyDay &d : days)
        if (!d.balances())
            out << d.dayStartMs;
    return out;
}

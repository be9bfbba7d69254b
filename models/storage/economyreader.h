#pragma once

#include "balancedistribution.h"
#include "economyreport.h"
#include "ledgererror.h"

#include <QSqlDatabase>

class LedgerStore;

/// The analysts' figures of a currency, read from the economy rollups that every posting keeps in its own
/// transaction (schema 5) and from the accounts table; never from a sample. Read-only, on the store's
/// connection, like LedgerReader.
class EconomyReader final {
public:
    explicit EconomyReader(LedgerStore &store);

    /// The longest range one report covers (about 20 years of days).
    static constexpr qint64 MaxDays = 7400;
    /// Top holders listed in a distribution.
    static constexpr int TopHolderCount = 100;

    /// Every day in [fromMs, toMs) (0 for open ends: from the currency's first active day, up to today),
    /// with holdings, sources and sinks per kind, active players; and the currency's system accounts'
    /// balances.
    Result<EconomyReport> economy(const QString &currency, qint64 fromMs, qint64 toMs);
    /// Every player account's balance in the currency now: histogram, top shares, Gini, top holders.
    Result<BalanceDistribution> distribution(const QString &currency);

private:
    Result<int> exponentOf(const QString &currency);

    LedgerStore &m_store;
    QSqlDatabase m_db;
    bool m_postgres = false;
};

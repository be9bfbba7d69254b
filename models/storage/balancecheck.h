#pragma once

#include "economytally.h"
#include "verifypart.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QSqlDatabase>
#include <utility>
#include <vector>

class VerifyProgress;

/// The verifier's balance worker: streams the entries once more, in journal order, and recomputes what the
/// postings kept: that each transaction's entries sum to zero per currency, every balance-after, that no
/// player went below zero except through a forced reversal or with allow-negative set, cached balances,
/// held amounts, daily rollups and the economy rollups. Apart from the chain passes because it reads the
/// same journal for other facts and runs beside them on its own connection.
///
/// Per-account state lives in memory: about 100 bytes per account. Rollups are compared through an
/// order-independent digest per account; only an account whose digest differs is re-read through its index
/// to name the bad row.
class BalanceCheck final {
public:
    BalanceCheck(bool postgres, const VerifyProgress &progress);
    /// Every check in turn, stopping at the first finding or failure (which `part` then holds).
    void run(QSqlDatabase db, VerifyPart &part);

private:
    struct Flags {
        bool exists = false;
        bool system = false;
        bool allowNegative = false;
        int currency = 0;
        qint64 cachedBalance = 0;
        qint64 held = 0; ///< accounts.held minus the holds of pending approvals: 0 when consistent
    };
    /// Running state of one account (or one shard of a system account).
    struct State {
        qint64 balance = 0;
        qint64 day = -1;
        qint64 opening = 0, low = 0, high = 0, inflow = 0, outflow = 0, count = 0;
        quint64 rollupDigest = 0;
        qint64 rollupRows = 0;
    };

    bool loadAccounts(QSqlDatabase db, VerifyPart &part);
    int currencyIndex(QByteArrayView code);
    bool checkEntries(QSqlDatabase db, VerifyPart &part);
    bool checkBalances(QSqlDatabase db, VerifyPart &part);
    bool checkRollups(QSqlDatabase db, VerifyPart &part);
    bool checkEconomy(QSqlDatabase db, VerifyPart &part);
    QString locateRollupProblem(QSqlDatabase db, qint64 accountId);
    State *stateFor(qint64 accountId, int shard);
    void closeDay(State &s, qint64 accountId, int shard);
    QString entriesInJournalOrder() const;

    bool m_postgres;
    const VerifyProgress &m_progress;
    std::vector<Flags> m_flags;                       ///< by account id
    std::vector<State> m_players;                     ///< by account id
    QHash<qint64, std::vector<State>> m_systemShards; ///< system account id -> state per shard
    QHash<QByteArray, int> m_currencies;              ///< code -> index into per-currency sums
    EconomyTally m_economy;                           ///< the economy rollups as the entries say they must be
    std::vector<std::pair<QByteArray, int>> m_currencyList; ///< the same, searched by currencyIndex()
};

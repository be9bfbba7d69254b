#pragma once

#include "ledgererror.h"
#include "verifyreport.h"

#include <QHash>
#include <QSqlDatabase>
#include <functional>

/// Recomputes what the ledger claims: both hash chains lane by lane, that every transaction's entries sum to
/// zero per currency, every balance-after, cached balance, held amount and daily rollup, and that no player
/// account went below zero except through a forced reversal or with allow-negative set.
/// It streams ordered cursors and keeps per-account state only, so memory stays small on large ledgers.
class LedgerVerifier final
{
public:
    LedgerVerifier(QSqlDatabase db, bool postgres);
    Result<VerifyReport> run(const std::function<bool(qint64)> &progress);

private:
    bool checkJournal(VerifyReport &report, const std::function<bool(qint64)> &progress);
    bool checkBalances(VerifyReport &report, const std::function<bool(qint64)> &progress);
    bool checkAudit(VerifyReport &report);
    bool checkHeads(VerifyReport &report);

    QSqlDatabase m_db;
    bool m_postgres;
    QHash<QString, QString> m_laneHeads; ///< "chain/lane" -> head computed while walking
    QHash<QString, qint64> m_laneLastIds;
    bool m_cancelled = false;
};

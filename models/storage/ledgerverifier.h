#pragma once

#include "ledgererror.h"
#include "verifypart.h"
#include "verifyreport.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <functional>
#include <latch>

/// Recomputes what the ledger claims: both hash chains lane by lane, that every transaction's entries sum to
/// zero per currency, every balance-after, cached balance, held amount and daily rollup, and that no player
/// account went below zero except through a forced reversal or with allow-negative set.
///
/// One sequential pass over the journal (the fastest order a database can deliver) keeps per-account state
/// in memory: about 100 bytes per account. Rollups are compared through an order-independent digest per
/// account; only an account whose digest differs is re-read through its index to name the bad row.
class LedgerVerifier final {
public:
    LedgerVerifier(QSqlDatabase db, bool postgres);
    /// `progress` gets the entries checked so far and the total to expect (the highest entry id in the
    /// snapshot verified: entries to within the ids a rollback skipped), on the calling thread: once with
    /// none checked before the work starts, then as it goes. Returning false cancels.
    Result<VerifyReport> run(const std::function<bool(qint64 checked, qint64 total)> &progress);

private:
    /// The passes run at once, each on its own connection to one snapshot: two JournalChainCheck slices
    /// hash the journal (then AuditChainCheck the audit log and the heads, on this connection); BalanceCheck
    /// recomputes sums, balances and rollups. This class takes the snapshot and merges what they found.
    ///
    /// Opens a second connection on the same snapshot and runs `job` on it (on the calling thread). Counts
    /// `snapshotTaken` down once its snapshot is taken (or could not be).
    void onSecondConnection(const QString &snapshot, const QByteArray &marker, VerifyPart &part,
                            const QString &tag, std::latch &snapshotTaken,
                            const std::function<void(QSqlDatabase)> &job);
    /// SQLite: a connection holding the write lock while the workers take their snapshots (see run()).
    QString holdWriters();
    QByteArray snapshotMarker(QSqlDatabase db);

    QSqlDatabase m_db;
    bool m_postgres;
};

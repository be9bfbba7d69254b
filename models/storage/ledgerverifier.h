#pragma once

#include "economytally.h"
#include "ledgererror.h"
#include "verifyreport.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <atomic>
#include <functional>
#include <latch>
#include <vector>

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
    /// `progress` gets entries checked so far, on the calling thread; returning false cancels.
    Result<VerifyReport> run(const std::function<bool(qint64)> &progress);

private:
    /// The two halves run at once, each on its own connection to one snapshot: the chain half hashes the
    /// journal and the audit log; the balance half recomputes sums, balances and rollups.
    /// Per chain and lane: the head computed while walking, and the last id seen.
    struct Lane {
        QByteArray head;
        qint64 lastId = 0;
    };
    struct Part {
        VerifyReport report;
        bool readFailed = false;
        bool problem(const QString &text);
        bool readFailure(const QString &text);
    };
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

    // chain half
    /// A slice of the journal by transaction id, [from, to); `to` 0 means to the end. The hash chain splits
    /// cleanly: a slice trusts the previous hash of its first row in each lane, and afterwards that hash is
    /// compared with the head the slice before it computed.
    struct Slice {
        qint64 fromTransaction = 0, toTransaction = 0;
        qint64 fromEntry = 0, toEntry = 0; ///< SQLite: the same slice as entry ids (journal order = id order)
        bool continuation = false;
        std::vector<Lane> lanes;
        QHash<int, std::pair<QByteArray, qint64>>
            firstPrev; ///< lane -> (previous hash it starts from, txn id)
    };
    bool checkChains(QSqlDatabase db, Part &part, Slice &slice, const std::function<bool(qint64)> &progress);
    bool planSlices(Slice &first, Slice &second);
    bool checkAudit(QSqlDatabase db, Part &part);
    void checkHeads(QSqlDatabase db, Part &part);
    Lane *lane(std::vector<Lane> &lanes, qint64 number);
    // balance half
    /// Opens a second connection on the same snapshot and runs `job` on it (on the calling thread). Counts
    /// `snapshotTaken` down once its snapshot is taken (or could not be).
    void onSecondConnection(const QString &snapshot, const QByteArray &marker, Part &part, const QString &tag,
                            std::latch &snapshotTaken, const std::function<void(QSqlDatabase)> &job);
    /// SQLite: a connection holding the write lock while the workers take their snapshots (see run()).
    QString holdWriters();
    bool loadAccounts(QSqlDatabase db, Part &part);
    int currencyIndex(QByteArrayView code);
    bool checkEntries(QSqlDatabase db, Part &part);
    bool checkBalances(QSqlDatabase db, Part &part);
    bool checkRollups(QSqlDatabase db, Part &part);
    bool checkEconomy(QSqlDatabase db, Part &part);
    QString locateRollupProblem(QSqlDatabase db, qint64 accountId);
    State *stateFor(qint64 accountId, int shard);
    void closeDay(State &s, qint64 accountId, int shard);

    QByteArray snapshotMarker(QSqlDatabase db);
    QString entriesInJournalOrder() const;

    QSqlDatabase m_db;
    bool m_postgres;
    std::atomic<bool> m_stop{false};
    std::atomic<qint64> m_entriesChecked{0}; ///< by both chain slices, in steps of ProgressEvery
    std::vector<Lane> m_journalLanes, m_auditLanes;
    std::vector<Flags> m_flags;                       ///< by account id
    std::vector<State> m_players;                     ///< by account id
    QHash<qint64, std::vector<State>> m_systemShards; ///< system account id -> state per shard
    QHash<QByteArray, int> m_currencies;              ///< code -> index into per-currency sums
    EconomyTally m_economy;                           ///< the economy rollups as the entries say they must be
    std::vector<std::pair<QByteArray, int>> m_currencyList; ///< the same, searched by currencyIndex()
};

#pragma once

#include "account.h"
#include "postingleg.h"
#include "sqlsession.h"
#include "transactionkind.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QString>
#include <map>
#include <optional>
#include <tuple>

/// What the open write transaction has locked and changed. Rows every posting touches (balances, shards,
/// daily rollups, economy figures, chain heads) are kept here and written once just before COMMIT (flush),
/// so a batch of postings updates each row once instead of once per posting.
struct WriteCache {
    struct RollupDelta {
        qint64 opening = 0, closing = 0, low = 0, high = 0, inflow = 0, outflow = 0, count = 0;
        QString currency; ///< for the economy figures of player accounts
        bool player = false;

        /// A day's figures as its first leg finds the account (before the leg: add() it next).
        static RollupDelta openedBy(const PostingLeg &leg);
        /// A priced leg's effect on the day: the one arithmetic of rollups, for both writers.
        void add(const PostingLeg &leg);
    };
    /// A currency's sources and sinks per kind on one day (economy_flows), summed over this transaction.
    struct FlowDelta {
        QMap<TransactionKind, qint64> sources, sinks;
    };
    /// A locked shard of a system account. `others` is the sum of its other shards when it was locked
    /// (nullopt: beyond 64 bits), so that the account's total can be kept inside the int64 range too.
    struct ShardLock {
        int shard = 0;
        qint64 balance = 0;
        std::optional<qint64> others = 0;
    };
    /// The lane of a hash chain this transaction holds, and where its chain has got to.
    struct LaneState {
        int lane = 0;
        QString head;
        qint64 lastId = 0;
        bool dirty = false;
    };

    QHash<qint64, Account> accounts; ///< locked player accounts, current values
    QSet<qint64> dirtyAccounts;
    QHash<qint64, ShardLock> shards; ///< system account -> the shard this transaction holds
    QSet<qint64> dirtyShards;
    QHash<QString, LaneState> lanes; ///< chain -> the lane this transaction holds
    qint64 nextTransactionId = 0, nextAuditId = 0;
    std::map<std::tuple<qint64, int, qint64>, RollupDelta> rollups; ///< (account, shard, day)
    std::map<std::pair<QString, qint64>, FlowDelta> flows;          ///< (currency, day)

    /// A priced leg's effect on its balance and its day's rollup.
    void applyLeg(const PostingLeg &leg, qint64 at);
    /// A priced leg's effect on its day's rollup alone (the bulk path keeps balances itself).
    void addToRollup(const PostingLeg &leg, qint64 at);
    /// The transaction's net player change per currency, filed as a source or sink of its kind
    /// (economyreport.h).
    void fileEconomyFlows(TransactionKind kind, const QList<PostingLeg> &legs, qint64 at);
    /// Changes what pending approvals hold on a locked player account.
    void changeHeld(qint64 accountId, qint64 delta);
    /// Writes what the transaction changed in the cached rows. Runs just before COMMIT.
    void flush(SqlSession &sql);
    void clear() { *this = WriteCache(); }

    /// The kinds a day's flows name, sources' first.
    static QList<TransactionKind> flowKindsOf(const FlowDelta &f);

private:
    void flushPostgres(SqlSession &sql);
    int economyLane() const;
};

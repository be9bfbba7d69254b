#pragma once

#include "bulkstatement.h"
#include "ledgererror.h"
#include "operatorinfo.h"
#include "postingrequest.h"
#include "writecache.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

/// The store's bulk path, for a whole history planned elsewhere (the demo generator) and written in one
/// transaction by LedgerStore::bulkLoad. Each posting is a PostingRequest like any other: the ledger's own
/// rules plan its legs (PostingRules::validate and planLegs), JournalWriter's pricing and balance checks
/// price them, TxnHeader hashes the row into the journal's chain, and WriteCache's arithmetic keeps the
/// daily rollups and economy figures, so what a bulk load writes is what posting the same requests one by
/// one would write. What differs is only how: the load holds the whole ledger, so nothing is locked row by
/// row; balances are kept in memory and written once at the end; rows go in through prepared statements
/// that skip Qt's layers (BulkStatement); and a day's rollups are written when the next day begins.
///
/// The load creates its players' accounts itself (dense ids after the ledger's last one) and writes them
/// last, with their final balances. Postings come in time order; system legs go to shard 0 (any shard is
/// valid; the load is the ledger's only writer). Nothing is audited row by row: the caller audits the load.
class BulkJournal final {
public:
    /// What the accounts of one of the load's players are written with.
    struct Player {
        QByteArray ref;  ///< the game's player id
        QByteArray name; ///< display name
    };

    /// `origin` goes on every transaction row; each posting's idempotency key is `keyPrefix` followed by its
    /// transaction id (a bulk load makes its own requests, so its keys need only be unique and stable).
    BulkJournal(const QSqlDatabase &db, bool postgres, QString origin, QByteArray keyPrefix);
    ~BulkJournal();
    Q_DISABLE_COPY_MOVE(BulkJournal)

    /// Reads where the ledger stands (last ids, the journal chain's head, system accounts and their
    /// balances) and prepares the statements. Called by LedgerStore::bulkLoad before the body runs.
    Result<Done> begin();

    /// A new player account of `currency` for the load's player number `player` (the same number for all
    /// of one player's accounts), created at `createdAt`. Its id; its row is written by finish().
    qint64 addAccount(quint32 player, const QString &currency, qint64 createdAt);
    /// A load account's balance so far (what the planner plans against).
    qint64 balance(qint64 accountId) const;

    /// Plans, prices and writes one posting by `op` at `at` (ms since the epoch, not before the previous
    /// posting's time); its idempotency key is the load's (see above), whatever `planned` has. Its
    /// transaction id, or why the ledger's rules refuse it (nothing of it written). A posting that would
    /// wait for approval (above the operator's limit) is refused: a load cannot wait for a second operator.
    Result<qint64> post(const PostingRequest &planned, const OperatorInfo &op, qint64 at);

    /// Writes the last day's rollups, the accounts (`describe` gives each player's ref and name; `progress`
    /// gets accounts written and their total), the system accounts' balances and the chain's head.
    Result<Done> finish(const std::function<Player(quint32 player)> &describe,
                        const std::function<void(qint64 done, qint64 total)> &progress = {});

    qint64 transactions() const { return m_transactions; }
    qint64 entries() const { return m_entries; }
    qint64 rollups() const { return m_rollups; }
    qint64 lastTransactionId() const { return m_nextTransaction - 1; }

private:
    struct LoadAccount {
        quint32 player = 0;
        int currency = 0; ///< index into m_currencies
        qint64 balance = 0;
        qint64 createdAt = 0;
        qint64 lastActivityAt = 0;
    };
    Result<Done> writeDay();
    LoadAccount *loadAccount(qint64 id);
    int currencyIndex(const QString &code);
    LedgerError databaseError(const BulkStatement &statement) const;

    QSqlDatabase m_db;
    bool m_postgres;
    QString m_origin;
    QByteArray m_keyPrefix;
    std::unique_ptr<BulkStatement> m_insTransaction, m_insEntry, m_insRollup, m_insFlow, m_insEconomyDay;

    QList<QString> m_currencies; ///< the load accounts' currencies, in first-use order
    qint64 m_firstAccount = 0;   ///< the first id the load gives an account
    std::vector<LoadAccount> m_accounts;
    QHash<std::pair<QString, QString>, qint64> m_systemAccounts; ///< (currency, name) -> id
    QHash<qint64, qint64> m_systemBalances;                      ///< system account -> its shard 0 balance
    QHash<qint64, qint64> m_otherShards; ///< system account -> the sum of its other shards (PostgreSQL)
    qint64 m_nextTransaction = 1, m_nextEntry = 1;
    QByteArray m_chainHead; ///< the journal chain's lane 0
    qint64 m_day = -1;      ///< the day whose rollups m_dayCache holds
    /// The current day's rollups by account (system legs all go to shard 0): a hash, as the day's accounts
    /// are many and their order matters only when written.
    QHash<qint64, WriteCache::RollupDelta> m_dayRollups;
    WriteCache m_dayCache; ///< the current day's economy flows
    qint64 m_lastAt = 0;
    qint64 m_transactions = 0, m_entries = 0, m_rollups = 0;
};

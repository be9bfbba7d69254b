#pragma once

#include "account.h"
#include "actor.h"
#include "postingleg.h"
#include "postingresult.h"
#include "sqlsession.h"
#include "transactionkind.h"
#include "txnheader.h"
#include "writecache.h"

#include <QHash>
#include <QList>
#include <QString>
#include <optional>

/// The one writer of the journal, inside a transaction the store has opened: it locks the rows a posting
/// writes (player accounts in ascending id order, a shard of each system account, a lane of each hash
/// chain), prices planned legs against the locked balances, and appends journal, entry and audit rows with
/// their chain hashes. Balances, rollups and chain heads go to the WriteCache, written once at COMMIT.
class JournalWriter final {
public:
    explicit JournalWriter(SqlSession &sql);
    Q_DISABLE_COPY_MOVE(JournalWriter)

    WriteCache &cache() { return m_cache; }
    /// While a batch runs, its postings are audited by one record for the whole batch (the journal rows
    /// themselves carry operator, origin and time); single postings get a record each.
    void setBatchAudit(bool on) { m_batchAudit = on; }

    static qint64 nowMs();
    /// a + b, or an Overflow failure naming the account.
    static qint64 checkedAdd(qint64 a, qint64 b, qint64 accountId);
    /// Entries sum to zero per currency: the planner guarantees it; both writers check anyway, it is the
    /// ledger's core. A failure names the currency.
    static void checkBalanced(const QList<PostingLeg> &legs);
    /// Prices a player leg against its account: fills in the balances before and after, refusing an
    /// overflow and (unless the account may go negative or `allowOverdraft`) an overdraft of what is
    /// available; the account's balance becomes the leg's balance after, so a later leg sees it.
    static void pricePlayerLeg(PostingLeg &leg, Account &account, bool allowOverdraft);

    // --- what never changes once created: currencies' exponents and system accounts' ids
    int exponentOf(const QString &currency);
    qint64 systemAccountId(const QString &currency, const QString &name);

    // --- accounts
    std::optional<Account> loadAccount(qint64 id, bool lock);
    /// The account (locked and cached for the transaction when `lock`), or a NotFound failure.
    Account requireAccount(qint64 id, bool lock);
    /// Locks and caches, in one query, the player accounts among `ids` not locked yet (a batch's).
    void lockAccounts(QList<qint64> ids);

    // --- postings
    /// Gives planned system legs their account ids (NotFound when a currency lacks that system account).
    void resolveSystemLegs(QList<PostingLeg> &legs);
    /// Locks a shard of each system leg's account and fills in balances and shards,
    /// checking overdraft and overflow. Still writes nothing.
    void priceLegs(QList<PostingLeg> &legs, QHash<qint64, Account> &players, bool allowOverdraft);
    /// Writes a fully priced transaction: journal row, entries, balances, rollups, audit, chain heads.
    PostingResult writeTransaction(const TxnHeader &h, const QList<PostingLeg> &legs, const Actor &actor,
                                   const QString &auditAction, const QString &auditTarget);
    /// Appends an audit row inside the current transaction (`lane` -1: any free lane).
    void appendAudit(const Actor &actor, const QString &action, const QString &target, const QString &outcome,
                     const QString &detail, int lane = -1);

private:
    struct Lane {
        int lane = 0;
        QString head;
        qint64 lastId = 0;
    };
    static Account readAccount(const SqlStatement &q);
    WriteCache::ShardLock lockShard(qint64 accountId);
    WriteCache::ShardLock lockShardRow(qint64 accountId);
    Lane lockLane(const QString &chain, int preferred = -1);
    Lane lockLaneRow(const QString &chain, int preferred);
    qint64 nextId(const char *table);
    void advanceLane(const QString &chain, int lane, qint64 lastId, const QString &head);

    SqlSession &m_sql;
    WriteCache m_cache;
    QHash<QString, qint64> m_systemAccountIds; ///< "CUR/name" -> id; system accounts never change
    QHash<QString, int> m_exponents;           ///< currency -> exponent; currencies are never altered
    bool m_batchAudit = false;
};

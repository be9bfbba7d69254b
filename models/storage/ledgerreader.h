#pragma once

#include "accountquery.h"
#include "approval.h"
#include "auditrecord.h"
#include "balancepoint.h"
#include "historyentry.h"
#include "journalquery.h"
#include "journaltransaction.h"
#include "ledgererror.h"
#include "postingoutcome.h"
#include "statement.h"

#include <QList>
#include <QSqlDatabase>

class LedgerStore;

/// The read side of the desktop app and of walletd's list endpoints: searched, filtered and sorted account
/// lists, the journal across accounts, balance series and a change token. Read-only, so it works on the
/// store's connection without the store's write machinery. Every value from a user is bound, never
/// spliced into SQL; the SQL text is put together only from fixed fragments chosen by enum.
///
/// Lists use keyset pagination where they can: a window that continues from a known row seeks the index
/// to that row's sort key. A window at an arbitrary row (a scroll-bar drag) counts from the nearer end of
/// the list, so the last page of a million accounts is as quick as the first.
class LedgerReader final {
public:
    explicit LedgerReader(LedgerStore &store);

    static constexpr qint64 SearchCountCap = AccountQuery::SearchCountCap;

    /// How many accounts match (the list's row count); see SearchCountCap for searches.
    Result<qint64> countAccounts(const AccountQuery &query);
    /// `limit` accounts starting at row `offset` of the sorted list. When `after` is given it must be the
    /// key of row offset - 1; the window is then found by seeking instead of counting. `total` is the row
    /// count, used to count from the end when that is nearer (pass -1 if unknown).
    Result<AccountPage> accounts(const AccountQuery &query, qint64 offset, int limit,
                                 const std::optional<AccountKey> &after, qint64 total);

    /// Newest first, entries older than `beforeEntryId` (0: from the newest).
    Result<QList<JournalLine>> journal(const JournalQuery &query, qint64 beforeEntryId, int limit);

    /// One point per day that has entries, in [fromMs, toMs) (0 for open ends), oldest first. System
    /// accounts spread over shards are summed per day; their low/high then take each shard's low/high with
    /// the other shards at their latest closing, because the shards' own lows do not add up to the account's.
    Result<QList<BalancePoint>> balanceSeries(qint64 accountId, qint64 fromMs, qint64 toMs);

    /// A number that grows whenever anything is written to the ledger by anyone (it sums the chain heads,
    /// which every posting and every audited action advances). Cheap enough to poll every second.
    Result<qint64> changeToken();

    /// What became of the posting sent with `idempotencyKey` (posted, waiting for approval, or nothing).
    Result<PostingOutcome> postingOutcome(const QString &idempotencyKey);
    /// One transaction with all its entries, its reversal links and approval.
    Result<JournalTransaction> transaction(qint64 id);
    /// An account's entries, newest first, older than beforeEntryId (0 = from the newest). Keyset pagination.
    Result<QList<HistoryEntry>> history(qint64 accountId, qint64 beforeEntryId, int limit);
    /// The balance at the end of the given moment (ms since epoch).
    Result<qint64> balanceAt(qint64 accountId, qint64 atMs);
    /// Newest first, records older than beforeId (0 = from the newest).
    Result<QList<AuditRecord>> audit(qint64 beforeId, int limit);
    Result<Approval> approval(qint64 id);
    /// The pending ones oldest first, or all newest first.
    Result<QList<Approval>> approvals(bool pendingOnly, int limit = 200);

    /// One account's statement for [fromMs, toMs): the opening balance (balanceAt), the entries in the
    /// range oldest first with the balance after each, the totals in and out, the closing balance and the
    /// ledger's digest (chainDigest). InvalidArgument for a range StatementRange refuses and for more than
    /// StatementRange::MaxEntries entries. ledgerName and generatedBy are left to the caller, who knows them.
    Result<Statement> statement(qint64 accountId, qint64 fromMs, qint64 toMs);
    /// SHA-256 over the recorded chain heads: the digest verify reports (VerifyReport::digest) when the
    /// ledger is intact, read from chain_heads alone instead of walking the chains.
    Result<QString> chainDigest();

private:
    /// At least this many matches make a search "broad" (see SearchPlan in the .cpp).
    static constexpr int BroadSearch = 1000;
    bool searchIsBroad(const AccountQuery &query);

    LedgerStore &m_store;
    QSqlDatabase m_db;
    bool m_postgres = false;
};

#pragma once

#include "ledgererror.h"

#include <QString>
#include <functional>

class LedgerStore;

struct DemoOptions {
    qint64 players = 1000;
    int days = 90;
    quint64 seed = 1;
    int entriesPerPlayer = 10; ///< average journal entries per player over the whole period

    /// Empty when the options are usable; otherwise what is wrong with them, for people.
    QString problem() const;
};

struct DemoSummary {
    qint64 players = 0;
    qint64 accounts = 0;
    qint64 transactions = 0;
    qint64 entries = 0;
    qint64 rollups = 0;
    int pendingApprovals = 0;
    int reversals = 0;
    int frozen = 0;
    qint64 elapsedMs = 0;
};

/// Fills an empty ledger with a living economy: GOLD, GEMS, CREDITS (exponent 2) and TREASURE_BOX items;
/// players who sign up over the period and deposit, win, get charged, buy boxes, receive bonuses, transfer,
/// withdraw and get adjusted, with a weekly rhythm and evening peaks; then, through the normal posting
/// path, reversals, pending approvals and frozen accounts. The same seed gives the same ledger.
///
/// The generator only plans: it decides who does what when, as PostingRequests, and the store's bulk path
/// (LedgerStore::bulkLoad, BulkJournal) posts them by the ledger's own rules in one transaction, with the
/// rows the posting path writes. The history is not audited row by row: one audit record covers it.
class DemoGenerator final {
public:
    DemoGenerator(LedgerStore &store, const DemoOptions &options, const QString &adminName);
    Result<DemoSummary> run(const std::function<void(int percent)> &progress = {});

private:
    LedgerStore &m_store;
    DemoOptions m_options;
    QString m_admin;
};

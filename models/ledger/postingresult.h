#pragma once

#include "journalentry.h"

#include <QList>

/// What a posting did. A posting above the operator's limit is not posted but held for approval.
struct PostingResult {
    enum class Status { Posted, Pending };
    Status status = Status::Posted;
    qint64 transactionId = 0; ///< when posted
    qint64 approvalId = 0;    ///< when pending (and, once approved, the approval it came from)
    bool replayed = false;    ///< the key was seen before with the same request; nothing new was written
    /// A dry run's answer: what the posting would do. Nothing was written, so transactionId is 0 (and
    /// approvalId too when it would await approval), unless `replayed` names what the key already posted.
    bool dryRun = false;
    QList<JournalEntry> entries;

    /// The balance after of the entry on `accountId`, or `fallback` when that account has no entry.
    qint64 balanceAfter(qint64 accountId, qint64 fallback = 0) const {
        for (const auto &e : entries)
            if (e.accountId == accountId)
                return e.balanceAfter;
        return fallback;
    }
    /// The balance before of the entry on `accountId` (its balance after less its amount), or `fallback`.
    qint64 balanceBefore(qint64 accountId, qint64 fallback = 0) const {
        for (const auto &e : entries)
            if (e.accountId == accountId)
                return e.balanceAfter - e.amount;
        return fallback;
    }
};

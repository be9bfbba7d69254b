#pragma once

#include "transactionkind.h"

#include <QByteArray>
#include <QString>
#include <QtGlobal>

/// A request to move money, as a front end builds it. The store turns it into balanced entries.
struct PostingRequest {
    TransactionKind kind = TransactionKind::Deposit;
    QString idempotencyKey; ///< client-generated; the same key never posts twice
    qint64 accountId = 0;   ///< the player account (the paying one for transfer and purchase)
    /// transfer: the receiving player account; purchase: the player's item account that receives items
    qint64 counterAccountId = 0;
    /// minor units. Positive for every kind except adjustment, where the sign says credit (+) or debit (-).
    qint64 amount = 0;
    qint64 itemQuantity = 0; ///< purchase: how many items the player receives
    QString reasonCode;      ///< required for adjustments
    QString ticketRef;
    QString memo;
    /// Rehearse only: the ledger runs every rule in a transaction it rolls back and answers what would happen
    /// (the legs and balances, or that it needs approval, or the exact error); nothing is written, not even
    /// the audit log. Not part of canonical(): a dry run and the real posting are the same request.
    bool dryRun = false;

    /// Canonical bytes of everything that defines the request, so a replayed key can be compared exactly.
    QByteArray canonical() const;
    // Its JSON form is ApiCodec's (toJson, decodePosting, decodeKeyedPosting), the one for every program.
};

#pragma once

#include "chainhasher.h"
#include "transactionkind.h"

#include <QString>
#include <QtGlobal>

/// The journal row of a posting, apart from its entries: what both writers of the journal (JournalWriter
/// for postings one at a time, BulkJournal for a planned history) store and hash.
struct TxnHeader {
    TransactionKind kind;
    QString key;
    QString requestHash;
    qint64 operatorId = 0;
    QString origin;
    qint64 reversesId = 0;
    bool forced = false;
    qint64 approvalId = 0;
    QString reasonCode, ticketRef, memo;

    /// The fields the row's chain hash covers, once the writer has given it its id, time and lane: the one
    /// place that says how a header is hashed, so the two writers and the verifier cannot drift apart.
    JournalHashInput hashInput(qint64 id, qint64 createdAt, int lane) const;
};

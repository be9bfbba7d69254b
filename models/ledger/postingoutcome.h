#pragma once

#include <QtGlobal>

/// What became of a posting sent with an idempotency key, as the ledger knows it now. For a client whose
/// answer was lost (a connection broke while the request was out): it asks instead of guessing.
struct PostingOutcome {
    enum class Status {
        NotFound, ///< no posting and no approval request carries the key (not yet, if the request is still
                  ///< out)
        Posted,   ///< a transaction carries it
        Pending,  ///< an approval request carries it (above the operator's limit)
    };
    Status status = Status::NotFound;
    qint64 transactionId = 0; ///< Posted
    qint64 approvalId = 0;    ///< Pending
};

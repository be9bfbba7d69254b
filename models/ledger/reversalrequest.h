#pragma once

#include <QString>
#include <QtGlobal>

struct ReversalRequest {
    qint64 transactionId = 0;
    QString idempotencyKey;
    QString reason; ///< required: why the original was wrong
    /// A supervisor may reverse even when the reversal takes a player below zero (the money was already
    /// spent).
    bool force = false;
    /// Rehearse only, as PostingRequest::dryRun.
    bool dryRun = false;
};

#pragma once

#include "ledgererror.h"

#include <optional>

/// Thrown inside a store's database transaction and caught at its boundary, which rolls back. Rule failures
/// are detected before anything of the posting is written, so a rollback is all a failure ever needs.
/// `retryable`: the database gave up on this attempt (a deadlock, a busy SQLite file, a concurrent twin of
/// the same idempotency key); running the whole transaction again resolves it.
struct StoreFailure {
    LedgerError error;
    bool retryable = false;
};

[[noreturn]] inline void fail(ErrorCode code, const QString &message) {
    throw StoreFailure{LedgerError{code, message}, false};
}

/// Fails with `error` when there is one (the posting rules' answers).
inline void failOn(const std::optional<LedgerError> &error) {
    if (error)
        throw StoreFailure{*error, false};
}

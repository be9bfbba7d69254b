#include "ledgererror.h"

QString LedgerError::codeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::InsufficientFunds:
        return QStringLiteral("insufficient_funds");
    case ErrorCode::AccountFrozen:
        return QStringLiteral("account_frozen");
    case ErrorCode::AccountClosed:
        return QStringLiteral("account_closed");
    case ErrorCode::IdempotencyConflict:
        return QStringLiteral("idempotency_conflict");
    case ErrorCode::AlreadyReversed:
        return QStringLiteral("already_reversed");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission_denied");
    case ErrorCode::Overflow:
        return QStringLiteral("overflow");
    case ErrorCode::SchemaTooNew:
        return QStringLiteral("schema_too_new");
    case ErrorCode::StateConflict:
        return QStringLiteral("state_conflict");
    case ErrorCode::Database:
        return QStringLiteral("database_error");
    }
    return QStringLiteral("unknown");
}

#pragma once

#include <QString>
#include <utility>
#include <variant>

/// What went wrong, in a form every front end (dialog, CLI, HTTP) can map without parsing text.
enum class ErrorCode {
    InvalidArgument,   ///< the request itself is malformed; nothing was attempted
    NotFound,          ///< account, transaction, approval or operator does not exist
    InsufficientFunds, ///< the posting would take a player account below zero
    AccountFrozen,
    AccountClosed,
    IdempotencyConflict, ///< the key was used before with a different request
    AlreadyReversed,
    PermissionDenied,
    Overflow,      ///< a balance would leave the int64 range
    SchemaTooNew,  ///< the database was migrated by a newer program
    StateConflict, ///< e.g. closing a non-empty account, approving one's own posting
    Database,      ///< the database failed (I/O, connection); the transaction was rolled back
};

struct LedgerError {
    ErrorCode code = ErrorCode::Database;
    QString message;

    /// Short stable name for APIs and logs: "insufficient_funds".
    static QString codeName(ErrorCode code);
};

/// A value or a LedgerError. Kept deliberately small: std::expected is C++23.
template <typename T> class Result {
public:
    Result()
        : m_data(LedgerError{ErrorCode::Database, QStringLiteral("no result")}) {}
    Result(T value)
        : m_data(std::move(value)) {}
    Result(LedgerError error)
        : m_data(std::move(error)) {}
    static Result failure(ErrorCode code, QString message) {
        return Result(LedgerError{code, std::move(message)});
    }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T *operator->() const { return &std::get<0>(m_data); }
    const T &operator*() const { return std::get<0>(m_data); }
    const LedgerError &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, LedgerError> m_data;
};

/// For operations that return nothing but can fail.
struct Done {};

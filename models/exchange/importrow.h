#pragma once

#include <QString>
#include <QtGlobal>

/// One row of a bulk import file and what became of it: the summary BulkImport keeps per row (never the
/// row's request), so that a file of any length is checked in flat memory plus these.
struct ImportRow {
    enum class Outcome {
        Ok,                  ///< would post (dry run) or posted
        NeedsApproval,       ///< above the operator's limit: would await (dry run) or awaits approval
        AlreadyPosted,       ///< its key was posted before with the same request: posts nothing (a rerun)
        Malformed,           ///< the row itself is wrong: columns, amount, kind, key, quotes, length
        UnknownAccount,      ///< no such account, or not a player's
        InsufficientFunds,   ///< would overdraw (after the rows before it)
        Frozen,              ///< the account is frozen
        Closed,              ///< the account is closed
        DuplicateKey,        ///< its key is used by an earlier row of the same file
        IdempotencyConflict, ///< its key was posted before with a different request
        Refused,             ///< another rule of the ledger (permission, overflow, ...): see the message
        NotPosted,           ///< the posting was cancelled before this row
    };

    int line = 0; ///< in the file, the header being line 1
    QString key;
    QString kind; ///< as the file names it: "deposit", "adjustment-debit", ...
    qint64 accountId = 0;
    QString currency; ///< empty until the account was found
    int exponent = 0;
    QString amountText; ///< as the file writes it
    qint64 delta = 0;   ///< what the row does to the player's balance, minor units (+ in, - out)
    Outcome outcome = Outcome::Ok;
    QString message;          ///< why it is refused, or what the ledger said
    qint64 balanceAfter = 0;  ///< Ok: the account's balance after the row
    qint64 transactionId = 0; ///< posted (or, for AlreadyPosted, what the key posted)
    qint64 approvalId = 0;    ///< awaiting approval

    bool refused() const {
        return outcome != Outcome::Ok && outcome != Outcome::NeedsApproval &&
               outcome != Outcome::AlreadyPosted && outcome != Outcome::NotPosted;
    }
};

#pragma once

#include "ledgererror.h"
#include "postingrequest.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QString>

class LedgerClient;

/// Posts a file of deposits, withdrawals and adjustments (a support team's batch of corrections), in the
/// background with progress and cancel. The file is CSV with this header:
///
///     kind,account,amount,reason_code,ticket,memo,idempotency_key
///
/// kind is deposit, withdrawal, adjustment-credit or adjustment-debit; account an account number; amount a
/// plain decimal in the account's currency ("12.50"); reason_code is required for adjustments;
/// idempotency_key is required and unique within the file.
///
/// Nothing is posted until the whole file checks out: every line is parsed and every account looked up
/// first, and the first problem is reported naming its line and field. Then the lines are posted in order,
/// each with its own key, so an import that stopped (a ledger refusal, a cancel, a lost connection) can be
/// run again: lines already posted replay without posting twice, and the rest follow.
class CsvImport final {
public:
    struct Line {
        int number = 0; ///< in the file, the header being line 1
        PostingRequest request;
    };
    struct Summary {
        int lines = 0;    ///< postings in the file
        int posted = 0;   ///< posted now
        int replayed = 0; ///< posted by an earlier run of the same file
        int pending = 0;  ///< above the operator's limit: waiting for approval
    };

    /// Checks and posts `path` as the client's operator. The future reports progress (lines done of lines)
    /// and honours cancel() between lines.
    static QFuture<Result<Summary>> run(LedgerClient *client, const QString &path);

    /// The syntax check alone (no ledger): the lines with amounts still as text, or the first problem.
    /// Exposed for tests and for the fuzzing of file input.
    struct RawLine {
        int number = 0;
        QString kind, account, amount, reasonCode, ticket, memo, key;
    };
    static Result<QList<RawLine>> parse(const QByteArray &csv);
};

#pragma once

#include "importrow.h"

#include <QList>
#include <QMap>
#include <QString>

/// What a bulk import found (a dry run) or did (a posting): every row's result and the totals.
class ImportReport final {
public:
    /// Money in and out of player accounts in one currency, minor units (never floating point).
    struct CurrencyTotal {
        int exponent = 0;
        qint64 in = 0;
        qint64 out = 0;
        bool overflow = false; ///< a sum left the int64 range (the file's amounts are absurd)
    };

    bool dryRun = true;
    bool cancelled = false;
    /// The whole file is refused (not UTF-8, a bad header, unreadable, the ledger unreachable): rows may be
    /// incomplete. Empty when every row got its result.
    QString fileError;
    QList<ImportRow> rows;
    QString resultPath; ///< the result CSV written, if any

    int okRows() const;       ///< would post / posted
    int approvalRows() const; ///< would await / await approval
    int replayedRows() const; ///< already posted by an earlier run
    int refusedRows() const;
    /// Sums of the rows that post or await approval, per currency code.
    QMap<QString, CurrencyTotal> totals() const;

    /// The row's outcome as a word for the result CSV and walletctl: "ok", "would_overdraw", ...
    static QString outcomeName(ImportRow::Outcome outcome);
    /// The totals as lines a person reads ("USD: in 12.50, out 3.00"), one per currency.
    QStringList totalsText() const;

    /// Writes line,key,outcome,transaction_id,approval_id,message (one row per file row) to `path`.
    bool writeCsv(const QString &path, QString *error) const;
};

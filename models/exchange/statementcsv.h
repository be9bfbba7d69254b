#pragma once

#include "ledgererror.h"
#include "statement.h"

#include <QByteArray>
#include <QString>

/// A statement as CSV (RFC 4180, UTF-8, '\n' line ends). Every row starts with its record type, so a
/// spreadsheet can filter and a script can read it line by line. The first three rows name the columns of
/// each record type; then one `statement` row, and for each account one `account` row followed by its
/// `entry` rows, oldest first:
///
///     record,ledger,digest,generated_by,generated_at,first_day,last_day
///     record,account,player,name,currency,opening,total_in,total_out,closing,entries
///     record,account,time,transaction,kind,amount,balance_after,reason,ticket,operator,memo
///     statement,demo.sqlite,3f2a…,ann,2026-06-01T09:00:00.000Z,2026-05-01,2026-05-31
///     account,12,p-000042,Ann,GOLD,100.00,50.00,20.00,130.00,2
///     entry,12,2026-05-02T10:00:00.000Z,881,deposit,50.00,150.00,promo,T-7,ann,
///     entry,12,2026-05-09T16:30:00.000Z,905,withdrawal,-20.00,130.00,,,bob,
///
/// Amounts are Money::format's plain form (no group separators, '.' as the point, the currency's decimals);
/// times are ISO 8601 UTC with milliseconds; days are YYYY-MM-DD. Fields are quoted and made formula-safe by
/// CsvExport::field.
class StatementCsv final {
public:
    static QByteArray render(const Statement &statement);
    /// Writes render() to `path` through QSaveFile: a failed write leaves no partial file.
    static Result<Done> write(const Statement &statement, const QString &path);
};

#pragma once

#include "journalquery.h"
#include "ledgererror.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QString>

class LedgerClient;

/// Writes an account's history (a statement) or the journal under its filters to a CSV file, in the
/// background: pages are read one after another through LedgerClient (keyset, newest first) and appended
/// to the file, so a million rows never sit in memory and the GUI thread only hops between pages.
///
/// The future reports progress (rows written so far as the progress value, with a text) and honours
/// cancel(); a cancelled or failed export removes its partial file. Amounts are written in the canonical
/// plain form (Money::format: no group separators, '.' decimal point) so spreadsheets and scripts read them
/// exactly; times are ISO 8601 UTC. The export is recorded in the audit log.
class CsvExport final : public QObject {
    Q_OBJECT
public:
    /// `client` must outlive the export (the export stops with an error if it goes away).
    static QFuture<Result<qint64>> history(LedgerClient *client, qint64 accountId, int exponent,
                                           const QString &path);
    static QFuture<Result<qint64>> journal(LedgerClient *client, const JournalQuery &query,
                                           const QString &path);

    /// One CSV field: quoted when it holds a comma, a quote, a line break or leading/trailing spaces, and
    /// prefixed with ' when it starts with = + - @ (spreadsheet formula injection), except plain numbers.
    static QByteArray field(const QString &value);
};

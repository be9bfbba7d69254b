#pragma once

#include "accountquery.h"
#include "journalquery.h"
#include "ledgererror.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QString>

class LedgerClient;

/// Writes an account's history (a statement), the journal under its filters or the accounts list to a CSV
/// file, in the background: pages are read one after another through LedgerClient (keyset: the journal
/// and a history newest first, accounts in id order) and appended to the file, so a million rows never sit
/// in memory and the GUI thread only hops between pages.
///
/// The future reports progress (rows written so far as the progress value, with a text) and honours
/// cancel(); a cancelled or failed export removes its partial file. Amounts are written in the canonical
/// plain form (Money::format: no group separators, '.' decimal point) so spreadsheets and scripts read them
/// exactly; times are ISO 8601 UTC. The export is recorded in the audit log (action "export"; the detail
/// names the row count, the file and the filters) before the file is saved: an export that cannot be
/// recorded fails and leaves no file, and the future completes only once the record is written.
class CsvExport final : public QObject {
    Q_OBJECT
public:
    /// `client` must outlive the export (the export stops with an error if it goes away).
    static QFuture<Result<qint64>> history(LedgerClient *client, qint64 accountId, int exponent,
                                           const QString &path);
    static QFuture<Result<qint64>> journal(LedgerClient *client, const JournalQuery &query,
                                           const QString &path);
    /// The accounts `query` lists (its search, state, currency, balance range and includeSystem), in id
    /// order whatever its sort. Audit target "accounts".
    static QFuture<Result<qint64>> accounts(LedgerClient *client, const AccountQuery &query,
                                            const QString &path);
    /// Every account of the player with exactly this reference (LedgerClient::accountsOfPlayer: NotFound
    /// when there is none), in id order, only those in `currency` unless it is empty. Audit target
    /// "player:REF".
    static QFuture<Result<qint64>> playerAccounts(LedgerClient *client, const QString &playerRef,
                                                  const QString &currency, const QString &path);

    /// One CSV field: quoted when it holds a comma, a quote, a line break or leading/trailing spaces, and
    /// prefixed with ' when it starts with = + - @ (spreadsheet formula injection), except plain numbers.
    static QByteArray field(const QString &value);
};

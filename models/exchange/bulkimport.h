#pragma once

#include "importreport.h"

#include <QFuture>
#include <QString>
#include <atomic>
#include <memory>

class LedgerClient;

/// A support team's bulk adjustments from a CSV file: a dry run that gives every row its result, then the
/// posting of the rows, each with its own key. The file is read as a stream (CsvRecordReader) a chunk of
/// rows at a time, so memory holds one chunk plus a short result per row, whatever the file's size.
///
/// The header names the columns, in any order:
///
///     kind,account,amount,reason_code,ticket,memo,idempotency_key[,item_account,quantity]
///
/// kind is deposit, withdrawal, adjustment-credit, adjustment-debit, bonus or purchase; account the player
/// account; amount a plain decimal in the account's currency; reason_code is required for adjustments;
/// idempotency_key is required and unique within the file. item_account and quantity are optional columns
/// (the older seven-column header is read as it always was), needed by purchase rows only: the player's item
/// account that receives `quantity` items for `amount`.
///
/// Dry run: each chunk of up to ChunkRows rows is rehearsed as one LedgerClient::postBatch, so a row is
/// answered after the rows before it in the same chunk (the second withdrawal that overdraws only because the
/// first spends is refused); across chunks each is rehearsed alone. Posting: row after row with
/// LedgerClient::post, cancel honoured between rows; a refused row is recorded and the next one follows, so a
/// file is posted as far as the ledger allows and a rerun posts nothing twice (each row's key replays).
class BulkImport final {
public:
    static constexpr int ChunkRows = 1000;

    struct Options {
        bool dryRun = true;
        /// Where to write the result CSV (line,key,outcome,...); empty: none. A posting defaults it to
        /// resultPathFor(file).
        QString resultPath;
        /// Set from any thread to stop a posting between rows (the rows not reached are NotPosted).
        std::shared_ptr<std::atomic<bool>> cancel;
    };

    /// Checks or posts `path` as the client's operator; the future completes (on the client's thread) with
    /// the report, and reports progress as bytes of the file read, in permille (0..1000).
    static QFuture<ImportReport> run(LedgerClient *client, const QString &path, const Options &options);

    /// "adjustments.csv" -> "adjustments.result.csv", beside it.
    static QString resultPathFor(const QString &path);
};

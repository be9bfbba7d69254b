#pragma once

#include "account.h"
#include "historyentry.h"

#include <QList>
#include <QString>
#include <QtGlobal>

/// One account's part of a statement: its entries in the range, oldest first, between two balances.
/// `closing` equals `opening + totalIn - totalOut` and, when there are lines, the last line's balanceAfter.
struct StatementSection {
    Account account; ///< as it is now (its balance is today's, not the statement's closing)
    qint64 opening = 0;
    qint64 totalIn = 0;  ///< the sum of the positive amounts
    qint64 totalOut = 0; ///< the sum of the negative amounts, as a positive number
    qint64 closing = 0;
    /// Oldest first. balanceAfter is the account's balance after the entry: for a system account spread over
    /// shards the running total of the account, not the shard's figure the journal row keeps.
    QList<HistoryEntry> lines;
};

/// An account statement (one section) or a player's (one section per account) for the range
/// [fromMs, toMs), as LedgerReader::statement reads it and StatementPdf/StatementCsv write it.
struct Statement {
    qint64 fromMs = 0;  ///< inclusive, 00:00 UTC of the first day
    qint64 toMs = 0;    ///< exclusive, 00:00 UTC of the day after the last
    QString ledgerName; ///< the connection's label ("demo.sqlite", "https://walletd:8443"); set by the client
    QString ledgerDigest; ///< SHA-256 over the chain heads when it was read, as verify reports it
    QString generatedBy;  ///< the operator it was generated for
    qint64 generatedAt = 0;
    QList<StatementSection> sections;
};

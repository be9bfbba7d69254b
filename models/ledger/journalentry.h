#pragma once

#include <QString>
#include <QtGlobal>

/// One leg of a transaction. For system accounts, whose balance is spread over shards so that a hot treasury
/// does not serialise all postings, balanceAfter is the balance of that shard.
struct JournalEntry {
    qint64 id = 0;
    qint64 transactionId = 0;
    qint64 accountId = 0;
    int shard = 0;
    QString currency;
    qint64 amount = 0;
    qint64 balanceAfter = 0;
    qint64 createdAt = 0;
};

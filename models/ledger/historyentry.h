#pragma once

#include "transactionkind.h"

#include <QString>
#include <QtGlobal>

/// One line of an account's history: the entry plus what a reader needs of its transaction.
struct HistoryEntry {
    qint64 entryId = 0;
    qint64 transactionId = 0;
    qint64 createdAt = 0;
    TransactionKind kind = TransactionKind::Deposit;
    qint64 amount = 0;
    qint64 balanceAfter = 0;
    QString reasonCode;
    QString ticketRef;
    QString memo;
    QString operatorName;
    QString idempotencyKey;
    qint64 reversesId = 0;
    qint64 reversedById = 0;
};

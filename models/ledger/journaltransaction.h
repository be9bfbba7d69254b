#pragma once

#include "journalentry.h"
#include "transactionkind.h"

#include <QList>
#include <QString>

struct JournalTransaction {
    qint64 id = 0;
    TransactionKind kind = TransactionKind::Deposit;
    QString idempotencyKey;
    QString operatorName;
    QString origin;
    qint64 createdAt = 0;
    qint64 reversesId = 0;   ///< the transaction this one reverses, 0 if none
    qint64 reversedById = 0; ///< the reversal of this one, 0 if none
    qint64 approvalId = 0;   ///< the approval it came from, 0 if posted directly
    QString reasonCode;
    QString ticketRef;
    QString memo;
    QList<JournalEntry> entries;
};

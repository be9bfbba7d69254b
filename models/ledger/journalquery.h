#pragma once

#include "transactionkind.h"

#include <QString>
#include <optional>

/// Filters of the journal view (every entry of every account, newest first).
struct JournalQuery {
    std::optional<TransactionKind> kind;
    QString operatorName;            ///< exact; empty: anyone
    qint64 fromMs = 0;               ///< inclusive; 0: from the start
    qint64 toMs = 0;                 ///< exclusive; 0: up to now
    QString currency;                ///< empty: every currency
    std::optional<qint64> minAmount; ///< minor units of `currency`, compared with the entry's signed amount;
                                     ///< ignored without a currency (amounts of different exponents)
    std::optional<qint64> maxAmount;
    bool includeSystem = false; ///< the treasury/house legs of each transaction

    bool operator==(const JournalQuery &) const = default;
};

/// One entry of the journal with what a reader needs of its transaction and account.
struct JournalLine {
    qint64 entryId = 0;
    qint64 transactionId = 0;
    qint64 createdAt = 0;
    TransactionKind kind = TransactionKind::Deposit;
    qint64 accountId = 0;
    QString accountLabel; ///< player reference and name, or the system account's name
    QString currency;
    int exponent = 0;
    qint64 amount = 0;
    qint64 balanceAfter = 0;
    QString operatorName;
    QString reasonCode;
    QString memo;
};

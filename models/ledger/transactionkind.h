#pragma once

#include <QString>
#include <optional>

/// What a journal transaction represents; decides which system account is the counterparty.
enum class TransactionKind {
    Deposit,    ///< player +, treasury -
    Withdrawal, ///< player -, treasury +
    Adjustment, ///< player +/-, adjustments account -/+ (reason code required)
    Transfer,   ///< player A -, player B + (same currency)
    Purchase,   ///< player pays currency to the house and receives items from the house
    Win,        ///< player +, house -
    Charge,     ///< player -, house +
    Bonus,      ///< player +, promotions -
    Reversal,   ///< the negation of an earlier transaction
};

QString kindName(TransactionKind kind);
std::optional<TransactionKind> kindFromName(const QString &name);

#include "transactionkindtext.h"

QString TransactionKindText::of(TransactionKind kind) {
    switch (kind) {
    case TransactionKind::Deposit:
        return tr("Deposit");
    case TransactionKind::Withdrawal:
        return tr("Withdrawal");
    case TransactionKind::Adjustment:
        return tr("Adjustment");
    case TransactionKind::Transfer:
        return tr("Transfer");
    case TransactionKind::Purchase:
        return tr("Purchase");
    case TransactionKind::Win:
        return tr("Win");
    case TransactionKind::Charge:
        return tr("Charge");
    case TransactionKind::Bonus:
        return tr("Bonus");
    case TransactionKind::Reversal:
        return tr("Reversal");
    }
    return kindName(kind);
}

#pragma once

#include "transactionkind.h"

#include <QCoreApplication>
#include <QString>

/// The words a person reads for a transaction kind (translated), as opposed to kindName()'s API names.
class TransactionKindText final {
    Q_DECLARE_TR_FUNCTIONS(TransactionKindText)
public:
    static QString of(TransactionKind kind);
};

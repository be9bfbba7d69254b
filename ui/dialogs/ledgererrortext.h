#pragma once

#include "ledgererror.h"

#include <QCoreApplication>
#include <QString>

/// Plain words for a ledger error, as a support agent reads them in a dialog, followed by the ledger's own
/// message (which names the account, the amounts and the rule).
class LedgerErrorText final {
    Q_DECLARE_TR_FUNCTIONS(LedgerErrorText)
public:
    /// One sentence for the error code: "Not enough funds: ...".
    static QString headline(ErrorCode code);
    /// headline + newline + "The ledger said: <message>".
    static QString of(const LedgerError &error);
};

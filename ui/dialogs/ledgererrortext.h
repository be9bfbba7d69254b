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
    /// Whether the request may have been done although no answer came: a database or connection error
    /// (the answer may be what was lost). Every dialog that then asks the ledger what happened, and the
    /// ledger check that then counts the question as unanswered, decide with this one predicate.
    static bool answerMayBeLost(const LedgerError &error);
};

#include "ledgererrortext.h"

QString LedgerErrorText::headline(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return tr("The ledger refused the request as malformed. Nothing was changed.");
    case ErrorCode::NotFound:
        return tr("Not found: the account, transaction or approval does not exist (any more).");
    case ErrorCode::InsufficientFunds:
        return tr("Not enough funds: the account's available balance does not cover this amount. Nothing "
                  "was posted.");
    case ErrorCode::AccountFrozen:
        return tr("The account is frozen: only a supervisor may post to it. Nothing was posted.");
    case ErrorCode::AccountClosed:
        return tr("The account is closed, which is final. Nothing was posted.");
    case ErrorCode::IdempotencyConflict:
        return tr("Conflict: this dialog already sent a different request, which the ledger recorded. "
                  "Close the dialog and open a new one to post something else.");
    case ErrorCode::AlreadyReversed:
        return tr("This transaction was already reversed; a transaction is reversed at most once.");
    case ErrorCode::PermissionDenied:
        return tr("Not allowed: your role does not permit this. Nothing was changed.");
    case ErrorCode::Overflow:
        return tr("Too large: a balance would leave the range the ledger can hold. Nothing was changed.");
    case ErrorCode::SchemaTooNew:
        return tr("This ledger was upgraded by a newer WalletDesk; update this program to use it.");
    case ErrorCode::StateConflict:
        return tr("Not possible in the current state. Nothing was changed.");
    case ErrorCode::Database:
        // Not "nothing was changed": when the answer is what got lost, the request may have been done. The
        // posting dialogs ask the ledger and say which (LedgerDialog::settleLostAnswer).
        return tr("The request did not get an answer from the ledger (a database or connection problem).");
    }
    return tr("The ledger refused the request.");
}

QString LedgerErrorText::of(const LedgerError &error) {
    QString text = headline(error.code);
    if (!error.message.isEmpty())
        text += u'\n' + tr("The ledger said: %1").arg(error.message);
    return text;
}

bool LedgerErrorText::answerMayBeLost(const LedgerError &error) {
    // Every other code is the ledger's own refusal, given before anything was written.
    return error.code == ErrorCode::Database;
}

#pragma once

#include "account.h"
#include "ledgererror.h"
#include "postingleg.h"
#include "postingrequest.h"
#include "role.h"

#include <QHash>
#include <QList>
#include <optional>

/// The ledger's rules for a posting, as pure functions over plain values: what is a valid request, who may
/// post to an account in which state, which accounts a posting moves and by how much, and what an approval
/// holds. The store runs them under its locks; the tests run them without a database.
namespace PostingRules {

/// Longest texts the ledger stores. Dialogs and the API use the same figures.
inline constexpr int MaxTextLength = 500; ///< memo, reasons, comments, origins
inline constexpr int MaxKeyLength = 200;  ///< idempotency keys
inline constexpr int MaxReasonCodeLength = 64;
inline constexpr int MaxTicketLength = 128;
inline constexpr int MaxPlayerRefLength = 64;
inline constexpr int MaxAccountNameLength = 200;

/// What is wrong with the request on its own (no accounts looked at), or nothing.
std::optional<LedgerError> validate(const PostingRequest &request);

/// Whether a posting of this kind takes money out of the player's account (and so needs it available).
bool isDebitKind(TransactionKind kind);

/// The system account on the other side of a single-account posting of this kind.
QString systemCounterparty(TransactionKind kind);

/// Whether an operator of `role` may post to `account` in its current state.
std::optional<LedgerError> checkUsable(const Account &account, Role role);

/// The legs of a valid `request` (validate() passed), given its player accounts by id (the account and,
/// for transfers and purchases, the counter account) and the posting operator's role. Player legs carry
/// their account's id; system legs carry the system account's name, for the store to resolve. Balances
/// and shards are left to the store (it knows the locked rows).
Result<QList<PostingLeg>> planLegs(const PostingRequest &request, const QHash<qint64, Account> &accounts,
                                   Role role);

/// What a posting waiting for approval reserves on its account: the amount it would take out, or 0 for
/// one that would add to it.
qint64 holdAmount(const PostingRequest &request);

} // namespace PostingRules

#pragma once

/// How long each text the dialogs send may be: the lengths the ledger accepts, so that a field stops where
/// the ledger would refuse (or cut) the text, instead of each dialog writing its own number.
///
/// This is the one place in ui/ that repeats them. On this branch the ledger's limits are private to
/// models/storage/ledgerstore.cpp (`MaxTextLength` = 500, and the posting's and new account's own checks:
/// reason code 64, ticket 128, player reference 64, display name 200); the store split on main moves them
/// to models/ledger/postingrules.h as PostingRules::MaxTextLength, MaxReasonCodeLength, MaxTicketLength,
/// MaxPlayerRefLength and MaxAccountNameLength. Once both meet, these names should become those constants.
namespace FieldLimits {
/// A memo, a reversal's reason, an account state change's reason, an approval's comment (the ledger's
/// MaxTextLength).
inline constexpr int Text = 500;
/// A posting's reason code ("goodwill", "correction"): MaxReasonCodeLength.
inline constexpr int ReasonCode = 64;
/// A posting's support ticket reference: MaxTicketLength.
inline constexpr int TicketRef = 128;
/// A player's reference (the game's player id): MaxPlayerRefLength.
inline constexpr int PlayerRef = 64;
/// An account's display name: MaxAccountNameLength.
inline constexpr int AccountName = 200;
} // namespace FieldLimits

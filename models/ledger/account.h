#pragma once

#include <QString>
#include <QtGlobal>

enum class AccountKind { Player, System };
enum class AccountState { Active, Frozen, Closed };

QString accountStateName(AccountState state);

/// One wallet: a single currency. A player holding GOLD and GEMS has two accounts with the same playerRef.
struct Account {
    qint64 id = 0;
    AccountKind kind = AccountKind::Player;
    QString currency;
    int exponent = 0;
    QString playerRef; ///< the game's player id; empty for system accounts
    QString name;      ///< display name; for system accounts "treasury", "house", ...
    AccountState state = AccountState::Active;
    bool allowNegative = false;
    qint64 balance = 0; ///< sum of all entries
    qint64 held = 0;    ///< funds reserved by pending approvals
    qint64 createdAt = 0;
    qint64 lastActivityAt = 0;

    qint64 available() const { return balance - held; }
};

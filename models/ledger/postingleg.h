#pragma once

#include <QString>
#include <QtGlobal>

/// One planned entry of a posting: computed and checked completely before anything is written.
/// PostingRules plans which accounts move and by how much; the store resolves a system leg's account
/// (`systemName` in `currency`) to its id, then prices the leg: picks the shard and fills in the balances.
struct PostingLeg {
    qint64 accountId = 0; ///< 0 for a system leg until the store has resolved it
    bool system = false;
    QString systemName; ///< a system leg's account: "treasury", "house", ...
    QString currency;
    qint64 amount = 0;
    int shard = 0;
    qint64 balanceBefore = 0;
    qint64 balanceAfter = 0;
};

#pragma once

#include "account.h"

#include <QString>
#include <QVariant>
#include <optional>

/// What the accounts list shows: a search, filters and a sort. The database does all of it (there are
/// indexes for the sortable columns), so the list stays quick over millions of accounts.
struct AccountQuery {
    enum class Sort { Id, PlayerRef, Name, Currency, Balance, Available, State, LastActivity, Created };

    /// A search's count stops here: counting accounts gives at most SearchCountCap + 1 for a query with a
    /// search text, and a list shows at most SearchCountCap of its rows (people narrow a search, they do
    /// not scroll through a million results).
    static constexpr qint64 SearchCountCap = 10000;

    /// An exact account id (digits), or a prefix of the player reference or of the name (case-insensitive).
    QString search;
    std::optional<AccountState> state;
    QString currency;                 ///< empty: every currency
    std::optional<qint64> minBalance; ///< minor units of `currency`; ignored without a currency
    std::optional<qint64> maxBalance;
    bool includeSystem = false; ///< treasury, house, ... are hidden unless asked for
    Sort sort = Sort::Id;
    bool descending = false;

    bool operator==(const AccountQuery &) const = default;
};

/// A row's position in the sort order: its sort value and its id (the tie-breaker). Pages that continue
/// from a known row seek to this key instead of counting rows (keyset pagination).
struct AccountKey {
    QVariant sortValue;
    qint64 id = 0;

    /// The key of `account` under the query's sort.
    static AccountKey of(const AccountQuery &query, const Account &account);
};

/// One window of the accounts list.
struct AccountPage {
    qint64 offset = 0; ///< row number of accounts.first() in the whole sorted list
    QList<Account> accounts;
};

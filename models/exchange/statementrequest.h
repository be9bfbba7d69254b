#pragma once

#include "ledgererror.h"
#include "statement.h"
#include "statementrange.h"

#include <QFuture>
#include <QString>

class LedgerClient;

/// Gets a statement through a LedgerClient: one account's (LedgerClient::statement), or all of one player's
/// accounts, one section per account in the order accountsOfPlayer gives (by currency). Each account's
/// statement is read and audited on its own; a player's statement is refused when its accounts hold more than
/// StatementRange::MaxEntries entries in the range together. Continuations run on the client's thread.
class StatementRequest final {
public:
    static QFuture<Result<Statement>> forAccount(LedgerClient *client, qint64 accountId,
                                                 const StatementRange &range);
    static QFuture<Result<Statement>> forPlayer(LedgerClient *client, const QString &playerRef,
                                                const StatementRange &range);
};

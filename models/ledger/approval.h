#pragma once

#include "postingrequest.h"

#include <QString>
#include <QtGlobal>

/// A posting above its maker's limit, waiting for a different operator. Its funds are held meanwhile.
struct Approval {
    enum class State { Pending, Approved, Rejected };
    qint64 id = 0;
    State state = State::Pending;
    PostingRequest request;
    qint64 holdAmount = 0; ///< reserved on request.accountId while pending
    QString maker;
    QString checker;
    QString comment;
    qint64 createdAt = 0;
    qint64 decidedAt = 0;
    qint64 transactionId = 0; ///< set once approved
    QString currency;         ///< of request.accountId, to show the amount
    int exponent = 0;

    static QString stateName(State state);
};

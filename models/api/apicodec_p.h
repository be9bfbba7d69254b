#pragma once

// Helpers shared by apicodec.cpp (requests, errors, queries) and apicodecvalues.cpp (values both ways). Not
// part of the codec's interface.

#include "account.h"

#include <QJsonValue>
#include <QString>
#include <optional>

namespace ApiCodec::Detail {

/// An id or amount as JSON carries it: a string of digits (amounts) or an integer (ids); 0 when neither.
inline qint64 i64(const QJsonValue &v) {
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? n : 0;
    }
    return v.toInteger();
}

/// Amounts are written as strings: JSON numbers are doubles in most readers.
inline QString s64(qint64 n) {
    return QString::number(n);
}

inline std::optional<AccountState> stateFromName(const QString &name) {
    for (AccountState s : {AccountState::Active, AccountState::Frozen, AccountState::Closed})
        if (accountStateName(s) == name)
            return s;
    return std::nullopt;
}

} // namespace ApiCodec::Detail

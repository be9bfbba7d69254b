#include "account.h"

QString accountStateName(AccountState state) {
    switch (state) {
    case AccountState::Active:
        return QStringLiteral("active");
    case AccountState::Frozen:
        return QStringLiteral("frozen");
    case AccountState::Closed:
        return QStringLiteral("closed");
    }
    return {};
}

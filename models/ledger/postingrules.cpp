#include "postingrules.h"

#include <limits>

namespace PostingRules {

namespace {
LedgerError invalid(const QString &message) {
    return LedgerError{ErrorCode::InvalidArgument, message};
}
} // namespace

std::optional<LedgerError> validate(const PostingRequest &r) {
    if (r.idempotencyKey.trimmed().isEmpty())
        return invalid(QStringLiteral("an idempotency key is required"));
    if (r.idempotencyKey.size() > MaxKeyLength)
        return invalid(QStringLiteral("the idempotency key is longer than %1 characters").arg(MaxKeyLength));
    if (r.kind == TransactionKind::Reversal)
        return invalid(QStringLiteral("reversals are posted with reverse, not post"));
    if (r.accountId <= 0)
        return invalid(QStringLiteral("an account is required"));
    if (r.kind == TransactionKind::Adjustment) {
        if (r.amount == 0)
            return invalid(QStringLiteral("an adjustment amount must not be zero"));
        if (r.reasonCode.trimmed().isEmpty())
            return invalid(QStringLiteral("an adjustment needs a reason code"));
        if (r.amount == std::numeric_limits<qint64>::min())
            return LedgerError{ErrorCode::Overflow, QStringLiteral("the adjustment amount is out of range")};
    } else if (r.amount <= 0) {
        return invalid(QStringLiteral("the amount must be greater than zero"));
    }
    if (r.kind == TransactionKind::Transfer || r.kind == TransactionKind::Purchase) {
        if (r.counterAccountId <= 0)
            return invalid(r.kind == TransactionKind::Transfer
                               ? QStringLiteral("a transfer needs a destination account")
                               : QStringLiteral("a purchase needs the player's item account"));
        if (r.counterAccountId == r.accountId)
            return invalid(QStringLiteral("source and destination are the same account"));
    }
    if (r.kind == TransactionKind::Purchase && r.itemQuantity <= 0)
        return invalid(QStringLiteral("a purchase needs an item quantity greater than zero"));
    if (r.reasonCode.size() > MaxReasonCodeLength || r.ticketRef.size() > MaxTicketLength ||
        r.memo.size() > MaxTextLength)
        return invalid(QStringLiteral("reason code, ticket or memo is too long"));
    return std::nullopt;
}

bool isDebitKind(TransactionKind kind) {
    return kind == TransactionKind::Withdrawal || kind == TransactionKind::Transfer ||
           kind == TransactionKind::Purchase || kind == TransactionKind::Charge;
}

QString systemCounterparty(TransactionKind kind) {
    switch (kind) {
    case TransactionKind::Deposit:
    case TransactionKind::Withdrawal:
        return QStringLiteral("treasury");
    case TransactionKind::Adjustment:
        return QStringLiteral("adjustments");
    case TransactionKind::Bonus:
        return QStringLiteral("promotions");
    default:
        return QStringLiteral("house");
    }
}

std::optional<LedgerError> checkUsable(const Account &a, Role role) {
    if (a.state == AccountState::Closed)
        return LedgerError{ErrorCode::AccountClosed, QStringLiteral("account %1 is closed").arg(a.id)};
    if (a.state == AccountState::Frozen && role < Role::Supervisor)
        return LedgerError{
            ErrorCode::AccountFrozen,
            QStringLiteral("account %1 is frozen; only a supervisor may post to it").arg(a.id)};
    return std::nullopt;
}

Result<QList<PostingLeg>> planLegs(const PostingRequest &r, const QHash<qint64, Account> &accounts,
                                   Role role) {
    const Account primary = accounts.value(r.accountId);
    if (primary.kind != AccountKind::Player)
        return invalid(QStringLiteral("account %1 is a system account").arg(primary.id));
    // In ascending id order, as the store locks them: the first unusable account is the one reported.
    QList<qint64> ids = accounts.keys();
    std::sort(ids.begin(), ids.end());
    for (qint64 id : std::as_const(ids))
        if (auto e = checkUsable(accounts[id], role))
            return *e;

    QList<PostingLeg> legs;
    auto player = [&](const Account &a, qint64 amount) {
        PostingLeg l;
        l.accountId = a.id;
        l.currency = a.currency;
        l.amount = amount;
        legs << l;
    };
    auto system = [&](const QString &currency, const QString &name, qint64 amount) {
        PostingLeg l;
        l.system = true;
        l.systemName = name;
        l.currency = currency;
        l.amount = amount;
        legs << l;
    };
    const qint64 a = r.amount;
    switch (r.kind) {
    case TransactionKind::Deposit:
    case TransactionKind::Win:
    case TransactionKind::Bonus:
    case TransactionKind::Adjustment:
        player(primary, a);
        system(primary.currency, systemCounterparty(r.kind), -a);
        break;
    case TransactionKind::Withdrawal:
    case TransactionKind::Charge:
        player(primary, -a);
        system(primary.currency, systemCounterparty(r.kind), a);
        break;
    case TransactionKind::Transfer: {
        const Account to = accounts.value(r.counterAccountId);
        if (to.kind != AccountKind::Player)
            return invalid(QStringLiteral("account %1 is a system account").arg(to.id));
        if (to.currency != primary.currency)
            return invalid(QStringLiteral("a transfer cannot go from %1 to %2; currencies differ")
                               .arg(primary.currency, to.currency));
        player(primary, -a);
        player(to, a);
        break;
    }
    case TransactionKind::Purchase: {
        const Account items = accounts.value(r.counterAccountId);
        if (items.kind != AccountKind::Player || items.playerRef != primary.playerRef)
            return invalid(QStringLiteral("account %1 is not an account of player %2")
                               .arg(items.id)
                               .arg(primary.playerRef));
        if (items.currency == primary.currency)
            return invalid(QStringLiteral("a purchase pays in one currency for another"));
        player(primary, -a);
        system(primary.currency, QStringLiteral("house"), a);
        system(items.currency, QStringLiteral("house"), -r.itemQuantity);
        player(items, r.itemQuantity);
        break;
    }
    case TransactionKind::Reversal:
        return invalid(QStringLiteral("reversals are posted with reverse, not post"));
    }
    return legs;
}

qint64 holdAmount(const PostingRequest &r) {
    const bool debit = isDebitKind(r.kind) || (r.kind == TransactionKind::Adjustment && r.amount < 0);
    return debit ? (r.amount < 0 ? -r.amount : r.amount) : 0;
}

} // namespace PostingRules

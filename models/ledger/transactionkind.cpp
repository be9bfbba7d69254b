#include "transactionkind.h"

#include <array>

namespace {
struct KindName {
    TransactionKind kind;
    const char16_t *name;
};
constexpr std::array<KindName, 9> kKinds{{
    {TransactionKind::Deposit, u"deposit"},
    {TransactionKind::Withdrawal, u"withdrawal"},
    {TransactionKind::Adjustment, u"adjustment"},
    {TransactionKind::Transfer, u"transfer"},
    {TransactionKind::Purchase, u"purchase"},
    {TransactionKind::Win, u"win"},
    {TransactionKind::Charge, u"charge"},
    {TransactionKind::Bonus, u"bonus"},
    {TransactionKind::Reversal, u"reversal"},
}};
} // namespace

QString kindName(TransactionKind kind) {
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QString::fromUtf16(k.name);
    return {};
}

std::optional<TransactionKind> kindFromName(const QString &name) {
    for (const auto &k : kKinds)
        if (name == QStringView(k.name))
            return k.kind;
    return std::nullopt;
}

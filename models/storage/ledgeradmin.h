#pragma once

#include "actor.h"
#include "currency.h"
#include "ledgererror.h"
#include "operatorinfo.h"

#include <QList>

class LedgerStore;

/// The ledger's own administration: its currencies (each with its system accounts) and its operators with
/// their roles and limits. Every change is admin only, audited, and one transaction on the store's
/// connection, under the same rules as a posting (LedgerStore::Impl::audited).
class LedgerAdmin final {
public:
    explicit LedgerAdmin(LedgerStore &store);

    /// Creates the first admin operator when there is none (what `walletctl init` does). Idempotent: a
    /// ledger that has operators already gets nobody new, and the answer is an empty OperatorInfo.
    Result<OperatorInfo> bootstrapAdmin(const QString &name);
    /// Adds a currency and its system accounts (treasury, house, adjustments, promotions).
    Result<Currency> addCurrency(const Actor &actor, const Currency &currency);
    Result<QList<Currency>> currencies();

    Result<OperatorInfo> addOperator(const Actor &actor, const OperatorInfo &info);
    Result<QList<OperatorInfo>> operators();
    Result<OperatorInfo> setOperatorDisabled(const Actor &actor, const QString &name, bool disabled);

private:
    LedgerStore &m_store;
};

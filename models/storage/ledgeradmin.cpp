#include "ledgeradmin.h"

#include "journalwriter.h"
#include "ledgerstoreimpl.h"
#include "sqlsession.h"

#include <QRegularExpression>

LedgerAdmin::LedgerAdmin(LedgerStore &store)
    : m_store(store) {}

Result<OperatorInfo> LedgerAdmin::bootstrapAdmin(const QString &name) {
    LedgerStore::Impl &d = *m_store.d;
    auto r = d.transact([&]() -> bool {
        if (d.scalar("SELECT COUNT(*) FROM operators").toLongLong() > 0)
            return false;
        d.run("INSERT INTO operators (name, role, created_at) VALUES (?, 'admin', ?)",
              {name, LedgerStore::Impl::nowMs()});
        d.writer.appendAudit(Actor{name, QStringLiteral("bootstrap")}, QStringLiteral("operator-add"),
                             QStringLiteral("operator:%1").arg(name), QStringLiteral("ok"),
                             QStringLiteral("first administrator of a new ledger"));
        return true;
    });
    if (!r)
        return r.error();
    if (!r.value())
        return OperatorInfo{}; // the ledger had operators already: nobody was created
    auto ops = operators();
    if (!ops)
        return ops.error();
    for (const OperatorInfo &o : ops.value())
        if (o.name == name)
            return o;
    return OperatorInfo{};
}

Result<Currency> LedgerAdmin::addCurrency(const Actor &actor, const Currency &c) {
    LedgerStore::Impl &d = *m_store.d;
    auto r = d.audited(
        actor, QStringLiteral("currency-add"), QStringLiteral("currency:%1").arg(c.code), [&]() -> Currency {
            d.requireOperator(actor, Role::Admin, QStringLiteral("adding a currency"));
            if (!Currency::isValidCode(c.code))
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("currency code \"%1\" must be 2 to 16 capital letters, digits or _")
                         .arg(c.code));
            if (c.exponent < 0 || c.exponent > Currency::MaxExponent)
                fail(ErrorCode::InvalidArgument, QStringLiteral("currency exponent must be 0 to 4"));
            if (d.scalar("SELECT code FROM currencies WHERE code = ?", {c.code}).isValid())
                fail(ErrorCode::StateConflict, QStringLiteral("currency %1 already exists").arg(c.code));
            const qint64 at = LedgerStore::Impl::nowMs();
            d.run("INSERT INTO currencies (code, exponent, name) VALUES (?, ?, ?)",
                  {c.code, c.exponent, c.name.isEmpty() ? c.code : c.name});
            for (const char16_t *name : {u"treasury", u"house", u"adjustments", u"promotions"}) {
                const qint64 id = d.scalar("INSERT INTO accounts (kind, currency, name, allow_negative, "
                                           "created_at, last_activity_at) "
                                           "VALUES ('system', ?, ?, 1, ?, ?) RETURNING id",
                                           {c.code, QString::fromUtf16(name), at, at})
                                      .toLongLong();
                for (int shard = 0; shard < m_store.shardCount(); ++shard)
                    d.run("INSERT INTO account_shards (account_id, shard, balance) VALUES (?, ?, 0)",
                          {id, shard});
            }
            d.writer.appendAudit(actor, QStringLiteral("currency-add"),
                                 QStringLiteral("currency:%1").arg(c.code), QStringLiteral("ok"),
                                 QStringLiteral("exponent %1").arg(c.exponent));
            return c;
        });
    return r;
}

Result<QList<Currency>> LedgerAdmin::currencies() {
    LedgerStore::Impl &d = *m_store.d;
    try {
        QList<Currency> out;
        SqlStatement &q = d.run("SELECT code, exponent, name FROM currencies ORDER BY code");
        while (q.next())
            out << Currency{q.value(0).toString(), q.value(1).toInt(), q.value(2).toString()};
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<OperatorInfo> LedgerAdmin::addOperator(const Actor &actor, const OperatorInfo &info) {
    LedgerStore::Impl &d = *m_store.d;
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
    auto r = d.audited(
        actor, QStringLiteral("operator-add"), QStringLiteral("operator:%1").arg(info.name),
        [&]() -> OperatorInfo {
            d.requireOperator(actor, Role::Admin, QStringLiteral("adding an operator"));
            if (!validName.match(info.name).hasMatch())
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral(
                         "operator name \"%1\" must be 1 to 64 letters, digits, '.', '_', '@' or '-'")
                         .arg(info.name.left(80)));
            if (d.findOperator(info.name))
                fail(ErrorCode::StateConflict, QStringLiteral("operator %1 already exists").arg(info.name));
            for (auto it = info.limits.cbegin(); it != info.limits.cend(); ++it) {
                d.writer.exponentOf(it.key());
                if (it.value() < 0)
                    fail(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 limit must not be negative").arg(it.key()));
            }
            OperatorInfo out = info;
            out.createdAt = LedgerStore::Impl::nowMs();
            out.id = d.scalar("INSERT INTO operators (name, role, created_at) VALUES (?, ?, ?) RETURNING id",
                              {info.name, roleName(info.role), out.createdAt})
                         .toLongLong();
            for (auto it = info.limits.cbegin(); it != info.limits.cend(); ++it)
                d.run("INSERT INTO operator_limits (operator_id, currency, max_amount) VALUES (?, ?, ?)",
                      {out.id, it.key(), it.value()});
            d.writer.appendAudit(actor, QStringLiteral("operator-add"),
                                 QStringLiteral("operator:%1").arg(info.name), QStringLiteral("ok"),
                                 QStringLiteral("role %1").arg(roleName(info.role)));
            return out;
        });
    return r;
}

Result<QList<OperatorInfo>> LedgerAdmin::operators() {
    LedgerStore::Impl &d = *m_store.d;
    try {
        QList<OperatorInfo> out;
        SqlStatement &q = d.run("SELECT id, name, role, disabled, created_at FROM operators ORDER BY name");
        while (q.next()) {
            OperatorInfo o;
            o.id = q.value(0).toLongLong();
            o.name = q.value(1).toString();
            o.role = roleFromName(q.value(2).toString()).value_or(Role::Viewer);
            o.disabled = q.value(3).toInt() != 0;
            o.createdAt = q.value(4).toLongLong();
            out << o;
        }
        SqlStatement &l = d.run("SELECT operator_id, currency, max_amount FROM operator_limits");
        while (l.next())
            for (OperatorInfo &o : out)
                if (o.id == l.value(0).toLongLong())
                    o.limits.insert(l.value(1).toString(), l.value(2).toLongLong());
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<OperatorInfo> LedgerAdmin::setOperatorDisabled(const Actor &actor, const QString &name,
                                                      bool disabled) {
    LedgerStore::Impl &d = *m_store.d;
    const QString action = disabled ? QStringLiteral("operator-disable") : QStringLiteral("operator-enable");
    auto r = d.audited(actor, action, QStringLiteral("operator:%1").arg(name), [&]() -> Done {
        const OperatorRow self =
            d.requireOperator(actor, Role::Admin, QStringLiteral("disabling an operator"));
        auto target = d.findOperator(name);
        if (!target)
            fail(ErrorCode::NotFound, QStringLiteral("operator %1 does not exist").arg(name));
        if (disabled && target->id == self.id)
            fail(ErrorCode::StateConflict, QStringLiteral("an administrator cannot disable themselves"));
        d.run("UPDATE operators SET disabled = ? WHERE id = ?", {disabled ? 1 : 0, target->id});
        d.writer.appendAudit(actor, action, QStringLiteral("operator:%1").arg(name), QStringLiteral("ok"),
                             {});
        return Done{};
    });
    if (!r)
        return r.error();
    auto ops = operators();
    if (!ops)
        return ops.error();
    for (const OperatorInfo &o : ops.value())
        if (o.name == name)
            return o;
    return LedgerError{ErrorCode::NotFound, name};
}

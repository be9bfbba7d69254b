// walletctl: reading accounts, their history and balances, and transactions.

#include "walletctl.h"
#include "walletctl_p.h"

#include "money.h"

#include <QJsonArray>

using namespace WalletCtlDetail;

int WalletCtl::cmdAccount(const QStringList &args) {
    int code = Ok;
    const QString sub = args.value(0);
    if (sub == u"create") {
        NewAccount n;
        if (!needOption(QStringLiteral("player"), &n.playerRef, &code) ||
            !needOption(QStringLiteral("currency"), &n.currency, &code))
            return code;
        n.name = m_parser.value(QStringLiteral("name"));
        n.allowNegative = m_parser.isSet(QStringLiteral("allow-negative"));
        Account a;
        if (!await(m_client->createAccount(n), &a, &code))
            return code;
        print(accountJson(a), accountText(a));
        return Ok;
    }
    if (sub != u"show")
        return fail(
            Usage, QStringLiteral("usage: account create ... | account show ID | account show --player REF"));
    if (m_parser.isSet(QStringLiteral("player"))) {
        const QString ref = m_parser.value(QStringLiteral("player"));
        QList<Account> list;
        if (!await(m_client->accountsOfPlayer(ref), &list, &code))
            return code;
        QJsonArray arr;
        QStringList text;
        for (const Account &a : list) {
            arr << accountJson(a);
            text << accountText(a);
        }
        print(QJsonObject{{QStringLiteral("accounts"), arr}}, text.join(u'\n'));
        return Ok;
    }
    qint64 id = 0;
    if (args.size() != 2 || !parseId(args.at(1), QStringLiteral("account id"), &id, &code))
        return args.size() != 2
                   ? fail(Usage, QStringLiteral("usage: account show ID | account show --player REF"))
                   : code;
    Account a;
    if (!await(m_client->account(id), &a, &code))
        return code;
    print(accountJson(a), accountText(a));
    return Ok;
}

int WalletCtl::cmdHistory(const QStringList &args) {
    int code = Ok;
    qint64 id = 0, before = 0;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: history ID [--limit N] [--before ENTRY]"));
    if (!parseId(args.at(0), QStringLiteral("account id"), &id, &code))
        return code;
    if (m_parser.isSet(QStringLiteral("before")) &&
        !parseId(m_parser.value(QStringLiteral("before")), QStringLiteral("--before"), &before, &code))
        return code;
    qint64 limit = 50;
    if (m_parser.isSet(QStringLiteral("limit")) &&
        !parseId(m_parser.value(QStringLiteral("limit")), QStringLiteral("--limit"), &limit, &code))
        return code;
    Account a;
    if (!await(m_client->account(id), &a, &code))
        return code;
    // Read in pages walletd serves (at most PageRows), the same rows a database gives in one read.
    QList<HistoryEntry> rows;
    const qint64 wanted = std::min<qint64>(limit, 10000);
    while (rows.size() < wanted) {
        const int n = int(std::min<qint64>(wanted - rows.size(), PageRows));
        QList<HistoryEntry> page;
        if (!await(m_client->history(id, before, n), &page, &code))
            return code;
        rows += page;
        if (page.size() < n)
            break;
        before = page.constLast().entryId;
    }
    QJsonArray arr;
    QString text = QStringLiteral("%1 %2 %3\n")
                       .arg(QStringLiteral("time"), -24)
                       .arg(QStringLiteral("kind"), -11)
                       .arg(QStringLiteral("amount / balance after"));
    for (const HistoryEntry &h : rows) {
        arr << QJsonObject{
            {QStringLiteral("entry"), QString::number(h.entryId)},
            {QStringLiteral("transaction"), QString::number(h.transactionId)},
            {QStringLiteral("time"), isoTime(h.createdAt)},
            {QStringLiteral("kind"), kindName(h.kind)},
            {QStringLiteral("amount"), Money::format(h.amount, a.exponent)},
            {QStringLiteral("balance_after"), Money::format(h.balanceAfter, a.exponent)},
            {QStringLiteral("reason"), h.reasonCode},
            {QStringLiteral("ticket"), h.ticketRef},
            {QStringLiteral("memo"), h.memo},
            {QStringLiteral("operator"), h.operatorName},
            {QStringLiteral("key"), h.idempotencyKey},
            {QStringLiteral("reverses"), h.reversesId ? QString::number(h.reversesId) : QString()},
            {QStringLiteral("reversed_by"), h.reversedById ? QString::number(h.reversedById) : QString()}};
        text += QStringLiteral("%1 %2 %3 %4  txn %5 by %6%7%8\n")
                    .arg(isoTime(h.createdAt), -24)
                    .arg(kindName(h.kind), -11)
                    .arg(Money::format(h.amount, a.exponent), 12)
                    .arg(Money::format(h.balanceAfter, a.exponent), 12)
                    .arg(h.transactionId)
                    .arg(h.operatorName,
                         h.reasonCode.isEmpty() ? QString() : QStringLiteral(" reason ") + h.reasonCode,
                         h.reversedById ? QStringLiteral(" (reversed by %1)").arg(h.reversedById)
                                        : (h.reversesId ? QStringLiteral(" (reverses %1)").arg(h.reversesId)
                                                        : QString()));
    }
    print(QJsonObject{{QStringLiteral("account"), QString::number(id)},
                      {QStringLiteral("currency"), a.currency},
                      {QStringLiteral("entries"), arr}},
          text.trimmed());
    return Ok;
}

int WalletCtl::cmdBalance(const QStringList &args) {
    int code = Ok;
    qint64 id = 0;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: balance ID [--at TIME]"));
    if (!parseId(args.at(0), QStringLiteral("account id"), &id, &code))
        return code;
    Account a;
    if (!await(m_client->account(id), &a, &code))
        return code;
    qint64 at = QDateTime::currentMSecsSinceEpoch();
    if (m_parser.isSet(QStringLiteral("at"))) {
        const QDateTime t = QDateTime::fromString(m_parser.value(QStringLiteral("at")), Qt::ISODateWithMs);
        if (!t.isValid())
            return fail(Usage,
                        QStringLiteral("--at \"%1\" is not an ISO 8601 time such as 2026-11-01T12:00:00Z")
                            .arg(m_parser.value(QStringLiteral("at")).left(40)));
        at = t.toMSecsSinceEpoch();
    }
    qint64 balance = 0;
    if (!await(m_client->balanceAt(id, at), &balance, &code))
        return code;
    print(QJsonObject{{QStringLiteral("account"), QString::number(id)},
                      {QStringLiteral("currency"), a.currency},
                      {QStringLiteral("at"), isoTime(at)},
                      {QStringLiteral("balance"), Money::format(balance, a.exponent)}},
          QStringLiteral("%1 %2 at %3").arg(Money::format(balance, a.exponent), a.currency, isoTime(at)));
    return Ok;
}

int WalletCtl::cmdTransaction(const QStringList &args) {
    int code = Ok;
    qint64 id = 0;
    if (args.size() != 2 || args.at(0) != u"show")
        return fail(Usage, QStringLiteral("usage: transaction show ID"));
    if (!parseId(args.at(1), QStringLiteral("transaction id"), &id, &code))
        return code;
    JournalTransaction t;
    if (!await(m_client->transaction(id), &t, &code))
        return code;
    QHash<QString, int> exponents;
    if (!currencyExponents(&exponents, &code))
        return code;
    QJsonArray entries;
    QString text =
        QStringLiteral("transaction %1  %2  %3  by %4 from %5  key %6\n")
            .arg(t.id)
            .arg(kindName(t.kind), isoTime(t.createdAt), t.operatorName, t.origin, t.idempotencyKey);
    for (const JournalEntry &e : t.entries) {
        entries << QJsonObject{
            {QStringLiteral("account"), QString::number(e.accountId)},
            {QStringLiteral("currency"), e.currency},
            {QStringLiteral("amount_minor_units"), QString::number(e.amount)},
            {QStringLiteral("balance_after_minor_units"), QString::number(e.balanceAfter)}};
        text += QStringLiteral("  account %1  %2 %3\n")
                    .arg(e.accountId)
                    .arg(Money::format(e.amount, exponents.value(e.currency)), e.currency);
    }
    print(QJsonObject{{QStringLiteral("id"), QString::number(t.id)},
                      {QStringLiteral("kind"), kindName(t.kind)},
                      {QStringLiteral("time"), isoTime(t.createdAt)},
                      {QStringLiteral("operator"), t.operatorName},
                      {QStringLiteral("key"), t.idempotencyKey},
                      {QStringLiteral("reason"), t.reasonCode},
                      {QStringLiteral("ticket"), t.ticketRef},
                      {QStringLiteral("memo"), t.memo},
                      {QStringLiteral("reverses"), t.reversesId ? QString::number(t.reversesId) : QString()},
                      {QStringLiteral("reversed_by"),
                       t.reversedById ? QString::number(t.reversedById) : QString()},
                      {QStringLiteral("entries"), entries}},
          text.trimmed());
    return Ok;
}

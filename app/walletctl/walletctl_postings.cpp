// walletctl: postings, reversals, approvals and account states.

#include "walletctl.h"
#include "walletctl_p.h"

#include "money.h"

#include <QJsonArray>

using namespace WalletCtlDetail;

int WalletCtl::cmdPost(const QStringList &args) {
    int code = Ok;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: post KIND --account ID --amount A --key K [...]"));
    const auto kind = kindFromName(args.at(0));
    if (!kind || *kind == TransactionKind::Reversal)
        return fail(Usage, QStringLiteral("unknown posting kind \"%1\"").arg(args.at(0).left(40)));
    PostingRequest r;
    r.kind = *kind;
    QString accountText, amountText;
    if (!needOption(QStringLiteral("account"), &accountText, &code) ||
        !needOption(QStringLiteral("amount"), &amountText, &code) ||
        !needOption(QStringLiteral("key"), &r.idempotencyKey, &code))
        return code;
    if (!parseId(accountText, QStringLiteral("--account"), &r.accountId, &code))
        return code;
    if (m_parser.isSet(QStringLiteral("to")) &&
        !parseId(m_parser.value(QStringLiteral("to")), QStringLiteral("--to"), &r.counterAccountId, &code))
        return code;
    if (m_parser.isSet(QStringLiteral("items")) &&
        !parseId(m_parser.value(QStringLiteral("items")), QStringLiteral("--items"), &r.itemQuantity, &code))
        return code;
    r.reasonCode = m_parser.value(QStringLiteral("reason"));
    r.ticketRef = m_parser.value(QStringLiteral("ticket"));
    r.memo = m_parser.value(QStringLiteral("memo"));
    Account a;
    if (!await(m_client->account(r.accountId), &a, &code))
        return code;
    const Money::ParseResult amount = Money::parse(amountText, a.exponent);
    if (!amount.ok())
        return fail(Usage, QStringLiteral("--amount: %1 (%2 has %3 decimal places)")
                               .arg(amount.error, a.currency)
                               .arg(a.exponent));
    r.amount = *amount.minor;
    PostingResult result;
    if (!await(m_client->post(r), &result, &code))
        return code;
    QJsonArray entries;
    for (const JournalEntry &e : result.entries)
        entries << QJsonObject{{QStringLiteral("account"), QString::number(e.accountId)},
                               {QStringLiteral("currency"), e.currency},
                               {QStringLiteral("amount"), QString::number(e.amount)},
                               {QStringLiteral("balance_after"), QString::number(e.balanceAfter)}};
    const bool pending = result.status == PostingResult::Status::Pending;
    print(QJsonObject{{QStringLiteral("status"),
                       pending ? QStringLiteral("pending") : QStringLiteral("posted")},
                      {QStringLiteral("transaction"), QString::number(result.transactionId)},
                      {QStringLiteral("approval"), QString::number(result.approvalId)},
                      {QStringLiteral("replayed"), result.replayed},
                      {QStringLiteral("entries_minor_units"), entries}},
          pending ? QStringLiteral("pending approval %1: above your limit, a supervisor must approve it")
                        .arg(result.approvalId)
                  : QStringLiteral("%1 transaction %2; balance of account %3 is now %4 %5")
                        .arg(result.replayed ? QStringLiteral("already posted as") : QStringLiteral("posted"))
                        .arg(result.transactionId)
                        .arg(a.id)
                        .arg(Money::format(result.balanceAfter(a.id), a.exponent), a.currency));
    return Ok;
}

int WalletCtl::cmdReverse(const QStringList &args) {
    int code = Ok;
    ReversalRequest r;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: reverse TXN --reason TEXT --key K [--force]"));
    if (!parseId(args.at(0), QStringLiteral("transaction id"), &r.transactionId, &code) ||
        !needOption(QStringLiteral("reason"), &r.reason, &code) ||
        !needOption(QStringLiteral("key"), &r.idempotencyKey, &code))
        return code;
    r.force = m_parser.isSet(QStringLiteral("force"));
    PostingResult result;
    if (!await(m_client->reverse(r), &result, &code))
        return code;
    print(QJsonObject{{QStringLiteral("transaction"), QString::number(result.transactionId)},
                      {QStringLiteral("reverses"), QString::number(r.transactionId)},
                      {QStringLiteral("replayed"), result.replayed}},
          QStringLiteral("transaction %1 reverses transaction %2")
              .arg(result.transactionId)
              .arg(r.transactionId));
    return Ok;
}

int WalletCtl::cmdDecide(const QString &command, const QStringList &args) {
    int code = Ok;
    qint64 id = 0;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: %1 ID --comment TEXT").arg(command));
    if (!parseId(args.at(0), QStringLiteral("approval id"), &id, &code))
        return code;
    const QString comment = m_parser.value(QStringLiteral("comment"));
    if (command == u"approve") {
        PostingResult result;
        if (!await(m_client->approve(id, comment), &result, &code))
            return code;
        print(QJsonObject{{QStringLiteral("approval"), QString::number(id)},
                          {QStringLiteral("transaction"), QString::number(result.transactionId)}},
              QStringLiteral("approval %1 approved: posted as transaction %2")
                  .arg(id)
                  .arg(result.transactionId));
        return Ok;
    }
    Approval a;
    if (!await(m_client->reject(id, comment), &a, &code))
        return code;
    print(QJsonObject{{QStringLiteral("approval"), QString::number(id)},
                      {QStringLiteral("state"), QStringLiteral("rejected")}},
          QStringLiteral("approval %1 rejected; its held funds are released").arg(id));
    return Ok;
}

int WalletCtl::cmdApprovals() {
    int code = Ok;
    const bool all = m_parser.isSet(QStringLiteral("all"));
    QList<Approval> list;
    if (!await(m_client->approvals(!all), &list, &code))
        return code;
    list = list.mid(0, ApprovalsShown);
    QJsonArray arr;
    QString text;
    for (const Approval &a : list) {
        arr << QJsonObject{{QStringLiteral("id"), QString::number(a.id)},
                           {QStringLiteral("state"), Approval::stateName(a.state)},
                           {QStringLiteral("kind"), kindName(a.request.kind)},
                           {QStringLiteral("account"), QString::number(a.request.accountId)},
                           {QStringLiteral("amount_minor_units"), QString::number(a.request.amount)},
                           {QStringLiteral("held_minor_units"), QString::number(a.holdAmount)},
                           {QStringLiteral("maker"), a.maker},
                           {QStringLiteral("checker"), a.checker},
                           {QStringLiteral("comment"), a.comment},
                           {QStringLiteral("created_at"), isoTime(a.createdAt)}};
        Account account;
        int ignored = Ok;
        const bool known = await(m_client->account(a.request.accountId), &account, &ignored);
        text +=
            QStringLiteral("approval %1  %2  %3 on account %4, %5 by %6%7\n")
                .arg(a.id)
                .arg(Approval::stateName(a.state), kindName(a.request.kind))
                .arg(a.request.accountId)
                .arg(known ? Money::format(a.request.amount, account.exponent) + u' ' + account.currency
                           : QString::number(a.request.amount) + QStringLiteral(" minor units"),
                     a.maker, a.checker.isEmpty() ? QString() : QStringLiteral(", decided by ") + a.checker);
    }
    print(QJsonObject{{QStringLiteral("approvals"), arr}},
          text.isEmpty() ? QStringLiteral("no approvals") : text.trimmed());
    return Ok;
}

int WalletCtl::cmdState(const QString &command, const QStringList &args) {
    int code = Ok;
    qint64 id = 0;
    QString reason;
    if (args.size() != 1)
        return fail(Usage, QStringLiteral("usage: %1 ID --reason TEXT").arg(command));
    if (!parseId(args.at(0), QStringLiteral("account id"), &id, &code) ||
        !needOption(QStringLiteral("reason"), &reason, &code))
        return code;
    const AccountState state = command == u"freeze"  ? AccountState::Frozen
                               : command == u"close" ? AccountState::Closed
                                                     : AccountState::Active;
    Account a;
    if (!await(m_client->setAccountState(id, state, reason), &a, &code))
        return code;
    print(accountJson(a), QStringLiteral("account %1 is now %2").arg(id).arg(accountStateName(a.state)));
    return Ok;
}

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
    r.dryRun = m_parser.isSet(QStringLiteral("dry-run"));
    PostingResult result;
    if (!await(m_client->post(r), &result, &code))
        return code;
    const bool pending = result.status == PostingResult::Status::Pending;
    QJsonObject json{
        {QStringLiteral("status"), pending ? QStringLiteral("pending") : QStringLiteral("posted")},
        {QStringLiteral("transaction"), QString::number(result.transactionId)},
        {QStringLiteral("approval"), QString::number(result.approvalId)},
        {QStringLiteral("replayed"), result.replayed},
        {QStringLiteral("entries_minor_units"), entriesJson(result)}};
    if (result.dryRun) {
        json.insert(QStringLiteral("dry_run"), true);
        print(json, dryRunText(result, pending ? QStringLiteral("would await approval: above your limit, a "
                                                                "supervisor would have to approve it")
                                               : QStringLiteral("would post")));
        return Ok;
    }
    print(json,
          pending ? QStringLiteral("pending approval %1: above your limit, a supervisor must approve it")
                        .arg(result.approvalId)
                  : QStringLiteral("%1 transaction %2; balance of account %3 is now %4 %5")
                        .arg(result.replayed ? QStringLiteral("already posted as") : QStringLiteral("posted"))
                        .arg(result.transactionId)
                        .arg(a.id)
                        .arg(Money::format(result.balanceAfter(a.id), a.exponent), a.currency));
    return Ok;
}

QJsonArray WalletCtl::entriesJson(const PostingResult &result) {
    QJsonArray entries;
    for (const JournalEntry &e : result.entries) {
        QJsonObject entry{{QStringLiteral("account"), QString::number(e.accountId)},
                          {QStringLiteral("currency"), e.currency},
                          {QStringLiteral("amount"), QString::number(e.amount)},
                          {QStringLiteral("balance_after"), QString::number(e.balanceAfter)}};
        if (result.dryRun)
            entry.insert(QStringLiteral("balance_before"), QString::number(e.balanceAfter - e.amount));
        entries << entry;
    }
    return entries;
}

QString WalletCtl::dryRunText(const PostingResult &result, const QString &outcome) {
    // Every leg with its balance before and after, in its currency's decimals (a purchase moves two).
    QHash<QString, int> exponents;
    QList<Currency> currencies;
    int ignored = Ok;
    if (await(m_client->currencies(), &currencies, &ignored))
        for (const Currency &c : std::as_const(currencies))
            exponents.insert(c.code, c.exponent);
    if (result.replayed)
        return QStringLiteral("dry run: nothing written; the key was already used by transaction %1, so it "
                              "would answer that again")
            .arg(result.transactionId);
    QString text = QStringLiteral("dry run: nothing written; it %1").arg(outcome);
    for (const JournalEntry &e : result.entries) {
        const int exponent = exponents.value(e.currency);
        Account account;
        if (await(m_client->account(e.accountId), &account, &ignored) &&
            account.kind == AccountKind::System) {
            // Named, so that "account 1" is no riddle; its entry's balance is one shard's of several, not the
            // account's, so only the amount is said.
            text += QStringLiteral("\n  account %1 (%2): %3 %4")
                        .arg(e.accountId)
                        .arg(account.name, Money::format(e.amount, exponent), e.currency);
            continue;
        }
        text += QStringLiteral("\n  account %1: %2 %3, balance %4 -> %5")
                    .arg(e.accountId)
                    .arg(Money::format(e.amount, exponent), e.currency,
                         Money::format(e.balanceAfter - e.amount, exponent),
                         Money::format(e.balanceAfter, exponent));
    }
    return text;
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
    r.dryRun = m_parser.isSet(QStringLiteral("dry-run"));
    PostingResult result;
    if (!await(m_client->reverse(r), &result, &code))
        return code;
    if (result.dryRun) {
        print(QJsonObject{{QStringLiteral("dry_run"), true},
                          {QStringLiteral("reverses"), QString::number(r.transactionId)},
                          {QStringLiteral("replayed"), result.replayed},
                          {QStringLiteral("entries_minor_units"), entriesJson(result)}},
              dryRunText(result, QStringLiteral("would reverse transaction %1").arg(r.transactionId)));
        return Ok;
    }
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
    const WriteMode mode = m_parser.isSet(QStringLiteral("dry-run")) ? WriteMode::DryRun : WriteMode::Commit;
    if (command == u"approve") {
        PostingResult result;
        if (!await(m_client->approve(id, comment, mode), &result, &code))
            return code;
        if (result.dryRun) {
            print(QJsonObject{{QStringLiteral("dry_run"), true},
                              {QStringLiteral("approval"), QString::number(id)},
                              {QStringLiteral("entries_minor_units"), entriesJson(result)}},
                  dryRunText(result, QStringLiteral("would approve approval %1 and post it").arg(id)));
            return Ok;
        }
        print(QJsonObject{{QStringLiteral("approval"), QString::number(id)},
                          {QStringLiteral("transaction"), QString::number(result.transactionId)}},
              QStringLiteral("approval %1 approved: posted as transaction %2")
                  .arg(id)
                  .arg(result.transactionId));
        return Ok;
    }
    Approval a;
    if (!await(m_client->reject(id, comment, mode), &a, &code))
        return code;
    if (mode == WriteMode::DryRun) {
        print(QJsonObject{{QStringLiteral("dry_run"), true},
                          {QStringLiteral("approval"), QString::number(id)},
                          {QStringLiteral("state"), QStringLiteral("rejected")}},
              QStringLiteral("dry run: nothing written; approval %1 would be rejected and its held funds "
                             "released")
                  .arg(id));
        return Ok;
    }
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

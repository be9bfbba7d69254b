#include "apicodec.h"

#include "apicodec_p.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

// The ledger's values in the admin API's JSON, both ways: walletd writes them, the remote client reads them.

namespace ApiCodec {

using Detail::i64;
using Detail::s64;
using Detail::stateFromName;

QJsonObject toJson(const PostingRequest &r) {
    // Amounts travel as strings: JSON numbers are doubles in most readers.
    QJsonObject o{{QStringLiteral("kind"), kindName(r.kind)},
                  {QStringLiteral("account"), r.accountId},
                  {QStringLiteral("amount"), s64(r.amount)}};
    if (!r.idempotencyKey.isEmpty())
        o.insert(QStringLiteral("idempotency_key"), r.idempotencyKey);
    if (r.counterAccountId)
        o.insert(QStringLiteral("counter"), r.counterAccountId);
    if (r.itemQuantity)
        o.insert(QStringLiteral("items"), s64(r.itemQuantity));
    o.insert(QStringLiteral("reason"), r.reasonCode);
    o.insert(QStringLiteral("ticket"), r.ticketRef);
    o.insert(QStringLiteral("memo"), r.memo);
    return o;
}

QJsonObject toJson(const Account &a) {
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("kind"),
             a.kind == AccountKind::System ? QStringLiteral("system") : QStringLiteral("player")},
            {QStringLiteral("currency"), a.currency},
            {QStringLiteral("exponent"), a.exponent},
            {QStringLiteral("player"), a.playerRef},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("state"), accountStateName(a.state)},
            {QStringLiteral("allow_negative"), a.allowNegative},
            {QStringLiteral("balance"), s64(a.balance)},
            {QStringLiteral("held"), s64(a.held)},
            {QStringLiteral("created_at"), a.createdAt},
            {QStringLiteral("last_activity_at"), a.lastActivityAt}};
}

bool fromJson(const QJsonObject &o, Account *a) {
    a->id = i64(o.value(QStringLiteral("id")));
    a->kind =
        o.value(QStringLiteral("kind")).toString() == u"system" ? AccountKind::System : AccountKind::Player;
    a->currency = o.value(QStringLiteral("currency")).toString();
    a->exponent = int(o.value(QStringLiteral("exponent")).toInteger());
    a->playerRef = o.value(QStringLiteral("player")).toString();
    a->name = o.value(QStringLiteral("name")).toString();
    a->state = stateFromName(o.value(QStringLiteral("state")).toString()).value_or(AccountState::Active);
    a->allowNegative = o.value(QStringLiteral("allow_negative")).toBool();
    a->balance = i64(o.value(QStringLiteral("balance")));
    a->held = i64(o.value(QStringLiteral("held")));
    a->createdAt = i64(o.value(QStringLiteral("created_at")));
    a->lastActivityAt = i64(o.value(QStringLiteral("last_activity_at")));
    return a->id > 0;
}

QJsonObject toJson(const Currency &c) {
    return {{QStringLiteral("code"), c.code},
            {QStringLiteral("exponent"), c.exponent},
            {QStringLiteral("name"), c.name}};
}

bool fromJson(const QJsonObject &o, Currency *c) {
    c->code = o.value(QStringLiteral("code")).toString();
    c->exponent = int(o.value(QStringLiteral("exponent")).toInteger());
    c->name = o.value(QStringLiteral("name")).toString();
    return !c->code.isEmpty();
}

QJsonObject toJson(const HistoryEntry &h) {
    return {{QStringLiteral("entry_id"), h.entryId},
            {QStringLiteral("transaction_id"), h.transactionId},
            {QStringLiteral("created_at"), h.createdAt},
            {QStringLiteral("kind"), kindName(h.kind)},
            {QStringLiteral("amount"), s64(h.amount)},
            {QStringLiteral("balance_after"), s64(h.balanceAfter)},
            {QStringLiteral("reason"), h.reasonCode},
            {QStringLiteral("ticket"), h.ticketRef},
            {QStringLiteral("memo"), h.memo},
            {QStringLiteral("operator"), h.operatorName},
            {QStringLiteral("idempotency_key"), h.idempotencyKey},
            {QStringLiteral("reverses_id"), h.reversesId},
            {QStringLiteral("reversed_by_id"), h.reversedById}};
}

bool fromJson(const QJsonObject &o, HistoryEntry *h) {
    h->entryId = i64(o.value(QStringLiteral("entry_id")));
    h->transactionId = i64(o.value(QStringLiteral("transaction_id")));
    h->createdAt = i64(o.value(QStringLiteral("created_at")));
    h->kind = kindFromName(o.value(QStringLiteral("kind")).toString()).value_or(TransactionKind::Deposit);
    h->amount = i64(o.value(QStringLiteral("amount")));
    h->balanceAfter = i64(o.value(QStringLiteral("balance_after")));
    h->reasonCode = o.value(QStringLiteral("reason")).toString();
    h->ticketRef = o.value(QStringLiteral("ticket")).toString();
    h->memo = o.value(QStringLiteral("memo")).toString();
    h->operatorName = o.value(QStringLiteral("operator")).toString();
    h->idempotencyKey = o.value(QStringLiteral("idempotency_key")).toString();
    h->reversesId = i64(o.value(QStringLiteral("reverses_id")));
    h->reversedById = i64(o.value(QStringLiteral("reversed_by_id")));
    return h->entryId > 0;
}

QJsonObject toJson(const JournalLine &l) {
    return {{QStringLiteral("entry_id"), l.entryId},
            {QStringLiteral("transaction_id"), l.transactionId},
            {QStringLiteral("created_at"), l.createdAt},
            {QStringLiteral("kind"), kindName(l.kind)},
            {QStringLiteral("account_id"), l.accountId},
            {QStringLiteral("account_label"), l.accountLabel},
            {QStringLiteral("currency"), l.currency},
            {QStringLiteral("exponent"), l.exponent},
            {QStringLiteral("amount"), s64(l.amount)},
            {QStringLiteral("balance_after"), s64(l.balanceAfter)},
            {QStringLiteral("operator"), l.operatorName},
            {QStringLiteral("reason"), l.reasonCode},
            {QStringLiteral("memo"), l.memo}};
}

bool fromJson(const QJsonObject &o, JournalLine *l) {
    l->entryId = i64(o.value(QStringLiteral("entry_id")));
    l->transactionId = i64(o.value(QStringLiteral("transaction_id")));
    l->createdAt = i64(o.value(QStringLiteral("created_at")));
    l->kind = kindFromName(o.value(QStringLiteral("kind")).toString()).value_or(TransactionKind::Deposit);
    l->accountId = i64(o.value(QStringLiteral("account_id")));
    l->accountLabel = o.value(QStringLiteral("account_label")).toString();
    l->currency = o.value(QStringLiteral("currency")).toString();
    l->exponent = int(o.value(QStringLiteral("exponent")).toInteger());
    l->amount = i64(o.value(QStringLiteral("amount")));
    l->balanceAfter = i64(o.value(QStringLiteral("balance_after")));
    l->operatorName = o.value(QStringLiteral("operator")).toString();
    l->reasonCode = o.value(QStringLiteral("reason")).toString();
    l->memo = o.value(QStringLiteral("memo")).toString();
    return l->entryId > 0;
}

QJsonObject toJson(const BalancePoint &p) {
    return {{QStringLiteral("day"), p.dayStartMs},       {QStringLiteral("opening"), s64(p.opening)},
            {QStringLiteral("closing"), s64(p.closing)}, {QStringLiteral("low"), s64(p.low)},
            {QStringLiteral("high"), s64(p.high)},       {QStringLiteral("inflow"), s64(p.inflow)},
            {QStringLiteral("outflow"), s64(p.outflow)}, {QStringLiteral("entries"), p.entryCount}};
}

bool fromJson(const QJsonObject &o, BalancePoint *p) {
    p->dayStartMs = i64(o.value(QStringLiteral("day")));
    p->opening = i64(o.value(QStringLiteral("opening")));
    p->closing = i64(o.value(QStringLiteral("closing")));
    p->low = i64(o.value(QStringLiteral("low")));
    p->high = i64(o.value(QStringLiteral("high")));
    p->inflow = i64(o.value(QStringLiteral("inflow")));
    p->outflow = i64(o.value(QStringLiteral("outflow")));
    p->entryCount = i64(o.value(QStringLiteral("entries")));
    return true;
}

QJsonObject toJson(const Approval &a) {
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("state"), Approval::stateName(a.state)},
            {QStringLiteral("request"), toJson(a.request)},
            {QStringLiteral("hold_amount"), s64(a.holdAmount)},
            {QStringLiteral("currency"), a.currency},
            {QStringLiteral("exponent"), a.exponent},
            {QStringLiteral("maker"), a.maker},
            {QStringLiteral("checker"), a.checker},
            {QStringLiteral("comment"), a.comment},
            {QStringLiteral("created_at"), a.createdAt},
            {QStringLiteral("decided_at"), a.decidedAt},
            {QStringLiteral("transaction_id"), a.transactionId}};
}

bool fromJson(const QJsonObject &o, Approval *a) {
    a->id = i64(o.value(QStringLiteral("id")));
    const QString state = o.value(QStringLiteral("state")).toString();
    a->state = Approval::State::Pending;
    for (auto s : {Approval::State::Pending, Approval::State::Approved, Approval::State::Rejected})
        if (Approval::stateName(s) == state)
            a->state = s;
    QString error;
    const QByteArray request =
        QJsonDocument(o.value(QStringLiteral("request")).toObject()).toJson(QJsonDocument::Compact);
    if (!decodeKeyedPosting(request, &a->request, &error))
        return false;
    a->holdAmount = i64(o.value(QStringLiteral("hold_amount")));
    // What the amounts are in: without them a remote desktop showed 200.00 USD as "20,000".
    a->currency = o.value(QStringLiteral("currency")).toString();
    a->exponent = o.value(QStringLiteral("exponent")).toInt();
    a->maker = o.value(QStringLiteral("maker")).toString();
    a->checker = o.value(QStringLiteral("checker")).toString();
    a->comment = o.value(QStringLiteral("comment")).toString();
    a->createdAt = i64(o.value(QStringLiteral("created_at")));
    a->decidedAt = i64(o.value(QStringLiteral("decided_at")));
    a->transactionId = i64(o.value(QStringLiteral("transaction_id")));
    return a->id > 0;
}

QJsonObject toJson(const AuditRecord &r) {
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("at"), r.at},
            {QStringLiteral("operator"), r.operatorName},
            {QStringLiteral("origin"), r.origin},
            {QStringLiteral("action"), r.action},
            {QStringLiteral("target"), r.target},
            {QStringLiteral("outcome"), r.outcome},
            {QStringLiteral("detail"), r.detail}};
}

bool fromJson(const QJsonObject &o, AuditRecord *r) {
    r->id = i64(o.value(QStringLiteral("id")));
    r->at = i64(o.value(QStringLiteral("at")));
    r->operatorName = o.value(QStringLiteral("operator")).toString();
    r->origin = o.value(QStringLiteral("origin")).toString();
    r->action = o.value(QStringLiteral("action")).toString();
    r->target = o.value(QStringLiteral("target")).toString();
    r->outcome = o.value(QStringLiteral("outcome")).toString();
    r->detail = o.value(QStringLiteral("detail")).toString();
    return r->id > 0;
}

QJsonObject toJson(const OperatorInfo &o) {
    QJsonObject limits;
    for (auto it = o.limits.cbegin(); it != o.limits.cend(); ++it)
        limits.insert(it.key(), s64(it.value()));
    return {{QStringLiteral("id"), o.id},
            {QStringLiteral("name"), o.name},
            {QStringLiteral("role"), roleName(o.role)},
            {QStringLiteral("disabled"), o.disabled},
            {QStringLiteral("limits"), limits},
            {QStringLiteral("created_at"), o.createdAt}};
}

bool fromJson(const QJsonObject &o, OperatorInfo *out) {
    out->id = i64(o.value(QStringLiteral("id")));
    out->name = o.value(QStringLiteral("name")).toString();
    out->role = roleFromName(o.value(QStringLiteral("role")).toString()).value_or(Role::Viewer);
    out->disabled = o.value(QStringLiteral("disabled")).toBool();
    const QJsonObject limits = o.value(QStringLiteral("limits")).toObject();
    out->limits.clear();
    for (auto it = limits.begin(); it != limits.end(); ++it)
        out->limits.insert(it.key(), i64(it.value()));
    out->createdAt = i64(o.value(QStringLiteral("created_at")));
    return !out->name.isEmpty();
}

QJsonObject toJson(const JournalEntry &e) {
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("transaction_id"), e.transactionId},
            {QStringLiteral("account_id"), e.accountId},
            {QStringLiteral("shard"), e.shard},
            {QStringLiteral("currency"), e.currency},
            {QStringLiteral("amount"), s64(e.amount)},
            {QStringLiteral("balance_after"), s64(e.balanceAfter)},
            {QStringLiteral("created_at"), e.createdAt}};
}

bool fromJson(const QJsonObject &o, JournalEntry *e) {
    e->id = i64(o.value(QStringLiteral("id")));
    e->transactionId = i64(o.value(QStringLiteral("transaction_id")));
    e->accountId = i64(o.value(QStringLiteral("account_id")));
    e->shard = int(o.value(QStringLiteral("shard")).toInteger());
    e->currency = o.value(QStringLiteral("currency")).toString();
    e->amount = i64(o.value(QStringLiteral("amount")));
    e->balanceAfter = i64(o.value(QStringLiteral("balance_after")));
    e->createdAt = i64(o.value(QStringLiteral("created_at")));
    return true;
}

namespace {
QJsonArray entriesJson(const QList<JournalEntry> &entries) {
    QJsonArray a;
    for (const JournalEntry &e : entries)
        a.append(toJson(e));
    return a;
}
QList<JournalEntry> entriesFrom(const QJsonValue &v) {
    QList<JournalEntry> out;
    const QJsonArray array = v.toArray();
    for (const auto &e : array) {
        JournalEntry j;
        fromJson(e.toObject(), &j);
        out << j;
    }
    return out;
}
} // namespace

QJsonObject toJson(const PostingResult &r) {
    QJsonObject o{{QStringLiteral("status"), r.status == PostingResult::Status::Posted
                                                 ? QStringLiteral("posted")
                                                 : QStringLiteral("pending")},
                  {QStringLiteral("transaction_id"), r.transactionId},
                  {QStringLiteral("approval_id"), r.approvalId},
                  {QStringLiteral("replayed"), r.replayed},
                  {QStringLiteral("entries"), entriesJson(r.entries)}};
    if (r.dryRun) // only then: the answer of a real posting keeps the shape it always had
        o.insert(QStringLiteral("dry_run"), true);
    return o;
}

bool fromJson(const QJsonObject &o, PostingResult *r) {
    r->status = o.value(QStringLiteral("status")).toString() == u"pending" ? PostingResult::Status::Pending
                                                                           : PostingResult::Status::Posted;
    r->transactionId = i64(o.value(QStringLiteral("transaction_id")));
    r->approvalId = i64(o.value(QStringLiteral("approval_id")));
    r->replayed = o.value(QStringLiteral("replayed")).toBool();
    r->dryRun = o.value(QStringLiteral("dry_run")).toBool();
    r->entries = entriesFrom(o.value(QStringLiteral("entries")));
    return o.contains(QStringLiteral("status"));
}

QJsonObject toJson(const JournalTransaction &t) {
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("kind"), kindName(t.kind)},
            {QStringLiteral("idempotency_key"), t.idempotencyKey},
            {QStringLiteral("operator"), t.operatorName},
            {QStringLiteral("origin"), t.origin},
            {QStringLiteral("created_at"), t.createdAt},
            {QStringLiteral("reverses_id"), t.reversesId},
            {QStringLiteral("reversed_by_id"), t.reversedById},
            {QStringLiteral("approval_id"), t.approvalId},
            {QStringLiteral("reason"), t.reasonCode},
            {QStringLiteral("ticket"), t.ticketRef},
            {QStringLiteral("memo"), t.memo},
            {QStringLiteral("entries"), entriesJson(t.entries)}};
}

bool fromJson(const QJsonObject &o, JournalTransaction *t) {
    t->id = i64(o.value(QStringLiteral("id")));
    t->kind = kindFromName(o.value(QStringLiteral("kind")).toString()).value_or(TransactionKind::Deposit);
    t->idempotencyKey = o.value(QStringLiteral("idempotency_key")).toString();
    t->operatorName = o.value(QStringLiteral("operator")).toString();
    t->origin = o.value(QStringLiteral("origin")).toString();
    t->createdAt = i64(o.value(QStringLiteral("created_at")));
    t->reversesId = i64(o.value(QStringLiteral("reverses_id")));
    t->reversedById = i64(o.value(QStringLiteral("reversed_by_id")));
    t->approvalId = i64(o.value(QStringLiteral("approval_id")));
    t->reasonCode = o.value(QStringLiteral("reason")).toString();
    t->ticketRef = o.value(QStringLiteral("ticket")).toString();
    t->memo = o.value(QStringLiteral("memo")).toString();
    t->entries = entriesFrom(o.value(QStringLiteral("entries")));
    return t->id > 0;
}

QJsonObject toJson(const VerifyReport &v) {
    return {{QStringLiteral("ok"), v.ok},
            {QStringLiteral("transactions"), v.transactions},
            {QStringLiteral("entries"), v.entries},
            {QStringLiteral("audit_records"), v.auditRecords},
            {QStringLiteral("accounts"), v.accounts},
            {QStringLiteral("rollups"), v.rollups},
            {QStringLiteral("first_problem"), v.firstProblem},
            {QStringLiteral("digest"), v.digest}};
}

bool fromJson(const QJsonObject &o, VerifyReport *v) {
    v->ok = o.value(QStringLiteral("ok")).toBool();
    v->transactions = i64(o.value(QStringLiteral("transactions")));
    v->entries = i64(o.value(QStringLiteral("entries")));
    v->auditRecords = i64(o.value(QStringLiteral("audit_records")));
    v->accounts = i64(o.value(QStringLiteral("accounts")));
    v->rollups = i64(o.value(QStringLiteral("rollups")));
    v->firstProblem = o.value(QStringLiteral("first_problem")).toString();
    v->digest = o.value(QStringLiteral("digest")).toString();
    return o.contains(QStringLiteral("ok"));
}

namespace {

QString isoDay(qint64 dayStartMs) {
    return QDateTime::fromMSecsSinceEpoch(dayStartMs, Qt::UTC).date().toString(Qt::ISODate);
}

QJsonObject byKind(const QMap<TransactionKind, qint64> &amounts) {
    QJsonObject o;
    for (auto it = amounts.cbegin(); it != amounts.cend(); ++it)
        o.insert(kindName(it.key()), s64(it.value()));
    return o;
}

bool byKindFromJson(const QJsonValue &v, QMap<TransactionKind, qint64> *out) {
    if (!v.isObject())
        return false;
    const QJsonObject o = v.toObject();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        const auto kind = kindFromName(it.key());
        if (!kind)
            return false;
        out->insert(*kind, i64(it.value()));
    }
    return true;
}

/// A ratio in millionths as a decimal string ("0.412345"): exact, where a JSON number would be a double.
QString millionths(qint64 m) {
    const QString sign = m < 0 ? QStringLiteral("-") : QString();
    const qint64 a = m < 0 ? -m : m;
    return sign + QString::number(a / 1000000) + u'.' +
           QStringLiteral("%1").arg(a % 1000000, 6, 10, QChar(u'0'));
}

qint64 fromMillionths(const QJsonValue &v) {
    const QString text = v.toString();
    const bool negative = text.startsWith(u'-');
    const QStringList parts = text.mid(negative ? 1 : 0).split(u'.');
    if (parts.size() != 2 || parts.at(1).size() != 6)
        return 0;
    const qint64 m = parts.at(0).toLongLong() * 1000000 + parts.at(1).toLongLong();
    return negative ? -m : m;
}

} // namespace

QJsonObject toJson(const EconomyReport &r) {
    QJsonArray days;
    for (const EconomyDay &d : r.days)
        days.append(QJsonObject{{QStringLiteral("day"), isoDay(d.dayStartMs)},
                                {QStringLiteral("day_start"), d.dayStartMs},
                                {QStringLiteral("holdings"), s64(d.holdings)},
                                {QStringLiteral("player_change"), s64(d.playerChange)},
                                {QStringLiteral("sources"), byKind(d.sources)},
                                {QStringLiteral("sinks"), byKind(d.sinks)},
                                {QStringLiteral("active_players"), d.activePlayers},
                                {QStringLiteral("active_balance"), s64(d.activeBalance)}});
    QJsonArray system;
    for (const SystemAccountSeries &s : r.systemAccounts) {
        QJsonArray points;
        for (const BalancePoint &p : s.days)
            points.append(toJson(p));
        system.append(QJsonObject{{QStringLiteral("id"), s.accountId},
                                  {QStringLiteral("name"), s.name},
                                  {QStringLiteral("points"), points}});
    }
    return {{QStringLiteral("currency"), r.currency},
            {QStringLiteral("exponent"), r.exponent},
            {QStringLiteral("from"), r.fromMs},
            {QStringLiteral("to"), r.toMs},
            {QStringLiteral("opening_holdings"), s64(r.openingHoldings)},
            {QStringLiteral("days"), days},
            {QStringLiteral("system_accounts"), system}};
}

bool fromJson(const QJsonObject &o, EconomyReport *r) {
    r->currency = o.value(QStringLiteral("currency")).toString();
    r->exponent = o.value(QStringLiteral("exponent")).toInt();
    r->fromMs = i64(o.value(QStringLiteral("from")));
    r->toMs = i64(o.value(QStringLiteral("to")));
    r->openingHoldings = i64(o.value(QStringLiteral("opening_holdings")));
    if (!o.value(QStringLiteral("days")).isArray() || !o.value(QStringLiteral("system_accounts")).isArray())
        return false;
    const QJsonArray days = o.value(QStringLiteral("days")).toArray();
    for (const auto &v : days) {
        const QJsonObject d = v.toObject();
        EconomyDay day;
        day.dayStartMs = i64(d.value(QStringLiteral("day_start")));
        day.holdings = i64(d.value(QStringLiteral("holdings")));
        day.playerChange = i64(d.value(QStringLiteral("player_change")));
        day.activePlayers = i64(d.value(QStringLiteral("active_players")));
        day.activeBalance = i64(d.value(QStringLiteral("active_balance")));
        if (!byKindFromJson(d.value(QStringLiteral("sources")), &day.sources) ||
            !byKindFromJson(d.value(QStringLiteral("sinks")), &day.sinks))
            return false;
        r->days << day;
    }
    const QJsonArray systemAccounts = o.value(QStringLiteral("system_accounts")).toArray();
    for (const auto &v : systemAccounts) {
        const QJsonObject s = v.toObject();
        SystemAccountSeries series{
            i64(s.value(QStringLiteral("id"))), s.value(QStringLiteral("name")).toString(), {}};
        const QJsonArray points = s.value(QStringLiteral("points")).toArray();
        for (const auto &p : points) {
            BalancePoint point;
            fromJson(p.toObject(), &point);
            series.days << point;
        }
        r->systemAccounts << series;
    }
    return !r->currency.isEmpty();
}

QJsonObject toJson(const BalanceDistribution &d) {
    QJsonArray bins, holders;
    for (const BalanceBin &b : d.bins)
        bins.append(QJsonObject{{QStringLiteral("lower"), s64(b.lower)},
                                {QStringLiteral("upper"), s64(b.upper)},
                                {QStringLiteral("count"), b.count},
                                {QStringLiteral("total"), s64(b.total)}});
    for (const TopHolder &h : d.topHolders)
        holders.append(QJsonObject{{QStringLiteral("account_id"), h.accountId},
                                   {QStringLiteral("player_ref"), h.playerRef},
                                   {QStringLiteral("name"), h.name},
                                   {QStringLiteral("balance"), s64(h.balance)}});
    return {{QStringLiteral("currency"), d.currency},
            {QStringLiteral("exponent"), d.exponent},
            {QStringLiteral("players"), d.players},
            {QStringLiteral("total"), s64(d.total)},
            {QStringLiteral("zero_count"), d.zeroCount},
            {QStringLiteral("negative_count"), d.negativeCount},
            {QStringLiteral("negative_total"), s64(d.negativeTotal)},
            {QStringLiteral("histogram"), bins},
            {QStringLiteral("top1_total"), s64(d.top1Total)},
            {QStringLiteral("top10_total"), s64(d.top10Total)},
            {QStringLiteral("top1_share"), millionths(d.shareMillionths(d.top1Total))},
            {QStringLiteral("top10_share"), millionths(d.shareMillionths(d.top10Total))},
            {QStringLiteral("gini"), millionths(d.giniMillionths)},
            {QStringLiteral("top_holders"), holders}};
}

bool fromJson(const QJsonObject &o, BalanceDistribution *d) {
    d->currency = o.value(QStringLiteral("currency")).toString();
    d->exponent = o.value(QStringLiteral("exponent")).toInt();
    d->players = i64(o.value(QStringLiteral("players")));
    d->total = i64(o.value(QStringLiteral("total")));
    d->zeroCount = i64(o.value(QStringLiteral("zero_count")));
    d->negativeCount = i64(o.value(QStringLiteral("negative_count")));
    d->negativeTotal = i64(o.value(QStringLiteral("negative_total")));
    d->top1Total = i64(o.value(QStringLiteral("top1_total")));
    d->top10Total = i64(o.value(QStringLiteral("top10_total")));
    d->giniMillionths = fromMillionths(o.value(QStringLiteral("gini")));
    const QJsonArray histogram = o.value(QStringLiteral("histogram")).toArray();
    for (const auto &v : histogram) {
        const QJsonObject b = v.toObject();
        d->bins << BalanceBin{i64(b.value(QStringLiteral("lower"))), i64(b.value(QStringLiteral("upper"))),
                              i64(b.value(QStringLiteral("count"))), i64(b.value(QStringLiteral("total")))};
    }
    const QJsonArray topHolders = o.value(QStringLiteral("top_holders")).toArray();
    for (const auto &v : topHolders) {
        const QJsonObject h = v.toObject();
        d->topHolders << TopHolder{
            i64(h.value(QStringLiteral("account_id"))), h.value(QStringLiteral("player_ref")).toString(),
            h.value(QStringLiteral("name")).toString(), i64(h.value(QStringLiteral("balance")))};
    }
    return !d->currency.isEmpty();
}

} // namespace ApiCodec

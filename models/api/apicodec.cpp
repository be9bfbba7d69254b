#include "apicodec.h"

#include "apijson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace ApiCodec {

namespace {

constexpr qsizetype MaxText = 2000;

/// Reads members of a request object, naming the member in every message.
class Fields {
public:
    Fields(const ApiJson &object, QString *error)
        : m_o(object)
        , m_error(error) {}

    bool text(const QString &name, bool required, QString *out, qsizetype maxLength = MaxText) {
        const ApiJson *v = m_o.member(name);
        if (!v || v->type() == ApiJson::Type::Null)
            return required ? fail(QStringLiteral("%1 is required").arg(name)) : true;
        if (v->type() != ApiJson::Type::String)
            return fail(
                QStringLiteral("%1 must be a string, not %2").arg(name, ApiJson::typeName(v->type())));
        if (v->text().size() > maxLength)
            return fail(QStringLiteral("%1 is longer than %2 characters").arg(name).arg(maxLength));
        *out = v->text();
        return true;
    }

    /// A whole number written as a JSON integer or as a string of digits (amounts travel as strings).
    bool integer(const QString &name, bool required, qint64 *out) {
        const ApiJson *v = m_o.member(name);
        if (!v || v->type() == ApiJson::Type::Null)
            return required ? fail(QStringLiteral("%1 is required").arg(name)) : true;
        if (v->type() != ApiJson::Type::String && v->type() != ApiJson::Type::Number)
            return fail(
                QStringLiteral("%1 must be an integer, not %2").arg(name, ApiJson::typeName(v->type())));
        const auto n = parseInteger(v->text());
        if (!n)
            return fail(QStringLiteral("%1 must be a whole number in the 64-bit range, not \"%2\"")
                            .arg(name, v->text().left(40)));
        *out = *n;
        return true;
    }

    bool boolean(const QString &name, bool *out) {
        const ApiJson *v = m_o.member(name);
        if (!v || v->type() == ApiJson::Type::Null)
            return true;
        if (v->type() != ApiJson::Type::Bool)
            return fail(
                QStringLiteral("%1 must be true or false, not %2").arg(name, ApiJson::typeName(v->type())));
        *out = v->boolValue();
        return true;
    }

    static std::optional<qint64> parseInteger(const QString &text) {
        // Digits with an optional minus; no '+', blanks, fraction or exponent.
        if (text.isEmpty() || text.size() > 20)
            return std::nullopt;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (!(c.isDigit() && c.unicode() < 128) && !(i == 0 && c == u'-' && text.size() > 1))
                return std::nullopt;
        }
        bool ok = false;
        const qint64 n = text.toLongLong(&ok);
        return ok ? std::optional<qint64>(n) : std::nullopt;
    }

private:
    bool fail(const QString &message) {
        *m_error = message;
        return false;
    }
    const ApiJson &m_o;
    QString *m_error;
};

std::optional<ApiJson> object(const QByteArray &body, QString *error, bool emptyIsEmptyObject = false) {
    if (emptyIsEmptyObject && body.trimmed().isEmpty())
        return ApiJson::parse(QByteArrayLiteral("{}"), error);
    auto doc = ApiJson::parse(body, error);
    if (doc && !doc->isObject()) {
        *error = QStringLiteral("the request body must be a JSON object");
        return std::nullopt;
    }
    return doc;
}

qint64 i64(const QJsonValue &v) {
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().toLongLong(&ok);
        return ok ? n : 0;
    }
    return v.toInteger();
}

QString s64(qint64 n) {
    return QString::number(n);
}

std::optional<AccountState> stateFromName(const QString &name) {
    for (AccountState s : {AccountState::Active, AccountState::Frozen, AccountState::Closed})
        if (accountStateName(s) == name)
            return s;
    return std::nullopt;
}

struct SortName {
    AccountQuery::Sort sort;
    const char16_t *name;
};
constexpr SortName kSorts[] = {
    {AccountQuery::Sort::Id, u"id"},           {AccountQuery::Sort::PlayerRef, u"player"},
    {AccountQuery::Sort::Name, u"name"},       {AccountQuery::Sort::Currency, u"currency"},
    {AccountQuery::Sort::Balance, u"balance"}, {AccountQuery::Sort::Available, u"available"},
    {AccountQuery::Sort::State, u"state"},     {AccountQuery::Sort::LastActivity, u"last_activity"},
    {AccountQuery::Sort::Created, u"created"},
};

bool sortIsText(AccountQuery::Sort s) {
    return s == AccountQuery::Sort::PlayerRef || s == AccountQuery::Sort::Name ||
           s == AccountQuery::Sort::Currency || s == AccountQuery::Sort::State;
}

bool queryFlag(const QUrlQuery &q, const QString &name, bool *out, QString *error) {
    if (!q.hasQueryItem(name))
        return true;
    const QString v = q.queryItemValue(name);
    if (v == u"1" || v == u"true")
        *out = true;
    else if (v == u"0" || v == u"false")
        *out = false;
    else {
        *error = QStringLiteral("%1 must be true or false").arg(name);
        return false;
    }
    return true;
}

bool queryOptionalInt(const QUrlQuery &q, const QString &name, std::optional<qint64> *out, QString *error) {
    if (!q.hasQueryItem(name))
        return true;
    const auto n = Fields::parseInteger(q.queryItemValue(name, QUrl::FullyDecoded));
    if (!n) {
        *error = QStringLiteral("%1 must be a whole number").arg(name);
        return false;
    }
    *out = *n;
    return true;
}

} // namespace

int httpStatus(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return 400;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::PermissionDenied:
        return 403;
    case ErrorCode::InsufficientFunds:
    case ErrorCode::Overflow:
        return 422;
    case ErrorCode::AccountFrozen:
    case ErrorCode::AccountClosed:
    case ErrorCode::IdempotencyConflict:
    case ErrorCode::AlreadyReversed:
    case ErrorCode::StateConflict:
        return 409;
    case ErrorCode::SchemaTooNew:
    case ErrorCode::Database:
        return 503;
    }
    return 503;
}

std::optional<ErrorCode> errorCodeFromName(const QString &name) {
    for (ErrorCode c : {ErrorCode::InvalidArgument, ErrorCode::NotFound, ErrorCode::InsufficientFunds,
                        ErrorCode::AccountFrozen, ErrorCode::AccountClosed, ErrorCode::IdempotencyConflict,
                        ErrorCode::AlreadyReversed, ErrorCode::PermissionDenied, ErrorCode::Overflow,
                        ErrorCode::SchemaTooNew, ErrorCode::StateConflict, ErrorCode::Database})
        if (LedgerError::codeName(c) == name)
            return c;
    return std::nullopt;
}

QJsonObject toJson(const LedgerError &error) {
    return {{QStringLiteral("code"), LedgerError::codeName(error.code)},
            {QStringLiteral("message"), error.message}};
}

std::optional<LedgerError> errorFromJson(const QJsonObject &error) {
    const auto code = errorCodeFromName(error.value(QStringLiteral("code")).toString());
    if (!code)
        return std::nullopt;
    return LedgerError{*code, error.value(QStringLiteral("message")).toString()};
}

QByteArray errorBody(const LedgerError &error) {
    return QJsonDocument(QJsonObject{{QStringLiteral("error"), toJson(error)}})
        .toJson(QJsonDocument::Compact);
}

std::optional<LedgerError> errorFromBody(const QByteArray &body) {
    return errorFromJson(QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toObject());
}

bool decodeLogin(const QByteArray &body, QString *operatorName, QString *password, QString *error) {
    const auto o = object(body, error);
    if (!o)
        return false;
    Fields f(*o, error);
    return f.text(QStringLiteral("operator"), true, operatorName, 64) &&
           f.text(QStringLiteral("password"), true, password, 1024);
}

bool decodePosting(const QByteArray &body, const QString &idempotencyKey, PostingRequest *out,
                   QString *error) {
    const auto o = object(body, error);
    if (!o)
        return false;
    Fields f(*o, error);
    PostingRequest r;
    QString kind;
    if (!f.text(QStringLiteral("kind"), true, &kind, 32))
        return false;
    const auto k = kindFromName(kind);
    if (!k || *k == TransactionKind::Reversal) {
        *error =
            QStringLiteral("kind \"%1\" is not one of deposit, withdrawal, adjustment, transfer, purchase, "
                           "win, charge, bonus")
                .arg(kind.left(32));
        return false;
    }
    r.kind = *k;
    if (!f.integer(QStringLiteral("account"), true, &r.accountId) ||
        !f.integer(QStringLiteral("counter"), false, &r.counterAccountId) ||
        !f.integer(QStringLiteral("amount"), true, &r.amount) ||
        !f.integer(QStringLiteral("items"), false, &r.itemQuantity) ||
        !f.text(QStringLiteral("reason"), false, &r.reasonCode) ||
        !f.text(QStringLiteral("ticket"), false, &r.ticketRef) ||
        !f.text(QStringLiteral("memo"), false, &r.memo))
        return false;
    // The key (the Idempotency-Key header) is checked by the ledger, so a missing one gets the same message
    // as on a direct connection.
    r.idempotencyKey = idempotencyKey;
    *out = r;
    return true;
}

bool decodeReversal(const QByteArray &body, qint64 transactionId, const QString &idempotencyKey,
                    ReversalRequest *out, QString *error) {
    const auto o = object(body, error);
    if (!o)
        return false;
    Fields f(*o, error);
    ReversalRequest r;
    r.transactionId = transactionId;
    // reason and the key are checked by the ledger (same messages as on a direct connection).
    if (!f.text(QStringLiteral("reason"), false, &r.reason) || !f.boolean(QStringLiteral("force"), &r.force))
        return false;
    r.idempotencyKey = idempotencyKey;
    *out = r;
    return true;
}

bool decodeText(const QByteArray &body, const QString &field, QString *out, QString *error) {
    const auto o = object(body, error, true);
    if (!o)
        return false;
    return Fields(*o, error).text(field, false, out);
}

bool decodeNewAccount(const QByteArray &body, NewAccount *out, QString *error) {
    const auto o = object(body, error);
    if (!o)
        return false;
    Fields f(*o, error);
    NewAccount n;
    if (!f.text(QStringLiteral("currency"), true, &n.currency, 16) ||
        !f.text(QStringLiteral("player"), true, &n.playerRef, 64) ||
        !f.text(QStringLiteral("name"), false, &n.name) ||
        !f.boolean(QStringLiteral("allow_negative"), &n.allowNegative))
        return false;
    *out = n;
    return true;
}

bool queryInt(const QUrlQuery &q, const QString &name, qint64 min, qint64 max, qint64 fallback, qint64 *out,
              QString *error) {
    if (!q.hasQueryItem(name)) {
        *out = fallback;
        return true;
    }
    const auto n = Fields::parseInteger(q.queryItemValue(name, QUrl::FullyDecoded));
    if (!n || *n < min || *n > max) {
        *error = QStringLiteral("%1 must be a whole number from %2 to %3").arg(name).arg(min).arg(max);
        return false;
    }
    *out = *n;
    return true;
}

std::optional<qint64> pathId(const QString &segment) {
    const auto n = Fields::parseInteger(segment);
    if (!n || *n <= 0)
        return std::nullopt;
    return n;
}

bool decodeAccountWindow(const QUrlQuery &q, AccountWindow *out, QString *error) {
    AccountWindow w;
    w.query.search = q.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded).left(200);
    w.query.currency = q.queryItemValue(QStringLiteral("currency"), QUrl::FullyDecoded).left(16);
    if (q.hasQueryItem(QStringLiteral("state"))) {
        const auto s = stateFromName(q.queryItemValue(QStringLiteral("state")));
        if (!s) {
            *error = QStringLiteral("state must be active, frozen or closed");
            return false;
        }
        w.query.state = s;
    }
    if (!queryOptionalInt(q, QStringLiteral("min_balance"), &w.query.minBalance, error) ||
        !queryOptionalInt(q, QStringLiteral("max_balance"), &w.query.maxBalance, error) ||
        !queryFlag(q, QStringLiteral("system"), &w.query.includeSystem, error) ||
        !queryFlag(q, QStringLiteral("desc"), &w.query.descending, error))
        return false;
    if (q.hasQueryItem(QStringLiteral("sort"))) {
        const QString name = q.queryItemValue(QStringLiteral("sort"));
        bool found = false;
        for (const SortName &s : kSorts)
            if (name == QStringView(s.name)) {
                w.query.sort = s.sort;
                found = true;
            }
        if (!found) {
            *error =
                QStringLiteral("sort must be one of id, player, name, currency, balance, available, state, "
                               "last_activity, created");
            return false;
        }
    }
    qint64 limit = 0;
    if (!queryInt(q, QStringLiteral("offset"), 0, std::numeric_limits<qint64>::max(), 0, &w.offset, error) ||
        !queryInt(q, QStringLiteral("limit"), 1, 1000, 100, &limit, error) ||
        !queryInt(q, QStringLiteral("total"), -1, std::numeric_limits<qint64>::max(), -1, &w.total, error))
        return false;
    w.limit = int(limit);
    if (q.hasQueryItem(QStringLiteral("after_id"))) {
        qint64 id = 0;
        if (!queryInt(q, QStringLiteral("after_id"), 1, std::numeric_limits<qint64>::max(), 0, &id, error))
            return false;
        AccountKey key;
        key.id = id;
        if (!q.hasQueryItem(QStringLiteral("after_value"))) {
            *error = QStringLiteral("after_value is required with after_id");
            return false;
        }
        const QString value = q.queryItemValue(QStringLiteral("after_value"), QUrl::FullyDecoded);
        if (sortIsText(w.query.sort)) {
            key.sortValue = value;
        } else {
            const auto n = Fields::parseInteger(value);
            if (!n) {
                *error = QStringLiteral("after_value must be a whole number for this sort");
                return false;
            }
            key.sortValue = *n;
        }
        w.after = key;
    }
    *out = w;
    return true;
}

QUrlQuery encodeAccountWindow(const AccountWindow &w) {
    QUrlQuery q;
    const AccountQuery &a = w.query;
    if (!a.search.isEmpty())
        q.addQueryItem(QStringLiteral("search"), QString::fromLatin1(QUrl::toPercentEncoding(a.search)));
    if (a.state)
        q.addQueryItem(QStringLiteral("state"), accountStateName(*a.state));
    if (!a.currency.isEmpty())
        q.addQueryItem(QStringLiteral("currency"), QString::fromLatin1(QUrl::toPercentEncoding(a.currency)));
    if (a.minBalance)
        q.addQueryItem(QStringLiteral("min_balance"), s64(*a.minBalance));
    if (a.maxBalance)
        q.addQueryItem(QStringLiteral("max_balance"), s64(*a.maxBalance));
    if (a.includeSystem)
        q.addQueryItem(QStringLiteral("system"), QStringLiteral("1"));
    if (a.descending)
        q.addQueryItem(QStringLiteral("desc"), QStringLiteral("1"));
    for (const SortName &s : kSorts)
        if (s.sort == a.sort && s.sort != AccountQuery::Sort::Id)
            q.addQueryItem(QStringLiteral("sort"), QString::fromUtf16(s.name));
    q.addQueryItem(QStringLiteral("offset"), s64(w.offset));
    q.addQueryItem(QStringLiteral("limit"), s64(w.limit));
    if (w.total >= 0)
        q.addQueryItem(QStringLiteral("total"), s64(w.total));
    if (w.after) {
        q.addQueryItem(QStringLiteral("after_id"), s64(w.after->id));
        const QString v = w.after->sortValue.typeId() == QMetaType::QString
                              ? w.after->sortValue.toString()
                              : s64(w.after->sortValue.toLongLong());
        q.addQueryItem(QStringLiteral("after_value"), QString::fromLatin1(QUrl::toPercentEncoding(v)));
    }
    return q;
}

bool decodeJournalQuery(const QUrlQuery &q, JournalQuery *query, qint64 *before, int *limit, QString *error) {
    JournalQuery j;
    if (q.hasQueryItem(QStringLiteral("kind"))) {
        const auto k = kindFromName(q.queryItemValue(QStringLiteral("kind")));
        if (!k) {
            *error = QStringLiteral("kind is not a transaction kind");
            return false;
        }
        j.kind = k;
    }
    j.operatorName = q.queryItemValue(QStringLiteral("operator"), QUrl::FullyDecoded).left(64);
    qint64 lim = 0;
    if (!queryInt(q, QStringLiteral("from"), 0, std::numeric_limits<qint64>::max(), 0, &j.fromMs, error) ||
        !queryInt(q, QStringLiteral("to"), 0, std::numeric_limits<qint64>::max(), 0, &j.toMs, error) ||
        !queryOptionalInt(q, QStringLiteral("min_amount"), &j.minAmount, error) ||
        !queryOptionalInt(q, QStringLiteral("max_amount"), &j.maxAmount, error) ||
        !queryFlag(q, QStringLiteral("system"), &j.includeSystem, error) ||
        !queryInt(q, QStringLiteral("before"), 0, std::numeric_limits<qint64>::max(), 0, before, error) ||
        !queryInt(q, QStringLiteral("limit"), 1, 1000, 100, &lim, error))
        return false;
    *limit = int(lim);
    *query = j;
    return true;
}

QUrlQuery encodeJournalQuery(const JournalQuery &j, qint64 before, int limit) {
    QUrlQuery q;
    if (j.kind)
        q.addQueryItem(QStringLiteral("kind"), kindName(*j.kind));
    if (!j.operatorName.isEmpty())
        q.addQueryItem(QStringLiteral("operator"),
                       QString::fromLatin1(QUrl::toPercentEncoding(j.operatorName)));
    if (j.fromMs)
        q.addQueryItem(QStringLiteral("from"), s64(j.fromMs));
    if (j.toMs)
        q.addQueryItem(QStringLiteral("to"), s64(j.toMs));
    if (j.minAmount)
        q.addQueryItem(QStringLiteral("min_amount"), s64(*j.minAmount));
    if (j.maxAmount)
        q.addQueryItem(QStringLiteral("max_amount"), s64(*j.maxAmount));
    if (j.includeSystem)
        q.addQueryItem(QStringLiteral("system"), QStringLiteral("1"));
    q.addQueryItem(QStringLiteral("before"), s64(before));
    q.addQueryItem(QStringLiteral("limit"), s64(limit));
    return q;
}

QByteArray encodePosting(const PostingRequest &r) {
    QJsonObject o{{QStringLiteral("kind"), kindName(r.kind)},
                  {QStringLiteral("account"), r.accountId},
                  {QStringLiteral("amount"), s64(r.amount)}};
    if (r.counterAccountId)
        o.insert(QStringLiteral("counter"), r.counterAccountId);
    if (r.itemQuantity)
        o.insert(QStringLiteral("items"), s64(r.itemQuantity));
    o.insert(QStringLiteral("reason"), r.reasonCode);
    o.insert(QStringLiteral("ticket"), r.ticketRef);
    o.insert(QStringLiteral("memo"), r.memo);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

// --- values

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
    QJsonObject request = QJsonDocument::fromJson(encodePosting(a.request)).object();
    request.insert(QStringLiteral("idempotency_key"), a.request.idempotencyKey);
    return {{QStringLiteral("id"), a.id},
            {QStringLiteral("state"), Approval::stateName(a.state)},
            {QStringLiteral("request"), request},
            {QStringLiteral("hold_amount"), s64(a.holdAmount)},
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
    const QJsonObject r = o.value(QStringLiteral("request")).toObject();
    PostingRequest p;
    p.kind = kindFromName(r.value(QStringLiteral("kind")).toString()).value_or(TransactionKind::Deposit);
    p.idempotencyKey = r.value(QStringLiteral("idempotency_key")).toString();
    p.accountId = i64(r.value(QStringLiteral("account")));
    p.counterAccountId = i64(r.value(QStringLiteral("counter")));
    p.amount = i64(r.value(QStringLiteral("amount")));
    p.itemQuantity = i64(r.value(QStringLiteral("items")));
    p.reasonCode = r.value(QStringLiteral("reason")).toString();
    p.ticketRef = r.value(QStringLiteral("ticket")).toString();
    p.memo = r.value(QStringLiteral("memo")).toString();
    a->request = p;
    a->holdAmount = i64(o.value(QStringLiteral("hold_amount")));
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
    for (const QJsonValue &e : v.toArray()) {
        JournalEntry j;
        fromJson(e.toObject(), &j);
        out << j;
    }
    return out;
}
} // namespace

QJsonObject toJson(const PostingResult &r) {
    return {{QStringLiteral("status"), r.status == PostingResult::Status::Posted ? QStringLiteral("posted")
                                                                                 : QStringLiteral("pending")},
            {QStringLiteral("transaction_id"), r.transactionId},
            {QStringLiteral("approval_id"), r.approvalId},
            {QStringLiteral("replayed"), r.replayed},
            {QStringLiteral("entries"), entriesJson(r.entries)}};
}

bool fromJson(const QJsonObject &o, PostingResult *r) {
    r->status = o.value(QStringLiteral("status")).toString() == u"pending" ? PostingResult::Status::Pending
                                                                           : PostingResult::Status::Posted;
    r->transactionId = i64(o.value(QStringLiteral("transaction_id")));
    r->approvalId = i64(o.value(QStringLiteral("approval_id")));
    r->replayed = o.value(QStringLiteral("replayed")).toBool();
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
    for (const QJsonValue &v : o.value(QStringLiteral("days")).toArray()) {
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
    for (const QJsonValue &v : o.value(QStringLiteral("system_accounts")).toArray()) {
        const QJsonObject s = v.toObject();
        SystemAccountSeries series{
            i64(s.value(QStringLiteral("id"))), s.value(QStringLiteral("name")).toString(), {}};
        for (const QJsonValue &p : s.value(QStringLiteral("points")).toArray()) {
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
    for (const QJsonValue &v : o.value(QStringLiteral("histogram")).toArray()) {
        const QJsonObject b = v.toObject();
        d->bins << BalanceBin{i64(b.value(QStringLiteral("lower"))), i64(b.value(QStringLiteral("upper"))),
                              i64(b.value(QStringLiteral("count"))), i64(b.value(QStringLiteral("total")))};
    }
    for (const QJsonValue &v : o.value(QStringLiteral("top_holders")).toArray()) {
        const QJsonObject h = v.toObject();
        d->topHolders << TopHolder{
            i64(h.value(QStringLiteral("account_id"))), h.value(QStringLiteral("player_ref")).toString(),
            h.value(QStringLiteral("name")).toString(), i64(h.value(QStringLiteral("balance")))};
    }
    return !d->currency.isEmpty();
}

} // namespace ApiCodec

#include "apicodec.h"

#include "apicodec_p.h"
#include "apijson.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace ApiCodec {

using Detail::s64;
using Detail::stateFromName;

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

namespace {

/// The one reader of a posting's JSON form (see toJson(PostingRequest)). `keyMember` names the member that
/// holds the idempotency key, or is empty when the key travels elsewhere (the Idempotency-Key header).
bool readPosting(const ApiJson &object, QStringView keyMember, PostingRequest *out, QString *error) {
    Fields f(object, error);
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
    if (!keyMember.isEmpty() && !f.text(keyMember.toString(), false, &r.idempotencyKey))
        return false;
    *out = r;
    return true;
}

} // namespace

bool decodePosting(const QByteArray &body, const QString &idempotencyKey, PostingRequest *out,
                   QString *error) {
    const auto o = object(body, error);
    if (!o || !readPosting(*o, {}, out, error))
        return false;
    // The key (the Idempotency-Key header) is checked by the ledger, so a missing one gets the same message
    // as on a direct connection.
    out->idempotencyKey = idempotencyKey;
    return true;
}

bool decodeKeyedPosting(const QByteArray &json, PostingRequest *out, QString *error) {
    const auto o = object(json, error);
    if (!o)
        return false;
    // Approvals stored before this form was the only one named their key "key".
    const QStringView member = o->member(QStringLiteral("idempotency_key")) ? u"idempotency_key" : u"key";
    return readPosting(*o, member, out, error);
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
    // min_amount and max_amount count in this currency's minor units; without it the ledger ignores them.
    j.currency = q.queryItemValue(QStringLiteral("currency"), QUrl::FullyDecoded).left(16);
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
    if (!j.currency.isEmpty())
        q.addQueryItem(QStringLiteral("currency"), QString::fromLatin1(QUrl::toPercentEncoding(j.currency)));
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
    QJsonObject o = toJson(r);
    o.remove(QStringLiteral("idempotency_key")); // it travels in the Idempotency-Key header
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray encodeKeyedPosting(const PostingRequest &r) {
    return QJsonDocument(toJson(r)).toJson(QJsonDocument::Compact);
}

} // namespace ApiCodec

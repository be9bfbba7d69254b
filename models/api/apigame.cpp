#include "apigame.h"

#include "apijson.h"
#include "money.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ApiGame {

namespace {

/// Digits only, no leading zero (the text is written back into JSON answers as a number), at most 19.
bool isInteger(const QString &t) {
    if (t.isEmpty() || t.size() > 19 || (t.size() > 1 && t.front() == u'0'))
        return false;
    for (QChar c : t)
        if (c.unicode() < u'0' || c.unicode() > u'9')
            return false;
    return true;
}

} // namespace

std::optional<qint64> unitsToMinor(const QString &text, int exponent, QString *error, const QString &field) {
    QString t = text;
    const qsizetype dot = t.indexOf(u'.');
    if (dot >= 0) {
        // Trailing zeros say nothing about the value: 1.00 GOLD (exponent 0) is exactly 1.
        while (t.size() - dot - 1 > exponent && t.endsWith(u'0'))
            t.chop(1);
        if (t.endsWith(u'.'))
            t.chop(1);
    }
    // A negative zero ("-0", "-0.00") is zero; Money::parse refuses it as a canonical form.
    if (t.startsWith(u'-') && t.size() > 1 &&
        std::all_of(t.cbegin() + 1, t.cend(), [](QChar c) { return c == u'0' || c == u'.'; }))
        t.remove(0, 1);
    const Money::ParseResult r = Money::parse(t, exponent);
    if (!r.ok()) {
        *error = QStringLiteral("%1 is not a valid amount: %2").arg(field, r.error);
        return std::nullopt;
    }
    return r.minor;
}

QByteArray minorToUnits(qint64 minor, int exponent) {
    return Money::format(minor, exponent).toLatin1();
}

bool decodeEvent(const QByteArray &body, const QString &idField, int exponent, Event *out, QString *error) {
    const auto doc = ApiJson::parse(body, error);
    if (!doc)
        return false;
    if (!doc->isObject()) {
        *error = QStringLiteral("the request body must be a JSON object");
        return false;
    }
    Event e;
    const ApiJson *user = doc->member(QStringLiteral("UserId"));
    if (!user || user->type() == ApiJson::Type::Null) {
        *error = QStringLiteral("UserId is required");
        return false;
    }
    if (user->type() != ApiJson::Type::Number || !isInteger(user->text())) {
        *error = QStringLiteral("UserId must be a non-negative integer");
        return false;
    }
    e.userId = user->text();
    const ApiJson *id = doc->member(idField);
    if (!id || id->type() == ApiJson::Type::Null) {
        *error = QStringLiteral("%1 is required").arg(idField);
        return false;
    }
    if (!(id->type() == ApiJson::Type::Number && isInteger(id->text())) &&
        !(id->type() == ApiJson::Type::String && !id->text().isEmpty() && id->text().size() <= 100)) {
        *error = QStringLiteral("%1 must be a non-negative integer").arg(idField);
        return false;
    }
    e.eventId = id->text();
    const ApiJson *amount = doc->member(QStringLiteral("Amount"));
    if (!amount || amount->type() == ApiJson::Type::Null) {
        *error = QStringLiteral("Amount is required");
        return false;
    }
    if (amount->type() != ApiJson::Type::Number) {
        *error = QStringLiteral("Amount must be a number");
        return false;
    }
    const auto minor = unitsToMinor(amount->text(), exponent, error, QStringLiteral("Amount"));
    if (!minor)
        return false;
    e.amount = *minor;
    *out = e;
    return true;
}

bool decodeWalletParams(const QUrlQuery &query, const QString &idName, bool needAmount, int exponent,
                        WalletParams *out, QString *error) {
    WalletParams p;
    auto value = [&](const QString &name) { return query.queryItemValue(name, QUrl::FullyDecoded); };
    if (!query.hasQueryItem(idName) || value(idName).isEmpty()) {
        *error = QStringLiteral("%1 is required").arg(idName);
        return false;
    }
    p.walletId = value(idName);
    if (!isInteger(p.walletId)) {
        *error = QStringLiteral("%1 must be a non-negative integer").arg(idName);
        return false;
    }
    p.source = value(QStringLiteral("txn_source")).left(100);
    p.type = value(QStringLiteral("txn_type")).left(100);
    p.date = value(QStringLiteral("txn_date")).left(100);
    if (needAmount) {
        p.ref = value(QStringLiteral("txn_ref"));
        if (p.ref.isEmpty()) {
            *error = QStringLiteral("txn_ref is required");
            return false;
        }
        if (p.ref.size() > 150) {
            *error = QStringLiteral("txn_ref is longer than 150 characters");
            return false;
        }
        if (!query.hasQueryItem(QStringLiteral("txn_amount"))) {
            *error = QStringLiteral("txn_amount is required");
            return false;
        }
        const auto minor =
            unitsToMinor(value(QStringLiteral("txn_amount")), exponent, error, QStringLiteral("txn_amount"));
        if (!minor)
            return false;
        if (*minor <= 0) {
            *error = QStringLiteral("txn_amount must be greater than zero");
            return false;
        }
        p.amount = *minor;
    }
    *out = p;
    return true;
}

QByteArray jsonString(const QString &text) {
    QByteArray a = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

} // namespace ApiGame

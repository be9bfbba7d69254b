#include "postingrequest.h"

#include <QJsonDocument>
#include <QJsonObject>

QByteArray PostingRequest::canonical() const {
    // Length-prefixed fields: no separator can be forged by a field's content. Built straight into one buffer
    // (every posting computes it, for its idempotency fingerprint); numbers are the same decimal text as
    // QString::number, so fingerprints stored earlier still match.
    QByteArray out;
    out.reserve(96 + reasonCode.size() + ticketRef.size() + memo.size());
    auto field = [&out](QByteArrayView utf8) {
        out.append(QByteArray::number(utf8.size())).append(':').append(utf8).append(';');
    };
    field(kindName(kind).toUtf8());
    field(QByteArray::number(accountId));
    field(QByteArray::number(counterAccountId));
    field(QByteArray::number(amount));
    field(QByteArray::number(itemQuantity));
    field(reasonCode.toUtf8());
    field(ticketRef.toUtf8());
    field(memo.toUtf8());
    return out;
}

QByteArray PostingRequest::toJson() const {
    // Amounts travel as strings: JSON numbers are doubles in most readers.
    QJsonObject o{{QStringLiteral("kind"), kindName(kind)},
                  {QStringLiteral("key"), idempotencyKey},
                  {QStringLiteral("account"), QString::number(accountId)},
                  {QStringLiteral("counter"), QString::number(counterAccountId)},
                  {QStringLiteral("amount"), QString::number(amount)},
                  {QStringLiteral("items"), QString::number(itemQuantity)},
                  {QStringLiteral("reason"), reasonCode},
                  {QStringLiteral("ticket"), ticketRef},
                  {QStringLiteral("memo"), memo}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

bool PostingRequest::fromJson(const QByteArray &json, PostingRequest *out) {
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    const auto kind = kindFromName(o.value(QStringLiteral("kind")).toString());
    bool ok1, ok2, ok3, ok4;
    PostingRequest r;
    r.idempotencyKey = o.value(QStringLiteral("key")).toString();
    r.accountId = o.value(QStringLiteral("account")).toString().toLongLong(&ok1);
    r.counterAccountId = o.value(QStringLiteral("counter")).toString().toLongLong(&ok2);
    r.amount = o.value(QStringLiteral("amount")).toString().toLongLong(&ok3);
    r.itemQuantity = o.value(QStringLiteral("items")).toString().toLongLong(&ok4);
    r.reasonCode = o.value(QStringLiteral("reason")).toString();
    r.ticketRef = o.value(QStringLiteral("ticket")).toString();
    r.memo = o.value(QStringLiteral("memo")).toString();
    if (!kind || !ok1 || !ok2 || !ok3 || !ok4)
        return false;
    r.kind = *kind;
    *out = r;
    return true;
}

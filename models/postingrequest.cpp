#include "postingrequest.h"

#include <QJsonDocument>
#include <QJsonObject>

QByteArray PostingRequest::canonical() const {
    // Length-prefixed fields: no separator can be forged by a field's content.
    QByteArray out;
    auto field = [&out](const QString &s) {
        const QByteArray u = s.toUtf8();
        out += QByteArray::number(u.size()) + ':' + u + ';';
    };
    field(kindName(kind));
    field(QString::number(accountId));
    field(QString::number(counterAccountId));
    field(QString::number(amount));
    field(QString::number(itemQuantity));
    field(reasonCode);
    field(ticketRef);
    field(memo);
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

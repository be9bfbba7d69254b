#include "postingrequest.h"

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

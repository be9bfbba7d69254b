#include "apirequest.h"

QString ApiRequest::bearerToken() const {
    const QByteArray auth = header(QByteArrayLiteral("authorization")).trimmed();
    if (auth.size() > 7 && auth.left(7).toLower() == "bearer ")
        return QString::fromLatin1(auth.mid(7).trimmed());
    return {};
}

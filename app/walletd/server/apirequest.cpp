#include "apirequest.h"

#include "apicodec.h"

#include <QJsonDocument>

QString ApiRequest::bearerToken() const {
    const QByteArray auth = header(QByteArrayLiteral("authorization")).trimmed();
    if (auth.size() > 7 && auth.left(7).toLower() == "bearer ")
        return QString::fromLatin1(auth.mid(7).trimmed());
    return {};
}

ApiResponse ApiResponse::json(int status, const QJsonObject &body) {
    return ApiResponse{status,
                       QJsonDocument(body).toJson(QJsonDocument::Compact),
                       QByteArrayLiteral("application/json"),
                       {}};
}

ApiResponse ApiResponse::error(const LedgerError &error, int status) {
    return ApiResponse{status ? status : ApiCodec::httpStatus(error.code),
                       ApiCodec::errorBody(error),
                       QByteArrayLiteral("application/json"),
                       {}};
}

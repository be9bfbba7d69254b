#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>
#include <functional>

struct LedgerError;

/// One HTTP request as the API handlers see it: a copy, so that it outlives Qt's request object while the
/// answer is computed on a worker thread.
struct ApiRequest {
    QString method; ///< "GET", "POST", ...
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QByteArray body;
    QString origin; ///< the client's address

    QByteArray header(const QByteArray &lowerName) const { return headers.value(lowerName); }
    /// The token of "Authorization: Bearer TOKEN", or empty.
    QString bearerToken() const;
};

/// The answer to one request.
struct ApiResponse {
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QString principal; ///< for the access log: the operator or "service"; empty when anonymous

    /// A JSON object as the body.
    static ApiResponse json(int status, const QJsonObject &body);
    /// The admin API's error object {"error": {"code", "message"}}; `status` 0: the one the error's code maps
    /// to (ApiCodec::httpStatus, the one mapping from ledger errors to HTTP statuses).
    static ApiResponse error(const LedgerError &error, int status = 0);
};

/// Sends the answer. Called exactly once per request, on the server's thread.
using Respond = std::function<void(ApiResponse)>;

#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>
#include <optional>

/// Request decoding of the two game-server API families walletd speaks (../shared/compat-apis.md). Pure
/// functions of the request bytes, like ApiCodec, so the fuzz target drives them.
namespace ApiGame {

/// An amount written in currency units ("1.00", "10", "0.5") to minor units, exactly: trailing zeros beyond
/// the exponent are accepted (1.00 GOLD is 1), other digits beyond it are refused; no exponent notation.
std::optional<qint64> unitsToMinor(const QString &text, int exponent, QString *error, const QString &field);
/// Minor units as a JSON number in units: 900 at exponent 2 is "9.00".
QByteArray minorToUnits(qint64 minor, int exponent);

/// `POST /api/v1/charge` and `/api/v1/win`: {"UserId": 1, "EventId": 2, "Amount": 1.00}.
struct Event {
    QString userId;  ///< the integer as written, which is the player reference
    QString eventId; ///< integer or string, as written
    qint64 amount = 0;
};
/// `idField` is "EventId" or "WinningEventId". A negative amount is decoded (the caller words that error).
bool decodeEvent(const QByteArray &body, const QString &idField, int exponent, Event *out, QString *error);

/// The query of the serverless family. `needAmount` for addfunds/withdrawfunds (txn_ref and txn_amount).
struct WalletParams {
    QString walletId;
    QString ref;
    qint64 amount = 0;
    QString source;
    QString type;
    QString date;
};
bool decodeWalletParams(const QUrlQuery &query, const QString &idName, bool needAmount, int exponent,
                        WalletParams *out, QString *error);

/// A JSON string literal (quoted and escaped), for hand-written bodies that carry exact numbers.
QByteArray jsonString(const QString &text);

} // namespace ApiGame

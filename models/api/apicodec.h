#pragma once

#include "accountquery.h"
#include "approval.h"
#include "auditrecord.h"
#include "balancedistribution.h"
#include "balancepoint.h"
#include "currency.h"
#include "economyreport.h"
#include "historyentry.h"
#include "journalquery.h"
#include "journaltransaction.h"
#include "ledgererror.h"
#include "newaccount.h"
#include "operatorinfo.h"
#include "postingrequest.h"
#include "postingresult.h"
#include "reversalrequest.h"
#include "statement.h"
#include "verifyreport.h"

#include <QByteArray>
#include <QJsonObject>
#include <QUrlQuery>
#include <optional>

/// The admin API's wire format, shared by walletd (which decodes requests and encodes results) and
/// RemoteLedgerClient (which does the opposite). Amounts and balances travel as strings of minor units and
/// ids as JSON integers, so no money ever passes through a double.
///
/// The request decoders are pure functions of bytes: they never touch a database or the network, so the fuzz
/// target drives them directly. A failure sets *error to a message that names the field ("amount must be a
/// whole number of minor units").
namespace ApiCodec {

// --- errors
/// The HTTP status walletd answers with for a ledger error.
int httpStatus(ErrorCode code);
std::optional<ErrorCode> errorCodeFromName(const QString &name);
/// {"error": {"code": "insufficient_funds", "message": "..."}}
QByteArray errorBody(const LedgerError &error);
/// Reads an error body; nullopt when it is not one.
std::optional<LedgerError> errorFromBody(const QByteArray &body);
/// The object inside an error body, {"code": ..., "message": ...}, where an answer carries an error as one of
/// its members (a failed verification job).
QJsonObject toJson(const LedgerError &error);
std::optional<LedgerError> errorFromJson(const QJsonObject &error);

// --- request decoders (server side)
bool decodeLogin(const QByteArray &body, QString *operatorName, QString *password, QString *error);
bool decodePosting(const QByteArray &body, const QString &idempotencyKey, PostingRequest *out,
                   QString *error);
bool decodeReversal(const QByteArray &body, qint64 transactionId, const QString &idempotencyKey,
                    ReversalRequest *out, QString *error);
/// A body with one optional text member (comment, reason). An empty body is allowed.
bool decodeText(const QByteArray &body, const QString &field, QString *out, QString *error);
bool decodeNewAccount(const QByteArray &body, NewAccount *out, QString *error);

struct AccountWindow {
    AccountQuery query;
    qint64 offset = 0;
    int limit = 100;
    std::optional<AccountKey> after;
    qint64 total = -1;
};
bool decodeAccountWindow(const QUrlQuery &q, AccountWindow *out, QString *error);
bool decodeJournalQuery(const QUrlQuery &q, JournalQuery *query, qint64 *before, int *limit, QString *error);
/// An integer query parameter in [min, max]; `fallback` when absent.
bool queryInt(const QUrlQuery &q, const QString &name, qint64 min, qint64 max, qint64 fallback, qint64 *out,
              QString *error);
/// A path segment that must be a positive id.
std::optional<qint64> pathId(const QString &segment);

// --- the query string of an account window, as the client builds it
QUrlQuery encodeAccountWindow(const AccountWindow &window);
QUrlQuery encodeJournalQuery(const JournalQuery &j, qint64 before, int limit);
/// A posting as a request body: toJson(PostingRequest) without the key, which travels in the
/// Idempotency-Key header.
QByteArray encodePosting(const PostingRequest &request);
/// A posting with its key, as the approvals table stores it and an approval carries it.
QByteArray encodeKeyedPosting(const PostingRequest &request);
/// Reads what encodeKeyedPosting wrote (and the form approvals were stored in before it), with the checks and
/// messages of decodePosting.
bool decodeKeyedPosting(const QByteArray &json, PostingRequest *out, QString *error);

// --- values, both ways
/// The one JSON form of a posting request, written here for walletd, the remote client, the approvals table
/// and walletctl; read by decodePosting and decodeKeyedPosting.
QJsonObject toJson(const PostingRequest &r);
QJsonObject toJson(const Account &a);
QJsonObject toJson(const Currency &c);
QJsonObject toJson(const HistoryEntry &h);
QJsonObject toJson(const JournalLine &l);
QJsonObject toJson(const BalancePoint &p);
QJsonObject toJson(const Approval &a);
QJsonObject toJson(const AuditRecord &r);
QJsonObject toJson(const OperatorInfo &o);
QJsonObject toJson(const PostingResult &r);
QJsonObject toJson(const JournalTransaction &t);
QJsonObject toJson(const VerifyReport &v);
QJsonObject toJson(const JournalEntry &e);
QJsonObject toJson(const EconomyReport &r);
QJsonObject toJson(const BalanceDistribution &d);

bool fromJson(const QJsonObject &o, Account *a);
bool fromJson(const QJsonObject &o, Currency *c);
bool fromJson(const QJsonObject &o, HistoryEntry *h);
bool fromJson(const QJsonObject &o, JournalLine *l);
bool fromJson(const QJsonObject &o, BalancePoint *p);
bool fromJson(const QJsonObject &o, Approval *a);
bool fromJson(const QJsonObject &o, AuditRecord *r);
bool fromJson(const QJsonObject &o, OperatorInfo *out);
bool fromJson(const QJsonObject &o, PostingResult *r);
bool fromJson(const QJsonObject &o, JournalTransaction *t);
bool fromJson(const QJsonObject &o, VerifyReport *v);
bool fromJson(const QJsonObject &o, JournalEntry *e);
bool fromJson(const QJsonObject &o, EconomyReport *r);
bool fromJson(const QJsonObject &o, BalanceDistribution *d);

// --- statements (apicodecstatement.cpp)
QJsonObject toJson(const Statement &s);
bool fromJson(const QJsonObject &o, Statement *s);
/// The body of POST /admin/v1/audit/export: {"target": "account:12", "detail": "..."}.
QByteArray encodeExportRecord(const QString &target, const QString &detail);
bool decodeExportRecord(const QByteArray &body, QString *target, QString *detail, QString *error);

} // namespace ApiCodec

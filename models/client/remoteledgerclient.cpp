#include "remoteledgerclient.h"

#include "apicodec.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPromise>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace {

QString unreachable(const QUrl &base, const QString &why) {
    return QStringLiteral("walletd at %1 cannot be reached: %2").arg(base.toDisplayString(), why);
}

QByteArray jsonBody(const QJsonObject &o) {
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// An operation walletd's admin API has no route for yet: refused here, before anything is sent.
template <typename T> QFuture<Result<T>> notServed(const QString &what) {
    return QtFuture::makeReadyFuture(Result<T>(LedgerError{
        ErrorCode::InvalidArgument,
        QStringLiteral("%1 is not available through walletd; do it on the ledger's database").arg(what)}));
}

/// accountsOfPlayer() reads the search this many rows at a time (walletd's largest window).
constexpr int PlayerPage = 1000;

} // namespace

RemoteLedgerClient::RemoteLedgerClient(QObject *parent)
    : LedgerClient(parent) {}

RemoteLedgerClient::~RemoteLedgerClient() = default;

void RemoteLedgerClient::setRetryPolicy(int retries, int firstDelayMs) {
    m_retries = retries;
    m_firstDelayMs = firstDelayMs;
}

void RemoteLedgerClient::setAvailable(bool available, const QString &reason) {
    if (available == m_available)
        return;
    m_available = available;
    Q_EMIT availabilityChanged(available, reason);
}

void RemoteLedgerClient::send(const Call &call, Decoder decode,
                              std::function<void(const std::optional<LedgerError> &)> done, int attempt) {
    QUrl url = m_base;
    url.setPath(m_base.path() + call.path);
    url.setQuery(call.query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(120000);
    const QString sentWith = m_token;
    if (!sentWith.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + sentWith.toLatin1());
    if (!call.idempotencyKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Idempotency-Key"), call.idempotencyKey);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, call.method, call.body);
    connect(reply, &QNetworkReply::finished, this, [=, this] {
        reply->deleteLater();
        const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            // No HTTP answer at all: walletd is down or the connection broke. Whether a write happened is not
            // known, so only a request that is safe to repeat is sent again (a posting with the same key).
            const QString reason = unreachable(m_base, reply->errorString());
            setAvailable(false, reason);
            if (call.repeatable && attempt < m_retries) {
                QTimer::singleShot(m_firstDelayMs << std::min(attempt, 6), this,
                                   [=, this] { send(call, decode, done, attempt + 1); });
                return;
            }
            done(LedgerError{ErrorCode::Database, reason});
            return;
        }
        setAvailable(true, QString());
        const int status = statusAttribute.toInt();
        const QByteArray body = reply->readAll();
        if (status == 401 && !sentWith.isEmpty() && call.path != u"/admin/v1/login") {
            // The session ended. walletd refused the request before doing anything, so it is safe to send
            // again once signed in (writes too); sent under a token that has since been replaced: at once.
            auto resend = [=, this] { send(call, decode, done, attempt); };
            if (!m_token.isEmpty() && m_token != sentWith) {
                resend();
                return;
            }
            const bool first = m_parked.isEmpty();
            m_parked.push_back({resend, [done](const LedgerError &e) { done(e); }});
            if (first) {
                m_sessionEnd = ApiCodec::errorFromBody(body).value_or(
                    LedgerError{ErrorCode::PermissionDenied, QStringLiteral("the session has ended")});
                Q_EMIT signInRequired(m_sessionEnd.message);
            }
            return;
        }
        if (status >= 200 && status < 300) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (!doc.isObject() || !decode(doc.object())) {
                done(LedgerError{ErrorCode::Database,
                                 QStringLiteral("walletd sent an answer this client does not understand")});
                return;
            }
            done(std::nullopt);
            return;
        }
        // walletd is up but its ledger is not (a database reconnecting, a request past its deadline): what is
        // safe to repeat is sent again when Retry-After says, a few times, before the error is shown.
        if (status == 503 && call.repeatable && attempt < m_retries) {
            const int retryAfterMs =
                reply->rawHeader(QByteArrayLiteral("Retry-After")).trimmed().toInt() * 1000;
            QTimer::singleShot(std::clamp(retryAfterMs, m_firstDelayMs, 5000), this,
                               [=, this] { send(call, decode, done, attempt + 1); });
            return;
        }
        if (auto error = ApiCodec::errorFromBody(body)) {
            done(*error);
            return;
        }
        done(LedgerError{status >= 500 ? ErrorCode::Database : ErrorCode::InvalidArgument,
                         QStringLiteral("walletd answered HTTP %1").arg(status)});
    });
}

template <typename T>
QFuture<Result<T>> RemoteLedgerClient::fetch(const Call &call,
                                             std::function<bool(const QJsonObject &, T *)> decode) {
    auto promise = std::make_shared<QPromise<Result<T>>>();
    auto value = std::make_shared<T>();
    promise->start();
    send(
        call, [decode, value](const QJsonObject &o) { return decode(o, value.get()); },
        [promise, value](const std::optional<LedgerError> &error) {
            promise->addResult(error ? Result<T>(*error) : Result<T>(*value));
            promise->finish();
        });
    return promise->future();
}

template <typename T>
QFuture<Result<QList<T>>> RemoteLedgerClient::fetchList(const Call &call, const QString &member) {
    return fetch<QList<T>>(call, [member](const QJsonObject &o, QList<T> *out) {
        if (!o.value(member).isArray())
            return false;
        for (const QJsonValue &v : o.value(member).toArray()) {
            T item;
            if (!ApiCodec::fromJson(v.toObject(), &item))
                return false;
            out->append(item);
        }
        return true;
    });
}

QFuture<Result<SessionInfo>> RemoteLedgerClient::connectTo(const QUrl &server, const QString &operatorName,
                                                           const QString &password) {
    m_base = server;
    if (m_base.path().endsWith(u'/'))
        m_base.setPath(m_base.path().chopped(1));
    m_token.clear();
    return signIn(operatorName, password);
}

QFuture<Result<SessionInfo>> RemoteLedgerClient::resumeSession(const QString &password) {
    return signIn(m_session.operatorName, password).then(this, [this](const Result<SessionInfo> &r) {
        if (r)
            releaseParked(std::nullopt); // a wrong password leaves them waiting for the next try
        return r;
    });
}

void RemoteLedgerClient::abandonSession() {
    m_token.clear(); // from now on requests fail at once, as before any sign-in
    releaseParked(m_sessionEnd);
}

void RemoteLedgerClient::releaseParked(const std::optional<LedgerError> &failWith) {
    const QList<Parked> parked = std::exchange(m_parked, {});
    for (const Parked &p : parked) {
        if (failWith)
            p.fail(*failWith);
        else
            p.resend();
    }
}

QFuture<Result<SessionInfo>> RemoteLedgerClient::signIn(const QString &operatorName,
                                                        const QString &password) {
    const QString label = m_base.toDisplayString(QUrl::RemoveUserInfo);
    // Qt's network access refuses an https:// answer that did not come over a verified TLS session.
    const QHostAddress host(m_base.host());
    const ConnectionSecurity security =
        m_base.scheme() == u"https"
            ? ConnectionSecurity{ConnectionSecurity::Kind::Encrypted, QStringLiteral("HTTPS")}
        : m_base.host() == u"localhost" || (!host.isNull() && host.isLoopback())
            ? ConnectionSecurity{ConnectionSecurity::Kind::Local, {}}
            : ConnectionSecurity{ConnectionSecurity::Kind::Unencrypted, {}};
    Call call{QByteArrayLiteral("POST"),
              QStringLiteral("/admin/v1/login"),
              {},
              jsonBody({{QStringLiteral("operator"), operatorName}, {QStringLiteral("password"), password}}),
              {},
              true};
    return fetch<SessionInfo>(call, [this, label, security](const QJsonObject &o, SessionInfo *out) {
        const auto role = roleFromName(o.value(QStringLiteral("role")).toString());
        const QString token = o.value(QStringLiteral("token")).toString();
        if (!role || token.isEmpty())
            return false;
        *out = SessionInfo{o.value(QStringLiteral("operator")).toString(), *role, label, security};
        m_token = token;
        m_session = *out;
        return true;
    });
}

QFuture<Result<Done>> RemoteLedgerClient::disconnectFromServer() {
    Call call{QByteArrayLiteral("POST"), QStringLiteral("/admin/v1/logout"), {}, {}, {}, false};
    return fetch<Done>(call, [this](const QJsonObject &, Done *) {
        m_token.clear();
        return true;
    });
}

QFuture<Result<QList<Currency>>> RemoteLedgerClient::currencies() {
    return fetchList<Currency>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/currencies"), {}, {}, {}, true},
        QStringLiteral("currencies"));
}

QFuture<Result<qint64>> RemoteLedgerClient::countAccounts(const AccountQuery &query) {
    ApiCodec::AccountWindow w;
    w.query = query;
    return fetch<qint64>({QByteArrayLiteral("GET"),
                          QStringLiteral("/admin/v1/accounts/count"),
                          ApiCodec::encodeAccountWindow(w),
                          {},
                          {},
                          true},
                         [](const QJsonObject &o, qint64 *out) {
                             *out = o.value(QStringLiteral("count")).toInteger(-1);
                             return *out >= 0;
                         });
}

QFuture<Result<AccountPage>> RemoteLedgerClient::accounts(const AccountQuery &query, qint64 offset, int limit,
                                                          const std::optional<AccountKey> &after,
                                                          qint64 total) {
    ApiCodec::AccountWindow w{query, offset, limit, after, total};
    return fetch<AccountPage>({QByteArrayLiteral("GET"),
                               QStringLiteral("/admin/v1/accounts"),
                               ApiCodec::encodeAccountWindow(w),
                               {},
                               {},
                               true},
                              [](const QJsonObject &o, AccountPage *out) {
                                  out->offset = o.value(QStringLiteral("offset")).toInteger();
                                  for (const QJsonValue &v : o.value(QStringLiteral("accounts")).toArray()) {
                                      Account a;
                                      if (!ApiCodec::fromJson(v.toObject(), &a))
                                          return false;
                                      out->accounts << a;
                                  }
                                  return true;
                              });
}

QFuture<Result<Account>> RemoteLedgerClient::account(qint64 id) {
    return fetch<Account>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/accounts/%1").arg(id), {}, {}, {}, true},
        [](const QJsonObject &o, Account *out) { return ApiCodec::fromJson(o, out); });
}

QFuture<Result<QList<HistoryEntry>>> RemoteLedgerClient::history(qint64 accountId, qint64 beforeEntryId,
                                                                 int limit) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("before"), QString::number(beforeEntryId));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return fetchList<HistoryEntry>({QByteArrayLiteral("GET"),
                                    QStringLiteral("/admin/v1/accounts/%1/history").arg(accountId),
                                    q,
                                    {},
                                    {},
                                    true},
                                   QStringLiteral("entries"));
}

QFuture<Result<QList<Account>>> RemoteLedgerClient::accountsOfPlayer(const QString &playerRef) {
    auto promise = std::make_shared<QPromise<Result<QList<Account>>>>();
    QFuture<Result<QList<Account>>> future = promise->future();
    promise->start();
    readPlayerPage(playerRef, 0, promise, std::make_shared<QList<Account>>());
    return future;
}

void RemoteLedgerClient::readPlayerPage(const QString &playerRef, qint64 offset,
                                        PlayerAccountsPromise promise,
                                        std::shared_ptr<QList<Account>> found) {
    // walletd has no route for one player's accounts; the accounts list's search (a prefix of the player
    // reference, among others) sorted by player reference has them, the exact reference before its longer
    // namesakes. Pages are read until past them, within the search's cap.
    auto finish = [promise, found, playerRef] {
        std::stable_sort(found->begin(), found->end(),
                         [](const Account &a, const Account &b) { return a.currency < b.currency; });
        if (found->isEmpty())
            promise->addResult(
                LedgerError{ErrorCode::NotFound, QStringLiteral("player %1 has no account").arg(playerRef)});
        else
            promise->addResult(*found);
        promise->finish();
    };
    if (playerRef.trimmed().isEmpty()) {
        finish(); // an empty search would list everyone; no player has an empty reference
        return;
    }
    AccountQuery query;
    query.search = playerRef;
    query.sort = AccountQuery::Sort::PlayerRef;
    accounts(query, offset, PlayerPage, std::nullopt, -1)
        .then(this, [this, playerRef, offset, promise, found, finish](const Result<AccountPage> &page) {
            if (!page) {
                promise->addResult(page.error());
                promise->finish();
                return;
            }
            bool past = false;
            for (const Account &a : page->accounts) {
                if (a.playerRef == playerRef)
                    found->append(a);
                else if (!found->isEmpty() && a.playerRef.startsWith(playerRef))
                    past = true;
            }
            const qint64 next = offset + page->accounts.size();
            if (past || page->accounts.size() < PlayerPage || next >= AccountQuery::SearchCountCap) {
                finish();
                return;
            }
            readPlayerPage(playerRef, next, promise, found);
        });
}

QFuture<Result<qint64>> RemoteLedgerClient::balanceAt(qint64 accountId, qint64 atMs) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("at"), QString::number(std::max<qint64>(atMs, 0)));
    return fetch<qint64>({QByteArrayLiteral("GET"),
                          QStringLiteral("/admin/v1/accounts/%1/balance").arg(accountId),
                          q,
                          {},
                          {},
                          true},
                         [](const QJsonObject &o, qint64 *out) {
                             bool ok = false;
                             *out = o.value(QStringLiteral("balance")).toString().toLongLong(&ok);
                             return ok;
                         });
}

QFuture<Result<QList<BalancePoint>>> RemoteLedgerClient::balanceSeries(qint64 accountId, qint64 fromMs,
                                                                       qint64 toMs) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), QString::number(fromMs));
    q.addQueryItem(QStringLiteral("to"), QString::number(toMs));
    return fetchList<BalancePoint>({QByteArrayLiteral("GET"),
                                    QStringLiteral("/admin/v1/accounts/%1/balances").arg(accountId),
                                    q,
                                    {},
                                    {},
                                    true},
                                   QStringLiteral("points"));
}

QFuture<Result<EconomyReport>> RemoteLedgerClient::economy(const QString &currency, qint64 fromMs,
                                                           qint64 toMs) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("currency"), currency);
    q.addQueryItem(QStringLiteral("from"), QString::number(fromMs));
    q.addQueryItem(QStringLiteral("to"), QString::number(toMs));
    return fetch<EconomyReport>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/economy"), q, {}, {}, true},
        [](const QJsonObject &o, EconomyReport *out) { return ApiCodec::fromJson(o, out); });
}

QFuture<Result<BalanceDistribution>> RemoteLedgerClient::distribution(const QString &currency) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("currency"), currency);
    return fetch<BalanceDistribution>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/economy/distribution"), q, {}, {}, true},
        [](const QJsonObject &o, BalanceDistribution *out) { return ApiCodec::fromJson(o, out); });
}

QFuture<Result<QList<JournalLine>>> RemoteLedgerClient::journal(const JournalQuery &query,
                                                                qint64 beforeEntryId, int limit) {
    return fetchList<JournalLine>({QByteArrayLiteral("GET"),
                                   QStringLiteral("/admin/v1/journal"),
                                   ApiCodec::encodeJournalQuery(query, beforeEntryId, limit),
                                   {},
                                   {},
                                   true},
                                  QStringLiteral("lines"));
}

QFuture<Result<JournalTransaction>> RemoteLedgerClient::transaction(qint64 id) {
    return fetch<JournalTransaction>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/transactions/%1").arg(id), {}, {}, {}, true},
        [](const QJsonObject &o, JournalTransaction *out) { return ApiCodec::fromJson(o, out); });
}

QFuture<Result<PostingOutcome>> RemoteLedgerClient::postingOutcome(const QString &idempotencyKey) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("idempotency_key"),
                   QString::fromUtf8(QUrl::toPercentEncoding(idempotencyKey)));
    return fetch<PostingOutcome>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/postings"), q, {}, {}, true},
        [](const QJsonObject &o, PostingOutcome *out) {
            const QString status = o.value(QStringLiteral("status")).toString();
            if (status == u"posted")
                *out = {PostingOutcome::Status::Posted, o.value(QStringLiteral("transaction_id")).toInteger(),
                        0};
            else if (status == u"pending")
                *out = {PostingOutcome::Status::Pending, 0,
                        o.value(QStringLiteral("approval_id")).toInteger()};
            else if (status == u"none")
                *out = {};
            else
                return false;
            return true;
        });
}

QFuture<Result<QList<Approval>>> RemoteLedgerClient::approvals(bool pendingOnly) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("pending"), pendingOnly ? QStringLiteral("1") : QStringLiteral("0"));
    return fetchList<Approval>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/approvals"), q, {}, {}, true},
        QStringLiteral("approvals"));
}

QFuture<Result<QList<AuditRecord>>> RemoteLedgerClient::audit(qint64 beforeId, int limit) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("before"), QString::number(beforeId));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return fetchList<AuditRecord>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/audit"), q, {}, {}, true},
        QStringLiteral("records"));
}

QFuture<Result<QList<OperatorInfo>>> RemoteLedgerClient::operators() {
    return fetchList<OperatorInfo>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/operators"), {}, {}, {}, true},
        QStringLiteral("operators"));
}

QFuture<Result<qint64>> RemoteLedgerClient::changeToken() {
    return fetch<qint64>({QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/changes"), {}, {}, {}, true},
                         [](const QJsonObject &o, qint64 *out) {
                             bool ok = false;
                             *out = o.value(QStringLiteral("token")).toString().toLongLong(&ok);
                             return ok;
                         });
}

QFuture<Result<Account>> RemoteLedgerClient::createAccount(const NewAccount &account) {
    // Not repeatable: opening an account has no idempotency key (a repeat would be refused as existing).
    const QByteArray body = jsonBody({{QStringLiteral("currency"), account.currency},
                                      {QStringLiteral("player"), account.playerRef},
                                      {QStringLiteral("name"), account.name},
                                      {QStringLiteral("allow_negative"), account.allowNegative}});
    return fetch<Account>(
        {QByteArrayLiteral("POST"), QStringLiteral("/admin/v1/accounts"), {}, body, {}, false},
        [this](const QJsonObject &o, Account *out) {
            if (!ApiCodec::fromJson(o, out))
                return false;
            announceWrite({out->id});
            return true;
        });
}

namespace {
QList<qint64> touched(const PostingResult &r, qint64 fallback) {
    QList<qint64> ids;
    for (const JournalEntry &e : r.entries)
        if (!ids.contains(e.accountId))
            ids << e.accountId;
    if (ids.isEmpty() && fallback > 0)
        ids << fallback; // a pending posting holds funds on its account
    return ids;
}
} // namespace

QFuture<Result<PostingResult>> RemoteLedgerClient::post(const PostingRequest &request) {
    // Repeatable: the idempotency key makes a repeat return the first result instead of posting again.
    return fetch<PostingResult>({QByteArrayLiteral("POST"),
                                 QStringLiteral("/admin/v1/postings"),
                                 {},
                                 ApiCodec::encodePosting(request),
                                 request.idempotencyKey.toUtf8(),
                                 !request.idempotencyKey.isEmpty()},
                                [this, id = request.accountId](const QJsonObject &o, PostingResult *out) {
                                    if (!ApiCodec::fromJson(o, out))
                                        return false;
                                    if (!out->replayed)
                                        announceWrite(touched(*out, id));
                                    return true;
                                });
}

QFuture<Result<PostingResult>> RemoteLedgerClient::reverse(const ReversalRequest &request) {
    const QByteArray body =
        jsonBody({{QStringLiteral("reason"), request.reason}, {QStringLiteral("force"), request.force}});
    return fetch<PostingResult>(
        {QByteArrayLiteral("POST"),
         QStringLiteral("/admin/v1/transactions/%1/reverse").arg(request.transactionId),
         {},
         body,
         request.idempotencyKey.toUtf8(),
         !request.idempotencyKey.isEmpty()},
        [this](const QJsonObject &o, PostingResult *out) {
            if (!ApiCodec::fromJson(o, out))
                return false;
            if (!out->replayed)
                announceWrite(touched(*out, 0));
            return true;
        });
}

QFuture<Result<PostingResult>> RemoteLedgerClient::approve(qint64 approvalId, const QString &comment) {
    // An approval decides once; a repeat after a lost answer gets "already decided", never a second posting.
    return fetch<PostingResult>({QByteArrayLiteral("POST"),
                                 QStringLiteral("/admin/v1/approvals/%1/approve").arg(approvalId),
                                 {},
                                 jsonBody({{QStringLiteral("comment"), comment}}),
                                 {},
                                 false},
                                [this](const QJsonObject &o, PostingResult *out) {
                                    if (!ApiCodec::fromJson(o, out))
                                        return false;
                                    announceWrite(touched(*out, 0));
                                    return true;
                                });
}

QFuture<Result<Approval>> RemoteLedgerClient::reject(qint64 approvalId, const QString &comment) {
    return fetch<Approval>({QByteArrayLiteral("POST"),
                            QStringLiteral("/admin/v1/approvals/%1/reject").arg(approvalId),
                            {},
                            jsonBody({{QStringLiteral("comment"), comment}}),
                            {},
                            false},
                           [this](const QJsonObject &o, Approval *out) {
                               if (!ApiCodec::fromJson(o, out))
                                   return false;
                               announceWrite({out->request.accountId});
                               return true;
                           });
}

QFuture<Result<Account>> RemoteLedgerClient::setAccountState(qint64 accountId, AccountState state,
                                                             const QString &reason) {
    const QString action = state == AccountState::Frozen   ? QStringLiteral("freeze")
                           : state == AccountState::Closed ? QStringLiteral("close")
                                                           : QStringLiteral("unfreeze");
    return fetch<Account>({QByteArrayLiteral("POST"),
                           QStringLiteral("/admin/v1/accounts/%1/%2").arg(accountId).arg(action),
                           {},
                           jsonBody({{QStringLiteral("reason"), reason}}),
                           {},
                           true}, // setting a state twice ends in the same state
                          [this](const QJsonObject &o, Account *out) {
                              if (!ApiCodec::fromJson(o, out))
                                  return false;
                              announceWrite({out->id});
                              return true;
                          });
}

QFuture<Result<Currency>> RemoteLedgerClient::addCurrency(const Currency &) {
    return notServed<Currency>(QStringLiteral("adding a currency"));
}

QFuture<Result<OperatorInfo>> RemoteLedgerClient::addOperator(const OperatorInfo &) {
    return notServed<OperatorInfo>(QStringLiteral("adding an operator"));
}

QFuture<Result<OperatorInfo>> RemoteLedgerClient::setOperatorDisabled(const QString &, bool) {
    return notServed<OperatorInfo>(QStringLiteral("disabling an operator"));
}

QFuture<Result<Done>> RemoteLedgerClient::setOperatorPassword(const QString &, const QString &) {
    return notServed<Done>(QStringLiteral("setting an operator's password"));
}

QFuture<Result<VerifyReport>> RemoteLedgerClient::verify() {
    // walletd verifies in the background (POST /admin/v1/verify-jobs); the job is followed until it ends, so
    // the window shows progress and Cancel stops the work at walletd, as it does for a local ledger.
    auto promise = std::make_shared<QPromise<Result<VerifyReport>>>();
    promise->start();
    auto jobId = std::make_shared<QString>();
    send(
        {QByteArrayLiteral("POST"), QStringLiteral("/admin/v1/verify-jobs"), {}, {}, {}, true},
        [jobId](const QJsonObject &o) {
            *jobId = o.value(QStringLiteral("id")).toString();
            return !jobId->isEmpty();
        },
        [this, promise, jobId](const std::optional<LedgerError> &error) {
            if (error) {
                promise->addResult(*error);
                promise->finish();
                return;
            }
            followVerification(*jobId, promise);
        });
    return promise->future();
}

void RemoteLedgerClient::followVerification(const QString &jobId, VerifyPromise promise) {
    const QString path = QStringLiteral("/admin/v1/verify-jobs/%1").arg(jobId);
    if (promise->isCanceled()) {
        // Tell walletd to stop; the window has moved on, so the answer does not matter.
        send(
            {QByteArrayLiteral("DELETE"), path, {}, {}, {}, true}, [](const QJsonObject &) { return true; },
            [](const std::optional<LedgerError> &) {});
        promise->finish();
        return;
    }
    auto job = std::make_shared<QJsonObject>();
    send(
        {QByteArrayLiteral("GET"), path, {}, {}, {}, true},
        [job](const QJsonObject &o) {
            *job = o;
            return o.value(QStringLiteral("state")).isString();
        },
        [this, jobId, promise, job](const std::optional<LedgerError> &error) {
            if (error) {
                promise->addResult(*error);
                promise->finish();
                return;
            }
            const QString state = job->value(QStringLiteral("state")).toString();
            const auto clamp = [](qint64 v) {
                return int(std::min<qint64>(v, std::numeric_limits<int>::max()));
            };
            promise->setProgressRange(0, clamp(job->value(QStringLiteral("total")).toInteger()));
            promise->setProgressValue(clamp(job->value(QStringLiteral("checked")).toInteger()));
            if (state == u"running") {
                QTimer::singleShot(VerifyPollMs, this,
                                   [this, jobId, promise] { followVerification(jobId, promise); });
                return;
            }
            if (state == u"done") {
                VerifyReport report;
                if (ApiCodec::fromJson(job->value(QStringLiteral("report")).toObject(), &report))
                    promise->addResult(report);
                else
                    promise->addResult(LedgerError{ErrorCode::Database,
                                                   QStringLiteral("walletd sent a verification report this "
                                                                  "version cannot read")});
            } else if (state == u"failed") {
                const QJsonObject e = job->value(QStringLiteral("error")).toObject();
                promise->addResult(ApiCodec::errorFromJson(e).value_or(
                    LedgerError{ErrorCode::Database, e.value(QStringLiteral("message")).toString()}));
            } // canceled at walletd (by the same operator, elsewhere): no result, as for a local cancel
            promise->finish();
        });
}

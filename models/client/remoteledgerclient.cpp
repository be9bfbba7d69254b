#include "remoteledgerclient.h"

#include "apicodec.h"
#include "statementrange.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QPromise>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <utility>

namespace {

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
    : LedgerClient(parent) {
    connect(&m_transport, &WalletdTransport::availabilityChanged, this, &LedgerClient::availabilityChanged);
    connect(&m_transport, &WalletdTransport::signInRequired, this, &LedgerClient::signInRequired);
    connect(&m_transport, &WalletdTransport::slowAnswer, this, &LedgerClient::slowAnswer);
    connect(&m_transport, &WalletdTransport::slowAnswerEnded, this, &LedgerClient::slowAnswerEnded);
}

RemoteLedgerClient::~RemoteLedgerClient() = default;

void RemoteLedgerClient::setRetryPolicy(int retries, int firstDelayMs) {
    m_transport.setRetryPolicy(retries, firstDelayMs);
}

void RemoteLedgerClient::setSlowAnswerAfter(int milliseconds) {
    m_transport.setSlowAnswerAfter(milliseconds);
}

QFuture<Result<SessionInfo>> RemoteLedgerClient::connectTo(const QUrl &server, const QString &operatorName,
                                                           const QString &password) {
    m_transport.setBase(server);
    m_transport.setToken({});
    return signIn(operatorName, password);
}

QFuture<Result<SessionInfo>> RemoteLedgerClient::resumeSession(const QString &password) {
    return signIn(m_session.operatorName, password).then(this, [this](const Result<SessionInfo> &r) {
        if (r)
            m_transport.resendParked(); // a wrong password leaves them waiting for the next try
        return r;
    });
}

void RemoteLedgerClient::abandonSession() {
    m_transport.failParked();
}

QFuture<Result<SessionInfo>> RemoteLedgerClient::signIn(const QString &operatorName,
                                                        const QString &password) {
    const QUrl base = m_transport.base();
    const QString label = base.toDisplayString(QUrl::RemoveUserInfo);
    // Qt's network access refuses an https:// answer that did not come over a verified TLS session.
    const QHostAddress host(base.host());
    const ConnectionSecurity security =
        base.scheme() == u"https"
            ? ConnectionSecurity{ConnectionSecurity::Kind::Encrypted, QStringLiteral("HTTPS")}
        : base.host() == u"localhost" || (!host.isNull() && host.isLoopback())
            ? ConnectionSecurity{ConnectionSecurity::Kind::Local, {}}
            : ConnectionSecurity{ConnectionSecurity::Kind::Unencrypted, {}};
    Call call{QByteArrayLiteral("POST"),
              QStringLiteral("/admin/v1/login"),
              {},
              jsonBody({{QStringLiteral("operator"), operatorName}, {QStringLiteral("password"), password}}),
              {},
              true};
    return m_transport.fetch<SessionInfo>(
        call, [this, label, security](const QJsonObject &o, SessionInfo *out) {
            const auto role = roleFromName(o.value(QStringLiteral("role")).toString());
            const QString token = o.value(QStringLiteral("token")).toString();
            if (!role || token.isEmpty())
                return false;
            *out = SessionInfo{o.value(QStringLiteral("operator")).toString(), *role, label, security, {}};
            m_transport.setToken(token);
            m_session = *out;
            return true;
        });
}

QFuture<Result<Done>> RemoteLedgerClient::disconnectFromServer() {
    Call call{QByteArrayLiteral("POST"), QStringLiteral("/admin/v1/logout"), {}, {}, {}, false};
    return m_transport.fetch<Done>(call, [this](const QJsonObject &, Done *) {
        m_transport.setToken({});
        return true;
    });
}

QFuture<Result<QList<Currency>>> RemoteLedgerClient::currencies() {
    return m_transport.fetchList<Currency>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/currencies"), {}, {}, {}, true},
        QStringLiteral("currencies"));
}

QFuture<Result<qint64>> RemoteLedgerClient::countAccounts(const AccountQuery &query) {
    ApiCodec::AccountWindow w;
    w.query = query;
    return m_transport.fetch<qint64>({QByteArrayLiteral("GET"),
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
    return m_transport.fetch<AccountPage>({QByteArrayLiteral("GET"),
                                           QStringLiteral("/admin/v1/accounts"),
                                           ApiCodec::encodeAccountWindow(w),
                                           {},
                                           {},
                                           true},
                                          [](const QJsonObject &o, AccountPage *out) {
                                              out->offset = o.value(QStringLiteral("offset")).toInteger();
                                              const QJsonArray accounts =
                                                  o.value(QStringLiteral("accounts")).toArray();
                                              for (const auto &v : accounts) {
                                                  Account a;
                                                  if (!ApiCodec::fromJson(v.toObject(), &a))
                                                      return false;
                                                  out->accounts << a;
                                              }
                                              return true;
                                          });
}

QFuture<Result<Account>> RemoteLedgerClient::account(qint64 id) {
    return m_transport.fetch<Account>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/accounts/%1").arg(id), {}, {}, {}, true},
        [](const QJsonObject &o, Account *out) { return ApiCodec::fromJson(o, out); });
}

QFuture<Result<QList<HistoryEntry>>> RemoteLedgerClient::history(qint64 accountId, qint64 beforeEntryId,
                                                                 int limit) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("before"), QString::number(beforeEntryId));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return m_transport.fetchList<HistoryEntry>(
        {QByteArrayLiteral("GET"),
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
    return m_transport.fetch<qint64>({QByteArrayLiteral("GET"),
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
    return m_transport.fetchList<BalancePoint>(
        {QByteArrayLiteral("GET"),
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
    return m_transport.fetch<EconomyReport>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/economy"), q, {}, {}, true},
        [](const QJsonObject &o, EconomyReport *out) { return ApiCodec::fromJson(o, out); });
}

QFuture<Result<BalanceDistribution>> RemoteLedgerClient::distribution(const QString &currency) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("currency"), currency);
    return m_transport.fetch<BalanceDistribution>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/economy/distribution"), q, {}, {}, true},
        [](const QJsonObject &o, BalanceDistribution *out) { return ApiCodec::fromJson(o, out); });
}

QFuture<Result<QList<JournalLine>>> RemoteLedgerClient::journal(const JournalQuery &query,
                                                                qint64 beforeEntryId, int limit) {
    return m_transport.fetchList<JournalLine>({QByteArrayLiteral("GET"),
                                               QStringLiteral("/admin/v1/journal"),
                                               ApiCodec::encodeJournalQuery(query, beforeEntryId, limit),
                                               {},
                                               {},
                                               true},
                                              QStringLiteral("lines"));
}

QFuture<Result<JournalTransaction>> RemoteLedgerClient::transaction(qint64 id) {
    return m_transport.fetch<JournalTransaction>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/transactions/%1").arg(id), {}, {}, {}, true},
        [](const QJsonObject &o, JournalTransaction *out) { return ApiCodec::fromJson(o, out); });
}

QFuture<Result<PostingOutcome>> RemoteLedgerClient::postingOutcome(const QString &idempotencyKey) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("idempotency_key"),
                   QString::fromUtf8(QUrl::toPercentEncoding(idempotencyKey)));
    return m_transport.fetch<PostingOutcome>(
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
    return m_transport.fetchList<Approval>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/approvals"), q, {}, {}, true},
        QStringLiteral("approvals"));
}

QFuture<Result<QList<AuditRecord>>> RemoteLedgerClient::audit(qint64 beforeId, int limit) {
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("before"), QString::number(beforeId));
    q.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    return m_transport.fetchList<AuditRecord>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/audit"), q, {}, {}, true},
        QStringLiteral("records"));
}

QFuture<Result<QList<OperatorInfo>>> RemoteLedgerClient::operators() {
    return m_transport.fetchList<OperatorInfo>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/operators"), {}, {}, {}, true},
        QStringLiteral("operators"));
}

QFuture<Result<qint64>> RemoteLedgerClient::changeToken() {
    return m_transport.fetch<qint64>(
        {QByteArrayLiteral("GET"), QStringLiteral("/admin/v1/changes"), {}, {}, {}, true},
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
    return m_transport.fetch<Account>(
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

/// `?dry_run=true` for a rehearsal, which walletd answers without writing (docs/api.md).
static QUrlQuery dryRunQuery(bool dryRun) {
    QUrlQuery q;
    if (dryRun)
        q.addQueryItem(QStringLiteral("dry_run"), QStringLiteral("true"));
    return q;
}

QFuture<Result<PostingResult>> RemoteLedgerClient::post(const PostingRequest &request) {
    // Repeatable: the idempotency key makes a repeat return the first result instead of posting again.
    return m_transport.fetch<PostingResult>(
        {QByteArrayLiteral("POST"), QStringLiteral("/admin/v1/postings"), dryRunQuery(request.dryRun),
         ApiCodec::encodePosting(request), request.idempotencyKey.toUtf8(),
         !request.idempotencyKey.isEmpty() || request.dryRun},
        [this, id = request.accountId](const QJsonObject &o, PostingResult *out) {
            if (!ApiCodec::fromJson(o, out))
                return false;
            if (!out->replayed && !out->dryRun)
                announceWrite(touched(*out, id));
            return true;
        });
}

namespace {
/// walletd's default request body limit is 64 KiB (max_body_bytes): a batch is sent in requests of at most
/// this much JSON, each answered on its own (a dry run is cumulative within one request).
constexpr qsizetype BatchBodyBytes = qsizetype(48) * 1024;

struct BatchSend {
    QList<QByteArray> bodies;
    QList<Result<PostingResult>> results;
    QPromise<Result<QList<Result<PostingResult>>>> promise;
};
} // namespace

QFuture<Result<QList<Result<PostingResult>>>>
RemoteLedgerClient::postBatch(const QList<PostingRequest> &requests) {
    auto batch = std::make_shared<BatchSend>();
    QFuture<Result<QList<Result<PostingResult>>>> future = batch->promise.future();
    batch->promise.start();
    const bool dryRun = !requests.isEmpty() && requests.first().dryRun;
    QJsonArray part;
    qsizetype bytes = 0;
    for (const PostingRequest &r : requests) {
        const QJsonObject o = ApiCodec::toJson(r);
        const qsizetype size = QJsonDocument(o).toJson(QJsonDocument::Compact).size() + 1;
        if (!part.isEmpty() && (bytes + size > BatchBodyBytes || part.size() >= MaxBatch)) {
            batch->bodies << jsonBody({{QStringLiteral("postings"), part}});
            part = QJsonArray();
            bytes = 0;
        }
        part.append(o);
        bytes += size;
    }
    if (!part.isEmpty() || batch->bodies.isEmpty())
        batch->bodies << jsonBody({{QStringLiteral("postings"), part}});
    auto sendNext = std::make_shared<std::function<void()>>();
    *sendNext = [this, batch, dryRun, sendNext]() {
        if (batch->bodies.isEmpty()) {
            batch->promise.addResult(batch->results);
            batch->promise.finish();
            *sendNext = nullptr; // breaks the cycle of the function holding itself
            return;
        }
        const QByteArray body = batch->bodies.takeFirst();
        // Repeatable: every posting carries its key, so a repeat replays rather than posts twice.
        m_transport
            .fetch<QList<Result<PostingResult>>>(
                {QByteArrayLiteral("POST"), QStringLiteral("/admin/v1/postings/batch"), dryRunQuery(dryRun),
                 body, QByteArray(), true},
                [](const QJsonObject &o, QList<Result<PostingResult>> *out) {
                    if (!o.value(QStringLiteral("results")).isArray())
                        return false;
                    const QJsonArray items = o.value(QStringLiteral("results")).toArray();
                    for (const auto &v : items) {
                        const QJsonObject item = v.toObject();
                        if (item.value(QStringLiteral("error")).isObject()) {
                            const auto e =
                                ApiCodec::errorFromJson(item.value(QStringLiteral("error")).toObject());
                            if (!e)
                                return false;
                            *out << Result<PostingResult>(*e);
                            continue;
                        }
                        PostingResult r;
                        if (!ApiCodec::fromJson(item, &r))
                            return false;
                        *out << r;
                    }
                    return true;
                })
            .then(this, [this, batch, sendNext](const Result<QList<Result<PostingResult>>> &r) {
                if (!r) {
                    batch->promise.addResult(Result<QList<Result<PostingResult>>>(r.error()));
                    batch->promise.finish();
                    *sendNext = nullptr;
                    return;
                }
                QList<qint64> ids;
                for (const Result<PostingResult> &one : *r) {
                    batch->results << one;
                    if (one && !one->dryRun && !one->replayed)
                        for (const qint64 id : touched(*one, 0))
                            if (!ids.contains(id))
                                ids << id;
                }
                if (!ids.isEmpty())
                    announceWrite(ids);
                (*sendNext)();
            });
    };
    (*sendNext)();
    return future;
}

QFuture<Result<PostingResult>> RemoteLedgerClient::reverse(const ReversalRequest &request) {
    const QByteArray body =
        jsonBody({{QStringLiteral("reason"), request.reason}, {QStringLiteral("force"), request.force}});
    return m_transport.fetch<PostingResult>(
        {QByteArrayLiteral("POST"),
         QStringLiteral("/admin/v1/transactions/%1/reverse").arg(request.transactionId),
         dryRunQuery(request.dryRun), body, request.idempotencyKey.toUtf8(),
         !request.idempotencyKey.isEmpty() || request.dryRun},
        [this](const QJsonObject &o, PostingResult *out) {
            if (!ApiCodec::fromJson(o, out))
                return false;
            if (!out->replayed && !out->dryRun)
                announceWrite(touched(*out, 0));
            return true;
        });
}

QFuture<Result<PostingResult>> RemoteLedgerClient::approve(qint64 approvalId, const QString &comment,
                                                           WriteMode mode) {
    // An approval decides once; a repeat after a lost answer gets "already decided", never a second posting.
    // A dry run decides nothing, so it may be repeated.
    const bool dryRun = mode == WriteMode::DryRun;
    return m_transport.fetch<PostingResult>({QByteArrayLiteral("POST"),
                                             QStringLiteral("/admin/v1/approvals/%1/approve").arg(approvalId),
                                             dryRunQuery(dryRun),
                                             jsonBody({{QStringLiteral("comment"), comment}}),
                                             {},
                                             dryRun},
                                            [this](const QJsonObject &o, PostingResult *out) {
                                                if (!ApiCodec::fromJson(o, out))
                                                    return false;
                                                if (!out->dryRun)
                                                    announceWrite(touched(*out, 0));
                                                return true;
                                            });
}

QFuture<Result<Approval>> RemoteLedgerClient::reject(qint64 approvalId, const QString &comment,
                                                     WriteMode mode) {
    const bool dryRun = mode == WriteMode::DryRun;
    return m_transport.fetch<Approval>({QByteArrayLiteral("POST"),
                                        QStringLiteral("/admin/v1/approvals/%1/reject").arg(approvalId),
                                        dryRunQuery(dryRun),
                                        jsonBody({{QStringLiteral("comment"), comment}}),
                                        {},
                                        dryRun},
                                       [this, dryRun](const QJsonObject &o, Approval *out) {
                                           if (!ApiCodec::fromJson(o, out))
                                               return false;
                                           if (!dryRun)
                                               announceWrite({out->request.accountId});
                                           return true;
                                       });
}

QFuture<Result<Account>> RemoteLedgerClient::setAccountState(qint64 accountId, AccountState state,
                                                             const QString &reason) {
    const QString action = state == AccountState::Frozen   ? QStringLiteral("freeze")
                           : state == AccountState::Closed ? QStringLiteral("close")
                                                           : QStringLiteral("unfreeze");
    return m_transport.fetch<Account>({QByteArrayLiteral("POST"),
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
    m_transport.send(
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
        m_transport.send(
            {QByteArrayLiteral("DELETE"), path, {}, {}, {}, true}, [](const QJsonObject &) { return true; },
            [](const std::optional<LedgerError> &) {});
        promise->finish();
        return;
    }
    auto job = std::make_shared<QJsonObject>();
    m_transport.send(
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

QFuture<Result<Statement>> RemoteLedgerClient::statement(qint64 accountId, qint64 fromMs, qint64 toMs) {
    const auto range = StatementRange::fromMillis(fromMs, toMs);
    if (!range)
        return QtFuture::makeReadyFuture(Result<Statement>(range.error()));
    // walletd's route takes whole UTC days (the statement's own unit), so the milliseconds must be days.
    if (fromMs % StatementRange::MsPerDay != 0 || toMs % StatementRange::MsPerDay != 0)
        return QtFuture::makeReadyFuture(Result<Statement>(LedgerError{
            ErrorCode::InvalidArgument,
            QStringLiteral("through walletd a statement covers whole UTC days (from 00:00 to 00:00)")}));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("from"), range->firstDay().toString(Qt::ISODate));
    q.addQueryItem(QStringLiteral("to"), range->lastDay().toString(Qt::ISODate));
    return m_transport.fetch<Statement>(
        {QByteArrayLiteral("GET"),
         QStringLiteral("/admin/v1/accounts/%1/statement").arg(accountId),
         q,
         {},
         {},
         true},
        [label = m_session.connectionLabel](const QJsonObject &o, Statement *out) {
            if (!ApiCodec::fromJson(o, out))
                return false;
            out->ledgerName = label; // the ledger as this client reaches it, as a direct connection names it
            return true;
        });
}

QFuture<Result<Done>> RemoteLedgerClient::recordExport(const QString &target, const QString &detail) {
    // Not repeated when walletd cannot be reached: a record sent twice would say the export happened twice.
    return m_transport.fetch<Done>({QByteArrayLiteral("POST"),
                                    QStringLiteral("/admin/v1/audit/export"),
                                    {},
                                    ApiCodec::encodeExportRecord(target, detail),
                                    {},
                                    false},
                                   [](const QJsonObject &, Done *) { return true; });
}

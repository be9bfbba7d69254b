#include "adminroutes.h"

#include "apicodec.h"
#include "economyreader.h"
#include "ledgerreader.h"
#include "statementrange.h"
#include "verifyjobs.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

using Answer = Result<ApiResponse>;
constexpr qint64 MaxInt = std::numeric_limits<qint64>::max();
/// Postings in one POST /admin/v1/postings/batch (LedgerClient::MaxBatch): one transaction holds them.
constexpr qsizetype MaxBatch = 1000;

ApiResponse badRequest(const QString &message) {
    return ApiResponse::error(LedgerError{ErrorCode::InvalidArgument, message});
}

template <typename T> ApiResponse one(const Result<T> &r, int status = 200) {
    if (!r)
        return ApiResponse::error(r.error());
    return ApiResponse::json(status, ApiCodec::toJson(*r));
}

template <typename T> ApiResponse list(const Result<QList<T>> &r, const QString &name) {
    if (!r)
        return ApiResponse::error(r.error());
    QJsonArray a;
    for (const T &item : *r)
        a.append(ApiCodec::toJson(item));
    return ApiResponse::json(200, QJsonObject{{name, a}});
}

QString idempotencyKey(const ApiRequest &r) {
    return QString::fromUtf8(r.header(QByteArrayLiteral("idempotency-key")));
}

QString query(const AdminCall &c, const QString &name) {
    return c.request.query.queryItemValue(name, QUrl::FullyDecoded);
}

/// The `dry_run` query parameter of the writing routes: absent, true or false (also 1 or 0).
std::optional<bool> dryRun(const AdminCall &c) {
    const QString v = query(c, QStringLiteral("dry_run"));
    if (v.isEmpty() || v == u"false" || v == u"0")
        return false;
    if (v == u"true" || v == u"1")
        return true;
    return std::nullopt;
}

ApiResponse badDryRun() {
    return badRequest(QStringLiteral("dry_run: give true or false"));
}

// --- signing in and out

Answer login(const AdminCall &c) {
    QString name, password, problem;
    if (!ApiCodec::decodeLogin(c.request.body, &name, &password, &problem))
        return badRequest(problem);
    OperatorAuth::LoginRefusal refusal;
    const auto session = OperatorAuth::login(c.store, name, password, c.request.origin, &refusal);
    if (!session && session.error().code == ErrorCode::Database)
        return session.error(); // as the job's error: LedgerService recovers a lost connection
    if (!session) {
        const int status = refusal == OperatorAuth::LoginRefusal::Throttled        ? 429
                           : refusal == OperatorAuth::LoginRefusal::BadCredentials ? 401
                                                                                   : 0;
        return ApiResponse::error(session.error(), status);
    }
    ApiResponse r = ApiResponse::json(
        200, QJsonObject{{QStringLiteral("token"), session->token},
                         {QStringLiteral("operator"), session->operatorName},
                         {QStringLiteral("role"), roleName(session->role)},
                         {QStringLiteral("idle_timeout_s"), qint64(OperatorAuth::IdleTimeoutMs / 1000)},
                         {QStringLiteral("expires_at"), session->createdAt + OperatorAuth::MaxLifetimeMs}});
    r.principal = session->operatorName;
    return r;
}

Answer logout(const AdminCall &c) {
    const auto r = OperatorAuth::logout(c.store, c.request.bearerToken());
    if (!r)
        return ApiResponse::error(r.error());
    c.store.audit(Actor{c.principal.operatorName, QString()}, QStringLiteral("logout"),
                  QStringLiteral("operator:%1").arg(c.principal.operatorName), QStringLiteral("ok"),
                  QString());
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("signed_out"), true}});
}

Answer session(const AdminCall &c) {
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("operator"), c.principal.operatorName},
                                              {QStringLiteral("role"), roleName(c.principal.role)}});
}

// --- reference data

Answer currencies(const AdminCall &c) {
    return list(c.store.currencies(), QStringLiteral("currencies"));
}

Answer changes(const AdminCall &c) {
    const auto t = LedgerReader(c.store).changeToken();
    return t ? ApiResponse::json(200, QJsonObject{{QStringLiteral("token"), QString::number(*t)}})
             : ApiResponse::error(t.error());
}

// --- accounts

Answer listAccounts(const AdminCall &c) {
    ApiCodec::AccountWindow w;
    QString problem;
    if (!ApiCodec::decodeAccountWindow(c.request.query, &w, &problem))
        return badRequest(problem);
    const auto page = LedgerReader(c.store).accounts(w.query, w.offset, w.limit, w.after, w.total);
    if (!page)
        return ApiResponse::error(page.error());
    QJsonArray a;
    for (const Account &acc : page->accounts)
        a.append(ApiCodec::toJson(acc));
    return ApiResponse::json(
        200, QJsonObject{{QStringLiteral("offset"), page->offset}, {QStringLiteral("accounts"), a}});
}

Answer createAccount(const AdminCall &c) {
    NewAccount account;
    QString problem;
    if (!ApiCodec::decodeNewAccount(c.request.body, &account, &problem))
        return badRequest(problem);
    return one(c.store.createAccount(c.actor(), account), 201);
}

Answer countAccounts(const AdminCall &c) {
    ApiCodec::AccountWindow w;
    QString problem;
    if (!ApiCodec::decodeAccountWindow(c.request.query, &w, &problem))
        return badRequest(problem);
    const auto n = LedgerReader(c.store).countAccounts(w.query);
    return n ? ApiResponse::json(200, QJsonObject{{QStringLiteral("count"), *n}})
             : ApiResponse::error(n.error());
}

Answer account(const AdminCall &c) {
    return one(c.store.account(c.id()));
}

Answer history(const AdminCall &c) {
    qint64 before = 0, limit = 0;
    QString problem;
    if (!ApiCodec::queryInt(c.request.query, QStringLiteral("before"), 0, MaxInt, 0, &before, &problem) ||
        !ApiCodec::queryInt(c.request.query, QStringLiteral("limit"), 1, 1000, 100, &limit, &problem))
        return badRequest(problem);
    return list(LedgerReader(c.store).history(c.id(), before, int(limit)), QStringLiteral("entries"));
}

Answer balances(const AdminCall &c) {
    qint64 from = 0, to = 0;
    QString problem;
    if (!ApiCodec::queryInt(c.request.query, QStringLiteral("from"), 0, MaxInt, 0, &from, &problem) ||
        !ApiCodec::queryInt(c.request.query, QStringLiteral("to"), 0, MaxInt, 0, &to, &problem))
        return badRequest(problem);
    return list(LedgerReader(c.store).balanceSeries(c.id(), from, to), QStringLiteral("points"));
}

Answer balanceAt(const AdminCall &c) {
    // One balance at a moment, as the entries up to it add up (walletctl balance --at): exact to the
    // millisecond, where balances gives daily closings.
    qint64 at = 0;
    QString problem;
    if (!c.request.query.hasQueryItem(QStringLiteral("at")))
        return badRequest(QStringLiteral("at is required"));
    if (!ApiCodec::queryInt(c.request.query, QStringLiteral("at"), 0, MaxInt, 0, &at, &problem))
        return badRequest(problem);
    const Result<qint64> b = LedgerReader(c.store).balanceAt(c.id(), at);
    if (!b)
        return ApiResponse::error(b.error());
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("account"), c.id()},
                                              {QStringLiteral("at"), at},
                                              {QStringLiteral("balance"), QString::number(*b)}});
}

Answer statement(const AdminCall &c) {
    // Whole UTC days, as walletctl and the desktop ask: from 00:00 of `from` to 00:00 after `to`.
    if (!c.request.query.hasQueryItem(QStringLiteral("from")) ||
        !c.request.query.hasQueryItem(QStringLiteral("to")))
        return badRequest(QStringLiteral("from and to are required (days such as 2026-11-01)"));
    const auto range =
        StatementRange::fromText(query(c, QStringLiteral("from")), query(c, QStringLiteral("to")));
    const QString target = QStringLiteral("account:%1").arg(c.id());
    if (!range) {
        c.store.audit(c.actor(), QStringLiteral("statement"), target, QStringLiteral("failed"),
                      range.error().message);
        return ApiResponse::error(range.error());
    }
    auto s = LedgerReader(c.store).statement(c.id(), range->fromMs, range->toMs);
    if (!s && s.error().code == ErrorCode::Database)
        return s.error(); // as the job's error: LedgerService recovers a lost connection
    // Audited after the read, as a direct connection audits it: the digest is the ledger's before this
    // record.
    c.store.audit(
        c.actor(), QStringLiteral("statement"), target, s ? QStringLiteral("ok") : QStringLiteral("failed"),
        s ? QStringLiteral("%1, %2 entries").arg(range->text()).arg(s->sections.value(0).lines.size())
          : QStringLiteral("%1: %2").arg(range->text(), s.error().message));
    if (!s)
        return ApiResponse::error(s.error());
    s.value().generatedBy = c.principal.operatorName;
    return ApiResponse::json(200, ApiCodec::toJson(*s));
}

template <AccountState State> Answer setState(const AdminCall &c) {
    QString reason, problem;
    if (!ApiCodec::decodeText(c.request.body, QStringLiteral("reason"), &reason, &problem))
        return badRequest(problem);
    return one(c.store.setAccountState(c.actor(), c.id(), State, reason));
}

// --- postings

Answer postingOutcome(const AdminCall &c) {
    // What became of a posting whose answer the client lost: asked by its key, never guessed.
    const QString key = query(c, QStringLiteral("idempotency_key"));
    if (key.trimmed().isEmpty() || key.size() > 200)
        return badRequest(
            QStringLiteral("idempotency_key: give the key the posting was sent with (1 to 200 characters)"));
    const auto outcome = LedgerReader(c.store).postingOutcome(key);
    if (!outcome)
        return ApiResponse::error(outcome.error());
    switch (outcome->status) {
    case PostingOutcome::Status::Posted:
        return ApiResponse::json(200,
                                 QJsonObject{{QStringLiteral("status"), QStringLiteral("posted")},
                                             {QStringLiteral("transaction_id"), outcome->transactionId}});
    case PostingOutcome::Status::Pending:
        return ApiResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("pending")},
                                                  {QStringLiteral("approval_id"), outcome->approvalId}});
    case PostingOutcome::Status::NotFound:
        break;
    }
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("none")}});
}

Answer post(const AdminCall &c) {
    PostingRequest posting;
    QString problem;
    if (!ApiCodec::decodePosting(c.request.body, idempotencyKey(c.request), &posting, &problem))
        return badRequest(problem);
    const auto dry = dryRun(c);
    if (!dry)
        return badDryRun();
    posting.dryRun = *dry;
    // The ledger checks the role again, and the operator's limits. A dry run that would await approval is
    // answered 200: nothing was accepted for later.
    const auto r = c.store.post(c.actor(), posting);
    return one(r, r && r->status == PostingResult::Status::Pending && !r->dryRun ? 202 : 200);
}

Answer postBatch(const AdminCall &c) {
    // Rehearses (dry_run=true) or posts up to MaxBatch postings in one transaction: a bulk
    // import's chunk, each answered after the ones before it.
    const auto dry = dryRun(c);
    if (!dry)
        return badDryRun();
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(c.request.body, &parseError);
    if (!doc.isObject() || !doc.object().value(u"postings"_s).isArray())
        return badRequest(QStringLiteral("the body must be {\"postings\": [ ... ]}"));
    const QJsonArray items = doc.object().value(u"postings"_s).toArray();
    if (items.isEmpty() || items.size() > MaxBatch)
        return badRequest(
            QStringLiteral("postings: give 1 to %1 postings (this has %2)").arg(MaxBatch).arg(items.size()));
    QList<PostingRequest> requests;
    requests.reserve(items.size());
    for (qsizetype i = 0; i < items.size(); ++i) {
        PostingRequest posting;
        QString problem;
        if (!items.at(i).isObject() ||
            !ApiCodec::decodeKeyedPosting(
                QJsonDocument(items.at(i).toObject()).toJson(QJsonDocument::Compact), &posting, &problem))
            return badRequest(QStringLiteral("postings[%1]: %2")
                                  .arg(i)
                                  .arg(problem.isEmpty() ? QStringLiteral("not an object") : problem));
        posting.dryRun = *dry;
        requests << posting;
    }
    const QList<Result<PostingResult>> results = c.store.postBatch(c.actor(), requests);
    QJsonArray out;
    for (const Result<PostingResult> &r : results) {
        if (!r && r.error().code == ErrorCode::Database)
            return r.error(); // the database failed: LedgerService recovers, the batch runs again
        out.append(r ? ApiCodec::toJson(*r) : QJsonObject{{u"error"_s, ApiCodec::toJson(r.error())}});
    }
    return ApiResponse::json(200, QJsonObject{{u"results"_s, out}});
}

Answer transaction(const AdminCall &c) {
    return one(LedgerReader(c.store).transaction(c.id()));
}

Answer reverse(const AdminCall &c) {
    ReversalRequest reversal;
    QString problem;
    if (!ApiCodec::decodeReversal(c.request.body, c.id(), idempotencyKey(c.request), &reversal, &problem))
        return badRequest(problem);
    const auto dry = dryRun(c);
    if (!dry)
        return badDryRun();
    reversal.dryRun = *dry;
    return one(c.store.reverse(c.actor(), reversal));
}

// --- approvals

Answer approvals(const AdminCall &c) {
    const bool pendingOnly = c.request.query.queryItemValue(QStringLiteral("pending")) != u"0";
    return list(LedgerReader(c.store).approvals(pendingOnly, 1000), QStringLiteral("approvals"));
}

template <bool Approve> Answer decide(const AdminCall &c) {
    QString comment, problem;
    if (!ApiCodec::decodeText(c.request.body, QStringLiteral("comment"), &comment, &problem))
        return badRequest(problem);
    const auto dry = dryRun(c);
    if (!dry)
        return badDryRun();
    const WriteMode mode = *dry ? WriteMode::DryRun : WriteMode::Commit;
    if constexpr (Approve)
        return one(c.store.approve(c.actor(), c.id(), comment, mode));
    else
        return one(c.store.reject(c.actor(), c.id(), comment, mode));
}

// --- the economy (docs/economy.md)

Answer economy(const AdminCall &c) {
    const QString currency = query(c, QStringLiteral("currency"));
    if (currency.isEmpty())
        return badRequest(QStringLiteral("currency is required"));
    qint64 from = 0, to = 0;
    QString problem;
    if (!ApiCodec::queryInt(c.request.query, QStringLiteral("from"), 0, MaxInt, 0, &from, &problem) ||
        !ApiCodec::queryInt(c.request.query, QStringLiteral("to"), 0, MaxInt, 0, &to, &problem))
        return badRequest(problem);
    return one(EconomyReader(c.store).economy(currency, from, to));
}

Answer distribution(const AdminCall &c) {
    const QString currency = query(c, QStringLiteral("currency"));
    if (currency.isEmpty())
        return badRequest(QStringLiteral("currency is required"));
    return one(EconomyReader(c.store).distribution(currency));
}

// --- journal, audit, operators

Answer journal(const AdminCall &c) {
    JournalQuery jq;
    qint64 before = 0;
    int limit = 0;
    QString problem;
    if (!ApiCodec::decodeJournalQuery(c.request.query, &jq, &before, &limit, &problem))
        return badRequest(problem);
    return list(LedgerReader(c.store).journal(jq, before, limit), QStringLiteral("lines"));
}

Answer audit(const AdminCall &c) {
    qint64 before = 0, limit = 0;
    QString problem;
    if (!ApiCodec::queryInt(c.request.query, QStringLiteral("before"), 0, MaxInt, 0, &before, &problem) ||
        !ApiCodec::queryInt(c.request.query, QStringLiteral("limit"), 1, 1000, 100, &limit, &problem))
        return badRequest(problem);
    return list(LedgerReader(c.store).audit(before, int(limit)), QStringLiteral("records"));
}

Answer recordExport(const AdminCall &c) {
    // A desktop connected through walletd exports from the answers it got; it says so here, and the record
    // names the session's operator, not whoever the body might claim.
    QString target, detail, problem;
    if (!ApiCodec::decodeExportRecord(c.request.body, &target, &detail, &problem))
        return badRequest(problem);
    c.store.audit(c.actor(), QStringLiteral("export"), target, QStringLiteral("ok"), detail);
    return ApiResponse::json(201, QJsonObject{{QStringLiteral("recorded"), true}});
}

Answer operators(const AdminCall &c) {
    return list(c.store.operators(), QStringLiteral("operators"));
}

// --- verification

Answer verify(const AdminCall &c) {
    return one(c.store.verify());
}

// Background verification with progress and cancel (VerifyJobs): what walletdesk's remote mode uses.
Answer startVerifyJob(const AdminCall &c) {
    // Audited before the job runs, so that its digest covers the record of its own start (a verify right
    // after it then gives the same digest; under load the record used to land after the job's snapshot).
    const auto started = c.verifyJobs.start(c.principal.operatorName, [&](const QString &jobId) {
        c.store.audit(c.actor(), QStringLiteral("verify"), QStringLiteral("verify-job:%1").arg(jobId),
                      QStringLiteral("ok"), QStringLiteral("started"));
    });
    return started ? ApiResponse::json(202, *started) : ApiResponse::error(started.error());
}

Answer verifyJob(const AdminCall &c) {
    const auto job = c.verifyJobs.state(c.params.at(0), c.principal.operatorName);
    return job ? ApiResponse::json(200, *job) : ApiResponse::error(job.error());
}

Answer cancelVerifyJob(const AdminCall &c) {
    const QString id = c.params.at(0);
    const auto job = c.verifyJobs.cancel(id, c.principal.operatorName);
    if (!job)
        return ApiResponse::error(job.error());
    c.store.audit(c.actor(), QStringLiteral("verify"), QStringLiteral("verify-job:%1").arg(id),
                  QStringLiteral("ok"), QStringLiteral("canceled"));
    return ApiResponse::json(200, *job);
}

/// Whether `pattern` (split at '/') matches `segments`; fills `params` with the placeholders' values.
bool matches(const QStringList &pattern, const QStringList &segments, QStringList *params) {
    if (pattern.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern.at(i), &s = segments.at(i);
        if (!p.startsWith(u'{')) {
            if (p != s)
                return false;
        } else if (p == u"{id}" ? !ApiCodec::pathId(s) : s.isEmpty()) {
            return false;
        } else {
            *params << s;
        }
    }
    return true;
}

} // namespace

qint64 AdminCall::id(qsizetype i) const {
    return ApiCodec::pathId(params.at(i)).value_or(0);
}

namespace AdminRoutes {

const QList<AdminRoute> &all() {
    using W = AdminRoute::Worker;
    constexpr auto Public = std::nullopt;
    constexpr Role Viewer = Role::Viewer, Support = Role::Support, Supervisor = Role::Supervisor;
    static const QList<AdminRoute> routes{
        {u"POST"_s, u"/admin/v1/login"_s, Public, W::Auth, u"signing in"_s, login},
        {u"POST"_s, u"/admin/v1/logout"_s, Viewer, W::Auth, u"signing out"_s, logout},
        {u"GET"_s, u"/admin/v1/session"_s, Viewer, W::Read, u"reading the session"_s, session},
        {u"GET"_s, u"/admin/v1/currencies"_s, Viewer, W::Read, u"reading currencies"_s, currencies},
        {u"GET"_s, u"/admin/v1/changes"_s, Viewer, W::Read, u"reading the change token"_s, changes},
        {u"GET"_s, u"/admin/v1/accounts"_s, Viewer, W::Read, u"listing accounts"_s, listAccounts},
        {u"POST"_s, u"/admin/v1/accounts"_s, Support, W::Write, u"creating an account"_s, createAccount},
        {u"GET"_s, u"/admin/v1/accounts/count"_s, Viewer, W::Read, u"counting accounts"_s, countAccounts},
        {u"GET"_s, u"/admin/v1/accounts/{id}"_s, Viewer, W::Read, u"reading an account"_s, account},
        {u"GET"_s, u"/admin/v1/accounts/{id}/history"_s, Viewer, W::Read, u"reading history"_s, history},
        {u"GET"_s, u"/admin/v1/accounts/{id}/balance"_s, Viewer, W::Read, u"reading a balance"_s, balanceAt},
        {u"GET"_s, u"/admin/v1/accounts/{id}/balances"_s, Viewer, W::Read, u"reading balances"_s, balances},
        {u"GET"_s, u"/admin/v1/accounts/{id}/statement"_s, Viewer, W::Read, u"generating a statement"_s,
         statement},
        // "what" as the ledger names these actions, so that a direct connection and walletd say the same.
        {u"POST"_s, u"/admin/v1/accounts/{id}/freeze"_s, Supervisor, W::Write, u"freeze"_s,
         setState<AccountState::Frozen>},
        {u"POST"_s, u"/admin/v1/accounts/{id}/unfreeze"_s, Supervisor, W::Write, u"unfreeze"_s,
         setState<AccountState::Active>},
        {u"POST"_s, u"/admin/v1/accounts/{id}/close"_s, Supervisor, W::Write, u"close"_s,
         setState<AccountState::Closed>},
        {u"GET"_s, u"/admin/v1/postings"_s, Viewer, W::Read, u"looking up a posting"_s, postingOutcome},
        {u"POST"_s, u"/admin/v1/postings"_s, Support, W::Write, u"posting"_s, post},
        {u"POST"_s, u"/admin/v1/postings/batch"_s, Support, W::Write, u"posting"_s, postBatch},
        {u"GET"_s, u"/admin/v1/transactions/{id}"_s, Viewer, W::Read, u"reading a transaction"_s,
         transaction},
        {u"POST"_s, u"/admin/v1/transactions/{id}/reverse"_s, Supervisor, W::Write, u"reversing"_s, reverse},
        {u"GET"_s, u"/admin/v1/approvals"_s, Viewer, W::Read, u"reading approvals"_s, approvals},
        {u"POST"_s, u"/admin/v1/approvals/{id}/approve"_s, Supervisor, W::Write, u"approving"_s,
         decide<true>},
        {u"POST"_s, u"/admin/v1/approvals/{id}/reject"_s, Supervisor, W::Write, u"rejecting"_s,
         decide<false>},
        {u"GET"_s, u"/admin/v1/economy"_s, Viewer, W::Read, u"reading the economy"_s, economy},
        {u"GET"_s, u"/admin/v1/economy/distribution"_s, Viewer, W::Read,
         u"reading the balance distribution"_s, distribution},
        {u"GET"_s, u"/admin/v1/journal"_s, Viewer, W::Read, u"reading the journal"_s, journal},
        {u"GET"_s, u"/admin/v1/audit"_s, Supervisor, W::Read, u"reading the audit log"_s, audit},
        {u"POST"_s, u"/admin/v1/audit/export"_s, Viewer, W::Write, u"recording an export"_s, recordExport},
        {u"GET"_s, u"/admin/v1/operators"_s, Supervisor, W::Read, u"listing operators"_s, operators},
        {u"POST"_s, u"/admin/v1/verify"_s, Supervisor, W::Read, u"verifying the ledger"_s, verify},
        {u"POST"_s, u"/admin/v1/verify-jobs"_s, Supervisor, W::Read, u"verifying the ledger"_s,
         startVerifyJob},
        {u"GET"_s, u"/admin/v1/verify-jobs/{job}"_s, Supervisor, W::Read, u"reading a verification"_s,
         verifyJob},
        {u"DELETE"_s, u"/admin/v1/verify-jobs/{job}"_s, Supervisor, W::Read, u"canceling a verification"_s,
         cancelVerifyJob},
    };
    return routes;
}

std::optional<Match> find(const QString &method, const QString &path) {
    static const QString prefix = QStringLiteral("/admin/v1/");
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QStringList segments = path.split(u'/');
    for (const AdminRoute &route : all()) {
        if (route.method != method)
            continue;
        Match m{&route, {}};
        if (matches(route.pattern.split(u'/'), segments, &m.params))
            return m;
    }
    return std::nullopt;
}

} // namespace AdminRoutes

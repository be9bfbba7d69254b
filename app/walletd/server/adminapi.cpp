#include "adminapi.h"

#include "apicodec.h"
#include "economyreader.h"
#include "ledgerreader.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

ApiResponse json(int status, const QJsonObject &o) {
    return ApiResponse{
        status, QJsonDocument(o).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"), {}};
}

ApiResponse error(const LedgerError &e, int status = 0) {
    return ApiResponse{status ? status : ApiCodec::httpStatus(e.code),
                       ApiCodec::errorBody(e),
                       QByteArrayLiteral("application/json"),
                       {}};
}

ApiResponse badRequest(const QString &message) {
    return error(LedgerError{ErrorCode::InvalidArgument, message});
}

template <typename T> ApiResponse one(const Result<T> &r, int status = 200) {
    if (!r)
        return error(r.error());
    return json(status, ApiCodec::toJson(*r));
}

template <typename T> ApiResponse list(const Result<QList<T>> &r, const QString &name) {
    if (!r)
        return error(r.error());
    QJsonArray a;
    for (const T &item : *r)
        a.append(ApiCodec::toJson(item));
    return json(200, QJsonObject{{name, a}});
}

QString key(const ApiRequest &r) {
    return QString::fromUtf8(r.header(QByteArrayLiteral("idempotency-key")));
}

} // namespace

AdminApi::AdminApi(LedgerService &write, LedgerService &read, LedgerService &auth, VerifyJobs &verifyJobs,
                   QObject *parent)
    : QObject(parent)
    , m_write(write)
    , m_read(read)
    , m_auth(auth)
    , m_verifyJobs(verifyJobs) {}

void AdminApi::authed(LedgerService &service, const ApiRequest &request, Role minimum, const QString &what,
                      Job job, const Respond &respond) {
    const QString token = request.bearerToken();
    if (token.isEmpty()) {
        ApiResponse r =
            error(LedgerError{ErrorCode::PermissionDenied,
                              QStringLiteral("not signed in: send Authorization: Bearer TOKEN from "
                                             "POST /admin/v1/login")},
                  401);
        respond(r);
        return;
    }
    const QString origin = request.origin;
    const QString target = request.method + u' ' + request.path;
    service
        .run([token, origin, minimum, what, target,
              job = std::move(job)](LedgerStore &s) -> Result<ApiResponse> {
            const auto p = OperatorAuth::authenticate(s, token);
            if (!p && p.error().code == ErrorCode::Database)
                return p
                    .error(); // as the job's error, so that a lost connection is recovered and this run again
            if (!p) {
                if (p.error().code == ErrorCode::PermissionDenied)
                    s.audit(Actor{QString(), origin}, QStringLiteral("access"), target,
                            QStringLiteral("denied"), QStringLiteral("invalid or expired token"));
                ApiResponse r = error(p.error(), p.error().code == ErrorCode::PermissionDenied ? 401 : 0);
                return r;
            }
            if (p->role < minimum) {
                const QString message = QStringLiteral("%1 needs the %2 role; %3 is %4")
                                            .arg(what, roleName(minimum), p->operatorName, roleName(p->role));
                s.audit(Actor{p->operatorName, origin}, QStringLiteral("access"), target,
                        QStringLiteral("denied"), message);
                ApiResponse r = error(LedgerError{ErrorCode::PermissionDenied, message});
                r.principal = p->operatorName;
                return r;
            }
            ApiResponse r = job(s, *p);
            r.principal = p->operatorName;
            return r;
        })
        .then(this, [respond](const Result<ApiResponse> &r) { respond(r ? *r : error(r.error())); });
}

void AdminApi::login(const ApiRequest &request, const Respond &respond) {
    QString name, password, problem;
    if (!ApiCodec::decodeLogin(request.body, &name, &password, &problem)) {
        respond(badRequest(problem));
        return;
    }
    const QString origin = request.origin;
    m_auth
        .run([name, password, origin](LedgerStore &s) -> Result<ApiResponse> {
            OperatorAuth::LoginRefusal refusal;
            const auto session = OperatorAuth::login(s, name, password, origin, &refusal);
            if (!session && session.error().code == ErrorCode::Database)
                return session.error(); // as the job's error: LedgerService recovers a lost connection
            if (!session) {
                const int status = refusal == OperatorAuth::LoginRefusal::Throttled        ? 429
                                   : refusal == OperatorAuth::LoginRefusal::BadCredentials ? 401
                                                                                           : 0;
                return error(session.error(), status);
            }
            ApiResponse r = json(
                200, QJsonObject{
                         {QStringLiteral("token"), session->token},
                         {QStringLiteral("operator"), session->operatorName},
                         {QStringLiteral("role"), roleName(session->role)},
                         {QStringLiteral("idle_timeout_s"), qint64(OperatorAuth::IdleTimeoutMs / 1000)},
                         {QStringLiteral("expires_at"), session->createdAt + OperatorAuth::MaxLifetimeMs}});
            r.principal = session->operatorName;
            return r;
        })
        .then(this, [respond](const Result<ApiResponse> &r) { respond(r ? *r : error(r.error())); });
}

bool AdminApi::handle(const ApiRequest &request, const Respond &respond) {
    static const QString prefix = QStringLiteral("/admin/v1/");
    if (!request.path.startsWith(prefix))
        return false;
    const QStringList seg = request.path.mid(prefix.size()).split(u'/');
    const bool get = request.method == u"GET";
    const bool post = request.method == u"POST";
    const qsizetype n = seg.size();
    const QString &s0 = seg.at(0);
    const QUrlQuery q = request.query;
    QString problem;

    if (n == 1 && s0 == u"login" && post) {
        login(request, respond);
        return true;
    }
    if (n == 1 && s0 == u"logout" && post) {
        const QString token = request.bearerToken();
        authed(
            m_auth, request, Role::Viewer, QStringLiteral("signing out"),
            [token](LedgerStore &s, const OperatorAuth::Principal &p) {
                const auto r = OperatorAuth::logout(s, token);
                if (!r)
                    return error(r.error());
                s.audit(Actor{p.operatorName, QString()}, QStringLiteral("logout"),
                        QStringLiteral("operator:%1").arg(p.operatorName), QStringLiteral("ok"), QString());
                return json(200, QJsonObject{{QStringLiteral("signed_out"), true}});
            },
            respond);
        return true;
    }
    if (n == 1 && s0 == u"session" && get) {
        authed(
            m_read, request, Role::Viewer, QStringLiteral("reading the session"),
            [](LedgerStore &, const OperatorAuth::Principal &p) {
                return json(200, QJsonObject{{QStringLiteral("operator"), p.operatorName},
                                             {QStringLiteral("role"), roleName(p.role)}});
            },
            respond);
        return true;
    }
    if (n == 1 && s0 == u"currencies" && get) {
        authed(
            m_read, request, Role::Viewer, QStringLiteral("reading currencies"),
            [](LedgerStore &s, const OperatorAuth::Principal &) {
                return list(s.currencies(), QStringLiteral("currencies"));
            },
            respond);
        return true;
    }
    if (n == 1 && s0 == u"changes" && get) {
        authed(
            m_read, request, Role::Viewer, QStringLiteral("reading the change token"),
            [](LedgerStore &s, const OperatorAuth::Principal &) {
                const auto t = LedgerReader(s).changeToken();
                return t ? json(200, QJsonObject{{QStringLiteral("token"), QString::number(*t)}})
                         : error(t.error());
            },
            respond);
        return true;
    }
    if (s0 == u"economy" && get && (n == 1 || (n == 2 && seg.at(1) == u"distribution"))) {
        // The query is read after the caller is known: an anonymous caller learns nothing of its validation.
        const bool whole = n == 1;
        authed(
            m_read, request, Role::Viewer,
            whole ? QStringLiteral("reading the economy")
                  : QStringLiteral("reading the balance distribution"),
            [q, whole](LedgerStore &s, const OperatorAuth::Principal &) {
                const QString currency = q.queryItemValue(QStringLiteral("currency"), QUrl::FullyDecoded);
                if (currency.isEmpty())
                    return badRequest(QStringLiteral("currency is required"));
                if (!whole)
                    return one(EconomyReader(s).distribution(currency));
                qint64 from = 0, to = 0;
                QString bad;
                if (!ApiCodec::queryInt(q, QStringLiteral("from"), 0, std::numeric_limits<qint64>::max(), 0,
                                        &from, &bad) ||
                    !ApiCodec::queryInt(q, QStringLiteral("to"), 0, std::numeric_limits<qint64>::max(), 0,
                                        &to, &bad))
                    return badRequest(bad);
                return one(EconomyReader(s).economy(currency, from, to));
            },
            respond);
        return true;
    }
    if (s0 == u"accounts") {
        if (n == 1 && get) {
            ApiCodec::AccountWindow w;
            if (!ApiCodec::decodeAccountWindow(q, &w, &problem)) {
                respond(badRequest(problem));
                return true;
            }
            authed(
                m_read, request, Role::Viewer, QStringLiteral("listing accounts"),
                [w](LedgerStore &s, const OperatorAuth::Principal &) {
                    const auto page = LedgerReader(s).accounts(w.query, w.offset, w.limit, w.after, w.total);
                    if (!page)
                        return error(page.error());
                    QJsonArray a;
                    for (const Account &acc : page->accounts)
                        a.append(ApiCodec::toJson(acc));
                    return json(200, QJsonObject{{QStringLiteral("offset"), page->offset},
                                                 {QStringLiteral("accounts"), a}});
                },
                respond);
            return true;
        }
        if (n == 2 && seg.at(1) == u"count" && get) {
            ApiCodec::AccountWindow w;
            if (!ApiCodec::decodeAccountWindow(q, &w, &problem)) {
                respond(badRequest(problem));
                return true;
            }
            authed(
                m_read, request, Role::Viewer, QStringLiteral("counting accounts"),
                [w](LedgerStore &s, const OperatorAuth::Principal &) {
                    const auto c = LedgerReader(s).countAccounts(w.query);
                    return c ? json(200, QJsonObject{{QStringLiteral("count"), *c}}) : error(c.error());
                },
                respond);
            return true;
        }
        if (n == 1 && post) {
            NewAccount account;
            if (!ApiCodec::decodeNewAccount(request.body, &account, &problem)) {
                respond(badRequest(problem));
                return true;
            }
            const QString origin = request.origin;
            authed(
                m_write, request, Role::Support, QStringLiteral("creating an account"),
                [account, origin](LedgerStore &s, const OperatorAuth::Principal &p) {
                    return one(s.createAccount(Actor{p.operatorName, origin}, account), 201);
                },
                respond);
            return true;
        }
        const auto id = n >= 2 ? ApiCodec::pathId(seg.at(1)) : std::nullopt;
        if (!id)
            return false;
        const qint64 accountId = *id;
        if (n == 2 && get) {
            authed(
                m_read, request, Role::Viewer, QStringLiteral("reading an account"),
                [accountId](LedgerStore &s, const OperatorAuth::Principal &) {
                    return one(s.account(accountId));
                },
                respond);
            return true;
        }
        if (n == 3 && seg.at(2) == u"history" && get) {
            qint64 before = 0, limit = 0;
            if (!ApiCodec::queryInt(q, QStringLiteral("before"), 0, std::numeric_limits<qint64>::max(), 0,
                                    &before, &problem) ||
                !ApiCodec::queryInt(q, QStringLiteral("limit"), 1, 1000, 100, &limit, &problem)) {
                respond(badRequest(problem));
                return true;
            }
            authed(
                m_read, request, Role::Viewer, QStringLiteral("reading history"),
                [accountId, before, limit](LedgerStore &s, const OperatorAuth::Principal &) {
                    return list(s.history(accountId, before, int(limit)), QStringLiteral("entries"));
                },
                respond);
            return true;
        }
        if (n == 3 && seg.at(2) == u"balance" && get) {
            // One balance at a moment, as the entries up to it add up (walletctl balance --at): exact to the
            // millisecond, where balances gives daily closings.
            qint64 at = 0;
            if (!ApiCodec::queryInt(q, QStringLiteral("at"), 0, std::numeric_limits<qint64>::max(), 0, &at,
                                    &problem)) {
                respond(badRequest(problem));
                return true;
            }
            if (!q.hasQueryItem(QStringLiteral("at"))) {
                respond(badRequest(QStringLiteral("at is required")));
                return true;
            }
            authed(
                m_read, request, Role::Viewer, QStringLiteral("reading a balance"),
                [accountId, at](LedgerStore &s, const OperatorAuth::Principal &) {
                    const Result<qint64> b = s.balanceAt(accountId, at);
                    if (!b)
                        return error(b.error());
                    return json(200, QJsonObject{{QStringLiteral("account"), accountId},
                                                 {QStringLiteral("at"), at},
                                                 {QStringLiteral("balance"), QString::number(*b)}});
                },
                respond);
            return true;
        }
        if (n == 3 && seg.at(2) == u"balances" && get) {
            qint64 from = 0, to = 0;
            if (!ApiCodec::queryInt(q, QStringLiteral("from"), 0, std::numeric_limits<qint64>::max(), 0,
                                    &from, &problem) ||
                !ApiCodec::queryInt(q, QStringLiteral("to"), 0, std::numeric_limits<qint64>::max(), 0, &to,
                                    &problem)) {
                respond(badRequest(problem));
                return true;
            }
            authed(
                m_read, request, Role::Viewer, QStringLiteral("reading balances"),
                [accountId, from, to](LedgerStore &s, const OperatorAuth::Principal &) {
                    return list(LedgerReader(s).balanceSeries(accountId, from, to), QStringLiteral("points"));
                },
                respond);
            return true;
        }
        if (n == 3 && post && (seg.at(2) == u"freeze" || seg.at(2) == u"unfreeze" || seg.at(2) == u"close")) {
            QString reason;
            if (!ApiCodec::decodeText(request.body, QStringLiteral("reason"), &reason, &problem)) {
                respond(badRequest(problem));
                return true;
            }
            const AccountState state = seg.at(2) == u"freeze"  ? AccountState::Frozen
                                       : seg.at(2) == u"close" ? AccountState::Closed
                                                               : AccountState::Active;
            const QString origin = request.origin;
            authed(
                m_write, request, Role::Viewer, QStringLiteral("changing an account's state"),
                [accountId, state, reason, origin](LedgerStore &s, const OperatorAuth::Principal &p) {
                    return one(s.setAccountState(Actor{p.operatorName, origin}, accountId, state, reason));
                },
                respond);
            return true;
        }
        return false;
    }
    if (n == 1 && s0 == u"postings" && get) {
        // What became of a posting whose answer the client lost: asked by its key, never guessed.
        const QString key =
            request.query.queryItemValue(QStringLiteral("idempotency_key"), QUrl::FullyDecoded);
        authed(
            m_read, request, Role::Viewer, QStringLiteral("looking up a posting"),
            [key](LedgerStore &s, const OperatorAuth::Principal &) -> ApiResponse {
                if (key.trimmed().isEmpty() || key.size() > 200)
                    return badRequest(QStringLiteral(
                        "idempotency_key: give the key the posting was sent with (1 to 200 characters)"));
                const auto outcome = s.postingOutcome(key);
                if (!outcome)
                    return error(outcome.error());
                switch (outcome->status) {
                case PostingOutcome::Status::Posted:
                    return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("posted")},
                                                 {QStringLiteral("transaction_id"), outcome->transactionId}});
                case PostingOutcome::Status::Pending:
                    return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("pending")},
                                                 {QStringLiteral("approval_id"), outcome->approvalId}});
                case PostingOutcome::Status::NotFound:
                    break;
                }
                return json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("none")}});
            },
            respond);
        return true;
    }
    if (n == 1 && s0 == u"postings" && post) {
        PostingRequest posting;
        if (!ApiCodec::decodePosting(request.body, key(request), &posting, &problem)) {
            respond(badRequest(problem));
            return true;
        }
        const QString origin = request.origin;
        // The ledger checks the role (support or above) and the operator's limits itself.
        authed(
            m_write, request, Role::Viewer, QStringLiteral("posting"),
            [posting, origin](LedgerStore &s, const OperatorAuth::Principal &p) {
                const auto r = s.post(Actor{p.operatorName, origin}, posting);
                return one(r, r && r->status == PostingResult::Status::Pending ? 202 : 200);
            },
            respond);
        return true;
    }
    if (s0 == u"transactions" && n >= 2) {
        const auto id = ApiCodec::pathId(seg.at(1));
        if (!id)
            return false;
        const qint64 txId = *id;
        if (n == 2 && get) {
            authed(
                m_read, request, Role::Viewer, QStringLiteral("reading a transaction"),
                [txId](LedgerStore &s, const OperatorAuth::Principal &) { return one(s.transaction(txId)); },
                respond);
            return true;
        }
        if (n == 3 && seg.at(2) == u"reverse" && post) {
            ReversalRequest reversal;
            if (!ApiCodec::decodeReversal(request.body, txId, key(request), &reversal, &problem)) {
                respond(badRequest(problem));
                return true;
            }
            const QString origin = request.origin;
            authed(
                m_write, request, Role::Viewer, QStringLiteral("reversing"),
                [reversal, origin](LedgerStore &s, const OperatorAuth::Principal &p) {
                    return one(s.reverse(Actor{p.operatorName, origin}, reversal));
                },
                respond);
            return true;
        }
        return false;
    }
    if (s0 == u"approvals") {
        if (n == 1 && get) {
            bool pendingOnly = q.queryItemValue(QStringLiteral("pending")) != u"0";
            authed(
                m_read, request, Role::Viewer, QStringLiteral("reading approvals"),
                [pendingOnly](LedgerStore &s, const OperatorAuth::Principal &) {
                    return list(s.approvals(pendingOnly, 1000), QStringLiteral("approvals"));
                },
                respond);
            return true;
        }
        const auto id = n == 3 ? ApiCodec::pathId(seg.at(1)) : std::nullopt;
        if (!id || !post || (seg.at(2) != u"approve" && seg.at(2) != u"reject"))
            return false;
        QString comment;
        if (!ApiCodec::decodeText(request.body, QStringLiteral("comment"), &comment, &problem)) {
            respond(badRequest(problem));
            return true;
        }
        const qint64 approvalId = *id;
        const QString origin = request.origin;
        if (seg.at(2) == u"approve")
            authed(
                m_write, request, Role::Viewer, QStringLiteral("approving"),
                [approvalId, comment, origin](LedgerStore &s, const OperatorAuth::Principal &p) {
                    return one(s.approve(Actor{p.operatorName, origin}, approvalId, comment));
                },
                respond);
        else
            authed(
                m_write, request, Role::Viewer, QStringLiteral("rejecting"),
                [approvalId, comment, origin](LedgerStore &s, const OperatorAuth::Principal &p) {
                    return one(s.reject(Actor{p.operatorName, origin}, approvalId, comment));
                },
                respond);
        return true;
    }
    if (n == 1 && s0 == u"journal" && get) {
        JournalQuery jq;
        qint64 before = 0;
        int limit = 0;
        if (!ApiCodec::decodeJournalQuery(q, &jq, &before, &limit, &problem)) {
            respond(badRequest(problem));
            return true;
        }
        authed(
            m_read, request, Role::Viewer, QStringLiteral("reading the journal"),
            [jq, before, limit](LedgerStore &s, const OperatorAuth::Principal &) {
                return list(LedgerReader(s).journal(jq, before, limit), QStringLiteral("lines"));
            },
            respond);
        return true;
    }
    if (n == 1 && s0 == u"audit" && get) {
        qint64 before = 0, limit = 0;
        if (!ApiCodec::queryInt(q, QStringLiteral("before"), 0, std::numeric_limits<qint64>::max(), 0,
                                &before, &problem) ||
            !ApiCodec::queryInt(q, QStringLiteral("limit"), 1, 1000, 100, &limit, &problem)) {
            respond(badRequest(problem));
            return true;
        }
        authed(
            m_read, request, Role::Supervisor, QStringLiteral("reading the audit log"),
            [before, limit](LedgerStore &s, const OperatorAuth::Principal &) {
                return list(s.audit(before, int(limit)), QStringLiteral("records"));
            },
            respond);
        return true;
    }
    if (n == 1 && s0 == u"operators" && get) {
        authed(
            m_read, request, Role::Supervisor, QStringLiteral("listing operators"),
            [](LedgerStore &s, const OperatorAuth::Principal &) {
                return list(s.operators(), QStringLiteral("operators"));
            },
            respond);
        return true;
    }
    if (n == 1 && s0 == u"verify" && post) {
        authed(
            m_read, request, Role::Supervisor, QStringLiteral("verifying the ledger"),
            [](LedgerStore &s, const OperatorAuth::Principal &) { return one(s.verify()); }, respond);
        return true;
    }
    // Background verification with progress and cancel (VerifyJobs): what walletdesk's remote mode uses.
    if (s0 == u"verify-jobs" && ((n == 1 && post) || (n == 2 && (get || request.method == u"DELETE")))) {
        VerifyJobs *jobs = &m_verifyJobs;
        const QString id = n == 2 ? seg.at(1) : QString(), origin = request.origin;
        const QString what = n == 1 ? QStringLiteral("verifying the ledger")
                             : get  ? QStringLiteral("reading a verification")
                                    : QStringLiteral("canceling a verification");
        authed(
            m_read, request, Role::Supervisor, what,
            [jobs, id, get, origin](LedgerStore &s, const OperatorAuth::Principal &p) {
                if (id.isEmpty()) {
                    // Audited before the job runs, so that its digest covers the record of its own start (a
                    // verify right after it then gives the same digest; under load the record used to land
                    // after the job's snapshot).
                    const auto started = jobs->start(p.operatorName, [&](const QString &jobId) {
                        s.audit(Actor{p.operatorName, origin}, QStringLiteral("verify"),
                                QStringLiteral("verify-job:%1").arg(jobId), QStringLiteral("ok"),
                                QStringLiteral("started"));
                    });
                    if (!started)
                        return error(started.error());
                    return json(202, *started);
                }
                const auto job = get ? jobs->state(id, p.operatorName) : jobs->cancel(id, p.operatorName);
                if (!job)
                    return error(job.error());
                if (!get)
                    s.audit(Actor{p.operatorName, origin}, QStringLiteral("verify"),
                            QStringLiteral("verify-job:%1").arg(id), QStringLiteral("ok"),
                            QStringLiteral("canceled"));
                return json(200, *job);
            },
            respond);
        return true;
    }
    return false;
}

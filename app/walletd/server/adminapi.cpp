#include "adminapi.h"

namespace {

/// The answer to a request whose route needs a signed-in operator but which carries no token.
ApiResponse notSignedIn() {
    return ApiResponse::error(
        LedgerError{ErrorCode::PermissionDenied,
                    QStringLiteral("not signed in: send Authorization: Bearer TOKEN from "
                                   "POST /admin/v1/login")},
        401);
}

/// Authenticates `token` and checks `route`'s least role, on the worker's connection; the denial (audited),
/// or nullopt with *principal set. An error is a lost connection: LedgerService reconnects and runs the job
/// again.
Result<std::optional<ApiResponse>> admit(LedgerStore &s, const AdminRoute &route, const QString &token,
                                         const ApiRequest &request, OperatorAuth::Principal *principal) {
    const QString target = request.method + u' ' + request.path;
    const auto p = OperatorAuth::authenticate(s, token);
    if (!p && p.error().code == ErrorCode::Database)
        return p.error();
    if (!p) {
        if (p.error().code == ErrorCode::PermissionDenied)
            s.audit(Actor{QString(), request.origin}, QStringLiteral("access"), target,
                    QStringLiteral("denied"), QStringLiteral("invalid or expired token"));
        return std::optional(
            ApiResponse::error(p.error(), p.error().code == ErrorCode::PermissionDenied ? 401 : 0));
    }
    if (p->role < *route.minimum) {
        const QString message =
            QStringLiteral("%1 needs the %2 role; %3 is %4")
                .arg(route.what, roleName(*route.minimum), p->operatorName, roleName(p->role));
        s.audit(Actor{p->operatorName, request.origin}, QStringLiteral("access"), target,
                QStringLiteral("denied"), message);
        ApiResponse r = ApiResponse::error(LedgerError{ErrorCode::PermissionDenied, message});
        r.principal = p->operatorName;
        return std::optional(r);
    }
    *principal = *p;
    return std::optional<ApiResponse>();
}

} // namespace

AdminApi::AdminApi(LedgerService &write, LedgerService &read, LedgerService &auth, VerifyJobs &verifyJobs,
                   QObject *parent)
    : QObject(parent)
    , m_write(write)
    , m_read(read)
    , m_auth(auth)
    , m_verifyJobs(verifyJobs) {}

LedgerService &AdminApi::worker(AdminRoute::Worker worker) {
    switch (worker) {
    case AdminRoute::Worker::Write:
        return m_write;
    case AdminRoute::Worker::Auth:
        return m_auth;
    case AdminRoute::Worker::Read:
        break;
    }
    return m_read;
}

bool AdminApi::handle(const ApiRequest &request, const Respond &respond) {
    auto match = AdminRoutes::find(request.method, request.path);
    if (!match)
        return false;
    const AdminRoute *route = match->route;
    const QString token = request.bearerToken();
    if (route->minimum && token.isEmpty()) {
        respond(notSignedIn()); // without a token nothing needs the database
        return true;
    }
    VerifyJobs *jobs = &m_verifyJobs;
    worker(route->worker)
        .run([route, token, request, params = std::move(match->params),
              jobs](LedgerStore &s) -> Result<ApiResponse> {
            OperatorAuth::Principal principal;
            if (route->minimum) {
                const auto denied = admit(s, *route, token, request, &principal);
                if (!denied)
                    return denied.error();
                if (*denied)
                    return **denied;
            }
            Result<ApiResponse> r = route->handler(AdminCall{request, params, s, principal, *jobs});
            if (r && route->minimum)
                r.value().principal = principal.operatorName;
            return r;
        })
        .then(this,
              [respond](const Result<ApiResponse> &r) { respond(r ? *r : ApiResponse::error(r.error())); });
    return true;
}

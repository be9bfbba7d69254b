#pragma once

#include "apirequest.h"
#include "ledgerstore.h"
#include "operatorauth.h"
#include "role.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

class VerifyJobs;

/// What an admin route's handler is given. It runs on a ledger worker, after AdminApi has authenticated the
/// caller and checked the route's least role, so a handler validates its input knowing who asks.
struct AdminCall {
    const ApiRequest &request;
    /// The values of the pattern's {placeholders}, in order ({id} already checked to be a positive id).
    const QStringList &params;
    LedgerStore &store;
    /// The signed-in operator; empty for a public route (login).
    const OperatorAuth::Principal &principal;
    VerifyJobs &verifyJobs;

    /// The i-th placeholder as a path id.
    qint64 id(qsizetype i = 0) const;
    /// The operator and the client's address, as the ledger audits them.
    Actor actor() const { return Actor{principal.operatorName, request.origin}; }
};

/// One route of the admin API (docs/api/openapi.yaml, which tst_adminroutes checks against this table).
/// Every route but login needs a signed-in operator of at least `minimum`; AdminApi checks that before the
/// handler looks at the body or the query, so callers hear 401, then 403, then 400, in that order.
struct AdminRoute {
    /// The ledger worker the request runs on (WalletServer): lists must not wait behind a batch's fsync,
    /// nor anything behind the password KDF.
    enum class Worker { Read, Write, Auth };
    using Handler = Result<ApiResponse> (*)(const AdminCall &call);

    QString method;  ///< "GET", "POST" or "DELETE"
    QString pattern; ///< "/admin/v1/accounts/{id}/history": {id} matches a positive id, any other {name} a
                     ///< segment
    /// The least role; nullopt: no sign-in (login). Writes are checked again by the ledger.
    std::optional<Role> minimum;
    Worker worker;
    QString what; ///< names the action in a 403: "<what> needs the <role> role; <operator> is <role>"
    /// Answers the request. An error (rather than an answer) is for a lost connection only: LedgerService
    /// reconnects and runs the job again.
    Handler handler;
};

namespace AdminRoutes {

/// Every admin route, in the order of docs/api/openapi.yaml.
const QList<AdminRoute> &all();

struct Match {
    const AdminRoute *route = nullptr;
    QStringList params; ///< see AdminCall::params
};

/// The route for `method` and `path`, or nullopt: walletd answers 404 both for a path no route has and for a
/// method a path's routes do not take, as it always has.
std::optional<Match> find(const QString &method, const QString &path);

} // namespace AdminRoutes

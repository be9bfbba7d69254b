#pragma once

#include "apirequest.h"
#include "ledgerservice.h"
#include "operatorauth.h"
#include "verifyjobs.h"

#include <QObject>

/// The admin API under /admin/v1 (docs/api/openapi.yaml): what walletdesk's remote mode uses. Every route but
/// login needs a bearer token from login; every route checks the signed-in operator's role, and the ledger
/// checks it again for writes. Denials and failed sign-ins are written to the audit log.
///
/// Each request is one job on a ledger worker: the session check and the work run together on that worker's
/// connection, so the session seen is the one in the database (several walletd processes share it).
class AdminApi final : public QObject {
    Q_OBJECT
public:
    /// `write` runs postings and other writes, `read` the lists, `auth` sign-ins (the password KDF is slow
    /// on purpose and must not hold up the others); `verifyJobs` the background verifications.
    AdminApi(LedgerService &write, LedgerService &read, LedgerService &auth, VerifyJobs &verifyJobs,
             QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(AdminApi)

    /// Answers the request when its path is an admin route (returns true), else returns false.
    bool handle(const ApiRequest &request, const Respond &respond);

private:
    using Job = std::function<ApiResponse(LedgerStore &, const OperatorAuth::Principal &)>;
    /// Authenticates, checks that the operator has at least `minimum`, then runs `job`, all on `service`.
    void authed(LedgerService &service, const ApiRequest &request, Role minimum, const QString &what, Job job,
                const Respond &respond);
    void login(const ApiRequest &request, const Respond &respond);

    LedgerService &m_write;
    LedgerService &m_read;
    LedgerService &m_auth;
    VerifyJobs &m_verifyJobs;
};

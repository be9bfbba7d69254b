#pragma once

#include "adminroutes.h"
#include "apirequest.h"
#include "ledgerservice.h"
#include "verifyjobs.h"

#include <QObject>

/// The admin API under /admin/v1 (docs/api/openapi.yaml): what walletdesk's remote mode uses. Its routes are
/// the table in adminroutes.cpp. Every route but login needs a bearer token from login; AdminApi checks the
/// token (401), then the route's least role (403), and only then lets the route's handler read the body or
/// the query (400), so that an anonymous caller learns nothing of a route's validation. The ledger checks the
/// role again for writes. Denials and failed sign-ins are written to the audit log.
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

    /// Answers the request when its method and path are an admin route (returns true), else returns false.
    bool handle(const ApiRequest &request, const Respond &respond);

private:
    LedgerService &worker(AdminRoute::Worker worker);

    LedgerService &m_write;
    LedgerService &m_read;
    LedgerService &m_auth;
    VerifyJobs &m_verifyJobs;
};

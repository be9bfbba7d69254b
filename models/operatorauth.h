#pragma once

#include "actor.h"
#include "ledgererror.h"
#include "role.h"

#include <QString>

class LedgerStore;

/// Operator passwords and walletd's sign-in sessions, kept in the ledger database (schema 4) so that several
/// walletd processes on one PostgreSQL database honour each other's tokens, logouts and throttling.
///
/// Passwords are stored as "pbkdf2-sha256$ITERATIONS$SALT$HASH" (base64 salt and hash, a 16-byte random salt
/// per operator). A token is 32 random bytes (base64url); only its SHA-256 is stored, so a copy of the
/// database does not hand out sessions. All functions run on the thread that owns the store
/// (LedgerService::run).
namespace OperatorAuth {

inline constexpr int Iterations = 120000;
inline constexpr qint64 IdleTimeoutMs = 30LL * 60 * 1000;
inline constexpr qint64 MaxLifetimeMs = 12LL * 60 * 60 * 1000;
/// After this many failed sign-ins in a row a name is locked for 30 s, doubling per further failure (to 15
/// min).
inline constexpr int FreeFailures = 5;

QString hashPassword(const QString &password, int iterations = Iterations);
bool verifyPassword(const QString &password, const QString &stored);

/// Sets `name`'s password. Allowed to an admin, or to the operator for their own password. Audited.
Result<Done> setPassword(LedgerStore &store, const Actor &actor, const QString &name,
                         const QString &password);

struct Session {
    QString token;
    QString operatorName;
    Role role = Role::Viewer;
    qint64 createdAt = 0;
};

struct Principal {
    qint64 operatorId = 0;
    QString operatorName;
    Role role = Role::Viewer;
};

/// What a refused sign-in was refused for; Throttled answers 429 rather than 401.
enum class LoginRefusal { None, BadCredentials, Throttled };

/// Checks the password (slowly, on purpose), creates a session and audits the outcome (login / ok, or failed,
/// or throttled). A refusal sets *refusal and returns PermissionDenied with a message that does not say
/// whether the name exists.
Result<Session> login(LedgerStore &store, const QString &name, const QString &password, const QString &origin,
                      LoginRefusal *refusal);

/// The operator behind a bearer token, when the session exists, has not been idle for 30 minutes, is younger
/// than 12 hours and its operator is enabled. Touches the session's last use at most every 15 s.
Result<Principal> authenticate(LedgerStore &store, const QString &token);

/// Ends the session of `token` (a no-op for an unknown token).
Result<Done> logout(LedgerStore &store, const QString &token);

} // namespace OperatorAuth

#pragma once

#include "actor.h"
#include "ledgererror.h"
#include "role.h"

#include <QString>

class LedgerStore;

/// Operator passwords and walletd's sign-in sessions, kept in the ledger database (schema 4) so that several
/// walletd processes on one PostgreSQL database honour each other's tokens, logouts and throttling.
///
/// Passwords are stored as Argon2id in the PHC string format, "$argon2id$v=19$m=19456,t=2,p=1$SALT$HASH"
/// (libsodium's crypto_pwhash, OWASP's 2023 minimum: 19 MiB, 2 passes, 1 lane; a 16-byte random salt per
/// operator). Hashes of earlier versions, "pbkdf2-sha256$ITERATIONS$SALT$HASH", still sign in and are
/// replaced by an Argon2id hash on the next successful sign-in. A token is 32 random bytes (base64url); only
/// its SHA-256 is stored, so a copy of the database does not hand out sessions. All functions run on the
/// thread that owns the store (LedgerService::run). docs/security.md has the reasons.
namespace OperatorAuth {

inline constexpr unsigned long long Argon2Passes = 2;
inline constexpr size_t Argon2MemoryBytes = size_t(19) * 1024 * 1024;
inline constexpr qint64 IdleTimeoutMs = 30LL * 60 * 1000;
inline constexpr qint64 MaxLifetimeMs = 12LL * 60 * 60 * 1000;
/// After this many failed sign-ins in a row a name is locked for 30 s, doubling per further failure (to 15
/// min).
inline constexpr int FreeFailures = 5;

/// A new Argon2id hash of `password` with the parameters above.
QString hashPassword(const QString &password);
/// A "pbkdf2-sha256$..." hash as versions before 0.10 wrote them: only for tests of the upgrade path and for
/// bench_passwords' comparison; nothing stores new ones.
QString hashPasswordPbkdf2(const QString &password, int iterations);
/// True when `password` matches `stored` (Argon2id or PBKDF2-HMAC-SHA256; anything else never matches).
bool verifyPassword(const QString &password, const QString &stored);
/// True when `stored` is not an Argon2id hash with today's parameters, so a sign-in should rewrite it.
bool needsRehash(const QString &stored);

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

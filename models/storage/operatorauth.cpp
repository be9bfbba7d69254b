#include "operatorauth.h"

#include "ledgerstore.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <sodium.h>

namespace OperatorAuth {

namespace {

constexpr int SaltBytes = 16;
constexpr int HashBytes = 32;
constexpr qint64 TouchEveryMs = 15000;

qint64 nowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

QByteArray pbkdf2(const QByteArray &password, const QByteArray &salt, int iterations) {
    QByteArray out(HashBytes, '\0');
    if (PKCS5_PBKDF2_HMAC(password.constData(), int(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.constData()), int(salt.size()),
                          iterations, EVP_sha256(), HashBytes,
                          reinterpret_cast<unsigned char *>(out.data())) != 1)
        return {};
    return out;
}

QByteArray randomBytes(int n) {
    QByteArray out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n) != 1)
        qFatal("OperatorAuth: the OpenSSL random generator failed");
    return out;
}

QString tokenHash(const QString &token) {
    const QByteArray t = token.toUtf8();
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char *>(t.constData()), size_t(t.size()), digest);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(digest), SHA256_DIGEST_LENGTH).toHex());
}

/// Runs one statement with positional values. QPSQL allows one active query per connection, so the caller
/// reads what it needs and the query is finished when it goes out of scope.
bool exec(QSqlQuery &q, const QString &sql, const QVariantList &values, QString *error) {
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

LedgerError dbError(const QString &what) {
    return LedgerError{ErrorCode::Database, QStringLiteral("the session store failed: %1").arg(what)};
}

qint64 throttleDelayMs(int failures) {
    if (failures < FreeFailures)
        return 0;
    const int doublings = std::min(failures - FreeFailures, 5);
    return std::min<qint64>(30000LL << doublings, 15LL * 60 * 1000);
}

/// libsodium must be initialised once before use; sodium_init is thread-safe and cheap after the first call.
void initSodium() {
    static const bool ready = sodium_init() >= 0;
    if (!ready)
        qFatal("OperatorAuth: libsodium could not be initialised");
}

bool verifyPbkdf2(const QString &password, const QString &stored) {
    const QStringList parts = stored.split(u'$');
    if (parts.size() != 4 || parts.at(0) != u"pbkdf2-sha256")
        return false;
    bool ok = false;
    const int iterations = parts.at(1).toInt(&ok);
    if (!ok || iterations < 1 || iterations > 10000000)
        return false;
    const QByteArray salt = QByteArray::fromBase64(parts.at(2).toLatin1());
    const QByteArray expected = QByteArray::fromBase64(parts.at(3).toLatin1());
    const QByteArray actual = pbkdf2(password.toUtf8(), salt, iterations);
    return expected.size() == HashBytes && actual.size() == HashBytes &&
           CRYPTO_memcmp(expected.constData(), actual.constData(), HashBytes) == 0;
}

/// What an unknown name's password is checked against, so that a sign-in for a name that does not exist takes
/// as long as one for a name that does.
const QString &dummyHash() {
    static const QString hash = hashPassword(QStringLiteral("no operator has this password"));
    return hash;
}

} // namespace

QString hashPassword(const QString &password) {
    initSodium();
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_argon2id_STRBYTES];
    // Fails only when the memory cannot be had: the caller cannot do without a hash, so this is fatal.
    if (crypto_pwhash_argon2id_str(out, utf8.constData(), quint64(utf8.size()), Argon2Passes,
                                   Argon2MemoryBytes) != 0)
        qFatal("OperatorAuth: Argon2id could not allocate its %zu bytes", Argon2MemoryBytes);
    return QString::fromLatin1(out);
}

QString hashPasswordPbkdf2(const QString &password, int iterations) {
    const QByteArray salt = randomBytes(SaltBytes);
    const QByteArray hash = pbkdf2(password.toUtf8(), salt, iterations);
    return QStringLiteral("pbkdf2-sha256$%1$%2$%3")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(hash.toBase64()));
}

bool verifyPassword(const QString &password, const QString &stored) {
    if (!stored.startsWith(u"$argon2id$"))
        return verifyPbkdf2(password, stored);
    initSodium();
    const QByteArray hash = stored.toLatin1();
    if (hash.size() >= crypto_pwhash_argon2id_STRBYTES)
        return false;
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_argon2id_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) == 0;
}

bool needsRehash(const QString &stored) {
    if (!stored.startsWith(u"$argon2id$"))
        return true;
    initSodium();
    const QByteArray hash = stored.toLatin1();
    return hash.size() >= crypto_pwhash_argon2id_STRBYTES ||
           crypto_pwhash_argon2id_str_needs_rehash(hash.constData(), Argon2Passes, Argon2MemoryBytes) != 0;
}

Result<Done> setPassword(LedgerStore &store, const Actor &actor, const QString &name,
                         const QString &password) {
    const QString target = QStringLiteral("operator:%1").arg(name);
    auto refuse = [&](ErrorCode code, const QString &message) -> Result<Done> {
        store.audit(actor, QStringLiteral("operator-passwd"), target,
                    code == ErrorCode::PermissionDenied ? QStringLiteral("denied")
                                                        : LedgerError::codeName(code),
                    message);
        return LedgerError{code, message};
    };
    if (password.size() < 8)
        return LedgerError{ErrorCode::InvalidArgument,
                           QStringLiteral("a password needs at least 8 characters")};
    if (password.size() > 1024)
        return LedgerError{ErrorCode::InvalidArgument,
                           QStringLiteral("the password is longer than 1024 characters")};
    if (const QString readOnly = store.readOnlyReason(); !readOnly.isEmpty())
        return LedgerError{ErrorCode::Database, readOnly};
    auto ops = store.operators();
    if (!ops)
        return ops.error();
    const OperatorInfo *self = nullptr;
    bool exists = false;
    for (const OperatorInfo &o : *ops) {
        if (o.name == actor.operatorName)
            self = &o;
        exists = exists || o.name == name;
    }
    if (!self || self->disabled)
        return refuse(
            ErrorCode::PermissionDenied,
            QStringLiteral("operator %1 is not an enabled operator of this ledger").arg(actor.operatorName));
    if (self->role != Role::Admin && self->name != name)
        return refuse(ErrorCode::PermissionDenied,
                      QStringLiteral("setting another operator's password needs the admin role; %1 is %2")
                          .arg(actor.operatorName, roleName(self->role)));
    if (!exists)
        return refuse(ErrorCode::NotFound, QStringLiteral("operator %1 does not exist").arg(name));
    QSqlQuery q(store.database());
    QString error;
    if (!exec(q, QStringLiteral("UPDATE operators SET password_hash = ? WHERE name = ?"),
              {hashPassword(password), name}, &error))
        return dbError(error);
    q.finish();
    // A new password ends every session of that operator.
    if (!exec(q,
              QStringLiteral(
                  "DELETE FROM sessions WHERE operator_id = (SELECT id FROM operators WHERE name = ?)"),
              {name}, &error))
        return dbError(error);
    store.audit(actor, QStringLiteral("operator-passwd"), target, QStringLiteral("ok"), QString());
    return Done{};
}

Result<Session> login(LedgerStore &store, const QString &name, const QString &password, const QString &origin,
                      LoginRefusal *refusal) {
    *refusal = LoginRefusal::None;
    // A session is a row in the ledger, and so is a failed attempt: on a read-only ledger there can be
    // neither, so a sign-in is refused with the cause (before the password is checked: the answer says
    // nothing of it).
    if (const QString readOnly = store.readOnlyReason(); !readOnly.isEmpty())
        return LedgerError{ErrorCode::Database, QStringLiteral("cannot sign in: %1").arg(readOnly)};
    const Actor actor{name, origin};
    const QString target = QStringLiteral("operator:%1").arg(name);
    const qint64 now = nowMs();
    QSqlQuery q(store.database());
    QString error;
    // An empty name may arrive as a null QString, which QPSQL binds as NULL: login_failures refuses that (NOT
    // NULL), and a refused sign-in became a database error. Its failures are counted under '' instead.
    const QString failureKey = name.isNull() ? QStringLiteral("") : name;

    if (!exec(q,
              QStringLiteral("SELECT failures, last_failure_at FROM login_failures WHERE operator_name = ?"),
              {failureKey}, &error))
        return dbError(error);
    int failures = 0;
    qint64 lastFailure = 0;
    if (q.next()) {
        failures = q.value(0).toInt();
        lastFailure = q.value(1).toLongLong();
    }
    q.finish();
    const qint64 delay = throttleDelayMs(failures);
    if (delay > 0 && now < lastFailure + delay) {
        *refusal = LoginRefusal::Throttled;
        const qint64 waitS = (lastFailure + delay - now + 999) / 1000;
        const QString message = QStringLiteral("too many failed sign-ins for %1; try again in %2 s")
                                    .arg(name.left(64))
                                    .arg(waitS);
        store.audit(actor, QStringLiteral("login"), target, QStringLiteral("throttled"), message);
        return LedgerError{ErrorCode::PermissionDenied, message};
    }

    if (!exec(q, QStringLiteral("SELECT id, role, disabled, password_hash FROM operators WHERE name = ?"),
              {name}, &error))
        return dbError(error);
    qint64 id = 0;
    QString role, stored;
    bool disabled = false;
    if (q.next()) {
        id = q.value(0).toLongLong();
        role = q.value(1).toString();
        disabled = q.value(2).toInt() != 0;
        stored = q.value(3).toString();
    }
    q.finish();
    // The KDF runs even for an unknown name, so the answer's timing does not tell which names exist.
    const bool good = verifyPassword(password, stored.isEmpty() ? dummyHash() : stored) && id > 0 &&
                      !disabled && !stored.isEmpty();
    if (!good) {
        *refusal = LoginRefusal::BadCredentials;
        if (!exec(
                q,
                QStringLiteral(
                    "INSERT INTO login_failures (operator_name, failures, last_failure_at) VALUES (?, 1, ?) "
                    "ON CONFLICT (operator_name) DO UPDATE SET failures = login_failures.failures + 1, "
                    "last_failure_at = excluded.last_failure_at"),
                {failureKey, now}, &error))
            return dbError(error);
        q.finish();
        const QString why = id == 0            ? QStringLiteral("unknown operator")
                            : disabled         ? QStringLiteral("operator disabled")
                            : stored.isEmpty() ? QStringLiteral("no password set")
                                               : QStringLiteral("wrong password");
        store.audit(actor, QStringLiteral("login"), target, QStringLiteral("failed"), why);
        return LedgerError{ErrorCode::PermissionDenied, QStringLiteral("wrong operator name or password")};
    }

    // A hash from an earlier version (PBKDF2) or with weaker parameters is replaced now, while the password
    // is at hand. Only if it is still the one just checked: a password changed meanwhile stays changed.
    if (needsRehash(stored)) {
        if (!exec(q,
                  QStringLiteral("UPDATE operators SET password_hash = ? WHERE id = ? AND password_hash = ?"),
                  {hashPassword(password), id, stored}, &error))
            return dbError(error);
        q.finish();
    }
    if (!exec(q, QStringLiteral("DELETE FROM login_failures WHERE operator_name = ?"), {name}, &error) ||
        !exec(q, QStringLiteral("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?"),
              {now - IdleTimeoutMs, now - MaxLifetimeMs}, &error))
        return dbError(error);
    Session s;
    s.token = QString::fromLatin1(
        randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    s.operatorName = name;
    s.role = roleFromName(role).value_or(Role::Viewer);
    s.createdAt = now;
    if (!exec(
            q,
            QStringLiteral("INSERT INTO sessions (token_hash, operator_id, origin, created_at, last_seen_at) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {tokenHash(s.token), id, origin, now, now}, &error))
        return dbError(error);
    q.finish();
    store.audit(actor, QStringLiteral("login"), target, QStringLiteral("ok"), QString());
    return s;
}

Result<Principal> authenticate(LedgerStore &store, const QString &token) {
    const LedgerError expired{ErrorCode::PermissionDenied,
                              QStringLiteral("not signed in, or the session has expired; sign in again")};
    if (token.isEmpty() || token.size() > 128)
        return expired;
    const qint64 now = nowMs();
    const QString hash = tokenHash(token);
    QSqlQuery q(store.database());
    QString error;
    if (!exec(
            q,
            QStringLiteral("SELECT s.operator_id, s.created_at, s.last_seen_at, o.name, o.role, o.disabled "
                           "FROM sessions s JOIN operators o ON o.id = s.operator_id WHERE s.token_hash = ?"),
            {hash}, &error))
        return dbError(error);
    if (!q.next())
        return expired;
    Principal p;
    p.operatorId = q.value(0).toLongLong();
    const qint64 created = q.value(1).toLongLong();
    const qint64 lastSeen = q.value(2).toLongLong();
    p.operatorName = q.value(3).toString();
    p.role = roleFromName(q.value(4).toString()).value_or(Role::Viewer);
    const bool disabled = q.value(5).toInt() != 0;
    q.finish();
    if (disabled || now - lastSeen > IdleTimeoutMs || now - created > MaxLifetimeMs) {
        if (store.readOnlyReason().isEmpty())
            exec(q, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {hash}, &error);
        return expired;
    }
    // A ledger that became read-only keeps the sessions it had until they expire; their last use cannot be
    // recorded, so they expire by the time they were last seen before.
    if (now - lastSeen > TouchEveryMs && store.readOnlyReason().isEmpty()) {
        if (!exec(q, QStringLiteral("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?"), {now, hash},
                  &error))
            return dbError(error);
    }
    return p;
}

Result<Done> logout(LedgerStore &store, const QString &token) {
    if (const QString readOnly = store.readOnlyReason(); !readOnly.isEmpty())
        return LedgerError{ErrorCode::Database, readOnly};
    QSqlQuery q(store.database());
    QString error;
    if (!exec(q, QStringLiteral("DELETE FROM sessions WHERE token_hash = ?"), {tokenHash(token)}, &error))
        return dbError(error);
    return Done{};
}

} // namespace OperatorAuth

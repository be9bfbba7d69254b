#include "secretstore.h"

#include <QPromise>
#include <memory>
#include <qt6keychain/keychain.h>

namespace {
const QString ProbeKey = QStringLiteral("walletdesk-keychain-probe");
}

SecretStore::SecretStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service) {}

SecretStore::~SecretStore() = default;

QFuture<SecretStore::Reply> SecretStore::read(const QString &key) {
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setKey(key);
    return start(job);
}

QFuture<SecretStore::Reply> SecretStore::write(const QString &key, const QString &secret) {
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setKey(key);
    job->setTextData(secret);
    return start(job);
}

QFuture<SecretStore::Reply> SecretStore::remove(const QString &key) {
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setKey(key);
    return start(job);
}

QFuture<bool> SecretStore::checkAvailable() {
    return read(ProbeKey).then(
        this, [](const Reply &r) { return r.status == Status::Ok || r.status == Status::NotFound; });
}

QFuture<SecretStore::Reply> SecretStore::start(QKeychain::Job *job) {
    // Explicit although it is QtKeychain's default: with it on, an unavailable keychain would silently store
    // the secret in a QSettings file in plaintext.
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    auto promise = std::make_shared<QPromise<Reply>>();
    promise->start();
    QFuture<Reply> future = promise->future();
    connect(job, &QKeychain::Job::finished, this, [this, promise](QKeychain::Job *done) {
        promise->addResult(replyOf(done));
        promise->finish();
    });
    job->start();
    return future;
}

SecretStore::Reply SecretStore::replyOf(QKeychain::Job *job) {
    Reply reply;
    switch (job->error()) {
    case QKeychain::NoError:
        reply.status = Status::Ok;
        if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job))
            reply.secret = read->textData();
        return reply;
    case QKeychain::EntryNotFound:
        reply.status = Status::NotFound;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        reply.status = Status::Unavailable;
        break;
    case QKeychain::OtherError:
        // On Linux a missing D-Bus session or Secret Service daemon surfaces as OtherError ("Cannot
        // autolaunch D-Bus without X11 $DISPLAY", "The name org.freedesktop.secrets was not provided by any
        // .service files"): to the user it means the same as no keychain at all, so the app asks every time.
        reply.status = Status::Unavailable;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        reply.status = Status::Failed;
        break;
    }
    reply.message = job->errorString();
    if (reply.status == Status::Unavailable && !m_unavailable) {
        m_unavailable = true;
        m_unavailableReason = reply.message;
        Q_EMIT unavailable(reply.message);
    }
    return reply;
}

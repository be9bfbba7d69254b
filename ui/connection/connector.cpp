#include "connector.h"

#include "localledgerclient.h"
#include "remoteledgerclient.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>
#include <QUrl>

Connector::Connector(QObject *parent)
    : QObject(parent) {}

Connector::~Connector() = default;

void Connector::open(const ConnectionProfile &profile, const QString &secret) {
    delete m_pending; // an abandoned attempt: its continuation below is tied to it and dies with it

    if (const auto problems = profile.problems(); !problems.isEmpty()) {
        const LedgerError error{ErrorCode::InvalidArgument, problems.first().message};
        QTimer::singleShot(0, this, [this, error] { Q_EMIT failed(error); });
        return;
    }
    if (profile.kind == ConnectionProfile::Kind::Walletd) {
        // walletd: sign in with the operator's name and password; the token it returns stays in memory.
        auto *remote = new RemoteLedgerClient(this);
        m_pending = remote;
        remote->connectTo(QUrl(profile.walletdUrl), profile.operatorName, secret)
            .then(remote, [this, remote](const Result<SessionInfo> &r) {
                m_pending = nullptr;
                if (r) {
                    Q_EMIT connected(remote);
                    return;
                }
                remote->deleteLater();
                Q_EMIT failed(r.error());
            });
        return;
    }

    auto *client = new LocalLedgerClient(this);
    m_pending = client;
    const DatabaseUrl url = profile.databaseUrl(secret);
    if (profile.kind == ConnectionProfile::Kind::Sqlite && !QFileInfo::exists(profile.sqlitePath)) {
        // A new ledger file: open (which creates and migrates it) and make its first operator admin, so that
        // connectTo() below finds that operator. Only then is the file opened twice.
        const QString name = profile.operatorName;
        client->service().open(url);
        client->service().run([name](LedgerStore &s) { return s.bootstrapAdmin(name); });
    }
    client->connectTo(url, profile.operatorName).then(client, [this, client](const Result<SessionInfo> &r) {
        m_pending = nullptr;
        if (r) {
            Q_EMIT connected(client);
            return;
        }
        client->deleteLater();
        Q_EMIT failed(r.error()); // connectTo() reports a failed open with its own reason
    });
}

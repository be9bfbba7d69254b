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
    // Opened here first although connectTo() opens too: connectTo() reports a failed open only as "no ledger
    // is open", while this future carries the reason (server unreachable, wrong password, not a ledger file),
    // which is what the user needs to read. Jobs run in order, so the steps below follow this open.
    const QFuture<Result<Done>> opened = client->service().open(url);
    if (profile.kind == ConnectionProfile::Kind::Sqlite && !QFileInfo::exists(profile.sqlitePath)) {
        // A new ledger file: opening created and migrated it; its first operator becomes admin.
        const QString name = profile.operatorName;
        client->service().run([name](LedgerStore &s) { return s.bootstrapAdmin(name); });
    }
    client->connectTo(url, profile.operatorName)
        .then(client, [this, client, opened](const Result<SessionInfo> &r) {
            m_pending = nullptr;
            if (r) {
                Q_EMIT connected(client);
                return;
            }
            LedgerError error = r.error();
            if (opened.isFinished() && !opened.result())
                error = opened.result().error();
            client->deleteLater();
            Q_EMIT failed(error);
        });
}

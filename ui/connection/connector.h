#pragma once

#include "connectionprofile.h"
#include "ledgerclient.h"
#include "ledgererror.h"

#include <QObject>
#include <QPointer>

/// Turns a ConnectionProfile and its secret into a connected LedgerClient, without blocking the caller's
/// thread: SQLite and PostgreSQL through LocalLedgerClient::connectTo, walletd through
/// RemoteLedgerClient::connectTo.
///
/// Exactly one of connected() or failed() follows each open(), on this object's thread. A new SQLite file
/// (the user typed a path that does not exist) becomes a new ledger whose first administrator is the
/// profile's operator, as `walletctl init` does it.
class Connector final : public QObject {
    Q_OBJECT
public:
    explicit Connector(QObject *parent = nullptr);
    ~Connector() override;
    Q_DISABLE_COPY_MOVE(Connector)

    /// Starts connecting; an attempt still under way is abandoned (its client deleted, no signal).
    /// The secret is the PostgreSQL password or the walletd token; it goes into the connection in memory
    /// only.
    void open(const ConnectionProfile &profile, const QString &secret);
    bool busy() const { return m_pending != nullptr; }

Q_SIGNALS:
    /// The client is signed in (client->session() is valid). It is a child of this Connector until the
    /// receiver takes it with setParent(); a later open() does not touch it.
    void connected(LedgerClient *client);
    /// Nothing is connected; `error.message` says why, for people (it never holds the secret).
    void failed(const LedgerError &error);

private:
    QPointer<LedgerClient> m_pending;
};

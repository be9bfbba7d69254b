#pragma once

#include "ledgerclient.h"

#include <QObject>

class QLabel;
class QStatusBar;

/// The status bar's labels about the connection: which ledger, whether the way to it is encrypted, online
/// or reconnecting (with the driver's reason as a tooltip), and the operator with their role. A class of its
/// own because how a connection is described (and warned about, when unencrypted) is apart from what the
/// window does with it.
class ConnectionIndicators final : public QObject {
    Q_OBJECT
public:
    /// Adds the labels to `bar`, which owns them and this.
    explicit ConnectionIndicators(QStatusBar *bar);

    void showDisconnected();
    void show(const SessionInfo &session, bool online, const QString &offlineReason);
    /// A request has had no answer for `seconds` (LedgerClient::slowAnswer); 0: none waits any more. While
    /// online, the online label says so instead of "Online".
    void showWaiting(int seconds);

private:
    void showOnline();

    QLabel *m_connection;
    QLabel *m_operator;
    QLabel *m_online;
    QLabel *m_security; ///< whether the connection to the ledger is encrypted
    bool m_connected = false;
    bool m_isOnline = false;
    QString m_offlineReason;
    int m_waitedSeconds = 0;
};

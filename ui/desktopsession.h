#pragma once

#include "commandline.h"
#include "connectionprofile.h"

#include <QObject>
#include <QPointer>

class Connector;
class LedgerClient;
class MainWindow;
class ProfileStore;
class SecretStore;
struct LedgerError;

/// How the desktop app finds its ledger, from start to every later "Connect…":
///   --db URL / --server URL / --profile NAME when given; else the last profile used; else, on the very first
///   start, the embedded demo ledger (made on a worker thread, with a progress dialog) so a new user sees a
///   living economy at once. Whatever fails shows the connection dialog with the reason.
/// Secrets come from the keychain or the dialog and are written back to the keychain only when the user asks
/// and a keychain exists; never to settings or logs.
///
/// In self-test mode (walletdesk --self-test, for the package test) it connects, waits for the first page of
/// accounts, renders the main window, and quits with 0, or 1 with the reason on stderr: no dialog is shown.
class DesktopSession final : public QObject {
    Q_OBJECT
public:
    DesktopSession(MainWindow *window, const CommandLine &commandLine, QObject *parent = nullptr);
    ~DesktopSession() override;
    Q_DISABLE_COPY_MOVE(DesktopSession)

    /// Starts connecting as the command line says.
    void start();
    /// Shows the connection dialog (File > Connect…), with `message` above its buttons.
    void showConnectionDialog(const QString &message = {});

Q_SIGNALS:
    /// Self-test mode: the outcome (0 success). Otherwise unused.
    void selfTestFinished(int exitCode, const QString &message);

private:
    void connectWith(const ConnectionProfile &profile, const QString &secret, bool remember,
                     bool fromDialog = false);
    void connectWithSavedSecret(const ConnectionProfile &profile);
    void openDemo();
    void onConnected(LedgerClient *client);
    void onFailed(const LedgerError &error);
    void fail(const QString &message);

    QPointer<MainWindow> m_window;
    CommandLine m_commandLine;
    ProfileStore *m_profiles = nullptr;
    SecretStore *m_secrets = nullptr;
    Connector *m_connector = nullptr;
    ConnectionProfile m_attempt; ///< the profile being connected
    QString m_attemptSecret;
    bool m_rememberAttempt = false;
    bool m_fromDialog = false; ///< the secret was typed or confirmed in the dialog (remember applies)
};

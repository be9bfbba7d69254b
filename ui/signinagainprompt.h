#pragma once

#include "ledgerclient.h"

#include <QObject>
#include <QPointer>

class QMainWindow;

/// When walletd ends a session (idle or too old), asks for the operator's password and resumes it, so that
/// the views keep their data and the requests that met the end of the session carry on; or gives the
/// session up when the dialog is cancelled. Apart from MainWindow because it is one conversation with its
/// own retries, not something the window shows.
class SignInAgainPrompt final : public QObject {
    Q_OBJECT
public:
    explicit SignInAgainPrompt(QMainWindow *window);

    /// Asks for `client`'s password (again, saying `problem`, after a failed try).
    void ask(LedgerClient *client, const QString &problem = {});

private:
    QMainWindow *m_window;
};

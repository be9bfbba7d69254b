#include "signinagainprompt.h"

#include "mainwindow.h"

#include <QInputDialog>
#include <QMainWindow>
#include <QStatusBar>

// The texts were translated as the main window's (translations/*.ts), where this prompt was written first:
// MainWindow::tr keeps them in that context.

SignInAgainPrompt::SignInAgainPrompt(QMainWindow *window)
    : QObject(window)
    , m_window(window) {}

void SignInAgainPrompt::ask(LedgerClient *client, const QString &problem) {
    if (!client)
        return;
    // Not modal to the application: the views keep their data, and the requests that met the end of the
    // session wait for this answer.
    auto *dialog = new QInputDialog(m_window);
    dialog->setObjectName(QStringLiteral("signInAgain"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(MainWindow::tr("Sign in again"));
    dialog->setInputMode(QInputDialog::TextInput);
    dialog->setTextEchoMode(QLineEdit::Password);
    dialog->setOkButtonText(MainWindow::tr("Sign in"));
    QString text =
        MainWindow::tr(
            "Your session with walletd has ended: sessions end after 30 minutes without use and 12 "
            "hours after signing in.\n\nEnter the password of %1 to carry on where you left off; "
            "what you were doing waits.")
            .arg(client->session().operatorName);
    if (!problem.isEmpty())
        text += QStringLiteral("\n\n") + MainWindow::tr("That did not work: %1").arg(problem);
    dialog->setLabelText(text);
    m_window->statusBar()->showMessage(MainWindow::tr("Signed out by walletd: waiting for your password."));
    // The client that asked; gone (replaced by another connection) means there is nothing to resume.
    const QPointer<LedgerClient> asking(client);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, asking](const QString &password) {
        if (!asking)
            return;
        asking->resumeSession(password).then(this, [this, asking](const Result<SessionInfo> &r) {
            if (r)
                m_window->statusBar()->showMessage(MainWindow::tr("Signed in again."), 5000);
            else
                ask(asking, r.error().message);
        });
    });
    connect(dialog, &QDialog::rejected, this, [this, asking] {
        if (asking)
            asking->abandonSession();
        m_window->statusBar()->showMessage(
            MainWindow::tr("Signed out of walletd. File > Connect… signs in again."));
    });
    dialog->open();
}

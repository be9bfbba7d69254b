#include "desktopsession.h"

#include "accountspage.h"
#include "accounttablemodel.h"
#include "connectiondialog.h"
#include "connector.h"
#include "demoledger.h"
#include "ledgerclient.h"
#include "mainwindow.h"
#include "profilestore.h"
#include "secretstore.h"
#include "workprogress.h"

#include <QFutureWatcher>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTimer>

DesktopSession::DesktopSession(MainWindow *window, const CommandLine &commandLine, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_commandLine(commandLine) {
    m_profiles = new ProfileStore;
    m_secrets = new SecretStore(QStringLiteral("WalletDesk"), this);
    m_connector = new Connector(this);
    connect(m_connector, &Connector::connected, this, &DesktopSession::onConnected);
    connect(m_connector, &Connector::failed, this, &DesktopSession::onFailed);
    connect(window, &MainWindow::connectRequested, this, [this] { showConnectionDialog(); });
}

DesktopSession::~DesktopSession() {
    delete m_profiles;
}

void DesktopSession::start() {
    const CommandLine &cl = m_commandLine;
    switch (cl.target) {
    case CommandLine::Target::Database: {
        QString error;
        const auto url = DatabaseUrl::parse(cl.databaseUrl, &error);
        if (!url) {
            fail(tr("--db: %1").arg(error));
            return;
        }
        QString password;
        ConnectionProfile profile = ConnectionProfile::fromDatabaseUrl(*url, &password);
        profile.operatorName = cl.operatorName.isEmpty() ? DemoLedger::loginName() : cl.operatorName;
        connectWith(profile, password, false);
        return;
    }
    case CommandLine::Target::Server: {
        ConnectionProfile profile;
        profile.kind = ConnectionProfile::Kind::Walletd;
        profile.name = cl.serverUrl;
        profile.walletdUrl = cl.serverUrl;
        profile.operatorName = cl.operatorName.isEmpty() ? DemoLedger::loginName() : cl.operatorName;
        connectWithSavedSecret(profile);
        return;
    }
    case CommandLine::Target::Profile: {
        const auto profile = m_profiles->profile(cl.profileName);
        if (!profile) {
            fail(tr("There is no saved connection profile named \"%1\".").arg(cl.profileName));
            return;
        }
        connectWithSavedSecret(*profile);
        return;
    }
    case CommandLine::Target::Default:
        break;
    }
    if (const auto last = m_profiles->lastUsed()) {
        connectWithSavedSecret(*last);
        return;
    }
    if (m_profiles->isFirstStart()) {
        openDemo(); // a new user sees a living economy at once
        return;
    }
    fail(tr("Choose a ledger to connect to.")); // profiles were deleted: do not force the demo on them
}

void DesktopSession::connectWithSavedSecret(const ConnectionProfile &profile) {
    if (!profile.usesSecret()) {
        connectWith(profile, QString(), false);
        return;
    }
    m_secrets->read(profile.secretKey()).then(this, [this, profile](const SecretStore::Reply &reply) {
        if (reply.status == SecretStore::Status::Ok) {
            connectWith(profile, reply.secret, false);
            return;
        }
        if (m_commandLine.selfTest) { // nobody to ask: try without (a trusting PostgreSQL needs none)
            connectWith(profile, QString(), false);
            return;
        }
        auto *dialog = new ConnectionDialog(m_profiles, m_secrets, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->selectProfile(profile);
        dialog->askForSecret(
            reply.status == SecretStore::Status::Unavailable
                ? tr("No keychain is available in this session: enter the password to connect.")
                : tr("Enter the password to connect."));
        connect(dialog, &QDialog::accepted, this, [this, dialog] {
            connectWith(dialog->profile(), dialog->secret(), dialog->rememberSecret(), true);
        });
        dialog->open();
    });
}

void DesktopSession::openDemo() {
    auto *watcher = new QFutureWatcher<Result<DemoLedger::Ready>>(this);
    QProgressDialog *progress = nullptr;
    if (!m_commandLine.selfTest) {
        progress = WorkProgress{{},
                                tr("Welcome to WalletDesk"),
                                tr("Creating the demo ledger: a small economy of players, purchases and "
                                   "wins, so you have something real to look at…"),
                                {},
                                500, // an existing demo ledger opens without a flash
                                100}
                       .follow(watcher, m_window);
        progress->setValue(0);
    }
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, progress] {
        watcher->deleteLater();
        if (progress)
            progress->close();
        const auto ready = watcher->result();
        if (!ready) {
            fail(tr("The demo ledger could not be created: %1").arg(ready.error().message));
            return;
        }
        connectWith(ConnectionProfile::demoLedger(ready->path, ready->adminOperator), QString(), false);
    });
    watcher->setFuture(DemoLedger::ensure());
}

void DesktopSession::connectWith(const ConnectionProfile &profile, const QString &secret, bool remember,
                                 bool fromDialog) {
    m_fromDialog = fromDialog;
    m_attempt = profile;
    m_attemptSecret = secret;
    m_rememberAttempt = remember;
    if (m_window)
        m_window->statusBar()->showMessage(tr("Connecting to %1…").arg(profile.display()));
    m_connector->open(profile, secret);
}

void DesktopSession::onConnected(LedgerClient *client) {
    if (!m_window)
        return;
    m_window->statusBar()->clearMessage();
    m_window->setClient(client); // takes it
    if (!m_attempt.name.isEmpty() && m_commandLine.target != CommandLine::Target::Database &&
        m_commandLine.target != CommandLine::Target::Server) {
        m_profiles->save(m_attempt, m_attempt.name);
        m_profiles->setLastUsed(m_attempt.name);
    }
    if (m_attempt.usesSecret() && m_fromDialog) {
        if (m_rememberAttempt)
            m_secrets->write(m_attempt.secretKey(), m_attemptSecret);
        else
            m_secrets->remove(m_attempt.secretKey()); // "remember" unchecked: forget what was kept before
    }
    m_attemptSecret.clear();

    if (m_commandLine.selfTest) {
        AccountTableModel *model = m_window->accountsPage()->model();
        auto check = [this, model] {
            if (!model->isIdle())
                return;
            const QImage shot = m_window->grab().toImage();
            if (model->rowCount() == 0 || shot.isNull())
                Q_EMIT selfTestFinished(
                    1, tr("self-test: the accounts list is empty or the window did not render"));
            else
                Q_EMIT selfTestFinished(0, tr("self-test: %1 accounts listed, window rendered %2x%3")
                                               .arg(model->rowCount())
                                               .arg(shot.width())
                                               .arg(shot.height()));
        };
        connect(model, &AccountTableModel::pageLoaded, this, check);
        QTimer::singleShot(0, this, check);
        QTimer::singleShot(60000, this, [this] { Q_EMIT selfTestFinished(1, tr("self-test: timed out")); });
    }
}

void DesktopSession::onFailed(const LedgerError &error) {
    fail(tr("Could not connect to %1: %2").arg(m_attempt.display(), error.message));
}

void DesktopSession::fail(const QString &message) {
    m_attemptSecret.clear();
    if (m_commandLine.selfTest) {
        Q_EMIT selfTestFinished(1, message);
        return;
    }
    showConnectionDialog(message);
}

void DesktopSession::showConnectionDialog(const QString &message) {
    auto *dialog = new ConnectionDialog(m_profiles, m_secrets, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_attempt.name.isEmpty() || m_attempt.kind != ConnectionProfile::Kind::Sqlite)
        dialog->selectProfile(m_attempt);
    if (!message.isEmpty())
        dialog->setMessage(message);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        connectWith(dialog->profile(), dialog->secret(), dialog->rememberSecret(), true);
    });
    dialog->open();
}

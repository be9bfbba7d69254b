#include "connectionindicators.h"

#include "dialogtext.h"
#include "mainwindow.h"

#include <QLabel>
#include <QStatusBar>

// The texts were translated as the main window's (translations/*.ts), where the status bar was written
// first: MainWindow::tr keeps them in that context.

namespace {
QLabel *namedLabel(const char *name, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(QLatin1StringView(name)); // tests find the labels by name
    return label;
}
} // namespace

ConnectionIndicators::ConnectionIndicators(QStatusBar *bar)
    : QObject(bar)
    , m_connection(namedLabel("statusConnection", bar))
    , m_operator(namedLabel("statusOperator", bar))
    , m_online(namedLabel("statusOnline", bar))
    , m_security(namedLabel("statusSecurity", bar)) {
    bar->addWidget(m_connection, 1);
    bar->addPermanentWidget(m_security);
    bar->addPermanentWidget(m_online);
    bar->addPermanentWidget(m_operator);
}

void ConnectionIndicators::showDisconnected() {
    m_connection->setText(MainWindow::tr("Not connected"));
    m_operator->clear();
    m_connected = false;
    m_isOnline = false;
    m_waitedSeconds = 0;
    m_online->clear();
    m_online->setToolTip({});
    m_security->clear();
    m_security->setToolTip({});
}

void ConnectionIndicators::show(const SessionInfo &s, bool online, const QString &offlineReason) {
    m_connection->setText(MainWindow::tr("Ledger: %1").arg(s.connectionLabel));
    m_operator->setText(MainWindow::tr("Operator: %1 (%2)").arg(s.operatorName, DialogText::role(s.role)));
    m_connected = true;
    m_isOnline = online;
    m_offlineReason = offlineReason;
    showOnline();
    switch (s.security.kind) {
    case ConnectionSecurity::Kind::Local:
        m_security->setText(MainWindow::tr("On this computer"));
        m_security->setToolTip(MainWindow::tr("The ledger is on this computer: nothing crosses a network."));
        m_security->setStyleSheet({});
        break;
    case ConnectionSecurity::Kind::Encrypted:
        m_security->setText(MainWindow::tr("Encrypted"));
        m_security->setToolTip(
            MainWindow::tr("The connection to the ledger is encrypted (%1).").arg(s.security.detail));
        m_security->setStyleSheet({});
        break;
    case ConnectionSecurity::Kind::Unencrypted:
        // Only an explicit sslmode=disable or an http:// walletd address gets here: say it plainly.
        m_security->setText(MainWindow::tr("Not encrypted"));
        m_security->setToolTip(MainWindow::tr("The connection to the ledger crosses the network unencrypted: "
                                              "anyone on the way can read and change it."));
        m_security->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold"));
        break;
    }
}

void ConnectionIndicators::showWaiting(int seconds) {
    m_waitedSeconds = seconds;
    if (m_connected) // otherwise there is nothing to wait for
        showOnline();
}

void ConnectionIndicators::showOnline() {
    if (!m_isOnline) {
        // Unreachable says more than slow: the request is retried or fails, it does not just wait.
        m_online->setText(MainWindow::tr("Reconnecting…"));
        m_online->setToolTip(MainWindow::tr("Why: %1").arg(m_offlineReason));
    } else if (m_waitedSeconds > 0) {
        m_online->setText(MainWindow::tr("Waiting for walletd… (no answer for %1 s)").arg(m_waitedSeconds));
        m_online->setToolTip(
            MainWindow::tr(
                "A request to walletd has had no answer for %1 s: walletd or its database is busy, "
                "or the network is slow. The request goes on waiting for its answer.")
                .arg(m_waitedSeconds));
    } else {
        m_online->setText(MainWindow::tr("Online"));
        m_online->setToolTip({});
    }
}

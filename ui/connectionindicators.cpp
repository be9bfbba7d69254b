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
    m_online->clear();
    m_security->clear();
    m_security->setToolTip({});
}

void ConnectionIndicators::show(const SessionInfo &s, bool online, const QString &offlineReason) {
    m_connection->setText(MainWindow::tr("Ledger: %1").arg(s.connectionLabel));
    m_operator->setText(MainWindow::tr("Operator: %1 (%2)").arg(s.operatorName, DialogText::role(s.role)));
    m_online->setText(online ? MainWindow::tr("Online") : MainWindow::tr("Reconnecting…"));
    m_online->setToolTip(online ? QString() : MainWindow::tr("Why: %1").arg(offlineReason));
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

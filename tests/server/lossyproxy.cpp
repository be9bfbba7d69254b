#include "lossyproxy.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

LossyProxy::LossyProxy(quint16 upstream)
    : m_upstream(upstream) {
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, &LossyProxy::forward);
}

void LossyProxy::forward() {
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *up = new QTcpSocket(client);
        up->connectToHost(QHostAddress::LocalHost, m_upstream);
        connect(client, &QTcpSocket::readyRead, up, [this, client, up] {
            const QByteArray request = client->readAll();
            if (m_resetRequests > 0) {
                // The connection is reset before walletd hears of the request.
                --m_resetRequests;
                ++m_reset;
                client->abort();
                client->deleteLater();
                return;
            }
            if (!m_dropAnswersTo.isEmpty() && request.startsWith(m_dropAnswersTo))
                client->setProperty("dropAnswer", true);
            if (!m_stallAnswerTo.isEmpty() && request.startsWith(m_stallAnswerTo)) {
                m_stallAnswerTo.clear();
                client->setProperty("stallMs", std::exchange(m_stallAnswerMs, 0));
            }
            up->write(request);
        });
        connect(up, &QTcpSocket::readyRead, client, [this, client, up] {
            const QByteArray answer = up->readAll();
            if (m_stallMs > 0)
                client->setProperty("stallMs", std::exchange(m_stallMs, 0));
            if (const int ms = client->property("stallMs").toInt(); ms > 0) {
                // A slow network: the answer arrives, late, and whole (what follows its first bytes is held
                // with them).
                client->setProperty("stallMs", 0);
                client->setProperty("holding", true);
                ++m_stalled;
                QPointer<QTcpSocket> target(client);
                QTimer::singleShot(ms, Qt::PreciseTimer, this, [target] {
                    if (!target)
                        return;
                    target->setProperty("holding", false);
                    target->write(target->property("held").toByteArray());
                    target->setProperty("held", QByteArray());
                });
            }
            if (client->property("holding").toBool()) {
                client->setProperty("held", client->property("held").toByteArray() + answer);
                return;
            }
            if (client->property("dropAnswer").toBool()) {
                // walletd did it; the answer is lost on the way back.
                ++m_dropped;
                client->abort();
                client->deleteLater();
                return;
            }
            if (m_drop > 0) {
                --m_drop;
                ++m_dropped;
                client->abort();
                client->deleteLater();
                return;
            }
            client->write(answer);
        });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        // walletd gone or hung up: so is the client's connection.
        connect(up, &QTcpSocket::errorOccurred, client, [client] { client->abort(); });
    }
}

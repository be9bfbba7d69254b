#pragma once

#include "requestsizeguard.h"

#include <QTcpServer>
#include <QTcpSocket>

/// A QTcpServer (or QSslServer) that puts a RequestSizeGuard on each connection before handing it to Qt
/// HttpServer. QAbstractHttpServer takes connections through the virtual nextPendingConnection() and connects
/// its own readyRead slot afterwards, so the guard's slot runs first on every read.
template <typename Server> class GuardedServer final : public Server {
public:
    GuardedServer(qsizetype maxBodyBytes, QObject *parent)
        : Server(parent)
        , m_maxBodyBytes(maxBodyBytes) {}

    QTcpSocket *nextPendingConnection() override {
        QTcpSocket *socket = Server::nextPendingConnection();
        if (socket)
            new RequestSizeGuard(socket, m_maxBodyBytes); // a child of the socket: gone with it
        return socket;
    }

private:
    qsizetype m_maxBodyBytes;
};

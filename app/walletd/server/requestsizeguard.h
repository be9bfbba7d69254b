#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>

class QTcpSocket;

/// Refuses a request whose body is too large before it is read into memory. Qt HttpServer 6.4 buffers a whole
/// request before walletd sees it, so a client announcing a gigabyte would otherwise get it buffered; this
/// guard watches the connection's bytes ahead of Qt's parser (its readyRead slot is connected first, see
/// GuardedServer) and, per request on the connection:
/// - reads the header block (at most MaxHeaderBytes, else 431);
/// - answers 413 at once when Content-Length exceeds the body limit, and 411 for a chunked body (walletd's
///   clients all send a length);
/// - then reads and throws away what the client still sends of that body (so it receives the answer rather
/// than
///   a reset), up to the announced length or a few seconds, and closes the connection.
/// Requests within the limit pass untouched: the guard only peeks at them.
class RequestSizeGuard final : public QObject {
    Q_OBJECT
public:
    static constexpr qsizetype MaxHeaderBytes = qsizetype(32) * 1024;

    RequestSizeGuard(QTcpSocket *socket, qsizetype maxBodyBytes);

private:
    void onReadyRead();
    /// Consumes `data` (the bytes that arrived) through the per-request state machine; false once refused.
    bool scan(const QByteArray &data);
    bool headersComplete();
    void refuse(int status, const QByteArray &reason, const QString &message);

    enum class State { Headers, Body, Refused };

    QPointer<QTcpSocket> m_socket;
    qsizetype m_maxBody;
    State m_state = State::Headers;
    QByteArray m_headers;     ///< the current request's header block so far
    qint64 m_bodyLeft = 0;    ///< State::Body: bytes of the current body still to come
    qint64 m_discardLeft = 0; ///< State::Refused: bytes still to throw away before closing
};

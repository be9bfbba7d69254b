#include "requestsizeguard.h"

#include "accesslog.h"
#include "apicodec.h"
#include "ledgererror.h"

#include <QTcpSocket>
#include <QTimer>

namespace {
/// What the guard throws away after refusing, at the most: beyond it the connection is simply closed.
constexpr qint64 MaxDiscard = qint64(64) * 1024 * 1024;
/// How long a refused client may go on sending before the connection is closed.
constexpr int DiscardMilliseconds = 5000;

/// The value of header `name` (lower case) in a header block, or empty; the first occurrence. Scans in place:
/// it runs on every request, and splitting the block into lines measured at 6% of a charge's network time.
QByteArray headerValue(const QByteArray &block, QByteArrayView name) {
    for (qsizetype line = 0; line < block.size();) {
        qsizetype end = block.indexOf('\n', line);
        if (end < 0)
            end = block.size();
        const QByteArrayView text = QByteArrayView(block).sliced(line, end - line);
        const qsizetype colon = text.indexOf(':');
        if (colon > 0 && text.first(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return text.sliced(colon + 1).trimmed().toByteArray();
        line = end + 1;
    }
    return {};
}
} // namespace

RequestSizeGuard::RequestSizeGuard(QTcpSocket *socket, qsizetype maxBodyBytes)
    : QObject(socket)
    , m_socket(socket)
    , m_maxBody(maxBodyBytes) {
    connect(socket, &QIODevice::readyRead, this, &RequestSizeGuard::onReadyRead);
}

void RequestSizeGuard::onReadyRead() {
    if (!m_socket)
        return;
    if (m_state == State::Refused) {
        // Read and drop: the client still sending its body must not get a reset instead of the answer.
        m_discardLeft -= m_socket->readAll().size();
        if (m_discardLeft <= 0)
            m_socket->disconnectFromHost();
        return;
    }
    // Qt's parser reads everything available after this slot, so what is available now is what is new.
    if (scan(m_socket->peek(m_socket->bytesAvailable())))
        return;
    // Refused: keep these bytes from Qt's parser, and close once the announced body is through.
    m_discardLeft -= m_socket->readAll().size();
    if (m_discardLeft <= 0)
        m_socket->disconnectFromHost();
}

bool RequestSizeGuard::scan(const QByteArray &data) {
    qsizetype at = 0;
    while (at < data.size()) {
        if (m_state == State::Body) {
            const qint64 take = std::min<qint64>(m_bodyLeft, data.size() - at);
            m_bodyLeft -= take;
            at += qsizetype(take);
            if (m_bodyLeft == 0)
                m_state = State::Headers;
            continue;
        }
        // State::Headers: up to the blank line that ends them.
        const qsizetype before = m_headers.size();
        m_headers += data.mid(at);
        const qsizetype end = m_headers.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_headers.size() > MaxHeaderBytes) {
                refuse(431, "Request Header Fields Too Large",
                       QStringLiteral("the request's headers are larger than %1 bytes").arg(MaxHeaderBytes));
                return false;
            }
            return true; // the rest of the headers is still to come
        }
        at += end + 4 - before;
        m_headers.truncate(end + 4);
        if (!headersComplete())
            return false;
        m_headers.clear();
    }
    return true;
}

bool RequestSizeGuard::headersComplete() {
    if (headerValue(m_headers, "transfer-encoding").toLower().contains("chunked")) {
        refuse(411, "Length Required",
               QStringLiteral("send the request body with a Content-Length, not chunked"));
        return false;
    }
    const QByteArray lengthText = headerValue(m_headers, "content-length");
    bool ok = true;
    const qint64 length = lengthText.isEmpty() ? 0 : lengthText.toLongLong(&ok);
    if (!ok || length < 0) {
        refuse(400, "Bad Request", QStringLiteral("Content-Length is not a number of bytes"));
        return false;
    }
    if (length > m_maxBody) {
        m_discardLeft = length;
        refuse(413, "Payload Too Large",
               QStringLiteral("the request body is larger than %1 bytes").arg(m_maxBody));
        return false;
    }
    m_bodyLeft = length;
    m_state = length > 0 ? State::Body : State::Headers;
    return true;
}

void RequestSizeGuard::refuse(int status, const QByteArray &reason, const QString &message) {
    m_state = State::Refused;
    if (m_discardLeft > MaxDiscard)
        m_discardLeft = 0; // not worth reading: close at once
    const QByteArray body = ApiCodec::errorBody({ErrorCode::InvalidArgument, message});
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                    "\r\nContent-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    m_socket->flush();
    // Logged like every answer; the request line names the method and the path.
    const QList<QByteArray> requestLine = m_headers.left(m_headers.indexOf("\r\n")).split(' ');
    AccessLog::write(QString(), QString::fromLatin1(requestLine.value(0, "-").left(16)),
                     QString::fromLatin1(requestLine.value(1, "-").split('?').value(0).left(200)), status, 0);
    if (m_discardLeft <= 0) {
        m_socket->disconnectFromHost();
        return;
    }
    QTimer::singleShot(DiscardMilliseconds, this, [this] {
        if (m_socket)
            m_socket->disconnectFromHost();
    });
}

#pragma once

#include <QObject>
#include <deque>
#include <functional>

class QTcpSocket;

/// Keeps a connection's answers in the order its requests came. HTTP/1.1 lets a client send several requests
/// before the first answer (pipelining) and matches answers to requests by order alone; Qt HttpServer 6.4
/// hands walletd each request as it is parsed, and walletd answers some at once (a health check) and others
/// later from a worker (a posting, a sign-in), so without this a fast answer would overtake a slow one and
/// the client would take it for the other request's.
///
/// One per connection, a child of its socket (forSocket). Each request takes a ticket when it arrives;
/// its answer, when ready, is written at once if every earlier ticket has been written, else kept until they
/// have. A connection that does not pipeline never waits.
class ResponseSequencer final : public QObject {
    Q_OBJECT
public:
    /// Writes one answer (or, if the socket is gone by then, does only the bookkeeping).
    using Write = std::function<void()>;

    /// The socket's sequencer, created on first use.
    static ResponseSequencer *forSocket(QTcpSocket *socket);

    /// The next ticket, in the order requests arrive.
    qint64 take();
    /// The answer for `ticket` is ready: writes it and every later one already ready, or keeps it.
    void ready(qint64 ticket, Write write);

    /// Runs what is still kept (the socket is gone: only the bookkeeping happens), so every request is
    /// accounted for.
    ~ResponseSequencer() override;

private:
    explicit ResponseSequencer(QTcpSocket *socket);

    qint64 m_nextTicket = 0;
    qint64 m_nextToWrite = 0;
    /// Ready answers waiting for an earlier one, indexed from m_nextToWrite; empty slots are not ready.
    std::deque<Write> m_waiting;
};

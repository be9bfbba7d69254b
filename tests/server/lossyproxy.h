#pragma once

// The network between RemoteLedgerClient and walletd, made to fail on purpose: a TCP proxy on loopback for
// the tst_remoteclient_* suites.

#include <QByteArray>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

/// Forwards connections to walletd; on request it swallows answers and cuts the client's connection (as if
/// the network failed after walletd had done the work), resets requests before walletd hears of them, or
/// holds an answer back.
class LossyProxy : public QObject {
public:
    explicit LossyProxy(quint16 upstream);

    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    /// New connections go to walletd on `port` (a walletd started again, on another port).
    void setUpstream(quint16 port) { m_upstream = port; }
    int dropped() const { return m_dropped; }
    /// The next `answers` answers are lost.
    void dropNext(int answers) { m_drop = answers; }
    /// The next answer is held back `ms` milliseconds.
    void stallNext(int ms) { m_stallMs = ms; }
    /// The answer to the next request that starts with `requestLine` is held back `ms` milliseconds.
    void stallAnswerTo(const QByteArray &requestLine, int ms) {
        m_stallAnswerTo = requestLine;
        m_stallAnswerMs = ms;
    }
    int stalled() const { return m_stalled; }
    /// The next `requests` requests are cut off (connection reset) before they reach walletd.
    void resetNext(int requests) { m_resetRequests = requests; }
    /// Every answer to a request that starts with `requestLine` (e.g. "POST /admin/v1/postings") is lost;
    /// an empty line loses none.
    void dropAnswersTo(const QByteArray &requestLine) { m_dropAnswersTo = requestLine; }
    int reset() const { return m_reset; }

private:
    void forward();

    QTcpServer m_server;
    quint16 m_upstream;
    int m_drop = 0;
    int m_dropped = 0;
    int m_stallMs = 0;
    int m_stalled = 0;
    int m_resetRequests = 0;
    int m_reset = 0;
    QByteArray m_dropAnswersTo;
    QByteArray m_stallAnswerTo;
    int m_stallAnswerMs = 0;
};

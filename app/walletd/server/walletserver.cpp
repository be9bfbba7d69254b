#include "walletserver.h"

#include "accesslog.h"
#include "apicodec.h"
#include "guardedserver.h"
#include "responsesequencer.h"

#include <QDateTime>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

namespace {

QString methodName(QHttpServerRequest::Method m) {
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QStringLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QStringLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QStringLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QStringLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QStringLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QStringLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QStringLiteral("PATCH");
    default:
        return QStringLiteral("OTHER");
    }
}

template <typename T> Result<T> wait(QFuture<Result<T>> f) {
    f.waitForFinished();
    return f.result();
}

/// Whether a Connection header's comma-separated options include "close" (case-insensitive).
bool asksToClose(const QByteArray &connection) {
    for (const QByteArray &option : connection.split(','))
        if (option.trimmed().compare("close", Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

WalletServer::WalletServer(ServerConfig config, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_config(std::move(config)) {
    m_deadlineSweep.setInterval(1000);
    connect(&m_deadlineSweep, &QTimer::timeout, this, &WalletServer::sweepDeadlines);
    m_deadlineSweep.start();
}

WalletServer::~WalletServer() = default;

QString WalletServer::baseUrl() const {
    const bool v6 = m_config.hostText.contains(u':');
    return QStringLiteral("%1://%2:%3")
        .arg(m_config.tlsCert.isEmpty() ? u"http" : u"https",
             v6 ? u'[' + m_config.hostText + u']' : m_config.hostText)
        .arg(m_port);
}

Result<Done> WalletServer::openLedger() {
    for (LedgerService *s : {&m_write, &m_read, &m_auth}) {
        const auto opened = wait(s->open(m_config.db));
        if (!opened)
            return opened.error();
    }
    m_extraWriters.clear(); // from an attempt that failed half way
    const int writerCount = m_config.batchWriters > 0                         ? m_config.batchWriters
                            : m_config.db.kind == DatabaseUrl::Kind::Postgres ? 4
                                                                              : 1;
    for (int i = 1; i < writerCount; ++i) {
        auto extra = std::make_unique<LedgerService>();
        const auto opened = wait(extra->open(m_config.db));
        if (!opened)
            return opened.error();
        m_extraWriters.push_back(std::move(extra));
    }
    return Done{};
}

Result<Done> WalletServer::start() {
    // Without service tokens the game API refuses every request, so its currency and operator are not needed
    // (an admin-only walletd on a ledger without them); with them, both must be in the ledger.
    const bool gameApiOn = m_config.gameApiInsecure || !m_config.gameTokens.isEmpty();
    const auto exponent = gameApiOn
                              ? wait(m_read.run([this](LedgerStore &s) { return checkGameSettings(s); }))
                              : Result<int>(0);
    if (!exponent)
        return exponent.error();
    const auto readOnly =
        wait(m_read.run([](LedgerStore &s) { return Result<QString>(s.readOnlyReason()); }));
    m_readOnlyReason = readOnly ? *readOnly : QString();
    if (!m_readOnlyReason.isEmpty())
        qWarning("walletd: WARNING: %s; serving reads only (every write is answered 503)",
                 qPrintable(m_readOnlyReason));
    GameApi::Settings game{m_config.gameCurrency, *exponent, m_config.gameOperator, m_config.gameTokens,
                           m_config.gameApiInsecure};
    if (m_config.gameApiInsecure)
        qWarning(
            "walletd: WARNING: --game-api-insecure: the game API accepts requests without a service token");
    else if (m_config.gameTokens.isEmpty())
        qWarning("walletd: no game_tokens in the configuration: the game API refuses every request");

    // Our own listening socket rather than QAbstractHttpServer::listen(): it puts a RequestSizeGuard on every
    // connection (guardedserver.h), so an oversized body is refused before Qt buffers it.
    QTcpServer *server = nullptr;
    if (!m_config.tlsCert.isEmpty()) {
        QFile certFile(m_config.tlsCert), keyFile(m_config.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return LedgerError{ErrorCode::InvalidArgument,
                               QStringLiteral("cannot read %1 or %2").arg(m_config.tlsCert, m_config.tlsKey)};
        const QSslCertificate cert(certFile.readAll(), QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (cert.isNull() || key.isNull())
            return LedgerError{ErrorCode::InvalidArgument,
                               QStringLiteral("%1 / %2 is not a PEM certificate and key")
                                   .arg(m_config.tlsCert, m_config.tlsKey)};
        // The suites are checked one by one: QSslConfiguration::setCiphers(QString) skips a name it does not
        // know, and a misspelt profile must not end up narrower or empty without a word.
        QList<QSslCipher> ciphers;
        for (const QString &name : m_config.tlsCiphers.split(u':', Qt::SkipEmptyParts)) {
            const QSslCipher cipher(name.trimmed());
            if (cipher.isNull())
                return LedgerError{ErrorCode::InvalidArgument,
                                   QStringLiteral("tls_ciphers: \"%1\" is not a TLS 1.2 cipher suite this "
                                                  "OpenSSL knows (openssl ciphers -v lists them)")
                                       .arg(name.trimmed())};
            ciphers << cipher;
        }
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(cert);
        tls.setPrivateKey(key);
        tls.setProtocol(m_config.tlsMinVersion == u"1.3" ? QSsl::TlsV1_3OrLater : QSsl::TlsV1_2OrLater);
        tls.setCiphers(ciphers);
        auto *sslServer = new GuardedServer<QSslServer>(m_config.maxBodyBytes, this);
        sslServer->setSslConfiguration(tls);
        server = sslServer;
    } else {
        server = new GuardedServer<QTcpServer>(m_config.maxBodyBytes, this);
    }

    QList<LedgerService *> writers{&m_write};
    for (const auto &extra : m_extraWriters)
        writers << extra.get();
    m_batcher = std::make_unique<ChargeBatcher>(
        writers, Actor{m_config.gameOperator, QStringLiteral("walletd game api")}, m_config.maxBatch);
    m_verifyJobs = std::make_unique<VerifyJobs>(m_config.db);
    m_admin = std::make_unique<AdminApi>(m_write, m_read, m_auth, *m_verifyJobs);
    m_game = std::make_unique<GameApi>(m_write, m_read, *m_batcher, game);

    if (!server->listen(m_config.host, m_config.port)) {
        delete server;
        return LedgerError{
            ErrorCode::InvalidArgument,
            QStringLiteral("cannot listen on %1:%2").arg(m_config.hostText).arg(m_config.port)};
    }
    m_port = server->serverPort();
    bind(server); // takes it as a child
    return Done{};
}

Result<int> WalletServer::checkGameSettings(LedgerStore &store) const {
    // Refused at start, not at the first game request: a walletd that listens but answers every charge 400
    // looks healthy to its supervisor and its load balancer.
    const auto currencies = store.currencies();
    if (!currencies)
        return currencies.error();
    const auto currency = std::find_if(currencies->cbegin(), currencies->cend(),
                                       [this](const Currency &c) { return c.code == m_config.gameCurrency; });
    if (currency == currencies->cend())
        return LedgerError{ErrorCode::InvalidArgument,
                           QStringLiteral("the game currency %1 is not a currency of this ledger: add it "
                                          "(walletctl currency add %1 --exponent N) or set game_currency "
                                          "(--game-currency) to one it has")
                               .arg(m_config.gameCurrency)};
    const auto operators = store.operators();
    if (!operators)
        return operators.error();
    if (std::none_of(operators->cbegin(), operators->cend(),
                     [this](const OperatorInfo &o) { return o.name == m_config.gameOperator; }))
        return LedgerError{
            ErrorCode::InvalidArgument,
            QStringLiteral("the game operator \"%1\" is not an operator of this ledger: add it "
                           "(walletctl operator add %1 --role support) or set game_operator "
                           "(--game-operator) to one it has")
                .arg(m_config.gameOperator)};
    return currency->exponent;
}

void WalletServer::shutdown() {
    m_draining = true;
    for (QTcpServer *s : servers())
        s->close();
    if (m_inFlight == 0)
        Q_EMIT drained();
}

void WalletServer::finishOne() {
    --m_inFlight;
    if (m_draining && m_inFlight == 0)
        Q_EMIT drained();
}

bool WalletServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    QElapsedTimer timer;
    timer.start();
    ApiRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = request.query();
    for (const auto &[name, value] : request.headers())
        r.headers.insert(name.toLower(), value);
    r.body = request.body();
    r.origin = request.remoteAddress().toString();

    // "Connection: close" (RFC 9112 9.6): answer, say so, and close. Qt HttpServer 6.4 would keep the
    // connection open, and a client reading the answer to its end would wait for ever.
    const bool closeAfter = asksToClose(r.headers.value(QByteArrayLiteral("connection")));

    ++m_inFlight;
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    QPointer<QTcpSocket> alive(socket);
    const QString method = r.method, path = r.path;
    const bool adminApi = path.startsWith(u"/admin/");
    // Answers leave in the order the requests came, however long each takes (pipelining, see
    // ResponseSequencer).
    QPointer<ResponseSequencer> sequencer = ResponseSequencer::forSocket(socket);
    const qint64 ticket = sequencer->take();
    Respond respond = [this, responder, alive, sequencer, ticket, timer, method, path, closeAfter,
                       adminApi](ApiResponse answer) {
        auto write = [this, responder, alive, timer, method, path, closeAfter, adminApi,
                      a = std::move(answer)] {
            // A client that hung up has no socket left to answer on.
            if (alive && alive->state() == QAbstractSocket::ConnectedState) {
                // As QHttpServerResponder::write(data, headers, status) does, with headers chosen per answer.
                responder->writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(a.status));
                responder->writeHeader(QByteArrayLiteral("Content-Type"), a.contentType);
                if (closeAfter)
                    responder->writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
                // Every 503 is worth retrying soon (a database reconnecting, a drain): say when (RFC
                // 9110 10.2.3).
                if (a.status == 503)
                    responder->writeHeader(QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1"));
                // Admin answers carry balances, histories and tokens: no cache (a proxy's or the client's
                // disk) may keep them (OWASP ASVS 8.2.1), and no browser may guess another content type.
                if (adminApi) {
                    responder->writeHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
                    responder->writeHeader(QByteArrayLiteral("X-Content-Type-Options"),
                                           QByteArrayLiteral("nosniff"));
                }
                responder->writeHeader(QByteArrayLiteral("Content-Length"),
                                       QByteArray::number(a.body.size()));
                responder->writeBody(a.body);
                // Hand the answer to the kernel now: after the last answer of a graceful stop the process
                // exits.
                alive->flush();
                if (closeAfter)
                    alive->disconnectFromHost(); // after what is still buffered has been written
            }
            AccessLog::write(a.principal, method, path, a.status, timer.elapsed());
            finishOne();
        };
        if (sequencer)
            sequencer->ready(ticket, std::move(write));
        else
            write(); // the connection is gone: only the log line and the count are left
    };

    // Exactly one answer per request: the handler's, or the deadline's if that comes first (the handler's
    // late one is then dropped; what it did stands, and a retry with the same key is answered as the
    // original).
    const quint64 number = ++m_lastRequest;
    auto answered = std::make_shared<bool>(false);
    respond = [this, number, answered, write = std::move(respond)](ApiResponse answer) {
        if (std::exchange(*answered, true))
            return;
        m_pending.remove(number);
        write(std::move(answer));
    };
    m_pending.insert(number, Pending{QDateTime::currentMSecsSinceEpoch(), r.path, respond});

    if (m_draining) {
        respond(unavailable(r.path, QStringLiteral("walletd is stopping")));
        return true;
    }
    if (r.body.size() > m_config.maxBodyBytes) {
        respond(ApiResponse::error(
            {ErrorCode::InvalidArgument,
             QStringLiteral("the request body is larger than %1 bytes").arg(m_config.maxBodyBytes)},
            413));
        return true;
    }
    if (r.method == u"GET" && (r.path == u"/livez" || r.path == u"/readyz")) {
        probe(r.path == u"/readyz", respond);
        return true;
    }
    if (m_admin->handle(r, respond) || m_game->handle(r, respond))
        return true;
    respond(ApiResponse::error(
        {ErrorCode::NotFound, QStringLiteral("no route %1 %2").arg(r.method, r.path.left(200))}));
    return true;
}

ApiResponse WalletServer::unavailable(const QString &path, const QString &message) {
    // A game API family keeps its seeds' error shape; everything else gets the admin API's error object.
    return GameApi::unavailable(path).value_or(ApiResponse::error({ErrorCode::Database, message}));
}

void WalletServer::sweepDeadlines() {
    const qint64 limit = QDateTime::currentMSecsSinceEpoch() - qint64(m_config.requestDeadlineS) * 1000;
    QList<Pending> late;
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        if (it->startedMs <= limit)
            late << *it;
    const QString message =
        QStringLiteral("walletd did not finish this request within %1 s; it may still complete: "
                       "retry with the same key")
            .arg(m_config.requestDeadlineS);
    for (const Pending &p : std::as_const(late))
        p.respond(unavailable(p.path, message));
}

void WalletServer::probe(bool readiness, const Respond &respond) {
    const auto answer = [](int status, const QString &state, const QString &reason) {
        QJsonObject o{{QStringLiteral("status"), state}};
        if (!reason.isEmpty())
            o.insert(QStringLiteral("reason"), reason);
        return ApiResponse{status,
                           QJsonDocument(o).toJson(QJsonDocument::Compact),
                           QByteArrayLiteral("application/json"),
                           {}};
    };
    // Liveness: the process serves requests (systemd's watchdog, a load balancer's restart rule). It asks
    // nothing of the database: a database outage is no reason to restart walletd.
    if (!readiness) {
        respond(answer(200, QStringLiteral("alive"), {}));
        return;
    }
    // Readiness: send traffic here only when the ledger answers, with the schema this walletd knows, and the
    // posting connection is not reconnecting.
    if (m_draining) {
        respond(answer(503, QStringLiteral("unavailable"), QStringLiteral("walletd is stopping")));
        return;
    }
    // A read-only ledger (read-only media) is not ready either: a walletd is there to post, and one that must
    // refuse every charge should not look healthy to a load balancer (as checkGameSettings says of a wrong
    // currency). It stays alive and answers reads to whoever asks; the reason says why.
    if (!m_readOnlyReason.isEmpty()) {
        respond(answer(503, QStringLiteral("unavailable"), m_readOnlyReason));
        return;
    }
    const bool writerAvailable = m_write.isAvailable();
    m_read
        .run([](LedgerStore &s) -> Result<int> {
            if (!s.isConnected())
                return LedgerError{ErrorCode::Database,
                                   QStringLiteral("the ledger database does not answer")};
            return s.schemaVersion();
        })
        .then(this, [respond, answer, writerAvailable](const Result<int> &version) {
            if (!version)
                respond(answer(503, QStringLiteral("unavailable"), version.error().message));
            else if (*version != LedgerStore::knownSchemaVersion())
                respond(answer(503, QStringLiteral("unavailable"),
                               QStringLiteral("the ledger has schema version %1; this walletd needs %2")
                                   .arg(*version)
                                   .arg(LedgerStore::knownSchemaVersion())));
            else if (!writerAvailable)
                respond(answer(503, QStringLiteral("unavailable"),
                               QStringLiteral("the posting connection is reconnecting")));
            else
                respond(answer(200, QStringLiteral("ready"), {}));
        });
}

void WalletServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    // handleRequest answers everything; this is only reached if Qt calls it directly.
    makeResponder(request, socket)
        .write(ApiCodec::errorBody({ErrorCode::NotFound, QStringLiteral("no such route")}),
               {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}},
               QHttpServerResponder::StatusCode::NotFound);
}

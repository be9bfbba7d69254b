// walletd end to end, the process and HTTP: listening and the access log, a graceful stop, HTTPS, the
// version, help and refused settings (among them a game currency or operator the ledger lacks), the packaged
// configuration, keep-alive and Connection: close, request size limits and pipelining. A real walletd
// process on loopback over a real ledger (WALLETDESK_TEST_BACKENDS); each test function and data row gets a
// fresh ledger and server (WalletdTestCase).

#include "buildinfo.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace WalletdTest;

namespace {

/// walletd with `arguments`, to its end: exit code, stdout, stderr. One that does not exit (it started
/// serving when it should have refused) is killed and answers -1: left running, it would hold the build
/// lock's descriptor that ctest runs under, and every later build would wait for it.
std::tuple<int, QString, QString> run(const QStringList &arguments) {
    QProcess p;
    p.start(qEnvironmentVariable("WALLETD"), arguments);
    int code = -1;
    if (p.waitForFinished(10000)) {
        code = p.exitCode();
    } else {
        p.kill();
        p.waitForFinished();
    }
    return std::tuple(code, QString::fromUtf8(p.readAllStandardOutput()),
                      QString::fromUtf8(p.readAllStandardError()));
}

} // namespace

class TestWalletdLifecycle : public WalletdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void listensOnAFreePortAndLogsEachRequest();
    void sigtermAnswersWhatIsInFlightAndExitsZero();
    void servesHttpsWithACertificate();
    void versionAndHelp();
    void badSettingsAreNamedAndDoNotServe_data();
    void badSettingsAreNamedAndDoNotServe();
    void thePackagedConfigurationAndHashCommentsWork();
    void connectionCloseIsHonoured();
    void oversizedRequestsAreRefusedBeforeTheyAreRead();
    void aBodyOverTheLimitIs413();
    void pipelinedRequestsAreAnsweredInOrder();
};

void TestWalletdLifecycle::listensOnAFreePortAndLogsEachRequest() {
    QVERIFY(m_walletd->base().startsWith(u"http://127.0.0.1:"));
    QVERIFY(m_walletd->url(QString()).port() > 0);
    const Reply health = m_http.get(m_walletd->url(QStringLiteral("/api/v1/healthcheck")));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body, QByteArrayLiteral(R"({"success":true,"message":"System is up and running"})"));
    QTRY_VERIFY(m_walletd->log().contains(u"POST /admin/v1/login 200"));
    // time, operator, method, path, status, duration
    static const QRegularExpression line(
        QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z root POST /admin/v1/login 200 \d+ms$)"),
        QRegularExpression::MultilineOption);
    QVERIFY2(line.match(m_walletd->log()).hasMatch(), qPrintable(m_walletd->log()));
    QTRY_VERIFY(m_walletd->log().contains(u"GET /api/v1/healthcheck 200"));
}

void TestWalletdLifecycle::sigtermAnswersWhatIsInFlightAndExitsZero() {
    const qint64 acc = createPlayer(QStringLiteral("42"));
    deposit(acc, 1000000, "seed");
    // Fire charges on several connections, then SIGTERM while they are in flight.
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    QList<QNetworkReply *> replies;
    for (int c = 0; c < 8; ++c) {
        nams.push_back(std::make_unique<QNetworkAccessManager>());
        for (int i = 0; i < 6; ++i) {
            QNetworkRequest req(m_walletd->url(QStringLiteral("/api/v1/charge")));
            req.setRawHeader("Authorization", "Bearer " + ServiceToken.toLatin1());
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            replies << nams.back()->post(req, charge("EventId", 42, c * 100 + i, "1.00"));
        }
    }
    QTest::qWait(30); // some requests reach the server
    const int code = m_walletd->stop();
    QCOMPARE(code, 0);
    QTRY_VERIFY(
        std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }));
    int acknowledged = 0;
    for (QNetworkReply *r : replies) {
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2(status == 0 || status == 200 || status == 503, qPrintable(QString::number(status)));
        acknowledged += status == 200;
    }
    // Every acknowledged charge is in the ledger, and nothing else was charged.
    RawDb raw(m_url);
    const qint64 charged =
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key LIKE 'charge:%'"));
    QCOMPARE(charged, qint64(acknowledged));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {acc}),
             1000000 - 100 * charged);
    m_walletd.reset();
}

void TestWalletdLifecycle::servesHttpsWithACertificate() {
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem")),
                  key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
    Walletd tls;
    const QString started =
        tls.start(m_url, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(tls.base().startsWith(u"https://127.0.0.1:"), qPrintable(tls.base()));
    // Trust exactly this certificate.
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(cert));
    QNetworkRequest request(tls.url(QStringLiteral("/api/v1/healthcheck")));
    request.setSslConfiguration(config);
    QNetworkReply *reply = m_http.manager().get(request);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    QCOMPARE(tls.stop(), 0);
}

void TestWalletdLifecycle::versionAndHelp() {
    // One version for every command: the project version and the revision it was built from.
    const auto [versionCode, version, versionErr] = run({QStringLiteral("--version")});
    QCOMPARE(versionCode, 0);
    QCOMPARE(version, QStringLiteral("walletd %1 (%2)\n")
                          .arg(QStringLiteral(WALLETDESK_VERSION), QStringLiteral(WALLETDESK_GIT_REVISION)));
    QVERIFY(QStringLiteral(WALLETDESK_GIT_REVISION) != u"unknown"); // built from a git checkout
    const auto [helpCode, help, helpErr] = run({QStringLiteral("--help")});
    QCOMPARE(helpCode, 0);
    QVERIFY2(help.startsWith(u"usage: walletd --db URL") && help.contains(u"--version"), qPrintable(help));
}

void TestWalletdLifecycle::badSettingsAreNamedAndDoNotServe_data() {
    // Every mistake is named, and none is ignored: a typo'd flag or key would leave a default silently in
    // force. DB stands for this test's ledger, CONFIG for a file holding `config` after its [walletd] section
    // and db line (none is written when `config` is null).
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("config");
    QTest::addColumn<QString>("message");
    const QString db = QStringLiteral("--db"), listen = QStringLiteral("--listen"),
                  anyPort = QStringLiteral("127.0.0.1:0"), config = QStringLiteral("--config");
    QTest::newRow("unknown flag") << QStringList{db, QStringLiteral("DB"), QStringLiteral("--frobnicate")}
                                  << QByteArray() << QStringLiteral("unknown argument \"--frobnicate\"");
    QTest::newRow("misspelt flag") << QStringList{QStringLiteral("--db=DB"),
                                                  QStringLiteral("--lisen=127.0.0.1:0")}
                                   << QByteArray() << QStringLiteral("unknown argument \"--lisen\"");
    QTest::newRow("a value for a switch")
        << QStringList{db, QStringLiteral("DB"), listen, anyPort, QStringLiteral("--game-api-insecure=false")}
        << QByteArray() << QStringLiteral("--game-api-insecure takes no value");
    QTest::newRow("misspelt key") << QStringList{config, QStringLiteral("CONFIG")}
                                  << QByteArray("lisen = 127.0.0.1:0\n")
                                  << QStringLiteral("unknown setting \"lisen\" in ");
    QTest::newRow("not a boolean") << QStringList{config, QStringLiteral("CONFIG")}
                                   << QByteArray("listen = 127.0.0.1:0\ngame_api_insecure = yes\n")
                                   << QStringLiteral("game_api_insecure must be true or false, not \"yes\"");
    QTest::newRow("no such file") << QStringList{config, QStringLiteral("CONFIG")} << QByteArray()
                                  << QStringLiteral("cannot read the configuration file ");
    QTest::newRow("deadline 0") << QStringList{config, QStringLiteral("CONFIG")}
                                << QByteArray("listen = 127.0.0.1:0\nrequest_deadline_s = 0\n")
                                << QStringLiteral("request_deadline_s must be from 1 to 600");
    QTest::newRow("batch not a number") << QStringList{config, QStringLiteral("CONFIG")}
                                        << QByteArray("listen = 127.0.0.1:0\nmax_batch = many\n")
                                        << QStringLiteral("max_batch must be from 1 to 10000");
    QTest::newRow("body limit too small") << QStringList{config, QStringLiteral("CONFIG")}
                                          << QByteArray("listen = 127.0.0.1:0\nmax_body_bytes = 1023\n")
                                          << QStringLiteral("max_body_bytes must be from 1024 to 16777216");
    // Checked against the ledger at start, rather than answering every game request 400 later; only with the
    // game API on (service tokens, or --game-api-insecure as here): an admin-only walletd needs neither.
    QTest::newRow("no such game currency")
        << QStringList{db,
                       QStringLiteral("DB"),
                       listen,
                       anyPort,
                       QStringLiteral("--game-currency"),
                       QStringLiteral("EUR"),
                       QStringLiteral("--game-operator"),
                       QStringLiteral("game"),
                       QStringLiteral("--game-api-insecure")}
        << QByteArray()
        << QStringLiteral(
               "the game currency EUR is not a currency of this ledger: add it (walletctl currency "
               "add EUR --exponent N) or set game_currency (--game-currency) to one it has");
    QTest::newRow("no such game operator")
        << QStringList{config, QStringLiteral("CONFIG")}
        << QByteArray("listen = 127.0.0.1:0\ngame_currency = USD\ngame_operator = nobody\n"
                      "game_tokens = a-service-token\n")
        << QStringLiteral("the game operator \"nobody\" is not an operator of this ledger: add it (walletctl "
                          "operator add nobody --role support) or set game_operator (--game-operator) to one "
                          "it has");
    // This ledger's game operator is "game"; the default is the demo ledger's "game-server".
    QTest::newRow("default game operator")
        << QStringList{db, QStringLiteral("DB"), listen, anyPort, QStringLiteral("--game-api-insecure")}
        << QByteArray()
        << QStringLiteral("the game operator \"game-server\" is not an operator of this ledger: add it "
                          "(walletctl operator add game-server --role support) or set game_operator "
                          "(--game-operator) to one it has");
}

void TestWalletdLifecycle::badSettingsAreNamedAndDoNotServe() {
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, config);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("walletd.conf"));
    if (!config.isNull()) {
        QFile f(
            path); // private, as a configuration holding service tokens must be (else walletd warns first)
        QVERIFY(f.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write("[walletd]\ndb = " + m_url.toUtf8() + "\n" + config);
    }
    for (QString &a : arguments)
        a = a == u"CONFIG" ? path : a.replace(QStringLiteral("DB"), m_url);
    const auto [code, out, err] = run(arguments);
    QCOMPARE(code, 2);
    QVERIFY2(out.isEmpty(), qPrintable(out)); // it never got as far as listening
    QVERIFY2(err.startsWith(QStringLiteral("walletd: ") + message), qPrintable(err));
}

void TestWalletdLifecycle::thePackagedConfigurationAndHashCommentsWork() {
    // The file the walletd package installs as /etc/walletd/walletd.conf (flags override its db and listen).
    // This ledger's game operator is "game" (prepareLedger), not the default "game-server".
    const QString packaged = qEnvironmentVariable("WALLETD_PACKAGED_CONF");
    QVERIFY2(QFileInfo(packaged).isReadable(), qPrintable(packaged));
    const QStringList gameOperator{QStringLiteral("--game-operator"), QStringLiteral("game")};
    Walletd fromPackage;
    QVERIFY(
        fromPackage.start(m_url, QStringList{QStringLiteral("--config"), packaged} + gameOperator).isEmpty());
    QCOMPARE(m_http.get(fromPackage.url(QStringLiteral("/api/v1/healthcheck"))).status, 200);
    QCOMPARE(fromPackage.stop(), 0);

    // '#' lines are comments even when they hold '=' (QSettings itself knows only ';' comments).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("commented.conf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[walletd]\n# a comment = with an equals sign\n#lisen = 1.2.3.4:5\n#game_api_insecure = true\n");
    f.close();
    Walletd commented;
    QVERIFY(commented.start(m_url, QStringList{QStringLiteral("--config"), path} + gameOperator).isEmpty());
    createPlayer(QStringLiteral("77"));
    // The commented-out game_api_insecure stayed off: the game API still wants its token.
    QCOMPARE(m_http.get(commented.url(QStringLiteral("/getfunds?WalletID=77"))).status, 401);
    QCOMPARE(commented.stop(), 0);
}

void TestWalletdLifecycle::connectionCloseIsHonoured() {
    const QUrl base = m_walletd->url(QString());
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    QVERIFY(socket.waitForConnected(5000));
    // Keep-alive by default: two requests on one connection, both answered, the connection still open.
    const QByteArray get = "GET /api/v1/healthcheck HTTP/1.1\r\nHost: walletd\r\n";
    QByteArray received;
    const auto answers = [&] { return received.count("System is up and running"); };
    socket.write(get + "\r\n");
    QTRY_COMPARE((received += socket.readAll(), answers()), 1);
    socket.write(get + "\r\n");
    QTRY_COMPARE((received += socket.readAll(), answers()), 2);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    QVERIFY(!received.contains("Connection: close"));
    // "Connection: close": answered, said so, and the server closes, so a client reading to the end returns.
    socket.write(get + "Connection: keep-alive, Close\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    received += socket.readAll();
    QCOMPARE(answers(), 3);
    QVERIFY2(received.contains("\r\nConnection: close\r\n"), received.constData());
}

void TestWalletdLifecycle::oversizedRequestsAreRefusedBeforeTheyAreRead() {
    const QUrl base = m_walletd->url(QString());
    const auto connected = [&](QTcpSocket &socket) {
        socket.connectToHost(base.host(), quint16(base.port()));
        return socket.waitForConnected(5000);
    };
    const auto readUntil = [](QTcpSocket &socket, const QByteArray &text) {
        QByteArray got;
        QElapsedTimer timer;
        timer.start();
        while (!got.contains(text) && timer.elapsed() < 5000 &&
               socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(100);
            got += socket.readAll();
        }
        return got + socket.readAll();
    };

    // 100 MB announced, none of it sent: the answer comes at once, from the headers alone.
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write("POST /admin/v1/postings HTTP/1.1\r\nHost: walletd\r\nContent-Type: application/json\r\n"
                     "Content-Length: 100000000\r\n\r\n");
        const QByteArray answer = readUntil(socket, "bytes\"}}");
        QVERIFY2(answer.startsWith("HTTP/1.1 413 Payload Too Large\r\n"), answer.constData());
        QVERIFY2(answer.contains("the request body is larger than 65536 bytes"), answer.constData());
        QVERIFY(answer.contains("\r\nConnection: close\r\n"));
        // Too much to be worth reading: the server closes the connection.
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    }
    // 1 MB announced and sent after the answer: read and thrown away, then the connection closes.
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write("POST /admin/v1/postings HTTP/1.1\r\nHost: walletd\r\nContent-Length: 1048576\r\n\r\n");
        const QByteArray answer = readUntil(socket, "bytes\"}}");
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
        socket.write(QByteArray(1048576, 'x'));
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 8000);
    }
    // A chunked body (no length to check up front) and an endless header block are refused too.
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write(
            "POST /admin/v1/postings HTTP/1.1\r\nHost: walletd\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray answer = readUntil(socket, "chunked\"}}");
        QVERIFY2(answer.startsWith("HTTP/1.1 411 Length Required\r\n"), answer.constData());
    }
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write("GET /api/v1/healthcheck HTTP/1.1\r\nX-Padding: " +
                     QByteArray(qsizetype(40) * 1024, 'p'));
        const QByteArray answer = readUntil(socket, "bytes\"}}");
        QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.constData());
    }
    // Within the limit nothing changes: a body is skipped over, and the next request on the connection is
    // answered too.
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write("POST /nothing-here HTTP/1.1\r\nHost: walletd\r\nContent-Length: 5\r\n\r\nhello"
                     "GET /api/v1/healthcheck HTTP/1.1\r\nHost: walletd\r\n\r\n");
        const QByteArray answers = readUntil(socket, "System is up and running");
        QVERIFY2(answers.startsWith("HTTP/1.1 404 "), answers.constData());
        QVERIFY2(answers.contains("HTTP/1.1 200 OK"), answers.constData());
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
    QTRY_VERIFY(m_walletd->log().contains(u" - POST /admin/v1/postings 413 "));
}

void TestWalletdLifecycle::aBodyOverTheLimitIs413() {
    // Sent whole (the client does not wait for an early answer): still refused, and nothing posted.
    const Reply big = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/postings")),
                                  QByteArray(qsizetype(70) * 1024, ' '), m_root, "bad");
    QCOMPARE(big.status, 413);
    QCOMPARE(big.error(), QStringLiteral("the request body is larger than 65536 bytes"));
    QCOMPARE(RawDb(m_url).scalar(QStringLiteral("SELECT COUNT(*) FROM entries")), qint64(0));
}

void TestWalletdLifecycle::pipelinedRequestsAreAnsweredInOrder() {
    // Three requests in one write, before any answer: a sign-in (answered late, after the password KDF on a
    // worker), a health check and an unknown route (both answered at once). HTTP/1.1 matches answers to
    // requests by order alone, so the answers must come back in the order the requests went out.
    const QUrl base = m_walletd->url(QString());
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray login = R"({"operator":"root","password":"not the password"})";
    socket.write("POST /admin/v1/login HTTP/1.1\r\nHost: walletd\r\nContent-Type: application/json\r\n"
                 "Content-Length: " +
                 QByteArray::number(login.size()) + "\r\n\r\n" + login +
                 "GET /api/v1/healthcheck HTTP/1.1\r\nHost: walletd\r\n\r\n"
                 "GET /nowhere HTTP/1.1\r\nHost: walletd\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll(), received.contains("no route GET /nowhere")),
                             10000);
    QList<int> statuses;
    for (qsizetype at = received.indexOf("HTTP/1.1 "); at >= 0; at = received.indexOf("HTTP/1.1 ", at + 1))
        statuses << received.mid(at + 9, 3).toInt();
    QCOMPARE(statuses, (QList<int>{401, 200, 404}));
    QVERIFY(received.indexOf("password") < received.indexOf("System is up and running"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

QTEST_GUILESS_MAIN(TestWalletdLifecycle)
#include "tst_walletd_lifecycle.moc"

// walletd's security defaults, probed from outside as an auditor would (docs/security.md): the TLS profile
// (openssl s_client against a real walletd), password hashing and its upgrade, the admin API's cache headers,
// secrets kept out of every answer and log, and the configuration file's mode.
#include "operatorauth.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace WalletdTest;
using namespace Qt::StringLiterals;

class TestWalletdSecurity : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void tlsProfileRefusesWeakSuitesAndOldVersions_data();
    void tlsProfileRefusesWeakSuitesAndOldVersions();
    void tlsSettingsAreHonouredAndChecked();
    void adminAnswersAreNeitherCachedNorSniffed();
    void pbkdf2HashesSignInAndAreUpgraded();
    void noAnswerOrLogCarriesASecret();
    void aConfigurationOthersCanReadIsWarnedAbout();
    void aLedgerWalletdCreatesIsPrivate();

private:
    /// "ok" when `openssl s_client` completes a handshake with `arguments`, else its first error line.
    QString handshake(quint16 port, const QStringList &arguments);
    QString writeConfig(const QByteArray &lines, QFileDevice::Permissions permissions);

    QString m_backend;
    QTemporaryDir m_certs;
    QString m_cert, m_key;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;
    Http m_http;
};

void TestWalletdSecurity::initTestCase() {
    m_backend = WalletDeskTest::availableBackends().value(0);
    m_cert = m_certs.filePath(u"cert.pem"_s);
    m_key = m_certs.filePath(u"key.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                                 m_key, u"-out"_s, m_cert, u"-days"_s, u"1"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                                 u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
}

void TestWalletdSecurity::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_url = WalletDeskTest::databaseUrl(m_backend, *m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const QString prepared = prepareLedger(m_url);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
}

QString TestWalletdSecurity::handshake(quint16 port, const QStringList &arguments) {
    QProcess client;
    client.setProcessChannelMode(QProcess::MergedChannels);
    client.start(u"openssl"_s, QStringList{u"s_client"_s, u"-connect"_s, u"127.0.0.1:%1"_s.arg(port),
                                           u"-servername"_s, u"localhost"_s}
                                   << arguments);
    client.closeWriteChannel(); // EOF on stdin: s_client ends after the handshake
    if (!client.waitForFinished(30000)) {
        client.kill();
        return u"openssl s_client did not finish"_s;
    }
    const QString out = QString::fromUtf8(client.readAll());
    // A completed handshake prints the negotiated cipher; a refused one "Cipher is (NONE)" or an alert.
    const QRegularExpression negotiated(u"Cipher is ([A-Z0-9_-]+)"_s);
    const auto m = negotiated.match(out);
    if (client.exitCode() == 0 && m.hasMatch() && m.captured(1) != u"(NONE)")
        return u"ok"_s;
    const qsizetype alert = out.indexOf(u"alert"_s);
    return alert >= 0 ? out.mid(alert, 80) : out.left(200);
}

QString TestWalletdSecurity::writeConfig(const QByteArray &lines, QFileDevice::Permissions permissions) {
    static int n = 0;
    QString path = m_dir->filePath(u"walletd-%1.conf"_s.arg(++n));
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(path));
    f.write("[walletd]\ngame_operator = game\ngame_currency = USD\n" + lines);
    f.close();
    f.setPermissions(permissions);
    return path;
}

void TestWalletdSecurity::tlsProfileRefusesWeakSuitesAndOldVersions_data() {
    QTest::addColumn<QStringList>("client");
    QTest::addColumn<bool>("accepted");
    // The client offers exactly one thing; @SECLEVEL=0 lets OpenSSL's client offer what its defaults would
    // not, so that the answer is the server's.
    QTest::newRow("TLS 1.2 AES128-SHA (no forward secrecy, CBC, SHA-1)")
        << QStringList{u"-tls1_2"_s, u"-cipher"_s, u"AES128-SHA@SECLEVEL=0"_s} << false;
    QTest::newRow("TLS 1.2 AES256-GCM-SHA384 (static RSA key exchange)")
        << QStringList{u"-tls1_2"_s, u"-cipher"_s, u"AES256-GCM-SHA384@SECLEVEL=0"_s} << false;
    QTest::newRow("TLS 1.2 ECDHE-RSA-AES128-CBC-SHA256 (CBC)")
        << QStringList{u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-RSA-AES128-SHA256@SECLEVEL=0"_s} << false;
    QTest::newRow("TLS 1.1") << QStringList{u"-tls1_1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s} << false;
    QTest::newRow("TLS 1.0") << QStringList{u"-tls1"_s, u"-cipher"_s, u"DEFAULT@SECLEVEL=0"_s} << false;
    QTest::newRow("TLS 1.2 ECDHE-RSA-AES128-GCM-SHA256")
        << QStringList{u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-RSA-AES128-GCM-SHA256"_s} << true;
    QTest::newRow("TLS 1.2 ECDHE-RSA-CHACHA20-POLY1305")
        << QStringList{u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-RSA-CHACHA20-POLY1305"_s} << true;
    QTest::newRow("TLS 1.3") << QStringList{u"-tls1_3"_s} << true;
}

void TestWalletdSecurity::tlsProfileRefusesWeakSuitesAndOldVersions() {
    QFETCH(QStringList, client);
    QFETCH(bool, accepted);
    Walletd tls;
    const QString started = tls.start(m_url, {u"--tls-cert"_s, m_cert, u"--tls-key"_s, m_key});
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString result = handshake(quint16(tls.url(QString()).port()), client);
    if (accepted)
        QCOMPARE(result, u"ok"_s);
    else
        QVERIFY2(result != u"ok", "the server accepted it");
    QCOMPARE(tls.stop(), 0);
}

void TestWalletdSecurity::tlsSettingsAreHonouredAndChecked() {
    // The probe can see an accepted weak suite: configured on purpose, AES128-SHA is negotiated.
    {
        Walletd weak;
        const QString started =
            weak.start(m_url, {u"--tls-cert"_s, m_cert, u"--tls-key"_s, m_key, u"--config"_s,
                               writeConfig("tls_ciphers = AES128-SHA:ECDHE-RSA-AES128-GCM-SHA256\n",
                                           QFileDevice::ReadOwner | QFileDevice::WriteOwner)});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QCOMPARE(handshake(quint16(weak.url(QString()).port()),
                           {u"-tls1_2"_s, u"-cipher"_s, u"AES128-SHA@SECLEVEL=0"_s}),
                 u"ok"_s);
        QCOMPARE(weak.stop(), 0);
    }
    // tls_min_version = 1.3: TLS 1.2 is refused, 1.3 accepted.
    {
        Walletd modern;
        const QString started = modern.start(
            m_url,
            {u"--tls-cert"_s, m_cert, u"--tls-key"_s, m_key, u"--config"_s,
             writeConfig("tls_min_version = 1.3\n", QFileDevice::ReadOwner | QFileDevice::WriteOwner)});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const quint16 port = quint16(modern.url(QString()).port());
        QVERIFY(handshake(port, {u"-tls1_2"_s, u"-cipher"_s, u"ECDHE-RSA-AES128-GCM-SHA256"_s}) != u"ok");
        QCOMPARE(handshake(port, {u"-tls1_3"_s}), u"ok"_s);
        QCOMPARE(modern.stop(), 0);
    }
    // Mistakes are named, and walletd does not serve.
    const QList<std::pair<QByteArray, QString>> mistakes{
        {"tls_min_version = 1.1\n", u"tls_min_version must be 1.2 or 1.3, not \"1.1\""_s},
        {"tls_ciphers = ECDHE-RSA-AES128-GCM-SHA256:NO-SUCH-SUITE\n",
         u"tls_ciphers: \"NO-SUCH-SUITE\" is not a TLS 1.2 cipher suite"_s},
    };
    for (const auto &[lines, message] : mistakes) {
        QProcess p;
        p.start(qEnvironmentVariable("WALLETD"),
                {u"--db"_s, m_url, u"--listen"_s, u"127.0.0.1:0"_s, u"--tls-cert"_s, m_cert, u"--tls-key"_s,
                 m_key, u"--config"_s, writeConfig(lines, QFileDevice::ReadOwner | QFileDevice::WriteOwner)});
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardOutput().isEmpty()); // never listened
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }
}

void TestWalletdSecurity::adminAnswersAreNeitherCachedNorSniffed() {
    Walletd w;
    const QString started = w.start(m_url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString token = m_http.login(w, u"root"_s);
    QVERIFY(!token.isEmpty());
    const QList<Reply> answers{
        m_http.get(w.url(u"/admin/v1/accounts"_s), token),                                     // 200
        m_http.get(w.url(u"/admin/v1/accounts"_s)),                                            // 401
        m_http.post(w.url(u"/admin/v1/login"_s), R"({"operator":"root","password":"wrong"})"), // 401
        m_http.get(w.url(u"/admin/v1/no-such-route"_s), token),                                // 404
    };
    QCOMPARE(answers.at(0).status, 200);
    QCOMPARE(answers.at(1).status, 401);
    QCOMPARE(answers.at(2).status, 401);
    QCOMPARE(answers.at(3).status, 404);
    for (const Reply &r : answers) {
        QCOMPARE(r.headers.value("cache-control"), QByteArrayLiteral("no-store"));
        QCOMPARE(r.headers.value("x-content-type-options"), QByteArrayLiteral("nosniff"));
        QCOMPARE(r.headers.value("content-length").toLongLong(), r.body.size());
    }
    // The game APIs keep their seeds' answers as they were.
    const Reply health = m_http.get(w.url(u"/api/v1/healthcheck"_s));
    QCOMPARE(health.status, 200);
    QVERIFY(!health.headers.contains("cache-control"));
    QCOMPARE(w.stop(), 0);
}

void TestWalletdSecurity::pbkdf2HashesSignInAndAreUpgraded() {
    // sam's password as versions before Argon2id stored it.
    const QString old = OperatorAuth::hashPasswordPbkdf2(Password, 120000);
    {
        RawDb raw(m_url);
        QVERIFY(raw.exec(u"UPDATE operators SET password_hash = ? WHERE name = 'sam'"_s, {old}));
    }
    Walletd w;
    const QString started = w.start(m_url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    // A wrong password changes nothing.
    QVERIFY(m_http.login(w, u"sam"_s, u"not the password"_s).isEmpty());
    {
        RawDb raw(m_url);
        QCOMPARE(
            raw.scalar(u"SELECT COUNT(*) FROM operators WHERE name = 'sam' AND password_hash = ?"_s, {old}),
            qint64(1));
    }
    const QString token = m_http.login(w, u"sam"_s);
    QVERIFY(!token.isEmpty());
    QCOMPARE(m_http.get(w.url(u"/admin/v1/accounts"_s), token).status, 200);
    {
        RawDb raw(m_url);
        QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM operators WHERE name = 'sam' AND password_hash LIKE "
                            "'$argon2id$v=19$m=19456,t=2,p=1$%'"_s),
                 qint64(1));
    }
    // The new hash signs in; the old password is still the password.
    QVERIFY(!m_http.login(w, u"sam"_s).isEmpty());
    QVERIFY(m_http.login(w, u"sam"_s, u"not the password"_s).isEmpty());
    QCOMPARE(w.stop(), 0);
}

void TestWalletdSecurity::noAnswerOrLogCarriesASecret() {
    Walletd w;
    const QString started = w.start(m_url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString wrongPassword = u"Wr0ng-Passw0rd-Gu3ss"_s;
    QList<QByteArray> answers; // every answer body but the sign-ins', which hand out the tokens
    QStringList tokens;
    for (const QString &name : {u"root"_s, u"sam"_s, u"vera"_s}) {
        const Reply bad = m_http.post(
            w.url(u"/admin/v1/login"_s),
            QJsonDocument(QJsonObject{{u"operator"_s, name}, {u"password"_s, wrongPassword}}).toJson());
        QCOMPARE(bad.status, 401);
        answers << bad.body;
        tokens << m_http.login(w, name);
        QVERIFY(!tokens.constLast().isEmpty());
    }
    const QString root = tokens.at(0);
    const Reply created = m_http.post(w.url(u"/admin/v1/accounts"_s),
                                      R"({"currency":"USD","player":"p-1","name":"Player One"})", root);
    QCOMPARE(created.status, 201);
    answers << created.body;
    const qint64 account = created.json().value(u"id"_s).toInteger();
    const Reply posted = m_http.post(
        w.url(u"/admin/v1/postings"_s),
        u"{\"kind\":\"deposit\",\"account\":%1,\"amount\":\"500\"}"_s.arg(account).toUtf8(), root, "key-1");
    QCOMPARE(posted.status, 200);
    answers << posted.body;
    for (const QString &path :
         {u"/admin/v1/operators"_s, u"/admin/v1/audit"_s, u"/admin/v1/session"_s, u"/admin/v1/journal"_s})
        answers << m_http.get(w.url(path), root).body;
    answers << m_http.get(w.url(u"/admin/v1/operators"_s), tokens.at(2)).body; // a viewer's 403
    answers << m_http
                   .request("GET", w.url(u"/getfunds?WalletID=1"_s), {},
                            {{"Authorization", "Bearer " + ServiceToken.toLatin1()}})
                   .body;
    answers << m_http
                   .request("GET", w.url(u"/getfunds?WalletID=1"_s), {},
                            {{"Authorization", "Bearer not-the-service-token"}})
                   .body;
    for (const QString &t : tokens)
        QCOMPARE(m_http.post(w.url(u"/admin/v1/logout"_s), {}, t).status, 200);
    QCOMPARE(w.stop(), 0);

    // What a reader of the logs, the audit trail or the answers could learn.
    QStringList secrets{Password, wrongPassword, ServiceToken};
    secrets << tokens;
    QString stored;
    {
        RawDb raw(m_url);
        QSqlQuery q(raw.database());
        QVERIFY(q.exec(u"SELECT password_hash FROM operators WHERE password_hash IS NOT NULL"_s));
        while (q.next()) {
            const QString hash = q.value(0).toString();
            secrets << hash;
            // The salt and the digest alone are secrets too.
            const QStringList parts = hash.split(u'$');
            secrets << parts.at(parts.size() - 2) << parts.constLast();
        }
        QVERIFY(secrets.size() > 10);
        QVERIFY(q.exec(u"SELECT at, operator, origin, action, target, outcome, detail FROM audit_log"_s));
        int rows = 0;
        while (q.next()) {
            ++rows;
            for (int c = 0; c < 7; ++c)
                stored += q.value(c).toString() + u'\t';
            stored += u'\n';
        }
        QVERIFY2(rows >= 10, qPrintable(stored)); // the session was audited, so there was something to search
    }
    const QString log = w.log();
    QVERIFY2(log.contains(u"POST /admin/v1/login 401"_s) && log.contains(u"GET /getfunds "_s),
             qPrintable(log));
    const QString bodies = QString::fromUtf8(answers.join('\n'));
    for (const QString &secret : std::as_const(secrets)) {
        QVERIFY2(!log.contains(secret), qPrintable(u"walletd's log holds %1"_s.arg(secret)));
        QVERIFY2(!stored.contains(secret), qPrintable(u"the audit log holds %1"_s.arg(secret)));
        QVERIFY2(!bodies.contains(secret), qPrintable(u"an answer holds %1"_s.arg(secret)));
    }
}

void TestWalletdSecurity::aConfigurationOthersCanReadIsWarnedAbout() {
    const QString readable =
        writeConfig("game_tokens = secret-token\n", QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                        QFileDevice::ReadGroup | QFileDevice::ReadOther);
    {
        Walletd w;
        const QString started = w.start(m_url, {u"--config"_s, readable});
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QTRY_VERIFY2(
            w.log().contains(
                u"WARNING: the configuration file %1 can be read by every local user"_s.arg(readable)),
            qPrintable(w.log()));
        QVERIFY(!w.log().contains(u"secret-token"_s));
        QCOMPARE(w.stop(), 0);
    }
    // Readable by walletd's own group, as the packages install it (root:walletd 0640): no warning.
    const QString ownGroup =
        writeConfig("game_tokens = secret-token\n",
                    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
    {
        Walletd w;
        QVERIFY(w.start(m_url, {u"--config"_s, ownGroup}).isEmpty());
        QCOMPARE(m_http.get(w.url(u"/api/v1/healthcheck"_s)).status, 200);
        QCOMPARE(w.stop(), 0);
        QVERIFY2(!w.log().contains(u"WARNING"_s), qPrintable(w.log()));
    }
    // Readable by another group: named. Giving a file to another group needs root (CI runs as root).
    if (::getuid() == 0) {
        const QString otherGroup =
            writeConfig("game_tokens = secret-token\n",
                        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup);
        QCOMPARE(::chown(QFile::encodeName(otherGroup).constData(), uid_t(-1), gid_t(65534)), 0);
        Walletd w;
        QVERIFY(w.start(m_url, {u"--config"_s, otherGroup}).isEmpty());
        QTRY_VERIFY2(w.log().contains(
                         u"WARNING: the configuration file %1 can be read by the group "_s.arg(otherGroup)),
                     qPrintable(w.log()));
        QCOMPARE(w.stop(), 0);
    } else {
        qInfo("not root: the other-group case is left to runs as root");
    }
    const QString private_ =
        writeConfig("game_tokens = secret-token\n", QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    Walletd w;
    QVERIFY(w.start(m_url, {u"--config"_s, private_}).isEmpty());
    QCOMPARE(m_http.get(w.url(u"/api/v1/healthcheck"_s)).status, 200);
    QCOMPARE(w.stop(), 0);
    QVERIFY2(!w.log().contains(u"WARNING"_s), qPrintable(w.log()));
}

void TestWalletdSecurity::aLedgerWalletdCreatesIsPrivate() {
    // On either backend's run: walletd started on a SQLite file that does not exist yet creates the ledger,
    // and then refuses to serve it (exit 2): a new ledger has no game currency or game operator yet.
    const QString path = m_dir->filePath(u"fresh.sqlite"_s);
    const QString url = u"sqlite:"_s + path;
    Walletd refused;
    const QString answer = refused.start(url);
    QVERIFY2(answer.contains(u"walletd: the game currency USD is not a currency of this ledger"_s),
             qPrintable(answer));
    QCOMPARE(refused.stop(), 2);
    QCOMPARE(WalletDeskTest::fileMode(path), 0600);
    // Once it has them, walletd serves it, and what SQLite keeps beside the ledger is private too.
    const QString prepared = prepareLedger(url);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    Walletd w;
    const QString started = w.start(url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QCOMPARE(m_http.get(w.url(u"/api/v1/healthcheck"_s)).status, 200);
    for (const QString &file : {path, path + u"-wal"_s, path + u"-shm"_s})
        QCOMPARE(WalletDeskTest::fileMode(file), 0600);
    QCOMPARE(w.stop(), 0);
}

QTEST_GUILESS_MAIN(TestWalletdSecurity)
#include "tst_walletd_security.moc"

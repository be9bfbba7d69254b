// A PostgreSQL ledger over TLS: the fixture postgres_tls (tests/pg/pg-harness.sh with WALLETDESK_PG_TLS=1) is
// a real server with ssl=on on 127.0.0.1 and a certificate signed by a throw-away CA. libpq's sslmode and
// sslrootcert reach it through the database URL, and the store (and the main window's status bar) report what
// the server negotiated.
#include "databaseurl.h"
#include "ledgerstore.h"
#include "localledgerclient.h"
#include "mainwindow.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QNetworkInterface>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <future>

using namespace Qt::StringLiterals;

class TestPgTls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void verifyFullWithTheRightRootIsEncrypted();
    void verifyFullWithAWrongRootIsRefused();
    void requireEncryptsWithoutCheckingTheCertificate();
    void disableOnLoopbackIsLocalAndUnencrypted();
    void theDesktopSessionSaysItIsEncrypted();
    void aServerAcrossTheNetworkWithoutTlsIsRefused();
    void preferAcrossTheNetworkIsRefusedBeforeConnecting();

private:
    QString url(const QString &query) const { return m_base + u'?' + query; }
    static Result<std::unique_ptr<LedgerStore>> open(const QString &text);

    QString m_base; ///< postgresql://walletdesk@127.0.0.1:PORT/walletdesk_test
    QString m_ca;
    QTemporaryDir m_dir;
};

void TestPgTls::initTestCase() {
    const QString dir = qEnvironmentVariable("WALLETDESK_TEST_PGTLS_DIR");
    QVERIFY2(!dir.isEmpty(),
             "WALLETDESK_TEST_PGTLS_DIR is not set: run through ctest (fixture postgres_tls)");
    QFile urlFile(dir + u"/url-tcp"_s);
    QVERIFY2(urlFile.open(QIODevice::ReadOnly), qPrintable(urlFile.fileName()));
    m_base = QString::fromUtf8(urlFile.readAll()).trimmed();
    m_ca = dir + u"/ca.pem"_s;
    QVERIFY(QFile::exists(m_ca));
}

Result<std::unique_ptr<LedgerStore>> TestPgTls::open(const QString &text) {
    QString error;
    const auto parsed = DatabaseUrl::parse(text, &error);
    if (!parsed)
        return LedgerError{ErrorCode::InvalidArgument, error};
    return LedgerStore::open(*parsed);
}

void TestPgTls::verifyFullWithTheRightRootIsEncrypted() {
    auto store = open(url(u"sslmode=verify-full&sslrootcert="_s + m_ca));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    const ConnectionSecurity security = (*store)->security();
    QCOMPARE(security.kind, ConnectionSecurity::Kind::Encrypted);
    QVERIFY2(security.detail.startsWith(u"TLSv1.3, TLS_"_s), qPrintable(security.detail));
    // And the ledger works over it.
    QVERIFY((*store)->bootstrapAdmin(u"root"_s));
    QVERIFY((*store)->operators());
}

void TestPgTls::verifyFullWithAWrongRootIsRefused() {
    const QString otherCa = m_dir.filePath(u"other-ca.pem"_s);
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                                 m_dir.filePath(u"other-ca.key"_s), u"-out"_s, otherCa, u"-days"_s, u"1"_s,
                                 u"-subj"_s, u"/CN=someone else's CA"_s});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
    auto store = open(url(u"sslmode=verify-full&sslrootcert="_s + otherCa));
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::Database);
    QVERIFY2(store.error().message.contains(u"certificate verify failed"_s),
             qPrintable(store.error().message));
    // verify-ca with the wrong root fails the same way; a missing root file is named.
    store = open(url(u"sslmode=verify-ca&sslrootcert="_s + otherCa));
    QVERIFY(!store);
    store = open(url(u"sslmode=verify-full&sslrootcert="_s + m_dir.filePath(u"missing.pem"_s)));
    QVERIFY(!store);
    QVERIFY2(store.error().message.contains(u"missing.pem"_s), qPrintable(store.error().message));
}

void TestPgTls::requireEncryptsWithoutCheckingTheCertificate() {
    auto store = open(url(u"sslmode=require"_s));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QCOMPARE((*store)->security().kind, ConnectionSecurity::Kind::Encrypted);
}

void TestPgTls::disableOnLoopbackIsLocalAndUnencrypted() {
    auto store = open(url(u"sslmode=disable"_s));
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QCOMPARE((*store)->security(), (ConnectionSecurity{ConnectionSecurity::Kind::Local, {}}));
}

void TestPgTls::theDesktopSessionSaysItIsEncrypted() {
    {
        auto store = open(url(u"sslmode=verify-full&sslrootcert="_s + m_ca));
        QVERIFY(store);
        QVERIFY((*store)->bootstrapAdmin(u"root"_s));
    }
    QString error;
    const auto parsed = DatabaseUrl::parse(url(u"sslmode=verify-full&sslrootcert="_s + m_ca), &error);
    QVERIFY2(parsed, qPrintable(error));
    auto *client = new LocalLedgerClient; // the window takes it
    MainWindow window;
    const auto session = WalletDeskTest::await(client->connectTo(*parsed, u"root"_s));
    QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
    QCOMPARE(session->security.kind, ConnectionSecurity::Kind::Encrypted);
    QCOMPARE(client->session().security.kind, ConnectionSecurity::Kind::Encrypted);
    // What the support agent sees: the status bar says so, and its tooltip names the protocol.
    window.setClient(client);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto *label = window.findChild<QLabel *>(u"statusSecurity"_s);
    QVERIFY(label);
    QCOMPARE(label->text(), u"Encrypted"_s);
    QVERIFY2(label->toolTip().contains(u"TLSv1.3"_s), qPrintable(label->toolTip()));
}

void TestPgTls::aServerAcrossTheNetworkWithoutTlsIsRefused() {
    // A server on one of this machine's own non-loopback addresses that answers PostgreSQL's SSLRequest with
    // 'N' (no TLS here), as a server with ssl=off does. Without sslmode the URL gets sslmode=require, so
    // libpq must give up rather than go on in plain text.
    QHostAddress address;
    for (const QHostAddress &a : QNetworkInterface::allAddresses())
        if (a.protocol() == QAbstractSocket::IPv4Protocol && !a.isLoopback())
            address = a;
    if (address.isNull())
        QSKIP("this machine has no non-loopback IPv4 address to stand for a server across the network");
    // Declared before the server, so they outlive it and the sockets it owns; the sockets' lambdas hold them
    // by pointer.
    int sslRequests = 0, plainStartups = 0;
    QTcpServer server;
    QVERIFY(server.listen(address, 0));
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s, ssl = &sslRequests, plain = &plainStartups] {
            const QByteArray in = s->readAll();
            // SSLRequest: length 8, code 80877103 (0x04d2162f).
            if (in.size() >= 8 && in.mid(4, 4) == QByteArray::fromHex("04d2162f")) {
                ++*ssl;
                s->write("N");
            } else {
                ++*plain; // a startup packet in plain text: what must never come
                s->close();
            }
        });
    });
    const QString text =
        u"postgresql://walletdesk@%1:%2/walletdesk_test"_s.arg(address.toString()).arg(server.serverPort());
    QString error;
    const auto parsed = DatabaseUrl::parse(text, &error);
    QVERIFY2(parsed, qPrintable(error));
    QVERIFY(!parsed->isLocal());
    // LedgerStore::open blocks in libpq; the server above needs this thread's event loop, so open elsewhere.
    auto opening = std::async(std::launch::async, [url = *parsed] {
        auto r = LedgerStore::open(url);
        return r ? QString() : r.error().message;
    });
    QVERIFY(QTest::qWaitFor(
        [&] { return opening.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 30000));
    const QString message = opening.get();
    QVERIFY2(message.contains(u"server does not support SSL, but SSL was required"_s), qPrintable(message));
    QVERIFY2(
        message.endsWith(u"(a server across a network is reached over TLS; add sslmode=disable to the URL to "
                         "allow an unencrypted connection)"_s),
        qPrintable(message));
    QVERIFY(sslRequests >= 1);
    QCOMPARE(plainStartups, 0);
}

void TestPgTls::preferAcrossTheNetworkIsRefusedBeforeConnecting() {
    // 198.51.100.0/24 is TEST-NET-2: were a connection tried, it would wait for connect_timeout.
    DatabaseUrl url;
    url.kind = DatabaseUrl::Kind::Postgres;
    url.host = u"198.51.100.77"_s;
    url.database = u"ledger"_s;
    url.options.insert(u"sslmode"_s, u"prefer"_s);
    QElapsedTimer timer;
    timer.start();
    const auto store = LedgerStore::open(url);
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(
        store.error().message.contains(u"sslmode=prefer may send the ledger unencrypted across the network "
                                       "to 198.51.100.77"_s),
        qPrintable(store.error().message));
    QVERIFY(timer.elapsed() < 2000);
}

QTEST_MAIN(TestPgTls)
#include "tst_pgtls.moc"

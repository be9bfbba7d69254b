// Connector: a profile and its secret become a signed-in LedgerClient, on SQLite and on PostgreSQL (the
// same source registered per backend, see CMakeLists.txt); failures arrive as LedgerErrors without the
// secret.

#include "connector.h"
#include "ledgerstore.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using WalletDeskTest::await;

namespace {
QMutex logMutex;
QStringList logLines;
QtMessageHandler previousHandler = nullptr;

/// Every qDebug/qWarning of the process, to check that no secret is ever logged.
void captureMessages(QtMsgType type, const QMessageLogContext &context, const QString &message) {
    {
        QMutexLocker locker(&logMutex);
        logLines.append(message);
    }
    previousHandler(type, context, message);
}
} // namespace

class TstConnector : public QObject {
    Q_OBJECT

    QString m_backend;
    QTemporaryDir m_dir;

    /// An initialised ledger on this test's backend with `admin` as its first operator, as a profile.
    ConnectionProfile ledger(const QString &admin, QString *password) {
        QString error;
        const QString text = WalletDeskTest::databaseUrl(m_backend, m_dir, &error);
        if (text.isEmpty())
            qFatal("no database: %s", qPrintable(error));
        const auto url = DatabaseUrl::parse(text, &error);
        if (!url)
            qFatal("bad URL: %s", qPrintable(error));
        {
            auto store = LedgerStore::open(*url);
            if (!store || !(*store)->bootstrapAdmin(admin))
                qFatal("cannot initialise the test ledger");
        }
        ConnectionProfile p = ConnectionProfile::fromDatabaseUrl(*url, password);
        p.name = QStringLiteral("test ledger");
        p.operatorName = admin;
        return p;
    }

    /// Runs one open() and returns the client or the error.
    static std::pair<LedgerClient *, std::optional<LedgerError>>
    connectWith(Connector &connector, const ConnectionProfile &p, const QString &secret) {
        QSignalSpy ok(&connector, &Connector::connected);
        QSignalSpy failed(&connector, &Connector::failed);
        connector.open(p, secret);
        if (!QTest::qWaitFor([&] { return ok.count() + failed.count() > 0; }, 60000))
            qFatal("Connector gave no answer");
        QTest::qWait(50); // exactly one signal: a second would arrive meanwhile
        if (ok.count() + failed.count() != 1)
            qFatal("Connector answered %lld times", qlonglong(ok.count() + failed.count()));
        if (!ok.isEmpty())
            return {ok.first().first().value<LedgerClient *>(), std::nullopt};
        return {nullptr, failed.first().first().value<LedgerError>()};
    }

private Q_SLOTS:
    void initTestCase() {
        const QStringList backends = WalletDeskTest::availableBackends();
        QCOMPARE(backends.size(), 1); // registered once per backend
        m_backend = backends.first();
        previousHandler = qInstallMessageHandler(captureMessages);
    }

    void cleanupTestCase() { qInstallMessageHandler(previousHandler); }

    void opensAsTheProfilesOperator() {
        QString password;
        const ConnectionProfile p = ledger(QStringLiteral("connector-admin"), &password);
        Connector connector;
        QVERIFY(!connector.busy());
        const auto [client, error] = connectWith(connector, p, password);
        QVERIFY2(client, qPrintable(error ? error->message : QString()));
        QCOMPARE(client->parent(), &connector);
        QCOMPARE(client->session().operatorName, QStringLiteral("connector-admin"));
        QCOMPARE(client->session().role, Role::Admin);
        QCOMPARE(client->session().connectionLabel, p.databaseUrl({}).display());
        const auto currencies = await(client->currencies());
        QVERIFY2(currencies, qPrintable(currencies ? QString() : currencies.error().message));

        // The receiver takes the client; a later open() leaves it alone.
        std::unique_ptr<LedgerClient> owned(client);
        client->setParent(nullptr);
        const auto [second, secondError] = connectWith(connector, p, password);
        QVERIFY(second);
        QVERIFY(await(owned->currencies()));
        delete second;
    }

    void unknownOperatorFails() {
        QString password;
        ConnectionProfile p = ledger(QStringLiteral("connector-admin"), &password);
        p.operatorName = QStringLiteral("nobody");
        Connector connector;
        const auto [client, error] = connectWith(connector, p, password);
        QVERIFY(!client);
        QCOMPARE(error->code, ErrorCode::NotFound);
        QVERIFY2(error->message.contains(u"nobody"), qPrintable(error->message));
        QTRY_VERIFY(connector.findChildren<LedgerClient *>().isEmpty()); // the failed client is gone
    }

    void unreachableDatabaseNeverShowsTheSecret() {
        const QString secret = QStringLiteral("Do-Not-Log-Me-42");
        ConnectionProfile p;
        p.name = QStringLiteral("nowhere");
        p.operatorName = QStringLiteral("someone");
        if (m_backend == u"postgres") {
            QString ignored;
            p = ledger(QStringLiteral("connector-admin"), &ignored);
            p.pgPort = 1; // nothing listens there, on the fixture's socket folder or anywhere
        } else {
            p.kind = ConnectionProfile::Kind::Sqlite;
            p.sqlitePath = m_dir.filePath(QStringLiteral("no-such-folder/sub/ledger.sqlite"));
        }
        Connector connector;
        const auto [client, error] = connectWith(connector, p, secret);
        QVERIFY(!client);
        QCOMPARE(error->code, ErrorCode::Database);
        qInfo("error shown: %s", qPrintable(error->message));
        QVERIFY2(error->message.startsWith(u"cannot open"),
                 qPrintable(error->message)); // the reason, not
                                              // "no ledger is open"
        QVERIFY(!error->message.contains(secret));
        QMutexLocker locker(&logMutex);
        for (const QString &line : std::as_const(logLines))
            QVERIFY2(!line.contains(secret), qPrintable(line));
    }

    void newSqliteFileBecomesALedger() {
        if (m_backend != u"sqlite")
            QSKIP("SQLite only");
        ConnectionProfile p;
        p.name = QStringLiteral("new file");
        p.sqlitePath = m_dir.filePath(QStringLiteral("brand-new.sqlite"));
        p.operatorName = QStringLiteral("first-admin");
        QVERIFY(!QFileInfo::exists(p.sqlitePath));
        Connector connector;
        const auto [client, error] = connectWith(connector, p, {});
        QVERIFY2(client, qPrintable(error ? error->message : QString()));
        QCOMPARE(client->session().role, Role::Admin);
        QVERIFY(QFileInfo::exists(p.sqlitePath));
        // A second operator on the now existing file is not made admin by connecting.
        p.operatorName = QStringLiteral("second");
        Connector other;
        const auto [none, refused] = connectWith(other, p, {});
        QVERIFY(!none);
        QCOMPARE(refused->code, ErrorCode::NotFound);
    }

    void unreachableWalletdIsAnErrorNotAHang() {
        ConnectionProfile p;
        p.name = QStringLiteral("remote");
        p.kind = ConnectionProfile::Kind::Walletd;
        p.walletdUrl = QStringLiteral("http://127.0.0.1:1"); // nothing listens on port 1
        p.operatorName = QStringLiteral("alice");
        Connector connector;
        const auto [client, error] = connectWith(connector, p, QStringLiteral("secret-password"));
        QVERIFY(!client);
        QVERIFY(!error->message.isEmpty());
        QVERIFY2(!error->message.contains(u"secret-password"), qPrintable(error->message));
    }

    void invalidProfileIsRefused() {
        ConnectionProfile p;
        p.name = QStringLiteral("empty");
        p.operatorName = QStringLiteral("alice");
        Connector connector;
        const auto [client, error] = connectWith(connector, p, {});
        QVERIFY(!client);
        QCOMPARE(error->code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TstConnector)
#include "tst_connector.moc"

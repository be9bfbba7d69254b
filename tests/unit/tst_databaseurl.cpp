// DatabaseUrl (models/storage/databaseurl.h): where a ledger lives, from --db / WALLETDESK_DB text.
#include "databaseurl.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestDatabaseUrl : public QObject {
    Q_OBJECT

private slots:
    void sqlite_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("display");

        QTest::newRow("bare relative path")
            << u"ledger.sqlite"_s << u"ledger.sqlite"_s << u"sqlite:ledger.sqlite"_s;
        QTest::newRow("bare absolute path")
            << u"/var/lib/wd/ledger.sqlite"_s << u"/var/lib/wd/ledger.sqlite"_s
            << u"sqlite:/var/lib/wd/ledger.sqlite"_s;
        QTest::newRow("sqlite: relative")
            << u"sqlite:ledger.sqlite"_s << u"ledger.sqlite"_s << u"sqlite:ledger.sqlite"_s;
        QTest::newRow("sqlite: absolute")
            << u"sqlite:/tmp/x.sqlite"_s << u"/tmp/x.sqlite"_s << u"sqlite:/tmp/x.sqlite"_s;
        QTest::newRow("sqlite:/// absolute")
            << u"sqlite:///tmp/x.sqlite"_s << u"/tmp/x.sqlite"_s << u"sqlite:/tmp/x.sqlite"_s;
        QTest::newRow("blanks and non-ASCII in path")
            << u"/tmp/my ledgers/Bücher.sqlite"_s << u"/tmp/my ledgers/Bücher.sqlite"_s
            << u"sqlite:/tmp/my ledgers/Bücher.sqlite"_s;
        QTest::newRow("in-memory") << u"sqlite::memory:"_s << u":memory:"_s << u"sqlite::memory:"_s;
    }

    void sqlite() {
        QFETCH(QString, text);
        QFETCH(QString, path);
        QFETCH(QString, display);
        QString error;
        const std::optional<DatabaseUrl> url = DatabaseUrl::parse(text, &error);
        QVERIFY2(url.has_value(), qPrintable(error));
        QCOMPARE(url->kind, DatabaseUrl::Kind::Sqlite);
        QCOMPARE(url->path, path);
        QCOMPARE(url->display(), display);
    }

    void postgres_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("display"); // null: only checked to name the database and hide the password

        QTest::newRow("everything") << u"postgresql://alice:s3cret@db.example.com:5433/ledger"_s
                                    << u"db.example.com"_s << 5433 << u"ledger"_s << u"alice"_s << u"s3cret"_s
                                    << u"postgresql://alice@db.example.com:5433/ledger"_s;
        QTest::newRow("postgres scheme, default port")
            << u"postgres://alice@db/ledger"_s << u"db"_s << 5432 << u"ledger"_s << u"alice"_s << QString()
            << u"postgresql://alice@db:5432/ledger"_s;
        QTest::newRow("no user") << u"postgresql://db.example.com/ledger"_s << u"db.example.com"_s << 5432
                                 << u"ledger"_s << QString() << QString() << QString();
        QTest::newRow("socket dir as host=")
            << u"postgresql://walletdesk@localhost:6000/walletdesk_test?host=/tmp/pg"_s << u"/tmp/pg"_s
            << 6000 << u"walletdesk_test"_s << u"walletdesk"_s << QString() << QString();
        QTest::newRow("encoded socket dir")
            << u"postgresql://u@localhost/db?host=%2Fvar%2Frun%2Fpostgresql"_s << u"/var/run/postgresql"_s
            << 5432 << u"db"_s << u"u"_s << QString() << QString();
        QTest::newRow("socket dir with blank and umlaut")
            << u"postgresql://u@localhost:7/db?host=/tmp/my%20pg/%C3%BC"_s << u"/tmp/my pg/ü"_s << 7
            << u"db"_s << u"u"_s << QString() << QString();
        QTest::newRow("empty authority, socket dir")
            << u"postgresql:///db?host=/tmp/s"_s << u"/tmp/s"_s << 5432 << u"db"_s << QString() << QString()
            << QString();
        QTest::newRow("encoded password")
            << u"postgresql://u:p%40ss%3Aw%2Frd@h/db"_s << u"h"_s << 5432 << u"db"_s << u"u"_s
            << u"p@ss:w/rd"_s << u"postgresql://u@h:5432/db"_s;
        QTest::newRow("encoded user") << u"postgresql://%C3%BCser@h/db"_s << u"h"_s << 5432 << u"db"_s
                                      << u"üser"_s << QString() << u"postgresql://üser@h:5432/db"_s;
        QTest::newRow("IPv6 host") << u"postgresql://u@[::1]:5433/db"_s << u"::1"_s << 5433 << u"db"_s
                                   << u"u"_s << QString() << u"postgresql://u@::1:5433/db"_s;
        QTest::newRow("libpq parameters are not part of the display")
            << u"postgresql://u@h/db?sslmode=require"_s << u"h"_s << 5432 << u"db"_s << u"u"_s << QString()
            << u"postgresql://u@h:5432/db"_s;
        QTest::newRow("several hosts for failover")
            << u"postgresql://u@localhost:5433/db?host=db1.example,db2.example&target_session_attrs=read-write"_s
            << u"db1.example,db2.example"_s << 5433 << u"db"_s << u"u"_s << QString() << QString();
    }

    void postgres() {
        QFETCH(QString, text);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, database);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, display);
        QString error;
        const std::optional<DatabaseUrl> url = DatabaseUrl::parse(text, &error);
        QVERIFY2(url.has_value(), qPrintable(error));
        QCOMPARE(url->kind, DatabaseUrl::Kind::Postgres);
        QCOMPARE(url->host, host);
        QCOMPARE(url->port, port);
        QCOMPARE(url->database, database);
        QCOMPARE(url->user, user);
        QCOMPARE(url->password, password);
        if (!display.isNull())
            QCOMPARE(url->display(), display);
        QVERIFY2(url->display().contains(database), qPrintable(url->display()));
        if (!password.isEmpty())
            QVERIFY2(!url->display().contains(password), qPrintable(url->display()));
    }

    void rejects_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("because"); // a fragment of the expected message

        QTest::newRow("empty") << QString() << u"no database given"_s;
        QTest::newRow("blanks") << u"  \t "_s << u"no database given"_s;
        QTest::newRow("sqlite: without path") << u"sqlite:"_s << u"path is empty"_s;
        QTest::newRow("sqlite:// without path") << u"sqlite://"_s << u"path is empty"_s;
        QTest::newRow("no database name")
            << u"postgresql://u@h"_s << u"postgresql://user:pass@host:port/name"_s;
        QTest::newRow("empty database name")
            << u"postgresql://u@h:5432/"_s << u"postgresql://user:pass@host:port/name"_s;
        QTest::newRow("port not a number")
            << u"postgresql://u@h:port/db"_s << u"postgresql://user:pass@host:port/name"_s;
        QTest::newRow("port too large")
            << u"postgresql://u@h:99999/db"_s << u"postgresql://user:pass@host:port/name"_s;
        QTest::newRow("blank in host")
            << u"postgresql://u@my host/db"_s << u"postgresql://user:pass@host:port/name"_s;
        QTest::newRow("unknown parameter")
            << u"postgresql://u@h/db?sslmod=require"_s << u"\"sslmod\" is not a connection parameter"_s;
        QTest::newRow("options parameter") << u"postgresql://u@h/db?options=-c%20statement_timeout%3D0"_s
                                           << u"\"options\" is not a connection parameter"_s;
        QTest::newRow("password as a parameter")
            << u"postgresql://u@h/db?password=x"_s << u"put the password in user:password@"_s;
        QTest::newRow("bad sslmode") << u"postgresql://u@h/db?sslmode=on"_s
                                     << u"sslmode must be one of disable, allow"_s;
        QTest::newRow("sslmode given twice")
            << u"postgresql://u@h/db?sslmode=require&sslmode=disable"_s << u"sslmode is given twice"_s;
        QTest::newRow("semicolon in a value")
            << u"postgresql://u@h/db?sslrootcert=/a;b"_s << u"sslrootcert may not contain ';'"_s;
        QTest::newRow("prefer across a network")
            << u"postgresql://u@db.example.com/db?sslmode=prefer"_s
            << u"sslmode=prefer may send the ledger unencrypted across the network to db.example.com"_s;
        QTest::newRow("allow across a network") << u"postgresql://u@10.1.2.3/db?sslmode=allow"_s
                                                << u"sslmode=allow may send the ledger unencrypted"_s;
        QTest::newRow("prefer when one of several hosts is remote")
            << u"postgresql://u@localhost/db?host=localhost,db2.example&sslmode=prefer"_s
            << u"sslmode=prefer may send"_s;
    }

    void rejects() {
        QFETCH(QString, text);
        QFETCH(QString, because);
        QString error;
        const std::optional<DatabaseUrl> url = DatabaseUrl::parse(text, &error);
        QVERIFY2(!url.has_value(), qPrintable(url ? url->display() : QString()));
        QVERIFY2(error.contains(because), qPrintable(error));
    }

    // What reaches libpq: the URL's parameters, quoted, with sslmode=require added across a network and
    // connect_timeout defaulted.
    void connectOptions_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("options");
        QTest::addColumn<bool>("local");

        QTest::newRow("unix socket: nothing added but the timeout")
            << u"postgresql://u@localhost/db?host=/run/postgresql"_s << u"connect_timeout='10'"_s << true;
        QTest::newRow("loopback address")
            << u"postgresql://u@127.0.0.1/db"_s << u"connect_timeout='10'"_s << true;
        QTest::newRow("IPv6 loopback") << u"postgresql://u@[::1]/db"_s << u"connect_timeout='10'"_s << true;
        QTest::newRow("remote host: TLS required")
            << u"postgresql://u@db.example.com/db"_s << u"connect_timeout='10';sslmode='require'"_s << false;
        QTest::newRow("remote address: TLS required")
            << u"postgresql://u@192.0.2.7/db"_s << u"connect_timeout='10';sslmode='require'"_s << false;
        QTest::newRow("remote host, explicit disable is obeyed")
            << u"postgresql://u@db.example.com/db?sslmode=disable"_s
            << u"connect_timeout='10';sslmode='disable'"_s << false;
        QTest::newRow("prefer on loopback is allowed") << u"postgresql://u@localhost/db?sslmode=prefer"_s
                                                       << u"connect_timeout='10';sslmode='prefer'"_s << true;
        QTest::newRow("verify-full with certificates, timeout overridden")
            << u"postgresql://u@db.example.com/db?sslmode=verify-full&sslrootcert=/etc/wd/ca.pem&connect_timeout=3"_s
            << u"connect_timeout='3';sslmode='verify-full';sslrootcert='/etc/wd/ca.pem'"_s << false;
        QTest::newRow("blanks, quotes and backslashes are quoted")
            << u"postgresql://u@localhost/db?sslcert=/my%20certs/o'brien%5C.pem"_s
            << u"connect_timeout='10';sslcert='/my certs/o\\'brien\\\\.pem'"_s << true;
        QTest::newRow("several hosts, one remote")
            << u"postgresql://u@localhost/db?host=localhost,db2.example&target_session_attrs=read-write"_s
            << u"connect_timeout='10';sslmode='require';target_session_attrs='read-write'"_s << false;
    }

    void connectOptions() {
        QFETCH(QString, text);
        QFETCH(QString, options);
        QFETCH(bool, local);
        QString error;
        const std::optional<DatabaseUrl> url = DatabaseUrl::parse(text, &error);
        QVERIFY2(url.has_value(), qPrintable(error));
        QCOMPARE(url->isLocal(), local);
        {
            const QSqlDatabase db = url->addConnection(u"tst_databaseurl"_s);
            QCOMPARE(db.connectOptions(), options);
        }
        QSqlDatabase::removeDatabase(u"tst_databaseurl"_s);
    }

    // A location built field by field (as the connection dialog's profile does) gets the same rule as a
    // parsed one: the check lives in the value, and LedgerStore::open asks it before connecting.
    void transportProblemWithoutParse() {
        DatabaseUrl url;
        url.kind = DatabaseUrl::Kind::Postgres;
        url.host = u"db.example.com"_s;
        url.database = u"ledger"_s;
        QVERIFY(url.transportProblem().isEmpty()); // no sslmode: require is added
        url.options.insert(u"sslmode"_s, u"prefer"_s);
        QVERIFY(url.transportProblem().contains(u"sslmode=prefer may send the ledger unencrypted"_s));
        url.host = u"/run/postgresql"_s;
        QVERIFY(url.transportProblem().isEmpty());
    }

    void passwordNeverDisplayed() {
        QString error;
        const auto url = DatabaseUrl::parse(u"postgresql://ops:Tr0ub4dor%263@db:5432/ledger"_s, &error);
        QVERIFY2(url.has_value(), qPrintable(error));
        QCOMPARE(url->password, u"Tr0ub4dor&3"_s);
        QVERIFY(!url->display().contains(u"Tr0ub4dor"_s));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"

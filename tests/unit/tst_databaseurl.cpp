// DatabaseUrl (models/databaseurl.h): where a ledger lives, from --db / WALLETDESK_DB text.
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
        QTest::newRow("other query items ignored")
            << u"postgresql://u@h/db?sslmode=require"_s << u"h"_s << 5432 << u"db"_s << u"u"_s << QString()
            << u"postgresql://u@h:5432/db"_s;
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
    }

    void rejects() {
        QFETCH(QString, text);
        QFETCH(QString, because);
        QString error;
        const std::optional<DatabaseUrl> url = DatabaseUrl::parse(text, &error);
        QVERIFY2(!url.has_value(), qPrintable(url ? url->display() : QString()));
        QVERIFY2(error.contains(because), qPrintable(error));
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

// splitSqlScript (models/storage/sqlscript.h): migration scripts into statements; ';' at the end of a line
// ends one, except inside a $$ body; "--" comment lines are dropped outside bodies.
#include "sqlscript.h"

#include <QFile>
#include <QtTest>

using namespace Qt::StringLiterals;

class TestSqlScript : public QObject {
    Q_OBJECT

private slots:
    void split_data() {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("statements");

        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("blank lines only") << u"\n\n   \n\t\n"_s << QStringList();
        QTest::newRow("comments only") << u"-- a migration\n  -- indented comment\n"_s << QStringList();
        QTest::newRow("one statement") << u"SELECT 1;"_s << QStringList{u"SELECT 1;"_s};
        QTest::newRow("two statements")
            << u"CREATE TABLE a (x INT);\nCREATE TABLE b (y INT);\n"_s
            << QStringList{u"CREATE TABLE a (x INT);"_s, u"CREATE TABLE b (y INT);"_s};
        QTest::newRow("multi-line statement")
            << u"CREATE TABLE a (\n    x INT,\n    y INT\n);\n"_s
            << QStringList{u"CREATE TABLE a (\n    x INT,\n    y INT\n);"_s};
        QTest::newRow("comments and blank lines dropped around and inside")
            << u"-- header\n\nCREATE TABLE a (\n    -- the key\n    x INT\n\n);\n-- tail\n"_s
            << QStringList{u"CREATE TABLE a (\n    x INT\n);"_s};
        QTest::newRow("surrounding blanks trimmed")
            << u"   SELECT 1;   \n\tSELECT 2;\t\n"_s << QStringList{u"SELECT 1;"_s, u"SELECT 2;"_s};
        QTest::newRow("semicolon inside a line does not split")
            << u"SELECT 1; SELECT 2;\n"_s << QStringList{u"SELECT 1; SELECT 2;"_s};
        QTest::newRow("semicolon in a string mid-line")
            << u"INSERT INTO t VALUES ('a;b');\n"_s << QStringList{u"INSERT INTO t VALUES ('a;b');"_s};
        QTest::newRow("last statement without semicolon")
            << u"SELECT 1;\nSELECT 2"_s << QStringList{u"SELECT 1;"_s, u"SELECT 2"_s};
        QTest::newRow("CRLF line ends")
            << u"SELECT 1;\r\nSELECT\r\n  2;\r\n"_s << QStringList{u"SELECT 1;"_s, u"SELECT\r\n  2;"_s};
        QTest::newRow("SQLite trigger on one line")
            << u"CREATE TRIGGER t BEFORE UPDATE ON a BEGIN SELECT RAISE(ABORT, 'no'); END;\nSELECT 1;\n"_s
            << QStringList{u"CREATE TRIGGER t BEFORE UPDATE ON a BEGIN SELECT RAISE(ABORT, 'no'); END;"_s,
                           u"SELECT 1;"_s};

        const QString function =
            u"CREATE FUNCTION walletdesk_append_only() RETURNS trigger LANGUAGE plpgsql AS $$\n"
            u"BEGIN\n"
            u"    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;\n"
            u"    RETURN NULL;\n"
            u"END\n"
            u"$$;"_s;
        const QString trigger = u"CREATE TRIGGER e BEFORE UPDATE ON entries FOR EACH ROW "
                                u"EXECUTE FUNCTION walletdesk_append_only();"_s;
        QTest::newRow("$$ body keeps its semicolons")
            << u"-- append-only\n"_s + function + u"\n"_s + trigger + u"\n"_s
            << QStringList{function, trigger};

        const QString bodyWithComment =
            u"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\n"
            u"DECLARE\n"
            u"    n int;\n"
            u"\n"
            u"    -- a comment inside the body stays, as does the blank line above\n"
            u"BEGIN\n"
            u"    n := 1;\n"
            u"    RETURN n;\n"
            u"END\n"
            u"$$;"_s;
        QTest::newRow("$$ body keeps comments and blank lines")
            << bodyWithComment + u"\nSELECT f();\n"_s << QStringList{bodyWithComment, u"SELECT f();"_s};

        const QString doBlock = u"DO $$\n"
                                u"BEGIN\n"
                                u"    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'r') THEN\n"
                                u"        CREATE ROLE r NOLOGIN;\n"
                                u"    END IF;\n"
                                u"END\n"
                                u"$$;"_s;
        QTest::newRow("DO block") << doBlock + u"\nGRANT USAGE ON SCHEMA public TO r;\n"_s
                                  << QStringList{doBlock, u"GRANT USAGE ON SCHEMA public TO r;"_s};

        QTest::newRow("$$ body on one line")
            << u"CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;\nSELECT one();\n"_s
            << QStringList{u"CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;"_s,
                           u"SELECT one();"_s};

        const QString twoBodies = u"CREATE FUNCTION a() RETURNS int LANGUAGE sql AS $$\nSELECT 1;\n$$;\n"
                                  u"CREATE FUNCTION b() RETURNS int LANGUAGE sql AS $$\nSELECT 2;\n$$;\n"_s;
        QTest::newRow("two bodies in a row")
            << twoBodies
            << QStringList{u"CREATE FUNCTION a() RETURNS int LANGUAGE sql AS $$\nSELECT 1;\n$$;"_s,
                           u"CREATE FUNCTION b() RETURNS int LANGUAGE sql AS $$\nSELECT 2;\n$$;"_s};

        QTest::newRow("$$ in a comment line outside a body is ignored")
            << u"-- functions use $$ quoting\nSELECT 1;\nSELECT 2;\n"_s
            << QStringList{u"SELECT 1;"_s, u"SELECT 2;"_s};
    }

    void split() {
        QFETCH(QString, script);
        QFETCH(QStringList, statements);
        QCOMPARE(splitSqlScript(script), statements);
    }

    void shippedMigrations_data() {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<int>("dollarBodies"); // statements that carry a $$ body
        QTest::newRow("sqlite 001") << u":/walletdesk/sql/sqlite/001.sql"_s << 0;
        QTest::newRow("postgres 001") << u":/walletdesk/sql/postgres/001.sql"_s << 1;
        QTest::newRow("postgres roles") << u":/walletdesk/sql/postgres/roles.sql"_s << 1;
    }

    void shippedMigrations() {
        // The scripts compiled into walletcore split into whole statements: each ends with ';', carries no
        // comment lines outside a body, and each $$ body stays in one statement.
        QFETCH(QString, resource);
        QFETCH(int, dollarBodies);
        QFile f(resource);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(resource));
        const QStringList statements = splitSqlScript(QString::fromUtf8(f.readAll()));
        QVERIFY(!statements.isEmpty());
        int bodies = 0;
        for (const QString &s : statements) {
            QVERIFY2(s.endsWith(u';'), qPrintable(s));
            QVERIFY2(!s.startsWith(u"--"_s), qPrintable(s));
            const qsizetype dollars = s.count(u"$$"_s);
            QVERIFY2(dollars % 2 == 0, qPrintable(s));
            if (dollars > 0) {
                ++bodies;
                QVERIFY2(s.endsWith(u"$$;"_s), qPrintable(s));
            } else {
                for (const QStringView line : QStringView(s).split(u'\n'))
                    QVERIFY2(!line.trimmed().startsWith(u"--"), qPrintable(s));
            }
        }
        QCOMPARE(bodies, dollarBodies);
    }
};

QTEST_GUILESS_MAIN(TestSqlScript)
#include "tst_sqlscript.moc"

// SqliteAccess (models/storage/sqliteaccess.h): how a SQLite ledger file is opened when it cannot be written
// (issue 14). The decision from what was seen of the file, without root; tst_readonly opens real files on a
// read-only mount and as a user who may not write them.
#include "sqliteaccess.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using Mode = SqliteAccess::Mode;

class TestSqliteAccess : public QObject {
    Q_OBJECT

private slots:
    void decide_data();
    void decide();
    void pathsWithSyntaxBecomeAUri();
    void inspectSeesAFileThisUserMayNotWrite();
};

void TestSqliteAccess::decide_data() {
    QTest::addColumn<bool>("mediaReadOnly");
    QTest::addColumn<bool>("fileWritable");
    QTest::addColumn<bool>("folderWritable");
    QTest::addColumn<qint64>("walBytes");
    QTest::addColumn<bool>("shmExists");
    QTest::addColumn<int>("mode");         // -1: refused
    QTest::addColumn<QString>("expected"); // the database name, or a piece of the refusal

    const QString plain = u"/l/ledger.sqlite"_s;
    const QString immutable = u"file:///l/ledger.sqlite?mode=ro&immutable=1"_s;
    const QString ro = u"file:///l/ledger.sqlite?mode=ro"_s;
    QTest::newRow("writable") << false << true << true << qint64(-1) << false << int(Mode::ReadWrite)
                              << plain;
    QTest::newRow("writable, open elsewhere")
        << false << true << true << qint64(4096) << true << int(Mode::ReadWrite) << plain;
    QTest::newRow("read-only media, closed cleanly")
        << true << false << false << qint64(-1) << false << int(Mode::ReadOnlyMedia) << immutable;
    QTest::newRow("read-only media, empty log")
        << true << false << false << qint64(0) << true << int(Mode::ReadOnlyMedia) << immutable;
    // immutable=1 would ignore the log's changes: read them as SQLite does, through the -shm that is there.
    QTest::newRow("read-only media, changes in the log")
        << true << false << false << qint64(4152) << true << int(Mode::ReadOnlyMedia) << ro;
    QTest::newRow("read-only media, changes in the log, no -shm")
        << true << false << false << qint64(4152) << false << -1 << u"without /l/ledger.sqlite-shm"_s;
    // The owner may write it meanwhile: never immutable.
    QTest::newRow("file not writable by this user")
        << false << false << true << qint64(-1) << false << int(Mode::ReadOnlyFile) << ro;
    QTest::newRow("file not writable, folder neither, the owner has it open")
        << false << false << false << qint64(0) << true << int(Mode::ReadOnlyFile) << ro;
    QTest::newRow("file not writable, folder neither")
        << false << false << false << qint64(-1) << false << -1 << u"may not create files in /l"_s;
    QTest::newRow("folder not writable")
        << false << true << false << qint64(-1) << false << -1 << u"must create /l/ledger.sqlite-wal"_s;
}

void TestSqliteAccess::decide() {
    QFETCH(bool, mediaReadOnly);
    QFETCH(bool, fileWritable);
    QFETCH(bool, folderWritable);
    QFETCH(qint64, walBytes);
    QFETCH(bool, shmExists);
    QFETCH(int, mode);
    QFETCH(QString, expected);
    SqliteAccess::Facts facts;
    facts.exists = true;
    facts.mediaReadOnly = mediaReadOnly;
    facts.fileWritable = fileWritable;
    facts.folderWritable = folderWritable;
    facts.walBytes = walBytes;
    facts.shmExists = shmExists;
    const auto access = SqliteAccess::decide(u"/l/ledger.sqlite"_s, facts);
    if (mode < 0) {
        QVERIFY(!access);
        QCOMPARE(access.error().code, ErrorCode::Database);
        QVERIFY2(access.error().message.contains(expected), qPrintable(access.error().message));
        return;
    }
    QVERIFY2(access, qPrintable(access ? QString() : access.error().message));
    QCOMPARE(int(access->mode()), mode);
    QCOMPARE(access->databaseName(), expected);
    if (access->readOnly()) {
        QVERIFY(SqliteAccess::isReadOnlyConnection(access->connectOptions()));
        QVERIFY(access->connectOptions().contains(u"QSQLITE_OPEN_URI"_s));
        QVERIFY(access->refusal().contains(u"(/l/ledger.sqlite): nothing can be posted"_s));
        QVERIFY(access->refusal().startsWith(mediaReadOnly
                                                 ? u"the ledger file is on read-only media"_s
                                                 : u"the ledger file is not writable by this user"_s));
    } else {
        QVERIFY(!SqliteAccess::isReadOnlyConnection(access->connectOptions()));
        QVERIFY(access->refusal().isEmpty());
    }
}

void TestSqliteAccess::pathsWithSyntaxBecomeAUri() {
    // '?' and '#' would end the path in a URI, '%' would begin an escape, blanks are not allowed.
    SqliteAccess::Facts facts;
    facts.exists = true;
    facts.mediaReadOnly = true;
    facts.fileWritable = false;
    const auto access = SqliteAccess::decide(u"/l/my ledgers/a?b#c%d.sqlite"_s, facts);
    QVERIFY(access);
    QCOMPARE(access->databaseName(), u"file:///l/my%20ledgers/a%3Fb%23c%25d.sqlite?mode=ro&immutable=1"_s);
}

void TestSqliteAccess::inspectSeesAFileThisUserMayNotWrite() {
    // As root every file is writable (tst_readonly covers that case as nobody).
    if (::geteuid() == 0)
        QSKIP("root may write a file of mode 0444; tst_readonly runs this case as nobody");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ledger.sqlite"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
    const SqliteAccess::Facts facts = SqliteAccess::inspect(path);
    QVERIFY(facts.exists);
    QVERIFY(!facts.fileWritable);
    QVERIFY(!facts.mediaReadOnly);
    QVERIFY(facts.folderWritable);
    QCOMPARE(facts.walBytes, qint64(-1));
    QCOMPARE(int(SqliteAccess::forPath(path)->mode()), int(Mode::ReadOnlyFile));
}

QTEST_GUILESS_MAIN(TestSqliteAccess)
#include "tst_sqliteaccess.moc"

// Statements end to end: walletd's GET /admin/v1/accounts/{id}/statement (viewer and up, 401 without a token,
// 400 for a bad range, audited as the caller), POST /admin/v1/audit/export
// (RemoteLedgerClient::recordExport), RemoteLedgerClient::statement, and walletctl statement on the database
// (--db) and through walletd (--server): files written, usage errors with exit code 2 and no file. A real
// walletd and walletctl on a real ledger (WALLETDESK_TEST_BACKENDS); each test function gets a fresh ledger
// and server (WalletdTestCase).

#include "remoteledgerclient.h"
#include "statementrange.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QtTest>

using namespace WalletdTest;

namespace {

QString today() {
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

struct Run {
    int code = -1;
    QString out, err;
};

Run walletctl(const QStringList &args, const QByteArray &stdinText = {}) {
    QProcess p;
    p.setProgram(qEnvironmentVariable("WALLETCTL"));
    p.setArguments(args);
    p.start();
    p.write(stdinText);
    p.closeWriteChannel();
    if (!p.waitForFinished(120000))
        qFatal("walletctl did not finish");
    return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
               QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestWalletdStatement : public WalletdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void viewerGetsAStatementAndItIsAudited();
    void remoteClientStatementAndExportRecord();
    void walletctlWritesStatementsBothWays();
    void walletctlUsageErrorsWriteNoFile_data();
    void walletctlUsageErrorsWriteNoFile();
};

void TestWalletdStatement::viewerGetsAStatementAndItIsAudited() {
    const qint64 id = createPlayer(QStringLiteral("p1"));
    deposit(id, 1500, "d1");
    deposit(id, 250, "d2");
    const QString vera = m_http.login(*m_walletd, QStringLiteral("vera"));
    const QString path = QStringLiteral("/admin/v1/accounts/%1/statement?from=%2&to=%2").arg(id).arg(today());

    QCOMPARE(m_http.get(m_walletd->url(path)).status, 401);
    const Reply r = m_http.get(m_walletd->url(path), vera);
    QCOMPARE(r.status, 200);
    const QJsonObject s = r.json();
    QCOMPARE(s.value(QStringLiteral("generated_by")).toString(), QStringLiteral("vera"));
    QCOMPARE(s.value(QStringLiteral("digest")).toString().size(), 64);
    const QJsonObject section = s.value(QStringLiteral("sections")).toArray().at(0).toObject();
    QCOMPARE(section.value(QStringLiteral("opening")).toString(), QStringLiteral("0"));
    QCOMPARE(section.value(QStringLiteral("total_in")).toString(), QStringLiteral("1750"));
    QCOMPARE(section.value(QStringLiteral("closing")).toString(), QStringLiteral("1750"));
    QCOMPARE(section.value(QStringLiteral("entries")).toArray().size(), 2);

    RawDb raw(m_url);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'statement' AND operator = "
                                  "'vera' AND target = ? AND outcome = 'ok'"),
                   {QStringLiteral("account:%1").arg(id)}),
        qint64(1));

    // A bad range is a 400 that names it, and is audited as failed.
    const Reply backwards = m_http.get(
        m_walletd->url(
            QStringLiteral("/admin/v1/accounts/%1/statement?from=2026-05-10&to=2026-05-09").arg(id)),
        vera);
    QCOMPARE(backwards.status, 400);
    QVERIFY2(backwards.error().contains(u"after"), qPrintable(backwards.error()));
    QCOMPARE(
        m_http
            .get(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/statement?from=2026-05-10").arg(id)),
                 vera)
            .status,
        400);
    QCOMPARE(m_http
                 .get(m_walletd->url(
                          QStringLiteral("/admin/v1/accounts/999999/statement?from=%1&to=%1").arg(today())),
                      vera)
                 .status,
             404);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'statement' AND outcome = "
                                  "'failed'")),
        qint64(2));
}

void TestWalletdStatement::remoteClientStatementAndExportRecord() {
    const qint64 id = createPlayer(QStringLiteral("p2"));
    deposit(id, 700, "d1");
    RemoteLedgerClient client;
    const auto session =
        WalletDeskTest::await(client.connectTo(QUrl(m_walletd->base()), QStringLiteral("vera"), Password));
    QVERIFY(session.ok());
    const auto range = StatementRange::fromDays(QDateTime::currentDateTimeUtc().date(),
                                                QDateTime::currentDateTimeUtc().date());
    QVERIFY(range.ok());
    const auto s = WalletDeskTest::await(client.statement(id, range->fromMs, range->toMs));
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QCOMPARE(s->generatedBy, QStringLiteral("vera"));
    QCOMPARE(s->ledgerName, session->connectionLabel);
    QCOMPARE(s->sections.size(), 1);
    QCOMPARE(s->sections[0].closing, qint64(700));
    QCOMPARE(s->sections[0].lines.size(), 1);
    // Not whole days: refused before anything is sent.
    const auto partial = WalletDeskTest::await(client.statement(id, range->fromMs + 1, range->toMs));
    QVERIFY(!partial.ok());
    QCOMPARE(partial.error().code, ErrorCode::InvalidArgument);

    // An export from a remote desktop is recorded at walletd as the session's operator.
    client.recordExport(QStringLiteral("account:%1").arg(id), QStringLiteral("1 rows to /tmp/x.csv"));
    RawDb raw(m_url);
    QTRY_COMPARE_WITH_TIMEOUT(
        raw.scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export' AND operator = 'vera' "
                           "AND target = ? AND detail = '1 rows to /tmp/x.csv'"),
            {QStringLiteral("account:%1").arg(id)}),
        qint64(1), 10000);
    QCOMPARE(m_http.post(m_walletd->url(QStringLiteral("/admin/v1/audit/export")), R"({"target":"journal"})")
                 .status,
             401);
    const QString vera = m_http.login(*m_walletd, QStringLiteral("vera"));
    QCOMPARE(m_http.post(m_walletd->url(QStringLiteral("/admin/v1/audit/export")), R"({"detail":"x"})", vera)
                 .status,
             400);
    QCOMPARE(
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/audit/export")), R"({"target":"journal"})", vera)
            .status,
        201);
}

void TestWalletdStatement::walletctlWritesStatementsBothWays() {
    const qint64 id = createPlayer(QStringLiteral("p3"));
    createPlayer(QStringLiteral("p3"), QStringLiteral("GOLD"));
    deposit(id, 1234, "d1");
    const QString pdf = m_dir->filePath(QStringLiteral("s.pdf"));
    const QString csv = m_dir->filePath(QStringLiteral("s.csv"));
    const QStringList range{QStringLiteral("--from"), today(), QStringLiteral("--to"), today()};
    Run r = walletctl(
        QStringList{QStringLiteral("--db"), m_url, QStringLiteral("--as"), QStringLiteral("vera"),
                    QStringLiteral("statement"), QString::number(id)} +
        range +
        QStringList{QStringLiteral("--pdf"), pdf, QStringLiteral("--page-size"), QStringLiteral("letter")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(u"1 entries"), qPrintable(r.out));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");

    // Through walletd, a player's accounts: one section per account (GOLD, then USD).
    r = walletctl(QStringList{QStringLiteral("--server"), m_walletd->base(), QStringLiteral("--as"),
                              QStringLiteral("vera"), QStringLiteral("statement"), QStringLiteral("--player"),
                              QStringLiteral("p3")} +
                      range + QStringList{QStringLiteral("--csv"), csv},
                  Password.toUtf8() + '\n');
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QFile c(csv);
    QVERIFY(c.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = c.readAll().split('\n');
    QVERIFY(lines.size() >= 7);
    QVERIFY(lines[3].startsWith("statement,"));
    QVERIFY2(lines[4].startsWith("account,") && lines[4].contains(",GOLD,"), lines[4].constData());
    QVERIFY2(lines[5].startsWith("account,") && lines[5].contains(",USD,0.00,12.34,0.00,12.34,1"),
             lines[5].constData());
    QVERIFY2(lines[6].startsWith("entry,") && lines[6].contains(",deposit,12.34,12.34,"),
             lines[6].constData());
    RawDb raw(m_url);
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'statement' AND operator = "
                                  "'vera' AND outcome = 'ok'")),
        qint64(3));
}

void TestWalletdStatement::walletctlUsageErrorsWriteNoFile_data() {
    QTest::addColumn<QStringList>("args");
    const QString t = today();
    QTest::newRow("from after to") << QStringList{QStringLiteral("1"),          QStringLiteral("--from"),
                                                  QStringLiteral("2026-05-10"), QStringLiteral("--to"),
                                                  QStringLiteral("2026-05-09"), QStringLiteral("--csv")};
    QTest::newRow("bad day") << QStringList{QStringLiteral("1"),
                                            QStringLiteral("--from"),
                                            QStringLiteral("2026-13-01"),
                                            QStringLiteral("--to"),
                                            t,
                                            QStringLiteral("--csv")};
    QTest::newRow("eleven years") << QStringList{QStringLiteral("1"),          QStringLiteral("--from"),
                                                 QStringLiteral("2015-01-01"), QStringLiteral("--to"),
                                                 QStringLiteral("2026-01-01"), QStringLiteral("--pdf")};
    QTest::newRow("no to") << QStringList{QStringLiteral("1"), QStringLiteral("--from"), t,
                                          QStringLiteral("--csv")};
    QTest::newRow("bad page size") << QStringList{QStringLiteral("1"),
                                                  QStringLiteral("--from"),
                                                  t,
                                                  QStringLiteral("--to"),
                                                  t,
                                                  QStringLiteral("--page-size"),
                                                  QStringLiteral("a5"),
                                                  QStringLiteral("--pdf")};
    QTest::newRow("no account") << QStringList{QStringLiteral("--from"), t, QStringLiteral("--to"), t,
                                               QStringLiteral("--csv")};
}

void TestWalletdStatement::walletctlUsageErrorsWriteNoFile() {
    QFETCH(QStringList, args);
    const QString file = m_dir->filePath(QStringLiteral("never.out"));
    args << file; // the output option is last
    const Run r = walletctl(QStringList{QStringLiteral("--db"), m_url, QStringLiteral("--as"),
                                        QStringLiteral("vera"), QStringLiteral("statement")} +
                            args);
    QCOMPARE(r.code, 2);
    QVERIFY2(r.err.contains(u"walletctl: "), qPrintable(r.err));
    QVERIFY(!QFile::exists(file));
    // Neither file given: a usage error too.
    const Run none =
        walletctl({QStringLiteral("--db"), m_url, QStringLiteral("statement"), QStringLiteral("1"),
                   QStringLiteral("--from"), today(), QStringLiteral("--to"), today()});
    QCOMPARE(none.code, 2);
    QVERIFY2(none.err.contains(u"--pdf FILE or --csv FILE"), qPrintable(none.err));
}

QTEST_MAIN(TestWalletdStatement)
#include "tst_walletd_statement.moc"

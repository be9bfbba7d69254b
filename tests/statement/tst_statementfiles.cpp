// A statement written as CSV (asserted row by row) and as PDF, read back with poppler's tools: pdfinfo
// (pages, page size A4 and Letter), pdftotext -layout ("Page 1 of N" on every page, the ledger and digest in
// the footer, the balances and totals as Money::format writes them) and pdftoppm (the pages render). No
// database: the Statement is built here.
#include "money.h"
#include "statementcsv.h"
#include "statementpdf.h"
#include "statementrange.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

namespace {

Statement sample(int entries) {
    Statement s;
    const auto range = StatementRange::fromText(QStringLiteral("2026-05-01"), QStringLiteral("2026-05-31"));
    s.fromMs = range->fromMs;
    s.toMs = range->toMs;
    s.ledgerName = QStringLiteral("ledger.example/wallets");
    s.ledgerDigest = QStringLiteral("0123456789abcdef").repeated(4);
    s.generatedBy = QStringLiteral("ann");
    s.generatedAt = range->toMs + 3600000;
    StatementSection sec;
    sec.account.id = 42;
    sec.account.playerRef = QStringLiteral("p-000042");
    sec.account.name = QStringLiteral("Ann, \"the\" player");
    sec.account.currency = QStringLiteral("USD");
    sec.account.exponent = 2;
    sec.opening = 123456; // 1234.56
    qint64 balance = sec.opening;
    for (int i = 0; i < entries; ++i) {
        HistoryEntry h;
        h.entryId = 1000 + i;
        h.transactionId = 500 + i;
        h.createdAt = s.fromMs + qint64(i) * 600000;
        h.kind = i % 3 == 0 ? TransactionKind::Withdrawal : TransactionKind::Deposit;
        h.amount = i % 3 == 0 ? -(100 + i) : 250 + i;
        balance += h.amount;
        h.balanceAfter = balance;
        (h.amount > 0 ? sec.totalIn : sec.totalOut) += h.amount > 0 ? h.amount : -h.amount;
        h.operatorName = QStringLiteral("bob");
        h.reasonCode = i == 1 ? QStringLiteral("=SUM(A1)") : QString();
        h.ticketRef = i == 2 ? QStringLiteral("T-7") : QString();
        sec.lines << h;
    }
    sec.closing = balance;
    s.sections << sec;
    return s;
}

QString run(const QString &program, const QStringList &args, int *code = nullptr) {
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000))
        return {};
    if (code)
        *code = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestStatementFiles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void csvRowByRow();
    void pdfPagesAndText_data();
    void pdfPagesAndText();

private:
    QTemporaryDir m_dir;
};

void TestStatementFiles::initTestCase() {
    for (const char *tool : {"pdftotext", "pdfinfo", "pdftoppm"})
        if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
            QSKIP("poppler-utils is not installed (scripts/install-deps.sh installs it)");
}

void TestStatementFiles::csvRowByRow() {
    const Statement s = sample(3);
    const QString path = m_dir.filePath(QStringLiteral("s.csv"));
    QVERIFY(StatementCsv::write(s, path).ok());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> rows = f.readAll().split('\n');
    QCOMPARE(rows.size(),
             9); // 3 column rows, statement, account, 3 entries, and the final newline's empty tail
    QCOMPARE(rows[0], QByteArray("record,ledger,digest,generated_by,generated_at,first_day,last_day"));
    QCOMPARE(rows[1],
             QByteArray("record,account,player,name,currency,opening,total_in,total_out,closing,entries"));
    QCOMPARE(
        rows[2],
        QByteArray("record,account,time,transaction,kind,amount,balance_after,reason,ticket,operator,memo"));
    QCOMPARE(rows[3], "statement,ledger.example/wallets," + s.ledgerDigest.toLatin1() +
                          ",ann,2026-06-01T01:00:00.000Z,2026-05-01,2026-05-31");
    QCOMPARE(rows[4],
             QByteArray("account,42,p-000042,\"Ann, \"\"the\"\" player\",USD,1234.56,5.03,1.00,1238.59,3"));
    QCOMPARE(rows[5], QByteArray("entry,42,2026-05-01T00:00:00.000Z,500,withdrawal,-1.00,1233.56,,,bob,"));
    QCOMPARE(rows[6],
             QByteArray("entry,42,2026-05-01T00:10:00.000Z,501,deposit,2.51,1236.07,'=SUM(A1),,bob,"));
    QCOMPARE(rows[7], QByteArray("entry,42,2026-05-01T00:20:00.000Z,502,deposit,2.52,1238.59,,T-7,bob,"));
    QCOMPARE(rows[8], QByteArray());

    QCOMPARE(s.sections[0].closing, s.sections[0].lines.last().balanceAfter);
}

void TestStatementFiles::pdfPagesAndText_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("expected");
    QTest::newRow("A4") << int(StatementPdf::PageSize::A4) << QStringLiteral("(A4)");
    QTest::newRow("Letter") << int(StatementPdf::PageSize::Letter) << QStringLiteral("(letter)");
}

void TestStatementFiles::pdfPagesAndText() {
    QFETCH(int, size);
    QFETCH(QString, expected);
    const Statement s = sample(150);
    const QString path = m_dir.filePath(QStringLiteral("s-%1.pdf").arg(size));
    int pages = 0;
    const auto written = StatementPdf::write(s, path, StatementPdf::PageSize(size), &pages);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    QVERIFY2(pages > 1, qPrintable(QString::number(pages)));

    const QString info = run(QStringLiteral("pdfinfo"), {path});
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(pages))),
             qPrintable(info));
    const QRegularExpression pageSize(QStringLiteral("Page size:\\s+(.*)\\n"));
    const QString sizeLine = pageSize.match(info).captured(1);
    QVERIFY2(sizeLine.contains(expected), qPrintable(sizeLine));

    const QString text =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    for (int p = 1; p <= pages; ++p)
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(p).arg(pages)),
                 qPrintable(QString::number(p)));
    QCOMPARE(text.count(QStringLiteral("Digest (SHA-256): ") + s.ledgerDigest), pages);
    QCOMPARE(text.count(QStringLiteral("Time (UTC)")), pages); // the column header repeats on every page
    const StatementSection &sec = s.sections[0];
    const QString closing = Money::format(sec.closing, 2);
    for (const auto &[label, amount] :
         {std::pair{QStringLiteral("Opening balance"), QStringLiteral("1234.56")},
          std::pair{QStringLiteral("Total in"), Money::format(sec.totalIn, 2)},
          std::pair{QStringLiteral("Total out"), Money::format(sec.totalOut, 2)},
          std::pair{QStringLiteral("Closing balance"), closing}})
        QVERIFY2(text.contains(
                     QRegularExpression(label + QStringLiteral("\\s+") + QRegularExpression::escape(amount))),
                 qPrintable(label + u' ' + amount));
    QVERIFY(text.contains(QStringLiteral("Ledger: ledger.example/wallets")));
    QVERIFY(text.contains(QStringLiteral("Generated by ann")));

    int code = -1;
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-png"), path,
         m_dir.filePath(QStringLiteral("page"))},
        &code);
    QCOMPARE(code, 0);
    QVERIFY(!QDir(m_dir.path()).entryList({QStringLiteral("page*.png")}).isEmpty());
}

QTEST_MAIN(TestStatementFiles)
#include "tst_statementfiles.moc"

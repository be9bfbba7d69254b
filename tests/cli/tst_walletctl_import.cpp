// walletctl end to end: import checks a CSV file, then posts it. The harness and its checks are in
// walletctlfixture.h. Every case runs twice (global data "mode"): on the ledger's database (--db) and through
// walletd (--server).

#include "walletctlfixture.h"

class TestWalletctlImport : public WalletctlFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { addModes(); }
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void cleanupTestCase() { tearDownCase(); }

    void importChecksThenPostsAFile();
};

void TestWalletctlImport::importChecksThenPostsAFile() {
    WC_SEED();
    QTemporaryDir dir;
    auto write = [&dir](const QString &name, const QByteArray &content) {
        QFile f(dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(f.fileName()));
        return f.fileName();
    };
    const QByteArray header = "kind,account,amount,reason_code,ticket,memo,idempotency_key\n";
    const QString good = write(
        QStringLiteral("good.csv"),
        header +
            QStringLiteral("deposit,%1,10.00,,,,imp-1\nwithdrawal,%1,5.00,,,,imp-2\n").arg(m_usd1).toUtf8());
    Snapshot before;
    WC_SNAPSHOT(before);
    const QString dryResult = dir.filePath(QStringLiteral("dry.result.csv"));
    const Run dry = wc(
        {QStringLiteral("import"), good, QStringLiteral("--dry-run"), QStringLiteral("--result"), dryResult});
    WC_OK(dry);
    QVERIFY2(dry.out.contains(QStringLiteral("dry run: 2 ok, 0 need approval, 0 already posted, 0 refused")),
             qPrintable(dry.describe()));
    QVERIFY2(dry.out.contains(QStringLiteral("USD: in 10.00, out 5.00")), qPrintable(dry.describe()));
    QVERIFY(QFile::exists(dryResult));
    WC_UNCHANGED(before, QStringList());

    const Run posted = wc({QStringLiteral("import"), good});
    WC_OK(posted);
    QVERIFY2(posted.out.contains(QStringLiteral("posted: 2 ok")), qPrintable(posted.describe()));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("good.result.csv"))));
    QString balance;
    balanceOf(m_usd1, &balance);
    QCOMPARE(balance, QStringLiteral("55.00"));
    const Run again = wc({QStringLiteral("import"), good});
    WC_OK(again);
    QVERIFY2(again.out.contains(QStringLiteral("2 already posted")), qPrintable(again.describe()));
    balanceOf(m_usd1, &balance);
    QCOMPARE(balance, QStringLiteral("55.00"));

    // A refused row: exit 4, the row named, nothing posted.
    const QString refused =
        write(QStringLiteral("refused.csv"),
              header + QStringLiteral("deposit,%1,1.00,,,,ref-1\nwithdrawal,%1,99999.00,,,,ref-2\n")
                           .arg(m_usd1)
                           .toUtf8());
    const Run no = wc({QStringLiteral("import"), refused});
    QCOMPARE(no.code, 4);
    QVERIFY2(no.out.contains(QStringLiteral("line 3: would_overdraw")), qPrintable(no.describe()));
    balanceOf(m_usd1, &balance);
    QCOMPARE(balance, QStringLiteral("55.00"));
    // A file that is not UTF-8: exit 2.
    const QString latin1 =
        write(QStringLiteral("latin1.csv"),
              header + QStringLiteral("deposit,%1,1.00,,,caf").arg(m_usd1).toUtf8() + "\xE9,l-1\n");
    const Run bad = wc({QStringLiteral("import"), latin1});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("line 2")) && bad.err.contains(QStringLiteral("UTF-8")),
             qPrintable(bad.describe()));
}

QTEST_GUILESS_MAIN(TestWalletctlImport)
#include "tst_walletctl_import.moc"

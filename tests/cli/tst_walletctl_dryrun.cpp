// walletctl end to end: --dry-run says what would happen and writes nothing. The harness and its checks are
// in walletctlfixture.h. Every case runs twice (global data "mode"): on the ledger's database (--db) and
// through walletd (--server).

#include "walletctlfixture.h"

class TestWalletctlDryRun : public WalletctlFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { addModes(); }
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void cleanupTestCase() { tearDownCase(); }

    void dryRunSaysWhatWouldHappenAndWritesNothing();
};

void TestWalletctlDryRun::dryRunSaysWhatWouldHappenAndWritesNothing() {
    WC_SEED();
    Snapshot before;
    WC_SNAPSHOT(before);
    const QStringList deposit{QStringLiteral("post"),      QStringLiteral("deposit"),
                              QStringLiteral("--account"), m_usd1,
                              QStringLiteral("--amount"),  QStringLiteral("10"),
                              QStringLiteral("--key"),     QStringLiteral("dr-1")};
    const Run dry = wc(deposit + QStringList{QStringLiteral("--dry-run")});
    WC_OK(dry);
    QVERIFY2(dry.out.startsWith(QStringLiteral("dry run: nothing written; it would post\n")),
             qPrintable(dry.describe()));
    QVERIFY2(dry.out.contains(QStringLiteral("account %1: 10.00 USD, balance 50.00 -> 60.00").arg(m_usd1)),
             qPrintable(dry.describe()));
    QJsonObject o;
    WC_JSON(wc(QStringList{QStringLiteral("--json")} + deposit + QStringList{QStringLiteral("--dry-run")}),
            o);
    QCOMPARE(o.value(QStringLiteral("dry_run")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("transaction")).toString(), QStringLiteral("0"));
    bool found = false;
    const QJsonArray entries = o.value(QStringLiteral("entries_minor_units")).toArray();
    for (const auto &v : entries)
        if (v.toObject().value(QStringLiteral("account")).toString() == m_usd1) {
            found = true;
            QCOMPARE(v.toObject().value(QStringLiteral("balance_before")).toString(), QStringLiteral("5000"));
            QCOMPARE(v.toObject().value(QStringLiteral("balance_after")).toString(), QStringLiteral("6000"));
        }
    QVERIFY(found);
    // A refusal is the real posting's error and exit code; it is not audited, since nothing was attempted.
    WC_FAILS(wc({QStringLiteral("post"), QStringLiteral("withdrawal"), QStringLiteral("--account"), m_usd2,
                 QStringLiteral("--amount"), QStringLiteral("1000"), QStringLiteral("--key"),
                 QStringLiteral("dr-2"), QStringLiteral("--dry-run")}),
             4, QStringLiteral("insufficient funds: account %1 has 0.00 USD available").arg(m_usd2));
    const Run rev =
        wc({QStringLiteral("reverse"), m_seedTxn, QStringLiteral("--reason"), QStringLiteral("mistake"),
            QStringLiteral("--key"), QStringLiteral("dr-rev"), QStringLiteral("--dry-run")});
    WC_OK(rev);
    QVERIFY2(
        rev.out.contains(QStringLiteral("would reverse transaction %1").arg(m_seedTxn)) &&
            rev.out.contains(QStringLiteral("account %1: -50.00 USD, balance 50.00 -> 0.00").arg(m_usd1)),
        qPrintable(rev.describe()));
    WC_FAILS(wc({QStringLiteral("approve"), QStringLiteral("999"), QStringLiteral("--dry-run")}), 3,
             QStringLiteral("approval 999 does not exist"));
    WC_UNCHANGED(before, QStringList());
    // The real posting then does what the dry run said.
    const Run real = wc(deposit);
    WC_OK(real);
    QVERIFY2(real.out.contains(QStringLiteral("balance of account %1 is now 60.00 USD").arg(m_usd1)),
             qPrintable(real.describe()));
}

QTEST_GUILESS_MAIN(TestWalletctlDryRun)
#include "tst_walletctl_dryrun.moc"

// walletctl end to end: the ledger rules that refuse postings, and a system account's overflow. The harness
// and its checks are in walletctlfixture.h. Every case runs twice (global data "mode"): on the ledger's
// database
// (--db) and through walletd (--server).

#include "walletctlfixture.h"

class TestWalletctlRules : public WalletctlFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { addModes(); }
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void cleanupTestCase() { tearDownCase(); }

    void refusedByLedgerRules();
    void systemAccountOverflowIsRefused();
};

void TestWalletctlRules::refusedByLedgerRules() {
    WC_SEED();
    Snapshot before;

    // Insufficient funds: p2 has nothing.
    WC_SNAPSHOT(before);
    WC_FAILS(
        wc({QStringLiteral("post"), QStringLiteral("withdrawal"), QStringLiteral("--account"), m_usd2,
            QStringLiteral("--amount"), QStringLiteral("1000"), QStringLiteral("--key"),
            QStringLiteral("too-much")}),
        4,
        QStringLiteral("insufficient funds: account %1 has 0.00 USD available, the posting needs 1000.00")
            .arg(m_usd2));
    WC_FAILS(wc({QStringLiteral("post"), QStringLiteral("transfer"), QStringLiteral("--account"), m_usd1,
                 QStringLiteral("--to"), m_usd2, QStringLiteral("--amount"), QStringLiteral("50.01"),
                 QStringLiteral("--key"), QStringLiteral("tr-much")}),
             4, QStringLiteral("insufficient funds: account %1 has 50.00 USD available").arg(m_usd1));
    // Above the maker's limit, a debit holds its funds first: still no overdraft.
    WC_FAILS(as(QStringLiteral("sam"),
                {QStringLiteral("post"), QStringLiteral("withdrawal"), QStringLiteral("--account"), m_usd2,
                 QStringLiteral("--amount"), QStringLiteral("150"), QStringLiteral("--key"),
                 QStringLiteral("hold-much")}),
             4, QStringLiteral("insufficient funds: account %1").arg(m_usd2));
    WC_UNCHANGED(before,
                 (QStringList{QStringLiteral("insufficient_funds"), QStringLiteral("insufficient_funds"),
                              QStringLiteral("insufficient_funds")}));

    // Reverse twice; reverse a reversal.
    const Run rev = wc({QStringLiteral("reverse"), m_seedTxn, QStringLiteral("--reason"),
                        QStringLiteral("mistake"), QStringLiteral("--key"), QStringLiteral("rev-a")});
    WC_OK(rev);
    static const QRegularExpression reverses(
        QStringLiteral("^transaction (\\d+) reverses transaction (\\d+)\\n$"));
    const QRegularExpressionMatch m = reverses.match(rev.out);
    QVERIFY2(m.hasMatch() && m.captured(2) == m_seedTxn, qPrintable(rev.describe()));
    const QString reversal = m.captured(1);
    WC_SNAPSHOT(before);
    WC_FAILS(
        wc({QStringLiteral("reverse"), m_seedTxn, QStringLiteral("--reason"), QStringLiteral("again"),
            QStringLiteral("--key"), QStringLiteral("rev-b")}),
        4, QStringLiteral("transaction %1 was already reversed by transaction %2").arg(m_seedTxn, reversal));
    WC_FAILS(wc({QStringLiteral("reverse"), reversal, QStringLiteral("--reason"), QStringLiteral("undo"),
                 QStringLiteral("--key"), QStringLiteral("rev-c")}),
             4, QStringLiteral("transaction %1 is itself a reversal").arg(reversal));
    WC_UNCHANGED(before, (QStringList{QStringLiteral("already_reversed"), QStringLiteral("state_conflict")}));

    // Maker-checker: sid (supervisor, limit 1.00 USD) cannot approve sid's own posting; the hold stays as it
    // was.
    QString fund;
    post({QStringLiteral("deposit"), QStringLiteral("--account"), m_usd1, QStringLiteral("--amount"),
          QStringLiteral("30.00"), QStringLiteral("--key"), QStringLiteral("fund")},
         &fund);
    QJsonObject o;
    WC_JSON(as(QStringLiteral("sid"),
               {QStringLiteral("--json"), QStringLiteral("post"), QStringLiteral("withdrawal"),
                QStringLiteral("--account"), m_usd1, QStringLiteral("--amount"), QStringLiteral("5.00"),
                QStringLiteral("--key"), QStringLiteral("sid-1")}),
            o);
    QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    const QString approval = o.value(QStringLiteral("approval")).toString();
    QString balance, held;
    balanceOf(m_usd1, &balance, &held);
    QCOMPARE(balance, QStringLiteral("30.00"));
    QCOMPARE(held, QStringLiteral("5.00"));
    WC_SNAPSHOT(before);
    WC_FAILS(as(QStringLiteral("sid"), {QStringLiteral("approve"), approval}), 4,
             QStringLiteral("approval %1 was requested by sid; a different operator must decide it")
                 .arg(approval));
    WC_UNCHANGED(before, QStringList{QStringLiteral("state_conflict")});
    const Run approved = as(QStringLiteral("sue"), {QStringLiteral("approve"), approval,
                                                    QStringLiteral("--comment"), QStringLiteral("ok")});
    WC_OK(approved);
    QVERIFY2(
        approved.out.startsWith(QStringLiteral("approval %1 approved: posted as transaction ").arg(approval)),
        qPrintable(approved.describe()));
    balanceOf(m_usd1, &balance, &held);
    QCOMPARE(balance, QStringLiteral("25.00"));
    QCOMPARE(held, QStringLiteral("0.00"));
    WC_SNAPSHOT(before);
    WC_FAILS(as(QStringLiteral("sue"),
                {QStringLiteral("reject"), approval, QStringLiteral("--comment"), QStringLiteral("late")}),
             4, QStringLiteral("approval %1 was already approved by sue").arg(approval));
    WC_UNCHANGED(before, QStringList{QStringLiteral("state_conflict")});

    // Closing needs an empty account; frozen and closed accounts refuse postings.
    WC_SNAPSHOT(before);
    WC_FAILS(wc({QStringLiteral("close"), m_usd1, QStringLiteral("--reason"), QStringLiteral("leaving")}), 4,
             QStringLiteral("account %1 holds 25.00 USD; only an empty account can be closed").arg(m_usd1));
    WC_UNCHANGED(before, QStringList{QStringLiteral("state_conflict")});

    const Run frozen = as(QStringLiteral("sue"), {QStringLiteral("freeze"), m_usd2,
                                                  QStringLiteral("--reason"), QStringLiteral("fraud check")});
    WC_OK(frozen);
    QCOMPARE(frozen.out, QStringLiteral("account %1 is now frozen\n").arg(m_usd2));
    WC_SNAPSHOT(before);
    WC_FAILS(as(QStringLiteral("sam"),
                {QStringLiteral("post"), QStringLiteral("deposit"), QStringLiteral("--account"), m_usd2,
                 QStringLiteral("--amount"), QStringLiteral("1"), QStringLiteral("--key"),
                 QStringLiteral("to-frozen")}),
             4, QStringLiteral("account %1 is frozen; only a supervisor may post to it").arg(m_usd2));
    WC_FAILS(as(QStringLiteral("sue"),
                {QStringLiteral("freeze"), m_usd2, QStringLiteral("--reason"), QStringLiteral("twice")}),
             4, QStringLiteral("account %1 is already frozen").arg(m_usd2));
    WC_UNCHANGED(before, (QStringList{QStringLiteral("account_frozen"), QStringLiteral("state_conflict")}));
    WC_OK(as(QStringLiteral("sue"),
             {QStringLiteral("unfreeze"), m_usd2, QStringLiteral("--reason"), QStringLiteral("cleared")}));
    const Run closed = as(QStringLiteral("sue"), {QStringLiteral("close"), m_usd2, QStringLiteral("--reason"),
                                                  QStringLiteral("leaving")});
    WC_OK(closed);
    QCOMPARE(closed.out, QStringLiteral("account %1 is now closed\n").arg(m_usd2));
    WC_SNAPSHOT(before);
    WC_FAILS(wc({QStringLiteral("post"), QStringLiteral("deposit"), QStringLiteral("--account"), m_usd2,
                 QStringLiteral("--amount"), QStringLiteral("1"), QStringLiteral("--key"),
                 QStringLiteral("to-closed")}),
             4, QStringLiteral("account %1 is closed").arg(m_usd2));
    WC_FAILS(as(QStringLiteral("sue"),
                {QStringLiteral("unfreeze"), m_usd2, QStringLiteral("--reason"), QStringLiteral("back")}),
             4, QStringLiteral("account %1 is closed, which is final").arg(m_usd2));
    WC_UNCHANGED(before, (QStringList{QStringLiteral("account_closed"), QStringLiteral("account_closed")}));

    QJsonObject v;
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("verify")}), v);
    QVERIFY2(v.value(QStringLiteral("ok")).toBool(),
             qPrintable(v.value(QStringLiteral("first_problem")).toString()));
}

void TestWalletctlRules::systemAccountOverflowIsRefused() {
    // The treasury is at -50.00 after the seed, so crediting a player INT64_MAX minor units would take it
    // below INT64_MIN: the ledger must refuse that (DESIGN.md: "overflow is an error, never a wrap or a
    // rounding").
    WC_SEED();
    QString whale;
    createAccount(QStringLiteral("whale"), QStringLiteral("USD"), &whale);
    Snapshot before;
    WC_SNAPSHOT(before);
    QStringList outcomes;
    Run accepted;
    // On PostgreSQL each posting takes a random one of the treasury's 16 shards; several tries make sure one
    // lands on a shard other than the seed's (all eight on the same shard: 16^-8).
    for (int i = 1; i <= 8; ++i) {
        const Run r = wc({QStringLiteral("post"), QStringLiteral("deposit"), QStringLiteral("--account"),
                          whale, QStringLiteral("--amount"), QStringLiteral("92233720368547758.07"),
                          QStringLiteral("--key"), QStringLiteral("whale-%1").arg(i)});
        if (r.code == 0) {
            accepted = r;
            break;
        }
        WC_FAILS(r, 4, QStringLiteral("would overflow"));
        outcomes << QStringLiteral("overflow");
    }
    // Was a bug (PostgreSQL): the overflow check is per balance shard (LedgerStore::Impl::priceLegs adds to
    // the one locked shard), never on the account's total, so the deposit lands on an empty shard and the
    // treasury's balance becomes -9223372036854780807 minor units, outside int64. Afterwards `account show`
    // of the treasury prints -92233720368547758.08 (INT64_MIN, a wrong value) and `verify` still says the
    // ledger is fine.
    QVERIFY2(accepted.args.isEmpty(),
             qPrintable(QStringLiteral("an overflowing posting was accepted:\n") + accepted.describe()));
    WC_UNCHANGED(before, outcomes);
}

QTEST_GUILESS_MAIN(TestWalletctlRules)
#include "tst_walletctl_rules.moc"

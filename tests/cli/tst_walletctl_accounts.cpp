// walletctl end to end: accounts (create, show, by player, --allow-negative). The harness and its checks are
// in walletctlfixture.h. Every case runs twice (global data "mode"): on the ledger's database (--db) and
// through walletd (--server).

#include "walletctlfixture.h"

class TestWalletctlAccounts : public WalletctlFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { addModes(); }
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void cleanupTestCase() { tearDownCase(); }

    void accounts();
};

void TestWalletctlAccounts::accounts() {
    WC_SEED();
    const Run created = wc({QStringLiteral("account"), QStringLiteral("create"), QStringLiteral("--player"),
                            QStringLiteral("p3"), QStringLiteral("--currency"), QStringLiteral("USD"),
                            QStringLiteral("--name"), QStringLiteral("Carol")});
    WC_OK(created);
    static const QRegularExpression shown(
        QStringLiteral("^account (\\d+)  player USD  player p3 \\(Carol\\)  active\\n"
                       "  balance 0\\.00  held 0\\.00  available 0\\.00\\n"
                       "  created \\S+Z  last activity \\S+Z\\n$"));
    QVERIFY2(shown.match(created.out).hasMatch(), qPrintable(created.describe()));

    QJsonObject o;
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("show"), m_usd1}), o);
    QCOMPARE(o.value(QStringLiteral("id")).toString(), m_usd1);
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("player"));
    QCOMPARE(o.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
    QCOMPARE(o.value(QStringLiteral("player")).toString(), QStringLiteral("p1"));
    QCOMPARE(o.value(QStringLiteral("state")).toString(), QStringLiteral("active"));
    QCOMPARE(o.value(QStringLiteral("balance")).toString(), QStringLiteral("50.00"));
    QCOMPARE(o.value(QStringLiteral("held")).toString(), QStringLiteral("0.00"));
    QCOMPARE(o.value(QStringLiteral("available")).toString(), QStringLiteral("50.00"));
    QCOMPARE(o.value(QStringLiteral("allow_negative")).toBool(), false);

    const Run show = wc({QStringLiteral("account"), QStringLiteral("show"), m_usd1});
    WC_OK(show);
    QVERIFY2(
        show.out.startsWith(QStringLiteral("account %1  player USD  player p1 (p1)  active\n  balance 50.00  "
                                           "held 0.00  available 50.00\n")
                                .arg(m_usd1)),
        qPrintable(show.describe()));

    // --player lists all of a player's accounts, one per currency.
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("show"),
                QStringLiteral("--player"), QStringLiteral("p1")}),
            o);
    const QJsonArray mine = o.value(QStringLiteral("accounts")).toArray();
    QCOMPARE(mine.size(), 2);
    QStringList ids{mine.at(0).toObject().value(QStringLiteral("id")).toString(),
                    mine.at(1).toObject().value(QStringLiteral("id")).toString()};
    ids.sort();
    QStringList expected{m_usd1, m_gold1};
    expected.sort();
    QCOMPARE(ids, expected);
    const Run byPlayer = wc({QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("--player"),
                             QStringLiteral("p1")});
    WC_OK(byPlayer);
    QCOMPARE(byPlayer.out.count(QStringLiteral("player p1")), 2);

    // --allow-negative needs a supervisor.
    WC_JSON(as(QStringLiteral("sue"),
               {QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("create"),
                QStringLiteral("--player"), QStringLiteral("house-bank"), QStringLiteral("--currency"),
                QStringLiteral("GOLD"), QStringLiteral("--allow-negative")}),
            o);
    QCOMPARE(o.value(QStringLiteral("allow_negative")).toBool(), true);

    Snapshot before;
    WC_SNAPSHOT(before);
    WC_FAILS(wc({QStringLiteral("account"), QStringLiteral("create"), QStringLiteral("--player"),
                 QStringLiteral("p1"), QStringLiteral("--currency"), QStringLiteral("USD")}),
             4, QStringLiteral("player p1 already has a USD account (%1)").arg(m_usd1));
    WC_FAILS(as(QStringLiteral("sam"),
                {QStringLiteral("account"), QStringLiteral("create"), QStringLiteral("--player"),
                 QStringLiteral("p4"), QStringLiteral("--currency"), QStringLiteral("USD"),
                 QStringLiteral("--allow-negative")}),
             5, QStringLiteral("allowing a negative balance needs the supervisor role; sam is support"));
    WC_FAILS(wc({QStringLiteral("account"), QStringLiteral("create"), QStringLiteral("--player"),
                 QStringLiteral("p4"), QStringLiteral("--currency"), QStringLiteral("XYZ")}),
             3, QStringLiteral("unknown currency XYZ"));
    WC_FAILS(wc({QStringLiteral("account"), QStringLiteral("create"), QStringLiteral("--player"),
                 QStringLiteral("  "), QStringLiteral("--currency"), QStringLiteral("USD")}),
             2, QStringLiteral("a player reference of 1 to 64 characters is required"));
    WC_FAILS(wc({QStringLiteral("account"), QStringLiteral("create"), QStringLiteral("--player"),
                 QStringLiteral("p4")}),
             2, QStringLiteral("--currency is required"));
    WC_FAILS(wc({QStringLiteral("account"), QStringLiteral("create"), QStringLiteral("--currency"),
                 QStringLiteral("USD")}),
             2, QStringLiteral("--player is required"));
    WC_UNCHANGED(before, (QStringList{QStringLiteral("state_conflict"), QStringLiteral("denied"),
                                      QStringLiteral("not_found")}));
}

QTEST_GUILESS_MAIN(TestWalletctlAccounts)
#include "tst_walletctl_accounts.moc"

// walletctl end to end: operators and what each role may do. The harness and its checks are in
// walletctlfixture.h. Every case runs twice (global data "mode"): on the ledger's database (--db) and through
// walletd (--server).

#include "walletctlfixture.h"

class TestWalletctlOperators : public WalletctlFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { addModes(); }
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void cleanupTestCase() { tearDownCase(); }

    void operators();
    void operatorBadInput_data();
    void operatorBadInput();
    void permissionDenied_data();
    void permissionDenied();
};

void TestWalletctlOperators::operators() {
    WC_OK(wc({QStringLiteral("init")}));
    WC_OK(wc({QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("USD"),
              QStringLiteral("--exponent"), QStringLiteral("2")}));
    WC_OK(wc({QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("GOLD"),
              QStringLiteral("--exponent"), QStringLiteral("0")}));
    const Run add =
        wc({QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("sam"),
            QStringLiteral("--role"), QStringLiteral("support"), QStringLiteral("--limit"),
            QStringLiteral("USD:100.00"), QStringLiteral("--limit"), QStringLiteral("GOLD:5000")});
    WC_OK(add);
    QCOMPARE(add.out, QStringLiteral("operator sam added as support\n"));
    QJsonObject o;
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("operator"), QStringLiteral("add"),
                QStringLiteral("vera"), QStringLiteral("--role"), QStringLiteral("viewer")}),
            o);
    QCOMPARE(o, (QJsonObject{{QStringLiteral("name"), QStringLiteral("vera")},
                             {QStringLiteral("role"), QStringLiteral("viewer")}}));

    const Run list = wc({QStringLiteral("operator"), QStringLiteral("list")});
    WC_OK(list);
    const QStringList lines = list.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    static const QRegularExpression rootLine(QStringLiteral("^root +admin *$"));
    // The amounts in the limits text are checked in textAmountsUseTheCurrencyExponent().
    static const QRegularExpression samLine(
        QStringLiteral("^sam +support +limits: .*GOLD.*USD|^sam +support +limits: .*USD.*GOLD"));
    static const QRegularExpression veraLine(QStringLiteral("^vera +viewer *$"));
    QVERIFY2(rootLine.match(lines[0]).hasMatch(), qPrintable(list.out));
    QVERIFY2(samLine.match(lines[1]).hasMatch(), qPrintable(list.out));
    QVERIFY2(veraLine.match(lines[2]).hasMatch(), qPrintable(list.out));

    const Run disable = wc({QStringLiteral("operator"), QStringLiteral("disable"), QStringLiteral("vera")});
    WC_OK(disable);
    QCOMPARE(disable.out, QStringLiteral("operator vera disabled\n"));
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("operator"), QStringLiteral("list")}), o);
    const QJsonArray ops = o.value(QStringLiteral("operators")).toArray();
    QCOMPARE(ops.size(), 3);
    const QJsonObject sam = ops.at(1).toObject();
    QCOMPARE(sam.value(QStringLiteral("name")).toString(), QStringLiteral("sam"));
    QCOMPARE(sam.value(QStringLiteral("role")).toString(), QStringLiteral("support"));
    QCOMPARE(sam.value(QStringLiteral("disabled")).toBool(), false);
    QCOMPARE(sam.value(QStringLiteral("limits_minor_units")).toObject(),
             (QJsonObject{{QStringLiteral("USD"), QStringLiteral("10000")},
                          {QStringLiteral("GOLD"), QStringLiteral("5000")}}));
    QCOMPARE(ops.at(2).toObject().value(QStringLiteral("disabled")).toBool(), true);

    // Refusals by the ledger: an operator twice, disabling oneself (4); disabling nobody (3).
    Snapshot before;
    WC_SNAPSHOT(before);
    WC_FAILS(wc({QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("sam"),
                 QStringLiteral("--role"), QStringLiteral("viewer")}),
             4, QStringLiteral("operator sam already exists"));
    WC_FAILS(wc({QStringLiteral("operator"), QStringLiteral("disable"), QStringLiteral("root")}), 4,
             QStringLiteral("cannot disable themselves"));
    WC_FAILS(wc({QStringLiteral("operator"), QStringLiteral("disable"), QStringLiteral("nobody")}), 3,
             QStringLiteral("operator nobody does not exist"));
    WC_UNCHANGED(before, (QStringList{QStringLiteral("state_conflict"), QStringLiteral("state_conflict"),
                                      QStringLiteral("not_found")}));
}

void TestWalletctlOperators::operatorBadInput_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    auto limit = [](const char *tag, const QString &text, const QString &needle) {
        QTest::newRow(tag) << QStringList{QStringLiteral("operator"),
                                          QStringLiteral("add"),
                                          QStringLiteral("newbie"),
                                          QStringLiteral("--role"),
                                          QStringLiteral("support"),
                                          QStringLiteral("--limit"),
                                          text}
                           << needle;
    };
    limit("limit 1e5", QStringLiteral("USD:1e5"),
          QStringLiteral("--limit \"USD:1e5\": amount \"1e5\" is not a plain"));
    limit("limit without amount", QStringLiteral("USD:"),
          QStringLiteral("--limit \"USD:\": amount is empty"));
    limit("limit without colon", QStringLiteral("USD"), QStringLiteral("--limit \"USD\": amount is empty"));
    limit("limit of an unknown currency", QStringLiteral("XXX:5"),
          QStringLiteral("--limit \"XXX:5\": unknown currency XXX"));
    limit("limit with too many decimals", QStringLiteral("USD:0.001"),
          QStringLiteral("--limit \"USD:0.001\": amount \"0.001\" has more than 2 decimal places"));
    limit("negative limit", QStringLiteral("USD:-1"),
          QStringLiteral("--limit \"USD:-1\": must not be negative"));
    limit("fractional GOLD limit", QStringLiteral("GOLD:1.5"),
          QStringLiteral("--limit \"GOLD:1.5\": amount \"1.5\" must be a whole number"));
    limit("limit with a group separator", QStringLiteral("USD:1,000"),
          QStringLiteral("--limit \"USD:1,000\": amount \"1,000\" is not a plain"));
    QTest::newRow("unknown role") << QStringList{QStringLiteral("operator"), QStringLiteral("add"),
                                                 QStringLiteral("newbie"), QStringLiteral("--role"),
                                                 QStringLiteral("god")}
                                  << QStringLiteral(
                                         "role \"god\" is not one of viewer, support, supervisor, admin");
    QTest::newRow("no role") << QStringList{QStringLiteral("operator"), QStringLiteral("add"),
                                            QStringLiteral("newbie")}
                             << QStringLiteral("--role is required");
    QTest::newRow("bad name") << QStringList{QStringLiteral("operator"), QStringLiteral("add"),
                                             QStringLiteral("new bie"), QStringLiteral("--role"),
                                             QStringLiteral("viewer")}
                              << QStringLiteral("operator name \"new bie\"");
    QTest::newRow("no name") << QStringList{QStringLiteral("operator"), QStringLiteral("add"),
                                            QStringLiteral("--role"), QStringLiteral("viewer")}
                             << QStringLiteral("usage: operator add NAME");
    QTest::newRow("disable without name")
        << QStringList{QStringLiteral("operator"), QStringLiteral("disable")}
        << QStringLiteral("usage: operator add NAME");
    QTest::newRow("unknown subcommand")
        << QStringList{QStringLiteral("operator"), QStringLiteral("delete"), QStringLiteral("sam")}
        << QStringLiteral("usage: operator add NAME");
}

void TestWalletctlOperators::operatorBadInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    WC_OK(wc({QStringLiteral("init")}));
    WC_OK(wc({QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("USD"),
              QStringLiteral("--exponent"), QStringLiteral("2")}));
    WC_OK(wc({QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("GOLD"),
              QStringLiteral("--exponent"), QStringLiteral("0")}));
    Snapshot before;
    WC_SNAPSHOT(before);
    WC_FAILS(wc(args), 2, needle);
    WC_UNCHANGED(before, QStringList());
}

void TestWalletctlOperators::permissionDenied_data() {
    QTest::addColumn<QString>("op");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<bool>("signsIn"); ///< whether walletd lets the operator sign in
    auto row = [](const char *tag, const char *op, const QString &args, const QString &needle,
                  bool signsIn = true) {
        QTest::newRow(tag) << QString::fromLatin1(op) << args.split(u' ', Qt::SkipEmptyParts) << needle
                           << signsIn;
    };
    row("viewer posts", "vera", QStringLiteral("post deposit --account {usd1} --amount 1 --key v"),
        QStringLiteral("posting needs the support role; vera is viewer"));
    row("unknown operator posts", "ghost", QStringLiteral("post deposit --account {usd1} --amount 1 --key g"),
        QStringLiteral("unknown operator \"ghost\""), false);
    row("empty operator name posts", "", QStringLiteral("post deposit --account {usd1} --amount 1 --key e"),
        QStringLiteral("unknown operator \"\""), false);
    row("viewer creates an account", "vera", QStringLiteral("account create --player p7 --currency USD"),
        QStringLiteral("creating an account needs the support role; vera is viewer"));
    row("support reverses", "sam", QStringLiteral("reverse {seed} --reason r --key k"),
        QStringLiteral("reversing needs the supervisor role; sam is support"));
    row("support freezes", "sam", QStringLiteral("freeze {usd1} --reason r"),
        QStringLiteral("freeze needs the supervisor role; sam is support"));
    row("support rejects", "sam", QStringLiteral("reject 1 --comment no"),
        QStringLiteral("rejecting needs the supervisor role; sam is support"));
    row("supervisor adds an operator", "sue", QStringLiteral("operator add eve --role admin"),
        QStringLiteral("adding an operator needs the admin role; sue is supervisor"));
    row("supervisor adds a currency", "sue", QStringLiteral("currency add EUR --exponent 2"),
        QStringLiteral("adding a currency needs the admin role; sue is supervisor"));
    row("disabled operator posts", "dora", QStringLiteral("post deposit --account {usd1} --amount 1 --key d"),
        QStringLiteral("operator dora is disabled"), false);
}

void TestWalletctlOperators::permissionDenied() {
    QFETCH(QString, op);
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    QFETCH(bool, signsIn);
    WC_SEED();
    WC_OK(wc({QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("dora"),
              QStringLiteral("--role"), QStringLiteral("support")}));
    WC_OK(wc({QStringLiteral("operator"), QStringLiteral("disable"), QStringLiteral("dora")}));
    Snapshot before;
    WC_SNAPSHOT(before);
    if (serverMode() && !signsIn) {
        // walletd does not tell which of name and password was wrong; the refused sign-in is audited.
        WC_FAILS(as(op, expand(args)), 5, QStringLiteral("wrong operator name or password"));
        WC_UNCHANGED(before, QStringList{QStringLiteral("failed")});
        return;
    }
    WC_FAILS(as(op, expand(args)), 5, needle);
    WC_UNCHANGED(before, QStringList{QStringLiteral("denied")});
}

QTEST_GUILESS_MAIN(TestWalletctlOperators)
#include "tst_walletctl_operators.moc"

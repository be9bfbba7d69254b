// walletctl end to end: the read commands, usage errors, what is not found, verify and the economy. The
// harness and its checks are in walletctlfixture.h. Every case runs twice (global data "mode"): on the
// ledger's database (--db) and through walletd (--server).

#include "walletctlfixture.h"

class TestWalletctlReads : public WalletctlFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { addModes(); }
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void cleanupTestCase() { tearDownCase(); }

    void jsonReadCommands();
    void usageErrors_data();
    void usageErrors();
    void notFound_data();
    void notFound();
    void balanceAtBadTime_data();
    void balanceAtBadTime();
    void verifyHealthyLedger();
    void verifyDetectsTampering();
    void economyAndDistribution();
};

void TestWalletctlReads::jsonReadCommands() {
    WC_SEED();
    QString reversal;
    WC_OK(wc({QStringLiteral("reverse"), m_seedTxn, QStringLiteral("--reason"), QStringLiteral("typo"),
              QStringLiteral("--key"), QStringLiteral("rev-1")}));
    QString deposit;
    post({QStringLiteral("deposit"), QStringLiteral("--account"), m_usd1, QStringLiteral("--amount"),
          QStringLiteral("20.00"), QStringLiteral("--key"), QStringLiteral("json-dep")},
         &deposit);
    WC_OK(as(QStringLiteral("sam"),
             {QStringLiteral("post"), QStringLiteral("deposit"), QStringLiteral("--account"), m_usd2,
              QStringLiteral("--amount"), QStringLiteral("500"), QStringLiteral("--key"),
              QStringLiteral("json-big")}));

    Snapshot before;
    WC_SNAPSHOT(before);
    auto get = [this](const QStringList &args, QJsonObject *o) {
        WC_JSON(wc(QStringList{QStringLiteral("--json")} + args), *o);
    };
    QJsonObject o;

    get({QStringLiteral("account"), QStringLiteral("show"), m_usd1}, &o);
    QCOMPARE(o.value(QStringLiteral("balance")).toString(), QStringLiteral("20.00"));
    QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("p1"));
    QVERIFY(
        QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODateWithMs).isValid());
    get({QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("--player"), QStringLiteral("p2")},
        &o);
    QCOMPARE(o.value(QStringLiteral("accounts")).toArray().size(), 1);

    get({QStringLiteral("history"), m_usd1}, &o);
    QCOMPARE(o.value(QStringLiteral("account")).toString(), m_usd1);
    QCOMPARE(o.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
    QJsonArray entries = o.value(QStringLiteral("entries")).toArray();
    QCOMPARE(entries.size(), 3); // newest first: deposit, reversal, seed deposit
    QCOMPARE(entries.at(0).toObject().value(QStringLiteral("transaction")).toString(), deposit);
    QCOMPARE(entries.at(1).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("reversal"));
    QCOMPARE(entries.at(1).toObject().value(QStringLiteral("reverses")).toString(), m_seedTxn);
    QCOMPARE(entries.at(1).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("-50.00"));
    QCOMPARE(entries.at(2).toObject().value(QStringLiteral("reversed_by")).toString(),
             entries.at(1).toObject().value(QStringLiteral("transaction")).toString());
    reversal = entries.at(1).toObject().value(QStringLiteral("transaction")).toString();
    // Keyset pages: --limit and --before.
    get({QStringLiteral("history"), m_usd1, QStringLiteral("--limit"), QStringLiteral("1")}, &o);
    QCOMPARE(o.value(QStringLiteral("entries")).toArray().size(), 1);
    const QString newest = o.value(QStringLiteral("entries"))
                               .toArray()
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("entry"))
                               .toString();
    get({QStringLiteral("history"), m_usd1, QStringLiteral("--before"), newest}, &o);
    QCOMPARE(o.value(QStringLiteral("entries")).toArray().size(), 2);
    QCOMPARE(o.value(QStringLiteral("entries"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("kind"))
                 .toString(),
             QStringLiteral("reversal"));

    get({QStringLiteral("balance"), m_usd1}, &o);
    QCOMPARE(o.value(QStringLiteral("balance")).toString(), QStringLiteral("20.00"));
    get({QStringLiteral("balance"), m_usd1, QStringLiteral("--at"), QStringLiteral("2000-01-01T00:00:00Z")},
        &o);
    QCOMPARE(o.value(QStringLiteral("balance")).toString(), QStringLiteral("0.00"));
    QCOMPARE(o.value(QStringLiteral("at")).toString(), QStringLiteral("2000-01-01T00:00:00.000Z"));
    QCOMPARE(o.value(QStringLiteral("currency")).toString(), QStringLiteral("USD"));
    const QString later = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate);
    get({QStringLiteral("balance"), m_usd1, QStringLiteral("--at"), later}, &o);
    QCOMPARE(o.value(QStringLiteral("balance")).toString(), QStringLiteral("20.00"));
    const Run text = wc(
        {QStringLiteral("balance"), m_usd1, QStringLiteral("--at"), QStringLiteral("2000-01-01T00:00:00Z")});
    WC_OK(text);
    QCOMPARE(text.out, QStringLiteral("0.00 USD at 2000-01-01T00:00:00.000Z\n"));

    get({QStringLiteral("approvals")}, &o);
    const QJsonArray pending = o.value(QStringLiteral("approvals")).toArray();
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.at(0).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("pending"));
    QCOMPARE(pending.at(0).toObject().value(QStringLiteral("maker")).toString(), QStringLiteral("sam"));
    QCOMPARE(pending.at(0).toObject().value(QStringLiteral("amount_minor_units")).toString(),
             QStringLiteral("50000"));
    QCOMPARE(pending.at(0).toObject().value(QStringLiteral("account")).toString(), m_usd2);
    get({QStringLiteral("approvals"), QStringLiteral("--all")}, &o);
    QCOMPARE(o.value(QStringLiteral("approvals")).toArray().size(), 1);

    get({QStringLiteral("operator"), QStringLiteral("list")}, &o);
    QCOMPARE(o.value(QStringLiteral("operators")).toArray().size(), 5);

    get({QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("3")}, &o);
    const QJsonArray audit = o.value(QStringLiteral("audit")).toArray();
    QCOMPARE(audit.size(), 3);
    QJsonObject newestAudit = audit.at(0).toObject(); // newest first: sam's pending posting
    if (serverMode()) {
        // Through walletd, every run's sign-in and sign-out are audited as well: skip those.
        get({QStringLiteral("audit"), QStringLiteral("--limit"), QStringLiteral("30")}, &o);
        const QJsonArray audited = o.value(QStringLiteral("audit")).toArray();
        for (const auto &v : audited) {
            newestAudit = v.toObject();
            const QString action = newestAudit.value(QStringLiteral("action")).toString();
            if (action != u"login" && action != u"logout" && action != u"operator-passwd")
                break;
        }
    }
    QCOMPARE(newestAudit.value(QStringLiteral("action")).toString(), QStringLiteral("post"));
    QCOMPARE(newestAudit.value(QStringLiteral("outcome")).toString(), QStringLiteral("pending"));
    QCOMPARE(newestAudit.value(QStringLiteral("operator")).toString(), QStringLiteral("sam"));
    QCOMPARE(newestAudit.value(QStringLiteral("target")).toString(),
             QStringLiteral("account:%1").arg(m_usd2));
    // The origin is where the request came from: this host's walletctl, or the client's address at walletd.
    QVERIFY2(newestAudit.value(QStringLiteral("origin"))
                 .toString()
                 .startsWith(serverMode() ? QStringLiteral("127.0.0.1") : QStringLiteral("walletctl@")),
             qPrintable(newestAudit.value(QStringLiteral("origin")).toString()));
    get({QStringLiteral("audit")}, &o);
    QVERIFY(o.value(QStringLiteral("audit")).toArray().size() > 3);

    get({QStringLiteral("transaction"), QStringLiteral("show"), reversal}, &o);
    QCOMPARE(o.value(QStringLiteral("id")).toString(), reversal);
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("reversal"));
    QCOMPARE(o.value(QStringLiteral("reverses")).toString(), m_seedTxn);
    QCOMPARE(o.value(QStringLiteral("key")).toString(), QStringLiteral("rev-1"));
    QCOMPARE(o.value(QStringLiteral("entries")).toArray().size(), 2);
    get({QStringLiteral("transaction"), QStringLiteral("show"), m_seedTxn}, &o);
    QCOMPARE(o.value(QStringLiteral("reversed_by")).toString(), reversal);

    get({QStringLiteral("verify")}, &o);
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("transactions")).toInt(), 3);
    QCOMPARE(o.value(QStringLiteral("entries")).toInt(), 6);
    QCOMPARE(o.value(QStringLiteral("first_problem")).toString(), QString());
    static const QRegularExpression sha256Hex(QStringLiteral("^[0-9a-f]{64}$"));
    QVERIFY(sha256Hex.match(o.value(QStringLiteral("digest")).toString()).hasMatch());

    get({QStringLiteral("currency"), QStringLiteral("list")}, &o);
    QCOMPARE(o.value(QStringLiteral("currencies")).toArray().size(), 2);

    // Reading writes nothing, not even an audit row.
    WC_UNCHANGED(before, QStringList());
}

void TestWalletctlReads::usageErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    auto row = [](const char *tag, const QString &args, const QString &needle) {
        QTest::newRow(tag) << args.split(u' ', Qt::SkipEmptyParts) << needle;
    };
    row("unknown kind", QStringLiteral("post refund --account {usd1} --amount 1 --key k"),
        QStringLiteral("unknown posting kind \"refund\""));
    row("reversal is not posted", QStringLiteral("post reversal --account {usd1} --amount 1 --key k"),
        QStringLiteral("unknown posting kind \"reversal\""));
    row("kind in capitals", QStringLiteral("post DEPOSIT --account {usd1} --amount 1 --key k"),
        QStringLiteral("unknown posting kind \"DEPOSIT\""));
    row("post without kind", QStringLiteral("post --account {usd1} --amount 1 --key k"),
        QStringLiteral("usage: post KIND"));
    row("post with two kinds", QStringLiteral("post deposit win --account {usd1} --amount 1 --key k"),
        QStringLiteral("usage: post KIND"));
    row("unknown command", QStringLiteral("frobnicate"), QStringLiteral("unknown command \"frobnicate\""));
    row("command in capitals", QStringLiteral("POST deposit"), QStringLiteral("unknown command \"POST\""));
    row("unknown option", QStringLiteral("post deposit --account {usd1} --amout 1 --key k"),
        QStringLiteral("Unknown option 'amout'"));
    row("option without value", QStringLiteral("post deposit --amount 1 --key k --account"),
        QStringLiteral("Missing value after '--account'"));
    row("missing --key", QStringLiteral("post deposit --account {usd1} --amount 1"),
        QStringLiteral("--key is required"));
    row("missing --amount", QStringLiteral("post deposit --account {usd1} --key k"),
        QStringLiteral("--amount is required"));
    row("missing --account", QStringLiteral("post deposit --amount 1 --key k"),
        QStringLiteral("--account is required"));
    row("--account abc", QStringLiteral("post deposit --account abc --amount 1 --key k"),
        QStringLiteral("--account \"abc\" is not a positive whole number"));
    row("--account 0", QStringLiteral("post deposit --account 0 --amount 1 --key k"),
        QStringLiteral("--account \"0\" is not a positive whole number"));
    row("--account 1.5", QStringLiteral("post deposit --account 1.5 --amount 1 --key k"),
        QStringLiteral("--account \"1.5\" is not a positive whole number"));
    row("--account 20 digits",
        QStringLiteral("post deposit --account 99999999999999999999 --amount 1 --key k"),
        QStringLiteral("--account \"99999999999999999999\" is not a positive whole number"));
    row("--to x", QStringLiteral("post transfer --account {usd1} --to x --amount 1 --key k"),
        QStringLiteral("--to \"x\" is not a positive whole number"));
    row("--items two",
        QStringLiteral("post purchase --account {usd1} --to {gold1} --items two --amount 1 --key k"),
        QStringLiteral("--items \"two\" is not a positive whole number"));
    row("account show abc", QStringLiteral("account show abc"),
        QStringLiteral("account id \"abc\" is not a positive whole number"));
    row("account show -3", QStringLiteral("account show -- -3"),
        QStringLiteral("account id \"-3\" is not a positive whole number"));
    row("account show without id", QStringLiteral("account show"), QStringLiteral("usage: account show ID"));
    row("account unknown subcommand", QStringLiteral("account delete {usd1}"),
        QStringLiteral("usage: account create"));
    row("history 9x", QStringLiteral("history 9x"),
        QStringLiteral("account id \"9x\" is not a positive whole number"));
    row("history --limit 0", QStringLiteral("history {usd1} --limit 0"),
        QStringLiteral("--limit \"0\" is not a positive whole number"));
    row("history --before y", QStringLiteral("history {usd1} --before y"),
        QStringLiteral("--before \"y\" is not a positive whole number"));
    row("history without id", QStringLiteral("history"), QStringLiteral("usage: history ID"));
    row("balance x", QStringLiteral("balance x"),
        QStringLiteral("account id \"x\" is not a positive whole number"));
    row("transaction show 0", QStringLiteral("transaction show 0"),
        QStringLiteral("transaction id \"0\" is not a positive whole number"));
    row("transaction without show", QStringLiteral("transaction {seed}"),
        QStringLiteral("usage: transaction show ID"));
    row("reverse abc", QStringLiteral("reverse abc --reason r --key k"),
        QStringLiteral("transaction id \"abc\" is not a positive whole number"));
    row("reverse without --reason", QStringLiteral("reverse {seed} --key k"),
        QStringLiteral("--reason is required"));
    row("reverse without --key", QStringLiteral("reverse {seed} --reason r"),
        QStringLiteral("--key is required"));
    row("approve x", QStringLiteral("approve x"),
        QStringLiteral("approval id \"x\" is not a positive whole number"));
    row("approve without id", QStringLiteral("approve"), QStringLiteral("usage: approve ID"));
    row("freeze 1.5", QStringLiteral("freeze 1.5 --reason r"),
        QStringLiteral("account id \"1.5\" is not a positive whole number"));
    row("freeze without --reason", QStringLiteral("freeze {usd1}"), QStringLiteral("--reason is required"));
    row("close without --reason", QStringLiteral("close {usd2}"), QStringLiteral("--reason is required"));
    row("audit --limit x", QStringLiteral("audit --limit x"),
        QStringLiteral("--limit \"x\" is not a positive whole number"));
}

void TestWalletctlReads::usageErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    WC_SEED();
    Snapshot before;
    WC_SNAPSHOT(before);
    WC_FAILS(wc(expand(args)), 2, needle);
    WC_UNCHANGED(before, QStringList());
}

void TestWalletctlReads::notFound_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    QTest::addColumn<QStringList>("audit"); // a refusal inside the ledger is audited; a lookup is not
    const QStringList none;
    const QStringList audited{QStringLiteral("not_found")};
    auto row = [](const char *tag, const QString &args, const QString &needle, const QStringList &audit) {
        QTest::newRow(tag) << args.split(u' ', Qt::SkipEmptyParts) << needle << audit;
    };
    row("account show", QStringLiteral("account show 99999"), QStringLiteral("account 99999 does not exist"),
        none);
    row("account show --player", QStringLiteral("account show --player nobody"),
        QStringLiteral("player nobody has no account"), none);
    row("history", QStringLiteral("history 99999"), QStringLiteral("account 99999 does not exist"), none);
    row("balance", QStringLiteral("balance 99999"), QStringLiteral("account 99999 does not exist"), none);
    row("balance --at", QStringLiteral("balance 99999 --at 2026-01-01T00:00:00Z"),
        QStringLiteral("account 99999 does not exist"), none);
    row("transaction show", QStringLiteral("transaction show 99999"),
        QStringLiteral("transaction 99999 does not exist"), none);
    row("post to an unknown account", QStringLiteral("post deposit --account 99999 --amount 1 --key k"),
        QStringLiteral("account 99999 does not exist"), none);
    row("transfer to an unknown account",
        QStringLiteral("post transfer --account {usd1} --to 99999 --amount 1 --key k"),
        QStringLiteral("account 99999 does not exist"), audited);
    row("reverse", QStringLiteral("reverse 99999 --reason r --key k"),
        QStringLiteral("transaction 99999 does not exist"), audited);
    row("approve", QStringLiteral("approve 99999"), QStringLiteral("approval 99999 does not exist"), audited);
    row("reject", QStringLiteral("reject 99999 --comment no"),
        QStringLiteral("approval 99999 does not exist"), audited);
    row("freeze", QStringLiteral("freeze 99999 --reason r"), QStringLiteral("account 99999 does not exist"),
        audited);
    row("close", QStringLiteral("close 99999 --reason r"), QStringLiteral("account 99999 does not exist"),
        audited);
    row("operator disable", QStringLiteral("operator disable nobody"),
        QStringLiteral("operator nobody does not exist"), audited);
    row("account in an unknown currency", QStringLiteral("account create --player p9 --currency XYZ"),
        QStringLiteral("unknown currency XYZ"), audited);
}

void TestWalletctlReads::notFound() {
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    QFETCH(QStringList, audit);
    WC_SEED();
    Snapshot before;
    WC_SNAPSHOT(before);
    WC_FAILS(wc(expand(args)), 3, needle);
    WC_UNCHANGED(before, audit);
}

void TestWalletctlReads::balanceAtBadTime_data() {
    QTest::addColumn<QString>("at");
    QTest::newRow("a word") << QStringLiteral("yesterday");
    QTest::newRow("month 13") << QStringLiteral("2026-13-01T00:00:00Z");
    QTest::newRow("hour 25") << QStringLiteral("2026-11-01T25:00:00Z");
    QTest::newRow("time only") << QStringLiteral("12:00");
    QTest::newRow("unix seconds") << QStringLiteral("1767225600");
    QTest::newRow("empty") << QString(QLatin1String(""));
}

void TestWalletctlReads::balanceAtBadTime() {
    QFETCH(QString, at);
    WC_SEED();
    Snapshot before;
    WC_SNAPSHOT(before);
    WC_FAILS(wc({QStringLiteral("balance"), m_usd1, QStringLiteral("--at"), at}), 2,
             QStringLiteral("--at \"%1\" is not an ISO 8601 time such as 2026-11-01T12:00:00Z").arg(at));
    WC_UNCHANGED(before, QStringList());
}

void TestWalletctlReads::verifyHealthyLedger() {
    WC_SEED();
    Snapshot before;
    WC_SNAPSHOT(before);
    const QString digestFile = QDir(m_dir.path()).filePath(QStringLiteral("digest-%1.txt").arg(m_backend));
    QFile::remove(digestFile);
    const Run ok = wc({QStringLiteral("verify"), QStringLiteral("--digest-out"), digestFile});
    WC_OK(ok);
    static const QRegularExpression verified(
        QStringLiteral("^ledger verified: 1 transactions, 2 entries, 11 accounts, \\d+ rollups, \\d+ "
                       "audit records\\ndigest ([0-9a-f]{64})\\n$"));
    const QRegularExpressionMatch m = verified.match(ok.out);
    QVERIFY2(m.hasMatch(), qPrintable(ok.describe()));
    const QString digest = m.captured(1);
    QFile f(digestFile);
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(digestFile));
    QCOMPARE(QString::fromLatin1(f.readAll()), digest + u'\n');
    f.close();

    // Through walletd, each run's sign-in and its start of the verification are audited, so the digest
    // moves from run to run: there a digest is only compared with itself within one run.
    if (!serverMode()) {
        WC_OK(wc({QStringLiteral("verify"), QStringLiteral("--expect-digest"), digest}));
        QJsonObject o;
        WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("verify"), QStringLiteral("--expect-digest"),
                    digest}),
                o);
        QCOMPARE(o.value(QStringLiteral("digest")).toString(), digest);
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), true);
    }

    // A digest that does not match: exit 7, one stderr line naming both digests.
    QString wrong = digest;
    wrong[0] = wrong[0] == u'0' ? u'1' : u'0';
    const Run bad = wc({QStringLiteral("verify"), QStringLiteral("--expect-digest"), wrong});
    QCOMPARE(bad.code, 7);
    QCOMPARE(bad.out, QStringLiteral("ledger verification FAILED\n"));
    // The expected digest is captured and compared rather than built into the pattern, so the pattern is a
    // static one; `wrong` is 64 hex digits as the pattern's second group.
    static const QRegularExpression digestsDiffer(QStringLiteral(
        "^walletctl: the chain digest ([0-9a-f]{64}) differs from the expected ([0-9a-f]{64})\n$"));
    const QRegularExpressionMatch differs = digestsDiffer.match(bad.err);
    QVERIFY2(differs.hasMatch(), qPrintable(bad.describe()));
    QCOMPARE(differs.captured(2), wrong);
    if (!serverMode())
        QCOMPARE(differs.captured(1), digest);
    const Run badJson = wc({QStringLiteral("--json"), QStringLiteral("verify"),
                            QStringLiteral("--expect-digest"), QStringLiteral("not-a-digest")});
    QCOMPARE(badJson.code, 7);
    QJsonParseError error;
    const QJsonObject j = QJsonDocument::fromJson(badJson.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(badJson.describe()));
    QCOMPARE(j.value(QStringLiteral("ok")).toBool(), false);
    QVERIFY(j.value(QStringLiteral("first_problem")).toString().contains(QStringLiteral("not-a-digest")));
    QCOMPARE(badJson.err.count(u'\n'), qsizetype(1));

    // A digest file that cannot be written is bad input.
    WC_FAILS(wc({QStringLiteral("verify"), QStringLiteral("--digest-out"),
                 QDir(m_dir.path()).filePath(QStringLiteral("no/such/folder/digest"))}),
             2, QStringLiteral("cannot write"));

    // Verifying writes nothing.
    WC_UNCHANGED(before, QStringList());
}

void TestWalletctlReads::verifyDetectsTampering() {
    WC_SEED();
    QString transfer, win;
    post({QStringLiteral("transfer"), QStringLiteral("--account"), m_usd1, QStringLiteral("--to"), m_usd2,
          QStringLiteral("--amount"), QStringLiteral("7.00"), QStringLiteral("--key"), QStringLiteral("t-1")},
         &transfer);
    post({QStringLiteral("win"), QStringLiteral("--account"), m_usd2, QStringLiteral("--amount"),
          QStringLiteral("1.00"), QStringLiteral("--key"), QStringLiteral("w-1")},
         &win);
    WC_OK(wc({QStringLiteral("verify")}));

    // The database refuses the change while its append-only trigger is there.
    const QString tamper =
        QStringLiteral("UPDATE entries SET amount = amount + 1 WHERE id = (SELECT MIN(id) FROM "
                       "entries WHERE transaction_id = %1)")
            .arg(transfer);
    QString why;
    QVERIFY2(!rawExec({tamper}, &why), "an UPDATE of entries went through the append-only trigger");
    QVERIFY2(why.contains(QStringLiteral("append-only")), qPrintable(why));

    // Behind the program's back, without the trigger.
    const QString dropTrigger =
        pg() ? QStringLiteral("ALTER TABLE entries DISABLE TRIGGER entries_append_only")
             : QStringLiteral("DROP TRIGGER entries_no_update");
    QVERIFY2(rawExec({dropTrigger, tamper}, &why), qPrintable(why));

    const Run r = wc({QStringLiteral("verify")});
    QCOMPARE(r.code, 7);
    QCOMPARE(r.out, QStringLiteral("ledger verification FAILED\n"));
    QVERIFY2(r.err.startsWith(QStringLiteral("walletctl: transaction %1: ").arg(transfer)) &&
                 r.err.count(u'\n') == 1,
             qPrintable(r.describe()));
    QVERIFY2(r.err.contains(QStringLiteral("hash does not match")), qPrintable(r.describe()));

    QJsonParseError error;
    const Run j = wc({QStringLiteral("--json"), QStringLiteral("verify")});
    QCOMPARE(j.code, 7);
    const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(j.describe()));
    QCOMPARE(o.value(QStringLiteral("ok")).toBool(), false);
    QVERIFY(o.value(QStringLiteral("first_problem"))
                .toString()
                .startsWith(QStringLiteral("transaction %1:").arg(transfer)));
}

// --- known product bugs
// -----------------------------------------------------------------------------------------

void TestWalletctlReads::economyAndDistribution() {
    // A small demo ledger (six days of history and today's desk work); the figures walletctl prints are
    // checked against sums straight from the journal.
    WC_OK(wc({QStringLiteral("demo"), QStringLiteral("--players"), QStringLiteral("80"),
              QStringLiteral("--days"), QStringLiteral("6"), QStringLiteral("--seed"), QStringLiteral("4")}));
    Snapshot before;
    WC_SNAPSHOT(before);

    // The brute force: each GOLD transaction's net change of player balances, filed by UTC day and kind.
    struct Day {
        qint64 change = 0, active = 0;
        QMap<QString, qint64> sources, sinks;
    };
    QMap<QString, Day> expected; // YYYY-MM-DD, so in order
    QMap<qint64, qint64> balances;
    QString why;
    const auto isoDay = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date().toString(Qt::ISODate);
    };
    QVERIFY2(
        withDatabase(&why,
                     [&](QSqlDatabase &db, QString *err) {
                         QSqlQuery q(db);
                         if (!q.exec(QStringLiteral(
                                 "SELECT t.created_at, t.kind, CAST(SUM(e.amount) AS BIGINT) FROM entries e "
                                 "JOIN accounts a ON a.id = e.account_id JOIN transactions t ON t.id = "
                                 "e.transaction_id WHERE a.kind = 'player' AND a.currency = 'GOLD' "
                                 "GROUP BY e.transaction_id, t.created_at, t.kind"))) {
                             *err = q.lastError().text();
                             return false;
                         }
                         while (q.next()) {
                             Day &d = expected[isoDay(q.value(0).toLongLong())];
                             const qint64 net = q.value(2).toLongLong();
                             d.change += net;
                             if (net > 0)
                                 d.sources[q.value(1).toString()] += net;
                             else if (net < 0)
                                 d.sinks[q.value(1).toString()] -= net;
                         }
                         if (!q.exec(QStringLiteral(
                                 "SELECT DISTINCT e.created_at / 86400000, e.account_id FROM entries e JOIN "
                                 "accounts a ON a.id = e.account_id WHERE a.kind = 'player' AND "
                                 "a.currency = 'GOLD'"))) {
                             *err = q.lastError().text();
                             return false;
                         }
                         while (q.next())
                             ++expected[isoDay(q.value(0).toLongLong() * 86400000)].active;
                         if (!q.exec(QStringLiteral("SELECT id, balance FROM accounts WHERE kind = 'player' "
                                                    "AND currency = 'GOLD'"))) {
                             *err = q.lastError().text();
                             return false;
                         }
                         while (q.next())
                             balances.insert(q.value(0).toLongLong(), q.value(1).toLongLong());
                         return true;
                     }),
        qPrintable(why));
    const QStringList names = expected.keys();
    QVERIFY2(expected.size() >= 6, qPrintable(names.join(u' ')));

    // economy --json: every day from the first with activity to today, oldest first, amounts in minor units.
    QJsonObject o;
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("economy"), QStringLiteral("--currency"),
                QStringLiteral("GOLD")}),
            o);
    QCOMPARE(o.value(QStringLiteral("currency")).toString(), QStringLiteral("GOLD"));
    const QJsonArray days = o.value(QStringLiteral("days")).toArray();
    QCOMPARE(days.first().toObject().value(QStringLiteral("day")).toString(), expected.firstKey());
    QCOMPARE(days.last().toObject().value(QStringLiteral("day")).toString(),
             isoDay(QDateTime::currentMSecsSinceEpoch()));
    const auto kinds = [](const QJsonObject &byKind) {
        QMap<QString, qint64> m;
        for (auto it = byKind.constBegin(); it != byKind.constEnd(); ++it) {
            bool number = false;
            m.insert(it.key(), it.value().toString().toLongLong(&number));
            if (!number || !it.value().isString())
                m.insert(it.key() + QStringLiteral("(not minor units as a string)"), 0);
        }
        return m;
    };
    qint64 holdings = 0;
    QDate previous;
    for (const auto &v : days) {
        const QJsonObject d = v.toObject();
        const QString name = d.value(QStringLiteral("day")).toString();
        const QDate date = QDate::fromString(name, Qt::ISODate);
        QVERIFY2(date.isValid() && (previous.isNull() || previous.addDays(1) == date), qPrintable(name));
        previous = date;
        const Day e = expected.value(name);
        holdings += e.change;
        QVERIFY(d.value(QStringLiteral("holdings")).isString());
        QCOMPARE(d.value(QStringLiteral("holdings")).toString(), QString::number(holdings));
        QCOMPARE(kinds(d.value(QStringLiteral("sources")).toObject()), e.sources);
        QCOMPARE(kinds(d.value(QStringLiteral("sinks")).toObject()), e.sinks);
        QCOMPARE(d.value(QStringLiteral("active_players")).toInteger(), e.active);
    }
    qint64 total = 0;
    for (qint64 b : std::as_const(balances))
        total += b;
    QCOMPARE(holdings, total);

    // A range of days: --to names the last day shown; the holdings carry over from before it.
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("economy"), QStringLiteral("--currency"),
                QStringLiteral("GOLD"), QStringLiteral("--from"), names.at(2), QStringLiteral("--to"),
                names.at(4)}),
            o);
    const QJsonArray range = o.value(QStringLiteral("days")).toArray();
    QCOMPARE(range.size(), 3);
    QCOMPARE(range.first().toObject().value(QStringLiteral("day")).toString(), names.at(2));
    QCOMPARE(range.last().toObject().value(QStringLiteral("day")).toString(), names.at(4));
    qint64 upTo = 0;
    for (int i = 0; i <= 4; ++i)
        upTo += expected.value(names.at(i)).change;
    QCOMPARE(range.last().toObject().value(QStringLiteral("holdings")).toString(), QString::number(upTo));
    QCOMPARE(o.value(QStringLiteral("opening_holdings")).toString(),
             QString::number(expected.value(names.at(0)).change + expected.value(names.at(1)).change));

    // The text form: one line per day after the header.
    const Run text = wc({QStringLiteral("economy"), QStringLiteral("--currency"), QStringLiteral("GOLD")});
    WC_OK(text);
    QVERIFY2(text.out.startsWith(QStringLiteral("GOLD economy, %1 days").arg(days.size())),
             qPrintable(text.out));
    QCOMPARE(text.out.count(u'\n'), days.size() + 2);

    // distribution --json
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("distribution"), QStringLiteral("--currency"),
                QStringLiteral("GOLD")}),
            o);
    QCOMPARE(o.value(QStringLiteral("players")).toInteger(), balances.size());
    QCOMPARE(o.value(QStringLiteral("total")).toString(), QString::number(total));
    QList<qint64> sorted = balances.values();
    std::sort(sorted.begin(), sorted.end(), std::greater<>());
    const QJsonArray histogram = o.value(QStringLiteral("histogram")).toArray();
    QVERIFY(!histogram.isEmpty());
    qint64 positive = 0, binned = 0;
    for (qint64 b : std::as_const(sorted))
        positive += b > 0 ? 1 : 0;
    for (const auto &v : histogram) {
        const QJsonObject bin = v.toObject();
        const qint64 lower = bin.value(QStringLiteral("lower")).toString().toLongLong();
        const qint64 upper = bin.value(QStringLiteral("upper")).toString().toLongLong();
        const qint64 count =
            std::count_if(sorted.cbegin(), sorted.cend(), [&](qint64 b) { return b >= lower && b < upper; });
        QCOMPARE(bin.value(QStringLiteral("count")).toInteger(), count);
        binned += count;
    }
    QCOMPARE(binned, positive);
    const QJsonArray holders = o.value(QStringLiteral("top_holders")).toArray();
    QCOMPARE(holders.size(), std::min<qsizetype>(100, sorted.size()));
    for (qsizetype i = 0; i < holders.size(); ++i)
        QCOMPARE(holders.at(i).toObject().value(QStringLiteral("balance")).toString(),
                 QString::number(sorted.at(i)));
    const auto share = [total](qint64 part) {
        const qint64 m = part * 1000000 / total;
        return QStringLiteral("%1.%2").arg(m / 1000000).arg(m % 1000000, 6, 10, QChar(u'0'));
    };
    QCOMPARE(o.value(QStringLiteral("top1_share")).toString(), share(sorted.at(0)));
    QCOMPARE(o.value(QStringLiteral("top10_share")).toString(),
             share(std::accumulate(sorted.cbegin(), sorted.cbegin() + (sorted.size() + 9) / 10, qint64(0))));
    static const QRegularExpression sixDecimals(QStringLiteral("^0\\.\\d{6}$"));
    QVERIFY2(sixDecimals.match(o.value(QStringLiteral("gini")).toString()).hasMatch(),
             qPrintable(o.value(QStringLiteral("gini")).toString()));

    // Bad input: exit 2 (usage) or 3 (no such currency), one stderr line, nothing on stdout.
    WC_FAILS(wc({QStringLiteral("--json"), QStringLiteral("economy"), QStringLiteral("--currency"),
                 QStringLiteral("GOLD"), QStringLiteral("--from"), QStringLiteral("2026-01-01"),
                 QStringLiteral("--to"), QStringLiteral("2025-01-01")}),
             2, QStringLiteral("--from must not be after --to"));
    WC_FAILS(wc({QStringLiteral("economy"), QStringLiteral("--currency"), QStringLiteral("GOLD"),
                 QStringLiteral("--from"), QStringLiteral("2026-13-01")}),
             2, QStringLiteral("2026-13-01"));
    WC_FAILS(wc({QStringLiteral("economy"), QStringLiteral("--currency"), QStringLiteral("GOLD"),
                 QStringLiteral("--to"), QStringLiteral("yesterday")}),
             2, QStringLiteral("yesterday"));
    WC_FAILS(wc({QStringLiteral("economy")}), 2, QStringLiteral("--currency"));
    WC_FAILS(wc({QStringLiteral("distribution")}), 2, QStringLiteral("--currency"));
    WC_FAILS(wc({QStringLiteral("--json"), QStringLiteral("economy"), QStringLiteral("--currency"),
                 QStringLiteral("NOPE")}),
             3, QStringLiteral("NOPE"));
    WC_FAILS(wc({QStringLiteral("--json"), QStringLiteral("distribution"), QStringLiteral("--currency"),
                 QStringLiteral("NOPE")}),
             3, QStringLiteral("NOPE"));
    // Reading the figures writes nothing.
    WC_UNCHANGED(before, QStringList());
}

QTEST_GUILESS_MAIN(TestWalletctlReads)
#include "tst_walletctl_reads.moc"

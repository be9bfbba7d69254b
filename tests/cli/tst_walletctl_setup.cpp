// walletctl end to end: creating a ledger, currencies, where the ledger is, the environment, and the command
// line itself (local only). The harness and its checks are in walletctlfixture.h.

#include "walletctlfixture.h"

class TestWalletctlSetup : public WalletctlFixture {
    Q_OBJECT

private slots:
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void cleanupTestCase() { tearDownCase(); }

    void versionAndHelp();
    void initAndCurrencies();
    void currencyBadInput_data();
    void currencyBadInput();
    void environmentAndDefaults();
    void databaseLocations_data();
    void databaseLocations();
    void repeatedOptionIsRefused();
    void demoWithBadOptionsWritesNothing();
    void secondInitNamesTheAdministrator();
    void ledgerFilesArePrivate();
    void databaseErrorIsOneLine();

    // walletctl --server: what is refused before or at signing in (the commands themselves run through
    // walletd in the other suites' "server" mode).
    void serverRefusesLocalOnlyCommands_data();
    void serverRefusesLocalOnlyCommands();
    void serverOptionErrors_data();
    void serverOptionErrors();
    void serverSignIn();
    void serverGivesTheSameOutput();
};

void TestWalletctlSetup::versionAndHelp() {
    const Env noDb{{QStringLiteral("WALLETDESK_DB"), QString()}};
    const Run version = run({QStringLiteral("--version")}, noDb, false);
    WC_OK(version);
    static const QRegularExpression versionLine(QStringLiteral("^walletctl 0\\.1\\.0 \\([^)\\s]+\\)\\n$"));
    QVERIFY2(versionLine.match(version.out).hasMatch(), qPrintable(version.describe()));

    const Run help = run({QStringLiteral("--help")}, noDb, false);
    WC_OK(help);
    QVERIFY2(help.out.startsWith(u"usage: walletctl"), qPrintable(help.describe()));
    for (const char *command : {"init",          "demo",           "currency add",
                                "currency list", "account create", "account show",
                                "history",       "balance",        "transaction show",
                                "post KIND",     "reverse",        "approve",
                                "reject",        "approvals",      "freeze",
                                "unfreeze",      "close",          "verify",
                                "operator add",  "operator list",  "operator disable",
                                "audit"})
        QVERIFY2(help.out.contains(QLatin1String(command)), command);
    WC_OK(run({QStringLiteral("-h")}, noDb, false));

    // No command: the usage, on stderr, and exit code 2.
    const Run none = run({}, noDb, false);
    QCOMPARE(none.code, 2);
    QVERIFY(none.out.isEmpty());
    QVERIFY2(none.err.startsWith(u"usage: walletctl"), qPrintable(none.describe()));
}

void TestWalletctlSetup::initAndCurrencies() {
    const Run first = wc({QStringLiteral("init")});
    WC_OK(first);
    QCOMPARE(first.out, QStringLiteral("ledger ready at schema version %1; operators start with root\n")
                            .arg(LedgerStore::knownSchemaVersion()));

    // Running it again migrates nothing and adds no operator.
    Snapshot before;
    WC_SNAPSHOT(before);
    const Run again = wc({QStringLiteral("init")});
    WC_OK(again);
    QCOMPARE(again.out, QStringLiteral("ledger ready at schema version %1; it already has operators\n")
                            .arg(LedgerStore::knownSchemaVersion()));
    QJsonObject o;
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("init")}), o);
    QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), LedgerStore::knownSchemaVersion());
    WC_UNCHANGED(before, QStringList());

    const Run usd = wc({QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("USD"),
                        QStringLiteral("--exponent"), QStringLiteral("2"), QStringLiteral("--name"),
                        QStringLiteral("US dollar")});
    WC_OK(usd);
    QCOMPARE(usd.out, QStringLiteral("currency USD added with exponent 2\n"));
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("currency"), QStringLiteral("add"),
                QStringLiteral("GOLD"), QStringLiteral("--exponent"), QStringLiteral("0")}),
            o);
    QCOMPARE(o.value(QStringLiteral("code")).toString(), QStringLiteral("GOLD"));
    QCOMPARE(o.value(QStringLiteral("exponent")).toInt(), 0);

    const Run list = wc({QStringLiteral("currency"), QStringLiteral("list")});
    WC_OK(list);
    QCOMPARE(list.out, QStringLiteral("GOLD  exponent 0  GOLD\nUSD  exponent 2  US dollar\n"));
    WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("currency"), QStringLiteral("list")}), o);
    const QJsonArray currencies = o.value(QStringLiteral("currencies")).toArray();
    QCOMPARE(currencies.size(), 2);
    QCOMPARE(currencies.at(1).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("USD"));
    QCOMPARE(currencies.at(1).toObject().value(QStringLiteral("exponent")).toInt(), 2);
    QCOMPARE(currencies.at(1).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("US dollar"));

    // A currency that exists already is refused by the ledger (4); only the refusal is audited.
    WC_SNAPSHOT(before);
    WC_FAILS(wc({QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("USD"),
                 QStringLiteral("--exponent"), QStringLiteral("2")}),
             4, QStringLiteral("currency USD already exists"));
    WC_UNCHANGED(before, QStringList{QStringLiteral("state_conflict")});
}

void TestWalletctlSetup::currencyBadInput_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    auto row = [&](const char *tag, const QString &code, const QString &exponent, const QString &needle) {
        QStringList args{QStringLiteral("currency"), QStringLiteral("add"), code};
        if (!exponent.isNull())
            args << QStringLiteral("--exponent") << exponent;
        QTest::newRow(tag) << args << needle;
    };
    row("lower case code", QStringLiteral("usd"), QStringLiteral("2"),
        QStringLiteral("currency code \"usd\""));
    row("one letter code", QStringLiteral("U"), QStringLiteral("2"), QStringLiteral("currency code \"U\""));
    row("code with a dash", QStringLiteral("US-D"), QStringLiteral("2"),
        QStringLiteral("currency code \"US-D\""));
    row("code of 17 letters", QStringLiteral("ABCDEFGHIJKLMNOPQ"), QStringLiteral("0"),
        QStringLiteral("currency code \"ABCDEFGHIJKLMNOPQ\""));
    row("exponent 5", QStringLiteral("EUR"), QStringLiteral("5"), QStringLiteral("exponent must be 0 to 4"));
    row("exponent -1", QStringLiteral("EUR"), QStringLiteral("-1"),
        QStringLiteral("exponent must be 0 to 4"));
    row("exponent not a number", QStringLiteral("EUR"), QStringLiteral("two"),
        QStringLiteral("--exponent \"two\""));
    row("exponent 2.0", QStringLiteral("EUR"), QStringLiteral("2.0"), QStringLiteral("--exponent \"2.0\""));
    row("exponent missing", QStringLiteral("EUR"), QString(), QStringLiteral("--exponent is required"));
    QTest::newRow("no code") << QStringList{QStringLiteral("currency"), QStringLiteral("add"),
                                            QStringLiteral("--exponent"), QStringLiteral("2")}
                             << QStringLiteral("usage: currency add CODE");
    QTest::newRow("unknown subcommand")
        << QStringList{QStringLiteral("currency"), QStringLiteral("remove"), QStringLiteral("USD")}
        << QStringLiteral("usage: currency add CODE");
}

void TestWalletctlSetup::currencyBadInput() {
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    WC_OK(wc({QStringLiteral("init")}));
    Snapshot before;
    WC_SNAPSHOT(before);
    WC_FAILS(wc(args), 2, needle);
    WC_UNCHANGED(before, QStringList());
}

void TestWalletctlSetup::environmentAndDefaults() {
    // WALLETDESK_DB instead of --db; with neither, the operator is the login name ($USER).
    const Env env{{QStringLiteral("WALLETDESK_DB"), m_url},
                  {QStringLiteral("WALLETDESK_OPERATOR"), QString()},
                  {QStringLiteral("USER"), QStringLiteral("tess")}};
    const Run init = run({QStringLiteral("init")}, env, false);
    WC_OK(init);
    QCOMPARE(init.out, QStringLiteral("ledger ready at schema version %1; operators start with tess\n")
                           .arg(LedgerStore::knownSchemaVersion()));
    const Run list = run({QStringLiteral("operator"), QStringLiteral("list")}, env, false);
    WC_OK(list);
    static const QRegularExpression tessLine(QStringLiteral("^tess +admin *\\n$"));
    QVERIFY2(tessLine.match(list.out).hasMatch(), qPrintable(list.describe()));

    // WALLETDESK_OPERATOR names the operator; --as wins over it; --db wins over WALLETDESK_DB.
    Env asTess = env;
    asTess.insert(QStringLiteral("WALLETDESK_OPERATOR"), QStringLiteral("tess"));
    asTess.insert(QStringLiteral("USER"), QStringLiteral("nobody"));
    WC_OK(run({QStringLiteral("operator"), QStringLiteral("add"), QStringLiteral("tom"),
               QStringLiteral("--role"), QStringLiteral("support")},
              asTess, false));
    Env asGhost = asTess;
    asGhost.insert(QStringLiteral("WALLETDESK_OPERATOR"), QStringLiteral("ghost"));
    WC_FAILS(run({QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("USD"),
                  QStringLiteral("--exponent"), QStringLiteral("2")},
                 asGhost, false),
             5, QStringLiteral("unknown operator \"ghost\""));
    WC_OK(
        run({QStringLiteral("--as"), QStringLiteral("tess"), QStringLiteral("currency"),
             QStringLiteral("add"), QStringLiteral("USD"), QStringLiteral("--exponent"), QStringLiteral("2")},
            asGhost, false));
    Env elsewhere = asTess;
    elsewhere.insert(QStringLiteral("WALLETDESK_DB"),
                     QDir(m_dir.path()).filePath(QStringLiteral("elsewhere.sqlite")));
    WC_OK(run({QStringLiteral("--db"), m_url, QStringLiteral("currency"), QStringLiteral("list")}, elsewhere,
              false));
    QVERIFY(!QFile::exists(QDir(m_dir.path()).filePath(QStringLiteral("elsewhere.sqlite"))));

    // Neither --db nor WALLETDESK_DB.
    WC_FAILS(run({QStringLiteral("currency"), QStringLiteral("list")},
                 {{QStringLiteral("WALLETDESK_DB"), QString()}}, false),
             2, QStringLiteral("no database given"));
}

void TestWalletctlSetup::databaseLocations_data() {
    QTest::addColumn<QString>("db"); // {missing} is a file in the temporary folder that does not exist
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("needle");
    const QString pgForm =
        QStringLiteral("database URL is not of the form postgresql://user:pass@host:port/name");
    auto row = [](const char *tag, const QString &db, const QString &args, int code, const QString &needle) {
        QTest::newRow(tag) << db << args.split(u' ', Qt::SkipEmptyParts) << code << needle;
    };
    const QString missing = QStringLiteral("{missing}");
    const QString notThere = QStringLiteral("does not exist; create it with walletctl init");
    row("missing file: account show", missing, QStringLiteral("account show 1"), 3, notThere);
    row("missing file: history", missing, QStringLiteral("history 1"), 3, notThere);
    row("missing file: balance", missing, QStringLiteral("balance 1"), 3, notThere);
    row("missing file: audit", missing, QStringLiteral("audit"), 3, notThere);
    row("missing file: verify", missing, QStringLiteral("verify"), 3, notThere);
    row("missing file: currency list", missing, QStringLiteral("currency list"), 3, notThere);
    row("missing file: post", missing, QStringLiteral("post deposit --account 1 --amount 1 --key k"), 3,
        notThere);
    row("missing file, sqlite: form", QStringLiteral("sqlite:{missing}"), QStringLiteral("operator list"), 3,
        notThere);
    row("missing file, sqlite:// form", QStringLiteral("sqlite://{missing}"), QStringLiteral("approvals"), 3,
        notThere);
    row("postgresql URL without database", QStringLiteral("postgresql://walletdesk@localhost:5432"),
        QStringLiteral("account show 1"), 2, pgForm);
    row("postgresql URL with a slash only", QStringLiteral("postgresql://walletdesk@localhost/"),
        QStringLiteral("init"), 2, pgForm);
    row("postgresql URL with a bad port", QStringLiteral("postgresql://walletdesk@localhost:99999/ledger"),
        QStringLiteral("account show 1"), 2, pgForm);
    row("postgresql URL with a bad host", QStringLiteral("postgresql://walletdesk@[bad/ledger"),
        QStringLiteral("init"), 2, pgForm);
    row("postgres:// with a blank", QStringLiteral("postgres://wallet desk@localhost/ledger"),
        QStringLiteral("init"), 2, pgForm);
    row("other scheme", QStringLiteral("mysql://localhost/ledger"), QStringLiteral("init"), 2,
        QStringLiteral("database URL \"mysql://localhost/ledger\" is neither postgresql:// nor sqlite:"));
    row("empty --db", QString(QLatin1String("")), QStringLiteral("account show 1"), 2,
        QStringLiteral("no database given"));
    row("--db with blanks", QStringLiteral(" {missing}"), QStringLiteral("init"), 2,
        QStringLiteral("begins or ends with blanks"));
    row("empty sqlite: path", QStringLiteral("sqlite:"), QStringLiteral("init"), 2,
        QStringLiteral("sqlite database path is empty"));
    row("sqlite file in a missing folder", QStringLiteral("{missing}/sub/ledger.sqlite"),
        QStringLiteral("init"), 6, QStringLiteral("cannot open sqlite:"));
    row("sqlite path that is a folder", QStringLiteral("{folder}"), QStringLiteral("audit"), 6,
        QStringLiteral("cannot open sqlite:"));
    row("not an sqlite file", QStringLiteral("{garbage}"), QStringLiteral("audit"), 6,
        QStringLiteral("file is not a database"));
}

void TestWalletctlSetup::databaseLocations() {
    QFETCH(QString, db);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, needle);
    const QDir dir(m_dir.path());
    static int counter = 0;
    const QString missing = dir.filePath(QStringLiteral("missing-%1.sqlite").arg(++counter));
    const QString folder = dir.filePath(QStringLiteral("a-folder.sqlite"));
    const QString garbage = dir.filePath(QStringLiteral("garbage.sqlite"));
    QVERIFY(dir.mkpath(folder));
    QFile g(garbage);
    QVERIFY(g.open(QIODevice::WriteOnly | QIODevice::Truncate));
    g.write(QByteArray(4096, 'x'));
    g.close();
    db.replace(QStringLiteral("{missing}"), missing)
        .replace(QStringLiteral("{folder}"), folder)
        .replace(QStringLiteral("{garbage}"), garbage);
    const Run r = run(QStringList{QStringLiteral("--db"), db} + args, {}, false);
    WC_FAILS(r, exitCode, needle);
    // A failing command never leaves a ledger file behind.
    QVERIFY2(!QFile::exists(missing), qPrintable(missing));
    QVERIFY2(!QFile::exists(missing + QStringLiteral("-wal")), qPrintable(missing));
    QCOMPARE(QFileInfo(garbage).size(), qint64(4096));
}

void TestWalletctlSetup::repeatedOptionIsRefused() {
    WC_SEED();
    Snapshot before;
    WC_SNAPSHOT(before);
    // Was a bug: `post ... --amount 1 --amount 2` posts 2.00 without a word: QCommandLineParser::value()
    // takes the last of a repeated option, so an ambiguous money amount goes through (DESIGN.md "What bad
    // input gets").
    const Run r = wc({QStringLiteral("post"), QStringLiteral("deposit"), QStringLiteral("--account"), m_usd1,
                      QStringLiteral("--amount"), QStringLiteral("1"), QStringLiteral("--amount"),
                      QStringLiteral("2"), QStringLiteral("--key"), QStringLiteral("twice")});
    WC_FAILS(r, 2, QStringLiteral("--amount"));
    WC_UNCHANGED(before, QStringList());
}

void TestWalletctlSetup::demoWithBadOptionsWritesNothing() {
    // Was a bug: demo opens (creates and migrates) the ledger before it checks --players/--days/--seed, so a
    // refused demo leaves a new ledger file (SQLite) or a migrated schema (PostgreSQL) behind.
    const QString file = QDir(m_dir.path()).filePath(QStringLiteral("demo-bad-options.sqlite"));
    const QString db = pg() ? m_url : file;
    const Run r = run({QStringLiteral("--db"), db, QStringLiteral("demo"), QStringLiteral("--players"),
                       QStringLiteral("x")},
                      {}, false);
    WC_FAILS(r, 2, QStringLiteral("--players, --days and --seed take whole numbers"));
    bool migrated = false;
    if (pg()) {
        QString why;
        QVERIFY2(withDatabase(
                     &why,
                     [&](QSqlDatabase &raw, QString *err) {
                         QSqlQuery q(raw);
                         if (!q.exec(QStringLiteral("SELECT to_regclass('schema_migrations') IS NOT NULL")) ||
                             !q.next()) {
                             *err = q.lastError().text();
                             return false;
                         }
                         migrated = q.value(0).toBool();
                         return true;
                     }),
                 qPrintable(why));
    } else {
        migrated = QFile::exists(file);
    }
    QVERIFY2(!migrated, "a refused demo left a ledger behind");
}

void TestWalletctlSetup::secondInitNamesTheAdministrator() {
    WC_OK(wc({QStringLiteral("init")}));
    // Was a bug: `init` by someone who is not an operator of an existing ledger prints "operators start with
    // " and no name: LedgerStore::bootstrapAdmin returns an empty OperatorInfo when the ledger already has
    // operators and the caller is not one of them, and walletctl prints its name.
    const Run again = as(QStringLiteral("ghost"), {QStringLiteral("init")});
    WC_OK(again);
    QVERIFY2(!again.out.endsWith(QStringLiteral("operators start with \n")), qPrintable(again.describe()));
}

void TestWalletctlSetup::ledgerFilesArePrivate() {
    // Whatever the backend of this run: the SQLite ledgers walletctl creates hold every player's history and
    // the operators' password hashes, so they are the owner's alone (0600), whatever the umask.
    const QString ledger = QDir(m_dir.path()).filePath(QStringLiteral("private-init.sqlite"));
    const auto on = [&](const QString &file, const QStringList &args) {
        return run(QStringList{QStringLiteral("--db"), file} + args, {}, false);
    };
    WC_OK(on(ledger, {QStringLiteral("init")}));
    QCOMPARE(WalletDeskTest::fileMode(ledger), 0600);
    WC_OK(on(ledger, {QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("USD"),
                      QStringLiteral("--exponent"), QStringLiteral("2")}));
    QJsonObject o;
    WC_JSON(on(ledger, {QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("create"),
                        QStringLiteral("--player"), QStringLiteral("p1"), QStringLiteral("--currency"),
                        QStringLiteral("USD")}),
            o);
    WC_OK(on(ledger, {QStringLiteral("post"), QStringLiteral("deposit"), QStringLiteral("--account"),
                      o.value(QStringLiteral("id")).toString(), QStringLiteral("--amount"),
                      QStringLiteral("5"), QStringLiteral("--key"), QStringLiteral("first")}));
    QCOMPARE(WalletDeskTest::fileMode(ledger), 0600);

    const QString demo = QDir(m_dir.path()).filePath(QStringLiteral("private-demo.sqlite"));
    WC_OK(on(demo, {QStringLiteral("demo"), QStringLiteral("--players"), QStringLiteral("20"),
                    QStringLiteral("--days"), QStringLiteral("3")}));
    QCOMPARE(WalletDeskTest::fileMode(demo), 0600);
    // The WAL and its index take the database's mode (SQLite does so), when a run leaves them behind.
    for (const QString &file : {ledger, demo})
        for (const char *suffix : {"-wal", "-shm"})
            if (QFile::exists(file + QLatin1StringView(suffix)))
                QCOMPARE(WalletDeskTest::fileMode(file + QLatin1StringView(suffix)), 0600);

    // An existing ledger keeps the mode its owner gave it.
    QVERIFY(QFile::setPermissions(ledger,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));
    WC_OK(on(ledger, {QStringLiteral("currency"), QStringLiteral("list")}));
    QCOMPARE(WalletDeskTest::fileMode(ledger), 0640);
}

void TestWalletctlSetup::databaseErrorIsOneLine() {
    if (!pg())
        QSKIP(
            "the multi-line message comes from libpq; SQLite's open errors are one line (databaseLocations)");
    QUrl url(m_url);
    url.setPath(QStringLiteral("/walletdesk_no_such_database"));
    const Run r = run({QStringLiteral("--db"), url.toString(), QStringLiteral("account"),
                       QStringLiteral("show"), QStringLiteral("1")},
                      {}, false);
    QCOMPARE(r.code, 6);
    QVERIFY2(r.err.startsWith(u"walletctl: cannot open postgresql://") &&
                 r.err.contains(QStringLiteral("walletdesk_no_such_database")),
             qPrintable(r.describe()));
    // Was a bug: the message is libpq's and Qt's text as is, with its line breaks: "...does not exist\nQPSQL:
    // Unable to connect\n" -- more than the one stderr line the CLI promises.
    QCOMPARE(r.err.count(u'\n'), qsizetype(1));
}

void TestWalletctlSetup::serverRefusesLocalOnlyCommands_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    const QString works = QStringLiteral("works on a ledger's database (--db), not through walletd");
    const QString notYet =
        QStringLiteral("is not available through walletd (--server): it administers the ledger itself");
    QTest::newRow("init") << QStringList{QStringLiteral("init")} << QStringLiteral("init ") + works;
    QTest::newRow("demo") << QStringList{QStringLiteral("demo")} << QStringLiteral("demo ") + works;
    QTest::newRow("currency add") << QStringList{QStringLiteral("currency"), QStringLiteral("add"),
                                                 QStringLiteral("EUR"), QStringLiteral("--exponent"),
                                                 QStringLiteral("2")}
                                  << QStringLiteral("currency add ") + notYet;
    for (const char *sub : {"add", "disable", "passwd"})
        QTest::newRow(qPrintable(QStringLiteral("operator %1").arg(QLatin1String(sub))))
            << QStringList{QStringLiteral("operator"), QLatin1String(sub), QStringLiteral("ann"),
                           QStringLiteral("--role"), QStringLiteral("viewer")}
            << QStringLiteral("operator %1 %2").arg(QLatin1String(sub), notYet);
}

void TestWalletctlSetup::serverRefusesLocalOnlyCommands() {
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    // Refused before signing in: no walletd listens there, and no password is read.
    WC_FAILS(
        exec(QStringList{QStringLiteral("--server"), QStringLiteral("http://127.0.0.1:9")} + args, {}, {}), 2,
        needle);
}

void TestWalletctlSetup::serverOptionErrors_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("needle");
    const QStringList list{QStringLiteral("currency"), QStringLiteral("list")};
    QTest::newRow("with --db") << QStringList{QStringLiteral("--db"), QStringLiteral("x.sqlite"),
                                              QStringLiteral("--server"),
                                              QStringLiteral("http://127.0.0.1:9")} +
                                      list
                               << QStringLiteral("--db and --server name two ledgers");
    QTest::newRow("not http") << QStringList{QStringLiteral("--server"), QStringLiteral("ftp://walletd")} +
                                     list
                              << QStringLiteral("--server \"ftp://walletd\" is not a walletd address");
    QTest::newRow("no host") << QStringList{QStringLiteral("--server"), QStringLiteral("walletd:8443")} + list
                             << QStringLiteral("is not a walletd address");
}

void TestWalletctlSetup::serverOptionErrors() {
    QFETCH(QStringList, args);
    QFETCH(QString, needle);
    WC_FAILS(exec(args, {}, WalletdTest::Password.toUtf8() + '\n'), 2, needle);
}

void TestWalletctlSetup::serverSignIn() {
    WC_SEED();
    WC_OK(exec({QStringLiteral("--db"), m_url, QStringLiteral("operator"), QStringLiteral("passwd"),
                QStringLiteral("root")},
               {}, WalletdTest::Password.toUtf8() + '\n'));
    WalletdTest::Walletd walletd;
    const QString error = walletd.startAdminOnly(m_url);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList server{QStringLiteral("--server"), walletd.base()};
    const QStringList list{QStringLiteral("currency"), QStringLiteral("list")};

    // The password on stdin's first line signs in; --operator names the operator as --as does.
    const Run ok = exec(server + QStringList{QStringLiteral("--operator"), QStringLiteral("root")} + list, {},
                        WalletdTest::Password.toUtf8() + "\nthe rest is not read\n");
    WC_OK(ok);
    QCOMPARE(ok.out, QStringLiteral("GOLD  exponent 0  GOLD\nUSD  exponent 2  US dollar\n"));

    // A wrong password, and an operator without one, are refused by walletd: permission denied (5), and
    // walletd records the failed sign-in.
    Snapshot before;
    WC_SNAPSHOT(before);
    WC_FAILS(exec(server + list, {}, QByteArrayLiteral("wrong\n")), 5,
             QStringLiteral("wrong operator name or password"));
    WC_FAILS(exec(server + QStringList{QStringLiteral("--as"), QStringLiteral("sam")} + list, {},
                  WalletdTest::Password.toUtf8() + '\n'),
             5, QStringLiteral("wrong operator name or password"));
    WC_UNCHANGED(before, (QStringList{QStringLiteral("failed"), QStringLiteral("failed")}));

    // No walletd there: a database error (6) naming the address, after the client's retries.
    walletd.stop();
    WC_FAILS(exec(server + list, {}, WalletdTest::Password.toUtf8() + '\n'), 6,
             QStringLiteral("cannot be reached"));
}

void TestWalletctlSetup::serverGivesTheSameOutput() {
    // The same commands on the database and through walletd, side by side: stdout, stderr and the exit code
    // are compared as they are (the other suites' server mode checks each against what it expects).
    WC_SEED();
    for (const char *op : {"root", "vera", "sam"})
        WC_OK(exec({QStringLiteral("--db"), m_url, QStringLiteral("operator"), QStringLiteral("passwd"),
                    QLatin1String(op)},
                   {}, WalletdTest::Password.toUtf8() + '\n'));
    WalletdTest::Walletd walletd;
    const QString error = walletd.startAdminOnly(m_url);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    auto local = [&](const QStringList &args) {
        return exec(QStringList{QStringLiteral("--db"), m_url} + args, {}, {});
    };
    auto remote = [&](const QStringList &args) {
        return exec(QStringList{QStringLiteral("--server"), walletd.base()} + args, {},
                    WalletdTest::Password.toUtf8() + '\n');
    };
    auto same = [](const Run &l, const Run &r) {
        return l.started && l.finished && !l.crashed && r.started && r.finished && !r.crashed &&
               l.code == r.code && l.out == r.out && l.err == r.err;
    };
    auto describe = [](const Run &l, const Run &r) {
        return QStringLiteral("on the database:\n%1\nthrough walletd:\n%2").arg(l.describe(), r.describe());
    };

    // Writes go through walletd first; the same key again (an idempotent replay) must then read the same both
    // ways.
    const QStringList deposit{QStringLiteral("post"),      QStringLiteral("deposit"),
                              QStringLiteral("--account"), m_usd2,
                              QStringLiteral("--amount"),  QStringLiteral("12.34"),
                              QStringLiteral("--key"),     QStringLiteral("remote-deposit")};
    const QStringList transfer{QStringLiteral("post"),      QStringLiteral("transfer"),
                               QStringLiteral("--account"), m_usd1,
                               QStringLiteral("--to"),      m_usd2,
                               QStringLiteral("--amount"),  QStringLiteral("5.50"),
                               QStringLiteral("--key"),     QStringLiteral("remote-transfer")};
    for (const QStringList &write : {deposit, transfer}) {
        const Run first = remote(write);
        WC_OK(first);
        QVERIFY2(first.out.startsWith(u"posted transaction "), qPrintable(first.describe()));
        const Run l = local(write), r = remote(write);
        WC_OK(l);
        QVERIFY2(l.out.startsWith(u"already posted as transaction "), qPrintable(l.describe()));
        QVERIFY2(same(l, r), qPrintable(describe(l, r)));
    }

    const QList<QStringList> commands{
        {QStringLiteral("balance"), m_usd1, QStringLiteral("--at"), QStringLiteral("2100-01-01T00:00:00Z")},
        {QStringLiteral("--json"), QStringLiteral("balance"), m_usd2, QStringLiteral("--at"),
         QStringLiteral("2100-01-01T00:00:00Z")},
        {QStringLiteral("balance"), m_usd1, QStringLiteral("--at"), QStringLiteral("2000-01-01T00:00:00Z")},
        {QStringLiteral("history"), m_usd1},
        {QStringLiteral("--json"), QStringLiteral("history"), m_usd2},
        {QStringLiteral("history"), m_usd2, QStringLiteral("--limit"), QStringLiteral("1")},
        {QStringLiteral("account"), QStringLiteral("show"), m_usd2},
        {QStringLiteral("account"), QStringLiteral("show"), QStringLiteral("--player"), QStringLiteral("p1")},
        {QStringLiteral("transaction"), QStringLiteral("show"), m_seedTxn},
        // Errors: the same exit code and message.
        {QStringLiteral("balance"), QStringLiteral("999")},
        {QStringLiteral("history"), QStringLiteral("999")},
        {QStringLiteral("post"), QStringLiteral("withdrawal"), QStringLiteral("--account"), m_usd2,
         QStringLiteral("--amount"), QStringLiteral("1000.00"), QStringLiteral("--key"),
         QStringLiteral("too-much")},
        {QStringLiteral("--as"), QStringLiteral("vera"), QStringLiteral("post"), QStringLiteral("deposit"),
         QStringLiteral("--account"), m_usd1, QStringLiteral("--amount"), QStringLiteral("1"),
         QStringLiteral("--key"), QStringLiteral("viewer")},
        {QStringLiteral("--as"), QStringLiteral("sam"), QStringLiteral("freeze"), m_usd1,
         QStringLiteral("--reason"), QStringLiteral("r")},
    };
    for (const QStringList &args : commands) {
        const Run l = local(args), r = remote(args);
        QVERIFY2(same(l, r), qPrintable(describe(l, r)));
    }
    // The role refusals really were refusals, with permission denied's exit code.
    QCOMPARE(local(commands.at(commands.size() - 2)).code, 5);
    QCOMPARE(remote(commands.constLast()).code, 5);
}

QTEST_GUILESS_MAIN(TestWalletctlSetup)
#include "tst_walletctl_setup.moc"

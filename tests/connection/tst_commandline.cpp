// CommandLine: what `walletdesk ...` asks for, and the refusals.

#include "buildinfo.h"
#include "commandline.h"

#include <QtTest>
#include <cstdio>

using Action = CommandLine::Action;
using Target = CommandLine::Target;

class TstCommandLine : public QObject {
    Q_OBJECT

    static CommandLine parse(QStringList args) {
        args.prepend(QStringLiteral("walletdesk"));
        return CommandLine::parse(args);
    }

private Q_SLOTS:
    void nothingMeansDefault() {
        const CommandLine c = parse({});
        QCOMPARE(c.action, Action::Run);
        QCOMPARE(c.target, Target::Default);
        QVERIFY(!c.selfTest);
    }

    void targets() {
        CommandLine c = parse({QStringLiteral("--profile"), QStringLiteral("Live EU")});
        QCOMPARE(c.action, Action::Run);
        QCOMPARE(c.target, Target::Profile);
        QCOMPARE(c.profileName, QStringLiteral("Live EU"));

        c = parse({QStringLiteral("--db"), QStringLiteral("/tmp/x.sqlite"), QStringLiteral("--operator"),
                   QStringLiteral("alice")});
        QCOMPARE(c.target, Target::Database);
        QCOMPARE(c.databaseUrl, QStringLiteral("/tmp/x.sqlite"));
        QCOMPARE(c.operatorName, QStringLiteral("alice"));

        c = parse({QStringLiteral("--db=postgresql://ops:pw@db:5433/wallets")});
        QCOMPARE(c.target, Target::Database);
        QCOMPARE(c.databaseUrl, QStringLiteral("postgresql://ops:pw@db:5433/wallets"));

        c = parse({QStringLiteral("--server"), QStringLiteral("https://walletd.example:8443"),
                   QStringLiteral("--self-test")});
        QCOMPARE(c.target, Target::Server);
        QCOMPARE(c.serverUrl, QStringLiteral("https://walletd.example:8443"));
        QVERIFY(c.selfTest);
    }

    void versionAndHelp() {
        CommandLine c = parse({QStringLiteral("--version")});
        QCOMPARE(c.action, Action::Version);
        QCOMPARE(c.exitCode(), 0);
        QCOMPARE(c.text,
                 QStringLiteral("walletdesk %1 (%2)")
                     .arg(QStringLiteral(WALLETDESK_VERSION), QStringLiteral(WALLETDESK_GIT_REVISION)));

        c = parse({QStringLiteral("--help")});
        QCOMPARE(c.action, Action::Help);
        for (const char *option : {"--profile", "--db", "--server", "--operator", "--version", "--self-test"})
            QVERIFY2(c.text.contains(QLatin1StringView(option)), option);
        QCOMPARE(parse({QStringLiteral("-h")}).action, Action::Help);
        QVERIFY2(c.text.startsWith(u"Usage: walletdesk [options]\n"), qPrintable(c.text));
    }

    void refusals_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("profile and db") << QStringList{QStringLiteral("--profile"), QStringLiteral("A"),
                                                       QStringLiteral("--db"), QStringLiteral("x.sqlite")}
                                        << QStringLiteral("--profile and --db cannot be combined");
        QTest::newRow("db and server")
            << QStringList{QStringLiteral("--db"), QStringLiteral("x.sqlite"), QStringLiteral("--server"),
                           QStringLiteral("https://w.example")}
            << QStringLiteral("--db and --server cannot be combined");
        QTest::newRow("all three") << QStringList{QStringLiteral("--profile=A"), QStringLiteral("--db=x"),
                                                  QStringLiteral("--server=https://w.example")}
                                   << QStringLiteral("--profile and --db and --server cannot be combined");
        QTest::newRow("twice") << QStringList{QStringLiteral("--profile=A"), QStringLiteral("--profile=B")}
                               << QStringLiteral("--profile is given more than once");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("Unknown option 'frobnicate'");
        QTest::newRow("missing value")
            << QStringList{QStringLiteral("--db")} << QStringLiteral("Missing value after '--db'");
        QTest::newRow("positional") << QStringList{QStringLiteral("ledger.sqlite")}
                                    << QStringLiteral("unexpected argument \"ledger.sqlite\"");
        QTest::newRow("bad db url") << QStringList{QStringLiteral("--db"), QStringLiteral("mysql://x/y")}
                                    << QStringLiteral("neither postgresql:// nor sqlite:");
        QTest::newRow("bad server url")
            << QStringList{QStringLiteral("--server"), QStringLiteral("walletd:8443")}
            << QStringLiteral("--server: The walletd address must look like");
        QTest::newRow("empty profile") << QStringList{QStringLiteral("--profile=")}
                                       << QStringLiteral("--profile needs the name of a saved profile");
        QTest::newRow("empty operator")
            << QStringList{QStringLiteral("--operator=")} << QStringLiteral("--operator needs a name");
        QTest::newRow("operator without a place") << QStringList{QStringLiteral("--operator=alice")}
                                                  << QStringLiteral("--operator goes with --db or --server");
        QTest::newRow("operator with a profile")
            << QStringList{QStringLiteral("--profile=A"), QStringLiteral("--operator=alice")}
            << QStringLiteral("a saved profile names its own operator");
    }

    void refusals() {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CommandLine c = parse(args);
        QCOMPARE(c.action, Action::Error);
        QCOMPARE(c.exitCode(), 2);
        QVERIFY2(c.text.contains(message), qPrintable(c.text));
        QVERIFY2(c.text.contains(QStringLiteral("walletdesk --help")), qPrintable(c.text));
    }
};

// main parses its command line before it creates the application object (--help and --version work
// without a display), so this test does the same before handing over to QTest.
int main(int argc, char *argv[]) {
    const CommandLine help = CommandLine::parse({QStringLiteral("walletdesk"), QStringLiteral("--help")});
    const CommandLine version =
        CommandLine::parse({QStringLiteral("walletdesk"), QStringLiteral("--version")});
    const CommandLine error = CommandLine::parse({QStringLiteral("walletdesk"), QStringLiteral("--nope")});
    if (help.action != CommandLine::Action::Help || !help.text.startsWith(u"Usage: walletdesk [options]") ||
        version.action != CommandLine::Action::Version || error.action != CommandLine::Action::Error) {
        std::fprintf(stderr, "parsing without a QCoreApplication went wrong:\n%s\n", qPrintable(help.text));
        return 1;
    }
    QCoreApplication app(argc, argv);
    TstCommandLine test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_commandline.moc"

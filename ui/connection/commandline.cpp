#include "commandline.h"
#include "buildinfo.h"

#include "connectionprofile.h"
#include "databaseurl.h"

#include <QCommandLineParser>
#include <QCoreApplication>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("CommandLine", text);
}
} // namespace

CommandLine CommandLine::parse(const QStringList &arguments) {
    CommandLine out;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("WalletDesk: administer virtual-currency wallets.\n"
           "Without an option it opens the connection used last (the first start opens a demo ledger)."));
    // Added by hand rather than with addHelpOption()/addVersionOption(): those print and exit() inside
    // process(), which a test cannot observe and which skips main's cleanup.
    const QCommandLineOption profile(QStringLiteral("profile"), tr("Connect with the saved profile NAME."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption db(QStringLiteral("db"),
                                tr("Open a ledger database directly: a SQLite file (PATH or sqlite:PATH) or "
                                   "postgresql://user@host:port/name."),
                                QStringLiteral("URL"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    tr("Connect to a walletd server, e.g. https://walletd.example.com:8443."),
                                    QStringLiteral("URL"));
    const QCommandLineOption op(QStringLiteral("operator"),
                                tr("Work as operator NAME (for --server: your login name)."),
                                QStringLiteral("NAME"));
    const QCommandLineOption version(QStringLiteral("version"), tr("Print the version and exit."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Print this help and exit."));
    const QCommandLineOption selfTest(QStringLiteral("self-test"),
                                      tr("Connect, open the main window, and exit: 0 when all went well."));
    parser.addOptions({profile, db, server, op, version, help, selfTest});

    auto fail = [&out](const QString &message) {
        out.action = Action::Error;
        out.text = message + u'\n' + tr("Try 'walletdesk --help'.");
        return out;
    };
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return fail(tr("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst()));
    for (const QString &name : parser.optionNames())
        if (parser.optionNames().count(name) > 1)
            return fail(tr("--%1 is given more than once").arg(name));
    if (parser.isSet(help)) {
        out.action = Action::Help;
        // helpText() names the program from the application object, which main has not created yet when it
        // parses (--help must work without a display); Qt then writes "<executable_name>". Name it here.
        QString text = parser.helpText().trimmed();
        const qsizetype firstLineEnd = text.indexOf(u'\n');
        text.replace(0, firstLineEnd, tr("Usage: walletdesk [options]"));
        out.text = text;
        return out;
    }
    if (parser.isSet(version)) {
        out.action = Action::Version;
        out.text = QStringLiteral("walletdesk %1 (%2)")
                       .arg(QStringLiteral(WALLETDESK_VERSION), QStringLiteral(WALLETDESK_GIT_REVISION));
        return out;
    }
    QStringList targets;
    for (const QCommandLineOption *o : {&profile, &db, &server})
        if (parser.isSet(*o))
            targets.append(QStringLiteral("--") + o->names().constFirst());
    if (targets.size() > 1)
        return fail(tr("%1 cannot be combined: choose one place to connect to").arg(targets.join(u" and ")));

    if (parser.isSet(profile)) {
        out.target = Target::Profile;
        out.profileName = parser.value(profile);
        if (out.profileName.trimmed().isEmpty())
            return fail(tr("--profile needs the name of a saved profile"));
    } else if (parser.isSet(db)) {
        out.target = Target::Database;
        out.databaseUrl = parser.value(db);
        QString error;
        if (!DatabaseUrl::parse(out.databaseUrl, &error))
            return fail(error);
    } else if (parser.isSet(server)) {
        out.target = Target::Server;
        out.serverUrl = parser.value(server);
        if (const QString problem = ConnectionProfile::walletdUrlProblem(out.serverUrl); !problem.isEmpty())
            return fail(tr("--server: %1").arg(problem));
    }
    if (parser.isSet(op)) {
        out.operatorName = parser.value(op);
        if (out.operatorName.trimmed().isEmpty())
            return fail(tr("--operator needs a name"));
        // A profile names its own operator; ignoring the option silently would sign in as someone else.
        if (out.target != Target::Database && out.target != Target::Server)
            return fail(tr("--operator goes with --db or --server (a saved profile names its own operator)"));
    }
    out.selfTest = parser.isSet(selfTest);
    return out;
}

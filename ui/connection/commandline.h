#pragma once

#include <QString>
#include <QStringList>

/// `walletdesk [--profile NAME | --db URL | --server URL] [--operator NAME] [--version] [--help]
/// [--self-test]`, parsed into a value. Parsing prints nothing and never exits, so main decides what to do
/// and tests can check every outcome; text() holds what to print.
class CommandLine final {
public:
    enum class Action {
        Run,     ///< start the app (with the target chosen below, or the last-used/first-start logic)
        Version, ///< print text() to stdout, exit 0
        Help,    ///< print text() to stdout, exit 0
        Error,   ///< print text() to stderr, exit 2
    };
    enum class Target { Default, Profile, Database, Server };

    /// `arguments` includes the program name, as QCoreApplication::arguments() gives it.
    static CommandLine parse(const QStringList &arguments);

    Action action = Action::Run;
    Target target = Target::Default;
    QString profileName;   ///< --profile
    QString databaseUrl;   ///< --db, as typed: DatabaseUrl::parse reads it (it may carry a password)
    QString serverUrl;     ///< --server
    QString operatorName;  ///< --operator; empty: the profile's, or the OS login name
    bool selfTest = false; ///< --self-test: start, connect, and quit with the outcome as exit code
    QString text;          ///< version line, help text or error message (ending without a newline)

    /// The exit code for Version/Help/Error.
    int exitCode() const { return action == Action::Error ? 2 : 0; }
};

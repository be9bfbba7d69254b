// walletdesk: the desktop app. Thin: the command line, the look, the window, and DesktopSession, which
// finds the ledger (see ui/desktopsession.h).
#include "appearance.h"
#include "commandline.h"
#include "desktopsession.h"
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>
#include <cstdio>

int main(int argc, char *argv[]) {
    // The command line first: --version and --help must work without a display.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const CommandLine commandLine = CommandLine::parse(arguments);
    switch (commandLine.action) {
    case CommandLine::Action::Version:
    case CommandLine::Action::Help:
        std::printf("%s\n", qPrintable(commandLine.text));
        return 0;
    case CommandLine::Action::Error:
        std::fprintf(stderr, "walletdesk: %s\n", qPrintable(commandLine.text));
        return commandLine.exitCode();
    case CommandLine::Action::Run:
        break;
    }

    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("WalletDesk"));
    QApplication::setApplicationName(QStringLiteral("WalletDesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("WalletDesk"));
    QApplication::setApplicationVersion(QStringLiteral(WALLETDESK_VERSION));
    // The desktop file's name (packaging/linux), which Wayland compositors match windows to; the icon theme
    // has the icon under the same name once the package is installed.
    QApplication::setDesktopFileName(QStringLiteral("io.walletdesk.WalletDesk"));
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.walletdesk.WalletDesk"),
                                                 QIcon(QStringLiteral(":/icons/walletdesk.svg"))));

    Appearance::installTranslations(app);
    Appearance::applyColorScheme();

    MainWindow window;
    DesktopSession session(&window, commandLine);
    if (commandLine.selfTest) {
        QObject::connect(&session, &DesktopSession::selfTestFinished, &app,
                         [](int code, const QString &message) {
                             std::fprintf(code == 0 ? stdout : stderr, "%s\n", qPrintable(message));
                             QCoreApplication::exit(code);
                         });
    }
    window.show();
    session.start();
    return QApplication::exec();
}

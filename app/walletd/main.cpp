// walletd: the wallet API server (docs/walletd.md). The classes live in the walletd_server library.
#include "buildinfo.h"
#include "serverconfig.h"
#include "signalwatcher.h"
#include "walletserver.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("walletd"));
    ServerConfig config;
    QString error;
    ServerConfig::Action action = ServerConfig::Action::Serve;
    if (!config.parse(QCoreApplication::arguments().mid(1), &error, &action)) {
        std::fprintf(stderr, "walletd: %s\n%s", qPrintable(error), qPrintable(ServerConfig::usage()));
        return 2;
    }
    switch (action) {
    case ServerConfig::Action::Help:
        std::fputs(qPrintable(ServerConfig::usage()), stdout);
        return 0;
    case ServerConfig::Action::Version:
        std::printf("walletd %s (%s)\n", WALLETDESK_VERSION, WALLETDESK_GIT_REVISION);
        return 0;
    case ServerConfig::Action::Serve:
        break;
    }
    for (const QString &warning : std::as_const(config.warnings))
        std::fprintf(stderr, "walletd: %s\n", qPrintable(warning));
    SignalWatcher watcher;
    WalletServer server(config);
    const Result<Done> started = server.start();
    if (!started) {
        std::fprintf(stderr, "walletd: %s\n", qPrintable(started.error().message));
        return started.error().code == ErrorCode::InvalidArgument ? 2 : 6;
    }
    std::printf("listening on %s\n", qPrintable(server.baseUrl()));
    std::fflush(stdout);
    QObject::connect(&watcher, &SignalWatcher::terminate, &server, &WalletServer::shutdown);
    // Every answer has been written; a moment more lets the sockets drain before the process ends.
    QObject::connect(&server, &WalletServer::drained, &app,
                     [] { QTimer::singleShot(100, qApp, [] { QCoreApplication::exit(0); }); });
    return QCoreApplication::exec();
}

// walletd: the wallet API server (docs/walletd.md). The classes live in the walletd_server library.
#include "buildinfo.h"
#include "serverconfig.h"
#include "signalwatcher.h"
#include "walletserver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <optional>

namespace {

/// Opens the ledger. A PostgreSQL database that cannot be reached when walletd starts (a host still booting,
/// a failover under way, systemd starting walletd again during an outage) is waited for, up to db_wait_s,
/// with the reason on stderr at each attempt: a walletd that exited at once would be restarted by systemd
/// until its start limit gave up on it for good. SIGTERM while waiting ends walletd at once. Nothing else is
/// waited for: an SQLite file or a configuration that fails fails at once. The exit code when walletd must
/// end, or none.
std::optional<int> openLedger(WalletServer &server, const ServerConfig &config, SignalWatcher &watcher) {
    QElapsedTimer waited;
    waited.start();
    int delayMs = 250;
    for (;;) {
        const Result<Done> opened = server.openLedger();
        if (opened) {
            if (waited.elapsed() > 1000)
                std::fprintf(stderr, "walletd: the ledger database answers after %lld s of waiting\n",
                             waited.elapsed() / 1000);
            return std::nullopt;
        }
        const bool waitable = opened.error().code == ErrorCode::Database &&
                              config.db.kind == DatabaseUrl::Kind::Postgres &&
                              waited.elapsed() + delayMs <= qint64(config.dbWaitS) * 1000;
        if (!waitable) {
            std::fprintf(stderr, "walletd: %s\n", qPrintable(opened.error().message));
            return opened.error().code == ErrorCode::InvalidArgument ? 2 : 6;
        }
        std::fprintf(stderr, "walletd: waiting for the ledger database (%lld s of %d s): %s\n",
                     waited.elapsed() / 1000, config.dbWaitS, qPrintable(opened.error().message));
        QEventLoop pause;
        bool terminated = false;
        QTimer::singleShot(delayMs, &pause, &QEventLoop::quit);
        QObject::connect(&watcher, &SignalWatcher::terminate, &pause, [&] {
            terminated = true;
            pause.quit();
        });
        pause.exec();
        if (terminated)
            return 0;
        delayMs = std::min(delayMs * 2, 2000);
    }
}

} // namespace

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
    if (const auto exitCode = openLedger(server, config, watcher))
        return *exitCode;
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

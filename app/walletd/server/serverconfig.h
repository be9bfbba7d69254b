#pragma once

#include "databaseurl.h"

#include <QHostAddress>
#include <QStringList>

/// walletd's settings: command-line flags over an optional INI file (--config FILE, section [walletd]).
/// See docs/walletd.md for every key.
struct ServerConfig {
    DatabaseUrl db;
    QHostAddress host = QHostAddress::LocalHost;
    QString hostText = QStringLiteral("127.0.0.1");
    quint16 port = 8080;
    QString tlsCert;
    QString tlsKey;
    /// TLS 1.2 cipher suites, OpenSSL names separated by ':'; the default is Mozilla's "intermediate" server
    /// profile (ECDHE or DHE key exchange, AEAD ciphers only). TLS 1.3 uses OpenSSL's three suites, all AEAD.
    QString tlsCiphers = defaultTlsCiphers();
    /// The oldest TLS version accepted: "1.2" (the default) or "1.3".
    QString tlsMinVersion = QStringLiteral("1.2");
    QString gameCurrency = QStringLiteral("GOLD");
    /// The demo ledger's game operator (DemoGenerator), so that walletd serves a demo ledger as it is.
    QString gameOperator = QStringLiteral("game-server");
    QStringList gameTokens; ///< service tokens game servers present as "Authorization: Bearer TOKEN"
    bool gameApiInsecure = false;
    qsizetype maxBodyBytes = qsizetype(64) * 1024;
    int maxBatch = 256; ///< group commit: most charges in one database transaction
    /// Group commit: batches in flight at once, each on its own connection; 0: 4 on PostgreSQL, 1 on SQLite
    /// (one writer at a time there).
    int batchWriters = 0;
    /// A request not answered within this many seconds is answered 503 (it may still complete; a retry with
    /// the same key is answered as the original). Longer than PostgreSQL's lock timeout, shorter than its
    /// statement timeout.
    int requestDeadlineS = 20;
    /// At start, a PostgreSQL database that cannot be reached (down, restarting, failing over) is waited for
    /// this many seconds before walletd gives up (0: not at all).
    int dbWaitS = 60;

    /// What the command line asks for: to serve, or only to print the help or the version.
    enum class Action { Serve, Help, Version };

    /// Problems that do not stop walletd but that its operator must hear of (a configuration file others can
    /// read); main() prints each at start.
    QStringList warnings;

    /// Parses arguments (argv without the program name). On failure returns false with *error set; *action
    /// says whether --help or --version was asked for instead of serving.
    bool parse(const QStringList &args, QString *error, Action *action);
    static QString usage();
    static QString defaultTlsCiphers();
};

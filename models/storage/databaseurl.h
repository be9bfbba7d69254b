#pragma once

#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <optional>

/// Where a ledger lives: "PATH", "sqlite:PATH" or "postgresql://user:pass@host:port/name[?PARAMS]".
///
/// PARAMS are libpq connection keywords (https://www.postgresql.org/docs/15/libpq-connect.html), passed to
/// libpq as given: host= (a unix socket directory, or several hosts "a,b"), the TLS ones (sslmode,
/// sslrootcert, sslcert, sslkey, ...), and those for timeouts, keep-alives and failover
/// (target_session_attrs). Only keywords on the list in databaseurl.cpp are taken; any other is an error, so
/// a typo cannot leave a default (an unencrypted connection, say) silently in force.
///
/// A PostgreSQL server that is neither a unix socket nor on the loopback interface is reached over TLS:
/// without sslmode the connection uses sslmode=require, and sslmode=allow or prefer (which fall back to plain
/// text) are refused. Only an explicit sslmode=disable allows an unencrypted connection across a network.
struct DatabaseUrl {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path; ///< sqlite file
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;
    /// libpq keywords other than host, port, dbname, user and password, e.g. {"sslmode", "verify-full"}.
    QMap<QString, QString> options;

    /// nullopt with *error set when the text is not a usable location.
    static std::optional<DatabaseUrl> parse(const QString &text, QString *error);
    /// For messages and logs: never contains the password.
    QString display() const;
    /// True when every host is a unix socket directory or a loopback address ("localhost", 127.0.0.0/8, ::1),
    /// so nothing travels over a network. Always true for SQLite.
    bool isLocal() const;
    /// Why this location may not be connected to: a server across a network with an sslmode that can fall
    /// back to plain text. Empty when it may. parse() and LedgerStore::open() both ask.
    QString transportProblem() const;
    /// Adds a Qt connection named `name` for this location (QPSQL or QSQLITE driver, host, port, database,
    /// user, password), not yet opened. Invalid when the driver is not installed.
    QSqlDatabase addConnection(const QString &name) const;
};

#pragma once

#include <QSqlDatabase>
#include <QString>
#include <optional>

/// Where a ledger lives: "PATH", "sqlite:PATH" or "postgresql://user:pass@host:port/name[?host=/socket/dir]".
struct DatabaseUrl {
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path; ///< sqlite file
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString password;

    /// nullopt with *error set when the text is not a usable location.
    static std::optional<DatabaseUrl> parse(const QString &text, QString *error);
    /// For messages and logs: never contains the password.
    QString display() const;
    /// Adds a Qt connection named `name` for this location (QPSQL or QSQLITE driver, host, port, database,
    /// user, password), not yet opened. Invalid when the driver is not installed.
    QSqlDatabase addConnection(const QString &name) const;
};

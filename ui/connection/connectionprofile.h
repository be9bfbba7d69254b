#pragma once

#include "databaseurl.h"

#include <QList>
#include <QString>
#include <optional>

/// One way to reach a ledger, as the user saved it: what the connection dialog edits, what ProfileStore keeps
/// in the settings and what Connector turns into a LedgerClient. A plain value: it never holds a password or
/// a token, so it can be copied, logged and saved without a second thought; the secret travels beside it.
struct ConnectionProfile {
    enum class Kind { Sqlite, Postgres, Walletd };

    /// What the user calls it; unique among the saved profiles.
    QString name;
    Kind kind = Kind::Sqlite;
    QString sqlitePath;
    QString pgHost = QStringLiteral("localhost"); ///< a host name, or a unix socket folder as libpq accepts
    int pgPort = 5432;
    QString pgDatabase;
    QString pgUser;
    /// libpq parameters as a database URL carries them (DatabaseUrl::options): sslmode and sslrootcert, which
    /// the dialog edits, and any other a `--db` URL brought (target_session_attrs, timeouts, ...).
    QMap<QString, QString> pgOptions;
    QString walletdUrl; ///< https://walletd.example:8443
    /// The operator the app acts as in the ledger; for walletd, the login name that goes with the token.
    QString operatorName;

    /// The fields that validation can name, so the dialog shows each message beside its field.
    enum class Field {
        Name,
        SqlitePath,
        PgHost,
        PgPort,
        PgDatabase,
        PgUser,
        PgSslMode,
        PgSslRootCert,
        WalletdUrl,
        Operator
    };
    struct Problem {
        Field field;
        QString message;
    };
    /// Empty when the profile can be connected with; otherwise one message per bad field, for people.
    QList<Problem> problems() const;

    /// Whether connecting needs a password (PostgreSQL) or a token (walletd). A PostgreSQL server that trusts
    /// the user takes an empty one.
    bool usesSecret() const { return kind != Kind::Sqlite; }
    /// The keychain entry for this profile's secret. Derived from where it connects and as whom rather than
    /// from the profile's name, so renaming a profile keeps its password and two profiles for the same login
    /// share one. Empty for SQLite.
    QString secretKey() const;
    /// For the status bar, messages and logs: where it connects, never a secret.
    QString display() const;

    /// The ledger location for LocalLedgerClient (SQLite and PostgreSQL only). The password exists there in
    /// memory only: DatabaseUrl::display() leaves it out, so logging the location cannot leak it.
    DatabaseUrl databaseUrl(const QString &password) const;
    /// A profile for `walletdesk --db URL`; the password the URL may carry is returned in *password.
    static ConnectionProfile fromDatabaseUrl(const DatabaseUrl &url, QString *password);
    /// The saved profile of the embedded demo ledger at `path` (DemoLedger::ensure), opened as
    /// `operatorName`.
    static ConnectionProfile demoLedger(const QString &path, const QString &operatorName);

    /// "sqlite", "postgresql", "walletd": the spelling in the settings file.
    static QString kindName(Kind kind);
    static std::optional<Kind> kindFromName(const QString &name);
    /// A TCP port typed by a person: 1..65535, nothing else. nullopt with *error set otherwise.
    static std::optional<int> parsePort(const QString &text, QString *error);
    /// The problem with a walletd address, empty when it is a usable http(s) URL with a host.
    static QString walletdUrlProblem(const QString &text);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

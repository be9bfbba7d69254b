#include "connectionprofile.h"

#include "secretstore.h"

#include <QCoreApplication>
#include <QUrl>

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("ConnectionProfile", text);
}
} // namespace

QList<ConnectionProfile::Problem> ConnectionProfile::problems() const {
    QList<Problem> out;
    if (name.trimmed().isEmpty())
        out.append({Field::Name, tr("Give the profile a name.")});
    switch (kind) {
    case Kind::Sqlite:
        if (sqlitePath.trimmed().isEmpty())
            out.append({Field::SqlitePath, tr("Choose a ledger file, or type the path of a new one.")});
        break;
    case Kind::Postgres:
        if (pgHost.trimmed().isEmpty())
            out.append({Field::PgHost, tr("Enter the database server's host name.")});
        if (pgPort < 1 || pgPort > 65535)
            out.append({Field::PgPort, tr("The port must be a number from 1 to 65535.")});
        if (pgDatabase.trimmed().isEmpty())
            out.append({Field::PgDatabase, tr("Enter the name of the ledger database.")});
        if (pgUser.trimmed().isEmpty())
            out.append({Field::PgUser, tr("Enter the database user name.")});
        // Qt hands libpq's parameters over with ';' turned into a blank.
        if (pgOptions.value(QStringLiteral("sslrootcert")).contains(u';'))
            out.append({Field::PgSslRootCert, tr("The certificate's path may not contain “;”.")});
        if (!pgHost.trimmed().isEmpty() && !databaseUrl({}).transportProblem().isEmpty())
            out.append(
                {Field::PgSslMode, tr("This server is across a network: choose an encrypted connection, or "
                                      "“Off” to send the ledger unencrypted on purpose.")});
        break;
    case Kind::Walletd:
        if (const QString p = walletdUrlProblem(walletdUrl); !p.isEmpty())
            out.append({Field::WalletdUrl, p});
        break;
    }
    if (operatorName.trimmed().isEmpty())
        out.append({Field::Operator, kind == Kind::Walletd ? tr("Enter your walletd login name.")
                                                           : tr("Enter the operator name you work as.")});
    return out;
}

QString ConnectionProfile::secretKey() const {
    switch (kind) {
    case Kind::Sqlite:
        return {};
    case Kind::Postgres:
        return QStringLiteral("postgresql://%1@%2:%3/%4").arg(pgUser, pgHost).arg(pgPort).arg(pgDatabase);
    case Kind::Walletd:
        return SecretStore::walletdKey(operatorName, walletdUrl);
    }
    return {};
}

QString ConnectionProfile::display() const {
    switch (kind) {
    case Kind::Sqlite:
        return sqlitePath;
    case Kind::Postgres:
        return databaseUrl({}).display();
    case Kind::Walletd:
        return walletdUrl;
    }
    return {};
}

DatabaseUrl ConnectionProfile::databaseUrl(const QString &password) const {
    DatabaseUrl url;
    if (kind == Kind::Postgres) {
        url.kind = DatabaseUrl::Kind::Postgres;
        url.host = pgHost;
        url.port = pgPort;
        url.database = pgDatabase;
        url.user = pgUser;
        url.password = password;
        url.options = pgOptions;
    } else {
        url.kind = DatabaseUrl::Kind::Sqlite;
        url.path = sqlitePath;
    }
    return url;
}

ConnectionProfile ConnectionProfile::fromDatabaseUrl(const DatabaseUrl &url, QString *password) {
    ConnectionProfile p;
    if (url.kind == DatabaseUrl::Kind::Postgres) {
        p.kind = Kind::Postgres;
        p.pgHost = url.host;
        p.pgPort = url.port;
        p.pgDatabase = url.database;
        p.pgUser = url.user;
        p.pgOptions = url.options;
        *password = url.password;
    } else {
        p.kind = Kind::Sqlite;
        p.sqlitePath = url.path;
        password->clear();
    }
    p.name = url.display();
    return p;
}

QString ConnectionProfile::kindName(Kind kind) {
    switch (kind) {
    case Kind::Sqlite:
        return QStringLiteral("sqlite");
    case Kind::Postgres:
        return QStringLiteral("postgresql");
    case Kind::Walletd:
        return QStringLiteral("walletd");
    }
    return {};
}

std::optional<ConnectionProfile::Kind> ConnectionProfile::kindFromName(const QString &name) {
    for (Kind k : {Kind::Sqlite, Kind::Postgres, Kind::Walletd})
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

std::optional<int> ConnectionProfile::parsePort(const QString &text, QString *error) {
    bool ok = false;
    const int port = text.trimmed().toInt(&ok);
    if (!ok || port < 1 || port > 65535) {
        *error = tr("The port must be a number from 1 to 65535.");
        return std::nullopt;
    }
    return port;
}

QString ConnectionProfile::walletdUrlProblem(const QString &text) {
    if (text.trimmed().isEmpty())
        return tr("Enter the walletd address, like https://walletd.example.com:8443.");
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"https" && scheme != u"http") || url.host().isEmpty())
        return tr("The walletd address must look like https://walletd.example.com:8443.");
    if (!url.userInfo().isEmpty())
        return tr("Leave the login out of the address; enter it under Login.");
    return {};
}

ConnectionProfile ConnectionProfile::demoLedger(const QString &path, const QString &operatorName) {
    ConnectionProfile p;
    p.name = tr("Demo ledger");
    p.kind = Kind::Sqlite;
    p.sqlitePath = path;
    p.operatorName = operatorName;
    return p;
}

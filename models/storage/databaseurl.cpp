#include "databaseurl.h"

#include <QHostAddress>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace {

/// The libpq keywords a URL may carry. Left out on purpose: password (it belongs in user:password@, where
/// display() hides it), passfile and service (they read files that override the URL), options (server
/// settings, which could switch off the ledger's own), and replication.
const QStringList &passedKeywords() {
    static const QStringList keywords{QStringLiteral("sslmode"),
                                      QStringLiteral("sslrootcert"),
                                      QStringLiteral("sslcert"),
                                      QStringLiteral("sslkey"),
                                      QStringLiteral("sslpassword"),
                                      QStringLiteral("sslcrl"),
                                      QStringLiteral("sslcrldir"),
                                      QStringLiteral("sslsni"),
                                      QStringLiteral("ssl_min_protocol_version"),
                                      QStringLiteral("ssl_max_protocol_version"),
                                      QStringLiteral("channel_binding"),
                                      QStringLiteral("gssencmode"),
                                      QStringLiteral("requirepeer"),
                                      QStringLiteral("target_session_attrs"),
                                      QStringLiteral("connect_timeout"),
                                      QStringLiteral("tcp_user_timeout"),
                                      QStringLiteral("keepalives"),
                                      QStringLiteral("keepalives_idle"),
                                      QStringLiteral("keepalives_interval"),
                                      QStringLiteral("keepalives_count"),
                                      QStringLiteral("application_name")};
    return keywords;
}

const QStringList &sslModes() {
    static const QStringList modes{QStringLiteral("disable"),   QStringLiteral("allow"),
                                   QStringLiteral("prefer"),    QStringLiteral("require"),
                                   QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

bool isLocalHost(const QString &host) {
    if (host.startsWith(u'/') || host.startsWith(u'@')) // a unix socket directory (or Linux's abstract one)
        return true;
    if (host.compare(u"localhost", Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

/// One value in libpq's conninfo syntax: single-quoted, with backslash and quote escaped.
QString conninfoValue(const QString &value) {
    QString escaped = value;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'\'', QStringLiteral("\\'"));
    return u'\'' + escaped + u'\'';
}

} // namespace

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString &text, QString *error) {
    DatabaseUrl db;
    if (text.trimmed().isEmpty()) {
        *error = QStringLiteral("no database given: use --db PATH or set WALLETDESK_DB");
        return std::nullopt;
    }
    if (text != text.trimmed()) {
        *error = QStringLiteral("database location \"%1\" begins or ends with blanks").arg(text.left(200));
        return std::nullopt;
    }
    if (text.startsWith(u"postgresql://", Qt::CaseInsensitive) ||
        text.startsWith(u"postgres://", Qt::CaseInsensitive)) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || url.path().size() < 2) {
            *error = QStringLiteral("database URL is not of the form postgresql://user:pass@host:port/name");
            return std::nullopt;
        }
        db.kind = Kind::Postgres;
        db.host = url.host();
        db.port = url.port(5432);
        db.database = url.path().mid(1);
        db.user = url.userName(QUrl::FullyDecoded);
        db.password = url.password(QUrl::FullyDecoded);
        for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded)) {
            if (key == u"host") {
                db.host = value; // a unix socket directory, or "a,b" for libpq to try in turn
                continue;
            }
            if (!passedKeywords().contains(key)) {
                *error = key == u"password"
                             ? QStringLiteral("database URL: put the password in user:password@, not in "
                                              "?password=")
                             : QStringLiteral("database URL: \"%1\" is not a connection parameter WalletDesk "
                                              "passes to PostgreSQL (it takes host, %2)")
                                   .arg(key.left(100), passedKeywords().join(QStringLiteral(", ")));
                return std::nullopt;
            }
            // Qt hands the options to libpq with ';' turned into ' ', which would cut such a value in two.
            if (value.contains(u';') || value.contains(QChar(0))) {
                *error = QStringLiteral("database URL: the value of %1 may not contain ';'").arg(key);
                return std::nullopt;
            }
            if (db.options.contains(key)) {
                *error = QStringLiteral("database URL: %1 is given twice").arg(key);
                return std::nullopt;
            }
            db.options.insert(key, value);
        }
        if (db.host.isEmpty())
            db.host = QStringLiteral("localhost");
        const QString sslmode = db.options.value(QStringLiteral("sslmode"));
        if (!sslmode.isEmpty() && !sslModes().contains(sslmode)) {
            *error = QStringLiteral("database URL: sslmode must be one of %1, not \"%2\"")
                         .arg(sslModes().join(QStringLiteral(", ")), sslmode.left(100));
            return std::nullopt;
        }
        if (const QString problem = db.transportProblem(); !problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
        return db;
    }
    db.kind = Kind::Sqlite;
    if (text.contains(u"://") && !text.startsWith(u"sqlite:", Qt::CaseInsensitive)) {
        *error =
            QStringLiteral("database URL \"%1\" is neither postgresql:// nor sqlite:").arg(text.left(200));
        return std::nullopt;
    }
    db.path = text.startsWith(u"sqlite:", Qt::CaseInsensitive) ? text.mid(7) : text;
    if (db.path.startsWith(u"//"))
        db.path = db.path.mid(2); // sqlite:///abs/path
    if (db.path.isEmpty()) {
        *error = QStringLiteral("sqlite database path is empty");
        return std::nullopt;
    }
    return db;
}

QSqlDatabase DatabaseUrl::addConnection(const QString &name) const {
    const bool pg = kind == Kind::Postgres;
    QSqlDatabase db =
        QSqlDatabase::addDatabase(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
    if (pg) {
        db.setHostName(host);
        db.setPort(port);
        db.setDatabaseName(database);
        db.setUserName(user);
        db.setPassword(password);
        QMap<QString, QString> effective = options;
        // Across a network, encrypted unless the URL says otherwise (transportProblem() refuses the modes
        // that could fall back to plain text).
        if (!isLocal() && !effective.contains(QStringLiteral("sslmode")))
            effective.insert(QStringLiteral("sslmode"), QStringLiteral("require"));
        if (!effective.contains(QStringLiteral("connect_timeout")))
            effective.insert(QStringLiteral("connect_timeout"), QStringLiteral("10"));
        QStringList conninfo;
        for (auto it = effective.cbegin(); it != effective.cend(); ++it)
            conninfo << it.key() + u'=' + conninfoValue(it.value());
        db.setConnectOptions(conninfo.join(u';'));
    } else {
        db.setDatabaseName(path);
    }
    return db;
}

QString DatabaseUrl::display() const {
    if (kind == Kind::Sqlite)
        return QStringLiteral("sqlite:%1").arg(path);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

bool DatabaseUrl::isLocal() const {
    if (kind == Kind::Sqlite)
        return true;
    const QStringList hosts = host.split(u',');
    return std::all_of(hosts.cbegin(), hosts.cend(),
                       [](const QString &h) { return isLocalHost(h.trimmed()); });
}

QString DatabaseUrl::transportProblem() const {
    if (kind != Kind::Postgres || isLocal())
        return {};
    const QString sslmode = options.value(QStringLiteral("sslmode"));
    if (sslmode != u"allow" && sslmode != u"prefer")
        return {};
    return QStringLiteral("sslmode=%1 may send the ledger unencrypted across the network to %2; use "
                          "sslmode=verify-full (or require), or sslmode=disable to allow that explicitly")
        .arg(sslmode, host);
}

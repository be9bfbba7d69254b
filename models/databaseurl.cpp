#include "databaseurl.h"

#include <QUrl>
#include <QUrlQuery>

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
        const QString hostParam = QUrlQuery(url).queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
        if (!hostParam.isEmpty())
            db.host = hostParam; // a unix socket directory, as libpq accepts
        db.port = url.port(5432);
        db.database = url.path().mid(1);
        db.user = url.userName(QUrl::FullyDecoded);
        db.password = url.password(QUrl::FullyDecoded);
        if (db.host.isEmpty())
            db.host = QStringLiteral("localhost");
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
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
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

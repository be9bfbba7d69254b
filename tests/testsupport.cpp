#include "testsupport.h"

#include "databaseurl.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <sys/stat.h>

namespace WalletDeskTest {

namespace {

const char *const PgUrlFileVariable = "WALLETDESK_TEST_PG_URL_FILE";

bool fail(QString *error, const QString &message) {
    if (error)
        *error = message;
    return false;
}

QString postgresUrl(QString *error) {
    const QString file = qEnvironmentVariable(PgUrlFileVariable);
    if (file.isEmpty()) {
        fail(error,
             QStringLiteral("WALLETDESK_TEST_PG_URL_FILE is not set: run this test through ctest, whose "
                            "postgres fixture starts a server (tests/pg/pg-harness.sh)"));
        return {};
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        fail(error,
             QStringLiteral("cannot read the PostgreSQL test URL from %1: %2").arg(file, f.errorString()));
        return {};
    }
    QString url = QString::fromUtf8(f.readAll()).trimmed();
    if (url.isEmpty()) {
        fail(error, QStringLiteral("the PostgreSQL test URL file %1 is empty").arg(file));
        return {};
    }
    return url;
}

/// Drops everything in schema public, through a connection of its own that is gone when this returns.
bool resetPostgres(const QString &urlText, QString *error) {
    QString parseError;
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(urlText, &parseError);
    if (!url || url->kind != DatabaseUrl::Kind::Postgres)
        return fail(
            error,
            QStringLiteral("the PostgreSQL test URL \"%1\" is not usable: %2").arg(urlText, parseError));

    const QString connection =
        QStringLiteral("walletdesk-test-reset-") + QUuid::createUuid().toString(QUuid::Id128);
    bool ok = false;
    {
        QSqlDatabase db = url->addConnection(connection);
        if (!db.isValid()) {
            fail(error, QStringLiteral("the Qt QPSQL driver is not installed (package libqt6sql6-psql)"));
        } else {
            if (!db.open()) {
                fail(error,
                     QStringLiteral("cannot connect to %1: %2").arg(url->display(), db.lastError().text()));
            } else {
                QSqlQuery q(db);
                ok = true;
                for (const QString &sql : {QStringLiteral("SET client_min_messages = warning"),
                                           QStringLiteral("SET lock_timeout = '60s'"),
                                           QStringLiteral("DROP SCHEMA IF EXISTS public CASCADE"),
                                           QStringLiteral("CREATE SCHEMA public")}) {
                    if (!q.exec(sql)) {
                        ok = fail(error, QStringLiteral("resetting %1 failed at \"%2\": %3")
                                             .arg(url->display(), sql, q.lastError().text()));
                        break;
                    }
                }
                q = QSqlQuery();
                db.close();
            }
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace

QStringList availableBackends() {
    const QString listed = qEnvironmentVariable("WALLETDESK_TEST_BACKENDS").trimmed();
    if (!listed.isEmpty()) {
        QStringList backends = listed.split(u',', Qt::SkipEmptyParts);
        for (QString &b : backends)
            b = b.trimmed();
        return backends;
    }
    QStringList backends{QStringLiteral("sqlite")};
    if (!qEnvironmentVariableIsEmpty(PgUrlFileVariable))
        backends << QStringLiteral("postgres");
    return backends;
}

QString databaseUrl(const QString &backend, const QTemporaryDir &dir, QString *error) {
    if (backend == u"sqlite") {
        if (!dir.isValid()) {
            fail(error, QStringLiteral("the temporary folder for the SQLite database is not usable: %1")
                            .arg(dir.errorString()));
            return {};
        }
        static QAtomicInteger<int> counter;
        const int n = ++counter;
        return QStringLiteral("sqlite:") +
               QDir(dir.path()).filePath(QStringLiteral("ledger-%1.sqlite").arg(n));
    }
    if (backend == u"postgres") {
        QString url = postgresUrl(error);
        if (url.isEmpty() || !resetPostgres(url, error))
            return {};
        return url;
    }
    fail(error, QStringLiteral("unknown test backend \"%1\" (use sqlite or postgres)").arg(backend));
    return {};
}

} // namespace WalletDeskTest

namespace WalletDeskTest {

RawDb::RawDb(const QString &urlText)
    : m_name(QUuid::createUuid().toString(QUuid::Id128)) {
    QString error;
    const auto url = DatabaseUrl::parse(urlText, &error);
    if (!url)
        qFatal("RawDb: %s", qPrintable(error));
    m_pg = url->kind == DatabaseUrl::Kind::Postgres;
    QSqlDatabase db = url->addConnection(m_name);
    if (!db.open())
        qFatal("raw connection failed: %s", qPrintable(db.lastError().text()));
}

RawDb::~RawDb() {
    QSqlDatabase::database(m_name).close();
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase RawDb::db() const {
    return QSqlDatabase::database(m_name);
}

qint64 RawDb::scalar(const QString &sql) {
    QSqlQuery q(db());
    if (!q.exec(sql) || !q.next())
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    return q.value(0).toLongLong();
}

QVariantList RawDb::column(const QString &sql) {
    QSqlQuery q(db());
    if (!q.exec(sql))
        qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
    QVariantList out;
    while (q.next())
        out << q.value(0);
    return out;
}

bool RawDb::exec(const QString &sql, QString *error) {
    QSqlQuery q(db());
    const bool ok = q.exec(sql);
    if (error)
        *error = q.lastError().text();
    return ok;
}

int fileMode(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

} // namespace WalletDeskTest

// ConnectionProfile (validation, keychain keys, database URLs) and ProfileStore (QSettings round trip, last
// used, first start, and no secret in the settings file).

#include "connectionprofile.h"
#include "profilestore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using Kind = ConnectionProfile::Kind;
using Field = ConnectionProfile::Field;

namespace {
ConnectionProfile sqliteProfile(const QString &name, const QString &path) {
    ConnectionProfile p;
    p.name = name;
    p.kind = Kind::Sqlite;
    p.sqlitePath = path;
    p.operatorName = QStringLiteral("alice");
    return p;
}

ConnectionProfile pgProfile() {
    ConnectionProfile p;
    p.name = QStringLiteral("Live EU / primary"); // a slash, which a QSettings group name would split
    p.kind = Kind::Postgres;
    p.pgHost = QStringLiteral("db.example.com");
    p.pgPort = 6432;
    p.pgDatabase = QStringLiteral("wallets");
    p.pgUser = QStringLiteral("support");
    p.operatorName = QStringLiteral("bob");
    return p;
}

ConnectionProfile walletdProfile() {
    ConnectionProfile p;
    p.name = QStringLiteral("walletd (staging)");
    p.kind = Kind::Walletd;
    p.walletdUrl = QStringLiteral("https://walletd.example.com:8443");
    p.operatorName = QStringLiteral("carol");
    return p;
}

QList<Field> fields(const QList<ConnectionProfile::Problem> &problems) {
    QList<Field> out;
    for (const auto &p : problems)
        out.append(p.field);
    return out;
}
} // namespace

class TstConnectionProfile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void validation() {
        QVERIFY(sqliteProfile(QStringLiteral("a"), QStringLiteral("/x.sqlite")).problems().isEmpty());
        QVERIFY(pgProfile().problems().isEmpty());
        QVERIFY(walletdProfile().problems().isEmpty());

        QCOMPARE(fields(sqliteProfile(QStringLiteral("a"), QStringLiteral("  ")).problems()),
                 QList<Field>{Field::SqlitePath});
        ConnectionProfile p = pgProfile();
        p.pgPort = 70000;
        p.pgDatabase.clear();
        QCOMPARE(fields(p.problems()), (QList<Field>{Field::PgPort, Field::PgDatabase}));
        // Across a network, a mode that may fall back to plain text is named; "disable" is a deliberate choice.
        p = pgProfile();
        p.pgOptions.insert(QStringLiteral("sslmode"), QStringLiteral("prefer"));
        QCOMPARE(fields(p.problems()), QList<Field>{Field::PgSslMode});
        p.pgOptions.insert(QStringLiteral("sslmode"), QStringLiteral("disable"));
        QVERIFY(p.problems().isEmpty());
        p.pgHost = QStringLiteral("localhost");
        p.pgOptions.insert(QStringLiteral("sslmode"), QStringLiteral("prefer"));
        QVERIFY(p.problems().isEmpty());
        p.pgOptions.insert(QStringLiteral("sslrootcert"), QStringLiteral("/etc/a;b.pem"));
        QCOMPARE(fields(p.problems()), QList<Field>{Field::PgSslRootCert});
        p = walletdProfile();
        p.name.clear();
        p.operatorName.clear();
        p.walletdUrl = QStringLiteral("walletd.example.com:8443"); // no scheme
        QCOMPARE(fields(p.problems()), (QList<Field>{Field::Name, Field::WalletdUrl, Field::Operator}));
        QVERIFY(
            ConnectionProfile::walletdUrlProblem(QStringLiteral("ftp://w.example")).contains(u"https://"));
        QVERIFY(!ConnectionProfile::walletdUrlProblem(QStringLiteral("https://u:pw@w.example")).isEmpty());
        QVERIFY(ConnectionProfile::walletdUrlProblem(QStringLiteral("http://localhost:8080")).isEmpty());
    }

    void ports() {
        QString error;
        QCOMPARE(ConnectionProfile::parsePort(QStringLiteral("5432"), &error), std::optional<int>(5432));
        for (const char *bad : {"", "0", "65536", "54a", "-1", "5432.0"}) {
            error.clear();
            QVERIFY2(!ConnectionProfile::parsePort(QLatin1StringView(bad), &error), bad);
            QCOMPARE(error, QStringLiteral("The port must be a number from 1 to 65535."));
        }
    }

    void secretKeysFollowTheLoginNotTheName() {
        ConnectionProfile a = pgProfile();
        ConnectionProfile b = a;
        b.name = QStringLiteral("renamed");
        QCOMPARE(a.secretKey(), b.secretKey());
        QCOMPARE(a.secretKey(), QStringLiteral("postgresql://support@db.example.com:6432/wallets"));
        b.pgUser = QStringLiteral("other");
        QVERIFY(a.secretKey() != b.secretKey());
        QCOMPARE(walletdProfile().secretKey(),
                 QStringLiteral("walletd:carol@https://walletd.example.com:8443"));
        QVERIFY(sqliteProfile(QStringLiteral("a"), QStringLiteral("/x")).secretKey().isEmpty());
        QVERIFY(!sqliteProfile(QStringLiteral("a"), QStringLiteral("/x")).usesSecret());
    }

    void databaseUrls() {
        const DatabaseUrl url = pgProfile().databaseUrl(QStringLiteral("Hunter2"));
        QCOMPARE(url.kind, DatabaseUrl::Kind::Postgres);
        QCOMPARE(url.host, QStringLiteral("db.example.com"));
        QCOMPARE(url.port, 6432);
        QCOMPARE(url.password, QStringLiteral("Hunter2"));
        QVERIFY(!url.display().contains(u"Hunter2"));
        QVERIFY(!pgProfile().display().contains(u"Hunter2"));

        QString error;
        const auto parsed = DatabaseUrl::parse(
            QStringLiteral("postgresql://ops:Hunter2@db:5433/wallets?host=/run/pg"), &error);
        QVERIFY2(parsed, qPrintable(error));
        QString password;
        const ConnectionProfile p = ConnectionProfile::fromDatabaseUrl(*parsed, &password);
        QCOMPARE(p.kind, Kind::Postgres);
        QCOMPARE(p.pgHost, QStringLiteral("/run/pg"));
        QCOMPARE(p.pgPort, 5433);
        QCOMPARE(p.pgUser, QStringLiteral("ops"));
        QCOMPARE(password, QStringLiteral("Hunter2"));
        QVERIFY(!p.name.contains(u"Hunter2"));

        // libpq's parameters travel from a --db URL through the profile to the connection.
        const auto tls = DatabaseUrl::parse(
            QStringLiteral("postgresql://ops@db.example.com/wallets?sslmode=verify-full&sslrootcert=/etc/ca.pem"
                           "&target_session_attrs=read-write"),
            &error);
        QVERIFY2(tls, qPrintable(error));
        const ConnectionProfile t = ConnectionProfile::fromDatabaseUrl(*tls, &password);
        QCOMPARE(t.pgOptions.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QCOMPARE(t.databaseUrl({}).options, tls->options);

        const auto file = DatabaseUrl::parse(QStringLiteral("sqlite:/data/x.sqlite"), &error);
        const ConnectionProfile f = ConnectionProfile::fromDatabaseUrl(*file, &password);
        QCOMPARE(f.kind, Kind::Sqlite);
        QCOMPARE(f.sqlitePath, QStringLiteral("/data/x.sqlite"));
        QVERIFY(password.isEmpty());
        QCOMPARE(f.databaseUrl({}).path, QStringLiteral("/data/x.sqlite"));
    }

    void roundTrip() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("walletdesk.ini"));
        {
            QSettings settings(file, QSettings::IniFormat);
            ProfileStore store(&settings);
            QVERIFY(store.isFirstStart());
            QVERIFY(store.profiles().isEmpty());
            QVERIFY(!store.lastUsed());
            ConnectionProfile verified = pgProfile();
            verified.name = QStringLiteral("Live US");
            verified.pgOptions = {{QStringLiteral("sslmode"), QStringLiteral("verify-full")},
                                  {QStringLiteral("sslrootcert"), QStringLiteral("/etc/wd/ca.pem")}};
            store.save(verified);
            store.save(pgProfile());
            store.save(walletdProfile());
            store.save(sqliteProfile(QStringLiteral("demo"), dir.filePath(QStringLiteral("demo.sqlite"))));
            store.setLastUsed(pgProfile().name);
            QVERIFY(!store.isFirstStart());
        }
        QSettings settings(file, QSettings::IniFormat);
        ProfileStore store(&settings);
        const QList<ConnectionProfile> all = store.profiles();
        QCOMPARE(all.size(), 4);
        // Sorted by name, case-insensitively.
        QCOMPARE(all.at(0).name, QStringLiteral("demo"));
        QCOMPARE(all.at(1), pgProfile());
        QCOMPARE(all.at(2).name, QStringLiteral("Live US"));
        QCOMPARE(all.at(2).pgOptions.value(QStringLiteral("sslmode")), QStringLiteral("verify-full"));
        QCOMPARE(all.at(2).pgOptions.value(QStringLiteral("sslrootcert")), QStringLiteral("/etc/wd/ca.pem"));
        QCOMPARE(all.at(3), walletdProfile());
        store.remove(QStringLiteral("Live US"));
        QCOMPARE(store.lastUsed(), std::optional<ConnectionProfile>(pgProfile()));

        // Saving under the same name replaces; renaming moves the last-used mark along.
        ConnectionProfile renamed = pgProfile();
        renamed.name = QStringLiteral("Live EU");
        renamed.pgPort = 5432;
        store.save(renamed, pgProfile().name);
        QCOMPARE(store.profiles().size(), 3);
        QVERIFY(!store.profile(pgProfile().name));
        QCOMPARE(store.profile(QStringLiteral("Live EU"))->pgPort, 5432);
        QCOMPARE(store.lastUsed()->name, QStringLiteral("Live EU"));

        store.remove(QStringLiteral("Live EU"));
        QVERIFY(!store.lastUsed());
        store.remove(QStringLiteral("demo"));
        store.remove(walletdProfile().name);
        QVERIFY(store.profiles().isEmpty());
        // The user emptied the list on purpose: that is not a first start (no demo ledger forced on them).
        QVERIFY(!store.isFirstStart());
    }

    void noSecretInTheSettingsFile() {
        // `walletdesk --db postgresql://ops:PASSWORD@...` gives a profile and a password; saving the profile
        // must not carry the password along.
        const QString password = QStringLiteral("Sup3r-Secret-Pw");
        QString error;
        const auto url = DatabaseUrl::parse(
            QStringLiteral("postgresql://ops:%1@db.example.com:5432/wallets").arg(password), &error);
        QVERIFY2(url, qPrintable(error));
        QString fromUrl;
        ConnectionProfile p = ConnectionProfile::fromDatabaseUrl(*url, &fromUrl);
        QCOMPARE(fromUrl, password);
        p.operatorName = QStringLiteral("ops");

        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("walletdesk.ini"));
        {
            QSettings settings(file, QSettings::IniFormat);
            ProfileStore store(&settings);
            store.save(p);
            store.setLastUsed(p.name);
            store.sync();
        }
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(bytes.contains("db.example.com"), bytes.constData()); // the file is the one written
        QVERIFY2(!bytes.contains(password.toUtf8()), bytes.constData());
    }
};

QTEST_GUILESS_MAIN(TstConnectionProfile)
#include "tst_connectionprofile.moc"

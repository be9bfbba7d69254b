#include "walletctlfixture.h"

namespace {

/// walletctl's options that take a value (app/walletctl/walletctl.cpp), to find the command among the
/// arguments.
const QSet<QString> ValueOptions{
    QStringLiteral("db"),         QStringLiteral("server"),     QStringLiteral("as"),
    QStringLiteral("operator"),   QStringLiteral("players"),    QStringLiteral("days"),
    QStringLiteral("seed"),       QStringLiteral("key"),        QStringLiteral("account"),
    QStringLiteral("to"),         QStringLiteral("from"),       QStringLiteral("amount"),
    QStringLiteral("items"),      QStringLiteral("reason"),     QStringLiteral("ticket"),
    QStringLiteral("memo"),       QStringLiteral("comment"),    QStringLiteral("player"),
    QStringLiteral("currency"),   QStringLiteral("name"),       QStringLiteral("exponent"),
    QStringLiteral("at"),         QStringLiteral("limit"),      QStringLiteral("before"),
    QStringLiteral("role"),       QStringLiteral("digest-out"), QStringLiteral("expect-digest"),
    QStringLiteral("csv"),        QStringLiteral("kind"),       QStringLiteral("by"),
    QStringLiteral("min-amount"), QStringLiteral("max-amount")};

/// What WalletCtl::localOnlyReason refuses under --server (docs/walletctl.md): these run on the database.
bool localOnly(const QStringList &positional) {
    const QString command = positional.value(0), sub = positional.value(1);
    return command == u"init" || command == u"demo" || (command == u"currency" && sub == u"add") ||
           (command == u"operator" && (sub == u"add" || sub == u"disable" || sub == u"passwd"));
}

} // namespace

void WalletctlFixture::addModes() {
    m_modes = true;
    QTest::addColumn<QString>("mode");
    QTest::newRow("local") << QStringLiteral("local");
    QTest::newRow("server") << QStringLiteral("server");
}

void WalletctlFixture::setUpCase() {
    m_walletctl = qEnvironmentVariable("WALLETCTL");
    QVERIFY2(!m_walletctl.isEmpty() && QFile::exists(m_walletctl),
             "set WALLETCTL to the walletctl binary (ctest does: tests/cli/CMakeLists.txt)");
    const QStringList backends = WalletDeskTest::availableBackends();
    QVERIFY2(backends.size() == 1, "set WALLETDESK_TEST_BACKENDS to exactly one of sqlite, postgres");
    m_backend = backends.constFirst();
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    qInfo("walletctl %s on %s", qPrintable(m_walletctl), qPrintable(m_backend));
}

void WalletctlFixture::setUpTest() {
    QString error;
    m_url = WalletDeskTest::databaseUrl(m_backend, m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    m_usd1.clear();
    m_gold1.clear();
    m_usd2.clear();
    m_seedTxn.clear();
    m_walletd.reset();
    m_withPassword.clear();
    m_serverMode = false;
    if (m_modes) {
        QFETCH_GLOBAL(QString, mode);
        m_serverMode = mode == u"server";
    }
    if (m_serverMode)
        QVERIFY2(!qEnvironmentVariable("WALLETD").isEmpty(), "set WALLETD (ctest does)");
}

void WalletctlFixture::tearDownTest() {
    if (m_walletd)
        m_walletd->stop();
    m_walletd.reset();
    QString why;
    for (const QString &url : std::as_const(m_copies))
        if (!dropPostgresDatabase(url, &why))
            qWarning("%s", qPrintable(why)); // the cluster goes with the fixture's postgres_stop anyway
    m_copies.clear();
}

void WalletctlFixture::tearDownCase() {
    QString why;
    for (SeededLedger &seeded : m_seeded) {
        if (pg() && !seeded.url.isEmpty() && !dropPostgresDatabase(seeded.url, &why))
            qWarning("%s", qPrintable(why));
        seeded = {};
    }
}

void WalletctlFixture::seed() {
    SeededLedger &seeded = m_seeded[m_serverMode ? 1 : 0];
    QString why;
    if (seeded.url.isEmpty()) {
        // Built on a ledger of its own rather than this test's, so that a seed that failed half-way is never
        // copied: the next test builds it again.
        const QString url = pg() ? freshPostgresDatabase(m_serverMode ? QStringLiteral("seed_server")
                                                                      : QStringLiteral("seed_local"),
                                                         QString(), &why)
                                 : WalletDeskTest::databaseUrl(m_backend, m_dir, &why);
        QVERIFY2(!url.isEmpty(), qPrintable(why));
        m_url = url;
        seedLedger();
        // Nothing may hold the ledger while it is copied (PostgreSQL refuses a template with connections).
        const int walletdExit = m_walletd ? m_walletd->stop() : 0;
        m_walletd.reset();
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(walletdExit, 0);
        seeded = {url, m_usd1, m_gold1, m_usd2, m_seedTxn, m_withPassword};
    }
    m_url = copyLedger(seeded.url, &why);
    QVERIFY2(!m_url.isEmpty(), qPrintable(why));
    m_usd1 = seeded.usd1;
    m_gold1 = seeded.gold1;
    m_usd2 = seeded.usd2;
    m_seedTxn = seeded.seedTxn;
    m_withPassword = seeded.withPassword;
}

QString WalletctlFixture::copyLedger(const QString &from, QString *why) {
    if (pg()) {
        const auto source = DatabaseUrl::parse(from, why);
        if (!source)
            return {};
        QString url = // not const: returned, so moved
            freshPostgresDatabase(QStringLiteral("copy%1").arg(++m_copyCount), source->database, why);
        if (!url.isEmpty())
            m_copies << url;
        return url;
    }
    QString url = WalletDeskTest::databaseUrl(m_backend, m_dir, why); // not const: returned, so moved
    const auto source = DatabaseUrl::parse(from, why);
    const auto target = DatabaseUrl::parse(url, why);
    if (url.isEmpty() || !source || !target)
        return {};
    // The write-ahead log too, should the last connection have left one (its index, -shm, is rebuilt).
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (!suffix.isEmpty() && !QFile::exists(source->path + suffix))
            continue;
        if (!QFile::copy(source->path + suffix, target->path + suffix)) {
            *why = QStringLiteral("cannot copy the seeded ledger %1 to %2")
                       .arg(source->path + suffix, target->path + suffix);
            return {};
        }
    }
    return url;
}

QString WalletctlFixture::freshPostgresDatabase(const QString &suffix, const QString &templateName,
                                                QString *why) {
    if (m_adminUrl.isEmpty()) {
        m_adminUrl = WalletDeskTest::databaseUrl(m_backend, m_dir, why);
        if (m_adminUrl.isEmpty())
            return {};
    }
    // The test program's name keeps two suites apart; a name is an identifier, made of [a-z0-9_] only.
    QString name = QCoreApplication::applicationName().toLower() + u'_' + suffix;
    static const QRegularExpression notInIdentifier(QStringLiteral("[^a-z0-9_]"));
    name.replace(notInIdentifier, QStringLiteral("_"));
    QUrl url(m_adminUrl, QUrl::StrictMode);
    url.setPath(u'/' + name);
    QString sql = QStringLiteral("CREATE DATABASE \"%1\"").arg(name);
    if (!templateName.isEmpty())
        sql += QStringLiteral(" TEMPLATE \"%1\"").arg(templateName);
    const QString newUrl = url.toString(QUrl::FullyEncoded);
    if (!dropPostgresDatabase(newUrl, why))
        return {};
    const bool created = withDatabaseAt(m_adminUrl, why, [&](QSqlDatabase &db, QString *err) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            *err = QStringLiteral("%1: %2").arg(sql, q.lastError().text());
            return false;
        }
        return true;
    });
    return created ? newUrl : QString();
}

bool WalletctlFixture::dropPostgresDatabase(const QString &url, QString *why) {
    const auto target = DatabaseUrl::parse(url, why);
    if (!target)
        return false;
    // A name this fixture made (freshPostgresDatabase), so quoting it is enough.
    const QString sql = QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(target->database);
    return withDatabaseAt(m_adminUrl, why, [&](QSqlDatabase &db, QString *err) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            *err = QStringLiteral("%1: %2").arg(sql, q.lastError().text());
            return false;
        }
        return true;
    });
}

void WalletctlFixture::seedLedger() {
    WC_OK(wc({QStringLiteral("init")}));
    WC_OK(wc({QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("USD"),
              QStringLiteral("--exponent"), QStringLiteral("2"), QStringLiteral("--name"),
              QStringLiteral("US dollar")}));
    WC_OK(wc({QStringLiteral("currency"), QStringLiteral("add"), QStringLiteral("GOLD"),
              QStringLiteral("--exponent"), QStringLiteral("0")}));
    const QList<QStringList> ops{
        {QStringLiteral("sam"), QStringLiteral("support"), QStringLiteral("USD:100.00")},
        {QStringLiteral("sue"), QStringLiteral("supervisor")},
        {QStringLiteral("sid"), QStringLiteral("supervisor"), QStringLiteral("USD:1.00")},
        {QStringLiteral("vera"), QStringLiteral("viewer")},
    };
    for (const QStringList &o : ops) {
        QStringList args{QStringLiteral("operator"), QStringLiteral("add"), o[0], QStringLiteral("--role"),
                         o[1]};
        if (o.size() > 2)
            args << QStringLiteral("--limit") << o[2];
        WC_OK(wc(args));
    }
    createAccount(QStringLiteral("p1"), QStringLiteral("USD"), &m_usd1);
    if (QTest::currentTestFailed())
        return;
    createAccount(QStringLiteral("p1"), QStringLiteral("GOLD"), &m_gold1);
    if (QTest::currentTestFailed())
        return;
    createAccount(QStringLiteral("p2"), QStringLiteral("USD"), &m_usd2);
    if (QTest::currentTestFailed())
        return;
    post({QStringLiteral("deposit"), QStringLiteral("--account"), m_usd1, QStringLiteral("--amount"),
          QStringLiteral("50.00"), QStringLiteral("--key"), QStringLiteral("seed-1")},
         &m_seedTxn);
}

bool WalletctlFixture::throughServer(const QStringList &args, const Env &env, QByteArray *input) {
    QStringList positional;
    QString op = env.value(QStringLiteral("WALLETDESK_OPERATOR"), QStringLiteral("root"));
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a.startsWith(u"--")) {
            const QString name = a.mid(2).section(u'=', 0, 0);
            if (ValueOptions.contains(name) && !a.contains(u'=')) {
                if ((name == u"as" || name == u"operator") && i + 1 < args.size())
                    op = args.at(i + 1);
                ++i;
            }
            continue;
        }
        positional << a;
    }
    if (positional.isEmpty() || localOnly(positional))
        return false;
    if (!m_walletd) {
        auto walletd = std::make_unique<WalletdTest::Walletd>();
        const QString error = walletd->startAdminOnly(m_url);
        if (!error.isEmpty()) {
            qWarning("walletd did not start: %s", qPrintable(error));
            return false; // the test then fails on what it expected from walletd
        }
        m_walletd = std::move(walletd);
    }
    if (!m_withPassword.contains(op)) {
        // As an administrator would before handing out access; an operator that does not exist gets none.
        const bool saved = m_serverMode;
        m_serverMode = false;
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("WALLETDESK_DB"));
        p.setProcessEnvironment(e);
        p.start(m_walletctl, {QStringLiteral("--db"), m_url, QStringLiteral("--as"), QStringLiteral("root"),
                              QStringLiteral("operator"), QStringLiteral("passwd"), op});
        if (p.waitForStarted(30000)) {
            p.write(WalletdTest::Password.toUtf8() + '\n');
            p.closeWriteChannel();
            p.waitForFinished(60000);
            if (p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
                m_withPassword.insert(op);
        }
        m_serverMode = saved;
    }
    *input = WalletdTest::Password.toUtf8() + '\n';
    return true;
}

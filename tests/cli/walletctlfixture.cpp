#include "walletctlfixture.h"

namespace {

/// walletctl's options that take a value (app/walletctl/walletctl.cpp), to find the command among the
/// arguments.
const QSet<QString> ValueOptions{
    QStringLiteral("db"),       QStringLiteral("server"),     QStringLiteral("as"),
    QStringLiteral("operator"), QStringLiteral("players"),    QStringLiteral("days"),
    QStringLiteral("seed"),     QStringLiteral("key"),        QStringLiteral("account"),
    QStringLiteral("to"),       QStringLiteral("from"),       QStringLiteral("amount"),
    QStringLiteral("items"),    QStringLiteral("reason"),     QStringLiteral("ticket"),
    QStringLiteral("memo"),     QStringLiteral("comment"),    QStringLiteral("player"),
    QStringLiteral("currency"), QStringLiteral("name"),       QStringLiteral("exponent"),
    QStringLiteral("at"),       QStringLiteral("limit"),      QStringLiteral("before"),
    QStringLiteral("role"),     QStringLiteral("digest-out"), QStringLiteral("expect-digest")};

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

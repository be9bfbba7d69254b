#include "dialogfixture.h"

using namespace DialogTest;
using WalletDeskTest::await;

void DialogFixture::setUpCase() {
    // The offscreen platform warns about every top-level window it cannot fit to its size hints. Installed
    // here, after QTest's own handler, which then gets everything else.
    static QtMessageHandler testHandler = nullptr;
    testHandler =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &text) {
            if (!text.contains(u"propagateSizeHints"))
                testHandler(type, context, text);
        });
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    LedgerDialog::setConfirmThreshold(1000);
    LedgerDialog::setConfirmDelay(50);
    LedgerCheck::setDelay(20);
}

void DialogFixture::setUpTest() {
    const QString backend =
        qEnvironmentVariable("WALLETDESK_TEST_BACKENDS", QStringLiteral("sqlite")).section(u',', 0, 0);
    QString error;
    m_url = WalletDeskTest::databaseUrl(backend, m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const auto url = DatabaseUrl::parse(m_url, &error);
    QVERIFY(url);
    m_ledger = std::make_unique<LedgerService>();
    QVERIFY(await(m_ledger->open(*url)).ok());
    ok(m_ledger->run([](LedgerStore &s) { return s.bootstrapAdmin(Admin.operatorName); }));
    ok(m_ledger->run([](LedgerStore &s) {
        return s.addCurrency(Admin, Currency{QStringLiteral("USD"), 2, QStringLiteral("US dollar")});
    }));
    ok(m_ledger->run([](LedgerStore &s) {
        return s.addCurrency(Admin, Currency{QStringLiteral("GOLD"), 0, {}});
    }));
    auto addOperator = [this](const QString &name, Role role, QMap<QString, qint64> limits = {}) {
        OperatorInfo o;
        o.name = name;
        o.role = role;
        o.limits = limits;
        ok(m_ledger->run([o](LedgerStore &s) { return s.addOperator(Admin, o); }));
    };
    addOperator(Sam.operatorName, Role::Support, {{QStringLiteral("USD"), 10000}});
    addOperator(Sue.operatorName, Role::Supervisor);
    addOperator(Sid.operatorName, Role::Supervisor, {{QStringLiteral("USD"), 10000}});
    addOperator(QStringLiteral("vera"), Role::Viewer);
    auto create = [this](const QString &ref, const QString &name, const QString &currency) {
        return ok(m_ledger->run([=](LedgerStore &s) {
                   return s.createAccount(Sue, NewAccount{currency, ref, name, false});
               }))
            .id;
    };
    m_ann = create(QStringLiteral("1001"), QStringLiteral("Ann"), QStringLiteral("USD"));
    m_ben = create(QStringLiteral("1002"), QStringLiteral("Ben"), QStringLiteral("USD"));
    m_annGold = create(QStringLiteral("1001"), QStringLiteral("Ann"), QStringLiteral("GOLD"));
    ok(m_ledger->post(Sue,
                      request(TransactionKind::Deposit, m_ann, 50000, QStringLiteral("seed")))); // 500.00
}

void DialogFixture::tearDownTest() {
    m_clients.clear();
    m_ledger.reset();
}

// walletd end to end, the game APIs (../shared/compat-apis.md): both families' answers, the service token,
// bad input, concurrent charges and wins on one player, and walletd's defaults on the demo ledger. A real
// walletd process on loopback over a real ledger (WALLETDESK_TEST_BACKENDS); each test function and data row
// gets a fresh ledger and server (WalletdTestCase).

#include "demogenerator.h"
#include "ledgerservice.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QtTest>

using namespace WalletdTest;

class TestWalletdGame : public WalletdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void walletServerFamily();
    void serverlessFamily();
    void gameApiNeedsTheServiceToken();
    void insecureFlagWarnsAndOpensTheGameApi();
    void parallelChargesAndWinsOnOnePlayerApplyOnce();
    void badGameInputIs400_data();
    void badGameInputIs400();
    void theDefaultsServeTheDemoLedger();
};

void TestWalletdGame::walletServerFamily() {
    const qint64 acc = createPlayer(QStringLiteral("123123"));
    deposit(acc, 1000, "seed"); // 10.00 USD
    const QUrl chargeUrl = m_walletd->url(QStringLiteral("/api/v1/charge"));
    const QUrl winUrl = m_walletd->url(QStringLiteral("/api/v1/win"));
    auto post = [&](const QUrl &url, const QByteArray &body) {
        return m_http.request("POST", url, body, {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
    };
    Reply r = post(chargeUrl, charge("EventId", 123123, 321123, "1.00"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":true,"UserId":123123,"AccountBalance":9.00})"));
    r = post(winUrl, charge("WinningEventId", 123123, 312123321, "10.00"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":true,"UserId":123123,"AccountBalance":19.00})"));
    // A repeat answers with the current balance and posts nothing; the same id with another amount is 409.
    r = post(chargeUrl, charge("EventId", 123123, 321123, "1.00"));
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":true,"UserId":123123,"AccountBalance":19.00})"));
    r = post(chargeUrl, charge("EventId", 123123, 321123, "1.5"));
    QCOMPARE(r.status, 409);
    QCOMPARE(r.body,
             QByteArrayLiteral(R"({"success":false,"error":"Request has a conflict with existing data."})"));
    // Charge and win ids are separate spaces.
    r = post(winUrl, charge("WinningEventId", 123123, 321123, "0.01"));
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":true,"UserId":123123,"AccountBalance":19.01})"));
    r = post(chargeUrl, charge("EventId", 123123, 5, "19.02"));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":false,"error":"Account balance is too low"})"));
    r = post(chargeUrl, charge("EventId", 123123, 6, "-1.00"));
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":false,"error":"Amount value is negative"})"));
    r = post(winUrl, charge("WinningEventId", 123123, 6, "-1.00"));
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":false,"error":"Winning amount is negative"})"));
    r = post(chargeUrl, charge("EventId", 555, 6, "1.00"));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":false,"error":"Unknown user"})"));
    r = post(chargeUrl, R"({"UserId":123123,"Amount":1.00})");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":false,"error":"EventId is required"})"));
    r = post(chargeUrl, charge("EventId", 123123, 7, "1.001"));
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json().value(QStringLiteral("error")).toString().startsWith(u"Amount is not a valid amount"),
             r.body);
    // Exact decimals, never a double: 0.1 + 0.2 is 0.3.
    post(winUrl, charge("WinningEventId", 123123, 8, "0.1"));
    r = post(winUrl, charge("WinningEventId", 123123, 9, "0.2"));
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":true,"UserId":123123,"AccountBalance":19.31})"));
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {acc}), qint64(1931));
}

void TestWalletdGame::serverlessFamily() {
    auto call = [&](const QByteArray &method, const QString &pathAndQuery) {
        return m_http.request(method, m_walletd->url(pathAndQuery), {},
                              {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
    };
    Reply r = call("POST",
                   QStringLiteral("/createwallet?CreateWalletID=77&phonenum=1&panid=X&txn_date=2026-01-01"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body,
             QByteArrayLiteral(R"({"CreateWalletID":77,"message":"New wallet created successfully"})"));
    r = call("POST", QStringLiteral("/createwallet?CreateWalletID=77"));
    QCOMPARE(r.body, QByteArrayLiteral(R"({"CreateWalletID":77,"message":"Wallet already exists"})"));
    r = call("GET", QStringLiteral("/getfunds?WalletID=77"));
    QCOMPARE(r.body, QByteArrayLiteral(R"({"WalletID":77,"Balance":0.00})"));
    r = call("GET", QStringLiteral("/getfunds?WalletID=78"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.body, QByteArrayLiteral(R"({"WalletID":78,"message":"Wallet not found"})"));
    r = call(
        "POST",
        QStringLiteral(
            "/addfunds?WalletID=77&txn_source=shop&txn_ref=R1&txn_type=card&txn_amount=25.50&txn_date=x"));
    QCOMPARE(r.status, 200);
    QCOMPARE(
        r.body,
        QByteArrayLiteral(
            R"({"WalletID":77,"old_balance":0.00,"current_balance":25.50,"message":"Funds added successfully"})"));
    r = call("POST", QStringLiteral("/addfunds?WalletID=77&txn_ref=R1&txn_amount=25.50"));
    QCOMPARE(
        r.body,
        QByteArrayLiteral(
            R"({"WalletID":77,"old_balance":0.00,"current_balance":25.50,"message":"Funds added successfully"})"));
    r = call("POST", QStringLiteral("/withdrawfunds?WalletID=77&txn_ref=R2&txn_amount=5"));
    QCOMPARE(
        r.body,
        QByteArrayLiteral(
            R"({"WalletID":77,"old_balance":25.50,"current_balance":20.50,"message":"Funds withdrawn successfully"})"));
    r = call("POST", QStringLiteral("/withdrawfunds?WalletID=77&txn_ref=R3&txn_amount=20.51"));
    QCOMPARE(r.status, 402);
    QCOMPARE(r.body, QByteArrayLiteral(R"({"WalletID":77,"message":"Insufficient funds to redeem"})"));
    r = call("POST", QStringLiteral("/addfunds?WalletID=77&txn_ref=R4&txn_amount=-5"));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.body, QByteArrayLiteral(R"({"message":"txn_amount must be greater than zero"})"));
    r = call("POST", QStringLiteral("/addfunds?WalletID=77&txn_ref=R4&txn_amount=abc"));
    QCOMPARE(r.status, 400);
    r = call("POST", QStringLiteral("/addfunds?WalletID=77&txn_amount=1"));
    QCOMPARE(r.body, QByteArrayLiteral(R"({"message":"txn_ref is required"})"));
    r = call("GET", QStringLiteral("/transactions?WalletID=77"));
    QCOMPARE(r.status, 200);
    const QJsonArray txns = r.json().value(QStringLiteral("transactions")).toArray();
    QCOMPARE(txns.size(), 2); // newest first
    QCOMPARE(txns.at(0).toObject().value(QStringLiteral("txn_ref")).toString(), QStringLiteral("R2"));
    QCOMPARE(txns.at(1).toObject().value(QStringLiteral("txn_ref")).toString(), QStringLiteral("R1"));
    // Both families see the same wallet.
    r = m_http.request("POST", m_walletd->url(QStringLiteral("/api/v1/charge")),
                       charge("EventId", 77, 1, "0.50"),
                       {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":true,"UserId":77,"AccountBalance":20.00})"));
}

void TestWalletdGame::gameApiNeedsTheServiceToken() {
    createPlayer(QStringLiteral("5"));
    Reply r = m_http.request("POST", m_walletd->url(QStringLiteral("/api/v1/charge")),
                             charge("EventId", 5, 1, "1"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.body, QByteArrayLiteral(R"({"success":false,"error":"Unauthorized"})"));
    r = m_http.request("GET", m_walletd->url(QStringLiteral("/getfunds?WalletID=5")), {},
                       {{"Authorization", "Bearer wrong-token"}});
    QCOMPARE(r.status, 401);
    // An operator's token is not a service token.
    r = m_http.request("GET", m_walletd->url(QStringLiteral("/getfunds?WalletID=5")), {},
                       {{"Authorization", "Bearer " + m_root.toLatin1()}});
    QCOMPARE(r.status, 401);
    r = m_http.request("GET", m_walletd->url(QStringLiteral("/getfunds?WalletID=5")), {},
                       {{"X-Service-Token", ServiceToken.toLatin1()}});
    QCOMPARE(r.status, 200);
}

void TestWalletdGame::insecureFlagWarnsAndOpensTheGameApi() {
    Walletd open;
    QVERIFY(open.start(m_url, {QStringLiteral("--game-api-insecure")}).isEmpty());
    QTRY_VERIFY(open.log().contains(u"WARNING: --game-api-insecure"));
    createPlayer(QStringLiteral("6"));
    QCOMPARE(m_http.get(open.url(QStringLiteral("/getfunds?WalletID=6"))).status, 200);
    // The admin API still needs its token.
    QCOMPARE(m_http.get(open.url(QStringLiteral("/admin/v1/accounts"))).status, 401);
    QCOMPARE(open.stop(), 0);
}

void TestWalletdGame::parallelChargesAndWinsOnOnePlayerApplyOnce() {
    const qint64 acc = createPlayer(QStringLiteral("900"));
    deposit(acc, 100000, "seed"); // 1000.00
    // 8 managers x 6 connections: 48 at once. 200 charges of 1.00 and 100 wins of 0.50, each sent twice.
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    nams.reserve(8);
    for (int i = 0; i < 8; ++i)
        nams.push_back(std::make_unique<QNetworkAccessManager>());
    QList<QNetworkReply *> replies;
    auto send = [&](int n, const char *path, const QByteArray &body) {
        QNetworkRequest req(m_walletd->url(QString::fromLatin1(path)));
        req.setRawHeader("Authorization", "Bearer " + ServiceToken.toLatin1());
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        replies << nams[size_t(n % 8)]->post(req, body);
    };
    for (int round = 0; round < 2; ++round)
        for (int i = 0; i < 200; ++i) {
            send(i, "/api/v1/charge", charge("EventId", 900, i, "1.00"));
            if (i % 2 == 0)
                send(i + 1, "/api/v1/win", charge("WinningEventId", 900, i, "0.50"));
        }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }),
        60000);
    for (QNetworkReply *r : replies)
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {acc}),
             qint64(100000 - 200 * 100 + 100 * 50));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM entries WHERE account_id = ?"), {acc}),
             qint64(301));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(DISTINCT idempotency_key) FROM transactions")),
             qint64(301));
    const Reply v = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/verify")), {}, m_root);
    QCOMPARE(v.json().value(QStringLiteral("ok")).toBool(), true);
    // The batcher put several charges in one commit: fewer audit rows of batches than charges.
    QVERIFY(raw.scalar(QStringLiteral(
                "SELECT COUNT(*) FROM audit_log WHERE operator = 'game' AND action = 'post'")) < 300);
}

void TestWalletdGame::badGameInputIs400_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("error");
    QTest::newRow("amount in exponent form")
        << QByteArray(R"({"UserId":11,"EventId":1,"Amount":1e2})")
        << QStringLiteral("Amount is not a valid amount: amount \"1e2\" is not a plain decimal number");
    QTest::newRow("UserId a string") << QByteArray(R"({"UserId":"11","EventId":1,"Amount":1})")
                                     << QStringLiteral("UserId must be a non-negative integer");
}

void TestWalletdGame::badGameInputIs400() {
    QFETCH(QByteArray, body);
    QFETCH(QString, error);
    const qint64 acc = createPlayer(QStringLiteral("11"));
    deposit(acc, 1000, "seed");
    const Reply r = m_http.request("POST", m_walletd->url(QStringLiteral("/api/v1/charge")), body,
                                   {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
    QCOMPARE(r.status, 400);
    // The whole body, as the family writes it: success first, then the error as a JSON string.
    const QByteArray quoted =
        QJsonDocument(QJsonArray{error}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
    QCOMPARE(r.body, "{\"success\":false,\"error\":" + quoted + '}');
    QCOMPARE(RawDb(m_url).scalar(QStringLiteral("SELECT COUNT(*) FROM entries WHERE account_id = ?"), {acc}),
             qint64(1)); // the seed only
}

void TestWalletdGame::theDefaultsServeTheDemoLedger() {
    // The demo ledger as walletdesk's first start and `walletctl demo` make it (DemoGenerator), served with
    // walletd's own game currency and game operator: a win posts, as the demo's game operator.
    QVERIFY(m_walletd->stop() == 0);
    m_walletd.reset();
    QTemporaryDir dir;
    QString error;
    const QString url =
        WalletDeskTest::databaseUrl(WalletDeskTest::availableBackends().value(0), dir, &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    {
        LedgerService service;
        QVERIFY(WalletDeskTest::await(service.open(*DatabaseUrl::parse(url, &error))));
        DemoOptions options;
        options.players = 20;
        options.days = 3;
        const auto demo = WalletDeskTest::await(service.run([options](LedgerStore &s) -> Result<DemoSummary> {
            if (const auto admin = s.bootstrapAdmin(QStringLiteral("root")); !admin)
                return admin.error();
            return DemoGenerator(s, options, QStringLiteral("root")).run();
        }));
        QVERIFY2(demo, qPrintable(demo ? QString() : demo.error().message));
    }
    RawDb raw(url);
    const qint64 player = raw.scalar(QStringLiteral(
        "SELECT MIN(CAST(player_ref AS BIGINT)) FROM accounts WHERE kind = 'player' AND currency = 'GOLD' "
        "AND state = 'active'"));
    const qint64 before =
        raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE currency = 'GOLD' AND player_ref = ?"),
                   {QString::number(player)});

    Walletd defaults;
    const QString started = defaults.startWithGameDefaults(url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const Reply win = m_http.request("POST", defaults.url(QStringLiteral("/api/v1/win")),
                                     charge("WinningEventId", player, 1, "5"),
                                     {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
    QCOMPARE(win.status, 200);
    QCOMPARE(win.body, "{\"success\":true,\"UserId\":" + QByteArray::number(player) +
                           ",\"AccountBalance\":" + QByteArray::number(before + 5) + '}');
    QCOMPARE(
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions t JOIN operators o ON o.id = "
                                  "t.operator_id WHERE t.idempotency_key = ? AND o.name = 'game-server'"),
                   {QStringLiteral("win:%1:1").arg(player)}),
        qint64(1));
    QCOMPARE(defaults.stop(), 0);
}

QTEST_GUILESS_MAIN(TestWalletdGame)
#include "tst_walletd_game.moc"

// walletd end to end: a real walletd process on loopback (port 0) over a real ledger, SQLite or the fixture's
// PostgreSQL (WALLETDESK_TEST_BACKENDS), driven over HTTP. Each test function gets a fresh ledger and server.

#include "buildinfo.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

using namespace WalletdTest;

class TestWalletd : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void listensOnAFreePortAndLogsEachRequest();
    void sigtermAnswersWhatIsInFlightAndExitsZero();
    void signInWithPasswordAndToken();
    void failedSignInsAreThrottledAndAudited();
    void sessionsExpireWhenIdleAndAfterTwelveHours();
    void sessionsAreSharedByTwoProcesses();
    void rolesAreEnforcedAndDenialsAudited();
    void adminPostingIsIdempotentAndMapsLedgerErrors();
    void adminListsAndReads();
    void makerCheckerAndReversalOverHttp();
    void walletServerFamily();
    void serverlessFamily();
    void gameApiNeedsTheServiceToken();
    void insecureFlagWarnsAndOpensTheGameApi();
    void badInputIs400NamingTheField();
    void parallelChargesAndWinsOnOnePlayerApplyOnce();
    void walletctlSetsPasswords();
    void servesHttpsWithACertificate();
    void versionHelpAndBadSettingsDoNotServe();
    void thePackagedConfigurationAndHashCommentsWork();
    void connectionCloseIsHonoured();
    void oversizedRequestsAreRefusedBeforeTheyAreRead();
    void pipelinedRequestsAreAnsweredInOrder();
    void verificationRunsInTheBackground();

private:
    qint64 createPlayer(const QString &player, const QString &currency = QStringLiteral("USD"));
    void deposit(qint64 account, qint64 amount, const QByteArray &key);
    QByteArray charge(const char *kind, qint64 user, qint64 event, const QByteArray &amount) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;
    std::unique_ptr<Walletd> m_walletd;
    Http m_http;
    QString m_root;
};

void TestWalletd::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    const QString backend = WalletDeskTest::availableBackends().value(0);
    m_url = WalletDeskTest::databaseUrl(backend, *m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const QString prepared = prepareLedger(m_url);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    m_walletd = std::make_unique<Walletd>();
    const QString started = m_walletd->start(m_url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    m_root = m_http.login(*m_walletd, QStringLiteral("root"));
    QVERIFY(!m_root.isEmpty());
}

void TestWalletd::cleanup() {
    if (m_walletd)
        QCOMPARE(m_walletd->stop(), 0);
    m_walletd.reset();
}

qint64 TestWalletd::createPlayer(const QString &player, const QString &currency) {
    const Reply r =
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/accounts")),
                    QJsonDocument(QJsonObject{{QStringLiteral("currency"), currency},
                                              {QStringLiteral("player"), player},
                                              {QStringLiteral("name"), QStringLiteral("Player ") + player}})
                        .toJson(),
                    m_root);
    if (r.status != 201)
        qFatal("create account: %d %s", r.status, r.body.constData());
    return r.json().value(QStringLiteral("id")).toInteger();
}

void TestWalletd::deposit(qint64 account, qint64 amount, const QByteArray &key) {
    const Reply r = m_http.post(
        m_walletd->url(QStringLiteral("/admin/v1/postings")),
        QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"%2"})").arg(account).arg(amount).toUtf8(),
        m_root, key);
    if (r.status != 200)
        qFatal("deposit: %d %s", r.status, r.body.constData());
}

QByteArray TestWalletd::charge(const char *idField, qint64 user, qint64 event,
                               const QByteArray &amount) const {
    return "{\"UserId\":" + QByteArray::number(user) + ",\"" + idField + "\":" + QByteArray::number(event) +
           ",\"Amount\":" + amount + "}";
}

void TestWalletd::listensOnAFreePortAndLogsEachRequest() {
    QVERIFY(m_walletd->base().startsWith(u"http://127.0.0.1:"));
    QVERIFY(m_walletd->url(QString()).port() > 0);
    const Reply health = m_http.get(m_walletd->url(QStringLiteral("/api/v1/healthcheck")));
    QCOMPARE(health.status, 200);
    QCOMPARE(health.body, QByteArrayLiteral(R"({"success":true,"message":"System is up and running"})"));
    QTRY_VERIFY(m_walletd->log().contains(u"POST /admin/v1/login 200"));
    // time, operator, method, path, status, duration
    const QRegularExpression line(
        QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z root POST /admin/v1/login 200 \d+ms$)"),
        QRegularExpression::MultilineOption);
    QVERIFY2(line.match(m_walletd->log()).hasMatch(), qPrintable(m_walletd->log()));
    QTRY_VERIFY(m_walletd->log().contains(u"GET /api/v1/healthcheck 200"));
}

void TestWalletd::sigtermAnswersWhatIsInFlightAndExitsZero() {
    const qint64 acc = createPlayer(QStringLiteral("42"));
    deposit(acc, 1000000, "seed");
    // Fire charges on several connections, then SIGTERM while they are in flight.
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
    QList<QNetworkReply *> replies;
    for (int c = 0; c < 8; ++c) {
        nams.push_back(std::make_unique<QNetworkAccessManager>());
        for (int i = 0; i < 6; ++i) {
            QNetworkRequest req(m_walletd->url(QStringLiteral("/api/v1/charge")));
            req.setRawHeader("Authorization", "Bearer " + ServiceToken.toLatin1());
            req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            replies << nams.back()->post(req, charge("EventId", 42, c * 100 + i, "1.00"));
        }
    }
    QTest::qWait(30); // some requests reach the server
    const int code = m_walletd->stop();
    QCOMPARE(code, 0);
    QTRY_VERIFY(
        std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }));
    int acknowledged = 0;
    for (QNetworkReply *r : replies) {
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        QVERIFY2(status == 0 || status == 200 || status == 503, qPrintable(QString::number(status)));
        acknowledged += status == 200;
    }
    // Every acknowledged charge is in the ledger, and nothing else was charged.
    RawDb raw(m_url);
    const qint64 charged =
        raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key LIKE 'charge:%'"));
    QCOMPARE(charged, qint64(acknowledged));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {acc}),
             1000000 - 100 * charged);
    m_walletd.reset();
}

void TestWalletd::signInWithPasswordAndToken() {
    const Reply who = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/session")), m_root);
    QCOMPARE(who.status, 200);
    QCOMPARE(who.json().value(QStringLiteral("operator")).toString(), QStringLiteral("root"));
    QCOMPARE(who.json().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));

    const Reply wrong = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/login")),
                                    R"({"operator":"sam","password":"wrong password"})");
    QCOMPARE(wrong.status, 401);
    QCOMPARE(wrong.error(), QStringLiteral("wrong operator name or password"));
    const Reply unknown = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/login")),
                                      R"({"operator":"nobody","password":"wrong password"})");
    QCOMPARE(unknown.status, 401);
    QCOMPARE(unknown.error(), wrong.error()); // does not tell which names exist

    const Reply none = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts")));
    QCOMPARE(none.status, 401);
    const Reply forged =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts")), QStringLiteral("forged"));
    QCOMPARE(forged.status, 401);

    const QString sam = m_http.login(*m_walletd, QStringLiteral("sam"));
    QVERIFY(!sam.isEmpty());
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts")), sam).status, 200);
    QCOMPARE(m_http.post(m_walletd->url(QStringLiteral("/admin/v1/logout")), {}, sam).status, 200);
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts")), sam).status, 401);

    // Stored: an Argon2id hash (19 MiB, 2 passes, 1 lane), never the password; only hashes of tokens.
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM operators WHERE password_hash LIKE "
                                       "'$argon2id$v=19$m=19456,t=2,p=1$%'")),
             qint64(5));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM sessions WHERE token_hash = ?"), {m_root}),
             qint64(0));
    QCOMPARE(raw.scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND outcome = 'failed' "
                 "AND operator = 'nobody' AND detail = 'unknown operator'")),
             qint64(1));
}

void TestWalletd::failedSignInsAreThrottledAndAudited() {
    for (int i = 0; i < 5; ++i)
        QCOMPARE(m_http.login(*m_walletd, QStringLiteral("sue"), QStringLiteral("guess %1").arg(i)),
                 QString());
    // The sixth attempt is refused without looking at the password, even the right one.
    const Reply r = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/login")),
                                QJsonDocument(QJsonObject{{QStringLiteral("operator"), QStringLiteral("sue")},
                                                          {QStringLiteral("password"), Password}})
                                    .toJson());
    QCOMPARE(r.status, 429);
    QVERIFY2(r.error().startsWith(u"too many failed sign-ins for sue; try again in "), qPrintable(r.error()));
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(
                 QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND operator = 'sue' "
                                "AND outcome = 'failed'")),
             qint64(5));
    QCOMPARE(raw.scalar(
                 QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'login' AND operator = 'sue' "
                                "AND outcome = 'throttled'")),
             qint64(1));
    // Other names are not affected; once the wait is over (moved into the past here) sue gets in.
    QVERIFY(!m_http.login(*m_walletd, QStringLiteral("sam")).isEmpty());
    QVERIFY(raw.exec(QStringLiteral("UPDATE login_failures SET last_failure_at = last_failure_at - 60000")));
    QVERIFY(!m_http.login(*m_walletd, QStringLiteral("sue")).isEmpty());
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM login_failures WHERE operator_name = 'sue'")),
             qint64(0));
}

void TestWalletd::sessionsExpireWhenIdleAndAfterTwelveHours() {
    const QString idle = m_http.login(*m_walletd, QStringLiteral("vera"));
    const QString old = m_http.login(*m_walletd, QStringLiteral("sam"));
    RawDb raw(m_url);
    // 29 idle minutes are fine; 31 are not.
    QVERIFY(raw.exec(
        QStringLiteral("UPDATE sessions SET last_seen_at = last_seen_at - 29 * 60000 WHERE operator_id = "
                       "(SELECT id FROM operators WHERE name = 'vera')")));
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/currencies")), idle).status, 200);
    QVERIFY(raw.exec(
        QStringLiteral("UPDATE sessions SET last_seen_at = last_seen_at - 31 * 60000 WHERE operator_id = "
                       "(SELECT id FROM operators WHERE name = 'vera')")));
    const Reply expired = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/currencies")), idle);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.error(), QStringLiteral("not signed in, or the session has expired; sign in again"));
    // In use all along, but signed in 12 hours and a minute ago.
    QVERIFY(raw.exec(
        QStringLiteral("UPDATE sessions SET created_at = created_at - 721 * 60000 WHERE operator_id = "
                       "(SELECT id FROM operators WHERE name = 'sam')")));
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/currencies")), old).status, 401);
    QCOMPARE(raw.scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM sessions WHERE operator_id IN (SELECT id FROM operators "
                 "WHERE name IN ('sam', 'vera'))")),
             qint64(0));
}

void TestWalletd::sessionsAreSharedByTwoProcesses() {
    Walletd second;
    const QString started = second.start(m_url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY(second.base() != m_walletd->base());
    const QString token = m_http.login(second, QStringLiteral("sue"));
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/session")), token).status, 200);
    QCOMPARE(m_http.post(m_walletd->url(QStringLiteral("/admin/v1/logout")), {}, token).status, 200);
    QCOMPARE(m_http.get(second.url(QStringLiteral("/admin/v1/session")), token).status, 401);
    // Throttling counts failures made at either process.
    for (int i = 0; i < 3; ++i) {
        m_http.login(*m_walletd, QStringLiteral("vera"), QStringLiteral("bad"));
        m_http.login(second, QStringLiteral("vera"), QStringLiteral("bad"));
    }
    QCOMPARE(m_http
                 .post(second.url(QStringLiteral("/admin/v1/login")),
                       QJsonDocument(QJsonObject{{QStringLiteral("operator"), QStringLiteral("vera")},
                                                 {QStringLiteral("password"), Password}})
                           .toJson())
                 .status,
             429);
    QCOMPARE(second.stop(), 0);
}

void TestWalletd::rolesAreEnforcedAndDenialsAudited() {
    const qint64 acc = createPlayer(QStringLiteral("7"));
    const QString vera = m_http.login(*m_walletd, QStringLiteral("vera"));
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1").arg(acc)), vera).status, 200);
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/journal")), vera).status, 200);

    const Reply audit = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/audit")), vera);
    QCOMPARE(audit.status, 403);
    QCOMPARE(audit.code(), QStringLiteral("permission_denied"));
    QCOMPARE(audit.error(),
             QStringLiteral("reading the audit log needs the supervisor role; vera is viewer"));
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/operators")), vera).status, 403);
    QCOMPARE(m_http.post(m_walletd->url(QStringLiteral("/admin/v1/verify")), {}, vera).status, 403);

    const Reply post =
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/postings")),
                    QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"100"})").arg(acc).toUtf8(),
                    vera, "vera-1");
    QCOMPARE(post.status, 403);
    const Reply freeze = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/freeze").arg(acc)),
                                     R"({"reason":"test"})", m_http.login(*m_walletd, QStringLiteral("sam")));
    QCOMPARE(freeze.status, 403);

    const QString sue = m_http.login(*m_walletd, QStringLiteral("sue"));
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/audit")), sue).status, 200);
    const Reply verify = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/verify")), {}, sue);
    QCOMPARE(verify.status, 200);
    QCOMPARE(verify.json().value(QStringLiteral("ok")).toBool(), true);

    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM audit_log WHERE operator = 'vera' AND outcome = 'denied'")),
             qint64(4)); // audit, operators, verify (walletd) and the posting (the ledger)
    QCOMPARE(raw.scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM audit_log WHERE operator = 'sam' AND outcome = 'denied'")),
             qint64(1));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {acc}), qint64(0));
}

void TestWalletd::adminPostingIsIdempotentAndMapsLedgerErrors() {
    const qint64 acc = createPlayer(QStringLiteral("8"));
    const QUrl postings = m_walletd->url(QStringLiteral("/admin/v1/postings"));
    const QByteArray body =
        QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"1250"})").arg(acc).toUtf8();
    const Reply first = m_http.post(postings, body, m_root, "k-1");
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QStringLiteral("status")).toString(), QStringLiteral("posted"));
    QCOMPARE(first.json().value(QStringLiteral("replayed")).toBool(), false);
    const Reply again = m_http.post(postings, body, m_root, "k-1");
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QStringLiteral("replayed")).toBool(), true);
    QCOMPARE(again.json().value(QStringLiteral("transaction_id")),
             first.json().value(QStringLiteral("transaction_id")));

    const Reply conflict = m_http.post(
        postings, QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"1251"})").arg(acc).toUtf8(),
        m_root, "k-1");
    QCOMPARE(conflict.status, 409);
    QCOMPARE(conflict.code(), QStringLiteral("idempotency_conflict"));

    const Reply noKey = m_http.post(postings, body, m_root);
    QCOMPARE(noKey.status, 400);
    QCOMPARE(noKey.error(), QStringLiteral("an idempotency key is required")); // the ledger's own words

    const Reply poor = m_http.post(
        postings, QStringLiteral(R"({"kind":"withdrawal","account":%1,"amount":"1251"})").arg(acc).toUtf8(),
        m_root, "k-2");
    QCOMPARE(poor.status, 422);
    QCOMPARE(poor.code(), QStringLiteral("insufficient_funds"));
    QVERIFY2(poor.error().startsWith(u"insufficient funds"), qPrintable(poor.error()));

    const Reply missing = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/999999")), m_root);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.code(), QStringLiteral("not_found"));

    const Reply account =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1").arg(acc)), m_root);
    QCOMPARE(account.json().value(QStringLiteral("balance")).toString(), QStringLiteral("1250"));
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE idempotency_key = 'k-1'")),
             qint64(1));
}

void TestWalletd::adminListsAndReads() {
    QList<qint64> ids;
    for (int i = 0; i < 5; ++i) {
        ids << createPlayer(QStringLiteral("p%1").arg(i));
        deposit(ids.last(), 100 * (i + 1), QByteArray("d") + QByteArray::number(i));
    }
    const QString vera = m_http.login(*m_walletd, QStringLiteral("vera"));
    // Sorted by balance, descending, two at a time: keyset continuation from the last row.
    const Reply page1 = m_http.get(
        m_walletd->url(QStringLiteral("/admin/v1/accounts?currency=USD&sort=balance&desc=1&limit=2")), vera);
    QCOMPARE(page1.status, 200);
    const QJsonArray a1 = page1.json().value(QStringLiteral("accounts")).toArray();
    QCOMPARE(a1.size(), 2);
    QCOMPARE(a1.at(0).toObject().value(QStringLiteral("balance")).toString(), QStringLiteral("500"));
    QCOMPARE(a1.at(1).toObject().value(QStringLiteral("balance")).toString(), QStringLiteral("400"));
    const Reply page2 = m_http.get(
        m_walletd->url(
            QStringLiteral("/admin/v1/accounts?currency=USD&sort=balance&desc=1&limit=2&offset=2&after_id="
                           "%1&after_value=400")
                .arg(a1.at(1).toObject().value(QStringLiteral("id")).toInteger())),
        vera);
    QCOMPARE(page2.json().value(QStringLiteral("offset")).toInteger(), 2);
    QCOMPARE(page2.json()
                 .value(QStringLiteral("accounts"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("balance")),
             QJsonValue(QStringLiteral("300")));
    const Reply search = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts?search=p3")), vera);
    QCOMPARE(search.json().value(QStringLiteral("accounts")).toArray().size(), 1);
    const Reply count = m_http.get(
        m_walletd->url(QStringLiteral("/admin/v1/accounts/count?min_balance=250&currency=USD")), vera);
    QCOMPARE(count.json().value(QStringLiteral("count")).toInteger(), 3);

    const Reply history =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/history").arg(ids.at(2))), vera);
    QCOMPARE(history.json().value(QStringLiteral("entries")).toArray().size(), 1);
    QCOMPARE(history.json()
                 .value(QStringLiteral("entries"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("amount")),
             QJsonValue(QStringLiteral("300")));
    const Reply series =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/balances").arg(ids.at(2))), vera);
    QCOMPARE(series.json()
                 .value(QStringLiteral("points"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("closing")),
             QJsonValue(QStringLiteral("300")));
    const Reply journal =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/journal?kind=deposit&limit=3")), vera);
    QCOMPARE(journal.json().value(QStringLiteral("lines")).toArray().size(), 3);
    const Reply currencies = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/currencies")), vera);
    QCOMPARE(currencies.json().value(QStringLiteral("currencies")).toArray().size(), 2);
    const Reply t1 = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/changes")), vera);
    deposit(ids.at(0), 1, "more");
    const Reply t2 = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/changes")), vera);
    QVERIFY(t2.json().value(QStringLiteral("token")).toString().toLongLong() >
            t1.json().value(QStringLiteral("token")).toString().toLongLong());
    const Reply tx = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/transactions/%1")
                                                   .arg(history.json()
                                                            .value(QStringLiteral("entries"))
                                                            .toArray()
                                                            .at(0)
                                                            .toObject()
                                                            .value(QStringLiteral("transaction_id"))
                                                            .toInteger())),
                                vera);
    QCOMPARE(tx.status, 200);
    QCOMPARE(tx.json().value(QStringLiteral("entries")).toArray().size(), 2);
    const Reply ops = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/operators")), m_root);
    QCOMPARE(ops.json().value(QStringLiteral("operators")).toArray().size(), 5);
}

void TestWalletd::makerCheckerAndReversalOverHttp() {
    const qint64 acc = createPlayer(QStringLiteral("9"));
    const QString sam = m_http.login(*m_walletd, QStringLiteral("sam"));
    const QString sue = m_http.login(*m_walletd, QStringLiteral("sue"));
    const Reply big = m_http.post(
        m_walletd->url(QStringLiteral("/admin/v1/postings")),
        QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"20000"})").arg(acc).toUtf8(), sam, "big");
    QCOMPARE(big.status, 202);
    const qint64 approval = big.json().value(QStringLiteral("approval_id")).toInteger();
    QVERIFY(approval > 0);
    const Reply pending = m_http.get(m_walletd->url(QStringLiteral("/admin/v1/approvals")), sue);
    QCOMPARE(pending.json().value(QStringLiteral("approvals")).toArray().size(), 1);
    const Reply self =
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/approvals/%1/approve").arg(approval)),
                    R"({"comment":"mine"})", sam);
    QCOMPARE(self.status, 403);
    const Reply ok =
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/approvals/%1/approve").arg(approval)),
                    R"({"comment":"fine"})", sue);
    QCOMPARE(ok.status, 200);
    const qint64 tx = ok.json().value(QStringLiteral("transaction_id")).toInteger();
    const Reply rev = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/transactions/%1/reverse").arg(tx)),
                                  R"({"reason":"entered twice"})", sue, "rev-1");
    QCOMPARE(rev.status, 200);
    const Reply twice =
        m_http.post(m_walletd->url(QStringLiteral("/admin/v1/transactions/%1/reverse").arg(tx)),
                    R"({"reason":"entered twice"})", sue, "rev-2");
    QCOMPARE(twice.status, 409);
    QCOMPARE(twice.code(), QStringLiteral("already_reversed"));
    const Reply freeze = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/freeze").arg(acc)),
                                     R"({"reason":"fraud"})", sue);
    QCOMPARE(freeze.status, 200);
    QCOMPARE(freeze.json().value(QStringLiteral("state")).toString(), QStringLiteral("frozen"));
    const Reply close = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/close").arg(acc)),
                                    R"({"reason":"done"})", sue);
    QCOMPARE(close.status, 200);
    QCOMPARE(close.json().value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
}

void TestWalletd::walletServerFamily() {
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

void TestWalletd::serverlessFamily() {
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

void TestWalletd::gameApiNeedsTheServiceToken() {
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

void TestWalletd::insecureFlagWarnsAndOpensTheGameApi() {
    Walletd open;
    QVERIFY(open.start(m_url, {QStringLiteral("--game-api-insecure")}).isEmpty());
    QTRY_VERIFY(open.log().contains(u"WARNING: --game-api-insecure"));
    createPlayer(QStringLiteral("6"));
    QCOMPARE(m_http.get(open.url(QStringLiteral("/getfunds?WalletID=6"))).status, 200);
    // The admin API still needs its token.
    QCOMPARE(m_http.get(open.url(QStringLiteral("/admin/v1/accounts"))).status, 401);
    QCOMPARE(open.stop(), 0);
}

void TestWalletd::badInputIs400NamingTheField() {
    const qint64 acc = createPlayer(QStringLiteral("11"));
    const QUrl postings = m_walletd->url(QStringLiteral("/admin/v1/postings"));
    struct Case {
        QByteArray body;
        QString message;
    };
    const QList<Case> cases{
        {"{", QStringLiteral("malformed JSON at byte 1: expected a member name in quotes")},
        {"[]", QStringLiteral("the request body must be a JSON object")},
        {"", QStringLiteral("the request body is empty; a JSON object is expected")},
        {R"({"kind":"deposit","amount":"1"})", QStringLiteral("account is required")},
        {R"({"kind":"deposit","account":"x","amount":"1"})",
         QStringLiteral("account must be a whole number in the 64-bit range, not \"x\"")},
        {R"({"kind":"deposit","account":1,"amount":1.5})",
         QStringLiteral("amount must be a whole number in the 64-bit range, not \"1.5\"")},
        {R"({"kind":"deposit","account":1,"amount":"99999999999999999999"})",
         QStringLiteral("amount must be a whole number in the 64-bit range, not \"99999999999999999999\"")},
        {R"({"kind":7,"account":1,"amount":"1"})", QStringLiteral("kind must be a string, not a number")},
        {R"({"kind":"gift","account":1,"amount":"1"})",
         QStringLiteral(
             "kind \"gift\" is not one of deposit, withdrawal, adjustment, transfer, purchase, win, "
             "charge, bonus")},
        {R"({"kind":"deposit","account":1,"amount":"1","memo":[]})",
         QStringLiteral("memo must be a string, not an array")},
        {R"({"kind":"deposit","kind":"deposit"})",
         QStringLiteral("malformed JSON at byte 24: member \"kind\" appears twice")},
        {QByteArray(40, '[') + QByteArray(40, ']'),
         QStringLiteral("malformed JSON at byte 17: nested deeper than 16 levels")},
        {"{\"memo\":\"\xff\"}", QStringLiteral("malformed JSON at byte 11: a string is not valid UTF-8")},
    };
    for (const Case &c : cases) {
        const Reply r = m_http.post(postings, c.body, m_root, "bad");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.code(), QStringLiteral("invalid_argument"));
        QCOMPARE(r.error(), c.message);
    }
    const Reply big = m_http.post(postings, QByteArray(70 * 1024, ' '), m_root, "bad");
    QCOMPARE(big.status, 413);
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/nothing")), m_root).status, 404);
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/abc")), m_root).status, 404);
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts/-1")), m_root).status, 404);
    QCOMPARE(m_http.request("DELETE", m_walletd->url(QStringLiteral("/admin/v1/accounts")), {}).status, 404);
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts?limit=0")), m_root).status, 400);
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts?sort=nope")), m_root).status, 400);
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/accounts?after_id=3")), m_root).status, 400);
    const Reply charge1e2 = m_http.request("POST", m_walletd->url(QStringLiteral("/api/v1/charge")),
                                           R"({"UserId":11,"EventId":1,"Amount":1e2})",
                                           {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
    QCOMPARE(charge1e2.status, 400);
    const Reply userText = m_http.request("POST", m_walletd->url(QStringLiteral("/api/v1/charge")),
                                          R"({"UserId":"11","EventId":1,"Amount":1})",
                                          {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
    QCOMPARE(userText.body,
             QByteArrayLiteral(R"({"success":false,"error":"UserId must be a non-negative integer"})"));
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM entries WHERE account_id = ?"), {acc}),
             qint64(0));
}

void TestWalletd::parallelChargesAndWinsOnOnePlayerApplyOnce() {
    const qint64 acc = createPlayer(QStringLiteral("900"));
    deposit(acc, 100000, "seed"); // 1000.00
    // 8 managers x 6 connections: 48 at once. 200 charges of 1.00 and 100 wins of 0.50, each sent twice.
    std::vector<std::unique_ptr<QNetworkAccessManager>> nams;
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

void TestWalletd::walletctlSetsPasswords() {
    const QString walletctl = qEnvironmentVariable("WALLETCTL");
    QVERIFY(!walletctl.isEmpty());
    auto passwd = [&](const QString &as, const QString &name, const QByteArray &password) {
        QProcess p;
        p.start(walletctl, {QStringLiteral("--db"), m_url, QStringLiteral("--as"), as,
                            QStringLiteral("operator"), QStringLiteral("passwd"), name});
        p.write(password + "\n");
        p.closeWriteChannel();
        p.waitForFinished(30000);
        return std::pair{p.exitCode(),
                         QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError()).trimmed()};
    };
    auto [code, text] = passwd(QStringLiteral("root"), QStringLiteral("vera"), "a new password");
    QCOMPARE(code, 0);
    QCOMPARE(text, QStringLiteral("password of operator vera set"));
    QVERIFY(m_http.login(*m_walletd, QStringLiteral("vera")).isEmpty());
    QVERIFY(!m_http.login(*m_walletd, QStringLiteral("vera"), QStringLiteral("a new password")).isEmpty());
    // Only admins set other operators' passwords; anyone sets their own; short ones are refused.
    std::tie(code, text) = passwd(QStringLiteral("vera"), QStringLiteral("sam"), "another password");
    QCOMPARE(code, 5);
    QCOMPARE(text,
             QStringLiteral(
                 "walletctl: setting another operator's password needs the admin role; vera is viewer"));
    std::tie(code, text) = passwd(QStringLiteral("vera"), QStringLiteral("vera"), "short");
    QCOMPARE(code, 2);
    std::tie(code, text) = passwd(QStringLiteral("root"), QStringLiteral("nobody"), "long enough password");
    QCOMPARE(code, 3);
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(
                 QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'operator-passwd' AND outcome "
                                "= 'denied' AND operator = 'vera'")),
             qint64(1));
}

void TestWalletd::servesHttpsWithACertificate() {
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem")),
                  key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                   QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY(openssl.waitForFinished(60000) && openssl.exitCode() == 0);
    Walletd tls;
    const QString started =
        tls.start(m_url, {QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
    QVERIFY2(started.isEmpty(), qPrintable(started));
    QVERIFY2(tls.base().startsWith(u"https://127.0.0.1:"), qPrintable(tls.base()));
    // Trust exactly this certificate.
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(cert));
    QNetworkRequest request(tls.url(QStringLiteral("/api/v1/healthcheck")));
    request.setSslConfiguration(config);
    QNetworkReply *reply = m_http.manager().get(request);
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 30000);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    reply->deleteLater();
    QCOMPARE(tls.stop(), 0);
}

QTEST_GUILESS_MAIN(TestWalletd)
void TestWalletd::versionHelpAndBadSettingsDoNotServe() {
    const auto run = [](const QStringList &arguments) {
        QProcess p;
        p.start(qEnvironmentVariable("WALLETD"), arguments);
        if (!p.waitForFinished(10000))
            qFatal("walletd %s did not exit", qPrintable(arguments.join(u' ')));
        return std::tuple(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                          QString::fromUtf8(p.readAllStandardError()));
    };
    // One version for every command: the project version and the revision it was built from.
    const auto [versionCode, version, versionErr] = run({QStringLiteral("--version")});
    QCOMPARE(versionCode, 0);
    QCOMPARE(version, QStringLiteral("walletd %1 (%2)\n")
                          .arg(QStringLiteral(WALLETDESK_VERSION), QStringLiteral(WALLETDESK_GIT_REVISION)));
    QVERIFY(QStringLiteral(WALLETDESK_GIT_REVISION) != u"unknown"); // built from a git checkout
    const auto [helpCode, help, helpErr] = run({QStringLiteral("--help")});
    QCOMPARE(helpCode, 0);
    QVERIFY2(help.startsWith(u"usage: walletd --db URL") && help.contains(u"--version"), qPrintable(help));
    const auto [badCode, badOut, bad] = run({QStringLiteral("--db"), m_url, QStringLiteral("--frobnicate")});
    QCOMPARE(badCode, 2);
    QVERIFY(badOut.isEmpty()); // it never got as far as listening
    QVERIFY2(bad.startsWith(u"walletd: unknown argument \"--frobnicate\""), qPrintable(bad));

    // Every mistake is named, and none is ignored: a typo'd flag or key would leave a default silently in
    // force.
    QTemporaryDir dir;
    int files = 0;
    const auto configWith = [&](const QByteArray &lines) {
        const QString path = dir.filePath(QStringLiteral("walletd-%1.conf").arg(++files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write("[walletd]\ndb = " + m_url.toUtf8() + "\n" + lines);
        return path;
    };
    const QList<std::pair<QStringList, QString>> cases{
        {{QStringLiteral("--db=") + m_url, QStringLiteral("--lisen=127.0.0.1:0")},
         QStringLiteral("unknown argument \"--lisen\"")},
        {{QStringLiteral("--db"), m_url, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
          QStringLiteral("--game-api-insecure=false")},
         QStringLiteral("--game-api-insecure takes no value")},
        {{QStringLiteral("--config"), configWith("lisen = 127.0.0.1:0\n")},
         QStringLiteral("unknown setting \"lisen\" in ")},
        {{QStringLiteral("--config"), configWith("listen = 127.0.0.1:0\ngame_api_insecure = yes\n")},
         QStringLiteral("game_api_insecure must be true or false, not \"yes\"")},
        {{QStringLiteral("--config"), dir.filePath(QStringLiteral("missing.conf"))},
         QStringLiteral("cannot read the configuration file ")},
        {{QStringLiteral("--config"), configWith("listen = 127.0.0.1:0\nrequest_deadline_s = 0\n")},
         QStringLiteral("request_deadline_s must be from 1 to 600")},
        {{QStringLiteral("--config"), configWith("listen = 127.0.0.1:0\nmax_batch = many\n")},
         QStringLiteral("max_batch must be from 1 to 10000")},
        {{QStringLiteral("--config"), configWith("listen = 127.0.0.1:0\nmax_body_bytes = 1023\n")},
         QStringLiteral("max_body_bytes must be from 1024 to 16777216")},
    };
    for (const auto &[arguments, message] : cases) {
        const auto [code, out, err] = run(arguments);
        QCOMPARE(code, 2);
        QVERIFY2(out.isEmpty(), qPrintable(out));
        QVERIFY2(err.startsWith(QStringLiteral("walletd: ") + message), qPrintable(err));
    }
}

void TestWalletd::thePackagedConfigurationAndHashCommentsWork() {
    // The file the walletd package installs as /etc/walletd/walletd.conf (flags override its db and listen).
    const QString packaged = qEnvironmentVariable("WALLETD_PACKAGED_CONF");
    QVERIFY2(QFileInfo(packaged).isReadable(), qPrintable(packaged));
    Walletd fromPackage;
    QVERIFY(fromPackage.start(m_url, {QStringLiteral("--config"), packaged}).isEmpty());
    QCOMPARE(m_http.get(fromPackage.url(QStringLiteral("/api/v1/healthcheck"))).status, 200);
    QCOMPARE(fromPackage.stop(), 0);

    // '#' lines are comments even when they hold '=' (QSettings itself knows only ';' comments).
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("commented.conf"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[walletd]\n# a comment = with an equals sign\n#lisen = 1.2.3.4:5\n#game_api_insecure = true\n");
    f.close();
    Walletd commented;
    QVERIFY(commented.start(m_url, {QStringLiteral("--config"), path}).isEmpty());
    createPlayer(QStringLiteral("77"));
    // The commented-out game_api_insecure stayed off: the game API still wants its token.
    QCOMPARE(m_http.get(commented.url(QStringLiteral("/getfunds?WalletID=77"))).status, 401);
    QCOMPARE(commented.stop(), 0);
}

void TestWalletd::connectionCloseIsHonoured() {
    const QUrl base = m_walletd->url(QString());
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    QVERIFY(socket.waitForConnected(5000));
    // Keep-alive by default: two requests on one connection, both answered, the connection still open.
    const QByteArray get = "GET /api/v1/healthcheck HTTP/1.1\r\nHost: walletd\r\n";
    QByteArray received;
    const auto answers = [&] { return received.count("System is up and running"); };
    socket.write(get + "\r\n");
    QTRY_COMPARE((received += socket.readAll(), answers()), 1);
    socket.write(get + "\r\n");
    QTRY_COMPARE((received += socket.readAll(), answers()), 2);
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    QVERIFY(!received.contains("Connection: close"));
    // "Connection: close": answered, said so, and the server closes, so a client reading to the end returns.
    socket.write(get + "Connection: keep-alive, Close\r\n\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    received += socket.readAll();
    QCOMPARE(answers(), 3);
    QVERIFY2(received.contains("\r\nConnection: close\r\n"), received.constData());
}

void TestWalletd::oversizedRequestsAreRefusedBeforeTheyAreRead() {
    const QUrl base = m_walletd->url(QString());
    const auto connected = [&](QTcpSocket &socket) {
        socket.connectToHost(base.host(), quint16(base.port()));
        return socket.waitForConnected(5000);
    };
    const auto readUntil = [](QTcpSocket &socket, const QByteArray &text) {
        QByteArray got;
        QElapsedTimer timer;
        timer.start();
        while (!got.contains(text) && timer.elapsed() < 5000 &&
               socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(100);
            got += socket.readAll();
        }
        return got + socket.readAll();
    };

    // 100 MB announced, none of it sent: the answer comes at once, from the headers alone.
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write("POST /admin/v1/postings HTTP/1.1\r\nHost: walletd\r\nContent-Type: application/json\r\n"
                     "Content-Length: 100000000\r\n\r\n");
        const QByteArray answer = readUntil(socket, "bytes\"}}");
        QVERIFY2(answer.startsWith("HTTP/1.1 413 Payload Too Large\r\n"), answer.constData());
        QVERIFY2(answer.contains("the request body is larger than 65536 bytes"), answer.constData());
        QVERIFY(answer.contains("\r\nConnection: close\r\n"));
        // Too much to be worth reading: the server closes the connection.
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 5000);
    }
    // 1 MB announced and sent after the answer: read and thrown away, then the connection closes.
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write("POST /admin/v1/postings HTTP/1.1\r\nHost: walletd\r\nContent-Length: 1048576\r\n\r\n");
        const QByteArray answer = readUntil(socket, "bytes\"}}");
        QVERIFY2(answer.startsWith("HTTP/1.1 413 "), answer.constData());
        socket.write(QByteArray(1048576, 'x'));
        QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 8000);
    }
    // A chunked body (no length to check up front) and an endless header block are refused too.
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write(
            "POST /admin/v1/postings HTTP/1.1\r\nHost: walletd\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray answer = readUntil(socket, "chunked\"}}");
        QVERIFY2(answer.startsWith("HTTP/1.1 411 Length Required\r\n"), answer.constData());
    }
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write("GET /api/v1/healthcheck HTTP/1.1\r\nX-Padding: " + QByteArray(40 * 1024, 'p'));
        const QByteArray answer = readUntil(socket, "bytes\"}}");
        QVERIFY2(answer.startsWith("HTTP/1.1 431 "), answer.constData());
    }
    // Within the limit nothing changes: a body is skipped over, and the next request on the connection is
    // answered too.
    {
        QTcpSocket socket;
        QVERIFY(connected(socket));
        socket.write("POST /nothing-here HTTP/1.1\r\nHost: walletd\r\nContent-Length: 5\r\n\r\nhello"
                     "GET /api/v1/healthcheck HTTP/1.1\r\nHost: walletd\r\n\r\n");
        const QByteArray answers = readUntil(socket, "System is up and running");
        QVERIFY2(answers.startsWith("HTTP/1.1 404 "), answers.constData());
        QVERIFY2(answers.contains("HTTP/1.1 200 OK"), answers.constData());
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }
    QTRY_VERIFY(m_walletd->log().contains(u" - POST /admin/v1/postings 413 "));
}

void TestWalletd::pipelinedRequestsAreAnsweredInOrder() {
    // Three requests in one write, before any answer: a sign-in (answered late, after the password KDF on a
    // worker), a health check and an unknown route (both answered at once). HTTP/1.1 matches answers to
    // requests by order alone, so the answers must come back in the order the requests went out.
    const QUrl base = m_walletd->url(QString());
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    QVERIFY(socket.waitForConnected(5000));
    const QByteArray login = R"({"operator":"root","password":"not the password"})";
    socket.write("POST /admin/v1/login HTTP/1.1\r\nHost: walletd\r\nContent-Type: application/json\r\n"
                 "Content-Length: " +
                 QByteArray::number(login.size()) + "\r\n\r\n" + login +
                 "GET /api/v1/healthcheck HTTP/1.1\r\nHost: walletd\r\n\r\n"
                 "GET /nowhere HTTP/1.1\r\nHost: walletd\r\n\r\n");
    QByteArray received;
    QTRY_VERIFY_WITH_TIMEOUT((received += socket.readAll(), received.contains("no route GET /nowhere")),
                             10000);
    QList<int> statuses;
    for (qsizetype at = received.indexOf("HTTP/1.1 "); at >= 0; at = received.indexOf("HTTP/1.1 ", at + 1))
        statuses << received.mid(at + 9, 3).toInt();
    QCOMPARE(statuses, (QList<int>{401, 200, 404}));
    QVERIFY(received.indexOf("password") < received.indexOf("System is up and running"));
    QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
}

void TestWalletd::verificationRunsInTheBackground() {
    const qint64 acc = createPlayer(QStringLiteral("8"));
    const QString sue = m_http.login(*m_walletd, QStringLiteral("sue"));
    QCOMPARE(m_http
                 .post(m_walletd->url(QStringLiteral("/admin/v1/postings")),
                       QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"250"})").arg(acc).toUtf8(),
                       sue, "bg-verify-1")
                 .status,
             200);
    const auto bearer = [](const QString &token) {
        return QList<std::pair<QByteArray, QByteArray>>{{"Authorization", "Bearer " + token.toLatin1()}};
    };
    const QUrl jobs = m_walletd->url(QStringLiteral("/admin/v1/verify-jobs"));

    // Supervisors only, like the ledger's verify.
    const QString vera = m_http.login(*m_walletd, QStringLiteral("vera"));
    const Reply denied = m_http.post(jobs, {}, vera);
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.error(),
             QStringLiteral("verifying the ledger needs the supervisor role; vera is viewer"));

    // Started: 202 with an id; followed until done, with the report and the entries counted.
    const Reply started = m_http.post(jobs, {}, sue);
    QCOMPARE(started.status, 202);
    const QString id = started.json().value(QStringLiteral("id")).toString();
    QCOMPARE(id.size(), 16);
    const QUrl job = m_walletd->url(QStringLiteral("/admin/v1/verify-jobs/") + id);
    Reply state;
    QTRY_VERIFY_WITH_TIMEOUT((state = m_http.get(job, sue),
                              state.json().value(QStringLiteral("state")) != QStringLiteral("running")),
                             10000);
    QCOMPARE(state.status, 200);
    QVERIFY2(state.json().value(QStringLiteral("state")).toString() == u"done", state.body.constData());
    const QJsonObject report = state.json().value(QStringLiteral("report")).toObject();
    QCOMPARE(report.value(QStringLiteral("ok")).toBool(), true);
    const qint64 entries = RawDb(m_url).scalar(QStringLiteral("SELECT COUNT(*) FROM entries"));
    QVERIFY(entries >= 2);
    QCOMPARE(report.value(QStringLiteral("entries")).toInteger(), entries);
    QCOMPARE(state.json().value(QStringLiteral("checked")).toInteger(), entries);
    QCOMPARE(state.json().value(QStringLiteral("total")).toInteger(), entries);
    // The same report as the synchronous route.
    const Reply direct = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/verify")), {}, sue);
    QCOMPARE(direct.json().value(QStringLiteral("digest")), report.value(QStringLiteral("digest")));

    // Another operator, even an admin, is told the job does not exist; so is an id that never was.
    QCOMPARE(m_http.get(job, m_root).status, 404);
    const Reply unknown =
        m_http.get(m_walletd->url(QStringLiteral("/admin/v1/verify-jobs/0123456789abcdef")), sue);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.error(), QStringLiteral("no verification 0123456789abcdef"));
    QCOMPARE(m_http.request("DELETE", job, {}, bearer(m_root)).status, 404);

    // Canceled (here after it finished): answered, then forgotten; both ends are audited.
    const Reply canceled = m_http.request("DELETE", job, {}, bearer(sue));
    QCOMPARE(canceled.status, 200);
    QCOMPARE(canceled.json().value(QStringLiteral("id")).toString(), id);
    QCOMPARE(m_http.get(job, sue).status, 404);
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE operator = 'sue' AND action = "
                                       "'verify' AND target = ? AND detail IN ('started', 'canceled')"),
                        {QStringLiteral("verify-job:") + id}),
             qint64(2));
}

#include "tst_walletd.moc"

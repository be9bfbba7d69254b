// walletd end to end, signing in: passwords and tokens, throttling, session expiry, sessions shared by two
// processes, roles and audited denials, and walletctl setting the passwords walletd checks. A real walletd
// process on loopback over a real ledger (WALLETDESK_TEST_BACKENDS); each test function gets a fresh ledger
// and server (WalletdTestCase).

#include "testsupport.h"
#include "walletdharness.h"

#include <QJsonDocument>
#include <QProcess>
#include <QtTest>

using namespace WalletdTest;

class TestWalletdSessions : public WalletdTestCase {
    Q_OBJECT

private Q_SLOTS:
    void signInWithPasswordAndToken();
    void failedSignInsAreThrottledAndAudited();
    void sessionsExpireWhenIdleAndAfterTwelveHours();
    void sessionsAreSharedByTwoProcesses();
    void rolesAreEnforcedAndDenialsAudited();
    void walletctlSetsPasswords();
};

void TestWalletdSessions::signInWithPasswordAndToken() {
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

void TestWalletdSessions::failedSignInsAreThrottledAndAudited() {
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

void TestWalletdSessions::sessionsExpireWhenIdleAndAfterTwelveHours() {
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

void TestWalletdSessions::sessionsAreSharedByTwoProcesses() {
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

void TestWalletdSessions::rolesAreEnforcedAndDenialsAudited() {
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
    // walletd's route table and the ledger name a missing role in the same words.
    QCOMPARE(post.error(), QStringLiteral("posting needs the support role; vera is viewer"));
    const Reply freeze = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/accounts/%1/freeze").arg(acc)),
                                     R"({"reason":"test"})", m_http.login(*m_walletd, QStringLiteral("sam")));
    QCOMPARE(freeze.status, 403);
    QCOMPARE(freeze.error(), QStringLiteral("freeze needs the supervisor role; sam is support"));

    const QString sue = m_http.login(*m_walletd, QStringLiteral("sue"));
    QCOMPARE(m_http.get(m_walletd->url(QStringLiteral("/admin/v1/audit")), sue).status, 200);
    const Reply verify = m_http.post(m_walletd->url(QStringLiteral("/admin/v1/verify")), {}, sue);
    QCOMPARE(verify.status, 200);
    QCOMPARE(verify.json().value(QStringLiteral("ok")).toBool(), true);

    RawDb raw(m_url);
    QCOMPARE(raw.scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM audit_log WHERE operator = 'vera' AND outcome = 'denied'")),
             qint64(4)); // audit, operators, verify and the posting
    QCOMPARE(raw.scalar(QStringLiteral(
                 "SELECT COUNT(*) FROM audit_log WHERE operator = 'sam' AND outcome = 'denied'")),
             qint64(1));
    QCOMPARE(raw.scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = ?"), {acc}), qint64(0));
}

void TestWalletdSessions::walletctlSetsPasswords() {
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

QTEST_GUILESS_MAIN(TestWalletdSessions)
#include "tst_walletd_sessions.moc"

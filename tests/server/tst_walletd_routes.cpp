// walletd end to end, the admin API's order of checks, route by route from its own table (AdminRoutes): a
// request without a valid token is answered 401 before its body or query is read, and an operator below the
// route's least role 403 (audited) before them too; only a caller allowed in hears 400 about the input (each
// with the same malformed or empty body, or wrong query). One walletd over one ledger for all rows (nothing
// here is let through to write).

#include "adminroutes.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QtTest>

using namespace WalletdTest;

namespace {

/// A path of `route` with its placeholders filled in: {id} 1, any other an id of the form VerifyJobs gives.
QString pathOf(const AdminRoute &route) {
    QString path = route.pattern;
    return path.replace(QStringLiteral("{id}"), QStringLiteral("1"))
        .replace(QStringLiteral("{job}"), QStringLiteral("0123456789abcdef"));
}

/// A query that is wrong for every parameter the admin API reads.
const QString BadQuery = QStringLiteral("?limit=0&before=x&from=x&to=x&currency=&sort=nope&idempotency_key=");

/// Input every route that reads any refuses, as (row label, path and query, body): for a POST a malformed
/// and an empty body, for another method BadQuery.
struct BadInput {
    const char *label;
    QString path;
    QByteArray body;
};

QList<BadInput> badInputsOf(const AdminRoute &route) {
    if (route.method == u"POST")
        return {{"malformed body", pathOf(route), QByteArrayLiteral("{")},
                {"empty body", pathOf(route), QByteArray()}};
    return {{"bad query", pathOf(route) + BadQuery, QByteArray()}};
}

/// The routes that read neither a body nor a query, so have no 400 to give. A route missing here is expected
/// to refuse BadInput with 400: a new route that reads nothing must be named here, on purpose.
const QStringList ReadNoInput{
    QStringLiteral("POST /admin/v1/logout"),
    QStringLiteral("GET /admin/v1/session"),
    QStringLiteral("GET /admin/v1/currencies"),
    QStringLiteral("GET /admin/v1/changes"),
    QStringLiteral("GET /admin/v1/accounts/{id}"),
    QStringLiteral("GET /admin/v1/transactions/{id}"),
    QStringLiteral("GET /admin/v1/approvals"), // ?pending=0 or anything else: no wrong value
    QStringLiteral("GET /admin/v1/operators"),
    QStringLiteral("POST /admin/v1/verify"),
    QStringLiteral("POST /admin/v1/verify-jobs"),
    QStringLiteral("GET /admin/v1/verify-jobs/{job}"),
    QStringLiteral("DELETE /admin/v1/verify-jobs/{job}"),
};

/// The routes for which an empty body is valid input: approving without a comment.
const QStringList TakeAnEmptyBody{QStringLiteral("POST /admin/v1/approvals/{id}/approve")};

QString keyOf(const AdminRoute &route) {
    return route.method + u' ' + route.pattern;
}

/// The operators of prepareLedger by role: one of each.
QString operatorWith(Role role) {
    switch (role) {
    case Role::Viewer:
        return QStringLiteral("vera");
    case Role::Support:
        return QStringLiteral("sam");
    case Role::Supervisor:
        return QStringLiteral("sue");
    case Role::Admin:
        break;
    }
    return QStringLiteral("root");
}

} // namespace

class TestWalletdRoutes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyRouteAsksForASignInFirst_data();
    void everyRouteAsksForASignInFirst();
    void everyRouteChecksTheRoleBeforeTheInput_data();
    void everyRouteChecksTheRoleBeforeTheInput();
    void thenTheInputIsChecked_data();
    void thenTheInputIsChecked();
    void onlyThenIsTheInputChecked();

private:
    Reply send(const QByteArray &method, const QString &path, const QByteArray &body, const QString &token);

    QTemporaryDir m_dir;
    QString m_url;
    Walletd m_walletd;
    Http m_http;
    QHash<QString, QString> m_tokens; ///< operator -> token
};

void TestWalletdRoutes::initTestCase() {
    QString error;
    m_url = WalletDeskTest::databaseUrl(WalletDeskTest::availableBackends().value(0), m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const QString prepared = prepareLedger(m_url);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
    const QString started = m_walletd.start(m_url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    for (const QString &name :
         {QStringLiteral("root"), QStringLiteral("sue"), QStringLiteral("sam"), QStringLiteral("vera")}) {
        m_tokens.insert(name, m_http.login(m_walletd, name));
        QVERIFY(!m_tokens.value(name).isEmpty());
    }
}

void TestWalletdRoutes::cleanupTestCase() {
    QCOMPARE(m_walletd.stop(), 0);
}

Reply TestWalletdRoutes::send(const QByteArray &method, const QString &path, const QByteArray &body,
                              const QString &token) {
    QList<std::pair<QByteArray, QByteArray>> headers{{"Idempotency-Key", "route-test"}};
    if (!token.isEmpty())
        headers.append({"Authorization", "Bearer " + token.toLatin1()});
    return m_http.request(method, m_walletd.url(path), body, headers);
}

void TestWalletdRoutes::everyRouteAsksForASignInFirst_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("message");
    int routes = 0;
    for (const AdminRoute &route : AdminRoutes::all()) {
        if (!route.minimum)
            continue; // login: no sign-in to ask for
        ++routes;
        const QByteArray method = route.method.toLatin1();
        for (const BadInput &input : badInputsOf(route)) {
            QTest::addRow("%s %s, %s, no token", method.constData(), qPrintable(route.pattern), input.label)
                << method << input.path << input.body << QString()
                << QStringLiteral(
                       "not signed in: send Authorization: Bearer TOKEN from POST /admin/v1/login");
            QTest::addRow("%s %s, %s, forged token", method.constData(), qPrintable(route.pattern),
                          input.label)
                << method << input.path << input.body << QStringLiteral("forged")
                << QStringLiteral("not signed in, or the session has expired; sign in again");
        }
    }
    QVERIFY(routes >= 29);
}

void TestWalletdRoutes::everyRouteAsksForASignInFirst() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, token);
    QFETCH(QString, message);
    const Reply r = send(method, path, body, token);
    QCOMPARE(r.status, 401);
    QCOMPARE(r.code(), QStringLiteral("permission_denied"));
    QCOMPARE(r.error(), message);
}

void TestWalletdRoutes::everyRouteChecksTheRoleBeforeTheInput_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("operatorName");
    QTest::addColumn<QString>("message");
    int rows = 0;
    for (const AdminRoute &route : AdminRoutes::all()) {
        for (const Role role : {Role::Viewer, Role::Support, Role::Supervisor}) {
            if (!route.minimum || role >= *route.minimum)
                continue;
            const QString name = operatorWith(role);
            const QByteArray method = route.method.toLatin1();
            for (const BadInput &input : badInputsOf(route)) {
                ++rows;
                QTest::addRow("%s %s, %s, %s", method.constData(), qPrintable(route.pattern), input.label,
                              qPrintable(name))
                    << method << input.path << input.body << name
                    << QStringLiteral("%1 needs the %2 role; %3 is %4")
                           .arg(route.what, roleName(*route.minimum), name, roleName(role));
            }
        }
    }
    // Postings, reversal, approvals, state changes, the audit log, operators and verification.
    QVERIFY(rows >= 20);
}

void TestWalletdRoutes::everyRouteChecksTheRoleBeforeTheInput() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, operatorName);
    QFETCH(QString, message);
    RawDb raw(m_url);
    const QString audited = QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE operator = ? AND action = "
                                           "'access' AND outcome = 'denied' AND target = ? AND detail = ?");
    // The audited target is the path without its query.
    const QVariantList record{operatorName, QString::fromLatin1(method) + u' ' + path.section(u'?', 0, 0),
                              message};
    const qint64 before = raw.scalar(audited, record);
    const Reply r = send(method, path, body, m_tokens.value(operatorName));
    QCOMPARE(r.status, 403);
    QCOMPARE(r.code(), QStringLiteral("permission_denied"));
    QCOMPARE(r.error(), message);
    QCOMPARE(raw.scalar(audited, record), before + 1);
}

void TestWalletdRoutes::thenTheInputIsChecked_data() {
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("operatorName"); ///< empty: no token (login)
    int routes = 0;
    for (const AdminRoute &route : AdminRoutes::all()) {
        if (ReadNoInput.contains(keyOf(route)))
            continue;
        ++routes;
        // The least role the route lets in: the same request as above, now past the token and the role.
        const QString name = route.minimum ? operatorWith(*route.minimum) : QString();
        const QByteArray method = route.method.toLatin1();
        for (const BadInput &input : badInputsOf(route)) {
            if (input.body.isEmpty() && route.method == u"POST" && TakeAnEmptyBody.contains(keyOf(route)))
                continue;
            QTest::addRow("%s %s, %s, %s", method.constData(), qPrintable(route.pattern), input.label,
                          name.isEmpty() ? "no token" : qPrintable(name))
                << method << input.path << input.body << name;
        }
    }
    // Every route is either checked here or named as reading no input, and the list names only routes.
    QCOMPARE(routes + ReadNoInput.size(), AdminRoutes::all().size());
    QVERIFY(routes >= 17);
}

void TestWalletdRoutes::thenTheInputIsChecked() {
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, operatorName);
    const Reply r =
        send(method, path, body, operatorName.isEmpty() ? QString() : m_tokens.value(operatorName));
    QVERIFY2(r.status == 400, r.body.constData());
    QCOMPARE(r.code(), QStringLiteral("invalid_argument"));
    QVERIFY(!r.error().isEmpty());
}

void TestWalletdRoutes::onlyThenIsTheInputChecked() {
    // Issue 17's case: an anonymous posting with an empty body learns nothing of what a posting needs.
    const QUrl postings = m_walletd.url(QStringLiteral("/admin/v1/postings"));
    const Reply anonymous = m_http.post(postings, {});
    QCOMPARE(anonymous.status, 401);
    QVERIFY2(!anonymous.body.contains("kind"), anonymous.body.constData());
    QCOMPARE(m_http.post(postings, {}, m_tokens.value(QStringLiteral("vera"))).status, 403);
    const Reply allowed = m_http.post(postings, {}, m_tokens.value(QStringLiteral("sam")), "empty");
    QCOMPARE(allowed.status, 400);
    QCOMPARE(allowed.error(), QStringLiteral("the request body is empty; a JSON object is expected"));
    // The same for a query: the economy's currency.
    const QUrl economy = m_walletd.url(QStringLiteral("/admin/v1/economy"));
    QCOMPARE(m_http.get(economy).status, 401);
    const Reply read = m_http.get(economy, m_tokens.value(QStringLiteral("vera")));
    QCOMPARE(read.status, 400);
    QCOMPARE(read.error(), QStringLiteral("currency is required"));
    // Sign-in itself is the one route without a token: its input is checked at once.
    const Reply login = m_http.post(m_walletd.url(QStringLiteral("/admin/v1/login")), {});
    QCOMPARE(login.status, 400);
}

QTEST_GUILESS_MAIN(TestWalletdRoutes)
#include "tst_walletd_routes.moc"

// walletd's admin route table (AdminRoutes) against its documentation, docs/api/openapi.yaml ($OPENAPI_YAML):
// every route is documented with its method, least role (x-min-role) and whether it needs a sign-in
// (security: [] for none), and every documented admin operation is a route. And the table's matching of
// paths. No server, no database.
//
// Qt has no YAML reader; the document's `paths:` block is read line by line, which its fixed shape allows:
// a path at two spaces of indent ("  /admin/v1/x:"), its operations at four ("    get:"), and an operation's
// keys at six. An operation written on one line would hide its keys, so it fails the test.

#include "adminroutes.h"

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace {

struct Documented {
    QString role;         ///< x-min-role, or empty
    bool public_ = false; ///< security: []
};

/// "GET /admin/v1/accounts/{id}" -> what the document says of that operation; *problem when unreadable.
QHash<QString, Documented> readOperations(const QString &path, QString *problem) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *problem = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    static const QRegularExpression pathLine(QStringLiteral(R"(^  (/\S*):\s*$)"));
    static const QRegularExpression operationLine(
        QStringLiteral(R"(^    (get|put|post|delete|patch|head|options|trace):(.*)$)"));
    static const QRegularExpression roleLine(QStringLiteral(R"(^      x-min-role:\s*(\S+)\s*$)"));
    static const QRegularExpression publicLine(QStringLiteral(R"(^      security:\s*\[\]\s*$)"));
    QHash<QString, Documented> operations;
    bool inPaths = false;
    QString currentPath, currentOperation;
    int lineNumber = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).chopped(1);
        ++lineNumber;
        if (!line.isEmpty() && !line.front().isSpace()) { // a top-level key
            inPaths = line == u"paths:";
            continue;
        }
        if (!inPaths)
            continue;
        if (const auto m = pathLine.match(line); m.hasMatch()) {
            currentPath = m.captured(1);
            currentOperation.clear();
        } else if (const auto o = operationLine.match(line); o.hasMatch()) {
            if (!o.captured(2).trimmed().isEmpty()) {
                *problem = QStringLiteral("line %1: write the operation in block style").arg(lineNumber);
                return {};
            }
            currentOperation = o.captured(1).toUpper() + u' ' + currentPath;
            operations.insert(currentOperation, {});
        } else if (line.startsWith(u"    ") && !line.startsWith(u"     ")) {
            currentOperation.clear(); // another key of the path (parameters, summary)
        } else if (const auto r = roleLine.match(line); r.hasMatch() && !currentOperation.isEmpty()) {
            operations[currentOperation].role = r.captured(1);
        } else if (publicLine.match(line).hasMatch() && !currentOperation.isEmpty()) {
            operations[currentOperation].public_ = true;
        }
    }
    if (operations.isEmpty())
        *problem = QStringLiteral("%1 has no operations under paths:").arg(path);
    return operations;
}

QString key(const AdminRoute &route) {
    return route.method + u' ' + route.pattern;
}

} // namespace

class TestAdminRoutes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyRouteIsDocumented();
    void everyDocumentedAdminOperationIsARoute();
    void eachMethodAndPatternOnce();
    void findMatchesMethodAndPattern_data();
    void findMatchesMethodAndPattern();

private:
    QHash<QString, Documented> m_documented;
};

void TestAdminRoutes::initTestCase() {
    QString problem;
    m_documented = readOperations(qEnvironmentVariable("OPENAPI_YAML"), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestAdminRoutes::everyRouteIsDocumented() {
    for (const AdminRoute &route : AdminRoutes::all()) {
        const auto d = m_documented.constFind(key(route));
        QVERIFY2(d != m_documented.cend(), qPrintable(key(route) + u" is not in docs/api/openapi.yaml"_s));
        QVERIFY2(
            d->public_ == !route.minimum,
            qPrintable(key(route) + (route.minimum ? u" needs a sign-in; the document says it does not"_s
                                                   : u" needs no sign-in: document it with security: []"_s)));
        const QString role = route.minimum ? roleName(*route.minimum) : QString();
        QVERIFY2(d->role == role,
                 qPrintable(QStringLiteral("%1: the least role is \"%2\"; x-min-role says \"%3\"")
                                .arg(key(route), role, d->role)));
    }
}

void TestAdminRoutes::everyDocumentedAdminOperationIsARoute() {
    QSet<QString> routes;
    for (const AdminRoute &route : AdminRoutes::all())
        routes.insert(key(route));
    int admin = 0;
    for (auto it = m_documented.cbegin(); it != m_documented.cend(); ++it) {
        if (!it.key().section(u' ', 1).startsWith(u"/admin/"))
            continue; // /livez and /readyz are WalletServer's own
        ++admin;
        QVERIFY2(routes.contains(it.key()),
                 qPrintable(it.key() + u" is documented but walletd has no such route"_s));
    }
    QCOMPARE(admin, AdminRoutes::all().size());
}

void TestAdminRoutes::eachMethodAndPatternOnce() {
    QSet<QString> seen;
    for (const AdminRoute &route : AdminRoutes::all()) {
        QVERIFY2(!seen.contains(key(route)), qPrintable(key(route) + u" twice"_s));
        seen.insert(key(route));
        QVERIFY(route.handler);
        QVERIFY(!route.what.isEmpty());
    }
}

void TestAdminRoutes::findMatchesMethodAndPattern_data() {
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("pattern"); ///< empty: no route
    QTest::addColumn<QStringList>("params");
    QTest::newRow("fixed") << u"GET"_s << u"/admin/v1/accounts"_s << u"/admin/v1/accounts"_s << QStringList();
    QTest::newRow("same path, other method")
        << u"POST"_s << u"/admin/v1/accounts"_s << u"/admin/v1/accounts"_s << QStringList();
    QTest::newRow("count is not an id")
        << u"GET"_s << u"/admin/v1/accounts/count"_s << u"/admin/v1/accounts/count"_s << QStringList();
    QTest::newRow("id") << u"GET"_s << u"/admin/v1/accounts/42"_s << u"/admin/v1/accounts/{id}"_s
                        << QStringList{u"42"_s};
    QTest::newRow("id and action") << u"POST"_s << u"/admin/v1/approvals/7/reject"_s
                                   << u"/admin/v1/approvals/{id}/reject"_s << QStringList{u"7"_s};
    QTest::newRow("job") << u"DELETE"_s << u"/admin/v1/verify-jobs/00ff"_s << u"/admin/v1/verify-jobs/{job}"_s
                         << QStringList{u"00ff"_s};
    QTest::newRow("id not a number") << u"GET"_s << u"/admin/v1/accounts/abc"_s << QString() << QStringList();
    QTest::newRow("id zero") << u"GET"_s << u"/admin/v1/accounts/0"_s << QString() << QStringList();
    QTest::newRow("no job") << u"GET"_s << u"/admin/v1/verify-jobs/"_s << QString() << QStringList();
    QTest::newRow("method the path does not take")
        << u"DELETE"_s << u"/admin/v1/accounts"_s << QString() << QStringList();
    QTest::newRow("longer path") << u"GET"_s << u"/admin/v1/accounts/1/history/2"_s << QString()
                                 << QStringList();
    QTest::newRow("not the admin API") << u"GET"_s << u"/api/v1/healthcheck"_s << QString() << QStringList();
    QTest::newRow("no version") << u"GET"_s << u"/admin/accounts"_s << QString() << QStringList();
}

void TestAdminRoutes::findMatchesMethodAndPattern() {
    QFETCH(QString, method);
    QFETCH(QString, path);
    QFETCH(QString, pattern);
    QFETCH(QStringList, params);
    const auto match = AdminRoutes::find(method, path);
    QCOMPARE(match ? match->route->pattern : QString(), pattern);
    if (match) {
        QCOMPARE(match->route->method, method);
        QCOMPARE(match->params, params);
    }
}

QTEST_GUILESS_MAIN(TestAdminRoutes)
#include "tst_adminroutes.moc"

#include "walletdharness.h"

#include "databaseurl.h"
#include "ledgerservice.h"
#include "operatorauth.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace WalletdTest {

QString prepareLedger(const QString &urlText) {
    QString error;
    const auto url = DatabaseUrl::parse(urlText, &error);
    if (!url)
        return error;
    LedgerService service;
    const auto opened = WalletDeskTest::await(service.open(*url));
    if (!opened)
        return opened.error().message;
    const auto r = WalletDeskTest::await(service.run([](LedgerStore &s) -> Result<Done> {
        const Actor root{QStringLiteral("root"), QStringLiteral("test")};
        if (auto b = s.bootstrapAdmin(root.operatorName); !b)
            return b.error();
        for (const Currency &c : {Currency{QStringLiteral("USD"), 2, QStringLiteral("US dollar")},
                                  Currency{QStringLiteral("GOLD"), 0, QStringLiteral("Gold")}})
            if (auto added = s.addCurrency(root, c); !added)
                return added.error();
        struct Op {
            const char16_t *name;
            Role role;
            qint64 usdLimit;
        };
        for (const Op &o : {Op{u"game", Role::Support, -1}, Op{u"sam", Role::Support, 10000},
                            Op{u"sue", Role::Supervisor, -1}, Op{u"vera", Role::Viewer, -1}}) {
            OperatorInfo info;
            info.name = QString::fromUtf16(o.name);
            info.role = o.role;
            if (o.usdLimit >= 0)
                info.limits.insert(QStringLiteral("USD"), o.usdLimit);
            if (auto added = s.addOperator(root, info); !added)
                return added.error();
        }
        for (const char16_t *name : {u"root", u"game", u"sam", u"sue", u"vera"})
            if (auto set = OperatorAuth::setPassword(s, root, QString::fromUtf16(name), Password); !set)
                return set.error();
        return Done{};
    }));
    return r ? QString() : r.error().message;
}

Walletd::~Walletd() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString Walletd::start(const QString &dbUrl, const QStringList &extra, const QString &gameCurrency) {
    return launch(dbUrl,
                  QStringLiteral("game_currency = %1\ngame_operator = game\n").arg(gameCurrency).toUtf8(),
                  extra);
}

QString Walletd::startWithGameDefaults(const QString &dbUrl) {
    return launch(dbUrl, {}, {});
}

QString Walletd::startAdminOnly(const QString &dbUrl) {
    return launch(dbUrl, {}, {}, false);
}

QString Walletd::launch(const QString &dbUrl, const QByteArray &configLines, const QStringList &extra,
                        bool withServiceToken) {
    const QString binary = qEnvironmentVariable("WALLETD");
    if (binary.isEmpty())
        return QStringLiteral("WALLETD is not set: run through ctest");
    const QString config = m_dir.filePath(QStringLiteral("walletd.ini"));
    QFile f(config);
    // Private, as an installed walletd.conf is: it holds the service token (walletd warns otherwise).
    if (!f.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return QStringLiteral("cannot write %1").arg(config);
    f.write("[walletd]\n" +
            (withServiceToken ? "game_tokens = " + ServiceToken.toUtf8() + '\n' : QByteArray()) +
            configLines);
    f.close();
    QStringList args{QStringLiteral("--db"),     dbUrl,
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--config"), config};
    args << extra;
    // In the child, before exec: die with the test (a crashed or killed test must not leave walletd running),
    // and close inherited descriptors, among them the build lock's that ctest runs under (flock).
    m_process.setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        for (int fd = 3; fd < 1024; ++fd) {
            const int flags = ::fcntl(fd, F_GETFD);
            if (flags >= 0 && !(flags & FD_CLOEXEC)) // QProcess's own pipes are close-on-exec: keep them
                ::close(fd);
        }
    });
    m_process.start(binary, args);
    if (!m_process.waitForStarted(10000))
        return QStringLiteral("walletd did not start: %1").arg(m_process.errorString());
    QElapsedTimer timer;
    timer.start();
    while (!m_process.canReadLine() && timer.elapsed() < 20000) {
        if (m_process.state() == QProcess::NotRunning)
            return QStringLiteral("walletd exited: %1")
                .arg(QString::fromUtf8(m_process.readAllStandardError()));
        m_process.waitForReadyRead(200);
    }
    const QString line = QString::fromUtf8(m_process.readLine()).trimmed();
    static const QString prefix = QStringLiteral("listening on ");
    if (!line.startsWith(prefix))
        return QStringLiteral("unexpected first line \"%1\"; stderr: %2")
            .arg(line, QString::fromUtf8(m_process.readAllStandardError()));
    m_base = line.mid(prefix.size());
    return {};
}

int Walletd::stop() {
    if (m_process.state() == QProcess::NotRunning)
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(20000))
        return -1;
    log();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QUrl Walletd::url(const QString &pathAndQuery) const {
    return QUrl(m_base + pathAndQuery);
}

QString Walletd::log() {
    m_err += m_process.readAllStandardError();
    return QString::fromUtf8(m_err);
}

QJsonObject Reply::json() const {
    return QJsonDocument::fromJson(body).object();
}

QString Reply::error() const {
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

QString Reply::code() const {
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

Reply Http::request(const QByteArray &method, const QUrl &url, const QByteArray &body,
                    const QList<std::pair<QByteArray, QByteArray>> &headers) {
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, body);
    if (!QTest::qWaitFor([reply] { return reply->isFinished(); }, 60000))
        qFatal("HTTP %s %s did not finish", method.constData(), qPrintable(url.toString()));
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return r;
}

Reply Http::get(const QUrl &url, const QString &token) {
    QList<std::pair<QByteArray, QByteArray>> h;
    if (!token.isEmpty())
        h.append({QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()});
    return request(QByteArrayLiteral("GET"), url, {}, h);
}

Reply Http::post(const QUrl &url, const QByteArray &body, const QString &token,
                 const QByteArray &idempotencyKey) {
    QList<std::pair<QByteArray, QByteArray>> h;
    if (!token.isEmpty())
        h.append({QByteArrayLiteral("Authorization"), "Bearer " + token.toLatin1()});
    if (!idempotencyKey.isEmpty())
        h.append({QByteArrayLiteral("Idempotency-Key"), idempotencyKey});
    return request(QByteArrayLiteral("POST"), url, body, h);
}

QString Http::login(const Walletd &w, const QString &name, const QString &password) {
    const Reply r = post(
        w.url(QStringLiteral("/admin/v1/login")),
        QJsonDocument(QJsonObject{{QStringLiteral("operator"), name}, {QStringLiteral("password"), password}})
            .toJson(QJsonDocument::Compact));
    return r.status == 200 ? r.json().value(QStringLiteral("token")).toString() : QString();
}

void WalletdTestCase::init() {
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

void WalletdTestCase::cleanup() {
    if (m_walletd)
        QCOMPARE(m_walletd->stop(), 0);
    m_walletd.reset();
}

qint64 WalletdTestCase::createPlayer(const QString &player, const QString &currency) {
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

void WalletdTestCase::deposit(qint64 account, qint64 amount, const QByteArray &key) {
    const Reply r = m_http.post(
        m_walletd->url(QStringLiteral("/admin/v1/postings")),
        QStringLiteral(R"({"kind":"deposit","account":%1,"amount":"%2"})").arg(account).arg(amount).toUtf8(),
        m_root, key);
    if (r.status != 200)
        qFatal("deposit: %d %s", r.status, r.body.constData());
}

QByteArray WalletdTestCase::charge(const char *idField, qint64 user, qint64 event, const QByteArray &amount) {
    return "{\"UserId\":" + QByteArray::number(user) + ",\"" + idField + "\":" + QByteArray::number(event) +
           ",\"Amount\":" + amount + "}";
}

RawDb::RawDb(const QString &urlText)
    : m_name(QUuid::createUuid().toString(QUuid::Id128)) {
    QString error;
    const auto url = DatabaseUrl::parse(urlText, &error);
    QSqlDatabase db = url->addConnection(m_name);
    if (!db.open())
        qFatal("raw connection failed: %s", qPrintable(db.lastError().text()));
}

RawDb::~RawDb() {
    QSqlDatabase::database(m_name).close();
    QSqlDatabase::removeDatabase(m_name);
}

qint64 RawDb::scalar(const QString &sql, const QVariantList &values) {
    qint64 result = 0;
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        q.prepare(sql);
        for (const QVariant &v : values)
            q.addBindValue(v);
        if (!q.exec() || !q.next())
            qFatal("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        result = q.value(0).toLongLong();
    }
    return result;
}

QSqlDatabase RawDb::database() const {
    return QSqlDatabase::database(m_name);
}

bool RawDb::exec(const QString &sql, const QVariantList &values) {
    QSqlQuery q(QSqlDatabase::database(m_name));
    q.prepare(sql);
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

} // namespace WalletdTest

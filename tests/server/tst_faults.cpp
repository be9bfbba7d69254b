// Riding out a database restart (issue 14): a real PostgreSQL (the postgres_faults fixture, a cluster of its
// own) is restarted and stopped for seconds while walletd takes wins from 8 clients and while the desktop's
// LocalLedgerClient works. Nothing may be lost or applied twice, nothing may hang or answer 500, and service
// must come back by itself within seconds of the database; the window says so meanwhile.
#include "ledgerstore.h"
#include "localledgerclient.h"
#include "mainwindow.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <memory>

using namespace WalletdTest;
using namespace Qt::StringLiterals;

namespace {

/// One game server: sends its wins one after another, each with its own event id, and retries an event
/// (same id) after a 503 or a lost connection until it is acknowledged, as the seeds' clients do. With
/// asAdmin(), a support tool instead: admin API deposits to one account, each with its own idempotency key,
/// retried with the same key.
class GameClient : public QObject {
public:
    /// `url` is then /admin/v1/postings, and the constructor's `user` the account.
    void asAdmin(const QString &sessionToken) { m_adminToken = sessionToken; }

    GameClient(const QUrl &url, qint64 user, int firstEvent, int events)
        : m_url(url)
        , m_user(user)
        , m_event(firstEvent)
        , m_last(firstEvent + events - 1) {}

    void start() { send(); }
    bool done() const { return m_event > m_last; }

    qint64 acknowledgedCents = 0;
    int acknowledged = 0;
    int unavailable = 0; ///< 503 answers (each must carry Retry-After)
    int withoutRetryAfter = 0;
    int connectionErrors = 0;
    QList<int> unexpected; ///< any other status: a 500, a 400 ... (must stay empty)
    qint64 slowestMs = 0;  ///< the longest any single request took
    qint64 lastOkAt = 0;   ///< msecs since the epoch of the latest 200

private:
    void send() {
        if (done())
            return;
        QNetworkRequest request(m_url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        request.setTransferTimeout(30000);
        QByteArray body;
        if (m_adminToken.isEmpty()) {
            request.setRawHeader("Authorization", "Bearer " + ServiceToken.toLatin1());
            body = "{\"UserId\":" + QByteArray::number(m_user) +
                   ",\"WinningEventId\":" + QByteArray::number(m_event) + ",\"Amount\":" + amountText() +
                   "}"; // a JSON number, as the seeds' clients send
        } else {
            request.setRawHeader("Authorization", "Bearer " + m_adminToken.toLatin1());
            request.setRawHeader("Idempotency-Key", "admin-" + QByteArray::number(m_event));
            body = "{\"kind\":\"deposit\",\"account\":" + QByteArray::number(m_user) + ",\"amount\":\"" +
                   QByteArray::number(cents()) + "\"}"; // minor units
        }
        m_timer.start();
        QNetworkReply *reply = m_nam.post(request, body);
        connect(reply, &QNetworkReply::finished, this, [this, reply] {
            reply->deleteLater();
            slowestMs = std::max(slowestMs, m_timer.elapsed());
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200) {
                ++acknowledged;
                acknowledgedCents += cents();
                lastOkAt = QDateTime::currentMSecsSinceEpoch();
                ++m_event;
                send();
                return;
            }
            if (status == 503) {
                ++unavailable;
                if (reply->rawHeader("Retry-After").isEmpty())
                    ++withoutRetryAfter;
            } else if (status == 0) {
                ++connectionErrors;
            } else {
                unexpected << status;
            }
            QTimer::singleShot(100, this, [this] { send(); }); // the same event again
        });
    }
    qint64 cents() const { return 100 + m_event % 7; }
    QByteArray amountText() const {
        return QByteArray::number(cents() / 100) + '.' +
               QByteArray::number(cents() % 100).rightJustified(2, '0');
    }

    QNetworkAccessManager m_nam;
    QString m_adminToken;
    QUrl m_url;
    qint64 m_user;
    int m_event;
    int m_last;
    QElapsedTimer m_timer;
};

} // namespace

class TestFaults : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void walletdRidesOutARestartAndAnOutage();
    void theDesktopClientReconnectsByItself();
    void theWindowSaysSoAndHoldsBackPostings();
    void aRequestPastItsDeadlineIsAnswered503();
    void theNextHostIsTriedWhenOneIsDown();
    void walletctlWaitsForTheDatabaseDuringAnImport();
    void
    walletdFollowsAPromotedStandby(); // last: it leaves the fixture's cluster behind its promoted standby

private:
    /// Runs pg-harness.sh COMMAND on the fixture's cluster while this thread's event loop keeps turning.
    bool harness(const QString &command) { return harness(QStringList{command, m_dir}); }
    /// Runs pg-harness.sh with these arguments.
    bool harness(const QStringList &arguments);
    /// Runs walletctl (as root, on the fixture's ledger) to its end; its exit code, with its output.
    int walletctl(const QStringList &arguments, QString *out, QString *err);
    qint64 createPlayer(Walletd &w, const QString &token, const QString &player);
    /// The ledger at `url` holds exactly what the clients had acknowledged: `cents` in all on `accounts`, in
    /// `entries` player entries (each posting once).
    void expectAcknowledgedOnce(const QString &url, const QList<qint64> &accounts, qint64 cents,
                                qint64 entries);

    QString m_dir;
    QString m_url;
    Http m_http;
};

void TestFaults::initTestCase() {
    m_dir = qEnvironmentVariable("WALLETDESK_TEST_PGFAULTS_DIR");
    QVERIFY2(!m_dir.isEmpty(),
             "WALLETDESK_TEST_PGFAULTS_DIR is not set: run through ctest (fixture postgres_faults)");
    QFile f(m_dir + u"/url"_s);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_url = QString::fromUtf8(f.readAll()).trimmed();
}

void TestFaults::init() {
    // A clean schema on the fixture's own database, as testsupport does for the shared one.
    {
        WalletDeskTest::RawDb raw(m_url);
        QString why;
        QVERIFY2(raw.exec(u"DROP SCHEMA public CASCADE"_s, &why), qPrintable(why));
        QVERIFY2(raw.exec(u"CREATE SCHEMA public"_s, &why), qPrintable(why));
    }
    const QString prepared = prepareLedger(m_url);
    QVERIFY2(prepared.isEmpty(), qPrintable(prepared));
}

bool TestFaults::harness(const QStringList &arguments) {
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(qEnvironmentVariable("WALLETDESK_PG_HARNESS"), arguments);
    if (!QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 120000))
        return false;
    return p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

qint64 TestFaults::createPlayer(Walletd &w, const QString &token, const QString &player) {
    const Reply r = m_http.post(
        w.url(u"/admin/v1/accounts"_s),
        QJsonDocument(QJsonObject{{u"currency"_s, u"USD"_s}, {u"player"_s, player}}).toJson(), token);
    return r.status == 201 ? r.json().value(u"id"_s).toInteger() : 0;
}

void TestFaults::expectAcknowledgedOnce(const QString &url, const QList<qint64> &accounts, qint64 cents,
                                        qint64 entries) {
    RawDb raw(url);
    qint64 balances = 0;
    for (qint64 account : accounts)
        balances += raw.scalar(u"SELECT balance FROM accounts WHERE id = ?"_s, {account});
    QCOMPARE(balances, cents);
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM entries WHERE account_id IN (SELECT id FROM accounts WHERE "
                        "kind = 'player')"_s),
             entries);
}

void TestFaults::walletdRidesOutARestartAndAnOutage() {
    auto w = std::make_unique<Walletd>();
    const QString started = w->start(m_url);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const int port = w->url(QString()).port();
    const QString root = m_http.login(*w, u"root"_s);
    QVERIFY(!root.isEmpty());
    constexpr int Clients = 8, Events = 100;
    QList<qint64> accounts;
    for (int c = 0; c < Clients; ++c) {
        accounts << createPlayer(*w, root, QString::number(7000 + c));
        QVERIFY(accounts.constLast() > 0);
    }
    QCOMPARE(m_http.get(w->url(u"/readyz"_s)).status, 200);

    std::vector<std::unique_ptr<GameClient>> clients;
    for (int c = 0; c < Clients; ++c) {
        clients.push_back(std::make_unique<GameClient>(w->url(u"/api/v1/win"_s), 7000 + c, c * 1000, Events));
        clients.back()->start();
    }
    // And a support tool's deposits through the admin API, with their idempotency keys, at the same time.
    const qint64 supportAccount = createPlayer(*w, root, u"7099"_s);
    QVERIFY(supportAccount > 0);
    clients.push_back(
        std::make_unique<GameClient>(w->url(u"/admin/v1/postings"_s), supportAccount, 0, Events));
    clients.back()->asAdmin(root);
    clients.back()->start();
    accounts << supportAccount;
    const auto acked = [&] {
        int n = 0;
        for (const auto &c : clients)
            n += c->acknowledged;
        return n;
    };
    const auto allDone = [&] {
        return std::all_of(clients.cbegin(), clients.cend(), [](const auto &c) { return c->done(); });
    };

    // 1. A restart (pg_ctl restart -m fast) in the middle of the traffic.
    QTRY_VERIFY_WITH_TIMEOUT(acked() >= 80, 60000);
    QVERIFY(harness(u"restart"_s));
    const qint64 restartedAt = QDateTime::currentMSecsSinceEpoch();
    const int ackedAtRestart = acked();
    QTRY_VERIFY_WITH_TIMEOUT(acked() > ackedAtRestart + 8, 30000);
    qint64 servingAgainAt = 0;
    for (const auto &c : clients)
        if (c->lastOkAt >= restartedAt && (servingAgainAt == 0 || c->lastOkAt < servingAgainAt))
            servingAgainAt = c->lastOkAt;
    const qint64 afterRestartMs = servingAgainAt - restartedAt;
    qInfo("restart: %d acknowledged before; serving again %lld ms after the database was back",
          ackedAtRestart, afterRestartMs);
    QVERIFY2(afterRestartMs < 5000, qPrintable(QString::number(afterRestartMs)));

    // walletd killed (SIGKILL) in the middle of the traffic and started again on its port, as systemd would:
    // what it acknowledged stays, what it had not answered is sent again by the clients.
    w->process().kill();
    QVERIFY(w->process().waitForFinished(10000));
    const int ackedAtKill = acked();
    w = std::make_unique<Walletd>();
    const QString restarted = w->start(m_url, {u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
    QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
    QTRY_VERIFY_WITH_TIMEOUT(acked() > ackedAtKill + 8, 30000);
    int errorsAfterKill = 0;
    for (const auto &c : clients)
        errorsAfterKill += c->connectionErrors;
    qInfo("kill -9: %d acknowledged before; %d connection errors while walletd was down", ackedAtKill,
          errorsAfterKill);

    // 2. An outage: the database stopped for 3 s. Requests are answered (503, Retry-After), none hangs;
    // walletd is alive but not ready; then it is ready again by itself.
    QVERIFY(harness(u"pause"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(w->url(u"/readyz"_s)).status, 503, 10000);
    const Reply live = m_http.get(w->url(u"/livez"_s));
    QCOMPARE(live.status, 200);
    QCOMPARE(live.json().value(u"status"_s).toString(), u"alive"_s);
    const Reply notReady = m_http.get(w->url(u"/readyz"_s));
    QCOMPARE(notReady.headers.value("retry-after"), QByteArrayLiteral("1"));
    QVERIFY2(!notReady.json().value(u"reason"_s).toString().isEmpty(), notReady.body.constData());
    QTest::qWait(3000);
    QVERIFY(harness(u"resume"_s));
    const qint64 resumedAt = QDateTime::currentMSecsSinceEpoch();
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(w->url(u"/readyz"_s)).status, 200, 5000);
    qInfo("outage: ready again %lld ms after the database", QDateTime::currentMSecsSinceEpoch() - resumedAt);

    // 3. walletd killed (SIGKILL) during an outage and started again while the database is still down, as
    // systemd restarts it: it waits for the database (db_wait_s) rather than exit, and serves once it is
    // back.
    QVERIFY(harness(u"pause"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(w->url(u"/readyz"_s)).status, 503, 10000);
    w->process().kill();
    QVERIFY(w->process().waitForFinished(10000));
    // The database comes back 2 s from now, while the new walletd waits for it: start() returns once it
    // listens, which it does only with the ledger open.
    QVERIFY(QProcess::startDetached(u"/bin/sh"_s, {u"-c"_s, u"sleep 2 && exec \"$0\" resume \"$1\""_s,
                                                   qEnvironmentVariable("WALLETDESK_PG_HARNESS"), m_dir}));
    const int ackedInOutage = acked();
    w = std::make_unique<Walletd>();
    const QString startedInOutage = w->start(m_url, {u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
    QVERIFY2(startedInOutage.isEmpty(), qPrintable(startedInOutage));
    QVERIFY2(w->log().contains(u"walletd: waiting for the ledger database"_s), qPrintable(w->log()));
    QVERIFY2(w->log().contains(u"walletd: the ledger database answers after"_s), qPrintable(w->log()));
    QCOMPARE(m_http.get(w->url(u"/readyz"_s)).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(acked() > ackedInOutage + 8, 30000);

    QTRY_VERIFY_WITH_TIMEOUT(allDone(), 120000);
    int unavailable = 0, connectionErrors = 0;
    qint64 slowest = 0, cents = 0;
    for (const auto &c : clients) {
        QVERIFY2(c->unexpected.isEmpty(), qPrintable(QString::number(c->unexpected.value(0))));
        QCOMPARE(c->withoutRetryAfter, 0);
        unavailable += c->unavailable;
        connectionErrors += c->connectionErrors;
        slowest = std::max(slowest, c->slowestMs);
        cents += c->acknowledgedCents;
    }
    qInfo("%d acknowledged (wins and admin deposits); %d answers 503 during the faults; %d connection "
          "errors; slowest %lld ms",
          acked(), unavailable, connectionErrors, slowest);
    QCOMPARE(acked(), (Clients + 1) * Events);
    QVERIFY(unavailable > 0); // the outage was seen, so the counts above mean something
    QVERIFY(slowest < 15000); // answered, never left hanging

    // Exactly what was acknowledged, each once; the ledger verifies.
    expectAcknowledgedOnce(m_url, accounts, cents, (Clients + 1) * Events);
    if (QTest::currentTestFailed())
        return;
    // Sessions live in the ledger: the sign-in from before the faults still holds, and a new one works.
    const Reply signIn =
        m_http.post(w->url(u"/admin/v1/login"_s),
                    QJsonDocument(QJsonObject{{u"operator"_s, u"sue"_s}, {u"password"_s, Password}})
                        .toJson(QJsonDocument::Compact));
    QVERIFY2(signIn.status == 200, signIn.body.constData());
    const Reply verified = m_http.post(w->url(u"/admin/v1/verify"_s), {}, root);
    QCOMPARE(verified.status, 200);
    QCOMPARE(verified.json().value(u"ok"_s).toBool(), true);
    QCOMPARE(w->stop(), 0);
}

void TestFaults::theDesktopClientReconnectsByItself() {
    QString error;
    const auto url = DatabaseUrl::parse(m_url, &error);
    QVERIFY2(url, qPrintable(error));
    LocalLedgerClient client;
    const auto session = WalletDeskTest::await(client.connectTo(*url, u"root"_s));
    QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
    QSignalSpy availability(&client, &LedgerClient::availabilityChanged);
    const auto currencies = [&client] { return WalletDeskTest::await(client.currencies()); };
    QVERIFY(currencies());

    // A restart while the app is idle: its next read finds the old connection dead, reconnects and is
    // answered, with no error shown and no reconnecting state at all.
    QVERIFY(harness(u"restart"_s));
    const auto afterRestart = currencies();
    QVERIFY2(afterRestart, qPrintable(afterRestart ? QString() : afterRestart.error().message));
    QCOMPARE(availability.count(), 0);

    // An outage: a read fails at once (no hang) and says the ledger is reconnecting; the client says it is
    // unavailable, and available again by itself once the database is back, without another request.
    QVERIFY(harness(u"pause"_s));
    QElapsedTimer timer;
    timer.start();
    const auto during = currencies();
    QVERIFY(!during);
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(during.error().code, ErrorCode::Database);
    QTRY_COMPARE_WITH_TIMEOUT(availability.count(), 1, 5000);
    QCOMPARE(availability.at(0).at(0).toBool(), false);
    const auto stillDown = currencies();
    QVERIFY(!stillDown);
    QVERIFY2(stillDown.error().message.contains(u"reconnecting"_s), qPrintable(stillDown.error().message));
    QVERIFY(harness(u"resume"_s));
    QTRY_COMPARE_WITH_TIMEOUT(availability.count(), 2, 5000);
    QCOMPARE(availability.at(1).at(0).toBool(), true);
    QVERIFY(currencies());
}

void TestFaults::theWindowSaysSoAndHoldsBackPostings() {
    QString error;
    const auto url = DatabaseUrl::parse(m_url, &error);
    QVERIFY2(url, qPrintable(error));
    auto *client = new LocalLedgerClient; // the window takes it
    MainWindow window;
    const auto session = WalletDeskTest::await(client->connectTo(*url, u"root"_s));
    QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
    window.setPollInterval(200); // it looks for others' changes, and so notices the outage by itself
    window.setClient(client);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *online = window.findChild<QLabel *>(u"statusOnline"_s);
    QVERIFY(online);
    QTRY_COMPARE(online->text(), u"Online"_s);
    QAction *newAccount = window.action(u"newAccount"_s);
    QVERIFY(newAccount->isEnabled()); // root is an admin

    QVERIFY(harness(u"pause"_s));
    QTRY_COMPARE_WITH_TIMEOUT(online->text(), u"Reconnecting…"_s, 10000);
    QVERIFY(!newAccount->isEnabled());
    QCOMPARE(newAccount->toolTip(), u"The ledger is unreachable; reconnecting…"_s);
    QVERIFY(window.statusBar()->currentMessage().startsWith(
        u"The connection to the ledger was lost. Reconnecting…"_s));
    QVERIFY2(online->toolTip().startsWith(u"Why: "_s) && online->toolTip().size() > 10,
             qPrintable(online->toolTip()));

    QVERIFY(harness(u"resume"_s));
    QTRY_COMPARE_WITH_TIMEOUT(online->text(), u"Online"_s, 10000);
    QVERIFY(newAccount->isEnabled());
}

void TestFaults::aRequestPastItsDeadlineIsAnswered503() {
    QTemporaryDir dir;
    const QString config = dir.filePath(u"walletd.ini"_s);
    {
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        f.write(
            "[walletd]\ngame_currency = USD\ngame_operator = game\nrequest_deadline_s = 1\ngame_tokens = " +
            ServiceToken.toUtf8() + "\n");
    }
    Walletd w;
    const QString started = w.start(m_url, {u"--config"_s, config});
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString root = m_http.login(w, u"root"_s);
    const qint64 account = createPlayer(w, root, u"7100"_s);
    QVERIFY(account > 0);

    // Another session holds every account row: postings wait for it (up to lock_timeout, 10 s).
    WalletDeskTest::RawDb blocker(m_url);
    QString why;
    QVERIFY2(blocker.exec(u"BEGIN"_s, &why), qPrintable(why));
    QVERIFY2(blocker.exec(u"LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE"_s, &why), qPrintable(why));
    const QByteArray deposit =
        u"{\"kind\":\"deposit\",\"account\":%1,\"amount\":\"700\"}"_s.arg(account).toUtf8();
    QElapsedTimer timer;
    timer.start();
    const Reply late = m_http.post(w.url(u"/admin/v1/postings"_s), deposit, root, "deadline-1");
    const qint64 waited = timer.elapsed();
    QCOMPARE(late.status, 503);
    QCOMPARE(late.headers.value("retry-after"), QByteArrayLiteral("1"));
    QVERIFY2(late.error().contains(u"did not finish this request within 1 s"_s), late.body.constData());
    QVERIFY2(waited >= 1000 && waited < 5000, qPrintable(QString::number(waited)));
    // A game request past its deadline keeps its family's error shape.
    const Reply game =
        m_http.request("POST", w.url(u"/api/v1/win"_s), R"({"UserId":7100,"WinningEventId":1,"Amount":2.50})",
                       {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
    QCOMPARE(game.status, 503);
    QCOMPARE(game.body, QByteArrayLiteral(R"({"success":false,"error":"Service unavailable"})"));

    // The lock goes; what was asked is done once, and the retries are answered as the originals.
    QVERIFY2(blocker.exec(u"ROLLBACK"_s, &why), qPrintable(why));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.post(w.url(u"/admin/v1/postings"_s), deposit, root, "deadline-1").status,
                              200, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(m_http
                                  .request("POST", w.url(u"/api/v1/win"_s),
                                           R"({"UserId":7100,"WinningEventId":1,"Amount":2.50})",
                                           {{"Authorization", "Bearer " + ServiceToken.toLatin1()}})
                                  .status,
                              200, 10000);
    RawDb raw(m_url);
    QCOMPARE(raw.scalar(u"SELECT balance FROM accounts WHERE id = ?"_s, {account}), qint64(700 + 250));
    QCOMPARE(raw.scalar(u"SELECT COUNT(*) FROM entries WHERE account_id = ?"_s, {account}), qint64(2));
    QTRY_VERIFY(w.log().contains(u"POST /admin/v1/postings 503"_s));
    QCOMPARE(w.stop(), 0);
}

void TestFaults::theNextHostIsTriedWhenOneIsDown() {
    // libpq's host list, as for a primary and its standby: the first is not there, the second is, and
    // target_session_attrs=read-write would pass over one that only reads (a standby not yet promoted).
    QVERIFY(m_url.contains(u"?host="_s));
    QString text = m_url;
    text.replace(u"?host="_s, u"?target_session_attrs=read-write&host=%2Fnonexistent-walletdesk-primary,"_s);
    QString error;
    const auto url = DatabaseUrl::parse(text, &error);
    QVERIFY2(url, qPrintable(error));
    QVERIFY(url->host.startsWith(u"/nonexistent-walletdesk-primary,"_s));
    QVERIFY(url->isLocal());
    const auto store = LedgerStore::open(*url);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QVERIFY((*store)->operators());
}

int TestFaults::walletctl(const QStringList &arguments, QString *out, QString *err) {
    QProcess p;
    p.start(qEnvironmentVariable("WALLETCTL"),
            QStringList{u"--db"_s, m_url, u"--as"_s, u"root"_s} + arguments);
    if (!p.waitForStarted(10000) ||
        !QTest::qWaitFor([&p] { return p.state() == QProcess::NotRunning; }, 120000))
        return -1;
    *out = QString::fromUtf8(p.readAllStandardOutput());
    *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

void TestFaults::walletctlWaitsForTheDatabaseDuringAnImport() {
    // A long command (an import of 3,000 deposits) while the database is stopped for 2 s and then restarted:
    // walletctl waits for it, carries on, and posts every row once.
    QString out, err;
    QCOMPARE(walletctl({u"account"_s, u"create"_s, u"--player"_s, u"7300"_s, u"--currency"_s, u"USD"_s}, &out,
                       &err),
             0);
    RawDb raw(m_url);
    const qint64 account = raw.scalar(u"SELECT id FROM accounts WHERE player_ref = '7300'"_s);
    QVERIFY(account > 0);
    constexpr int Rows = 3000;
    QTemporaryDir dir;
    const QString file = dir.filePath(u"deposits.csv"_s);
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("kind,account,amount,reason_code,ticket,memo,idempotency_key\n");
        for (int i = 1; i <= Rows; ++i)
            f.write(u"deposit,%1,1.%2,,,,wait-%3\n"_s.arg(account)
                        .arg(i % 100, 2, 10, QChar(u'0'))
                        .arg(i)
                        .toUtf8());
    }
    qint64 expected = 0;
    for (int i = 1; i <= Rows; ++i)
        expected += 100 + i % 100;

    QProcess import;
    import.start(qEnvironmentVariable("WALLETCTL"),
                 {u"--db"_s, m_url, u"--as"_s, u"root"_s, u"import"_s, file});
    QVERIFY(import.waitForStarted(10000));
    const auto posted = [&] {
        return raw.scalar(u"SELECT COUNT(*) FROM entries WHERE account_id = ?"_s, {account});
    };
    QTRY_VERIFY_WITH_TIMEOUT(posted() >= 200, 60000);
    const qint64 atOutage = posted();
    QVERIFY(harness(u"pause"_s));
    QTest::qWait(2000);
    QVERIFY(harness(u"resume"_s));
    // And a restart (pg_ctl restart -m fast) later in the same run, unless it is nearly done by then.
    qint64 atRestart = 0;
    {
        RawDb again(m_url); // the first connection died with the outage
        atRestart = again.scalar(u"SELECT COUNT(*) FROM entries WHERE account_id = ?"_s, {account});
    }
    if (atRestart < Rows - 300)
        QVERIFY(harness(u"restart"_s));
    QVERIFY(QTest::qWaitFor([&import] { return import.state() == QProcess::NotRunning; }, 120000));
    out = QString::fromUtf8(import.readAllStandardOutput());
    err = QString::fromUtf8(import.readAllStandardError());
    QVERIFY2(import.exitStatus() == QProcess::NormalExit && import.exitCode() == 0, qPrintable(out + err));
    QVERIFY2(out.contains(u"posted: %1 ok, 0 need approval, 0 already posted, 0 refused"_s.arg(Rows)),
             qPrintable(out + err));
    QVERIFY2(err.contains(u"walletctl: the ledger database is unreachable ("_s), qPrintable(err));
    QVERIFY2(err.contains(u"walletctl: the ledger database answers again; carrying on"_s), qPrintable(err));
    qInfo("walletctl import: %lld of %d rows posted when the outage began, %lld when the restart came",
          atOutage, Rows, atRestart);

    // Every row once, the balance exact, the ledger sound.
    RawDb check(m_url);
    QCOMPARE(check.scalar(u"SELECT COUNT(*) FROM entries WHERE account_id = ?"_s, {account}), qint64(Rows));
    QCOMPARE(check.scalar(u"SELECT balance FROM accounts WHERE id = ?"_s, {account}), expected);
    QCOMPARE(walletctl({u"verify"_s}, &out, &err), 0);
}

void TestFaults::walletdFollowsAPromotedStandby() {
    // A primary and its streaming standby, named together in one URL as libpq takes them; the primary goes
    // (a fast shutdown, which sends the standby every commit first) and the standby is promoted a second
    // later, as a managed database's failover does. walletd must find the new primary by itself.
    const QString standbyDir = m_dir + u"-standby"_s;
    QVERIFY(harness({u"standby"_s, standbyDir, m_dir}));
    auto cleanUp = qScopeGuard([&] {
        harness({u"stop"_s, standbyDir});
        harness(
            {u"resume"_s, m_dir}); // the old primary, for the tests after this one (each drops its schema)
    });
    QFile standbyUrlFile(standbyDir + u"/url"_s);
    QVERIFY(standbyUrlFile.open(QIODevice::ReadOnly));
    const QString standbyUrl = QString::fromUtf8(standbyUrlFile.readAll()).trimmed();
    const QString standbySockets = standbyUrl.mid(standbyUrl.indexOf(u"?host="_s) + 6);
    QString both = m_url;
    both.replace(u"?host="_s, u"?target_session_attrs=read-write&host="_s);
    both += u',' + standbySockets;

    Walletd w;
    const QString started = w.start(both);
    QVERIFY2(started.isEmpty(), qPrintable(started));
    const QString root = m_http.login(w, u"root"_s);
    QVERIFY(!root.isEmpty());
    constexpr int Clients = 4, Events = 60;
    QList<qint64> accounts;
    for (int c = 0; c < Clients; ++c) {
        accounts << createPlayer(w, root, QString::number(7200 + c));
        QVERIFY(accounts.constLast() > 0);
    }
    std::vector<std::unique_ptr<GameClient>> clients;
    for (int c = 0; c < Clients; ++c) {
        clients.push_back(std::make_unique<GameClient>(w.url(u"/api/v1/win"_s), 7200 + c, c * 1000, Events));
        clients.back()->start();
    }
    const auto acked = [&] {
        int n = 0;
        for (const auto &c : clients)
            n += c->acknowledged;
        return n;
    };

    QTRY_VERIFY_WITH_TIMEOUT(acked() >= 60, 60000);
    QVERIFY(harness({u"pause"_s, m_dir}));
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(w.url(u"/readyz"_s)).status, 503, 10000);
    QTest::qWait(1000); // the standby only reads meanwhile: target_session_attrs=read-write passes over it
    QCOMPARE(m_http.get(w.url(u"/readyz"_s)).status, 503);
    const int ackedAtFailover = acked();
    QVERIFY(harness({u"promote"_s, standbyDir}));
    QElapsedTimer sincePromotion;
    sincePromotion.start();
    QTRY_COMPARE_WITH_TIMEOUT(m_http.get(w.url(u"/readyz"_s)).status, 200, 5000);
    const qint64 readyMs = sincePromotion.elapsed();
    QTRY_VERIFY_WITH_TIMEOUT(acked() > ackedAtFailover + 4, 10000);
    qInfo("failover: %d wins acknowledged on the primary; ready on the promoted standby %lld ms after "
          "promotion",
          ackedAtFailover, readyMs);

    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(clients.cbegin(), clients.cend(), [](const auto &c) { return c->done(); }), 60000);
    qint64 cents = 0;
    for (const auto &c : clients) {
        QVERIFY2(c->unexpected.isEmpty(), qPrintable(QString::number(c->unexpected.value(0))));
        QCOMPARE(c->withoutRetryAfter, 0);
        cents += c->acknowledgedCents;
    }
    // Every acknowledged win is on the new primary, once: those before the failover too.
    expectAcknowledgedOnce(standbyUrl, accounts, cents, Clients * Events);
    if (QTest::currentTestFailed())
        return;
    RawDb raw(standbyUrl);
    QCOMPARE(raw.scalar(u"SELECT CASE WHEN pg_is_in_recovery() THEN 1 ELSE 0 END"_s), qint64(0));
    const Reply verified = m_http.post(w.url(u"/admin/v1/verify"_s), {}, root);
    QCOMPARE(verified.status, 200);
    QCOMPARE(verified.json().value(u"ok"_s).toBool(), true);
    QCOMPARE(w.stop(), 0);
}

QTEST_MAIN(TestFaults)
#include "tst_faults.moc"

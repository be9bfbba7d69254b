// DemoLedger: the first-start demo ledger is built off the GUI thread under a temporary name, opens as its
// administrator, and is not rebuilt on the next start.

#include "connectionprofile.h"
#include "demoledger.h"
#include "ledgerstore.h"
#include "localledgerclient.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using WalletDeskTest::await;

namespace {
DemoOptions smallDemo() {
    DemoOptions o;
    o.players = 300;
    o.days = 20;
    o.seed = 7;
    return o;
}

OperatorInfo op(qint64 id, const char *name, Role role, bool disabled = false) {
    OperatorInfo o;
    o.id = id;
    o.name = QString::fromLatin1(name);
    o.role = role;
    o.disabled = disabled;
    return o;
}
} // namespace

class TstDemoLedger : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qputenv("USER", "demo-tester"); }

    void loginName() { QCOMPARE(DemoLedger::loginName(), QStringLiteral("demo-tester")); }

    void chooseOperator() {
        const QList<OperatorInfo> ops{op(1, "root", Role::Admin), op(2, "alice", Role::Support),
                                      op(3, "demo-tester", Role::Admin), op(4, "bob", Role::Supervisor)};
        QCOMPARE(DemoLedger::chooseOperator(ops, QStringLiteral("demo-tester")),
                 QStringLiteral("demo-tester"));
        // Made under another login: the first administrator.
        QCOMPARE(DemoLedger::chooseOperator(ops, QStringLiteral("nobody")), QStringLiteral("root"));
        // A disabled administrator is not one to open as; a support operator of the login's name neither.
        const QList<OperatorInfo> others{op(1, "root", Role::Admin, true), op(2, "nobody", Role::Support),
                                         op(5, "second", Role::Admin)};
        QCOMPARE(DemoLedger::chooseOperator(others, QStringLiteral("nobody")), QStringLiteral("second"));
        QVERIFY(
            DemoLedger::chooseOperator({op(2, "alice", Role::Support)}, QStringLiteral("alice")).isEmpty());
    }

    void defaults() {
        QVERIFY(DemoLedger::defaultPath().endsWith(u"/demo.sqlite"));
        const DemoOptions o = DemoLedger::defaultOptions();
        QCOMPARE(o.players, 2000);
        QCOMPARE(o.days, 90);
        QCOMPARE(o.seed, 1u);
        QVERIFY(o.problem().isEmpty());
    }

    void createsOnceAndOpensAsAdmin() {
        QTemporaryDir dir;
        // In a folder that does not exist yet, as AppDataLocation on a first start.
        const QString path = dir.filePath(QStringLiteral("data/WalletDesk/demo.sqlite"));

        QFutureWatcher<Result<DemoLedger::Ready>> watcher;
        QList<int> progress;
        connect(&watcher, &QFutureWatcherBase::progressValueChanged, this,
                [&progress](int value) { progress.append(value); });
        // The GUI thread keeps turning while the ledger is built: a timer on it keeps firing.
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
        timer.start(5);
        QElapsedTimer elapsed;
        elapsed.start();
        auto future = DemoLedger::ensure(path); // the first start's real size: 2000 players over 90 days
        watcher.setFuture(future);
        const Result<DemoLedger::Ready> ready = await(future);
        timer.stop();
        QVERIFY2(ready, qPrintable(ready ? QString() : ready.error().message));
        qInfo("built in %lld ms, %d timer ticks meanwhile, progress %s", elapsed.elapsed(), ticks,
              qPrintable(QString::number(progress.size())));
        QVERIFY(ready->created);
        QCOMPARE(ready->path, path);
        QCOMPARE(ready->adminOperator, QStringLiteral("demo-tester"));
        QVERIFY(ticks > 0);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last(), 100);
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
        // Only the finished ledger is left: no part file, no WAL of it.
        QCOMPARE(QDir(QFileInfo(path).absolutePath()).entryList(QDir::Files),
                 QStringList{QStringLiteral("demo.sqlite")});
        QCOMPARE(WalletDeskTest::fileMode(path), 0600); // the players' histories are the user's alone

        const ConnectionProfile profile = ConnectionProfile::demoLedger(ready->path, ready->adminOperator);
        QCOMPARE(profile.kind, ConnectionProfile::Kind::Sqlite);
        QCOMPARE(profile.sqlitePath, path);
        QCOMPARE(profile.operatorName, QStringLiteral("demo-tester"));
        QVERIFY(profile.problems().isEmpty());

        {
            LocalLedgerClient client;
            const auto session = await(client.connectTo(profile.databaseUrl({}), profile.operatorName));
            QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
            QCOMPARE(session->role, Role::Admin);
            const auto ops = await(client.operators());
            QVERIFY(ops);
            QStringList names;
            for (const OperatorInfo &o : *ops)
                names.append(o.name);
            for (const char *demo : {"alice", "bob", "carol"})
                QVERIFY2(names.contains(QLatin1StringView(demo)), qPrintable(names.join(u',')));
            const auto players = await(client.countAccounts(AccountQuery{}));
            QVERIFY(players);
            QVERIFY(*players >= DemoLedger::defaultOptions().players);
        }

        // The next start finds it and does not rebuild it.
        const QDateTime modified = QFileInfo(path).lastModified();
        const qint64 size = QFileInfo(path).size();
        const auto again = await(DemoLedger::ensure(path, smallDemo()));
        QVERIFY2(again, qPrintable(again ? QString() : again.error().message));
        QVERIFY(!again->created);
        QCOMPARE(again->adminOperator, QStringLiteral("demo-tester"));
        QCOMPARE(QFileInfo(path).lastModified(), modified);
        QCOMPARE(QFileInfo(path).size(), size);
    }

    void abandonedPartFilesAreRemoved() {
        // A first start killed while building left its part file (and its journal); a younger one may be
        // another instance building right now.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        const QString old = path + QStringLiteral(".part-99999");
        const QString oldJournal = old + QStringLiteral("-journal");
        const QString young = path + QStringLiteral(".part-99998");
        for (const QString &name : {old, oldJournal, young}) {
            QFile f(name);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("half a ledger");
            f.flush(); // else closing writes after the time is set, and makes it now
            if (name != young)
                QVERIFY(f.setFileTime(QDateTime::currentDateTime().addDays(-2),
                                      QFileDevice::FileModificationTime));
        }
        const auto ready = await(DemoLedger::ensure(path, smallDemo()));
        QVERIFY2(ready, qPrintable(ready ? QString() : ready.error().message));
        QVERIFY(!QFileInfo::exists(old));
        QVERIFY(!QFileInfo::exists(oldJournal));
        QVERIFY(QFileInfo::exists(young));
    }

    void existingLedgerOfAnotherLogin() {
        // scripts/run-demo.sh ran in a shell where $USER was someone else.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        {
            DatabaseUrl url;
            url.path = path;
            auto store = LedgerStore::open(url);
            QVERIFY(store);
            QVERIFY((*store)->bootstrapAdmin(QStringLiteral("ci-runner")));
        }
        const auto ready = await(DemoLedger::ensure(path, smallDemo()));
        QVERIFY2(ready, qPrintable(ready ? QString() : ready.error().message));
        QVERIFY(!ready->created);
        QCOMPARE(ready->adminOperator, QStringLiteral("ci-runner"));
    }

    void failureLeavesNothingBehind() {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(QStringLiteral("not-a-folder")));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const auto r =
            await(DemoLedger::ensure(dir.filePath(QStringLiteral("not-a-folder/demo.sqlite")), smallDemo()));
        QVERIFY(!r);
        QVERIFY2(r.error().message.contains(u"not-a-folder"), qPrintable(r.error().message));

        DemoOptions bad = smallDemo();
        bad.players = 0;
        const QString path = dir.filePath(QStringLiteral("demo.sqlite"));
        const auto refused = await(DemoLedger::ensure(path, bad));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("not-a-folder")});
    }
};

QTEST_GUILESS_MAIN(TstDemoLedger)
#include "tst_demoledger.moc"

// The test support library itself: each backend's URL opens, is empty, and is empty again on the next call;
// await() returns results, including ones delivered from another thread and through this thread's event loop.
#include "databaseurl.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QPromise>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QUuid>
#include <QtTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

/// Opens the ledger database behind `urlText` the way LedgerStore does, runs `body`, and closes it again.
template <typename Body> void withConnection(const QString &urlText, Body body) {
    QString error;
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(urlText, &error);
    QVERIFY2(url.has_value(), qPrintable(error));
    const QString name = QUuid::createUuid().toString(QUuid::Id128);
    {
        QSqlDatabase db = url->addConnection(name);
        QVERIFY2(db.open(), qPrintable(db.lastError().text()));
        body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

int userTableCount(QSqlDatabase &db) {
    QSqlQuery q(db);
    const bool pg = db.driverName() == u"QPSQL";
    if (!q.exec(pg ? u"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"_s
                   : u"SELECT count(*) FROM sqlite_master WHERE type = 'table'"_s) ||
        !q.next())
        return -1;
    return q.value(0).toInt();
}

} // namespace

class TestSupport : public QObject {
    Q_OBJECT

private slots:
    void freshDatabase_data() {
        QTest::addColumn<QString>("backend");
        for (const QString &backend : WalletDeskTest::availableBackends())
            QTest::newRow(qPrintable(backend)) << backend;
    }

    void freshDatabase() {
        QFETCH(QString, backend);
        QTemporaryDir dir;
        QString error;
        const QString first = WalletDeskTest::databaseUrl(backend, dir, &error);
        QVERIFY2(!first.isEmpty(), qPrintable(error));
        withConnection(first, [](QSqlDatabase &db) {
            QCOMPARE(userTableCount(db), 0);
            QSqlQuery q(db);
            QVERIFY2(q.exec(u"CREATE TABLE leftover (id INTEGER PRIMARY KEY)"_s),
                     qPrintable(q.lastError().text()));
            QVERIFY2(q.exec(u"INSERT INTO leftover (id) VALUES (1)"_s), qPrintable(q.lastError().text()));
            QCOMPARE(userTableCount(db), 1);
        });
        if (QTest::currentTestFailed())
            return;

        const QString second = WalletDeskTest::databaseUrl(backend, dir, &error);
        QVERIFY2(!second.isEmpty(), qPrintable(error));
        if (backend == u"sqlite") {
            QVERIFY(second != first);
            QVERIFY(second.startsWith(u"sqlite:"_s + dir.path()));
            QVERIFY(!QFileInfo::exists(second.mid(7)));
        }
        withConnection(second, [](QSqlDatabase &db) { QCOMPARE(userTableCount(db), 0); });
    }

    void unknownBackendIsAnError() {
        QTemporaryDir dir;
        QString error;
        QVERIFY(WalletDeskTest::databaseUrl(u"mysql"_s, dir, &error).isEmpty());
        QVERIFY2(error.contains(u"mysql"_s), qPrintable(error));
    }

    void awaitFromAnotherThread() {
        QPromise<int> promise;
        QFuture<int> future = promise.future();
        std::unique_ptr<QThread> thread(QThread::create([p = std::move(promise)]() mutable {
            p.start();
            QThread::msleep(50);
            p.addResult(42);
            p.finish();
        }));
        thread->start();
        QCOMPARE(WalletDeskTest::await(future), 42);
        thread->wait();
    }

    void awaitRunsThisThreadsEvents() {
        // The promise is fulfilled by a timer on this thread: await() must keep the event loop turning.
        auto promise = std::make_shared<QPromise<QString>>();
        promise->start();
        QTimer::singleShot(20, this, [promise] {
            promise->addResult(u"done"_s);
            promise->finish();
        });
        QCOMPARE(WalletDeskTest::await(promise->future()), u"done"_s);
    }

    void awaitVoidAndMoveOnly() {
        QPromise<void> done;
        done.start();
        done.finish();
        WalletDeskTest::await(done.future());

        QPromise<std::unique_ptr<int>> moveOnly;
        moveOnly.start();
        moveOnly.addResult(std::make_unique<int>(7));
        moveOnly.finish();
        const std::unique_ptr<int> value = WalletDeskTest::await(moveOnly.future());
        QVERIFY(value);
        QCOMPARE(*value, 7);
    }
};

QTEST_GUILESS_MAIN(TestSupport)
#include "tst_testsupport.moc"

#include "demoledger.h"

#include "chainhasher.h"

#include "ledgerstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QStandardPaths>
#include <QThreadPool>
#include <memory>

namespace {
void removeSqliteFiles(const QString &path) {
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

/// A start that was killed while building leaves its part file behind; nothing else would ever remove it. One
/// untouched for an hour is abandoned (a build takes seconds), while a younger one may be another instance's
/// build in progress and stays.
void removeAbandonedParts(const QString &path) {
    const QFileInfo target(path);
    const QDir dir = target.absoluteDir();
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-3600);
    const QStringList parts = dir.entryList({target.fileName() + QStringLiteral(".part-*")}, QDir::Files);
    for (const QString &name : parts) {
        const QFileInfo part(dir.filePath(name));
        if (part.lastModified().toUTC() < before)
            QFile::remove(part.filePath());
    }
}

Result<QString> adminOf(LedgerStore &store, const QString &login, const QString &path) {
    auto ops = store.operators();
    if (!ops)
        return ops.error();
    const QString admin = DemoLedger::chooseOperator(*ops, login);
    if (admin.isEmpty())
        return LedgerError{ErrorCode::NotFound,
                           DemoLedger::tr("%1 has no enabled administrator to open it as").arg(path)};
    return admin;
}

/// Runs on a pool thread: every LedgerStore here is opened, used and closed on it.
Result<DemoLedger::Ready> build(const QString &path, const DemoOptions &options,
                                QPromise<Result<DemoLedger::Ready>> &promise) {
    const QString login = DemoLedger::loginName();
    DatabaseUrl url;
    url.kind = DatabaseUrl::Kind::Sqlite;
    if (QFileInfo::exists(path)) {
        url.path = path;
        auto store = LedgerStore::open(url);
        if (!store)
            return store.error();
        auto admin = adminOf(**store, login, path);
        if (!admin)
            return admin.error();
        return DemoLedger::Ready{path, *admin, false};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return LedgerError{ErrorCode::Database,
                           DemoLedger::tr("cannot create the folder %1").arg(QFileInfo(path).absolutePath())};
    removeAbandonedParts(path);
    // Per process, so two first starts at once each build their own and the second rename loses cleanly.
    const QString part = QStringLiteral("%1.part-%2").arg(path).arg(QCoreApplication::applicationPid());
    removeSqliteFiles(part);
    url.path = part;
    QString admin;
    {
        auto store = LedgerStore::open(url);
        if (!store)
            return store.error();
        auto bootstrap = (*store)->bootstrapAdmin(login);
        if (!bootstrap) {
            store.value().reset();
            removeSqliteFiles(part);
            return bootstrap.error();
        }
        auto summary = DemoGenerator(**store, options, login).run([&promise](int percent) {
            promise.setProgressValue(percent);
        });
        if (!summary) {
            store.value().reset();
            removeSqliteFiles(part);
            return summary.error();
        }
        admin = login;
    } // closes the connection: SQLite folds its WAL back into the file before the rename
    if (!QFile::rename(part, path)) {
        removeSqliteFiles(part);
        if (!QFileInfo::exists(path))
            return LedgerError{ErrorCode::Database, DemoLedger::tr("cannot rename %1 to %2").arg(part, path)};
        // Another instance finished first: use its ledger, whose admin may be named the same anyway.
        url.path = path;
        auto store = LedgerStore::open(url);
        if (!store)
            return store.error();
        auto other = adminOf(**store, login, path);
        if (!other)
            return other.error();
        return DemoLedger::Ready{path, *other, false};
    }
    removeSqliteFiles(part); // a -wal or -shm left by the closed connection belongs to no file now
    return DemoLedger::Ready{path, admin, true};
}
} // namespace

QString DemoLedger::defaultPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo.sqlite"));
}

DemoOptions DemoLedger::defaultOptions() {
    DemoOptions o;
    o.players = 2000;
    o.days = 90;
    o.seed = 1;
    return o;
}

QString DemoLedger::loginName() {
    for (const char *variable : {"USER", "USERNAME"}) {
        QString name = qEnvironmentVariable(variable); // not const: returned by a move
        if (!name.isEmpty())
            return name;
    }
    return QStringLiteral("admin");
}

QFuture<Result<DemoLedger::Ready>> DemoLedger::ensure(const QString &path, const DemoOptions &options) {
    auto promise = std::make_shared<QPromise<Result<Ready>>>();
    QFuture<Result<Ready>> future = promise->future();
    promise->setProgressRange(0, 100);
    promise->start();
    // The global pool rather than a QThread of our own: QCoreApplication waits for its tasks on exit, so
    // quitting during generation cannot destroy a running thread.
    QThreadPool::globalInstance()->start([promise, path, options] {
        promise->addResult(build(path, options, *promise));
        ChainHasher::releaseThreadState(); // the pool thread hashed the demo's chains
        promise->setProgressValue(100);
        promise->finish();
    });
    return future;
}

QString DemoLedger::chooseOperator(const QList<OperatorInfo> &operators, const QString &loginName) {
    const OperatorInfo *first = nullptr;
    for (const OperatorInfo &o : operators) {
        if (o.role != Role::Admin || o.disabled)
            continue;
        if (o.name == loginName)
            return o.name;
        if (!first || o.id < first->id)
            first = &o;
    }
    return first ? first->name : QString();
}

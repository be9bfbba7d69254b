#include "ledgerverifier.h"

#include "auditchaincheck.h"
#include "balancecheck.h"
#include "journalchaincheck.h"
#include "sqliteaccess.h"
#include "verifyprogress.h"

#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <thread>

namespace {

/// The total a progress bar can expect: entries are counted as they are checked, and the highest entry id
/// is their number to within the ids a rollback skipped. Read in the snapshot that is verified.
qint64 entriesToExpect(QSqlDatabase db) {
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM entries")) && q.next())
        return q.value(0).toLongLong();
    return 0;
}

} // namespace

LedgerVerifier::LedgerVerifier(QSqlDatabase db, bool postgres)
    : m_db(db) // QSqlDatabase has no move constructor (Qt 6.4): a copy shares the connection
    , m_postgres(postgres) {}

QByteArray LedgerVerifier::snapshotMarker(QSqlDatabase db) {
    // Every write appends an audit row or a transaction, so on SQLite's serial history these two numbers
    // identify a snapshot.
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT (SELECT COALESCE(MAX(id), 0) FROM transactions), "
                               "(SELECT COALESCE(MAX(id), 0) FROM audit_log)")) ||
        !q.next())
        return {};
    return QByteArray::number(q.value(0).toLongLong()) + '/' + QByteArray::number(q.value(1).toLongLong());
}

Result<VerifyReport> LedgerVerifier::run(const std::function<bool(qint64 checked, qint64 total)> &progress) {
    QSqlQuery begin(m_db);
    if (!begin.exec(m_postgres ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                               : QStringLiteral("BEGIN")))
        return LedgerError{ErrorCode::Database, begin.lastError().text()};
    // The store's connection has a statement timeout (LedgerStore::open); reading a whole journal may take
    // longer, and is canceled by its own means.
    if (m_postgres && !begin.exec(QStringLiteral("SET LOCAL statement_timeout = 0")))
        return LedgerError{ErrorCode::Database, begin.lastError().text()};
    QString snapshot;
    QByteArray marker;
    // SQLite has no way to share a snapshot between connections, so the workers' connections must see the
    // same committed state as this one: writers are held off (a connection holding the write lock, which
    // readers ignore) from before this connection's first read until every worker has taken its snapshot,
    // a few milliseconds. Without it a walletd taking charges nearly always committed something in between.
    const QString writersHeld = m_postgres ? QString() : holdWriters();
    const auto releaseWriters = qScopeGuard([&writersHeld] {
        if (writersHeld.isEmpty())
            return;
        QSqlDatabase::database(writersHeld, false).close();
        QSqlDatabase::removeDatabase(writersHeld);
    });
    if (m_postgres) {
        QSqlQuery exported(m_db);
        if (!exported.exec(QStringLiteral("SELECT pg_export_snapshot()")) || !exported.next())
            return LedgerError{ErrorCode::Database, exported.lastError().text()};
        snapshot = exported.value(0).toString();
    } else {
        QSqlQuery(m_db).exec(
            QStringLiteral("PRAGMA mmap_size = 17179869184")); // no copies out of the page cache
        marker = snapshotMarker(m_db);
    }
    // Three workers on two cores: the journal's hash chain in two slices, and the balances.
    VerifyProgress shared(progress);
    VerifyPart chain, chainTail, balances;
    JournalChainCheck head(m_postgres, shared), tail(m_postgres, shared);
    BalanceCheck balanceCheck(m_postgres, shared);
    const bool split = head.split(m_db, tail);
    const auto endRead = [this] {
        QSqlQuery(m_db).exec(QStringLiteral("COMMIT"));
        if (!m_postgres)
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA mmap_size = 0"));
    };
    if (!shared.begin(entriesToExpect(m_db))) {
        endRead();
        return LedgerError{ErrorCode::StateConflict, QStringLiteral("verification was cancelled")};
    }
    std::latch snapshotsTaken(split ? 2 : 1);
    std::thread balanceWorker([&] {
        onSecondConnection(snapshot, marker, balances, QStringLiteral("balances"), snapshotsTaken,
                           [&](QSqlDatabase db) { balanceCheck.run(db, balances); });
    });
    std::thread tailWorker([&] {
        if (split)
            onSecondConnection(snapshot, marker, chainTail, QStringLiteral("chain"), snapshotsTaken,
                               [&](QSqlDatabase db) { tail.run(db, chainTail, false); });
    });
    snapshotsTaken.wait();
    if (!writersHeld.isEmpty())
        QSqlQuery(QSqlDatabase::database(writersHeld, false)).exec(QStringLiteral("ROLLBACK"));
    bool chainsDone = head.run(m_db, chain, true);
    if (!chainsDone)
        shared.stop(); // a finding or a failure here makes the other workers' work moot
    tailWorker.join();
    if (chainsDone && split)
        head.join(tail, chainTail, chain);
    AuditChainCheck audit;
    chainsDone = chain.report.ok && !chain.readFailed && audit.run(m_db, chain);
    if (!chain.readFailed && !shared.stopped())
        audit.compareHeads(m_db, chain, head.lanes());
    if (!chainsDone)
        shared.stop();
    balanceWorker.join();
    endRead();

    if (chain.readFailed || balances.readFailed)
        return LedgerError{ErrorCode::Database, QStringLiteral("verification could not read the ledger: %1")
                                                    .arg(chain.readFailed ? chain.report.firstProblem
                                                                          : balances.report.firstProblem)};
    if (shared.stopped() && chain.report.ok && balances.report.ok)
        return LedgerError{ErrorCode::StateConflict, QStringLiteral("verification was cancelled")};
    VerifyReport report = chain.report;
    report.accounts = balances.report.accounts;
    report.rollups = balances.report.rollups;
    if (report.ok && !balances.report.ok) {
        report.ok = false;
        report.firstProblem = balances.report.firstProblem;
    }
    return report;
}

QString LedgerVerifier::holdWriters() {
    // A ledger opened read-only (SqliteAccess) cannot take the write lock. On read-only media nobody writes;
    // a file only its owner may write is verified as before a writer was held off: the workers compare
    // snapshots and retry.
    if (SqliteAccess::isReadOnlyConnection(m_db.connectOptions()))
        return {};
    QString name = QStringLiteral("verify-writers-%1").arg(quintptr(this));
    QSqlDatabase db = QSqlDatabase::addDatabase(m_db.driverName(), name);
    db.setDatabaseName(m_db.databaseName());
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=30000")); // a writer's commit may be under way
    if (db.open() && QSqlQuery(db).exec(QStringLiteral("BEGIN IMMEDIATE")))
        return name;
    // Not held: the workers still compare snapshots and retry, as before.
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
    return {};
}

void LedgerVerifier::onSecondConnection(const QString &snapshot, const QByteArray &marker, VerifyPart &part,
                                        const QString &tag, std::latch &snapshotTaken,
                                        const std::function<void(QSqlDatabase)> &job) {
    const QString name = QStringLiteral("verify-%1-%2").arg(tag).arg(quintptr(this));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(m_db.driverName(), name);
        db.setDatabaseName(m_db.databaseName());
        db.setHostName(m_db.hostName());
        db.setPort(m_db.port());
        db.setUserName(m_db.userName());
        db.setPassword(m_db.password());
        db.setConnectOptions(m_db.connectOptions());
        bool ready = db.open();
        for (int attempt = 0; ready && attempt < 50; ++attempt) {
            QSqlQuery begin(db);
            if (m_postgres) {
                ready = begin.exec(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")) &&
                        begin.exec(
                            QStringLiteral("SET TRANSACTION SNAPSHOT '%1'").arg(snapshot)); // from the server
                break;
            }
            ready = begin.exec(QStringLiteral("BEGIN"));
            QSqlQuery(db).exec(QStringLiteral("PRAGMA mmap_size = 17179869184"));
            if (snapshotMarker(db) == marker)
                break;
            // A write landed between the two snapshots: look again.
            QSqlQuery(db).exec(QStringLiteral("COMMIT"));
            ready = attempt < 49;
            QThread::msleep(20);
        }
        snapshotTaken.count_down();
        if (!ready)
            part.readFailure(db.lastError().text().isEmpty()
                                 ? QStringLiteral("could not open a second snapshot")
                                 : db.lastError().text());
        else
            job(db);
        QSqlQuery(db).exec(QStringLiteral("COMMIT"));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
}

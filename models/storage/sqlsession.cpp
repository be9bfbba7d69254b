#include "sqlsession.h"

#include <QSqlQuery>

SqlSession::SqlSession(QSqlDatabase db, bool postgres)
    : m_db(db) // QSqlDatabase has no move constructor (Qt 6.4): a copy shares the connection
    , m_postgres(postgres) {}

StoreFailure SqlSession::failure(const QSqlError &e) const {
    const QString code = e.nativeErrorCode();
    // 40001 serialization, 40P01 deadlock, 23505 a concurrent twin inserted the same idempotency key:
    // all resolve by running the whole transaction again.
    const bool retry = m_postgres ? (code == u"40001" || code == u"40P01" || code == u"23505")
                                  : (code == u"5" || code == u"6"); // SQLITE_BUSY, SQLITE_LOCKED
    return StoreFailure{LedgerError{ErrorCode::Database, QStringLiteral("database error: %1").arg(e.text())},
                        retry};
}

SqlStatement &SqlSession::run(const char *sql, std::initializer_list<QVariant> args) {
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        // QPSQL runs forward-only queries in single-row mode, one active per connection; the store reads
        // one query while running another, so on PostgreSQL results are buffered instead.
        auto q = std::make_unique<SqlStatement>(m_db, sql, !m_postgres);
        if (!q->isPrepared())
            throw failure(q->lastError());
        it = m_statements.emplace(sql, std::move(q)).first;
    }
    SqlStatement &q = *it->second;
    if (!q.exec(args))
        throw failure(q.lastError());
    return q;
}

QVariant SqlSession::scalar(const char *sql, std::initializer_list<QVariant> args) {
    SqlStatement &q = run(sql, args);
    QVariant v = q.next() ? q.value(0) : QVariant();
    q.finish();
    return v;
}

void SqlSession::execRaw(const QString &sql) {
    QSqlQuery q(m_db);
    if (!q.exec(sql))
        throw failure(q.lastError());
}

#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <initializer_list>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;

/// One prepared statement of the ledger's write path, reused for the life of the connection.
/// On SQLite it drives the sqlite3 C API directly: QSqlQuery::bindValue() formats a placeholder name and
/// hashes it on every call, which measured at a third of a batched posting's time. On PostgreSQL it is a
/// QSqlQuery (the network round trip dominates there).
class SqlStatement final {
public:
    SqlStatement(QSqlDatabase db, const char *sql, bool forwardOnly);
    ~SqlStatement();
    Q_DISABLE_COPY_MOVE(SqlStatement)

    bool isPrepared() const { return m_prepared; }
    /// Binds `args` by position and runs the statement; false on error (see lastError()).
    bool exec(std::initializer_list<QVariant> args);
    bool next();
    QVariant value(int column) const;
    void finish();
    QSqlError lastError() const { return m_error; }

private:
    bool bind(int index, const QVariant &value);

    sqlite3 *m_sqlite = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    std::unique_ptr<QSqlQuery> m_query;
    bool m_prepared = false;
    bool m_pendingRow = false; ///< sqlite: the first step of exec() produced a row not yet handed out
    QSqlError m_error;
};

#pragma once

#include "sqlstatement.h"
#include "storefailure.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>
#include <initializer_list>
#include <memory>
#include <unordered_map>

/// The store's connection and its prepared statements. Statements are prepared once per connection and
/// cached by the address of their SQL literal, so every statement of the write path must be one string
/// literal. Failures are thrown as StoreFailure, marked retryable where running the transaction again helps.
class SqlSession final {
public:
    SqlSession(QSqlDatabase db, bool postgres);
    Q_DISABLE_COPY_MOVE(SqlSession)

    bool postgres() const { return m_postgres; }
    /// The SQL for this connection's database.
    const char *pick(const char *sqlite, const char *postgres) const {
        return m_postgres ? postgres : sqlite;
    }

    /// Runs the cached statement for `sql` with `args` bound by position.
    SqlStatement &run(const char *sql, std::initializer_list<QVariant> args = {});
    /// First column of the first row, or an invalid QVariant.
    QVariant scalar(const char *sql, std::initializer_list<QVariant> args = {});
    /// Runs text that is not worth preparing (BEGIN, COMMIT, SET ...).
    void execRaw(const QString &sql);
    /// What a database error means for the transaction it happened in.
    StoreFailure failure(const QSqlError &e) const;
    /// Drops every prepared statement (the connection is about to be closed).
    void clear() { m_statements.clear(); }

private:
    QSqlDatabase m_db;
    bool m_postgres = false;
    std::unordered_map<const char *, std::unique_ptr<SqlStatement>> m_statements;
};

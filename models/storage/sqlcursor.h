#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <vector>

struct sqlite3_stmt;

/// A forward-only reader for scanning millions of rows, several at once on one connection.
/// SQLite: a raw sqlite3 statement (no QVariant per value). PostgreSQL: a server-side cursor fetched in
/// batches, because a plain QPSQL query would pull the whole result into memory. Must be used inside a
/// transaction on PostgreSQL (cursors live in one).
class SqlCursor final {
public:
    SqlCursor(QSqlDatabase db, const QString &sql, const QString &cursorName);
    ~SqlCursor();
    Q_DISABLE_COPY_MOVE(SqlCursor)

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    bool next();
    qint64 integer(int column) const;
    /// UTF-8 bytes, valid until the next call to next().
    QByteArrayView text(int column) const;

private:
    bool fetchBatch();

    QSqlDatabase m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_cursorName;
    QSqlQuery m_fetch;
    bool m_exhausted = false;
    mutable std::vector<QByteArray> m_text;
    QString m_error;
};

#pragma once

#include "ledgererror.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlQuery>

struct sqlite3;
struct sqlite3_stmt;

/// One prepared INSERT for bulk loading. On SQLite it talks to the sqlite3 C API directly (the Qt layer
/// costs more than SQLite itself at millions of rows); on PostgreSQL it uses a prepared QSqlQuery.
/// insertRow(values...) binds its arguments to the statement's placeholders in order and runs the row.
class BulkStatement final {
public:
    BulkStatement(QSqlDatabase db, const char *sql);
    ~BulkStatement();
    Q_DISABLE_COPY_MOVE(BulkStatement)

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    /// Binds `values` (each a qint64 or UTF-8 bytes) to the placeholders in order and inserts the row.
    template <typename... Values> bool insertRow(const Values &...values) {
        int index = 0;
        (bind(index++, values), ...);
        return insert();
    }

private:
    void bind(int index, qint64 value);
    void bind(int index, const QByteArray &utf8); ///< must stay alive until insert()
    bool insert();

    sqlite3 *m_sqlite = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
    QSqlQuery m_query;
    QString m_error;
};

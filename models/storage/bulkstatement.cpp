#include "bulkstatement.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>
#include <sqlite3.h>

BulkStatement::BulkStatement(QSqlDatabase db, const char *sql)
    : m_query(db) {
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0)
        m_sqlite = *static_cast<sqlite3 *const *>(handle.constData());
    if (m_sqlite) {
        if (sqlite3_prepare_v2(m_sqlite, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_sqlite));
    } else if (!m_query.prepare(QString::fromLatin1(sql))) {
        m_error = m_query.lastError().text();
    }
}

BulkStatement::~BulkStatement() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

void BulkStatement::bind(int index, qint64 value) {
    if (m_stmt)
        sqlite3_bind_int64(m_stmt, index + 1, value);
    else
        m_query.bindValue(index, value);
}

void BulkStatement::bind(int index, const QByteArray &utf8) {
    if (m_stmt)
        sqlite3_bind_text(m_stmt, index + 1, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
    else
        m_query.bindValue(index,
                          utf8.isNull() ? QStringLiteral("") : QString::fromUtf8(utf8)); // '' is not NULL
}

bool BulkStatement::insert() {
    if (m_stmt) {
        const int rc = sqlite3_step(m_stmt);
        sqlite3_reset(m_stmt);
        if (rc != SQLITE_DONE) {
            m_error = QString::fromUtf8(sqlite3_errmsg(m_sqlite));
            return false;
        }
        return true;
    }
    if (!m_query.exec()) {
        m_error = m_query.lastError().text();
        return false;
    }
    return true;
}

#include "sqlcursor.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QVariant>
#include <sqlite3.h>

namespace {
constexpr int FetchBatch = 20000;
}

SqlCursor::SqlCursor(QSqlDatabase db, const QString &sql, const QString &cursorName)
    : m_db(db)
    , m_cursorName(cursorName)
    , m_fetch(db) {
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        sqlite3 *h = *static_cast<sqlite3 *const *>(handle.constData());
        const QByteArray utf8 = sql.toUtf8();
        if (sqlite3_prepare_v2(h, utf8.constData(), int(utf8.size()), &m_stmt, nullptr) != SQLITE_OK)
            m_error = QString::fromUtf8(sqlite3_errmsg(h));
        return;
    }
    QSqlQuery declare(db);
    // The cursor name is chosen by the program, never by input.
    if (!declare.exec(QStringLiteral("DECLARE %1 NO SCROLL CURSOR FOR %2").arg(cursorName, sql)))
        m_error = declare.lastError().text();
    // Not forward-only: QPSQL streams forward-only results in single-row mode, which allows one active
    // query per connection, and the verifier reads several cursors side by side. Batches are buffered.
    if (m_error.isEmpty())
        fetchBatch();
}

SqlCursor::~SqlCursor() {
    if (m_stmt) {
        sqlite3_finalize(m_stmt);
    } else if (m_error.isEmpty()) {
        m_fetch.finish();
        QSqlQuery close(m_db);
        close.exec(QStringLiteral("CLOSE %1").arg(m_cursorName));
    }
}

bool SqlCursor::fetchBatch() {
    if (!m_fetch.exec(QStringLiteral("FETCH FORWARD %1 FROM %2").arg(FetchBatch).arg(m_cursorName))) {
        m_error = m_fetch.lastError().text();
        return false;
    }
    return true;
}

bool SqlCursor::next() {
    if (!m_error.isEmpty())
        return false;
    if (m_stmt) {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_stmt)));
        return false;
    }
    m_text.clear();
    if (m_fetch.next())
        return true;
    if (m_exhausted || !fetchBatch())
        return false;
    if (m_fetch.next())
        return true;
    m_exhausted = true;
    return false;
}

qint64 SqlCursor::integer(int column) const {
    if (m_stmt)
        return sqlite3_column_int64(m_stmt, column);
    return m_fetch.value(column).toLongLong();
}

QByteArrayView SqlCursor::text(int column) const {
    if (m_stmt) {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
        return QByteArrayView(p, sqlite3_column_bytes(m_stmt, column));
    }
    if (m_text.size() <= size_t(column))
        m_text.resize(size_t(column) + 1);
    m_text[size_t(column)] = m_fetch.value(column).toString().toUtf8();
    return m_text[size_t(column)];
}

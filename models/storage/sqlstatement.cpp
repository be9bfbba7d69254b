#include "sqlstatement.h"

#include <QSqlDriver>
#include <sqlite3.h>

namespace {
QSqlError sqliteError(sqlite3 *db) {
    // The extended result code as the native code, as Qt's driver reports it ("5" is SQLITE_BUSY).
    return QSqlError(QString::fromUtf8(sqlite3_errmsg(db)), {}, QSqlError::StatementError,
                     QString::number(sqlite3_errcode(db)));
}
} // namespace

SqlStatement::SqlStatement(QSqlDatabase db, const char *sql, bool forwardOnly) {
    const QVariant handle = db.driver()->handle();
    if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
        m_sqlite = *static_cast<sqlite3 *const *>(handle.constData());
        m_prepared = sqlite3_prepare_v2(m_sqlite, sql, -1, &m_stmt, nullptr) == SQLITE_OK;
        if (!m_prepared)
            m_error = sqliteError(m_sqlite);
        return;
    }
    m_query = std::make_unique<QSqlQuery>(db);
    m_query->setForwardOnly(forwardOnly);
    m_prepared = m_query->prepare(QString::fromLatin1(sql));
    if (!m_prepared)
        m_error = m_query->lastError();
}

SqlStatement::~SqlStatement() {
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

bool SqlStatement::bind(int index, const QVariant &value) {
    int rc = SQLITE_OK;
    if (value.isNull()) {
        rc = sqlite3_bind_null(m_stmt, index + 1);
    } else {
        switch (value.metaType().id()) {
        case QMetaType::LongLong:
        case QMetaType::Int:
        case QMetaType::Bool:
        case QMetaType::UInt:
        case QMetaType::ULongLong:
            rc = sqlite3_bind_int64(m_stmt, index + 1, value.toLongLong());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            rc = sqlite3_bind_blob(m_stmt, index + 1, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            const QByteArray text = value.toString().toUtf8();
            rc = sqlite3_bind_text(m_stmt, index + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
            break;
        }
        }
    }
    if (rc != SQLITE_OK)
        m_error = sqliteError(m_sqlite);
    return rc == SQLITE_OK;
}

bool SqlStatement::exec(std::initializer_list<QVariant> args) {
    if (!m_stmt) {
        int i = 0;
        for (const QVariant &a : args) {
            // A null QString would bind as SQL NULL; text columns here are NOT NULL and mean "none" by ''.
            if (a.metaType() == QMetaType::fromType<QString>() && a.toString().isNull())
                m_query->bindValue(i++, QStringLiteral(""));
            else
                m_query->bindValue(i++, a);
        }
        if (!m_query->exec()) {
            m_error = m_query->lastError();
            return false;
        }
        return true;
    }
    sqlite3_reset(m_stmt);
    int i = 0;
    for (const QVariant &a : args)
        if (!bind(i++, a))
            return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        m_pendingRow = true;
        return true;
    }
    m_pendingRow = false;
    if (rc != SQLITE_DONE) {
        m_error = sqliteError(m_sqlite);
        sqlite3_reset(m_stmt);
        return false;
    }
    return true;
}

bool SqlStatement::next() {
    if (!m_stmt)
        return m_query->next();
    if (m_pendingRow) {
        m_pendingRow = false;
        return true;
    }
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = sqliteError(m_sqlite);
    sqlite3_reset(m_stmt); // done: release the read snapshot at once
    return false;
}

QVariant SqlStatement::value(int column) const {
    if (!m_stmt)
        return m_query->value(column);
    switch (sqlite3_column_type(m_stmt, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_stmt, column)));
    case SQLITE_TEXT:
        return QVariant(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column)),
                                          sqlite3_column_bytes(m_stmt, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_stmt, column)); // never money: no money column is REAL
    case SQLITE_BLOB:
        return QVariant(QByteArray(static_cast<const char *>(sqlite3_column_blob(m_stmt, column)),
                                   sqlite3_column_bytes(m_stmt, column)));
    default:
        return QVariant();
    }
}

void SqlStatement::finish() {
    if (m_stmt) {
        m_pendingRow = false;
        sqlite3_reset(m_stmt);
    } else {
        m_query->finish();
    }
}

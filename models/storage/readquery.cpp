#include "readquery.h"

#include <QSqlError>

ReadQuery ReadQuery::run(const QSqlDatabase &db, bool postgres, const QString &sql,
                         const QVariantList &args) {
    ReadQuery r{QSqlQuery(db), {}, false};
    // QPSQL's forward-only mode switches to single-row fetching, which fails when a second statement runs
    // on the connection before the first is drained; SQLite reads forward-only without that problem.
    r.q.setForwardOnly(!postgres);
    if (!r.q.prepare(sql)) {
        r.error = {ErrorCode::Database, r.q.lastError().text()};
        return r;
    }
    for (int i = 0; i < args.size(); ++i)
        r.q.bindValue(i, args[i]);
    if (!r.q.exec()) {
        r.error = {ErrorCode::Database, r.q.lastError().text()};
        return r;
    }
    r.ok = true;
    return r;
}

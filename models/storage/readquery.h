#pragma once

#include "ledgererror.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

/// A prepared, bound and executed read query of LedgerReader or EconomyReader, or the database's error.
struct ReadQuery {
    QSqlQuery q;
    LedgerError error;
    bool ok = false;

    /// Prepares `sql`, binds `args` by position and runs it. Values from users travel only in `args`.
    static ReadQuery run(const QSqlDatabase &db, bool postgres, const QString &sql, const QVariantList &args);
};

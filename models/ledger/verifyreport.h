#pragma once

#include <QString>
#include <QtGlobal>

struct VerifyReport {
    bool ok = true;
    qint64 transactions = 0;
    qint64 entries = 0;
    qint64 auditRecords = 0;
    qint64 accounts = 0;
    qint64 rollups = 0;
    QString firstProblem; ///< names the first bad row, e.g. "transaction 42: hash does not match"
    QString digest;       ///< hex SHA-256 over every chain head: export it, compare it later
};

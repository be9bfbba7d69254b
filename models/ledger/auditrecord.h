#pragma once

#include <QString>
#include <QtGlobal>

/// One line of the audit log: who did what, from where, to what, and how it ended.
struct AuditRecord {
    qint64 id = 0;
    qint64 at = 0;
    QString operatorName;
    QString origin;
    QString action;  ///< post, reverse, approve, reject, freeze, unfreeze, close, login, operator-add, ...
    QString target;  ///< "account:12", "transaction:99", "approval:3", "operator:alice"
    QString outcome; ///< "ok", "pending", "denied", or the error code name
    QString detail;
};

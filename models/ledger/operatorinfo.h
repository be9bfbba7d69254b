#pragma once

#include "role.h"

#include <QMap>
#include <QString>
#include <QtGlobal>

struct OperatorInfo {
    qint64 id = 0;
    QString name;
    Role role = Role::Viewer;
    bool disabled = false;
    /// Per currency: the largest amount (minor units) this operator may post without a second approval.
    /// No entry for a currency means no limit in that currency, whatever the role: admins give support
    /// operators their limits when they add them (walletctl operator add NAME --role support --limit
    /// USD:100).
    QMap<QString, qint64> limits;
    qint64 createdAt = 0;
};

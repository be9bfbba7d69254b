#pragma once

#include <QString>

/// What opening a player account takes.
struct NewAccount {
    QString currency;
    QString playerRef;
    QString name;
    bool allowNegative = false;
};

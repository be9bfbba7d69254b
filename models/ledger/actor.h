#pragma once

#include <QString>

/// Who asks, and from where. Every store call takes one so that every action can be authorised and audited.
struct Actor {
    QString operatorName;
    QString origin; ///< host name for local tools, client address for walletd
};

#pragma once

// What walletctl's command files share (walletctl.cpp, walletctl_*.cpp); not an interface of its own.

#include <QDateTime>
#include <QString>

namespace WalletCtlDetail {

/// The exit codes (docs/walletctl.md).
enum Exit {
    Ok = 0,
    Usage = 2,
    NotFoundExit = 3,
    Refused = 4,
    Denied = 5,
    DatabaseExit = 6,
    VerifyFailed = 7
};

/// The most rows one read asks for: walletd's largest page. Longer lists are read in pages, which give the
/// same rows a database gives in one read.
constexpr int PageRows = 1000;
/// How long a command waits for a database that went away during it (a restart, a failover) before it fails.
constexpr int OutageWaitMs = 60000;
/// `approvals` lists at most this many (the oldest pending first, or the newest of all).
constexpr qsizetype ApprovalsShown = 200;

inline QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace WalletCtlDetail

#pragma once

#include "demogenerator.h"
#include "ledgererror.h"
#include "operatorinfo.h"

#include <QCoreApplication>
#include <QFuture>
#include <QList>
#include <QString>

/// The embedded demo ledger a new user sees on first start: a SQLite file in the user's data folder
/// (QStandardPaths::AppDataLocation/demo.sqlite, the file scripts/run-demo.sh makes too), filled by
/// DemoGenerator with a living economy, with the OS login name as its administrator (as `walletctl init`
/// names it) plus the generator's operators alice, bob and carol.
class DemoLedger final {
    Q_DECLARE_TR_FUNCTIONS(DemoLedger) // its messages are shown in the app, so lupdate must find them

public:
    struct Ready {
        QString path;
        QString adminOperator; ///< the operator the demo profile works as
        bool created = false;  ///< false: the ledger existed already and was only looked at
    };

    /// AppDataLocation/demo.sqlite (needs the application and organisation names set, as main does).
    static QString defaultPath();
    /// 2000 players over 90 days, seed 1: generated in a few seconds, big enough to scroll and chart.
    static DemoOptions defaultOptions();
    /// The name walletctl gives the first administrator: $USER ($USERNAME on Windows), else "admin".
    static QString loginName();

    /// Makes sure a demo ledger exists at `path` and finds the operator to open it as. Runs on a pool thread,
    /// never the caller's: generating takes seconds. The future reports progress 0..100 (QFutureWatcher's
    /// progressValueChanged) and completes with the path and operator, or the error.
    ///
    /// A new ledger is built under a temporary name beside `path` and renamed when complete, so a crash or
    /// a full disk never leaves a half-made demo ledger that later starts would take for a finished one.
    /// An existing file is not rebuilt.
    static QFuture<Result<Ready>> ensure(const QString &path = defaultPath(),
                                         const DemoOptions &options = defaultOptions());

    /// The operator to open the demo ledger as: the enabled administrator named `loginName` when there is
    /// one (the ledger was made by this user), else the first enabled administrator (made under another
    /// login, e.g. by scripts/run-demo.sh in a shell with another $USER). Empty when there is none.
    static QString chooseOperator(const QList<OperatorInfo> &operators, const QString &loginName);
};

#pragma once

#include "ledgererror.h"

#include <QEventLoop>
#include <QFuture>
#include <QFutureWatcher>

/// Waits on the calling thread for `future` to finish, running that thread's events meanwhile.
template <typename T> void waitForFinished(QFuture<T> &future) {
    if (future.isFinished())
        return;
    QEventLoop loop;
    QFutureWatcher<T> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(future);
    if (!future.isFinished()) // finishing from now on posts finished() to this thread: exec() sees it
        loop.exec();
}

/// The value of a future that always gives one (such as SecretStore's), waited for as waitForResult() does.
template <typename T> T waitForFuture(QFuture<T> future) {
    waitForFinished(future);
    return future.resultCount() > 0 ? future.result() : T{};
}

/// Waits for one of LedgerClient's futures on the calling thread, processing that thread's events meanwhile:
/// for synchronous tools such as walletctl. RemoteLedgerClient completes its futures through this thread's
/// event loop (network replies, retries, continuations), and LocalLedgerClient's continuations come back to
/// it too, so a plain QFuture::waitForFinished() would wait forever. A future that ends without a result
/// (canceled) gives a Database error.
template <typename T> Result<T> waitForResult(QFuture<Result<T>> future) {
    waitForFinished(future);
    if (future.resultCount() == 0)
        return LedgerError{ErrorCode::Database, QStringLiteral("the request ended without an answer")};
    return future.result();
}

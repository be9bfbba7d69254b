#pragma once

#include "ledgerstore.h"

#include <QAtomicInt>
#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <memory>
#include <type_traits>

/// The asynchronous face of the ledger. A worker thread owns the LedgerStore and with it the database
/// connection (a QSqlDatabase may only be used from the thread that made it); callers on any thread,
/// the GUI thread included, get a QFuture that completes on the worker. Jobs run in the order given.
///
/// A lost connection (PostgreSQL restarted, failed over, or a network dropped it) is noticed when a job fails
/// with a database error and the connection no longer answers; the service then reconnects by itself, with a
/// backoff from 100 ms to 1 s, and says so through availabilityChanged. Meanwhile jobs fail at once with
/// ErrorCode::Database ("unreachable ... reconnecting") rather than wait: walletd answers them 503 with
/// Retry-After, and a retry with the same idempotency key is answered as the original was
/// (docs/reliability.md).
class LedgerService final : public QObject {
    Q_OBJECT
public:
    explicit LedgerService(QObject *parent = nullptr);
    ~LedgerService() override;
    Q_DISABLE_COPY_MOVE(LedgerService)

    /// Opens (and migrates) the ledger on the worker thread. Replaces any ledger opened before.
    QFuture<Result<Done>> open(const DatabaseUrl &url);

    /// For a program that runs one long command (walletctl): while the database is unreachable, a job waits
    /// for it, reconnecting at the usual backoff, until `ms` have passed since the connection was lost, and
    /// then runs, instead of failing at once. A job whose COMMIT was cut off is still not run again (whether
    /// it committed is unknown; its caller asks again with the same idempotency key). 0, the default, fails
    /// at once, as the desktop app and walletd want: they answer and show rather than wait. Any thread.
    void setOutageWait(int ms) { m_outageWaitMs.storeRelaxed(ms); }

    /// Runs `job(LedgerStore &)` on the worker thread. The job returns a Result<T>.
    template <typename Job> auto run(Job job) -> QFuture<std::invoke_result_t<Job, LedgerStore &>> {
        using R = std::invoke_result_t<Job, LedgerStore &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_worker,
            [this, promise, job = std::move(job)]() mutable {
                LedgerError unavailable;
                if (LedgerStore *store = storeForJob(&unavailable)) {
                    R result = job(*store);
                    // A connection found dead (a database restart) with nothing of the job committed: once
                    // reconnected, the job runs again rather than fail.
                    if (!result && result.error().code == ErrorCode::Database) {
                        const Recovery recovery = recoverConnection(result.error().message);
                        if (recovery == Recovery::RunAgain ||
                            (recovery == Recovery::Down && waitForReconnection()))
                            result = job(*m_store);
                    } else if (!store->database().isOpen()) {
                        // The job coped with a failure itself (and answered with it); the connection is gone
                        // all the same. Not run again: it answered.
                        recoverConnection(QStringLiteral("the database connection closed"));
                    }
                    promise->addResult(std::move(result));
                } else {
                    promise->addResult(R(unavailable));
                }
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    QFuture<Result<PostingResult>> post(const Actor &actor, const PostingRequest &request);
    QFuture<Result<PostingResult>> reverse(const Actor &actor, const ReversalRequest &request);
    QFuture<Result<PostingResult>> approve(const Actor &actor, qint64 approvalId, const QString &comment,
                                           WriteMode mode = WriteMode::Commit);
    QFuture<Result<Approval>> reject(const Actor &actor, qint64 approvalId, const QString &comment,
                                     WriteMode mode = WriteMode::Commit);
    QFuture<Result<Account>> account(qint64 id);
    QFuture<Result<QList<HistoryEntry>>> history(qint64 accountId, qint64 beforeEntryId, int limit);
    QFuture<Result<VerifyReport>> verify();

    /// Whether the last job found the database (false from a lost connection until the reconnection). Any
    /// thread.
    bool isAvailable() const { return m_available.loadRelaxed() != 0; }

Q_SIGNALS:
    /// Emitted (on the worker thread; connect queued) after a write through this service touched accounts.
    void accountsChanged(const QList<qint64> &accountIds);
    /// The connection was lost (false, with what failed) or is back (true). On the worker thread.
    void availabilityChanged(bool available, const QString &reason);

private:
    void notify(const Result<PostingResult> &result);
    /// On the worker: the store a job runs on, after reconnecting if the connection was lost and the backoff
    /// allows a try now; nullptr with *error set when there is none.
    LedgerStore *storeForJob(LedgerError *error);
    enum class Recovery {
        JobFailed, ///< the job's own failure (a constraint, a full disk, a timeout): the connection is fine
        RunAgain,  ///< the connection was lost before any COMMIT and is back: the job may run again now
        Down,      ///< lost before any COMMIT, not back yet: the job may run again once it is
        Uncertain, ///< lost at COMMIT: whether the job's writes committed is unknown; never run it again
    };
    /// On the worker, after a job failed with a database error: when the connection itself is gone, drops it
    /// and reconnects (in the background when it cannot at once).
    Recovery recoverConnection(const QString &failure);
    /// On the worker, while the connection is lost: with an outage wait, tries to reconnect at the backoff's
    /// pace until it succeeds (true) or the wait since the loss is over (false). Without one, false at once.
    bool waitForReconnection();
    bool tryReconnect();
    void scheduleReconnect();
    void setAvailable(bool available, const QString &reason);

    DatabaseUrl m_url;          ///< what open() opened, for reconnecting (worker thread)
    bool m_lost = false;        ///< the connection was lost and not yet re-established (worker thread)
    QString m_lostReason;       ///< what failed, for the error jobs get meanwhile (worker thread)
    int m_backoffMs = 0;        ///< the wait before the next reconnection attempt (worker thread)
    qint64 m_nextAttemptAt = 0; ///< msecs since the epoch (worker thread)
    qint64 m_lostAt = 0;        ///< msecs since the epoch when the connection was lost (worker thread)
    QAtomicInt m_outageWaitMs = 0;
    bool m_reconnectScheduled = false;
    QAtomicInt m_available = 1;

    QThread m_thread;
    QObject *m_worker = nullptr;          ///< lives in m_thread; jobs are queued to it
    std::unique_ptr<LedgerStore> m_store; ///< touched only on m_thread
};

#pragma once

#include "databaseurl.h"
#include "ledgererror.h"
#include "verifyreport.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

/// Verifications that run in the background for walletd's admin API, so that a client can show progress and
/// cancel (POST, GET and DELETE /admin/v1/verify-jobs; docs/api/openapi.yaml).
///
/// Each job has a thread and a ledger connection of its own: verifying ten million entries takes seconds, and
/// on the shared read worker it would hold up every list and every game server's balance read meanwhile. A
/// job belongs to the operator who started it; anyone else is told it does not exist. Finished jobs are
/// kept for a while so their report can be fetched, then forgotten.
///
/// Thread-safe: the admin API calls it from its ledger workers.
class VerifyJobs final {
public:
    /// At most this many run at once: each reads the whole ledger on several connections.
    static constexpr int MaxRunning = 2;
    /// How long a finished job's report stays available.
    static constexpr qint64 KeepFinishedMs = qint64(15) * 60 * 1000;

    explicit VerifyJobs(DatabaseUrl db);
    /// Cancels what still runs and waits for it.
    ~VerifyJobs();
    Q_DISABLE_COPY_MOVE(VerifyJobs)

    /// Starts a verification for `owner`; its state as JSON (with its id), or StateConflict when MaxRunning
    /// are running already.
    /// `beforeRun` is called with the new job's id before the job takes its snapshot of the ledger.
    Result<QJsonObject> start(const QString &owner,
                              const std::function<void(const QString &)> &beforeRun = {});
    /// The job's state as JSON: state (running, done, failed or canceled), checked and total entries, and
    /// the report or the error once finished. NotFound for an unknown id or another operator's job.
    Result<QJsonObject> state(const QString &id, const QString &owner);
    /// Asks the job to stop and forgets it; its thread is joined later (prune), so this does not wait.
    /// NotFound as for state().
    Result<QJsonObject> cancel(const QString &id, const QString &owner);

private:
    struct Job {
        QString id;
        QString owner;
        std::atomic<qint64> checked{0};
        std::atomic<qint64> total{0};
        std::atomic<bool> stop{false};
        // Guarded by VerifyJobs::m_mutex:
        bool finished = false;
        std::optional<Result<VerifyReport>> outcome;
        qint64 finishedAtMs = 0;
        std::thread thread;
    };

    void run(Job *job);
    /// Drops jobs finished longer ago than KeepFinishedMs and joins the threads of those that ended, canceled
    /// ones included. With m_mutex held.
    void prune(std::unique_lock<std::mutex> &lock);
    QJsonObject describe(const Job &job) const;
    Result<Job *> find(const QString &id, const QString &owner);

    const DatabaseUrl m_db;
    std::mutex m_mutex;
    QHash<QString, std::shared_ptr<Job>> m_jobs;
    QList<std::shared_ptr<Job>> m_canceled; ///< told to stop, thread not joined yet
};

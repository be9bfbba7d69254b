#pragma once

#include "ledgerstore.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThread>
#include <memory>
#include <type_traits>

/// The asynchronous face of the ledger. A worker thread owns the LedgerStore and with it the database
/// connection (a QSqlDatabase may only be used from the thread that made it); callers on any thread,
/// the GUI thread included, get a QFuture that completes on the worker. Jobs run in the order given.
class LedgerService final : public QObject {
    Q_OBJECT
public:
    explicit LedgerService(QObject *parent = nullptr);
    ~LedgerService() override;
    Q_DISABLE_COPY_MOVE(LedgerService)

    /// Opens (and migrates) the ledger on the worker thread. Replaces any ledger opened before.
    QFuture<Result<Done>> open(const DatabaseUrl &url);

    /// Runs `job(LedgerStore &)` on the worker thread. The job returns a Result<T>.
    template <typename Job> auto run(Job job) -> QFuture<std::invoke_result_t<Job, LedgerStore &>> {
        using R = std::invoke_result_t<Job, LedgerStore &>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_worker,
            [this, promise, job = std::move(job)]() mutable {
                if (m_store)
                    promise->addResult(job(*m_store));
                else
                    promise->addResult(
                        R(LedgerError{ErrorCode::Database, QStringLiteral("no ledger is open")}));
                promise->finish();
            },
            Qt::QueuedConnection);
        return future;
    }

    QFuture<Result<PostingResult>> post(const Actor &actor, const PostingRequest &request);
    QFuture<Result<PostingResult>> reverse(const Actor &actor, const ReversalRequest &request);
    QFuture<Result<PostingResult>> approve(const Actor &actor, qint64 approvalId, const QString &comment);
    QFuture<Result<Approval>> reject(const Actor &actor, qint64 approvalId, const QString &comment);
    QFuture<Result<Account>> account(qint64 id);
    QFuture<Result<QList<HistoryEntry>>> history(qint64 accountId, qint64 beforeEntryId, int limit);
    QFuture<Result<VerifyReport>> verify();

Q_SIGNALS:
    /// Emitted (on the worker thread; connect queued) after a write through this service touched accounts.
    void accountsChanged(const QList<qint64> &accountIds);

private:
    void notify(const Result<PostingResult> &result);

    QThread m_thread;
    QObject *m_worker = nullptr;          ///< lives in m_thread; jobs are queued to it
    std::unique_ptr<LedgerStore> m_store; ///< touched only on m_thread
};

#include "ledgerservice.h"

#include "chainhasher.h"
#include "ledgerreader.h"

#include <QDateTime>
#include <QTimer>

LedgerService::LedgerService(QObject *parent)
    : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("ledger-worker"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LedgerService::~LedgerService() {
    // The store (and its connection) must die on the thread that created it.
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            m_store.reset();
            // OpenSSL keeps per-thread state that a thread-exit handler frees, racing with process exit;
            // free it here, on the thread, deterministically (LeakSanitizer saw it otherwise).
            ChainHasher::releaseThreadState();
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QFuture<Result<Done>> LedgerService::open(const DatabaseUrl &url) {
    auto promise = std::make_shared<QPromise<Result<Done>>>();
    QFuture<Result<Done>> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        m_worker,
        [this, promise, url] {
            m_store.reset();
            m_url = url;
            m_lost = false;
            m_backoffMs = 0;
            auto opened = LedgerStore::open(url);
            if (opened) {
                m_store = std::move(opened).value();
                setAvailable(true, {});
                promise->addResult(Result<Done>(Done{}));
            } else {
                promise->addResult(Result<Done>(opened.error()));
            }
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

namespace {
constexpr int FirstReconnectDelayMs = 100;
constexpr int MaxReconnectDelayMs = 1000; // walletd serves again within about a second of the database
} // namespace

LedgerStore *LedgerService::storeForJob(LedgerError *error) {
    if (!m_lost) {
        if (!m_store)
            *error = LedgerError{ErrorCode::Database, QStringLiteral("no ledger is open")};
        return m_store.get();
    }
    if ((QDateTime::currentMSecsSinceEpoch() >= m_nextAttemptAt && tryReconnect()) || waitForReconnection())
        return m_store.get();
    *error = LedgerError{
        ErrorCode::Database,
        QStringLiteral("the ledger database is unreachable (%1); reconnecting").arg(m_lostReason)};
    return nullptr;
}

LedgerService::Recovery LedgerService::recoverConnection(const QString &failure) {
    if (m_lost || !m_store || m_store->isConnected())
        return Recovery::JobFailed;
    const bool uncertain = m_store->lastCommitUncertain();
    m_store.reset(); // the connection is dead; its QSqlDatabase goes on this thread, as it must
    m_lost = true;
    m_lostAt = QDateTime::currentMSecsSinceEpoch();
    m_lostReason = failure.left(300);
    m_backoffMs = FirstReconnectDelayMs;
    if (uncertain)
        m_nextAttemptAt = 0; // no attempt yet: the next job may make one at once
    else if (tryReconnect())
        return Recovery::RunAgain; // the server was back already (a restart that ended before this job came)
    setAvailable(false, m_lostReason);
    scheduleReconnect();
    return uncertain ? Recovery::Uncertain : Recovery::Down;
}

bool LedgerService::waitForReconnection() {
    const int waitMs = m_outageWaitMs.loadRelaxed();
    if (waitMs <= 0 || !m_lost)
        return false;
    // The worker sleeps: its jobs wait in their queue, in order, which is what a program that waits wants.
    const qint64 giveUpAt = m_lostAt + waitMs;
    for (;;) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 attemptAt = std::max(m_nextAttemptAt, now);
        if (attemptAt > giveUpAt)
            return false;
        QThread::msleep(static_cast<unsigned long>(attemptAt - now));
        if (tryReconnect())
            return true;
    }
}

bool LedgerService::tryReconnect() {
    auto opened = LedgerStore::open(m_url);
    if (!opened) {
        m_lostReason = opened.error().message.left(300);
        m_nextAttemptAt = QDateTime::currentMSecsSinceEpoch() + m_backoffMs;
        m_backoffMs = std::min(m_backoffMs * 2, MaxReconnectDelayMs);
        return false;
    }
    m_store = std::move(opened).value();
    m_lost = false;
    setAvailable(true, {});
    return true;
}

void LedgerService::scheduleReconnect() {
    // Also without jobs: the desktop app learns that the ledger is back, and walletd's readiness turns.
    if (m_reconnectScheduled)
        return;
    m_reconnectScheduled = true;
    QTimer::singleShot(m_backoffMs, m_worker, [this] {
        m_reconnectScheduled = false;
        if (m_lost && !tryReconnect())
            scheduleReconnect();
    });
}

void LedgerService::setAvailable(bool available, const QString &reason) {
    if (m_available.fetchAndStoreRelaxed(available ? 1 : 0) == (available ? 1 : 0))
        return;
    Q_EMIT availabilityChanged(available, reason);
}

void LedgerService::notify(const Result<PostingResult> &result) {
    if (!result || result->replayed || result->dryRun)
        return;
    QList<qint64> ids;
    for (const JournalEntry &e : result->entries)
        if (!ids.contains(e.accountId))
            ids << e.accountId;
    if (!ids.isEmpty())
        Q_EMIT accountsChanged(ids);
}

QFuture<Result<PostingResult>> LedgerService::post(const Actor &actor, const PostingRequest &request) {
    return run([this, actor, request](LedgerStore &s) {
        auto r = s.post(actor, request);
        notify(r);
        return r;
    });
}

QFuture<Result<PostingResult>> LedgerService::reverse(const Actor &actor, const ReversalRequest &request) {
    return run([this, actor, request](LedgerStore &s) {
        auto r = s.reverse(actor, request);
        notify(r);
        return r;
    });
}

QFuture<Result<PostingResult>> LedgerService::approve(const Actor &actor, qint64 approvalId,
                                                      const QString &comment, WriteMode mode) {
    return run([this, actor, approvalId, comment, mode](LedgerStore &s) {
        auto r = s.approve(actor, approvalId, comment, mode);
        notify(r);
        return r;
    });
}

QFuture<Result<Approval>> LedgerService::reject(const Actor &actor, qint64 approvalId, const QString &comment,
                                                WriteMode mode) {
    return run([actor, approvalId, comment, mode](LedgerStore &s) {
        return s.reject(actor, approvalId, comment, mode);
    });
}

QFuture<Result<Account>> LedgerService::account(qint64 id) {
    return run([id](LedgerStore &s) { return s.account(id); });
}

QFuture<Result<QList<HistoryEntry>>> LedgerService::history(qint64 accountId, qint64 beforeEntryId,
                                                            int limit) {
    return run([=](LedgerStore &s) { return LedgerReader(s).history(accountId, beforeEntryId, limit); });
}

QFuture<Result<VerifyReport>> LedgerService::verify() {
    return run([](LedgerStore &s) { return s.verify(); });
}

#include "ledgerservice.h"

#include "chainhasher.h"

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
            auto opened = LedgerStore::open(url);
            if (opened) {
                m_store = std::move(opened).value();
                promise->addResult(Result<Done>(Done{}));
            } else {
                promise->addResult(Result<Done>(opened.error()));
            }
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

void LedgerService::notify(const Result<PostingResult> &result) {
    if (!result || result->replayed)
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
                                                      const QString &comment) {
    return run([this, actor, approvalId, comment](LedgerStore &s) {
        auto r = s.approve(actor, approvalId, comment);
        notify(r);
        return r;
    });
}

QFuture<Result<Approval>> LedgerService::reject(const Actor &actor, qint64 approvalId,
                                                const QString &comment) {
    return run([actor, approvalId, comment](LedgerStore &s) { return s.reject(actor, approvalId, comment); });
}

QFuture<Result<Account>> LedgerService::account(qint64 id) {
    return run([id](LedgerStore &s) { return s.account(id); });
}

QFuture<Result<QList<HistoryEntry>>> LedgerService::history(qint64 accountId, qint64 beforeEntryId,
                                                            int limit) {
    return run([=](LedgerStore &s) { return s.history(accountId, beforeEntryId, limit); });
}

QFuture<Result<VerifyReport>> LedgerService::verify() {
    return run([](LedgerStore &s) { return s.verify(); });
}

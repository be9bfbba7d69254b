#pragma once

#include "actor.h"
#include "ledgerservice.h"

#include <QObject>
#include <functional>

/// Group commit for the game API's postings. Requests that arrive while a batch is committing wait, and go
/// together as the next batch: one database transaction (LedgerStore::postBatch: one fsync, a result per
/// request). Each request is answered only after its batch committed, so an acknowledged charge is durable.
/// Under no load a request goes alone at once, so batching adds no latency; under load the batch grows to
/// what arrived during one commit, which is what lifts charges/s above one fsync per request.
///
/// With several services (PostgreSQL: several connections), as many batches are in flight at once, one per
/// service; SQLite has one writer at a time, so it gets one.
class ChargeBatcher final : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const Result<PostingResult> &)>;

    ChargeBatcher(QList<LedgerService *> services, Actor actor, int maxBatch, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ChargeBatcher)

    /// Queues `request`; `done` is called on this object's thread once its batch committed (or failed).
    void submit(const PostingRequest &request, Done done);

    /// Batches committed so far and requests in them, for the log and the benchmark.
    qint64 batches() const { return m_batches; }
    qint64 requests() const { return m_requests; }

private:
    void flush();
    void dispatch(LedgerService *service);

    struct Item {
        PostingRequest request;
        Done done;
    };
    QList<LedgerService *> m_idle; ///< services with no batch in flight
    const Actor m_actor;
    const int m_maxBatch;
    QList<Item> m_queue;
    qint64 m_batches = 0;
    qint64 m_requests = 0;
};

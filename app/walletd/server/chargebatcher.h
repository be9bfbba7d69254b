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
class ChargeBatcher final : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const Result<PostingResult> &)>;

    ChargeBatcher(LedgerService &service, Actor actor, int maxBatch, QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(ChargeBatcher)

    /// Queues `request`; `done` is called on this object's thread once its batch committed (or failed).
    void submit(const PostingRequest &request, Done done);

    /// Batches committed so far and requests in them, for the log and the benchmark.
    qint64 batches() const { return m_batches; }
    qint64 requests() const { return m_requests; }

private:
    void flush();

    struct Item {
        PostingRequest request;
        Done done;
    };
    LedgerService &m_service;
    const Actor m_actor;
    const int m_maxBatch;
    QList<Item> m_queue;
    bool m_inFlight = false;
    qint64 m_batches = 0;
    qint64 m_requests = 0;
};

#include "chargebatcher.h"

ChargeBatcher::ChargeBatcher(LedgerService &service, Actor actor, int maxBatch, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_actor(std::move(actor))
    , m_maxBatch(maxBatch) {}

void ChargeBatcher::submit(const PostingRequest &request, Done done) {
    m_queue.append(Item{request, std::move(done)});
    flush();
}

void ChargeBatcher::flush() {
    if (m_inFlight || m_queue.isEmpty())
        return;
    const qsizetype n = std::min<qsizetype>(m_queue.size(), m_maxBatch);
    QList<Item> batch = m_queue.mid(0, n);
    m_queue.remove(0, n);
    QList<PostingRequest> requests;
    requests.reserve(batch.size());
    for (const Item &item : std::as_const(batch))
        requests << item.request;
    m_inFlight = true;
    ++m_batches;
    m_requests += requests.size();
    m_service
        .run([actor = m_actor, requests](LedgerStore &store) -> Result<QList<Result<PostingResult>>> {
            return store.postBatch(actor, requests);
        })
        .then(this, [this, batch](const Result<QList<Result<PostingResult>>> &results) {
            m_inFlight = false;
            for (qsizetype i = 0; i < batch.size(); ++i) {
                if (!results)
                    batch.at(i).done(results.error());
                else
                    batch.at(i).done(results->value(
                        i, Result<PostingResult>(LedgerError{
                               ErrorCode::Database, QStringLiteral("the batch lost this request")})));
            }
            flush();
        });
}

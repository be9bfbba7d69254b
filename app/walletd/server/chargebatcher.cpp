#include "chargebatcher.h"

#include <algorithm>

ChargeBatcher::ChargeBatcher(QList<LedgerService *> services, Actor actor, int maxBatch, QObject *parent)
    : QObject(parent)
    , m_idle(std::move(services))
    , m_actor(std::move(actor))
    , m_maxBatch(maxBatch) {}

void ChargeBatcher::submit(const PostingRequest &request, Done done) {
    m_queue.append(Item{request, std::move(done)});
    flush();
}

void ChargeBatcher::flush() {
    while (!m_queue.isEmpty() && !m_idle.isEmpty())
        dispatch(m_idle.takeLast());
}

void ChargeBatcher::dispatch(LedgerService *service) {
    const qsizetype n = std::min<qsizetype>(m_queue.size(), m_maxBatch);
    QList<Item> batch = m_queue.mid(0, n);
    m_queue.remove(0, n);
    // In account order, so that a batch's postings on one player sit together. (postBatch locks all of a
    // batch's player rows up front in ascending id order, so concurrent batches on PostgreSQL cannot deadlock
    // on them whatever the order here.)
    std::stable_sort(batch.begin(), batch.end(),
                     [](const Item &a, const Item &b) { return a.request.accountId < b.request.accountId; });
    QList<PostingRequest> requests;
    requests.reserve(batch.size());
    for (const Item &item : std::as_const(batch))
        requests << item.request;
    ++m_batches;
    m_requests += requests.size();
    service
        ->run([actor = m_actor, requests](LedgerStore &store) -> Result<QList<Result<PostingResult>>> {
            QList<Result<PostingResult>> results = store.postBatch(actor, requests);
            // The whole batch's transaction failed in the database (each request carries that one error): say
            // so as the job's own error, so that LedgerService sees a lost connection and recovers (and runs
            // the batch again when nothing of it was committed).
            if (!results.isEmpty() && std::all_of(results.cbegin(), results.cend(), [](const auto &r) {
                    return !r && r.error().code == ErrorCode::Database;
                }))
                return results.constFirst().error();
            return results;
        })
        .then(this, [this, service, batch](const Result<QList<Result<PostingResult>>> &results) {
            m_idle.append(service);
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

#include "verifyjobs.h"

#include "apicodec.h"
#include "ledgerstore.h"

#include <QDateTime>
#include <QRandomGenerator>

VerifyJobs::VerifyJobs(DatabaseUrl db)
    : m_db(std::move(db)) {}

VerifyJobs::~VerifyJobs() {
    std::unique_lock lock(m_mutex);
    QList<std::shared_ptr<Job>> jobs = std::exchange(m_canceled, {});
    for (const auto &job : std::as_const(m_jobs))
        jobs << job;
    m_jobs.clear();
    lock.unlock();
    for (const auto &job : std::as_const(jobs))
        job->stop = true;
    for (const auto &job : std::as_const(jobs))
        if (job->thread.joinable())
            job->thread.join();
}

Result<QJsonObject> VerifyJobs::start(const QString &owner,
                                      const std::function<void(const QString &)> &beforeRun) {
    std::unique_lock lock(m_mutex);
    prune(lock);
    int running = 0; // canceled ones too, until they notice: starting and canceling must not pile up threads
    for (const auto &job : std::as_const(m_jobs))
        running += job->finished ? 0 : 1;
    for (const auto &job : std::as_const(m_canceled))
        running += job->finished ? 0 : 1;
    if (running >= MaxRunning)
        return LedgerError{ErrorCode::StateConflict,
                           QStringLiteral("%1 verifications are running already; start another when one has "
                                          "finished")
                               .arg(running)};
    auto job = std::make_shared<Job>();
    // Unguessable: the id is all a client holds, and one operator's job is none of another's business.
    job->id = QString::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, u'0');
    job->owner = owner;
    m_jobs.insert(job->id, job);
    if (beforeRun)
        beforeRun(job->id); // e.g. the audit record of the start, which the job's snapshot must include
    job->thread = std::thread([this, raw = job.get()] { run(raw); });
    return describe(*job);
}

void VerifyJobs::run(Job *job) {
    auto finish = [this, job](Result<VerifyReport> outcome) {
        const std::lock_guard lock(m_mutex);
        job->outcome = std::move(outcome);
        job->finished = true;
        job->finishedAtMs = QDateTime::currentMSecsSinceEpoch();
    };
    auto opened = LedgerStore::open(m_db);
    if (!opened) {
        finish(opened.error());
        return;
    }
    std::unique_ptr<LedgerStore> store = std::move(opened).value();
    // Progress counts entries; the verifier tells the total with its first call, before any work.
    auto report = store->verify([job](qint64 checked, qint64 total) {
        job->total = total;
        job->checked = checked;
        return !job->stop.load();
    });
    store.reset(); // closes the connection on the thread that opened it
    if (report)
        job->checked = job->total = report->entries; // done: the bar ends full, whatever ids were skipped
    finish(std::move(report));
}

void VerifyJobs::prune(std::unique_lock<std::mutex> &lock) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QList<std::shared_ptr<Job>> ended;
    // removeIf visits each entry once, in order; erase() with a mutable iterator would convert it to a
    // const_iterator (clazy's strict-iterators).
    m_jobs.removeIf([&](QHash<QString, std::shared_ptr<Job>>::iterator it) {
        if (!(*it)->finished || now - (*it)->finishedAtMs <= KeepFinishedMs)
            return false;
        ended << *it;
        return true;
    });
    for (qsizetype i = 0; i < m_canceled.size();) {
        if (m_canceled.at(i)->finished)
            ended << m_canceled.takeAt(i);
        else
            ++i;
    }
    lock.unlock();
    for (const auto &job : std::as_const(ended))
        job->thread.join(); // finished: returns at once
    lock.lock();
}

Result<VerifyJobs::Job *> VerifyJobs::find(const QString &id, const QString &owner) {
    const auto it = m_jobs.constFind(id);
    if (it == m_jobs.constEnd() || (*it)->owner != owner)
        return LedgerError{ErrorCode::NotFound, QStringLiteral("no verification %1").arg(id.left(32))};
    return it->get();
}

QJsonObject VerifyJobs::describe(const Job &job) const {
    QJsonObject o{{QStringLiteral("id"), job.id},
                  {QStringLiteral("checked"), job.checked.load()},
                  {QStringLiteral("total"), job.total.load()}};
    if (!job.finished) {
        o.insert(QStringLiteral("state"), QStringLiteral("running"));
    } else if (job.outcome && *job.outcome) {
        o.insert(QStringLiteral("state"), QStringLiteral("done"));
        o.insert(QStringLiteral("report"), ApiCodec::toJson(**job.outcome));
    } else if (job.stop) {
        o.insert(QStringLiteral("state"), QStringLiteral("canceled"));
    } else {
        o.insert(QStringLiteral("state"), QStringLiteral("failed"));
        o.insert(QStringLiteral("error"), ApiCodec::toJson(job.outcome->error()));
    }
    return o;
}

Result<QJsonObject> VerifyJobs::state(const QString &id, const QString &owner) {
    std::unique_lock lock(m_mutex);
    prune(lock);
    const auto job = find(id, owner);
    if (!job)
        return job.error();
    return describe(**job);
}

Result<QJsonObject> VerifyJobs::cancel(const QString &id, const QString &owner) {
    std::unique_lock lock(m_mutex);
    prune(lock);
    const auto found = find(id, owner);
    if (!found)
        return found.error();
    const std::shared_ptr<Job> job = m_jobs.take(id);
    job->stop = true; // the verifier looks at it every 200,000 entries
    m_canceled << job;
    QJsonObject o = describe(*job);
    if (!job->finished)
        o.insert(QStringLiteral("state"), QStringLiteral("canceled"));
    return o;
}

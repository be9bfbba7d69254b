#include "journalchaincheck.h"

#include "chainhasher.h"
#include "sqlcursor.h"
#include "verifyprogress.h"

#include <QSqlQuery>

JournalChainCheck::JournalChainCheck(bool postgres, VerifyProgress &progress)
    : m_postgres(postgres)
    , m_progress(progress) {}

bool JournalChainCheck::split(QSqlDatabase db, JournalChainCheck &tail) {
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), 0) FROM transactions")) ||
        !q.next())
        return false;
    const qint64 low = q.value(0).toLongLong(), high = q.value(1).toLongLong();
    if (high - low < 20000)
        return false; // small ledgers: one slice, no second connection
    const qint64 middle = low + (high - low) / 2;
    m_toTransaction = tail.m_fromTransaction = middle;
    tail.m_continuation = true;
    if (!m_postgres) {
        QSqlQuery e(db);
        // The first entry of the first transaction of the tail, found through the transaction index. (MIN(id)
        // over transaction_id >= ? walked the table by id up to the middle: up to a second before any
        // worker could start.)
        e.prepare(
            QStringLiteral("SELECT COALESCE((SELECT id FROM entries WHERE transaction_id >= ? ORDER BY "
                           "transaction_id, id LIMIT 1), (SELECT COALESCE(MAX(id), 0) + 1 FROM entries))"));
        e.addBindValue(middle);
        if (!e.exec() || !e.next())
            return false;
        m_toEntry = tail.m_fromEntry = e.value(0).toLongLong();
    }
    return true;
}

bool JournalChainCheck::run(QSqlDatabase db, VerifyPart &part, bool reportProgress) {
    // Slice bounds are numbers this program computed, not input, so they are written into the SQL.
    auto bounds = [](const char *column, qint64 from, qint64 to) {
        QString where;
        if (from > 0)
            where += QStringLiteral(" AND %1 >= %2").arg(QLatin1StringView(column)).arg(from);
        if (to > 0)
            where += QStringLiteral(" AND %1 < %2").arg(QLatin1StringView(column)).arg(to);
        return where;
    };
    SqlCursor t(
        db,
        QStringLiteral("SELECT id, kind, idempotency_key, request_hash, operator_id, origin, created_at, "
                       "COALESCE(reverses_id, 0), forced, COALESCE(approval_id, 0), reason_code, ticket_ref, "
                       "memo, lane, prev_hash, hash FROM transactions WHERE 1 = 1%1 ORDER BY id")
            .arg(bounds("id", m_fromTransaction, m_toTransaction)),
        QStringLiteral("verify_transactions"));
    const QString entryColumns = QStringLiteral(
        "SELECT transaction_id, id, account_id, shard, amount, balance_after, created_at FROM entries");
    SqlCursor e(
        db,
        m_postgres
            ? entryColumns + QStringLiteral(" WHERE 1 = 1%1 ORDER BY transaction_id, id")
                                 .arg(bounds("transaction_id", m_fromTransaction, m_toTransaction))
            : entryColumns +
                  QStringLiteral(" WHERE 1 = 1%1 ORDER BY id").arg(bounds("id", m_fromEntry, m_toEntry)),
        QStringLiteral("verify_entries"));
    if (!t.isValid() || !e.isValid())
        return part.readFailure(t.error() + e.error());
    VerifyReport &report = part.report;
    bool haveEntry = e.next();
    while (t.next()) {
        JournalHashInput h;
        h.id = t.integer(0);
        h.kind = ChainLanes::unowned(t.text(1));
        h.key = ChainLanes::unowned(t.text(2));
        h.requestHash = ChainLanes::unowned(t.text(3));
        h.operatorId = t.integer(4);
        h.origin = ChainLanes::unowned(t.text(5));
        h.createdAt = t.integer(6);
        h.reversesId = t.integer(7);
        h.forced = t.integer(8) != 0;
        h.approvalId = t.integer(9);
        h.reasonCode = ChainLanes::unowned(t.text(10));
        h.ticketRef = ChainLanes::unowned(t.text(11));
        h.memo = ChainLanes::unowned(t.text(12));
        h.lane = int(t.integer(13));
        const QByteArrayView prev = t.text(14);
        ChainLanes::Lane *chain = m_lanes.lane(h.lane);
        if (!chain)
            return part.problem(
                QStringLiteral("transaction %1: lane %2 is out of range").arg(h.id).arg(h.lane));
        if (m_continuation && !m_firstPrev.contains(h.lane)) {
            m_firstPrev.insert(h.lane, {prev.toByteArray(), h.id}); // checked at the seam
            chain->head = prev.toByteArray();
        }
        if (prev != chain->head)
            return part.problem(
                QStringLiteral("transaction %1: its previous hash does not continue journal lane %2 "
                               "(a transaction before it was removed or altered)")
                    .arg(h.id)
                    .arg(h.lane));
        JournalHash hasher(prev, h);
        if (haveEntry && e.integer(0) < h.id)
            return part.problem(
                QStringLiteral("entry %1 belongs to transaction %2, which does not exist or is out "
                               "of journal order")
                    .arg(e.integer(1))
                    .arg(e.integer(0)));
        while (haveEntry && e.integer(0) == h.id) {
            hasher.addEntry(e.integer(2), int(e.integer(3)), e.integer(4), e.integer(5));
            if (e.integer(6) != h.createdAt)
                return part.problem(QStringLiteral("entry %1: its time differs from transaction %2")
                                        .arg(e.integer(1))
                                        .arg(h.id));
            ++report.entries;
            if (report.entries % VerifyProgress::Every == 0 && !m_progress.advance(reportProgress))
                return false;
            haveEntry = e.next();
        }
        const QByteArray computed = hasher.finish();
        if (computed != t.text(15))
            return part.problem(
                QStringLiteral("transaction %1: its hash does not match its contents (the row or "
                               "one of its entries was changed)")
                    .arg(h.id));
        chain->head = computed;
        chain->lastId = h.id;
        ++report.transactions;
    }
    if (!t.isValid() || !e.isValid())
        return part.readFailure(t.error() + e.error());
    if (haveEntry)
        return part.problem(QStringLiteral("entry %1 belongs to transaction %2, which does not exist")
                                .arg(e.integer(1))
                                .arg(e.integer(0)));
    return true;
}

void JournalChainCheck::join(const JournalChainCheck &tail, const VerifyPart &tailPart, VerifyPart &part) {
    part.report.transactions += tailPart.report.transactions;
    part.report.entries += tailPart.report.entries;
    if (tailPart.readFailed)
        part.readFailure(tailPart.report.firstProblem);
    else if (!tailPart.report.ok)
        part.problem(tailPart.report.firstProblem);
    // The seam: where each lane of the tail starts must be where this slice ended.
    for (auto it = tail.m_firstPrev.cbegin(); part.report.ok && it != tail.m_firstPrev.cend(); ++it) {
        const ChainLanes::Lane *ended = m_lanes.lane(it.key());
        if (!ended || ended->head != it->first)
            part.problem(QStringLiteral("transaction %1: its previous hash does not continue journal lane %2 "
                                        "(a transaction before it was removed or altered)")
                             .arg(it->second)
                             .arg(it.key()));
    }
    m_lanes.adopt(tail.m_lanes);
}

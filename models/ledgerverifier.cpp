#include "ledgerverifier.h"

#include "chainhasher.h"
#include "ledgerstore.h"
#include "money.h"

#include <QCryptographicHash>
#include <QSqlError>
#include <QSqlQuery>
#include <map>

namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr qint64 ProgressEvery = 200000;

struct AccountFlags {
    int currency = 0;
    bool system = false;
    bool allowNegative = false;
};

struct Rollup {
    qint64 opening = 0, closing = 0, low = 0, high = 0, inflow = 0, outflow = 0, count = 0;
};

QString laneKey(const QString &chain, int lane)
{
    return chain + u'/' + QString::number(lane);
}

} // namespace

LedgerVerifier::LedgerVerifier(QSqlDatabase db, bool postgres)
    : m_db(std::move(db))
    , m_postgres(postgres)
{
}

Result<VerifyReport> LedgerVerifier::run(const std::function<bool(qint64)> &progress)
{
    VerifyReport report;
    QSqlQuery begin(m_db);
    // One consistent snapshot for every pass, also while others keep posting.
    begin.exec(m_postgres ? QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                          : QStringLiteral("BEGIN"));
    const bool done = checkJournal(report, progress) && checkBalances(report, progress) && checkAudit(report) &&
                      checkHeads(report);
    QSqlQuery end(m_db);
    end.exec(QStringLiteral("COMMIT"));
    if (m_cancelled)
        return LedgerError{ErrorCode::StateConflict, QStringLiteral("verification was cancelled")};
    if (!done && report.ok) {
        return LedgerError{ErrorCode::Database, QStringLiteral("verification could not read the ledger: %1")
                                                    .arg(report.firstProblem)};
    }
    return report;
}

bool LedgerVerifier::checkJournal(VerifyReport &report, const std::function<bool(qint64)> &progress)
{
    QHash<qint64, AccountFlags> accounts;
    QHash<QString, int> currencyIndex;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, kind, allow_negative, currency FROM accounts"))) {
            report.firstProblem = q.lastError().text();
            return false;
        }
        while (q.next()) {
            const QString cur = q.value(3).toString();
            auto it = currencyIndex.constFind(cur);
            if (it == currencyIndex.constEnd())
                it = currencyIndex.insert(cur, int(currencyIndex.size()));
            accounts.insert(q.value(0).toLongLong(),
                            AccountFlags{*it, q.value(1).toString() == u"system", q.value(2).toInt() != 0});
        }
        report.accounts = accounts.size();
    }
    QSqlQuery t(m_db), e(m_db);
    t.setForwardOnly(true);
    e.setForwardOnly(true);
    if (!t.exec(QStringLiteral("SELECT id, kind, idempotency_key, request_hash, operator_id, origin, created_at, "
                               "COALESCE(reverses_id, 0), forced, COALESCE(approval_id, 0), reason_code, ticket_ref, "
                               "memo, lane, prev_hash, hash FROM transactions ORDER BY id")) ||
        !e.exec(QStringLiteral("SELECT transaction_id, id, account_id, shard, amount, balance_after, created_at "
                               "FROM entries ORDER BY transaction_id, id"))) {
        report.firstProblem = t.lastError().text() + e.lastError().text();
        return false;
    }
    auto problem = [&report](const QString &text) {
        report.ok = false;
        report.firstProblem = text;
        return true; // a finding is a complete answer, not a failure to read
    };
    bool haveEntry = e.next();
    std::vector<qint64> sums(size_t(currencyIndex.size()), 0);
    while (t.next()) {
        JournalHashInput h;
        h.id = t.value(0).toLongLong();
        h.kind = t.value(1).toString();
        h.key = t.value(2).toString();
        h.requestHash = t.value(3).toString();
        h.operatorId = t.value(4).toLongLong();
        h.origin = t.value(5).toString();
        h.createdAt = t.value(6).toLongLong();
        h.reversesId = t.value(7).toLongLong();
        h.forced = t.value(8).toInt() != 0;
        h.approvalId = t.value(9).toLongLong();
        h.reasonCode = t.value(10).toString();
        h.ticketRef = t.value(11).toString();
        h.memo = t.value(12).toString();
        h.lane = t.value(13).toInt();
        const QString prev = t.value(14).toString();
        const QString stored = t.value(15).toString();
        const QString key = laneKey(QStringLiteral("journal"), h.lane);
        const QString expectedPrev = m_laneHeads.value(key, LedgerStore::zeroHash());
        if (prev != expectedPrev)
            return problem(QStringLiteral("transaction %1: its previous hash does not continue journal lane %2 "
                                          "(a transaction before it was removed or altered)")
                               .arg(h.id)
                               .arg(h.lane));
        JournalHash hasher(prev, h);
        std::fill(sums.begin(), sums.end(), 0);
        int entryCount = 0;
        while (haveEntry && e.value(0).toLongLong() < h.id) {
            return problem(QStringLiteral("entry %1 belongs to transaction %2, which does not exist")
                               .arg(e.value(1).toLongLong())
                               .arg(e.value(0).toLongLong()));
        }
        while (haveEntry && e.value(0).toLongLong() == h.id) {
            const qint64 entryId = e.value(1).toLongLong();
            const qint64 accountId = e.value(2).toLongLong();
            const int shard = e.value(3).toInt();
            const qint64 amount = e.value(4).toLongLong();
            const qint64 after = e.value(5).toLongLong();
            hasher.addEntry(accountId, shard, amount, after);
            if (e.value(6).toLongLong() != h.createdAt)
                return problem(QStringLiteral("entry %1: its time differs from transaction %2").arg(entryId).arg(h.id));
            const auto flags = accounts.constFind(accountId);
            if (flags == accounts.constEnd())
                return problem(QStringLiteral("entry %1: account %2 does not exist").arg(entryId).arg(accountId));
            auto sum = Money::add(sums[size_t(flags->currency)], amount);
            if (!sum)
                return problem(QStringLiteral("transaction %1: entries overflow").arg(h.id));
            sums[size_t(flags->currency)] = *sum;
            if (!flags->system && !flags->allowNegative && after < 0 && amount < 0 && !h.forced)
                return problem(QStringLiteral("entry %1 takes player account %2 below zero").arg(entryId).arg(accountId));
            ++entryCount;
            ++report.entries;
            if (progress && report.entries % ProgressEvery == 0 && !progress(report.entries)) {
                m_cancelled = true;
                return false;
            }
            haveEntry = e.next();
        }
        if (entryCount < 2)
            return problem(QStringLiteral("transaction %1 has %2 entries; at least two are required")
                               .arg(h.id)
                               .arg(entryCount));
        for (size_t c = 0; c < sums.size(); ++c)
            if (sums[c] != 0)
                return problem(QStringLiteral("transaction %1: its entries do not sum to zero in %2")
                                   .arg(h.id)
                                   .arg(currencyIndex.key(int(c))));
        const QString computed = hasher.finish();
        if (computed != stored)
            return problem(QStringLiteral("transaction %1: its hash does not match its contents (the row or one of "
                                          "its entries was changed)")
                               .arg(h.id));
        m_laneHeads.insert(key, computed);
        m_laneLastIds.insert(key, h.id);
        ++report.transactions;
    }
    if (haveEntry)
        return problem(QStringLiteral("entry %1 belongs to transaction %2, which does not exist")
                           .arg(e.value(1).toLongLong())
                           .arg(e.value(0).toLongLong()));
    return true;
}

bool LedgerVerifier::checkBalances(VerifyReport &report, const std::function<bool(qint64)> &progress)
{
    if (!report.ok)
        return true;
    QHash<qint64, qint64> held;
    QSqlQuery h(m_db);
    h.setForwardOnly(true);
    if (!h.exec(QStringLiteral("SELECT account_id, SUM(hold_amount) FROM approvals WHERE state = 'pending' "
                               "GROUP BY account_id"))) {
        report.firstProblem = h.lastError().text();
        return false;
    }
    while (h.next())
        held.insert(h.value(0).toLongLong(), h.value(1).toLongLong());

    QSqlQuery a(m_db), e(m_db), r(m_db), s(m_db);
    for (QSqlQuery *q : {&a, &e, &r, &s})
        q->setForwardOnly(true);
    if (!a.exec(QStringLiteral("SELECT id, kind, balance, held FROM accounts ORDER BY id")) ||
        !e.exec(QStringLiteral("SELECT account_id, id, shard, amount, balance_after, created_at FROM entries "
                               "ORDER BY account_id, id")) ||
        !r.exec(QStringLiteral("SELECT account_id, shard, day, opening, closing, low, high, inflow, outflow, "
                               "entry_count FROM daily_rollups ORDER BY account_id, shard, day")) ||
        !s.exec(QStringLiteral("SELECT account_id, shard, balance FROM account_shards ORDER BY account_id, shard"))) {
        report.firstProblem = a.lastError().text() + e.lastError().text() + r.lastError().text() + s.lastError().text();
        return false;
    }
    auto problem = [&report](const QString &text) {
        report.ok = false;
        report.firstProblem = text;
        return true;
    };
    bool haveE = e.next(), haveR = r.next(), haveS = s.next();
    qint64 seen = 0;
    while (a.next()) {
        const qint64 id = a.value(0).toLongLong();
        const bool system = a.value(1).toString() == u"system";
        std::map<int, qint64> running;
        std::map<std::pair<int, qint64>, Rollup> rollups;
        while (haveE && e.value(0).toLongLong() == id) {
            const qint64 entryId = e.value(1).toLongLong();
            const int shard = e.value(2).toInt();
            const qint64 amount = e.value(3).toLongLong();
            const qint64 after = e.value(4).toLongLong();
            const qint64 day = e.value(5).toLongLong() / MsPerDay;
            qint64 &bal = running[shard];
            const qint64 before = bal;
            const auto sum = Money::add(bal, amount);
            if (!sum || *sum != after)
                return problem(QStringLiteral("entry %1: account %2 balance after is %3, but its entries sum to %4")
                                   .arg(entryId)
                                   .arg(id)
                                   .arg(after)
                                   .arg(sum ? *sum : 0));
            bal = after;
            auto [it, fresh] = rollups.try_emplace({shard, day});
            Rollup &ro = it->second;
            if (fresh) {
                ro.opening = before;
                ro.low = std::min(before, after);
                ro.high = std::max(before, after);
            }
            ro.closing = after;
            ro.low = std::min(ro.low, after);
            ro.high = std::max(ro.high, after);
            (amount > 0 ? ro.inflow : ro.outflow) += amount > 0 ? amount : -amount;
            ++ro.count;
            ++seen;
            if (progress && seen % ProgressEvery == 0 && !progress(report.entries + seen)) {
                m_cancelled = true;
                return false;
            }
            haveE = e.next();
        }
        auto expected = rollups.begin();
        while (haveR && r.value(0).toLongLong() == id) {
            const int shard = r.value(1).toInt();
            const qint64 day = r.value(2).toLongLong();
            const Rollup stored{r.value(3).toLongLong(), r.value(4).toLongLong(), r.value(5).toLongLong(),
                                r.value(6).toLongLong(), r.value(7).toLongLong(), r.value(8).toLongLong(),
                                r.value(9).toLongLong()};
            if (expected == rollups.end() || expected->first != std::pair{shard, day})
                return problem(QStringLiteral("rollup of account %1 shard %2 day %3 has no entries behind it")
                                   .arg(id)
                                   .arg(shard)
                                   .arg(day));
            const Rollup &c = expected->second;
            if (c.opening != stored.opening || c.closing != stored.closing || c.low != stored.low ||
                c.high != stored.high || c.inflow != stored.inflow || c.outflow != stored.outflow ||
                c.count != stored.count)
                return problem(QStringLiteral("rollup of account %1 shard %2 day %3 differs from its entries "
                                              "(closing %4, entries say %5)")
                                   .arg(id)
                                   .arg(shard)
                                   .arg(day)
                                   .arg(stored.closing)
                                   .arg(c.closing));
            ++expected;
            ++report.rollups;
            haveR = r.next();
        }
        if (expected != rollups.end())
            return problem(QStringLiteral("account %1 has entries on day %2 but no rollup for it")
                               .arg(id)
                               .arg(expected->first.second));
        if (system) {
            while (haveS && s.value(0).toLongLong() == id) {
                const int shard = s.value(1).toInt();
                const qint64 cached = s.value(2).toLongLong();
                if (cached != running[shard])
                    return problem(QStringLiteral("system account %1 shard %2: cached balance %3, entries sum to %4")
                                       .arg(id)
                                       .arg(shard)
                                       .arg(cached)
                                       .arg(running[shard]));
                haveS = s.next();
            }
        } else {
            const qint64 cached = a.value(2).toLongLong();
            const qint64 total = running.empty() ? 0 : running.begin()->second;
            if (running.size() > 1 || cached != total)
                return problem(QStringLiteral("account %1: cached balance %2, entries sum to %3")
                                   .arg(id)
                                   .arg(cached)
                                   .arg(total));
            if (a.value(3).toLongLong() != held.value(id))
                return problem(QStringLiteral("account %1: held %2, pending approvals hold %3")
                                   .arg(id)
                                   .arg(a.value(3).toLongLong())
                                   .arg(held.value(id)));
        }
    }
    if (haveE)
        return problem(QStringLiteral("entry %1 points at account %2, which does not exist")
                           .arg(e.value(1).toLongLong())
                           .arg(e.value(0).toLongLong()));
    return true;
}

bool LedgerVerifier::checkAudit(VerifyReport &report)
{
    if (!report.ok)
        return true;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, at, operator, origin, action, target, outcome, detail, lane, prev_hash, "
                               "hash FROM audit_log ORDER BY id"))) {
        report.firstProblem = q.lastError().text();
        return false;
    }
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const int lane = q.value(8).toInt();
        const QString key = laneKey(QStringLiteral("audit"), lane);
        const QString prev = q.value(9).toString();
        if (prev != m_laneHeads.value(key, LedgerStore::zeroHash())) {
            report.ok = false;
            report.firstProblem =
                QStringLiteral("audit record %1: its previous hash does not continue audit lane %2").arg(id).arg(lane);
            return true;
        }
        const QString computed =
            auditRowHash(prev, id, q.value(1).toLongLong(), q.value(2).toString(), q.value(3).toString(),
                         q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), q.value(7).toString(), lane);
        if (computed != q.value(10).toString()) {
            report.ok = false;
            report.firstProblem = QStringLiteral("audit record %1: its hash does not match its contents").arg(id);
            return true;
        }
        m_laneHeads.insert(key, computed);
        m_laneLastIds.insert(key, id);
        ++report.auditRecords;
    }
    return true;
}

bool LedgerVerifier::checkHeads(VerifyReport &report)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT chain, lane, last_id, head FROM chain_heads ORDER BY chain, lane"))) {
        report.firstProblem = q.lastError().text();
        return false;
    }
    QCryptographicHash digest(QCryptographicHash::Sha256);
    while (q.next()) {
        const QString chain = q.value(0).toString();
        const int lane = q.value(1).toInt();
        const QString head = q.value(3).toString();
        const QString key = laneKey(chain, lane);
        if (report.ok && (head != m_laneHeads.value(key, LedgerStore::zeroHash()) ||
                          q.value(2).toLongLong() != m_laneLastIds.value(key, 0))) {
            report.ok = false;
            report.firstProblem = QStringLiteral("%1 lane %2: the recorded head is not the last row's hash "
                                                 "(rows after id %3 are missing or altered)")
                                      .arg(chain)
                                      .arg(lane)
                                      .arg(m_laneLastIds.value(key, 0));
        }
        digest.addData(QStringLiteral("%1:%2:%3\n").arg(chain).arg(lane).arg(head).toUtf8());
    }
    report.digest = QString::fromLatin1(digest.result().toHex());
    return true;
}

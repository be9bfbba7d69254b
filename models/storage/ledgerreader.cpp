#include "ledgerreader.h"

#include "ledgerstore.h"
#include "ledgerstoreimpl.h"
#include "readquery.h"
#include "statementrange.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <limits>

namespace {

constexpr qint64 MsPerDay = 86400000;
constexpr int MaxPage = 5000;

/// The SQL expression an account list is sorted by. Strings compare byte-wise on both databases ("C"),
/// matching the indexes of schema 3.
QString sortExpression(const AccountQuery &q, bool postgres) {
    switch (q.sort) {
    case AccountQuery::Sort::Id:
        return QStringLiteral("a.id");
    case AccountQuery::Sort::PlayerRef:
        // System accounts have no player reference; with them included the sort value must not be NULL.
        if (q.includeSystem)
            return postgres ? QStringLiteral("COALESCE(a.player_ref, '') COLLATE \"C\"")
                            : QStringLiteral("COALESCE(a.player_ref, '')");
        return postgres ? QStringLiteral("a.player_ref COLLATE \"C\"") : QStringLiteral("a.player_ref");
    case AccountQuery::Sort::Name:
        return postgres ? QStringLiteral("lower(a.name) COLLATE \"C\"") : QStringLiteral("lower(a.name)");
    case AccountQuery::Sort::Currency:
        return postgres ? QStringLiteral("a.currency COLLATE \"C\"") : QStringLiteral("a.currency");
    case AccountQuery::Sort::Balance:
        return QStringLiteral("a.balance");
    case AccountQuery::Sort::Available:
        return QStringLiteral("(a.balance - a.held)");
    case AccountQuery::Sort::State:
        return postgres ? QStringLiteral("a.state COLLATE \"C\"") : QStringLiteral("a.state");
    case AccountQuery::Sort::LastActivity:
        return QStringLiteral("a.last_activity_at");
    case AccountQuery::Sort::Created:
        return QStringLiteral("a.created_at");
    }
    return QStringLiteral("a.id");
}

/// The smallest string greater than every string that starts with `prefix` (byte-wise, UTF-8).
QString prefixEnd(const QString &prefix) {
    return prefix + QChar(0xDBFF) + QChar(0xDFFF); // U+10FFFF, the largest code point
}

/// How a search finds its rows on SQLite. `Indexes`: each alternative (player-reference prefix, name prefix,
/// id) seeks its index and the union is sorted: quick when few rows match. `SortOrder`: the unary + hides
/// those indexes from the planner, so it walks the sort column's index and tests each row: quick when many
/// match (the first hundred are near), hopeless when few do. PostgreSQL chooses by its statistics.
enum class SearchPlan { Indexes, SortOrder };

/// The WHERE clause of an account query and its bound values.
QString accountFilter(const AccountQuery &q, bool postgres, QVariantList *args,
                      SearchPlan plan = SearchPlan::Indexes) {
    QStringList where;
    if (!q.includeSystem)
        where << QStringLiteral("a.kind = 'player'");
    const QString search = q.search.trimmed();
    if (!search.isEmpty()) {
        const QString folded = search.toLower();
        const bool hide = !postgres && plan == SearchPlan::SortOrder;
        const QString ref = postgres
                                ? QStringLiteral("a.player_ref COLLATE \"C\"")
                                : (hide ? QStringLiteral("+a.player_ref") : QStringLiteral("a.player_ref"));
        const QString name =
            postgres ? QStringLiteral("lower(a.name) COLLATE \"C\"")
                     : (hide ? QStringLiteral("+lower(a.name)") : QStringLiteral("lower(a.name)"));
        QString clause = QStringLiteral("(%1 >= ? AND %1 < ?) OR (%2 >= ? AND %2 < ?)").arg(ref, name);
        *args << search << prefixEnd(search) << folded << prefixEnd(folded);
        bool isNumber = false;
        const qint64 id = search.toLongLong(&isNumber);
        if (isNumber && id > 0) {
            clause += hide ? QStringLiteral(" OR +a.id = ?") : QStringLiteral(" OR a.id = ?");
            *args << id;
        }
        where << QLatin1Char('(') + clause + QLatin1Char(')');
    }
    if (q.state) {
        where << QStringLiteral("a.state = ?");
        *args << accountStateName(*q.state);
    }
    if (!q.currency.isEmpty()) {
        where << QStringLiteral("a.currency = ?");
        *args << q.currency;
        if (q.minBalance) {
            where << QStringLiteral("a.balance >= ?");
            *args << *q.minBalance;
        }
        if (q.maxBalance) {
            where << QStringLiteral("a.balance <= ?");
            *args << *q.maxBalance;
        }
    }
    return where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where.join(QStringLiteral(" AND "));
}

AccountState stateFromName(const QString &name) {
    if (name == u"frozen")
        return AccountState::Frozen;
    if (name == u"closed")
        return AccountState::Closed;
    return AccountState::Active;
}

} // namespace

LedgerReader::LedgerReader(LedgerStore &store)
    : m_store(store)
    , m_db(store.database())
    , m_postgres(store.dialect() == LedgerStore::Dialect::Postgres) {}

Result<qint64> LedgerReader::countAccounts(const AccountQuery &query) {
    QVariantList args;
    const QString where = accountFilter(query, m_postgres, &args);
    QString sql;
    if (!query.search.trimmed().isEmpty()) {
        // A search counts no further than the cap: "1" matches every player, and counting millions on each
        // keystroke would make typing wait. The list shows the first SearchCountCap rows.
        sql = QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM accounts a%1 LIMIT %2) capped")
                  .arg(where)
                  .arg(SearchCountCap + 1);
    } else if (where == QStringLiteral(" WHERE a.kind = 'player'")) {
        // The unfiltered list: counting a table is quicker than testing each row's kind, and the system
        // accounts have an index of their own.
        sql = QStringLiteral(
            "SELECT (SELECT count(*) FROM accounts) - (SELECT count(*) FROM accounts WHERE kind = "
            "'system')");
    } else {
        sql = QStringLiteral("SELECT count(*) FROM accounts a") + where;
    }
    ReadQuery r = ReadQuery::run(m_db, m_postgres, sql, args);
    if (!r.ok)
        return r.error;
    return r.q.next() ? r.q.value(0).toLongLong() : 0;
}

bool LedgerReader::searchIsBroad(const AccountQuery &query) {
    if (m_postgres || query.search.trimmed().isEmpty())
        return false;
    QVariantList args;
    const QString sql = QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM accounts a%1 LIMIT %2) probe")
                            .arg(accountFilter(query, m_postgres, &args))
                            .arg(BroadSearch);
    ReadQuery r = ReadQuery::run(m_db, m_postgres, sql, args);
    return r.ok && r.q.next() && r.q.value(0).toLongLong() >= BroadSearch;
}

Result<AccountPage> LedgerReader::accounts(const AccountQuery &query, qint64 offset, int limit,
                                           const std::optional<AccountKey> &after, qint64 total) {
    limit = std::clamp(limit, 1, MaxPage);
    offset = std::max<qint64>(offset, 0);
    const SearchPlan plan = searchIsBroad(query) ? SearchPlan::SortOrder : SearchPlan::Indexes;
    QVariantList args;
    QString where = accountFilter(query, m_postgres, &args, plan);
    const QString sort = sortExpression(query, m_postgres);

    // Three ways to reach the window: seek past a known key; count from the start; or, when the end is
    // nearer, walk the list backwards and count from the end.
    bool backwards = false;
    qint64 skip = offset;
    if (after) {
        skip = 0;
        const QString cmp = query.descending ? QStringLiteral("<") : QStringLiteral(">");
        where += (where.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")) +
                 QStringLiteral("(%1, a.id) %2 (?, ?)").arg(sort, cmp);
        args << after->sortValue << after->id;
    } else if (total > 0 && offset > total / 2) {
        backwards = true;
        const qint64 end = std::min(offset + limit, total); // exclusive
        limit = int(end - offset);
        if (limit <= 0)
            return AccountPage{offset, {}};
        skip = total - end;
    }
    const bool descending = query.descending != backwards;
    const QString dir = descending ? QStringLiteral(" DESC") : QString();
    const QString balance = QStringLiteral(
        "CASE WHEN a.kind = 'system' THEN (SELECT COALESCE(SUM(s.balance), 0) FROM account_shards s "
        "WHERE s.account_id = a.id) ELSE a.balance END");
    const QString sql =
        QStringLiteral(
            "SELECT a.id, a.kind, a.currency, a.player_ref, a.name, a.state, a.allow_negative, %1, "
            "a.held, a.created_at, a.last_activity_at, c.exponent FROM accounts a "
            "JOIN currencies c ON c.code = a.currency%2 ORDER BY %3%4, a.id%4 LIMIT ? OFFSET ?")
            .arg(balance, where, sort, dir);
    args << limit << skip;
    ReadQuery r = ReadQuery::run(m_db, m_postgres, sql, args);
    if (!r.ok)
        return r.error;
    AccountPage page;
    page.offset = offset;
    while (r.q.next()) {
        Account a;
        a.id = r.q.value(0).toLongLong();
        a.kind = r.q.value(1).toString() == u"system" ? AccountKind::System : AccountKind::Player;
        a.currency = r.q.value(2).toString();
        a.playerRef = r.q.value(3).toString();
        a.name = r.q.value(4).toString();
        a.state = stateFromName(r.q.value(5).toString());
        a.allowNegative = r.q.value(6).toInt() != 0;
        a.balance = r.q.value(7).toLongLong();
        a.held = r.q.value(8).toLongLong();
        a.createdAt = r.q.value(9).toLongLong();
        a.lastActivityAt = r.q.value(10).toLongLong();
        a.exponent = r.q.value(11).toInt();
        page.accounts << a;
    }
    if (backwards)
        std::reverse(page.accounts.begin(), page.accounts.end());
    return page;
}

Result<QList<JournalLine>> LedgerReader::journal(const JournalQuery &query, qint64 beforeEntryId, int limit) {
    QVariantList args;
    QStringList where{QStringLiteral("e.id < ?")};
    args << (beforeEntryId > 0 ? beforeEntryId : std::numeric_limits<qint64>::max());
    if (!query.includeSystem)
        where << QStringLiteral("a.kind = 'player'");
    if (query.kind) {
        where << QStringLiteral("t.kind = ?");
        args << kindName(*query.kind);
    }
    if (!query.operatorName.isEmpty()) {
        where << QStringLiteral("o.name = ?");
        args << query.operatorName;
    }
    if (query.fromMs > 0) {
        where << QStringLiteral("e.created_at >= ?");
        args << query.fromMs;
    }
    if (query.toMs > 0) {
        where << QStringLiteral("e.created_at < ?");
        args << query.toMs;
    }
    if (!query.currency.isEmpty()) {
        where << QStringLiteral("a.currency = ?");
        args << query.currency;
        if (query.minAmount) {
            where << QStringLiteral("e.amount >= ?");
            args << *query.minAmount;
        }
        if (query.maxAmount) {
            where << QStringLiteral("e.amount <= ?");
            args << *query.maxAmount;
        }
    }
    const QString sql =
        QStringLiteral(
            "SELECT e.id, e.transaction_id, e.created_at, t.kind, e.account_id, a.kind, a.player_ref, "
            "a.name, a.currency, c.exponent, e.amount, e.balance_after, o.name, t.reason_code, t.memo "
            "FROM entries e JOIN transactions t ON t.id = e.transaction_id "
            "JOIN accounts a ON a.id = e.account_id JOIN currencies c ON c.code = a.currency "
            "JOIN operators o ON o.id = t.operator_id WHERE %1 ORDER BY e.id DESC LIMIT ?")
            .arg(where.join(QStringLiteral(" AND ")));
    args << std::clamp(limit, 1, MaxPage);
    ReadQuery r = ReadQuery::run(m_db, m_postgres, sql, args);
    if (!r.ok)
        return r.error;
    QList<JournalLine> out;
    while (r.q.next()) {
        JournalLine l;
        l.entryId = r.q.value(0).toLongLong();
        l.transactionId = r.q.value(1).toLongLong();
        l.createdAt = r.q.value(2).toLongLong();
        l.kind = kindFromName(r.q.value(3).toString()).value_or(TransactionKind::Deposit);
        l.accountId = r.q.value(4).toLongLong();
        const bool system = r.q.value(5).toString() == u"system";
        l.accountLabel = system
                             ? r.q.value(7).toString()
                             : QStringLiteral("%1 %2").arg(r.q.value(6).toString(), r.q.value(7).toString());
        l.currency = r.q.value(8).toString();
        l.exponent = r.q.value(9).toInt();
        l.amount = r.q.value(10).toLongLong();
        l.balanceAfter = r.q.value(11).toLongLong();
        l.operatorName = r.q.value(12).toString();
        l.reasonCode = r.q.value(13).toString();
        l.memo = r.q.value(14).toString();
        out << l;
    }
    return out;
}

Result<QList<BalancePoint>> LedgerReader::balanceSeries(qint64 accountId, qint64 fromMs, qint64 toMs) {
    const qint64 fromDay = fromMs > 0 ? fromMs / MsPerDay : std::numeric_limits<qint64>::min() / 2;
    const qint64 toDay = toMs > 0 ? (toMs + MsPerDay - 1) / MsPerDay : std::numeric_limits<qint64>::max() / 2;

    // Each shard's closing before the range: a shard with no entry on a day still holds its balance.
    QMap<int, qint64> carried;
    {
        ReadQuery r = ReadQuery::run(
            m_db, m_postgres,
            QStringLiteral("SELECT r.shard, r.closing FROM daily_rollups r JOIN (SELECT shard, "
                           "max(day) AS day FROM daily_rollups WHERE account_id = ? AND day < ? "
                           "GROUP BY shard) last ON last.shard = r.shard AND last.day = r.day "
                           "WHERE r.account_id = ?"),
            {accountId, fromDay, accountId});
        if (!r.ok)
            return r.error;
        while (r.q.next())
            carried.insert(r.q.value(0).toInt(), r.q.value(1).toLongLong());
    }
    ReadQuery r = ReadQuery::run(
        m_db, m_postgres,
        QStringLiteral("SELECT day, shard, opening, closing, low, high, inflow, outflow, entry_count "
                       "FROM daily_rollups WHERE account_id = ? AND day >= ? AND day < ? "
                       "ORDER BY day, shard"),
        {accountId, fromDay, toDay});
    if (!r.ok)
        return r.error;
    QList<BalancePoint> out;
    qint64 currentDay = std::numeric_limits<qint64>::min();
    auto sumCarried = [&] {
        qint64 s = 0;
        for (qint64 v : std::as_const(carried))
            s += v; // in range: the account's total balance always is
        return s;
    };
    while (r.q.next()) {
        const qint64 day = r.q.value(0).toLongLong();
        const int shard = r.q.value(1).toInt();
        const qint64 opening = r.q.value(2).toLongLong();
        const qint64 closing = r.q.value(3).toLongLong();
        if (day != currentDay) {
            BalancePoint p;
            p.dayStartMs = day * MsPerDay;
            p.opening = sumCarried();
            p.low = p.high = p.opening;
            out << p;
            currentDay = day;
        }
        BalancePoint &p = out.last();
        const qint64 others = sumCarried() - carried.value(shard, 0);
        carried.insert(shard, closing);
        if (carried.size() == 1) { // one shard: its own figures are exact
            p.opening = opening;
            p.low = r.q.value(4).toLongLong();
            p.high = r.q.value(5).toLongLong();
        } else { // the other shards at their latest closing: a bound, not the exact intraday low/high
            p.low = std::min(p.low, others + r.q.value(4).toLongLong());
            p.high = std::max(p.high, others + r.q.value(5).toLongLong());
        }
        p.closing = sumCarried();
        p.inflow += r.q.value(6).toLongLong();
        p.outflow += r.q.value(7).toLongLong();
        p.entryCount += r.q.value(8).toLongLong();
    }
    return out;
}

Result<qint64> LedgerReader::changeToken() {
    ReadQuery r = ReadQuery::run(m_db, m_postgres,
                                 QStringLiteral("SELECT COALESCE(SUM(last_id), 0) FROM chain_heads"), {});
    if (!r.ok)
        return r.error;
    return r.q.next() ? r.q.value(0).toLongLong() : 0;
}

// --- one account, one transaction, approvals and the audit log, on the store's cached statements

Result<Approval> LedgerReader::approval(qint64 id) {
    try {
        SqlStatement &q = m_store.d->run(APPROVAL_SELECT "WHERE p.id = ?", {id});
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("approval %1 does not exist").arg(id));
        const Approval a = m_store.d->readApproval(q);
        q.finish();
        return a;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<QList<Approval>> LedgerReader::approvals(bool pendingOnly, int limit) {
    try {
        QList<Approval> out;
        SqlStatement &q =
            pendingOnly
                ? m_store.d->run(APPROVAL_SELECT "WHERE p.state = 'pending' ORDER BY p.id LIMIT ?", {limit})
                : m_store.d->run(APPROVAL_SELECT "ORDER BY p.id DESC LIMIT ?", {limit});
        while (q.next())
            out << m_store.d->readApproval(q);
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<PostingOutcome> LedgerReader::postingOutcome(const QString &idempotencyKey) {
    try {
        // The two places a key can live, as replay() looks; a posted approval's key is in both, and the
        // transaction is the answer then.
        SqlStatement &q = m_store.d->run("SELECT 0, id FROM transactions WHERE idempotency_key = ? "
                                         "UNION ALL SELECT 1, id FROM approvals WHERE idempotency_key = ?",
                                         {idempotencyKey, idempotencyKey});
        PostingOutcome outcome;
        while (q.next()) {
            if (q.value(0).toInt() == 0) {
                outcome.status = PostingOutcome::Status::Posted;
                outcome.transactionId = q.value(1).toLongLong();
            } else if (outcome.status == PostingOutcome::Status::NotFound) {
                outcome.status = PostingOutcome::Status::Pending;
                outcome.approvalId = q.value(1).toLongLong();
            }
        }
        q.finish();
        return outcome;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<JournalTransaction> LedgerReader::transaction(qint64 id) {
    try {
        SqlStatement &q = m_store.d->run(
            "SELECT t.id, t.kind, t.idempotency_key, o.name, t.origin, t.created_at, "
            "COALESCE(t.reverses_id, 0), COALESCE(t.approval_id, 0), t.reason_code, t.ticket_ref, "
            "t.memo, COALESCE(r.id, 0) FROM transactions t JOIN operators o ON o.id = t.operator_id "
            "LEFT JOIN transactions r ON r.reverses_id = t.id WHERE t.id = ?",
            {id});
        if (!q.next())
            fail(ErrorCode::NotFound, QStringLiteral("transaction %1 does not exist").arg(id));
        JournalTransaction t;
        t.id = q.value(0).toLongLong();
        t.kind = kindFromName(q.value(1).toString()).value_or(TransactionKind::Deposit);
        t.idempotencyKey = q.value(2).toString();
        t.operatorName = q.value(3).toString();
        t.origin = q.value(4).toString();
        t.createdAt = q.value(5).toLongLong();
        t.reversesId = q.value(6).toLongLong();
        t.approvalId = q.value(7).toLongLong();
        t.reasonCode = q.value(8).toString();
        t.ticketRef = q.value(9).toString();
        t.memo = q.value(10).toString();
        t.reversedById = q.value(11).toLongLong();
        q.finish();
        t.entries = m_store.d->entriesOf(id);
        return t;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<QList<HistoryEntry>> LedgerReader::history(qint64 accountId, qint64 beforeEntryId, int limit) {
    try {
        m_store.d->writer.requireAccount(accountId, false);
        QList<HistoryEntry> out;
        SqlStatement &q = m_store.d->run(
            "SELECT e.id, e.transaction_id, e.created_at, t.kind, e.amount, e.balance_after, "
            "t.reason_code, t.ticket_ref, t.memo, o.name, t.idempotency_key, "
            "COALESCE(t.reverses_id, 0), COALESCE(r.id, 0) FROM entries e "
            "JOIN transactions t ON t.id = e.transaction_id JOIN operators o ON o.id = t.operator_id "
            "LEFT JOIN transactions r ON r.reverses_id = t.id "
            "WHERE e.account_id = ? AND e.id < ? ORDER BY e.id DESC LIMIT ?",
            {accountId, beforeEntryId > 0 ? beforeEntryId : std::numeric_limits<qint64>::max(),
             std::clamp(limit, 1, 10000)});
        while (q.next()) {
            HistoryEntry h;
            h.entryId = q.value(0).toLongLong();
            h.transactionId = q.value(1).toLongLong();
            h.createdAt = q.value(2).toLongLong();
            h.kind = kindFromName(q.value(3).toString()).value_or(TransactionKind::Deposit);
            h.amount = q.value(4).toLongLong();
            h.balanceAfter = q.value(5).toLongLong();
            h.reasonCode = q.value(6).toString();
            h.ticketRef = q.value(7).toString();
            h.memo = q.value(8).toString();
            h.operatorName = q.value(9).toString();
            h.idempotencyKey = q.value(10).toString();
            h.reversesId = q.value(11).toLongLong();
            h.reversedById = q.value(12).toLongLong();
            out << h;
        }
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<qint64> LedgerReader::balanceAt(qint64 accountId, qint64 atMs) {
    try {
        const Account a = m_store.d->writer.requireAccount(accountId, false);
        qint64 total = 0;
        const int shards = a.kind == AccountKind::System ? m_store.shardCount() : 1;
        for (int shard = 0; shard < shards; ++shard) {
            const QVariant v =
                m_store.d->scalar("SELECT balance_after FROM entries WHERE account_id = ? AND shard = ? AND "
                                  "created_at <= ? ORDER BY id DESC LIMIT 1",
                                  {accountId, shard, atMs});
            total = JournalWriter::checkedAdd(total, v.isValid() ? v.toLongLong() : 0, accountId);
        }
        return total;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<QList<AuditRecord>> LedgerReader::audit(qint64 beforeId, int limit) {
    try {
        QList<AuditRecord> out;
        SqlStatement &q = m_store.d->run(
            "SELECT id, at, operator, origin, action, target, outcome, detail FROM audit_log "
            "WHERE id < ? ORDER BY id DESC LIMIT ?",
            {beforeId > 0 ? beforeId : std::numeric_limits<qint64>::max(), std::clamp(limit, 1, 10000)});
        while (q.next())
            out << AuditRecord{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                               q.value(3).toString(),   q.value(4).toString(),   q.value(5).toString(),
                               q.value(6).toString(),   q.value(7).toString()};
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

// --- statements

Result<QString> LedgerReader::chainDigest() {
    // The same lines in the same order as AuditChainCheck::compareHeads hashes, so the two agree.
    ReadQuery r =
        ReadQuery::run(m_db, m_postgres,
                       QStringLiteral("SELECT chain, lane, head FROM chain_heads ORDER BY chain, lane"), {});
    if (!r.ok)
        return r.error;
    QCryptographicHash digest(QCryptographicHash::Sha256);
    while (r.q.next())
        digest.addData(r.q.value(0).toString().toUtf8() + ':' + QByteArray::number(r.q.value(1).toInt()) +
                       ':' + r.q.value(2).toString().toLatin1() + '\n');
    return QString::fromLatin1(digest.result().toHex());
}

Result<Statement> LedgerReader::statement(qint64 accountId, qint64 fromMs, qint64 toMs) {
    const auto range = StatementRange::fromMillis(fromMs, toMs);
    if (!range)
        return range.error();
    const auto account = m_store.account(accountId);
    if (!account)
        return account.error();
    const auto opening = balanceAt(accountId, fromMs - 1);
    if (!opening)
        return opening.error();
    const auto digest = chainDigest();
    if (!digest)
        return digest.error();
    StatementSection section;
    section.account = *account;
    section.opening = *opening;
    try {
        // entries_by_account is (account_id, id), and an entry's id grows with its time: the last entry
        // before the range bounds the walk from below (found from the newest end, as balanceAt looks), and
        // the walk stops at the first entry past the range, so only the range's rows are read.
        const QVariant before = m_store.d->scalar(
            "SELECT id FROM entries WHERE account_id = ? AND created_at < ? ORDER BY id DESC LIMIT 1",
            {accountId, fromMs});
        SqlStatement &q = m_store.d->run(
            "SELECT e.id, e.transaction_id, e.created_at, t.kind, e.amount, t.reason_code, t.ticket_ref, "
            "t.memo, o.name, t.idempotency_key, COALESCE(t.reverses_id, 0) FROM entries e "
            "JOIN transactions t ON t.id = e.transaction_id JOIN operators o ON o.id = t.operator_id "
            "WHERE e.account_id = ? AND e.id > ? AND e.created_at >= ? ORDER BY e.id",
            {accountId, before.isValid() ? before.toLongLong() : qint64(0), fromMs});
        qint64 balance = section.opening;
        while (q.next()) {
            const qint64 at = q.value(2).toLongLong();
            if (at >= toMs)
                break;
            if (section.lines.size() >= StatementRange::MaxEntries) {
                q.finish();
                return LedgerError{ErrorCode::InvalidArgument,
                                   QStringLiteral("account %1 has more than %2 entries from %3: a statement "
                                                  "holds at most %2; ask for a shorter range")
                                       .arg(accountId)
                                       .arg(StatementRange::MaxEntries)
                                       .arg(range->text())};
            }
            HistoryEntry h;
            h.entryId = q.value(0).toLongLong();
            h.transactionId = q.value(1).toLongLong();
            h.createdAt = at;
            h.kind = kindFromName(q.value(3).toString()).value_or(TransactionKind::Deposit);
            h.amount = q.value(4).toLongLong();
            h.reasonCode = q.value(5).toString();
            h.ticketRef = q.value(6).toString();
            h.memo = q.value(7).toString();
            h.operatorName = q.value(8).toString();
            h.idempotencyKey = q.value(9).toString();
            h.reversesId = q.value(10).toLongLong();
            // The account's running balance: a player account's equals the row's balance_after; a system
            // account's rows carry their shard's, which is not what a statement of the account shows.
            balance = JournalWriter::checkedAdd(balance, h.amount, accountId);
            h.balanceAfter = balance;
            if (h.amount >= 0)
                section.totalIn = JournalWriter::checkedAdd(section.totalIn, h.amount, accountId);
            else
                section.totalOut = JournalWriter::checkedAdd(section.totalOut, -h.amount, accountId);
            section.lines << h;
        }
        q.finish();
        section.closing = balance;
    } catch (const StoreFailure &f) {
        return f.error;
    }
    Statement s;
    s.fromMs = fromMs;
    s.toMs = toMs;
    s.ledgerDigest = *digest;
    s.generatedAt = QDateTime::currentMSecsSinceEpoch();
    s.sections << section;
    return s;
}

#include "ledgerstoreimpl.h"

#include "apicodec.h"
#include "chainhasher.h"
#include "money.h"
#include "sqlscript.h"

#include <QFile>

#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

using PostingRules::MaxTextLength;

QString LedgerStore::Impl::hashHex(const QByteArray &bytes) {
    return QString::fromLatin1(sha256Hex(bytes));
}

void LedgerStore::Impl::markDryRun(PostingResult &r, bool keepApprovalId) {
    r.dryRun = true;
    if (r.replayed)
        return;
    r.transactionId = 0;
    if (!keepApprovalId)
        r.approvalId = 0;
    for (JournalEntry &e : r.entries) {
        e.id = 0;
        e.transactionId = 0;
    }
}

QString LedgerStore::Impl::accountTarget(qint64 id) {
    return QStringLiteral("account:%1").arg(id);
}

std::optional<OperatorRow> LedgerStore::Impl::findOperator(const QString &name) {
    SqlStatement &q =
        run("SELECT o.id, o.name, o.role, o.disabled, l.currency, l.max_amount FROM operators o "
            "LEFT JOIN operator_limits l ON l.operator_id = o.id WHERE o.name = ?",
            {name});
    std::optional<OperatorRow> op;
    while (q.next()) {
        if (!op) {
            op = OperatorRow{};
            op->id = q.value(0).toLongLong();
            op->name = q.value(1).toString();
            op->role = roleFromName(q.value(2).toString()).value_or(Role::Viewer);
            op->disabled = q.value(3).toInt() != 0;
        }
        if (!q.value(4).isNull())
            op->limits.insert(q.value(4).toString(), q.value(5).toLongLong());
    }
    q.finish();
    return op;
}

OperatorRow LedgerStore::Impl::requireOperator(const Actor &actor, Role minimum, const QString &what) {
    const auto op = findOperator(actor.operatorName);
    if (!op)
        fail(ErrorCode::PermissionDenied, QStringLiteral("unknown operator \"%1\"").arg(actor.operatorName));
    if (op->disabled)
        fail(ErrorCode::PermissionDenied, QStringLiteral("operator %1 is disabled").arg(op->name));
    if (op->role < minimum)
        fail(ErrorCode::PermissionDenied, QStringLiteral("%1 needs the %2 role; %3 is %4")
                                              .arg(what, roleName(minimum), op->name, roleName(op->role)));
    return *op;
}

std::optional<PostingResult> LedgerStore::Impl::replay(const QString &key, const QString &requestHash,
                                                       bool includeApprovals) {
    // One round trip for both places a key can live; a posted approval's key is in both, and the
    // transaction (first) is the answer then.
    SqlStatement &q = run("SELECT 0, id, request_hash FROM transactions WHERE idempotency_key = ? "
                          "UNION ALL SELECT 1, id, request_hash FROM approvals WHERE idempotency_key = ?",
                          {key, key});
    bool found = false, approval = false;
    qint64 id = 0;
    QString hash;
    while (q.next()) {
        const bool isApproval = q.value(0).toInt() == 1;
        if (found && isApproval)
            continue; // the transaction row wins
        found = true;
        approval = isApproval;
        id = q.value(1).toLongLong();
        hash = q.value(2).toString();
    }
    if (!found)
        return std::nullopt;
    if (approval && !includeApprovals)
        return std::nullopt;
    if (hash != requestHash)
        fail(ErrorCode::IdempotencyConflict,
             QStringLiteral("idempotency key \"%1\" was already used for a different request").arg(key));
    PostingResult r;
    r.replayed = true;
    if (approval) {
        r.status = PostingResult::Status::Pending;
        r.approvalId = id;
    } else {
        r.transactionId = id;
        r.entries = entriesOf(id);
    }
    return r;
}

QSet<QString> LedgerStore::Impl::usedKeys(const QStringList &keys) {
    QSet<QString> used;
    if (keys.isEmpty())
        return used;
    const QString array =
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(keys)).toJson(QJsonDocument::Compact));
    SqlStatement &q =
        run(pick("SELECT idempotency_key FROM transactions WHERE idempotency_key IN (SELECT value FROM "
                 "json_each(?)) UNION ALL SELECT idempotency_key FROM approvals WHERE idempotency_key IN "
                 "(SELECT value FROM json_each(?))",
                 "SELECT idempotency_key FROM transactions WHERE idempotency_key = ANY(ARRAY(SELECT "
                 "json_array_elements_text(?::json))) UNION ALL SELECT idempotency_key FROM approvals WHERE "
                 "idempotency_key = ANY(ARRAY(SELECT json_array_elements_text(?::json)))"),
            {array, array});
    while (q.next())
        used.insert(q.value(0).toString());
    return used;
}

QList<JournalEntry> LedgerStore::Impl::entriesOf(qint64 txnId) {
    QList<JournalEntry> out;
    SqlStatement &q =
        run("SELECT e.id, e.account_id, e.shard, a.currency, e.amount, e.balance_after, e.created_at "
            "FROM entries e JOIN accounts a ON a.id = e.account_id "
            "WHERE e.transaction_id = ? ORDER BY e.id",
            {txnId});
    while (q.next()) {
        JournalEntry e;
        e.id = q.value(0).toLongLong();
        e.transactionId = txnId;
        e.accountId = q.value(1).toLongLong();
        e.shard = q.value(2).toInt();
        e.currency = q.value(3).toString();
        e.amount = q.value(4).toLongLong();
        e.balanceAfter = q.value(5).toLongLong();
        e.createdAt = q.value(6).toLongLong();
        out << e;
    }
    return out;
}

QList<PostingLeg> LedgerStore::Impl::planLegs(const PostingRequest &r, const OperatorRow &op,
                                              QHash<qint64, Account> &players) {
    QList<qint64> ids{r.accountId};
    if (r.counterAccountId > 0)
        ids << r.counterAccountId;
    std::sort(ids.begin(), ids.end());
    for (qint64 id : ids)
        players.insert(id, writer.requireAccount(id, true));
    auto legs = PostingRules::planLegs(r, players, op.role);
    if (!legs)
        throw StoreFailure{legs.error(), false};
    writer.resolveSystemLegs(legs.value());
    return legs.value();
}

PostingResult LedgerStore::Impl::postLocked(const Actor &actor, const OperatorRow &op,
                                            const PostingRequest &r, qint64 fromApprovalId,
                                            bool keyMayBeUsed) {
    failOn(PostingRules::validate(r));
    if (op.role < Role::Support)
        fail(ErrorCode::PermissionDenied,
             QStringLiteral("posting needs the support role; %1 is %2").arg(op.name, roleName(op.role)));
    const QString requestHash = hashHex(r.canonical());
    if (keyMayBeUsed)
        if (auto previous = replay(r.idempotencyKey, requestHash, fromApprovalId == 0))
            return *previous;

    QHash<qint64, Account> players;
    QList<PostingLeg> legs = planLegs(r, op, players);
    const Account primary = players.value(r.accountId);

    const qint64 magnitude = r.amount < 0 ? -r.amount : r.amount;
    const auto limit = op.limits.constFind(primary.currency);
    if (fromApprovalId == 0 && limit != op.limits.constEnd() && magnitude > *limit)
        return holdForApproval(actor, op, r, requestHash, primary, *limit);

    writer.priceLegs(legs, players, false);
    TxnHeader h{
        r.kind,         r.idempotencyKey, requestHash, op.id, actor.origin.left(MaxTextLength), 0, false,
        fromApprovalId, r.reasonCode,     r.ticketRef, r.memo};
    return writer.writeTransaction(h, legs, actor, QStringLiteral("post"), accountTarget(r.accountId));
}

PostingResult LedgerStore::Impl::holdForApproval(const Actor &actor, const OperatorRow &op,
                                                 const PostingRequest &r, const QString &requestHash,
                                                 const Account &primary, qint64 limit) {
    const qint64 hold = PostingRules::holdAmount(r);
    if (hold > 0 && !primary.allowNegative && primary.available() < hold)
        fail(ErrorCode::InsufficientFunds,
             QStringLiteral("insufficient funds: account %1 has %2 %3 available, the posting needs %4")
                 .arg(primary.id)
                 .arg(Money::format(primary.available(), primary.exponent), primary.currency,
                      Money::format(hold, primary.exponent)));
    if (hold > 0)
        writer.cache().changeHeld(primary.id, hold);
    const qint64 at = nowMs();
    const qint64 id =
        scalar(pick("INSERT INTO approvals (idempotency_key, request_hash, request, account_id, hold_amount, "
                    "maker_id, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    "INSERT INTO approvals (idempotency_key, request_hash, request, account_id, hold_amount, "
                    "maker_id, origin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
               {r.idempotencyKey, requestHash, QString::fromUtf8(ApiCodec::encodeKeyedPosting(r)), primary.id,
                hold, op.id, actor.origin.left(MaxTextLength), at})
            .toLongLong();
    writer.appendAudit(actor, QStringLiteral("post"), accountTarget(primary.id), QStringLiteral("pending"),
                       QStringLiteral("%1 of %2 %3 above the limit of %4 awaits approval %5")
                           .arg(kindName(r.kind), Money::format(r.amount, primary.exponent), primary.currency,
                                Money::format(limit, primary.exponent))
                           .arg(id));
    PostingResult result;
    result.status = PostingResult::Status::Pending;
    result.approvalId = id;
    return result;
}

Approval LedgerStore::Impl::readApproval(SqlStatement &q) {
    Approval a;
    a.id = q.value(0).toLongLong();
    const QString st = q.value(1).toString();
    a.state = st == u"approved" ? Approval::State::Approved
                                : (st == u"rejected" ? Approval::State::Rejected : Approval::State::Pending);
    QString unreadable; // only a row written by hand could fail: the store wrote it with encodeKeyedPosting
    ApiCodec::decodeKeyedPosting(q.value(2).toString().toUtf8(), &a.request, &unreadable);
    a.holdAmount = q.value(3).toLongLong();
    a.maker = q.value(4).toString();
    a.checker = q.value(5).toString();
    a.comment = q.value(6).toString();
    a.createdAt = q.value(7).toLongLong();
    a.decidedAt = q.value(8).toLongLong();
    a.transactionId = q.value(9).toLongLong();
    a.currency = q.value(12).toString();
    a.exponent = q.value(13).toInt();
    return a;
}

Approval LedgerStore::Impl::takePendingApproval(qint64 approvalId, const OperatorRow &checker,
                                                qint64 *makerId) {
    SqlStatement &q =
        run(pick(APPROVAL_SELECT "WHERE p.id = ?", APPROVAL_SELECT "WHERE p.id = ? FOR UPDATE OF p"),
            {approvalId});
    if (!q.next())
        fail(ErrorCode::NotFound, QStringLiteral("approval %1 does not exist").arg(approvalId));
    Approval a = readApproval(q);
    *makerId = q.value(10).toLongLong();
    const qint64 accountId = q.value(11).toLongLong();
    q.finish();
    if (a.state != Approval::State::Pending)
        fail(ErrorCode::StateConflict, QStringLiteral("approval %1 was already %2 by %3")
                                           .arg(approvalId)
                                           .arg(Approval::stateName(a.state), a.checker));
    if (*makerId == checker.id)
        fail(ErrorCode::StateConflict,
             QStringLiteral("approval %1 was requested by %2; a different operator must decide it")
                 .arg(approvalId)
                 .arg(a.maker));
    writer.requireAccount(accountId, true); // lock before touching held, in the same order as postings
    if (a.holdAmount > 0)
        writer.cache().changeHeld(accountId, -a.holdAmount);
    return a;
}

OperatorRow LedgerStore::Impl::operatorById(qint64 id) {
    const QVariant name = scalar("SELECT name FROM operators WHERE id = ?", {id});
    auto op = findOperator(name.toString());
    if (!op)
        fail(ErrorCode::NotFound, QStringLiteral("operator %1 does not exist").arg(id));
    return *op;
}

void LedgerStore::Impl::auditFailure(const Actor &actor, const QString &action, const QString &target,
                                     const LedgerError &e) {
    // Malformed requests never reached the ledger; database failures cannot be written anyway.
    if (e.code == ErrorCode::InvalidArgument || e.code == ErrorCode::Database)
        return;
    const QString outcome =
        e.code == ErrorCode::PermissionDenied ? QStringLiteral("denied") : LedgerError::codeName(e.code);
    s.audit(actor, action, target, outcome, e.message);
}

Result<Done> LedgerStore::Impl::prepare(const DatabaseUrl &url) {
    const bool pg = url.kind == DatabaseUrl::Kind::Postgres;
    try {
        if (pg) {
            // What the server says of this very connection, rather than what the URL asked for.
            QSqlQuery q(s.m_db);
            if (q.exec(QStringLiteral(
                    "SELECT ssl, version, cipher FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) &&
                q.next() && q.value(0).toBool())
                s.m_security = {ConnectionSecurity::Kind::Encrypted,
                                QStringLiteral("%1, %2").arg(q.value(1).toString(), q.value(2).toString())};
            else
                s.m_security = {url.isLocal() ? ConnectionSecurity::Kind::Local
                                              : ConnectionSecurity::Kind::Unencrypted,
                                {}};
            // One stuck statement or lock must not hold a worker (and every request queued behind it) for
            // ever: past these the statement fails, the transaction rolls back, and the caller gets a
            // database error (walletd: 503). Verification lifts the statement timeout for its own long reads.
            execRaw(QStringLiteral("SET statement_timeout = '30s'"));
            execRaw(QStringLiteral("SET lock_timeout = '10s'"));
            execRaw(QStringLiteral("SET idle_in_transaction_session_timeout = '60s'"));
        }
        const bool readOnly = !s.m_readOnlyReason.isEmpty();
        if (!pg && readOnly) {
            // Opened read-only (SqliteAccess): the journal mode is the file's to keep, and query_only makes
            // sure no statement of any path writes, should one get past the store's refusal.
            execRaw(QStringLiteral("PRAGMA query_only = ON"));
            execRaw(QStringLiteral("PRAGMA foreign_keys = ON"));
        } else if (!pg) {
            // WAL lets readers go on while one writer commits; FULL makes each commit durable.
            execRaw(QStringLiteral("PRAGMA journal_mode = WAL"));
            execRaw(QStringLiteral("PRAGMA synchronous = FULL"));
            // A posting dirties about a dozen pages; checkpointing every 8,000 WAL pages (about 32 MB)
            // instead of SQLite's 1,000 copies hot pages back to the database file an eighth as often.
            execRaw(QStringLiteral("PRAGMA wal_autocheckpoint = 8000"));
            execRaw(QStringLiteral("PRAGMA foreign_keys = ON"));
        }
        const QVariant exists =
            scalar(pick("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                        "SELECT to_regclass('schema_migrations')::text"));
        int version = 0;
        if (exists.isValid() && !exists.isNull())
            version = scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").toInt();
        if (version > LedgerStore::knownSchemaVersion())
            return LedgerError{
                ErrorCode::SchemaTooNew,
                QStringLiteral("%1 has ledger schema version %2, newer than this program knows (%3); "
                               "upgrade WalletDesk")
                    .arg(url.display())
                    .arg(version)
                    .arg(LedgerStore::knownSchemaVersion())};
        if (version < LedgerStore::knownSchemaVersion() && readOnly)
            return LedgerError{
                ErrorCode::Database,
                version == 0 ? QStringLiteral("%1 holds no ledger, and none can be made: %2")
                                   .arg(url.display(), s.m_readOnlyReason)
                             : QStringLiteral(
                                   "%1 has ledger schema version %2, older than this program's (%3), and it "
                                   "cannot be upgraded: %4. Open it once where it can be written, or read it "
                                   "with the WalletDesk that wrote it")
                                   .arg(url.display())
                                   .arg(version)
                                   .arg(LedgerStore::knownSchemaVersion())
                                   .arg(s.m_readOnlyReason)};
        if (version < LedgerStore::knownSchemaVersion()) {
            auto migrated = transact([&]() -> Done {
                if (pg)
                    execRaw(QStringLiteral("SELECT pg_advisory_xact_lock(7341020)"));
                execRaw(QStringLiteral(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                    "applied_at BIGINT NOT NULL)"));
                // Another process may have migrated while we waited for the lock.
                int current = scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").toInt();
                for (int v = current + 1; v <= LedgerStore::knownSchemaVersion(); ++v) {
                    QFile f(QStringLiteral(":/walletdesk/sql/%1/%2.sql")
                                .arg(pg ? QStringLiteral("postgres") : QStringLiteral("sqlite"))
                                .arg(v, 3, 10, QChar(u'0')));
                    if (!f.open(QIODevice::ReadOnly))
                        fail(ErrorCode::Database,
                             QStringLiteral("migration %1 is missing from the program").arg(v));
                    for (const QString &statement : splitSqlScript(QString::fromUtf8(f.readAll())))
                        execRaw(statement);
                    run("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)", {v, nowMs()});
                }
                return Done{};
            });
            if (!migrated)
                return migrated.error();
        }
    } catch (const StoreFailure &f) {
        return f.error;
    }
    return Done{};
}

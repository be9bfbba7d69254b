#include "ledgerstore.h"

#include "bulkjournal.h"
#include "ledgeradmin.h"
#include "ledgerreader.h"
#include "ledgerstoreimpl.h"

#include "chainhasher.h"
#include "journalwriter.h"
#include "ledgerverifier.h"
#include "money.h"
#include "postingrules.h"
#include "sqliteaccess.h"
#include "sqlscript.h"
#include "sqlsession.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QThread>
#include <QUuid>
#include <algorithm>
#include <map>
#include <sqlite3.h>
#include <unordered_map>

using PostingRules::MaxKeyLength;
using PostingRules::MaxTextLength;

// ------------------------------------------------------------------------------------------------

LedgerStore::LedgerStore(Dialect dialect, const QSqlDatabase &db)
    : m_dialect(dialect)
    , m_db(db)
    , d(std::make_unique<Impl>(*this)) {}

LedgerStore::~LedgerStore() {
    const QString name = m_db.connectionName();
    d.reset();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

int LedgerStore::knownSchemaVersion() {
    return 5;
}

QString LedgerStore::zeroHash() {
    return QString(64, u'0');
}

/// A new SQLite ledger is private to its owner (0600) from its first byte: it holds every player's history
/// and the operators' password hashes. SQLite gives the -wal and -shm files the database file's mode. An
/// existing file keeps the mode its owner chose.
static Result<Done> createPrivateFile(const DatabaseUrl &url) {
    const QString &path = url.path;
    if (path == u":memory:" || QFileInfo::exists(path))
        return Done{};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly,
                   QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (QFileInfo::exists(
                path)) // another process created it meanwhile: it is theirs to have made private
            return Done{};
        return LedgerError{ErrorCode::Database, QStringLiteral("cannot open %1: cannot create the file: %2")
                                                    .arg(url.display(), file.errorString())};
    }
    return Done{};
}

Result<std::unique_ptr<LedgerStore>> LedgerStore::open(const DatabaseUrl &url) {
    // Every connection here is used by one thread at a time (Qt's rule for QSqlDatabase), so SQLite's
    // per-call mutexes are pure cost: a tenth of verify's time. This only takes effect before SQLite's
    // first use in the process; later it is a harmless no-op.
    static const int configured = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    Q_UNUSED(configured)
    const QString connection = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool pg = url.kind == DatabaseUrl::Kind::Postgres;
    if (const QString problem = url.transportProblem(); !problem.isEmpty())
        return LedgerError{ErrorCode::InvalidArgument,
                           QStringLiteral("cannot open %1: %2").arg(url.display(), problem)};
    QSqlDatabase db = url.addConnection(connection);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(connection);
        return LedgerError{ErrorCode::Database,
                           QStringLiteral("the Qt %1 driver is not installed")
                               .arg(pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"))};
    }
    SqliteAccess access;
    if (!pg) {
        const auto decided = SqliteAccess::forPath(url.path);
        const auto created = decided && !decided->readOnly() ? createPrivateFile(url) : Result<Done>(Done{});
        if (!decided || !created) {
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connection);
            return decided ? created.error() : decided.error();
        }
        access = decided.value();
        db.setDatabaseName(access.databaseName());
        db.setConnectOptions(access.connectOptions());
    }
    if (!db.open()) {
        const QString message = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connection);
        QString why = message.simplified();
        // The sslmode=require that DatabaseUrl adds across a network is ours, not the user's: say so.
        if (pg && !url.isLocal() && !url.options.contains(QStringLiteral("sslmode")) &&
            why.contains(u"SSL was required"))
            why += QStringLiteral(
                " (a server across a network is reached over TLS; add sslmode=disable to the URL "
                "to allow an unencrypted connection)");
        return LedgerError{ErrorCode::Database, QStringLiteral("cannot open %1: %2").arg(url.display(), why)};
    }
    std::unique_ptr<LedgerStore> store(new LedgerStore(pg ? Dialect::Postgres : Dialect::Sqlite, db));
    db = QSqlDatabase(); // the store holds the connection now; no second handle may outlive it
    store->m_readOnlyReason = access.refusal();
    if (auto prepared = store->d->prepare(url); !prepared)
        return prepared.error();
    return store;
}

bool LedgerStore::isConnected() {
    if (m_dialect == Dialect::Sqlite)
        return true;
    if (!m_db.isOpen())
        return false;
    QSqlQuery ping(m_db);
    return ping.exec(QStringLiteral("SELECT 1")) && ping.next();
}

int LedgerStore::schemaVersion() {
    try {
        return d->scalar("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").toInt();
    } catch (const StoreFailure &) {
        return 0;
    }
}

// Currencies and operators are LedgerAdmin's; the store keeps its one front door for them.

Result<OperatorInfo> LedgerStore::bootstrapAdmin(const QString &name) {
    return LedgerAdmin(*this).bootstrapAdmin(name);
}

Result<Currency> LedgerStore::addCurrency(const Actor &actor, const Currency &c) {
    return LedgerAdmin(*this).addCurrency(actor, c);
}

Result<QList<Currency>> LedgerStore::currencies() {
    return LedgerAdmin(*this).currencies();
}

Result<OperatorInfo> LedgerStore::addOperator(const Actor &actor, const OperatorInfo &info) {
    return LedgerAdmin(*this).addOperator(actor, info);
}

Result<QList<OperatorInfo>> LedgerStore::operators() {
    return LedgerAdmin(*this).operators();
}

Result<OperatorInfo> LedgerStore::setOperatorDisabled(const Actor &actor, const QString &name,
                                                      bool disabled) {
    return LedgerAdmin(*this).setOperatorDisabled(actor, name, disabled);
}

Result<Account> LedgerStore::createAccount(const Actor &actor, const NewAccount &newAccount) {
    auto r = d->audited(
        actor, QStringLiteral("account-create"), QStringLiteral("player:%1").arg(newAccount.playerRef),
        [&]() -> qint64 {
            const OperatorRow op =
                d->requireOperator(actor, Role::Support, QStringLiteral("creating an account"));
            if (newAccount.allowNegative && op.role < Role::Supervisor)
                fail(ErrorCode::PermissionDenied,
                     QStringLiteral("allowing a negative balance needs the supervisor role; %1 is %2")
                         .arg(op.name, roleName(op.role)));
            const QString ref = newAccount.playerRef.trimmed();
            if (ref.isEmpty() || ref.size() > 64)
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("a player reference of 1 to 64 characters is required"));
            if (newAccount.name.size() > 200)
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("the display name is longer than 200 characters"));
            d->writer.exponentOf(newAccount.currency);
            const QVariant existing = d->scalar(
                "SELECT id FROM accounts WHERE player_ref = ? AND currency = ?", {ref, newAccount.currency});
            if (existing.isValid())
                fail(ErrorCode::StateConflict, QStringLiteral("player %1 already has a %2 account (%3)")
                                                   .arg(ref, newAccount.currency)
                                                   .arg(existing.toLongLong()));
            const qint64 at = Impl::nowMs();
            const qint64 id =
                d->scalar(
                     "INSERT INTO accounts (kind, currency, player_ref, name, allow_negative, created_at, "
                     "last_activity_at) VALUES ('player', ?, ?, ?, ?, ?, ?) RETURNING id",
                     {newAccount.currency, ref, newAccount.name.isEmpty() ? ref : newAccount.name,
                      newAccount.allowNegative ? 1 : 0, at, at})
                    .toLongLong();
            d->writer.appendAudit(actor, QStringLiteral("account-create"), Impl::accountTarget(id),
                                  QStringLiteral("ok"),
                                  QStringLiteral("player %1 currency %2").arg(ref, newAccount.currency));
            return id;
        });
    if (!r)
        return r.error();
    return account(r.value());
}

Result<Account> LedgerStore::account(qint64 id) {
    try {
        return d->writer.requireAccount(id, false);
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<QList<Account>> LedgerStore::accountsOfPlayer(const QString &playerRef) {
    try {
        QList<qint64> ids;
        SqlStatement &q =
            d->run("SELECT id FROM accounts WHERE player_ref = ? ORDER BY currency", {playerRef});
        while (q.next())
            ids << q.value(0).toLongLong();
        QList<Account> out;
        for (qint64 id : ids)
            out << d->writer.requireAccount(id, false);
        if (out.isEmpty())
            fail(ErrorCode::NotFound, QStringLiteral("player %1 has no account").arg(playerRef));
        return out;
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<Account> LedgerStore::systemAccount(const QString &currency, const QString &name) {
    try {
        return d->writer.requireAccount(d->writer.systemAccountId(currency, name), false);
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

Result<Account> LedgerStore::setAccountState(const Actor &actor, qint64 accountId, AccountState state,
                                             const QString &reason) {
    const QString action =
        state == AccountState::Frozen
            ? QStringLiteral("freeze")
            : (state == AccountState::Closed ? QStringLiteral("close") : QStringLiteral("unfreeze"));
    auto r = d->audited(actor, action, Impl::accountTarget(accountId), [&]() -> Done {
        d->requireOperator(actor, Role::Supervisor, action);
        if (reason.trimmed().isEmpty())
            fail(ErrorCode::InvalidArgument,
                 QStringLiteral("a reason is required to %1 an account").arg(action));
        const Account a = d->writer.requireAccount(accountId, true);
        if (a.kind == AccountKind::System)
            fail(ErrorCode::InvalidArgument, QStringLiteral("system accounts cannot be frozen or closed"));
        if (a.state == AccountState::Closed)
            fail(ErrorCode::AccountClosed,
                 QStringLiteral("account %1 is closed, which is final").arg(accountId));
        if (a.state == state)
            fail(ErrorCode::StateConflict,
                 QStringLiteral("account %1 is already %2").arg(accountId).arg(accountStateName(state)));
        if (state == AccountState::Closed) {
            if (a.balance != 0 || a.held != 0)
                fail(ErrorCode::StateConflict,
                     QStringLiteral("account %1 holds %2 %3; only an empty account can be closed")
                         .arg(accountId)
                         .arg(Money::format(a.balance, a.exponent), a.currency));
            if (d->scalar("SELECT COUNT(*) FROM approvals WHERE account_id = ? AND state = 'pending'",
                          {accountId})
                    .toLongLong() > 0)
                fail(ErrorCode::StateConflict,
                     QStringLiteral("account %1 has pending approvals; decide them first").arg(accountId));
        }
        d->run("UPDATE accounts SET state = ? WHERE id = ?", {accountStateName(state), accountId});
        d->writer.appendAudit(actor, action, Impl::accountTarget(accountId), QStringLiteral("ok"),
                              reason.left(MaxTextLength));
        return Done{};
    });
    if (!r)
        return r.error();
    return account(accountId);
}

Result<PostingResult> LedgerStore::post(const Actor &actor, const PostingRequest &request) {
    const WriteMode mode = request.dryRun ? WriteMode::DryRun : WriteMode::Commit;
    return d->auditedPosting(
        actor, QStringLiteral("post"), Impl::accountTarget(request.accountId),
        [&]() -> PostingResult {
            const auto op = d->findOperator(actor.operatorName);
            if (!op || op->disabled)
                d->requireOperator(actor, Role::Support, QStringLiteral("posting"));
            return d->postLocked(actor, *op, request, 0);
        },
        mode);
}

QList<Result<PostingResult>> LedgerStore::postBatch(const Actor &actor,
                                                    const QList<PostingRequest> &requests) {
    QList<Result<PostingResult>> results;
    QList<std::pair<qint64, LedgerError>> failures;
    // A batch is rehearsed or posted as a whole: a rehearsal answers what each posting would do after the
    // ones before it (a file's second row may overdraw only because its first posts).
    const bool dryRun = !requests.isEmpty() && requests.first().dryRun;
    for (const PostingRequest &request : requests)
        if (request.dryRun != dryRun)
            return QList<Result<PostingResult>>(
                requests.size(),
                Result<PostingResult>(LedgerError{
                    ErrorCode::InvalidArgument,
                    QStringLiteral("a batch is either a dry run or not; it mixes dry runs with postings")}));
    const WriteMode mode = dryRun ? WriteMode::DryRun : WriteMode::Commit;
    auto r = d->audited(
        actor, QStringLiteral("post"), QStringLiteral("batch"),
        [&]() -> Done {
            results.clear();
            failures.clear();
            const OperatorRow op = d->requireOperator(actor, Role::Support, QStringLiteral("posting"));
            d->writer.setBatchAudit(true);
            const auto restore = qScopeGuard([this] { d->writer.setBatchAudit(false); });
            qint64 first = 0, last = 0, posted = 0;
            QStringList keys;
            QList<qint64> accounts;
            keys.reserve(requests.size());
            accounts.reserve(2 * requests.size());
            for (const PostingRequest &request : requests) {
                keys << request.idempotencyKey;
                accounts << request.accountId << request.counterAccountId;
            }
            const QSet<QString> used = d->usedKeys(keys);
            d->writer.lockAccounts(accounts);
            QSet<QString>
                seen; // a key twice in one batch: the second is a replay of the first (or a conflict)
            for (const PostingRequest &request : requests) {
                const bool keyMayBeUsed =
                    used.contains(request.idempotencyKey) || seen.contains(request.idempotencyKey);
                seen.insert(request.idempotencyKey);
                try {
                    results << d->postLocked(actor, op, request, 0, keyMayBeUsed);
                    const PostingResult &done = results.last().value();
                    if (done.transactionId > 0 && !done.replayed) {
                        first = first ? first : done.transactionId;
                        last = done.transactionId;
                        ++posted;
                    }
                } catch (const StoreFailure &f) {
                    if (f.retryable || f.error.code == ErrorCode::Database)
                        throw; // the database itself failed: the whole batch rolls back
                    results << Result<PostingResult>(f.error);
                    failures << std::pair{request.accountId, f.error};
                }
            }
            if (posted > 0 && mode == WriteMode::Commit)
                d->writer.appendAudit(actor, QStringLiteral("post"),
                                      QStringLiteral("transactions:%1-%2").arg(first).arg(last),
                                      QStringLiteral("ok"),
                                      QStringLiteral("batch of %1 requests: %2 posted, %3 refused")
                                          .arg(requests.size())
                                          .arg(posted)
                                          .arg(failures.size()));
            return Done{};
        },
        mode);
    if (!r)
        return QList<Result<PostingResult>>(requests.size(), Result<PostingResult>(r.error()));
    if (mode == WriteMode::DryRun) {
        for (Result<PostingResult> &result : results)
            if (result)
                Impl::markDryRun(result.value(), false);
        return results;
    }
    for (const auto &[accountId, error] : std::as_const(failures))
        d->auditFailure(actor, QStringLiteral("post"), Impl::accountTarget(accountId), error);
    return results;
}

Result<PostingResult> LedgerStore::reverse(const Actor &actor, const ReversalRequest &request) {
    const QString target = QStringLiteral("transaction:%1").arg(request.transactionId);
    const WriteMode mode = request.dryRun ? WriteMode::DryRun : WriteMode::Commit;
    return d->auditedPosting(
        actor, QStringLiteral("reverse"), target,
        [&]() -> PostingResult {
            const OperatorRow op = d->requireOperator(actor, Role::Supervisor, QStringLiteral("reversing"));
            if (request.idempotencyKey.trimmed().isEmpty() || request.idempotencyKey.size() > MaxKeyLength)
                fail(ErrorCode::InvalidArgument,
                     QStringLiteral("an idempotency key of 1 to 200 characters is required"));
            if (request.reason.trimmed().isEmpty())
                fail(ErrorCode::InvalidArgument, QStringLiteral("a reversal needs a reason"));
            if (request.reason.size() > MaxTextLength)
                fail(ErrorCode::InvalidArgument, QStringLiteral("the reason is too long"));
            const QString requestHash = Impl::hashHex(QStringLiteral("reversal|%1|%2|%3")
                                                          .arg(request.transactionId)
                                                          .arg(request.force ? 1 : 0)
                                                          .arg(request.reason)
                                                          .toUtf8());
            if (auto previous = d->replay(request.idempotencyKey, requestHash, false))
                return *previous;
            const QVariant kind =
                d->scalar("SELECT kind FROM transactions WHERE id = ?", {request.transactionId});
            if (!kind.isValid())
                fail(ErrorCode::NotFound,
                     QStringLiteral("transaction %1 does not exist").arg(request.transactionId));
            if (kind.toString() == u"reversal")
                fail(ErrorCode::StateConflict,
                     QStringLiteral("transaction %1 is itself a reversal; post a new "
                                    "transaction instead")
                         .arg(request.transactionId));
            const QVariant by =
                d->scalar("SELECT id FROM transactions WHERE reverses_id = ?", {request.transactionId});
            if (by.isValid())
                fail(ErrorCode::AlreadyReversed,
                     QStringLiteral("transaction %1 was already reversed by transaction %2")
                         .arg(request.transactionId)
                         .arg(by.toLongLong()));
            const QList<JournalEntry> original = d->entriesOf(request.transactionId);
            QHash<qint64, Account> players;
            QList<qint64> playerIds;
            QList<PostingLeg> legs;
            for (const JournalEntry &e : original) {
                const auto negated = Money::negate(e.amount);
                if (!negated)
                    fail(ErrorCode::Overflow, QStringLiteral("entry %1 cannot be negated").arg(e.id));
                const QVariant k = d->scalar("SELECT kind FROM accounts WHERE id = ?", {e.accountId});
                const bool system = k.toString() == u"system";
                if (!system && !playerIds.contains(e.accountId))
                    playerIds << e.accountId;
                PostingLeg leg;
                leg.accountId = e.accountId;
                leg.system = system;
                leg.currency = e.currency;
                leg.amount = *negated;
                legs << leg;
            }
            std::sort(playerIds.begin(), playerIds.end());
            for (qint64 id : playerIds) {
                const Account a = d->writer.requireAccount(id, true);
                failOn(PostingRules::checkUsable(a, op.role));
                players.insert(id, a);
            }
            try {
                d->writer.priceLegs(legs, players, request.force);
            } catch (const StoreFailure &f) {
                if (f.error.code == ErrorCode::InsufficientFunds)
                    fail(ErrorCode::InsufficientFunds,
                         f.error.message +
                             QStringLiteral("; a supervisor may force the reversal with a reason"));
                throw;
            }
            TxnHeader h{TransactionKind::Reversal,
                        request.idempotencyKey,
                        requestHash,
                        op.id,
                        actor.origin.left(MaxTextLength),
                        request.transactionId,
                        request.force,
                        0,
                        {},
                        {},
                        request.reason};
            return d->writer.writeTransaction(h, legs, actor, QStringLiteral("reverse"), target);
        },
        mode);
}

Result<PostingResult> LedgerStore::approve(const Actor &actor, qint64 approvalId, const QString &comment,
                                           WriteMode mode) {
    const QString target = QStringLiteral("approval:%1").arg(approvalId);
    return d->auditedPosting(
        actor, QStringLiteral("approve"), target,
        [&]() -> PostingResult {
            const OperatorRow checker =
                d->requireOperator(actor, Role::Supervisor, QStringLiteral("approving"));
            qint64 makerId = 0;
            const Approval a = d->takePendingApproval(approvalId, checker, &makerId);
            // The posting is the maker's; the checker's authority lets it through the limit and a frozen
            // account.
            OperatorRow asMaker = checker;
            asMaker.id = makerId;
            const QString makerName = a.maker;
            PostingResult result =
                d->postLocked(Actor{makerName, actor.origin}, asMaker, a.request, approvalId);
            d->run(
                "UPDATE approvals SET state = 'approved', checker_id = ?, decided_at = ?, comment = ?, "
                "transaction_id = ? WHERE id = ?",
                {checker.id, Impl::nowMs(), comment.left(MaxTextLength), result.transactionId, approvalId});
            d->writer.appendAudit(actor, QStringLiteral("approve"), target, QStringLiteral("ok"),
                                  QStringLiteral("posted as transaction %1").arg(result.transactionId));
            return result;
        },
        mode, true);
}

Result<Approval> LedgerStore::reject(const Actor &actor, qint64 approvalId, const QString &comment,
                                     WriteMode mode) {
    const QString target = QStringLiteral("approval:%1").arg(approvalId);
    Approval rejected; // for a dry run: the approval as the rejection would leave it
    auto r = d->audited(
        actor, QStringLiteral("reject"), target,
        [&]() -> Done {
            const OperatorRow checker =
                d->requireOperator(actor, Role::Supervisor, QStringLiteral("rejecting"));
            if (comment.trimmed().isEmpty())
                fail(ErrorCode::InvalidArgument, QStringLiteral("a rejection needs a comment"));
            qint64 makerId = 0;
            d->takePendingApproval(approvalId, checker, &makerId);
            d->run(
                "UPDATE approvals SET state = 'rejected', checker_id = ?, decided_at = ?, comment = ? WHERE "
                "id = ?",
                {checker.id, Impl::nowMs(), comment.left(MaxTextLength), approvalId});
            d->writer.appendAudit(actor, QStringLiteral("reject"), target, QStringLiteral("ok"),
                                  comment.left(MaxTextLength));
            if (mode == WriteMode::DryRun) { // read inside the transaction, before it is rolled back
                auto decided = LedgerReader(*this).approval(approvalId);
                if (!decided)
                    throw StoreFailure{decided.error(), false};
                rejected = decided.value();
            }
            return Done{};
        },
        mode);
    if (!r)
        return r.error();
    if (mode == WriteMode::DryRun)
        return rejected;
    return LedgerReader(*this).approval(approvalId);
}

void LedgerStore::audit(const Actor &actor, const QString &action, const QString &target,
                        const QString &outcome, const QString &detail) {
    auto r = d->transact([&]() -> Done {
        d->writer.appendAudit(actor, action, target, outcome, detail.left(MaxTextLength));
        return Done{};
    });
    if (!r)
        qWarning("could not write the audit log: %s", qPrintable(r.error().message));
}

Result<Done> LedgerStore::bulkLoad(const QString &origin, const QByteArray &keyPrefix,
                                   const std::function<Result<Done>(BulkJournal &)> &body) {
    const bool pg = m_dialect == Dialect::Postgres;
    if (!m_readOnlyReason.isEmpty()) // before the pragmas, which would already try to write
        return LedgerError{ErrorCode::Database, m_readOnlyReason};
    try {
        if (!pg) {
            d->execRaw(QStringLiteral("PRAGMA journal_mode = DELETE"));
            d->execRaw(QStringLiteral("PRAGMA cache_size = -1048576")); // 1 GiB while loading
            // Deferred foreign keys would rescan child tables for every parent row once their indexes are
            // gone; instead they are off while loading and checked in one pass before commit.
            d->execRaw(QStringLiteral("PRAGMA foreign_keys = OFF"));
        }
    } catch (const StoreFailure &f) {
        return f.error;
    }
    auto r = d->transact([&]() -> Done {
        // Read the index definitions from the catalogue so the rebuild can never drift from the migrations.
        QStringList names, definitions;
        SqlStatement &q =
            d->run(d->pick("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                           "AND tbl_name IN ('entries', 'accounts')",
                           "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                           "AND tablename IN ('entries', 'accounts') AND indexname NOT LIKE '%pkey'"));
        while (q.next()) {
            names << q.value(0).toString();
            definitions << q.value(1).toString();
        }
        q.finish();
        if (pg) {
            d->execRaw(QStringLiteral("SET CONSTRAINTS ALL DEFERRED"));
            // The connection's 30 s statement timeout (open()) guards requests; checking millions of deferred
            // references and rebuilding indexes legitimately takes longer (a 1 M-player demo was cancelled).
            d->execRaw(QStringLiteral("SET LOCAL statement_timeout = 0"));
        }
        for (const QString &name : std::as_const(names))
            d->execRaw(QStringLiteral("DROP INDEX %1").arg(name)); // catalogue names, not user input
        BulkJournal journal(m_db, pg, origin, keyPrefix);
        Result<Done> loaded = journal.begin();
        if (loaded)
            loaded = body(journal);
        if (!loaded)
            throw StoreFailure{loaded.error(), false};
        if (pg)
            d->execRaw(
                QStringLiteral("SET CONSTRAINTS ALL IMMEDIATE")); // check references now, before indexing
        for (const QString &definition : std::as_const(definitions))
            d->execRaw(definition);
        if (!pg) {
            SqlStatement &check = d->run("PRAGMA foreign_key_check");
            if (check.next())
                fail(ErrorCode::Database, QStringLiteral("bulk load left a dangling reference in %1 row %2")
                                              .arg(check.value(0).toString())
                                              .arg(check.value(1).toLongLong()));
            check.finish();
        }
        return Done{};
    });
    if (!pg) {
        try {
            d->execRaw(QStringLiteral("PRAGMA foreign_keys = ON"));
            d->execRaw(QStringLiteral("PRAGMA cache_size = -2000"));
            d->execRaw(QStringLiteral("PRAGMA journal_mode = WAL"));
        } catch (const StoreFailure &f) {
            return f.error;
        }
    }
    return r;
}

Result<VerifyReport> LedgerStore::verify(const std::function<bool(qint64 checked, qint64 total)> &progress) {
    try {
        LedgerVerifier verifier(m_db, m_dialect == Dialect::Postgres);
        return verifier.run(progress);
    } catch (const StoreFailure &f) {
        return f.error;
    }
}

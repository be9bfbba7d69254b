// Ledger benchmarks. Each figure is printed next to a reference measured in the same run, because
// absolute numbers drift from machine to machine (see docs/performance.md).
//
//   bench_ledger [--quick] [--pg URL] [--players N] [--dir DIR]
//
// (a) durable postings/s, one posting per commit, SQLite WAL synchronous=FULL, against the raw sqlite3 C API
//     doing the same writes per commit;  (b) batched postings/s;  (c) PostgreSQL, 8 concurrent writers, on
//     spread and on 4 hot accounts;  (d) verify, entries/s;  (e) demo generation for N players.

#include "demogenerator.h"
#include "ledgerstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <atomic>
#include <cstdio>
#include <sqlite3.h>
#include <thread>

namespace {

const Actor Admin{QStringLiteral("bench"), QStringLiteral("bench")};

void row(const char *what, double value, const char *unit, const QString &reference = {}) {
    std::printf("%-58s %12.0f %-12s %s\n", what, value, unit, qPrintable(reference));
    std::fflush(stdout);
}

std::unique_ptr<LedgerStore> freshLedger(const QString &urlText, int accounts, QList<qint64> *ids) {
    QString error;
    auto store = LedgerStore::open(*DatabaseUrl::parse(urlText, &error));
    if (!store)
        qFatal("%s", qPrintable(store.error().message));
    std::unique_ptr<LedgerStore> s = std::move(store).value();
    s->bootstrapAdmin(Admin.operatorName);
    s->addCurrency(Admin, Currency{QStringLiteral("GOLD"), 0, {}});
    QList<PostingRequest> seeds;
    for (int i = 0; i < accounts; ++i) {
        const auto a = s->createAccount(
            Admin, NewAccount{QStringLiteral("GOLD"), QStringLiteral("p%1").arg(i), {}, false});
        if (!a)
            qFatal("%s", qPrintable(a.error().message));
        *ids << a->id;
        PostingRequest r;
        r.kind = TransactionKind::Deposit;
        r.accountId = a->id;
        r.amount = 1'000'000;
        r.idempotencyKey = QStringLiteral("seed-%1").arg(i);
        seeds << r;
    }
    s->postBatch(Admin, seeds);
    return s;
}

PostingRequest randomPosting(QRandomGenerator &rng, const QList<qint64> &ids, const QString &key) {
    PostingRequest r;
    r.kind = rng.bounded(2) ? TransactionKind::Deposit : TransactionKind::Charge;
    r.accountId = ids.at(int(rng.bounded(qint64(ids.size()))));
    r.amount = 1 + rng.bounded(100);
    r.idempotencyKey = key;
    return r;
}

/// The ceiling for (a): the rows one posting writes (journal row, two entries, audit row, the player's
/// balance, the treasury shard, two rollups, two chain heads), into the ledger's own schema with its indexes
/// and triggers, through the raw C API, one commit each. No reads, no checks, no hashing: values are fixed
/// strings of the real widths.
class RawPoster {
public:
    RawPoster(const QString &path, const QList<qint64> &players, qint64 treasury)
        : m_players(players)
        , m_treasury(treasury) {
        sqlite3_open(path.toUtf8().constData(), &m_db);
        sqlite3_exec(m_db,
                     "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=8000; "
                     "PRAGMA foreign_keys=ON;", // the ledger's settings: its foreign keys are checked too
                     nullptr, nullptr, nullptr);
        const char *sql[] = {
            "INSERT INTO transactions (kind, idempotency_key, request_hash, operator_id, origin, created_at, "
            "forced, reason_code, ticket_ref, memo, lane, prev_hash, hash) VALUES ('deposit', ?1, ?3, 1, "
            "'bench', ?4, 0, '', '', '', 0, ?3, ?3)",
            "INSERT INTO entries (transaction_id, account_id, shard, amount, balance_after, created_at) "
            "VALUES (last_insert_rowid(), ?2, 0, 5, ?5, ?4)",
            "INSERT INTO entries (transaction_id, account_id, shard, amount, balance_after, created_at) "
            "VALUES ((SELECT MAX(id) FROM transactions), ?6, 0, -5, -?5, ?4)",
            "INSERT INTO audit_log (at, operator, origin, action, target, outcome, detail, lane, prev_hash, "
            "hash) "
            "VALUES (?4, 'bench', 'bench', 'post', 'account:1', 'ok', 'deposit transaction 1 key k', 0, ?3, "
            "?3)",
            "UPDATE accounts SET balance = ?5, held = 0, last_activity_at = ?4 WHERE id = ?2",
            "UPDATE account_shards SET balance = -?5 WHERE account_id = ?6 AND shard = 0",
            "INSERT INTO daily_rollups VALUES (?2, 0, 1, 0, ?5, 0, ?5, 5, 0, 1) ON CONFLICT DO UPDATE SET "
            "closing = excluded.closing, entry_count = entry_count + 1",
            "INSERT INTO daily_rollups VALUES (?6, 0, 1, 0, -?5, -?5, 0, 0, 5, 1) ON CONFLICT DO UPDATE SET "
            "closing = excluded.closing, entry_count = entry_count + 1",
            "UPDATE chain_heads SET last_id = ?5, head = ?3 WHERE chain = 'journal' AND lane = 0",
            "UPDATE chain_heads SET last_id = ?5, head = ?3 WHERE chain = 'audit' AND lane = 0"};
        for (const char *text : sql) {
            sqlite3_stmt *st = nullptr;
            if (sqlite3_prepare_v2(m_db, text, -1, &st, nullptr) != SQLITE_OK)
                qFatal("%s", sqlite3_errmsg(m_db));
            m_stmts.push_back(st);
        }
    }
    /// A new ledger at `path` (the same schema, accounts and treasury as the ledger it is compared with),
    /// then closed and reopened bare.
    static std::unique_ptr<RawPoster> onFreshLedger(const QString &path, int accounts) {
        QList<qint64> ids;
        auto ledger = freshLedger(QStringLiteral("sqlite:") + path, accounts, &ids);
        const qint64 treasury = ledger->systemAccount(QStringLiteral("GOLD"), QStringLiteral("treasury"))->id;
        ledger.reset();
        return std::make_unique<RawPoster>(path, ids, treasury);
    }
    ~RawPoster() {
        for (sqlite3_stmt *st : m_stmts)
            sqlite3_finalize(st);
        sqlite3_close(m_db);
    }
    /// One posting's rows in one durable commit: the reference of (a).
    void post() {
        m_player = m_players.at(int(m_n % m_players.size()));
        sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        writeRows(0, m_stmts.size());
        sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
        ++m_n;
    }
    /// `count` postings in one durable commit: the reference of (b), writing exactly the rows the ledger's
    /// batch writes. Each posting writes its journal row and two entries on a random player (as the ledger's
    /// run does); like the ledger's write cache, each touched balance and rollup is written once per batch,
    /// and the audit record and the chain heads once.
    void postBatch(int count) {
        sqlite3_exec(m_db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        QSet<qint64> touched;
        for (int i = 0; i < count; ++i, ++m_n) {
            m_player = m_players.at(int(m_rng.bounded(qint64(m_players.size()))));
            touched.insert(m_player);
            writeRows(0, 3); // journal row, two entries
        }
        for (qint64 player : std::as_const(touched)) {
            m_player = player;
            writeRows(4, 5); // the player's balance
            writeRows(6, 7); // and rollup
        }
        writeRows(5, 6);              // the treasury's shard
        writeRows(7, 8);              // and rollup
        writeRows(3, 4);              // one audit record
        writeRows(8, m_stmts.size()); // chain heads
        sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    }

private:
    void writeRows(size_t from, size_t to) {
        static const QByteArray hash(64, 'a'); // a hex SHA-256's width
        const QByteArray key = "raw-" + QByteArray::number(m_n);
        for (size_t s = from; s < to; ++s) {
            sqlite3_stmt *st = m_stmts[s];
            const int params = sqlite3_bind_parameter_count(st);
            for (int i = 1; i <= params; ++i) {
                const char *name = sqlite3_bind_parameter_name(st, i);
                switch (name ? name[1] : '0') {
                case '1':
                    sqlite3_bind_text(st, i, key.constData(), int(key.size()), SQLITE_STATIC);
                    break;
                case '2':
                    sqlite3_bind_int64(st, i, m_player);
                    break;
                case '3':
                    sqlite3_bind_text(st, i, hash.constData(), int(hash.size()), SQLITE_STATIC);
                    break;
                case '4':
                    sqlite3_bind_int64(st, i, 1'700'000'000'000 + m_n);
                    break;
                case '5':
                    sqlite3_bind_int64(st, i, 1'000'000 + m_n);
                    break;
                default:
                    sqlite3_bind_int64(st, i, m_treasury);
                }
            }
            if (sqlite3_step(st) != SQLITE_DONE)
                qFatal("raw step: %s", sqlite3_errmsg(m_db));
            sqlite3_reset(st);
        }
    }

    sqlite3 *m_db = nullptr;
    std::vector<sqlite3_stmt *> m_stmts;
    QList<qint64> m_players;
    qint64 m_treasury;
    qint64 m_n = 0;
    qint64 m_player = 0;       ///< the player of the rows being written
    QRandomGenerator m_rng{2}; ///< (b): players drawn as the ledger's run draws them
};

/// Commits per second of the smallest possible durable write: the fsync limit of this disk.
double fsyncLimit(const QString &path, int count) {
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE x (v INTEGER);", nullptr,
                 nullptr, nullptr);
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i)
        sqlite3_exec(db, "INSERT INTO x VALUES (1)", nullptr, nullptr, nullptr);
    const double rate = count * 1000.0 / double(timer.elapsed());
    sqlite3_close(db);
    return rate;
}

struct ConcurrentResult {
    qint64 ok = 0;
    qint64 failed = 0;
    double perSecond = 0;
};

ConcurrentResult concurrentWriters(const QString &url, const QList<qint64> &accounts, int writers,
                                   int seconds) {
    std::atomic<qint64> ok{0}, failed{0};
    std::vector<std::thread> threads;
    threads.reserve(size_t(writers));
    QElapsedTimer timer;
    timer.start();
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            QString error;
            auto store = LedgerStore::open(*DatabaseUrl::parse(url, &error));
            if (!store) {
                ++failed;
                return;
            }
            QRandomGenerator rng(quint32(1000 + w));
            QElapsedTimer t;
            t.start();
            for (qint64 n = 0; t.elapsed() < qint64(seconds) * 1000; ++n) {
                const auto r = store.value()->post(
                    Admin, randomPosting(rng, accounts,
                                         QStringLiteral("c%1-%2-%3").arg(quintptr(&accounts)).arg(w).arg(n)));
                if (r)
                    ++ok;
                else {
                    ++failed;
                    std::fprintf(stderr, "posting failed: %s\n", qPrintable(r.error().message));
                }
            }
        });
    }
    for (auto &t : threads)
        t.join();
    return ConcurrentResult{ok, failed, double(ok) * 1000.0 / double(timer.elapsed())};
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions(
        {{QStringLiteral("quick"), QStringLiteral("small sizes, for a smoke run")},
         {QStringLiteral("pg"), QStringLiteral("PostgreSQL URL for (c)"), QStringLiteral("URL")},
         {QStringLiteral("players"), QStringLiteral("demo players for (d) and (e)"), QStringLiteral("N"),
          QStringLiteral("1000000")},
         {QStringLiteral("only"), QStringLiteral("run one part: a, b, c or de"), QStringLiteral("PART")},
         {QStringLiteral("dir"), QStringLiteral("folder for the SQLite files (default: a temporary one)"),
          QStringLiteral("DIR")}});
    parser.process(app);
    const bool quick = parser.isSet(QStringLiteral("quick"));
    const QString only = parser.value(QStringLiteral("only"));
    auto part = [&only](const char *name) { return only.isEmpty() || only == QLatin1StringView(name); };
    QTemporaryDir tmp(parser.isSet(QStringLiteral("dir"))
                          ? parser.value(QStringLiteral("dir")) + QStringLiteral("/bench-XXXXXX")
                          : QDir::tempPath() + QStringLiteral("/bench-XXXXXX"));
    const QString dir = tmp.path();
    std::printf("WalletDesk ledger benchmark, %s, %d hardware threads, SQLite %s\n\n",
                qPrintable(QSysInfo::prettyProductName()), int(std::thread::hardware_concurrency()),
                sqlite3_libversion());

    // (a) durable single postings
    if (part("a")) {
        const int n = quick ? 300 : 3000;
        const double fsync = fsyncLimit(dir + QStringLiteral("/fsync.db"), n);
        // The two run in alternating rounds, so that both meet the same disk: its fsync time drifts a lot.
        QList<qint64> ids;
        auto store = freshLedger(QStringLiteral("sqlite:") + dir + QStringLiteral("/a.db"), 1000, &ids);
        const auto raw = RawPoster::onFreshLedger(dir + QStringLiteral("/raw.db"), 1000);
        QRandomGenerator rng(1);
        qint64 rawNs = 0, oursNs = 0, failures = 0;
        QElapsedTimer timer;
        for (int done = 0; done < n;) {
            const int chunk = std::min(100, n - done);
            timer.start();
            for (int i = 0; i < chunk; ++i)
                raw->post();
            rawNs += timer.nsecsElapsed();
            timer.start();
            for (int i = 0; i < chunk; ++i)
                failures +=
                    !store->post(Admin, randomPosting(rng, ids, QStringLiteral("a%1").arg(done + i))).ok();
            oursNs += timer.nsecsElapsed();
            done += chunk;
        }
        const double rawRate = n * 1e9 / double(rawNs);
        const double ours = n * 1e9 / double(oursNs);
        row("(a) reference: SQLite commits/s, one tiny insert each", fsync, "commits/s");
        row("(a) reference: raw sqlite3 API, a posting's rows/commit", rawRate, "commits/s");
        row("(a) LedgerStore::post, one durable posting per commit", ours, "postings/s",
            QStringLiteral("%1 of raw; goal 0.70%2")
                .arg(ours / rawRate, 0, 'f', 2)
                .arg(failures ? QStringLiteral("; FAILURES") : QString()));
    }
    // (b) batched
    if (part("b")) {
        QList<qint64> ids;
        auto store = freshLedger(QStringLiteral("sqlite:") + dir + QStringLiteral("/b.db"), 1000, &ids);
        // The reference: the raw sqlite3 API writing the rows the ledger's batch writes, 1000 postings per
        // commit, in the same schema with its indexes and triggers, with no reads, checks or hashing. The two
        // run in alternating rounds of 10 batches, so that both meet the same machine: it drifts a lot.
        const auto raw = RawPoster::onFreshLedger(dir + QStringLiteral("/rawb.db"), 1000);
        QRandomGenerator rng(2);
        const int batches = quick ? 10 : 200, perBatch = 1000;
        QList<QList<PostingRequest>> work;
        for (int b = 0; b < batches; ++b) {
            QList<PostingRequest> batch;
            for (int i = 0; i < perBatch; ++i)
                batch << randomPosting(rng, ids, QStringLiteral("b%1-%2").arg(b).arg(i));
            work << batch;
        }
        qint64 rawNs = 0, oursNs = 0, failures = 0;
        QElapsedTimer timer;
        for (int done = 0; done < batches; done += 10) {
            timer.start();
            for (int b = done; b < done + 10; ++b)
                raw->postBatch(perBatch);
            rawNs += timer.nsecsElapsed();
            timer.start();
            for (int b = done; b < done + 10; ++b)
                for (const auto &r : store->postBatch(Admin, work.at(b)))
                    failures += !r.ok();
            oursNs += timer.nsecsElapsed();
        }
        const double rawRate = batches * perBatch * 1e9 / double(rawNs);
        const double rate = batches * perBatch * 1e9 / double(oursNs);
        row("(b) reference: raw sqlite3 API, the ledger's rows, 1000 per commit", rawRate, "postings/s");
        row("(b) LedgerStore::postBatch, 1000 postings per commit", rate, "postings/s",
            QStringLiteral("%1 of raw; goal 100000%2")
                .arg(rate / rawRate, 0, 'f', 2)
                .arg(failures ? QStringLiteral("; %1 refused").arg(failures) : QString()));
    }
    // (c) PostgreSQL, 8 writers
    if (part("c") && parser.isSet(QStringLiteral("pg"))) {
        const QString url = parser.value(QStringLiteral("pg"));
        const int seconds = quick ? 3 : 10;
        {
            // The benchmark database is scratch: start from an empty schema.
            QString error;
            const auto pg = DatabaseUrl::parse(url, &error);
            QSqlDatabase db = pg->addConnection(QStringLiteral("bench-reset"));
            if (!db.open())
                qFatal("%s", qPrintable(db.lastError().text()));
            QSqlQuery(db).exec(QStringLiteral("DROP SCHEMA public CASCADE"));
            QSqlQuery(db).exec(QStringLiteral("CREATE SCHEMA public"));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bench-reset"));
        QList<qint64> ids;
        auto store = freshLedger(url, 1000, &ids);
        const ConcurrentResult spread = concurrentWriters(url, ids, 8, seconds);
        row("(c) PostgreSQL, 8 writers, spread over 1000 accounts", spread.perSecond, "postings/s",
            QStringLiteral("%1 ok, %2 failed").arg(spread.ok).arg(spread.failed));
        const ConcurrentResult hot = concurrentWriters(url, ids.mid(0, 4), 8, seconds);
        row("(c) PostgreSQL, 8 writers, 4 hot accounts", hot.perSecond, "postings/s",
            QStringLiteral("%1 ok, %2 failed; goal 1000 with none failed").arg(hot.ok).arg(hot.failed));
    } else {
        std::printf("(c) skipped: no --pg URL\n");
    }
    // (e) demo generation, then (d) verify on it
    if (part("de")) {
        const qint64 players = quick ? 20000 : parser.value(QStringLiteral("players")).toLongLong();
        QString error;
        auto store = LedgerStore::open(
            *DatabaseUrl::parse(QStringLiteral("sqlite:") + dir + QStringLiteral("/demo.db"), &error));
        store.value()->bootstrapAdmin(Admin.operatorName);
        DemoOptions options;
        options.players = players;
        options.days = 90;
        options.seed = 1;
        QElapsedTimer timer;
        timer.start();
        const auto summary = DemoGenerator(*store.value(), options, Admin.operatorName).run();
        if (!summary)
            qFatal("%s", qPrintable(summary.error().message));
        const double seconds = double(timer.elapsed()) / 1000.0;
        row(qPrintable(QStringLiteral("(e) demo: %1 players, %2 entries, seconds")
                           .arg(players)
                           .arg(summary->entries)),
            seconds, "s",
            QStringLiteral("%1 entries/s; goal 1M players/10M entries under 120 s")
                .arg(double(summary->entries) / seconds, 0, 'f', 0));
        timer.restart();
        const auto report = store.value()->verify();
        const double verifySeconds = double(timer.elapsed()) / 1000.0;
        if (!report || !report->ok)
            qFatal("verify failed");
        row("(d) verify, entries/s", double(report->entries) / verifySeconds, "entries/s",
            QStringLiteral("%1 entries in %2 s; goal 1000000/s")
                .arg(report->entries)
                .arg(verifySeconds, 0, 'f', 2));
    }
    return 0;
}

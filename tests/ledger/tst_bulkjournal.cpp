// The store's bulk path (LedgerStore::bulkLoad, BulkJournal) against the posting path: the same requests give
// the same journal rows, rollups and economy figures, a verifiable ledger, and a refused posting leaves
// nothing. Runs against SQLite and the private PostgreSQL server (WALLETDESK_TEST_BACKENDS).

#include "bulkjournal.h"
#include "ledgerstore.h"
#include "testsupport.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QtTest>
#include <limits>

using WalletDeskTest::RawDb;

namespace {

const Actor Root{QStringLiteral("root"), QStringLiteral("test")};

PostingRequest request(TransactionKind kind, qint64 account, qint64 amount) {
    PostingRequest r;
    r.kind = kind;
    r.accountId = account;
    r.amount = amount;
    return r;
}

/// A fresh ledger with the GOLD and GEMS currencies, root (admin) and sam (support, at most 1000 GOLD).
struct Ledger {
    QTemporaryDir dir;
    QString url;
    std::unique_ptr<LedgerStore> store;
    OperatorInfo root, sam;

    bool open() {
        QString error;
        const QString backend =
            qEnvironmentVariable("WALLETDESK_TEST_BACKENDS", QStringLiteral("sqlite")).section(u',', 0, 0);
        url = WalletDeskTest::databaseUrl(backend, dir, &error);
        auto parsed = DatabaseUrl::parse(url, &error);
        if (url.isEmpty() || !parsed) {
            qWarning("no database: %s", qPrintable(error));
            return false;
        }
        auto opened = LedgerStore::open(*parsed);
        if (!opened) {
            qWarning("opening the ledger: %s", qPrintable(opened.error().message));
            return false;
        }
        store = std::move(opened).value();
        auto admin = store->bootstrapAdmin(Root.operatorName);
        OperatorInfo support;
        support.name = QStringLiteral("sam");
        support.role = Role::Support;
        support.limits.insert(QStringLiteral("GOLD"), 1000);
        auto gold = store->addCurrency(Root, {QStringLiteral("GOLD"), 0, QStringLiteral("Gold")});
        auto gems = store->addCurrency(Root, {QStringLiteral("GEMS"), 0, QStringLiteral("Gems")});
        auto added = store->addOperator(Root, support); // its limit names GOLD, so after the currencies
        for (const LedgerError *e :
             {admin.ok() ? nullptr : &admin.error(), added.ok() ? nullptr : &added.error(),
              gold.ok() ? nullptr : &gold.error(), gems.ok() ? nullptr : &gems.error()})
            if (e) {
                qWarning("setting up the ledger: %s", qPrintable(e->message));
                return false;
            }
        root = *admin;
        sam = *added;
        return true;
    }
};

} // namespace

class TestBulkJournal : public QObject {
    Q_OBJECT

private slots:
    void bulkPostingsMatchThePostingPath();
    void refusedPostingWritesNothing_data();
    void refusedPostingWritesNothing();
};

void TestBulkJournal::bulkPostingsMatchThePostingPath() {
    // Every kind a history holds, with its operator, over three accounts: the GOLD of players A and B and the
    // GEMS of A (their ids differ between the ledgers: PostgreSQL's sequences).
    struct Step {
        PostingRequest request;
        bool bySam;
    };
    auto plan = [](const QList<qint64> &ids) {
        QList<Step> steps;
        auto step = [&steps](PostingRequest r, bool bySam = false) { steps << Step{r, bySam}; };
        step(request(TransactionKind::Deposit, ids[0], 900));
        step(request(TransactionKind::Bonus, ids[1], 100));
        step(request(TransactionKind::Win, ids[1], 250));
        step(request(TransactionKind::Charge, ids[0], 40), true);
        PostingRequest transfer = request(TransactionKind::Transfer, ids[0], 300);
        transfer.counterAccountId = ids[1];
        transfer.memo = QStringLiteral("rent");
        step(transfer);
        PostingRequest purchase = request(TransactionKind::Purchase, ids[0], 200);
        purchase.counterAccountId = ids[2];
        purchase.itemQuantity = 4;
        step(purchase);
        PostingRequest adjustment = request(TransactionKind::Adjustment, ids[0], -60);
        adjustment.reasonCode = QStringLiteral("CORRECTION");
        adjustment.ticketRef = QStringLiteral("SUP-7");
        step(adjustment, true);
        step(request(TransactionKind::Withdrawal, ids[1], 120));
        return steps;
    };

    // Row by row the same in both ledgers, apart from ids, keys, times and the hashes that cover them:
    // accounts are named by currency, player and name, operators by name. (One ledger at a time: on
    // PostgreSQL each opening resets the test database.)
    const QString entries = QStringLiteral(
        "SELECT t.kind || ':' || o.name || ':' || t.reason_code || ':' || t.ticket_ref || ':' || t.memo || "
        "':' || "
        "ac.currency || '/' || ac.player_ref || '/' || ac.name || ':' || e.amount || ':' || "
        // A system leg's balance after is its shard's, and the posting path spreads PostgreSQL's over 16
        // shards.
        "CASE WHEN ac.kind = 'player' THEN e.balance_after ELSE 0 END FROM entries e JOIN transactions t ON "
        "t.id = e.transaction_id JOIN accounts ac ON ac.id = e.account_id JOIN operators o ON o.id = "
        "t.operator_id "
        "ORDER BY e.id");
    const QString players =
        QStringLiteral("SELECT currency || ':' || player_ref || ':' || name || ':' || balance FROM "
                       "accounts WHERE kind = 'player' ORDER BY player_ref, currency");
    const QString systems = QStringLiteral("SELECT a.currency || ':' || a.name || ':' || SUM(s.balance) FROM "
                                           "accounts a JOIN account_shards s ON "
                                           "s.account_id = a.id WHERE a.kind = 'system' GROUP BY a.currency, "
                                           "a.name ORDER BY a.currency, a.name");
    const QString rollups = QStringLiteral("SELECT ac.currency || ':' || ac.player_ref || ':' || day || ':' "
                                           "|| SUM(opening) || ':' || SUM(closing) || ':' || MIN(low) || ':' "
                                           "|| MAX(high) || ':' || SUM(inflow) || ':' || SUM(outflow) || ':' "
                                           "|| SUM(entry_count) FROM daily_rollups "
                                           "r JOIN accounts ac ON ac.id = r.account_id WHERE ac.kind = "
                                           "'player' GROUP BY ac.currency, ac.player_ref, "
                                           "day ORDER BY ac.currency, ac.player_ref, day");
    const QString flows =
        QStringLiteral("SELECT currency || ':' || day || ':' || kind || ':' || SUM(sources) || "
                       "':' || SUM(sinks) FROM economy_flows GROUP BY currency, day, kind "
                       "ORDER BY currency, day, kind");
    const QString days =
        QStringLiteral("SELECT currency || ':' || day || ':' || SUM(player_change) || ':' || "
                       "SUM(active_players) || ':' || SUM(active_balance) FROM economy_days "
                       "GROUP BY currency, day ORDER BY currency, day");
    auto snapshot = [&](const QString &url) {
        RawDb raw(url);
        QList<QVariantList> out;
        for (const QString *query : {&entries, &players, &systems, &rollups, &flows, &days})
            out << raw.column(*query);
        return out;
    };

    // The posting path: accounts and postings one by one, as the desk makes them.
    QList<QVariantList> expected;
    qsizetype postings = 0;
    {
        Ledger posted;
        QVERIFY(posted.open());
        QList<qint64> ids;
        for (auto [player, currency] :
             {std::pair{"A", "GOLD"}, std::pair{"B", "GOLD"}, std::pair{"A", "GEMS"}}) {
            NewAccount a;
            a.playerRef = QString::fromLatin1(player);
            a.currency = QString::fromLatin1(currency);
            a.name = QStringLiteral("Player ") + a.playerRef;
            auto created = posted.store->createAccount(Root, a);
            QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
            ids << created->id;
        }
        const QList<Step> steps = plan(ids);
        for (int i = 0; i < steps.size(); ++i) {
            PostingRequest r = steps[i].request;
            r.idempotencyKey = QStringLiteral("posted-%1").arg(i);
            const Actor by{steps[i].bySam ? QStringLiteral("sam") : Root.operatorName,
                           QStringLiteral("test")};
            auto result = posted.store->post(by, r);
            QVERIFY2(result.ok(), result.ok() ? "" : qPrintable(result.error().message));
            QCOMPARE(result->status, PostingResult::Status::Posted);
        }
        postings = steps.size();
        expected = snapshot(posted.url);
    }

    // The bulk path: the same requests, at moments of today.
    Ledger bulk;
    QVERIFY(bulk.open());
    const qint64 start = QDateTime::currentMSecsSinceEpoch() / 86400000 * 86400000;
    auto loaded =
        bulk.store->bulkLoad(QStringLiteral("test"), "bulk-", [&](BulkJournal &journal) -> Result<Done> {
            const QList<Step> load = plan({journal.addAccount(0, QStringLiteral("GOLD"), start),
                                           journal.addAccount(1, QStringLiteral("GOLD"), start),
                                           journal.addAccount(0, QStringLiteral("GEMS"), start)});
            for (int i = 0; i < load.size(); ++i) {
                auto done = journal.post(load[i].request, load[i].bySam ? bulk.sam : bulk.root,
                                         start + qint64(1000) * i);
                if (!done)
                    return done.error();
            }
            return journal.finish([](quint32 player) {
                return BulkJournal::Player{player == 0 ? QByteArray("A") : QByteArray("B"),
                                           player == 0 ? QByteArray("Player A") : QByteArray("Player B")};
            });
        });
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
    const QList<QVariantList> actual = snapshot(bulk.url);
    QCOMPARE(actual.size(), expected.size());
    QCOMPARE(actual[0].size(), 18); // entries: a purchase has four legs, the rest two
    QCOMPARE(actual[1],
             QVariantList({QStringLiteral("GEMS:A:Player A:4"), QStringLiteral("GOLD:A:Player A:300"),
                           QStringLiteral("GOLD:B:Player B:530")}));
    QCOMPARE(actual[4].size(), 8); // flows: GOLD seven kinds (a transfer nets to zero), GEMS the purchase
    for (qsizetype i = 0; i < actual.size(); ++i)
        QCOMPARE(actual[i], expected[i]);
    RawDb a(bulk.url);

    QCOMPARE(a.column(QStringLiteral("SELECT idempotency_key FROM transactions ORDER BY id"))
                 .constFirst()
                 .toString(),
             QStringLiteral("bulk-1"));

    // The chain, balances, rollups and economy of the loaded ledger verify, and it takes postings after.
    auto report = bulk.store->verify();
    QVERIFY(report.ok());
    QVERIFY2(report->ok, qPrintable(report->firstProblem));
    QCOMPARE(report->transactions, qint64(postings));
    PostingRequest after = request(
        TransactionKind::Deposit,
        a.scalar(QStringLiteral("SELECT id FROM accounts WHERE player_ref = 'B' AND currency = 'GOLD'")), 5);
    after.idempotencyKey = QStringLiteral("after-the-load");
    QVERIFY(bulk.store->post(Root, after).ok());
    QVERIFY(bulk.store->verify()->ok);
}

void TestBulkJournal::refusedPostingWritesNothing_data() {
    QTest::addColumn<int>("fault");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("overdraft") << 0 << int(ErrorCode::InsufficientFunds)
                               << QStringLiteral("insufficient funds");
    QTest::newRow("out of time order")
        << 1 << int(ErrorCode::InvalidArgument) << QStringLiteral("time order");
    QTest::newRow("not a load account")
        << 2 << int(ErrorCode::NotFound) << QStringLiteral("not one of the bulk load");
    QTest::newRow("above the operator's limit")
        << 3 << int(ErrorCode::InvalidArgument) << QStringLiteral("without approval");
    QTest::newRow("invalid request") << 4 << int(ErrorCode::InvalidArgument) << QStringLiteral("reason");
    // The load keeps a system account's shard 0 only; its total over every shard must still not overflow.
    QTest::newRow("a system account's total over its shards overflows")
        << 5 << int(ErrorCode::Overflow) << QStringLiteral("would overflow");
}

void TestBulkJournal::refusedPostingWritesNothing() {
    QFETCH(int, fault);
    QFETCH(int, code);
    QFETCH(QString, message);
    Ledger ledger;
    QVERIFY(ledger.open());
    const bool pg = ledger.store->dialect() == LedgerStore::Dialect::Postgres;
    const QString indexes = pg ? QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = "
                                                "current_schema() AND tablename IN ('entries', 'accounts')")
                               : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' "
                                                "AND tbl_name IN ('entries', 'accounts')");
    qint64 indexCount = 0;
    {
        // Closed before the load: on SQLite the load changes the journal mode, which needs the file alone.
        RawDb before(ledger.url);
        indexCount = before.scalar(indexes);
        // GOLD's treasury (the counterparty of a deposit) holds nearly the least balance on another shard.
        if (fault == 5)
            QVERIFY(before.exec(
                QStringLiteral(
                    "INSERT INTO account_shards (account_id, shard, balance) SELECT id, 99, %1 FROM accounts "
                    "WHERE kind = 'system' AND currency = 'GOLD' AND name = 'treasury'")
                    .arg(std::numeric_limits<qint64>::min() + 50)));
    }
    const qint64 start = QDateTime::currentMSecsSinceEpoch() - 60000;

    auto loaded =
        ledger.store->bulkLoad(QStringLiteral("test"), "bulk-", [&](BulkJournal &journal) -> Result<Done> {
            const qint64 gold = journal.addAccount(0, QStringLiteral("GOLD"), start);
            auto first = journal.post(request(TransactionKind::Deposit, gold, 100), ledger.root, start + 10);
            if (!first)
                return first.error();
            Result<qint64> refused = qint64(0);
            switch (fault) {
            case 0:
                refused =
                    journal.post(request(TransactionKind::Withdrawal, gold, 101), ledger.root, start + 20);
                break;
            case 1:
                refused = journal.post(request(TransactionKind::Win, gold, 1), ledger.root, start + 5);
                break;
            case 2:
                refused = journal.post(request(TransactionKind::Win, gold + 1, 1), ledger.root, start + 20);
                break;
            case 3:
                refused = journal.post(request(TransactionKind::Win, gold, 1001), ledger.sam, start + 20);
                break;
            case 4:
                refused =
                    journal.post(request(TransactionKind::Adjustment, gold, 5), ledger.root, start + 20);
                break;
            }
            if (refused)
                return LedgerError{ErrorCode::Database, QStringLiteral("the faulty posting was accepted")};
            if (journal.balance(gold) != 100)
                return LedgerError{ErrorCode::Database,
                                   QStringLiteral("the refused posting moved the balance")};
            return refused.error();
        });
    QVERIFY(!loaded.ok());
    QVERIFY2(int(loaded.error().code) == code, qPrintable(loaded.error().message));
    QVERIFY2(loaded.error().message.contains(message), qPrintable(loaded.error().message));

    // The whole load rolled back: no journal, no accounts, the indexes back; the ledger posts normally.
    RawDb raw(ledger.url);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM transactions")), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM accounts WHERE kind = 'player'")), 0);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM daily_rollups")), 0);
    QCOMPARE(raw.scalar(indexes), indexCount);
    if (fault == 5)
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM account_shards WHERE shard = 99")));
    NewAccount a;
    a.playerRef = QStringLiteral("A");
    a.currency = QStringLiteral("GOLD");
    auto account = ledger.store->createAccount(Root, a);
    QVERIFY(account.ok());
    PostingRequest r = request(TransactionKind::Deposit, account->id, 7);
    r.idempotencyKey = QStringLiteral("after");
    QVERIFY(ledger.store->post(Root, r).ok());
    QVERIFY(ledger.store->verify()->ok);
}

QTEST_GUILESS_MAIN(TestBulkJournal)
#include "tst_bulkjournal.moc"

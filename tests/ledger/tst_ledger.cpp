// The ledger behaviour suite. The same source runs against SQLite and against a real PostgreSQL server
// (WALLETDESK_TEST_BACKENDS selects which), through LedgerService, the asynchronous API the apps use.

#include "demogenerator.h"
#include "ledgerreader.h"
#include "ledgerservice.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using WalletDeskTest::await;
using WalletDeskTest::RawDb;

namespace {

const Actor Admin{QStringLiteral("root-admin"), QStringLiteral("test")};
const Actor Sam{QStringLiteral("sam"), QStringLiteral("test")};     // support, limit 100.00 USD
const Actor Sue{QStringLiteral("sue"), QStringLiteral("test")};     // supervisor
const Actor Sid{QStringLiteral("sid"), QStringLiteral("test")};     // supervisor
const Actor Vera{QStringLiteral("vera"), QStringLiteral("test")};   // viewer
const Actor Ghost{QStringLiteral("ghost"), QStringLiteral("test")}; // not an operator

PostingRequest request(TransactionKind kind, qint64 account, qint64 amount, const QString &key) {
    PostingRequest r;
    r.kind = kind;
    r.accountId = account;
    r.amount = amount;
    r.idempotencyKey = key;
    return r;
}

} // namespace

class TestLedger : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<LedgerService> m_ledger;
    qint64 m_ann = 0, m_ben = 0, m_annGold = 0, m_annBox = 0;

    template <typename T> T ok(QFuture<Result<T>> future) {
        const Result<T> r = await(future);
        if (!r) {
            QTest::qFail(qPrintable(QStringLiteral("unexpected error: ") + r.error().message), __FILE__,
                         __LINE__);
            return T{};
        }
        return r.value();
    }
    template <typename T> LedgerError err(QFuture<Result<T>> future) {
        const Result<T> r = await(future);
        if (r) {
            QTest::qFail("expected an error, got success", __FILE__, __LINE__);
            return LedgerError{};
        }
        return r.error();
    }
    template <typename Job> auto run(Job job) { return await(m_ledger->run(job)); }
    Account account(qint64 id) { return ok(m_ledger->account(id)); }
    qint64 count(const QString &table) {
        RawDb raw(m_url);
        return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    }
    qint64 sumOfBalances(const QString &currency) {
        RawDb raw(m_url);
        return raw.scalar(
            QStringLiteral("SELECT (SELECT COALESCE(SUM(balance), 0) FROM accounts WHERE kind = 'player' "
                           "AND currency = '%1') + (SELECT COALESCE(SUM(s.balance), 0) FROM "
                           "account_shards s JOIN accounts a ON a.id = s.account_id WHERE a.currency = "
                           "'%1')")
                .arg(currency));
    }
    VerifyReport verify() { return ok(m_ledger->verify()); }

private Q_SLOTS:
    void init();
    void cleanup();

    void schemaIsVersionedAndNewerIsRefused();
    void olderSchemaIsMigratedForward();
    void currenciesAndOperatorsNeedAdmin();
    void depositAndWithdrawalKeepEveryCurrencyAtZero();
    void overdraftIsRefusedAndNothingIsWritten();
    void batchPostsEachRequestOnItsOwnMerits();
    void batchFindsKeysUsedBeforeIt();
    void postingSignalsTheAccountsItChanged();
    void allowNegativeAccountMayGoBelowZero();
    void idempotentReplayAndConflict();
    void adjustmentNeedsReasonAndTakesASign();
    void transferAndPurchase();
    void badRequestsNameTheProblem();
    void overflowIsAnErrorNotAWrap();
    void frozenAccountsTakeOnlySupervisorPostings();
    void closingNeedsAnEmptyAccountAndIsFinal();
    void reversalHappensAtMostOnce();
    void reversalThatWouldOverdrawNeedsForce();
    void makerCheckerHoldsFundsUntilDecided();
    void rolesAreEnforcedAndDenialsAudited();
    void journalIsAppendOnlyInTheDatabase();
    void postgresRolesCannotRewriteTheJournal();
    void rollupsFollowPostings();
    void historyPagesAndBalanceAtTime();
    void verifyPassesAndDigestIsStable();
    void verifyNamesATamperedEntry();
    void verifyNamesATamperedAuditRecord();
    void verifyNamesABadRollupAndBalance();
    void demoLedgerVerifies();
    void verifyChecksLargeJournalsInSlices();
};

void TestLedger::init() {
    const QString backend =
        qEnvironmentVariable("WALLETDESK_TEST_BACKENDS", QStringLiteral("sqlite")).section(u',', 0, 0);
    QString error;
    m_url = WalletDeskTest::databaseUrl(backend, m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const auto url = DatabaseUrl::parse(m_url, &error);
    QVERIFY(url);
    m_ledger = std::make_unique<LedgerService>();
    QVERIFY(await(m_ledger->open(*url)).ok());
    QCOMPARE(run([](LedgerStore &s) { return s.bootstrapAdmin(Admin.operatorName); })->role, Role::Admin);
    ok(m_ledger->run([](LedgerStore &s) {
        return s.addCurrency(Admin, Currency{QStringLiteral("USD"), 2, {}});
    }));
    ok(m_ledger->run([](LedgerStore &s) {
        return s.addCurrency(Admin, Currency{QStringLiteral("GOLD"), 0, {}});
    }));
    ok(m_ledger->run([](LedgerStore &s) {
        return s.addCurrency(Admin, Currency{QStringLiteral("TREASURE_BOX"), 0, {}});
    }));
    auto addOperator = [this](const QString &name, Role role, QMap<QString, qint64> limits = {}) {
        OperatorInfo o;
        o.name = name;
        o.role = role;
        o.limits = limits;
        ok(m_ledger->run([o](LedgerStore &s) { return s.addOperator(Admin, o); }));
    };
    addOperator(Sam.operatorName, Role::Support, {{QStringLiteral("USD"), 10000}});
    addOperator(Sue.operatorName, Role::Supervisor);
    addOperator(Sid.operatorName, Role::Supervisor);
    addOperator(Vera.operatorName, Role::Viewer);
    auto create = [this](const QString &ref, const QString &currency) {
        return ok(m_ledger->run([=](LedgerStore &s) {
                   return s.createAccount(Sam,
                                          NewAccount{currency, ref, ref + QStringLiteral(" name"), false});
               }))
            .id;
    };
    m_ann = create(QStringLiteral("1001"), QStringLiteral("USD"));
    m_ben = create(QStringLiteral("1002"), QStringLiteral("USD"));
    m_annGold = create(QStringLiteral("1001"), QStringLiteral("GOLD"));
    m_annBox = create(QStringLiteral("1001"), QStringLiteral("TREASURE_BOX"));
}

void TestLedger::cleanup() {
    m_ledger.reset();
}

void TestLedger::schemaIsVersionedAndNewerIsRefused() {
    QCOMPARE(run([](LedgerStore &s) { return Result<int>(s.schemaVersion()); }).value(),
             LedgerStore::knownSchemaVersion());
    m_ledger.reset();
    {
        RawDb raw(m_url);
        QVERIFY(
            raw.exec(QStringLiteral("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 0)")));
    }
    QString error;
    LedgerService again;
    const Result<Done> opened = await(again.open(*DatabaseUrl::parse(m_url, &error)));
    QVERIFY(!opened);
    QCOMPARE(opened.error().code, ErrorCode::SchemaTooNew);
    QVERIFY2(opened.error().message.contains(u"version 99"), qPrintable(opened.error().message));
}

void TestLedger::olderSchemaIsMigratedForward() {
    // Roll the ledger back to version 1 by hand (4 added walletd's session tables, 5 the economy rollups), as
    // a database written by an older WalletDesk would be.
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("before"))));
    m_ledger.reset();
    {
        RawDb raw(m_url);
        QVERIFY(raw.exec(QStringLiteral("DROP INDEX transactions_forced")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE sessions")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE login_failures")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE economy_flows")));
        QVERIFY(raw.exec(QStringLiteral("DROP TABLE economy_days")));
        for (const char *index :
             {"accounts_by_name", "accounts_by_player_ref", "accounts_by_currency", "accounts_by_balance",
              "accounts_by_state", "accounts_by_last_activity", "accounts_by_created"})
            QVERIFY(raw.exec(QStringLiteral("DROP INDEX %1").arg(QLatin1String(index))));
        QVERIFY(raw.exec(QStringLiteral("CREATE INDEX accounts_name ON accounts(name)")));
        QVERIFY(raw.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version >= 2")));
    }
    QString error;
    m_ledger = std::make_unique<LedgerService>();
    QVERIFY(await(m_ledger->open(*DatabaseUrl::parse(m_url, &error))).ok());
    QCOMPARE(run([](LedgerStore &s) { return Result<int>(s.schemaVersion()); }).value(), 5);
    RawDb raw(m_url);
    // 5 computed the economy rollups from the journal: the deposit is a source of its day.
    QCOMPARE(raw.scalar(QStringLiteral("SELECT SUM(sources) FROM economy_flows WHERE kind = 'deposit'")),
             100);
    QCOMPARE(raw.scalar(QStringLiteral("SELECT SUM(active_players) FROM economy_days")), 1);
    const QString indexCount =
        raw.pg()
            ? QStringLiteral("SELECT COUNT(*) FROM pg_indexes WHERE indexname IN ('transactions_forced', "
                             "'accounts_by_balance', 'accounts_by_name', 'accounts_name')")
            : QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('transactions_forced', "
                             "'accounts_by_balance', 'accounts_by_name', 'accounts_name')");
    QCOMPARE(raw.scalar(indexCount), 3);   // 2 and 3 applied; 3 replaced accounts_name
    QCOMPARE(account(m_ann).balance, 100); // the data came through
    QVERIFY(verify().ok);
}

void TestLedger::currenciesAndOperatorsNeedAdmin() {
    auto denied = err(m_ledger->run([](LedgerStore &s) {
        return s.addCurrency(Sue, Currency{QStringLiteral("GEMS"), 0, {}});
    }));
    QCOMPARE(denied.code, ErrorCode::PermissionDenied);
    QVERIFY(denied.message.contains(u"admin"));
    QCOMPARE(err(m_ledger->run([](LedgerStore &s) {
                 return s.addCurrency(Admin, Currency{QStringLiteral("usd"), 2, {}});
             })).code,
             ErrorCode::InvalidArgument);
    QCOMPARE(err(m_ledger->run([](LedgerStore &s) {
                 return s.addCurrency(Admin, Currency{QStringLiteral("GEMS"), 5, {}});
             })).code,
             ErrorCode::InvalidArgument);
    QCOMPARE(err(m_ledger->run([](LedgerStore &s) {
                 return s.addCurrency(Admin, Currency{QStringLiteral("USD"), 2, {}});
             })).code,
             ErrorCode::StateConflict);
    OperatorInfo dup;
    dup.name = Sam.operatorName;
    QCOMPARE(err(m_ledger->run([dup](LedgerStore &s) { return s.addOperator(Admin, dup); })).code,
             ErrorCode::StateConflict);
    OperatorInfo bad;
    bad.name = QStringLiteral("has space");
    QCOMPARE(err(m_ledger->run([bad](LedgerStore &s) { return s.addOperator(Admin, bad); })).code,
             ErrorCode::InvalidArgument);
    const auto ops = run([](LedgerStore &s) { return s.operators(); }).value();
    QCOMPARE(ops.size(), 5);
}

void TestLedger::depositAndWithdrawalKeepEveryCurrencyAtZero() {
    const PostingResult d =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 5000, QStringLiteral("d1"))));
    QCOMPARE(d.status, PostingResult::Status::Posted);
    QCOMPARE(d.entries.size(), 2);
    QCOMPARE(d.balanceAfter(m_ann), 5000);
    const PostingResult w =
        ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 1250, QStringLiteral("w1"))));
    QCOMPARE(w.balanceAfter(m_ann), 3750);
    QCOMPARE(account(m_ann).balance, 3750);
    QCOMPARE(account(m_ann).available(), 3750);
    QCOMPARE(sumOfBalances(QStringLiteral("USD")), 0);
    const Account treasury = run([](LedgerStore &s) {
                                 return s.systemAccount(QStringLiteral("USD"), QStringLiteral("treasury"));
                             }).value();
    QCOMPARE(treasury.balance, -3750);
    QVERIFY(verify().ok);
}

void TestLedger::overdraftIsRefusedAndNothingIsWritten() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1000, QStringLiteral("d1"))));
    const qint64 txns = count(QStringLiteral("transactions"));
    const qint64 entries = count(QStringLiteral("entries"));
    const LedgerError e =
        err(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 1001, QStringLiteral("w1"))));
    QCOMPARE(e.code, ErrorCode::InsufficientFunds);
    QVERIFY2(e.message.contains(u"10.00") && e.message.contains(u"10.01"), qPrintable(e.message));
    QCOMPARE(count(QStringLiteral("transactions")), txns);
    QCOMPARE(count(QStringLiteral("entries")), entries);
    QCOMPARE(account(m_ann).balance, 1000);
    // The refusal is audited, and the key stays free for a corrected request.
    const auto audit = run([](LedgerStore &s) { return LedgerReader(s).audit(0, 1); }).value();
    QCOMPARE(audit.first().outcome, QStringLiteral("insufficient_funds"));
    QCOMPARE(ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 1000, QStringLiteral("w1"))))
                 .balanceAfter(m_ann),
             0);
    QCOMPARE(err(m_ledger->post(Sam, request(TransactionKind::Charge, m_ann, 1, QStringLiteral("c1")))).code,
             ErrorCode::InsufficientFunds);
}

void TestLedger::batchPostsEachRequestOnItsOwnMerits() {
    QList<PostingRequest> batch{
        request(TransactionKind::Deposit, m_ann, 500, QStringLiteral("b1")),
        request(TransactionKind::Withdrawal, m_ben, 1, QStringLiteral("b2")), // Ben has nothing
        request(TransactionKind::Withdrawal, m_ann, 200, QStringLiteral("b3")),
        request(TransactionKind::Deposit, m_ann, 500, QStringLiteral("b1"))}; // replay of b1
    const qint64 auditBefore = count(QStringLiteral("audit_log"));
    const auto results = run([batch](LedgerStore &s) {
                             return Result<QList<Result<PostingResult>>>(s.postBatch(Sue, batch));
                         }).value();
    QCOMPARE(results.size(), 4);
    QVERIFY(results.at(0).ok());
    QCOMPARE(results.at(1).error().code, ErrorCode::InsufficientFunds);
    QCOMPARE(results.at(2)->balanceAfter(m_ann), 300);
    QVERIFY(results.at(3)->replayed);
    QCOMPARE(results.at(3)->transactionId, results.at(0)->transactionId);
    QCOMPARE(account(m_ann).balance, 300);
    QCOMPARE(account(m_ben).balance, 0);
    QCOMPARE(count(QStringLiteral("transactions")), 2);
    // One record for the batch, one for the refusal.
    QCOMPARE(count(QStringLiteral("audit_log")), auditBefore + 2);
    const auto audit = run([](LedgerStore &s) { return LedgerReader(s).audit(0, 2); }).value();
    QCOMPARE(audit.at(0).outcome, QStringLiteral("insufficient_funds"));
    QVERIFY2(audit.at(1).detail.contains(u"2 posted, 1 refused"), qPrintable(audit.at(1).detail));
    QVERIFY(verify().ok);
}

void TestLedger::batchFindsKeysUsedBeforeIt() {
    // A batch looks all its keys up in one query; keys used before the batch still replay or conflict.
    const auto first =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("pre"))));
    const qint64 before = account(m_ann).balance;
    QList<PostingRequest> batch{request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("pre")),
                                request(TransactionKind::Deposit, m_ann, 101, QStringLiteral("pre")),
                                request(TransactionKind::Deposit, m_ann, 5, QStringLiteral("fresh")),
                                request(TransactionKind::Deposit, m_ann, 6, QStringLiteral("fresh"))};
    const auto results = run([batch](LedgerStore &s) {
                             return Result<QList<Result<PostingResult>>>(s.postBatch(Sue, batch));
                         }).value();
    QCOMPARE(results.size(), 4);
    QVERIFY(results.at(0)->replayed);
    QCOMPARE(results.at(0)->transactionId, first.transactionId);
    QCOMPARE(results.at(1).error().code, ErrorCode::IdempotencyConflict);
    QVERIFY(!results.at(2)->replayed);
    QCOMPARE(results.at(3).error().code, ErrorCode::IdempotencyConflict); // the key the batch itself used
    QCOMPARE(account(m_ann).balance, before + 5);
    QVERIFY(verify().ok);
}

void TestLedger::postingSignalsTheAccountsItChanged() {
    QSignalSpy spy(m_ledger.get(), &LedgerService::accountsChanged);
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("sig"))));
    QTRY_COMPARE(spy.count(), 1);
    const auto ids = spy.at(0).at(0).value<QList<qint64>>();
    QVERIFY(ids.contains(m_ann));
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100,
                                   QStringLiteral("sig")))); // a replay changes nothing
    QTest::qWait(50);
    QCOMPARE(spy.count(), 1);
}

void TestLedger::allowNegativeAccountMayGoBelowZero() {
    QCOMPARE(err(m_ledger->run([](LedgerStore &s) {
                 return s.createAccount(
                     Sam, NewAccount{QStringLiteral("USD"), QStringLiteral("house-credit"), {}, true});
             })).code,
             ErrorCode::PermissionDenied);
    const Account credit = ok(m_ledger->run([](LedgerStore &s) {
        return s.createAccount(Sue,
                               NewAccount{QStringLiteral("USD"), QStringLiteral("house-credit"), {}, true});
    }));
    QVERIFY(credit.allowNegative);
    QCOMPARE(
        ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, credit.id, 500, QStringLiteral("w"))))
            .balanceAfter(credit.id),
        -500);
    QVERIFY(verify().ok);
}

void TestLedger::idempotentReplayAndConflict() {
    const PostingResult first =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 700, QStringLiteral("same"))));
    const PostingResult again =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 700, QStringLiteral("same"))));
    QVERIFY(!first.replayed);
    QVERIFY(again.replayed);
    QCOMPARE(again.transactionId, first.transactionId);
    QCOMPARE(again.balanceAfter(m_ann), 700);
    QCOMPARE(account(m_ann).balance, 700);
    QCOMPARE(count(QStringLiteral("transactions")), 1);
    const LedgerError conflict =
        err(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 701, QStringLiteral("same"))));
    QCOMPARE(conflict.code, ErrorCode::IdempotencyConflict);
    QCOMPARE(
        err(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ben, 700, QStringLiteral("same")))).code,
        ErrorCode::IdempotencyConflict);
    QCOMPARE(account(m_ann).balance, 700);
    QCOMPARE(account(m_ben).balance, 0);
}

void TestLedger::adjustmentNeedsReasonAndTakesASign() {
    PostingRequest r = request(TransactionKind::Adjustment, m_ann, 300, QStringLiteral("a1"));
    QCOMPARE(err(m_ledger->post(Sam, r)).code, ErrorCode::InvalidArgument);
    r.reasonCode = QStringLiteral("GOODWILL");
    r.ticketRef = QStringLiteral("SUP-1");
    QCOMPARE(ok(m_ledger->post(Sam, r)).balanceAfter(m_ann), 300);
    PostingRequest debit = request(TransactionKind::Adjustment, m_ann, -120, QStringLiteral("a2"));
    debit.reasonCode = QStringLiteral("CORRECTION");
    QCOMPARE(ok(m_ledger->post(Sam, debit)).balanceAfter(m_ann), 180);
    debit.idempotencyKey = QStringLiteral("a3");
    debit.amount = -181;
    QCOMPARE(err(m_ledger->post(Sam, debit)).code, ErrorCode::InsufficientFunds);
    const auto history = ok(m_ledger->history(m_ann, 0, 10));
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.first().reasonCode, QStringLiteral("CORRECTION"));
    QCOMPARE(history.last().ticketRef, QStringLiteral("SUP-1"));
    const Account adjustments =
        run([](LedgerStore &s) {
            return s.systemAccount(QStringLiteral("USD"), QStringLiteral("adjustments"));
        }).value();
    QCOMPARE(adjustments.balance, -180);
}

void TestLedger::transferAndPurchase() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1000, QStringLiteral("d"))));
    PostingRequest t = request(TransactionKind::Transfer, m_ann, 400, QStringLiteral("t"));
    t.counterAccountId = m_ben;
    const PostingResult moved = ok(m_ledger->post(Sam, t));
    QCOMPARE(moved.balanceAfter(m_ann), 600);
    QCOMPARE(moved.balanceAfter(m_ben), 400);
    t.idempotencyKey = QStringLiteral("t2");
    t.counterAccountId = m_annGold;
    QCOMPARE(err(m_ledger->post(Sam, t)).code, ErrorCode::InvalidArgument);

    ok(m_ledger->post(Sue, request(TransactionKind::Win, m_annGold, 900, QStringLiteral("win"))));
    PostingRequest p = request(TransactionKind::Purchase, m_annGold, 750, QStringLiteral("buy"));
    p.counterAccountId = m_annBox;
    p.itemQuantity = 3;
    const PostingResult bought = ok(m_ledger->post(Sam, p));
    QCOMPARE(bought.entries.size(), 4);
    QCOMPARE(bought.balanceAfter(m_annGold), 150);
    QCOMPARE(bought.balanceAfter(m_annBox), 3);
    QCOMPARE(sumOfBalances(QStringLiteral("GOLD")), 0);
    QCOMPARE(sumOfBalances(QStringLiteral("TREASURE_BOX")), 0);
    p.idempotencyKey = QStringLiteral("buy2");
    QCOMPARE(err(m_ledger->post(Sam, p)).code, ErrorCode::InsufficientFunds);
    p.counterAccountId = m_ben; // not an account of the buyer
    QCOMPARE(err(m_ledger->post(Sam, p)).code, ErrorCode::InvalidArgument);
    QVERIFY(verify().ok);
}

void TestLedger::badRequestsNameTheProblem() {
    const qint64 before = count(QStringLiteral("audit_log"));
    QCOMPARE(
        err(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 0, QStringLiteral("z")))).message,
        QStringLiteral("the amount must be greater than zero"));
    QCOMPARE(err(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, -5, QStringLiteral("z")))).code,
             ErrorCode::InvalidArgument);
    QCOMPARE(err(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 5, QString()))).message,
             QStringLiteral("an idempotency key is required"));
    QCOMPARE(err(m_ledger->post(Sam, request(TransactionKind::Deposit, 999999, 5, QStringLiteral("k")))).code,
             ErrorCode::NotFound);
    QCOMPARE(err(m_ledger->post(Sam, request(TransactionKind::Reversal, m_ann, 5, QStringLiteral("k")))).code,
             ErrorCode::InvalidArgument);
    const qint64 treasury = run([](LedgerStore &s) {
                                return s.systemAccount(QStringLiteral("USD"), QStringLiteral("treasury"));
                            })->id;
    QCOMPARE(
        err(m_ledger->post(Sam, request(TransactionKind::Deposit, treasury, 5, QStringLiteral("k")))).code,
        ErrorCode::InvalidArgument);
    QCOMPARE(count(QStringLiteral("transactions")), 0);
    // Malformed input never reached the ledger, so it is not audited; the unknown account was a real attempt.
    QCOMPARE(count(QStringLiteral("audit_log")), before + 1);
}

void TestLedger::overflowIsAnErrorNotAWrap() {
    const qint64 max = std::numeric_limits<qint64>::max();
    const Account loose = ok(m_ledger->run([](LedgerStore &s) {
        return s.createAccount(Sue, NewAccount{QStringLiteral("USD"), QStringLiteral("big"), {}, true});
    }));
    ok(m_ledger->post(Sue, request(TransactionKind::Deposit, loose.id, max, QStringLiteral("max"))));
    const LedgerError e =
        err(m_ledger->post(Sue, request(TransactionKind::Deposit, loose.id, 1, QStringLiteral("one"))));
    QCOMPARE(e.code, ErrorCode::Overflow);
    QCOMPARE(account(loose.id).balance, max);
    QVERIFY(verify().ok);
}

void TestLedger::frozenAccountsTakeOnlySupervisorPostings() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1000, QStringLiteral("d"))));
    QCOMPARE(err(m_ledger->run([this](LedgerStore &s) {
                 return s.setAccountState(Sam, m_ann, AccountState::Frozen, QStringLiteral("fraud"));
             })).code,
             ErrorCode::PermissionDenied);
    QCOMPARE(err(m_ledger->run([this](LedgerStore &s) {
                 return s.setAccountState(Sue, m_ann, AccountState::Frozen, {});
             })).code,
             ErrorCode::InvalidArgument);
    QCOMPARE(ok(m_ledger->run([this](LedgerStore &s) {
                 return s.setAccountState(Sue, m_ann, AccountState::Frozen, QStringLiteral("fraud check"));
             })).state,
             AccountState::Frozen);
    QCOMPARE(
        err(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 10, QStringLiteral("w")))).code,
        ErrorCode::AccountFrozen);
    PostingRequest t = request(TransactionKind::Transfer, m_ben, 1, QStringLiteral("into-frozen"));
    t.counterAccountId = m_ann;
    QCOMPARE(err(m_ledger->post(Sam, t)).code, ErrorCode::AccountFrozen);
    QCOMPARE(ok(m_ledger->post(Sue, request(TransactionKind::Withdrawal, m_ann, 10, QStringLiteral("w2"))))
                 .balanceAfter(m_ann),
             990);
    QCOMPARE(ok(m_ledger->run([this](LedgerStore &s) {
                 return s.setAccountState(Sue, m_ann, AccountState::Active, QStringLiteral("cleared"));
             })).state,
             AccountState::Active);
    QCOMPARE(ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 10, QStringLiteral("w"))))
                 .balanceAfter(m_ann),
             980);
}

void TestLedger::closingNeedsAnEmptyAccountAndIsFinal() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("d"))));
    const LedgerError notEmpty = err(m_ledger->run([this](LedgerStore &s) {
        return s.setAccountState(Sue, m_ann, AccountState::Closed, QStringLiteral("player left"));
    }));
    QCOMPARE(notEmpty.code, ErrorCode::StateConflict);
    QVERIFY(notEmpty.message.contains(u"1.00"));
    ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 100, QStringLiteral("w"))));
    QCOMPARE(ok(m_ledger->run([this](LedgerStore &s) {
                 return s.setAccountState(Sue, m_ann, AccountState::Closed, QStringLiteral("player left"));
             })).state,
             AccountState::Closed);
    QCOMPARE(
        err(m_ledger->post(Sue, request(TransactionKind::Deposit, m_ann, 1, QStringLiteral("late")))).code,
        ErrorCode::AccountClosed);
    QCOMPARE(err(m_ledger->run([this](LedgerStore &s) {
                 return s.setAccountState(Sue, m_ann, AccountState::Active, QStringLiteral("oops"));
             })).code,
             ErrorCode::AccountClosed);
}

void TestLedger::reversalHappensAtMostOnce() {
    const qint64 txn =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 900, QStringLiteral("d"))))
            .transactionId;
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("d2"))));
    QCOMPARE(err(m_ledger->reverse(
                     Sam, ReversalRequest{txn, QStringLiteral("r1"), QStringLiteral("double"), false}))
                 .code,
             ErrorCode::PermissionDenied);
    QCOMPARE(err(m_ledger->reverse(Sue, ReversalRequest{txn, QStringLiteral("r1"), QString(), false})).code,
             ErrorCode::InvalidArgument);
    const PostingResult rev = ok(
        m_ledger->reverse(Sue, ReversalRequest{txn, QStringLiteral("r1"), QStringLiteral("double"), false}));
    QCOMPARE(rev.balanceAfter(m_ann), 100);
    // The same request again is a replay, not a second reversal.
    QCOMPARE(ok(m_ledger->reverse(
                    Sue, ReversalRequest{txn, QStringLiteral("r1"), QStringLiteral("double"), false}))
                 .transactionId,
             rev.transactionId);
    const LedgerError twice = err(
        m_ledger->reverse(Sid, ReversalRequest{txn, QStringLiteral("r2"), QStringLiteral("again"), false}));
    QCOMPARE(twice.code, ErrorCode::AlreadyReversed);
    QVERIFY(twice.message.contains(QString::number(rev.transactionId)));
    QCOMPARE(err(m_ledger->reverse(Sue, ReversalRequest{rev.transactionId, QStringLiteral("r3"),
                                                        QStringLiteral("undo"), false}))
                 .code,
             ErrorCode::StateConflict);
    const JournalTransaction original =
        run([txn](LedgerStore &s) { return LedgerReader(s).transaction(txn); }).value();
    QCOMPARE(original.reversedById, rev.transactionId);
    const auto history = ok(m_ledger->history(m_ann, 0, 10));
    QCOMPARE(history.first().reversesId, txn);
    QCOMPARE(account(m_ann).balance, 100);
    QVERIFY(verify().ok);
}

void TestLedger::reversalThatWouldOverdrawNeedsForce() {
    const qint64 txn =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 500, QStringLiteral("d"))))
            .transactionId;
    ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 400, QStringLiteral("spent"))));
    const LedgerError e = err(m_ledger->reverse(
        Sue, ReversalRequest{txn, QStringLiteral("r"), QStringLiteral("chargeback"), false}));
    QCOMPARE(e.code, ErrorCode::InsufficientFunds);
    QVERIFY(e.message.contains(u"force"));
    QCOMPARE(account(m_ann).balance, 100);
    const PostingResult forced = ok(m_ledger->reverse(
        Sue, ReversalRequest{txn, QStringLiteral("rf"), QStringLiteral("chargeback"), true}));
    QCOMPARE(forced.balanceAfter(m_ann), -400);
    const VerifyReport report = verify();
    QVERIFY2(report.ok,
             qPrintable(report.firstProblem)); // a forced reversal is a recorded exception, not a defect
}

void TestLedger::makerCheckerHoldsFundsUntilDecided() {
    ok(m_ledger->post(Sue, request(TransactionKind::Deposit, m_ann, 50000, QStringLiteral("d"))));
    const PostingResult pending =
        ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 30000, QStringLiteral("big"))));
    QCOMPARE(pending.status, PostingResult::Status::Pending);
    QVERIFY(pending.approvalId > 0);
    QCOMPARE(account(m_ann).balance, 50000);
    QCOMPARE(account(m_ann).held, 30000);
    QCOMPARE(account(m_ann).available(), 20000);
    // The held funds cannot be spent meanwhile, so approval can never overdraw.
    QCOMPARE(err(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 20001, QStringLiteral("w"))))
                 .code,
             ErrorCode::InsufficientFunds);
    // A replay of the pending request answers with the same approval.
    const PostingResult replay =
        ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 30000, QStringLiteral("big"))));
    QCOMPARE(replay.approvalId, pending.approvalId);
    QCOMPARE(replay.status, PostingResult::Status::Pending);

    QCOMPARE(err(m_ledger->approve(Sam, pending.approvalId, {})).code, ErrorCode::PermissionDenied);
    const PostingResult approved =
        ok(m_ledger->approve(Sue, pending.approvalId, QStringLiteral("called the player")));
    QCOMPARE(approved.balanceAfter(m_ann), 20000);
    QCOMPARE(account(m_ann).held, 0);
    QCOMPARE(err(m_ledger->approve(Sid, pending.approvalId, {})).code, ErrorCode::StateConflict);
    const JournalTransaction posted =
        run([&](LedgerStore &s) { return LedgerReader(s).transaction(approved.transactionId); }).value();
    QCOMPARE(posted.operatorName, Sam.operatorName);
    QCOMPARE(posted.approvalId, pending.approvalId);

    // A supervisor with a limit cannot approve their own posting; a reject releases the hold.
    OperatorInfo capped;
    capped.name = QStringLiteral("cap");
    capped.role = Role::Supervisor;
    capped.limits.insert(QStringLiteral("USD"), 100);
    ok(m_ledger->run([capped](LedgerStore &s) { return s.addOperator(Admin, capped); }));
    const Actor cap{capped.name, QStringLiteral("test")};
    const PostingResult own =
        ok(m_ledger->post(cap, request(TransactionKind::Charge, m_ann, 5000, QStringLiteral("own"))));
    QCOMPARE(account(m_ann).held, 5000);
    QCOMPARE(err(m_ledger->approve(cap, own.approvalId, {})).code, ErrorCode::StateConflict);
    QCOMPARE(err(m_ledger->reject(Sue, own.approvalId, {})).code, ErrorCode::InvalidArgument);
    QCOMPARE(ok(m_ledger->reject(Sue, own.approvalId, QStringLiteral("not authorised"))).state,
             Approval::State::Rejected);
    QCOMPARE(account(m_ann).held, 0);
    QCOMPARE(account(m_ann).balance, 20000);
    const auto pendingNow = run([](LedgerStore &s) { return LedgerReader(s).approvals(true); }).value();
    QVERIFY(pendingNow.isEmpty());
    QVERIFY(verify().ok);
}

void TestLedger::rolesAreEnforcedAndDenialsAudited() {
    QCOMPARE(err(m_ledger->post(Vera, request(TransactionKind::Deposit, m_ann, 1, QStringLiteral("v")))).code,
             ErrorCode::PermissionDenied);
    const LedgerError unknown =
        err(m_ledger->post(Ghost, request(TransactionKind::Deposit, m_ann, 1, QStringLiteral("g"))));
    QCOMPARE(unknown.code, ErrorCode::PermissionDenied);
    QVERIFY(unknown.message.contains(u"ghost"));
    ok(m_ledger->run([](LedgerStore &s) { return s.setOperatorDisabled(Admin, Sam.operatorName, true); }));
    QCOMPARE(err(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1, QStringLiteral("s")))).code,
             ErrorCode::PermissionDenied);
    QCOMPARE(err(m_ledger->run([](LedgerStore &s) {
                 return s.setOperatorDisabled(Sue, Sam.operatorName, false);
             })).code,
             ErrorCode::PermissionDenied);
    const auto audit = run([](LedgerStore &s) { return LedgerReader(s).audit(0, 10); }).value();
    int denied = 0;
    for (const AuditRecord &r : audit)
        denied += r.outcome == u"denied";
    QCOMPARE(denied, 4);
    QCOMPARE(audit.first().operatorName, Sue.operatorName);
    QCOMPARE(audit.first().action, QStringLiteral("operator-enable"));
    QCOMPARE(count(QStringLiteral("transactions")), 0);
}

void TestLedger::journalIsAppendOnlyInTheDatabase() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("d"))));
    RawDb raw(m_url);
    QString error;
    for (const QString &sql :
         {QStringLiteral("UPDATE entries SET amount = 1"), QStringLiteral("DELETE FROM entries"),
          QStringLiteral("UPDATE transactions SET memo = 'x'"), QStringLiteral("DELETE FROM transactions"),
          QStringLiteral("UPDATE audit_log SET detail = 'x'"), QStringLiteral("DELETE FROM audit_log")}) {
        QVERIFY2(!raw.exec(sql, &error), qPrintable(sql));
        QVERIFY2(error.contains(u"append-only"), qPrintable(error));
    }
    if (raw.pg()) {
        QVERIFY(!raw.exec(QStringLiteral("TRUNCATE entries CASCADE"), &error));
        QVERIFY2(error.contains(u"append-only"), qPrintable(error));
    }
    QCOMPARE(count(QStringLiteral("entries")), 2);
    QVERIFY(verify().ok);
}

void TestLedger::postgresRolesCannotRewriteTheJournal() {
    RawDb raw(m_url);
    if (!raw.pg())
        QSKIP("database roles exist on PostgreSQL only; SQLite relies on its triggers (tested above)");
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("d"))));
    QFile script(QStringLiteral(":/walletdesk/sql/postgres/roles.sql"));
    QVERIFY(script.open(QIODevice::ReadOnly));
    QVERIFY2(raw.exec(QString::fromUtf8(script.readAll())), "roles.sql must run as the owner");
    QVERIFY(raw.exec(QStringLiteral("DROP ROLE IF EXISTS wd_app_login")));
    QVERIFY(raw.exec(QStringLiteral("DROP ROLE IF EXISTS wd_analyst_login")));
    QVERIFY(raw.exec(QStringLiteral("CREATE ROLE wd_app_login LOGIN IN ROLE walletdesk_app")));
    QVERIFY(raw.exec(QStringLiteral("CREATE ROLE wd_analyst_login LOGIN IN ROLE walletdesk_analyst")));
    QString error;
    QVERIFY(raw.exec(QStringLiteral("SET ROLE wd_app_login")));
    QVERIFY(raw.exec(QStringLiteral("SELECT COUNT(*) FROM entries")));
    for (const QString &sql :
         {QStringLiteral("UPDATE entries SET amount = 1"), QStringLiteral("DELETE FROM transactions"),
          QStringLiteral("TRUNCATE audit_log"), QStringLiteral("ALTER TABLE entries DISABLE TRIGGER ALL")}) {
        QVERIFY2(!raw.exec(sql, &error), qPrintable(sql));
        QVERIFY2(error.contains(u"permission denied") || error.contains(u"must be owner"), qPrintable(error));
    }
    QVERIFY(raw.exec(
        QStringLiteral("UPDATE accounts SET last_activity_at = last_activity_at WHERE id = %1").arg(m_ann)));
    QVERIFY(raw.exec(QStringLiteral("RESET ROLE")));
    QVERIFY(raw.exec(QStringLiteral("SET ROLE wd_analyst_login")));
    QVERIFY(raw.exec(QStringLiteral("SELECT COUNT(*) FROM entries")));
    QVERIFY(!raw.exec(QStringLiteral("UPDATE accounts SET name = 'x'"), &error));
    QVERIFY2(error.contains(u"permission denied"), qPrintable(error));
    QVERIFY(raw.exec(QStringLiteral("RESET ROLE")));
}

void TestLedger::rollupsFollowPostings() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1000, QStringLiteral("a"))));
    ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 700, QStringLiteral("b"))));
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 200, QStringLiteral("c"))));
    RawDb raw(m_url);
    QSqlQuery q(raw.db());
    QVERIFY(q.exec(
        QStringLiteral("SELECT opening, closing, low, high, inflow, outflow, entry_count FROM daily_rollups "
                       "WHERE account_id = %1")
            .arg(m_ann)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), 0);
    QCOMPARE(q.value(1).toLongLong(), 500);
    QCOMPARE(q.value(2).toLongLong(), 0);
    QCOMPARE(q.value(3).toLongLong(), 1000);
    QCOMPARE(q.value(4).toLongLong(), 1200);
    QCOMPARE(q.value(5).toLongLong(), 700);
    QCOMPARE(q.value(6).toLongLong(), 3);
    QVERIFY2(!q.next(), "all three postings fall on one day");
}

void TestLedger::historyPagesAndBalanceAtTime() {
    for (int i = 1; i <= 5; ++i)
        ok(m_ledger->post(
            Sam, request(TransactionKind::Deposit, m_ann, qint64(i) * 100, QStringLiteral("h%1").arg(i))));
    const auto page1 = ok(m_ledger->history(m_ann, 0, 2));
    QCOMPARE(page1.size(), 2);
    QCOMPARE(page1.at(0).amount, 500);
    QCOMPARE(page1.at(0).balanceAfter, 1500);
    const auto page2 = ok(m_ledger->history(m_ann, page1.last().entryId, 2));
    QCOMPARE(page2.at(0).amount, 300);
    const auto page3 = ok(m_ledger->history(m_ann, page2.last().entryId, 2));
    QCOMPARE(page3.size(), 1);
    QCOMPARE(page3.at(0).balanceAfter, 100);
    QCOMPARE(run([this](LedgerStore &s) { return LedgerReader(s).balanceAt(m_ann, 0); }).value(), 0);
    QCOMPARE(run([this, t = page2.at(0).createdAt](LedgerStore &s) {
                 return LedgerReader(s).balanceAt(m_ann, t);
             }).value(),
             600);
    QCOMPARE(run([this](LedgerStore &s) {
                 return LedgerReader(s).balanceAt(m_ann, std::numeric_limits<qint64>::max());
             }).value(),
             1500);
}

void TestLedger::verifyPassesAndDigestIsStable() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1000, QStringLiteral("a"))));
    const VerifyReport first = verify();
    QVERIFY2(first.ok, qPrintable(first.firstProblem));
    QCOMPARE(first.transactions, 1);
    QCOMPARE(first.entries, 2);
    QCOMPARE(first.digest.size(), 64);
    QCOMPARE(verify().digest, first.digest);
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1, QStringLiteral("b"))));
    QVERIFY(verify().digest != first.digest);
}

void TestLedger::verifyNamesATamperedEntry() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1000, QStringLiteral("a"))));
    const qint64 victim =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ben, 50, QStringLiteral("b"))))
            .transactionId;
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 5, QStringLiteral("c"))));
    QVERIFY(verify().ok);
    {
        // The owner can always get round a trigger; the hash chain is what catches it.
        RawDb raw(m_url);
        if (raw.pg()) {
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE entries DISABLE TRIGGER entries_append_only")));
            QVERIFY(raw.exec(
                QStringLiteral(
                    "UPDATE entries SET amount = 5000, balance_after = 5000 WHERE transaction_id = %1 "
                    "AND account_id = %2")
                    .arg(victim)
                    .arg(m_ben)));
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE entries ENABLE TRIGGER entries_append_only")));
        } else {
            QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER entries_no_update")));
            QVERIFY(raw.exec(
                QStringLiteral(
                    "UPDATE entries SET amount = 5000, balance_after = 5000 WHERE transaction_id = %1 "
                    "AND account_id = %2")
                    .arg(victim)
                    .arg(m_ben)));
        }
    }
    const VerifyReport report = verify();
    QVERIFY(!report.ok);
    QVERIFY2(report.firstProblem.startsWith(QStringLiteral("transaction %1:").arg(victim)),
             qPrintable(report.firstProblem));
}

void TestLedger::verifyNamesATamperedAuditRecord() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1000, QStringLiteral("a"))));
    RawDb raw(m_url);
    const qint64 id = raw.scalar(QStringLiteral("SELECT MIN(id) FROM audit_log WHERE action = 'post'"));
    if (raw.pg()) {
        QVERIFY(raw.exec(QStringLiteral("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")));
        QVERIFY(
            raw.exec(QStringLiteral("UPDATE audit_log SET operator = 'someone-else' WHERE id = %1").arg(id)));
        QVERIFY(raw.exec(QStringLiteral("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only")));
    } else {
        QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER audit_log_no_update")));
        QVERIFY(
            raw.exec(QStringLiteral("UPDATE audit_log SET operator = 'someone-else' WHERE id = %1").arg(id)));
    }
    const VerifyReport report = verify();
    QVERIFY(!report.ok);
    QCOMPARE(report.firstProblem,
             QStringLiteral("audit record %1: its hash does not match its contents").arg(id));
}

void TestLedger::verifyNamesABadRollupAndBalance() {
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1000, QStringLiteral("a"))));
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ben, 10, QStringLiteral("b"))));
    {
        RawDb raw(m_url);
        QVERIFY(raw.exec(
            QStringLiteral("UPDATE daily_rollups SET closing = 999 WHERE account_id = %1").arg(m_ben)));
    }
    VerifyReport report = verify();
    QVERIFY(!report.ok);
    QVERIFY2(report.firstProblem.startsWith(QStringLiteral("rollup of account %1 day").arg(m_ben)),
             qPrintable(report.firstProblem));
    {
        RawDb raw(m_url);
        QVERIFY(raw.exec(
            QStringLiteral("UPDATE daily_rollups SET closing = 10 WHERE account_id = %1").arg(m_ben)));
        QVERIFY(raw.exec(QStringLiteral("UPDATE accounts SET balance = 7 WHERE id = %1").arg(m_ann)));
    }
    report = verify();
    QVERIFY(!report.ok);
    QCOMPARE(report.firstProblem,
             QStringLiteral("account %1: cached balance 7, entries sum to 1000").arg(m_ann));
}

void TestLedger::demoLedgerVerifies() {
    // The demo needs a ledger without players, so each run starts on a fresh database.
    const QString backend =
        qEnvironmentVariable("WALLETDESK_TEST_BACKENDS", QStringLiteral("sqlite")).section(u',', 0, 0);
    m_ledger.reset();
    auto generate = [&backend](QTemporaryDir &dir, DemoSummary *summary, QString *fingerprint) {
        QString error;
        const QString url = WalletDeskTest::databaseUrl(backend, dir, &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        LedgerService demo;
        QVERIFY(await(demo.open(*DatabaseUrl::parse(url, &error))).ok());
        QVERIFY(
            await(demo.run([](LedgerStore &s) { return s.bootstrapAdmin(QStringLiteral("boss")); })).ok());
        DemoOptions options;
        options.players = 300;
        options.days = 20;
        options.seed = 42;
        const Result<DemoSummary> made = await(demo.run(
            [options](LedgerStore &s) { return DemoGenerator(s, options, QStringLiteral("boss")).run(); }));
        QVERIFY2(made.ok(), made.ok() ? "" : qPrintable(made.error().message));
        *summary = made.value();
        const Result<VerifyReport> report = await(demo.verify());
        QVERIFY(report.ok());
        QVERIFY2(report->ok, qPrintable(report->firstProblem));
        RawDb raw(url);
        *fingerprint = QStringLiteral("%1/%2/%3")
                           .arg(raw.scalar(QStringLiteral("SELECT COUNT(*) FROM entries")))
                           .arg(raw.scalar(QStringLiteral(
                               "SELECT SUM(balance * id) FROM accounts WHERE kind = 'player'")))
                           .arg(raw.scalar(QStringLiteral("SELECT SUM(amount * account_id) FROM entries")));
    };
    QTemporaryDir dir1, dir2;
    DemoSummary first, second;
    QString print1, print2;
    generate(dir1, &first, &print1);
    if (QTest::currentTestFailed())
        return;
    QVERIFY(first.entries > 2000);
    QVERIFY(first.accounts >= 600);
    QVERIFY(first.pendingApprovals > 0);
    QVERIFY(first.reversals > 0);
    generate(dir2, &second, &print2);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(print2, print1); // the same seed gives the same economy
}

void TestLedger::verifyChecksLargeJournalsInSlices() {
    // Above 20,000 transactions verify hashes the journal in two slices at once; a defect on either side of
    // the seam, or at the seam itself, must still be named.
    const QString backend =
        qEnvironmentVariable("WALLETDESK_TEST_BACKENDS", QStringLiteral("sqlite")).section(u',', 0, 0);
    m_ledger.reset();
    QTemporaryDir dir;
    QString error;
    const QString url = WalletDeskTest::databaseUrl(backend, dir, &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    LedgerService big;
    QVERIFY(await(big.open(*DatabaseUrl::parse(url, &error))).ok());
    QVERIFY(await(big.run([](LedgerStore &s) { return s.bootstrapAdmin(QStringLiteral("boss")); })).ok());
    DemoOptions options;
    options.players = 5000;
    options.days = 10;
    const Result<DemoSummary> made = await(big.run(
        [options](LedgerStore &s) { return DemoGenerator(s, options, QStringLiteral("boss")).run(); }));
    QVERIFY(made.ok());
    QVERIFY2(made->transactions > 21000, "the ledger must be large enough to be sliced");
    const Result<VerifyReport> healthy = await(big.verify());
    QVERIFY(healthy.ok());
    QVERIFY2(healthy->ok, qPrintable(healthy->firstProblem));
    QVERIFY(healthy->transactions >= made->transactions);

    RawDb raw(url);
    const qint64 last = raw.scalar(QStringLiteral("SELECT MAX(id) FROM transactions"));
    auto unlock = [&raw](const char *table) {
        if (raw.pg())
            QVERIFY(raw.exec(QStringLiteral("ALTER TABLE %1 DISABLE TRIGGER %1_append_only")
                                 .arg(QLatin1StringView(table))));
        else
            QVERIFY(
                raw.exec(
                    QStringLiteral("DROP TRIGGER IF EXISTS %1_no_update").arg(QLatin1StringView(table))) &&
                raw.exec(
                    QStringLiteral("DROP TRIGGER IF EXISTS %1_no_delete").arg(QLatin1StringView(table))));
    };
    unlock("entries");
    unlock("transactions");
    auto tamper = [&raw](qint64 txn) { // one character more in the memo; undone below
        QVERIFY(
            raw.exec(QStringLiteral("UPDATE transactions SET memo = memo || 'x' WHERE id = %1").arg(txn)));
    };
    // The tail slice.
    tamper(last - 5);
    Result<VerifyReport> report = await(big.verify());
    QVERIFY(report.ok());
    QVERIFY(!report->ok);
    QVERIFY2(report->firstProblem.startsWith(QStringLiteral("transaction %1:").arg(last - 5)),
             qPrintable(report->firstProblem));
    QVERIFY(raw.exec(
        QStringLiteral("UPDATE transactions SET memo = substr(memo, 1, length(memo) - 1) WHERE id = %1")
            .arg(last - 5)));
    // The head slice.
    tamper(7);
    report = await(big.verify());
    QVERIFY2(report->firstProblem.startsWith(QStringLiteral("transaction 7:")),
             qPrintable(report->firstProblem));
    QVERIFY(raw.exec(
        QStringLiteral("UPDATE transactions SET memo = substr(memo, 1, length(memo) - 1) WHERE id = 7")));
    QVERIFY(await(big.verify())->ok);
    // The seam: remove the last transaction of the head slice; the tail's first one no longer continues.
    const qint64 low = raw.scalar(QStringLiteral("SELECT MIN(id) FROM transactions"));
    const qint64 middle = low + (last - low) / 2;
    QVERIFY(raw.exec(QStringLiteral("DELETE FROM entries WHERE transaction_id = %1").arg(middle - 1)));
    QVERIFY(raw.exec(QStringLiteral("DELETE FROM transactions WHERE id = %1").arg(middle - 1)));
    report = await(big.verify());
    QVERIFY(!report->ok);
    QVERIFY2(report->firstProblem.startsWith(
                 QStringLiteral("transaction %1: its previous hash does not continue").arg(middle)),
             qPrintable(report->firstProblem));
}

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"

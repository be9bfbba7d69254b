// Dry runs (issue 13): every write rehearsed by the ledger's own rules in a transaction that is rolled back.
// The same source runs against SQLite and a real PostgreSQL server (WALLETDESK_TEST_BACKENDS).
//
// Each case takes a snapshot of every table a write can touch, rehearses, and compares: the journal, the
// audit chain, the rollups, the balances and the chain heads must be byte-for-byte what they were. Then the
// same request is posted for real and must do exactly what the dry run said.

#include "ledgerreader.h"
#include "ledgerservice.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using WalletDeskTest::await;
using WalletDeskTest::RawDb;

namespace {

const Actor Admin{QStringLiteral("root-admin"), QStringLiteral("test")};
const Actor Sam{QStringLiteral("sam"), QStringLiteral("test")};   // support, limit 100.00 USD
const Actor Sue{QStringLiteral("sue"), QStringLiteral("test")};   // supervisor
const Actor Vera{QStringLiteral("vera"), QStringLiteral("test")}; // viewer

PostingRequest request(TransactionKind kind, qint64 account, qint64 amount, const QString &key, bool dryRun) {
    PostingRequest r;
    r.kind = kind;
    r.accountId = account;
    r.amount = amount;
    r.idempotencyKey = key;
    r.dryRun = dryRun;
    return r;
}

} // namespace

class TestDryRun : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<LedgerService> m_ledger;
    qint64 m_ann = 0, m_ben = 0, m_annBox = 0;

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
    qint64 balance(qint64 id) { return ok(m_ledger->account(id)).balance; }
    qint64 count(const QString &table) {
        RawDb raw(m_url);
        return raw.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    }

    /// Every row of every table a write touches, in key order, as text. Sessions and login failures are
    /// walletd's and never written by postings.
    QString snapshot() {
        RawDb raw(m_url);
        QString out;
        const QStringList tables{QStringLiteral("transactions"),  QStringLiteral("entries"),
                                 QStringLiteral("audit_log"),     QStringLiteral("approvals"),
                                 QStringLiteral("accounts"),      QStringLiteral("account_shards"),
                                 QStringLiteral("daily_rollups"), QStringLiteral("economy_days"),
                                 QStringLiteral("economy_flows"), QStringLiteral("chain_heads"),
                                 QStringLiteral("operators"),     QStringLiteral("operator_limits")};
        for (const QString &table : tables) {
            QSqlQuery q(raw.db());
            // ORDER BY every column: a total order without knowing each table's key.
            if (!q.exec(QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(table))) {
                QTest::qFail(qPrintable(table + QStringLiteral(": cannot read")), __FILE__, __LINE__);
                return {};
            }
            QStringList order;
            for (int i = 1; i <= q.record().count(); ++i)
                order << QString::number(i);
            if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2").arg(table, order.join(u',')))) {
                QTest::qFail(qPrintable(table + QStringLiteral(": cannot read")), __FILE__, __LINE__);
                return {};
            }
            out += u'[' + table + u']' + u'\n';
            while (q.next()) {
                QStringList row;
                for (int i = 0; i < q.record().count(); ++i)
                    row << q.value(i).toString();
                out += row.join(u'|') + u'\n';
            }
        }
        return out;
    }

private Q_SLOTS:
    void init();
    void cleanup();

    void everyKindRehearsesAndThenPostsTheSame();
    void aRefusedDryRunGivesTheExactErrorAndAuditsNothing();
    void aDryRunAboveTheLimitSaysItNeedsApproval();
    void aDryRunOfAUsedKeyAnswersTheReplay();
    void reversalAndApprovalDecisionsRehearse();
    void aBatchRehearsesEachRowAfterTheOnesBefore();
};

void TestDryRun::init() {
    const QString backend =
        qEnvironmentVariable("WALLETDESK_TEST_BACKENDS", QStringLiteral("sqlite")).section(u',', 0, 0);
    QString error;
    m_url = WalletDeskTest::databaseUrl(backend, m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const auto url = DatabaseUrl::parse(m_url, &error);
    QVERIFY(url);
    m_ledger = std::make_unique<LedgerService>();
    QVERIFY(await(m_ledger->open(*url)).ok());
    QVERIFY(await(m_ledger->run([](LedgerStore &s) { return s.bootstrapAdmin(Admin.operatorName); })));
    for (const Currency &c : {Currency{QStringLiteral("USD"), 2, {}}, Currency{QStringLiteral("GOLD"), 0, {}},
                              Currency{QStringLiteral("TREASURE_BOX"), 0, {}}})
        ok(m_ledger->run([c](LedgerStore &s) { return s.addCurrency(Admin, c); }));
    auto addOperator = [this](const QString &name, Role role, QMap<QString, qint64> limits = {}) {
        OperatorInfo o;
        o.name = name;
        o.role = role;
        o.limits = limits;
        ok(m_ledger->run([o](LedgerStore &s) { return s.addOperator(Admin, o); }));
    };
    addOperator(Sam.operatorName, Role::Support, {{QStringLiteral("USD"), 10000}});
    addOperator(Sue.operatorName, Role::Supervisor);
    addOperator(Vera.operatorName, Role::Viewer);
    auto create = [this](const QString &ref, const QString &currency) {
        return ok(m_ledger->run([=](LedgerStore &s) {
                   return s.createAccount(Sam, NewAccount{currency, ref, ref, false});
               }))
            .id;
    };
    m_ann = create(QStringLiteral("1001"), QStringLiteral("USD"));
    m_ben = create(QStringLiteral("1002"), QStringLiteral("USD"));
    m_annBox = create(QStringLiteral("1001"), QStringLiteral("TREASURE_BOX"));
    ok(m_ledger->post(Sue, request(TransactionKind::Deposit, m_ann, 50000, QStringLiteral("seed"), false)));
}

void TestDryRun::cleanup() {
    m_ledger.reset();
}

void TestDryRun::everyKindRehearsesAndThenPostsTheSame() {
    // Every kind a support desk posts, with what each needs; the dry run's legs must be the real posting's.
    struct Case {
        TransactionKind kind;
        qint64 amount;
        qint64 counter;
        qint64 items;
        QString reason;
    };
    const QList<Case> cases{
        {TransactionKind::Deposit, 1234, 0, 0, {}},
        {TransactionKind::Withdrawal, 2000, 0, 0, {}},
        {TransactionKind::Adjustment, -700, 0, 0, QStringLiteral("goodwill")},
        {TransactionKind::Adjustment, 300, 0, 0, QStringLiteral("goodwill")},
        {TransactionKind::Transfer, 1500, m_ben, 0, {}},
        {TransactionKind::Purchase, 2500, m_annBox, 2, {}},
        {TransactionKind::Win, 900, 0, 0, {}},
        {TransactionKind::Charge, 400, 0, 0, {}},
        {TransactionKind::Bonus, 600, 0, 0, {}},
    };
    int n = 0;
    for (const Case &c : cases) {
        const QString key = QStringLiteral("kind-%1").arg(++n);
        PostingRequest r = request(c.kind, m_ann, c.amount, key, true);
        r.counterAccountId = c.counter;
        r.itemQuantity = c.items;
        r.reasonCode = c.reason;
        const qint64 before = balance(m_ann);
        const QString was = snapshot();
        const PostingResult dry = ok(m_ledger->post(Sue, r));
        QCOMPARE(snapshot(), was);
        QVERIFY2(dry.dryRun, qPrintable(kindName(c.kind)));
        QCOMPARE(dry.transactionId, 0);
        QCOMPARE(dry.status, PostingResult::Status::Posted);
        QVERIFY(!dry.entries.isEmpty());
        QCOMPARE(dry.balanceBefore(m_ann), before);
        r.dryRun = false;
        const PostingResult real = ok(m_ledger->post(Sue, r));
        QVERIFY(!real.dryRun);
        QVERIFY(real.transactionId > 0);
        QCOMPARE(real.entries.size(), dry.entries.size());
        for (int i = 0; i < real.entries.size(); ++i) {
            const JournalEntry &d = dry.entries.at(i), &e = real.entries.at(i);
            QCOMPARE(d.accountId, e.accountId);
            QCOMPARE(d.amount, e.amount);
            // A system account's leg lands on whichever of its shards is free (16 on PostgreSQL), so only a
            // player's balance after is the same number in both.
            if (d.accountId == m_ann || d.accountId == m_ben || d.accountId == m_annBox)
                QCOMPARE(d.balanceAfter, e.balanceAfter);
        }
        QCOMPARE(balance(m_ann), dry.balanceAfter(m_ann));
    }
    QVERIFY(ok(m_ledger->verify()).ok);
}

void TestDryRun::aRefusedDryRunGivesTheExactErrorAndAuditsNothing() {
    const QString was = snapshot();
    // Overdraft: the error the real posting gives, word for word.
    const LedgerError dry = err(
        m_ledger->post(Sue, request(TransactionKind::Withdrawal, m_ann, 90000, QStringLiteral("od"), true)));
    QCOMPARE(dry.code, ErrorCode::InsufficientFunds);
    QCOMPARE(snapshot(), was); // a refused real posting is audited; a refused dry run is not
    const LedgerError real = err(
        m_ledger->post(Sue, request(TransactionKind::Withdrawal, m_ann, 90000, QStringLiteral("od"), false)));
    QCOMPARE(dry.message, real.message);
    // A viewer may not post, and may not rehearse one either; nothing is written for the denial.
    const QString before = snapshot();
    QCOMPARE(err(m_ledger->post(Vera, request(TransactionKind::Deposit, m_ann, 1, QStringLiteral("v"), true)))
                 .code,
             ErrorCode::PermissionDenied);
    QCOMPARE(snapshot(), before);
    // A frozen account.
    ok(m_ledger->run([this](LedgerStore &s) {
        return s.setAccountState(Sue, m_ben, AccountState::Frozen, QStringLiteral("fraud check"));
    }));
    const QString frozen = snapshot();
    QCOMPARE(
        err(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ben, 1, QStringLiteral("f"), true))).code,
        ErrorCode::AccountFrozen);
    QCOMPARE(snapshot(), frozen);
    QVERIFY(before != frozen); // the snapshot does see real writes
}

void TestDryRun::aDryRunAboveTheLimitSaysItNeedsApproval() {
    const QString was = snapshot();
    const PostingResult dry = ok(
        m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 20000, QStringLiteral("big"), true)));
    QCOMPARE(snapshot(), was);
    QVERIFY(dry.dryRun);
    QCOMPARE(dry.status, PostingResult::Status::Pending);
    QCOMPARE(dry.approvalId, 0); // no approval was created
    QCOMPARE(count(QStringLiteral("approvals")), 0);
    QCOMPARE(ok(m_ledger->account(m_ann)).held, 0);
}

void TestDryRun::aDryRunOfAUsedKeyAnswersTheReplay() {
    const PostingResult real =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("k1"), false)));
    const QString was = snapshot();
    const PostingResult dry =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 100, QStringLiteral("k1"), true)));
    QCOMPARE(snapshot(), was);
    QVERIFY(dry.dryRun);
    QVERIFY(dry.replayed);
    QCOMPARE(dry.transactionId, real.transactionId); // a replay names the real transaction
    QCOMPARE(
        err(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 101, QStringLiteral("k1"), true)))
            .code,
        ErrorCode::IdempotencyConflict);
    QCOMPARE(snapshot(), was);
    // A dry run does not use up its key: the real posting with that key goes through afterwards.
    ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 5, QStringLiteral("k2"), true)));
    const PostingResult after =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 5, QStringLiteral("k2"), false)));
    QVERIFY(!after.replayed);
    QVERIFY(after.transactionId > real.transactionId);
}

void TestDryRun::reversalAndApprovalDecisionsRehearse() {
    const PostingResult original =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 700, QStringLiteral("r0"), false)));
    ReversalRequest rev;
    rev.transactionId = original.transactionId;
    rev.idempotencyKey = QStringLiteral("rev-1");
    rev.reason = QStringLiteral("posted to the wrong player");
    rev.dryRun = true;
    QString was = snapshot();
    const PostingResult dryRev = ok(m_ledger->reverse(Sue, rev));
    QCOMPARE(snapshot(), was);
    QVERIFY(dryRev.dryRun);
    QCOMPARE(dryRev.balanceAfter(m_ann), balance(m_ann) - 700);
    QCOMPARE(err(m_ledger->reverse(Sam, rev)).code, ErrorCode::PermissionDenied); // supervisors only
    QCOMPARE(snapshot(), was);
    rev.dryRun = false;
    QCOMPARE(ok(m_ledger->reverse(Sue, rev)).balanceAfter(m_ann), dryRev.balanceAfter(m_ann));
    rev.dryRun = true;
    rev.idempotencyKey = QStringLiteral("rev-2");
    QCOMPARE(err(m_ledger->reverse(Sue, rev)).code, ErrorCode::AlreadyReversed);

    // An approval: rehearsing the approval posts nothing and leaves it pending with its hold.
    const PostingResult pending = ok(
        m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 15000, QStringLiteral("p1"), false)));
    QCOMPARE(pending.status, PostingResult::Status::Pending);
    was = snapshot();
    const qint64 before = balance(m_ann);
    const PostingResult dryApprove =
        ok(m_ledger->approve(Sue, pending.approvalId, QStringLiteral("checked"), WriteMode::DryRun));
    QCOMPARE(snapshot(), was);
    QVERIFY(dryApprove.dryRun);
    QCOMPARE(dryApprove.transactionId, 0);
    QCOMPARE(dryApprove.approvalId, pending.approvalId);
    QCOMPARE(dryApprove.balanceAfter(m_ann), before - 15000);
    QCOMPARE(err(m_ledger->approve(Sam, pending.approvalId, {}, WriteMode::DryRun)).code,
             ErrorCode::PermissionDenied);
    const Approval dryReject =
        ok(m_ledger->reject(Sue, pending.approvalId, QStringLiteral("no"), WriteMode::DryRun));
    QCOMPARE(dryReject.state, Approval::State::Rejected);
    QCOMPARE(err(m_ledger->reject(Sue, pending.approvalId, {}, WriteMode::DryRun)).code,
             ErrorCode::InvalidArgument); // a rejection needs a comment, rehearsed or not
    QCOMPARE(snapshot(), was);
    QCOMPARE(ok(m_ledger->approve(Sue, pending.approvalId, QStringLiteral("checked"))).balanceAfter(m_ann),
             dryApprove.balanceAfter(m_ann));
    QVERIFY(ok(m_ledger->verify()).ok);
}

void TestDryRun::aBatchRehearsesEachRowAfterTheOnesBefore() {
    // 500.00 USD on ann: the second withdrawal of 300.00 overdraws only because the first one spends.
    const QList<PostingRequest> rows{
        request(TransactionKind::Withdrawal, m_ann, 30000, QStringLiteral("b1"), true),
        request(TransactionKind::Withdrawal, m_ann, 30000, QStringLiteral("b2"), true),
        request(TransactionKind::Deposit, m_ben, 100, QStringLiteral("b3"), true),
    };
    const QString was = snapshot();
    const auto results = await(m_ledger->run(
        [rows](LedgerStore &s) { return Result<QList<Result<PostingResult>>>(s.postBatch(Sue, rows)); }));
    QVERIFY(results);
    QCOMPARE(snapshot(), was);
    QCOMPARE(results->size(), 3);
    QVERIFY(results->at(0) && results->at(0)->dryRun);
    QCOMPARE(results->at(0)->balanceAfter(m_ann), 20000);
    QVERIFY(!results->at(1));
    QCOMPARE(results->at(1).error().code, ErrorCode::InsufficientFunds);
    QVERIFY(results->at(2) && results->at(2)->dryRun);
    // Mixing rehearsals with postings is refused as a whole.
    QList<PostingRequest> mixed = rows;
    mixed[2].dryRun = false;
    const auto refused = await(m_ledger->run(
        [mixed](LedgerStore &s) { return Result<QList<Result<PostingResult>>>(s.postBatch(Sue, mixed)); }));
    QVERIFY(refused);
    for (const auto &r : *refused)
        QVERIFY(!r && r.error().code == ErrorCode::InvalidArgument);
    QCOMPARE(snapshot(), was);
}

QTEST_GUILESS_MAIN(TestDryRun)
#include "tst_dryrun.moc"

// The desktop app's item models over a demo ledger of realistic size, each under QAbstractItemModelTester,
// checked row for row against SQL written independently here. One source, SQLite and PostgreSQL
// (WALLETDESK_TEST_BACKENDS selects which).
#include "accounttablemodel.h"
#include "approvaltablemodel.h"
#include "audittablemodel.h"
#include "demogenerator.h"
#include "historytablemodel.h"
#include "journaltablemodel.h"
#include "ledgerreader.h"
#include "localledgerclient.h"
#include "seriesreducer.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using WalletDeskTest::await;
using WalletDeskTest::RawDb;

namespace {
const QString Admin = QStringLiteral("root-admin");
constexpr qint64 Players = 3000;
constexpr int Waiting = 20000; // ms: generous for a loaded CI machine; passing runs take milliseconds
} // namespace

class TestModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void accountsMatchTheDatabaseInEverySortAndWindow_data();
    void accountsMatchTheDatabaseInEverySortAndWindow();
    void searchFindsPlayerPrefixNameAndAccountId();
    void filtersByStateCurrencyAndBalance();
    void refreshUpdatesRowsInPlaceAndCountsNewAccounts();
    void historyLoadsEveryEntryAndPutsNewOnesOnTop();
    void journalFiltersByKindOperatorAndAmount();
    void approvalsQueueAndAuditLog();
    void balanceSeriesEndsAtTheBalance();
    void changesByAnotherConnectionAreNoticed();

private:
    void loadWindow(AccountTableModel &model, int firstRow);
    QList<qint64> modelIds(const AccountTableModel &model, int firstRow, int count);
    QList<qint64> sqlIds(const QString &orderBy, qint64 offset, int count, const QString &where = {});
    QString textOrder(const QString &expr) const {
        return m_raw->pg() ? expr + QStringLiteral(" COLLATE \"C\"") : expr;
    }

    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<LocalLedgerClient> m_client;
    std::unique_ptr<RawDb> m_raw;
};

void TestModels::initTestCase() {
    const QString backend = WalletDeskTest::availableBackends().value(0);
    QString error;
    m_url = WalletDeskTest::databaseUrl(backend, m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const auto url = DatabaseUrl::parse(m_url, &error);
    QVERIFY(url);
    {
        LedgerService service;
        QVERIFY(await(service.open(*url)).ok());
        QVERIFY(await(service.run([](LedgerStore &s) { return s.bootstrapAdmin(Admin); })).ok());
        DemoOptions o;
        o.players = Players;
        o.days = 60;
        o.seed = 7;
        const auto summary =
            await(service.run([o](LedgerStore &s) { return DemoGenerator(s, o, Admin).run(); }));
        QVERIFY2(summary.ok(), summary.ok() ? "" : qPrintable(summary.error().message));
    }
    m_client = std::make_unique<LocalLedgerClient>();
    const auto session = await(m_client->connectTo(*url, Admin));
    QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.error().message));
    QCOMPARE(session->role, Role::Admin);
    m_raw = std::make_unique<RawDb>(m_url);
}

void TestModels::cleanupTestCase() {
    m_raw.reset();
    m_client.reset();
}

void TestModels::loadWindow(AccountTableModel &model, int firstRow) {
    // What a view does when it shows these rows: ask for their data, then wait for the pages.
    for (int row = firstRow; row < std::min(firstRow + AccountTableModel::PageSize, model.rowCount()); ++row)
        model.data(model.index(row, AccountTableModel::IdColumn));
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
}

QList<qint64> TestModels::modelIds(const AccountTableModel &model, int firstRow, int count) {
    QList<qint64> ids;
    for (int row = firstRow; row < std::min(firstRow + count, model.rowCount()); ++row) {
        const auto a = model.accountAt(row);
        ids << (a ? a->id : -1);
    }
    return ids;
}

QList<qint64> TestModels::sqlIds(const QString &orderBy, qint64 offset, int count, const QString &where) {
    QList<qint64> ids;
    const QString sql =
        QStringLiteral("SELECT id FROM accounts WHERE kind = 'player'%1 ORDER BY %2 LIMIT %3 OFFSET %4")
            .arg(where.isEmpty() ? QString() : QStringLiteral(" AND ") + where, orderBy)
            .arg(count)
            .arg(offset);
    for (const QVariant &v : m_raw->column(sql))
        ids << v.toLongLong();
    return ids;
}

void TestModels::accountsMatchTheDatabaseInEverySortAndWindow_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("orderBy"); // %1 is the direction
    QTest::newRow("id") << int(AccountTableModel::IdColumn) << false << QStringLiteral("id %1");
    QTest::newRow("balance desc") << int(AccountTableModel::BalanceColumn) << true
                                  << QStringLiteral("balance %1, id %1");
    QTest::newRow("available") << int(AccountTableModel::AvailableColumn) << false
                               << QStringLiteral("balance - held %1, id %1");
    QTest::newRow("name") << int(AccountTableModel::NameColumn) << false
                          << QStringLiteral("lower(name)%2 %1, id %1");
    QTest::newRow("player desc") << int(AccountTableModel::PlayerRefColumn) << true
                                 << QStringLiteral("player_ref%2 %1, id %1");
    QTest::newRow("currency") << int(AccountTableModel::CurrencyColumn) << false
                              << QStringLiteral("currency%2 %1, id %1");
    QTest::newRow("state desc") << int(AccountTableModel::StateColumn) << true
                                << QStringLiteral("state%2 %1, id %1");
    QTest::newRow("last activity desc")
        << int(AccountTableModel::LastActivityColumn) << true << QStringLiteral("last_activity_at %1, id %1");
    QTest::newRow("created") << int(AccountTableModel::CreatedColumn) << false
                             << QStringLiteral("created_at %1, id %1");
}

void TestModels::accountsMatchTheDatabaseInEverySortAndWindow() {
    QFETCH(int, column);
    QFETCH(bool, descending);
    QFETCH(QString, orderBy);
    QString order = orderBy; // replace(), not arg(): not every row has a %2
    order.replace(QStringLiteral("%1"), descending ? QStringLiteral("DESC") : QStringLiteral("ASC"))
        .replace(QStringLiteral("%2"), m_raw->pg() ? QStringLiteral(" COLLATE \"C\"") : QString());

    AccountTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_client.get());
    model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    const qint64 total = m_raw->scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE kind = 'player'"));
    QVERIFY(total > 2 * Players); // players hold several currencies
    QCOMPARE(model.rowCount(), int(total));

    const int page = AccountTableModel::PageSize;
    const int middle = int(total / 2) + 17; // not on a page boundary
    const int last = int(total) - page;
    for (int first : {0, page, middle, last, last - page}) { // page 1 after page 0 seeks by keyset
        loadWindow(model, first);
        QCOMPARE(modelIds(model, first, page), sqlIds(order, first, page));
    }
    const auto lastAccount = model.accountAt(int(total) - 1);
    QVERIFY(lastAccount);
    QCOMPARE(lastAccount->id, sqlIds(order, total - 1, 1).value(0));
    QVERIFY(lastAccount->exponent >= 0);
}

void TestModels::searchFindsPlayerPrefixNameAndAccountId() {
    AccountTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_client.get());

    AccountQuery q;
    q.search = QStringLiteral("1002");
    model.setQuery(q);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    const QString refWhere = QStringLiteral("player_ref LIKE '1002%'");
    const qint64 expected = m_raw->scalar(
        QStringLiteral(
            "SELECT count(*) FROM accounts WHERE kind = 'player' AND (%1 OR lower(name) LIKE '1002%' "
            "OR id = 1002)")
            .arg(refWhere));
    QVERIFY(expected > 0);
    QCOMPARE(model.rowCount(), int(expected));
    loadWindow(model, 0);
    for (int row = 0; row < std::min(model.rowCount(), AccountTableModel::PageSize); ++row) {
        const auto a = model.accountAt(row);
        QVERIFY(a);
        QVERIFY2(a->playerRef.startsWith(u"1002") || a->id == 1002, qPrintable(a->playerRef));
    }

    // A name, typed in lower case, finds the capitalised name.
    const QString name =
        m_raw->column(QStringLiteral("SELECT name FROM accounts WHERE kind = 'player' ORDER BY id LIMIT 1"))
            .value(0)
            .toString();
    QVERIFY(!name.isEmpty());
    q.search = name.left(5).toLower();
    model.setQuery(q);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    QVERIFY(model.rowCount() > 0);
    loadWindow(model, 0);
    for (int row = 0; row < std::min(model.rowCount(), 100); ++row)
        QVERIFY(model.accountAt(row)->name.startsWith(q.search, Qt::CaseInsensitive) ||
                model.accountAt(row)->playerRef.startsWith(q.search));

    // A broad search ("1" starts every player reference) walks the sort order instead of the search
    // indexes (LedgerReader's SearchPlan); the rows must be the same as SQL's, sorted, in every window.
    q.search = QStringLiteral("1");
    q.sort = AccountQuery::Sort::Balance;
    q.descending = true;
    model.setQuery(q);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    const QString broad = QStringLiteral("(player_ref LIKE '1%' OR lower(name) LIKE '1%' OR id = 1)");
    const qint64 broadCount =
        m_raw->scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE kind = 'player' AND ") + broad);
    QVERIFY(broadCount >= 1000);
    QCOMPARE(model.rowCount(), int(std::min<qint64>(broadCount, LedgerReader::SearchCountCap)));
    QCOMPARE(model.isCapped(), broadCount > LedgerReader::SearchCountCap);
    for (int first : {0, AccountTableModel::PageSize, model.rowCount() - 50}) {
        loadWindow(model, first);
        QCOMPARE(modelIds(model, first, 50),
                 sqlIds(QStringLiteral("balance DESC, id DESC"), first, 50, broad));
    }
    q.sort = AccountQuery::Sort::Id;
    q.descending = false;

    // Nothing matches: an empty list, not an error.
    q.search = QStringLiteral("no such player ☃");
    model.setQuery(q);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::filtersByStateCurrencyAndBalance() {
    AccountTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_client.get());
    AccountQuery q;
    q.state = AccountState::Frozen;
    model.setQuery(q);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    const qint64 frozen = m_raw->scalar(
        QStringLiteral("SELECT count(*) FROM accounts WHERE kind = 'player' AND state = 'frozen'"));
    QVERIFY(frozen > 0); // the demo freezes a few
    QCOMPARE(model.rowCount(), int(frozen));

    q = {};
    q.currency = QStringLiteral("GOLD");
    q.minBalance = 100;
    q.maxBalance = 5000;
    q.sort = AccountQuery::Sort::Balance;
    q.descending = true;
    model.setQuery(q);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    const QString where = QStringLiteral("currency = 'GOLD' AND balance BETWEEN 100 AND 5000");
    QCOMPARE(model.rowCount(),
             int(m_raw->scalar(QStringLiteral("SELECT count(*) FROM accounts WHERE kind = 'player' AND ") +
                               where)));
    loadWindow(model, 0);
    QCOMPARE(modelIds(model, 0, 100), sqlIds(QStringLiteral("balance DESC, id DESC"), 0, 100, where));
    QCOMPARE(model.data(model.index(0, AccountTableModel::CurrencyColumn)).toString(),
             QStringLiteral("GOLD"));
    QCOMPARE(model.data(model.index(0, AccountTableModel::BalanceColumn), Qt::TextAlignmentRole)
                     .value<Qt::Alignment>() &
                 Qt::AlignRight,
             Qt::AlignRight);
}

void TestModels::refreshUpdatesRowsInPlaceAndCountsNewAccounts() {
    AccountTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setClient(m_client.get());
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    const int before = model.rowCount();
    const auto target = model.accountAt(3);
    QVERIFY(target);
    QCOMPARE(target->state, target->state);

    PostingRequest deposit;
    deposit.kind = TransactionKind::Deposit;
    deposit.accountId = target->id;
    deposit.amount = 1234;
    deposit.idempotencyKey = QStringLiteral("models-refresh-1");
    QSignalSpy changed(m_client.get(), &LedgerClient::accountsChanged);
    const auto posted = await(m_client->post(deposit));
    QVERIFY2(posted.ok(), posted.ok() ? "" : qPrintable(posted.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, Waiting);
    QVERIFY(changed.at(0).at(0).value<QList<qint64>>().contains(target->id));

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle() && model.accountAt(3)->balance == target->balance + 1234,
                             Waiting);
    QCOMPARE(model.accountAt(3)->id, target->id); // same row: the view keeps its selection
    QCOMPARE(reset.size(), 0);

    NewAccount fresh{QStringLiteral("GEMS"), QStringLiteral("models-new-player"), QStringLiteral("Zed New"),
                     false};
    QVERIFY(await(m_client->createAccount(fresh)).ok());
    model.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), before + 1, Waiting);
}

void TestModels::historyLoadsEveryEntryAndPutsNewOnesOnTop() {
    const qint64 accountId = m_raw->scalar(QStringLiteral(
        "SELECT account_id FROM entries e JOIN accounts a ON a.id = e.account_id WHERE a.kind = 'player' "
        "GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1"));
    const qint64 entries =
        m_raw->scalar(QStringLiteral("SELECT count(*) FROM entries WHERE account_id = %1").arg(accountId));
    const auto account = await(m_client->account(accountId));
    QVERIFY(account.ok());

    HistoryTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAccount(m_client.get(), accountId, account->exponent);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    while (model.canFetchMore({})) {
        model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    }
    QCOMPARE(model.rowCount(), int(entries));
    QCOMPARE(model.rowAt(0)->balanceAfter, account->balance); // newest first
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.rowAt(row - 1)->entryId > model.rowAt(row)->entryId);

    PostingRequest win;
    win.kind = TransactionKind::Win;
    win.accountId = accountId;
    win.amount = 5;
    win.idempotencyKey = QStringLiteral("models-history-1");
    QVERIFY(await(m_client->post(win)).ok());
    model.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), int(entries) + 1, Waiting);
    QCOMPARE(model.rowAt(0)->amount, 5);
    QCOMPARE(model.rowAt(0)->balanceAfter, account->balance + 5);
    QCOMPARE(model.data(model.index(0, HistoryTableModel::KeyColumn)).toString(),
             QStringLiteral("models-history-1"));
}

void TestModels::journalFiltersByKindOperatorAndAmount() {
    JournalTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    JournalQuery q;
    q.kind = TransactionKind::Win;
    q.currency = QStringLiteral("GOLD");
    q.minAmount = 50;
    model.setSource(m_client.get(), q);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    QVERIFY(model.rowCount() > 0);
    const qint64 expectedNewest = m_raw->scalar(QStringLiteral(
        "SELECT max(e.id) FROM entries e JOIN transactions t ON t.id = e.transaction_id JOIN accounts a ON "
        "a.id = e.account_id WHERE t.kind = 'win' AND a.kind = 'player' AND a.currency = 'GOLD' AND e.amount "
        ">= 50"));
    QCOMPARE(model.rowAt(0)->entryId, expectedNewest);
    for (int row = 0; row < model.rowCount(); ++row) {
        QCOMPARE(model.rowAt(row)->kind, TransactionKind::Win);
        QCOMPARE(model.rowAt(row)->currency, QStringLiteral("GOLD"));
        QVERIFY(model.rowAt(row)->amount >= 50);
    }

    q = {};
    q.operatorName = QStringLiteral("nobody-at-all");
    model.setSource(m_client.get(), q);
    QTRY_VERIFY_WITH_TIMEOUT(model.isIdle(), Waiting);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.canFetchMore({}));
}

void TestModels::approvalsQueueAndAuditLog() {
    ApprovalTableModel approvals;
    QAbstractItemModelTester tester(&approvals, QAbstractItemModelTester::FailureReportingMode::QtTest);
    approvals.setClient(m_client.get());
    QTRY_VERIFY_WITH_TIMEOUT(approvals.isIdle(), Waiting);
    const qint64 pending =
        m_raw->scalar(QStringLiteral("SELECT count(*) FROM approvals WHERE state = 'pending'"));
    QVERIFY(pending > 0); // the demo leaves some
    QCOMPARE(approvals.rowCount(), int(pending));
    QVERIFY(!approvals.approvalAt(0)->currency.isEmpty());

    AuditTableModel audit;
    QAbstractItemModelTester auditTester(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
    audit.setClient(m_client.get());
    QTRY_VERIFY_WITH_TIMEOUT(audit.isIdle(), Waiting);
    const qint64 records = m_raw->scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
    // At least the first page; QAbstractItemModelTester itself may have asked for more (fetchMore).
    QVERIFY(audit.rowCount() >= int(std::min<qint64>(records, AuditTableModel::PageSize)));
    QVERIFY(audit.rowCount() <= records);
    QCOMPARE(audit.rowAt(0)->id, m_raw->scalar(QStringLiteral("SELECT max(id) FROM audit_log")));
    for (int row = 1; row < audit.rowCount(); ++row)
        QVERIFY(audit.rowAt(row - 1)->id > audit.rowAt(row)->id);
}

void TestModels::balanceSeriesEndsAtTheBalance() {
    const qint64 player =
        m_raw->scalar(QStringLiteral("SELECT account_id FROM daily_rollups r JOIN accounts a ON a.id = "
                                     "r.account_id WHERE a.kind = 'player' "
                                     "GROUP BY account_id ORDER BY count(*) DESC, account_id LIMIT 1"));
    const qint64 treasury = m_raw->scalar(
        QStringLiteral("SELECT id FROM accounts WHERE kind = 'system' AND name = 'treasury' AND "
                       "currency = 'GOLD'"));
    for (qint64 id : {player, treasury}) {
        const auto account = await(m_client->account(id));
        QVERIFY(account.ok());
        const auto series = await(m_client->balanceSeries(id, 0, 0));
        QVERIFY2(series.ok(), series.ok() ? "" : qPrintable(series.error().message));
        QVERIFY(series->size() > 1);
        QCOMPARE(series->last().closing, account->balance);
        for (int i = 1; i < series->size(); ++i) {
            QVERIFY(series->at(i - 1).dayStartMs < series->at(i).dayStartMs);
            QCOMPARE(series->at(i).opening, series->at(i - 1).closing); // no gap between days
            QVERIFY(series->at(i).low <= std::min(series->at(i).opening, series->at(i).closing));
        }
        // A window in the middle starts from the balance carried into it.
        const qint64 from = series->at(series->size() / 2).dayStartMs;
        const auto tail = await(m_client->balanceSeries(id, from, 0));
        QVERIFY(tail.ok());
        QCOMPARE(tail->first().opening, series->at(series->size() / 2).opening);
        QCOMPARE(tail->last().closing, account->balance);
        const auto line = SeriesReducer::fromDays(*series, series->first().dayStartMs,
                                                  series->last().dayStartMs + 86400000);
        QCOMPARE(line.last().v, account->balance);
    }
}

void TestModels::changesByAnotherConnectionAreNoticed() {
    QSignalSpy changed(m_client.get(), &LedgerClient::ledgerChanged);
    m_client->setPollInterval(100);
    QTest::qWait(300); // the first poll only learns the token
    QCOMPARE(changed.size(), 0);

    // Another program (its own connection) writes.
    QString error;
    LedgerService other;
    QVERIFY(await(other.open(*DatabaseUrl::parse(m_url, &error))).ok());
    const qint64 account = m_raw->scalar(
        QStringLiteral("SELECT min(id) FROM accounts WHERE kind = 'player' AND state = 'active'"));
    PostingRequest deposit;
    deposit.kind = TransactionKind::Deposit;
    deposit.accountId = account;
    deposit.amount = 1;
    deposit.idempotencyKey = QStringLiteral("models-other-connection");
    QVERIFY(await(other.post(Actor{Admin, QStringLiteral("elsewhere")}, deposit)).ok());
    QTRY_VERIFY_WITH_TIMEOUT(changed.size() >= 1, Waiting);
    m_client->setPollInterval(0);
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"

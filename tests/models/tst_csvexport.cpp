// CSV export through LedgerClient: every row of an account's history and of a filtered journal reaches the
// file exactly (amounts in canonical form), the export is audited, a cancelled export leaves no file, and
// fields cannot smuggle formulas into a spreadsheet.
#include "csvexport.h"
#include "demogenerator.h"
#include "localledgerclient.h"
#include "money.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using WalletDeskTest::await;
using WalletDeskTest::RawDb;

class TestCsvExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void fieldsAreQuotedAndCannotBeFormulas_data();
    void fieldsAreQuotedAndCannotBeFormulas();
    void historyReachesTheFileRowForRow();
    void journalKeepsItsFilters();
    void accountsCrossPagesInIdOrder();
    void cancelLeavesNoFile();
    void unwritablePathIsAnError();

private:
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<LocalLedgerClient> m_client;
    std::unique_ptr<RawDb> m_raw;
};

void TestCsvExport::initTestCase() {
    QString error;
    m_url = WalletDeskTest::databaseUrl(WalletDeskTest::availableBackends().value(0), m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    const auto url = DatabaseUrl::parse(m_url, &error);
    {
        LedgerService service;
        QVERIFY(await(service.open(*url)).ok());
        QVERIFY(
            await(service.run([](LedgerStore &s) { return s.bootstrapAdmin(QStringLiteral("root")); })).ok());
        DemoOptions o;
        o.players = 1500;
        o.days = 60;
        o.entriesPerPlayer = 20;
        QVERIFY(await(service.run([o](LedgerStore &s) {
                    return DemoGenerator(s, o, QStringLiteral("root")).run();
                })).ok());
    }
    m_client = std::make_unique<LocalLedgerClient>();
    QVERIFY(await(m_client->connectTo(*url, QStringLiteral("root"))).ok());
    m_raw = std::make_unique<RawDb>(m_url);
}

void TestCsvExport::fieldsAreQuotedAndCannotBeFormulas_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("abc");
    QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
    QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
    QTest::newRow("formula") << QStringLiteral("=HYPERLINK(\"x\")")
                             << QByteArray("\"'=HYPERLINK(\"\"x\"\")\"");
    QTest::newRow("at") << QStringLiteral("@cmd") << QByteArray("'@cmd");
    QTest::newRow("negative amount stays a number") << QStringLiteral("-12.50") << QByteArray("-12.50");
    QTest::newRow("plus text") << QStringLiteral("+x") << QByteArray("'+x");
    QTest::newRow("unicode") << QStringLiteral("Zoë ☃") << QByteArray("Zoë ☃");
}

void TestCsvExport::fieldsAreQuotedAndCannotBeFormulas() {
    QFETCH(QString, value);
    QFETCH(QByteArray, expected);
    QCOMPARE(CsvExport::field(value), expected);
}

void TestCsvExport::historyReachesTheFileRowForRow() {
    // The busiest player: more than one page of 2,000? Use the GOLD house account, which has thousands.
    const qint64 account = m_raw->scalar(QStringLiteral(
        "SELECT id FROM accounts WHERE kind = 'system' AND name = 'house' AND currency = 'GOLD'"));
    const qint64 entries =
        m_raw->scalar(QStringLiteral("SELECT count(*) FROM entries WHERE account_id = %1").arg(account));
    QVERIFY2(entries > 2000, "the export must cross a page boundary");
    const qint64 auditBefore =
        m_raw->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export'"));
    const QString path = m_dir.filePath(QStringLiteral("house.csv"));
    const auto written = await(CsvExport::history(m_client.get(), account, 0, path));
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    QCOMPARE(*written, entries);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(),
             QByteArray("time,transaction,kind,amount,balance_after,reason_code,ticket,operator,"
                        "idempotency_key,reverses,reversed_by,memo"));
    QCOMPARE(lines.size(), int(entries) + 2); // header, rows, and the empty string after the last newline
    // The sum of the amounts column is the account's balance, exactly.
    qint64 sum = 0;
    for (int i = 1; i <= entries; ++i) {
        const auto amount = Money::parse(QString::fromUtf8(lines[i].split(',').value(3)), 0);
        QVERIFY2(amount.ok(), lines[i].constData());
        sum += *amount.minor;
    }
    const auto balance = await(m_client->account(account));
    QCOMPARE(sum, balance->balance);
    QTRY_COMPARE(m_raw->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export'")),
                 auditBefore + 1);
}

void TestCsvExport::journalKeepsItsFilters() {
    JournalQuery q;
    q.kind = TransactionKind::Deposit;
    q.currency = QStringLiteral("CREDITS");
    const QString path = m_dir.filePath(QStringLiteral("deposits.csv"));
    const auto written = await(CsvExport::journal(m_client.get(), q, path));
    QVERIFY(written.ok());
    const qint64 expected = m_raw->scalar(QStringLiteral(
        "SELECT count(*) FROM entries e JOIN transactions t ON t.id = e.transaction_id JOIN accounts a ON "
        "a.id = "
        "e.account_id WHERE t.kind = 'deposit' AND a.kind = 'player' AND a.currency = 'CREDITS'"));
    QVERIFY(expected > 0);
    QCOMPARE(*written, expected);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (int i = 1; i <= expected; ++i) {
        QVERIFY(lines[i].contains(",deposit,"));
        QVERIFY(lines[i].contains(",CREDITS,"));
    }
}

void TestCsvExport::accountsCrossPagesInIdOrder() {
    // Every account, system ones too: more than one page of 1,000, continued by id (a keyset), each once.
    const qint64 accounts = m_raw->scalar(QStringLiteral("SELECT count(*) FROM accounts"));
    QVERIFY2(accounts > 1000, "the export must cross a page boundary");
    const qint64 auditBefore = m_raw->scalar(
        QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'export' AND target = 'accounts'"));
    AccountQuery q;
    q.includeSystem = true;
    q.sort = AccountQuery::Sort::Balance; // the export's order is the id's whatever the list's
    q.descending = true;
    const QString path = m_dir.filePath(QStringLiteral("accounts.csv"));
    const auto written = await(CsvExport::accounts(m_client.get(), q, path));
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
    QCOMPARE(*written, accounts);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.first(), QByteArray("id,kind,player,name,currency,state,allow_negative,balance,held,"
                                       "available,created_at,last_activity_at"));
    QCOMPARE(lines.size(), int(accounts) + 2);
    // Ids ascending, and per currency the balances add up to zero (double entry), exactly.
    const auto currencies = await(m_client->currencies());
    QVERIFY(currencies.ok());
    QHash<QString, int> exponents;
    for (const Currency &c : *currencies)
        exponents.insert(c.code, c.exponent);
    QHash<QString, qint64> totals;
    qint64 previous = 0;
    for (int i = 1; i <= accounts; ++i) {
        const QList<QByteArray> f = lines[i].split(',');
        QCOMPARE(f.size(), 12); // the demo's names hold no comma
        QVERIFY2(f[0].toLongLong() > previous, lines[i].constData());
        previous = f[0].toLongLong();
        const QString currency = QString::fromUtf8(f[4]);
        const auto balance = Money::parse(QString::fromUtf8(f[7]), exponents.value(currency, -1));
        QVERIFY2(balance.ok(), lines[i].constData());
        totals[currency] += *balance.minor;
    }
    QCOMPARE(totals.size(), exponents.size());
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        QVERIFY2(it.value() == 0, qPrintable(it.key()));
    // Recorded by the time the export answers.
    QCOMPARE(m_raw->scalar(QStringLiteral(
                 "SELECT count(*) FROM audit_log WHERE action = 'export' AND target = 'accounts'")),
             auditBefore + 1);
}

void TestCsvExport::cancelLeavesNoFile() {
    const qint64 account = m_raw->scalar(QStringLiteral(
        "SELECT id FROM accounts WHERE kind = 'system' AND name = 'house' AND currency = 'GOLD'"));
    const QString path = m_dir.filePath(QStringLiteral("cancelled.csv"));
    auto future = CsvExport::history(m_client.get(), account, 0, path);
    future.cancel();
    QTRY_VERIFY(future.isFinished());
    QVERIFY(!QFile::exists(path));
}

void TestCsvExport::unwritablePathIsAnError() {
    const auto written =
        await(CsvExport::history(m_client.get(), 1, 0, QStringLiteral("/nonexistent-dir/x.csv")));
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.contains(u"/nonexistent-dir/x.csv"),
             qPrintable(written.error().message));
}

QTEST_MAIN(TestCsvExport)
#include "tst_csvexport.moc"

// Bulk adjustments from CSV: every row gets its own result (a dry run refuses rows, not the file), a dry run
// writes nothing (not even the audit log), posting is idempotent per row, and the reader survives hostile
// files (Latin-1, stray quotes, a cut-off last row, a line of megabytes) in flat memory.
#include "bulkimport.h"
#include "localledgerclient.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using WalletDeskTest::RawDb;
using O = ImportRow::Outcome;

class TestBulkImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyRowGetsItsResult();
    void aDryRunWritesNothing();
    void postingTwicePostsOnce();
    void hostileFiles();
    void aLongLineIsRefusedAlone();
    void theOldHeaderIsRead();
    void aMalformedRowNamesItsProblem_data();
    void aMalformedRowNamesItsProblem();
    void aHeaderWithoutRowsIsRefused();

private:
    QString write(const QString &name, const QByteArray &content);
    ImportReport run(const QString &path, bool dryRun) {
        BulkImport::Options o;
        o.dryRun = dryRun;
        auto f = BulkImport::run(m_client.get(), path, o);
        return WalletDeskTest::await(f);
    }
    QByteArray fill(QByteArray body) const {
        return body.replace("%U", QByteArray::number(m_usd))
            .replace("%V", QByteArray::number(m_usd2))
            .replace("%G", QByteArray::number(m_gold))
            .replace("%F", QByteArray::number(m_frozen));
    }
    qint64 count(const char *table) {
        return m_raw->scalar(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1StringView(table)));
    }
    qint64 balance(qint64 account) {
        return m_raw->scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = %1").arg(account));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LocalLedgerClient> m_client;
    std::unique_ptr<RawDb> m_raw;
    qint64 m_usd = 0, m_usd2 = 0, m_gold = 0, m_frozen = 0;
};

static const QByteArray Header =
    "kind,account,amount,reason_code,ticket,memo,idempotency_key,item_account,quantity\n";

void TestBulkImport::initTestCase() {
    QString error;
    const QString url =
        WalletDeskTest::databaseUrl(WalletDeskTest::availableBackends().value(0), m_dir, &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    {
        LedgerService service;
        QVERIFY(WalletDeskTest::await(service.open(*DatabaseUrl::parse(url, &error))).ok());
        const Actor root{QStringLiteral("root"), QStringLiteral("test")};
        QVERIFY(WalletDeskTest::await(service.run([](LedgerStore &s) {
                    return s.bootstrapAdmin(QStringLiteral("root"));
                })).ok());
        for (const Currency &c : {Currency{QStringLiteral("USD"), 2, QStringLiteral("US dollar")},
                                  Currency{QStringLiteral("GOLD"), 0, QStringLiteral("Gold")}})
            QVERIFY(WalletDeskTest::await(service.run([root, c](LedgerStore &s) {
                        return s.addCurrency(root, c);
                    })).ok());
        auto create = [&](const QString &currency, const QString &ref) {
            NewAccount a{currency, ref, ref, false};
            return WalletDeskTest::await(
                       service.run([root, a](LedgerStore &s) { return s.createAccount(root, a); }))
                ->id;
        };
        m_usd = create(QStringLiteral("USD"), QStringLiteral("p1"));
        m_usd2 = create(QStringLiteral("USD"), QStringLiteral("p2"));
        m_gold = create(QStringLiteral("GOLD"), QStringLiteral("p1"));
        m_frozen = create(QStringLiteral("USD"), QStringLiteral("p3"));
        const qint64 frozen = m_frozen;
        // Funded first, so that a withdrawal from it is refused for the freeze, not for the funds.
        PostingRequest seed;
        seed.accountId = frozen;
        seed.amount = 1000;
        seed.idempotencyKey = QStringLiteral("seed-frozen");
        QVERIFY(WalletDeskTest::await(service.post(root, seed)).ok());
        seed.accountId = m_usd; // and the buyer of the purchase rows
        seed.idempotencyKey = QStringLiteral("seed-usd");
        QVERIFY(WalletDeskTest::await(service.post(root, seed)).ok());
        QVERIFY(WalletDeskTest::await(service.run([root, frozen](LedgerStore &s) {
                    return s.setAccountState(root, frozen, AccountState::Frozen,
                                             QStringLiteral("fraud check"));
                })).ok());
        // A support agent, as a support desk imports (a supervisor may post to frozen accounts), whose limit
        // sends a large row to approval.
        OperatorInfo sam;
        sam.name = QStringLiteral("sam");
        sam.role = Role::Support;
        sam.limits.insert(QStringLiteral("USD"), 100000);
        QVERIFY(WalletDeskTest::await(service.run([root, sam](LedgerStore &s) {
                    return s.addOperator(root, sam);
                })).ok());
    }
    m_client = std::make_unique<LocalLedgerClient>();
    QVERIFY(
        WalletDeskTest::await(m_client->connectTo(*DatabaseUrl::parse(url, &error), QStringLiteral("sam")))
            .ok());
    m_raw = std::make_unique<RawDb>(url);
}

QString TestBulkImport::write(const QString &name, const QByteArray &content) {
    QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestBulkImport::everyRowGetsItsResult() {
    const QByteArray body = fill("deposit,%V,10.00,,SUP-1,,r-2,,\n" // 2 ok
                                 "withdrawal,%V,6.00,,,,r-3,,\n"    // 3 ok (after 2)
                                 "withdrawal,%V,6.00,,,,r-4,,\n"    // 4 overdraws only after 3
                                 "deposit,999999,1.00,,,,r-5,,\n"   // 5 unknown account
                                 "withdrawal,%F,1.00,,,,r-6,,\n"    // 6 frozen
                                 "deposit,%V,1.00,,,,r-2,,\n"       // 7 duplicate key
                                 "deposit,%V,1.005,,,,r-8,,\n"      // 8 bad decimals
                                 "deposit,%V,1.00\n"                // 9 wrong column count
                                 "refund,%V,1.00,,,,r-10,,\n"       // 10 unknown kind
                                 "deposit,%V,1.00,,,,,,\n"          // 11 missing key
                                 "deposit,%V,1\"0,,,,r-12,,\n"      // 12 stray quote
                                 "adjustment-credit,%V,2.50,GOODWILL,,\"a, b\",r-13,,\n" // 13 ok
                                 "bonus,%V,1.00,WELCOME,,,r-14,,\n"                      // 14 ok
                                 "purchase,%U,1.00,,,,r-15,%G,5\n"                       // 15 ok
                                 "purchase,%V,1.00,,,,r-16,,\n"
                                 "deposit,%V,5000.00,,,,r-17,,\n"); // 16 no item account
    const qint64 before = balance(m_usd2);
    const ImportReport r = run(write(QStringLiteral("rows.csv"), Header + body), true);
    QVERIFY2(r.fileError.isEmpty(), qPrintable(r.fileError));
    QCOMPARE(r.rows.size(), 16);
    const QList<O> expected{O::Ok,        O::Ok,           O::InsufficientFunds, O::UnknownAccount,
                            O::Frozen,    O::DuplicateKey, O::Malformed,         O::Malformed,
                            O::Malformed, O::Malformed,    O::Malformed,         O::Ok,
                            O::Ok,        O::Ok,           O::Malformed,         O::NeedsApproval};
    for (qsizetype i = 0; i < r.rows.size(); ++i) {
        QCOMPARE(r.rows.at(i).line, int(i + 2));
        QVERIFY2(r.rows.at(i).outcome == expected.at(i),
                 qPrintable(QStringLiteral("line %1: %2 %3")
                                .arg(r.rows.at(i).line)
                                .arg(ImportReport::outcomeName(r.rows.at(i).outcome), r.rows.at(i).message)));
    }
    QCOMPARE(r.rows.at(1).balanceAfter, before + 400); // after the deposit and this withdrawal
    QVERIFY(r.rows.at(6).message.contains(u"amount"));
    QVERIFY(r.rows.at(7).message.contains(u"3 fields, expected 9"));
    QVERIFY(r.rows.at(10).message.contains(u"stray quote"));
    QCOMPARE(r.okRows(), 5);
    QCOMPARE(r.refusedRows(), 10);
    const auto totals = r.totals();
    QCOMPARE(r.approvalRows(), 1);
    QCOMPARE(totals.value(QStringLiteral("USD")).in, 1000 + 250 + 100 + 500000);
    QCOMPARE(totals.value(QStringLiteral("USD")).out, 600 + 100);
    QCOMPARE(r.totalsText(), QStringList{QStringLiteral("USD: in 5013.50, out 7.00")});
    QCOMPARE(balance(m_usd2), before);
}

void TestBulkImport::aDryRunWritesNothing() {
    const QByteArray body = fill("deposit,%U,100.00,,,,dry-1,,\nwithdrawal,%U,1.00,,,,dry-2,,\n");
    const qint64 transactions = count("transactions"), entries = count("entries"), audit = count("audit_log"),
                 approvals = count("approvals");
    const ImportReport r = run(write(QStringLiteral("dry.csv"), Header + body), true);
    QCOMPARE(r.okRows(), 2);
    QCOMPARE(count("transactions"), transactions);
    QCOMPARE(count("entries"), entries);
    QCOMPARE(count("audit_log"), audit);
    QCOMPARE(count("approvals"), approvals);
}

void TestBulkImport::postingTwicePostsOnce() {
    const QByteArray body = fill("deposit,%U,5.00,,,,twice-1,,\n"
                                 "withdrawal,%U,999999.00,,,,twice-2,,\n" // refused, the rest goes on
                                 "deposit,%U,2.00,,,,twice-3,,\n");
    const QString path = write(QStringLiteral("twice.csv"), Header + body);
    const qint64 usd = balance(m_usd);
    const ImportReport first = run(path, false);
    QVERIFY2(first.fileError.isEmpty(), qPrintable(first.fileError));
    QCOMPARE(first.okRows(), 2);
    QCOMPARE(first.refusedRows(), 1);
    QCOMPARE(first.rows.at(1).outcome, O::InsufficientFunds);
    QVERIFY(first.rows.at(0).transactionId > 0);
    QCOMPARE(balance(m_usd), usd + 700);
    QCOMPARE(first.resultPath, m_dir.filePath(QStringLiteral("twice.result.csv")));
    QFile result(first.resultPath);
    QVERIFY(result.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = result.readAll().split('\n');
    QCOMPARE(lines.value(0), QByteArray("line,key,outcome,transaction_id,approval_id,message"));
    QVERIFY(lines.value(1).startsWith("2,twice-1,ok," + QByteArray::number(first.rows.at(0).transactionId)));
    QVERIFY(lines.value(2).startsWith("3,twice-2,would_overdraw,,,"));

    const qint64 transactions = count("transactions");
    const ImportReport again = run(path, false); // as after a crash: the same file again
    QCOMPARE(again.replayedRows(), 2);
    QCOMPARE(again.okRows(), 0);
    QCOMPARE(count("transactions"), transactions);
    QCOMPARE(balance(m_usd), usd + 700);
}

void TestBulkImport::hostileFiles() {
    // A byte-order mark is skipped.
    ImportReport r = run(
        write(QStringLiteral("bom.csv"), "\xEF\xBB\xBF" + Header + fill("deposit,%V,1,,,,bom-1,,\n")), true);
    QVERIFY2(r.fileError.isEmpty(), qPrintable(r.fileError));
    QCOMPARE(r.okRows(), 1);
    // Latin-1 (a spreadsheet's default "CSV") is refused as a whole, naming the first bad line.
    r = run(write(QStringLiteral("latin1.csv"),
                  Header + fill("deposit,%V,1,,,,l-1,,\ndeposit,%V,1,,,caf\xE9,l-2,,\n")),
            true);
    QVERIFY2(r.fileError.contains(u"line 3") && r.fileError.contains(u"UTF-8"), qPrintable(r.fileError));
    const qint64 transactions = count("transactions");
    r = run(m_dir.filePath(QStringLiteral("latin1.csv")), false);
    QVERIFY(r.fileError.contains(u"nothing was posted"));
    QCOMPARE(count("transactions"), transactions);
    // A file cut off inside its last row: that row is refused, the others are answered.
    r = run(
        write(QStringLiteral("cut.csv"), Header + fill("deposit,%V,1,,,,c-1,,\ndeposit,%V,1,,,\"half a me")),
        true);
    QCOMPARE(r.rows.size(), 2);
    QCOMPARE(r.rows.at(0).outcome, O::Ok);
    QCOMPARE(r.rows.at(1).outcome, O::Malformed);
    QVERIFY2(r.rows.at(1).message.contains(u"cut off"), qPrintable(r.rows.at(1).message));
    r = run(write(QStringLiteral("cut2.csv"), Header + fill("deposit,%V,1,,,,c-1,,\ndeposit,%V,1")), true);
    QCOMPARE(r.rows.at(1).outcome, O::Malformed);
    QVERIFY2(r.rows.at(1).message.contains(u"cut off"), qPrintable(r.rows.at(1).message));
    // A bad header refuses the file.
    r = run(write(QStringLiteral("header.csv"), "kind,account,amount\n"), true);
    QVERIFY(r.fileError.contains(u"line 1"));
}

void TestBulkImport::aLongLineIsRefusedAlone() {
    QByteArray content = Header + fill("deposit,%V,1,,,,long-1,,\ndeposit,%V,1,,,");
    content += QByteArray(2 * 1024 * 1024, 'x');
    content += fill(",long-2,,\ndeposit,%V,1,,,,long-3,,\n");
    const ImportReport r = run(write(QStringLiteral("long.csv"), content), true);
    QVERIFY2(r.fileError.isEmpty(), qPrintable(r.fileError));
    QCOMPARE(r.rows.size(), 3);
    QCOMPARE(r.rows.at(1).outcome, O::Malformed);
    QVERIFY(r.rows.at(1).message.contains(u"64 KiB"));
    QCOMPARE(r.rows.at(2).line, 4);
    QCOMPARE(r.rows.at(2).outcome, O::Ok);
}

void TestBulkImport::theOldHeaderIsRead() {
    const QByteArray content = "kind,account,amount,reason_code,ticket,memo,idempotency_key\n" +
                               fill("deposit,%V,1.25,,,,old-1\nadjustment-debit,%V,0.25,FIX,,,old-2\n");
    const ImportReport r = run(write(QStringLiteral("old.csv"), content), true);
    QVERIFY2(r.fileError.isEmpty(), qPrintable(r.fileError));
    QCOMPARE(r.okRows(), 2);
    QCOMPARE(r.rows.at(1).delta, -25);
}

void TestBulkImport::aMalformedRowNamesItsProblem_data() {
    QTest::addColumn<QByteArray>("row"); // %U %V %G as in fill()
    QTest::addColumn<QString>("message");
    QTest::newRow("decimals in a currency without")
        << QByteArray("deposit,%G,1.5,,,,m-1,,\n") << QStringLiteral("amount");
    QTest::newRow("negative amount") << QByteArray("deposit,%V,-5,,,,m-2,,\n") << QStringLiteral("amount");
    QTest::newRow("account not a number")
        << QByteArray("deposit,abc,1,,,,m-3,,\n") << QStringLiteral("account");
    QTest::newRow("adjustment without a reason")
        << QByteArray("adjustment-credit,%V,1,,,,m-4,,\n") << QStringLiteral("reason_code");
}

void TestBulkImport::aMalformedRowNamesItsProblem() {
    QFETCH(QByteArray, row);
    QFETCH(QString, message);
    const qint64 transactions = count("transactions");
    // A good row first: the bad one is refused alone, the good one is still answered.
    const ImportReport r =
        run(write(QStringLiteral("malformed.csv"), Header + fill("deposit,%V,1,,,,m-ok,,\n" + row)), true);
    QVERIFY2(r.fileError.isEmpty(), qPrintable(r.fileError));
    QCOMPARE(r.rows.size(), 2);
    QCOMPARE(r.rows.at(0).outcome, O::Ok);
    QCOMPARE(r.rows.at(1).outcome, O::Malformed);
    QVERIFY2(r.rows.at(1).message.contains(message), qPrintable(r.rows.at(1).message));
    QCOMPARE(count("transactions"), transactions);
}

void TestBulkImport::aHeaderWithoutRowsIsRefused() {
    const ImportReport r = run(write(QStringLiteral("empty.csv"), Header), true);
    QVERIFY2(r.fileError.contains(u"no rows"), qPrintable(r.fileError));
    QVERIFY(r.rows.isEmpty());
}

QTEST_MAIN(TestBulkImport)
#include "tst_bulkimport.moc"

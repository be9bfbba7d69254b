// Importing a CSV file of postings: every bad line is refused before anything is posted (the message names
// the line and the field), a good file posts exactly, and running the same file again posts nothing twice.
#include "csvimport.h"
#include "localledgerclient.h"
#include "testsupport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using WalletDeskTest::await;
using WalletDeskTest::RawDb;

class TestCsvImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void badFilesAreRefusedBeforeAnythingIsPosted_data();
    void badFilesAreRefusedBeforeAnythingIsPosted();
    void aGoodFilePostsExactlyAndTwiceIsOnce();
    void aRefusedLineStopsTheImportAndARerunFinishesIt();
    void quotedFieldsAndABomAreRead();

private:
    QString write(const QString &name, const QByteArray &content);
    qint64 balance(qint64 account) {
        return m_raw->scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = %1").arg(account));
    }
    qint64 transactions() { return m_raw->scalar(QStringLiteral("SELECT count(*) FROM transactions")); }

    QTemporaryDir m_dir;
    std::unique_ptr<LocalLedgerClient> m_client;
    std::unique_ptr<RawDb> m_raw;
    qint64 m_usd = 0, m_usd2 = 0, m_gold = 0;
};

static const QByteArray Header = "kind,account,amount,reason_code,ticket,memo,idempotency_key\n";

void TestCsvImport::initTestCase() {
    QString error;
    const QString url =
        WalletDeskTest::databaseUrl(WalletDeskTest::availableBackends().value(0), m_dir, &error);
    QVERIFY2(!url.isEmpty(), qPrintable(error));
    {
        LedgerService service;
        QVERIFY(await(service.open(*DatabaseUrl::parse(url, &error))).ok());
        const Actor root{QStringLiteral("root"), QStringLiteral("test")};
        QVERIFY(
            await(service.run([](LedgerStore &s) { return s.bootstrapAdmin(QStringLiteral("root")); })).ok());
        QVERIFY(
            await(service.run([root](LedgerStore &s) {
                return s.addCurrency(root, Currency{QStringLiteral("USD"), 2, QStringLiteral("US dollar")});
            })).ok());
        QVERIFY(await(service.run([root](LedgerStore &s) {
                    return s.addCurrency(root, Currency{QStringLiteral("GOLD"), 0, QStringLiteral("Gold")});
                })).ok());
        auto create = [&](const QString &currency, const QString &ref) {
            NewAccount a{currency, ref, ref, false};
            return await(service.run([root, a](LedgerStore &s) { return s.createAccount(root, a); }))->id;
        };
        m_usd = create(QStringLiteral("USD"), QStringLiteral("p1"));
        m_usd2 = create(QStringLiteral("USD"), QStringLiteral("p2"));
        m_gold = create(QStringLiteral("GOLD"), QStringLiteral("p1"));
    }
    m_client = std::make_unique<LocalLedgerClient>();
    QVERIFY(await(m_client->connectTo(*DatabaseUrl::parse(url, &error), QStringLiteral("root"))).ok());
    m_raw = std::make_unique<RawDb>(url);
}

QString TestCsvImport::write(const QString &name, const QByteArray &content) {
    QString path = m_dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCsvImport::badFilesAreRefusedBeforeAnythingIsPosted_data() {
    QTest::addColumn<QByteArray>("body"); // after the header; %1 %2 %3 = the USD, USD and GOLD accounts
    QTest::addColumn<QString>("message");
    QTest::newRow("bad kind on line 3")
        << QByteArray("deposit,%1,1.00,,,,k1\nrefund,%1,1.00,,,,k2\n") << QStringLiteral("line 3: kind");
    QTest::newRow("too many decimals")
        << QByteArray("deposit,%1,1.00,,,,k1\ndeposit,%2,1.005,,,,k2\n") << QStringLiteral("line 3: amount");
    QTest::newRow("decimals on an exponent-0 currency")
        << QByteArray("deposit,%3,1.5,,,,k1\n") << QStringLiteral("line 2: amount");
    QTest::newRow("negative amount") << QByteArray("deposit,%1,-5,,,,k1\n")
                                     << QStringLiteral("line 2: amount");
    QTest::newRow("unknown account") << QByteArray("deposit,%1,1,,,,k1\ndeposit,999999,1,,,,k2\n")
                                     << QStringLiteral("line 3: account");
    QTest::newRow("not a number") << QByteArray("deposit,abc,1,,,,k1\n") << QStringLiteral("line 2: account");
    QTest::newRow("adjustment without reason")
        << QByteArray("adjustment-credit,%1,1,,,,k1\n") << QStringLiteral("line 2: reason_code");
    QTest::newRow("duplicate key") << QByteArray("deposit,%1,1,,,,k1\ndeposit,%2,1,,,,k1\n")
                                   << QStringLiteral("line 3: idempotency_key");
    QTest::newRow("missing key") << QByteArray("deposit,%1,1,,,,\n")
                                 << QStringLiteral("line 2: idempotency_key");
    QTest::newRow("short line") << QByteArray("deposit,%1,1\n") << QStringLiteral("line 2: 3 fields");
    QTest::newRow("unclosed quote") << QByteArray("deposit,%1,1,,,\"memo,k1\n")
                                    << QStringLiteral("not closed");
    QTest::newRow("header only") << QByteArray() << QStringLiteral("no postings");
}

void TestCsvImport::badFilesAreRefusedBeforeAnythingIsPosted() {
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    // Plain replacement: QString::arg() would fill the lowest placeholder present, whichever it is.
    const QByteArray content = Header + QByteArray(body)
                                            .replace("%1", QByteArray::number(m_usd))
                                            .replace("%2", QByteArray::number(m_usd2))
                                            .replace("%3", QByteArray::number(m_gold));
    const qint64 before = transactions();
    const auto r = await(CsvImport::run(m_client.get(), write(QStringLiteral("bad.csv"), content)));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QCOMPARE(transactions(), before); // nothing written, not even the good first line
}

void TestCsvImport::aGoodFilePostsExactlyAndTwiceIsOnce() {
    const QByteArray content =
        Header + QStringLiteral("deposit,%1,100.25,,SUP-1,welcome,imp-1\n"
                                "deposit,%2,7.00,,,,imp-2\n"
                                "adjustment-debit,%1,0.25,GOODWILL,SUP-2,\"rounding, corrected\",imp-3\n"
                                "withdrawal,%2,2.50,,,,imp-4\n"
                                "deposit,%3,40,,,,imp-5\n")
                     .arg(m_usd)
                     .arg(m_usd2)
                     .arg(m_gold)
                     .toUtf8();
    const QString path = write(QStringLiteral("good.csv"), content);
    const qint64 usd = balance(m_usd), usd2 = balance(m_usd2), gold = balance(m_gold);
    const auto first = await(CsvImport::run(m_client.get(), path));
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
    QCOMPARE(first->lines, 5);
    QCOMPARE(first->posted, 5);
    QCOMPARE(balance(m_usd), usd + 10000);
    QCOMPARE(balance(m_usd2), usd2 + 450);
    QCOMPARE(balance(m_gold), gold + 40);
    QCOMPARE(m_raw->column(QStringLiteral("SELECT memo FROM transactions WHERE idempotency_key = 'imp-3'"))
                 .value(0)
                 .toString(),
             QStringLiteral("rounding, corrected"));

    const qint64 count = transactions();
    const auto again = await(CsvImport::run(m_client.get(), path));
    QVERIFY(again.ok());
    QCOMPARE(again->replayed, 5);
    QCOMPARE(again->posted, 0);
    QCOMPARE(transactions(), count);
    QCOMPARE(balance(m_usd), usd + 10000);
}

void TestCsvImport::aRefusedLineStopsTheImportAndARerunFinishesIt() {
    const qint64 usd2 = balance(m_usd2);
    // Line 3 withdraws more than the account holds: lines 2 is posted, 3 is refused, 4 waits.
    QByteArray content =
        Header + QStringLiteral("deposit,%1,1.00,,,,stop-1\nwithdrawal,%1,1000000.00,,,,stop-2\n"
                                "deposit,%1,2.00,,,,stop-3\n")
                     .arg(m_usd2)
                     .toUtf8();
    const auto r = await(CsvImport::run(m_client.get(), write(QStringLiteral("stop.csv"), content)));
    QVERIFY(!r.ok());
    QCOMPARE(r.error().code, ErrorCode::InsufficientFunds);
    QVERIFY2(r.error().message.contains(u"line 3"), qPrintable(r.error().message));
    QCOMPARE(balance(m_usd2), usd2 + 100);
    // The operator fixes line 3 and runs the file again: line 2 replays, the rest posts.
    content.replace("1000000.00", "3.00");
    const auto rerun = await(CsvImport::run(m_client.get(), write(QStringLiteral("stop.csv"), content)));
    QVERIFY2(rerun.ok(), rerun.ok() ? "" : qPrintable(rerun.error().message));
    QCOMPARE(rerun->replayed, 1);
    QCOMPARE(rerun->posted, 2);
    QCOMPARE(balance(m_usd2), usd2 + 100 - 300 + 200);
}

void TestCsvImport::quotedFieldsAndABomAreRead() {
    const QByteArray content =
        "\xEF\xBB\xBF" + Header + "deposit,1,1,,,\"say \"\"hi\"\"\nsecond line\",q-1\r\n";
    const auto parsed = CsvImport::parse(content);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->first().memo, QStringLiteral("say \"hi\"\nsecond line"));
    QCOMPARE(parsed->first().key, QStringLiteral("q-1"));
}

QTEST_MAIN(TestCsvImport)
#include "tst_csvimport.moc"

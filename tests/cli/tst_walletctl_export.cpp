// walletctl end to end: export accounts, journal and history as CSV files. The files are read back row by
// row (ids, amounts and balances exactly, times in ISO 8601 UTC), the filters narrow the rows, each export
// is in the audit log by the time walletctl exits, a journal longer than one page (walletd's 1,000 rows)
// arrives whole and in order, and every bad input is refused with its message and exit code and leaves no
// file. The harness and its checks are in walletctlfixture.h. Every case runs twice (global data "mode"): on
// the ledger's database (--db) and through walletd (--server).

#include "money.h"
#include "walletctlfixture.h"

namespace {

/// An ISO 8601 UTC time as the exports write it.
const QString Time = QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

} // namespace

class TestWalletctlExport : public WalletctlFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { addModes(); }
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }
    void cleanupTestCase() { tearDownCase(); }

    void accounts();
    void journalAndItsFilters();
    void history();
    void journalLongerThanAPage();
    void badInputWritesNoFile_data();
    void badInputWritesNoFile();

private:
    /// The file's lines, without the newline that ends the last.
    static QStringList lines(const QString &path) {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {QStringLiteral("<cannot read %1>").arg(path)};
        QString text = QString::fromUtf8(f.readAll());
        if (text.endsWith(u'\n'))
            text.chop(1);
        return text.split(u'\n');
    }
    /// `line` is `before`, then a time, then `after` (both literal).
    static bool timeBetween(const QString &line, const QString &before, const QString &after) {
        const QRegularExpression re(
            QStringLiteral("^%1%2%3$")
                .arg(QRegularExpression::escape(before), Time, QRegularExpression::escape(after)));
        return re.match(line).hasMatch();
    }
    /// The export records of the audit log: "operator|target|outcome|detail", oldest first.
    QStringList exportAudit() const {
        QStringList rows;
        QString why;
        const bool ok = withDatabase(&why, [&rows](QSqlDatabase &db, QString *err) {
            QSqlQuery q(db);
            if (!q.exec(
                    QStringLiteral("SELECT operator, target, outcome, detail FROM audit_log WHERE action = "
                                   "'export' ORDER BY id"))) {
                *err = q.lastError().text();
                return false;
            }
            while (q.next())
                rows << QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                    q.value(3).toString()}
                            .join(u'|');
            return true;
        });
        if (!ok)
            rows << why;
        return rows;
    }
    QString file(const QString &name) const { return m_dir.filePath(name); }
    /// Runs an export that must succeed and write `rows` rows to `path`, and checks its text output.
    void exportOk(const QStringList &args, const QString &path, int rows, const QString &op = {}) {
        const QStringList all =
            QStringList{QStringLiteral("export")} + args + QStringList{QStringLiteral("--csv"), path};
        const Run r = op.isEmpty() ? wc(all) : as(op, all);
        WC_OK(r);
        QCOMPARE(r.out, QStringLiteral("%1 %2 written to %3\n")
                            .arg(rows)
                            .arg(rows == 1 ? QStringLiteral("row") : QStringLiteral("rows"), path));
    }
};

void TestWalletctlExport::accounts() {
    WC_SEED();
    WC_OK(as(QStringLiteral("sue"),
             {QStringLiteral("freeze"), m_usd2, QStringLiteral("--reason"), QStringLiteral("chargeback")}));
    const QString header = QStringLiteral("id,kind,player,name,currency,state,allow_negative,balance,held,"
                                          "available,created_at,last_activity_at");
    const QString usd1 = QStringLiteral("%1,player,p1,p1,USD,active,false,50.00,0.00,50.00,").arg(m_usd1);
    const QString gold1 = QStringLiteral("%1,player,p1,p1,GOLD,active,false,0,0,0,").arg(m_gold1);
    const QString usd2 = QStringLiteral("%1,player,p2,p2,USD,frozen,false,0.00,0.00,0.00,").arg(m_usd2);
    auto rowIs = [](const QString &line, const QString &start) {
        return QRegularExpression(QStringLiteral("^%1%2,%2$").arg(QRegularExpression::escape(start), Time))
            .match(line)
            .hasMatch();
    };
    const QStringList auditBefore = exportAudit();

    // Every player account, in id order.
    const QString all = file(QStringLiteral("accounts.csv"));
    exportOk({QStringLiteral("accounts")}, all, 3);
    QStringList l = lines(all);
    QCOMPARE(l.size(), 4);
    QCOMPARE(l[0], header);
    QVERIFY2(rowIs(l[1], usd1), qPrintable(l[1]));
    QVERIFY2(rowIs(l[2], gold1), qPrintable(l[2]));
    QVERIFY2(rowIs(l[3], usd2), qPrintable(l[3]));

    // --currency narrows them.
    const QString usd = file(QStringLiteral("usd.csv"));
    exportOk({QStringLiteral("accounts"), QStringLiteral("--currency"), QStringLiteral("USD")}, usd, 2);
    l = lines(usd);
    QCOMPARE(l.size(), 3);
    QVERIFY2(rowIs(l[1], usd1) && rowIs(l[2], usd2), qPrintable(l.join(u'\n')));

    // --player is an exact reference (a prefix is not a player), in id order; with --currency one account.
    const QString p1 = file(QStringLiteral("p1.csv"));
    exportOk({QStringLiteral("accounts"), QStringLiteral("--player"), QStringLiteral("p1")}, p1, 2);
    l = lines(p1);
    QCOMPARE(l.size(), 3);
    QVERIFY2(rowIs(l[1], usd1) && rowIs(l[2], gold1), qPrintable(l.join(u'\n')));
    const QString p1gold = file(QStringLiteral("p1-gold.csv"));
    exportOk({QStringLiteral("accounts"), QStringLiteral("--player"), QStringLiteral("p1"),
              QStringLiteral("--currency"), QStringLiteral("GOLD")},
             p1gold, 1);
    l = lines(p1gold);
    QCOMPARE(l.size(), 2);
    QVERIFY2(rowIs(l[1], gold1), qPrintable(l[1]));

    // --system adds the four system accounts of each currency, whose balances (summed over their shards)
    // make every currency's total zero.
    const QString withSystem = file(QStringLiteral("system.csv"));
    exportOk({QStringLiteral("accounts"), QStringLiteral("--system")}, withSystem, 11);
    l = lines(withSystem);
    QCOMPARE(l.size(), 12);
    QMap<QString, qint64> totals;
    QStringList systemNames;
    qint64 previousId = 0;
    for (const QString &line : l.mid(1)) {
        const QStringList f = line.split(u',');
        QCOMPARE(f.size(), 12);
        QVERIFY2(f[0].toLongLong() > previousId, "in id order");
        previousId = f[0].toLongLong();
        const auto balance = Money::parse(f[7], f[4] == u"USD" ? 2 : 0);
        QVERIFY2(balance.ok(), qPrintable(line));
        totals[f[4]] += *balance.minor;
        if (f[1] == u"system") {
            QVERIFY2(f[2].isEmpty(), qPrintable(line));
            systemNames << f[4] + u' ' + f[3];
        }
    }
    QCOMPARE(totals.value(QStringLiteral("USD")), qint64(0));
    QCOMPARE(totals.value(QStringLiteral("GOLD")), qint64(0));
    systemNames.sort();
    QCOMPARE(systemNames, (QStringList{QStringLiteral("GOLD adjustments"), QStringLiteral("GOLD house"),
                                       QStringLiteral("GOLD promotions"), QStringLiteral("GOLD treasury"),
                                       QStringLiteral("USD adjustments"), QStringLiteral("USD house"),
                                       QStringLiteral("USD promotions"), QStringLiteral("USD treasury")}));
    QVERIFY2(l.filter(QRegularExpression(QStringLiteral("^\\d+,system,,treasury,USD,active,\\w+,-50\\.00,")))
                     .size() == 1,
             qPrintable(l.join(u'\n')));

    // --json says the same, and a viewer may export.
    const QString viewer = file(QStringLiteral("viewer.csv"));
    QJsonObject o;
    WC_JSON(as(QStringLiteral("vera"), {QStringLiteral("--json"), QStringLiteral("export"),
                                        QStringLiteral("accounts"), QStringLiteral("--csv"), viewer}),
            o);
    QCOMPARE(o, (QJsonObject{{QStringLiteral("export"), QStringLiteral("accounts")},
                             {QStringLiteral("format"), QStringLiteral("csv")},
                             {QStringLiteral("file"), viewer},
                             {QStringLiteral("rows"), 3}}));
    QCOMPARE(lines(viewer), lines(all));

    // Each export is in the audit log, as the operator who ran it, by the time walletctl has exited.
    QCOMPARE(exportAudit().mid(auditBefore.size()),
             (QStringList{
                 QStringLiteral("root|accounts|ok|3 rows to %1").arg(all),
                 QStringLiteral("root|accounts|ok|2 rows to %1; currency USD").arg(usd),
                 QStringLiteral("root|player:p1|ok|2 rows to %1").arg(p1),
                 QStringLiteral("root|player:p1|ok|1 rows to %1; currency GOLD").arg(p1gold),
                 QStringLiteral("root|accounts|ok|11 rows to %1; system accounts included").arg(withSystem),
                 QStringLiteral("vera|accounts|ok|3 rows to %1").arg(viewer),
             }));
}

void TestWalletctlExport::journalAndItsFilters() {
    WC_SEED();
    QString adjustment, samDeposit, gold;
    post({QStringLiteral("adjustment"), QStringLiteral("--account"), m_usd1, QStringLiteral("--amount"),
          QStringLiteral("-1.50"), QStringLiteral("--reason"), QStringLiteral("FIX"),
          QStringLiteral("--ticket"), QStringLiteral("T-1"), QStringLiteral("--memo"),
          QStringLiteral("double, credit"), QStringLiteral("--key"), QStringLiteral("exp-adj")},
         &adjustment);
    post({QStringLiteral("deposit"), QStringLiteral("--account"), m_usd2, QStringLiteral("--amount"),
          QStringLiteral("10"), QStringLiteral("--key"), QStringLiteral("exp-dep")},
         &samDeposit, QStringLiteral("sam"));
    post({QStringLiteral("deposit"), QStringLiteral("--account"), m_gold1, QStringLiteral("--amount"),
          QStringLiteral("7"), QStringLiteral("--key"), QStringLiteral("exp-gold")},
         &gold);
    if (QTest::currentTestFailed())
        return;
    const QString header = QStringLiteral(
        "time,transaction,kind,account,account_name,currency,amount,balance_after,operator,reason_code,memo");
    // The player entries, newest first; the memo with a comma is quoted.
    const QString goldRow = QStringLiteral(",%1,deposit,%2,p1 p1,GOLD,7,7,root,,").arg(gold, m_gold1);
    const QString samRow =
        QStringLiteral(",%1,deposit,%2,p2 p2,USD,10.00,10.00,sam,,").arg(samDeposit, m_usd2);
    const QString adjRow =
        QStringLiteral(",%1,adjustment,%2,p1 p1,USD,-1.50,48.50,root,FIX,\"double, credit\"")
            .arg(adjustment, m_usd1);
    const QString seedRow =
        QStringLiteral(",%1,deposit,%2,p1 p1,USD,50.00,50.00,root,,").arg(m_seedTxn, m_usd1);
    const QStringList auditBefore = exportAudit();

    struct Case {
        QString name;
        QStringList filters;
        QStringList rows;
        QString audit; ///< the filters as the audit record names them
    };
    const QList<Case> cases{
        {QStringLiteral("all"), {}, {goldRow, samRow, adjRow, seedRow}, {}},
        {QStringLiteral("deposits"),
         {QStringLiteral("--kind"), QStringLiteral("deposit")},
         {goldRow, samRow, seedRow},
         QStringLiteral("kind deposit")},
        {QStringLiteral("by-sam"),
         {QStringLiteral("--by"), QStringLiteral("sam")},
         {samRow},
         QStringLiteral("operator sam")},
        {QStringLiteral("usd"),
         {QStringLiteral("--currency"), QStringLiteral("USD")},
         {samRow, adjRow, seedRow},
         QStringLiteral("currency USD")},
        {QStringLiteral("usd-min"),
         {QStringLiteral("--currency"), QStringLiteral("USD"), QStringLiteral("--min-amount"),
          QStringLiteral("5")},
         {samRow, seedRow},
         QStringLiteral("currency USD, amount >= 500 minor units")},
        {QStringLiteral("usd-debits"),
         {QStringLiteral("--currency"), QStringLiteral("USD"), QStringLiteral("--max-amount"),
          QStringLiteral("0")},
         {adjRow},
         QStringLiteral("currency USD, amount <= 0 minor units")},
        {QStringLiteral("usd-exactly-10"),
         {QStringLiteral("--currency"), QStringLiteral("USD"), QStringLiteral("--min-amount"),
          QStringLiteral("10.00"), QStringLiteral("--max-amount"), QStringLiteral("10")},
         {samRow},
         QStringLiteral("currency USD, amount >= 1000 minor units, amount <= 1000 minor units")},
        {QStringLiteral("combined"),
         {QStringLiteral("--kind"), QStringLiteral("deposit"), QStringLiteral("--by"), QStringLiteral("root"),
          QStringLiteral("--currency"), QStringLiteral("USD")},
         {seedRow},
         QStringLiteral("kind deposit, operator root, currency USD")},
        {QStringLiteral("days-around"),
         {QStringLiteral("--from"), QStringLiteral("2000-01-01"), QStringLiteral("--to"),
          QStringLiteral("2999-12-31")},
         {goldRow, samRow, adjRow, seedRow},
         QStringLiteral("from 2000-01-01T00:00:00.000Z, before 3000-01-01T00:00:00.000Z")},
        {QStringLiteral("one-old-day"),
         {QStringLiteral("--from"), QStringLiteral("2000-01-01"), QStringLiteral("--to"),
          QStringLiteral("2000-01-01")},
         {},
         QStringLiteral("from 2000-01-01T00:00:00.000Z, before 2000-01-02T00:00:00.000Z")},
    };
    QStringList expectedAudit;
    for (const Case &c : cases) {
        const QString path = file(QStringLiteral("journal-%1.csv").arg(c.name));
        exportOk(QStringList{QStringLiteral("journal")} + c.filters, path, int(c.rows.size()));
        if (QTest::currentTestFailed())
            return;
        const QStringList l = lines(path);
        QVERIFY2(l.size() == c.rows.size() + 1 && l[0] == header, qPrintable(c.name + u'\n' + l.join(u'\n')));
        for (qsizetype i = 0; i < c.rows.size(); ++i)
            QVERIFY2(timeBetween(l[i + 1], {}, c.rows[i]),
                     qPrintable(QStringLiteral("%1 row %2: %3\nexpected TIME%4")
                                    .arg(c.name)
                                    .arg(i + 1)
                                    .arg(l[i + 1], c.rows[i])));
        expectedAudit << QStringLiteral("root|journal|ok|%1 rows to %2%3")
                             .arg(c.rows.size())
                             .arg(path, c.audit.isEmpty() ? QString() : QStringLiteral("; ") + c.audit);
    }

    // --system adds the counterpart legs: every transaction sums to zero per currency.
    const QString withSystem = file(QStringLiteral("journal-system.csv"));
    exportOk({QStringLiteral("journal"), QStringLiteral("--system")}, withSystem, 8, QStringLiteral("vera"));
    const QStringList l = lines(withSystem);
    QCOMPARE(l.size(), 9);
    QMap<QString, qint64> sums;
    for (const QString &line : l.mid(1)) {
        const QStringList f = line.split(u',');
        const auto amount = Money::parse(f.value(6), f.value(5) == u"USD" ? 2 : 0);
        QVERIFY2(amount.ok(), qPrintable(line));
        sums[f.value(1) + u' ' + f.value(5)] += *amount.minor;
    }
    QCOMPARE(sums.size(), 4);
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        QVERIFY2(it.value() == 0, qPrintable(it.key()));
    expectedAudit << QStringLiteral("vera|journal|ok|8 rows to %1; system accounts included").arg(withSystem);
    QCOMPARE(exportAudit().mid(auditBefore.size()), expectedAudit);
}

void TestWalletctlExport::history() {
    WC_SEED();
    QString adjustment, reversal;
    post({QStringLiteral("adjustment"), QStringLiteral("--account"), m_usd1, QStringLiteral("--amount"),
          QStringLiteral("-1.50"), QStringLiteral("--reason"), QStringLiteral("FIX"),
          QStringLiteral("--ticket"), QStringLiteral("T-1"), QStringLiteral("--memo"),
          QStringLiteral("double, credit"), QStringLiteral("--key"), QStringLiteral("exp-adj")},
         &adjustment);
    QJsonObject o;
    WC_JSON(as(QStringLiteral("sue"),
               {QStringLiteral("--json"), QStringLiteral("reverse"), adjustment, QStringLiteral("--reason"),
                QStringLiteral("wrong account"), QStringLiteral("--key"), QStringLiteral("exp-rev")}),
            o);
    reversal = o.value(QStringLiteral("transaction")).toString();
    QVERIFY(reversal.toLongLong() > 0);
    const QStringList auditBefore = exportAudit();

    const QString path = file(QStringLiteral("history.csv"));
    exportOk({QStringLiteral("history"), m_usd1}, path, 3);
    const QStringList l = lines(path);
    QCOMPARE(l.size(), 4);
    QCOMPARE(l[0], QStringLiteral("time,transaction,kind,amount,balance_after,reason_code,ticket,operator,"
                                  "idempotency_key,reverses,reversed_by,memo"));
    const QStringList rows{
        QStringLiteral(",%1,reversal,1.50,50.00,,,sue,exp-rev,%2,,wrong account").arg(reversal, adjustment),
        QStringLiteral(",%1,adjustment,-1.50,48.50,FIX,T-1,root,exp-adj,,%2,\"double, credit\"")
            .arg(adjustment, reversal),
        QStringLiteral(",%1,deposit,50.00,50.00,,,root,seed-1,,,").arg(m_seedTxn),
    };
    for (int i = 0; i < 3; ++i)
        QVERIFY2(timeBetween(l[i + 1], {}, rows[i]),
                 qPrintable(QStringLiteral("row %1: %2\nexpected TIME%3").arg(i + 1).arg(l[i + 1], rows[i])));

    // An account with no entries: the header alone.
    const QString empty = file(QStringLiteral("history-empty.csv"));
    exportOk({QStringLiteral("history"), m_gold1}, empty, 0);
    QCOMPARE(lines(empty), QStringList{l[0]});

    QCOMPARE(exportAudit().mid(auditBefore.size()),
             (QStringList{QStringLiteral("root|account:%1|ok|3 rows to %2").arg(m_usd1, path),
                          QStringLiteral("root|account:%1|ok|0 rows to %2").arg(m_gold1, empty)}));
}

void TestWalletctlExport::journalLongerThanAPage() {
    // A demo ledger's journal with its system legs has about 2,900 entries: two pages and a part, which
    // through walletd are requests of its largest page.
    WC_OK(
        wc({QStringLiteral("demo"), QStringLiteral("--players"), QStringLiteral("300"),
            QStringLiteral("--days"), QStringLiteral("10"), QStringLiteral("--seed"), QStringLiteral("7")}));
    struct Entry {
        qint64 transaction, account, amount;
        QString currency;
    };
    QList<Entry> expected;
    QHash<QString, int> exponents;
    QString why;
    QVERIFY2(
        withDatabase(&why,
                     [&](QSqlDatabase &db, QString *err) {
                         QSqlQuery q(db);
                         if (!q.exec(QStringLiteral("SELECT code, exponent FROM currencies"))) {
                             *err = q.lastError().text();
                             return false;
                         }
                         while (q.next())
                             exponents.insert(q.value(0).toString(), q.value(1).toInt());
                         if (!q.exec(QStringLiteral(
                                 "SELECT e.transaction_id, e.account_id, e.amount, a.currency FROM entries e "
                                 "JOIN accounts a ON a.id = e.account_id ORDER BY e.id DESC"))) {
                             *err = q.lastError().text();
                             return false;
                         }
                         while (q.next())
                             expected << Entry{q.value(0).toLongLong(), q.value(1).toLongLong(),
                                               q.value(2).toLongLong(), q.value(3).toString()};
                         return true;
                     }),
        qPrintable(why));
    QVERIFY2(expected.size() > 2000, "the journal must cross two page boundaries");

    const QString path = file(QStringLiteral("demo-journal.csv"));
    exportOk({QStringLiteral("journal"), QStringLiteral("--system")}, path, int(expected.size()));
    const QStringList l = lines(path);
    QCOMPARE(l.size(), expected.size() + 1);
    for (qsizetype i = 0; i < expected.size(); ++i) {
        // time,transaction,kind,account,account_name,currency,amount,...: names hold no comma in the demo
        const QStringList f = l[i + 1].split(u',');
        const Entry &e = expected[i];
        const auto amount = Money::parse(f.value(6), exponents.value(e.currency, -1));
        QVERIFY2(
            f.value(1).toLongLong() == e.transaction && f.value(3).toLongLong() == e.account &&
                f.value(5) == e.currency && amount.ok() && *amount.minor == e.amount,
            qPrintable(QStringLiteral("row %1: %2; expected transaction %3, account %4, %5 minor units of %6")
                           .arg(i + 1)
                           .arg(l[i + 1])
                           .arg(e.transaction)
                           .arg(e.account)
                           .arg(e.amount)
                           .arg(e.currency)));
    }
    const QStringList audit = exportAudit();
    QCOMPARE(audit.size(), 1);
    QCOMPARE(audit.first(), QStringLiteral("root|journal|ok|%1 rows to %2; system accounts included")
                                .arg(expected.size())
                                .arg(path));
}

void TestWalletctlExport::badInputWritesNoFile_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    // {out} is a file in a folder of its own, which must stay empty; {dir} is that folder.
    const QString csv = QStringLiteral("--csv"), out = QStringLiteral("{out}");
    QTest::newRow("nothing to export")
        << QStringList{QStringLiteral("export"), csv, out} << 2
        << QStringLiteral("export needs what to export: accounts, journal or history ID");
    QTest::newRow("unknown export")
        << QStringList{QStringLiteral("export"), QStringLiteral("ledger"), csv, out} << 2
        << QStringLiteral("unknown export \"ledger\"; export accounts, journal or history ID");
    QTest::newRow("missing --csv") << QStringList{QStringLiteral("export"), QStringLiteral("journal")} << 2
                                   << QStringLiteral("export writes a CSV file: give --csv FILE");
    QTest::newRow("empty --csv") << QStringList{QStringLiteral("export"), QStringLiteral("accounts"), csv,
                                                QString()}
                                 << 2 << QStringLiteral("--csv needs a file name");
    QTest::newRow("bad --from")
        << QStringList{QStringLiteral("export"), QStringLiteral("journal"),   csv, out,
                       QStringLiteral("--from"), QStringLiteral("2026-02-30")}
        << 2 << QStringLiteral("--from \"2026-02-30\" is not a day such as 2026-11-01");
    QTest::newRow("bad --to") << QStringList{QStringLiteral("export"), QStringLiteral("journal"),   csv, out,
                                             QStringLiteral("--to"),   QStringLiteral("01/03/2026")}
                              << 2 << QStringLiteral("--to \"01/03/2026\" is not a day such as 2026-11-01");
    QTest::newRow("--from after --to") << QStringList{QStringLiteral("export"),
                                                      QStringLiteral("journal"),
                                                      csv,
                                                      out,
                                                      QStringLiteral("--from"),
                                                      QStringLiteral("2026-03-02"),
                                                      QStringLiteral("--to"),
                                                      QStringLiteral("2026-03-01")}
                                       << 2 << QStringLiteral("--from must not be after --to");
    QTest::newRow("unknown account") << QStringList{QStringLiteral("export"), QStringLiteral("history"),
                                                    QStringLiteral("999999"), csv, out}
                                     << 3 << QStringLiteral("account 999999 does not exist");
    QTest::newRow("account id not a number")
        << QStringList{QStringLiteral("export"), QStringLiteral("history"), QStringLiteral("abc"), csv, out}
        << 2 << QStringLiteral("account \"abc\" is not a positive whole number");
    QTest::newRow("history without an id")
        << QStringList{QStringLiteral("export"), QStringLiteral("history"), csv, out} << 2
        << QStringLiteral("export history needs one account id");
    QTest::newRow("unknown player") << QStringList{QStringLiteral("export"),
                                                   QStringLiteral("accounts"),
                                                   QStringLiteral("--player"),
                                                   QStringLiteral("p"),
                                                   csv,
                                                   out}
                                    << 3 << QStringLiteral("player p has no account");
    QTest::newRow("unknown currency") << QStringList{QStringLiteral("export"),
                                                     QStringLiteral("journal"),
                                                     QStringLiteral("--currency"),
                                                     QStringLiteral("XYZ"),
                                                     csv,
                                                     out}
                                      << 3 << QStringLiteral("unknown currency XYZ");
    QTest::newRow("unknown currency of accounts") << QStringList{QStringLiteral("export"),
                                                                 QStringLiteral("accounts"),
                                                                 QStringLiteral("--currency"),
                                                                 QStringLiteral("XYZ"),
                                                                 csv,
                                                                 out}
                                                  << 3 << QStringLiteral("unknown currency XYZ");
    QTest::newRow("unknown transaction kind") << QStringList{QStringLiteral("export"),
                                                             QStringLiteral("journal"),
                                                             QStringLiteral("--kind"),
                                                             QStringLiteral("refund"),
                                                             csv,
                                                             out}
                                              << 2 << QStringLiteral("unknown transaction kind \"refund\"");
    QTest::newRow("amount without currency") << QStringList{QStringLiteral("export"),
                                                            QStringLiteral("journal"),
                                                            QStringLiteral("--min-amount"),
                                                            QStringLiteral("5"),
                                                            csv,
                                                            out}
                                             << 2 << QStringLiteral("--min-amount needs --currency");
    QTest::newRow("malformed amount")
        << QStringList{QStringLiteral("export"),
                       QStringLiteral("journal"),
                       QStringLiteral("--currency"),
                       QStringLiteral("USD"),
                       QStringLiteral("--max-amount"),
                       QStringLiteral("1e5"),
                       csv,
                       out}
        << 2 << QStringLiteral("--max-amount: amount \"1e5\" is not a plain decimal number");
    QTest::newRow("too many decimals") << QStringList{QStringLiteral("export"),
                                                      QStringLiteral("journal"),
                                                      QStringLiteral("--currency"),
                                                      QStringLiteral("USD"),
                                                      QStringLiteral("--min-amount"),
                                                      QStringLiteral("0.001"),
                                                      csv,
                                                      out}
                                       << 2 << QStringLiteral("(USD has 2 decimal places)");
    QTest::newRow("min above max") << QStringList{QStringLiteral("export"),
                                                  QStringLiteral("journal"),
                                                  QStringLiteral("--currency"),
                                                  QStringLiteral("USD"),
                                                  QStringLiteral("--min-amount"),
                                                  QStringLiteral("5"),
                                                  QStringLiteral("--max-amount"),
                                                  QStringLiteral("1"),
                                                  csv,
                                                  out}
                                   << 2 << QStringLiteral("--min-amount must not be above --max-amount");
    QTest::newRow("journal by account") << QStringList{QStringLiteral("export"),
                                                       QStringLiteral("journal"),
                                                       QStringLiteral("--account"),
                                                       QStringLiteral("{usd1}"),
                                                       csv,
                                                       out}
                                        << 2 << QStringLiteral("export journal has no --account filter");
    QTest::newRow("--operator is who acts")
        << QStringList{QStringLiteral("export"),
                       QStringLiteral("journal"),
                       QStringLiteral("--operator"),
                       QStringLiteral("root"),
                       csv,
                       out}
        << 2 << QStringLiteral("the journal's filter by operator is --by NAME");
    QTest::newRow("a journal filter on accounts")
        << QStringList{QStringLiteral("export"),
                       QStringLiteral("accounts"),
                       QStringLiteral("--kind"),
                       QStringLiteral("deposit"),
                       csv,
                       out}
        << 2 << QStringLiteral("export accounts does not take --kind");
    QTest::newRow("history takes no filter") << QStringList{QStringLiteral("export"),
                                                            QStringLiteral("history"),
                                                            QStringLiteral("{usd1}"),
                                                            QStringLiteral("--from"),
                                                            QStringLiteral("2026-01-01"),
                                                            csv,
                                                            out}
                                             << 2 << QStringLiteral("export history does not take --from");
    QTest::newRow("a statement option")
        << QStringList{QStringLiteral("export"), QStringLiteral("journal"), QStringLiteral("--pdf"), out} << 2
        << QStringLiteral("export journal does not take --pdf");
    QTest::newRow("--player and --system") << QStringList{QStringLiteral("export"),
                                                          QStringLiteral("accounts"),
                                                          QStringLiteral("--player"),
                                                          QStringLiteral("p1"),
                                                          QStringLiteral("--system"),
                                                          csv,
                                                          out}
                                           << 2 << QStringLiteral("--player and --system exclude each other");
    QTest::newRow("no such folder") << QStringList{QStringLiteral("export"), QStringLiteral("accounts"), csv,
                                                   QStringLiteral("{dir}/missing/accounts.csv")}
                                    << 2 << QStringLiteral("/missing is not a folder");
    QTest::newRow("--csv names a folder")
        << QStringList{QStringLiteral("export"), QStringLiteral("accounts"), csv, QStringLiteral("{dir}")}
        << 2 << QStringLiteral("it is a folder");
    // A folder nobody may create files in (even root: /proc is the kernel's).
    QTest::newRow("unwritable folder") << QStringList{QStringLiteral("export"), QStringLiteral("journal"),
                                                      csv, QStringLiteral("/proc/walletctl-export.csv")}
                                       << 2 << QStringLiteral("cannot write /proc/walletctl-export.csv: ");
}

void TestWalletctlExport::badInputWritesNoFile() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    WC_SEED();
    const QString dir = file(QStringLiteral("bad-%1").arg(QString::fromLatin1(QTest::currentDataTag())));
    QVERIFY(QDir().mkpath(dir));
    for (QString &a : args)
        a.replace(QStringLiteral("{out}"), dir + QStringLiteral("/out.csv"))
            .replace(QStringLiteral("{dir}"), dir);
    args = expand(args);
    Snapshot before;
    WC_SNAPSHOT(before);
    WC_FAILS(wc(args), exitCode, message);
    WC_UNCHANGED(before, QStringList{}); // not even an audit record: nothing was exported
    QCOMPARE(QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList{});
    QVERIFY(!QFile::exists(QStringLiteral("/proc/walletctl-export.csv")));
}

QTEST_GUILESS_MAIN(TestWalletctlExport)
#include "tst_walletctl_export.moc"

// Account statements (LedgerReader::statement, LedgerClient::statement, StatementRequest) on a ledger with
// postings on several days: a middle range's opening, entries, totals and closing asserted exactly; the
// range's ends to the millisecond; an empty range; the refusals; a player's statement; the audit rows; the
// digest against verify's. The same source runs on SQLite and on the fixture's PostgreSQL
// (WALLETDESK_TEST_BACKENDS).
#include "bulkjournal.h"
#include "ledgerreader.h"
#include "ledgerstore.h"
#include "localledgerclient.h"
#include "statementrange.h"
#include "statementrequest.h"
#include "testsupport.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QtTest>
#include <memory>

namespace {

constexpr qint64 Day = StatementRange::MsPerDay;
const Actor Root{QStringLiteral("root"), QStringLiteral("test")};

PostingRequest request(TransactionKind kind, qint64 account, qint64 amount) {
    PostingRequest r;
    r.kind = kind;
    r.accountId = account;
    r.amount = amount;
    return r;
}

} // namespace

class TestStatement : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void middleRange();
    void rangeEndsToTheMillisecond();
    void emptyRange();
    void refusals();
    void digestIsVerifysDigest();
    void throughTheClientAuditedAndPerPlayer();
    void tooManyEntriesAreRefused();

private:
    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<LedgerStore> m_store;
    qint64 m_start = 0; ///< day 0, 00:00 UTC, ten days ago
    qint64 m_usdA = 0, m_gemsA = 0, m_usdB = 0;
    OperatorInfo m_root;
};

void TestStatement::initTestCase() {
    QString error;
    const QString backend =
        qEnvironmentVariable("WALLETDESK_TEST_BACKENDS", QStringLiteral("sqlite")).section(u',', 0, 0);
    m_url = WalletDeskTest::databaseUrl(backend, m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    auto parsed = DatabaseUrl::parse(m_url, &error);
    QVERIFY(parsed);
    auto opened = LedgerStore::open(*parsed);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    m_store = std::move(opened).value();
    auto admin = m_store->bootstrapAdmin(Root.operatorName);
    QVERIFY(admin.ok());
    m_root = *admin;
    QVERIFY(m_store->addCurrency(Root, {QStringLiteral("USD"), 2, QStringLiteral("Dollar")}).ok());
    QVERIFY(m_store->addCurrency(Root, {QStringLiteral("GEMS"), 0, QStringLiteral("Gems")}).ok());

    m_start = (QDateTime::currentMSecsSinceEpoch() / Day - 10) * Day;
    const qint64 h = 3600000;
    auto loaded = m_store->bulkLoad(QStringLiteral("test"), "st-", [&](BulkJournal &j) -> Result<Done> {
        m_usdA = j.addAccount(0, QStringLiteral("USD"), m_start);
        m_gemsA = j.addAccount(0, QStringLiteral("GEMS"), m_start);
        m_usdB = j.addAccount(1, QStringLiteral("USD"), m_start);
        const struct {
            PostingRequest r;
            qint64 at;
        } plan[] = {
            {request(TransactionKind::Deposit, m_usdA, 10000), m_start + 10 * h},
            {request(TransactionKind::Deposit, m_usdB, 5000), m_start + 12 * h},
            {request(TransactionKind::Charge, m_usdA, 1234), m_start + Day + 9 * h},
            {request(TransactionKind::Win, m_usdA, 500), m_start + 2 * Day + 15 * h},
            {request(TransactionKind::Deposit, m_gemsA, 7), m_start + 2 * Day + 16 * h},
            {request(TransactionKind::Withdrawal, m_usdA, 2000),
             m_start + 4 * Day - 1},                                           // day 3, 23:59:59.999
            {request(TransactionKind::Bonus, m_usdA, 100), m_start + 4 * Day}, // day 4, 00:00
        };
        for (const auto &p : plan)
            if (auto done = j.post(p.r, m_root, p.at); !done)
                return done.error();
        return j.finish([](quint32 player) {
            return BulkJournal::Player{player == 0 ? QByteArray("A") : QByteArray("B"),
                                       player == 0 ? QByteArray("Ann") : QByteArray("Bob")};
        });
    });
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
}

void TestStatement::middleRange() {
    // Days 1 to 3: after the deposit of day 0, up to and including the withdrawal at 23:59:59.999 of day 3.
    const auto range =
        StatementRange::fromDays(QDateTime::fromMSecsSinceEpoch(m_start + Day, Qt::UTC).date(),
                                 QDateTime::fromMSecsSinceEpoch(m_start + 3 * Day, Qt::UTC).date());
    QVERIFY(range.ok());
    QCOMPARE(range->fromMs, m_start + Day);
    QCOMPARE(range->toMs, m_start + 4 * Day);
    const auto s = LedgerReader(*m_store).statement(m_usdA, range->fromMs, range->toMs);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QCOMPARE(s->sections.size(), 1);
    const StatementSection &sec = s->sections.first();
    QCOMPARE(sec.account.id, m_usdA);
    QCOMPARE(sec.account.currency, QStringLiteral("USD"));
    QCOMPARE(sec.account.exponent, 2);
    QCOMPARE(sec.account.playerRef, QStringLiteral("A"));
    QCOMPARE(sec.opening, qint64(10000));
    QCOMPARE(sec.lines.size(), 3);
    QCOMPARE(sec.lines[0].kind, TransactionKind::Charge);
    QCOMPARE(sec.lines[0].amount, qint64(-1234));
    QCOMPARE(sec.lines[0].balanceAfter, qint64(8766));
    QCOMPARE(sec.lines[0].createdAt, m_start + Day + qint64(9) * 3600000);
    QCOMPARE(sec.lines[0].operatorName, QStringLiteral("root"));
    QCOMPARE(sec.lines[1].kind, TransactionKind::Win);
    QCOMPARE(sec.lines[1].amount, qint64(500));
    QCOMPARE(sec.lines[1].balanceAfter, qint64(9266));
    QCOMPARE(sec.lines[2].kind, TransactionKind::Withdrawal);
    QCOMPARE(sec.lines[2].amount, qint64(-2000));
    QCOMPARE(sec.lines[2].balanceAfter, qint64(7266));
    QCOMPARE(sec.totalIn, qint64(500));
    QCOMPARE(sec.totalOut, qint64(3234));
    QCOMPARE(sec.closing, qint64(7266));
    QCOMPARE(sec.closing, sec.opening + sec.totalIn - sec.totalOut);
    QCOMPARE(sec.closing, sec.lines.last().balanceAfter);
    QCOMPARE(s->fromMs, range->fromMs);
    QCOMPARE(s->toMs, range->toMs);
    QCOMPARE(s->ledgerDigest.size(), 64);
}

void TestStatement::rangeEndsToTheMillisecond() {
    // The bonus at 00:00 of day 4 opens day 4 and belongs to no statement that ends with day 3.
    auto s = LedgerReader(*m_store).statement(m_usdA, m_start + 4 * Day, m_start + 5 * Day);
    QVERIFY(s.ok());
    QCOMPARE(s->sections[0].opening, qint64(7266));
    QCOMPARE(s->sections[0].lines.size(), 1);
    QCOMPARE(s->sections[0].lines[0].kind, TransactionKind::Bonus);
    QCOMPARE(s->sections[0].closing, qint64(7366));
    // Day 0 alone: the deposit, from an opening of nothing.
    s = LedgerReader(*m_store).statement(m_usdA, m_start, m_start + Day);
    QVERIFY(s.ok());
    QCOMPARE(s->sections[0].opening, qint64(0));
    QCOMPARE(s->sections[0].lines.size(), 1);
    QCOMPARE(s->sections[0].closing, qint64(10000));
}

void TestStatement::emptyRange() {
    const auto s = LedgerReader(*m_store).statement(m_usdA, m_start + 6 * Day, m_start + 8 * Day);
    QVERIFY(s.ok());
    const StatementSection &sec = s->sections.first();
    QVERIFY(sec.lines.isEmpty());
    QCOMPARE(sec.opening, qint64(7366));
    QCOMPARE(sec.closing, qint64(7366));
    QCOMPARE(sec.totalIn, qint64(0));
    QCOMPARE(sec.totalOut, qint64(0));
}

void TestStatement::refusals() {
    LedgerReader reader(*m_store);
    auto s = reader.statement(m_usdA, m_start + 2 * Day, m_start + Day);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    s = reader.statement(m_usdA, m_start, m_start + (StatementRange::MaxDays + 1) * Day);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(s.error().message.contains(u"ten years"), qPrintable(s.error().message));
    s = reader.statement(999999, m_start, m_start + Day);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::NotFound);

    const auto backwards =
        StatementRange::fromText(QStringLiteral("2026-05-10"), QStringLiteral("2026-05-09"));
    QVERIFY(!backwards.ok());
    QCOMPARE(backwards.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(backwards.error().message.contains(u"after"), qPrintable(backwards.error().message));
    QVERIFY(!StatementRange::fromText(QStringLiteral("2026-5-1"), QStringLiteral("2026-05-09")).ok());
    QVERIFY(!StatementRange::fromText(QStringLiteral("2016-01-01"), QStringLiteral("2026-01-01")).ok());
    QVERIFY(StatementRange::fromText(QStringLiteral("2016-01-02"), QStringLiteral("2026-01-01")).ok());
    const auto one = StatementRange::fromText(QStringLiteral("2026-05-10"), QStringLiteral("2026-05-10"));
    QVERIFY(one.ok());
    QCOMPARE(one->toMs - one->fromMs, Day);
    QCOMPARE(one->text(), QStringLiteral("2026-05-10..2026-05-10"));
}

void TestStatement::digestIsVerifysDigest() {
    const auto report = m_store->verify();
    QVERIFY(report.ok());
    QVERIFY2(report->ok, qPrintable(report->firstProblem));
    const auto digest = LedgerReader(*m_store).chainDigest();
    QVERIFY(digest.ok());
    QCOMPARE(*digest, report->digest);
    const auto s = LedgerReader(*m_store).statement(m_usdA, m_start, m_start + Day);
    QVERIFY(s.ok());
    QCOMPARE(s->ledgerDigest, report->digest);
}

void TestStatement::throughTheClientAuditedAndPerPlayer() {
    QString error;
    auto url = DatabaseUrl::parse(m_url, &error);
    QVERIFY(url);
    LocalLedgerClient client;
    QVERIFY(WalletDeskTest::await(client.open(*url, Root)).ok());
    const StatementRange range{m_start, m_start + 5 * Day};
    const auto s = WalletDeskTest::await(StatementRequest::forPlayer(&client, QStringLiteral("A"), range));
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QCOMPARE(s->generatedBy, QStringLiteral("root"));
    QCOMPARE(s->ledgerName, url->display());
    QCOMPARE(s->sections.size(), 2); // by currency: GEMS, then USD
    QCOMPARE(s->sections[0].account.id, m_gemsA);
    QCOMPARE(s->sections[0].lines.size(), 1);
    QCOMPARE(s->sections[0].closing, qint64(7));
    QCOMPARE(s->sections[1].account.id, m_usdA);
    QCOMPARE(s->sections[1].lines.size(), 5);
    QCOMPARE(s->sections[1].opening, qint64(0));
    QCOMPARE(s->sections[1].closing, qint64(7366));
    QCOMPARE(s->sections[1].totalIn, qint64(10600));
    QCOMPARE(s->sections[1].totalOut, qint64(3234));

    // Each account's statement is audited, with its range.
    const auto audit = LedgerReader(*m_store).audit(0, 5);
    QVERIFY(audit.ok());
    QStringList targets;
    for (const AuditRecord &r : *audit)
        if (r.action == u"statement" && r.outcome == u"ok")
            targets << r.target;
    QVERIFY2(targets.contains(QStringLiteral("account:%1").arg(m_usdA)), qPrintable(targets.join(u' ')));
    QVERIFY(targets.contains(QStringLiteral("account:%1").arg(m_gemsA)));
    QVERIFY(audit->first().detail.contains(range.text()));

    const auto none =
        WalletDeskTest::await(StatementRequest::forPlayer(&client, QStringLiteral("nobody"), range));
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, ErrorCode::NotFound);
    const auto refused = WalletDeskTest::await(client.statement(m_usdA, m_start + Day, m_start));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    const auto failed = LedgerReader(*m_store).audit(0, 1);
    QVERIFY(failed.ok());
    QCOMPARE(failed->first().action, QStringLiteral("statement"));
    QCOMPARE(failed->first().outcome, QStringLiteral("failed"));
}

void TestStatement::tooManyEntriesAreRefused() {
    if (m_store->dialect() != LedgerStore::Dialect::Sqlite)
        QSKIP("one backend is enough for the cap: the reader's loop is the same on both");
    qint64 heavy = 0;
    const qint64 from = m_start + 5 * Day;
    auto loaded = m_store->bulkLoad(QStringLiteral("test"), "cap-", [&](BulkJournal &j) -> Result<Done> {
        heavy = j.addAccount(2, QStringLiteral("GEMS"), from);
        for (qint64 i = 0; i <= StatementRange::MaxEntries; ++i)
            if (auto done = j.post(request(TransactionKind::Deposit, heavy, 1), m_root, from + i); !done)
                return done.error();
        return j.finish([](quint32) { return BulkJournal::Player{QByteArray("C"), QByteArray("Cat")}; });
    });
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
    auto s = LedgerReader(*m_store).statement(heavy, from, from + Day);
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(s.error().message.contains(u"200000"), qPrintable(s.error().message));
    // One millisecond less holds exactly the cap.
    s = LedgerReader(*m_store).statement(heavy, from + 1, from + Day);
    QVERIFY2(s.ok(), s.ok() ? "" : qPrintable(s.error().message));
    QCOMPARE(s->sections[0].lines.size(), StatementRange::MaxEntries);
    QCOMPARE(s->sections[0].closing, StatementRange::MaxEntries + 1);
}

QTEST_GUILESS_MAIN(TestStatement)
#include "tst_statement.moc"

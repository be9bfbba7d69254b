// A SQLite ledger on a full disk (issue 14): a tmpfs of 1 MiB that the test mounts (as root; CI runs as root).
// A posting that cannot be written is refused with an error naming the cause, nothing is half-written, reads go
// on (in the store and through walletd), and the ledger opens and verifies afterwards.
#include "ledgerstore.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace WalletdTest;
using namespace Qt::StringLiterals;

class TestDiskFull : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aFullDiskRefusesPostingsAndKeepsTheLedger();

private:
    QTemporaryDir m_dir;
    QString m_mount;
    bool m_mounted = false;
};

void TestDiskFull::initTestCase() {
    if (::geteuid() != 0)
        QSKIP("mounting a small tmpfs needs root (CI runs as root)");
    m_mount = m_dir.filePath(u"small"_s);
    QVERIFY(QDir().mkpath(m_mount));
    const int code = QProcess::execute(u"mount"_s, {u"-t"_s, u"tmpfs"_s, u"-o"_s, u"size=1m"_s, u"tmpfs"_s, m_mount});
    if (code != 0)
        QSKIP("this machine does not let the test mount a tmpfs (a container without CAP_SYS_ADMIN?)");
    m_mounted = true;
}

void TestDiskFull::cleanupTestCase() {
    if (m_mounted)
        QProcess::execute(u"umount"_s, {u"-l"_s, m_mount});
}

void TestDiskFull::aFullDiskRefusesPostingsAndKeepsTheLedger() {
    const QString path = m_mount + u"/ledger.sqlite"_s;
    DatabaseUrl url;
    url.path = path;
    const Actor root{u"root"_s, u"test"_s};
    qint64 account = 0;
    {
        auto created0 = LedgerStore::open(url);
        QVERIFY2(created0, qPrintable(created0 ? QString() : created0.error().message));
        const std::unique_ptr<LedgerStore> store = std::move(created0).value();
        QVERIFY(store->bootstrapAdmin(root.operatorName));
        QVERIFY(store->addCurrency(root, Currency{u"USD"_s, 2, u"US dollar"_s}));
        OperatorInfo game;
        game.name = u"game"_s;
        game.role = Role::Support;
        QVERIFY(store->addOperator(root, game));
        const auto created = store->createAccount(root, NewAccount{u"USD"_s, u"7000"_s, u"Player"_s, false});
        QVERIFY(created);
        account = created->id;
    }

    // Post until the disk is full (1 MiB holds a few thousand postings with their memos).
    auto opened = LedgerStore::open(url);
    QVERIFY(opened);
    std::unique_ptr<LedgerStore> store = std::move(opened).value();
    qint64 posted = 0;
    LedgerError refusal;
    for (int i = 0; i < 100000; ++i) {
        PostingRequest request;
        request.kind = TransactionKind::Deposit;
        request.idempotencyKey = u"fill-%1"_s.arg(i);
        request.accountId = account;
        request.amount = 100;
        request.memo = QString(400, u'm'); // fills the disk sooner
        const auto r = store->post(root, request);
        if (!r) {
            refusal = r.error();
            break;
        }
        posted += request.amount;
    }
    qInfo("refused after %lld cents: %s", posted, qPrintable(refusal.message));
    QVERIFY(posted > 0);
    QCOMPARE(refusal.code, ErrorCode::Database);
    QVERIFY2(refusal.message.contains(u"disk is full"_s), qPrintable(refusal.message));

    // Nothing half-written: the balance is exactly what was acknowledged; reads go on; so do refusals.
    const auto read = store->account(account);
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QCOMPARE(read->balance, posted);
    PostingRequest again;
    again.kind = TransactionKind::Deposit;
    again.idempotencyKey = u"after-full"_s;
    again.accountId = account;
    again.amount = 100;
    again.memo = QString(400, u'm');
    QVERIFY(!store->post(root, again));

    // walletd on the full disk: serves reads, refuses the posting with the cause, does not crash.
    {
        Walletd w;
        const QString started = w.start(u"sqlite:"_s + path);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        Http http;
        const Reply funds = http.request("GET", w.url(u"/getfunds?WalletID=7000"_s), {},
                                         {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
        QVERIFY2(funds.status == 200, funds.body.constData());
        QVERIFY2(funds.body.contains(QByteArray::number(posted / 100)), funds.body.constData());
        const Reply win = http.request("POST", w.url(u"/api/v1/win"_s),
                                       R"({"UserId":7000,"WinningEventId":1,"Amount":1.00})",
                                       {{"Authorization", "Bearer " + ServiceToken.toLatin1()}});
        QCOMPARE(win.status, 503);
        QCOMPARE(win.body, QByteArrayLiteral(R"({"success":false,"error":"Service unavailable"})"));
        QCOMPARE(w.stop(), 0);
    }

    // Space again (as an operator would make it): the ledger opens, verifies, and posts.
    store.reset();
    QCOMPARE(QProcess::execute(u"mount"_s, {u"-o"_s, u"remount,size=8m"_s, m_mount}), 0);
    auto reopened = LedgerStore::open(url);
    QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
    const auto report = (*reopened)->verify();
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QVERIFY(report->ok);
    QVERIFY((*reopened)->post(root, again));
    QCOMPARE((*reopened)->account(account)->balance, posted + 100);
    QCOMPARE((*reopened)->account(account)->balance % 100, 0); // whole postings only
}

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"

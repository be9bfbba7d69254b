// A SQLite ledger that cannot be written (issue 14): on read-only media (a read-only bind mount the test
// makes, as root; CI runs as root) and in a file this user may not write (chmod 0444, run as nobody when
// root). Reads, history and verify go on, in walletctl, the desktop's LocalLedgerClient and walletd; every
// write is refused with an error naming the cause; nothing is written; and once writable again the ledger
// opens, verifies and posts as before.
#include "ledgerstore.h"
#include "localledgerclient.h"
#include "mainwindow.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

using namespace WalletdTest;
using WalletDeskTest::await;
using namespace Qt::StringLiterals;

namespace {

const Actor Root{u"root"_s, u"test"_s};

/// A folder bind-mounted read-only elsewhere, unmounted when this goes (also when a check fails half-way).
struct ReadOnlyMount {
    ReadOnlyMount(const QString &source, const QString &target)
        : m_target(target) {
        if (!QDir().mkpath(target) || QProcess::execute(u"mount"_s, {u"--bind"_s, source, target}) != 0)
            return;
        m_mounted = true;
        // A bind mount takes its source's flags; read-only needs a remount of the bind itself.
        ok = QProcess::execute(u"mount"_s, {u"-o"_s, u"remount,ro,bind"_s, target}) == 0;
    }
    ~ReadOnlyMount() { release(); }
    Q_DISABLE_COPY_MOVE(ReadOnlyMount)
    bool release() {
        if (!m_mounted)
            return true;
        m_mounted = QProcess::execute(u"umount"_s, {m_target}) != 0 &&
                    QProcess::execute(u"umount"_s, {u"-l"_s, m_target}) != 0;
        return !m_mounted;
    }
    bool ok = false;

private:
    QString m_target;
    bool m_mounted = false;
};

struct Run {
    int code = -1;
    QString out;
    QString err;
};

qint64 deposit(LedgerStore &store, qint64 account, qint64 amount, const QString &key,
               TransactionKind kind = TransactionKind::Deposit) {
    PostingRequest r;
    r.kind = kind;
    r.idempotencyKey = key;
    r.accountId = account;
    r.amount = amount;
    const auto posted = store.post(Root, r);
    return posted ? posted->transactionId : 0;
}

} // namespace

class TestReadOnly : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void aLedgerOnReadOnlyMediaServesReadsAndRefusesWrites();
    void changesInTheLogAreReadOnReadOnlyMedia();
    void aFileThisUserMayNotWriteIsReadNotWritten();
    void anOlderSchemaIsNotMigratedThere();

private:
    /// A ledger at DIR/ledger.sqlite (prepareLedger's currencies and operators) with player 7000's USD
    /// account holding 11.25 after three postings; its account id.
    qint64 makeLedger(const QString &path);
    /// walletctl with `args`, as nobody when `asNobody` (this process being root).
    Run walletctl(const QStringList &args, bool asNobody = false);
    QString verifyDigest(const QString &path, bool asNobody = false);

    QTemporaryDir m_dir;
    QString m_walletctl;
};

void TestReadOnly::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_walletctl = qEnvironmentVariable("WALLETCTL");
    QVERIFY2(QFile::exists(m_walletctl), "set WALLETCTL to the walletctl binary (ctest does)");
    // nobody must be able to reach the ledgers (QTemporaryDir makes its folder 0700).
    QVERIFY(QFile::setPermissions(m_dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                    QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                    QFileDevice::ExeOther | QFileDevice::ReadGroup |
                                                    QFileDevice::ExeGroup));
}

qint64 TestReadOnly::makeLedger(const QString &path) {
    const QString prepared = prepareLedger(u"sqlite:"_s + path);
    if (!prepared.isEmpty()) {
        qWarning("%s", qPrintable(prepared));
        return 0;
    }
    DatabaseUrl url;
    url.path = path;
    auto opened = LedgerStore::open(url);
    if (!opened)
        return 0;
    LedgerStore &store = **opened;
    const auto created = store.createAccount(Root, NewAccount{u"USD"_s, u"7000"_s, u"Player"_s, false});
    if (!created)
        return 0;
    const qint64 id = created->id;
    if (!deposit(store, id, 1000, u"dep-1"_s) || !deposit(store, id, 250, u"dep-2"_s) ||
        !deposit(store, id, 125, u"wd-1"_s, TransactionKind::Withdrawal))
        return 0;
    return id;
}

Run TestReadOnly::walletctl(const QStringList &args, bool asNobody) {
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"WALLETDESK_DB"_s);
    env.insert(u"HOME"_s, m_dir.path()); // nobody cannot read root's
    p.setProcessEnvironment(env);
    if (asNobody)
        p.start(u"setpriv"_s,
                QStringList{u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s, m_walletctl} + args);
    else
        p.start(m_walletctl, args);
    Run r;
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit)
        return r;
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString TestReadOnly::verifyDigest(const QString &path, bool asNobody) {
    const Run r = walletctl({u"--db"_s, path, u"--json"_s, u"verify"_s}, asNobody);
    const QJsonObject report = QJsonDocument::fromJson(r.out.toUtf8()).object();
    if (r.code != 0 || !report.value(u"ok"_s).toBool()) {
        qWarning("verify of %s: exit %d: %s%s", qPrintable(path), r.code, qPrintable(r.out),
                 qPrintable(r.err));
        return {};
    }
    return report.value(u"digest"_s).toString();
}

void TestReadOnly::aLedgerOnReadOnlyMediaServesReadsAndRefusesWrites() {
    if (::geteuid() != 0)
        QSKIP("a read-only bind mount needs root (CI runs as root)");
    const QString source = m_dir.filePath(u"media"_s);
    QVERIFY(QDir().mkpath(source));
    const qint64 account = makeLedger(source + u"/ledger.sqlite"_s);
    QVERIFY(account > 0);
    const QString digest = verifyDigest(source + u"/ledger.sqlite"_s);
    QVERIFY(!digest.isEmpty());
    const QStringList filesBefore = QDir(source).entryList(QDir::Files);
    QCOMPARE(filesBefore,
             QStringList{u"ledger.sqlite"_s}); // closed cleanly: the log went with the last reader

    ReadOnlyMount mount(source, m_dir.filePath(u"ro"_s));
    if (!mount.ok)
        QSKIP("this machine does not let the test mount (a container without CAP_SYS_ADMIN?)");
    const QString path = m_dir.filePath(u"ro/ledger.sqlite"_s);
    QVERIFY(!QFile(m_dir.filePath(u"ro/probe"_s)).open(QIODevice::WriteOnly)); // read-only, even for root
    const QString refusal =
        u"the ledger file is on read-only media (%1): nothing can be posted or changed"_s.arg(path);
    const QString id = QString::number(account);

    // walletctl: reads and verify as on any ledger.
    Run r = walletctl({u"--db"_s, path, u"balance"_s, id});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(u"11.25 USD at "_s), qPrintable(r.out + r.err));
    QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
    r = walletctl({u"--db"_s, path, u"--json"_s, u"history"_s, id});
    QCOMPARE(r.code, 0);
    const QJsonArray entries = QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).toObject().value(u"balance_after"_s).toString(), u"11.25"_s);
    QCOMPARE(entries.at(0).toObject().value(u"amount"_s).toString(), u"-1.25"_s);
    QCOMPARE(entries.at(2).toObject().value(u"amount"_s).toString(), u"10.00"_s);
    QCOMPARE(verifyDigest(path), digest);

    // walletctl: a posting (and its dry run, and any other write) is refused with the cause, exit 6.
    r = walletctl({u"--db"_s, path, u"--as"_s, u"root"_s, u"post"_s, u"deposit"_s, u"--account"_s, id,
                   u"--amount"_s, u"1.00"_s, u"--key"_s, u"ro-1"_s});
    QCOMPARE(r.code, 6);
    QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    QCOMPARE(r.err, u"walletctl: %1\n"_s.arg(refusal));
    r = walletctl({u"--db"_s, path, u"--as"_s, u"root"_s, u"freeze"_s, id, u"--reason"_s, u"test"_s});
    QCOMPARE(r.code, 6);
    QVERIFY2(r.err.contains(u"on read-only media"_s), qPrintable(r.err));

    // The desktop's client: reads, verify, and the posting refused with the same error.
    {
        DatabaseUrl url;
        url.path = path;
        LocalLedgerClient client;
        const auto opened = await(client.open(url, Root));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
        const auto read = await(client.account(account));
        QVERIFY(read);
        QCOMPARE(read->balance, qint64(1125));
        const auto history = await(client.history(account, 0, 10));
        QVERIFY(history);
        QCOMPARE(history->size(), 3);
        PostingRequest request;
        request.kind = TransactionKind::Deposit;
        request.idempotencyKey = u"ro-desk"_s;
        request.accountId = account;
        request.amount = 100;
        const auto posted = await(client.post(request));
        QVERIFY(!posted);
        QCOMPARE(posted.error().code, ErrorCode::Database);
        QCOMPARE(posted.error().message, refusal);
        const auto verified = await(client.verify());
        QVERIFY2(verified && verified->ok,
                 qPrintable(verified ? verified->firstProblem : verified.error().message));
        QVERIFY(await(client.account(account))); // still serving reads
    }
    // The window: signed in, every write held back with the cause (root could do them all otherwise).
    {
        DatabaseUrl url;
        url.path = path;
        auto *client = new LocalLedgerClient; // the window takes it
        MainWindow window;
        const auto session = await(client->connectTo(url, u"root"_s));
        QVERIFY2(session, qPrintable(session ? QString() : session.error().message));
        QCOMPARE(session->readOnlyReason, refusal);
        window.setClient(client);
        QAction *newAccount = window.action(u"newAccount"_s);
        QVERIFY(!newAccount->isEnabled());
        QCOMPARE(newAccount->toolTip(), u"Nothing can be written to this ledger: "_s + refusal);
        QCOMPARE(window.statusBar()->currentMessage(), u"Read only: "_s + refusal);
        QVERIFY(window.action(u"verify"_s)->isEnabled());
    }

    // walletd: serves reads, answers a win 503 in its family's shape and a sign-in 503 naming the cause, and
    // is not ready (it cannot post) though alive.
    {
        Walletd w;
        const QString started = w.start(u"sqlite:"_s + path);
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY2(w.log().contains(refusal), qPrintable(w.log()));
        Http http;
        const QList<std::pair<QByteArray, QByteArray>> service{
            {"Authorization", "Bearer " + ServiceToken.toLatin1()}};
        Reply funds = http.request("GET", w.url(u"/getfunds?WalletID=7000"_s), {}, service);
        QVERIFY2(funds.status == 200, funds.body.constData());
        QVERIFY2(funds.body.contains("11.25"), funds.body.constData());
        const Reply win = http.request("POST", w.url(u"/api/v1/win"_s),
                                       R"({"UserId":7000,"WinningEventId":1,"Amount":1.00})", service);
        QCOMPARE(win.status, 503);
        QCOMPARE(win.body, QByteArrayLiteral(R"({"success":false,"error":"Service unavailable"})"));
        QCOMPARE(win.headers.value("retry-after"), QByteArrayLiteral("1"));
        const Reply login =
            http.post(w.url(u"/admin/v1/login"_s),
                      QJsonDocument(QJsonObject{{u"operator"_s, u"root"_s}, {u"password"_s, Password}})
                          .toJson(QJsonDocument::Compact));
        QCOMPARE(login.status, 503);
        QCOMPARE(login.code(), u"database_error"_s);
        QCOMPARE(login.error(), u"cannot sign in: "_s + refusal);
        const Reply ready = http.get(w.url(u"/readyz"_s));
        QCOMPARE(ready.status, 503);
        QCOMPARE(ready.json().value(u"status"_s).toString(), u"unavailable"_s);
        QCOMPARE(ready.json().value(u"reason"_s).toString(), refusal);
        QCOMPARE(http.get(w.url(u"/livez"_s)).status, 200);
        funds = http.request("GET", w.url(u"/getfunds?WalletID=7000"_s), {}, service);
        QVERIFY2(funds.status == 200 && funds.body.contains("11.25"), funds.body.constData());
        QCOMPARE(w.stop(), 0);
    }

    // Writable again (as an operator would remount it): the same ledger, nothing written meanwhile, and it
    // posts.
    QVERIFY(mount.release());
    QCOMPARE(QDir(source).entryList(QDir::Files), filesBefore);
    const QString writable = source + u"/ledger.sqlite"_s;
    QCOMPARE(verifyDigest(writable), digest);
    {
        DatabaseUrl url;
        url.path = writable;
        auto reopened = LedgerStore::open(url);
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
        QVERIFY((*reopened)->readOnlyReason().isEmpty());
        QVERIFY(deposit(**reopened, account, 100, u"ro-1"_s) > 0);
        QCOMPARE((*reopened)->account(account)->balance, qint64(1225));
    }
    QVERIFY(!verifyDigest(writable).isEmpty());
}

void TestReadOnly::changesInTheLogAreReadOnReadOnlyMedia() {
    if (::geteuid() != 0)
        QSKIP("a read-only bind mount needs root (CI runs as root)");
    // A ledger taken as it was while open: its last posting only in the write-ahead log (as after a crash, or
    // media made read-only under a running walletd). immutable=1 would not see that posting.
    const QString live = m_dir.filePath(u"live"_s), copy = m_dir.filePath(u"crashed"_s);
    QVERIFY(QDir().mkpath(live));
    QVERIFY(QDir().mkpath(copy));
    const qint64 account = makeLedger(live + u"/ledger.sqlite"_s);
    QVERIFY(account > 0);
    {
        DatabaseUrl url;
        url.path = live + u"/ledger.sqlite"_s;
        auto opened = LedgerStore::open(url);
        QVERIFY(opened);
        QVERIFY(deposit(**opened, account, 500, u"in-the-log"_s) > 0);
        QVERIFY(QFileInfo(url.path + u"-wal"_s).size() > 0);
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s})
            QVERIFY(QFile::copy(url.path + suffix, copy + u"/ledger.sqlite"_s + suffix));
    }
    ReadOnlyMount mount(copy, m_dir.filePath(u"crashed-ro"_s));
    if (!mount.ok)
        QSKIP("this machine does not let the test mount (a container without CAP_SYS_ADMIN?)");
    const QString path = m_dir.filePath(u"crashed-ro/ledger.sqlite"_s);
    Run r = walletctl({u"--db"_s, path, u"balance"_s, QString::number(account)});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(u"16.25 USD at "_s), qPrintable(r.out + r.err)); // the log's 5.00 included
    QVERIFY(!verifyDigest(path).isEmpty());
    r = walletctl({u"--db"_s, path, u"--as"_s, u"root"_s, u"post"_s, u"deposit"_s, u"--account"_s,
                   QString::number(account), u"--amount"_s, u"1.00"_s, u"--key"_s, u"ro-2"_s});
    QCOMPARE(r.code, 6);
    QVERIFY2(r.err.contains(u"on read-only media"_s), qPrintable(r.err));

    // Without the -shm file SQLite cannot read the log there: refused, saying what would help, rather than
    // showing the ledger without its last posting.
    QVERIFY(mount.release());
    QVERIFY(QFile::remove(copy + u"/ledger.sqlite-shm"_s));
    ReadOnlyMount again(copy, m_dir.filePath(u"crashed-ro"_s));
    QVERIFY(again.ok);
    r = walletctl({u"--db"_s, path, u"balance"_s, QString::number(account)});
    QCOMPARE(r.code, 6);
    QVERIFY2(r.err.contains(u"write-ahead log"_s) && r.err.contains(u"mount it read-write"_s),
             qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

void TestReadOnly::aFileThisUserMayNotWriteIsReadNotWritten() {
    // As root the file modes would not stop anything: walletctl then runs as nobody.
    const bool asNobody = ::geteuid() == 0;
    if (asNobody && QProcess::execute(u"setpriv"_s, {u"--reuid=65534"_s, u"--regid=65534"_s,
                                                     u"--clear-groups"_s, u"true"_s}) != 0)
        QSKIP("setpriv cannot run a command as nobody here");
    const QString folder = m_dir.filePath(u"mine"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString path = folder + u"/ledger.sqlite"_s;
    const qint64 account = makeLedger(path);
    QVERIFY(account > 0);
    const QString digest = verifyDigest(path);
    QVERIFY(!digest.isEmpty());
    const auto readOnlyFile = QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    const auto openFolder = readOnlyFile | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                            QFileDevice::ExeGroup | QFileDevice::ExeOther;
    const auto lockedFolder =
        readOnlyFile | QFileDevice::ExeOwner | QFileDevice::ExeGroup | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(path, readOnlyFile));
    // The folder is this user's: SQLite may create the -wal and -shm files it reads with.
    if (asNobody)
        QVERIFY(::chown(QFile::encodeName(folder).constData(), 65534, 65534) == 0 &&
                ::chown(QFile::encodeName(path).constData(), 65534, 65534) == 0);
    const QString id = QString::number(account);
    Run r = walletctl({u"--db"_s, path, u"balance"_s, id}, asNobody);
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(u"11.25 USD at "_s), qPrintable(r.out + r.err));
    QCOMPARE(verifyDigest(path, asNobody), digest);
    r = walletctl({u"--db"_s, path, u"--as"_s, u"root"_s, u"post"_s, u"deposit"_s, u"--account"_s, id,
                   u"--amount"_s, u"1.00"_s, u"--key"_s, u"ro-3"_s},
                  asNobody);
    QCOMPARE(r.code, 6);
    QCOMPARE(
        r.err,
        u"walletctl: the ledger file is not writable by this user (%1): nothing can be posted or changed\n"_s
            .arg(path));

    // Nor may this user create files beside it: said so, rather than "attempt to write a readonly database".
    for (const QString &suffix : {u"-wal"_s, u"-shm"_s})
        QFile::remove(path + suffix);
    if (asNobody)
        QVERIFY(::chown(QFile::encodeName(folder).constData(), 0, 0) == 0);
    else
        QVERIFY(QFile::setPermissions(folder, lockedFolder));
    r = walletctl({u"--db"_s, path, u"balance"_s, id}, asNobody);
    QCOMPARE(r.code, 6);
    QVERIFY2(r.err.contains(u"may not create files in %1"_s.arg(folder)), qPrintable(r.err));
    QVERIFY(QFile::setPermissions(folder, openFolder));
    if (asNobody)
        QVERIFY(::chown(QFile::encodeName(path).constData(), 0, 0) == 0);
    QVERIFY(QFile::setPermissions(path, readOnlyFile | QFileDevice::WriteOwner));
    QCOMPARE(verifyDigest(path), digest); // nothing was written
}

void TestReadOnly::anOlderSchemaIsNotMigratedThere() {
    if (::geteuid() != 0)
        QSKIP("a read-only bind mount needs root (CI runs as root)");
    // A ledger of the schema before this program's (its last migration's row taken out): opening it writable
    // would migrate it; on read-only media it cannot be, and is refused saying so.
    const QString source = m_dir.filePath(u"old"_s);
    QVERIFY(QDir().mkpath(source));
    QVERIFY(makeLedger(source + u"/ledger.sqlite"_s) > 0);
    {
        WalletDeskTest::RawDb raw(u"sqlite:"_s + source + u"/ledger.sqlite"_s);
        QString why;
        QVERIFY2(raw.exec(u"DELETE FROM schema_migrations WHERE version = %1"_s.arg(
                              LedgerStore::knownSchemaVersion()),
                          &why),
                 qPrintable(why));
    }
    ReadOnlyMount mount(source, m_dir.filePath(u"old-ro"_s));
    if (!mount.ok)
        QSKIP("this machine does not let the test mount (a container without CAP_SYS_ADMIN?)");
    const QString path = m_dir.filePath(u"old-ro/ledger.sqlite"_s);
    const Run r = walletctl({u"--db"_s, path, u"balance"_s, u"1"_s});
    QCOMPARE(r.code, 6);
    QCOMPARE(
        r.err,
        u"walletctl: sqlite:%1 has ledger schema version %2, older than this program's (%3), and it cannot "
        "be upgraded: the ledger file is on read-only media (%1): nothing can be posted or changed. Open "
        "it once where it can be written, or read it with the WalletDesk that wrote it\n"_s.arg(path)
            .arg(LedgerStore::knownSchemaVersion() - 1)
            .arg(LedgerStore::knownSchemaVersion()));
}

QTEST_MAIN(TestReadOnly)
#include "tst_readonly.moc"

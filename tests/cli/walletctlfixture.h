#pragma once

// What the walletctl end-to-end suites share (tests/cli/tst_walletctl_*.cpp): the real binary (ENV WALLETCTL)
// run with QProcess against a fresh ledger per test function, on the backend WALLETDESK_TEST_BACKENDS names.
// Every failing command is checked for its exit code, for an empty stdout, for exactly one stderr line that
// starts with "walletctl: " and names what was wrong, and for having written nothing: the ledger tables are
// compared through a raw connection before and after. The one thing a refusal may add is the audit row that
// records it (DESIGN.md, "Audit": denied and failed actions are recorded); requests that are malformed (exit
// 2) add no audit row either.
//
// Server mode (issue 15): a suite whose initTestCase_data() has a "server" row runs each case a second time
// with walletctl --server against a real walletd on this test's ledger (tests/server/walletdharness). run()
// then swaps --db for --server and writes the operator's password to stdin, giving each operator the password
// first; commands that only work on a database (WalletCtl::localOnlyReason) still run with --db, as a
// script's setup would. The sign-ins and password settings that server mode adds to the audit log are not
// counted by WC_UNCHANGED.

#include "databaseurl.h"
#include "ledgerstore.h"
#include "testsupport.h"
#include "walletdharness.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QUrl>
#include <QUuid>
#include <QtTest>

#include <algorithm>
#include <memory>
#include <numeric>
#include <utility>

/// One walletctl run.
struct Run {
    QStringList args;
    bool started = false;
    bool finished = false;
    bool crashed = false;
    int code = -1;
    QString out;
    QString err;

    bool ok() const { return started && finished && !crashed && code == 0 && err.isEmpty(); }
    QString describe() const {
        return QStringLiteral("walletctl %1\n  -> %2, exit code %3\n  stdout: %4\n  stderr: %5")
            .arg(args.join(u' '), !started    ? QStringLiteral("did not start")
                                  : !finished ? QStringLiteral("TIMED OUT")
                                  : crashed   ? QStringLiteral("CRASHED")
                                              : QStringLiteral("exited"))
            .arg(code)
            .arg(out.left(2000), err.left(2000));
    }
};

/// The rows of the ledger that a command must not touch when it fails (everything but the audit log), and
/// where the audit log ended.
struct Snapshot {
    QString ledger;
    qint64 lastAuditId = 0;
};

/// An environment override: a null QString removes the variable.
using Env = QMap<QString, QString>;

// Checks that keep their message when they fail (QVERIFY2 inside a helper would only leave the helper).
#define WC_OK(run)                                                                                           \
    do {                                                                                                     \
        const Run &r_ = (run);                                                                               \
        QVERIFY2(r_.ok(), qPrintable(r_.describe()));                                                        \
    } while (false)
#define WC_FAILS(run, exitCode, needle)                                                                      \
    do {                                                                                                     \
        QString why_;                                                                                        \
        QVERIFY2(failedCleanly((run), (exitCode), (needle), &why_), qPrintable(why_));                       \
    } while (false)
#define WC_JSON(run, object)                                                                                 \
    do {                                                                                                     \
        QString why_;                                                                                        \
        QVERIFY2(parseJson((run), &(object), &why_), qPrintable(why_));                                      \
    } while (false)
#define WC_SNAPSHOT(snapshot)                                                                                \
    do {                                                                                                     \
        QString why_;                                                                                        \
        QVERIFY2(takeSnapshot(&(snapshot), &why_), qPrintable(why_));                                        \
    } while (false)
/// Nothing written since `before` but the audit rows whose outcomes are listed (in order).
#define WC_UNCHANGED(before, auditOutcomes)                                                                  \
    do {                                                                                                     \
        QString why_;                                                                                        \
        QVERIFY2(unchangedSince((before), (auditOutcomes), &why_), qPrintable(why_));                        \
    } while (false)
#define WC_SEED()                                                                                            \
    do {                                                                                                     \
        seed();                                                                                              \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

class WalletctlFixture : public QObject {
    Q_OBJECT

protected:
    /// For the suites' initTestCase(): finds the binary and the backend.
    void setUpCase();
    /// For the suites' init(): a fresh ledger; in server mode (global data column "mode") walletd comes up
    /// at the first command that goes through it.
    void setUpTest();
    /// For the suites' cleanup(): stops this test's walletd (and on PostgreSQL drops its copy of the seed).
    void tearDownTest();
    /// For the suites' cleanupTestCase(): drops the seeded ledgers' PostgreSQL databases.
    void tearDownCase();
    /// The global data rows "local" and "server", for the suites' initTestCase_data().
    void addModes();
    bool serverMode() const { return m_serverMode; }

protected:
    QString m_walletctl;
    QString m_backend;
    QTemporaryDir m_dir;
    QString m_url; ///< this test function's ledger
    // Filled by seed():
    QString m_usd1, m_gold1, m_usd2; ///< accounts of players p1 (USD, GOLD) and p2 (USD)
    QString m_seedTxn;               ///< the 50.00 USD deposit to m_usd1

    bool pg() const { return m_backend == u"postgres"; }

    /// Runs walletctl on this test's ledger (server mode: through walletd, see above); `withDb` false gives
    /// the arguments as they are.
    Run run(const QStringList &args, const Env &env = {}, bool withDb = true) {
        QByteArray input;
        if (withDb && m_serverMode && throughServer(args, env, &input))
            return exec(QStringList{QStringLiteral("--server"), m_walletd->base()} + args, env, input);
        return exec(withDb ? QStringList{QStringLiteral("--db"), m_url} + args : args, env, {});
    }
    /// Runs walletctl with exactly `args`, and `input` on stdin.
    Run exec(const QStringList &args, const Env &env, const QByteArray &input) const {
        Run r;
        r.args = args;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.remove(QStringLiteral("WALLETDESK_DB"));
        e.insert(QStringLiteral("WALLETDESK_OPERATOR"), QStringLiteral("root"));
        for (auto it = env.cbegin(); it != env.cend(); ++it) {
            if (it.value().isNull())
                e.remove(it.key());
            else
                e.insert(it.key(), it.value());
        }
        QProcess p;
        p.setProcessEnvironment(e);
        p.start(m_walletctl, r.args);
        r.started = p.waitForStarted(30000);
        if (!r.started) {
            r.err = p.errorString();
            return r;
        }
        if (!input.isEmpty())
            p.write(input);
        p.closeWriteChannel();
        r.finished = p.waitForFinished(120000);
        if (!r.finished) {
            p.kill();
            p.waitForFinished(10000);
        }
        r.crashed = p.exitStatus() == QProcess::CrashExit;
        r.code = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }
    Run wc(const QStringList &args) { return run(args); }
    Run as(const QString &op, const QStringList &args) {
        return run(QStringList{QStringLiteral("--as"), op} + args);
    }

    /// Replaces {usd1}, {gold1}, {usd2} and {seed} in data rows with this ledger's ids.
    QStringList expand(QStringList args) const {
        for (QString &a : args)
            a.replace(QStringLiteral("{usd1}"), m_usd1)
                .replace(QStringLiteral("{gold1}"), m_gold1)
                .replace(QStringLiteral("{usd2}"), m_usd2)
                .replace(QStringLiteral("{seed}"), m_seedTxn);
        return args;
    }
    QString expand(QString text) const { return expand(QStringList{text}).constFirst(); }

    static bool failedCleanly(const Run &r, int exitCode, const QString &needle, QString *why) {
        auto no = [&](const QString &what) {
            *why = what + QStringLiteral("\n") + r.describe();
            return false;
        };
        if (!r.started || !r.finished || r.crashed)
            return no(QStringLiteral("walletctl did not run to an exit"));
        if (r.code != exitCode)
            return no(QStringLiteral("expected exit code %1").arg(exitCode));
        if (!r.out.isEmpty())
            return no(QStringLiteral("expected nothing on stdout"));
        if (!r.err.startsWith(u"walletctl: ") || !r.err.endsWith(u'\n') || r.err.count(u'\n') != 1)
            return no(QStringLiteral("expected exactly one stderr line starting with \"walletctl: \""));
        if (!r.err.contains(needle))
            return no(QStringLiteral("expected the message to name \"%1\"").arg(needle));
        return true;
    }

    static bool parseJson(const Run &r, QJsonObject *out, QString *why) {
        if (!r.ok()) {
            *why = QStringLiteral("expected success\n") + r.describe();
            return false;
        }
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            *why = QStringLiteral("stdout is not a JSON object (%1 at %2)\n")
                       .arg(error.errorString())
                       .arg(error.offset) +
                   r.describe();
            return false;
        }
        *out = doc.object();
        return true;
    }

    // --- raw database access, behind walletctl's back

    /// Runs `body` with a connection of its own to this test's ledger, closed again afterwards (so it never
    /// holds a lock or a snapshot while walletctl runs).
    template <typename F> bool withDatabase(QString *why, F &&body) const {
        return withDatabaseAt(m_url, why, std::forward<F>(body));
    }
    /// As withDatabase(), on the ledger at `urlText`.
    template <typename F> bool withDatabaseAt(const QString &urlText, QString *why, F &&body) const {
        QString error;
        const auto url = DatabaseUrl::parse(urlText, &error);
        if (!url) {
            *why = error;
            return false;
        }
        const QString name = QStringLiteral("tst-walletctl-") + QUuid::createUuid().toString(QUuid::Id128);
        bool ok = false;
        {
            QSqlDatabase db = url->addConnection(name);
            if (!db.open())
                *why = QStringLiteral("raw connection to %1 failed: %2")
                           .arg(url->display(), db.lastError().text());
            else
                ok = body(db, why);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    static bool dump(QSqlDatabase &db, const QString &sql, QString *out, QString *why) {
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            *why = QStringLiteral("%1: %2").arg(sql, q.lastError().text());
            return false;
        }
        *out += sql + u'\n';
        while (q.next()) {
            QStringList row;
            for (int i = 0; i < q.record().count(); ++i)
                row << q.value(i).toString();
            *out += QStringLiteral("  ") + row.join(u'|') + u'\n';
        }
        return true;
    }

    bool takeSnapshot(Snapshot *s, QString *why) const {
        return withDatabase(why, [s](QSqlDatabase &db, QString *err) {
            static const char *const queries[] = {
                "SELECT COUNT(*), COALESCE(MAX(id), 0) FROM transactions",
                "SELECT COUNT(*), COALESCE(SUM(amount), 0), COALESCE(MAX(id), 0) FROM entries",
                "SELECT id, state, hold_amount, COALESCE(checker_id, 0) FROM approvals ORDER BY id",
                "SELECT name, role, disabled FROM operators ORDER BY name",
                "SELECT operator_id, currency, max_amount FROM operator_limits ORDER BY operator_id, "
                "currency",
                "SELECT code, exponent, name FROM currencies ORDER BY code",
                "SELECT id, kind, currency, player_ref, state, allow_negative, balance, held FROM accounts "
                "ORDER BY id",
                "SELECT account_id, shard, balance FROM account_shards ORDER BY account_id, shard",
                "SELECT account_id, shard, day, closing, entry_count FROM daily_rollups ORDER BY account_id, "
                "shard, day",
                "SELECT chain, lane, last_id, head FROM chain_heads WHERE chain = 'journal' ORDER BY lane",
                "SELECT version FROM schema_migrations ORDER BY version",
            };
            s->ledger.clear();
            for (const char *sql : queries)
                if (!dump(db, QString::fromLatin1(sql), &s->ledger, err))
                    return false;
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM audit_log")) || !q.next()) {
                *err = q.lastError().text();
                return false;
            }
            s->lastAuditId = q.value(0).toLongLong();
            return true;
        });
    }

    bool unchangedSince(const Snapshot &before, const QStringList &auditOutcomes, QString *why) const {
        Snapshot after;
        if (!takeSnapshot(&after, why))
            return false;
        if (after.ledger != before.ledger) {
            *why = QStringLiteral("the ledger changed.\nbefore:\n%1\nafter:\n%2")
                       .arg(before.ledger, after.ledger);
            return false;
        }
        QStringList outcomes;
        const bool read = withDatabase(why, [&](QSqlDatabase &db, QString *err) {
            QSqlQuery q(db);
            if (!q.exec(
                    QStringLiteral("SELECT outcome, action, detail FROM audit_log WHERE id > %1 ORDER BY id")
                        .arg(before.lastAuditId))) {
                *err = q.lastError().text();
                return false;
            }
            while (q.next()) {
                if (m_serverMode && isServerAudit(q.value(1).toString(), q.value(0).toString()))
                    continue; // what going through walletd adds, not what the command did
                outcomes << q.value(0).toString() + QStringLiteral(" (") + q.value(1).toString() +
                                QStringLiteral(": ") + q.value(2).toString() + u')';
            }
            return true;
        });
        if (!read)
            return false;
        QStringList bare;
        for (const QString &o : std::as_const(outcomes))
            bare << o.section(u' ', 0, 0);
        if (bare != auditOutcomes) {
            *why = QStringLiteral("new audit rows: [%1], expected outcomes [%2]")
                       .arg(outcomes.join(QStringLiteral(", ")), auditOutcomes.join(QStringLiteral(", ")));
            return false;
        }
        return true;
    }

    bool rawExec(const QStringList &statements, QString *why) const {
        return withDatabase(why, [&](QSqlDatabase &db, QString *err) {
            for (const QString &sql : statements) {
                QSqlQuery q(db);
                if (!q.exec(sql)) {
                    *err = QStringLiteral("%1: %2").arg(sql, q.lastError().text());
                    return false;
                }
            }
            return true;
        });
    }

    // --- a small ledger most tests start from

    void createAccount(const QString &player, const QString &currency, QString *id) {
        QJsonObject o;
        WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("create"),
                    QStringLiteral("--player"), player, QStringLiteral("--currency"), currency}),
                o);
        *id = o.value(QStringLiteral("id")).toString();
        QVERIFY(!id->isEmpty());
    }

    /// Posts with --json and returns the transaction id.
    void post(const QStringList &args, QString *transaction, const QString &op = QStringLiteral("root")) {
        QJsonObject o;
        WC_JSON(as(op, QStringList{QStringLiteral("--json"), QStringLiteral("post")} + args), o);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("posted"));
        *transaction = o.value(QStringLiteral("transaction")).toString();
        QVERIFY(transaction->toLongLong() > 0);
    }

    /// init as root; USD (exponent 2) and GOLD (0); operators sam (support, limit 100.00 USD), sue
    /// (supervisor), sid (supervisor, limit 1.00 USD), vera (viewer); accounts p1 USD, p1 GOLD, p2 USD; 50.00
    /// USD on p1. This test then works on a ledger of its own: a copy of one that seedLedger() built the
    /// first time a test of this class and mode asked (a SQLite file copied, a PostgreSQL database created
    /// from it as a template). Building it takes a dozen walletctl runs (and in server mode a walletd and a
    /// password), which used to be the most of each data row's time; the copy has the same rows, ids,
    /// hashes and audit log, so what a test sees is the same.
    void seed();

    /// The balance of an account as walletctl --json account show reports it.
    void balanceOf(const QString &account, QString *balance, QString *held = nullptr) {
        QJsonObject o;
        WC_JSON(wc({QStringLiteral("--json"), QStringLiteral("account"), QStringLiteral("show"), account}),
                o);
        *balance = o.value(QStringLiteral("balance")).toString();
        if (held)
            *held = o.value(QStringLiteral("held")).toString();
    }

private:
    /// What server mode adds to the audit log around a command: its sign-in and sign-out, the passwords the
    /// fixture gives operators (or fails to give one that does not exist), and the start of a verification,
    /// which walletd audits and a database does not. A refused sign-in is the command's outcome and counts.
    static bool isServerAudit(const QString &action, const QString &outcome) {
        return action == u"operator-passwd" || action == u"verify" || action == u"logout" ||
               (action == u"login" && outcome == u"ok");
    }
    /// Server mode: whether `args` go through walletd; if so, starts it if needed, gives the operator a
    /// password, and sets `input` to that password for stdin.
    bool throughServer(const QStringList &args, const Env &env, QByteArray *input);

    /// The seed as it was always written: walletctl commands (through walletd in server mode) on m_url.
    void seedLedger();
    /// A seeded ledger that seed() copies, one per mode (the audit log of one seeded through walletd holds
    /// the sign-ins, and its root already has a password).
    struct SeededLedger {
        QString url; ///< empty until built
        QString usd1, gold1, usd2, seedTxn;
        QSet<QString> withPassword;
    };
    /// A new database holding a copy of `from` (stopped: nothing may be connected to it); its URL, or empty
    /// with *why set.
    QString copyLedger(const QString &from, QString *why);
    /// PostgreSQL: a database of this test process named `suffix`, dropped first if an earlier run left it.
    QString freshPostgresDatabase(const QString &suffix, const QString &templateName, QString *why);
    bool dropPostgresDatabase(const QString &url, QString *why);

    bool m_modes = false; ///< addModes() was called: the suite runs in both modes
    bool m_serverMode = false;
    std::unique_ptr<WalletdTest::Walletd> m_walletd;
    QSet<QString> m_withPassword; ///< operators given WalletdTest::Password in this test's ledger
    SeededLedger m_seeded[2];     ///< [serverMode]
    QString m_adminUrl;           ///< PostgreSQL: the fixture's database, where databases are created
    QStringList m_copies;         ///< PostgreSQL: this test's copies, dropped by tearDownTest()
    int m_copyCount = 0;
};

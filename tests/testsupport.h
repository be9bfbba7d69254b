#pragma once

// Helpers shared by the test executables (static library walletdesk_testsupport, see tests/CMakeLists.txt).

#include <QFuture>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QtTest/QTest>

#include <chrono>
#include <type_traits>

class QTemporaryDir;

namespace WalletDeskTest {

/// The backends a behavioural test should run against, for its _data() functions: the comma-separated list in
/// WALLETDESK_TEST_BACKENDS when that is set (so one source can be registered once as `sqlite` and once as
/// `postgres` with ENV WALLETDESK_TEST_BACKENDS=postgres); otherwise "sqlite", plus "postgres" when the
/// PostgreSQL fixture gave this process a URL file (WALLETDESK_TEST_PG_URL_FILE).
QStringList availableBackends();

/// A URL for an empty ledger database on `backend`, for LedgerStore::open / walletctl --db.
/// - "sqlite": "sqlite:DIR/ledger-N.sqlite", a file that does not exist yet, inside `dir`, which the caller
///   keeps alive for as long as the database is used (each call gives a new file).
/// - "postgres": the fixture's URL (read from the file named by WALLETDESK_TEST_PG_URL_FILE) after
///   DROP SCHEMA public CASCADE; CREATE SCHEMA public, so each test starts on an empty database. Tests on
///   this backend share one database, so CTest runs them one at a time (RESOURCE_LOCK postgres).
/// On failure returns an empty string and sets *error (when given) to a message that says why.
QString databaseUrl(const QString &backend, const QTemporaryDir &dir, QString *error = nullptr);

/// The permission bits of `path` (st_mode & 07777, e.g. 0600), or -1 when it does not exist.
int fileMode(const QString &path);

/// How long await() waits before it gives up on a future.
inline constexpr std::chrono::milliseconds awaitTimeout{std::chrono::minutes(5)};

/// Waits for `future`, processing events meanwhile (so queued signals and continuations on this thread run),
/// and returns its result. A future that never finishes aborts the test with a message instead of hanging it.
template <typename T> T await(QFuture<T> future) {
    if (!QTest::qWaitFor([&future] { return future.isFinished(); }, int(awaitTimeout.count())))
        qFatal("WalletDeskTest::await: the future did not finish within %lld ms",
               qlonglong(awaitTimeout.count()));
    if constexpr (std::is_void_v<T>) {
        future.waitForFinished(); // rethrows an exception stored in the future
    } else if constexpr (std::is_copy_constructible_v<T>) {
        return future.result();
    } else {
        return future.takeResult();
    }
}

/// A raw connection to a ledger's database, as its owner, on the calling thread: for checking what the
/// program wrote, and for tampering behind its back.
class RawDb {
public:
    explicit RawDb(const QString &urlText);
    ~RawDb();
    Q_DISABLE_COPY_MOVE(RawDb)
    bool pg() const { return m_pg; }
    QSqlDatabase db() const;
    /// The first column of the first row; aborts the test run when the query fails.
    qint64 scalar(const QString &sql);
    /// The first column of every row.
    QVariantList column(const QString &sql);
    bool exec(const QString &sql, QString *error = nullptr);

private:
    QString m_name;
    bool m_pg = false;
};

} // namespace WalletDeskTest

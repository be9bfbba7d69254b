#pragma once

// What the walletd tests share (static library walletd_testharness): a prepared ledger, a real walletd
// process on loopback (port 0), a small synchronous HTTP client and a raw SQL connection for checking rows.

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSqlDatabase>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace WalletdTest {

inline const QString Password = QStringLiteral("correct horse battery");
inline const QString ServiceToken = QStringLiteral("game-token-1");

/// Fills a new ledger at `url`: currencies USD (2) and GOLD (0); operators root (admin), game (support, the
/// game API's operator, no limit), sam (support, limit 100.00 USD), sue (supervisor), vera (viewer), each
/// with the password Password. Returns an empty string or what went wrong.
QString prepareLedger(const QString &url);

/// A walletd process. The binary is $WALLETD.
class Walletd {
public:
    Walletd() = default;
    ~Walletd();
    Q_DISABLE_COPY_MOVE(Walletd)

    /// Starts walletd on `dbUrl` (--listen 127.0.0.1:0, a config file with the service token and
    /// game_currency) plus `extra` arguments; waits for "listening on ...". Returns an error text or empty.
    QString start(const QString &dbUrl, const QStringList &extra = {},
                  const QString &gameCurrency = QStringLiteral("USD"));
    /// As start(), with a config file that holds only the service token: walletd's own game currency and
    /// game operator.
    QString startWithGameDefaults(const QString &dbUrl);
    /// As start(), with no service token: the game API is off, and walletd does not look for its game
    /// currency and operator (walletctl --server's tests, on ledgers that have neither).
    QString startAdminOnly(const QString &dbUrl);
    /// Sends SIGTERM and waits; returns the exit code (-1 on a crash or timeout).
    int stop();
    QUrl url(const QString &pathAndQuery) const;
    QString base() const { return m_base; }
    /// stderr so far (the access log and warnings).
    QString log();
    QProcess &process() { return m_process; }

private:
    QString launch(const QString &dbUrl, const QByteArray &configLines, const QStringList &extra,
                   bool withServiceToken = true);

    QProcess m_process;
    QTemporaryDir m_dir;
    QString m_base;
    QByteArray m_err;
};

struct Reply {
    int status = 0; ///< 0: no HTTP answer (connection refused, reset)
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; ///< names in lower case
    QJsonObject json() const;
    QString error() const; ///< admin API: error.message
    QString code() const;  ///< admin API: error.code
};

/// Synchronous HTTP over one QNetworkAccessManager; waits for the answer while processing events.
class Http {
public:
    Reply request(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                  const QList<std::pair<QByteArray, QByteArray>> &headers = {});
    Reply get(const QUrl &url, const QString &token = {});
    Reply post(const QUrl &url, const QByteArray &body, const QString &token = {},
               const QByteArray &idempotencyKey = {});
    /// POST /admin/v1/login; returns the token or an empty string.
    QString login(const Walletd &w, const QString &name, const QString &password = Password);
    QNetworkAccessManager &manager() { return m_nam; }

private:
    QNetworkAccessManager m_nam;
};

/// What each end-to-end test function starts from: a fresh ledger (prepareLedger) on the backend under test
/// (WALLETDESK_TEST_BACKENDS) and a walletd on it, signed in as root. Test classes derive from it; QTest runs
/// its init() and cleanup() around every test function and every data row.
class WalletdTestCase : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

protected:
    /// A player account over the admin API, as root; its id.
    qint64 createPlayer(const QString &player, const QString &currency = QStringLiteral("USD"));
    /// A deposit of `amount` minor units as root, with the idempotency key `key`.
    void deposit(qint64 account, qint64 amount, const QByteArray &key);
    /// A wallet-server family body: {"UserId": user, "<idField>": event, "Amount": amount}.
    static QByteArray charge(const char *idField, qint64 user, qint64 event, const QByteArray &amount);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_url;
    std::unique_ptr<Walletd> m_walletd;
    Http m_http;
    QString m_root; ///< root's token
};

/// A raw connection for checking rows (its own connection name; closed when destroyed).
class RawDb {
public:
    explicit RawDb(const QString &url);
    ~RawDb();
    Q_DISABLE_COPY_MOVE(RawDb)
    qint64 scalar(const QString &sql, const QVariantList &values = {});
    bool exec(const QString &sql, const QVariantList &values = {});
    QSqlDatabase database() const;

private:
    QString m_name;
};

} // namespace WalletdTest

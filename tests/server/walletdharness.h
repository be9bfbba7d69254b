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
    /// Sends SIGTERM and waits; returns the exit code (-1 on a crash or timeout).
    int stop();
    QUrl url(const QString &pathAndQuery) const;
    QString base() const { return m_base; }
    /// stderr so far (the access log and warnings).
    QString log();
    QProcess &process() { return m_process; }

private:
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

#pragma once

#include "adminapi.h"
#include "apirequest.h"
#include "chargebatcher.h"
#include "gameapi.h"
#include "ledgerservice.h"
#include "serverconfig.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHash>
#include <QTimer>
#include <memory>
#include <vector>

/// walletd: the HTTP(S) server over a ledger. It routes itself (rather than through QHttpServer's router) so
/// that every request, matched or not, gets a JSON answer, an access-log line and the body limit, and so that
/// answers can come later from a worker thread (QHttpServerResponder is moved into the answer).
///
/// Three ledger workers, each with its own connection: writes (postings, the group-commit batches), reads
/// (lists, which must not wait behind a batch's fsync) and sign-ins (the password KDF takes tens of ms).
class WalletServer final : public QAbstractHttpServer {
    Q_OBJECT
public:
    explicit WalletServer(ServerConfig config, QObject *parent = nullptr);
    ~WalletServer() override;
    Q_DISABLE_COPY_MOVE(WalletServer)

    /// Opens the ledger's connections (and migrates it). Blocks. ErrorCode::Database when the database cannot
    /// be reached: the caller may wait and call it again.
    Result<Done> openLedger();
    /// After openLedger(): checks that the game currency and operator exist in the ledger (InvalidArgument if
    /// not), loads TLS and starts listening. Blocks.
    Result<Done> start();
    quint16 port() const { return m_port; }
    QString baseUrl() const;

    /// Stops accepting connections; emits drained() once every request in flight has been answered.
    void shutdown();

Q_SIGNALS:
    void drained();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void finishOne();
    /// The game currency's exponent, or InvalidArgument naming the game currency or operator this ledger
    /// lacks.
    Result<int> checkGameSettings(LedgerStore &store) const;
    /// GET /livez (the process serves) and GET /readyz (the ledger answers, schema current, and can be
    /// written).
    void probe(bool readiness, const Respond &respond);

    ServerConfig m_config;
    LedgerService m_write;
    LedgerService m_read;
    LedgerService m_auth;
    /// More writers for the group commit on PostgreSQL (one batch in flight per connection).
    std::vector<std::unique_ptr<LedgerService>> m_extraWriters;
    std::unique_ptr<ChargeBatcher> m_batcher;
    std::unique_ptr<VerifyJobs> m_verifyJobs;
    std::unique_ptr<AdminApi> m_admin;
    std::unique_ptr<GameApi> m_game;
    quint16 m_port = 0;
    qint64 m_inFlight = 0;
    /// Requests not yet answered, by number: when each came and how to answer it. A sweep once a second
    /// answers those past the deadline (one timer for all, rather than a timer per request at tens of
    /// thousands a second).
    struct Pending {
        qint64 startedMs = 0;
        QString path; ///< for the answer's shape (a game API family's, or the admin API's)
        Respond respond;
    };
    QHash<quint64, Pending> m_pending;
    quint64 m_lastRequest = 0;
    QTimer m_deadlineSweep;
    void sweepDeadlines();
    /// A 503 for `path` that walletd gives itself (a drain, a deadline), in the shape of the path's API.
    static ApiResponse unavailable(const QString &path, const QString &message);
    bool m_draining = false;
    /// Why the ledger cannot be written (a SQLite file on read-only media): reads are served, every write is
    /// refused with it, and /readyz answers 503 with it. Empty when it can be written.
    QString m_readOnlyReason;
};

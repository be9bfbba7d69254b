// walletd under load: a real walletd process on loopback, driven by an HTTP/1.1 keep-alive load generator in
// this process (64 connections by default), next to the raw single-commit rate of the same database measured
// in the same run (one tiny INSERT per COMMIT: what one fsync per request would allow).
//
//   bench_walletd [--db URL] [--connections N] [--seconds S] [--walletd PATH]
//
// Phases: (1) the raw single-commit rate; (2) reads: GET /getfunds on random wallets; (3) durable charges:
// POST /api/v1/charge with unique event ids, answered only after their batch committed (group commit);
// (4) the same charges with group commit off (max_batch = 1), for comparison. Each phase prints requests/s,
// p50 and p99 latency, and how many answers were not 200.

#include "ledgerservice.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

namespace {

constexpr int Players = 1000;
const QByteArray Token = QByteArrayLiteral("bench-token");

struct Figures {
    double perSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    qint64 requests = 0;
    qint64 failures = 0;
};

/// N keep-alive connections, each sending the next request as soon as the previous answer is complete.
class Load final : public QObject {
public:
    using Make = std::function<QByteArray(qint64 sequence)>;

    Figures run(const QString &host, quint16 port, int connections, int seconds, Make make) {
        m_make = std::move(make);
        m_deadline.start();
        m_seconds = seconds;
        for (int i = 0; i < connections; ++i) {
            auto c = std::make_unique<Conn>();
            Conn *conn = c.get();
            connect(&conn->socket, &QTcpSocket::readyRead, this, [this, conn] { onRead(conn); });
            conn->socket.connectToHost(host, port);
            conn->socket.waitForConnected(5000);
            conn->socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_conns.push_back(std::move(c));
        }
        QElapsedTimer wall;
        wall.start();
        for (auto &c : m_conns)
            send(c.get());
        while (m_open > 0)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        const double elapsed = double(wall.nsecsElapsed()) / 1e9;
        Figures f;
        std::sort(m_latencies.begin(), m_latencies.end());
        f.requests = qint64(m_latencies.size());
        f.perSecond = double(f.requests) / elapsed;
        if (!m_latencies.empty()) {
            f.p50Ms = double(m_latencies[m_latencies.size() / 2]) / 1e6;
            f.p99Ms =
                double(m_latencies[std::min(m_latencies.size() - 1, m_latencies.size() * 99 / 100)]) / 1e6;
        }
        f.failures = m_failures;
        return f;
    }

private:
    struct Conn {
        QTcpSocket socket;
        QByteArray buffer;
        QElapsedTimer timer;
        bool done = false;
    };

    void send(Conn *c) {
        if (m_deadline.elapsed() >= qint64(m_seconds) * 1000) {
            c->done = true;
            c->socket.disconnectFromHost();
            --m_open;
            return;
        }
        c->timer.start();
        c->socket.write(m_make(m_sequence++));
    }

    void onRead(Conn *c) {
        c->buffer += c->socket.readAll();
        for (;;) {
            const qsizetype end = c->buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            const QByteArray head = c->buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (c->buffer.size() < end + 4 + length)
                return;
            const int status = head.mid(9, 3).toInt();
            c->buffer.remove(0, end + 4 + length);
            m_latencies.push_back(c->timer.nsecsElapsed());
            if (status != 200)
                ++m_failures;
            send(c);
        }
    }

public:
    Load(int connections)
        : m_open(connections) {}

private:
    std::vector<std::unique_ptr<Conn>> m_conns;
    std::vector<qint64> m_latencies;
    qint64 m_failures = 0;
    qint64 m_sequence = 0;
    qint64 m_open;
    int m_seconds = 5;
    QElapsedTimer m_deadline;
    Make m_make;
};

QByteArray httpRequest(const QByteArray &method, const QByteArray &target, const QByteArray &body = {}) {
    return method + ' ' + target + " HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer " + Token +
           "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
           "\r\n\r\n" + body;
}

/// One tiny INSERT per COMMIT on the same kind of database (same disk, same settings as the ledger).
double rawCommitRate(const DatabaseUrl &url, double seconds) {
    double rate = 0;
    {
        QSqlDatabase db = url.addConnection(QStringLiteral("raw"));
        if (!db.open())
            qFatal("raw: %s", qPrintable(db.lastError().text()));
        QSqlQuery q(db);
        if (url.kind == DatabaseUrl::Kind::Sqlite) {
            q.exec(QStringLiteral("PRAGMA journal_mode = WAL"));
            q.exec(QStringLiteral("PRAGMA synchronous = FULL"));
        }
        q.exec(QStringLiteral(
            "CREATE TABLE IF NOT EXISTS bench_raw_commit (id BIGINT PRIMARY KEY, at BIGINT NOT NULL)"));
        q.prepare(QStringLiteral("INSERT INTO bench_raw_commit (id, at) VALUES (?, ?)"));
        QElapsedTimer t;
        t.start();
        qint64 n = 0;
        while (t.elapsed() < qint64(seconds * 1000)) {
            db.transaction();
            q.addBindValue(n);
            q.addBindValue(t.elapsed());
            if (!q.exec())
                qFatal("raw insert: %s", qPrintable(q.lastError().text()));
            db.commit();
            ++n;
        }
        rate = double(n) / (double(t.nsecsElapsed()) / 1e9);
        q.exec(QStringLiteral("DROP TABLE bench_raw_commit"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
    return rate;
}

void prepare(const DatabaseUrl &url) {
    LedgerService service;
    auto opened = service.open(url);
    opened.waitForFinished();
    if (!opened.result())
        qFatal("%s", qPrintable(opened.result().error().message));
    auto r = service.run([](LedgerStore &s) -> Result<Done> {
        const Actor root{QStringLiteral("root"), QStringLiteral("bench")};
        s.bootstrapAdmin(root.operatorName);
        s.addCurrency(root, Currency{QStringLiteral("USD"), 2, QStringLiteral("US dollar")});
        OperatorInfo game;
        game.name = QStringLiteral("game");
        game.role = Role::Support;
        s.addOperator(root, game);
        QList<PostingRequest> seeds;
        for (int i = 0; i < Players; ++i) {
            const auto a =
                s.createAccount(root, NewAccount{QStringLiteral("USD"), QString::number(i + 1), {}, false});
            if (!a)
                return a.error();
            PostingRequest p;
            p.kind = TransactionKind::Deposit;
            p.accountId = a->id;
            p.amount = 1'000'000'000;
            p.idempotencyKey = QStringLiteral("seed-%1").arg(i);
            seeds << p;
        }
        s.postBatch(root, seeds);
        return Done{};
    });
    r.waitForFinished();
    if (!r.result())
        qFatal("%s", qPrintable(r.result().error().message));
}

struct Server {
    QProcess process;
    QString host;
    quint16 port = 0;

    void start(const QString &binary, const QString &db, const QString &config) {
        process.setProcessChannelMode(QProcess::SeparateChannels);
        process.setStandardErrorFile(QProcess::nullDevice()); // the access log would cost the client's core
        process.start(binary, {QStringLiteral("--db"), db, QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0"), QStringLiteral("--config"), config});
        if (!process.waitForStarted() || !process.waitForReadyRead(20000))
            qFatal("walletd did not start");
        const QUrl url(QString::fromUtf8(process.readLine()).trimmed().section(u' ', 2));
        host = url.host();
        port = quint16(url.port());
    }
    void stop() {
        ::kill(pid_t(process.processId()), SIGTERM);
        process.waitForFinished(30000);
    }
};

void print(const char *what, const Figures &f, const QString &reference = {}) {
    std::printf("%-52s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  (%lld requests, %lld not 200) %s\n", what,
                f.perSecond, f.p50Ms, f.p99Ms, static_cast<long long>(f.requests),
                static_cast<long long>(f.failures), qPrintable(reference));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments();
    auto option = [&](const QString &name, const QString &fallback) {
        const qsizetype i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : fallback;
    };
    QTemporaryDir dir;
    const QString dbText = option(QStringLiteral("--db"),
                                  QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench.sqlite")));
    const int connections = option(QStringLiteral("--connections"), QStringLiteral("64")).toInt();
    const int seconds = option(QStringLiteral("--seconds"), QStringLiteral("5")).toInt();
    const QString walletd = option(QStringLiteral("--walletd"), QStringLiteral(WALLETD_BINARY));
    QString error;
    const auto url = DatabaseUrl::parse(dbText, &error);
    if (!url)
        qFatal("%s", qPrintable(error));

    prepare(*url);
    std::printf("walletd benchmark: %s, %d connections, %d s per phase, %d wallets\n",
                qPrintable(url->display()), connections, seconds, Players);

    const double raw = rawCommitRate(*url, 3.0);
    std::printf("%-52s %9.0f commits/s\n", "raw single-commit rate (1 INSERT per COMMIT)", raw);

    auto writeConfig = [&](const QString &name, int maxBatch) {
        QString path = dir.filePath(name);
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(
            QStringLiteral(
                "[walletd]\ngame_tokens = %1\ngame_currency = USD\ngame_operator = game\nmax_batch = %2\n")
                .arg(QString::fromLatin1(Token))
                .arg(maxBatch)
                .toUtf8());
        return path;
    };
    auto *rng = QRandomGenerator::global();
    const qint64 run = QDateTime::currentMSecsSinceEpoch();

    {
        Server server;
        server.start(walletd, dbText, writeConfig(QStringLiteral("batched.ini"), 256));
        Load reads(connections);
        print("reads: GET /getfunds",
              reads.run(server.host, server.port, connections, seconds, [rng](qint64) {
                  return httpRequest("GET",
                                     "/getfunds?WalletID=" + QByteArray::number(rng->bounded(Players) + 1));
              }));
        Load charges(connections);
        const Figures f = charges.run(server.host, server.port, connections, seconds, [rng, run](qint64 seq) {
            return httpRequest("POST", "/api/v1/charge",
                               "{\"UserId\":" + QByteArray::number(rng->bounded(Players) + 1) +
                                   ",\"EventId\":" + QByteArray::number(run * 1000 + seq) +
                                   ",\"Amount\":0.01}");
        });
        print("durable charges, group commit: POST /api/v1/charge", f,
              QStringLiteral("= %1 x the raw single-commit rate").arg(f.perSecond / raw, 0, 'f', 2));
        server.stop();
    }
    {
        Server server;
        server.start(walletd, dbText, writeConfig(QStringLiteral("single.ini"), 1));
        Load charges(connections);
        const Figures f = charges.run(server.host, server.port, connections, seconds, [rng, run](qint64 seq) {
            return httpRequest("POST", "/api/v1/charge",
                               "{\"UserId\":" + QByteArray::number(rng->bounded(Players) + 1) +
                                   ",\"EventId\":" + QByteArray::number((run + 1) * 1000 + seq) +
                                   ",\"Amount\":0.01}");
        });
        print("durable charges, one per commit (max_batch = 1)", f,
              QStringLiteral("= %1 x the raw single-commit rate").arg(f.perSecond / raw, 0, 'f', 2));
        server.stop();
    }
    return 0;
}

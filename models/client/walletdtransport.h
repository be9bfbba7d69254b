#pragma once

#include "apicodec.h"
#include "ledgererror.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPromise>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>
#include <functional>
#include <memory>
#include <optional>

/// The HTTP side of RemoteLedgerClient: sends one exchange with walletd's admin API, with the session's
/// token, and maps what comes back (a decoded answer, walletd's own LedgerError, or why walletd could not be
/// reached). It owns what an exchange needs beyond its own fields: the base URL, the token, retries of what
/// is safe to repeat, and the requests parked when the session ends. RemoteLedgerClient only says which route
/// each ledger operation is and how its answer reads.
class WalletdTransport final : public QObject {
    Q_OBJECT
public:
    /// One HTTP exchange as a value: what to send and whether it may be repeated (a read, or a write that
    /// carries an idempotency key, so walletd answers a repeat as the original).
    struct Call {
        QByteArray method;
        QString path;
        QUrlQuery query;
        QByteArray body;
        QByteArray idempotencyKey;
        bool repeatable = false;
    };
    /// Reads a 2xx answer's body; false: an answer this client does not understand.
    using Decoder = std::function<bool(const QJsonObject &)>;
    /// Gets the exchange's error, or nothing when it succeeded and was decoded.
    using Finished = std::function<void(const std::optional<LedgerError> &)>;

    explicit WalletdTransport(QObject *parent = nullptr);
    ~WalletdTransport() override;
    Q_DISABLE_COPY_MOVE(WalletdTransport)

    /// walletd's address (its path, if any, prefixes every call's; a trailing slash is dropped).
    void setBase(const QUrl &base);
    QUrl base() const { return m_base; }
    /// The session's bearer token; empty before sign-in and after sign-out.
    void setToken(const QString &token) { m_token = token; }
    /// See RemoteLedgerClient::setRetryPolicy.
    void setRetryPolicy(int retries, int firstDelayMs);
    /// How long a request waits for its answer before slowAnswer() says so (ms).
    static constexpr int SlowAnswerMs = 2000;
    /// See RemoteLedgerClient::setSlowAnswerAfter.
    void setSlowAnswerAfter(int milliseconds) { m_slowAfterMs = milliseconds; }

    /// Sends `call`; on a 2xx answer runs `decode`, otherwise maps the error body; `done` gets the
    /// outcome. An answer 401 to a signed-in client parks the request (see resendParked) and emits
    /// signInRequired.
    void send(const Call &call, Decoder decode, Finished done, int attempt = 0);

    /// send() with a future: `decode` fills the value from the answer.
    template <typename T>
    QFuture<Result<T>> fetch(const Call &call, std::function<bool(const QJsonObject &, T *)> decode) {
        auto promise = std::make_shared<QPromise<Result<T>>>();
        auto value = std::make_shared<T>();
        promise->start();
        send(
            call, [decode, value](const QJsonObject &o) { return decode(o, value.get()); },
            [promise, value](const std::optional<LedgerError> &error) {
                promise->addResult(error ? Result<T>(*error) : Result<T>(*value));
                promise->finish();
            });
        return promise->future();
    }

    /// fetch() of a list: the answer's `member` array, each item read by ApiCodec.
    template <typename T> QFuture<Result<QList<T>>> fetchList(const Call &call, const QString &member) {
        return fetch<QList<T>>(call, [member](const QJsonObject &o, QList<T> *out) {
            if (!o.value(member).isArray())
                return false;
            const QJsonArray items = o.value(member).toArray();
            for (const auto &v : items) {
                T item;
                if (!ApiCodec::fromJson(v.toObject(), &item))
                    return false;
                out->append(item);
            }
            return true;
        });
    }

    /// After a new sign-in: sends every parked request again (walletd refused them before doing anything).
    void resendParked();
    /// Gives up on the session: the token is dropped and every parked request fails with why the session
    /// ended.
    void failParked();

Q_SIGNALS:
    /// walletd stopped or started answering (see LedgerClient::availabilityChanged).
    void availabilityChanged(bool available, const QString &reason);
    /// walletd ended the session; requests wait until resendParked() or failParked().
    void signInRequired(const QString &reason);
    /// See LedgerClient::slowAnswer and LedgerClient::slowAnswerEnded.
    void slowAnswer(int waitedSeconds);
    void slowAnswerEnded();

private:
    void setAvailable(bool available, const QString &reason);
    /// Measures how long the oldest request out has waited and says so when it passes m_slowAfterMs (each
    /// whole second), or that the wait ended.
    void checkSlow();

    /// A request that met the end of the session, waiting for resendParked() or failParked().
    struct Parked {
        std::function<void()> resend;
        std::function<void(const LedgerError &)> fail;
    };

    QNetworkAccessManager m_nam;
    QUrl m_base;
    QString m_token;
    bool m_available = true;
    QList<Parked> m_parked;
    LedgerError m_sessionEnd; ///< why the session ended, for failParked()
    int m_retries = 4;
    int m_firstDelayMs = 250;
    /// The requests out (sent, no answer yet) and when each was sent (m_clock's ms).
    QHash<const QNetworkReply *, qint64> m_out;
    QElapsedTimer m_clock;
    /// Runs while requests are out: a stalled answer gives no event of its own to notice it by.
    QTimer m_slowCheck;
    int m_slowAfterMs = SlowAnswerMs;
    int m_waitedSeconds = 0; ///< last said by slowAnswer(); 0: not slow
};

#include "walletdtransport.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace {
QString unreachable(const QUrl &base, const QString &why) {
    return QStringLiteral("walletd at %1 cannot be reached: %2").arg(base.toDisplayString(), why);
}
} // namespace

WalletdTransport::WalletdTransport(QObject *parent)
    : QObject(parent) {
    m_clock.start();
    // Finer than the whole seconds it reports, so that the first report comes soon after the threshold.
    m_slowCheck.setInterval(250);
    connect(&m_slowCheck, &QTimer::timeout, this, &WalletdTransport::checkSlow);
}

WalletdTransport::~WalletdTransport() = default;

void WalletdTransport::setBase(const QUrl &base) {
    m_base = base;
    if (m_base.path().endsWith(u'/'))
        m_base.setPath(m_base.path().chopped(1));
}

void WalletdTransport::setRetryPolicy(int retries, int firstDelayMs) {
    m_retries = retries;
    m_firstDelayMs = firstDelayMs;
}

void WalletdTransport::setAvailable(bool available, const QString &reason) {
    if (available == m_available)
        return;
    m_available = available;
    Q_EMIT availabilityChanged(available, reason);
}

void WalletdTransport::checkSlow() {
    if (m_out.isEmpty())
        m_slowCheck.stop();
    const qint64 now = m_clock.elapsed();
    qint64 oldest = now;
    for (const qint64 sentAt : std::as_const(m_out))
        oldest = std::min(oldest, sentAt);
    const qint64 waited = now - oldest;
    if (waited >= m_slowAfterMs) {
        const int seconds = int(std::max<qint64>(1, waited / 1000));
        if (seconds != m_waitedSeconds) {
            m_waitedSeconds = seconds;
            Q_EMIT slowAnswer(seconds);
        }
    } else if (m_waitedSeconds > 0) {
        m_waitedSeconds = 0;
        Q_EMIT slowAnswerEnded();
    }
}

void WalletdTransport::send(const Call &call, Decoder decode, Finished done, int attempt) {
    QUrl url = m_base;
    url.setPath(m_base.path() + call.path);
    url.setQuery(call.query);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setTransferTimeout(120000);
    const QString sentWith = m_token;
    if (!sentWith.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + sentWith.toLatin1());
    if (!call.idempotencyKey.isEmpty())
        request.setRawHeader(QByteArrayLiteral("Idempotency-Key"), call.idempotencyKey);
    QNetworkReply *reply = m_nam.sendCustomRequest(request, call.method, call.body);
    m_out.insert(reply, m_clock.elapsed());
    if (!m_slowCheck.isActive())
        m_slowCheck.start();
    connect(reply, &QNetworkReply::finished, this, [=, this] {
        reply->deleteLater();
        m_out.remove(reply);
        checkSlow();
        const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!statusAttribute.isValid()) {
            // No HTTP answer at all: walletd is down or the connection broke. Whether a write happened is not
            // known, so only a request that is safe to repeat is sent again (a posting with the same key).
            const QString reason = unreachable(m_base, reply->errorString());
            setAvailable(false, reason);
            if (call.repeatable && attempt < m_retries) {
                QTimer::singleShot(m_firstDelayMs << std::min(attempt, 6), this,
                                   [=, this] { send(call, decode, done, attempt + 1); });
                return;
            }
            done(LedgerError{ErrorCode::Database, reason});
            return;
        }
        setAvailable(true, QString());
        const int status = statusAttribute.toInt();
        const QByteArray body = reply->readAll();
        if (status == 401 && !sentWith.isEmpty() && call.path != u"/admin/v1/login") {
            // The session ended. walletd refused the request before doing anything, so it is safe to send
            // again once signed in (writes too); sent under a token that has since been replaced: at once.
            auto resend = [=, this] { send(call, decode, done, attempt); };
            if (!m_token.isEmpty() && m_token != sentWith) {
                resend();
                return;
            }
            const bool first = m_parked.isEmpty();
            m_parked.push_back({resend, [done](const LedgerError &e) { done(e); }});
            if (first) {
                m_sessionEnd = ApiCodec::errorFromBody(body).value_or(
                    LedgerError{ErrorCode::PermissionDenied, QStringLiteral("the session has ended")});
                Q_EMIT signInRequired(m_sessionEnd.message);
            }
            return;
        }
        if (status >= 200 && status < 300) {
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            if (!doc.isObject() || !decode(doc.object())) {
                done(LedgerError{ErrorCode::Database,
                                 QStringLiteral("walletd sent an answer this client does not understand")});
                return;
            }
            done(std::nullopt);
            return;
        }
        // walletd is up but its ledger is not (a database reconnecting, a request past its deadline): what is
        // safe to repeat is sent again when Retry-After says, a few times, before the error is shown.
        if (status == 503 && call.repeatable && attempt < m_retries) {
            const int retryAfterMs =
                reply->rawHeader(QByteArrayLiteral("Retry-After")).trimmed().toInt() * 1000;
            QTimer::singleShot(std::clamp(retryAfterMs, m_firstDelayMs, 5000), this,
                               [=, this] { send(call, decode, done, attempt + 1); });
            return;
        }
        if (auto error = ApiCodec::errorFromBody(body)) {
            done(*error);
            return;
        }
        done(LedgerError{status >= 500 ? ErrorCode::Database : ErrorCode::InvalidArgument,
                         QStringLiteral("walletd answered HTTP %1").arg(status)});
    });
}

void WalletdTransport::resendParked() {
    const QList<Parked> parked = std::exchange(m_parked, {});
    for (const Parked &p : parked)
        p.resend();
}

void WalletdTransport::failParked() {
    m_token.clear(); // from now on requests fail at once, as before any sign-in
    const QList<Parked> parked = std::exchange(m_parked, {});
    for (const Parked &p : parked)
        p.fail(m_sessionEnd);
}

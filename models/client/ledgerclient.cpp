#include "ledgerclient.h"

LedgerClient::LedgerClient(QObject *parent)
    : QObject(parent) {
    connect(&m_pollTimer, &QTimer::timeout, this, &LedgerClient::poll);
}

LedgerClient::~LedgerClient() = default;

void LedgerClient::setPollInterval(int intervalMs) {
    if (intervalMs <= 0) {
        m_pollTimer.stop();
        return;
    }
    m_pollTimer.start(intervalMs);
    poll();
}

QFuture<Result<Done>> LedgerClient::recordExport(const QString &, const QString &) {
    return QtFuture::makeReadyFuture(Result<Done>(Done{}));
}

QFuture<Result<SessionInfo>> LedgerClient::resumeSession(const QString &) {
    return QtFuture::makeReadyFuture(Result<SessionInfo>(LedgerError{
        ErrorCode::InvalidArgument, QStringLiteral("this ledger has no session to sign in to again")}));
}

void LedgerClient::abandonSession() {}

void LedgerClient::announceWrite(const QList<qint64> &accountIds) {
    if (!accountIds.isEmpty())
        Q_EMIT accountsChanged(accountIds);
}

void LedgerClient::poll() {
    if (m_pollInFlight)
        return; // a slow database must not pile up polls
    m_pollInFlight = true;
    changeToken().then(this, [this](const Result<qint64> &token) {
        m_pollInFlight = false;
        if (!token) {
            if (m_available) {
                m_available = false;
                Q_EMIT availabilityChanged(false, token.error().message);
            }
            return;
        }
        if (!m_available) {
            m_available = true;
            Q_EMIT availabilityChanged(true, QString());
        }
        const bool changed = m_lastToken >= 0 && *token != m_lastToken;
        m_lastToken = *token;
        if (changed)
            Q_EMIT ledgerChanged();
    });
}

#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

namespace QKeychain {
class Job;
}

/// Passwords and walletd tokens in the operating system's keychain (QtKeychain: Secret Service/KWallet on
/// Linux, Keychain on macOS, Credential Manager on Windows), one entry per ConnectionProfile::secretKey().
///
/// Every call is asynchronous (the keychain may prompt the user or wake a daemon) and completes on this
/// object's thread, which must run an event loop. When there is no keychain (a headless machine, a session
/// without D-Bus) the replies say Unavailable: the app then asks for the secret every time. Nothing ever
/// falls back to plaintext: QtKeychain's insecure fallback is switched off on every job.
class SecretStore final : public QObject {
    Q_OBJECT
public:
    enum class Status {
        Ok,          ///< done; for read(), `secret` holds the value
        NotFound,    ///< nothing stored under that key (for remove(): there was nothing to remove)
        Unavailable, ///< no keychain reachable in this session; ask the user instead
        Failed,      ///< the keychain answered with an error, e.g. the user refused access
    };
    struct Reply {
        Status status = Status::Failed;
        QString secret;
        QString message; ///< why it failed, for people (QtKeychain's text); empty when Ok
    };

    /// The key of an operator's walletd password: the desktop app saves it there
    /// (ConnectionProfile::secretKey) and walletctl --server reads it, so both must spell it the same.
    static QString walletdKey(const QString &operatorName, const QString &walletdUrl) {
        return QStringLiteral("walletd:%1@%2").arg(operatorName, walletdUrl);
    }

    /// `service` names the application's entries in the keychain; tests pass their own.
    explicit SecretStore(const QString &service = QStringLiteral("WalletDesk"), QObject *parent = nullptr);
    ~SecretStore() override;
    Q_DISABLE_COPY_MOVE(SecretStore)

    QFuture<Reply> read(const QString &key);
    QFuture<Reply> write(const QString &key, const QString &secret);
    QFuture<Reply> remove(const QString &key);

    /// Whether a keychain answers, found by reading an entry that is never written: NotFound means it works.
    /// The dialog asks this once to offer, or grey out, "remember password".
    QFuture<bool> checkAvailable();

    /// Set once any call found the keychain unavailable; it does not come back within a session.
    bool knownUnavailable() const { return m_unavailable; }
    QString unavailableReason() const { return m_unavailableReason; }

Q_SIGNALS:
    /// The first time a call finds no keychain.
    void unavailable(const QString &reason);

private:
    QFuture<Reply> start(QKeychain::Job *job);
    Reply replyOf(QKeychain::Job *job);

    QString m_service;
    bool m_unavailable = false;
    QString m_unavailableReason;
};

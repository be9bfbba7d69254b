#pragma once

#include "apigame.h"
#include "apirequest.h"
#include "chargebatcher.h"
#include "ledgerservice.h"

#include <QHash>
#include <QObject>
#include <optional>

/// The two game-server API families of ../shared/compat-apis.md: "wallet-server" (/api/v1/...) and
/// "serverless wallet" (/createwallet, /getfunds, ...). Both address a player's account in the game currency
/// by its external player reference. Postings go through the ChargeBatcher (group commit) as the configured
/// game operator; every charge, win, add and withdrawal carries an idempotency key derived from the caller's
/// event id or reference, so a repeated request never posts twice.
class GameApi final : public QObject {
    Q_OBJECT
public:
    struct Settings {
        QString currency;
        int exponent = 0;
        QString operatorName;
        QStringList tokens;
        bool insecure = false;
    };
    GameApi(LedgerService &write, LedgerService &read, ChargeBatcher &batcher, Settings settings,
            QObject *parent = nullptr);
    Q_DISABLE_COPY_MOVE(GameApi)

    bool handle(const ApiRequest &request, const Respond &respond);
    /// A 503 in the error shape of the game API family `path` belongs to ("Service unavailable"), or nullopt
    /// when it is not a game API path. For answers walletd gives before or instead of a handler's (a drain, a
    /// request past its deadline).
    static std::optional<ApiResponse> unavailable(const QString &path);

private:
    enum class Family { WalletServer, Serverless };
    bool authorised(const ApiRequest &request) const;
    /// The player's account id in the game currency (0: none), from the cache or the ledger.
    void resolve(const QString &playerRef, std::function<void(const Result<qint64> &)> done);
    /// The serverless family's common start: decodes WalletID (and the amount when `withAmount`) and finds
    /// the wallet, answering 400, 503 or 404 itself; `found` runs only for a wallet that exists.
    void withWallet(const ApiRequest &request, bool withAmount, const Respond &respond,
                    std::function<void(const ApiGame::WalletParams &, qint64 accountId)> found);
    /// The wallet-server family's /charge (`win` false) and /win. (Not named event(): that hides
    /// QObject::event.)
    void chargeOrWin(const ApiRequest &request, bool win, const Respond &respond);
    void createWallet(const ApiRequest &request, const Respond &respond);
    void getFunds(const ApiRequest &request, const Respond &respond);
    void moveFunds(const ApiRequest &request, bool add, const Respond &respond);
    void transactions(const ApiRequest &request, const Respond &respond);

    LedgerService &m_write;
    LedgerService &m_read;
    ChargeBatcher &m_batcher;
    const Settings m_settings;
    QHash<QString, qint64> m_accounts; ///< player reference -> account id (accounts are never deleted)
};

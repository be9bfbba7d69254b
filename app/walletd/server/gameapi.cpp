#include "gameapi.h"

#include "apigame.h"
#include "ledgerreader.h"

#include <QDateTime>
#include <QJsonDocument>

#include <openssl/crypto.h>

namespace {

ApiResponse body(int status, const QByteArray &json) {
    return ApiResponse{status, json, QByteArrayLiteral("application/json"), QStringLiteral("service")};
}

/// {"success": false, "error": "..."}
ApiResponse walletError(int status, const QString &message) {
    return body(status, "{\"success\":false,\"error\":" + ApiGame::jsonString(message) + '}');
}

/// {"WalletID": ID, "message": "..."}
ApiResponse serverlessMessage(int status, const QString &walletId, const QString &message) {
    return body(status, "{\"WalletID\":" + walletId.toLatin1() +
                            ",\"message\":" + ApiGame::jsonString(message) + '}');
}

ApiResponse serverlessError(int status, const QString &message) {
    return body(status, "{\"message\":" + ApiGame::jsonString(message) + '}');
}

const QString Conflict = QStringLiteral("Request has a conflict with existing data.");
const QString Unavailable = QStringLiteral("Service unavailable");

/// A ledger error as the game API families answer it (../shared/compat-apis.md): the status and the message.
/// The one mapping for both families; they differ only in how they name a lack of funds.
struct GameError {
    int status;
    QString message;
};

GameError gameError(const LedgerError &e, bool serverless) {
    switch (e.code) {
    case ErrorCode::InsufficientFunds:
        return serverless ? GameError{402, QStringLiteral("Insufficient funds to redeem")}
                          : GameError{400, QStringLiteral("Account balance is too low")};
    case ErrorCode::IdempotencyConflict:
        return {409, Conflict};
    case ErrorCode::Database:
    case ErrorCode::SchemaTooNew:
        return {503, Unavailable};
    default:
        return {400, e.message};
    }
}

} // namespace

GameApi::GameApi(LedgerService &write, LedgerService &read, ChargeBatcher &batcher, Settings settings,
                 QObject *parent)
    : QObject(parent)
    , m_write(write)
    , m_read(read)
    , m_batcher(batcher)
    , m_settings(std::move(settings)) {}

bool GameApi::authorised(const ApiRequest &request) const {
    if (m_settings.insecure)
        return true;
    QByteArray presented = request.bearerToken().toLatin1();
    if (presented.isEmpty())
        presented = request.header(QByteArrayLiteral("x-service-token")).trimmed();
    if (presented.isEmpty())
        return false;
    bool match = false;
    for (const QString &t : m_settings.tokens) {
        const QByteArray want = t.toLatin1();
        // Constant time in the token's content; lengths are not secret.
        if (want.size() == presented.size() &&
            CRYPTO_memcmp(want.constData(), presented.constData(), size_t(want.size())) == 0)
            match = true;
    }
    return match;
}

std::optional<ApiResponse> GameApi::unavailable(const QString &path) {
    if (path == u"/api/v1/charge" || path == u"/api/v1/win" || path == u"/api/v1/healthcheck")
        return walletError(503, Unavailable);
    if (path == u"/createwallet" || path == u"/getfunds" || path == u"/addfunds" ||
        path == u"/withdrawfunds" || path == u"/transactions")
        return serverlessError(503, Unavailable);
    return std::nullopt;
}

bool GameApi::handle(const ApiRequest &request, const Respond &respond) {
    const QString &p = request.path;
    const bool get = request.method == u"GET";
    const bool post = request.method == u"POST";
    if (p == u"/api/v1/healthcheck" && get) {
        respond(body(200, QByteArrayLiteral("{\"success\":true,\"message\":\"System is up and running\"}")));
        return true;
    }
    const bool walletServer = (p == u"/api/v1/charge" || p == u"/api/v1/win") && post;
    const bool serverless = (p == u"/createwallet" && post) || (p == u"/getfunds" && get) ||
                            (p == u"/addfunds" && post) || (p == u"/withdrawfunds" && post) ||
                            (p == u"/transactions" && get);
    if (!walletServer && !serverless)
        return false;
    if (!authorised(request)) {
        ApiResponse r = walletServer ? walletError(401, QStringLiteral("Unauthorized"))
                                     : serverlessError(401, QStringLiteral("Unauthorized"));
        r.principal.clear();
        respond(r);
        return true;
    }
    if (p == u"/api/v1/charge")
        chargeOrWin(request, false, respond);
    else if (p == u"/api/v1/win")
        chargeOrWin(request, true, respond);
    else if (p == u"/createwallet")
        createWallet(request, respond);
    else if (p == u"/getfunds")
        getFunds(request, respond);
    else if (p == u"/addfunds")
        moveFunds(request, true, respond);
    else if (p == u"/withdrawfunds")
        moveFunds(request, false, respond);
    else
        transactions(request, respond);
    return true;
}

void GameApi::resolve(const QString &playerRef, std::function<void(const Result<qint64> &)> done) {
    const auto cached = m_accounts.constFind(playerRef);
    if (cached != m_accounts.constEnd()) {
        done(*cached);
        return;
    }
    const QString currency = m_settings.currency;
    m_read
        .run([playerRef, currency](LedgerStore &s) -> Result<qint64> {
            const auto accounts = s.accountsOfPlayer(playerRef);
            if (!accounts) {
                if (accounts.error().code == ErrorCode::NotFound)
                    return qint64(0);
                return accounts.error();
            }
            for (const Account &a : *accounts)
                if (a.currency == currency)
                    return a.id;
            return qint64(0);
        })
        .then(this, [this, playerRef, done](const Result<qint64> &id) {
            if (id && *id > 0)
                m_accounts.insert(playerRef, *id);
            done(id);
        });
}

void GameApi::chargeOrWin(const ApiRequest &request, bool win, const Respond &respond) {
    ApiGame::Event e;
    QString problem;
    if (!ApiGame::decodeEvent(request.body,
                              win ? QStringLiteral("WinningEventId") : QStringLiteral("EventId"),
                              m_settings.exponent, &e, &problem)) {
        respond(walletError(400, problem));
        return;
    }
    if (e.amount < 0) {
        respond(walletError(400, win ? QStringLiteral("Winning amount is negative")
                                     : QStringLiteral("Amount value is negative")));
        return;
    }
    if (e.amount == 0) {
        respond(walletError(400, QStringLiteral("Amount must be greater than zero")));
        return;
    }
    const int exponent = m_settings.exponent;
    resolve(e.userId, [this, e, win, exponent, respond](const Result<qint64> &id) {
        if (!id) {
            respond(walletError(503, QStringLiteral("Service unavailable: ") + id.error().message));
            return;
        }
        if (*id == 0) {
            respond(walletError(400, QStringLiteral("Unknown user")));
            return;
        }
        const qint64 accountId = *id;
        PostingRequest r;
        r.kind = win ? TransactionKind::Win : TransactionKind::Charge;
        r.accountId = accountId;
        r.amount = e.amount;
        r.idempotencyKey = QStringLiteral("%1:%2:%3").arg(win ? u"win" : u"charge", e.userId, e.eventId);
        m_batcher.submit(r, [this, e, accountId, exponent, respond](const Result<PostingResult> &result) {
            auto success = [e, exponent](qint64 balance) {
                return body(200, "{\"success\":true,\"UserId\":" + e.userId.toLatin1() +
                                     ",\"AccountBalance\":" + ApiGame::minorToUnits(balance, exponent) + '}');
            };
            if (!result) {
                const GameError refusal = gameError(result.error(), false);
                respond(walletError(refusal.status, refusal.message));
                return;
            }
            if (result->status == PostingResult::Status::Pending) {
                respond(walletError(400, QStringLiteral("The amount waits for a supervisor's approval")));
                return;
            }
            if (!result->replayed) {
                respond(success(result->balanceAfter(accountId)));
                return;
            }
            // A repeated request: nothing was posted; answer with the balance as it is now.
            m_read.run([accountId](LedgerStore &s) { return s.account(accountId); })
                .then(this, [respond, success](const Result<Account> &a) {
                    respond(a ? success(a->balance) : walletError(503, Unavailable));
                });
        });
    });
}

void GameApi::createWallet(const ApiRequest &request, const Respond &respond) {
    ApiGame::WalletParams w;
    QString problem;
    if (!ApiGame::decodeWalletParams(request.query, QStringLiteral("CreateWalletID"), false,
                                     m_settings.exponent, &w, &problem)) {
        respond(serverlessError(400, problem));
        return;
    }
    auto answer = [w](const QString &message) {
        return body(200, "{\"CreateWalletID\":" + w.walletId.toLatin1() +
                             ",\"message\":" + ApiGame::jsonString(message) + '}');
    };
    resolve(w.walletId, [this, w, answer, respond](const Result<qint64> &id) {
        if (!id) {
            respond(serverlessError(503, Unavailable));
            return;
        }
        if (*id > 0) {
            respond(answer(QStringLiteral("Wallet already exists")));
            return;
        }
        NewAccount n;
        n.currency = m_settings.currency;
        n.playerRef = w.walletId;
        n.name = QStringLiteral("wallet %1").arg(w.walletId);
        const Actor actor{m_settings.operatorName, QStringLiteral("walletd game api")};
        m_write.run([actor, n](LedgerStore &s) { return s.createAccount(actor, n); })
            .then(this, [this, w, answer, respond](const Result<Account> &a) {
                if (a) {
                    m_accounts.insert(w.walletId, a->id);
                    respond(answer(QStringLiteral("New wallet created successfully")));
                } else if (a.error().code == ErrorCode::StateConflict) {
                    respond(answer(QStringLiteral("Wallet already exists"))); // created meanwhile
                } else {
                    const GameError refusal = gameError(a.error(), true);
                    respond(serverlessError(refusal.status, refusal.message));
                }
            });
    });
}

void GameApi::withWallet(const ApiRequest &request, bool withAmount, const Respond &respond,
                         std::function<void(const ApiGame::WalletParams &, qint64 accountId)> found) {
    ApiGame::WalletParams w;
    QString problem;
    if (!ApiGame::decodeWalletParams(request.query, QStringLiteral("WalletID"), withAmount,
                                     m_settings.exponent, &w, &problem)) {
        respond(serverlessError(400, problem));
        return;
    }
    resolve(w.walletId, [w, respond, found](const Result<qint64> &id) {
        if (!id)
            respond(serverlessError(503, Unavailable));
        else if (*id == 0)
            respond(serverlessMessage(404, w.walletId, QStringLiteral("Wallet not found")));
        else
            found(w, *id);
    });
}

void GameApi::getFunds(const ApiRequest &request, const Respond &respond) {
    const int exponent = m_settings.exponent;
    withWallet(request, false, respond,
               [this, exponent, respond](const ApiGame::WalletParams &w, qint64 accountId) {
                   m_read.run([accountId](LedgerStore &s) { return s.account(accountId); })
                       .then(this, [w, exponent, respond](const Result<Account> &a) {
                           if (!a) {
                               respond(serverlessError(503, Unavailable));
                               return;
                           }
                           respond(body(200, "{\"WalletID\":" + w.walletId.toLatin1() + ",\"Balance\":" +
                                                 ApiGame::minorToUnits(a->balance, exponent) + '}'));
                       });
               });
}

void GameApi::moveFunds(const ApiRequest &request, bool add, const Respond &respond) {
    const int exponent = m_settings.exponent;
    withWallet(
        request, true, respond,
        [this, add, exponent, respond](const ApiGame::WalletParams &w, qint64 accountId) {
            PostingRequest r;
            r.kind = add ? TransactionKind::Deposit : TransactionKind::Withdrawal;
            r.accountId = accountId;
            r.amount = w.amount;
            r.idempotencyKey = QStringLiteral("wallet:%1:%2").arg(w.walletId, w.ref);
            // Only the reference and the amount define the request: a retry with another txn_date is a
            // repeat.
            m_batcher.submit(r, [w, add, accountId, exponent, respond](const Result<PostingResult> &result) {
                if (!result) {
                    const GameError refusal = gameError(result.error(), true);
                    // A 503 is about the service, not the wallet: it names none, as before the wallet is
                    // found.
                    respond(refusal.status == 503
                                ? serverlessError(refusal.status, refusal.message)
                                : serverlessMessage(refusal.status, w.walletId, refusal.message));
                    return;
                }
                if (result->status == PostingResult::Status::Pending) {
                    respond(
                        serverlessMessage(400, w.walletId, QStringLiteral("The amount waits for approval")));
                    return;
                }
                // The player's entry of this (or, for a repeat, the first) posting gives both balances.
                qint64 after = 0, amount = 0;
                for (const JournalEntry &e : result->entries)
                    if (e.accountId == accountId) {
                        after = e.balanceAfter;
                        amount = e.amount;
                    }
                respond(
                    body(200, "{\"WalletID\":" + w.walletId.toLatin1() +
                                  ",\"old_balance\":" + ApiGame::minorToUnits(after - amount, exponent) +
                                  ",\"current_balance\":" + ApiGame::minorToUnits(after, exponent) +
                                  ",\"message\":" +
                                  ApiGame::jsonString(add ? QStringLiteral("Funds added successfully")
                                                          : QStringLiteral("Funds withdrawn successfully")) +
                                  '}'));
            });
        });
}

void GameApi::transactions(const ApiRequest &request, const Respond &respond) {
    const int exponent = m_settings.exponent;
    withWallet(
        request, false, respond, [this, exponent, respond](const ApiGame::WalletParams &w, qint64 accountId) {
            m_read.run([accountId](LedgerStore &s) { return LedgerReader(s).history(accountId, 0, 100); })
                .then(this, [w, exponent, respond](const Result<QList<HistoryEntry>> &h) {
                    if (!h) {
                        respond(serverlessError(503, Unavailable));
                        return;
                    }
                    const QString prefix = QStringLiteral("wallet:%1:").arg(w.walletId);
                    QByteArray out = "{\"WalletID\":" + w.walletId.toLatin1() + ",\"transactions\":[";
                    bool first = true;
                    for (const HistoryEntry &e : *h) {
                        if (!first)
                            out += ',';
                        first = false;
                        const QString ref = e.idempotencyKey.startsWith(prefix)
                                                ? e.idempotencyKey.mid(prefix.size())
                                                : e.idempotencyKey;
                        out += "{\"txn_id\":" + QByteArray::number(e.transactionId) +
                               ",\"txn_type\":" + ApiGame::jsonString(kindName(e.kind)) +
                               ",\"txn_amount\":" + ApiGame::minorToUnits(e.amount, exponent) +
                               ",\"balance\":" + ApiGame::minorToUnits(e.balanceAfter, exponent) +
                               ",\"txn_ref\":" + ApiGame::jsonString(ref) + ",\"txn_date\":" +
                               ApiGame::jsonString(QDateTime::fromMSecsSinceEpoch(e.createdAt, Qt::UTC)
                                                       .toString(Qt::ISODateWithMs)) +
                               '}';
                    }
                    out += "]}";
                    respond(body(200, out));
                });
        });
}

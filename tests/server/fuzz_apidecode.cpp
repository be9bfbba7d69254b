// libFuzzer target for walletd's request decoding (models/apijson, apicodec, apigame): every decoder gets the
// same bytes, as a body and as a query string. Built with clang by scripts/fuzz-apidecode.sh, apart from the
// gcc build; CTest runs it for a bounded time under the label `fuzz`. Besides "no crash, no leak, no UB", it
// checks that a posting the server accepts survives the client's encoding unchanged.

#include "apicodec.h"
#include "apigame.h"
#include "apijson.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;

    (void)ApiJson::parse(bytes, &error);

    PostingRequest posting;
    if (ApiCodec::decodePosting(bytes, QStringLiteral("key"), &posting, &error)) {
        PostingRequest again;
        if (!ApiCodec::decodePosting(ApiCodec::encodePosting(posting), QStringLiteral("key"), &again,
                                     &error) ||
            again.canonical() != posting.canonical())
            std::abort();
    }
    ReversalRequest reversal;
    (void)ApiCodec::decodeReversal(bytes, 1, QStringLiteral("key"), &reversal, &error);
    QString name, password, text;
    (void)ApiCodec::decodeLogin(bytes, &name, &password, &error);
    (void)ApiCodec::decodeText(bytes, QStringLiteral("comment"), &text, &error);
    NewAccount account;
    (void)ApiCodec::decodeNewAccount(bytes, &account, &error);
    for (int exponent : {0, 2, 4}) {
        ApiGame::Event event;
        if (ApiGame::decodeEvent(bytes, QStringLiteral("EventId"), exponent, &event, &error)) {
            // Exact both ways: the amount formats back to a text that parses to the same minor units.
            QString back;
            const auto minor =
                ApiGame::unitsToMinor(QString::fromLatin1(ApiGame::minorToUnits(event.amount, exponent)),
                                      exponent, &back, QStringLiteral("Amount"));
            if (!minor || *minor != event.amount)
                std::abort();
        }
    }

    const QUrlQuery query(QString::fromUtf8(bytes));
    ApiGame::WalletParams wallet;
    (void)ApiGame::decodeWalletParams(query, QStringLiteral("WalletID"), true, 2, &wallet, &error);
    ApiCodec::AccountWindow window;
    if (ApiCodec::decodeAccountWindow(query, &window, &error)) {
        ApiCodec::AccountWindow again;
        if (!ApiCodec::decodeAccountWindow(ApiCodec::encodeAccountWindow(window), &again, &error) ||
            !(again.query == window.query) || again.offset != window.offset || again.limit != window.limit)
            std::abort();
    }
    JournalQuery journal;
    qint64 before = 0;
    int limit = 0;
    (void)ApiCodec::decodeJournalQuery(query, &journal, &before, &limit, &error);
    (void)ApiCodec::errorFromBody(bytes);
    return 0;
}

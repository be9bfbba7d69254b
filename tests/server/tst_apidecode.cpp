// The request decoders of walletd (models/apijson, apicodec, apigame): pure functions, tested without a
// server.

#include "apicodec.h"
#include "apigame.h"
#include "apijson.h"

#include <QtTest>

class TestApiDecode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonKeepsNumbersAsWritten();
    void jsonRefusesWhatIsNotJson_data();
    void jsonRefusesWhatIsNotJson();
    void unitsConvertExactly_data();
    void unitsConvertExactly();
    void postingDecodes();
    void postingFormRoundTrips();
    void storedPostingOfEarlierVersionsReads();
    void accountWindowRoundTrips();
    void errorCodesRoundTrip();
};

void TestApiDecode::jsonKeepsNumbersAsWritten() {
    QString error;
    const auto doc = ApiJson::parse(
        R"({"a": 1.10, "b": -0, "c": 12345678901234567890, "d": "x\u00e9\ud83d\ude00"})", &error);
    QVERIFY2(doc, qPrintable(error));
    QCOMPARE(doc->member(QStringLiteral("a"))->text(), QStringLiteral("1.10"));
    QCOMPARE(doc->member(QStringLiteral("b"))->text(), QStringLiteral("-0"));
    QCOMPARE(doc->member(QStringLiteral("c"))->text(), QStringLiteral("12345678901234567890"));
    QCOMPARE(doc->member(QStringLiteral("d"))->text(), QString::fromUtf8("x\xc3\xa9\xf0\x9f\x98\x80"));
}

void TestApiDecode::jsonRefusesWhatIsNotJson_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("error");
    QTest::newRow("trailing comma") << QByteArray("{\"a\":1,}")
                                    << QStringLiteral("expected a member name in quotes");
    QTest::newRow("leading zero") << QByteArray("{\"a\":01}") << QStringLiteral("expected ',' or '}'");
    QTest::newRow("plus") << QByteArray("{\"a\":+1}") << QStringLiteral("unexpected character");
    QTest::newRow("dot") << QByteArray("{\"a\":1.}") << QStringLiteral("digits after its decimal point");
    QTest::newRow("NaN") << QByteArray("{\"a\":NaN}") << QStringLiteral("unexpected character");
    QTest::newRow("lone surrogate") << QByteArray("\"\\ud800\"") << QStringLiteral("unpaired surrogate");
    QTest::newRow("control") << QByteArray("\"a\nb\"") << QStringLiteral("control character");
    QTest::newRow("two values") << QByteArray("{} {}") << QStringLiteral("unexpected text after");
    QTest::newRow("deep") << QByteArray(17, '[') << QStringLiteral("nested deeper than 16 levels");
    QTest::newRow("long number") << QByteArray(70, '1') << QStringLiteral("longer than 64 characters");
    QTest::newRow("too big") << QByteArray(qsizetype(65) * 1024, ' ')
                             << QStringLiteral("larger than 65536 bytes");
}

void TestApiDecode::jsonRefusesWhatIsNotJson() {
    QFETCH(QByteArray, text);
    QFETCH(QString, error);
    QString message;
    QVERIFY(!ApiJson::parse(text, &message));
    QVERIFY2(message.contains(error), qPrintable(message));
}

void TestApiDecode::unitsConvertExactly_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("exponent");
    QTest::addColumn<qint64>("minor"); // -1: refused
    QTest::newRow("1.00 at 2") << QStringLiteral("1.00") << 2 << qint64(100);
    QTest::newRow("1.00 at 0") << QStringLiteral("1.00") << 0 << qint64(1);
    QTest::newRow("1.50 at 0") << QStringLiteral("1.50") << 0 << qint64(-1);
    QTest::newRow("0.1 at 2") << QStringLiteral("0.1") << 2 << qint64(10);
    QTest::newRow("1.001 at 2") << QStringLiteral("1.001") << 2 << qint64(-1);
    QTest::newRow("1.0010 at 3") << QStringLiteral("1.0010") << 3 << qint64(1001);
    QTest::newRow("exponent form") << QStringLiteral("1e2") << 2 << qint64(-1);
    QTest::newRow("too big") << QStringLiteral("92233720368547758.08") << 2 << qint64(-1);
    QTest::newRow("largest") << QStringLiteral("92233720368547758.07") << 2
                             << std::numeric_limits<qint64>::max();
    QTest::newRow("-0.00") << QStringLiteral("-0.00") << 2 << qint64(0);
}

void TestApiDecode::unitsConvertExactly() {
    QFETCH(QString, text);
    QFETCH(int, exponent);
    QFETCH(qint64, minor);
    QString error;
    const auto r = ApiGame::unitsToMinor(text, exponent, &error, QStringLiteral("Amount"));
    if (minor == -1) {
        QVERIFY(!r);
        QVERIFY2(error.startsWith(u"Amount is not a valid amount"), qPrintable(error));
    } else {
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(*r, minor);
    }
    QCOMPARE(ApiGame::minorToUnits(900, 2), QByteArrayLiteral("9.00"));
    QCOMPARE(ApiGame::minorToUnits(-5, 2), QByteArrayLiteral("-0.05"));
}

void TestApiDecode::postingDecodes() {
    PostingRequest r;
    QString error;
    QVERIFY(ApiCodec::decodePosting(
        R"({"kind":"transfer","account":3,"counter":"4","amount":"9223372036854775807","memo":"m"})",
        QStringLiteral("k"), &r, &error));
    QCOMPARE(r.kind, TransactionKind::Transfer);
    QCOMPARE(r.accountId, 3);
    QCOMPARE(r.counterAccountId, 4);
    QCOMPARE(r.amount, std::numeric_limits<qint64>::max());
    QCOMPARE(r.idempotencyKey, QStringLiteral("k"));
    // What the client sends is what the server decodes.
    PostingRequest back;
    QVERIFY(ApiCodec::decodePosting(ApiCodec::encodePosting(r), QStringLiteral("k"), &back, &error));
    QCOMPARE(back.canonical(), r.canonical());
    // The fingerprint's bytes are fixed: ledgers store it, and a repeated request must keep matching it.
    PostingRequest pinned;
    pinned.kind = TransactionKind::Adjustment;
    pinned.accountId = 42;
    pinned.amount = -1500;
    pinned.reasonCode = QStringLiteral("goodwill");
    pinned.ticketRef = QStringLiteral("T-1");
    pinned.memo = QStringLiteral("caf\u00e9");
    QCOMPARE(pinned.canonical(),
             QByteArray("10:adjustment;2:42;1:0;5:-1500;1:0;8:goodwill;3:T-1;5:caf\xc3\xa9;"));
    QVERIFY(!ApiCodec::decodePosting(R"({"kind":"reversal","account":3,"amount":"1"})", QStringLiteral("k"),
                                     &r, &error));
    ApiGame::Event e;
    QVERIFY(!ApiGame::decodeEvent(R"({"UserId":1.5,"EventId":1,"Amount":1})", QStringLiteral("EventId"), 2,
                                  &e, &error));
    QCOMPARE(error, QStringLiteral("UserId must be a non-negative integer"));
    QVERIFY(!ApiGame::decodeEvent(R"({"UserId":1,"EventId":1,"Amount":"1"})", QStringLiteral("EventId"), 2,
                                  &e, &error));
    QCOMPARE(error, QStringLiteral("Amount must be a number"));
    // Wallet ids are written back into answers as JSON numbers: no leading zeros.
    ApiGame::WalletParams w;
    QVERIFY(!ApiGame::decodeWalletParams(QUrlQuery(QStringLiteral("WalletID=007")),
                                         QStringLiteral("WalletID"), false, 2, &w, &error));
    QCOMPARE(error, QStringLiteral("WalletID must be a non-negative integer"));
    QVERIFY(ApiGame::decodeWalletParams(QUrlQuery(QStringLiteral("WalletID=0")), QStringLiteral("WalletID"),
                                        false, 2, &w, &error));
}

// One writer (toJson) and one reader per form: every field survives the body (key in the header), the keyed
// form (approvals table, approvals in the API) and an approval's JSON, amounts beyond 2^53 included
// (JSON readers that keep numbers as binary fractions round them; amounts travel as strings of digits).
void TestApiDecode::postingFormRoundTrips() {
    PostingRequest r;
    r.kind = TransactionKind::Purchase;
    r.idempotencyKey = QStringLiteral("k-\u00e9-1");
    r.accountId = 42;
    r.counterAccountId = 43;
    r.amount = 9007199254740993; // 2^53 + 1: not exact as a binary fraction
    r.itemQuantity = 3;
    r.reasonCode = QStringLiteral("goodwill");
    r.ticketRef = QStringLiteral("T-9");
    r.memo = QStringLiteral("memo \"quoted\"");

    QString error;
    PostingRequest fromBody;
    QVERIFY2(
        ApiCodec::decodePosting(ApiCodec::encodePosting(r), QStringLiteral("header-key"), &fromBody, &error),
        qPrintable(error));
    QVERIFY(!ApiCodec::encodePosting(r).contains("idempotency_key"));
    QCOMPARE(fromBody.idempotencyKey, QStringLiteral("header-key"));
    fromBody.idempotencyKey = r.idempotencyKey;
    QCOMPARE(fromBody.canonical(), r.canonical());

    PostingRequest keyed;
    QVERIFY2(ApiCodec::decodeKeyedPosting(ApiCodec::encodeKeyedPosting(r), &keyed, &error),
             qPrintable(error));
    QCOMPARE(keyed.idempotencyKey, r.idempotencyKey);
    QCOMPARE(keyed.canonical(), r.canonical());

    Approval a;
    a.id = 7;
    a.request = r;
    Approval back;
    QVERIFY(ApiCodec::fromJson(ApiCodec::toJson(a), &back));
    QCOMPARE(back.request.idempotencyKey, r.idempotencyKey);
    QCOMPARE(back.request.canonical(), r.canonical());

    // The reader refuses what the writer never writes, naming the member.
    QVERIFY(
        !ApiCodec::decodeKeyedPosting(R"({"kind":"deposit","account":1,"amount":"1.5"})", &keyed, &error));
    QVERIFY2(error.contains(u"amount"), qPrintable(error));
}

// Approvals stored by earlier versions (PostingRequest::toJson, until 2026-12) named the key "key" and wrote
// every number as a string; they must still read, so a pending approval survives the upgrade.
void TestApiDecode::storedPostingOfEarlierVersionsReads() {
    const QByteArray earlier =
        R"({"kind":"withdrawal","key":"w-1","account":"12","counter":"0","amount":"2500","items":"0",)"
        R"("reason":"refund","ticket":"T-1","memo":""})";
    PostingRequest r;
    QString error;
    QVERIFY2(ApiCodec::decodeKeyedPosting(earlier, &r, &error), qPrintable(error));
    QCOMPARE(r.kind, TransactionKind::Withdrawal);
    QCOMPARE(r.idempotencyKey, QStringLiteral("w-1"));
    QCOMPARE(r.accountId, qint64(12));
    QCOMPARE(r.counterAccountId, qint64(0));
    QCOMPARE(r.amount, qint64(2500));
    QCOMPARE(r.reasonCode, QStringLiteral("refund"));
    QCOMPARE(r.ticketRef, QStringLiteral("T-1"));
}

void TestApiDecode::accountWindowRoundTrips() {
    ApiCodec::AccountWindow w;
    w.query.search = QStringLiteral("ann & bob?");
    w.query.state = AccountState::Frozen;
    w.query.currency = QStringLiteral("USD");
    w.query.minBalance = -5;
    w.query.sort = AccountQuery::Sort::Name;
    w.query.descending = true;
    w.offset = 40;
    w.limit = 20;
    w.total = 1000;
    w.after = AccountKey{QVariant(QStringLiteral("ann & bob")), 17};
    ApiCodec::AccountWindow back;
    QString error;
    QVERIFY2(ApiCodec::decodeAccountWindow(ApiCodec::encodeAccountWindow(w), &back, &error),
             qPrintable(error));
    QCOMPARE(back.query, w.query);
    QCOMPARE(back.offset, w.offset);
    QCOMPARE(back.limit, w.limit);
    QCOMPARE(back.total, w.total);
    QCOMPARE(back.after->id, 17);
    QCOMPARE(back.after->sortValue.toString(), QStringLiteral("ann & bob"));
}

void TestApiDecode::errorCodesRoundTrip() {
    for (ErrorCode c : {ErrorCode::InvalidArgument, ErrorCode::NotFound, ErrorCode::InsufficientFunds,
                        ErrorCode::AccountFrozen, ErrorCode::StateConflict, ErrorCode::Database}) {
        const LedgerError e{c, QStringLiteral("message for %1").arg(LedgerError::codeName(c))};
        const auto back = ApiCodec::errorFromBody(ApiCodec::errorBody(e));
        QVERIFY(back);
        QCOMPARE(back->code, c);
        QCOMPARE(back->message, e.message);
    }
}

QTEST_APPLESS_MAIN(TestApiDecode)
#include "tst_apidecode.moc"

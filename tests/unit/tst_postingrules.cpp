// PostingRules (models/ledger/postingrules.h): the ledger's rules for a posting as pure functions, checked
// here without a database: what a valid request is, who may post to an account in which state, which
// accounts each kind of posting moves and by how much, and what an approval holds.
#include "postingrules.h"

#include <QTest>
#include <limits>

using namespace Qt::StringLiterals;

namespace {

Account player(qint64 id, const QString &currency, const QString &ref = QStringLiteral("p1")) {
    Account a;
    a.id = id;
    a.currency = currency;
    a.playerRef = ref;
    a.balance = 1000;
    return a;
}

PostingRequest request(TransactionKind kind, qint64 amount, qint64 counter = 0) {
    PostingRequest r;
    r.kind = kind;
    r.idempotencyKey = QStringLiteral("key-1");
    r.accountId = 1;
    r.counterAccountId = counter;
    r.amount = amount;
    if (kind == TransactionKind::Adjustment)
        r.reasonCode = QStringLiteral("goodwill");
    if (kind == TransactionKind::Purchase)
        r.itemQuantity = 3;
    return r;
}

/// "name:amount" per leg, system legs by their account's name, player legs by id.
QStringList describe(const QList<PostingLeg> &legs) {
    QStringList out;
    for (const PostingLeg &l : legs)
        out << QStringLiteral("%1/%2:%3")
                   .arg(l.system ? l.systemName : QString::number(l.accountId), l.currency)
                   .arg(l.amount);
    return out;
}

qint64 sum(const QList<PostingLeg> &legs, const QString &currency) {
    qint64 total = 0;
    for (const PostingLeg &l : legs)
        if (l.currency == currency)
            total += l.amount;
    return total;
}

} // namespace

class TestPostingRules : public QObject {
    Q_OBJECT
private slots:
    void validateRefuses_data() {
        QTest::addColumn<PostingRequest>("request");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const int invalid = int(ErrorCode::InvalidArgument);
        PostingRequest r = request(TransactionKind::Deposit, 100);
        r.idempotencyKey = QStringLiteral("  ");
        QTest::newRow("blank key") << r << invalid << "an idempotency key is required";
        r = request(TransactionKind::Deposit, 100);
        r.idempotencyKey = QString(PostingRules::MaxKeyLength + 1, u'k');
        QTest::newRow("long key") << r << invalid << "the idempotency key is longer than 200 characters";
        QTest::newRow("reversal") << request(TransactionKind::Reversal, 100) << invalid
                                  << u"reversals are posted with reverse, not post"_s;
        r = request(TransactionKind::Deposit, 100);
        r.accountId = 0;
        QTest::newRow("no account") << r << invalid << "an account is required";
        QTest::newRow("zero deposit")
            << request(TransactionKind::Deposit, 0) << invalid << u"the amount must be greater than zero"_s;
        QTest::newRow("negative win")
            << request(TransactionKind::Win, -5) << invalid << u"the amount must be greater than zero"_s;
        QTest::newRow("zero adjustment") << request(TransactionKind::Adjustment, 0) << invalid
                                         << u"an adjustment amount must not be zero"_s;
        r = request(TransactionKind::Adjustment, -5);
        r.reasonCode.clear();
        QTest::newRow("adjustment without reason") << r << invalid << "an adjustment needs a reason code";
        QTest::newRow("adjustment of int64 min")
            << request(TransactionKind::Adjustment, std::numeric_limits<qint64>::min())
            << int(ErrorCode::Overflow) << u"the adjustment amount is out of range"_s;
        QTest::newRow("transfer without destination") << request(TransactionKind::Transfer, 5) << invalid
                                                      << u"a transfer needs a destination account"_s;
        QTest::newRow("transfer to itself") << request(TransactionKind::Transfer, 5, 1) << invalid
                                            << u"source and destination are the same account"_s;
        QTest::newRow("purchase without item account") << request(TransactionKind::Purchase, 5) << invalid
                                                       << u"a purchase needs the player's item account"_s;
        r = request(TransactionKind::Purchase, 5, 2);
        r.itemQuantity = 0;
        QTest::newRow("purchase of no items")
            << r << invalid << u"a purchase needs an item quantity greater than zero"_s;
        r = request(TransactionKind::Deposit, 5);
        r.ticketRef = QString(PostingRules::MaxTicketLength + 1, u't');
        QTest::newRow("long ticket") << r << invalid << "reason code, ticket or memo is too long";
        r = request(TransactionKind::Deposit, 5);
        r.memo = QString(PostingRules::MaxTextLength + 1, u'm');
        QTest::newRow("long memo") << r << invalid << "reason code, ticket or memo is too long";
    }
    void validateRefuses() {
        QFETCH(PostingRequest, request);
        QFETCH(int, code);
        QFETCH(QString, message);
        const auto error = PostingRules::validate(request);
        QVERIFY(error);
        QCOMPARE(int(error->code), code);
        QCOMPARE(error->message, message);
    }

    void validateAccepts() {
        for (TransactionKind kind : {TransactionKind::Deposit, TransactionKind::Withdrawal,
                                     TransactionKind::Win, TransactionKind::Charge, TransactionKind::Bonus})
            QVERIFY(!PostingRules::validate(request(kind, 1)));
        QVERIFY(!PostingRules::validate(request(TransactionKind::Adjustment, -1)));
        QVERIFY(!PostingRules::validate(request(TransactionKind::Transfer, 1, 2)));
        QVERIFY(!PostingRules::validate(request(TransactionKind::Purchase, 1, 2)));
    }

    void legsOfEachKind_data() {
        QTest::addColumn<PostingRequest>("request");
        QTest::addColumn<QStringList>("legs");
        QTest::newRow("deposit") << request(TransactionKind::Deposit, 250)
                                 << QStringList{u"1/GOLD:250"_s, u"treasury/GOLD:-250"_s};
        QTest::newRow("withdrawal") << request(TransactionKind::Withdrawal, 250)
                                    << QStringList{u"1/GOLD:-250"_s, u"treasury/GOLD:250"_s};
        QTest::newRow("win") << request(TransactionKind::Win, 7)
                             << QStringList{u"1/GOLD:7"_s, u"house/GOLD:-7"_s};
        QTest::newRow("charge") << request(TransactionKind::Charge, 7)
                                << QStringList{u"1/GOLD:-7"_s, u"house/GOLD:7"_s};
        QTest::newRow("bonus") << request(TransactionKind::Bonus, 9)
                               << QStringList{u"1/GOLD:9"_s, u"promotions/GOLD:-9"_s};
        QTest::newRow("debit adjustment") << request(TransactionKind::Adjustment, -4)
                                          << QStringList{u"1/GOLD:-4"_s, u"adjustments/GOLD:4"_s};
        QTest::newRow("transfer") << request(TransactionKind::Transfer, 30, 2)
                                  << QStringList{u"1/GOLD:-30"_s, u"2/GOLD:30"_s};
        QTest::newRow("purchase") << request(TransactionKind::Purchase, 30, 3)
                                  << QStringList{u"1/GOLD:-30"_s, u"house/GOLD:30"_s, u"house/SWORD:-3"_s,
                                                 u"3/SWORD:3"_s};
    }
    void legsOfEachKind() {
        QFETCH(PostingRequest, request);
        QFETCH(QStringList, legs);
        QHash<qint64, Account> accounts{{1, player(1, QStringLiteral("GOLD"))},
                                        {2, player(2, QStringLiteral("GOLD"), QStringLiteral("p2"))},
                                        {3, player(3, QStringLiteral("SWORD"))}};
        if (request.counterAccountId == 0) {
            accounts.remove(2);
            accounts.remove(3);
        } else {
            accounts.remove(request.counterAccountId == 2 ? 3 : 2);
        }
        const auto planned = PostingRules::planLegs(request, accounts, Role::Support);
        QVERIFY2(planned, qPrintable(planned ? QString() : planned.error().message));
        QCOMPARE(describe(planned.value()), legs);
        // Double entry: every currency's legs sum to zero.
        QCOMPARE(sum(planned.value(), QStringLiteral("GOLD")), 0);
        QCOMPARE(sum(planned.value(), QStringLiteral("SWORD")), 0);
    }

    void accountStatesAndRoles() {
        Account frozen = player(1, QStringLiteral("GOLD"));
        frozen.state = AccountState::Frozen;
        auto refused = PostingRules::checkUsable(frozen, Role::Support);
        QVERIFY(refused);
        QCOMPARE(refused->code, ErrorCode::AccountFrozen);
        QVERIFY(!PostingRules::checkUsable(frozen, Role::Supervisor));
        Account closed = frozen;
        closed.state = AccountState::Closed;
        QCOMPARE(PostingRules::checkUsable(closed, Role::Admin)->code, ErrorCode::AccountClosed);

        // A transfer into a frozen account is refused to support, allowed to a supervisor.
        Account to = player(2, QStringLiteral("GOLD"), QStringLiteral("p2"));
        to.state = AccountState::Frozen;
        const QHash<qint64, Account> accounts{{1, player(1, QStringLiteral("GOLD"))}, {2, to}};
        const auto t = request(TransactionKind::Transfer, 5, 2);
        QCOMPARE(PostingRules::planLegs(t, accounts, Role::Support).error().code, ErrorCode::AccountFrozen);
        QVERIFY(PostingRules::planLegs(t, accounts, Role::Supervisor));
    }

    void refusedPlans() {
        QHash<qint64, Account> accounts{{1, player(1, QStringLiteral("GOLD"))},
                                        {2, player(2, QStringLiteral("GEMS"), QStringLiteral("p2"))}};
        auto e = PostingRules::planLegs(request(TransactionKind::Transfer, 5, 2), accounts, Role::Admin);
        QCOMPARE(e.error().message,
                 QStringLiteral("a transfer cannot go from GOLD to GEMS; currencies differ"));
        e = PostingRules::planLegs(request(TransactionKind::Purchase, 5, 2), accounts, Role::Admin);
        QCOMPARE(e.error().message, QStringLiteral("account 2 is not an account of player p1"));
        accounts[2] = player(2, QStringLiteral("GOLD"));
        e = PostingRules::planLegs(request(TransactionKind::Purchase, 5, 2), accounts, Role::Admin);
        QCOMPARE(e.error().message, QStringLiteral("a purchase pays in one currency for another"));
        Account treasury = player(1, QStringLiteral("GOLD"), {});
        treasury.kind = AccountKind::System;
        e = PostingRules::planLegs(request(TransactionKind::Deposit, 5), {{1, treasury}}, Role::Admin);
        QCOMPARE(e.error().message, QStringLiteral("account 1 is a system account"));
    }

    void approvalHolds() {
        QCOMPARE(PostingRules::holdAmount(request(TransactionKind::Withdrawal, 40)), 40);
        QCOMPARE(PostingRules::holdAmount(request(TransactionKind::Transfer, 40, 2)), 40);
        QCOMPARE(PostingRules::holdAmount(request(TransactionKind::Adjustment, -40)), 40);
        QCOMPARE(PostingRules::holdAmount(request(TransactionKind::Adjustment, 40)), 0);
        QCOMPARE(PostingRules::holdAmount(request(TransactionKind::Deposit, 40)), 0);
    }
};

QTEST_GUILESS_MAIN(TestPostingRules)
#include "tst_postingrules.moc"

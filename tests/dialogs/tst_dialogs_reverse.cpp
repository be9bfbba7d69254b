// The reverse dialog, driven as a support agent would: the original shown, a reason required, and a forced
// reversal when the money is spent; checked against what the ledger then holds (SQLite or PostgreSQL).

#include "dialogfixture.h"
#include "ledgerreader.h"
#include "ledgerservice.h"
#include "localledgerclient.h"
#include "reversedialog.h"
#include "testsupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using WalletDeskTest::await;

using namespace DialogTest;

class TestDialogsReverse : public DialogFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void reverseShowsTheOriginalAndNeedsAReason();
    void reverseWithForceWhenTheMoneyIsSpent();
};

// --- reverse

void TestDialogsReverse::reverseShowsTheOriginalAndNeedsAReason() {
    const PostingResult deposit = ok(m_ledger->post(Sam, [&] {
        auto r = request(TransactionKind::Deposit, m_ann, 1234, QStringLiteral("mistake"));
        r.ticketRef = QStringLiteral("SUP-9");
        return r;
    }()));
    // A support operator sees why they cannot.
    {
        ReverseDialog dialog(as(Sam), deposit.transactionId);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QVERIFY(!child<QCheckBox>(&dialog, "forceCheck")->isEnabled());
        QTest::keyClicks(child<QLineEdit>(&dialog, "reasonEdit"), QStringLiteral("x"));
        QVERIFY(!okButton(&dialog)->isEnabled());
        QVERIFY(okButton(&dialog)->toolTip().contains(u"supervisor role"));
    }
    ReverseDialog dialog(as(Sue), deposit.transactionId);
    QSignalSpy reversed(&dialog, &ReverseDialog::reversed);
    show(&dialog);
    QVERIFY(settle(&dialog));
    const QString original = label(&dialog, "originalLabel");
    QVERIFY2(original.contains(u"Deposit") && original.contains(u"SUP-9") && original.contains(u"sam"),
             qPrintable(original));
    QVERIFY(original.contains(m("12.34 USD")) && original.contains(m("-12.34 USD")));
    QVERIFY(original.contains(u"Ann") && original.contains(u"treasury"));
    QVERIFY(child<QCheckBox>(&dialog, "forceCheck")->isEnabled());
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(dialog.inputProblemText().startsWith(u"Reason"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "reasonEdit"), QStringLiteral("posted to the wrong player"));
    screenshot(&dialog, QStringLiteral("reverse"));
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.resultText().startsWith(u"Reversed"), qPrintable(dialog.errorText()));
    QCOMPARE(reversed.size(), 1);
    QCOMPARE(account(m_ann).balance, 50000);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE reverses_id = %1")
                        .arg(deposit.transactionId)),
             1);
    // Once reversed, a new dialog says so and offers nothing.
    ReverseDialog again(as(Sid), deposit.transactionId);
    show(&again);
    QVERIFY(settle(&again));
    QVERIFY(label(&again, "noticeLabel").contains(u"already reversed"));
    QTest::keyClicks(child<QLineEdit>(&again, "reasonEdit"), QStringLiteral("again"));
    QVERIFY(!okButton(&again)->isEnabled());
}

void TestDialogsReverse::reverseWithForceWhenTheMoneyIsSpent() {
    const PostingResult deposit =
        ok(m_ledger->post(Sue, request(TransactionKind::Deposit, m_ben, 10000, QStringLiteral("ben-in"))));
    ok(m_ledger->post(Sue, request(TransactionKind::Withdrawal, m_ben, 6000, QStringLiteral("ben-out"))));
    ReverseDialog dialog(as(Sue), deposit.transactionId);
    show(&dialog);
    QVERIFY(settle(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, "reasonEdit"), QStringLiteral("chargeback"));
    const qint64 before = transactions();
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.errorText().contains(u"Not enough funds"), qPrintable(dialog.errorText()));
    QVERIFY(dialog.errorText().contains(u"tick Force"));
    QCOMPARE(transactions(), before);
    QCOMPARE(account(m_ben).balance, 4000);
    screenshot(&dialog, QStringLiteral("reverse-needs-force"));
    QTest::mouseClick(child<QCheckBox>(&dialog, "forceCheck"), Qt::LeftButton);
    QVERIFY(child<QCheckBox>(&dialog, "forceCheck")->isChecked());
    click(okButton(&dialog)); // asks to confirm: a forced reversal may go below zero
    QVERIFY(child<QLabel>(&dialog, "confirmLabel")->isVisible());
    QTRY_VERIFY(okButton(&dialog)->isEnabled());
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.resultText().startsWith(u"Reversed"), qPrintable(dialog.errorText()));
    QCOMPARE(account(m_ben).balance, -6000);
    QCOMPARE(transactionsWithKey(dialog.idempotencyKey()), 1);
}

QTEST_MAIN(TestDialogsReverse)
#include "tst_dialogs_reverse.moc"

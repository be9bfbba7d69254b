// The dialogs' ledger check (issue 13): before OK, each dialog rehearses its request with the ledger (a dry
// run) and shows the ledger's answer, so what the dialog says is what the ledger would do. Driven through the
// real widgets against a real ledger (SQLite or PostgreSQL, WALLETDESK_TEST_BACKENDS); every check must leave
// the journal and the audit log as they were.

#include "approvaldecisiondialog.h"
#include "dialogfixture.h"
#include "ledgerreader.h"
#include "moneyedit.h"
#include "postingdialog.h"
#include "reversedialog.h"
#include "transferdialog.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSignalSpy>

using namespace DialogTest;

class TestLedgerCheck : public DialogFixture {
    Q_OBJECT

private:
    qint64 auditRows() { return scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log")); }
    qint64 approvals() { return scalar(QStringLiteral("SELECT COUNT(*) FROM approvals")); }
    /// Waits for the ledger's answer to the request as it now stands, and returns it.
    static QString verdict(LedgerDialog *dialog) {
        LedgerCheck *check = dialog->ledgerCheck();
        if (!check)
            qFatal("the dialog has no ledger check");
        if (!QTest::qWaitFor([check] { return !check->isPending() && check->isVisible(); }, 10000))
            return QStringLiteral("(no answer from the ledger)");
        return check->text();
    }

private Q_SLOTS:
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void postingShowsTheLedgersBalanceNotTheDialogsArithmetic();
    void refusalsAndApprovalsAreSaidBeforeOk();
    void transferReversalAndApprovalAreChecked();
    void anInputProblemHidesTheCheck();
    void theSameRequestIsCheckedOnce();
};

void TestLedgerCheck::postingShowsTheLedgersBalanceNotTheDialogsArithmetic() {
    const qint64 journal = transactions(), audit = auditRows();
    PostingDialog dialog(as(Sam), account(m_ann));
    show(&dialog);
    QVERIFY(settle(&dialog));
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("25.5"));
    QCOMPARE(verdict(&dialog),
             QStringLiteral("Checked with the ledger: it would post this. Balance after: ") +
                 m("525.50 USD") + QStringLiteral(" (available ") + m("525.50 USD") + QStringLiteral(")."));
    // Someone else deposits 100.00 meanwhile: the dialog's own preview still starts from the 500.00 it read,
    // the ledger's check from what the account holds now.
    ok(m_ledger->post(Sue, request(TransactionKind::Deposit, m_ann, 10000, QStringLiteral("meanwhile"))));
    auto *amount = child<MoneyEdit>(&dialog, "amountEdit");
    amount->clear();
    QTest::keyClicks(amount, QStringLiteral("30"));
    QVERIFY(dialog.previewText().contains(m("530.00 USD")));
    QVERIFY2(verdict(&dialog).contains(QStringLiteral("Balance after: ") + m("630.00 USD")),
             qPrintable(verdict(&dialog)));
    // The ledger's answer shows the balance moved: the dialog reads the account again, and its own preview
    // then agrees.
    QTRY_VERIFY2(dialog.previewText().contains(m("600.00 USD") + QStringLiteral("  →  ") + m("630.00 USD")),
                 qPrintable(dialog.previewText()));
    QCOMPARE(dialog.account().balance, 60000);
    QCOMPARE(transactions(), journal + 1); // the deposit meanwhile; the checks wrote nothing
    QCOMPARE(auditRows(), audit + 1);
    screenshot(&dialog, QStringLiteral("posting-ledger-check"));
    // OK posts what the check said.
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QCOMPARE(account(m_ann).balance, 63000);
    QVERIFY(!dialog.ledgerCheck()->isVisible()); // the result says what happened now
}

void TestLedgerCheck::refusalsAndApprovalsAreSaidBeforeOk() {
    const qint64 journal = transactions(), audit = auditRows();
    {
        PostingDialog dialog(as(Sue), account(m_ann));
        dialog.setChoice(PostingDialog::Choice::Withdrawal);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("600"));
        const QString said = verdict(&dialog);
        QVERIFY2(
            said.startsWith(u"Checked with the ledger: it would refuse this: insufficient funds: account"),
            qPrintable(said));
        QVERIFY(dialog.ledgerCheck()->refused());
        screenshot(&dialog, QStringLiteral("posting-ledger-check-refused"));
    }
    {
        // Above sam's limit of 100.00: the ledger would hold it for approval, and no approval is made.
        PostingDialog dialog(as(Sam), account(m_ann));
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("150"));
        QVERIFY2(verdict(&dialog).contains(u"would wait for a second operator's approval"),
                 qPrintable(verdict(&dialog)));
        QVERIFY(!dialog.ledgerCheck()->refused());
    }
    {
        // A frozen account: support may not post to it, and the ledger says so before OK.
        ok(m_ledger->run([this](LedgerStore &s) {
            return s.setAccountState(Sue, m_ben, AccountState::Frozen, QStringLiteral("fraud check"));
        }));
        PostingDialog dialog(as(Sam), account(m_ben));
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("5"));
        QVERIFY2(verdict(&dialog).contains(u"frozen"), qPrintable(verdict(&dialog)));
        QVERIFY(dialog.ledgerCheck()->refused());
    }
    QCOMPARE(transactions(), journal);
    QCOMPARE(approvals(), 0);
    QCOMPARE(auditRows(), audit + 1); // the freeze only
}

void TestLedgerCheck::transferReversalAndApprovalAreChecked() {
    {
        TransferDialog dialog(as(Sam), account(m_ann));
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, "destinationEdit"), QStringLiteral("1002"));
        QTRY_VERIFY(dialog.destination().has_value());
        QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("20"));
        QCOMPARE(
            verdict(&dialog),
            QStringLiteral("Checked with the ledger: it would post this. Account %1 would hold %2; account "
                           "%3 would hold %4.")
                .arg(m_ann)
                .arg(m("480.00 USD"))
                .arg(m_ben)
                .arg(m("20.00 USD")));
    }
    const PostingResult deposit =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 1234, QStringLiteral("to-reverse"))));
    {
        ReverseDialog dialog(as(Sue), deposit.transactionId);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, "reasonEdit"), QStringLiteral("wrong player"));
        QCOMPARE(verdict(&dialog),
                 QStringLiteral("Checked with the ledger: it would post this. Account %1 would hold %2.")
                     .arg(m_ann)
                     .arg(m("500.00 USD")));
    }
    const PostingResult big =
        ok(m_ledger->post(Sam, request(TransactionKind::Deposit, m_ann, 20000, QStringLiteral("big"))));
    const Approval approval =
        ok(m_ledger->run([id = big.approvalId](LedgerStore &s) { return LedgerReader(s).approval(id); }));
    const qint64 journal = transactions();
    {
        ApprovalDecisionDialog dialog(as(Sue), approval, true);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QCOMPARE(verdict(&dialog),
                 QStringLiteral("Checked with the ledger: it would post this. Account %1 would hold %2.")
                     .arg(m_ann)
                     .arg(m("712.34 USD")));
        screenshot(&dialog, QStringLiteral("approve-ledger-check"));
    }
    QCOMPARE(transactions(), journal);
    QCOMPARE(ok(m_ledger->run([id = big.approvalId](LedgerStore &s) {
                 return LedgerReader(s).approval(id);
             })).state,
             Approval::State::Pending);
}

void TestLedgerCheck::anInputProblemHidesTheCheck() {
    PostingDialog dialog(as(Sam), account(m_ann));
    show(&dialog);
    QVERIFY(settle(&dialog));
    auto *amount = child<MoneyEdit>(&dialog, "amountEdit");
    QTest::keyClicks(amount, QStringLiteral("10"));
    QVERIFY(verdict(&dialog).contains(u"would post"));
    dialog.setChoice(PostingDialog::Choice::AdjustmentCredit); // needs a reason code: not sendable
    QTRY_VERIFY(!dialog.ledgerCheck()->isVisible());
    QVERIFY(!dialog.ledgerCheck()->isPending());
}

void TestLedgerCheck::theSameRequestIsCheckedOnce() {
    // Supervisor sue may post 2,000.00 (no limit); the amount asks for a confirmation.
    PostingDialog dialog(as(Sue), account(m_ann));
    show(&dialog);
    QVERIFY(settle(&dialog));
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("2000"));
    QVERIFY(verdict(&dialog).startsWith(u"Checked with the ledger: it would post this."));
    QSignalSpy answers(dialog.ledgerCheck(), &LedgerCheck::answered);
    // OK asks for the confirmation, which arms after a pause: each revalidates the dialog, and the request
    // is the same, so the ledger is not asked again.
    click(okButton(&dialog));
    QTRY_VERIFY(okButton(&dialog)->isEnabled()); // armed
    QTest::qWait(150);                           // longer than the check's pause in these tests
    QVERIFY(!dialog.ledgerCheck()->isPending());
    QCOMPARE(answers.size(), 0);
    // Another amount is another request: asked once.
    QTest::keyClick(child<MoneyEdit>(&dialog, "amountEdit"), Qt::Key_Backspace);
    QVERIFY(verdict(&dialog).startsWith(u"Checked with the ledger: it would post this."));
    QCOMPARE(answers.size(), 1);
}

QTEST_MAIN(TestLedgerCheck)
#include "tst_ledgercheck.moc"

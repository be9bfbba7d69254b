// The posting and transfer dialogs and their amount field, driven as a support agent would: type into the
// real widgets, click, read the preview and the error, and check what the ledger then holds (SQLite or
// PostgreSQL).

#include "dialogfixture.h"
#include "ledgererrortext.h"
#include "ledgerreader.h"
#include "ledgerservice.h"
#include "localledgerclient.h"
#include "moneyedit.h"
#include "moneyvalidator.h"
#include "postingdialog.h"
#include "testsupport.h"
#include "transferdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using WalletDeskTest::await;

using namespace DialogTest;

class TestDialogsPosting : public DialogFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void moneyValidator_data();
    void moneyValidator();
    void amountFieldRefusesBadInputAsTyped();
    void depositPreviewsAndPostsExactly();
    void doubleClickAndRetriesPostOnce();
    void insufficientFundsIsShownAndNothingWritten();
    void frozenAccountIsShownAndNothingWritten();
    void aboveLimitNeedsApprovalAndHoldsFunds();
    void adjustmentNeedsAReasonCode();
    void largeAmountsAskForConfirmation();
    void overflowIsAnInputError();
    void viewerCannotPost();
    void escapeCancelsAndMnemonicsMoveFocus();
    void keyboardOnlyPosting();
    void escapeWaitsForTheAnswer();
    void errorCodesHavePlainWords();
    void transferFindsTheDestination();
};

// --- the amount field

void TestDialogsPosting::moneyValidator_data() {
    QTest::addColumn<int>("exponent");
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("state");
    const int I = QValidator::Invalid, M = QValidator::Intermediate, A = QValidator::Acceptable;
    QTest::newRow("empty") << 2 << QString() << M;
    QTest::newRow("whole") << 2 << QStringLiteral("12") << A;
    QTest::newRow("two decimals") << 2 << QStringLiteral("12.34") << A;
    QTest::newRow("three decimals") << 2 << QStringLiteral("12.345") << I;
    QTest::newRow("point at exponent 0") << 0 << QStringLiteral("12.") << I;
    QTest::newRow("trailing point") << 2 << QStringLiteral("12.") << M;
    QTest::newRow("letters") << 2 << QStringLiteral("12a") << I;
    QTest::newRow("exponent notation") << 2 << QStringLiteral("1e5") << I;
    QTest::newRow("grouped") << 2 << QStringLiteral("1,234.50") << A;
    QTest::newRow("grouping on its way") << 0 << QStringLiteral("1,23") << M;
    QTest::newRow("group after point") << 2 << QStringLiteral("1.2,") << I;
    QTest::newRow("int64 max") << 0 << QStringLiteral("9223372036854775807") << A;
    QTest::newRow("beyond int64") << 0 << QStringLiteral("9223372036854775808") << I;
    QTest::newRow("beyond int64 in cents") << 2 << QStringLiteral("92233720368547759") << I;
    QTest::newRow("negative refused") << 2 << QStringLiteral("-5") << I;
    QTest::newRow("two points") << 2 << QStringLiteral("1.2.3") << I;
}

void TestDialogsPosting::moneyValidator() {
    QFETCH(int, exponent);
    QFETCH(QString, input);
    QFETCH(int, state);
    MoneyValidator v(exponent);
    int pos = int(input.size());
    QCOMPARE(int(v.validate(input, pos)), state);
    if (state == QValidator::Acceptable)
        QVERIFY(v.value(input).has_value());
    else
        QVERIFY(!v.problem(input).isEmpty());
}

void TestDialogsPosting::amountFieldRefusesBadInputAsTyped() {
    PostingDialog dialog(as(Sam), account(m_ann));
    show(&dialog);
    QVERIFY(settle(&dialog));
    auto *amount = child<MoneyEdit>(&dialog, "amountEdit");
    QTest::keyClicks(amount, QStringLiteral("12a.3x45"));
    QCOMPARE(amount->text(), QStringLiteral("12.34")); // the letters and the third decimal were refused
    QCOMPARE(amount->amount(), std::optional<qint64>(1234));

    PostingDialog gold(as(Sam), account(m_annGold));
    show(&gold);
    QVERIFY(settle(&gold));
    auto *goldAmount = child<MoneyEdit>(&gold, "amountEdit");
    QTest::keyClicks(goldAmount, QStringLiteral("1.5"));
    QCOMPARE(goldAmount->text(), QStringLiteral("15")); // GOLD has no decimals
    goldAmount->clear();
    QTest::keyClicks(goldAmount, QStringLiteral("99999999999999999999"));
    QCOMPARE(goldAmount->text(), QStringLiteral("999999999999999999")); // the 19th nine is beyond int64
    goldAmount->clear();
    QTest::keyClicks(goldAmount, QStringLiteral("1,"));
    QVERIFY(!okButton(&gold)->isEnabled());
    QVERIFY2(dialog.inputProblemText().isEmpty(), qPrintable(dialog.inputProblemText()));
    QVERIFY(gold.inputProblemText().startsWith(u"Amount:"));
}

// --- posting

void TestDialogsPosting::depositPreviewsAndPostsExactly() {
    PostingDialog dialog(as(Sam), account(m_ann));
    QSignalSpy posted(&dialog, &PostingDialog::posted);
    show(&dialog);
    QVERIFY(settle(&dialog));
    QVERIFY(!okButton(&dialog)->isEnabled()); // nothing typed yet
    QVERIFY(dialog.inputProblemText().contains(u"Amount"));
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("25.5"));
    const QString preview = dialog.previewText();
    QVERIFY2(preview.contains(QStringLiteral("Balance:  ") + m("500.00 USD") + QStringLiteral("  →  ") +
                              m("525.50 USD")),
             qPrintable(preview));
    QVERIFY(preview.contains(QStringLiteral("Available:  ") + m("500.00 USD") + QStringLiteral("  →  ") +
                             m("525.50 USD")));
    QVERIFY2(
        label(&dialog, "approvalLabel").contains(QStringLiteral("within your limit of ") + m("100.00 USD")),
        qPrintable(label(&dialog, "approvalLabel")));
    QTest::keyClicks(child<QLineEdit>(&dialog, "ticketEdit"), QStringLiteral("SUP-7"));
    screenshot(&dialog, QStringLiteral("posting-deposit"));
    QVERIFY(okButton(&dialog)->isEnabled());
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.resultText().startsWith(u"Posted as transaction"), qPrintable(dialog.errorText()));
    QVERIFY(dialog.resultText().contains(m("525.50 USD")));
    QCOMPARE(account(m_ann).balance, 52550);
    QVERIFY(label(&dialog, "headerLabel").contains(m("525.50 USD"))); // the header follows
    QCOMPARE(posted.size(), 1);
    QCOMPARE(posted.at(0).at(0).value<PostingResult>().status, PostingResult::Status::Posted);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE ticket_ref = 'SUP-7'")), 1);
    screenshot(&dialog, QStringLiteral("posting-posted"));
    click(okButton(&dialog)); // now "Close"
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestDialogsPosting::doubleClickAndRetriesPostOnce() {
    // A double click: the second click finds OK disabled while the first request is in flight.
    {
        PostingDialog dialog(as(Sam), account(m_ann));
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("10"));
        doubleClick(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY(dialog.resultText().startsWith(u"Posted"));
        QCOMPARE(transactionsWithKey(dialog.idempotencyKey()), 1);
        QCOMPARE(account(m_ann).balance, 51000);
    }
    // A retry after a lost answer: the first attempt reached the ledger (here: the same request with the
    // dialog's key, sent behind its back); the dialog's own attempt then posts nothing new.
    {
        LedgerClient *sam = as(Sam);
        PostingDialog dialog(sam, account(m_ann));
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("7.25"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "memoEdit"), QStringLiteral("lost answer"));
        PostingRequest same = request(TransactionKind::Deposit, m_ann, 725, dialog.idempotencyKey());
        same.memo = QStringLiteral("lost answer");
        QVERIFY(await(sam->post(same)).ok());
        QCOMPARE(account(m_ann).balance, 51725);
        click(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY2(dialog.resultText().contains(u"nothing new was written"), qPrintable(dialog.resultText()));
        QCOMPARE(account(m_ann).balance, 51725);
        QCOMPARE(transactionsWithKey(dialog.idempotencyKey()), 1);
    }
    // A retry after an error reuses the key: refused for want of funds, then funded, then posted once.
    {
        PostingDialog dialog(as(Sam), account(m_ben));
        show(&dialog);
        QVERIFY(settle(&dialog));
        dialog.setChoice(PostingDialog::Choice::Withdrawal);
        QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("30"));
        const QString key = dialog.idempotencyKey();
        click(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY(dialog.errorText().contains(u"Not enough funds"));
        ok(m_ledger->post(Sue, request(TransactionKind::Deposit, m_ben, 5000, QStringLiteral("fund-ben"))));
        QTRY_VERIFY(okButton(&dialog)->isEnabled());
        click(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY2(dialog.resultText().startsWith(u"Posted"), qPrintable(dialog.errorText()));
        QCOMPARE(dialog.idempotencyKey(), key);
        QCOMPARE(transactionsWithKey(key), 1);
        QCOMPARE(account(m_ben).balance, 2000);
    }
}

void TestDialogsPosting::insufficientFundsIsShownAndNothingWritten() {
    PostingDialog dialog(as(Sam), account(m_ann));
    QSignalSpy posted(&dialog, &PostingDialog::posted);
    show(&dialog);
    QVERIFY(settle(&dialog));
    dialog.setChoice(PostingDialog::Choice::Withdrawal);
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("90"));
    ok(m_ledger->post(
        Sue, request(TransactionKind::Withdrawal, m_ann, 45000, QStringLiteral("spend")))); // 50.00 left
    const qint64 before = transactions();
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.errorText().contains(u"Not enough funds"), qPrintable(dialog.errorText()));
    QVERIFY(dialog.errorText().contains(u"insufficient funds")); // the ledger's own words follow
    screenshot(&dialog, QStringLiteral("posting-insufficient-funds"));
    QCOMPARE(transactions(), before);
    QCOMPARE(account(m_ann).balance, 5000);
    QCOMPARE(posted.size(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.isDone());
    // The preview caught up with the balance the ledger reported.
    QTRY_VERIFY(dialog.previewText().contains(u"Not enough available funds"));
    QVERIFY(okButton(&dialog)->isEnabled()); // the ledger decides; the agent may retry
}

void TestDialogsPosting::frozenAccountIsShownAndNothingWritten() {
    ok(m_ledger->run([this](LedgerStore &s) {
        return s.setAccountState(Sue, m_ann, AccountState::Frozen, QStringLiteral("investigation"));
    }));
    PostingDialog dialog(as(Sam), account(m_ann));
    show(&dialog);
    QVERIFY(settle(&dialog));
    QVERIFY(label(&dialog, "noticeLabel").contains(u"frozen"));
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("5"));
    const qint64 before = transactions();
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.errorText().startsWith(u"The account is frozen"), qPrintable(dialog.errorText()));
    QCOMPARE(transactions(), before);
    QCOMPARE(account(m_ann).balance, 50000);
}

void TestDialogsPosting::aboveLimitNeedsApprovalAndHoldsFunds() {
    PostingDialog dialog(as(Sam), account(m_ann));
    QSignalSpy posted(&dialog, &PostingDialog::posted);
    show(&dialog);
    QVERIFY(settle(&dialog));
    dialog.setChoice(PostingDialog::Choice::Withdrawal);
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("150"));
    const QString approval = label(&dialog, "approvalLabel");
    QVERIFY2(approval.startsWith(u"Needs a second operator's approval"), qPrintable(approval));
    QVERIFY(approval.contains(m("100.00 USD")));
    // Nothing moves until approved, but the available balance drops by the hold.
    const QString preview = dialog.previewText();
    QVERIFY2(preview.contains(QStringLiteral("Available:  ") + m("500.00 USD") + QStringLiteral("  →  ") +
                              m("350.00 USD")),
             qPrintable(preview));
    QVERIFY(preview.contains(QStringLiteral("Balance:  ") + m("500.00 USD") + QStringLiteral("  →  ") +
                             m("500.00 USD")));
    screenshot(&dialog, QStringLiteral("posting-needs-approval"));
    const qint64 before = transactions();
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.resultText().startsWith(u"Waiting for approval"), qPrintable(dialog.errorText()));
    QVERIFY(settle(&dialog));
    screenshot(&dialog, QStringLiteral("posting-pending"));
    QCOMPARE(posted.size(), 1);
    QCOMPARE(posted.at(0).at(0).value<PostingResult>().status, PostingResult::Status::Pending);
    QCOMPARE(transactions(), before);
    const Account ann = account(m_ann);
    QCOMPARE(ann.balance, 50000);
    QCOMPARE(ann.held, 15000);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM approvals WHERE state = 'pending'")), 1);
}

void TestDialogsPosting::adjustmentNeedsAReasonCode() {
    PostingDialog dialog(as(Sam), account(m_ann));
    show(&dialog);
    QVERIFY(settle(&dialog));
    auto *kind = child<QComboBox>(&dialog, "kindCombo");
    // Keyboard only: Down three times selects "Adjustment: debit".
    kind->setFocus();
    for (int i = 0; i < 3; ++i)
        QTest::keyClick(kind, Qt::Key_Down);
    QCOMPARE(dialog.choice(), PostingDialog::Choice::AdjustmentDebit);
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("5"));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY2(dialog.inputProblemText().startsWith(u"Reason code: required"),
             qPrintable(dialog.inputProblemText()));
    screenshot(&dialog, QStringLiteral("posting-adjustment-needs-reason"));
    QTest::keyClicks(child<QComboBox>(&dialog, "reasonCombo")->lineEdit(), QStringLiteral("goodwill"));
    QVERIFY(okButton(&dialog)->isEnabled());
    QVERIFY(dialog.inputProblemText().isEmpty());
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.resultText().startsWith(u"Posted"), qPrintable(dialog.errorText()));
    QCOMPARE(account(m_ann).balance, 49500);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE kind = 'adjustment' AND "
                                   "reason_code = 'goodwill'")),
             1);
}

void TestDialogsPosting::largeAmountsAskForConfirmation() {
    PostingDialog dialog(as(Sue), account(m_ann));
    show(&dialog);
    QVERIFY(settle(&dialog));
    auto *amount = child<MoneyEdit>(&dialog, "amountEdit");
    QTest::keyClicks(amount, QStringLiteral("1,500"));
    QVERIFY(label(&dialog, "approvalLabel").contains(u"no limit in USD"));
    const qint64 before = transactions();
    click(okButton(&dialog));
    auto *confirm = child<QLabel>(&dialog, "confirmLabel");
    QVERIFY(confirm->isVisible());
    QVERIFY2(confirm->text().contains(m("1,500.00 USD")), qPrintable(confirm->text()));
    QVERIFY(!okButton(&dialog)->isEnabled()); // not at once: a double click cannot confirm
    QTRY_VERIFY(okButton(&dialog)->isEnabled());
    QCOMPARE(okButton(&dialog)->text(), QStringLiteral("Con&firm"));
    screenshot(&dialog, QStringLiteral("posting-confirm"));
    QCOMPARE(transactions(), before);
    // An edit cancels the confirmation.
    QTest::keyClick(amount, Qt::Key_Backspace);
    QVERIFY(!confirm->isVisible());
    QCOMPARE(okButton(&dialog)->text(), QStringLiteral("&Post"));
    QTest::keyClicks(amount, QStringLiteral("0"));
    click(okButton(&dialog));
    QTRY_VERIFY(okButton(&dialog)->isEnabled());
    click(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.resultText().startsWith(u"Posted"), qPrintable(dialog.errorText()));
    QCOMPARE(account(m_ann).balance, 200000);
    // Below the threshold there is no confirmation step.
    PostingDialog small(as(Sue), account(m_ann));
    show(&small);
    QVERIFY(settle(&small));
    QTest::keyClicks(child<MoneyEdit>(&small, "amountEdit"), QStringLiteral("999.99"));
    click(okButton(&small));
    QVERIFY(settle(&small));
    QVERIFY(small.resultText().startsWith(u"Posted"));
}

void TestDialogsPosting::overflowIsAnInputError() {
    ok(m_ledger->post(Sue, request(TransactionKind::Deposit, m_annGold,
                                   std::numeric_limits<qint64>::max() - 10, QStringLiteral("huge"))));
    PostingDialog dialog(as(Sue), account(m_annGold));
    show(&dialog);
    QVERIFY(settle(&dialog));
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("11"));
    QVERIFY2(label(&dialog, "previewLabel").contains(u"overflow"),
             qPrintable(label(&dialog, "previewLabel")));
    QVERIFY(dialog.inputProblemText().contains(u"overflow"));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QTest::keyClick(child<MoneyEdit>(&dialog, "amountEdit"), Qt::Key_Backspace); // 1 fits
    QVERIFY(okButton(&dialog)->isEnabled());
}

void TestDialogsPosting::viewerCannotPost() {
    PostingDialog dialog(as(Actor{QStringLiteral("vera"), {}}), account(m_ann));
    show(&dialog);
    QVERIFY(settle(&dialog));
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("5"));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QVERIFY(okButton(&dialog)->toolTip().contains(u"support role"));
    QVERIFY(label(&dialog, "noticeLabel").contains(u"viewer"));
    screenshot(&dialog, QStringLiteral("posting-viewer"));
}

void TestDialogsPosting::escapeCancelsAndMnemonicsMoveFocus() {
    PostingDialog dialog(as(Sam), account(m_ann));
    show(&dialog);
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(settle(&dialog));
    QTest::keyClick(&dialog, Qt::Key_T, Qt::AltModifier);
    QTRY_VERIFY(child<QLineEdit>(&dialog, "ticketEdit")->hasFocus());
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    QTRY_VERIFY(child<MoneyEdit>(&dialog, "amountEdit")->hasFocus());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("3"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(account(m_ann).balance, 50000);
}

void TestDialogsPosting::keyboardOnlyPosting() {
    PostingDialog dialog(as(Sam), account(m_ann));
    show(&dialog);
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QVERIFY(settle(&dialog));
    // The tab order follows the form from top to bottom.
    auto *kind = child<QComboBox>(&dialog, "kindCombo");
    auto *reason = child<QComboBox>(&dialog, "reasonCombo");
    kind->setFocus();
    QTRY_VERIFY(kind->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(child<MoneyEdit>(&dialog, "amountEdit")->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(reason->hasFocus() || reason->lineEdit()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(child<QLineEdit>(&dialog, "ticketEdit")->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(child<QLineEdit>(&dialog, "memoEdit")->hasFocus());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("typed only"));
    // Alt+A to the amount, type it, Enter posts (OK is the default button).
    QTest::keyClick(&dialog, Qt::Key_A, Qt::AltModifier);
    QTRY_VERIFY(child<MoneyEdit>(&dialog, "amountEdit")->hasFocus());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("4.20"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.resultText().startsWith(u"Posted"), qPrintable(dialog.errorText()));
    QCOMPARE(account(m_ann).balance, 50420);
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE memo = 'typed only'")), 1);
}

void TestDialogsPosting::escapeWaitsForTheAnswer() {
    auto *client = static_cast<LocalLedgerClient *>(as(Sam));
    PostingDialog dialog(client, account(m_ann));
    QSignalSpy posted(&dialog, &PostingDialog::posted);
    show(&dialog);
    QVERIFY(settle(&dialog));
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("1"));
    // Keep the ledger's worker busy for a moment, so that the answer is certainly still out when Escape is
    // pressed (a fast worker could otherwise answer before the click returns).
    client->service().run([](LedgerStore &) {
        QThread::msleep(400);
        return Result<Done>(Done{});
    });
    click(okButton(&dialog));
    QVERIFY(dialog.isBusy());
    QTest::keyClick(&dialog, Qt::Key_Escape);
    QVERIFY(dialog.isVisible());
    QVERIFY(settle(&dialog));
    QVERIFY(dialog.resultText().startsWith(u"Posted"));
    QCOMPARE(posted.size(), 1);
    QTest::keyClick(&dialog, Qt::Key_Escape); // now it closes
    QVERIFY(!dialog.isVisible());
    QCOMPARE(account(m_ann).balance, 50100);
}

void TestDialogsPosting::errorCodesHavePlainWords() {
    QSet<QString> seen;
    for (ErrorCode code : {ErrorCode::InvalidArgument, ErrorCode::NotFound, ErrorCode::InsufficientFunds,
                           ErrorCode::AccountFrozen, ErrorCode::AccountClosed, ErrorCode::IdempotencyConflict,
                           ErrorCode::AlreadyReversed, ErrorCode::PermissionDenied, ErrorCode::Overflow,
                           ErrorCode::SchemaTooNew, ErrorCode::StateConflict, ErrorCode::Database}) {
        const QString text = LedgerErrorText::of(LedgerError{code, QStringLiteral("the ledger's words")});
        QVERIFY(text.endsWith(u"The ledger said: the ledger's words"));
        const QString headline = LedgerErrorText::headline(code);
        QVERIFY2(!seen.contains(headline), qPrintable(headline));
        seen.insert(headline);
    }
}

// --- transfer

void TestDialogsPosting::transferFindsTheDestination() {
    TransferDialog dialog(as(Sam), account(m_ann));
    QSignalSpy transferred(&dialog, &TransferDialog::transferred);
    show(&dialog);
    QVERIFY(settle(&dialog));
    auto *to = child<QLineEdit>(&dialog, "destinationEdit");
    QTest::keyClicks(to, QStringLiteral("9999"));
    QTRY_VERIFY(dialog.inputProblemText().contains(u"player \"9999\" has no USD account"));
    screenshot(&dialog, QStringLiteral("transfer-unknown-player"));
    to->clear();
    QTest::keyClicks(to, QStringLiteral("1001")); // Ann herself
    QTRY_VERIFY(dialog.inputProblemText().contains(u"the account the money comes from"));
    auto *by = child<QComboBox>(&dialog, "destinationByCombo");
    by->setCurrentIndex(by->findData(int(TransferDialog::DestinationBy::AccountId)));
    to->clear();
    QTest::keyClicks(to, QString::number(m_annGold));
    QTRY_VERIFY2(dialog.inputProblemText().contains(u"holds GOLD, not USD"),
                 qPrintable(dialog.inputProblemText()));
    by->setCurrentIndex(by->findData(int(TransferDialog::DestinationBy::PlayerRef)));
    to->clear();
    QTest::keyClicks(to, QStringLiteral("1002"));
    QTRY_VERIFY(dialog.destination().has_value());
    QCOMPARE(dialog.destination()->id, m_ben);
    QVERIFY(label(&dialog, "destinationLabel").contains(u"Ben"));
    QTest::keyClicks(child<MoneyEdit>(&dialog, "amountEdit"), QStringLiteral("20"));
    const QString preview = dialog.previewText();
    QVERIFY2(preview.contains(QStringLiteral("Account %1 balance:  ").arg(m_ann) + m("500.00 USD") +
                              QStringLiteral("  →  ") + m("480.00 USD")),
             qPrintable(preview));
    QVERIFY(preview.contains(QStringLiteral("Account %1 balance:  ").arg(m_ben) + m("0.00 USD") +
                             QStringLiteral("  →  ") + m("20.00 USD")));
    screenshot(&dialog, QStringLiteral("transfer"));
    QVERIFY2(okButton(&dialog)->isEnabled(), qPrintable(dialog.inputProblemText()));
    doubleClick(okButton(&dialog));
    QVERIFY(settle(&dialog));
    QVERIFY2(dialog.resultText().startsWith(u"Transferred"), qPrintable(dialog.errorText()));
    QCOMPARE(transferred.size(), 1);
    QCOMPARE(transactionsWithKey(dialog.idempotencyKey()), 1);
    QCOMPARE(account(m_ann).balance, 48000);
    QCOMPARE(account(m_ben).balance, 2000);
}

QTEST_MAIN(TestDialogsPosting)
#include "tst_dialogs_posting.moc"

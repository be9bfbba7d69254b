// The approval decision dialog, driven as a supervisor would: approve and reject another operator's request;
// checked against what the ledger then holds (SQLite or PostgreSQL).

#include "approvaldecisiondialog.h"
#include "dialogfixture.h"
#include "ledgerreader.h"
#include "ledgerservice.h"
#include "localledgerclient.h"
#include "testsupport.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QtTest>

using WalletDeskTest::await;

using namespace DialogTest;

class TestDialogsApprovals : public DialogFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { setUpCase(); }
    void init() { setUpTest(); }
    void cleanup() { tearDownTest(); }

    void approveAndRejectAsAnotherOperator();
};

// --- approvals

void TestDialogsApprovals::approveAndRejectAsAnotherOperator() {
    const PostingResult big =
        ok(m_ledger->post(Sam, request(TransactionKind::Withdrawal, m_ann, 20000, QStringLiteral("big"))));
    QCOMPARE(big.status, PostingResult::Status::Pending);
    const PostingResult other =
        ok(m_ledger->post(Sid, request(TransactionKind::Withdrawal, m_ann, 15000, QStringLiteral("other"))));
    QCOMPARE(account(m_ann).held, 35000);
    const QList<Approval> pending =
        ok(m_ledger->run([](LedgerStore &s) { return LedgerReader(s).approvals(true); }));
    Approval bigApproval, otherApproval;
    for (const Approval &a : pending)
        (a.id == big.approvalId ? bigApproval : otherApproval) = a;
    QCOMPARE(otherApproval.id, other.approvalId);

    {
        // Sid made "other": he cannot decide it.
        ApprovalDecisionDialog dialog(as(Sid), otherApproval, true);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QVERIFY(!okButton(&dialog)->isEnabled());
        QVERIFY(label(&dialog, "noticeLabel").contains(u"a different operator"));
    }
    {
        ApprovalDecisionDialog dialog(as(Sue), bigApproval, true);
        QSignalSpy approved(&dialog, &ApprovalDecisionDialog::approved);
        show(&dialog);
        QVERIFY(settle(&dialog));
        const QString request = label(&dialog, "requestLabel");
        QVERIFY2(request.contains(m("200.00 USD")) && request.contains(u"sam") &&
                     request.contains(u"Withdrawal"),
                 qPrintable(request));
        QVERIFY(okButton(&dialog)->isEnabled()); // a comment is optional when approving
        screenshot(&dialog, QStringLiteral("approve"));
        click(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY2(dialog.resultText().startsWith(u"Approved"), qPrintable(dialog.errorText()));
        QCOMPARE(approved.size(), 1);
        const Account ann = account(m_ann);
        QCOMPARE(ann.balance, 30000);
        QCOMPARE(ann.held, 15000);
    }
    {
        ApprovalDecisionDialog dialog(as(Sue), otherApproval, false);
        QSignalSpy rejected(&dialog, &ApprovalDecisionDialog::approvalRejected);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QVERIFY(!okButton(&dialog)->isEnabled());
        QVERIFY(dialog.inputProblemText().startsWith(u"Comment"));
        QTest::keyClicks(child<QLineEdit>(&dialog, "commentEdit"), QStringLiteral("not in the ticket"));
        screenshot(&dialog, QStringLiteral("reject"));
        click(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY2(dialog.resultText().startsWith(u"Rejected"), qPrintable(dialog.errorText()));
        QCOMPARE(rejected.size(), 1);
        const Account ann = account(m_ann);
        QCOMPARE(ann.balance, 30000);
        QCOMPARE(ann.held, 0);
    }
    {
        // A stale dialog for a request someone else already decided: the ledger's refusal is shown.
        ApprovalDecisionDialog dialog(as(Sid), bigApproval, false);
        show(&dialog);
        QVERIFY(settle(&dialog));
        QTest::keyClicks(child<QLineEdit>(&dialog, "commentEdit"), QStringLiteral("late"));
        click(okButton(&dialog));
        QVERIFY(settle(&dialog));
        QVERIFY2(dialog.errorText().contains(u"already approved"), qPrintable(dialog.errorText()));
        QCOMPARE(account(m_ann).balance, 30000);
    }
}

QTEST_MAIN(TestDialogsApprovals)
#include "tst_dialogs_approvals.moc"

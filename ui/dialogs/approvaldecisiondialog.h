#pragma once

#include "account.h"
#include "approval.h"
#include "ledgerdialog.h"
#include "postingresult.h"

#include <QHash>

class LedgerClient;
class QLabel;
class QLineEdit;

/// Approves or rejects one pending approval (maker-checker). Shows the request as the maker sent it; a
/// rejection needs a comment. The maker cannot decide their own request, and deciding needs a supervisor.
class ApprovalDecisionDialog final : public LedgerDialog {
    Q_OBJECT
public:
    ApprovalDecisionDialog(LedgerClient *client, const Approval &approval, bool approve,
                           QWidget *parent = nullptr);
    ~ApprovalDecisionDialog() override;
    Q_DISABLE_COPY_MOVE(ApprovalDecisionDialog)

    bool isApprove() const { return m_approve; }

Q_SIGNALS:
    /// Approved: the posting was made. When the answer was lost and the ledger was asked instead, only the
    /// status, the transaction and the approval are known: `entries` is empty.
    void approved(const PostingResult &result);
    /// Rejected: the held funds are released. (Not named rejected(): that would overload
    /// QDialog::rejected().)
    void approvalRejected(const Approval &approval);

protected:
    QString inputProblem() const override;
    void send() override;

private:
    QString money(qint64 minor) const;
    QString accountText(qint64 id) const;
    void showRequest();
    /// After a decision failed with a database or connection error (the answer may be what was lost): reads
    /// the request's state now and says what it shows (decided by this operator or another, still waiting,
    /// or not known yet), never a guess.
    void settleLostDecision(const LedgerError &error);
    /// After the ledger refused the decision because the request is decided already: when it shows the
    /// request decided by this operator the way this dialog asked, that is this dialog's decision whose
    /// answer was lost (Qt's HTTP stack sends a request again by itself when the connection closes before any
    /// answer, and the ledger refuses the repeat) or an earlier one of theirs: either way it holds, once, and
    /// is shown as done. Otherwise the refusal is shown as it came.
    void settleRefusedDecision(const LedgerError &refusal);
    /// Emits approved() for a request the ledger shows approved, with what is known of it without the answer.
    void announceApproved(const Approval &now);

    const Approval m_approval;
    const bool m_approve;
    QHash<qint64, Account> m_accounts; ///< the request's accounts, once loaded
    QLabel *m_request;
    QLineEdit *m_comment;
};

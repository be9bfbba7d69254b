#pragma once

#include "account.h"
#include "ledgerdialog.h"
#include "postingrequest.h"
#include "postingresult.h"

#include <optional>

class LedgerClient;
class MoneyEdit;
class QComboBox;
class QLabel;
class QLineEdit;

/// Deposit, withdrawal or adjustment (credit or debit) on one player account, with a live preview of the
/// balances before and after and of whether the amount needs a second operator's approval.
///
/// The dialog makes one idempotency key when it is created and sends it with every attempt, so a double
/// click, a retry after an error, or a retry after a lost answer can never post twice.
class PostingDialog final : public LedgerDialog {
    Q_OBJECT
public:
    enum class Choice { Deposit, Withdrawal, AdjustmentCredit, AdjustmentDebit };
    Q_ENUM(Choice)

    PostingDialog(LedgerClient *client, const Account &account, QWidget *parent = nullptr);
    ~PostingDialog() override;
    Q_DISABLE_COPY_MOVE(PostingDialog)

    void setChoice(Choice choice);
    Choice choice() const;
    /// The key every attempt of this dialog carries.
    QString idempotencyKey() const { return m_key; }
    /// The account as last read from the ledger.
    const Account &account() const { return m_account; }
    /// The before/after preview as plain lines ("Balance:  500.00 USD  →  525.50 USD").
    QString previewText() const { return m_previewText; }

Q_SIGNALS:
    /// The ledger accepted the request: posted, or pending a second operator's approval.
    void posted(const PostingResult &result);

protected:
    QString inputProblem() const override;
    QString confirmation() const override;
    void send() override;

private:
    struct Preview {
        std::optional<qint64> balanceAfter;
        std::optional<qint64> availableAfter;
        bool needsApproval = false;
        bool insufficient = false;
    };
    Preview preview(qint64 amount) const;
    /// The request as the inputs stand, with the dialog's key.
    PostingRequest request() const;
    qint64 signedDelta(qint64 amount) const;
    bool isDebit() const;
    bool isAdjustment() const;
    QString money(qint64 minor) const;
    void reloadAccount();
    void updateAccountView();
    void updatePreview();

    Account m_account;
    const QString m_key;
    QString m_previewText;

    QComboBox *m_kind;
    MoneyEdit *m_amount;
    QComboBox *m_reason;
    QLineEdit *m_ticket;
    QLineEdit *m_memo;
    QLabel *m_preview;
    QLabel *m_approval;
};

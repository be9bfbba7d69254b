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
class QTimer;

/// Moves an amount from one player account to another of the same currency. The destination is typed as
/// a player reference or an account id and looked up as it is typed (via LedgerClient::accounts/account);
/// OK waits until exactly one usable account is found. One idempotency key per dialog, like PostingDialog.
class TransferDialog final : public LedgerDialog {
    Q_OBJECT
public:
    enum class DestinationBy { PlayerRef, AccountId };
    Q_ENUM(DestinationBy)

    TransferDialog(LedgerClient *client, const Account &from, QWidget *parent = nullptr);
    ~TransferDialog() override;
    Q_DISABLE_COPY_MOVE(TransferDialog)

    QString idempotencyKey() const { return m_key; }
    /// The destination found for what was typed, if any.
    std::optional<Account> destination() const { return m_destination; }
    /// The before/after preview as plain lines.
    QString previewText() const { return m_previewText; }

Q_SIGNALS:
    void transferred(const PostingResult &result);

protected:
    QString inputProblem() const override;
    QString confirmation() const override;
    void send() override;

private:
    QString money(qint64 minor) const;
    void destinationEdited();
    void lookUp();
    void acceptCandidate(const Account &candidate, int generation);
    void reloadAccount();
    /// The request as the inputs stand, with the dialog's key.
    PostingRequest request() const;
    void updateView();

    Account m_from;
    const QString m_key;
    std::optional<Account> m_destination;
    QString m_destinationProblem; ///< why what was typed is not a destination (yet)
    bool m_lookupPending = false;
    int m_lookupGeneration = 0; ///< answers to older lookups are dropped
    QString m_previewText;

    QComboBox *m_by;
    QLineEdit *m_destinationEdit;
    QLabel *m_destinationLabel;
    MoneyEdit *m_amount;
    QLineEdit *m_memo;
    QLabel *m_preview;
    QTimer *m_lookupTimer;
};

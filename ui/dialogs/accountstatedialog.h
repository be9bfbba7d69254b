#pragma once

#include "account.h"
#include "ledgerdialog.h"

class LedgerClient;
class QLabel;
class QLineEdit;

/// Freezes, unfreezes or closes one player account, with a required reason (it goes to the audit log).
/// Closing explains that it needs an empty account and is final, and asks for confirmation.
class AccountStateDialog final : public LedgerDialog {
    Q_OBJECT
public:
    AccountStateDialog(LedgerClient *client, const Account &account, AccountState target,
                       QWidget *parent = nullptr);
    ~AccountStateDialog() override;
    Q_DISABLE_COPY_MOVE(AccountStateDialog)

    AccountState target() const { return m_target; }

Q_SIGNALS:
    /// The ledger changed the state; `account` is the account as it is now.
    void stateChanged(const Account &account);

protected:
    QString inputProblem() const override;
    QString confirmation() const override;
    void send() override;

private:
    void reloadAccount();
    void updateView();
    QString verb() const;

    Account m_account;
    const AccountState m_target;
    QLabel *m_explanation;
    QLineEdit *m_reason;
};

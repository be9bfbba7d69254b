#include "accountstatedialog.h"

#include "dialogtext.h"
#include "ledgerclient.h"
#include "postingrules.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

AccountStateDialog::AccountStateDialog(LedgerClient *client, const Account &account, AccountState target,
                                       QWidget *parent)
    : LedgerDialog(client, parent)
    , m_account(account)
    , m_target(target) {
    switch (target) {
    case AccountState::Frozen:
        setWindowTitle(tr("Freeze account %1").arg(account.id));
        setOkText(tr("&Freeze"));
        break;
    case AccountState::Active:
        setWindowTitle(tr("Unfreeze account %1").arg(account.id));
        setOkText(tr("&Unfreeze"));
        break;
    case AccountState::Closed:
        setWindowTitle(tr("Close account %1").arg(account.id));
        setOkText(tr("C&lose account"));
        break;
    }

    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("explanationLabel"));
    m_explanation->setWordWrap(true);
    switch (target) {
    case AccountState::Frozen:
        m_explanation->setText(tr("A frozen account takes no postings, except by a supervisor. Its balance "
                                  "stays as it is. Unfreeze it to return it to normal service."));
        break;
    case AccountState::Active:
        m_explanation->setText(tr("The account takes postings again, from every operator."));
        break;
    case AccountState::Closed:
        m_explanation->setText(tr("Closing is final: a closed account never takes a posting again and cannot "
                                  "be reopened. Only an empty account can be closed: a zero balance, nothing "
                                  "held, and no approvals pending."));
        break;
    }
    form()->addRow(m_explanation);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setMaxLength(PostingRules::MaxTextLength);
    m_reason->setPlaceholderText(tr("e.g. fraud investigation SUP-1234"));
    form()->addRow(tr("&Reason (required):"), m_reason);
    watch(m_reason);

    updateView();
    reloadAccount();
    m_reason->setFocus();
}

AccountStateDialog::~AccountStateDialog() = default;

QString AccountStateDialog::verb() const {
    switch (m_target) {
    case AccountState::Frozen:
        return tr("freeze");
    case AccountState::Active:
        return tr("unfreeze");
    case AccountState::Closed:
        return tr("close");
    }
    return {};
}

void AccountStateDialog::reloadAccount() {
    loadAccount(m_account.id, [this](const Account &account) {
        m_account = account;
        updateView();
    });
}

void AccountStateDialog::updateView() {
    setHeader(
        DialogText::accountLine(m_account) + QStringLiteral("<br>") +
        tr("Balance %1 · held %2")
            .arg(DialogText::money(m_account.balance, m_account.exponent, m_account.currency).toHtmlEscaped(),
                 DialogText::money(m_account.held, m_account.exponent, m_account.currency).toHtmlEscaped()));
    if (isDone())
        return;
    const SessionInfo session = client()->session();
    QString blocked;
    if (session.role < Role::Supervisor)
        blocked = tr("Freezing, unfreezing and closing need the supervisor role; you are signed in as %1.")
                      .arg(DialogText::role(session.role));
    else if (m_account.kind == AccountKind::System)
        blocked = tr("System accounts cannot be frozen or closed.");
    else if (m_account.state == AccountState::Closed)
        blocked = tr("This account is closed, which is final.");
    else if (m_account.state == m_target)
        blocked = tr("This account is already %1.").arg(DialogText::state(m_target));
    else if (m_target == AccountState::Closed && (m_account.balance != 0 || m_account.held != 0))
        blocked = tr("This account holds %1 (%2 held); only an empty account can be closed. Move or "
                     "withdraw the balance first.")
                      .arg(DialogText::money(m_account.balance, m_account.exponent, m_account.currency),
                           DialogText::money(m_account.held, m_account.exponent, m_account.currency));
    setBlocked(blocked);
}

QString AccountStateDialog::inputProblem() const {
    if (m_reason->text().trimmed().isEmpty())
        return tr("Reason: say why you %1 this account (required; it goes to the audit log).").arg(verb());
    return {};
}

QString AccountStateDialog::confirmation() const {
    if (m_target != AccountState::Closed)
        return {};
    return tr("Closing account %1 (player %2) is final. Click Confirm to close it.")
        .arg(m_account.id)
        .arg(m_account.playerRef);
}

void AccountStateDialog::send() {
    client()
        ->setAccountState(m_account.id, m_target, m_reason->text().trimmed())
        .then(this, [this](const Result<Account> &r) {
            if (!r) {
                failed(r.error());
                reloadAccount();
                return;
            }
            m_account = *r;
            succeeded(tr("Account %1 is now %2.").arg(m_account.id).arg(DialogText::state(m_account.state)));
            updateView();
            Q_EMIT stateChanged(*r);
        });
}

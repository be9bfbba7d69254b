#include "newaccountdialog.h"

#include "dialogtext.h"
#include "ledgerclient.h"
#include "postingrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

NewAccountDialog::NewAccountDialog(LedgerClient *client, QWidget *parent)
    : LedgerDialog(client, parent) {
    setWindowTitle(tr("New account"));
    setHeader(tr("Open a player account in one currency. A player holding several currencies has one "
                 "account for each."));

    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("currencyCombo"));
    m_currency->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_playerRef = new QLineEdit(this);
    m_playerRef->setObjectName(QStringLiteral("playerRefEdit"));
    m_playerRef->setMaxLength(PostingRules::MaxPlayerRefLength);
    m_playerRef->setPlaceholderText(tr("the game's player id, e.g. 1001 or p-7f3a"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setMaxLength(PostingRules::MaxAccountNameLength);
    m_name->setPlaceholderText(tr("optional, e.g. the player's nickname"));
    m_allowNegative = new QCheckBox(tr("Allow a &negative balance (credit line)"), this);
    m_allowNegative->setObjectName(QStringLiteral("allowNegativeCheck"));

    form()->addRow(tr("&Currency:"), m_currency);
    form()->addRow(tr("&Player reference:"), m_playerRef);
    form()->addRow(tr("&Display name:"), m_name);
    form()->addRow(QString(), m_allowNegative);

    const SessionInfo session = client->session();
    const bool mayAllowNegative = session.role >= Role::Supervisor;
    m_allowNegative->setEnabled(mayAllowNegative);
    m_allowNegative->setToolTip(mayAllowNegative
                                    ? tr("The account may go below zero; the ledger's overdraft check is off "
                                         "for it.")
                                    : tr("Allowing a negative balance needs the supervisor role."));

    for (QWidget *w : std::initializer_list<QWidget *>{m_currency, m_playerRef, m_name, m_allowNegative})
        watch(w);
    setOkText(tr("C&reate"));
    if (session.role < Role::Support)
        setBlocked(tr("Creating accounts needs the support role; you are signed in as %1.")
                       .arg(DialogText::role(session.role)));

    beginLoad();
    client->currencies().then(this, [this](const Result<QList<Currency>> &r) {
        if (r) {
            m_currencies = *r;
            for (const Currency &c : std::as_const(m_currencies)) {
                const QString decimals =
                    c.exponent == 0 ? tr("whole units") : tr("%n decimal(s)", nullptr, c.exponent);
                m_currency->addItem(c.name.isEmpty() || c.name == c.code
                                        ? tr("%1 (%2)").arg(c.code, decimals)
                                        : tr("%1 · %2 (%3)").arg(c.code, c.name, decimals),
                                    c.code);
            }
        } else {
            showError(r.error());
        }
        endLoad();
    });
    m_playerRef->setFocus();
}

NewAccountDialog::~NewAccountDialog() = default;

void NewAccountDialog::setPlayerRef(const QString &playerRef) {
    m_playerRef->setText(playerRef);
}

QString NewAccountDialog::inputProblem() const {
    if (m_currency->count() == 0)
        return isLoading() ? tr("Currency: loading the ledger's currencies…")
                           : tr("Currency: the ledger has no currencies; an admin adds them first.");
    if (m_currency->currentIndex() < 0)
        return tr("Currency: choose one.");
    const QString ref = m_playerRef->text().trimmed();
    if (ref.isEmpty())
        return tr("Player reference: required (the game's id for the player).");
    if (ref.size() > PostingRules::MaxPlayerRefLength)
        return tr("Player reference: at most %1 characters.").arg(PostingRules::MaxPlayerRefLength);
    if (m_name->text().trimmed().size() > PostingRules::MaxAccountNameLength)
        return tr("Display name: at most %1 characters.").arg(PostingRules::MaxAccountNameLength);
    return {};
}

void NewAccountDialog::send() {
    NewAccount account;
    account.currency = m_currency->currentData().toString();
    account.playerRef = m_playerRef->text().trimmed();
    account.name = m_name->text().trimmed();
    account.allowNegative = m_allowNegative->isEnabled() && m_allowNegative->isChecked();
    client()->createAccount(account).then(this, [this](const Result<Account> &r) {
        if (!r) {
            failed(r.error());
            return;
        }
        succeeded(tr("Account %1 created for player %2 in %3.")
                      .arg(QString::number(r->id), r->playerRef, r->currency));
        Q_EMIT created(*r);
    });
}

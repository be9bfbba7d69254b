#include "postingdialog.h"

#include "dialogtext.h"
#include "ledgerclient.h"
#include "ledgererrortext.h"
#include "money.h"
#include "moneyedit.h"
#include "postingrules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUuid>

PostingDialog::PostingDialog(LedgerClient *client, const Account &account, QWidget *parent)
    : LedgerDialog(client, parent)
    , m_account(account)
    , m_key(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    setWindowTitle(tr("Post to account %1").arg(account.id));

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_kind->addItem(tr("Deposit (adds to the balance)"), int(Choice::Deposit));
    m_kind->addItem(tr("Withdrawal (takes from the balance)"), int(Choice::Withdrawal));
    m_kind->addItem(tr("Adjustment: credit (+)"), int(Choice::AdjustmentCredit));
    m_kind->addItem(tr("Adjustment: debit (−)"), int(Choice::AdjustmentDebit));

    m_amount = new MoneyEdit(this);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_amount->setCurrency(account.currency, account.exponent);

    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("reasonCombo"));
    m_reason->setEditable(true);
    m_reason->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_reason->setInsertPolicy(QComboBox::NoInsert);
    m_reason->addItems({QString(), QStringLiteral("goodwill"), QStringLiteral("bug-compensation"),
                        QStringLiteral("correction"), QStringLiteral("chargeback"),
                        QStringLiteral("promotion"), QStringLiteral("fraud")});
    m_reason->lineEdit()->setMaxLength(PostingRules::MaxReasonCodeLength);
    m_reason->lineEdit()->setPlaceholderText(tr("e.g. goodwill, correction"));

    m_ticket = new QLineEdit(this);
    m_ticket->setObjectName(QStringLiteral("ticketEdit"));
    m_ticket->setMaxLength(PostingRules::MaxTicketLength);
    m_ticket->setPlaceholderText(tr("support ticket, e.g. SUP-1234"));
    m_memo = new QLineEdit(this);
    m_memo->setObjectName(QStringLiteral("memoEdit"));
    m_memo->setMaxLength(PostingRules::MaxTextLength);

    form()->addRow(tr("&Kind:"), m_kind);
    form()->addRow(tr("&Amount:"), m_amount);
    form()->addRow(tr("&Reason code:"), m_reason);
    form()->addRow(tr("&Ticket:"), m_ticket);
    form()->addRow(tr("&Memo:"), m_memo);

    m_preview = newPanel(QStringLiteral("previewLabel"));
    m_approval = new QLabel(this);
    m_approval->setObjectName(QStringLiteral("approvalLabel"));
    m_approval->setTextFormat(Qt::PlainText);
    m_approval->setWordWrap(true);
    addBodyWidget(m_preview);
    addBodyWidget(m_approval);
    addLedgerCheck(
        [this] { return request().canonical(); },
        [this] {
            PostingRequest rehearsal = request();
            rehearsal.dryRun = true;
            return this->client()->post(rehearsal);
        },
        [this](const PostingResult &r) {
            const qint64 after = r.balanceAfter(m_account.id, m_account.balance);
            return tr("Balance after: %1 (available %2).").arg(money(after), money(after - m_account.held));
        });
    connect(ledgerCheck(), &LedgerCheck::answered, this, [this](const Result<PostingResult> &r) {
        // Someone posted to the account since the dialog read it: read it again, so that the header and the
        // preview above agree with the ledger's answer below.
        if (r && !r->replayed && r->balanceBefore(m_account.id, m_account.balance) != m_account.balance)
            reloadAccount();
    });

    for (QWidget *w : std::initializer_list<QWidget *>{m_kind, m_amount, m_reason, m_ticket, m_memo})
        watch(w);
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        // The reason code is required for adjustments only; say so in its label.
        if (auto *label = qobject_cast<QLabel *>(form()->labelForField(m_reason)))
            label->setText(isAdjustment() ? tr("&Reason code (required):") : tr("&Reason code:"));
        updatePreview();
    });
    connect(m_amount, &QLineEdit::textChanged, this, &PostingDialog::updatePreview);
    setOkText(tr("&Post"));

    const SessionInfo session = client->session();
    if (session.role < Role::Support)
        setBlocked(tr("Posting needs the support role; you are signed in as %1.")
                       .arg(DialogText::role(session.role)));
    updateAccountView();
    reloadAccount();
    loadPostingLimit(account.currency, [this] { updatePreview(); });
    m_amount->setFocus();
}

PostingDialog::~PostingDialog() = default;

void PostingDialog::setChoice(Choice choice) {
    m_kind->setCurrentIndex(m_kind->findData(int(choice)));
}

PostingDialog::Choice PostingDialog::choice() const {
    return Choice(m_kind->currentData().toInt());
}

bool PostingDialog::isDebit() const {
    return choice() == Choice::Withdrawal || choice() == Choice::AdjustmentDebit;
}

bool PostingDialog::isAdjustment() const {
    return choice() == Choice::AdjustmentCredit || choice() == Choice::AdjustmentDebit;
}

qint64 PostingDialog::signedDelta(qint64 amount) const {
    return isDebit() ? -amount : amount; // amount > 0, so the negation cannot overflow
}

QString PostingDialog::money(qint64 minor) const {
    return DialogText::money(minor, m_account.exponent, m_account.currency);
}

PostingDialog::Preview PostingDialog::preview(qint64 amount) const {
    Preview p;
    const auto &limit = postingLimit().amount;
    p.needsApproval = limit && amount > *limit;
    if (p.needsApproval) {
        // Nothing is posted until a second operator approves; a debit's amount is held meanwhile.
        p.balanceAfter = m_account.balance;
        p.availableAfter = isDebit() ? Money::subtract(m_account.available(), amount)
                                     : std::optional<qint64>(m_account.available());
    } else {
        p.balanceAfter = Money::add(m_account.balance, signedDelta(amount));
        p.availableAfter = p.balanceAfter ? Money::subtract(*p.balanceAfter, m_account.held) : std::nullopt;
    }
    p.insufficient = isDebit() && !m_account.allowNegative && p.availableAfter && *p.availableAfter < 0;
    return p;
}

QString PostingDialog::inputProblem() const {
    if (m_amount->text().trimmed().isEmpty())
        return tr("Amount: enter the amount to post.");
    const auto amount = m_amount->amount();
    if (!amount)
        return tr("Amount: %1.").arg(m_amount->problem());
    if (*amount <= 0)
        return tr("Amount: must be greater than zero.");
    const QString reason = m_reason->currentText().trimmed();
    if (isAdjustment() && reason.isEmpty())
        return tr("Reason code: required for adjustments (pick one or type your own).");
    if (reason.size() > PostingRules::MaxReasonCodeLength)
        return tr("Reason code: at most %1 characters.").arg(PostingRules::MaxReasonCodeLength);
    const Preview p = preview(*amount);
    if (!p.balanceAfter || !p.availableAfter)
        return tr("Amount: too large, the balance would overflow.");
    return {};
}

QString PostingDialog::confirmation() const {
    const auto amount = m_amount->amount();
    if (!amount || !reachesConfirmThreshold(*amount, m_account.exponent))
        return {};
    QString what;
    switch (choice()) {
    case Choice::Deposit:
        what = tr("deposit %1 to account %2 (player %3)");
        break;
    case Choice::Withdrawal:
        what = tr("withdraw %1 from account %2 (player %3)");
        break;
    case Choice::AdjustmentCredit:
        what = tr("credit %1 to account %2 (player %3) as an adjustment");
        break;
    case Choice::AdjustmentDebit:
        what = tr("debit %1 from account %2 (player %3) as an adjustment");
        break;
    }
    return tr("Please check: %1. Click Confirm to send it.")
        .arg(what.arg(money(*amount)).arg(m_account.id).arg(m_account.playerRef));
}

PostingRequest PostingDialog::request() const {
    PostingRequest request;
    switch (choice()) {
    case Choice::Deposit:
        request.kind = TransactionKind::Deposit;
        break;
    case Choice::Withdrawal:
        request.kind = TransactionKind::Withdrawal;
        break;
    case Choice::AdjustmentCredit:
    case Choice::AdjustmentDebit:
        request.kind = TransactionKind::Adjustment;
        break;
    }
    const qint64 amount = m_amount->amount().value_or(0);
    request.idempotencyKey = m_key;
    request.accountId = m_account.id;
    request.amount = choice() == Choice::AdjustmentDebit ? -amount : amount;
    request.reasonCode = m_reason->currentText().trimmed();
    request.ticketRef = m_ticket->text().trimmed();
    request.memo = m_memo->text().trimmed();
    return request;
}

void PostingDialog::send() {
    const qint64 amount = m_amount->amount().value_or(0);
    client()->post(request()).then(this, [this, amount](const Result<PostingResult> &r) {
        if (!r) {
            if (LedgerErrorText::answerMayBeLost(r.error())) {
                // The answer may be what was lost, not the posting: ask the ledger, do not guess (and reload
                // only then, so that a failed reload does not cover what is known).
                settleLostAnswer(m_key, r.error(), [this](const PostingOutcome &o) {
                    settledAsDone(o);
                    reloadAccount();
                });
                return;
            }
            failed(r.error());
            reloadAccount(); // balances may have moved under us; the preview follows
            return;
        }
        QString text;
        if (r->status == PostingResult::Status::Posted) {
            text = tr("Posted as transaction %1. The balance is now %2.")
                       .arg(r->transactionId)
                       .arg(money(r->balanceAfter(m_account.id, m_account.balance)));
        } else {
            text = tr("Waiting for approval (request %1): the amount is above your limit, so a second "
                      "operator must approve it before it is posted.")
                       .arg(r->approvalId);
            if (isDebit())
                text += u' ' + tr("%1 of the available balance is held meanwhile.").arg(money(amount));
        }
        if (r->replayed)
            text += u'\n' + tr("This dialog had already sent it; nothing new was written.");
        succeeded(text);
        reloadAccount(); // the header shows the balances as they are now
        Q_EMIT posted(*r);
    });
}

void PostingDialog::reloadAccount() {
    loadAccount(m_account.id, [this](const Account &account) {
        m_account = account;
        updateAccountView();
    });
}

void PostingDialog::updateAccountView() {
    setHeader(
        DialogText::accountLine(m_account) + QStringLiteral("<br>") +
        tr("Balance %1 · available %2")
            .arg(money(m_account.balance).toHtmlEscaped(), money(m_account.available()).toHtmlEscaped()));
    const Role role = client()->session().role;
    if (role >= Role::Support) {
        if (m_account.state == AccountState::Closed)
            setBlocked(tr("This account is closed; nothing can be posted to it."));
        else if (m_account.state == AccountState::Frozen && role < Role::Supervisor)
            setNotice(tr("This account is frozen: only a supervisor may post to it."));
        else if (m_account.kind == AccountKind::System)
            setBlocked(tr("This is a system account; post to player accounts only."));
        else
            setNotice(QString());
    }
    updatePreview();
}

void PostingDialog::updatePreview() {
    if (isDone())
        return;
    const auto amount = m_amount->amount();
    const qint64 a = amount && *amount > 0 ? *amount : 0;
    const Preview p = preview(a);
    auto after = [this](const std::optional<qint64> &v) {
        return v ? money(*v) : tr("overflow: too large for the ledger");
    };
    QStringList notes;
    if (p.insufficient)
        notes << tr("Not enough available funds: the ledger will refuse this unless the account may go below "
                    "zero.");
    const QString html =
        DialogText::changes({{tr("Balance"), money(m_account.balance), after(p.balanceAfter)},
                             {tr("Available"), money(m_account.available()), after(p.availableAfter)}},
                            notes, &m_previewText);
    m_preview->setText(html);
    m_preview->setAccessibleDescription(m_previewText);

    if (client()->session().role < Role::Support)
        m_approval->clear(); // the notice already says this operator cannot post
    else if (p.needsApproval)
        m_approval->setText(tr("Needs a second operator's approval: %1 is above your limit of %2. It is not "
                               "posted until a supervisor approves it%3.")
                                .arg(money(a), money(*postingLimit().amount),
                                     isDebit() ? tr("; the amount is held meanwhile") : QString()));
    else
        m_approval->setText(postingLimitNote(a, m_account.exponent, m_account.currency));
}

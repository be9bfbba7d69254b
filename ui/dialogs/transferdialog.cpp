#include "transferdialog.h"

#include "dialogtext.h"
#include "ledgerclient.h"
#include "ledgererrortext.h"
#include "money.h"
#include "moneyedit.h"
#include "postingrules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QUuid>

TransferDialog::TransferDialog(LedgerClient *client, const Account &from, QWidget *parent)
    : LedgerDialog(client, parent)
    , m_from(from)
    , m_key(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    setWindowTitle(tr("Transfer from account %1").arg(from.id));

    m_by = new QComboBox(this);
    m_by->setObjectName(QStringLiteral("destinationByCombo"));
    m_by->addItem(tr("Player reference"), int(DestinationBy::PlayerRef));
    m_by->addItem(tr("Account ID"), int(DestinationBy::AccountId));
    m_destinationEdit = new QLineEdit(this);
    m_destinationEdit->setObjectName(QStringLiteral("destinationEdit"));
    m_destinationEdit->setMaxLength(PostingRules::MaxPlayerRefLength);
    m_destinationEdit->setPlaceholderText(tr("the receiving player's reference"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_by);
    row->addWidget(m_destinationEdit, 1);
    m_destinationLabel = new QLabel(this);
    m_destinationLabel->setObjectName(QStringLiteral("destinationLabel"));
    m_destinationLabel->setWordWrap(false);
    m_destinationLabel->setTextFormat(Qt::RichText);

    m_amount = new MoneyEdit(this);
    m_amount->setObjectName(QStringLiteral("amountEdit"));
    m_amount->setCurrency(from.currency, from.exponent);
    m_memo = new QLineEdit(this);
    m_memo->setObjectName(QStringLiteral("memoEdit"));
    m_memo->setMaxLength(PostingRules::MaxTextLength);

    form()->addRow(tr("&To:"), row);
    if (auto *label = qobject_cast<QLabel *>(form()->labelForField(row)))
        label->setBuddy(m_destinationEdit);
    form()->addRow(QString(), m_destinationLabel);
    form()->addRow(tr("&Amount:"), m_amount);
    form()->addRow(tr("&Memo:"), m_memo);

    m_preview = newPanel(QStringLiteral("previewLabel"));
    addBodyWidget(m_preview);
    addLedgerCheck([this] { return request().canonical(); },
                   [this] {
                       PostingRequest rehearsal = request();
                       rehearsal.dryRun = true;
                       return this->client()->post(rehearsal);
                   },
                   [this](const PostingResult &r) {
                       const qint64 to = m_destination ? m_destination->id : 0;
                       return tr("Account %1 would hold %2; account %3 would hold %4.")
                           .arg(m_from.id)
                           .arg(money(r.balanceAfter(m_from.id, m_from.balance)))
                           .arg(to)
                           .arg(money(r.balanceAfter(to, m_destination ? m_destination->balance : 0)));
                   });
    connect(ledgerCheck(), &LedgerCheck::answered, this, [this](const Result<PostingResult> &r) {
        // The source moved since the dialog read it: read it again, so the preview agrees with the ledger.
        if (r && !r->replayed && r->balanceBefore(m_from.id, m_from.balance) != m_from.balance)
            reloadAccount();
    });

    m_lookupTimer = new QTimer(this);
    m_lookupTimer->setSingleShot(true);
    m_lookupTimer->setInterval(250);
    connect(m_lookupTimer, &QTimer::timeout, this, &TransferDialog::lookUp);
    connect(m_destinationEdit, &QLineEdit::textChanged, this, &TransferDialog::destinationEdited);
    connect(m_by, &QComboBox::currentIndexChanged, this, [this] {
        m_destinationEdit->setPlaceholderText(DestinationBy(m_by->currentData().toInt()) ==
                                                      DestinationBy::AccountId
                                                  ? tr("the receiving account's number")
                                                  : tr("the receiving player's reference"));
        destinationEdited();
    });
    connect(m_amount, &QLineEdit::textChanged, this, &TransferDialog::updateView);
    for (QWidget *w : std::initializer_list<QWidget *>{m_by, m_destinationEdit, m_amount, m_memo})
        watch(w);
    setOkText(tr("&Transfer"));

    const SessionInfo session = client->session();
    if (session.role < Role::Support)
        setBlocked(tr("Transfers need the support role; you are signed in as %1.")
                       .arg(DialogText::role(session.role)));
    destinationEdited();
    reloadAccount();
    loadPostingLimit(from.currency, [this] { updateView(); });
    m_destinationEdit->setFocus();
}

TransferDialog::~TransferDialog() = default;

QString TransferDialog::money(qint64 minor) const {
    return DialogText::money(minor, m_from.exponent, m_from.currency);
}

void TransferDialog::destinationEdited() {
    ++m_lookupGeneration;
    m_destination.reset();
    const QString text = m_destinationEdit->text().trimmed();
    m_lookupPending = !text.isEmpty();
    m_destinationProblem.clear();
    if (text.isEmpty())
        m_destinationProblem = tr("enter the receiving player's reference or account ID.");
    else if (DestinationBy(m_by->currentData().toInt()) == DestinationBy::AccountId) {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id <= 0) {
            m_destinationProblem = tr("an account ID is a number, like 1042.");
            m_lookupPending = false;
        }
    }
    if (m_lookupPending)
        m_lookupTimer->start();
    else
        m_lookupTimer->stop();
    updateView();
    revalidate();
}

void TransferDialog::lookUp() {
    const int generation = m_lookupGeneration;
    const QString text = m_destinationEdit->text().trimmed();
    if (DestinationBy(m_by->currentData().toInt()) == DestinationBy::AccountId) {
        const qint64 id = text.toLongLong();
        client()->account(id).then(this, [this, generation, id](const Result<Account> &r) {
            if (generation != m_lookupGeneration)
                return;
            if (r) {
                acceptCandidate(*r, generation);
                return;
            }
            m_lookupPending = false;
            m_destinationProblem = r.error().code == ErrorCode::NotFound
                                       ? tr("there is no account %1.").arg(id)
                                       : tr("the lookup failed: %1").arg(r.error().message);
            updateView();
            revalidate();
        });
        return;
    }
    AccountQuery query;
    query.search = text;
    query.currency = m_from.currency;
    query.sort = AccountQuery::Sort::PlayerRef;
    client()
        ->accounts(query, 0, 20, std::nullopt, -1)
        .then(this, [this, generation, text](const Result<AccountPage> &r) {
            if (generation != m_lookupGeneration)
                return;
            if (r) {
                for (const Account &a : r->accounts)
                    if (a.playerRef == text) {
                        acceptCandidate(a, generation);
                        return;
                    }
            }
            m_lookupPending = false;
            m_destinationProblem = r ? tr("player \"%1\" has no %2 account.").arg(text, m_from.currency)
                                     : tr("the lookup failed: %1").arg(r.error().message);
            updateView();
            revalidate();
        });
}

void TransferDialog::acceptCandidate(const Account &candidate, int generation) {
    if (generation != m_lookupGeneration)
        return;
    m_lookupPending = false;
    if (candidate.id == m_from.id)
        m_destinationProblem = tr("that is the account the money comes from.");
    else if (candidate.kind != AccountKind::Player)
        m_destinationProblem =
            tr("account %1 is a system account; transfers go to players.").arg(candidate.id);
    else if (candidate.currency != m_from.currency)
        m_destinationProblem = tr("account %1 holds %2, not %3; a transfer stays in one currency.")
                                   .arg(candidate.id)
                                   .arg(candidate.currency, m_from.currency);
    else if (candidate.state == AccountState::Closed)
        m_destinationProblem = tr("account %1 is closed.").arg(candidate.id);
    else
        m_destination = candidate;
    updateView();
    revalidate();
}

QString TransferDialog::inputProblem() const {
    if (!m_destination) {
        if (m_lookupPending)
            return tr("To: looking up the account…");
        return m_destinationProblem.isEmpty() ? tr("To: choose the receiving account.")
                                              : tr("To: %1").arg(m_destinationProblem);
    }
    if (m_amount->text().trimmed().isEmpty())
        return tr("Amount: enter the amount to transfer.");
    const auto amount = m_amount->amount();
    if (!amount)
        return tr("Amount: %1.").arg(m_amount->problem());
    if (*amount <= 0)
        return tr("Amount: must be greater than zero.");
    if (!Money::add(m_destination->balance, *amount))
        return tr("Amount: too large, the receiving balance would overflow.");
    return {};
}

QString TransferDialog::confirmation() const {
    const auto amount = m_amount->amount();
    if (!amount || !m_destination || !reachesConfirmThreshold(*amount, m_from.exponent))
        return {};
    return tr("Please check: transfer %1 from account %2 (player %3) to account %4 (player %5). Click "
              "Confirm to send it.")
        .arg(money(*amount))
        .arg(m_from.id)
        .arg(m_from.playerRef)
        .arg(m_destination->id)
        .arg(m_destination->playerRef);
}

PostingRequest TransferDialog::request() const {
    PostingRequest request;
    request.kind = TransactionKind::Transfer;
    request.idempotencyKey = m_key;
    request.accountId = m_from.id;
    request.counterAccountId = m_destination ? m_destination->id : 0;
    request.amount = m_amount->amount().value_or(0);
    request.memo = m_memo->text().trimmed();
    return request;
}

void TransferDialog::send() {
    const PostingRequest request = this->request();
    const qint64 to = request.counterAccountId;
    client()->post(request).then(this, [this, to](const Result<PostingResult> &r) {
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
            reloadAccount();
            return;
        }
        QString text;
        if (r->status == PostingResult::Status::Posted)
            text = tr("Transferred as transaction %1. Account %2 now holds %3; account %4 now holds %5.")
                       .arg(r->transactionId)
                       .arg(m_from.id)
                       .arg(money(r->balanceAfter(m_from.id, m_from.balance)))
                       .arg(to)
                       .arg(money(r->balanceAfter(to, m_destination ? m_destination->balance : 0)));
        else
            text = tr("Waiting for approval (request %1): the amount is above your limit, so a second "
                      "operator must approve it. The amount is held on account %2 meanwhile.")
                       .arg(r->approvalId)
                       .arg(m_from.id);
        if (r->replayed)
            text += u'\n' + tr("This dialog had already sent it; nothing new was written.");
        succeeded(text);
        reloadAccount(); // the header shows the balances as they are now
        Q_EMIT transferred(*r);
    });
}

void TransferDialog::reloadAccount() {
    beginLoad();
    client()->account(m_from.id).then(this, [this](const Result<Account> &r) {
        if (r)
            m_from = *r;
        else
            showError(r.error());
        updateView();
        endLoad();
    });
    if (m_destination) {
        const int generation = m_lookupGeneration;
        client()->account(m_destination->id).then(this, [this, generation](const Result<Account> &r) {
            if (r && generation == m_lookupGeneration)
                acceptCandidate(*r, generation);
        });
    }
}

void TransferDialog::updateView() {
    setHeader(tr("From: %1").arg(DialogText::accountLine(m_from)) + QStringLiteral("<br>") +
              tr("Balance %1 · available %2")
                  .arg(money(m_from.balance).toHtmlEscaped(), money(m_from.available()).toHtmlEscaped()));
    if (m_destination)
        m_destinationLabel->setText(DialogText::accountLine(*m_destination));
    else
        // Say what is wrong right under the field, not only at the bottom of the dialog.
        m_destinationLabel->setText(m_lookupPending ? tr("Looking up…")
                                    : m_destinationEdit->text().trimmed().isEmpty()
                                        ? QString()
                                        : m_destinationProblem.toHtmlEscaped());
    if (isDone())
        return;
    const auto amount = m_amount->amount();
    const qint64 a = amount && *amount > 0 ? *amount : 0;
    const PostingLimit &limit = postingLimit();
    const bool needsApproval = limit.amount && a > *limit.amount;
    const auto fromAfter = Money::subtract(m_from.balance, a);
    const auto fromAvailableAfter = Money::subtract(m_from.available(), a);
    auto show = [this](const std::optional<qint64> &v) {
        return v ? money(*v) : tr("overflow: too large for the ledger");
    };
    QList<DialogText::Change> rows{
        {tr("Account %1 balance").arg(m_from.id), money(m_from.balance),
         needsApproval ? money(m_from.balance) : show(fromAfter)},
        {tr("Account %1 available").arg(m_from.id), money(m_from.available()), show(fromAvailableAfter)}};
    if (m_destination) {
        const auto toAfter = needsApproval ? std::optional<qint64>(m_destination->balance)
                                           : Money::add(m_destination->balance, a);
        rows << DialogText::Change{tr("Account %1 balance").arg(m_destination->id),
                                   money(m_destination->balance), show(toAfter)};
    }
    QStringList notes;
    if (!m_from.allowNegative && fromAvailableAfter && *fromAvailableAfter < 0)
        notes << tr("Not enough available funds: the ledger will refuse this.");
    if (needsApproval)
        notes << tr("Needs a second operator's approval: %1 is above your limit of %2; the amount is held "
                    "until "
                    "a supervisor decides.")
                     .arg(money(a), money(*limit.amount));
    else
        notes << postingLimitNote(a, m_from.exponent, m_from.currency);
    m_preview->setText(DialogText::changes(rows, notes, &m_previewText));
    m_preview->setAccessibleDescription(m_previewText);
}

#include "reversedialog.h"

#include "dialogtext.h"
#include "ledgerclient.h"
#include "ledgererrortext.h"
#include "postingrules.h"
#include "transactionkindtext.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QUuid>

ReverseDialog::ReverseDialog(LedgerClient *client, qint64 transactionId, QWidget *parent)
    : LedgerDialog(client, parent)
    , m_transactionId(transactionId)
    , m_key(QUuid::createUuid().toString(QUuid::WithoutBraces)) {
    setWindowTitle(tr("Reverse transaction %1").arg(transactionId));
    setHeader(tr("<b>Reverse transaction %1</b>: post its exact negation. The original stays in the "
                 "journal; the reversal points at it.")
                  .arg(transactionId));

    m_originalLabel = newPanel(QStringLiteral("originalLabel"));
    m_originalLabel->setText(tr("Loading the transaction…"));
    m_originalLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form()->addRow(m_originalLabel);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonEdit"));
    m_reason->setMaxLength(PostingRules::MaxTextLength);
    m_reason->setPlaceholderText(tr("why the original was wrong, e.g. duplicate of ticket SUP-1234"));
    form()->addRow(tr("&Reason (required):"), m_reason);

    m_force = new QCheckBox(tr("&Force, even if a player account goes below zero"), this);
    m_force->setObjectName(QStringLiteral("forceCheck"));
    m_forceHelp = new QLabel(this);
    m_forceHelp->setObjectName(QStringLiteral("forceHelpLabel"));
    m_forceHelp->setWordWrap(true);
    form()->addRow(QString(), m_force);
    addBodyWidget(m_forceHelp);
    addLedgerCheck(
        [this] {
            const ReversalRequest r = request();
            return QStringLiteral("%1;%2;%3").arg(r.transactionId).arg(r.force).arg(r.reason).toUtf8();
        },
        [this] {
            ReversalRequest rehearsal = request();
            rehearsal.dryRun = true;
            return this->client()->reverse(rehearsal);
        },
        [this](const PostingResult &r) { return playerBalancesAfter(r); });

    const SessionInfo session = client->session();
    const bool mayForce = session.role >= Role::Supervisor;
    m_force->setEnabled(mayForce);
    const QString help =
        tr("Without force, the ledger refuses a reversal that would take a player below zero (the money was "
           "already spent). With force it posts anyway and the player's balance goes negative.");
    m_force->setToolTip(mayForce ? help : tr("Forcing needs the supervisor or admin role."));
    m_forceHelp->setText(mayForce ? help : help + u' ' + tr("Only a supervisor or admin may force."));

    watch(m_reason);
    watch(m_force);
    setOkText(tr("&Reverse"));
    if (session.role < Role::Supervisor)
        setBlocked(tr("Reversing needs the supervisor role; you are signed in as %1.")
                       .arg(DialogText::role(session.role)));
    setMinimumWidth(560);
    load();
    m_reason->setFocus();
}

ReverseDialog::~ReverseDialog() = default;

void ReverseDialog::load() {
    beginLoad();
    beginLoad();
    client()->currencies().then(this, [this](const Result<QList<Currency>> &r) {
        if (r)
            for (const Currency &c : *r)
                m_exponents.insert(c.code, c.exponent);
        showOriginal();
        endLoad();
    });
    client()->transaction(m_transactionId).then(this, [this](const Result<JournalTransaction> &r) {
        if (!r) {
            showError(r.error());
            m_originalLabel->setText(tr("Transaction %1 could not be loaded.").arg(m_transactionId));
            setBlocked(tr("There is nothing to reverse."));
            endLoad();
            return;
        }
        m_original = *r;
        m_loaded = true;
        if (m_original.kind == TransactionKind::Reversal)
            setBlocked(tr("Transaction %1 is itself a reversal; post a new transaction instead.")
                           .arg(m_transactionId));
        else if (m_original.reversedById != 0)
            setBlocked(tr("Transaction %1 was already reversed by transaction %2.")
                           .arg(m_transactionId)
                           .arg(m_original.reversedById));
        // Name the accounts the entries touch (a handful), so the agent sees whose money moves back.
        for (const JournalEntry &e : std::as_const(m_original.entries)) {
            if (m_accounts.contains(e.accountId))
                continue;
            m_accounts.insert(e.accountId, Account{});
            beginLoad();
            client()->account(e.accountId).then(this, [this, id = e.accountId](const Result<Account> &a) {
                if (a)
                    m_accounts.insert(id, *a);
                showOriginal();
                endLoad();
            });
        }
        showOriginal();
        endLoad();
    });
}

void ReverseDialog::showOriginal() {
    if (!m_loaded)
        return;
    const JournalTransaction &t = m_original;
    QString html = tr("<b>%1</b> on %2 by %3")
                       .arg(TransactionKindText::of(t.kind).toHtmlEscaped(), DialogText::time(t.createdAt),
                            t.operatorName.toHtmlEscaped());
    if (!t.reasonCode.isEmpty())
        html += QStringLiteral("<br>") + tr("Reason code: %1").arg(t.reasonCode.toHtmlEscaped());
    if (!t.ticketRef.isEmpty())
        html += QStringLiteral("<br>") + tr("Ticket: %1").arg(t.ticketRef.toHtmlEscaped());
    if (!t.memo.isEmpty())
        html += QStringLiteral("<br>") + tr("Memo: %1").arg(t.memo.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\" style=\"margin-top:6px\">");
    html += QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"right\">%2</th>"
                           "<th align=\"right\">%3</th></tr>")
                .arg(tr("Account"), tr("Original"), tr("Reversal"));
    for (const JournalEntry &e : t.entries) {
        const int exponent = m_exponents.value(e.currency, 0);
        const Account a = m_accounts.value(e.accountId);
        QString who = tr("account %1").arg(e.accountId);
        if (a.id != 0)
            who = a.kind == AccountKind::System
                      ? tr("%1 (system, %2)").arg(a.name, a.currency)
                      : (a.name.isEmpty()
                             ? tr("%1 · player %2").arg(QString::number(a.id), a.playerRef)
                             : tr("%1 · player %2 (%3)").arg(QString::number(a.id), a.playerRef, a.name));
        const QString amount = DialogText::money(e.amount, exponent, e.currency);
        const QString back = e.amount == std::numeric_limits<qint64>::min()
                                 ? tr("overflow")
                                 : DialogText::money(-e.amount, exponent, e.currency);
        html += QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td align=\"right\">%2&nbsp;&nbsp;</td>"
                               "<td align=\"right\">%3</td></tr>")
                    .arg(who.toHtmlEscaped(), amount.toHtmlEscaped(), back.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    m_originalLabel->setText(html);
}

QString ReverseDialog::inputProblem() const {
    if (!m_loaded)
        return tr("Loading the transaction…");
    if (m_reason->text().trimmed().isEmpty())
        return tr("Reason: say why the original was wrong (required).");
    return {};
}

QString ReverseDialog::confirmation() const {
    if (!m_force->isChecked())
        return {};
    return tr("Please check: a forced reversal may take a player account below zero. Click Confirm to "
              "reverse transaction %1 anyway.")
        .arg(m_transactionId);
}

ReversalRequest ReverseDialog::request() const {
    ReversalRequest request;
    request.transactionId = m_transactionId;
    request.idempotencyKey = m_key;
    request.reason = m_reason->text().trimmed();
    request.force = m_force->isChecked();
    return request;
}

QString ReverseDialog::playerBalancesAfter(const PostingResult &r) const {
    QStringList parts;
    for (const JournalEntry &e : r.entries) {
        const Account a = m_accounts.value(e.accountId);
        if (a.id == 0 || a.kind == AccountKind::System)
            continue; // the house's and treasury's shards are not what an agent checks
        parts << tr("Account %1 would hold %2")
                     .arg(e.accountId)
                     .arg(DialogText::money(e.balanceAfter, m_exponents.value(e.currency, 0), e.currency));
    }
    return parts.isEmpty() ? QString() : parts.join(QStringLiteral("; ")) + u'.';
}

void ReverseDialog::send() {
    client()->reverse(request()).then(this, [this](const Result<PostingResult> &r) {
        if (!r) {
            LedgerError e = r.error();
            if (LedgerErrorText::answerMayBeLost(e)) {
                // The reversal is stored under the dialog's key like a posting: ask the ledger, do not guess.
                settleLostAnswer(m_key, e, [this](const PostingOutcome &o) { settledAsReversed(o); });
                return;
            }
            failed(e);
            if (e.code == ErrorCode::InsufficientFunds && m_force->isEnabled())
                showError(LedgerError{e.code, e.message + u'\n' +
                                                  tr("If the money was already spent, tick Force to reverse "
                                                     "anyway.")});
            return;
        }
        QString text =
            tr("Reversed: transaction %1 undoes transaction %2.").arg(r->transactionId).arg(m_transactionId);
        if (r->replayed)
            text += u'\n' + tr("This dialog had already sent it; nothing new was written.");
        succeeded(text);
        Q_EMIT reversed(*r);
    });
}

void ReverseDialog::settledAsReversed(const PostingOutcome &outcome) {
    // A reversal never waits for approval, so what the key found is the reversal itself.
    succeeded(tr("The answer was lost on the way, but the ledger has the reversal: transaction %1 undoes "
                 "transaction %2.")
                  .arg(outcome.transactionId)
                  .arg(m_transactionId));
    PostingResult result;
    result.status = PostingResult::Status::Posted;
    result.transactionId = outcome.transactionId;
    Q_EMIT reversed(result);
}

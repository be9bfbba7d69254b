#include "approvaldecisiondialog.h"

#include "dialogtext.h"
#include "ledgerclient.h"
#include "ledgererrortext.h"
#include "postingrules.h"
#include "transactionkindtext.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include <algorithm>

ApprovalDecisionDialog::ApprovalDecisionDialog(LedgerClient *client, const Approval &approval, bool approve,
                                               QWidget *parent)
    : LedgerDialog(client, parent)
    , m_approval(approval)
    , m_approve(approve) {
    setWindowTitle(approve ? tr("Approve request %1").arg(approval.id)
                           : tr("Reject request %1").arg(approval.id));
    setHeader(approve ? tr("<b>Approve</b> this request: the ledger posts it as its maker sent it.")
                      : tr("<b>Reject</b> this request: nothing is posted and any held amount is released."));

    m_request = newPanel(QStringLiteral("requestLabel"));
    m_request->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form()->addRow(m_request);

    m_comment = new QLineEdit(this);
    m_comment->setObjectName(QStringLiteral("commentEdit"));
    m_comment->setMaxLength(PostingRules::MaxTextLength);
    m_comment->setPlaceholderText(approve ? tr("optional, e.g. checked with the player")
                                          : tr("why, e.g. amount does not match ticket SUP-1234"));
    form()->addRow(approve ? tr("&Comment:") : tr("&Comment (required):"), m_comment);
    watch(m_comment);
    setOkText(approve ? tr("&Approve") : tr("&Reject"));
    if (approve) // a rejection posts nothing: there is nothing to rehearse but the checks the dialog shows
        addLedgerCheck(
            [this] { return m_comment->text().trimmed().toUtf8(); }, // the approval is the dialog's own
            [this] {
                return this->client()->approve(m_approval.id, m_comment->text().trimmed(), WriteMode::DryRun);
            },
            [this](const PostingResult &r) {
                const qint64 id = m_approval.request.accountId;
                if (r.entries.isEmpty())
                    return QString();
                return tr("Account %1 would hold %2.")
                    .arg(id)
                    .arg(DialogText::money(r.balanceAfter(id), m_approval.exponent, m_approval.currency));
            });

    const SessionInfo session = client->session();
    if (session.role < Role::Supervisor)
        setBlocked(tr("Deciding approvals needs the supervisor role; you are signed in as %1.")
                       .arg(DialogText::role(session.role)));
    else if (approval.state != Approval::State::Pending)
        setBlocked(approval.state == Approval::State::Approved
                       ? tr("This request was already approved by %1.").arg(approval.checker)
                       : tr("This request was already rejected by %1.").arg(approval.checker));
    else if (approval.maker == session.operatorName)
        setBlocked(tr("You made this request; a different operator must decide it."));
    else
        revalidate();
    showRequest();
    // Name the accounts involved, so the checker sees whose money it is.
    QList<qint64> ids{approval.request.accountId};
    if (approval.request.counterAccountId > 0)
        ids << approval.request.counterAccountId;
    for (qint64 id : ids) {
        beginLoad();
        client->account(id).then(this, [this, id](const Result<Account> &a) {
            if (a)
                m_accounts.insert(id, *a);
            showRequest();
            endLoad();
        });
    }
    m_comment->setFocus();
}

QString ApprovalDecisionDialog::accountText(qint64 id) const {
    const auto it = m_accounts.constFind(id);
    if (it == m_accounts.constEnd())
        return QString::number(id);
    return it->name.isEmpty() ? tr("%1 · player %2").arg(QString::number(id), it->playerRef)
                              : tr("%1 · player %2 (%3)").arg(QString::number(id), it->playerRef, it->name);
}

void ApprovalDecisionDialog::showRequest() {
    const Approval &approval = m_approval;
    const PostingRequest &r = approval.request;
    QString kind = TransactionKindText::of(r.kind);
    if (r.kind == TransactionKind::Adjustment)
        kind = r.amount < 0 ? tr("Adjustment: debit (−)") : tr("Adjustment: credit (+)");
    const qint64 magnitude =
        r.amount < 0 && r.amount != std::numeric_limits<qint64>::min() ? -r.amount : r.amount;
    QString html = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">");
    auto row = [&html](const QString &label, const QString &value) {
        html +=
            QStringLiteral("<tr><td>%1&nbsp;&nbsp;</td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value);
    };
    row(tr("Request"), QString::number(approval.id));
    row(tr("Kind"), QStringLiteral("<b>%1</b>").arg(kind.toHtmlEscaped()));
    row(tr("Amount"), QStringLiteral("<b>%1</b>").arg(money(magnitude).toHtmlEscaped()));
    row(tr("Account"), accountText(r.accountId).toHtmlEscaped());
    if (r.counterAccountId > 0)
        row(r.kind == TransactionKind::Transfer ? tr("To account") : tr("Item account"),
            accountText(r.counterAccountId).toHtmlEscaped());
    row(tr("Requested by"),
        tr("%1 on %2").arg(approval.maker.toHtmlEscaped(), DialogText::time(approval.createdAt)));
    if (!r.reasonCode.isEmpty())
        row(tr("Reason code"), r.reasonCode.toHtmlEscaped());
    if (!r.ticketRef.isEmpty())
        row(tr("Ticket"), r.ticketRef.toHtmlEscaped());
    if (!r.memo.isEmpty())
        row(tr("Memo"), r.memo.toHtmlEscaped());
    if (approval.holdAmount > 0)
        row(tr("Held meanwhile"), money(approval.holdAmount).toHtmlEscaped());
    html += QStringLiteral("</table>");
    m_request->setText(html);
}

ApprovalDecisionDialog::~ApprovalDecisionDialog() = default;

QString ApprovalDecisionDialog::money(qint64 minor) const {
    return DialogText::money(minor, m_approval.exponent, m_approval.currency);
}

QString ApprovalDecisionDialog::inputProblem() const {
    if (!m_approve && m_comment->text().trimmed().isEmpty())
        return tr("Comment: say why you reject it (required; the maker reads it).");
    return {};
}

void ApprovalDecisionDialog::send() {
    const QString comment = m_comment->text().trimmed();
    if (m_approve) {
        client()
            ->approve(m_approval.id, comment, WriteMode::Commit)
            .then(this, [this](const Result<PostingResult> &r) {
                if (!r) {
                    if (LedgerErrorText::answerMayBeLost(r.error()))
                        settleLostDecision(r.error());
                    else if (r.error().code == ErrorCode::StateConflict)
                        settleRefusedDecision(r.error());
                    else
                        failed(r.error());
                    return;
                }
                succeeded(tr("Approved: posted as transaction %1.").arg(r->transactionId));
                Q_EMIT approved(*r);
            });
    } else {
        client()
            ->reject(m_approval.id, comment, WriteMode::Commit)
            .then(this, [this](const Result<Approval> &r) {
                if (!r) {
                    if (LedgerErrorText::answerMayBeLost(r.error()))
                        settleLostDecision(r.error());
                    else if (r.error().code == ErrorCode::StateConflict)
                        settleRefusedDecision(r.error());
                    else
                        failed(r.error());
                    return;
                }
                succeeded(m_approval.holdAmount > 0
                              ? tr("Rejected: nothing was posted, and the %1 held is released.")
                                    .arg(money(m_approval.holdAmount))
                              : tr("Rejected: nothing was posted."));
                Q_EMIT approvalRejected(*r);
            });
    }
}

namespace {

/// The request `id` in a list the ledger answered; null when it could not be read or does not hold it.
const Approval *requestIn(const Result<QList<Approval>> &list, qint64 id) {
    if (!list)
        return nullptr;
    const auto it =
        std::find_if(list->cbegin(), list->cend(), [id](const Approval &a) { return a.id == id; });
    return it == list->cend() ? nullptr : &*it;
}

} // namespace

void ApprovalDecisionDialog::announceApproved(const Approval &now) {
    PostingResult result; // what is known without the answer: the transaction, not its entries
    result.status = PostingResult::Status::Posted;
    result.transactionId = now.transactionId;
    result.approvalId = now.id;
    Q_EMIT approved(result);
}

void ApprovalDecisionDialog::settleLostDecision(const LedgerError &error) {
    // A decision carries no idempotency key: the request's own state is the record of it. Read it (the
    // ledger's list of the newest requests, where one just decided is) and say what it shows.
    const qint64 id = m_approval.id;
    client()->approvals(false).then(this, [this, id, error](const Result<QList<Approval>> &r) {
        const auto settle = [this, error](const QString &known) {
            failed(LedgerError{error.code, error.message + u'\n' + known});
        };
        if (!r) {
            settle(tr("Whether the request was decided is not known yet: the ledger cannot be asked now. OK "
                      "sends your decision again when it can: a request is decided at most once."));
            return;
        }
        const Approval *request = requestIn(r, id);
        if (!request) {
            settle(tr("Whether the request was decided is not known: it is not among the newest requests the "
                      "ledger lists. Look it up on the Approvals page before deciding again; a request is "
                      "decided at most once."));
            return;
        }
        const Approval &now = *request;
        const bool mine = now.checker == client()->session().operatorName;
        switch (now.state) {
        case Approval::State::Pending:
            settle(tr("The ledger shows the request still waiting: your decision has not been recorded. OK "
                      "sends it again; a request is decided at most once."));
            return;
        case Approval::State::Approved:
            if (!m_approve) {
                settle(
                    tr("The ledger shows the request approved by %1 and posted as transaction %2: it can no "
                       "longer be rejected.")
                        .arg(now.checker)
                        .arg(now.transactionId));
                setBlocked(tr("This request was already approved by %1.").arg(now.checker));
                return;
            }
            succeeded(mine ? tr("The answer was lost on the way, but the ledger has your approval: posted as "
                                "transaction %1.")
                                 .arg(now.transactionId)
                           : tr("The answer was lost on the way; the ledger shows the request approved by %1 "
                                "meanwhile, posted as transaction %2.")
                                 .arg(now.checker)
                                 .arg(now.transactionId));
            announceApproved(now);
            return;
        case Approval::State::Rejected:
            if (m_approve) {
                settle(tr("The ledger shows the request rejected by %1: nothing was posted, and it can no "
                          "longer be approved.")
                           .arg(now.checker));
                setBlocked(tr("This request was already rejected by %1.").arg(now.checker));
                return;
            }
            succeeded(mine ? tr("The answer was lost on the way, but the ledger has your rejection: nothing "
                                "was posted.")
                           : tr("The answer was lost on the way; the ledger shows the request rejected by %1 "
                                "meanwhile: nothing was posted.")
                                 .arg(now.checker));
            Q_EMIT approvalRejected(now);
            return;
        }
    });
}

void ApprovalDecisionDialog::settleRefusedDecision(const LedgerError &refusal) {
    const qint64 id = m_approval.id;
    client()->approvals(false).then(this, [this, id, refusal](const Result<QList<Approval>> &r) {
        const Approval *request = requestIn(r, id);
        const Approval::State wanted = m_approve ? Approval::State::Approved : Approval::State::Rejected;
        if (!request || request->state != wanted || request->checker != client()->session().operatorName) {
            failed(refusal); // decided by someone else, the other way, or not at all (a maker's own request)
            return;
        }
        const Approval &now = *request;
        if (m_approve) {
            succeeded(tr("The ledger has your approval of this request: posted as transaction %1, once.")
                          .arg(now.transactionId));
            announceApproved(now);
        } else {
            succeeded(tr("The ledger has your rejection of this request: nothing was posted."));
            Q_EMIT approvalRejected(now);
        }
    });
}

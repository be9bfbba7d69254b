#include "ledgerdialog.h"

#include "dialogtext.h"
#include "ledgerclient.h"
#include "ledgererrortext.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

namespace {

qint64 g_confirmThreshold = -1;
int g_confirmDelayMs = 600;

using Tone = DialogText::Tone;

QLabel *messageLabel(const QString &objectName, QWidget *parent) {
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

} // namespace

LedgerDialog::LedgerDialog(LedgerClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client) {
    m_layout = new QVBoxLayout(this);
    m_header = messageLabel(QStringLiteral("headerLabel"), this);
    m_header->setTextFormat(Qt::RichText);
    m_notice = messageLabel(QStringLiteral("noticeLabel"), this);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_bodyLayout = new QVBoxLayout;
    m_inputProblem = messageLabel(QStringLiteral("inputProblemLabel"), this);
    m_confirm = messageLabel(QStringLiteral("confirmLabel"), this);
    m_error = messageLabel(QStringLiteral("errorLabel"), this);
    m_status = messageLabel(QStringLiteral("statusLabel"), this);
    m_result = messageLabel(QStringLiteral("resultLabel"), this);
    m_buttons = new QDialogButtonBox(this);
    m_ok = m_buttons->addButton(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("okButton"));
    m_cancel = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setText(tr("Cancel"));
    m_ok->setDefault(true);
    m_ok->setEnabled(false);

    m_layout->addWidget(m_header);
    m_layout->addWidget(m_notice);
    m_layout->addLayout(m_form);
    m_layout->addLayout(m_bodyLayout);
    m_layout->addStretch(1);
    for (QLabel *label : {m_inputProblem, m_confirm, m_error, m_status, m_result})
        m_layout->addWidget(label);
    m_layout->addWidget(m_buttons);

    connect(m_ok, &QPushButton::clicked, this, &LedgerDialog::onOk);
    connect(m_cancel, &QPushButton::clicked, this, &LedgerDialog::reject);
    setMinimumWidth(480);
}

LedgerDialog::~LedgerDialog() = default;

QString LedgerDialog::errorText() const {
    return m_error->isVisibleTo(this) ? m_error->text() : QString();
}

QString LedgerDialog::resultText() const {
    return m_result->isVisibleTo(this) ? m_result->text() : QString();
}

QString LedgerDialog::inputProblemText() const {
    return m_inputProblem->isVisibleTo(this) ? m_inputProblem->text() : QString();
}

bool LedgerDialog::event(QEvent *event) {
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LayoutRequest && !m_fitPending) {
        m_fitPending = true;
        QTimer::singleShot(0, this, &LedgerDialog::growToFit);
    }
    return handled;
}

void LedgerDialog::reject() {
    if (m_busy)
        return;
    QDialog::reject();
}

void LedgerDialog::growToFit() {
    m_fitPending = false;
    if (!isVisible())
        return; // show() sizes the dialog to its content anyway; resizing now would pin the default size
    m_layout->activate();
    const int needed = m_layout->hasHeightForWidth() ? m_layout->totalHeightForWidth(width())
                                                     : m_layout->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void LedgerDialog::setConfirmThreshold(qint64 majorUnits) {
    g_confirmThreshold = majorUnits;
}

qint64 LedgerDialog::confirmThreshold() {
    if (g_confirmThreshold >= 0)
        return g_confirmThreshold;
    bool ok = false;
    const qint64 v = QSettings().value(QStringLiteral("posting/confirmAbove"), 1000).toLongLong(&ok);
    return ok && v >= 0 ? v : 1000;
}

bool LedgerDialog::reachesConfirmThreshold(qint64 minor, int exponent) {
    qint64 threshold = confirmThreshold();
    for (int i = 0; i < exponent; ++i)
        if (__builtin_mul_overflow(threshold, qint64(10), &threshold))
            return false; // a threshold beyond every amount
    const qint64 magnitude =
        minor < 0
            ? (minor == std::numeric_limits<qint64>::min() ? std::numeric_limits<qint64>::max() : -minor)
            : minor;
    return magnitude >= threshold;
}

void LedgerDialog::setConfirmDelay(int milliseconds) {
    g_confirmDelayMs = milliseconds;
}

void LedgerDialog::addBodyWidget(QWidget *widget) {
    m_bodyLayout->addWidget(widget);
}

void LedgerDialog::addLedgerCheck(LedgerCheck::Identify identify, LedgerCheck::Send send,
                                  LedgerCheck::Describe describe) {
    m_check = new LedgerCheck(std::move(identify), std::move(send), std::move(describe), this);
    m_bodyLayout->addWidget(m_check);
}

void LedgerDialog::setHeader(const QString &text) {
    m_header->setText(text);
    m_header->setVisible(!text.isEmpty());
}

void LedgerDialog::setNotice(const QString &text) {
    setMessage(m_notice, text);
    m_notice->setStyleSheet(DialogText::style(Tone::Warning, palette()));
}

void LedgerDialog::setOkText(const QString &text) {
    m_okText = text;
    if (!m_confirming && !m_done)
        m_ok->setText(text);
}

void LedgerDialog::setBlocked(const QString &why) {
    const bool wasBlocked = !m_blocked.isEmpty();
    m_blocked = why;
    m_ok->setToolTip(why);
    if (!why.isEmpty())
        setNotice(why);
    else if (wasBlocked)
        setNotice(QString());
    revalidate();
}

void LedgerDialog::watch(QWidget *input) {
    m_inputs << input;
    if (auto *edit = qobject_cast<QLineEdit *>(input))
        connect(edit, &QLineEdit::textChanged, this, &LedgerDialog::inputChanged);
    else if (auto *combo = qobject_cast<QComboBox *>(input)) {
        connect(combo, &QComboBox::currentIndexChanged, this, &LedgerDialog::inputChanged);
        if (combo->isEditable())
            connect(combo, &QComboBox::editTextChanged, this, &LedgerDialog::inputChanged);
    } else if (auto *button = qobject_cast<QAbstractButton *>(input))
        connect(button, &QAbstractButton::toggled, this, &LedgerDialog::inputChanged);
    else if (auto *text = qobject_cast<QPlainTextEdit *>(input))
        connect(text, &QPlainTextEdit::textChanged, this, &LedgerDialog::inputChanged);
}

void LedgerDialog::beginLoad() {
    ++m_loads;
    revalidate();
}

void LedgerDialog::endLoad() {
    if (m_loads > 0)
        --m_loads;
    revalidate();
}

void LedgerDialog::showError(const LedgerError &error) {
    setMessage(m_error, LedgerErrorText::of(error));
    m_error->setStyleSheet(DialogText::style(Tone::Error, palette()));
}

void LedgerDialog::clearError() {
    setMessage(m_error, QString());
}

void LedgerDialog::inputChanged() {
    if (m_done || m_busy)
        return;
    m_touched = true;
    cancelConfirmation();
    revalidate();
}

void LedgerDialog::revalidate() {
    if (m_done) {
        setMessage(m_inputProblem, QString());
        return;
    }
    const QString problem = inputProblem();
    setMessage(m_inputProblem, problem);
    m_inputProblem->setStyleSheet(DialogText::style(m_touched ? Tone::Error : Tone::Muted, palette()));
    const bool ready = problem.isEmpty() && m_blocked.isEmpty() && m_loads == 0 && !m_busy;
    m_ok->setEnabled(ready && (!m_confirming || m_confirmArmed));
    if (m_check) {
        if (ready)
            m_check->schedule();
        else if (!m_busy) // while the request is out, its last verdict stays in view
            m_check->cancel();
    }
    if (!problem.isEmpty())
        cancelConfirmation();
}

void LedgerDialog::onOk() {
    if (m_done) {
        accept();
        return;
    }
    if (m_busy || m_loads > 0 || !m_blocked.isEmpty() || !inputProblem().isEmpty())
        return;
    if (!m_confirming) {
        const QString confirmText = confirmation();
        if (!confirmText.isEmpty()) {
            m_confirming = true;
            m_confirmArmed = false;
            setMessage(m_confirm, confirmText);
            m_confirm->setStyleSheet(DialogText::style(Tone::Warning, palette()));
            m_ok->setText(tr("Con&firm"));
            m_ok->setEnabled(false);
            QTimer::singleShot(g_confirmDelayMs, this, [this] {
                if (!m_confirming)
                    return;
                m_confirmArmed = true;
                revalidate();
                m_ok->setFocus();
            });
            return;
        }
    } else if (!m_confirmArmed) {
        return;
    }
    m_confirming = false;
    m_confirmArmed = false;
    setMessage(m_confirm, QString());
    m_ok->setText(m_okText);
    clearError();
    setMessage(m_result, QString());
    setBusy(true);
    send();
}

void LedgerDialog::failed(const LedgerError &error) {
    setBusy(false);
    showError(error);
}

void LedgerDialog::settleLostAnswer(const QString &key, const LedgerError &error,
                                    std::function<void(const PostingOutcome &)> found) {
    m_client->postingOutcome(key).then(this, [this, error, found](const Result<PostingOutcome> &outcome) {
        if (outcome && outcome->status != PostingOutcome::Status::NotFound) {
            found(*outcome);
            return;
        }
        const QString known =
            outcome
                ? tr("The ledger has nothing under this request's key, so it has not been posted. OK sends "
                     "it again with the same key: it is posted at most once.")
                : tr("Whether it was posted is not known yet: the ledger cannot be asked now. OK sends it "
                     "again with the same key when it can: it is posted at most once.");
        failed(LedgerError{error.code, error.message + u'\n' + known});
    });
}

void LedgerDialog::settledAsDone(const PostingOutcome &outcome) {
    succeeded(
        outcome.status == PostingOutcome::Status::Posted
            ? tr("The answer was lost on the way, but the ledger has the posting: transaction %1.")
                  .arg(outcome.transactionId)
            : tr("The answer was lost on the way, but the ledger has the request: it waits for approval "
                 "(request %1).")
                  .arg(outcome.approvalId));
}

void LedgerDialog::loadAccount(qint64 id, std::function<void(const Account &)> loaded) {
    beginLoad();
    m_client->account(id).then(this, [this, loaded](const Result<Account> &r) {
        if (r)
            loaded(*r);
        else
            showError(r.error());
        endLoad();
    });
}

void LedgerDialog::loadPostingLimit(const QString &currency, std::function<void()> loaded) {
    beginLoad();
    const QString me = m_client->session().operatorName;
    m_client->operators().then(this, [this, me, currency, loaded](const Result<QList<OperatorInfo>> &r) {
        if (r) {
            for (const OperatorInfo &o : *r)
                if (o.name == me) {
                    const auto it = o.limits.constFind(currency);
                    m_postingLimit.amount =
                        it == o.limits.constEnd() ? std::nullopt : std::optional<qint64>(*it);
                }
            m_postingLimit.known = true;
        } else {
            m_postingLimit.error = r.error().message;
        }
        loaded();
        endLoad();
    });
}

QString LedgerDialog::postingLimitNote(qint64 amount, int exponent, const QString &currency) const {
    if (!m_postingLimit.known)
        return m_postingLimit.error.isEmpty() ? tr("Checking your posting limit…")
                                              : tr("Your posting limit could not be read (%1); the ledger "
                                                   "still applies it when you post.")
                                                    .arg(m_postingLimit.error);
    if (!m_postingLimit.amount)
        return tr("No approval needed: you have no limit in %1.").arg(currency);
    if (amount > *m_postingLimit.amount)
        return {};
    return tr("No approval needed: within your limit of %1.")
        .arg(DialogText::money(*m_postingLimit.amount, exponent, currency));
}

QLabel *LedgerDialog::newPanel(const QString &objectName) {
    auto *label = new QLabel(this);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::RichText);
    label->setWordWrap(true);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(6);
    return label;
}

void LedgerDialog::succeeded(const QString &result) {
    m_done = true;
    if (m_check)
        m_check->cancel(); // the result says what happened
    setBusy(false);
    clearError();
    for (const QPointer<QWidget> &w : std::as_const(m_inputs))
        if (w)
            w->setEnabled(false);
    setMessage(m_result, result);
    m_result->setStyleSheet(DialogText::style(Tone::Success, palette()));
    setMessage(m_inputProblem, QString());
    m_cancel->hide();
    m_ok->setText(tr("&Close"));
    m_ok->setToolTip(QString());
    m_ok->setEnabled(true);
    m_ok->setFocus();
}

void LedgerDialog::setBusy(bool busy) {
    m_busy = busy;
    if (busy) {
        // Remember which inputs were enabled: some are disabled for reasons of their own (role).
        m_disabledWhileBusy.clear();
        for (const QPointer<QWidget> &w : std::as_const(m_inputs))
            if (w && w->isEnabled()) {
                m_disabledWhileBusy << w;
                w->setEnabled(false);
            }
    } else if (!m_done) {
        for (const QPointer<QWidget> &w : std::as_const(m_disabledWhileBusy))
            if (w)
                w->setEnabled(true);
        m_disabledWhileBusy.clear();
    }
    setMessage(m_status,
               busy ? tr("Sending to the ledger… (the dialog stays open until it answers)") : QString());
    m_status->setStyleSheet(DialogText::style(Tone::Muted, palette()));
    revalidate();
}

void LedgerDialog::cancelConfirmation() {
    if (!m_confirming)
        return;
    m_confirming = false;
    m_confirmArmed = false;
    setMessage(m_confirm, QString());
    m_ok->setText(m_okText);
}

void LedgerDialog::setMessage(QLabel *label, const QString &text) {
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

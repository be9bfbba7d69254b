#include "ledgercheck.h"

#include "dialogtext.h"
#include "ledgererrortext.h"

#include <QTimer>

namespace {
int g_delayMs = 350;
}

LedgerCheck::LedgerCheck(Identify identify, Send send, Describe describe, QWidget *parent)
    : QLabel(parent)
    , m_identify(std::move(identify))
    , m_send(std::move(send))
    , m_describe(std::move(describe))
    , m_timer(new QTimer(this)) {
    setObjectName(QStringLiteral("ledgerCheckLabel"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &LedgerCheck::sendNow);
}

LedgerCheck::~LedgerCheck() = default;

void LedgerCheck::setDelay(int milliseconds) {
    g_delayMs = milliseconds;
}

void LedgerCheck::schedule() {
    const QByteArray identity = m_identify();
    if (identity == m_identity && (isPending() || m_settled))
        return; // the same request: its check is on its way, or its verdict is shown
    m_identity = identity;
    m_settled = false;
    ++m_generation; // whatever is on its way describes the request before this edit
    m_inFlight = false;
    m_timer->start(g_delayMs);
    if (isVisible()) {
        setText(tr("Checking with the ledger…"));
        setStyleSheet(DialogText::style(DialogText::Tone::Muted, palette()));
    }
}

void LedgerCheck::cancel() {
    m_identity.clear();
    m_settled = false;
    ++m_generation;
    m_inFlight = false;
    m_timer->stop();
    m_refused = false;
    clear();
    hide();
}

bool LedgerCheck::isPending() const {
    return m_timer->isActive() || m_inFlight;
}

void LedgerCheck::sendNow() {
    const int generation = m_generation;
    m_inFlight = true;
    m_send().then(this, [this, generation](const Result<PostingResult> &r) {
        if (generation != m_generation)
            return; // the request was edited (or sent) since: this answer is of another request
        m_inFlight = false;
        // A lost connection settles nothing: the next revalidation asks again.
        m_settled = r.ok() || !LedgerErrorText::answerMayBeLost(r.error());
        present(r);
        Q_EMIT answered(r);
    });
}

void LedgerCheck::present(const Result<PostingResult> &r) {
    using Tone = DialogText::Tone;
    QString text;
    Tone tone = Tone::Success;
    m_refused = false;
    if (!r) {
        if (LedgerErrorText::answerMayBeLost(r.error())) {
            // Not the ledger's verdict: it could not be asked. The request itself will say what happens.
            text = tr("The ledger could not check this now: %1").arg(r.error().message);
            tone = Tone::Muted;
        } else {
            m_refused = true;
            // The ledger's own sentence names the rule, the account and the amounts: it is the whole answer.
            text = tr("Checked with the ledger: it would refuse this: %1").arg(r.error().message);
            tone = Tone::Error;
        }
    } else if (r->replayed) {
        text = tr("Checked with the ledger: this dialog already sent it; sending again writes nothing new.");
        tone = Tone::Muted;
    } else if (r->status == PostingResult::Status::Pending) {
        text = tr("Checked with the ledger: it would wait for a second operator's approval (above your "
                  "limit); nothing is posted until then.");
        tone = Tone::Warning;
    } else {
        text = tr("Checked with the ledger: it would post this.");
        if (const QString what = m_describe(*r); !what.isEmpty())
            text += u' ' + what;
    }
    setText(text);
    setStyleSheet(DialogText::style(tone, palette()));
    QLabel::show();
}

#pragma once

#include "ledgererror.h"
#include "postingresult.h"

#include <QFuture>
#include <QLabel>
#include <functional>

class QTimer;

/// The ledger's own verdict on a dialog's request as it stands: a dry run (the ledger checks every rule in a
/// transaction it rolls back; nothing is written) sent a moment after the last edit, so that what the dialog
/// says before OK is what the ledger would do, not the dialog's own arithmetic: a balance that moved since
/// the dialog read it, a limit, a frozen account, a rule the dialog does not know.
///
/// Only the newest answer is shown; one that arrives after a later edit is dropped.
class LedgerCheck final : public QLabel {
    Q_OBJECT
public:
    /// Sends the dry run of the request as it stands.
    using Send = std::function<QFuture<Result<PostingResult>>()>;
    /// What a successful dry run would do, in the dialog's words ("Balance after: 525.50 USD").
    using Describe = std::function<QString(const PostingResult &)>;
    /// What identifies the request as it stands (its canonical bytes): the dialog revalidates after every
    /// load and when a confirmation arms, and a request already checked (or on its way) is not sent again.
    using Identify = std::function<QByteArray()>;

    LedgerCheck(Identify identify, Send send, Describe describe, QWidget *parent);
    ~LedgerCheck() override;
    Q_DISABLE_COPY_MOVE(LedgerCheck)

    /// The request can be sent: asks after a short pause (typing goes on meanwhile), unless this very request
    /// is being checked or the ledger has answered it (a refusal or a verdict; not a lost connection).
    void schedule();
    /// The request cannot be sent as it stands (or was sent for real): nothing to check; hides the verdict
    /// and drops an answer still on its way.
    void cancel();
    /// A check is waiting for its pause to end or for the ledger's answer.
    bool isPending() const;
    /// Whether the last answer was a refusal by the ledger (a rule, not a lost connection).
    bool refused() const { return m_refused; }

    /// How long the pause after an edit is (ms); tests shorten it.
    static void setDelay(int milliseconds);

Q_SIGNALS:
    /// The ledger answered the newest check (shown by then). A dialog whose figures came from an older read
    /// of the account compares them here and reads the account again when the ledger's differ.
    void answered(const Result<PostingResult> &result);

private:
    void sendNow();
    void present(const Result<PostingResult> &result);

    Identify m_identify;
    Send m_send;
    Describe m_describe;
    QByteArray m_identity;  ///< of the request being checked or answered; empty: none
    bool m_settled = false; ///< the ledger answered m_identity's request (a verdict that still stands)
    QTimer *m_timer;
    int m_generation = 0;
    bool m_inFlight = false;
    bool m_refused = false;
};

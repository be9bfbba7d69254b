#pragma once

#include "ledgercheck.h"
#include "ledgererror.h"
#include "postingoutcome.h"

#include <QDialog>
#include <QList>
#include <QPointer>
#include <functional>
#include <optional>

struct Account;
class LedgerClient;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

/// What every ledger-writing dialog shares, so they all behave alike:
/// - OK stays disabled until inputProblem() is empty; the problem is shown inline and names the field.
/// - An optional confirmation step: the first OK shows what will happen and turns OK into "Confirm"
///   (enabled after a short delay, so a double click cannot confirm by accident); any edit cancels it.
/// - One request at a time: while it is in flight OK and the inputs are disabled, so a double click cannot
///   send twice (and the subclass reuses one idempotency key for every retry anyway).
/// - Ledger errors appear in the dialog in plain words, the dialog stays open, and the inputs come back for
///   a correction or a retry. Success shows the result and turns OK into "Close".
/// Nothing here blocks: subclasses call LedgerClient and continue with QFuture::then(this, ...).
class LedgerDialog : public QDialog {
    Q_OBJECT
public:
    ~LedgerDialog() override;
    Q_DISABLE_COPY_MOVE(LedgerDialog)

    bool isBusy() const { return m_busy; }
    bool isDone() const { return m_done; }
    /// Still loading what the dialog needs (account, limits, currencies, ...).
    bool isLoading() const { return m_loads > 0; }
    QString errorText() const;
    QString resultText() const;
    QString inputProblemText() const;
    /// The ledger's verdict on the request as it stands (a dry run), for dialogs that have one; else null.
    LedgerCheck *ledgerCheck() const { return m_check; }

    /// Amounts at or above this many major units ask for confirmation before they are sent. A negative
    /// value (the default) reads QSettings "posting/confirmAbove", which defaults to 1000.
    static void setConfirmThreshold(qint64 majorUnits);
    static qint64 confirmThreshold();
    /// Whether `minor` units at `exponent` reach the threshold (exact integer arithmetic).
    static bool reachesConfirmThreshold(qint64 minor, int exponent);
    /// How long "Confirm" stays disabled after it appears (ms); tests shorten it.
    static void setConfirmDelay(int milliseconds);

protected:
    LedgerDialog(LedgerClient *client, QWidget *parent);

    /// Grows the dialog when its content does (a loaded transaction, an error, a longer preview), so that
    /// wrapped text is never clipped; it never shrinks under the user's hands.
    bool event(QEvent *event) override;
    /// Escape and Cancel wait while a request is in flight: closing then would leave the agent not knowing
    /// whether it was posted.
    void reject() override;

    LedgerClient *client() const { return m_client; }
    QFormLayout *form() const { return m_form; }
    /// Adds a widget below the form (previews, explanations).
    void addBodyWidget(QWidget *widget);
    /// Adds the ledger's verdict below the body widgets so far (the preview): whenever the input can be sent,
    /// `send` rehearses it with the ledger (a dry run) and the answer is shown; see LedgerCheck.
    void addLedgerCheck(LedgerCheck::Identify identify, LedgerCheck::Send send,
                        LedgerCheck::Describe describe);
    void setHeader(const QString &text);
    /// A standing remark above the form (the account is frozen, your role cannot ...); empty hides it.
    void setNotice(const QString &text);
    void setOkText(const QString &text);
    /// The request cannot be made from this dialog at all (role, state): OK stays disabled with `why` as
    /// its tooltip and as the notice.
    void setBlocked(const QString &why);
    bool isBlocked() const { return !m_blocked.isEmpty(); }
    /// Disabled while a request is in flight or once done; their edits re-run validation.
    void watch(QWidget *input);

    void beginLoad();
    void endLoad();
    /// Shows a ledger error (from a load or a request) in the error label.
    void showError(const LedgerError &error);
    void clearError();

    /// The first thing wrong with the input, naming the field ("Amount: ..."); empty when it can be sent.
    virtual QString inputProblem() const = 0;
    /// When not empty, the text of a confirmation step shown before send().
    virtual QString confirmation() const { return {}; }
    /// Sends the request; the continuation must call failed() or succeeded().
    virtual void send() = 0;

    void failed(const LedgerError &error);
    void succeeded(const QString &result);
    /// After a posting sent with `key` failed with a database or connection error, the answer may be what was
    /// lost, not the posting: asks the ledger what became of it. A posting or approval request it has goes to
    /// `found` (which calls succeeded()); otherwise the error is shown with what is known, never a guess.
    void settleLostAnswer(const QString &key, const LedgerError &error,
                          std::function<void(const PostingOutcome &)> found);
    /// succeeded() for a posting whose answer was lost but which the ledger has (settleLostAnswer's `found`).
    void settledAsDone(const PostingOutcome &outcome);

    /// Reads account `id` again (a load: OK waits for it) and hands it to `loaded`; an error is shown
    /// instead.
    void loadAccount(qint64 id, std::function<void(const Account &)> loaded);

    /// The signed-in operator's posting limit in one currency, for the dialogs' previews ("needs a second
    /// operator's approval"). Only a preview: the ledger applies the limit when the request is sent.
    struct PostingLimit {
        bool known = false;           ///< the operators were read (`amount` is then the answer)
        std::optional<qint64> amount; ///< minor units; none: no limit in that currency
        QString error;                ///< why it could not be read; empty while it is being read
    };
    /// Reads the operator's limit in `currency` (a load: OK waits for it), keeps it as postingLimit() and
    /// then calls `loaded`. An error is not a reason to refuse: the preview says the limit could not be read.
    void loadPostingLimit(const QString &currency, std::function<void()> loaded);
    const PostingLimit &postingLimit() const { return m_postingLimit; }
    /// What a preview says of the posting limit for `amount` (minor units at `exponent` in `currency`): being
    /// read, unreadable, none in the currency, or within it. Empty when `amount` is above the limit: each
    /// dialog says in its own words what then happens to its request.
    QString postingLimitNote(qint64 amount, int exponent, const QString &currency) const;

    /// A framed, word-wrapped rich-text label for what the dialog shows rather than asks (a preview, the
    /// request or transaction being acted on), so that these panels look alike in every dialog.
    QLabel *newPanel(const QString &objectName);

protected Q_SLOTS:
    /// Re-checks the input and updates OK; also cancels a pending confirmation.
    void inputChanged();
    /// Re-checks the input and updates OK (after loads, without cancelling a confirmation).
    void revalidate();

private:
    void onOk();
    void setBusy(bool busy);
    void cancelConfirmation();
    void setMessage(QLabel *label, const QString &text);
    void growToFit();

    LedgerClient *m_client;
    QVBoxLayout *m_layout;
    QVBoxLayout *m_bodyLayout;
    QFormLayout *m_form;
    QLabel *m_header;
    QLabel *m_notice;
    QLabel *m_inputProblem;
    QLabel *m_confirm;
    QLabel *m_error;
    QLabel *m_status;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    QPushButton *m_ok;
    QPushButton *m_cancel;
    QList<QPointer<QWidget>> m_inputs;
    QList<QPointer<QWidget>> m_disabledWhileBusy;
    QString m_okText;
    QString m_blocked;
    PostingLimit m_postingLimit;
    LedgerCheck *m_check = nullptr;
    int m_loads = 0;
    bool m_busy = false;
    bool m_done = false;
    bool m_touched = false;
    bool m_confirming = false;
    bool m_confirmArmed = false;
    bool m_fitPending = false;
};

#pragma once

#include "account.h"
#include "journaltransaction.h"
#include "ledgerdialog.h"
#include "postingresult.h"
#include "reversalrequest.h"

#include <QHash>

class LedgerClient;
class QCheckBox;
class QLabel;
class QLineEdit;

/// Reverses one transaction: shows the original (kind, time, operator, entries with their accounts and
/// amounts), asks why it was wrong, and posts its negation. "Force" (supervisors and admins) lets the
/// reversal take a player below zero when the money was already spent.
class ReverseDialog final : public LedgerDialog {
    Q_OBJECT
public:
    ReverseDialog(LedgerClient *client, qint64 transactionId, QWidget *parent = nullptr);
    ~ReverseDialog() override;
    Q_DISABLE_COPY_MOVE(ReverseDialog)

    QString idempotencyKey() const { return m_key; }
    /// The original, once loaded.
    const JournalTransaction &original() const { return m_original; }

Q_SIGNALS:
    /// Reversed. When the answer was lost and the ledger was asked instead, only the status and the
    /// transaction are known: `entries` is empty.
    void reversed(const PostingResult &result);

protected:
    QString inputProblem() const override;
    QString confirmation() const override;
    void send() override;

private:
    void load();
    void showOriginal();
    /// The request as the inputs stand, with the dialog's key.
    ReversalRequest request() const;
    /// "Account 12 would hold 25.00 USD." for each player account a dry run of the reversal moves.
    QString playerBalancesAfter(const PostingResult &r) const;
    /// After a lost answer, the ledger has the reversal under the dialog's key: done, as success is.
    void settledAsReversed(const PostingOutcome &outcome);

    const qint64 m_transactionId;
    const QString m_key;
    JournalTransaction m_original;
    bool m_loaded = false;
    QHash<QString, int> m_exponents;   ///< currency -> exponent, to show amounts
    QHash<qint64, Account> m_accounts; ///< the entries' accounts, to name them

    QLabel *m_originalLabel;
    QLineEdit *m_reason;
    QCheckBox *m_force;
    QLabel *m_forceHelp;
};

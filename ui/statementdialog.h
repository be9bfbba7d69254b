#pragma once

#include "account.h"
#include "ledgererror.h"

#include <QDialog>
#include <QFuture>
#include <QPointer>
#include <optional>

class LedgerClient;
class QButtonGroup;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;

/// File > Statement… and the accounts list's context menu: one account's (prefilled from the selection) or
/// one player's statement for a range of UTC days, saved as PDF (A4 or Letter) or CSV. The statement is read
/// through LedgerClient and the file written on a pool thread, so the window never waits; the dialog shows
/// that it is busy and reports errors in itself.
class StatementDialog final : public QDialog {
    Q_OBJECT
public:
    StatementDialog(LedgerClient *client, const std::optional<Account> &account, QWidget *parent = nullptr);
    ~StatementDialog() override;
    Q_DISABLE_COPY_MOVE(StatementDialog)

    /// Generates with what the dialog shows (what the Generate button does); the future gives the entries
    /// written. A refusal (bad range, no file) is reported in the dialog and the future carries it.
    QFuture<Result<qint64>> generate();
    bool isBusy() const { return m_busy; }

private:
    void chooseFile();
    void updateControls();
    void setBusy(bool busy);
    void report(const QString &text, bool error);
    QString suggestedName() const;

    QPointer<LedgerClient> m_client;
    QRadioButton *m_byAccount = nullptr;
    QRadioButton *m_byPlayer = nullptr;
    QSpinBox *m_accountId = nullptr;
    QLineEdit *m_player = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_format = nullptr;
    QComboBox *m_pageSize = nullptr;
    QLineEdit *m_path = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_busyBar = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_busy = false;
};

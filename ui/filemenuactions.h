#pragma once

#include "ledgerclient.h"

#include <QObject>
#include <QString>

class QMainWindow;

/// What the File menu's Verify and Export do: each runs in the background with a progress dialog
/// that can cancel, and ends with a message in the window (a box or the status bar). A class of its own
/// because these are long jobs with their own outcomes, while MainWindow only knows which ledger and what is
/// selected; the window keeps the actions themselves (their texts, shortcuts and role gating).
class FileMenuActions final : public QObject {
    Q_OBJECT
public:
    /// What an export writes: the journal under `journal`'s filters, or else the history of `account`.
    struct ExportSource {
        std::optional<JournalQuery> journal;
        std::optional<Account> account;
    };

    explicit FileMenuActions(QMainWindow *window);

    /// Recomputes the ledger's chains and balances and says whether it is intact.
    void verify(LedgerClient *client);
    /// Asks for a file, then exportTo().
    void chooseExport(LedgerClient *client, const ExportSource &source);
    QFuture<Result<qint64>> exportTo(LedgerClient *client, const ExportSource &source, const QString &path);

private:
    QMainWindow *m_window;
};

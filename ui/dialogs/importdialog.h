#pragma once

#include "dialogtext.h"
#include "importreport.h"

#include <QDateTime>
#include <QDialog>
#include <QFuture>
#include <QPointer>
#include <atomic>
#include <memory>

class ImportReportModel;
class LedgerClient;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

/// File > Import postings…: a support desk's bulk adjustments from a CSV file (BulkImport), in two steps.
/// Check rehearses every row in the ledger and lists each one's result (refused rows marked, with the line
/// and the reason) and the totals, posting nothing. Post is enabled only when the check refused no row and
/// the file has not changed since; it posts row by row with a progress bar and Cancel, and writes the
/// result CSV beside the file. Every row has its key, so checking and posting the same file again (after a
/// cancel or a crash) posts nothing twice.
class ImportDialog final : public QDialog {
    Q_OBJECT
public:
    explicit ImportDialog(LedgerClient *client, QWidget *parent = nullptr);
    ~ImportDialog() override;
    Q_DISABLE_COPY_MOVE(ImportDialog)

    /// Shows `path` and checks it.
    void setFile(const QString &path);
    /// A dry run of the file shown (what Check does).
    QFuture<ImportReport> check();
    /// Posts the checked file (what Post does); refused, with the reason shown, unless a check of this very
    /// file found no refused row.
    QFuture<ImportReport> post();
    /// Stops the check or the posting between rows (what Cancel does).
    void cancel();

    bool isBusy() const { return m_stage == Stage::Checking || m_stage == Stage::Posting; }
    const ImportReport &report() const;
    /// The rows a posting would write: those the check found ok or in need of approval.
    int postableRows() const;

public Q_SLOTS:
    /// Close while busy cancels instead (the dialog closes once the work has stopped).
    void reject() override;

Q_SIGNALS:
    /// A posting ended (rows may have been written, even when cancelled): views of the ledger are stale.
    void posted();

private:
    enum class Stage { NoFile, Checking, Checked, Posting, Posted };
    /// What identifies the file's content for "has it changed since the check".
    struct Stamp {
        qint64 size = -1;
        QDateTime modified;
        bool operator==(const Stamp &) const = default;
    };
    static Stamp stampOf(const QString &path);

    QFuture<ImportReport> start(bool dryRun);
    /// Says why the dialog will not check or post, and answers the caller with that as the file's error.
    QFuture<ImportReport> refuse(const QString &why, bool dryRun);
    void finished(const ImportReport &result);
    void chooseFile();
    void saveReport();
    void updateControls();
    void showSummary();
    void say(const QString &text, DialogText::Tone tone);
    QString totalsText(const ImportReport &report) const;

    QPointer<LedgerClient> m_client;
    Stage m_stage = Stage::NoFile;
    QString m_checkedPath;
    Stamp m_checkedStamp;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_closeWhenStopped = false;

    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_check = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_totals = nullptr;
    QCheckBox *m_refusedOnly = nullptr;
    QTableView *m_table = nullptr;
    ImportReportModel *m_model = nullptr;
    QSortFilterProxyModel *m_filter = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_saveReport = nullptr;
    QPushButton *m_post = nullptr;
    QPushButton *m_close = nullptr;
};

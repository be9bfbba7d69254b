#include "filemenuactions.h"

#include "csvexport.h"
#include "mainwindow.h"
#include "workprogress.h"

#include <QFileDialog>
#include <QFutureWatcher>
#include <QMainWindow>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>

// The texts were translated as the main window's (translations/*.ts), where these actions were written
// first: MainWindow::tr keeps them in that context.

FileMenuActions::FileMenuActions(QMainWindow *window)
    : QObject(window)
    , m_window(window) {}

void FileMenuActions::verify(LedgerClient *client) {
    if (!client)
        return;
    auto *watcher = new QFutureWatcher<Result<VerifyReport>>;
    QProgressDialog *progress =
        WorkProgress{QStringLiteral("verifyProgress"), MainWindow::tr("Verify ledger"),
                     MainWindow::tr("Checking the hash chains and every balance…"), MainWindow::tr("Cancel")}
            .follow(watcher, m_window);
    connect(watcher, &QFutureWatcherBase::finished, this, [window = m_window, watcher, progress] {
        const bool canceled = watcher->isCanceled() || watcher->future().resultCount() == 0;
        const auto report = canceled ? Result<VerifyReport>() : watcher->result();
        progress->close();
        if (canceled) {
            window->statusBar()->showMessage(MainWindow::tr("Verification canceled."), 5000);
            return;
        }
        if (!report) {
            QMessageBox::warning(window, MainWindow::tr("Verify ledger"),
                                 MainWindow::tr("Verification failed: %1").arg(report.error().message));
        } else if (report->ok) {
            const QLocale locale = window->locale();
            QMessageBox::information(
                window, MainWindow::tr("Verify ledger"),
                MainWindow::tr("The ledger is intact.\n\n%1 transactions, %2 entries and %3 audit records "
                               "checked; every balance equals the sum of its entries.\n\nDigest: %4")
                    .arg(locale.toString(report->transactions), locale.toString(report->entries),
                         locale.toString(report->auditRecords), report->digest));
        } else {
            QMessageBox::critical(
                window, MainWindow::tr("Verify ledger"),
                MainWindow::tr("The ledger is NOT intact.\n\nFirst problem: %1").arg(report->firstProblem));
        }
    });
    watcher->setFuture(client->verify());
    progress->show();
}

void FileMenuActions::chooseExport(LedgerClient *client, const ExportSource &source) {
    const QString suggested =
        source.journal
            ? QStringLiteral("journal.csv")
            : QStringLiteral("statement-account-%1.csv").arg(source.account ? source.account->id : 0);
    const QString path = QFileDialog::getSaveFileName(m_window, MainWindow::tr("Export as CSV"), suggested,
                                                      MainWindow::tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(client, source, path);
}

QFuture<Result<qint64>> FileMenuActions::exportTo(LedgerClient *client, const ExportSource &source,
                                                  const QString &path) {
    QFuture<Result<qint64>> future;
    if (!client)
        return QtFuture::makeReadyFuture(
            Result<qint64>(LedgerError{ErrorCode::Database, MainWindow::tr("Not connected")}));
    if (source.journal)
        future = CsvExport::journal(client, *source.journal, path);
    else if (source.account)
        future = CsvExport::history(client, source.account->id, source.account->exponent, path);
    else
        return QtFuture::makeReadyFuture(Result<qint64>(
            LedgerError{ErrorCode::InvalidArgument, MainWindow::tr("Select an account first")}));

    auto *watcher = new QFutureWatcher<Result<qint64>>;
    QProgressDialog *progress =
        WorkProgress{QStringLiteral("exportProgress"), MainWindow::tr("Export as CSV"),
                     MainWindow::tr("Exporting to %1…").arg(path), MainWindow::tr("Cancel"), 300}
            .follow(watcher, m_window);
    connect(watcher, &QFutureWatcherBase::finished, this, [window = m_window, watcher, progress, path] {
        const auto result = watcher->future().resultCount() ? watcher->result() : Result<qint64>();
        progress->close();
        if (result)
            window->statusBar()->showMessage(MainWindow::tr("%L1 rows exported to %2").arg(*result).arg(path),
                                             10000);
        else
            window->statusBar()->showMessage(MainWindow::tr("Export stopped: %1").arg(result.error().message),
                                             10000);
    });
    watcher->setFuture(future);
    return future;
}

#include "importdialog.h"

#include "bulkimport.h"
#include "importreportmodel.h"
#include "ledgerclient.h"
#include "money.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>
#include <utility>

using Tone = DialogText::Tone;

ImportDialog::ImportDialog(LedgerClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client) {
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import postings"));

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("importPath"));
    m_path->setPlaceholderText(tr("a CSV file of postings"));
    m_browse = new QPushButton(tr("&Browse…"), this);
    m_browse->setObjectName(QStringLiteral("importBrowse"));
    m_check = new QPushButton(tr("C&heck"), this);
    m_check->setObjectName(QStringLiteral("importCheck"));
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);
    fileRow->addWidget(m_check);

    auto *help = new QLabel(
        tr("Columns: kind, account, amount, reason_code, ticket, memo, idempotency_key, and item_account and "
           "quantity for purchases. Every row is checked in the ledger first; nothing is posted until you "
           "press Post, and a row whose key was posted before is never posted again."),
        this);
    help->setObjectName(QStringLiteral("importHelp"));
    help->setWordWrap(true);
    help->setStyleSheet(DialogText::style(Tone::Muted, palette()));

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_totals = new QLabel(this);
    m_totals->setObjectName(QStringLiteral("importTotals"));
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_model = new ImportReportModel(this);
    m_model->setRefusedColor(DialogText::color(Tone::Error, palette()));
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(ImportReportModel::RefusedRole);
    m_refusedOnly = new QCheckBox(tr("Show &refused rows only"), this);
    m_refusedOnly->setObjectName(QStringLiteral("importRefusedOnly"));
    connect(m_refusedOnly, &QCheckBox::toggled, this, [this](bool on) {
        // RefusedRole is a bool: its text is "true" for a refused row.
        m_filter->setFilterFixedString(on ? QStringLiteral("true") : QString());
    });

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("importTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // A file may have a million rows: fixed row heights keep the view from measuring every one.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int digit = m_table->fontMetrics().horizontalAdvance(u'0');
    m_table->setColumnWidth(ImportReportModel::LineColumn, digit * 7);
    m_table->setColumnWidth(ImportReportModel::KindColumn, digit * 17);
    m_table->setColumnWidth(ImportReportModel::AccountColumn, digit * 9);
    m_table->setColumnWidth(ImportReportModel::AmountColumn, digit * 16);
    m_table->setColumnWidth(ImportReportModel::ResultColumn, digit * 20);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_cancelButton = new QPushButton(tr("Cancel"), this);
    m_cancelButton->setObjectName(QStringLiteral("importCancel"));
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancelButton);

    auto *buttons = new QDialogButtonBox(this);
    m_saveReport = buttons->addButton(tr("&Save report…"), QDialogButtonBox::ActionRole);
    m_saveReport->setObjectName(QStringLiteral("importSaveReport"));
    m_post = buttons->addButton(tr("&Post"), QDialogButtonBox::AcceptRole);
    m_post->setObjectName(QStringLiteral("importPost"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("importClose"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addWidget(help);
    layout->addWidget(m_summary);
    layout->addWidget(m_totals);
    layout->addWidget(m_refusedOnly);
    layout->addWidget(m_table, 1);
    layout->addLayout(progressRow);
    layout->addWidget(buttons);
    resize(900, 560);

    connect(m_browse, &QPushButton::clicked, this, &ImportDialog::chooseFile);
    connect(m_check, &QPushButton::clicked, this, [this] { check(); });
    connect(m_path, &QLineEdit::returnPressed, this, [this] { check(); });
    connect(m_path, &QLineEdit::textEdited, this, [this] {
        // Another file: what was checked no longer applies to what Post would post.
        m_stage = Stage::NoFile;
        updateControls();
        showSummary();
    });
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::cancel);
    connect(m_saveReport, &QPushButton::clicked, this, &ImportDialog::saveReport);
    // Post is the accept role so that it reads as the dialog's action; it posts and the dialog stays open
    // to show what happened.
    connect(buttons, &QDialogButtonBox::accepted, this, [this] { post(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    updateControls();
    showSummary();
}

ImportDialog::~ImportDialog() {
    // The work continues without the dialog only as far as the next row: a posting is not left running
    // unseen. What it posted stays posted (every row is a transaction of its own).
    if (m_cancel)
        m_cancel->store(true);
}

const ImportReport &ImportDialog::report() const {
    return m_model->report();
}

int ImportDialog::postableRows() const {
    return report().okRows() + report().approvalRows();
}

ImportDialog::Stamp ImportDialog::stampOf(const QString &path) {
    const QFileInfo info(path);
    return info.exists() ? Stamp{info.size(), info.lastModified()} : Stamp{};
}

void ImportDialog::setFile(const QString &path) {
    m_path->setText(path);
    check();
}

void ImportDialog::chooseFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import postings"), m_path->text(),
                                                      tr("CSV files (*.csv);;All files (*)"));
    if (!path.isEmpty())
        setFile(path);
}

QFuture<ImportReport> ImportDialog::check() {
    return start(true);
}

QFuture<ImportReport> ImportDialog::refuse(const QString &why, bool dryRun) {
    say(why, Tone::Error);
    ImportReport refused;
    refused.dryRun = dryRun;
    refused.fileError = why;
    return QtFuture::makeReadyFuture(refused);
}

QFuture<ImportReport> ImportDialog::post() {
    if (isBusy())
        return refuse(tr("The file is being checked or posted already."), false);
    const QString path = m_path->text().trimmed();
    if (m_stage != Stage::Checked || path != m_checkedPath)
        return refuse(tr("Check the file first: only a checked file is posted."), false);
    if (!report().fileError.isEmpty() || report().cancelled)
        return refuse(tr("The check did not finish: check the file again."), false);
    if (report().refusedRows() > 0)
        return refuse(tr("The check refused rows: fix them in the file and check it again."), false);
    if (stampOf(path) != m_checkedStamp) {
        m_stage = Stage::NoFile;
        updateControls();
        return refuse(tr("The file changed after it was checked: check it again before posting."), false);
    }
    if (postableRows() == 0)
        return refuse(tr("Nothing to post: every row was posted by an earlier import."), false);
    return start(false);
}

QFuture<ImportReport> ImportDialog::start(bool dryRun) {
    const QString path = m_path->text().trimmed();
    if (isBusy())
        return refuse(tr("The file is being checked or posted already."), dryRun);
    if (!m_client)
        return refuse(tr("Not connected"), dryRun);
    if (path.isEmpty())
        return refuse(tr("Choose a file to import."), dryRun);

    m_cancel = std::make_shared<std::atomic<bool>>(false);
    BulkImport::Options options;
    options.dryRun = dryRun;
    options.cancel = m_cancel;
    if (dryRun) {
        m_checkedPath = path;
        m_checkedStamp = stampOf(path);
    }
    m_stage = dryRun ? Stage::Checking : Stage::Posting;
    m_progress->setValue(0);
    say(dryRun ? tr("Checking %1…").arg(path) : tr("Posting %1…").arg(path), Tone::Plain);
    m_totals->clear();
    updateControls();

    QFuture<ImportReport> future = BulkImport::run(m_client, path, options);
    auto *watcher = new QFutureWatcher<ImportReport>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        finished(watcher->future().resultCount() ? watcher->result() : ImportReport());
    });
    watcher->setFuture(future);
    return future;
}

void ImportDialog::finished(const ImportReport &result) {
    const bool wasPosting = m_stage == Stage::Posting;
    m_cancel.reset();
    m_model->setReport(result);
    m_stage = wasPosting ? Stage::Posted : Stage::Checked;
    m_progress->setValue(m_progress->maximum());
    updateControls();
    showSummary();
    if (wasPosting)
        Q_EMIT posted();
    if (std::exchange(m_closeWhenStopped, false))
        QDialog::reject();
}

void ImportDialog::cancel() {
    if (m_cancel) {
        m_cancel->store(true);
        say(m_stage == Stage::Posting ? tr("Stopping after the current row…") : tr("Stopping the check…"),
            Tone::Warning);
        m_cancelButton->setEnabled(false);
    }
}

void ImportDialog::reject() {
    if (isBusy()) {
        m_closeWhenStopped = true;
        cancel();
        return;
    }
    QDialog::reject();
}

void ImportDialog::saveReport() {
    const QFileInfo file(m_checkedPath);
    const QString suggested =
        file.dir().filePath(file.completeBaseName() +
                            (report().dryRun ? QStringLiteral(".check.csv") : QStringLiteral(".result.csv")));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save report"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (report().writeCsv(path, &error))
        say(tr("Report saved to %1.").arg(path), Tone::Success);
    else
        say(tr("The report could not be saved: %1").arg(error), Tone::Error);
}

void ImportDialog::updateControls() {
    const bool busy = isBusy();
    m_path->setEnabled(!busy);
    m_browse->setEnabled(!busy);
    m_check->setEnabled(!busy && !m_path->text().trimmed().isEmpty());
    m_progress->setVisible(busy);
    m_cancelButton->setVisible(busy);
    m_cancelButton->setEnabled(busy);
    m_saveReport->setEnabled(!busy && !report().rows.isEmpty() &&
                             (m_stage == Stage::Checked || m_stage == Stage::Posted));
    const bool postable = m_stage == Stage::Checked && report().fileError.isEmpty() && !report().cancelled &&
                          report().refusedRows() == 0 && postableRows() > 0;
    m_post->setEnabled(postable);
    m_post->setDefault(postable);
    m_post->setText(postable ? tr("&Post %n row(s)", nullptr, postableRows()) : tr("&Post"));
    m_check->setDefault(!postable);
}

void ImportDialog::say(const QString &text, Tone tone) {
    m_summary->setProperty("tone", int(tone)); // tests tell an error from a success by it
    m_summary->setStyleSheet(DialogText::style(tone, palette()));
    m_summary->setText(text);
}

QString ImportDialog::totalsText(const ImportReport &r) const {
    QStringList lines;
    const auto totals = r.totals();
    for (auto it = totals.begin(); it != totals.end(); ++it) {
        if (it->overflow) {
            lines << tr("%1: the sums leave the range of amounts").arg(it.key());
            continue;
        }
        lines << tr("%1: %2 in, %3 out")
                     .arg(it.key(), Money::formatLocalized(it->in, it->exponent, locale()),
                          Money::formatLocalized(it->out, it->exponent, locale()));
    }
    if (lines.isEmpty())
        return QString();
    return (r.dryRun ? tr("Totals of the rows that would post: %1") : tr("Totals posted: %1"))
        .arg(lines.join(QStringLiteral("; ")));
}

void ImportDialog::showSummary() {
    const ImportReport &r = report();
    const QLocale l = locale();
    switch (m_stage) {
    case Stage::NoFile:
        m_totals->clear();
        say(m_path->text().trimmed().isEmpty() ? tr("Choose a CSV file to check.")
                                               : tr("Press Check to check the file."),
            Tone::Muted);
        return;
    case Stage::Checking:
    case Stage::Posting:
        return; // start() said what is being done
    case Stage::Checked:
    case Stage::Posted:
        break;
    }
    m_totals->setText(totalsText(r));
    if (!r.fileError.isEmpty() && r.rows.isEmpty()) {
        say(tr("The file cannot be imported: %1").arg(r.fileError), Tone::Error);
        return;
    }
    // The counts, in the words of the stage: what would happen, or what happened.
    QStringList parts;
    if (r.okRows() > 0)
        parts << (r.dryRun ? tr("%1 would post") : tr("%1 posted")).arg(l.toString(r.okRows()));
    if (r.approvalRows() > 0)
        parts << (r.dryRun ? tr("%1 would need approval") : tr("%1 await approval"))
                     .arg(l.toString(r.approvalRows()));
    if (r.replayedRows() > 0)
        parts << tr("%1 already posted").arg(l.toString(r.replayedRows()));
    if (r.refusedRows() > 0)
        parts << tr("%1 refused").arg(l.toString(r.refusedRows()));
    const int notPosted = int(std::count_if(r.rows.begin(), r.rows.end(), [](const ImportRow &row) {
        return row.outcome == ImportRow::Outcome::NotPosted;
    }));
    if (notPosted > 0)
        parts << tr("%1 not posted").arg(l.toString(notPosted));
    const QString counts = parts.join(QStringLiteral(", "));

    if (r.dryRun) {
        // The counts carry the numbers: no sentence here needs a plural of its own.
        if (r.cancelled)
            say(tr("The check was cancelled: %1 so far. Check the file again to post it.").arg(counts),
                Tone::Warning);
        else if (r.refusedRows() > 0)
            say(tr("File checked: %1. Nothing can be posted while a row is refused: correct or remove the "
                   "refused rows in the file, then check it again.")
                    .arg(counts),
                Tone::Error);
        else if (postableRows() == 0)
            say(tr("File checked: %1. Nothing to post.").arg(counts), Tone::Plain);
        else
            say(tr("File checked: %1. Nothing has been posted yet.").arg(counts), Tone::Success);
        return;
    }
    // Where the results went follows as a sentence of its own.
    const auto withResults = [&r](const QString &text) {
        return r.resultPath.isEmpty() ? text : text + u' ' + tr("Results written to %1.").arg(r.resultPath);
    };
    if (r.cancelled)
        say(withResults(tr("Posting cancelled: %1. Check and post the file again to finish it: rows already "
                           "posted are not posted twice.")
                            .arg(counts)),
            Tone::Warning);
    else if (!r.fileError.isEmpty())
        say(withResults(tr("Posting stopped: %1 (%2).").arg(r.fileError, counts)), Tone::Error);
    else if (r.refusedRows() > 0)
        say(withResults(tr("Posted with refusals: %1. The ledger changed after the check.").arg(counts)),
            Tone::Warning);
    else
        say(withResults(tr("Done: %1.").arg(counts)), Tone::Success);
}

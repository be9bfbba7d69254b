#include "statementdialog.h"

#include "ledgerclient.h"
#include "statementcsv.h"
#include "statementpdf.h"
#include "statementrequest.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QThreadPool>
#include <QVBoxLayout>
#include <limits>
#include <memory>

namespace {

/// Writes the file on a pool thread: a PDF of thousands of entries takes a noticeable moment to lay out.
QFuture<Result<Done>> writeInBackground(const Statement &statement, const QString &path, bool pdf,
                                        StatementPdf::PageSize size) {
    auto promise = std::make_shared<QPromise<Result<Done>>>();
    QFuture<Result<Done>> future = promise->future();
    promise->start();
    QThreadPool::globalInstance()->start([promise, statement, path, pdf, size] {
        promise->addResult(pdf ? StatementPdf::write(statement, path, size)
                               : StatementCsv::write(statement, path));
        promise->finish();
    });
    return future;
}

} // namespace

StatementDialog::StatementDialog(LedgerClient *client, const std::optional<Account> &account, QWidget *parent)
    : QDialog(parent)
    , m_client(client) {
    setObjectName(QStringLiteral("statementDialog"));
    setWindowTitle(tr("Statement"));

    m_byAccount = new QRadioButton(tr("&Account"), this);
    m_byAccount->setObjectName(QStringLiteral("statementByAccount"));
    m_byPlayer = new QRadioButton(tr("All accounts of &player"), this);
    m_byPlayer->setObjectName(QStringLiteral("statementByPlayer"));
    m_accountId = new QSpinBox(this);
    m_accountId->setObjectName(QStringLiteral("statementAccount"));
    m_accountId->setRange(1, std::numeric_limits<int>::max());
    m_player = new QLineEdit(this);
    m_player->setObjectName(QStringLiteral("statementPlayer"));
    m_player->setPlaceholderText(tr("player reference"));
    if (account) {
        m_accountId->setValue(int(std::min<qint64>(account->id, std::numeric_limits<int>::max())));
        m_player->setText(account->playerRef);
    }
    m_byAccount->setChecked(true);

    // Statements are in whole UTC days; the default is the last 30 of them, today included.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_from = new QDateEdit(today.addDays(-29), this);
    m_from->setObjectName(QStringLiteral("statementFrom"));
    m_to = new QDateEdit(today, this);
    m_to->setObjectName(QStringLiteral("statementTo"));
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("statementFormat"));
    m_format->addItem(tr("PDF"), QStringLiteral("pdf"));
    m_format->addItem(tr("CSV"), QStringLiteral("csv"));
    m_pageSize = new QComboBox(this);
    m_pageSize->setObjectName(QStringLiteral("statementPageSize"));
    m_pageSize->addItem(tr("A4"), int(StatementPdf::PageSize::A4));
    m_pageSize->addItem(tr("Letter"), int(StatementPdf::PageSize::Letter));
    if (QLocale().measurementSystem() == QLocale::ImperialUSSystem)
        m_pageSize->setCurrentIndex(1);

    m_path = new QLineEdit(this);
    m_path->setObjectName(QStringLiteral("statementPath"));
    auto *browse = new QPushButton(tr("Save &as…"), this);
    browse->setObjectName(QStringLiteral("statementBrowse"));
    connect(browse, &QPushButton::clicked, this, &StatementDialog::chooseFile);

    auto *form = new QFormLayout;
    auto *accountRow = new QHBoxLayout;
    accountRow->addWidget(m_byAccount);
    accountRow->addWidget(m_accountId, 1);
    auto *playerRow = new QHBoxLayout;
    playerRow->addWidget(m_byPlayer);
    playerRow->addWidget(m_player, 1);
    form->addRow(accountRow);
    form->addRow(playerRow);
    form->addRow(tr("&From:"), m_from);
    form->addRow(tr("&To:"), m_to);
    form->addRow(tr("F&ormat:"), m_format);
    form->addRow(tr("Page si&ze:"), m_pageSize);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    // A row whose field is a layout gets no buddy from addRow: without one the mnemonic shows as "&File:".
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, pathRow);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statementStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busyBar = new QProgressBar(this);
    m_busyBar->setObjectName(QStringLiteral("statementBusy"));
    m_busyBar->setRange(0, 0); // how long is not known: a busy indicator
    m_busyBar->setVisible(false);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *generateButton = m_buttons->addButton(tr("&Generate"), QDialogButtonBox::AcceptRole);
    generateButton->setObjectName(QStringLiteral("statementGenerate"));
    generateButton->setDefault(true);
    // Accept generates and stays open: the result (or what went wrong) is reported here.
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { generate(); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_buttons);
    setMinimumWidth(560); // room for a whole file path

    connect(m_byAccount, &QRadioButton::toggled, this, &StatementDialog::updateControls);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // Follow the format in a path the dialog suggested or the user left with the other extension.
        const QString path = m_path->text();
        const QString wanted = m_format->currentData().toString();
        const QString other = wanted == u"pdf" ? QStringLiteral(".csv") : QStringLiteral(".pdf");
        if (path.endsWith(other, Qt::CaseInsensitive))
            m_path->setText(path.chopped(4) + u'.' + wanted);
        updateControls();
    });
    m_path->setText(QDir::home().filePath(suggestedName()));
    updateControls();
}

StatementDialog::~StatementDialog() = default;

QString StatementDialog::suggestedName() const {
    const QString who = m_byPlayer->isChecked() ? QStringLiteral("player-%1").arg(m_player->text().trimmed())
                                                : QStringLiteral("account-%1").arg(m_accountId->value());
    return QStringLiteral("statement-%1-%2-%3.%4")
        .arg(who, m_from->date().toString(Qt::ISODate), m_to->date().toString(Qt::ISODate),
             m_format->currentData().toString());
}

void StatementDialog::chooseFile() {
    const bool pdf = m_format->currentData().toString() == u"pdf";
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save statement as"),
        m_path->text().isEmpty() ? QDir::home().filePath(suggestedName()) : m_path->text(),
        pdf ? tr("PDF files (*.pdf)") : tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        m_path->setText(path);
}

void StatementDialog::updateControls() {
    m_accountId->setEnabled(!m_busy && m_byAccount->isChecked());
    m_player->setEnabled(!m_busy && m_byPlayer->isChecked());
    m_pageSize->setEnabled(!m_busy && m_format->currentData().toString() == u"pdf");
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_byAccount, m_byPlayer, m_from, m_to, m_format, m_path})
        w->setEnabled(!m_busy);
    if (QPushButton *generateButton = findChild<QPushButton *>(QStringLiteral("statementGenerate")))
        generateButton->setEnabled(!m_busy);
}

void StatementDialog::setBusy(bool busy) {
    m_busy = busy;
    m_busyBar->setVisible(busy);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    updateControls();
}

void StatementDialog::report(const QString &text, bool error) {
    m_status->setProperty("error", error); // tests and style sheets tell a failure from a success
    m_status->setStyleSheet(error ? QStringLiteral("color: #c0392b") : QString());
    m_status->setText(text);
}

QFuture<Result<qint64>> StatementDialog::generate() {
    const auto refuse = [this](const QString &message) {
        report(message, true);
        return QtFuture::makeReadyFuture(Result<qint64>(LedgerError{ErrorCode::InvalidArgument, message}));
    };
    if (m_busy)
        return refuse(tr("A statement is being generated already."));
    if (!m_client)
        return refuse(tr("Not connected"));
    const auto range = StatementRange::fromDays(m_from->date(), m_to->date());
    if (!range)
        return refuse(m_from->date() > m_to->date() ? tr("The first day is after the last day.")
                                                    : range.error().message);
    const QString path = m_path->text().trimmed();
    if (path.isEmpty())
        return refuse(tr("Choose a file to save the statement to."));
    const bool player = m_byPlayer->isChecked();
    if (player && m_player->text().trimmed().isEmpty())
        return refuse(tr("Enter the player's reference."));
    const bool pdf = m_format->currentData().toString() == u"pdf";
    const auto size = StatementPdf::PageSize(m_pageSize->currentData().toInt());

    setBusy(true);
    report(tr("Generating the statement…"), false);
    auto promise = std::make_shared<QPromise<Result<qint64>>>();
    QFuture<Result<qint64>> future = promise->future();
    promise->start();
    const auto done = [this, promise](const Result<qint64> &r) {
        setBusy(false);
        if (r)
            report(tr("%n entries written to %1.", nullptr, int(std::min<qint64>(*r, INT_MAX)))
                       .arg(m_path->text()),
                   false);
        else
            report(tr("The statement could not be generated: %1").arg(r.error().message), true);
        promise->addResult(r);
        promise->finish();
    };
    auto read = player ? StatementRequest::forPlayer(m_client, m_player->text().trimmed(), *range)
                       : StatementRequest::forAccount(m_client, m_accountId->value(), *range);
    read.then(this, [this, done, path, pdf, size](const Result<Statement> &statement) {
        if (!statement) {
            done(statement.error());
            return;
        }
        qint64 entries = 0;
        for (const StatementSection &s : statement->sections)
            entries += s.lines.size();
        writeInBackground(*statement, path, pdf, size)
            .then(this, [done, entries](const Result<Done> &written) {
                done(written ? Result<qint64>(entries) : Result<qint64>(written.error()));
            });
    });
    return future;
}

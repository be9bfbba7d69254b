#include "connectiondialog.h"

#include "demoledger.h"
#include "profilestore.h"
#include "secretstore.h"
#include "ui_connectiondialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>

using Field = ConnectionProfile::Field;
using Kind = ConnectionProfile::Kind;

namespace {
// A red that reads on light and dark palettes alike; the text says what is wrong, the colour only draws the
// eye.
const QString ErrorStyle = QStringLiteral("color: #d0342c;");

} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore *profiles, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionDialog>())
    , m_profiles(profiles)
    , m_secrets(secrets) {
    // The layout is connectiondialog.ui: the saved profiles on the left, the form on the right, each row that
    // can be wrong a box of its editor and its error label. What changes with the kind of ledger (which rows
    // show, the operator and password labels) and the combo boxes' items (they carry data) are set here.
    m_ui->setupUi(this);
    for (QLabel *hint : {m_ui->listHint, m_ui->pathHint, m_ui->rememberHint})
        hint->setForegroundRole(QPalette::PlaceholderText);
    m_ui->messageLabel->setStyleSheet(ErrorStyle);
    m_ui->messageLabel->hide();

    m_ui->kindCombo->addItem(tr("Ledger file on this computer (SQLite)"), int(Kind::Sqlite));
    m_ui->kindCombo->addItem(tr("Team database (PostgreSQL)"), int(Kind::Postgres));
    m_ui->kindCombo->addItem(tr("WalletDesk server (walletd)"), int(Kind::Walletd));
    // libpq's sslmode; "" leaves it to DatabaseUrl (TLS across a network).
    m_ui->sslModeCombo->addItem(tr("Automatic (encrypted unless on this computer)"), QString());
    m_ui->sslModeCombo->addItem(tr("Encrypted, server's certificate checked"), QStringLiteral("verify-full"));
    m_ui->sslModeCombo->addItem(tr("Encrypted, certificate not checked"), QStringLiteral("require"));
    m_ui->sslModeCombo->addItem(tr("Off: not encrypted"), QStringLiteral("disable"));

    // The rows that name their own problem: the error label below each editor is named after it
    // ("pathEditError"), so tests and accessibility tools find it.
    const auto row = [this](Field key, QWidget *field, QWidget *box, QLabel *error) {
        error->setStyleSheet(ErrorStyle);
        error->hide();
        m_rows.insert(key, Row{field, box, error});
    };
    row(Field::Name, m_ui->nameEdit, m_ui->nameBox, m_ui->nameEditError);
    row(Field::SqlitePath, m_ui->pathField, m_ui->pathBox, m_ui->pathEditError);
    row(Field::PgHost, m_ui->hostEdit, m_ui->hostBox, m_ui->hostEditError);
    row(Field::PgPort, m_ui->portEdit, m_ui->portBox, m_ui->portEditError);
    row(Field::PgDatabase, m_ui->databaseEdit, m_ui->databaseBox, m_ui->databaseEditError);
    row(Field::PgUser, m_ui->userEdit, m_ui->userBox, m_ui->userEditError);
    row(Field::PgSslMode, m_ui->sslModeCombo, m_ui->sslModeBox, m_ui->sslModeComboError);
    row(Field::PgSslRootCert, m_ui->sslRootCertEdit, m_ui->sslRootCertBox, m_ui->sslRootCertEditError);
    row(Field::WalletdUrl, m_ui->urlEdit, m_ui->urlBox, m_ui->urlEditError);
    row(Field::Operator, m_ui->operatorEdit, m_ui->operatorBox, m_ui->operatorEditError);

    // Enter anywhere in the form means Connect. The other buttons must not take over as the default when they
    // get focus (the .ui turns their autoDefault off), or Enter after Browse… would open the file chooser.
    QDialogButtonBox *buttons = m_ui->buttons;
    QPushButton *connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);

    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::tryAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->newButton, &QPushButton::clicked, this, &ConnectionDialog::newProfile);
    connect(m_ui->deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ConnectionDialog::browse);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::kindChanged);
    connect(m_ui->pathEdit, &QLineEdit::textChanged, this, &ConnectionDialog::updateSqliteHint);
    connect(m_ui->profileList, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (name.isEmpty() || name == m_editing)
            return;
        if (auto p = m_profiles->profile(name)) {
            m_editing = name;
            showProfile(*p);
        }
    });
    // A message about the last attempt no longer applies once the user changes what to connect to.
    for (QLineEdit *edit :
         {m_ui->nameEdit, m_ui->pathEdit, m_ui->hostEdit, m_ui->portEdit, m_ui->databaseEdit, m_ui->userEdit,
          m_ui->sslRootCertEdit, m_ui->urlEdit, m_ui->operatorEdit})
        connect(edit, &QLineEdit::textEdited, m_ui->messageLabel, &QWidget::hide);
    connect(m_ui->sslModeCombo, &QComboBox::activated, m_ui->messageLabel, &QWidget::hide);
    // The keychain entry follows server and login: look again once the user has changed one of them.
    for (QLineEdit *edit : {m_ui->hostEdit, m_ui->portEdit, m_ui->databaseEdit, m_ui->userEdit, m_ui->urlEdit,
                            m_ui->operatorEdit})
        connect(edit, &QLineEdit::editingFinished, this, [this] {
            const ConnectionProfile p = formProfile();
            if (p.usesSecret() && p.secretKey() != m_lookupKey)
                lookUpSecret();
        });

    m_ui->rememberHint->setText(tr("Checking for a keychain…"));
    if (m_secrets) {
        m_secrets->checkAvailable().then(this, [this](bool available) {
            m_keychainAvailable = available;
            kindChanged();
            lookUpSecret();
        });
    }

    reloadList({});
    if (const auto last = m_profiles->lastUsed())
        selectProfile(*last);
    else if (m_ui->profileList->count() > 0)
        m_ui->profileList->setCurrentRow(0);
    else
        newProfile();
    resize(sizeHint().expandedTo(QSize(720, 0)));
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::reloadList(const QString &select) {
    const QSignalBlocker blocker(m_ui->profileList);
    m_ui->profileList->clear();
    for (const ConnectionProfile &p : m_profiles->profiles()) {
        auto *item = new QListWidgetItem(p.name, m_ui->profileList);
        item->setToolTip(p.display());
    }
    const auto found = m_ui->profileList->findItems(select, Qt::MatchExactly);
    if (!select.isEmpty() && !found.isEmpty())
        m_ui->profileList->setCurrentItem(found.first());
    m_ui->deleteButton->setEnabled(m_ui->profileList->count() > 0);
    m_ui->listHint->setVisible(m_ui->profileList->count() == 0);
}

void ConnectionDialog::selectProfile(const ConnectionProfile &profile) {
    const bool saved = m_profiles->profile(profile.name).has_value();
    reloadList(saved ? profile.name : QString());
    m_editing = saved ? profile.name : QString();
    showProfile(saved ? *m_profiles->profile(profile.name) : profile);
}

void ConnectionDialog::setMessage(const QString &message) {
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setVisible(!message.isEmpty());
}

void ConnectionDialog::askForSecret(const QString &message) {
    setMessage(message);
    m_ui->passwordEdit->setFocus();
    m_ui->passwordEdit->selectAll();
}

void ConnectionDialog::showProfile(const ConnectionProfile &p) {
    clearErrors();
    m_ui->messageLabel->hide();
    m_ui->nameEdit->setText(p.name);
    m_ui->kindCombo->setCurrentIndex(m_ui->kindCombo->findData(int(p.kind)));
    m_ui->pathEdit->setText(p.sqlitePath);
    m_ui->hostEdit->setText(p.pgHost);
    m_ui->portEdit->setText(QString::number(p.pgPort));
    m_ui->databaseEdit->setText(p.pgDatabase);
    m_ui->userEdit->setText(p.pgUser);
    m_shownOptions = p.pgOptions;
    const QString sslmode = p.pgOptions.value(QStringLiteral("sslmode"));
    if (m_ui->sslModeCombo->findData(sslmode) <
        0) // verify-ca, prefer, allow: from a --db URL; shown as they are
        m_ui->sslModeCombo->addItem(QStringLiteral("sslmode=%1").arg(sslmode), sslmode);
    m_ui->sslModeCombo->setCurrentIndex(m_ui->sslModeCombo->findData(sslmode));
    m_ui->sslRootCertEdit->setText(p.pgOptions.value(QStringLiteral("sslrootcert")));
    m_ui->urlEdit->setText(p.walletdUrl);
    m_ui->operatorEdit->setText(p.operatorName);
    m_ui->passwordEdit->clear();
    kindChanged();
    updateSqliteHint();
    lookUpSecret();
}

void ConnectionDialog::kindChanged() {
    const auto kind = Kind(m_ui->kindCombo->currentData().toInt());
    const auto show = [this](Field f, bool visible) {
        m_ui->form->setRowVisible(m_rows.value(f).box, visible);
    };
    show(Field::SqlitePath, kind == Kind::Sqlite);
    for (Field f : {Field::PgHost, Field::PgPort, Field::PgDatabase, Field::PgUser, Field::PgSslMode,
                    Field::PgSslRootCert})
        show(f, kind == Kind::Postgres);
    show(Field::WalletdUrl, kind == Kind::Walletd);
    const bool secret = kind != Kind::Sqlite;
    m_ui->form->setRowVisible(m_ui->passwordEdit, secret);
    m_ui->form->setRowVisible(m_ui->rememberCheck->parentWidget(), secret);

    // walletd signs people in; a database ledger is told which operator to act as, and records it.
    m_ui->operatorLabel->setText(kind == Kind::Walletd ? tr("&Login:") : tr("Work as &operator:"));
    m_ui->operatorEdit->setToolTip(kind == Kind::Walletd
                                       ? tr("Your walletd login name")
                                       : tr("The operator whose role and limits apply; every "
                                            "action is recorded under this name"));
    m_ui->passwordLabel->setText(kind == Kind::Walletd ? tr("&Password or token:") : tr("&Password:"));
    if (kind == Kind::Postgres)
        m_ui->passwordEdit->setToolTip(
            tr("The database user's password; leave empty if the server does not ask"));
    else
        m_ui->passwordEdit->setToolTip({});

    m_ui->rememberCheck->setEnabled(m_keychainAvailable);
    if (!m_secrets)
        m_ui->rememberHint->setText(tr("The password is asked for each time."));
    else if (m_keychainAvailable)
        m_ui->rememberHint->clear(); // the checkbox says it all
    else if (m_secrets->knownUnavailable())
        m_ui->rememberHint->setText(
            tr("No system keychain in this session: the password is asked for each time."));
    if (!m_keychainAvailable)
        m_ui->rememberCheck->setChecked(false);
    m_ui->rememberHint->setVisible(!m_ui->rememberHint->text().isEmpty());
}

void ConnectionDialog::updateSqliteHint() {
    const QString path = m_ui->pathEdit->text().trimmed();
    m_ui->pathEdit->setToolTip(path); // long paths show only their end in the field
    if (path.isEmpty())
        m_ui->pathHint
            ->clear(); // the placeholder and Browse… say it, and the error when Connect finds it empty
    else if (QFileInfo(path).isDir())
        m_ui->pathHint->setText(tr("This is a folder; choose a file in it."));
    else if (!QFileInfo::exists(path))
        m_ui->pathHint->setText(
            tr("This file does not exist yet: connecting creates a new, empty ledger with the operator "
               "below as its administrator."));
    else
        m_ui->pathHint->setText({});
    m_ui->pathHint->setVisible(!m_ui->pathHint->text().isEmpty());
}

bool ConnectionDialog::event(QEvent *event) {
    const bool handled = QDialog::event(event);
    // A hint or error that appears or changes reaches the dialog's layout as a LayoutRequest, after the
    // nested boxes have re-measured: the moment to grow.
    if (event->type() == QEvent::LayoutRequest)
        fitContents();
    return handled;
}

void ConnectionDialog::fitContents() {
    // Hints and errors wrap, and a wrapped label's height depends on the width it gets: the layout's minimum
    // size alone leaves the second line cut off when one appears in an open dialog. Grow to fit instead.
    if (!layout())
        return;
    const int wanted = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (height() < wanted)
        resize(width(), wanted);
}

void ConnectionDialog::lookUpSecret() {
    m_savedSecret.clear();
    m_ui->passwordEdit->setPlaceholderText({});
    const ConnectionProfile p = formProfile();
    m_lookupKey = p.usesSecret() ? p.secretKey() : QString();
    if (!m_secrets || !m_keychainAvailable || m_lookupKey.isEmpty())
        return;
    m_secrets->read(m_lookupKey).then(this, [this, key = m_lookupKey](const SecretStore::Reply &r) {
        if (key != m_lookupKey)
            return; // the user moved on to another profile meanwhile
        if (r.status == SecretStore::Status::Ok) {
            m_savedSecret = r.secret;
            m_ui->passwordEdit->setPlaceholderText(tr("saved in the keychain; type to replace it"));
            m_ui->rememberCheck->setChecked(true);
        } else {
            m_ui->rememberCheck->setChecked(false);
        }
    });
}

void ConnectionDialog::clearErrors() {
    for (const Row &row : std::as_const(m_rows)) {
        row.error->clear();
        row.error->hide();
    }
}

ConnectionProfile ConnectionDialog::formProfile() const {
    ConnectionProfile p;
    p.name = m_ui->nameEdit->text().trimmed();
    p.kind = Kind(m_ui->kindCombo->currentData().toInt());
    QString ignored;
    switch (p.kind) {
    case Kind::Sqlite:
        p.sqlitePath = m_ui->pathEdit->text().trimmed();
        break;
    case Kind::Postgres:
        p.pgHost = m_ui->hostEdit->text().trimmed();
        p.pgPort =
            ConnectionProfile::parsePort(m_ui->portEdit->text(), &ignored).value_or(0); // 0 fails problems()
        p.pgDatabase = m_ui->databaseEdit->text().trimmed();
        p.pgUser = m_ui->userEdit->text().trimmed();
        p.pgOptions = m_shownOptions;
        if (const QString mode = m_ui->sslModeCombo->currentData().toString(); mode.isEmpty())
            p.pgOptions.remove(QStringLiteral("sslmode"));
        else
            p.pgOptions.insert(QStringLiteral("sslmode"), mode);
        if (const QString root = m_ui->sslRootCertEdit->text().trimmed(); root.isEmpty())
            p.pgOptions.remove(QStringLiteral("sslrootcert"));
        else
            p.pgOptions.insert(QStringLiteral("sslrootcert"), root);
        break;
    case Kind::Walletd:
        p.walletdUrl = m_ui->urlEdit->text().trimmed();
        break;
    }
    p.operatorName = m_ui->operatorEdit->text().trimmed();
    return p;
}

QString ConnectionDialog::secret() const {
    if (!m_result.usesSecret())
        return {};
    if (!m_ui->passwordEdit->text().isEmpty())
        return m_ui->passwordEdit->text();
    // The saved secret belongs to the server and login it was looked up for: after the user changed the host
    // or the user name it must not travel to the new one.
    return m_result.secretKey() == m_lookupKey ? m_savedSecret : QString();
}

bool ConnectionDialog::rememberSecret() const {
    return m_result.usesSecret() && m_keychainAvailable && m_ui->rememberCheck->isChecked();
}

bool ConnectionDialog::validate() {
    clearErrors();
    const ConnectionProfile p = formProfile();
    QList<ConnectionProfile::Problem> problems = p.problems();
    if (!p.name.isEmpty() && p.name != m_editing && m_profiles->profile(p.name))
        problems.prepend({Field::Name, tr("A profile named \"%1\" exists already.").arg(p.name)});
    if (p.kind == Kind::Sqlite && !p.sqlitePath.isEmpty()) {
        const QFileInfo file(p.sqlitePath);
        if (file.isDir())
            problems.append({Field::SqlitePath, tr("This is a folder; choose a file in it.")});
        else if (!file.exists() && !file.absoluteDir().exists())
            problems.append(
                {Field::SqlitePath, tr("The folder %1 does not exist.").arg(file.absolutePath())});
    }
    QWidget *first = nullptr;
    for (const auto &problem : std::as_const(problems)) {
        const Row row = m_rows.value(problem.field);
        if (!row.error || row.error->isVisible())
            continue; // one message per field: the first is the one to fix first
        row.error->setText(problem.message);
        row.error->show();
        if (!first)
            first = row.field->findChild<QLineEdit *>() ? row.field->findChild<QLineEdit *>() : row.field;
    }
    if (first)
        first->setFocus();
    return problems.isEmpty();
}

void ConnectionDialog::newProfile() {
    {
        const QSignalBlocker blocker(m_ui->profileList);
        m_ui->profileList->clearSelection();
        m_ui->profileList->setCurrentRow(-1);
    }
    m_editing.clear();
    ConnectionProfile p;
    p.name = tr("New connection");
    for (int i = 2; m_profiles->profile(p.name); ++i)
        p.name = tr("New connection %1").arg(i);
    p.operatorName = DemoLedger::loginName();
    showProfile(p);
    m_ui->nameEdit->setFocus();
    m_ui->nameEdit->selectAll();
}

void ConnectionDialog::deleteProfile() {
    const QListWidgetItem *item = m_ui->profileList->currentItem();
    if (!item)
        return;
    m_profiles->remove(item->text());
    m_editing.clear();
    reloadList({});
    if (m_ui->profileList->count() > 0)
        m_ui->profileList->setCurrentRow(0);
    else
        newProfile();
}

void ConnectionDialog::browse() {
    // A save dialog that does not warn about existing files picks an existing ledger and names a new one
    // alike.
    const QString start =
        m_ui->pathEdit->text().isEmpty() ? DemoLedger::defaultPath() : m_ui->pathEdit->text();
    const QString path = QFileDialog::getSaveFileName(this, tr("Open or create a ledger file"), start,
                                                      tr("Ledger files (*.sqlite *.db);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        m_ui->pathEdit->setText(path);
        m_ui->messageLabel->hide();
    }
}

void ConnectionDialog::tryAccept() {
    if (!validate())
        return;
    m_result = formProfile();
    m_profiles->save(m_result, m_editing);
    m_profiles->sync();
    m_editing = m_result.name;
    accept();
}

#include "connectiondialog.h"

#include "demoledger.h"
#include "profilestore.h"
#include "secretstore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using Field = ConnectionProfile::Field;
using Kind = ConnectionProfile::Kind;

namespace {
// A red that reads on light and dark palettes alike; the text says what is wrong, the colour only draws the
// eye.
const QString ErrorStyle = QStringLiteral("color: #d0342c;");

QLabel *hintLabel() {
    auto *label = new QLabel;
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

ConnectionDialog::ConnectionDialog(ProfileStore *profiles, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets) {
    setWindowTitle(tr("Connect to a ledger"));

    // --- left: the saved profiles
    m_list = new QListWidget;
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setMinimumWidth(180);
    auto *newButton = new QPushButton(tr("&New"));
    newButton->setObjectName(QStringLiteral("newButton"));
    m_deleteButton = new QPushButton(tr("&Delete"));
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setToolTip(tr("Forget this profile. The ledger itself is not touched."));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(newButton);
    listButtons->addWidget(m_deleteButton);
    listButtons->addStretch();
    auto *left = new QVBoxLayout;
    auto *savedLabel = new QLabel(tr("Saved connections:"));
    savedLabel->setBuddy(m_list);
    left->addWidget(savedLabel);
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    m_listHint = hintLabel();
    m_listHint->setText(tr("A profile is saved when you connect with it."));
    left->addWidget(m_listHint);

    // --- right: the form
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_name->setPlaceholderText(tr("e.g. Live ledger (EU)"));
    addRow(tr("Profile &name:"), m_name, Field::Name);

    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("kindCombo"));
    m_kind->addItem(tr("Ledger file on this computer (SQLite)"), int(Kind::Sqlite));
    m_kind->addItem(tr("Team database (PostgreSQL)"), int(Kind::Postgres));
    m_kind->addItem(tr("WalletDesk server (walletd)"), int(Kind::Walletd));
    m_form->addRow(tr("Connect &to:"), m_kind);

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setPlaceholderText(tr("/path/to/ledger.sqlite"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("browseButton"));
    browse->setToolTip(tr("Choose an existing ledger file, or name a new one"));
    auto *pathBox = new QWidget;
    auto *pathLayout = new QHBoxLayout(pathBox);
    pathLayout->setContentsMargins(0, 0, 0, 0);
    pathLayout->addWidget(m_path, 1);
    pathLayout->addWidget(browse);
    QWidget *pathRow = addRow(tr("Ledger &file:"), pathBox, Field::SqlitePath);
    m_pathHint = hintLabel();
    m_pathHint->setObjectName(QStringLiteral("pathHint"));
    static_cast<QVBoxLayout *>(pathRow->layout())->addWidget(m_pathHint);
    static_cast<QLabel *>(m_form->labelForField(pathRow))->setBuddy(m_path);

    m_host = new QLineEdit;
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_host->setPlaceholderText(tr("db.example.com"));
    addRow(tr("&Server:"), m_host, Field::PgHost);
    m_port = new QLineEdit;
    m_port->setObjectName(QStringLiteral("portEdit"));
    m_port->setMaximumWidth(100);
    addRow(tr("P&ort:"), m_port, Field::PgPort);
    m_database = new QLineEdit;
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_database->setPlaceholderText(tr("e.g. wallets"));
    addRow(tr("&Database:"), m_database, Field::PgDatabase);
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("userEdit"));
    addRow(tr("Database &user:"), m_user, Field::PgUser);
    m_sslMode = new QComboBox;
    m_sslMode->setObjectName(QStringLiteral("sslModeCombo"));
    m_sslMode->addItem(tr("Automatic (encrypted unless on this computer)"), QString());
    m_sslMode->addItem(tr("Encrypted, server's certificate checked"), QStringLiteral("verify-full"));
    m_sslMode->addItem(tr("Encrypted, certificate not checked"), QStringLiteral("require"));
    m_sslMode->addItem(tr("Off: not encrypted"), QStringLiteral("disable"));
    m_sslMode->setToolTip(tr("How the connection to PostgreSQL is protected (libpq's sslmode). Across a network "
                             "choose “certificate checked” with the server's CA certificate below."));
    addRow(tr("&Encryption:"), m_sslMode, Field::PgSslMode);
    m_sslRootCert = new QLineEdit;
    m_sslRootCert->setObjectName(QStringLiteral("sslRootCertEdit"));
    m_sslRootCert->setPlaceholderText(tr("~/.postgresql/root.crt"));
    m_sslRootCert->setToolTip(tr("The CA certificate (PEM) that signed the database server's certificate"));
    addRow(tr("Server's C&A certificate:"), m_sslRootCert, Field::PgSslRootCert);

    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(tr("https://walletd.example.com:8443"));
    addRow(tr("Server &address:"), m_url, Field::WalletdUrl);

    m_operator = new QLineEdit;
    m_operator->setObjectName(QStringLiteral("operatorEdit"));
    QWidget *operatorRow = addRow(tr("Work as &operator:"), m_operator, Field::Operator);
    m_operatorLabel = static_cast<QLabel *>(m_form->labelForField(operatorRow));

    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_form->addRow(tr("&Password:"), m_password);
    m_passwordLabel = static_cast<QLabel *>(m_form->labelForField(m_password));

    m_remember = new QCheckBox(tr("&Remember password in the system keychain"));
    m_remember->setObjectName(QStringLiteral("rememberCheck"));
    m_rememberHint = hintLabel();
    m_rememberHint->setObjectName(QStringLiteral("rememberHint"));
    auto *rememberBox = new QWidget;
    auto *rememberLayout = new QVBoxLayout(rememberBox);
    rememberLayout->setContentsMargins(0, 0, 0, 0);
    rememberLayout->addWidget(m_remember);
    rememberLayout->addWidget(m_rememberHint);
    m_form->addRow(QString(), rememberBox);

    auto *right = new QVBoxLayout;
    right->addLayout(m_form);
    right->addStretch();

    auto *columns = new QHBoxLayout;
    columns->addLayout(left);
    columns->addSpacing(12);
    columns->addLayout(right, 1);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(ErrorStyle);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    m_connectButton->setObjectName(QStringLiteral("connectButton"));

    auto *outer = new QVBoxLayout(this);
    outer->addLayout(columns, 1);
    outer->addWidget(m_message);
    outer->addWidget(buttons);

    // Enter anywhere in the form means Connect. The other buttons must not take over as the default when they
    // get focus (a dialog's push buttons do by default), or Enter after Browse… would open the file chooser.
    for (QPushButton *button : {newButton, m_deleteButton, browse})
        button->setAutoDefault(false);
    m_connectButton->setDefault(true); // now that it is inside the dialog, which only then takes note

    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::tryAccept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(newButton, &QPushButton::clicked, this, &ConnectionDialog::newProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &ConnectionDialog::deleteProfile);
    connect(browse, &QPushButton::clicked, this, &ConnectionDialog::browse);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectionDialog::kindChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ConnectionDialog::updateSqliteHint);
    connect(m_list, &QListWidget::currentTextChanged, this, [this](const QString &name) {
        if (name.isEmpty() || name == m_editing)
            return;
        if (auto p = m_profiles->profile(name)) {
            m_editing = name;
            showProfile(*p);
        }
    });
    // A message about the last attempt no longer applies once the user changes what to connect to.
    for (QLineEdit *edit : {m_name, m_path, m_host, m_port, m_database, m_user, m_sslRootCert, m_url, m_operator})
        connect(edit, &QLineEdit::textEdited, m_message, &QWidget::hide);
    connect(m_sslMode, &QComboBox::activated, m_message, &QWidget::hide);
    // The keychain entry follows server and login: look again once the user has changed one of them.
    for (QLineEdit *edit : {m_host, m_port, m_database, m_user, m_url, m_operator})
        connect(edit, &QLineEdit::editingFinished, this, [this] {
            const ConnectionProfile p = formProfile();
            if (p.usesSecret() && p.secretKey() != m_lookupKey)
                lookUpSecret();
        });

    m_rememberHint->setText(tr("Checking for a keychain…"));
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
    else if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        newProfile();
    resize(sizeHint().expandedTo(QSize(720, 0)));
}

ConnectionDialog::~ConnectionDialog() = default;

QWidget *ConnectionDialog::addRow(const QString &label, QWidget *field, Field key) {
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(field);
    auto *error = new QLabel;
    error->setWordWrap(true);
    error->setStyleSheet(ErrorStyle);
    error->hide();
    layout->addWidget(error);
    m_form->addRow(label, box);
    // The error label is named after the editor so tests (and accessibility tools) find it.
    QString editorName = field->objectName();
    if (editorName.isEmpty())
        if (auto *edit = field->findChild<QLineEdit *>())
            editorName = edit->objectName();
    error->setObjectName(editorName + QStringLiteral("Error"));
    m_rows.insert(key, Row{field, box, error});
    return box;
}

void ConnectionDialog::reloadList(const QString &select) {
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const ConnectionProfile &p : m_profiles->profiles()) {
        auto *item = new QListWidgetItem(p.name, m_list);
        item->setToolTip(p.display());
    }
    const auto found = m_list->findItems(select, Qt::MatchExactly);
    if (!select.isEmpty() && !found.isEmpty())
        m_list->setCurrentItem(found.first());
    m_deleteButton->setEnabled(m_list->count() > 0);
    m_listHint->setVisible(m_list->count() == 0);
}

void ConnectionDialog::selectProfile(const ConnectionProfile &profile) {
    const bool saved = m_profiles->profile(profile.name).has_value();
    reloadList(saved ? profile.name : QString());
    m_editing = saved ? profile.name : QString();
    showProfile(saved ? *m_profiles->profile(profile.name) : profile);
}

void ConnectionDialog::setMessage(const QString &message) {
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void ConnectionDialog::askForSecret(const QString &message) {
    setMessage(message);
    m_password->setFocus();
    m_password->selectAll();
}

void ConnectionDialog::showProfile(const ConnectionProfile &p) {
    clearErrors();
    m_message->hide();
    m_name->setText(p.name);
    m_kind->setCurrentIndex(m_kind->findData(int(p.kind)));
    m_path->setText(p.sqlitePath);
    m_host->setText(p.pgHost);
    m_port->setText(QString::number(p.pgPort));
    m_database->setText(p.pgDatabase);
    m_user->setText(p.pgUser);
    m_shownOptions = p.pgOptions;
    const QString sslmode = p.pgOptions.value(QStringLiteral("sslmode"));
    if (m_sslMode->findData(sslmode) < 0) // verify-ca, prefer, allow: from a --db URL; shown as they are
        m_sslMode->addItem(QStringLiteral("sslmode=%1").arg(sslmode), sslmode);
    m_sslMode->setCurrentIndex(m_sslMode->findData(sslmode));
    m_sslRootCert->setText(p.pgOptions.value(QStringLiteral("sslrootcert")));
    m_url->setText(p.walletdUrl);
    m_operator->setText(p.operatorName);
    m_password->clear();
    kindChanged();
    updateSqliteHint();
    lookUpSecret();
}

void ConnectionDialog::kindChanged() {
    const auto kind = Kind(m_kind->currentData().toInt());
    const auto show = [this](Field f, bool visible) { m_form->setRowVisible(m_rows.value(f).box, visible); };
    show(Field::SqlitePath, kind == Kind::Sqlite);
    for (Field f : {Field::PgHost, Field::PgPort, Field::PgDatabase, Field::PgUser, Field::PgSslMode,
                    Field::PgSslRootCert})
        show(f, kind == Kind::Postgres);
    show(Field::WalletdUrl, kind == Kind::Walletd);
    const bool secret = kind != Kind::Sqlite;
    m_form->setRowVisible(m_password, secret);
    m_form->setRowVisible(m_remember->parentWidget(), secret);

    // walletd signs people in; a database ledger is told which operator to act as, and records it.
    m_operatorLabel->setText(kind == Kind::Walletd ? tr("&Login:") : tr("Work as &operator:"));
    m_operator->setToolTip(kind == Kind::Walletd ? tr("Your walletd login name")
                                                 : tr("The operator whose role and limits apply; every "
                                                      "action is recorded under this name"));
    m_passwordLabel->setText(kind == Kind::Walletd ? tr("&Password or token:") : tr("&Password:"));
    if (kind == Kind::Postgres)
        m_password->setToolTip(tr("The database user's password; leave empty if the server does not ask"));
    else
        m_password->setToolTip({});

    m_remember->setEnabled(m_keychainAvailable);
    if (!m_secrets)
        m_rememberHint->setText(tr("The password is asked for each time."));
    else if (m_keychainAvailable)
        m_rememberHint->clear(); // the checkbox says it all
    else if (m_secrets->knownUnavailable())
        m_rememberHint->setText(
            tr("No system keychain in this session: the password is asked for each time."));
    if (!m_keychainAvailable)
        m_remember->setChecked(false);
    m_rememberHint->setVisible(!m_rememberHint->text().isEmpty());
}

void ConnectionDialog::updateSqliteHint() {
    const QString path = m_path->text().trimmed();
    m_path->setToolTip(path); // long paths show only their end in the field
    if (path.isEmpty())
        m_pathHint->clear(); // the placeholder and Browse… say it, and the error when Connect finds it empty
    else if (QFileInfo(path).isDir())
        m_pathHint->setText(tr("This is a folder; choose a file in it."));
    else if (!QFileInfo::exists(path))
        m_pathHint->setText(
            tr("This file does not exist yet: connecting creates a new, empty ledger with the operator "
               "below as its administrator."));
    else
        m_pathHint->setText({});
    m_pathHint->setVisible(!m_pathHint->text().isEmpty());
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
    m_password->setPlaceholderText({});
    const ConnectionProfile p = formProfile();
    m_lookupKey = p.usesSecret() ? p.secretKey() : QString();
    if (!m_secrets || !m_keychainAvailable || m_lookupKey.isEmpty())
        return;
    m_secrets->read(m_lookupKey).then(this, [this, key = m_lookupKey](const SecretStore::Reply &r) {
        if (key != m_lookupKey)
            return; // the user moved on to another profile meanwhile
        if (r.status == SecretStore::Status::Ok) {
            m_savedSecret = r.secret;
            m_password->setPlaceholderText(tr("saved in the keychain; type to replace it"));
            m_remember->setChecked(true);
        } else {
            m_remember->setChecked(false);
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
    p.name = m_name->text().trimmed();
    p.kind = Kind(m_kind->currentData().toInt());
    QString ignored;
    switch (p.kind) {
    case Kind::Sqlite:
        p.sqlitePath = m_path->text().trimmed();
        break;
    case Kind::Postgres:
        p.pgHost = m_host->text().trimmed();
        p.pgPort = ConnectionProfile::parsePort(m_port->text(), &ignored).value_or(0); // 0 fails problems()
        p.pgDatabase = m_database->text().trimmed();
        p.pgUser = m_user->text().trimmed();
        p.pgOptions = m_shownOptions;
        if (const QString mode = m_sslMode->currentData().toString(); mode.isEmpty())
            p.pgOptions.remove(QStringLiteral("sslmode"));
        else
            p.pgOptions.insert(QStringLiteral("sslmode"), mode);
        if (const QString root = m_sslRootCert->text().trimmed(); root.isEmpty())
            p.pgOptions.remove(QStringLiteral("sslrootcert"));
        else
            p.pgOptions.insert(QStringLiteral("sslrootcert"), root);
        break;
    case Kind::Walletd:
        p.walletdUrl = m_url->text().trimmed();
        break;
    }
    p.operatorName = m_operator->text().trimmed();
    return p;
}

QString ConnectionDialog::secret() const {
    if (!m_result.usesSecret())
        return {};
    if (!m_password->text().isEmpty())
        return m_password->text();
    // The saved secret belongs to the server and login it was looked up for: after the user changed the host
    // or the user name it must not travel to the new one.
    return m_result.secretKey() == m_lookupKey ? m_savedSecret : QString();
}

bool ConnectionDialog::rememberSecret() const {
    return m_result.usesSecret() && m_keychainAvailable && m_remember->isChecked();
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
        const QSignalBlocker blocker(m_list);
        m_list->clearSelection();
        m_list->setCurrentRow(-1);
    }
    m_editing.clear();
    ConnectionProfile p;
    p.name = tr("New connection");
    for (int i = 2; m_profiles->profile(p.name); ++i)
        p.name = tr("New connection %1").arg(i);
    p.operatorName = DemoLedger::loginName();
    showProfile(p);
    m_name->setFocus();
    m_name->selectAll();
}

void ConnectionDialog::deleteProfile() {
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    m_profiles->remove(item->text());
    m_editing.clear();
    reloadList({});
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    else
        newProfile();
}

void ConnectionDialog::browse() {
    // A save dialog that does not warn about existing files picks an existing ledger and names a new one
    // alike.
    const QString start = m_path->text().isEmpty() ? DemoLedger::defaultPath() : m_path->text();
    const QString path = QFileDialog::getSaveFileName(this, tr("Open or create a ledger file"), start,
                                                      tr("Ledger files (*.sqlite *.db);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty()) {
        m_path->setText(path);
        m_message->hide();
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

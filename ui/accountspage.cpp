#include "accountspage.h"

#include "accountdetailview.h"
#include "accounttablemodel.h"
#include "ledgerclient.h"
#include "money.h"
#include "tableviews.h"
#include "ui_accountspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <algorithm>

namespace {
/// Coalesces keystrokes typed faster than this into one query; short enough that results still come
/// within 100 ms of the last key.
constexpr int SearchDelayMs = 30;
} // namespace

AccountsPage::AccountsPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AccountsPage>()) {
    // The layout is accountspage.ui: the filters, the list and its count above the detail (a splitter). The
    // combo boxes' items (they carry data), the table's model and columns, and what each filter does are set
    // here.
    m_ui->setupUi(this);
    m_model = new AccountTableModel(this);
    m_ui->stateFilter->addItem(tr("All states"), -1);
    m_ui->stateFilter->addItem(tr("Active"), int(AccountState::Active));
    m_ui->stateFilter->addItem(tr("Frozen"), int(AccountState::Frozen));
    m_ui->stateFilter->addItem(tr("Closed"), int(AccountState::Closed));
    m_ui->currencyFilter->addItem(tr("All currencies"), QString());
    for (QLineEdit *field : {m_ui->minBalance, m_ui->maxBalance}) {
        field->setEnabled(false);
        field->setToolTip(tr("Choose a currency first: balances are compared in its units"));
    }
    m_ui->filterError->hide();

    TableViews::setUp(m_ui->accountsTable);
    // Several accounts at once (Ctrl+click, Shift+click) for Account > Compare balances; the current row is
    // the one the detail shows.
    m_ui->accountsTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_ui->accountsTable->setModel(m_model);
    m_ui->accountsTable->setSortingEnabled(true); // AccountTableModel::sort asks the database
    m_ui->accountsTable->horizontalHeader()->setSortIndicator(AccountTableModel::IdColumn,
                                                              Qt::AscendingOrder);
    m_ui->accountsTable->setColumnWidth(AccountTableModel::IdColumn, 80);
    m_ui->accountsTable->setColumnWidth(AccountTableModel::PlayerRefColumn, 110);
    m_ui->accountsTable->setColumnWidth(AccountTableModel::NameColumn, 180);
    m_ui->accountsTable->setColumnWidth(AccountTableModel::CurrencyColumn, 90);
    m_ui->accountsTable->setColumnWidth(AccountTableModel::LastActivityColumn, 170);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &AccountsPage::applyFilters);
    connect(m_ui->accountSearch, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_ui->stateFilter, &QComboBox::currentIndexChanged, this, &AccountsPage::applyFilters);
    connect(m_ui->currencyFilter, &QComboBox::currentIndexChanged, this, [this] {
        const bool chosen = !m_ui->currencyFilter->currentData().toString().isEmpty();
        for (QLineEdit *field : {m_ui->minBalance, m_ui->maxBalance}) {
            field->setEnabled(chosen);
            field->setToolTip(chosen ? tr("In %1").arg(m_ui->currencyFilter->currentText())
                                     : tr("Choose a currency first: balances are compared in its units"));
        }
        applyFilters();
    });
    connect(m_ui->minBalance, &QLineEdit::editingFinished, this, &AccountsPage::applyFilters);
    connect(m_ui->maxBalance, &QLineEdit::editingFinished, this, &AccountsPage::applyFilters);
    connect(m_ui->systemFilter, &QCheckBox::toggled, this, &AccountsPage::applyFilters);
    connect(m_model, &AccountTableModel::countChanged, this, &AccountsPage::updateCount);
    connect(m_model, &AccountTableModel::loadFailed, this, [this](const QString &message) {
        m_ui->filterError->setText(tr("The list could not be loaded: %1").arg(message));
        m_ui->filterError->show();
    });
    connect(m_model, &AccountTableModel::pageLoaded, this, [this] {
        if (m_pendingSelection == 0)
            return;
        const int row = m_model->rowOfAccount(m_pendingSelection);
        if (row >= 0) {
            m_pendingSelection = 0;
            m_ui->accountsTable->setCurrentIndex(m_model->index(row, AccountTableModel::IdColumn));
            m_ui->accountsTable->scrollTo(m_ui->accountsTable->currentIndex());
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_ui->accountDetail->setAccount(m_client, 0);
        Q_EMIT currentAccountChanged(0);
    });
    // Rows of a page arrive after the cursor got there: re-read the current row when its data changes.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_ui->accountsTable->currentIndex().row();
                if (row >= topLeft.row() && row <= bottomRight.row())
                    onCurrentRowChanged();
            });
}

AccountsPage::~AccountsPage() = default;

QTableView *AccountsPage::table() const {
    return m_ui->accountsTable;
}

AccountDetailView *AccountsPage::detail() const {
    return m_ui->accountDetail;
}

QLineEdit *AccountsPage::searchField() const {
    return m_ui->accountSearch;
}

void AccountsPage::setClient(LedgerClient *client) {
    m_client = client;
    m_ui->accountDetail->setAccount(client, 0);
    // The selection model is replaced with the model's reset only when the model changes; it does not.
    connect(m_ui->accountsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AccountsPage::onCurrentRowChanged, Qt::UniqueConnection);
    connect(m_ui->accountsTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsPage::selectionChanged, Qt::UniqueConnection);
    m_model->setClient(client);
}

void AccountsPage::setCurrencies(const QList<Currency> &currencies) {
    m_currencies = currencies;
    const QString current = m_ui->currencyFilter->currentData().toString();
    QSignalBlocker block(m_ui->currencyFilter);
    m_ui->currencyFilter->clear();
    m_ui->currencyFilter->addItem(tr("All currencies"), QString());
    for (const Currency &c : currencies)
        m_ui->currencyFilter->addItem(c.code, c.code);
    m_ui->currencyFilter->setCurrentIndex(std::max(0, m_ui->currencyFilter->findData(current)));
}

void AccountsPage::refresh() {
    m_model->refresh();
    m_ui->accountDetail->refresh();
}

void AccountsPage::focusSearch() {
    m_ui->accountSearch->setFocus(Qt::ShortcutFocusReason);
    m_ui->accountSearch->selectAll();
}

qint64 AccountsPage::currentAccountId() const {
    return m_ui->accountDetail->accountId();
}

QList<Account> AccountsPage::selectedAccounts() const {
    QList<int> rows;
    for (const QModelIndex &index : m_ui->accountsTable->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QList<Account> out;
    for (int row : std::as_const(rows))
        if (const auto account = m_model->accountAt(row))
            out.append(*account);
    return out;
}

std::optional<qint64> AccountsPage::parseBalance(QLineEdit *field, bool *ok) {
    *ok = true;
    const QString text = field->text().trimmed();
    if (text.isEmpty() || !field->isEnabled())
        return std::nullopt;
    int exponent = 0;
    for (const Currency &c : std::as_const(m_currencies))
        if (c.code == m_ui->currencyFilter->currentData().toString())
            exponent = c.exponent;
    const auto parsed = Money::parseLocalized(text, exponent, QLocale());
    if (!parsed.ok()) {
        *ok = false;
        m_ui->filterError->setText(tr("%1: %2").arg(field->placeholderText(), parsed.error));
        m_ui->filterError->show();
        return std::nullopt;
    }
    return parsed.minor;
}

void AccountsPage::applyFilters() {
    m_ui->filterError->hide();
    AccountQuery q = m_model->query();
    q.search = m_ui->accountSearch->text().trimmed();
    const int state = m_ui->stateFilter->currentData().toInt();
    q.state = state < 0 ? std::nullopt : std::optional<AccountState>(AccountState(state));
    q.currency = m_ui->currencyFilter->currentData().toString();
    bool minOk = true, maxOk = true;
    q.minBalance = parseBalance(m_ui->minBalance, &minOk);
    q.maxBalance = parseBalance(m_ui->maxBalance, &maxOk);
    if (!minOk || !maxOk)
        return; // the message names the field; the list keeps its last valid filter
    q.includeSystem = m_ui->systemFilter->isChecked();
    if (q != m_model->query())
        m_model->setQuery(q);
}

void AccountsPage::updateCount(qint64 count) {
    if (m_model->isCapped()) {
        m_ui->accountCount->setText(
            tr("More than %L1 accounts match; the first %L1 are listed. Keep typing to narrow the search.")
                .arg(m_model->rowCount()));
        return;
    }
    m_ui->accountCount->setText(
        tr("%Ln account(s)", nullptr, int(std::min<qint64>(count, std::numeric_limits<int>::max()))));
}

void AccountsPage::onCurrentRowChanged() {
    const QModelIndex current = m_ui->accountsTable->currentIndex();
    const auto account = current.isValid() ? m_model->accountAt(current.row()) : std::nullopt;
    if (!account)
        return; // not loaded yet: dataChanged calls again when it is
    if (account->id == m_ui->accountDetail->accountId())
        return;
    m_ui->accountDetail->setAccount(m_client, account->id);
    Q_EMIT currentAccountChanged(account->id);
}

void AccountsPage::showAccount(qint64 accountId) {
    const int row = m_model->rowOfAccount(accountId);
    if (row >= 0) {
        m_ui->accountsTable->setCurrentIndex(m_model->index(row, AccountTableModel::IdColumn));
        m_ui->accountsTable->scrollTo(m_ui->accountsTable->currentIndex());
        return;
    }
    // Not among the loaded rows: search for it by number, with the filters cleared.
    m_pendingSelection = accountId;
    QSignalBlocker b1(m_ui->accountSearch), b2(m_ui->stateFilter), b3(m_ui->currencyFilter),
        b4(m_ui->systemFilter);
    m_ui->stateFilter->setCurrentIndex(0);
    m_ui->currencyFilter->setCurrentIndex(0);
    m_ui->systemFilter->setChecked(true);
    m_ui->accountSearch->setText(QString::number(accountId));
    applyFilters();
}

void AccountsPage::saveState(const QString &group) const {
    TableViews::saveHeader(m_ui->accountsTable, group + QStringLiteral("/accountsHeader"));
    QSettings().setValue(group + QStringLiteral("/accountsSplitter"), m_ui->accountsSplitter->saveState());
    m_ui->accountDetail->saveState(group);
}

void AccountsPage::restoreState(const QString &group) {
    TableViews::restoreHeader(m_ui->accountsTable, group + QStringLiteral("/accountsHeader"));
    const QHeaderView *header = m_ui->accountsTable->horizontalHeader();
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder()); // the database sorts
    m_ui->accountsSplitter->restoreState(
        QSettings().value(group + QStringLiteral("/accountsSplitter")).toByteArray());
    m_ui->accountDetail->restoreState(group);
}

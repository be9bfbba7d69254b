#include "accountspage.h"

#include "accountdetailview.h"
#include "accounttablemodel.h"
#include "ledgerclient.h"
#include "money.h"
#include "tableviews.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>

namespace {
/// Coalesces keystrokes typed faster than this into one query; short enough that results still come
/// within 100 ms of the last key.
constexpr int SearchDelayMs = 30;
} // namespace

AccountsPage::AccountsPage(QWidget *parent)
    : QWidget(parent) {
    m_model = new AccountTableModel(this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("accountSearch"));
    m_search->setPlaceholderText(tr("Search by player, name or account number"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Player reference or name (beginning), or an account number (Ctrl+F)"));
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(tr("All states"), -1);
    m_state->addItem(tr("Active"), int(AccountState::Active));
    m_state->addItem(tr("Frozen"), int(AccountState::Frozen));
    m_state->addItem(tr("Closed"), int(AccountState::Closed));
    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("currencyFilter"));
    m_currency->addItem(tr("All currencies"), QString());
    m_minBalance = new QLineEdit(this);
    m_minBalance->setObjectName(QStringLiteral("minBalance"));
    m_minBalance->setPlaceholderText(tr("Min balance"));
    m_maxBalance = new QLineEdit(this);
    m_maxBalance->setObjectName(QStringLiteral("maxBalance"));
    m_maxBalance->setPlaceholderText(tr("Max balance"));
    for (QLineEdit *field : {m_minBalance, m_maxBalance}) {
        field->setMaximumWidth(120);
        field->setEnabled(false);
        field->setToolTip(tr("Choose a currency first: balances are compared in its units"));
    }
    m_system = new QCheckBox(tr("System accounts"), this);
    m_system->setObjectName(QStringLiteral("systemFilter"));
    m_system->setToolTip(tr("Also list the treasury, house, adjustments and promotions accounts"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_state);
    filters->addWidget(m_currency);
    filters->addWidget(m_minBalance);
    filters->addWidget(m_maxBalance);
    filters->addWidget(m_system);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("accountCount"));
    m_filterError = new QLabel(this);
    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_filterError->hide();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("accountsTable"));
    TableViews::setUp(m_table);
    // Several accounts at once (Ctrl+click, Shift+click) for Account > Compare balances; the current row is
    // the one the detail shows.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true); // AccountTableModel::sort asks the database
    m_table->horizontalHeader()->setSortIndicator(AccountTableModel::IdColumn, Qt::AscendingOrder);
    m_table->setColumnWidth(AccountTableModel::IdColumn, 80);
    m_table->setColumnWidth(AccountTableModel::PlayerRefColumn, 110);
    m_table->setColumnWidth(AccountTableModel::NameColumn, 180);
    m_table->setColumnWidth(AccountTableModel::CurrencyColumn, 90);
    m_table->setColumnWidth(AccountTableModel::LastActivityColumn, 170);

    m_detail = new AccountDetailView(this);

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_filterError);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_count);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("accountsSplitter"));
    m_splitter->addWidget(listPane);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_splitter);

    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(SearchDelayMs);
    connect(m_searchDelay, &QTimer::timeout, this, &AccountsPage::applyFilters);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_state, &QComboBox::currentIndexChanged, this, &AccountsPage::applyFilters);
    connect(m_currency, &QComboBox::currentIndexChanged, this, [this] {
        const bool chosen = !m_currency->currentData().toString().isEmpty();
        for (QLineEdit *field : {m_minBalance, m_maxBalance}) {
            field->setEnabled(chosen);
            field->setToolTip(chosen ? tr("In %1").arg(m_currency->currentText())
                                     : tr("Choose a currency first: balances are compared in its units"));
        }
        applyFilters();
    });
    connect(m_minBalance, &QLineEdit::editingFinished, this, &AccountsPage::applyFilters);
    connect(m_maxBalance, &QLineEdit::editingFinished, this, &AccountsPage::applyFilters);
    connect(m_system, &QCheckBox::toggled, this, &AccountsPage::applyFilters);
    connect(m_model, &AccountTableModel::countChanged, this, &AccountsPage::updateCount);
    connect(m_model, &AccountTableModel::loadFailed, this, [this](const QString &message) {
        m_filterError->setText(tr("The list could not be loaded: %1").arg(message));
        m_filterError->show();
    });
    connect(m_model, &AccountTableModel::pageLoaded, this, [this] {
        if (m_pendingSelection == 0)
            return;
        const int row = m_model->rowOfAccount(m_pendingSelection);
        if (row >= 0) {
            m_pendingSelection = 0;
            m_table->setCurrentIndex(m_model->index(row, AccountTableModel::IdColumn));
            m_table->scrollTo(m_table->currentIndex());
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_detail->setAccount(m_client, 0);
        Q_EMIT currentAccountChanged(0);
    });
    // Rows of a page arrive after the cursor got there: re-read the current row when its data changes.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_table->currentIndex().row();
                if (row >= topLeft.row() && row <= bottomRight.row())
                    onCurrentRowChanged();
            });
}

AccountsPage::~AccountsPage() = default;

void AccountsPage::setClient(LedgerClient *client) {
    m_client = client;
    m_detail->setAccount(client, 0);
    // The selection model is replaced with the model's reset only when the model changes; it does not.
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &AccountsPage::onCurrentRowChanged, Qt::UniqueConnection);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsPage::selectionChanged, Qt::UniqueConnection);
    m_model->setClient(client);
}

void AccountsPage::setCurrencies(const QList<Currency> &currencies) {
    m_currencies = currencies;
    const QString current = m_currency->currentData().toString();
    QSignalBlocker block(m_currency);
    m_currency->clear();
    m_currency->addItem(tr("All currencies"), QString());
    for (const Currency &c : currencies)
        m_currency->addItem(c.code, c.code);
    m_currency->setCurrentIndex(std::max(0, m_currency->findData(current)));
}

void AccountsPage::refresh() {
    m_model->refresh();
    m_detail->refresh();
}

void AccountsPage::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

qint64 AccountsPage::currentAccountId() const {
    return m_detail->accountId();
}

QList<Account> AccountsPage::selectedAccounts() const {
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
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
        if (c.code == m_currency->currentData().toString())
            exponent = c.exponent;
    const auto parsed = Money::parseLocalized(text, exponent, QLocale());
    if (!parsed.ok()) {
        *ok = false;
        m_filterError->setText(tr("%1: %2").arg(field->placeholderText(), parsed.error));
        m_filterError->show();
        return std::nullopt;
    }
    return parsed.minor;
}

void AccountsPage::applyFilters() {
    m_filterError->hide();
    AccountQuery q = m_model->query();
    q.search = m_search->text().trimmed();
    const int state = m_state->currentData().toInt();
    q.state = state < 0 ? std::nullopt : std::optional<AccountState>(AccountState(state));
    q.currency = m_currency->currentData().toString();
    bool minOk = true, maxOk = true;
    q.minBalance = parseBalance(m_minBalance, &minOk);
    q.maxBalance = parseBalance(m_maxBalance, &maxOk);
    if (!minOk || !maxOk)
        return; // the message names the field; the list keeps its last valid filter
    q.includeSystem = m_system->isChecked();
    if (q != m_model->query())
        m_model->setQuery(q);
}

void AccountsPage::updateCount(qint64 count) {
    if (m_model->isCapped()) {
        m_count->setText(
            tr("More than %L1 accounts match; the first %L1 are listed. Keep typing to narrow the search.")
                .arg(m_model->rowCount()));
        return;
    }
    m_count->setText(
        tr("%Ln account(s)", nullptr, int(std::min<qint64>(count, std::numeric_limits<int>::max()))));
}

void AccountsPage::onCurrentRowChanged() {
    const QModelIndex current = m_table->currentIndex();
    const auto account = current.isValid() ? m_model->accountAt(current.row()) : std::nullopt;
    if (!account)
        return; // not loaded yet: dataChanged calls again when it is
    if (account->id == m_detail->accountId())
        return;
    m_detail->setAccount(m_client, account->id);
    Q_EMIT currentAccountChanged(account->id);
}

void AccountsPage::showAccount(qint64 accountId) {
    const int row = m_model->rowOfAccount(accountId);
    if (row >= 0) {
        m_table->setCurrentIndex(m_model->index(row, AccountTableModel::IdColumn));
        m_table->scrollTo(m_table->currentIndex());
        return;
    }
    // Not among the loaded rows: search for it by number, with the filters cleared.
    m_pendingSelection = accountId;
    QSignalBlocker b1(m_search), b2(m_state), b3(m_currency), b4(m_system);
    m_state->setCurrentIndex(0);
    m_currency->setCurrentIndex(0);
    m_system->setChecked(true);
    m_search->setText(QString::number(accountId));
    applyFilters();
}

void AccountsPage::saveState(const QString &group) const {
    TableViews::saveHeader(m_table, group + QStringLiteral("/accountsHeader"));
    QSettings().setValue(group + QStringLiteral("/accountsSplitter"), m_splitter->saveState());
    m_detail->saveState(group);
}

void AccountsPage::restoreState(const QString &group) {
    TableViews::restoreHeader(m_table, group + QStringLiteral("/accountsHeader"));
    const QHeaderView *header = m_table->horizontalHeader();
    m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder()); // the database sorts
    m_splitter->restoreState(QSettings().value(group + QStringLiteral("/accountsSplitter")).toByteArray());
    m_detail->restoreState(group);
}

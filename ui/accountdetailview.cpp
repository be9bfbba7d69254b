#include "accountdetailview.h"

#include "balancechartview.h"
#include "historytablemodel.h"
#include "ledgerclient.h"
#include "money.h"
#include "tableviews.h"

#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

AccountDetailView::AccountDetailView(QWidget *parent)
    : QWidget(parent) {
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("accountTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto figure = [this](const QString &name) {
        auto *label = new QLabel(this);
        label->setObjectName(name);
        QFont f = label->font();
        f.setPointSizeF(f.pointSizeF() * 1.2);
        label->setFont(f);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_balance = figure(QStringLiteral("accountBalance"));
    m_available = figure(QStringLiteral("accountAvailable"));
    m_state = figure(QStringLiteral("accountState"));
    m_facts = new QLabel(this);
    m_facts->setObjectName(QStringLiteral("accountFacts"));
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *figures = new QHBoxLayout;
    auto addFigure = [&](const QString &caption, QLabel *value) {
        auto *box = new QVBoxLayout;
        auto *label = new QLabel(caption, this);
        label->setForegroundRole(QPalette::PlaceholderText);
        box->addWidget(label);
        box->addWidget(value);
        figures->addLayout(box);
        figures->addSpacing(24);
    };
    addFigure(tr("Balance"), m_balance);
    addFigure(tr("Available"), m_available);
    addFigure(tr("State"), m_state);
    figures->addStretch();

    m_history = new HistoryTableModel(this);
    m_historyTable = new QTableView(this);
    m_historyTable->setObjectName(QStringLiteral("historyTable"));
    TableViews::setUp(m_historyTable);
    m_historyTable->setModel(m_history);
    m_historyTable->setColumnWidth(HistoryTableModel::TimeColumn, 170);
    m_historyTable->setColumnWidth(HistoryTableModel::LinkColumn, 140);
    m_historyTable->setColumnWidth(HistoryTableModel::KeyColumn, 150);
    m_historyTable->setColumnWidth(HistoryTableModel::AmountColumn, 110);
    m_historyTable->setColumnWidth(HistoryTableModel::BalanceAfterColumn, 110);
    connect(m_historyTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { Q_EMIT selectedTransactionChanged(selectedTransactionId()); });
    connect(m_historyTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const qint64 linked = index.data(HistoryTableModel::LinkedTransactionRole).toLongLong();
        if (index.column() != HistoryTableModel::LinkColumn || linked == 0)
            return;
        // The other side of a reversal is usually in the same history: go to it.
        for (int row = 0; row < m_history->rowCount(); ++row) {
            if (m_history->rowAt(row)->transactionId == linked) {
                m_historyTable->setCurrentIndex(m_history->index(row, HistoryTableModel::LinkColumn));
                m_historyTable->scrollTo(m_historyTable->currentIndex());
                return;
            }
        }
        Q_EMIT linkedTransactionActivated(linked); // not loaded (further down): the window says where it is
    });

    m_chart = new BalanceChartView(this);
    m_chart->setObjectName(QStringLiteral("balanceChart"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabs"));
    m_tabs->addTab(m_historyTable, tr("&History"));
    m_tabs->addTab(m_chart, tr("Balance &chart"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_facts);
    layout->addLayout(figures);
    layout->addWidget(m_tabs, 1);
    setAccount(nullptr, 0);
}

AccountDetailView::~AccountDetailView() = default;

void AccountDetailView::setAccount(LedgerClient *client, qint64 accountId) {
    m_client = client;
    m_accountId = accountId;
    m_account.reset();
    ++m_generation;
    if (!client || accountId == 0) {
        m_title->setText(tr("No account selected"));
        m_facts->setText(tr("Choose an account in the list above to see its history and balance chart."));
        for (QLabel *l : {m_balance, m_available, m_state})
            l->setText(QStringLiteral("–"));
        m_history->setAccount(nullptr, 0, 0);
        m_chart->setAccount(nullptr, 0, QString(), 0);
        return;
    }
    m_title->setText(tr("Account #%1").arg(accountId));
    m_facts->setText(tr("Loading…"));
    load();
}

void AccountDetailView::refresh() {
    if (!m_client || m_accountId == 0)
        return;
    load();
    m_history->refresh();
    m_chart->reload();
}

void AccountDetailView::load() {
    const quint64 generation = ++m_generation;
    const bool first = !m_account.has_value();
    m_client->account(m_accountId).then(this, [this, generation, first](const Result<Account> &account) {
        if (generation != m_generation)
            return;
        if (!account) {
            m_facts->setText(tr("This account could not be loaded: %1").arg(account.error().message));
            return;
        }
        show(*account);
        if (first) {
            m_history->setAccount(m_client, account->id, account->exponent);
            m_chart->setAccount(m_client, account->id, account->currency, account->exponent);
        }
        Q_EMIT accountLoaded(*account);
    });
}

void AccountDetailView::show(const Account &a) {
    m_account = a;
    const QLocale locale;
    m_title->setText(
        a.kind == AccountKind::System
            ? tr("%1 %2 (system account #%3)").arg(a.currency, a.name).arg(a.id)
            : tr("%1 · player %2 · %3 account #%4").arg(a.name, a.playerRef, a.currency).arg(a.id));
    m_balance->setText(
        QStringLiteral("%1 %2").arg(Money::formatLocalized(a.balance, a.exponent, locale), a.currency));
    m_available->setText(
        QStringLiteral("%1 %2").arg(Money::formatLocalized(a.available(), a.exponent, locale), a.currency));
    m_available->setToolTip(a.held ? tr("%1 %2 held for pending approvals")
                                         .arg(Money::formatLocalized(a.held, a.exponent, locale), a.currency)
                                   : QString());
    switch (a.state) {
    case AccountState::Active:
        m_state->setText(tr("Active"));
        break;
    case AccountState::Frozen:
        m_state->setText(tr("Frozen: only supervisors may post"));
        break;
    case AccountState::Closed:
        m_state->setText(tr("Closed"));
        break;
    }
    auto when = [&](qint64 ms) {
        return locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
    };
    QString facts = tr("Opened %1 · last activity %2").arg(when(a.createdAt), when(a.lastActivityAt));
    if (a.held)
        facts += tr(" · %1 %2 held for pending approvals")
                     .arg(Money::formatLocalized(a.held, a.exponent, locale), a.currency);
    if (a.allowNegative)
        facts += tr(" · may go below zero");
    m_facts->setText(facts);
}

qint64 AccountDetailView::selectedTransactionId() const {
    const QModelIndex current = m_historyTable->currentIndex();
    return current.isValid() ? current.data(HistoryTableModel::TransactionIdRole).toLongLong() : 0;
}

void AccountDetailView::saveState(const QString &group) const {
    TableViews::saveHeader(m_historyTable, group + QStringLiteral("/historyHeader"));
}

void AccountDetailView::restoreState(const QString &group) {
    TableViews::restoreHeader(m_historyTable, group + QStringLiteral("/historyHeader"));
}

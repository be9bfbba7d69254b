#include "journalpage.h"

#include "journaltablemodel.h"
#include "ledgerclient.h"
#include "money.h"
#include "tableviews.h"
#include "transactionkindtext.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace {
const QDate AnyDate(2000, 1, 1); ///< the date edits' minimum, shown as "Any"
}

JournalPage::JournalPage(QWidget *parent)
    : QWidget(parent) {
    m_model = new JournalTableModel(this);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("journalKind"));
    m_kind->addItem(tr("All kinds"), -1);
    for (int k = int(TransactionKind::Deposit); k <= int(TransactionKind::Reversal); ++k)
        m_kind->addItem(TransactionKindText::of(TransactionKind(k)), k);
    m_operator = new QComboBox(this);
    m_operator->setObjectName(QStringLiteral("journalOperator"));
    m_operator->addItem(tr("All operators"), QString());
    auto dateEdit = [this](const QString &name, const QString &tip) {
        auto *edit = new QDateEdit(this);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(AnyDate);
        edit->setSpecialValueText(tr("Any"));
        edit->setDate(AnyDate);
        edit->setToolTip(tip);
        connect(edit, &QDateEdit::dateChanged, this, &JournalPage::applyFilters);
        return edit;
    };
    m_from = dateEdit(QStringLiteral("journalFrom"), tr("From this day (inclusive, UTC)"));
    m_to = dateEdit(QStringLiteral("journalTo"), tr("Up to this day (inclusive, UTC)"));
    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("journalCurrency"));
    m_currency->addItem(tr("All currencies"), QString());
    m_minAmount = new QLineEdit(this);
    m_minAmount->setObjectName(QStringLiteral("journalMinAmount"));
    m_minAmount->setPlaceholderText(tr("Min amount"));
    m_maxAmount = new QLineEdit(this);
    m_maxAmount->setObjectName(QStringLiteral("journalMaxAmount"));
    m_maxAmount->setPlaceholderText(tr("Max amount"));
    for (QLineEdit *field : {m_minAmount, m_maxAmount}) {
        field->setMaximumWidth(110);
        field->setEnabled(false);
        field->setToolTip(tr("Choose a currency first: amounts are compared in its units"));
        connect(field, &QLineEdit::editingFinished, this, &JournalPage::applyFilters);
    }
    connect(m_kind, &QComboBox::currentIndexChanged, this, &JournalPage::applyFilters);
    connect(m_operator, &QComboBox::currentIndexChanged, this, &JournalPage::applyFilters);
    connect(m_currency, &QComboBox::currentIndexChanged, this, [this] {
        const bool chosen = !m_currency->currentData().toString().isEmpty();
        m_minAmount->setEnabled(chosen);
        m_maxAmount->setEnabled(chosen);
        applyFilters();
    });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_kind);
    filters->addWidget(m_operator);
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    filters->addWidget(m_currency);
    filters->addWidget(m_minAmount);
    filters->addWidget(m_maxAmount);
    filters->addStretch();

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("journalError"));
    m_error->hide();
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("journalTable"));
    TableViews::setUp(m_table);
    m_table->setModel(m_model);
    m_table->setColumnWidth(JournalTableModel::TimeColumn, 170);
    m_table->setColumnWidth(JournalTableModel::AccountColumn, 220);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT accountActivated(index.data(JournalTableModel::AccountIdRole).toLongLong());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(filters);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
}

void JournalPage::setClient(LedgerClient *client) {
    m_client = client;
    m_model->setSource(client, m_model->query()); // the filters as they stand
}

void JournalPage::setCurrencies(const QList<Currency> &currencies) {
    m_currencies = currencies;
    QSignalBlocker block(m_currency);
    m_currency->clear();
    m_currency->addItem(tr("All currencies"), QString());
    for (const Currency &c : currencies)
        m_currency->addItem(c.code, c.code);
}

void JournalPage::setOperators(const QStringList &names) {
    QSignalBlocker block(m_operator);
    const QString current = m_operator->currentData().toString();
    m_operator->clear();
    m_operator->addItem(tr("All operators"), QString());
    for (const QString &name : names)
        m_operator->addItem(name, name);
    m_operator->setCurrentIndex(std::max(0, m_operator->findData(current)));
}

void JournalPage::refresh() {
    m_model->refresh();
}

void JournalPage::showQuery(const JournalQuery &query) {
    {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_kind),      QSignalBlocker(m_operator),
                                           QSignalBlocker(m_from),      QSignalBlocker(m_to),
                                           QSignalBlocker(m_currency),  QSignalBlocker(m_minAmount),
                                           QSignalBlocker(m_maxAmount)};
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(query.kind ? int(*query.kind) : -1)));
        m_operator->setCurrentIndex(std::max(0, m_operator->findData(query.operatorName)));
        auto day = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date(); };
        m_from->setDate(query.fromMs > 0 ? day(query.fromMs) : AnyDate);
        m_to->setDate(query.toMs > 0 ? day(query.toMs - 1) : AnyDate);
        m_currency->setCurrentIndex(std::max(0, m_currency->findData(query.currency)));
        m_minAmount->clear();
        m_maxAmount->clear();
    }
    applyFilters();
}

void JournalPage::applyFilters() {
    m_error->hide();
    JournalQuery q;
    const int kind = m_kind->currentData().toInt();
    if (kind >= 0)
        q.kind = TransactionKind(kind);
    q.operatorName = m_operator->currentData().toString();
    // Days are UTC days, as everywhere in the ledger (rollups, the economy page), so that a day means the same
    // entries on every desk whatever its time zone.
    if (m_from->date() > AnyDate)
        q.fromMs = QDateTime(m_from->date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    if (m_to->date() > AnyDate)
        q.toMs = QDateTime(m_to->date().addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    q.currency = m_currency->currentData().toString();
    int exponent = 0;
    for (const Currency &c : std::as_const(m_currencies))
        if (c.code == q.currency)
            exponent = c.exponent;
    for (auto [field, target] :
         {std::pair{m_minAmount, &q.minAmount}, std::pair{m_maxAmount, &q.maxAmount}}) {
        const QString text = field->text().trimmed();
        if (text.isEmpty() || q.currency.isEmpty())
            continue;
        const auto parsed = Money::parseLocalized(text, exponent, QLocale());
        if (!parsed.ok()) {
            m_error->setText(tr("%1: %2").arg(field->placeholderText(), parsed.error));
            m_error->show();
            return;
        }
        *target = parsed.minor;
    }
    if (q.fromMs && q.toMs && q.toMs <= q.fromMs) {
        m_error->setText(tr("The end date is before the start date."));
        m_error->show();
        return;
    }
    if (m_client && !(q == m_model->query() && m_model->rowCount() > 0))
        m_model->setSource(m_client, q);
}

void JournalPage::saveState(const QString &group) const {
    TableViews::saveHeader(m_table, group + QStringLiteral("/journalHeader"));
}

void JournalPage::restoreState(const QString &group) {
    TableViews::restoreHeader(m_table, group + QStringLiteral("/journalHeader"));
}

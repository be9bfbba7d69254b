#include "journalpage.h"

#include "journaltablemodel.h"
#include "ledgerclient.h"
#include "money.h"
#include "tableviews.h"
#include "transactionkindtext.h"
#include "ui_journalpage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

namespace {
const QDate AnyDate(2000, 1, 1); ///< the date edits' minimum, shown as "Any"
}

JournalPage::JournalPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::JournalPage>()) {
    // The layout is journalpage.ui: the filters in a row above the table. The combo boxes' items (they carry
    // data), the "Any" date and what each filter does when it changes are set here.
    m_ui->setupUi(this);
    m_model = new JournalTableModel(this);
    m_ui->journalKind->addItem(tr("All kinds"), -1);
    for (int k = int(TransactionKind::Deposit); k <= int(TransactionKind::Reversal); ++k)
        m_ui->journalKind->addItem(TransactionKindText::of(TransactionKind(k)), k);
    m_ui->journalOperator->addItem(tr("All operators"), QString());
    for (QDateEdit *edit : {m_ui->journalFrom, m_ui->journalTo}) {
        edit->setMinimumDate(AnyDate);
        edit->setSpecialValueText(tr("Any"));
        edit->setDate(AnyDate);
        connect(edit, &QDateEdit::dateChanged, this, &JournalPage::applyFilters);
    }
    m_ui->journalCurrency->addItem(tr("All currencies"), QString());
    for (QLineEdit *field : {m_ui->journalMinAmount, m_ui->journalMaxAmount}) {
        field->setEnabled(false);
        field->setToolTip(tr("Choose a currency first: amounts are compared in its units"));
        connect(field, &QLineEdit::editingFinished, this, &JournalPage::applyFilters);
    }
    connect(m_ui->journalKind, &QComboBox::currentIndexChanged, this, &JournalPage::applyFilters);
    connect(m_ui->journalOperator, &QComboBox::currentIndexChanged, this, &JournalPage::applyFilters);
    connect(m_ui->journalCurrency, &QComboBox::currentIndexChanged, this, [this] {
        const bool chosen = !m_ui->journalCurrency->currentData().toString().isEmpty();
        m_ui->journalMinAmount->setEnabled(chosen);
        m_ui->journalMaxAmount->setEnabled(chosen);
        applyFilters();
    });

    m_ui->journalError->hide();
    TableViews::setUp(m_ui->journalTable);
    m_ui->journalTable->setModel(m_model);
    m_ui->journalTable->setColumnWidth(JournalTableModel::TimeColumn, 170);
    m_ui->journalTable->setColumnWidth(JournalTableModel::AccountColumn, 220);
    connect(m_ui->journalTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT accountActivated(index.data(JournalTableModel::AccountIdRole).toLongLong());
    });
}

JournalPage::~JournalPage() = default;

QTableView *JournalPage::table() const {
    return m_ui->journalTable;
}

void JournalPage::setClient(LedgerClient *client) {
    m_client = client;
    m_model->setSource(client, m_model->query()); // the filters as they stand
}

void JournalPage::setCurrencies(const QList<Currency> &currencies) {
    m_currencies = currencies;
    QSignalBlocker block(m_ui->journalCurrency);
    m_ui->journalCurrency->clear();
    m_ui->journalCurrency->addItem(tr("All currencies"), QString());
    for (const Currency &c : currencies)
        m_ui->journalCurrency->addItem(c.code, c.code);
}

void JournalPage::setOperators(const QStringList &names) {
    QSignalBlocker block(m_ui->journalOperator);
    const QString current = m_ui->journalOperator->currentData().toString();
    m_ui->journalOperator->clear();
    m_ui->journalOperator->addItem(tr("All operators"), QString());
    for (const QString &name : names)
        m_ui->journalOperator->addItem(name, name);
    m_ui->journalOperator->setCurrentIndex(std::max(0, m_ui->journalOperator->findData(current)));
}

void JournalPage::refresh() {
    m_model->refresh();
}

void JournalPage::showQuery(const JournalQuery &query) {
    {
        const QSignalBlocker blockers[] = {
            QSignalBlocker(m_ui->journalKind),     QSignalBlocker(m_ui->journalOperator),
            QSignalBlocker(m_ui->journalFrom),     QSignalBlocker(m_ui->journalTo),
            QSignalBlocker(m_ui->journalCurrency), QSignalBlocker(m_ui->journalMinAmount),
            QSignalBlocker(m_ui->journalMaxAmount)};
        m_ui->journalKind->setCurrentIndex(
            std::max(0, m_ui->journalKind->findData(query.kind ? int(*query.kind) : -1)));
        m_ui->journalOperator->setCurrentIndex(
            std::max(0, m_ui->journalOperator->findData(query.operatorName)));
        auto day = [](qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date(); };
        m_ui->journalFrom->setDate(query.fromMs > 0 ? day(query.fromMs) : AnyDate);
        m_ui->journalTo->setDate(query.toMs > 0 ? day(query.toMs - 1) : AnyDate);
        m_ui->journalCurrency->setCurrentIndex(std::max(0, m_ui->journalCurrency->findData(query.currency)));
        m_ui->journalMinAmount->clear();
        m_ui->journalMaxAmount->clear();
    }
    applyFilters();
}

void JournalPage::applyFilters() {
    m_ui->journalError->hide();
    JournalQuery q;
    const int kind = m_ui->journalKind->currentData().toInt();
    if (kind >= 0)
        q.kind = TransactionKind(kind);
    q.operatorName = m_ui->journalOperator->currentData().toString();
    // Days are UTC days, as everywhere in the ledger (rollups, the economy page), so that a day means the
    // same entries on every desk whatever its time zone.
    if (m_ui->journalFrom->date() > AnyDate)
        q.fromMs = QDateTime(m_ui->journalFrom->date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    if (m_ui->journalTo->date() > AnyDate)
        q.toMs = QDateTime(m_ui->journalTo->date().addDays(1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    q.currency = m_ui->journalCurrency->currentData().toString();
    int exponent = 0;
    for (const Currency &c : std::as_const(m_currencies))
        if (c.code == q.currency)
            exponent = c.exponent;
    for (auto [field, target] :
         {std::pair{m_ui->journalMinAmount, &q.minAmount}, std::pair{m_ui->journalMaxAmount, &q.maxAmount}}) {
        const QString text = field->text().trimmed();
        if (text.isEmpty() || q.currency.isEmpty())
            continue;
        const auto parsed = Money::parseLocalized(text, exponent, QLocale());
        if (!parsed.ok()) {
            m_ui->journalError->setText(tr("%1: %2").arg(field->placeholderText(), parsed.error));
            m_ui->journalError->show();
            return;
        }
        *target = parsed.minor;
    }
    if (q.fromMs && q.toMs && q.toMs <= q.fromMs) {
        m_ui->journalError->setText(tr("The end date is before the start date."));
        m_ui->journalError->show();
        return;
    }
    if (m_client && !(q == m_model->query() && m_model->rowCount() > 0))
        m_model->setSource(m_client, q);
}

void JournalPage::saveState(const QString &group) const {
    TableViews::saveHeader(m_ui->journalTable, group + QStringLiteral("/journalHeader"));
}

void JournalPage::restoreState(const QString &group) {
    TableViews::restoreHeader(m_ui->journalTable, group + QStringLiteral("/journalHeader"));
}

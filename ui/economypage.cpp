#include "economypage.h"

#include "chartpanel.h"
#include "chartrange.h"
#include "csvexport.h"
#include "economycharts.h"
#include "interactivechartview.h"
#include "ledgerclient.h"
#include "money.h"
#include "tableviews.h"
#include "transactionkindtext.h"
#include "ui_economypage.h"

#include <QButtonGroup>
#include <QChart>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

constexpr qint64 MsPerDay = 86400000;

QDate utcDate(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
}

qint64 utcStart(const QDate &day) {
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

/// A share in millionths as a percentage with two decimals ("12.34 %"), from integers.
QString percent(qint64 millionths) {
    return QLocale().toString(double(millionths) / 10000.0, 'f', 2) + QStringLiteral(" %");
}

qint64 shareMillionths(qint64 part, qint64 whole) {
    return whole > 0 ? qint64(Int128(part) * 1000000 / whole) : 0;
}

QStandardItem *item(const QString &text, Qt::Alignment align = Qt::AlignLeft | Qt::AlignVCenter) {
    auto *i = new QStandardItem(text);
    i->setEditable(false);
    i->setTextAlignment(align);
    return i;
}

/// The value a CSV export writes for a cell, where it differs from what is shown: amounts and counts are
/// shown with the locale's group separators ("4,555,000", as the summary above the tables writes them) and
/// exported in the plain canonical form ("4555000") that spreadsheets and scripts read exactly.
constexpr int ExportRole = Qt::UserRole + 1;

QStandardItem *amount(qint64 minor, int exponent) {
    auto *i = item(Money::formatLocalized(minor, exponent, QLocale()), Qt::AlignRight | Qt::AlignVCenter);
    i->setData(minor, Qt::UserRole);
    i->setData(Money::format(minor, exponent), ExportRole);
    return i;
}

QStandardItem *count(qint64 n) {
    auto *i = item(QLocale().toString(n), Qt::AlignRight | Qt::AlignVCenter);
    i->setData(n, Qt::UserRole);
    i->setData(QString::number(n), ExportRole);
    return i;
}

void setUpTable(QTableView *table, QStandardItemModel *model) {
    table->setModel(model);
    TableViews::setUp(table);
    table->horizontalHeader()->setStretchLastSection(true);
}

} // namespace

EconomyPage::EconomyPage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::EconomyPage>()) {
    // The layout is economypage.ui: the bar (currency, range buttons, days, status), the summary and the four
    // tabs. Made here: the range buttons' group (its ids are the Range values), today's date, the chart
    // panels (into the form's splitters and layouts), the tables' models, the splitters' first sizes, and
    // what each control does. The range buttons are tool buttons, compact: the bar must fit a 900-pixel
    // window.
    m_ui->setupUi(this);
    connect(m_ui->economyCurrency, &QComboBox::currentIndexChanged, this, &EconomyPage::refresh);
    m_rangeButtons = new QButtonGroup(this);
    const std::pair<Range, QToolButton *> ranges[] = {
        {Range::Week, m_ui->economyRange0},    {Range::Month, m_ui->economyRange1},
        {Range::Quarter, m_ui->economyRange2}, {Range::Year, m_ui->economyRange3},
        {Range::All, m_ui->economyRange4},     {Range::Custom, m_ui->economyRange5}};
    for (const auto &[range, button] : ranges) {
        button->setChecked(range == m_range);
        m_rangeButtons->addButton(button, int(range));
    }
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });
    for (QDateEdit *edit : {m_ui->economyFrom, m_ui->economyTo}) {
        edit->setDate(QDateTime::currentDateTimeUtc().date());
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_range == Range::Custom)
                refresh();
        });
    }

    // Flows: holdings over the stacked sources and sinks, the kinds' totals beside them.
    m_holdings = new ChartPanel(tr("Holdings"), new QChart, this);
    m_holdings->setObjectName(QStringLiteral("economyHoldings"));
    m_holdings->setDescriber(
        [this](const QPointF &v) { return EconomyCharts::describeHoldings(m_report, v); });
    m_flows = new ChartPanel(tr("Sources and sinks per day"), new QChart, this);
    m_flows->setObjectName(QStringLiteral("economyFlows"));
    m_flows->setDescriber([this](const QPointF &v) { return EconomyCharts::describeFlows(m_report, v); });
    m_flows->view()->setToolTip(tr("Click a bar to see its transactions in the Journal"));
    // Bars are axis-aligned rectangles: antialiasing only blurs their edges.
    m_flows->view()->setRenderHint(QPainter::Antialiasing, false);
    for (ChartPanel *panel : {m_holdings, m_flows})
        connect(panel, &ChartPanel::clickedAt, this, [this, panel](const QPointF &v) {
            const EconomyDay *day = EconomyCharts::dayAt(m_report, v.x());
            if (!day)
                return;
            Q_EMIT journalRequested(drillDownQuery(
                day->dayStartMs, panel == m_flows ? EconomyCharts::kindAt(*day, v.y()) : std::nullopt));
        });
    m_ui->flowsCharts->addWidget(m_holdings);
    m_ui->flowsCharts->addWidget(m_flows);
    m_ui->flowsPage->setSizes({900, 380}); // room for the table's four columns at the window's first size
    m_flowsModel = new QStandardItemModel(this);
    setUpTable(m_ui->economyFlowsTable, m_flowsModel);
    connect(m_ui->economyFlowsTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto kind = kindFromName(m_flowsModel->item(index.row(), 0)->data(Qt::UserRole).toString());
        if (kind && !m_report.days.isEmpty()) {
            JournalQuery q = drillDownQuery(m_report.fromMs, kind);
            q.toMs = m_report.toMs;
            Q_EMIT journalRequested(q);
        }
    });
    connect(m_ui->economyExportFlows, &QPushButton::clicked, this,
            [this] { exportFromButton(m_ui->economyFlowsTable, QStringLiteral("sources-and-sinks")); });

    // Players: how many are active, and what an active player holds.
    m_active = new ChartPanel(tr("Active players per day"), new QChart, this);
    m_active->setObjectName(QStringLiteral("economyActive"));
    m_average = new ChartPanel(tr("Average balance of an active player"), new QChart, this);
    m_average->setObjectName(QStringLiteral("economyAverage"));
    for (ChartPanel *panel : {m_active, m_average})
        panel->setDescriber(
            [this](const QPointF &v) { return EconomyCharts::describeActivity(m_report, v); });
    m_ui->playersPage->addWidget(m_active);
    m_ui->playersPage->addWidget(m_average);

    // Distribution: who holds the currency now.
    m_histogram = new ChartPanel(tr("Player accounts by balance"), new QChart, this);
    m_histogram->setObjectName(QStringLiteral("economyHistogram"));
    m_histogram->setDescriber(
        [this](const QPointF &v) { return EconomyCharts::describeHistogram(m_distribution, v); });
    m_ui->distributionLeftLayout->addWidget(m_histogram, 1);
    m_ui->distributionPage->setSizes({780, 500});
    m_holdersModel = new QStandardItemModel(this);
    setUpTable(m_ui->economyHoldersTable, m_holdersModel);
    connect(m_ui->economyHoldersTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT accountRequested(m_holdersModel->item(index.row(), 1)->data(Qt::UserRole).toLongLong());
    });
    connect(m_ui->economyExportHolders, &QPushButton::clicked, this,
            [this] { exportFromButton(m_ui->economyHoldersTable, QStringLiteral("top-holders")); });

    // Days: every figure of every day, to read exactly or export.
    m_daysModel = new QStandardItemModel(this);
    setUpTable(m_ui->economyDaysTable, m_daysModel);
    connect(m_ui->economyDaysTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT journalRequested(
            drillDownQuery(m_daysModel->item(index.row(), 0)->data(Qt::UserRole).toLongLong(), std::nullopt));
    });
    connect(m_ui->economyExportDays, &QPushButton::clicked, this,
            [this] { exportFromButton(m_ui->economyDaysTable, QStringLiteral("days")); });

    // The panels joined the focus chain after the form's widgets: Tab still goes through a page's charts
    // before its table and its export button, in reading order (a panel's chart view is its last stop).
    QWidget::setTabOrder(m_flows->view(), m_ui->economyFlowsTable);
    QWidget::setTabOrder(m_ui->economyFlowsTable, m_ui->economyExportFlows);
    QWidget::setTabOrder(m_histogram->view(), m_ui->economyHoldersTable);
    QWidget::setTabOrder(m_ui->economyHoldersTable, m_ui->economyExportHolders);
}

EconomyPage::~EconomyPage() = default;

QTableView *EconomyPage::flowsTable() const {
    return m_ui->economyFlowsTable;
}

QTableView *EconomyPage::holdersTable() const {
    return m_ui->economyHoldersTable;
}

QTableView *EconomyPage::daysTable() const {
    return m_ui->economyDaysTable;
}

QTabWidget *EconomyPage::tabs() const {
    return m_ui->economyTabs;
}
void EconomyPage::setClient(LedgerClient *client) {
    m_client = client;
    refresh();
}

void EconomyPage::setCurrencies(const QList<Currency> &currencies) {
    m_currencies = currencies;
    const QString current = m_ui->economyCurrency->currentData().toString();
    const QSignalBlocker blocker(m_ui->economyCurrency);
    m_ui->economyCurrency->clear();
    for (const Currency &c : currencies)
        m_ui->economyCurrency->addItem(
            c.name.isEmpty() || c.name == c.code ? c.code : QStringLiteral("%1 (%2)").arg(c.code, c.name),
            c.code);
    const int index = m_ui->economyCurrency->findData(current);
    m_ui->economyCurrency->setCurrentIndex(index >= 0 ? index : 0);
    refresh();
}

void EconomyPage::setCurrency(const QString &code) {
    const int index = m_ui->economyCurrency->findData(code);
    if (index >= 0)
        m_ui->economyCurrency->setCurrentIndex(index); // refreshes
}

void EconomyPage::setRange(Range range) {
    m_range = range;
    if (auto *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    m_ui->economyFrom->setEnabled(range == Range::Custom);
    m_ui->economyTo->setEnabled(range == Range::Custom);
    refresh();
}

void EconomyPage::setCustomRange(const QDate &from, const QDate &to) {
    {
        const QSignalBlocker a(m_ui->economyFrom), b(m_ui->economyTo);
        m_ui->economyFrom->setDate(from);
        m_ui->economyTo->setDate(to);
    }
    setRange(Range::Custom);
}

std::pair<qint64, qint64> EconomyPage::rangeMs() const {
    if (m_range == Range::Custom)
        return {utcStart(m_ui->economyFrom->date()), utcStart(m_ui->economyTo->date().addDays(1))};
    if (m_range == Range::All)
        return {0, 0}; // from the currency's first active day
    static_assert(int(Range::Year) == int(ChartRange::Year), "the presets are the charts' ranges");
    return ChartRanges::bounds(ChartRange(int(m_range)), QDateTime::currentMSecsSinceEpoch());
}

void EconomyPage::refresh() {
    if (!m_client || m_ui->economyCurrency->currentData().toString().isEmpty())
        return;
    if (!isVisible()) {
        m_stale = true; // the distribution reads every account: only for a page someone looks at
        return;
    }
    load();
}

void EconomyPage::markOutdated() {
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (m_pending == 0 && !m_report.currency.isEmpty())
        m_ui->economyStatus->setText(tr("The ledger has changed since: Refresh (F5) to update."));
}

void EconomyPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void EconomyPage::load() {
    m_stale = false;
    const QString currency = m_ui->economyCurrency->currentData().toString();
    const auto [from, to] = rangeMs();
    if (m_range == Range::Custom && to <= from) {
        m_ui->economyStatus->setText(tr("The last day is before the first day."));
        return;
    }
    const quint64 generation = ++m_generation;
    m_pending = 2;
    m_ui->economyStatus->setText(tr("Loading…"));
    auto finished = [this, generation] {
        if (generation == m_generation && --m_pending == 0) {
            m_ui->economyStatus->clear();
            m_ui->economyIdentity->setText(identityText());
            Q_EMIT loaded();
        }
    };
    m_client->economy(currency, from, to)
        .then(this, [this, generation, finished](const Result<EconomyReport> &r) {
            if (generation != m_generation)
                return;
            m_report = r ? *r : EconomyReport();
            showReport();
            if (!r)
                m_ui->economySummary->setText(tr("The economy could not be read: %1").arg(r.error().message));
            // The other charts are filled in later turns of the event loop, so that the window redraws in
            // between: filling all of them at once held the GUI thread for 60 ms and more on long ranges.
            const std::function<void(QChart *, const EconomyReport &)> fills[] = {
                EconomyCharts::fillFlows, EconomyCharts::fillActivePlayers,
                EconomyCharts::fillAverageBalance};
            QChart *charts[] = {m_flows->chart(), m_active->chart(), m_average->chart()};
            auto step = std::make_shared<std::function<void(int)>>();
            // The step holds itself weakly; each queued call keeps it alive until it has run.
            *step = [this, generation, finished, fills, charts, self = std::weak_ptr(step)](int i) {
                if (generation != m_generation)
                    return;
                if (i == 3) {
                    Q_EMIT reportShown();
                    finished();
                    return;
                }
                fills[i](charts[i], m_report);
                QTimer::singleShot(0, this, [next = self.lock(), i] { (*next)(i + 1); });
            };
            QTimer::singleShot(0, this, [step] { (*step)(0); });
        });
    m_client->distribution(currency).then(
        this, [this, generation, finished](const Result<BalanceDistribution> &r) {
            if (generation != m_generation)
                return;
            m_distribution = r ? *r : BalanceDistribution();
            showDistribution();
            if (!r)
                m_ui->economyDistributionSummary->setText(
                    tr("The distribution could not be read: %1").arg(r.error().message));
            finished();
        });
}

QString EconomyPage::identityText() const {
    if (m_report.days.isEmpty())
        return {};
    const QList<qint64> bad = m_report.unbalancedDays();
    if (!bad.isEmpty())
        return tr("The figures do not add up on %n day(s), first on %1: the change of holdings differs from "
                  "sources minus sinks. Run Verify and report this.",
                  nullptr, int(bad.size()))
            .arg(QLocale().toString(utcDate(bad.first()), QLocale::ShortFormat));
    QString text = tr("Every day adds up: previous day's holdings + sources − sinks = holdings.");
    const bool rangeEndsToday = m_report.toMs > QDateTime::currentMSecsSinceEpoch();
    if (rangeEndsToday && m_distribution.currency == m_report.currency && m_distribution.players > 0) {
        const qint64 last = m_report.days.last().holdings;
        text += u' ';
        text +=
            last == m_distribution.total
                ? tr("Today's holdings equal the sum of all player balances.")
                : tr("Today's holdings (%1) differ from the sum of all player balances (%2); a posting may "
                     "have landed between the two reads: refresh.")
                      .arg(Money::formatLocalized(last, m_report.exponent, QLocale()),
                           Money::formatLocalized(m_distribution.total, m_report.exponent, QLocale()));
    }
    return text;
}

JournalQuery EconomyPage::drillDownQuery(qint64 dayStartMs, std::optional<TransactionKind> kind) const {
    JournalQuery q;
    q.currency = m_report.currency;
    q.kind = kind;
    q.fromMs = dayStartMs;
    q.toMs = dayStartMs + MsPerDay;
    return q;
}

void EconomyPage::showReport() {
    const EconomyReport &r = m_report;
    EconomyCharts::fillHoldings(m_holdings->chart(), r); // the others follow in later turns (load())
    const QString empty = r.days.isEmpty() ? tr("No days in this range.") : QString();
    for (ChartPanel *panel : {m_holdings, m_flows, m_active, m_average})
        panel->setEmptyText(empty);
    fillFlowsTable();
    fillDaysTable();
    if (m_range != Range::Custom && !r.days.isEmpty()) {
        // The preset's days, shown in the (disabled) date fields so that the range is never a guess.
        const QSignalBlocker a(m_ui->economyFrom), b(m_ui->economyTo);
        m_ui->economyFrom->setDate(utcDate(r.fromMs));
        m_ui->economyTo->setDate(utcDate(r.toMs - MsPerDay));
    }
    if (r.days.isEmpty()) {
        m_ui->economySummary->clear();
        return;
    }
    const QLocale locale;
    qint64 sources = 0, sinks = 0;
    for (const EconomyDay &d : r.days) {
        sources += d.sourcesTotal();
        sinks += d.sinksTotal();
    }
    auto money = [&](qint64 v) { return Money::formatLocalized(v, r.exponent, locale); };
    m_ui->economySummary->setText(
        tr("%1, %2 to %3 (UTC): holdings went from %4 to %5 %6; sources %7, sinks %8, net issuance %9.")
            .arg(r.currency, locale.toString(utcDate(r.fromMs), QLocale::ShortFormat),
                 locale.toString(utcDate(r.toMs - MsPerDay), QLocale::ShortFormat), money(r.openingHoldings),
                 money(r.days.last().holdings), r.currency, money(sources), money(sinks),
                 money(sources - sinks)));
}

void EconomyPage::fillFlowsTable() {
    m_flowsModel->clear();
    m_flowsModel->setHorizontalHeaderLabels(
        {tr("Kind"), tr("Direction"), tr("Total"), tr("Share of its side")});
    struct Row {
        TransactionKind kind;
        bool source;
        qint64 total;
    };
    QList<Row> rows;
    const QMap<TransactionKind, qint64> sources = m_report.sourcesByKind(), sinks = m_report.sinksByKind();
    qint64 sourceTotal = 0, sinkTotal = 0;
    for (auto it = sources.cbegin(); it != sources.cend(); ++it) {
        rows << Row{it.key(), true, it.value()};
        sourceTotal += it.value();
    }
    for (auto it = sinks.cbegin(); it != sinks.cend(); ++it) {
        rows << Row{it.key(), false, it.value()};
        sinkTotal += it.value();
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.total > b.total; });
    for (const Row &row : std::as_const(rows)) {
        QStandardItem *kind = item(TransactionKindText::of(row.kind));
        kind->setData(kindName(row.kind), Qt::UserRole);
        kind->setData(EconomyCharts::colorOf(row.kind), Qt::DecorationRole);
        m_flowsModel->appendRow(
            {kind, item(row.source ? tr("source") : tr("sink")), amount(row.total, m_report.exponent),
             item(percent(shareMillionths(row.total, row.source ? sourceTotal : sinkTotal)),
                  Qt::AlignRight | Qt::AlignVCenter)});
    }
    m_ui->economyFlowsTable->resizeColumnsToContents();
}

void EconomyPage::fillDaysTable() {
    m_daysModel->clear();
    m_daysModel->setHorizontalHeaderLabels({tr("Day (UTC)"), tr("Holdings"), tr("Sources"), tr("Sinks"),
                                            tr("Change"), tr("Active players"), tr("Average active balance"),
                                            tr("Adds up")});
    for (const EconomyDay &d : std::as_const(m_report.days)) {
        QStandardItem *day = item(utcDate(d.dayStartMs).toString(Qt::ISODate));
        day->setData(d.dayStartMs, Qt::UserRole);
        m_daysModel->appendRow(
            {day, amount(d.holdings, m_report.exponent), amount(d.sourcesTotal(), m_report.exponent),
             amount(d.sinksTotal(), m_report.exponent), amount(d.playerChange, m_report.exponent),
             count(d.activePlayers), amount(d.averageActiveBalance(), m_report.exponent),
             item(d.balances() ? tr("yes") : tr("NO"))});
    }
    m_ui->economyDaysTable->resizeColumnsToContents();
}

void EconomyPage::showDistribution() {
    const BalanceDistribution &d = m_distribution;
    EconomyCharts::fillHistogram(m_histogram->chart(), d);
    m_histogram->setEmptyText(d.players == 0 ? tr("No player holds this currency.") : QString());
    m_holdersModel->clear();
    m_holdersModel->setHorizontalHeaderLabels(
        {tr("Rank"), tr("Account"), tr("Player"), tr("Name"), tr("Balance"), tr("Share")});
    int rank = 0;
    for (const TopHolder &h : d.topHolders) {
        QStandardItem *account = count(h.accountId);
        m_holdersModel->appendRow(
            {count(++rank), account, item(h.playerRef), item(h.name), amount(h.balance, d.exponent),
             item(percent(d.shareMillionths(h.balance)), Qt::AlignRight | Qt::AlignVCenter)});
    }
    m_ui->economyHoldersTable->resizeColumnsToContents();
    if (d.players == 0) {
        m_ui->economyDistributionSummary->clear();
        return;
    }
    const QLocale locale;
    m_ui->economyDistributionSummary->setText(
        tr("%1 player accounts hold %2 %3. %4 at zero, %5 below zero. The top 1% hold %6, the top 10% hold "
           "%7; "
           "Gini coefficient %8 (0: everyone holds the same, 1: one account holds everything).")
            .arg(locale.toString(d.players), Money::formatLocalized(d.total, d.exponent, locale), d.currency,
                 locale.toString(d.zeroCount), locale.toString(d.negativeCount),
                 percent(d.shareMillionths(d.top1Total)), percent(d.shareMillionths(d.top10Total)),
                 locale.toString(double(d.giniMillionths) / 1e6, 'f', 4)));
}

bool EconomyPage::exportTable(QTableView *table, const QString &path, QString *error) const {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        *error = file.errorString();
        return false;
    }
    const QAbstractItemModel *model = table->model();
    QByteArray line;
    for (int c = 0; c < model->columnCount(); ++c)
        line += (c ? "," : "") + CsvExport::field(model->headerData(c, Qt::Horizontal).toString());
    file.write(line + "\r\n");
    for (int r = 0; r < model->rowCount(); ++r) {
        line.clear();
        for (int c = 0; c < model->columnCount(); ++c) {
            const QModelIndex index = model->index(r, c);
            const QVariant exact = index.data(ExportRole);
            line += (c ? "," : "") +
                    CsvExport::field(exact.isValid() ? exact.toString() : index.data().toString());
        }
        if (file.write(line + "\r\n") < 0) {
            *error = file.errorString();
            return false;
        }
    }
    if (!file.flush()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

void EconomyPage::exportFromButton(QTableView *table, const QString &suggestedName) {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export as CSV"),
        QStringLiteral("%1-%2.csv").arg(m_report.currency.toLower(), suggestedName), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTable(table, path, &error))
        QMessageBox::warning(this, tr("Export as CSV"), tr("%1 could not be written: %2").arg(path, error));
    else if (m_client)
        m_client->recordExport(QStringLiteral("economy:%1").arg(m_report.currency),
                               QFileInfo(path).fileName());
}

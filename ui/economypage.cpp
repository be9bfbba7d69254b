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

#include <QButtonGroup>
#include <QChart>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
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

QStandardItem *amount(qint64 minor, int exponent) {
    // Shown exactly in the plain canonical form, so that the CSV export writes what is shown.
    auto *i = item(Money::format(minor, exponent), Qt::AlignRight | Qt::AlignVCenter);
    i->setData(minor, Qt::UserRole);
    return i;
}

QStandardItem *count(qint64 n) {
    auto *i = item(QString::number(n), Qt::AlignRight | Qt::AlignVCenter);
    i->setData(n, Qt::UserRole);
    return i;
}

QTableView *makeTable(QStandardItemModel *model, const QString &name, QWidget *parent) {
    auto *table = new QTableView(parent);
    table->setObjectName(name);
    table->setModel(model);
    TableViews::setUp(table);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

EconomyPage::EconomyPage(QWidget *parent)
    : QWidget(parent) {
    auto *layout = new QVBoxLayout(this);
    auto *bar = new QHBoxLayout;
    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("economyCurrency"));
    m_currency->setToolTip(tr("The currency whose economy is shown"));
    m_currency->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_currency->setMinimumContentsLength(10);
    connect(m_currency, &QComboBox::currentIndexChanged, this, &EconomyPage::refresh);
    bar->addWidget(new QLabel(tr("Currency:"), this));
    bar->addWidget(m_currency);
    m_rangeButtons = new QButtonGroup(this);
    const std::pair<Range, QString> ranges[] = {
        {Range::Week, tr("7 days")}, {Range::Month, tr("30 days")}, {Range::Quarter, tr("90 days")},
        {Range::Year, tr("1 year")}, {Range::All, tr("All")},       {Range::Custom, tr("Custom")}};
    for (const auto &[range, label] : ranges) {
        auto *button = new QToolButton(this); // compact: the bar must fit a 900-pixel window
        button->setText(label);
        button->setCheckable(true);
        button->setObjectName(QStringLiteral("economyRange%1").arg(int(range)));
        button->setChecked(range == m_range);
        m_rangeButtons->addButton(button, int(range));
        bar->addWidget(button);
    }
    connect(m_rangeButtons, &QButtonGroup::idClicked, this, [this](int id) { setRange(Range(id)); });
    auto dateEdit = [this](const QString &name, const QString &tip) {
        auto *edit = new QDateEdit(QDateTime::currentDateTimeUtc().date(), this);
        edit->setObjectName(name);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setToolTip(tip);
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (m_range == Range::Custom)
                refresh();
        });
        return edit;
    };
    m_from = dateEdit(QStringLiteral("economyFrom"), tr("First day shown (UTC)"));
    m_to = dateEdit(QStringLiteral("economyTo"), tr("Last day shown (UTC)"));
    bar->addWidget(m_from);
    bar->addWidget(new QLabel(QStringLiteral("–"), this));
    bar->addWidget(m_to);
    bar->addStretch();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("economyStatus"));
    bar->addWidget(m_status);
    layout->addLayout(bar);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("economySummary"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("economyIdentity"));
    m_identity->setWordWrap(true);
    layout->addWidget(m_identity);

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("economyTabs"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

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
    m_flowsModel = new QStandardItemModel(this);
    m_flowsTable = makeTable(m_flowsModel, QStringLiteral("economyFlowsTable"), this);
    connect(m_flowsTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        const auto kind = kindFromName(m_flowsModel->item(index.row(), 0)->data(Qt::UserRole).toString());
        if (kind && !m_report.days.isEmpty()) {
            JournalQuery q = drillDownQuery(m_report.fromMs, kind);
            q.toMs = m_report.toMs;
            Q_EMIT journalRequested(q);
        }
    });
    auto *flowsPage = new QSplitter(Qt::Horizontal, this);
    auto *charts = new QSplitter(Qt::Vertical, flowsPage);
    charts->addWidget(m_holdings);
    charts->addWidget(m_flows);
    auto *flowsSide = new QWidget(flowsPage);
    auto *flowsSideLayout = new QVBoxLayout(flowsSide);
    flowsSideLayout->setContentsMargins(0, 0, 0, 0);
    flowsSideLayout->addWidget(new QLabel(tr("Top sources and sinks in the range"), flowsSide));
    flowsSideLayout->addWidget(m_flowsTable, 1);
    auto *exportFlows = new QPushButton(tr("Export CSV…"), flowsSide);
    exportFlows->setObjectName(QStringLiteral("economyExportFlows"));
    connect(exportFlows, &QPushButton::clicked, this,
            [this] { exportFromButton(m_flowsTable, QStringLiteral("sources-and-sinks")); });
    flowsSideLayout->addWidget(exportFlows, 0, Qt::AlignRight);
    flowsPage->addWidget(charts);
    flowsPage->addWidget(flowsSide);
    flowsPage->setStretchFactor(0, 3);
    flowsPage->setStretchFactor(1, 1);
    flowsPage->setSizes({900, 380}); // room for the table's four columns at the window's first size
    m_tabs->addTab(flowsPage, tr("Holdings and flows"));

    // Players: how many are active, and what an active player holds.
    m_active = new ChartPanel(tr("Active players per day"), new QChart, this);
    m_active->setObjectName(QStringLiteral("economyActive"));
    m_average = new ChartPanel(tr("Average balance of an active player"), new QChart, this);
    m_average->setObjectName(QStringLiteral("economyAverage"));
    for (ChartPanel *panel : {m_active, m_average})
        panel->setDescriber(
            [this](const QPointF &v) { return EconomyCharts::describeActivity(m_report, v); });
    auto *players = new QSplitter(Qt::Vertical, this);
    players->addWidget(m_active);
    players->addWidget(m_average);
    m_tabs->addTab(players, tr("Players"));

    // Distribution: who holds the currency now.
    m_histogram = new ChartPanel(tr("Player accounts by balance"), new QChart, this);
    m_histogram->setObjectName(QStringLiteral("economyHistogram"));
    m_histogram->setDescriber(
        [this](const QPointF &v) { return EconomyCharts::describeHistogram(m_distribution, v); });
    m_distributionSummary = new QLabel(this);
    m_distributionSummary->setObjectName(QStringLiteral("economyDistributionSummary"));
    m_distributionSummary->setWordWrap(true);
    m_holdersModel = new QStandardItemModel(this);
    m_holdersTable = makeTable(m_holdersModel, QStringLiteral("economyHoldersTable"), this);
    m_holdersTable->setToolTip(tr("Double-click to open the account"));
    connect(m_holdersTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT accountRequested(m_holdersModel->item(index.row(), 1)->data(Qt::UserRole).toLongLong());
    });
    auto *distribution = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(distribution);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_distributionSummary);
    leftLayout->addWidget(m_histogram, 1);
    auto *right = new QWidget(distribution);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Largest holders"), right));
    rightLayout->addWidget(m_holdersTable, 1);
    auto *exportHolders = new QPushButton(tr("Export CSV…"), right);
    exportHolders->setObjectName(QStringLiteral("economyExportHolders"));
    connect(exportHolders, &QPushButton::clicked, this,
            [this] { exportFromButton(m_holdersTable, QStringLiteral("top-holders")); });
    rightLayout->addWidget(exportHolders, 0, Qt::AlignRight);
    distribution->addWidget(left);
    distribution->addWidget(right);
    distribution->setStretchFactor(0, 3);
    distribution->setStretchFactor(1, 2);
    distribution->setSizes({780, 500});
    m_tabs->addTab(distribution, tr("Distribution"));

    // Days: every figure of every day, to read exactly or export.
    m_daysModel = new QStandardItemModel(this);
    m_daysTable = makeTable(m_daysModel, QStringLiteral("economyDaysTable"), this);
    m_daysTable->setToolTip(tr("Double-click a day to see its transactions in the Journal"));
    connect(m_daysTable, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        Q_EMIT journalRequested(
            drillDownQuery(m_daysModel->item(index.row(), 0)->data(Qt::UserRole).toLongLong(), std::nullopt));
    });
    auto *days = new QWidget(this);
    auto *daysLayout = new QVBoxLayout(days);
    daysLayout->addWidget(m_daysTable, 1);
    auto *exportDays = new QPushButton(tr("Export CSV…"), days);
    exportDays->setObjectName(QStringLiteral("economyExportDays"));
    connect(exportDays, &QPushButton::clicked, this,
            [this] { exportFromButton(m_daysTable, QStringLiteral("days")); });
    daysLayout->addWidget(exportDays, 0, Qt::AlignRight);
    m_tabs->addTab(days, tr("Days"));
}

void EconomyPage::setClient(LedgerClient *client) {
    m_client = client;
    refresh();
}

void EconomyPage::setCurrencies(const QList<Currency> &currencies) {
    m_currencies = currencies;
    const QString current = m_currency->currentData().toString();
    const QSignalBlocker blocker(m_currency);
    m_currency->clear();
    for (const Currency &c : currencies)
        m_currency->addItem(
            c.name.isEmpty() || c.name == c.code ? c.code : QStringLiteral("%1 (%2)").arg(c.code, c.name),
            c.code);
    const int index = m_currency->findData(current);
    m_currency->setCurrentIndex(index >= 0 ? index : 0);
    refresh();
}

void EconomyPage::setCurrency(const QString &code) {
    const int index = m_currency->findData(code);
    if (index >= 0)
        m_currency->setCurrentIndex(index); // refreshes
}

void EconomyPage::setRange(Range range) {
    m_range = range;
    if (auto *button = m_rangeButtons->button(int(range)))
        button->setChecked(true);
    m_from->setEnabled(range == Range::Custom);
    m_to->setEnabled(range == Range::Custom);
    refresh();
}

void EconomyPage::setCustomRange(const QDate &from, const QDate &to) {
    {
        const QSignalBlocker a(m_from), b(m_to);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    setRange(Range::Custom);
}

std::pair<qint64, qint64> EconomyPage::rangeMs() const {
    if (m_range == Range::Custom)
        return {utcStart(m_from->date()), utcStart(m_to->date().addDays(1))};
    if (m_range == Range::All)
        return {0, 0}; // from the currency's first active day
    static_assert(int(Range::Year) == int(ChartRange::Year), "the presets are the charts' ranges");
    return ChartRanges::bounds(ChartRange(int(m_range)), QDateTime::currentMSecsSinceEpoch());
}

void EconomyPage::refresh() {
    if (!m_client || m_currency->currentData().toString().isEmpty())
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
        m_status->setText(tr("The ledger has changed since: Refresh (F5) to update."));
}

void EconomyPage::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void EconomyPage::load() {
    m_stale = false;
    const QString currency = m_currency->currentData().toString();
    const auto [from, to] = rangeMs();
    if (m_range == Range::Custom && to <= from) {
        m_status->setText(tr("The last day is before the first day."));
        return;
    }
    const quint64 generation = ++m_generation;
    m_pending = 2;
    m_status->setText(tr("Loading…"));
    auto finished = [this, generation] {
        if (generation == m_generation && --m_pending == 0) {
            m_status->clear();
            m_identity->setText(identityText());
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
                m_summary->setText(tr("The economy could not be read: %1").arg(r.error().message));
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
                m_distributionSummary->setText(
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
        const QSignalBlocker a(m_from), b(m_to);
        m_from->setDate(utcDate(r.fromMs));
        m_to->setDate(utcDate(r.toMs - MsPerDay));
    }
    if (r.days.isEmpty()) {
        m_summary->clear();
        return;
    }
    const QLocale locale;
    qint64 sources = 0, sinks = 0;
    for (const EconomyDay &d : r.days) {
        sources += d.sourcesTotal();
        sinks += d.sinksTotal();
    }
    auto money = [&](qint64 v) { return Money::formatLocalized(v, r.exponent, locale); };
    m_summary->setText(
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
    m_flowsTable->resizeColumnsToContents();
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
    m_daysTable->resizeColumnsToContents();
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
    m_holdersTable->resizeColumnsToContents();
    if (d.players == 0) {
        m_distributionSummary->clear();
        return;
    }
    const QLocale locale;
    m_distributionSummary->setText(
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
        for (int c = 0; c < model->columnCount(); ++c)
            line += (c ? "," : "") + CsvExport::field(model->index(r, c).data().toString());
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

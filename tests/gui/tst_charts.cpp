// The account charts on the offscreen platform over a real SQLite ledger: the balance as a step line that
// holds between entries, the day's low-high band, money in and out per day, the hover read-out, zoom and
// reset, Save as PNG and SVG; and Account > Compare balances from the main window (one line per account;
// refused across currencies).
#include "accountspage.h"
#include "accounttablemodel.h"
#include "balancechartview.h"
#include "chartpanel.h"
#include "comparechartwindow.h"
#include "demogenerator.h"
#include "interactivechartview.h"
#include "localledgerclient.h"
#include "mainwindow.h"
#include "money.h"
#include "testsupport.h"

#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTableView>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using WalletDeskTest::await;
using WalletDeskTest::RawDb;

namespace {
const QString Admin = QStringLiteral("root-admin");
constexpr int Waiting = 20000;
constexpr qint64 MsPerDay = 86400000;

qint64 todayStart() {
    return QDateTime::currentMSecsSinceEpoch() / MsPerDay * MsPerDay;
}
} // namespace

class TestCharts : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void stepLineHoldsTheBalanceBetweenEntries();
    void stepLineFollowsEveryDaysClosing();
    void bandSpansTheLowAndHighOfABusyDay();
    void barsAreEachDaysMoneyInAndOut();
    void aLongHistoryIsThinnedToThePixels();
    void zoomNarrowsTheTimeAxisAndResetRestoresIt();
    void savesPngAndSvgAtTheViewsSize();
    void compareOverlaysOneStepLinePerAccount();
    void compareRefusesAccountsOfDifferentCurrencies();

private:
    Account newAccount(const QString &currency);
    void post(TransactionKind kind, qint64 accountId, qint64 amount);
    /// Moves every rollup of the account `days` days into the past, as if its entries had been posted then
    /// (postings take the clock's time; the chart reads only the rollups).
    void moveRollupsBack(qint64 accountId, int days);
    /// A chart of `account` over `range`, shown, loaded.
    std::unique_ptr<BalanceChartView> chartOf(const Account &account, BalanceChartView::Range range);
    qint64 busiestPlayerAccount();
    std::unique_ptr<MainWindow> mainWindow();

    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<RawDb> m_raw;
    std::unique_ptr<LocalLedgerClient> m_client;
    int m_accounts = 0;
};

void TestCharts::initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QString error;
    m_url = WalletDeskTest::databaseUrl(QStringLiteral("sqlite"), m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    LedgerService service;
    QVERIFY(await(service.open(*DatabaseUrl::parse(m_url, &error))).ok());
    QVERIFY(await(service.run([](LedgerStore &s) { return s.bootstrapAdmin(Admin); })).ok());
    DemoOptions o; // a few hundred players over two months: days with several postings, and quiet days
    o.players = 300;
    o.days = 60;
    QVERIFY(await(service.run([o](LedgerStore &s) { return DemoGenerator(s, o, Admin).run(); })).ok());
    m_raw = std::make_unique<RawDb>(m_url);
    m_client = std::make_unique<LocalLedgerClient>();
    const auto session = await(m_client->connectTo(*DatabaseUrl::parse(m_url, &error), Admin));
    QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.error().message));
}

void TestCharts::cleanup() {
    // Windows a test left open (compare windows, message boxes) go with it.
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible())
            w->close();
}

Account TestCharts::newAccount(const QString &currency) {
    NewAccount n;
    n.currency = currency;
    n.playerRef = QStringLiteral("chart-%1").arg(++m_accounts);
    n.name = QStringLiteral("Chart Player %1").arg(m_accounts);
    const auto account = await(m_client->createAccount(n));
    if (!account)
        qFatal("create account: %s", qPrintable(account.error().message));
    return *account;
}

void TestCharts::post(TransactionKind kind, qint64 accountId, qint64 amount) {
    PostingRequest r;
    r.kind = kind;
    r.accountId = accountId;
    r.amount = amount;
    r.idempotencyKey = QUuid::createUuid().toString();
    const auto result = await(m_client->post(r));
    if (!result || result->status != PostingResult::Status::Posted)
        qFatal("post: %s", result ? "held for approval" : qPrintable(result.error().message));
}

void TestCharts::moveRollupsBack(qint64 accountId, int days) {
    QString error;
    if (!m_raw->exec(QStringLiteral("UPDATE daily_rollups SET day = day - %1 WHERE account_id = %2")
                         .arg(days)
                         .arg(accountId),
                     &error))
        qFatal("move rollups: %s", qPrintable(error));
}

std::unique_ptr<BalanceChartView> TestCharts::chartOf(const Account &account, BalanceChartView::Range range) {
    auto chart = std::make_unique<BalanceChartView>();
    chart->resize(1000, 700);
    chart->show();
    if (!QTest::qWaitForWindowExposed(chart.get()))
        qFatal("the chart was not shown");
    chart->setRange(range);
    chart->setAccount(m_client.get(), account.id, account.currency, account.exponent);
    if (!QTest::qWaitFor([&] { return !chart->isLoading(); }, Waiting))
        qFatal("the chart did not load");
    QTest::qWait(50); // the layout settles: the series follow the plot's width
    return chart;
}

qint64 TestCharts::busiestPlayerAccount() {
    return m_raw->scalar(QStringLiteral("SELECT r.account_id FROM daily_rollups r JOIN accounts a ON a.id = "
                                        "r.account_id WHERE a.kind = 'player' "
                                        "AND a.player_ref NOT LIKE 'chart-%' GROUP BY r.account_id ORDER BY "
                                        "count(*) DESC, r.account_id LIMIT 1"));
}

void TestCharts::stepLineHoldsTheBalanceBetweenEntries() {
    // One deposit 20 days ago, nothing since.
    const Account account = newAccount(QStringLiteral("GOLD"));
    post(TransactionKind::Deposit, account.id, 500);
    moveRollupsBack(account.id, 20);
    const qint64 depositDay = todayStart() - 20 * MsPerDay;

    const auto chart = chartOf(account, BalanceChartView::Range::Month);
    QCOMPARE(chart->days().size(), 1);
    QCOMPARE(chart->days().first().dayStartMs, depositDay);
    QCOMPARE(chart->fromMs(), todayStart() - 29 * MsPerDay);
    QCOMPARE(chart->toMs(), todayStart() + MsPerDay);
    const QList<SeriesPoint> &points = chart->points();
    QVERIFY(!points.isEmpty());
    QCOMPARE(points.first().t, chart->fromMs());
    QCOMPARE(points.last().t, chart->toMs());
    QCOMPARE(points.last().v, 500);
    // Zero up to the deposit's day, 500 from its start and at every moment after: no slope anywhere.
    for (const SeriesPoint &p : points) {
        if (p.t < depositDay)
            QCOMPARE(p.v, 0);
        else
            QCOMPARE(p.v, 500);
    }
    for (qint64 t = chart->fromMs(); t < chart->toMs(); t += MsPerDay / 4)
        QCOMPARE(BalanceChartView::valueAt(points, t), t < depositDay ? 0 : 500);
    // What is drawn is the same line.
    const QList<QPointF> drawn = chart->balanceSeries()->points();
    QCOMPARE(drawn.size(), points.size());
    for (qsizetype i = 0; i < drawn.size(); ++i)
        QCOMPARE(drawn.at(i), QPointF(qreal(points.at(i).t), qreal(points.at(i).v)));

    // The hover read-out: the day and the balance in currency units, on the deposit's day and a quiet day.
    ChartPanel *panel = chart->balancePanel();
    const qint64 depositNoon = depositDay + MsPerDay / 2; // in whole milliseconds, then to the chart's x
    panel->showHoverAt(QPointF(qreal(depositNoon), 250.0));
    QVERIFY2(panel->hoverText().contains(BalanceChartView::dayText(depositDay)),
             qPrintable(panel->hoverText()));
    QVERIFY2(panel->hoverText().contains(u"500 GOLD"), qPrintable(panel->hoverText()));
    const qint64 quietDay = depositDay + 7 * MsPerDay;
    panel->showHoverAt(QPointF(qreal(quietDay + 1000), 0.0));
    QVERIFY2(panel->hoverText().contains(BalanceChartView::dayText(quietDay)),
             qPrintable(panel->hoverText()));
    QVERIFY2(panel->hoverText().contains(u"500 GOLD, no entries"), qPrintable(panel->hoverText()));

    // Seven days hold no entry: the line is the balance, flat, and the chart says there were no entries.
    chart->setRange(BalanceChartView::Range::Week);
    QTRY_VERIFY_WITH_TIMEOUT(!chart->isLoading(), Waiting);
    QVERIFY(chart->days().isEmpty());
    QCOMPARE(chart->points().size(), 2);
    QCOMPARE(chart->points().first().v, 500);
    QCOMPARE(chart->points().last().v, 500);
}

void TestCharts::stepLineFollowsEveryDaysClosing() {
    const qint64 id = busiestPlayerAccount();
    const Account account = *await(m_client->account(id));
    const auto chart = chartOf(account, BalanceChartView::Range::All);
    const QList<BalancePoint> days = *await(m_client->balanceSeries(id, 0, 0));
    QVERIFY(days.size() > 5);
    QCOMPARE(chart->days().size(), days.size());
    QCOMPARE(chart->fromMs(), days.first().dayStartMs);
    const QList<SeriesPoint> &points = chart->points();
    QCOMPARE(points.last().v, account.balance);
    // Every day shows its closing from its start; between days with entries the last closing holds.
    int quietDays = 0;
    for (qsizetype i = 0; i < days.size(); ++i) {
        const BalancePoint &d = days.at(i);
        const qint64 next = i + 1 < days.size() ? days.at(i + 1).dayStartMs : chart->toMs();
        for (qint64 t = d.dayStartMs; t < next; t += MsPerDay / 2)
            QCOMPARE(BalanceChartView::valueAt(points, t), d.closing);
        QCOMPARE(BalanceChartView::valueAt(points, next - 1), d.closing);
        quietDays += int((next - d.dayStartMs) / MsPerDay - 1);
    }
    QVERIFY2(quietDays > 0, "the demo account has no quiet day between two active ones");
    // No segment slopes: consecutive points are either level or one millisecond apart (a step).
    for (qsizetype i = 1; i < points.size(); ++i)
        QVERIFY(points.at(i).v == points.at(i - 1).v || points.at(i).t - points.at(i - 1).t == 1);
}

void TestCharts::bandSpansTheLowAndHighOfABusyDay() {
    // 500 three days ago; today 500 → 300 → 350 → 250.
    const Account account = newAccount(QStringLiteral("GOLD"));
    post(TransactionKind::Deposit, account.id, 500);
    moveRollupsBack(account.id, 3);
    post(TransactionKind::Withdrawal, account.id, 200);
    post(TransactionKind::Deposit, account.id, 50);
    post(TransactionKind::Withdrawal, account.id, 100);

    const auto chart = chartOf(account, BalanceChartView::Range::Week);
    QCOMPARE(chart->days().size(), 2);
    const BalancePoint today = chart->days().last();
    QCOMPARE(today.dayStartMs, todayStart());
    QCOMPARE(today.entryCount, 3);
    QCOMPARE(today.opening, 500);
    QCOMPARE(today.closing, 250);
    QCOMPARE(today.low, 250);
    QCOMPARE(today.high, 500);
    const QList<BalancePoint> rollups = *await(m_client->balanceSeries(account.id, todayStart(), 0));
    QCOMPARE(rollups.size(), 1);
    QCOMPARE(rollups.first().low, today.low);
    QCOMPARE(rollups.first().high, today.high);

    // The band is an area from the day's low to its high across the whole day, see-through.
    QAreaSeries *band = chart->rangeBand();
    QVERIFY(band);
    QVERIFY(band->chart() == chart->balancePanel()->chart());
    const QList<QPointF> upper = band->upperSeries()->points(), lower = band->lowerSeries()->points();
    QVERIFY(upper.contains(QPointF(qreal(today.dayStartMs), 500.0)));
    QVERIFY(upper.contains(QPointF(qreal(today.dayStartMs + MsPerDay), 500.0)));
    QVERIFY(lower.contains(QPointF(qreal(today.dayStartMs), 250.0)));
    QVERIFY(lower.contains(QPointF(qreal(today.dayStartMs + MsPerDay), 250.0)));
    QVERIFY(band->brush().color().alpha() < 255);
    QVERIFY(band->brush().color().alpha() > 0);
    // The step line crosses today at its closing, inside the band.
    QCOMPARE(BalanceChartView::valueAt(chart->points(), today.dayStartMs + MsPerDay / 2), 250);
    QVERIFY(chart->describePointNear(today.dayStartMs + 1000).contains(u"low 250"));
    QVERIFY(chart->describePointNear(today.dayStartMs + 1000).contains(u"high 500"));
}

void TestCharts::barsAreEachDaysMoneyInAndOut() {
    const qint64 id = busiestPlayerAccount();
    const Account account = *await(m_client->account(id));
    const auto chart = chartOf(account, BalanceChartView::Range::All);
    const QList<BalancePoint> days = *await(m_client->balanceSeries(id, 0, 0));
    QCOMPARE(chart->spans().size(), days.size()); // a bar a day: two months fit
    QVERIFY(chart->inflowSeries()->chart() == chart->flowsPanel()->chart());
    QVERIFY(chart->outflowSeries()->chart() == chart->flowsPanel()->chart());
    // Each bar's top is the day's inflow (up) or outflow (down), within the day.
    auto barOf = [](QAreaSeries *series, qint64 dayStart) -> std::optional<qreal> {
        std::optional<qreal> top;
        for (const QPointF &p : series->upperSeries()->points())
            if (p.x() > qreal(dayStart) && p.x() < qreal(dayStart + MsPerDay) && p.y() != 0)
                top = p.y();
        return top;
    };
    int inDays = 0, outDays = 0;
    for (const BalancePoint &d : days) {
        const auto in = barOf(chart->inflowSeries(), d.dayStartMs),
                   out = barOf(chart->outflowSeries(), d.dayStartMs);
        if (d.inflow == 0) {
            QVERIFY(!in);
        } else {
            QVERIFY(in);
            QCOMPARE(*in, qreal(d.inflow));
            ++inDays;
        }
        if (d.outflow == 0) {
            QVERIFY(!out);
        } else {
            QVERIFY(out);
            QCOMPARE(*out, -qreal(d.outflow));
            ++outDays;
        }
    }
    QVERIFY(inDays > 0 && outDays > 0);
    // Four points a bar, nothing else off zero.
    qsizetype nonZero = 0;
    for (const QPointF &p : chart->inflowSeries()->upperSeries()->points())
        nonZero += p.y() != 0 ? 1 : 0;
    QCOMPARE(nonZero, 2 * inDays);
    // The read-out of a day names its money in and out exactly.
    const auto both =
        std::find_if(days.cbegin(), days.cend(), [](const BalancePoint &d) { return d.inflow && d.outflow; });
    QVERIFY2(both != days.cend(), "the demo account has no day with money both in and out");
    const BalancePoint &busy = *both;
    const QString text = chart->describePointNear(busy.dayStartMs + MsPerDay / 2);
    const QLocale locale;
    QVERIFY2(text.contains(
                 QStringLiteral("in +%1").arg(Money::formatLocalized(busy.inflow, account.exponent, locale))),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("out −%1").arg(
                 Money::formatLocalized(busy.outflow, account.exponent, locale))),
             qPrintable(text));
    QVERIFY2(text.contains(account.currency), qPrintable(text));
}

void TestCharts::aLongHistoryIsThinnedToThePixels() {
    // 2000 days of rollups up to today, written straight into the table: a saw-tooth balance, money in and
    // out.
    const Account account = newAccount(QStringLiteral("GOLD"));
    constexpr int Days = 2000;
    const qint64 today = todayStart() / MsPerDay;
    QString error;
    QVERIFY2(
        m_raw->exec(
            QStringLiteral(
                "WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM k WHERE n < %1) "
                "INSERT INTO daily_rollups (account_id, shard, day, opening, closing, low, high, inflow, "
                "outflow, entry_count) SELECT %2, 0, %3 - %1 + n, "
                "CASE WHEN n = 0 THEN 0 ELSE 1000 + ((n - 1) % 50) * 20 END, 1000 + (n % 50) * 20, 0, "
                "3000, 20 * (n % 3), 5 * (n % 2), 2 FROM k")
                .arg(Days - 1)
                .arg(account.id)
                .arg(today),
            &error),
        qPrintable(error));
    const auto chart = chartOf(account, BalanceChartView::Range::All);
    QCOMPARE(chart->days().size(), Days);
    QCOMPARE(chart->fromMs(), (today - Days + 1) * MsPerDay);
    const int columns = int(chart->balancePanel()->chart()->plotArea().width());
    QVERIFY2(columns > 500, qPrintable(QString::number(columns)));
    // The line: at most four points a pixel column, every extreme kept, ending at the last closing.
    const QList<SeriesPoint> &points = chart->points();
    QVERIFY2(points.size() <= qsizetype(4) * columns, qPrintable(QString::number(points.size())));
    QCOMPARE(points.last().v, chart->days().last().closing);
    const auto [low, high] = std::minmax_element(
        points.cbegin(), points.cend(), [](const SeriesPoint &a, const SeriesPoint &b) { return a.v < b.v; });
    QCOMPARE(low->v, 1000);
    QCOMPARE(high->v, 1980);
    QCOMPARE(chart->balanceSeries()->points().size(), points.size());
    // Band and bars: several days a span, bars at least two pixels wide, no money lost on the way.
    const QList<BalanceChartView::Span> &spans = chart->spans();
    QVERIFY(spans.size() <= columns / 2 + 1);
    const qint64 perSpan = (spans.first().endMs - spans.first().startMs) / MsPerDay;
    QVERIFY(perSpan >= 2);
    qint64 in = 0, out = 0, spanIn = 0, spanOut = 0;
    for (const BalancePoint &d : chart->days()) {
        in += d.inflow;
        out += d.outflow;
    }
    for (const BalanceChartView::Span &sp : spans) {
        spanIn += sp.inflow;
        spanOut += sp.outflow;
        QCOMPARE(sp.low, 0);
        QCOMPARE(sp.high, 3000);
    }
    QCOMPARE(spanIn, in);
    QCOMPARE(spanOut, out);
    QVERIFY(chart->inflowSeries()->upperSeries()->points().size() <= 4 * spans.size());
    // The read-out says which days a span holds.
    const BalanceChartView::Span &second = spans.at(1);
    const QString text = chart->describePointNear(second.startMs + MsPerDay / 2);
    QVERIFY2(text.startsWith(QStringLiteral("%1 to %2 (UTC)")
                                 .arg(BalanceChartView::dayText(second.startMs),
                                      BalanceChartView::dayText(second.endMs - MsPerDay))),
             qPrintable(text));
}

void TestCharts::zoomNarrowsTheTimeAxisAndResetRestoresIt() {
    const Account account = *await(m_client->account(busiestPlayerAccount()));
    const auto chart = chartOf(account, BalanceChartView::Range::All);
    InteractiveChartView *view = chart->balancePanel()->view();
    auto *axis = qobject_cast<QDateTimeAxis *>(chart->balancePanel()->chart()->axes(Qt::Horizontal).first());
    auto *flowsAxis =
        qobject_cast<QDateTimeAxis *>(chart->flowsPanel()->chart()->axes(Qt::Horizontal).first());
    QVERIFY(axis && flowsAxis);
    const qint64 min = axis->min().toMSecsSinceEpoch(), max = axis->max().toMSecsSinceEpoch();
    QCOMPARE(min, chart->fromMs());
    QCOMPARE(max, chart->toMs());

    view->zoomAround(chart->balancePanel()->chart()->plotArea().center().x(), 0.5);
    QVERIFY(view->isZoomed());
    const qint64 zoomedMin = axis->min().toMSecsSinceEpoch(), zoomedMax = axis->max().toMSecsSinceEpoch();
    QVERIFY2(zoomedMin > min && zoomedMax < max, "zooming in narrows the range on both sides");
    QVERIFY(qAbs((zoomedMax - zoomedMin) - (max - min) / 2) < (max - min) / 100);
    // The money in and out below shows the same days.
    QCOMPARE(flowsAxis->min().toMSecsSinceEpoch(), zoomedMin);
    QCOMPARE(flowsAxis->max().toMSecsSinceEpoch(), zoomedMax);

    // A refresh (the window reloads after every posting) keeps the zoom.
    QSignalSpy loaded(chart.get(), &BalanceChartView::loaded);
    chart->reload();
    QTRY_VERIFY_WITH_TIMEOUT(loaded.count() == 1 && !chart->isLoading(), Waiting);
    QVERIFY(view->isZoomed());
    QCOMPARE(axis->min().toMSecsSinceEpoch(), zoomedMin);
    QCOMPARE(axis->max().toMSecsSinceEpoch(), zoomedMax);

    view->resetZoom();
    QVERIFY(!view->isZoomed());
    QCOMPARE(axis->min().toMSecsSinceEpoch(), min);
    QCOMPARE(axis->max().toMSecsSinceEpoch(), max);
    QCOMPARE(flowsAxis->min().toMSecsSinceEpoch(), min);
    QCOMPARE(flowsAxis->max().toMSecsSinceEpoch(), max);

    // Another range starts unzoomed, on its own days.
    chart->flowsPanel()->view()->zoomAround(chart->flowsPanel()->chart()->plotArea().center().x(), 0.5);
    QCOMPARE(axis->max().toMSecsSinceEpoch(),
             flowsAxis->max().toMSecsSinceEpoch()); // the other way round too
    QVERIFY(axis->max().toMSecsSinceEpoch() < max);
    chart->setRange(BalanceChartView::Range::Month);
    QTRY_VERIFY_WITH_TIMEOUT(!chart->isLoading(), Waiting);
    QVERIFY(!view->isZoomed() && !chart->flowsPanel()->view()->isZoomed());
    QCOMPARE(axis->min().toMSecsSinceEpoch(), chart->fromMs());
    QCOMPARE(axis->max().toMSecsSinceEpoch(), chart->toMs());
    QCOMPARE(chart->toMs() - chart->fromMs(), 30 * MsPerDay);
}

void TestCharts::savesPngAndSvgAtTheViewsSize() {
    const Account account = *await(m_client->account(busiestPlayerAccount()));
    const auto chart = chartOf(account, BalanceChartView::Range::All);
    ChartPanel *panel = chart->balancePanel();
    const QString png = m_dir.filePath(QStringLiteral("balance.png")),
                  svg = m_dir.filePath(QStringLiteral("balance.svg"));
    QVERIFY(panel->savePng(png));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), panel->view()->size() * panel->view()->devicePixelRatio());
    QVERIFY(panel->saveSvg(svg));
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBoxF(), QRectF(QPointF(0, 0), QSizeF(panel->view()->size())));
    // The size travels in millimetres with three decimals: within a pixel of the view's.
    QVERIFY2(qAbs(renderer.defaultSize().width() - panel->view()->width()) <= 1 &&
                 qAbs(renderer.defaultSize().height() - panel->view()->height()) <= 1,
             qPrintable(QStringLiteral("%1x%2")
                            .arg(renderer.defaultSize().width())
                            .arg(renderer.defaultSize().height())));
}

std::unique_ptr<MainWindow> TestCharts::mainWindow() {
    QString error;
    auto client = std::make_unique<LocalLedgerClient>();
    const auto session = await(client->connectTo(*DatabaseUrl::parse(m_url, &error), Admin));
    if (!session)
        qFatal("connect: %s", qPrintable(session.error().message));
    auto window = std::make_unique<MainWindow>();
    window->setPollInterval(0);
    window->setClient(client.release());
    window->resize(1200, 800);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()) ||
        !QTest::qWaitFor([&] { return window->accountsPage()->model()->isIdle(); }, Waiting))
        qFatal("the main window did not load");
    return window;
}

namespace {
/// Clicks row `row` of the accounts list as a person would, with `modifiers` (Ctrl adds to the selection).
void clickRow(QTableView *table, int row, Qt::KeyboardModifiers modifiers = {}) {
    table->scrollTo(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers,
                      table->visualRect(table->model()->index(row, AccountTableModel::NameColumn)).center());
}

/// The first two rows of the list in `currency` (and a row in another currency in *other).
std::pair<int, int> rowsIn(AccountTableModel *model, const QString &currency, int *other) {
    int first = -1, second = -1;
    for (int row = 0; row < model->rowCount() && row < 200; ++row) {
        const auto a = model->accountAt(row);
        if (!a)
            continue;
        if (a->currency != currency) {
            if (*other < 0 && a->currency != u"TREASURE_BOX")
                *other = row;
        } else if (first < 0) {
            first = row;
        } else if (second < 0) {
            second = row;
        }
    }
    return {first, second};
}
} // namespace

void TestCharts::compareOverlaysOneStepLinePerAccount() {
    const auto window = mainWindow();
    AccountsPage *page = window->accountsPage();
    QTableView *table = page->table();
    int other = -1;
    const auto [a, b] = rowsIn(page->model(), QStringLiteral("GOLD"), &other);
    QVERIFY(a >= 0 && b >= 0);
    QAction *compare = window->action(QStringLiteral("compare"));
    QVERIFY(compare);
    QVERIFY(!compare->shortcut().isEmpty());
    clickRow(table, a);
    QTRY_COMPARE(page->selectedAccounts().size(), 1);
    QVERIFY2(!compare->isEnabled(), "one account is nothing to compare");
    clickRow(table, b, Qt::ControlModifier);
    QTRY_COMPARE(page->selectedAccounts().size(), 2);
    QVERIFY(compare->isEnabled());
    QVERIFY(table->actions().contains(compare)); // the list's context menu offers it too

    compare->trigger();
    auto *compareWindow = window->findChild<CompareChartWindow *>();
    QVERIFY(compareWindow);
    QTRY_VERIFY(compareWindow->isVisible());
    QVERIFY(compareWindow->isWindow());
    QTRY_VERIFY_WITH_TIMEOUT(!compareWindow->isLoading(), Waiting);
    compareWindow->setRange(BalanceChartView::Range::All);
    QTRY_VERIFY_WITH_TIMEOUT(!compareWindow->isLoading(), Waiting);

    const QList<Account> accounts = compareWindow->accounts();
    QCOMPARE(accounts.size(), 2);
    QCOMPARE(accounts.at(0).id, page->model()->accountAt(a)->id);
    QCOMPARE(accounts.at(1).id, page->model()->accountAt(b)->id);
    const QList<QLineSeries *> series = compareWindow->series();
    QCOMPARE(series.size(), 2);
    QCOMPARE(compareWindow->panel()->chart()->series().size(), 2);
    QVERIFY(series.at(0)->pen().color() != series.at(1)->pen().color());
    for (int i = 0; i < 2; ++i) {
        const Account &account = accounts.at(i);
        const qint64 balance =
            m_raw->scalar(QStringLiteral("SELECT balance FROM accounts WHERE id = %1").arg(account.id));
        QVERIFY(series.at(i)->name().contains(account.playerRef));
        QVERIFY(series.at(i)->name().contains(account.name));
        QVERIFY(series.at(i)->name().contains(u"GOLD"));
        QCOMPARE(compareWindow->panel()->chart()->legend()->markers(series.at(i)).size(), 1);
        QVERIFY(compareWindow->panel()->chart()->legend()->markers(series.at(i)).first()->isVisible());
        QCOMPARE(compareWindow->lineOf(i).last().v, balance);
        QCOMPARE(compareWindow->lineOf(i).last().t, compareWindow->toMs());
        QCOMPARE(series.at(i)->points().last().y(), qreal(balance));
        // Each line is the account's own chart: the same step line.
        const QList<BalancePoint> days = *await(m_client->balanceSeries(account.id, 0, 0));
        QCOMPARE(compareWindow->lineOf(i),
                 BalanceChartView::stepLine(days, compareWindow->fromMs(), compareWindow->toMs()));
    }
    // The read-out lists both accounts' balances on the day under the mouse.
    const qint64 lastDay = compareWindow->toMs() - MsPerDay;
    compareWindow->panel()->showHoverAt(QPointF(qreal(lastDay + 1000), 0));
    const QString text = compareWindow->panel()->hoverText();
    QVERIFY2(text.contains(BalanceChartView::dayText(lastDay)), qPrintable(text));
    for (int i = 0; i < 2; ++i)
        QVERIFY2(
            text.contains(QStringLiteral("%1: %2 GOLD")
                              .arg(accounts.at(i).playerRef,
                                   Money::formatLocalized(compareWindow->lineOf(i).last().v, 0, QLocale()))),
            qPrintable(text));
}

void TestCharts::compareRefusesAccountsOfDifferentCurrencies() {
    const auto window = mainWindow();
    AccountsPage *page = window->accountsPage();
    int other = -1;
    const int gold = rowsIn(page->model(), QStringLiteral("GOLD"), &other).first;
    QVERIFY(gold >= 0 && other >= 0);
    clickRow(page->table(), std::min(gold, other));
    clickRow(page->table(), std::max(gold, other), Qt::ControlModifier);
    QTRY_COMPARE(page->selectedAccounts().size(), 2);
    const QString first = page->selectedAccounts().at(0).currency,
                  second = page->selectedAccounts().at(1).currency;
    QVERIFY(first != second);
    QAction *compare = window->action(QStringLiteral("compare"));
    QVERIFY(compare->isEnabled());
    compare->trigger();
    QTRY_VERIFY(window->findChild<QMessageBox *>(QStringLiteral("compareRefused")));
    auto *box = window->findChild<QMessageBox *>(QStringLiteral("compareRefused"));
    QCOMPARE(box->text(),
             QStringLiteral("These accounts hold different currencies (%1, %2); compare accounts of one "
                            "currency.")
                 .arg(first, second));
    QVERIFY(!window->findChild<CompareChartWindow *>());
    box->accept();
}

QTEST_MAIN(TestCharts)
#include "tst_charts.moc"

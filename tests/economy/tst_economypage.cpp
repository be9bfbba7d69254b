// The economy page as an analyst uses it: its figures against the ledger's own rows, a click on a bar opening
// the transactions behind it, zoom and reset, and what it saves (PNG, SVG, CSV).

#include "chartpanel.h"
#include "demogenerator.h"
#include "economycharts.h"
#include "economypage.h"
#include "interactivechartview.h"
#include "journalpage.h"
#include "journaltablemodel.h"
#include "localledgerclient.h"
#include "mainwindow.h"
#include "testsupport.h"

#include <QAbstractAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QSettings>
#include <QStandardItemModel>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace WalletDeskTest;

namespace {
const QString Admin = QStringLiteral("root");
constexpr qint64 MsPerDay = 86400000;
} // namespace

class TestEconomyPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheLedgersFiguresForTheWholeDemo();
    void hoverReadsTheExactFiguresOfTheDay();
    void clickingABarOpensItsTransactionsInTheJournal();
    void zoomAndResetChangeOnlyTheTimeAxis();
    void chartsSaveAsPngAndSvgAtTheirShownSize();
    void tablesExportAsCsvWithExactAmounts();
    void aCustomRangeShowsJustItsDays();

private:
    EconomyPage *loadedPage(EconomyPage::Range range = EconomyPage::Range::All);

    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<RawDb> m_raw;
    std::unique_ptr<MainWindow> m_window;
};

void TestEconomyPage::initTestCase() {
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_dir.filePath(QStringLiteral("settings")));
    QString error;
    m_url = databaseUrl(QStringLiteral("sqlite"), m_dir, &error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    LedgerService service;
    QVERIFY(await(service.open(*DatabaseUrl::parse(m_url, &error))).ok());
    QVERIFY(await(service.run([](LedgerStore &s) { return s.bootstrapAdmin(Admin); })).ok());
    DemoOptions o;
    o.players = 400;
    o.days = 30;
    QVERIFY(await(service.run([o](LedgerStore &s) { return DemoGenerator(s, o, Admin).run(); })).ok());
    m_raw = std::make_unique<RawDb>(m_url);
}

void TestEconomyPage::init() {
    QString error;
    auto *client = new LocalLedgerClient;
    QVERIFY(await(client->connectTo(*DatabaseUrl::parse(m_url, &error), Admin)).ok());
    m_window = std::make_unique<MainWindow>();
    m_window->setPollInterval(0);
    m_window->resize(1280, 860);
    m_window->setClient(client); // takes ownership
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestEconomyPage::cleanup() {
    m_window.reset();
}

EconomyPage *TestEconomyPage::loadedPage(EconomyPage::Range range) {
    EconomyPage *page = m_window->economyPage();
    m_window->tabs()->setCurrentWidget(page);
    // The currencies arrive asynchronously; GOLD is the demo's main currency.
    if (!QTest::qWaitFor(
            [&] { return page->findChild<QComboBox *>(QStringLiteral("economyCurrency"))->count() > 0; }))
        return nullptr;
    page->setCurrency(QStringLiteral("GOLD"));
    page->setRange(range);
    if (!QTest::qWaitFor([&] { return !page->isLoading() && page->report().currency == u"GOLD"; }, 10000))
        return nullptr;
    return page;
}

void TestEconomyPage::showsTheLedgersFiguresForTheWholeDemo() {
    EconomyPage *page = loadedPage();
    QVERIFY(page);
    const EconomyReport &r = page->report();
    // 30 simulated days, plus today for the desk work posted after them.
    QCOMPARE(r.days.size(), 31);
    QVERIFY(r.unbalancedDays().isEmpty());
    const qint64 balances = m_raw->scalar(
        QStringLiteral("SELECT SUM(balance) FROM accounts WHERE kind = 'player' AND currency = 'GOLD'"));
    QCOMPARE(r.days.last().holdings, balances);
    QVERIFY2(page->identityText().contains(QStringLiteral("Every day adds up")),
             qPrintable(page->identityText()));
    QVERIFY(page->identityText().contains(QStringLiteral("equal the sum of all player balances")));

    // The holdings line ends at the same figure, drawn as a step: two points a day.
    QLineSeries *holdings = nullptr;
    for (QAbstractSeries *s : page->holdingsChart()->chart()->series())
        if (s->name() == u"Player holdings")
            holdings = qobject_cast<QLineSeries *>(s);
    QVERIFY(holdings);
    QCOMPARE(holdings->count(), 2 * r.days.size());
    QCOMPARE(qint64(holdings->at(holdings->count() - 1).y()), balances);
    QCOMPARE(holdings->at(0).y(), holdings->at(1).y());

    // Sources by kind in the flows table add up to the journal's deposits into players.
    const qint64 deposits = m_raw->scalar(QStringLiteral(
        "SELECT SUM(e.amount) FROM entries e JOIN accounts a ON a.id = e.account_id JOIN transactions t ON "
        "t.id = e.transaction_id WHERE a.kind = 'player' AND a.currency = 'GOLD' AND t.kind = 'deposit'"));
    bool found = false;
    auto *flows = qobject_cast<QStandardItemModel *>(page->flowsTable()->model());
    for (int row = 0; row < flows->rowCount(); ++row)
        if (flows->item(row, 0)->data(Qt::UserRole).toString() == u"deposit") {
            QCOMPARE(flows->item(row, 2)->data(Qt::UserRole).toLongLong(), deposits);
            found = true;
        }
    QVERIFY(found);

    // The histogram counts every GOLD player account once.
    const BalanceDistribution &d = page->distribution();
    QCOMPARE(d.players, m_raw->scalar(QStringLiteral(
                            "SELECT COUNT(*) FROM accounts WHERE kind = 'player' AND currency = 'GOLD'")));
    auto *bars = qobject_cast<QBarSeries *>(page->histogramChart()->chart()->series().value(0));
    QVERIFY(bars);
    qint64 counted = 0;
    for (int i = 0; i < bars->barSets().at(0)->count(); ++i)
        counted += qint64(bars->barSets().at(0)->at(i));
    QCOMPARE(counted, d.players);
    QCOMPARE(page->holdersTable()->model()->rowCount(), 100);
}

void TestEconomyPage::hoverReadsTheExactFiguresOfTheDay() {
    EconomyPage *page = loadedPage();
    QVERIFY(page);
    const EconomyDay &day = page->report().days.at(10);
    const qint64 noon = day.dayStartMs + MsPerDay / 2; // in whole milliseconds, then to the chart's x
    page->holdingsChart()->showHoverAt(QPointF(qreal(noon), 0));
    const QString text = page->holdingsChart()->hoverText();
    QVERIFY2(text.contains(QLocale().toString(day.holdings)), qPrintable(text));
    QVERIFY(text.contains(QLocale().toString(day.sourcesTotal())));
    // Over a kind's bar the read-out names the kind and its exact amount.
    const qint64 deposits = day.sources.value(TransactionKind::Deposit);
    QVERIFY(deposits > 0);
    page->flowsChart()->showHoverAt(QPointF(qreal(noon), qreal(deposits) / 2));
    QVERIFY2(page->flowsChart()->hoverText().contains(QLocale().toString(deposits)),
             qPrintable(page->flowsChart()->hoverText()));
    QVERIFY(page->flowsChart()->hoverText().contains(QStringLiteral("Deposit")));
}

void TestEconomyPage::clickingABarOpensItsTransactionsInTheJournal() {
    EconomyPage *page = loadedPage();
    QVERIFY(page);
    const EconomyDay &day = page->report().days.at(12);
    const qint64 deposits = day.sources.value(TransactionKind::Deposit);
    QVERIFY(deposits > 0);
    // A real click in the middle of the day's deposit bar (deposits are stacked first, from zero).
    InteractiveChartView *view = page->flowsChart()->view();
    QChart *chart = page->flowsChart()->chart();
    const qint64 noon = day.dayStartMs + MsPerDay / 2; // in whole milliseconds, then to the chart's x
    const QPointF scene = chart->mapToScene(chart->mapToPosition(QPointF(qreal(noon), qreal(deposits) / 2)));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(scene));

    JournalPage *journal = m_window->journalPage();
    QCOMPARE(m_window->tabs()->currentWidget(), journal);
    const JournalQuery q = journal->model()->query();
    QCOMPARE(q.kind, std::optional(TransactionKind::Deposit));
    QCOMPARE(q.currency, QStringLiteral("GOLD"));
    QCOMPARE(q.fromMs, day.dayStartMs);
    QCOMPARE(q.toMs, day.dayStartMs + MsPerDay);
    QTRY_VERIFY_WITH_TIMEOUT(journal->model()->rowCount() > 0, 10000);
    // What the journal lists adds up to the bar: every deposit entry on a GOLD player that day.
    const qint64 expectedRows = m_raw->scalar(
        QStringLiteral(
            "SELECT COUNT(*) FROM entries e JOIN accounts a ON a.id = e.account_id JOIN transactions t "
            "ON t.id = e.transaction_id WHERE a.kind = 'player' AND a.currency = 'GOLD' AND t.kind = "
            "'deposit' AND e.created_at >= %1 AND e.created_at < %2")
            .arg(day.dayStartMs)
            .arg(day.dayStartMs + MsPerDay));
    QTRY_COMPARE_WITH_TIMEOUT(qint64(journal->model()->rowCount()), expectedRows, 10000);
}

void TestEconomyPage::zoomAndResetChangeOnlyTheTimeAxis() {
    EconomyPage *page = loadedPage();
    QVERIFY(page);
    QChart *chart = page->holdingsChart()->chart();
    auto *axis = qobject_cast<QDateTimeAxis *>(chart->axes(Qt::Horizontal).value(0));
    QVERIFY(axis);
    const QDateTime min = axis->min(), max = axis->max();
    InteractiveChartView *view = page->holdingsChart()->view();
    view->zoomAround(chart->plotArea().center().x(), 0.5);
    QVERIFY(view->isZoomed());
    QVERIFY(axis->min() > min);
    QVERIFY(axis->max() < max);
    const qint64 zoomedSpan = axis->min().msecsTo(axis->max());
    QVERIFY(qAbs(zoomedSpan - min.msecsTo(max) / 2) < MsPerDay); // half the range, give or take rounding
    QTest::keyClick(view, Qt::Key_Right);
    QVERIFY(axis->max() > max.addMSecs(-min.msecsTo(max) / 2)); // panned later
    QTest::keyClick(view, Qt::Key_Home);
    QVERIFY(!view->isZoomed());
    QCOMPARE(axis->min(), min);
    QCOMPARE(axis->max(), max);
}

void TestEconomyPage::chartsSaveAsPngAndSvgAtTheirShownSize() {
    EconomyPage *page = loadedPage();
    QVERIFY(page);
    ChartPanel *panel = page->flowsChart();
    const QString png = m_dir.filePath(QStringLiteral("flows.png")),
                  svg = m_dir.filePath(QStringLiteral("flows.svg"));
    QVERIFY(panel->savePng(png));
    QVERIFY(panel->saveSvg(svg));
    const QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), panel->view()->size() * panel->view()->devicePixelRatio());
    QSvgRenderer renderer(svg);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox().size(), panel->view()->size());
    // The size travels in millimetres with three decimals: within a pixel of the view's.
    QVERIFY2(qAbs(renderer.defaultSize().width() - panel->view()->width()) <= 1 &&
                 qAbs(renderer.defaultSize().height() - panel->view()->height()) <= 1,
             qPrintable(QStringLiteral("%1x%2")
                            .arg(renderer.defaultSize().width())
                            .arg(renderer.defaultSize().height())));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<path")); // a drawing, not an embedded picture
}

void TestEconomyPage::tablesExportAsCsvWithExactAmounts() {
    EconomyPage *page = loadedPage();
    QVERIFY(page);
    const QString path = m_dir.filePath(QStringLiteral("days.csv"));
    QString error;
    QVERIFY2(page->exportTable(page->daysTable(), path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(),
             page->report().days.size() + 2); // header, days, the empty piece after the last CRLF
    QVERIFY(lines.at(0).startsWith("Day (UTC),Holdings,Sources,Sinks"));
    const EconomyDay &last = page->report().days.last();
    const QByteArray expected =
        QDateTime::fromMSecsSinceEpoch(last.dayStartMs, Qt::UTC).date().toString(Qt::ISODate).toUtf8() + ',' +
        QByteArray::number(last.holdings) + ',' + QByteArray::number(last.sourcesTotal()) + ',' +
        QByteArray::number(last.sinksTotal());
    QVERIFY2(lines.at(lines.size() - 2).startsWith(expected), lines.at(lines.size() - 2).constData());
}

void TestEconomyPage::aCustomRangeShowsJustItsDays() {
    EconomyPage *page = loadedPage();
    QVERIFY(page);
    const EconomyReport all = page->report();
    const QDate from = QDateTime::fromMSecsSinceEpoch(all.days.at(5).dayStartMs, Qt::UTC).date();
    page->setCustomRange(from, from.addDays(6));
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->report().days.size() == 7, 10000);
    const EconomyReport &week = page->report();
    QCOMPARE(week.days.first().dayStartMs, all.days.at(5).dayStartMs);
    QCOMPARE(week.openingHoldings, all.days.at(4).holdings);
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(week.days.at(i).holdings, all.days.at(5 + i).holdings);
        QCOMPARE(week.days.at(i).sources, all.days.at(5 + i).sources);
    }
    // A last day before the first is refused in words, and nothing is loaded.
    page->setCustomRange(from, from.addDays(-1));
    QVERIFY(!page->isLoading());
    QCOMPARE(page->findChild<QLabel *>(QStringLiteral("economyStatus"))->text(),
             QStringLiteral("The last day is before the first day."));
}

QTEST_MAIN(TestEconomyPage)
#include "tst_economypage.moc"

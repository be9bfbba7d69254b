#include "seriesreducer.h"

#include <QtTest/QTest>

class TestSeriesReducer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyDaysGiveAnEmptyLine();
    void daysBecomeAStepLineWithFlatEnds();
    void reduceKeepsAtMostFourPointsPerColumnAndEverySpike();
    void reduceLeavesShortLinesAlone();
    void reduceHandlesRangesOfManyYears();
};

namespace {
constexpr qint64 Day = 86400000;
}

void TestSeriesReducer::emptyDaysGiveAnEmptyLine() {
    QVERIFY(SeriesReducer::fromDays({}, 0, 10 * Day).isEmpty());
}

void TestSeriesReducer::daysBecomeAStepLineWithFlatEnds() {
    BalancePoint d1{2 * Day, 100, 150, 90, 200, 110, 60, 3}; // low and high outside opening/closing
    BalancePoint d2{5 * Day, 150, 120, 120, 150, 0, 30, 1};  // low/high equal the ends: no extra points
    const auto line = SeriesReducer::fromDays({d1, d2}, 0, 10 * Day);
    const QList<SeriesPoint> expected{
        {0, 100},           {2 * Day, 100}, {2 * Day + Day / 2, 90}, {2 * Day + Day / 2, 200},
        {3 * Day - 1, 150}, {5 * Day, 150}, {6 * Day - 1, 120},      {10 * Day, 120}};
    QCOMPARE(line, expected);
}

void TestSeriesReducer::reduceKeepsAtMostFourPointsPerColumnAndEverySpike() {
    QList<SeriesPoint> line;
    for (qint64 i = 0; i < 100000; ++i)
        line.append({i, i % 7});
    line[54321].v = 1000000;  // a spike
    line[12345].v = -1000000; // and a dip
    const auto reduced = SeriesReducer::reduce(line, 0, 100000, 200);
    QVERIFY2(reduced.size() <= qsizetype(4) * 200, qPrintable(QString::number(reduced.size())));
    QVERIFY(reduced.size() >= 200);
    QVERIFY(reduced.contains(SeriesPoint{54321, 1000000}));
    QVERIFY(reduced.contains(SeriesPoint{12345, -1000000}));
    QCOMPARE(reduced.first(), line.first());
    QCOMPARE(reduced.last(), line.last());
    for (int i = 1; i < reduced.size(); ++i)
        QVERIFY(reduced[i - 1].t <= reduced[i].t);
}

void TestSeriesReducer::reduceLeavesShortLinesAlone() {
    const QList<SeriesPoint> line{{0, 1}, {5, 2}, {9, 3}};
    QCOMPARE(SeriesReducer::reduce(line, 0, 10, 100), line);
}

void TestSeriesReducer::reduceHandlesRangesOfManyYears() {
    // Milliseconds over 300 years times a column count would overflow a naive multiplication.
    const qint64 span = 300LL * 365 * Day;
    QList<SeriesPoint> line;
    for (qint64 i = 0; i < 10000; ++i)
        line.append({i * (span / 10000), i});
    const auto reduced = SeriesReducer::reduce(line, 0, span, 1000);
    QVERIFY(reduced.size() <= 4000);
    QCOMPARE(reduced.last().v, 9999);
}

QTEST_GUILESS_MAIN(TestSeriesReducer)
#include "tst_seriesreducer.moc"

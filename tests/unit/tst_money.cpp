// Money (models/ledger/money.h): the canonical text form, its limits, what it rejects, the localized forms,
// and checked arithmetic. Everything here is exact: no floating point is involved anywhere.
#include "money.h"

#include <QLocale>
#include <QtTest>

#include <limits>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 Max = std::numeric_limits<qint64>::max();
constexpr qint64 Min = std::numeric_limits<qint64>::min();

QString describe(const QString &text) {
    return u'"' + text + u'"';
}

} // namespace

class TestMoney : public QObject {
    Q_OBJECT

private slots:
    // --- canonical form
    // --------------------------------------------------------------------------------------

    void canonicalRoundTrip_data() {
        QTest::addColumn<int>("exponent");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("text");

        QTest::newRow("e0 zero") << 0 << qint64(0) << u"0"_s;
        QTest::newRow("e0 seven") << 0 << qint64(7) << u"7"_s;
        QTest::newRow("e0 minus seven") << 0 << qint64(-7) << u"-7"_s;
        QTest::newRow("e0 1234") << 0 << qint64(1234) << u"1234"_s;
        QTest::newRow("e0 million") << 0 << qint64(1000000) << u"1000000"_s;

        QTest::newRow("e1 zero") << 1 << qint64(0) << u"0.0"_s;
        QTest::newRow("e1 half") << 1 << qint64(5) << u"0.5"_s;
        QTest::newRow("e1 minus half") << 1 << qint64(-5) << u"-0.5"_s;
        QTest::newRow("e1 one") << 1 << qint64(10) << u"1.0"_s;
        QTest::newRow("e1 123.4") << 1 << qint64(1234) << u"123.4"_s;

        QTest::newRow("e2 zero") << 2 << qint64(0) << u"0.00"_s;
        QTest::newRow("e2 one cent") << 2 << qint64(1) << u"0.01"_s;
        QTest::newRow("e2 minus one cent") << 2 << qint64(-1) << u"-0.01"_s;
        QTest::newRow("e2 ten cents") << 2 << qint64(10) << u"0.10"_s;
        QTest::newRow("e2 one") << 2 << qint64(100) << u"1.00"_s;
        QTest::newRow("e2 12.30") << 2 << qint64(1230) << u"12.30"_s;
        QTest::newRow("e2 -12.30") << 2 << qint64(-1230) << u"-12.30"_s;
        QTest::newRow("e2 1234567.89") << 2 << qint64(123456789) << u"1234567.89"_s;

        QTest::newRow("e3 zero") << 3 << qint64(0) << u"0.000"_s;
        QTest::newRow("e3 smallest") << 3 << qint64(1) << u"0.001"_s;
        QTest::newRow("e3 -1.000") << 3 << qint64(-1000) << u"-1.000"_s;
        QTest::newRow("e3 123.456") << 3 << qint64(123456) << u"123.456"_s;

        QTest::newRow("e4 zero") << 4 << qint64(0) << u"0.0000"_s;
        QTest::newRow("e4 smallest") << 4 << qint64(1) << u"0.0001"_s;
        QTest::newRow("e4 minus smallest") << 4 << qint64(-1) << u"-0.0001"_s;
        QTest::newRow("e4 1.2345") << 4 << qint64(12345) << u"1.2345"_s;
        QTest::newRow("e4 -9.9999") << 4 << qint64(-99999) << u"-9.9999"_s;
    }

    void canonicalRoundTrip() {
        QFETCH(int, exponent);
        QFETCH(qint64, minor);
        QFETCH(QString, text);

        QCOMPARE(Money::format(minor, exponent), text);
        const Money::ParseResult r = Money::parse(text, exponent);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.error.isEmpty());
        QCOMPARE(*r.minor, minor);
    }

    void roundTripSweep_data() {
        QTest::addColumn<int>("exponent");
        for (int e = 0; e <= 4; ++e)
            QTest::addRow("exponent %d", e) << e;
    }

    void roundTripSweep() {
        // Powers of ten and their neighbours, the int64 limits' neighbourhood, and pseudo-random values of
        // every magnitude: parse(format(x)) == x, and the text has exactly `exponent` decimals.
        QFETCH(int, exponent);
        QList<qint64> values;
        for (qint64 p = 1; p <= Max / 10; p *= 10)
            values << p - 1 << p << p + 1 << -(p - 1) << -p << -(p + 1);
        for (qint64 d = 0; d < 1000; ++d)
            values << Max - d << Min + d;
        quint64 state = 0x9e3779b97f4a7c15ULL;
        for (int i = 0; i < 20000; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            const int shift = int(state >> 58); // 0..63: spread over all magnitudes
            values << (qint64(state) >> shift);
        }
        for (qint64 v : values) {
            const QString text = Money::format(v, exponent);
            const qsizetype point = text.indexOf(u'.');
            if (exponent == 0)
                QCOMPARE(point, qsizetype(-1));
            else
                QCOMPARE(text.size() - point - 1, qsizetype(exponent));
            const Money::ParseResult r = Money::parse(text, exponent);
            QVERIFY2(r.ok(), qPrintable(u"%1 -> \"%2\": %3"_s.arg(v).arg(text, r.error)));
            QCOMPARE(*r.minor, v);
        }
    }

    void parseAcceptsShorterFractions_data() {
        QTest::addColumn<int>("exponent");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minor");
        QTest::newRow("e2 no decimals") << 2 << u"12"_s << qint64(1200);
        QTest::newRow("e2 one decimal") << 2 << u"1.5"_s << qint64(150);
        QTest::newRow("e2 negative one decimal") << 2 << u"-1.5"_s << qint64(-150);
        QTest::newRow("e4 two decimals") << 4 << u"0.25"_s << qint64(2500);
        QTest::newRow("e3 whole") << 3 << u"-4"_s << qint64(-4000);
    }

    void parseAcceptsShorterFractions() {
        QFETCH(int, exponent);
        QFETCH(QString, text);
        QFETCH(qint64, minor);
        const Money::ParseResult r = Money::parse(text, exponent);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(*r.minor, minor);
    }

    // --- int64 limits
    // ----------------------------------------------------------------------------------------

    void limits_data() {
        QTest::addColumn<int>("exponent");
        QTest::addColumn<QString>("maxText");  // INT64_MAX minor units
        QTest::addColumn<QString>("minText");  // INT64_MIN minor units
        QTest::addColumn<QString>("overMax");  // INT64_MAX + 1 minor units
        QTest::addColumn<QString>("underMin"); // INT64_MIN - 1 minor units
        QTest::newRow("e0") << 0 << u"9223372036854775807"_s << u"-9223372036854775808"_s
                            << u"9223372036854775808"_s << u"-9223372036854775809"_s;
        QTest::newRow("e1") << 1 << u"922337203685477580.7"_s << u"-922337203685477580.8"_s
                            << u"922337203685477580.8"_s << u"-922337203685477580.9"_s;
        QTest::newRow("e2") << 2 << u"92233720368547758.07"_s << u"-92233720368547758.08"_s
                            << u"92233720368547758.08"_s << u"-92233720368547758.09"_s;
        QTest::newRow("e3") << 3 << u"9223372036854775.807"_s << u"-9223372036854775.808"_s
                            << u"9223372036854775.808"_s << u"-9223372036854775.809"_s;
        QTest::newRow("e4") << 4 << u"922337203685477.5807"_s << u"-922337203685477.5808"_s
                            << u"922337203685477.5808"_s << u"-922337203685477.5809"_s;
    }

    void limits() {
        QFETCH(int, exponent);
        QFETCH(QString, maxText);
        QFETCH(QString, minText);
        QFETCH(QString, overMax);
        QFETCH(QString, underMin);

        QCOMPARE(Money::format(Max, exponent), maxText);
        QCOMPARE(Money::format(Min, exponent), minText);

        const Money::ParseResult max = Money::parse(maxText, exponent);
        QVERIFY2(max.ok(), qPrintable(max.error));
        QCOMPARE(*max.minor, Max);
        const Money::ParseResult min = Money::parse(minText, exponent);
        QVERIFY2(min.ok(), qPrintable(min.error));
        QCOMPARE(*min.minor, Min);

        for (const QString &text : {overMax, underMin}) {
            const Money::ParseResult r = Money::parse(text, exponent);
            QVERIFY2(!r.ok(), qPrintable(u"\"%1\" parsed as %2"_s.arg(text).arg(r.minor.value_or(0))));
            QVERIFY2(r.error.contains(u"too large"_s), qPrintable(r.error));
            QVERIFY2(r.error.contains(describe(text)), qPrintable(r.error));
        }
    }

    void overflowWithFewerDecimals() {
        // The missing decimals are zeros, so these are out of range too.
        for (const auto &[exponent, text] :
             {std::pair{2, u"92233720368547758.1"_s}, std::pair{2, u"92233720368547759"_s},
              std::pair{4, u"-922337203685477.581"_s}, std::pair{1, u"922337203685477581"_s}}) {
            const Money::ParseResult r = Money::parse(text, exponent);
            QVERIFY2(!r.ok(), qPrintable(text));
            QVERIFY2(r.error.contains(u"too large"_s), qPrintable(r.error));
        }
    }

    // --- malformed text
    // ---------------------------------------------------------------------------------------

    void rejects_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<QString>("because"); // a fragment of the expected message

        QTest::newRow("exponent notation") << u"1e5"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("negative zero e0") << u"-0"_s << 0 << u"negative zero"_s;
        QTest::newRow("negative zero e2 short") << u"-0"_s << 2 << u"negative zero"_s;
        QTest::newRow("negative zero e2") << u"-0.00"_s << 2 << u"negative zero"_s;
        QTest::newRow("negative zero e4") << u"-0.0000"_s << 4 << u"negative zero"_s;
        QTest::newRow("too many decimals") << u"0.001"_s << 2 << u"more than 2 decimal places"_s;
        QTest::newRow("decimals at e0") << u"1.5"_s << 0 << u"whole number"_s;
        QTest::newRow("zero decimals at e0") << u"1.0"_s << 0 << u"whole number"_s;
        QTest::newRow("grouping") << u"1,000"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("leading blank") << u" 1"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("trailing blank") << u"1 "_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("trailing newline") << u"1\n"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("empty") << QString() << 2 << u"empty"_s;
        QTest::newRow("empty, not null") << u""_s << 0 << u"empty"_s;
        QTest::newRow("plus sign") << u"+1"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("no integer part") << u".5"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("negative, no integer part") << u"-.5"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("no fraction digits") << u"5."_s << 2 << u"decimal point with no digits"_s;
        QTest::newRow("full-width digits") << u"\uff11\uff12"_s << 0 << u"not a plain decimal number"_s;
        QTest::newRow("arabic-indic digits") << u"\u0661\u0662"_s << 0 << u"not a plain decimal number"_s;
        QTest::newRow("30 digits") << u"123456789012345678901234567890"_s << 0 << u"too large"_s;
        QTest::newRow("30 digits negative") << u"-123456789012345678901234567890"_s << 2 << u"too large"_s;
        QTest::newRow("minus only") << u"-"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("double minus") << u"--1"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("unicode minus") << u"\u22121"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("two points") << u"1.2.3"_s << 4 << u"not a plain decimal number"_s;
        QTest::newRow("decimal comma") << u"1,5"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("hex") << u"0x10"_s << 0 << u"not a plain decimal number"_s;
        QTest::newRow("underscore") << u"1_000"_s << 0 << u"not a plain decimal number"_s;
        QTest::newRow("letters") << u"abc"_s << 0 << u"not a plain decimal number"_s;
        QTest::newRow("nan") << u"nan"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("inf") << u"inf"_s << 2 << u"not a plain decimal number"_s;
        QTest::newRow("embedded nul")
            << u"12"_s.insert(1, QChar(u'\0')) << 0 << u"not a plain decimal number"_s;
    }

    void rejects() {
        QFETCH(QString, text);
        QFETCH(int, exponent);
        QFETCH(QString, because);
        const Money::ParseResult r = Money::parse(text, exponent);
        QVERIFY2(!r.ok(), qPrintable(u"accepted as %1"_s.arg(r.minor.value_or(0))));
        QVERIFY2(r.error.contains(because), qPrintable(r.error));
        if (!text.isEmpty())
            QVERIFY2(r.error.contains(describe(text.left(40))), qPrintable(r.error)); // names the input
    }

    void longInputIsShortenedInTheMessage() {
        const QString text = QString(200, u'9');
        const Money::ParseResult r = Money::parse(text, 0);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.size() < 120, qPrintable(r.error));
    }

    void unsupportedExponent() {
        for (int exponent : {-1, 5, 18}) {
            const Money::ParseResult r = Money::parse(u"1"_s, exponent);
            QVERIFY(!r.ok());
            QVERIFY2(r.error.contains(u"exponent %1"_s.arg(exponent)), qPrintable(r.error));
        }
    }

    // --- localized forms
    // ----------------------------------------------------------------------------------------

    void localized_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<qint64>("minor");
        QTest::addColumn<QString>("text"); // what formatLocalized shows, and parseLocalized reads back

        QTest::newRow("en_US 1,234.56") << u"en_US"_s << 2 << qint64(123456) << u"1,234.56"_s;
        QTest::newRow("en_US -1,234.56") << u"en_US"_s << 2 << qint64(-123456) << u"-1,234.56"_s;
        QTest::newRow("en_US 0.05") << u"en_US"_s << 2 << qint64(5) << u"0.05"_s;
        QTest::newRow("en_US -0.05") << u"en_US"_s << 2 << qint64(-5) << u"-0.05"_s;
        QTest::newRow("en_US zero") << u"en_US"_s << 2 << qint64(0) << u"0.00"_s;
        QTest::newRow("en_US 999") << u"en_US"_s << 0 << qint64(999) << u"999"_s;
        QTest::newRow("en_US 100,000,000") << u"en_US"_s << 0 << qint64(100000000) << u"100,000,000"_s;
        QTest::newRow("en_US e4") << u"en_US"_s << 4 << qint64(12345678) << u"1,234.5678"_s;
        QTest::newRow("en_US max e2") << u"en_US"_s << 2 << Max << u"92,233,720,368,547,758.07"_s;
        QTest::newRow("en_US min e0") << u"en_US"_s << 0 << Min << u"-9,223,372,036,854,775,808"_s;

        QTest::newRow("de_DE 1.234,56") << u"de_DE"_s << 2 << qint64(123456) << u"1.234,56"_s;
        QTest::newRow("de_DE -1.234,56") << u"de_DE"_s << 2 << qint64(-123456) << u"-1.234,56"_s;
        QTest::newRow("de_DE 0,05") << u"de_DE"_s << 2 << qint64(5) << u"0,05"_s;
        QTest::newRow("de_DE 1.234.567") << u"de_DE"_s << 0 << qint64(1234567) << u"1.234.567"_s;
        QTest::newRow("de_DE e3") << u"de_DE"_s << 3 << qint64(-1234567) << u"-1.234,567"_s;
        QTest::newRow("de_DE min e2") << u"de_DE"_s << 2 << Min << u"-92.233.720.368.547.758,08"_s;

        QTest::newRow("fr_FR 1 234,56") << u"fr_FR"_s << 2 << qint64(123456) << u"1\u202f234,56"_s;
        QTest::newRow("fr_FR -1 234,56") << u"fr_FR"_s << 2 << qint64(-123456) << u"-1\u202f234,56"_s;
        QTest::newRow("fr_FR 12,30") << u"fr_FR"_s << 2 << qint64(1230) << u"12,30"_s;
        QTest::newRow("fr_FR 1 000 000") << u"fr_FR"_s << 0 << qint64(1000000) << u"1\u202f000\u202f000"_s;
        QTest::newRow("fr_FR max e4")
            << u"fr_FR"_s << 4 << Max << u"922\u202f337\u202f203\u202f685\u202f477,5807"_s;
    }

    void localized() {
        QFETCH(QString, locale);
        QFETCH(int, exponent);
        QFETCH(qint64, minor);
        QFETCH(QString, text);
        const QLocale l(locale);
        QCOMPARE(Money::formatLocalized(minor, exponent, l), text);
        const Money::ParseResult r = Money::parseLocalized(text, exponent, l);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(*r.minor, minor);
    }

    void localizedRoundTripSweep_data() {
        QTest::addColumn<QString>("locale");
        for (const char *name : {"en_US", "de_DE", "fr_FR", "de_CH", "sv_SE", "hi_IN", "ar_EG", "fa_IR"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void localizedRoundTripSweep() {
        // Whatever formatLocalized shows, parseLocalized reads back as the same amount, in every exponent.
        QFETCH(QString, locale);
        const QLocale l(locale);
        for (int exponent = 0; exponent <= 4; ++exponent) {
            for (qint64 v : {qint64(0), qint64(1), qint64(-1), qint64(999), qint64(-1000), qint64(123456789),
                             qint64(-987654321012), Max, Min, Max - 1, Min + 1}) {
                const QString text = Money::formatLocalized(v, exponent, l);
                const Money::ParseResult r = Money::parseLocalized(text, exponent, l);
                QVERIFY2(r.ok(),
                         qPrintable(u"%1 at exponent %2 shown as \"%3\": %4"_s.arg(v).arg(exponent).arg(
                             text, r.error)));
                QCOMPARE(*r.minor, v);
            }
        }
    }

    void localizedParsesWhatPeopleType_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("minor");

        QTest::newRow("en_US ungrouped") << u"en_US"_s << 2 << u"1234.56"_s << qint64(123456);
        QTest::newRow("en_US surrounding blanks") << u"en_US"_s << 2 << u"  1,234.56 "_s << qint64(123456);
        QTest::newRow("en_US one decimal") << u"en_US"_s << 2 << u"1,234.5"_s << qint64(123450);
        QTest::newRow("en_US whole") << u"en_US"_s << 2 << u"-12"_s << qint64(-1200);
        QTest::newRow("de_DE ungrouped") << u"de_DE"_s << 2 << u"1234,56"_s << qint64(123456);
        QTest::newRow("de_DE negative") << u"de_DE"_s << 2 << u"-1.234,5"_s << qint64(-123450);
        QTest::newRow("fr_FR ungrouped") << u"fr_FR"_s << 2 << u"1234,56"_s << qint64(123456);
        QTest::newRow("fr_FR no-break space") << u"fr_FR"_s << 2 << u"1\u00a0234,56"_s << qint64(123456);
        QTest::newRow("fr_FR narrow no-break space")
            << u"fr_FR"_s << 0 << u"-12\u202f345"_s << qint64(-12345);
    }

    void localizedParsesWhatPeopleType() {
        QFETCH(QString, locale);
        QFETCH(int, exponent);
        QFETCH(QString, text);
        QFETCH(qint64, minor);
        const Money::ParseResult r = Money::parseLocalized(text, exponent, QLocale(locale));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(*r.minor, minor);
    }

    void localizedRejects_data() {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<QString>("text");

        QTest::newRow("en_US empty") << u"en_US"_s << 2 << QString();
        QTest::newRow("en_US blanks") << u"en_US"_s << 2 << u"   "_s;
        QTest::newRow("en_US exponent notation") << u"en_US"_s << 2 << u"1e5"_s;
        QTest::newRow("en_US letters") << u"en_US"_s << 2 << u"twelve"_s;
        QTest::newRow("en_US German form") << u"en_US"_s << 2 << u"1.234,56"_s;
        QTest::newRow("en_US too many decimals") << u"en_US"_s << 2 << u"0.001"_s;
        QTest::newRow("en_US negative zero") << u"en_US"_s << 2 << u"-0.00"_s;
        QTest::newRow("en_US overflow") << u"en_US"_s << 2 << u"92,233,720,368,547,758.08"_s;
        QTest::newRow("en_US minus inside") << u"en_US"_s << 0 << u"12-3"_s;
        QTest::newRow("en_US full-width") << u"en_US"_s << 0 << u"\uff11\uff12"_s;
        QTest::newRow("de_DE too many decimals") << u"de_DE"_s << 2 << u"0,001"_s;
        QTest::newRow("de_DE two decimal commas") << u"de_DE"_s << 2 << u"1,2,3"_s;
        QTest::newRow("fr_FR decimal after comma") << u"fr_FR"_s << 2 << u"1,5,"_s;
    }

    void localizedRejects() {
        QFETCH(QString, locale);
        QFETCH(int, exponent);
        QFETCH(QString, text);
        const Money::ParseResult r = Money::parseLocalized(text, exponent, QLocale(locale));
        QVERIFY2(!r.ok(), qPrintable(u"accepted as %1"_s.arg(r.minor.value_or(0))));
        QVERIFY(!r.error.isEmpty());
        if (!text.trimmed().isEmpty())
            QVERIFY2(r.error.contains(describe(text)), qPrintable(r.error)); // names what the person typed
    }

    void localizedRejectsMisplacedGroupSeparators_data() {
        // A group separator where no digit group ends is a decimal separator typed in the wrong convention
        // ("1,50" meaning one and a half in en_US), not grouping: taking it as grouping changes the amount by
        // orders of magnitude, so it must be refused.
        QTest::addColumn<QString>("locale");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<QString>("text");
        QTest::newRow("en_US 1,50") << u"en_US"_s << 2 << u"1,50"_s;
        QTest::newRow("en_US 12,34,5") << u"en_US"_s << 0 << u"12,34,5"_s;
        QTest::newRow("en_US 1,2345.67") << u"en_US"_s << 2 << u"1,2345.67"_s;
        QTest::newRow("en_US group after point") << u"en_US"_s << 4 << u"1.234,5"_s;
        QTest::newRow("de_DE 1.5") << u"de_DE"_s << 2 << u"1.5"_s;
        QTest::newRow("de_DE 12.50") << u"de_DE"_s << 2 << u"12.50"_s;
    }

    void localizedRejectsMisplacedGroupSeparators() {
        QFETCH(QString, locale);
        QFETCH(int, exponent);
        QFETCH(QString, text);
        const Money::ParseResult r = Money::parseLocalized(text, exponent, QLocale(locale));
        QVERIFY2(!r.ok(), qPrintable(u"\"%1\" in %2 accepted as %3 (%4)"_s.arg(text, locale)
                                         .arg(r.minor.value_or(0))
                                         .arg(Money::formatLocalized(r.minor.value_or(0), exponent,
                                                                     QLocale(locale)))));
    }

    // --- checked arithmetic
    // ---------------------------------------------------------------------------------

    void arithmetic_data() {
        QTest::addColumn<QString>("op");
        QTest::addColumn<qint64>("a");
        QTest::addColumn<qint64>("b");
        QTest::addColumn<bool>("overflows");
        QTest::addColumn<qint64>("expected");

        QTest::newRow("add small") << u"add"_s << qint64(1) << qint64(2) << false << qint64(3);
        QTest::newRow("add to max") << u"add"_s << Max - 1 << qint64(1) << false << Max;
        QTest::newRow("add past max") << u"add"_s << Max << qint64(1) << true << qint64(0);
        QTest::newRow("add max+max") << u"add"_s << Max << Max << true << qint64(0);
        QTest::newRow("add to min") << u"add"_s << Min + 1 << qint64(-1) << false << Min;
        QTest::newRow("add past min") << u"add"_s << Min << qint64(-1) << true << qint64(0);
        QTest::newRow("add min+min") << u"add"_s << Min << Min << true << qint64(0);
        QTest::newRow("add min+max") << u"add"_s << Min << Max << false << qint64(-1);
        QTest::newRow("add zero to min") << u"add"_s << Min << qint64(0) << false << Min;

        QTest::newRow("subtract small") << u"subtract"_s << qint64(5) << qint64(7) << false << qint64(-2);
        QTest::newRow("subtract to min") << u"subtract"_s << Min + 1 << qint64(1) << false << Min;
        QTest::newRow("subtract past min") << u"subtract"_s << Min << qint64(1) << true << qint64(0);
        QTest::newRow("subtract past max") << u"subtract"_s << Max << qint64(-1) << true << qint64(0);
        QTest::newRow("zero minus min") << u"subtract"_s << qint64(0) << Min << true << qint64(0);
        QTest::newRow("minus one minus min") << u"subtract"_s << qint64(-1) << Min << false << Max;
        QTest::newRow("zero minus max") << u"subtract"_s << qint64(0) << Max << false << Min + 1;
        QTest::newRow("max minus min") << u"subtract"_s << Max << Min << true << qint64(0);
        QTest::newRow("min minus min") << u"subtract"_s << Min << Min << false << qint64(0);

        QTest::newRow("negate zero") << u"negate"_s << qint64(0) << qint64(0) << false << qint64(0);
        QTest::newRow("negate five") << u"negate"_s << qint64(5) << qint64(0) << false << qint64(-5);
        QTest::newRow("negate minus five") << u"negate"_s << qint64(-5) << qint64(0) << false << qint64(5);
        QTest::newRow("negate max") << u"negate"_s << Max << qint64(0) << false << Min + 1;
        QTest::newRow("negate min+1") << u"negate"_s << Min + 1 << qint64(0) << false << Max;
        QTest::newRow("negate min") << u"negate"_s << Min << qint64(0) << true << qint64(0);
    }

    void arithmetic() {
        QFETCH(QString, op);
        QFETCH(qint64, a);
        QFETCH(qint64, b);
        QFETCH(bool, overflows);
        QFETCH(qint64, expected);
        std::optional<qint64> r;
        if (op == u"add")
            r = Money::add(a, b);
        else if (op == u"subtract")
            r = Money::subtract(a, b);
        else
            r = Money::negate(a);
        QCOMPARE(r.has_value(), !overflows);
        if (r)
            QCOMPARE(*r, expected);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"

#pragma once

#include <QString>
#include <QStringView>
#include <QtGlobal>
#include <optional>

class QLocale;

/// Exact money: a signed 64-bit count of minor units. The currency's exponent says where the decimal point
/// is. There is deliberately no conversion to or from floating point anywhere in this class.
class Money final {
public:
    /// Why a text did not parse; the message names what was wrong so callers can show it as is.
    struct ParseResult {
        std::optional<qint64> minor;
        QString error;
        bool ok() const { return minor.has_value(); }
    };

    /// Parses the canonical plain form used in files, JSON and the CLI: optional '-', digits, and when
    /// exponent > 0 optionally '.' followed by 1..exponent digits. No grouping separators, no exponent
    /// notation, no blanks, no "-0". Values outside int64 are an overflow error.
    static ParseResult parse(QStringView text, int exponent);

    /// Parses what a person typed in their locale (group separators allowed, locale decimal point).
    static ParseResult parseLocalized(QStringView text, int exponent, const QLocale &locale);

    /// The canonical plain form: "-12.30" for -1230 at exponent 2, "7" at exponent 0.
    static QString format(qint64 minor, int exponent);

    /// Display form for people: locale grouping and decimal point, always `exponent` decimals.
    static QString formatLocalized(qint64 minor, int exponent, const QLocale &locale);

    /// Checked arithmetic: nullopt on overflow instead of wrapping.
    static std::optional<qint64> add(qint64 a, qint64 b);
    static std::optional<qint64> subtract(qint64 a, qint64 b);
    static std::optional<qint64> negate(qint64 a);
};

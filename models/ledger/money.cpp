#include "money.h"

#include <QLocale>

namespace {

constexpr qint64 pow10(int exponent) {
    qint64 p = 1;
    for (int i = 0; i < exponent; ++i)
        p *= 10;
    return p;
}

QString describe(QStringView text) {
    return QStringLiteral("\"%1\"").arg(text.left(40).toString());
}

} // namespace

Money::ParseResult Money::parse(QStringView text, int exponent) {
    ParseResult r;
    if (exponent < 0 || exponent > 4) {
        r.error = QStringLiteral("unsupported currency exponent %1").arg(exponent);
        return r;
    }
    if (text.isEmpty()) {
        r.error = QStringLiteral("amount is empty");
        return r;
    }
    qsizetype i = 0;
    const bool negative = text.front() == u'-';
    if (negative)
        ++i;
    qsizetype intStart = i;
    while (i < text.size() && text[i] >= u'0' && text[i] <= u'9')
        ++i;
    const qsizetype intDigits = i - intStart;
    qsizetype fracStart = i, fracDigits = 0;
    if (i < text.size() && text[i] == u'.') {
        ++i;
        fracStart = i;
        while (i < text.size() && text[i] >= u'0' && text[i] <= u'9')
            ++i;
        fracDigits = i - fracStart;
        if (fracDigits == 0) {
            r.error =
                QStringLiteral("amount %1 has a decimal point with no digits after it").arg(describe(text));
            return r;
        }
    }
    if (i != text.size() || intDigits == 0) {
        r.error = QStringLiteral("amount %1 is not a plain decimal number").arg(describe(text));
        return r;
    }
    if (fracDigits > exponent) {
        r.error = exponent == 0 ? QStringLiteral("amount %1 must be a whole number").arg(describe(text))
                                : QStringLiteral("amount %1 has more than %2 decimal places")
                                      .arg(describe(text))
                                      .arg(exponent);
        return r;
    }
    // Accumulate as a negative number so that INT64_MIN is representable.
    qint64 value = 0;
    auto pushDigit = [&value](QChar c) {
        const qint64 d = c.unicode() - u'0';
        qint64 t;
        if (__builtin_mul_overflow(value, qint64(10), &t) || __builtin_sub_overflow(t, d, &t))
            return false;
        value = t;
        return true;
    };
    bool ok = true;
    for (qsizetype k = intStart; ok && k < intStart + intDigits; ++k)
        ok = pushDigit(text[k]);
    for (qsizetype k = 0; ok && k < exponent; ++k)
        ok = pushDigit(k < fracDigits ? text[fracStart + k] : QChar(u'0'));
    if (!ok || (!negative && value == std::numeric_limits<qint64>::min())) {
        r.error = QStringLiteral("amount %1 is too large").arg(describe(text));
        return r;
    }
    if (negative && value == 0) {
        r.error = QStringLiteral("amount %1 is a negative zero").arg(describe(text));
        return r;
    }
    r.minor = negative ? value : -value;
    return r;
}

namespace {

/// The locale's digits as ASCII; separators that people type for grouping (the locale's own, no-break and
/// narrow no-break spaces, apostrophes) as one marker, so two spellings of the same grouping compare equal.
QString normalizeLocalized(QStringView text, const QLocale &locale, QChar groupMarker) {
    const QString zero = locale.zeroDigit();
    const char16_t zeroCode = zero.size() == 1 ? zero.at(0).unicode() : u'0';
    const QString group = locale.groupSeparator();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.unicode() >= zeroCode && c.unicode() <= zeroCode + 9)
            out += QChar(u'0' + (c.unicode() - zeroCode));
        else if (!group.isEmpty() && text.mid(i).startsWith(group))
            out += groupMarker, i += group.size() - 1;
        else if (c == u'\u00a0' || c == u'\u202f' || c == u'\'' || c == u'\u2019' ||
                 (c == u' ' && group.at(0).isSpace()))
            out += groupMarker;
        else
            out += c;
    }
    return out;
}

} // namespace

Money::ParseResult Money::parseLocalized(QStringView text, int exponent, const QLocale &locale) {
    constexpr QChar Group = u'\u0001';
    ParseResult r;
    QStringView t = text.trimmed();
    if (t.isEmpty()) {
        r.error = QStringLiteral("amount is empty");
        return r;
    }
    bool negative = false;
    const QString minus = locale.negativeSign();
    if (!minus.isEmpty() && t.startsWith(minus)) {
        negative = true;
        t = t.mid(minus.size());
    } else if (t.startsWith(u'-') || t.startsWith(u'\u2212')) {
        negative = true;
        t = t.mid(1);
    }
    const QString decimal = locale.decimalPoint();
    const qsizetype point = t.indexOf(decimal);
    const QString integer = normalizeLocalized(point < 0 ? t : t.left(point), locale, Group);
    const QString fraction =
        point < 0 ? QString() : normalizeLocalized(t.mid(point + decimal.size()), locale, Group);
    auto refuse = [&](const QString &why) {
        r.error = QStringLiteral("amount %1 %2").arg(describe(text), why);
        return r;
    };
    if (fraction.contains(Group))
        return refuse(QStringLiteral("has a digit group separator after the decimal point"));
    QString digits = integer;
    if (integer.contains(Group)) {
        // Grouping is only grouping where the locale would put it: "1,50" in en_US is someone's decimal
        // comma, and reading it as 150 would change the amount a hundredfold.
        digits.remove(Group);
        bool ok = false;
        const quint64 value = digits.toULongLong(&ok);
        if (!ok || normalizeLocalized(locale.toString(value), locale, Group) != integer)
            return refuse(QStringLiteral("has digit group separators in the wrong places"));
    }
    const QString plain =
        (negative ? QStringLiteral("-") : QString()) + digits + (point < 0 ? QString() : u'.' + fraction);
    ParseResult parsed = parse(plain, exponent);
    if (!parsed.ok())
        parsed.error.replace(describe(plain), describe(text));
    return parsed;
}

QString Money::format(qint64 minor, int exponent) {
    const bool negative = minor < 0;
    // Work in unsigned so INT64_MIN formats correctly.
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    QString digits = QString::number(magnitude);
    if (exponent > 0) {
        if (digits.size() <= exponent)
            digits = QString(exponent + 1 - digits.size(), u'0') + digits;
        digits.insert(digits.size() - exponent, u'.');
    }
    return negative ? u'-' + digits : digits;
}

QString Money::formatLocalized(qint64 minor, int exponent, const QLocale &locale) {
    const bool negative = minor < 0;
    const quint64 magnitude = negative ? quint64(0) - quint64(minor) : quint64(minor);
    const quint64 p = quint64(pow10(exponent));
    QString text = locale.toString(magnitude / p); // quint64 overload: grouping, no floating point
    if (exponent > 0) {
        QString frac = QString::number(magnitude % p);
        frac = QString(exponent - frac.size(), u'0') + frac;
        const QString zero = locale.zeroDigit(); // the fraction in the locale's digits too
        if (zero.size() == 1 && zero.at(0) != u'0')
            for (QChar &c : frac)
                c = QChar(zero.at(0).unicode() + (c.unicode() - u'0'));
        text += locale.decimalPoint() + frac;
    }
    return negative ? locale.negativeSign() + text : text;
}

std::optional<qint64> Money::add(qint64 a, qint64 b) {
    qint64 r;
    if (__builtin_add_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

std::optional<qint64> Money::subtract(qint64 a, qint64 b) {
    qint64 r;
    if (__builtin_sub_overflow(a, b, &r))
        return std::nullopt;
    return r;
}

std::optional<qint64> Money::negate(qint64 a) {
    if (a == std::numeric_limits<qint64>::min())
        return std::nullopt;
    return -a;
}

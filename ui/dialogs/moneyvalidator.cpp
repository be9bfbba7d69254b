#include "moneyvalidator.h"

#include "money.h"

#include <QLocale>

MoneyValidator::MoneyValidator(int exponent, QObject *parent)
    : QValidator(parent)
    , m_exponent(exponent) {}

void MoneyValidator::setExponent(int exponent) {
    if (exponent == m_exponent)
        return;
    m_exponent = exponent;
    Q_EMIT changed();
}

void MoneyValidator::setAllowNegative(bool allow) {
    if (allow == m_allowNegative)
        return;
    m_allowNegative = allow;
    Q_EMIT changed();
}

QValidator::State MoneyValidator::validate(QString &input, int &pos) const {
    Q_UNUSED(pos)
    return analyse(input).state;
}

std::optional<qint64> MoneyValidator::value(const QString &text) const {
    return analyse(text).value;
}

QString MoneyValidator::problem(const QString &text) const {
    return analyse(text).problem;
}

MoneyValidator::Analysis MoneyValidator::analyse(const QString &text) const {
    Analysis a;
    auto intermediate = [&a](const QString &why) {
        a.state = Intermediate;
        a.problem = why;
        return a;
    };
    auto invalid = [&a](const QString &why) {
        a.state = Invalid;
        a.problem = why;
        return a;
    };
    const QLocale loc = locale();
    QStringView t = QStringView(text).trimmed();
    if (t.isEmpty())
        return intermediate(tr("enter an amount"));

    bool negative = false;
    const QString minus = loc.negativeSign();
    if ((!minus.isEmpty() && t.startsWith(minus)) || t.startsWith(u'-') || t.startsWith(u'\u2212')) {
        if (!m_allowNegative)
            return invalid(tr("must not be negative"));
        negative = true;
        t = t.mid(t.startsWith(minus) && !minus.isEmpty() ? minus.size() : 1);
        if (t.isEmpty())
            return intermediate(tr("enter the digits after the minus sign"));
    }

    // Split into integer and fraction digits, refusing anything that typing more could not repair.
    const QString point = loc.decimalPoint();
    const QString group = loc.groupSeparator();
    const QString zero = loc.zeroDigit();
    const char16_t zeroCode = zero.size() == 1 ? zero.at(0).unicode() : u'0';
    QString integer, fraction;
    bool seenPoint = false;
    for (qsizetype i = 0; i < t.size(); ++i) {
        const QChar c = t[i];
        const char16_t u = c.unicode();
        if ((u >= u'0' && u <= u'9') || (u >= zeroCode && u <= zeroCode + 9)) {
            const QChar digit(u >= u'0' && u <= u'9' ? u : char16_t(u'0' + (u - zeroCode)));
            (seenPoint ? fraction : integer) += digit;
        } else if (!point.isEmpty() && t.mid(i).startsWith(point)) {
            if (m_exponent == 0)
                return invalid(tr("must be a whole number"));
            if (seenPoint)
                return invalid(tr("has two decimal points"));
            seenPoint = true;
            i += point.size() - 1;
        } else if ((!group.isEmpty() && t.mid(i).startsWith(group)) || u == u'\u00a0' || u == u'\u202f' ||
                   u == u'\'' || u == u'\u2019' || (u == u' ' && !group.isEmpty() && group.at(0).isSpace())) {
            if (seenPoint)
                return invalid(tr("has a digit group separator after the decimal point"));
            if (!group.isEmpty() && t.mid(i).startsWith(group))
                i += group.size() - 1;
        } else {
            return invalid(tr("may only contain digits"));
        }
    }
    if (fraction.size() > m_exponent)
        return invalid(m_exponent == 0 ? tr("must be a whole number")
                                       : tr("has more than %n decimal place(s)", nullptr, m_exponent));
    if (integer.isEmpty())
        return intermediate(tr("needs a digit before the decimal point"));

    // The range of minor units: more digits than an int64 holds is refused as typed.
    const QString plain = (negative ? QStringLiteral("-") : QString()) + integer +
                          (fraction.isEmpty() ? QString() : QStringLiteral(".") + fraction);
    const Money::ParseResult exact = Money::parse(plain, m_exponent);
    if (!exact.ok()) {
        const bool allZero =
            std::all_of(integer.cbegin(), integer.cend(), [](QChar c) { return c == u'0'; }) &&
            std::all_of(fraction.cbegin(), fraction.cend(), [](QChar c) { return c == u'0'; });
        if (negative && allZero)
            return intermediate(tr("is a negative zero"));
        return invalid(tr("is too large"));
    }
    if (seenPoint && fraction.isEmpty())
        return intermediate(tr("needs digits after the decimal point"));
    // Grouping is only grouping where the locale puts it ("1,00" is on its way to "1,000").
    const Money::ParseResult localized = Money::parseLocalized(text, m_exponent, loc);
    if (!localized.ok())
        return intermediate(tr("has digit group separators in the wrong places"));
    a.state = Acceptable;
    a.value = localized.minor;
    return a;
}

#pragma once

#include <QValidator>
#include <optional>

/// Validates an amount as it is typed, with the exactness of Money::parseLocalized: digits, the locale's
/// group separators and decimal point, at most `exponent` decimals, and nothing beyond the int64 range of
/// minor units. Input that cannot become an amount by typing more (letters, a decimal point at exponent 0,
/// a third decimal in USD, a twentieth digit) is Invalid, so QLineEdit refuses the keystroke; input on its
/// way to an amount ("", "12.", "1,00" before "1,000") is Intermediate.
class MoneyValidator final : public QValidator {
    Q_OBJECT
public:
    explicit MoneyValidator(int exponent, QObject *parent = nullptr);

    void setExponent(int exponent);
    int exponent() const { return m_exponent; }
    /// Negative amounts are refused unless allowed (every dialog amount is a magnitude).
    void setAllowNegative(bool allow);
    bool allowNegative() const { return m_allowNegative; }

    State validate(QString &input, int &pos) const override;

    /// The amount in minor units when `text` is acceptable.
    std::optional<qint64> value(const QString &text) const;
    /// Why `text` is not (yet) an amount, in words for an inline message; empty when it is one.
    QString problem(const QString &text) const;

private:
    struct Analysis {
        State state = Invalid;
        std::optional<qint64> value;
        QString problem;
    };
    Analysis analyse(const QString &text) const;

    int m_exponent = 0;
    bool m_allowNegative = false;
};

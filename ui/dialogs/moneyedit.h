#pragma once

#include <QLineEdit>
#include <optional>

class MoneyValidator;

/// A line edit for an amount of one currency: a MoneyValidator refuses bad input as it is typed, the
/// currency code is drawn inside the right edge, and the amount is read back as exact minor units.
class MoneyEdit final : public QLineEdit {
    Q_OBJECT
public:
    explicit MoneyEdit(QWidget *parent = nullptr);
    ~MoneyEdit() override;
    Q_DISABLE_COPY_MOVE(MoneyEdit)

    void setCurrency(const QString &code, int exponent);
    QString currency() const { return m_code; }
    int exponent() const;
    void setAllowNegative(bool allow);

    /// Minor units, when the text is a complete amount.
    std::optional<qint64> amount() const;
    /// Why the text is not an amount yet (for "Amount: ..." messages); empty when it is one.
    QString problem() const;
    MoneyValidator *moneyValidator() const { return m_validator; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateMargins();

    MoneyValidator *m_validator;
    QString m_code;
};

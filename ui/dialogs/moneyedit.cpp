#include "moneyedit.h"

#include "money.h"
#include "moneyvalidator.h"

#include <QEvent>
#include <QPainter>
#include <QStyle>
#include <QStyleOptionFrame>

MoneyEdit::MoneyEdit(QWidget *parent)
    : QLineEdit(parent)
    , m_validator(new MoneyValidator(0, this)) {
    setValidator(m_validator);
    setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    setCurrency(QString(), 0);
}

MoneyEdit::~MoneyEdit() = default;

void MoneyEdit::setCurrency(const QString &code, int exponent) {
    m_code = code;
    m_validator->setExponent(exponent);
    setPlaceholderText(Money::formatLocalized(0, exponent, locale()));
    updateMargins();
    update();
}

int MoneyEdit::exponent() const {
    return m_validator->exponent();
}

void MoneyEdit::setAllowNegative(bool allow) {
    m_validator->setAllowNegative(allow);
}

std::optional<qint64> MoneyEdit::amount() const {
    return m_validator->value(text());
}

QString MoneyEdit::problem() const {
    return m_validator->problem(text());
}

void MoneyEdit::updateMargins() {
    const int width = m_code.isEmpty() ? 0 : fontMetrics().horizontalAdvance(m_code) + 8;
    setTextMargins(0, 0, width, 0);
}

void MoneyEdit::changeEvent(QEvent *event) {
    QLineEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateMargins();
}

void MoneyEdit::paintEvent(QPaintEvent *event) {
    QLineEdit::paintEvent(event);
    if (m_code.isEmpty())
        return;
    QStyleOptionFrame option;
    initStyleOption(&option);
    const QRect contents = style()->subElementRect(QStyle::SE_LineEditContents, &option, this);
    QPainter painter(this);
    painter.setPen(
        palette().color(isEnabled() ? QPalette::Active : QPalette::Disabled, QPalette::PlaceholderText));
    painter.drawText(contents.adjusted(0, 0, -2, 0), Qt::AlignRight | Qt::AlignVCenter, m_code);
}

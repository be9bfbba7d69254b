#include "statementrange.h"

#include <QDateTime>

namespace {

qint64 dayStart(const QDate &day) {
    return QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
}

LedgerError invalid(const QString &message) {
    return LedgerError{ErrorCode::InvalidArgument, message};
}

} // namespace

Result<StatementRange> StatementRange::fromDays(const QDate &from, const QDate &to) {
    if (!from.isValid() || !to.isValid())
        return invalid(QStringLiteral("a statement needs a valid first and last day"));
    if (from > to)
        return invalid(QStringLiteral("the statement's first day (%1) is after its last day (%2)")
                           .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    return fromMillis(dayStart(from), dayStart(to.addDays(1)));
}

Result<StatementRange> StatementRange::fromText(const QString &from, const QString &to,
                                                const QString &fromName, const QString &toName) {
    const auto parse = [](const QString &text) {
        // Exactly YYYY-MM-DD: Qt's ISO parser would also take "2026-5-1" or a trailing time.
        return text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
    };
    const QDate f = parse(from), t = parse(to);
    if (!f.isValid())
        return invalid(
            QStringLiteral("%1 \"%2\" is not a day such as 2026-11-01").arg(fromName, from.left(40)));
    if (!t.isValid())
        return invalid(QStringLiteral("%1 \"%2\" is not a day such as 2026-11-30").arg(toName, to.left(40)));
    if (f > t)
        return invalid(QStringLiteral("%1 (%2) is after %3 (%4)").arg(fromName, from, toName, to));
    return fromDays(f, t);
}

Result<StatementRange> StatementRange::fromMillis(qint64 fromMs, qint64 toMs) {
    if (fromMs < 0 || toMs <= fromMs)
        return invalid(QStringLiteral("a statement's range must start before it ends"));
    if (toMs - fromMs > MaxDays * MsPerDay)
        return invalid(
            QStringLiteral("a statement covers at most ten years (%1 days); ask for a shorter range")
                .arg(MaxDays));
    return StatementRange{fromMs, toMs};
}

QDate StatementRange::firstDay() const {
    return QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC).date();
}

QDate StatementRange::lastDay() const {
    return QDateTime::fromMSecsSinceEpoch(toMs - 1, Qt::UTC).date();
}

QString StatementRange::text() const {
    return firstDay().toString(Qt::ISODate) + QStringLiteral("..") + lastDay().toString(Qt::ISODate);
}

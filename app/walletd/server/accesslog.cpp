#include "accesslog.h"

#include <QByteArray>
#include <QDateTime>

#include <cstdio>

namespace {
/// "yyyy-MM-ddTHH:mm:ss." for the current second. QDateTime::toString(), which builds the text through its
/// generic formatter, measured at a tenth of a durable charge's time on walletd's network thread; the
/// second's text is made once and each line only adds its milliseconds. Only walletd's network thread writes
/// the log, so the cache needs no lock.
QByteArray timestamp(qint64 msSinceEpoch) {
    static qint64 cachedSecond = -1;
    static QByteArray cachedText;
    const qint64 second = msSinceEpoch / 1000;
    if (second != cachedSecond) {
        cachedSecond = second;
        cachedText = QDateTime::fromSecsSinceEpoch(second, Qt::UTC)
                         .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss."))
                         .toLatin1();
    }
    const int ms = int(msSinceEpoch % 1000);
    QByteArray text = cachedText;
    text.append(char('0' + ms / 100)).append(char('0' + ms / 10 % 10)).append(char('0' + ms % 10));
    return text.append('Z');
}
} // namespace

void AccessLog::write(const QString &principal, const QString &method, const QString &path, int status,
                      qint64 ms) {
    QByteArray line = timestamp(QDateTime::currentMSecsSinceEpoch());
    line.reserve(line.size() + principal.size() + method.size() + path.size() + 32);
    line.append(' ')
        .append(principal.isEmpty() ? QByteArray("-") : principal.toUtf8())
        .append(' ')
        .append(method.toUtf8())
        .append(' ')
        .append(path.toUtf8())
        .append(' ')
        .append(QByteArray::number(status))
        .append(' ')
        .append(QByteArray::number(ms))
        .append("ms\n");
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

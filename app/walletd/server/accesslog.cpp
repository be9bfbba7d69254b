#include "accesslog.h"

#include <QDateTime>

#include <cstdio>

void AccessLog::write(const QString &principal, const QString &method, const QString &path, int status,
                      qint64 ms) {
    const QByteArray line = QStringLiteral("%1 %2 %3 %4 %5 %6ms\n")
                                .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                     principal.isEmpty() ? QStringLiteral("-") : principal, method, path)
                                .arg(status)
                                .arg(ms)
                                .toUtf8();
    std::fwrite(line.constData(), 1, size_t(line.size()), stderr);
}

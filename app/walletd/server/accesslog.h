#pragma once

#include <QString>

/// walletd's access log: one line per answered request on stderr (docs/walletd.md):
/// time (UTC, ms), operator or "service" or "-", method, path without the query, status, duration.
namespace AccessLog {
void write(const QString &principal, const QString &method, const QString &path, int status, qint64 ms);
}

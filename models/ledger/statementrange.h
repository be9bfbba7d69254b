#pragma once

#include "ledgererror.h"

#include <QDate>
#include <QString>
#include <QtGlobal>

/// The days a statement covers and the limits every front end and the ledger apply to them: from 00:00 UTC
/// of `from` to 00:00 UTC of the day after `to`, at most ten years, at most MaxEntries entries.
struct StatementRange {
    static constexpr qint64 MsPerDay = 86400000;
    /// Ten years with their leap days: a longer range is refused.
    static constexpr qint64 MaxDays = 3653;
    /// More entries than this in one statement are refused (a PDF of thousands of pages helps nobody).
    static constexpr qint64 MaxEntries = 200000;

    qint64 fromMs = 0; ///< inclusive
    qint64 toMs = 0;   ///< exclusive

    /// The range of the days `from` to `to`, both included; InvalidArgument when from is after to, a day is
    /// invalid or the range is longer than ten years.
    static Result<StatementRange> fromDays(const QDate &from, const QDate &to);
    /// The same from "YYYY-MM-DD" texts (walletctl's options, walletd's query); `fromName`/`toName` name them
    /// in messages.
    static Result<StatementRange> fromText(const QString &from, const QString &to,
                                           const QString &fromName = QStringLiteral("from"),
                                           const QString &toName = QStringLiteral("to"));
    /// Checks a range in milliseconds as the ledger receives it.
    static Result<StatementRange> fromMillis(qint64 fromMs, qint64 toMs);

    /// The first and last day covered (toMs - 1 ms's day).
    QDate firstDay() const;
    QDate lastDay() const;
    /// "2026-05-01..2026-05-31": how the audit log and file names say the range.
    QString text() const;
};

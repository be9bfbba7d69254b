#include "statementcsv.h"

#include "csvexport.h"
#include "money.h"
#include "statementrange.h"

#include <QDateTime>
#include <QSaveFile>

namespace {

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

void appendRow(QByteArray *out, const QStringList &fields) {
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out->append(',');
        out->append(CsvExport::field(fields.at(i)));
    }
    out->append('\n');
}

} // namespace

QByteArray StatementCsv::render(const Statement &s) {
    QByteArray out;
    out += "record,ledger,digest,generated_by,generated_at,first_day,last_day\n"
           "record,account,player,name,currency,opening,total_in,total_out,closing,entries\n"
           "record,account,time,transaction,kind,amount,balance_after,reason,ticket,operator,memo\n";
    const StatementRange range{s.fromMs, s.toMs};
    appendRow(&out, {QStringLiteral("statement"), s.ledgerName, s.ledgerDigest, s.generatedBy,
                     isoTime(s.generatedAt), range.firstDay().toString(Qt::ISODate),
                     range.lastDay().toString(Qt::ISODate)});
    for (const StatementSection &section : s.sections) {
        const Account &a = section.account;
        const int e = a.exponent;
        const QString id = QString::number(a.id);
        appendRow(&out, {QStringLiteral("account"), id, a.playerRef, a.name, a.currency,
                         Money::format(section.opening, e), Money::format(section.totalIn, e),
                         Money::format(section.totalOut, e), Money::format(section.closing, e),
                         QString::number(section.lines.size())});
        for (const HistoryEntry &h : section.lines)
            appendRow(&out,
                      {QStringLiteral("entry"), id, isoTime(h.createdAt), QString::number(h.transactionId),
                       kindName(h.kind), Money::format(h.amount, e), Money::format(h.balanceAfter, e),
                       h.reasonCode, h.ticketRef, h.operatorName, h.memo});
    }
    return out;
}

Result<Done> StatementCsv::write(const Statement &statement, const QString &path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return LedgerError{ErrorCode::InvalidArgument,
                           QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    if (file.write(render(statement)) < 0 || !file.commit())
        return LedgerError{ErrorCode::Database,
                           QStringLiteral("cannot save %1: %2").arg(path, file.errorString())};
    return Done{};
}

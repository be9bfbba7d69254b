#include "importreport.h"

#include "csvexport.h"
#include "money.h"

#include <QSaveFile>

int ImportReport::okRows() const {
    return int(std::count_if(rows.begin(), rows.end(),
                             [](const ImportRow &r) { return r.outcome == ImportRow::Outcome::Ok; }));
}

int ImportReport::approvalRows() const {
    return int(std::count_if(rows.begin(), rows.end(), [](const ImportRow &r) {
        return r.outcome == ImportRow::Outcome::NeedsApproval;
    }));
}

int ImportReport::replayedRows() const {
    return int(std::count_if(rows.begin(), rows.end(), [](const ImportRow &r) {
        return r.outcome == ImportRow::Outcome::AlreadyPosted;
    }));
}

int ImportReport::refusedRows() const {
    return int(std::count_if(rows.begin(), rows.end(), [](const ImportRow &r) { return r.refused(); }));
}

QMap<QString, ImportReport::CurrencyTotal> ImportReport::totals() const {
    QMap<QString, CurrencyTotal> out;
    for (const ImportRow &r : rows) {
        if (r.outcome != ImportRow::Outcome::Ok && r.outcome != ImportRow::Outcome::NeedsApproval)
            continue;
        CurrencyTotal &t = out[r.currency];
        t.exponent = r.exponent;
        qint64 &sum = r.delta >= 0 ? t.in : t.out;
        const auto next = r.delta >= 0 ? Money::add(sum, r.delta) : Money::subtract(sum, r.delta);
        if (next)
            sum = *next;
        else
            t.overflow = true;
    }
    return out;
}

QString ImportReport::outcomeName(ImportRow::Outcome outcome) {
    using O = ImportRow::Outcome;
    switch (outcome) {
    case O::Ok:
        return QStringLiteral("ok");
    case O::NeedsApproval:
        return QStringLiteral("needs_approval");
    case O::AlreadyPosted:
        return QStringLiteral("already_posted");
    case O::Malformed:
        return QStringLiteral("malformed");
    case O::UnknownAccount:
        return QStringLiteral("unknown_account");
    case O::InsufficientFunds:
        return QStringLiteral("would_overdraw");
    case O::Frozen:
        return QStringLiteral("frozen");
    case O::Closed:
        return QStringLiteral("closed");
    case O::DuplicateKey:
        return QStringLiteral("duplicate_key");
    case O::IdempotencyConflict:
        return QStringLiteral("idempotency_conflict");
    case O::Refused:
        return QStringLiteral("refused");
    case O::NotPosted:
        return QStringLiteral("not_posted");
    }
    return QString();
}

QStringList ImportReport::totalsText() const {
    QStringList out;
    const auto all = totals();
    for (auto it = all.begin(); it != all.end(); ++it)
        out << QStringLiteral("%1: in %2, out %3%4")
                   .arg(it.key(), Money::format(it->in, it->exponent), Money::format(it->out, it->exponent),
                        it->overflow ? QStringLiteral(" (a sum overflowed)") : QString());
    return out;
}

bool ImportReport::writeCsv(const QString &path, QString *error) const {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write("line,key,outcome,transaction_id,approval_id,message\n");
    for (const ImportRow &r : rows) {
        QByteArray line = QByteArray::number(r.line) + ',' + CsvExport::field(r.key) + ',' +
                          outcomeName(r.outcome).toUtf8() + ',' +
                          (r.transactionId ? QByteArray::number(r.transactionId) : QByteArray()) + ',' +
                          (r.approvalId ? QByteArray::number(r.approvalId) : QByteArray()) + ',' +
                          CsvExport::field(r.message) + '\n';
        file.write(line);
    }
    if (!fileError.isEmpty())
        file.write("0,,file_refused,,," + CsvExport::field(fileError) + '\n');
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

#include "importreportmodel.h"

#include "money.h"

ImportReportModel::ImportReportModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ImportReportModel::setReport(const ImportReport &report) {
    beginResetModel();
    m_report = report;
    endResetModel();
}

int ImportReportModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_report.rows.size());
}

int ImportReportModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ImportReportModel::outcomeText(ImportRow::Outcome outcome, bool dryRun) {
    using O = ImportRow::Outcome;
    switch (outcome) {
    case O::Ok:
        return dryRun ? tr("Would post") : tr("Posted");
    case O::NeedsApproval:
        return dryRun ? tr("Would need approval") : tr("Awaits approval");
    case O::AlreadyPosted:
        return tr("Already posted");
    case O::Malformed:
        return tr("Malformed");
    case O::UnknownAccount:
        return tr("Unknown account");
    case O::InsufficientFunds:
        return tr("Would overdraw");
    case O::Frozen:
        return tr("Account frozen");
    case O::Closed:
        return tr("Account closed");
    case O::DuplicateKey:
        return tr("Duplicate key");
    case O::IdempotencyConflict:
        return tr("Key used before");
    case O::Refused:
        return tr("Refused");
    case O::NotPosted:
        return tr("Not posted");
    }
    return QString();
}

QString ImportReportModel::amountText(const ImportRow &row) const {
    // Until the account is found (or when the amount itself is wrong) the row's amount is only the file's
    // text; after, the exact signed change in the account's currency, so that a withdrawal reads as money
    // going out.
    if (row.currency.isEmpty() || row.outcome == ImportRow::Outcome::Malformed)
        return row.amountText;
    const QString sign = row.delta > 0 ? QStringLiteral("+") : QString();
    return QStringLiteral("%1%2\u00a0%3")
        .arg(sign, Money::formatLocalized(row.delta, row.exponent, m_locale), row.currency);
}

QString ImportReportModel::balanceAfter(const ImportRow &row) const {
    return QStringLiteral("%1\u00a0%2")
        .arg(Money::formatLocalized(row.balanceAfter, row.exponent, m_locale), row.currency);
}

QString ImportReportModel::detailText(const ImportRow &row) const {
    using O = ImportRow::Outcome;
    switch (row.outcome) {
    case O::Ok:
        if (row.transactionId > 0)
            return tr("Transaction %1; balance after %2").arg(row.transactionId).arg(balanceAfter(row));
        return tr("Balance after %1").arg(balanceAfter(row));
    case O::NeedsApproval:
        if (row.approvalId > 0)
            return tr("Approval %1: above the operator's limit").arg(row.approvalId);
        return tr("Above the operator's limit: a second operator approves it");
    case O::AlreadyPosted:
        return row.transactionId > 0 ? tr("Transaction %1, by an earlier import").arg(row.transactionId)
                                     : tr("By an earlier import");
    default:
        return row.message; // the ledger's or the reader's own words, naming the field
    }
}

QVariant ImportReportModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= m_report.rows.size())
        return {};
    const ImportRow &row = m_report.rows.at(index.row());
    switch (role) {
    case RefusedRole:
        return row.refused();
    case Qt::ForegroundRole:
        return row.refused() ? QVariant(m_refusedColor) : QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == LineColumn || index.column() == AccountColumn || index.column() == AmountColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return index.column() == DetailColumn ? detailText(row) : QVariant();
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case LineColumn:
        return row.line;
    case KindColumn:
        return row.kind;
    case AccountColumn:
        return row.accountId > 0 ? QVariant(row.accountId) : QVariant();
    case AmountColumn:
        return amountText(row);
    case ResultColumn:
        return outcomeText(row.outcome, m_report.dryRun);
    case DetailColumn:
        return detailText(row);
    default:
        return {};
    }
}

QVariant ImportReportModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LineColumn:
        return tr("Line");
    case KindColumn:
        return tr("Kind");
    case AccountColumn:
        return tr("Account");
    case AmountColumn:
        return tr("Amount");
    case ResultColumn:
        return tr("Result");
    case DetailColumn:
        return tr("Details");
    default:
        return {};
    }
}

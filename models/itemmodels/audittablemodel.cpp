#include "audittablemodel.h"

#include "ledgerclient.h"

#include <QDateTime>
#include <QPointer>

AuditTableModel::AuditTableModel(QObject *parent)
    : KeysetTableModel<AuditRecord>(parent) {}

void AuditTableModel::setClient(LedgerClient *client) {
    setSourceCall(client, [](LedgerClient *c, qint64 before, int limit) { return c->audit(before, limit); });
}

int AuditTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const AuditRecord &r = m_rows.at(index.row());
    if (role == Qt::ToolTipRole)
        return index.column() == DetailColumn ? QVariant(r.detail) : QVariant();
    switch (index.column()) {
    case TimeColumn:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(r.at).toLocalTime(), QLocale::ShortFormat);
    case OperatorColumn:
        return r.operatorName;
    case OriginColumn:
        return r.origin;
    case ActionColumn:
        return r.action;
    case TargetColumn:
        return r.target;
    case OutcomeColumn:
        return r.outcome;
    case DetailColumn:
        return r.detail;
    default:
        return {};
    }
}

QVariant AuditTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case OperatorColumn:
        return tr("Operator");
    case OriginColumn:
        return tr("Origin");
    case ActionColumn:
        return tr("Action");
    case TargetColumn:
        return tr("Target");
    case OutcomeColumn:
        return tr("Outcome");
    case DetailColumn:
        return tr("Detail");
    default:
        return {};
    }
}

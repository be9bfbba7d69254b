#include "approvaltablemodel.h"

#include "ledgerclient.h"
#include "money.h"
#include "transactionkindtext.h"

#include <QDateTime>

ApprovalTableModel::ApprovalTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

void ApprovalTableModel::setClient(LedgerClient *client, bool pendingOnly) {
    beginResetModel();
    ++m_generation;
    m_client = client;
    m_pendingOnly = pendingOnly;
    m_rows.clear();
    m_loading = false;
    endResetModel();
    refresh();
}

void ApprovalTableModel::refresh() {
    if (!m_client)
        return;
    m_loading = true;
    const quint64 generation = ++m_generation;
    m_client->approvals(m_pendingOnly).then(this, [this, generation](const Result<QList<Approval>> &list) {
        if (generation != m_generation)
            return; // a newer refresh is on its way
        m_loading = false;
        if (!list) {
            Q_EMIT loadFailed(list.error().message);
            return;
        }
        // Keep rows (and the view's selection) where the queue did not change: update in place when the
        // ids are the same, otherwise reset.
        bool sameIds = list->size() == m_rows.size();
        for (int i = 0; sameIds && i < m_rows.size(); ++i)
            sameIds = list->at(i).id == m_rows.at(i).id;
        if (sameIds) {
            m_rows = *list;
            if (!m_rows.isEmpty())
                Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
        } else {
            beginResetModel();
            m_rows = *list;
            endResetModel();
        }
        int pending = 0;
        for (const Approval &a : std::as_const(m_rows))
            pending += a.state == Approval::State::Pending ? 1 : 0;
        Q_EMIT loaded(pending);
    });
}

const Approval *ApprovalTableModel::approvalAt(int row) const {
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ApprovalTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ApprovalTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ApprovalTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Approval &a = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(Qt::Alignment(index.column() == AmountColumn || index.column() == IdColumn
                                                     ? Qt::AlignRight | Qt::AlignVCenter
                                                     : Qt::AlignLeft | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole && index.column() == ReasonColumn)
        return a.request.memo;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case IdColumn:
        return a.id;
    case RequestedColumn:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(a.createdAt).toLocalTime(),
                                 QLocale::ShortFormat);
    case MakerColumn:
        return a.maker;
    case AccountColumn:
        return QStringLiteral("#%1").arg(a.request.accountId);
    case KindColumn:
        return TransactionKindText::of(a.request.kind);
    case AmountColumn:
        return QStringLiteral("%1 %2").arg(Money::formatLocalized(a.request.amount, a.exponent, m_locale),
                                           a.currency);
    case ReasonColumn:
        return a.request.ticketRef.isEmpty()
                   ? a.request.reasonCode
                   : QStringLiteral("%1 (%2)").arg(a.request.reasonCode, a.request.ticketRef);
    case StateColumn:
        switch (a.state) {
        case Approval::State::Pending:
            return tr("Pending");
        case Approval::State::Approved:
            return tr("Approved by %1").arg(a.checker);
        case Approval::State::Rejected:
            return tr("Rejected by %1").arg(a.checker);
        }
        return {};
    default:
        return {};
    }
}

QVariant ApprovalTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Approval");
    case RequestedColumn:
        return tr("Requested");
    case MakerColumn:
        return tr("Requested by");
    case AccountColumn:
        return tr("Account");
    case KindColumn:
        return tr("Kind");
    case AmountColumn:
        return tr("Amount");
    case ReasonColumn:
        return tr("Reason");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

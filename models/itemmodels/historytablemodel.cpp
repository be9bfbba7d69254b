#include "historytablemodel.h"

#include "ledgerclient.h"
#include "money.h"
#include "transactionkindtext.h"

#include <QDateTime>

HistoryTableModel::HistoryTableModel(QObject *parent)
    : KeysetTableModel<HistoryEntry>(parent) {}

void HistoryTableModel::setAccount(LedgerClient *client, qint64 accountId, int exponent) {
    m_client = client;
    m_accountId = accountId;
    m_exponent = exponent;
    if (accountId == 0)
        client = nullptr;
    setSourceCall(client, [accountId](LedgerClient *c, qint64 before, int limit) {
        return c->history(accountId, before, limit);
    });
}

int HistoryTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const HistoryEntry &h = m_rows.at(index.row());
    switch (role) {
    case TransactionIdRole:
        return h.transactionId;
    case LinkedTransactionRole:
        return h.reversedById != 0 ? h.reversedById : h.reversesId;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment(index.column() == AmountColumn || index.column() == BalanceAfterColumn
                              ? Qt::AlignRight | Qt::AlignVCenter
                              : Qt::AlignLeft | Qt::AlignVCenter));
    case Qt::ToolTipRole:
        if (index.column() == LinkColumn && (h.reversedById || h.reversesId))
            return tr("Double-click to open the linked transaction");
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(h.createdAt).toLocalTime(),
                                 QLocale::ShortFormat);
    case KindColumn:
        return TransactionKindText::of(h.kind);
    case AmountColumn:
        return (h.amount > 0 ? QStringLiteral("+") : QString()) +
               Money::formatLocalized(h.amount, m_exponent, m_locale);
    case BalanceAfterColumn:
        return Money::formatLocalized(h.balanceAfter, m_exponent, m_locale);
    case ReasonColumn:
        return h.ticketRef.isEmpty() ? h.reasonCode
                                     : QStringLiteral("%1 (%2)").arg(h.reasonCode, h.ticketRef);
    case OperatorColumn:
        return h.operatorName;
    case LinkColumn:
        if (h.reversedById)
            return tr("reversed by #%1").arg(h.reversedById);
        if (h.reversesId)
            return tr("reverses #%1").arg(h.reversesId);
        return QString();
    case KeyColumn:
        return h.idempotencyKey;
    case MemoColumn:
        return h.memo;
    default:
        return {};
    }
}

QVariant HistoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case KindColumn:
        return tr("Kind");
    case AmountColumn:
        return tr("Amount");
    case BalanceAfterColumn:
        return tr("Balance after");
    case ReasonColumn:
        return tr("Reason");
    case OperatorColumn:
        return tr("Operator");
    case LinkColumn:
        return tr("Reversal");
    case KeyColumn:
        return tr("Idempotency key");
    case MemoColumn:
        return tr("Memo");
    default:
        return {};
    }
}

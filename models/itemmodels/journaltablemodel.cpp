#include "journaltablemodel.h"

#include "ledgerclient.h"
#include "money.h"
#include "transactionkindtext.h"

#include <QDateTime>

JournalTableModel::JournalTableModel(QObject *parent)
    : KeysetTableModel<JournalLine>(parent) {}

void JournalTableModel::setSource(LedgerClient *client, const JournalQuery &query) {
    m_query = query;
    setSourceCall(client, [query](LedgerClient *c, qint64 before, int limit) {
        return c->journal(query, before, limit);
    });
}

int JournalTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JournalTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const JournalLine &l = m_rows.at(index.row());
    switch (role) {
    case TransactionIdRole:
        return l.transactionId;
    case AccountIdRole:
        return l.accountId;
    case Qt::TextAlignmentRole: {
        const bool numeric = index.column() == AmountColumn || index.column() == BalanceAfterColumn ||
                             index.column() == TransactionColumn;
        return QVariant::fromValue(
            Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case TimeColumn:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(l.createdAt).toLocalTime(),
                                 QLocale::ShortFormat);
    case TransactionColumn:
        return QString::number(l.transactionId);
    case KindColumn:
        return TransactionKindText::of(l.kind);
    case AccountColumn:
        return QStringLiteral("#%1 %2").arg(l.accountId).arg(l.accountLabel);
    case AmountColumn:
        return (l.amount > 0 ? QStringLiteral("+") : QString()) +
               Money::formatLocalized(l.amount, l.exponent, m_locale);
    case CurrencyColumn:
        return l.currency;
    case BalanceAfterColumn:
        return Money::formatLocalized(l.balanceAfter, l.exponent, m_locale);
    case OperatorColumn:
        return l.operatorName;
    case ReasonColumn:
        return l.reasonCode;
    case MemoColumn:
        return l.memo;
    default:
        return {};
    }
}

QVariant JournalTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TransactionColumn:
        return tr("Transaction");
    case KindColumn:
        return tr("Kind");
    case AccountColumn:
        return tr("Account");
    case AmountColumn:
        return tr("Amount");
    case CurrencyColumn:
        return tr("Currency");
    case BalanceAfterColumn:
        return tr("Balance after");
    case OperatorColumn:
        return tr("Operator");
    case ReasonColumn:
        return tr("Reason");
    case MemoColumn:
        return tr("Memo");
    default:
        return {};
    }
}

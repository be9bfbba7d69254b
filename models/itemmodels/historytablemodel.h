#pragma once

#include "historyentry.h"
#include "keysettablemodel.h"

#include <QLocale>
#include <QPointer>

class LedgerClient;

/// One account's history, newest first, loaded a page at a time as the view scrolls.
class HistoryTableModel final : public KeysetTableModel<HistoryEntry> {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        KindColumn,
        AmountColumn,
        BalanceAfterColumn,
        ReasonColumn,
        OperatorColumn,
        LinkColumn,
        KeyColumn,
        MemoColumn,
        ColumnCount
    };
    enum Role { TransactionIdRole = Qt::UserRole + 1, LinkedTransactionRole };

    explicit HistoryTableModel(QObject *parent = nullptr);

    /// Shows `accountId` (0: nothing) of `client`; `exponent` formats its amounts.
    void setAccount(LedgerClient *client, qint64 accountId, int exponent);
    qint64 accountId() const { return m_accountId; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 keyOf(const HistoryEntry &row) const override { return row.entryId; }

    QPointer<LedgerClient> m_client;
    qint64 m_accountId = 0;
    int m_exponent = 0;
    QLocale m_locale;
};

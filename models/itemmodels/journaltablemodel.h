#pragma once

#include "journalquery.h"
#include "keysettablemodel.h"

#include <QLocale>
#include <QPointer>

class LedgerClient;

/// Every entry of every account, newest first, filtered by the database; loaded a page at a time.
class JournalTableModel final : public KeysetTableModel<JournalLine> {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        TransactionColumn,
        KindColumn,
        AccountColumn,
        AmountColumn,
        CurrencyColumn,
        BalanceAfterColumn,
        OperatorColumn,
        ReasonColumn,
        MemoColumn,
        ColumnCount
    };
    enum Role { TransactionIdRole = Qt::UserRole + 1, AccountIdRole };

    explicit JournalTableModel(QObject *parent = nullptr);

    void setSource(LedgerClient *client, const JournalQuery &query);
    JournalQuery query() const { return m_query; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 keyOf(const JournalLine &row) const override { return row.entryId; }

    JournalQuery m_query;
    QLocale m_locale;
};

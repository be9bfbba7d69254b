#pragma once

#include "auditrecord.h"
#include "keysettablemodel.h"

#include <QLocale>

class LedgerClient;

/// The audit log, newest first, loaded a page at a time.
class AuditTableModel final : public KeysetTableModel<AuditRecord> {
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        OperatorColumn,
        OriginColumn,
        ActionColumn,
        TargetColumn,
        OutcomeColumn,
        DetailColumn,
        ColumnCount
    };

    explicit AuditTableModel(QObject *parent = nullptr);
    void setClient(LedgerClient *client);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 keyOf(const AuditRecord &row) const override { return row.id; }

    QLocale m_locale;
};

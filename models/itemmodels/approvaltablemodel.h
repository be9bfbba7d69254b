#pragma once

#include "approval.h"

#include <QAbstractTableModel>
#include <QLocale>
#include <QPointer>

class LedgerClient;

/// The approvals queue: postings above their maker's limit, waiting for a second operator. The queue is
/// short by nature (each item is a person's decision), so it is loaded whole, up to the client's cap.
class ApprovalTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        RequestedColumn,
        MakerColumn,
        AccountColumn,
        KindColumn,
        AmountColumn,
        ReasonColumn,
        StateColumn,
        ColumnCount
    };

    explicit ApprovalTableModel(QObject *parent = nullptr);

    void setClient(LedgerClient *client, bool pendingOnly = true);
    void refresh();
    const Approval *approvalAt(int row) const;
    bool isIdle() const { return !m_loading; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded(int pendingCount);
    void loadFailed(const QString &message);

private:
    QPointer<LedgerClient> m_client;
    bool m_pendingOnly = true;
    bool m_loading = false;
    quint64 m_generation = 0;
    QList<Approval> m_rows;
    QLocale m_locale;
};

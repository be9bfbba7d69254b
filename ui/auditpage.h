#pragma once

#include <QWidget>

class AuditTableModel;
class LedgerClient;
class QTableView;

/// The audit log, newest first: who did what, from where, to what, and how it ended.
class AuditPage final : public QWidget {
    Q_OBJECT
public:
    explicit AuditPage(QWidget *parent = nullptr);

    void setClient(LedgerClient *client);
    void refresh();

    AuditTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void saveState(const QString &group) const;
    void restoreState(const QString &group);

private:
    AuditTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
};

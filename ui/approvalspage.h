#pragma once

#include <QPointer>
#include <QWidget>

class ApprovalTableModel;
class LedgerClient;
class QLabel;
class QTableView;
struct Approval;

/// The approvals queue: postings above their maker's limit, waiting for a second operator's decision.
class ApprovalsPage final : public QWidget {
    Q_OBJECT
public:
    explicit ApprovalsPage(QWidget *parent = nullptr);

    void setClient(LedgerClient *client);
    void refresh();
    /// The selected approval, or nullptr.
    const Approval *selected() const;

    ApprovalTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    void saveState(const QString &group) const;
    void restoreState(const QString &group);

Q_SIGNALS:
    void selectionChanged();
    void pendingCountChanged(int count);
    /// Enter or double-click: the main window opens the decision dialog.
    void decisionRequested(bool approve);

private:
    ApprovalTableModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_summary = nullptr;
};

#include "approvalspage.h"

#include "approvaltablemodel.h"
#include "tableviews.h"

#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

ApprovalsPage::ApprovalsPage(QWidget *parent)
    : QWidget(parent) {
    m_model = new ApprovalTableModel(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("approvalsSummary"));
    m_summary->setWordWrap(true);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("approvalsTable"));
    TableViews::setUp(m_table);
    m_table->setModel(m_model);
    m_table->setColumnWidth(ApprovalTableModel::RequestedColumn, 170);
    m_table->setColumnWidth(ApprovalTableModel::AmountColumn, 140);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ApprovalsPage::selectionChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ApprovalsPage::selectionChanged);
    connect(m_table, &QTableView::doubleClicked, this, [this] { Q_EMIT decisionRequested(true); });
    connect(m_model, &ApprovalTableModel::loaded, this, [this](int pending) {
        m_summary->setText(pending == 0
                               ? tr("Nothing is waiting for approval.")
                               : tr("%n posting(s) wait for a second operator. Their funds are held "
                                    "until someone other than the requester approves or rejects them.",
                                    nullptr, pending));
        Q_EMIT pendingCountChanged(pending);
    });
    connect(m_model, &ApprovalTableModel::loadFailed, this, [this](const QString &message) {
        m_summary->setText(tr("The queue could not be loaded: %1").arg(message));
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
}

void ApprovalsPage::setClient(LedgerClient *client) {
    m_model->setClient(client, true);
}

void ApprovalsPage::refresh() {
    m_model->refresh();
}

const Approval *ApprovalsPage::selected() const {
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->approvalAt(current.row()) : nullptr;
}

void ApprovalsPage::saveState(const QString &group) const {
    TableViews::saveHeader(m_table, group + QStringLiteral("/approvalsHeader"));
}

void ApprovalsPage::restoreState(const QString &group) {
    TableViews::restoreHeader(m_table, group + QStringLiteral("/approvalsHeader"));
}

#include "auditpage.h"

#include "audittablemodel.h"
#include "tableviews.h"

#include <QTableView>
#include <QVBoxLayout>

AuditPage::AuditPage(QWidget *parent)
    : QWidget(parent) {
    m_model = new AuditTableModel(this);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("auditTable"));
    TableViews::setUp(m_table);
    m_table->setModel(m_model);
    m_table->setColumnWidth(AuditTableModel::TimeColumn, 170);
    m_table->setColumnWidth(AuditTableModel::OriginColumn, 160);
    m_table->setColumnWidth(AuditTableModel::TargetColumn, 140);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_table);
}

void AuditPage::setClient(LedgerClient *client) {
    m_model->setClient(client);
}

void AuditPage::refresh() {
    m_model->refresh();
}

void AuditPage::saveState(const QString &group) const {
    TableViews::saveHeader(m_table, group + QStringLiteral("/auditHeader"));
}

void AuditPage::restoreState(const QString &group) {
    TableViews::restoreHeader(m_table, group + QStringLiteral("/auditHeader"));
}

#pragma once

#include "importreport.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QLocale>

/// The rows of a bulk import's report (ImportReport) as a table: line, kind, account, amount, result and
/// what the ledger said. Refused rows carry RefusedRole (the dialog filters on it) and the error colour.
class ImportReportModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LineColumn,
        KindColumn,
        AccountColumn,
        AmountColumn,
        ResultColumn,
        DetailColumn,
        ColumnCount
    };
    enum Role { RefusedRole = Qt::UserRole + 1 };

    explicit ImportReportModel(QObject *parent = nullptr);

    void setReport(const ImportReport &report);
    const ImportReport &report() const { return m_report; }
    /// The text colour of refused rows (the dialog picks one that reads on its palette).
    void setRefusedColor(const QColor &color) { m_refusedColor = color; }

    /// The outcome as the table says it, translated: "Would post" in a dry run, "Posted" after posting.
    static QString outcomeText(ImportRow::Outcome outcome, bool dryRun);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString amountText(const ImportRow &row) const;
    QString detailText(const ImportRow &row) const;
    QString balanceAfter(const ImportRow &row) const;

    ImportReport m_report;
    QColor m_refusedColor{0xb3, 0x26, 0x1e};
    QLocale m_locale;
};

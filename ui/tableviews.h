#pragma once

class QString;
class QTableView;

/// The look and behaviour every WalletDesk table shares: whole-row selection, compact rows, no word wrap,
/// alternating colours, and its header (column widths, order, sort) saved per table in the settings.
namespace TableViews {
void setUp(QTableView *table);
void saveHeader(const QTableView *table, const QString &key);
void restoreHeader(QTableView *table, const QString &key);
} // namespace TableViews

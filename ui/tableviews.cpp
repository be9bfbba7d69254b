#include "tableviews.h"

#include <QHeaderView>
#include <QSettings>
#include <QTableView>

namespace TableViews {

void setUp(QTableView *table) {
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->setTabKeyNavigation(false); // Tab leaves the table, arrows move within it
    table->verticalHeader()->hide();
    // A fixed row height lets the view compute positions without asking the model for every row's size
    // (which, on a lazy model, would ask for every page).
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setHighlightSections(false);
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void saveHeader(const QTableView *table, const QString &key) {
    QSettings().setValue(key, table->horizontalHeader()->saveState());
}

void restoreHeader(QTableView *table, const QString &key) {
    const QByteArray state = QSettings().value(key).toByteArray();
    if (!state.isEmpty())
        table->horizontalHeader()->restoreState(state);
}

} // namespace TableViews

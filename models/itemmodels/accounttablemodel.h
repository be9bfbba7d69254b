#pragma once

#include "accountquery.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QPointer>
#include <optional>

class LedgerClient;

/// The accounts list: a lazy table over any number of accounts (DB Browser for SQLite's RowLoader is the
/// model). rowCount() is the matching count, asked of the database off the GUI thread; data() answers
/// from a cache of pages and, for a row not loaded yet, returns a placeholder and asks for its page.
/// Only the most recently wanted pages are fetched, so a fast scroll does not queue a backlog; results
/// of an older query (a generation counter) are dropped. Sorting and filtering are done by the database.
///
/// When the ledger changes, refresh() re-counts and reloads the cached pages in place, so the selection
/// and the scroll position survive.
class AccountTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        PlayerRefColumn,
        NameColumn,
        CurrencyColumn,
        BalanceColumn,
        AvailableColumn,
        StateColumn,
        LastActivityColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role { AccountIdRole = Qt::UserRole + 1, LoadedRole };
    static constexpr int PageSize = 100;

    explicit AccountTableModel(QObject *parent = nullptr);
    ~AccountTableModel() override;
    Q_DISABLE_COPY_MOVE(AccountTableModel)

    /// Starts over on `client` (nullptr: empty).
    void setClient(LedgerClient *client);
    void setQuery(const AccountQuery &query);
    AccountQuery query() const { return m_query; }
    /// Reloads the count and every cached page, keeping rows in place.
    void refresh();

    /// The account on `row` if its page is loaded.
    std::optional<Account> accountAt(int row) const;
    /// Row of the account with that id among loaded rows, or -1.
    int rowOfAccount(qint64 id) const;
    /// True when the count is known and no page request is outstanding (tests and benchmarks wait on it).
    bool isIdle() const { return m_countKnown && m_inFlight.isEmpty() && m_wanted.isEmpty(); }
    /// The search matches more rows than the list shows (AccountQuery::SearchCountCap).
    bool isCapped() const { return m_capped; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static AccountQuery::Sort sortOf(int column);

Q_SIGNALS:
    /// The count for the current query arrived (also after refresh()).
    void countChanged(qint64 count);
    /// A page arrived; `idle` is isIdle() afterwards.
    void pageLoaded(bool idle);
    /// A request failed; the message names what failed.
    void loadFailed(const QString &message);

private:
    void requestCount(bool keepRows);
    void want(qint64 page) const;
    void fetchWanted();
    void fetchPage(qint64 page, bool refreshing);
    void dropStalePages();

    QPointer<LedgerClient> m_client;
    AccountQuery m_query;
    quint64 m_generation = 0;
    qint64 m_total = 0;
    bool m_countKnown = false;
    bool m_capped = false;
    QHash<qint64, QList<Account>> m_pages;
    QList<qint64> m_pageOrder;      ///< least recently loaded first, for eviction
    mutable QList<qint64> m_wanted; ///< most recently wanted last; data() is const but may ask for pages
    mutable bool m_fetchScheduled = false;
    QList<qint64> m_inFlight;
    QLocale m_locale;
};

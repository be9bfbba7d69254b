#include "accounttablemodel.h"

#include "ledgerclient.h"
#include "money.h"

#include <QDateTime>

namespace {
constexpr int MaxWantedPages = 4; ///< older wishes are forgotten: the view has scrolled past them
constexpr int MaxInFlight = 2;
constexpr int MaxCachedPages = 80; ///< 8,000 rows, a few hundred kilobytes
} // namespace

AccountTableModel::AccountTableModel(QObject *parent)
    : QAbstractTableModel(parent) {}

AccountTableModel::~AccountTableModel() = default;

void AccountTableModel::setClient(LedgerClient *client) {
    m_client = client;
    setQuery(m_query);
}

void AccountTableModel::setQuery(const AccountQuery &query) {
    beginResetModel();
    ++m_generation;
    m_query = query;
    m_total = 0;
    m_countKnown = false;
    m_capped = false;
    m_pages.clear();
    m_pageOrder.clear();
    m_wanted.clear();
    m_inFlight.clear();
    endResetModel();
    if (!m_client)
        return;
    requestCount(false);
    fetchPage(0, false); // in parallel with the count: the first page needs no count
}

void AccountTableModel::refresh() {
    if (m_client && m_countKnown)
        requestCount(true);
}

void AccountTableModel::requestCount(bool keepRows) {
    const quint64 generation = m_generation;
    m_client->countAccounts(m_query).then(this, [this, generation, keepRows](const Result<qint64> &count) {
        if (generation != m_generation)
            return;
        if (!count) {
            m_countKnown = true;
            Q_EMIT loadFailed(count.error().message);
            return;
        }
        // A search's count stops just past the cap (AccountQuery::SearchCountCap): show the capped rows.
        m_capped = !m_query.search.trimmed().isEmpty() && *count > AccountQuery::SearchCountCap;
        const qint64 total = m_capped ? AccountQuery::SearchCountCap
                                      : std::min<qint64>(*count, std::numeric_limits<int>::max());
        if (total > m_total) {
            beginInsertRows({}, int(m_total), int(total - 1));
            m_total = total;
            endInsertRows();
        } else if (total < m_total) {
            beginRemoveRows({}, int(total), int(m_total - 1));
            m_total = total;
            dropStalePages();
            endRemoveRows();
        }
        m_countKnown = true;
        Q_EMIT countChanged(m_total);
        if (keepRows) {
            const QList<qint64> cached = m_pages.keys();
            for (qint64 page : cached)
                fetchPage(page, true);
        }
        Q_EMIT pageLoaded(isIdle());
    });
}

void AccountTableModel::dropStalePages() {
    const qint64 lastPage = m_total == 0 ? -1 : (m_total - 1) / PageSize;
    // removeIf visits each page once; erase() with a mutable iterator would convert it to a const_iterator
    // (clazy's strict-iterators).
    m_pages.removeIf([&](QHash<qint64, QList<Account>>::iterator it) {
        if (it.key() <= lastPage)
            return false;
        m_pageOrder.removeOne(it.key());
        return true;
    });
}

void AccountTableModel::want(qint64 page) const {
    if (m_pages.contains(page) || m_inFlight.contains(page))
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    while (m_wanted.size() > MaxWantedPages)
        m_wanted.removeFirst();
    if (!m_fetchScheduled) {
        m_fetchScheduled = true;
        // data() is const and may run inside a paint: fetch after it returns.
        QMetaObject::invokeMethod(const_cast<AccountTableModel *>(this), &AccountTableModel::fetchWanted,
                                  Qt::QueuedConnection);
    }
}

void AccountTableModel::fetchWanted() {
    m_fetchScheduled = false;
    while (m_inFlight.size() < MaxInFlight && !m_wanted.isEmpty())
        fetchPage(m_wanted.takeLast(), false); // the newest wish first
}

void AccountTableModel::fetchPage(qint64 page, bool refreshing) {
    if (!m_client || (!refreshing && m_inFlight.contains(page)))
        return;
    m_inFlight.append(page);
    std::optional<AccountKey> after;
    auto previous = m_pages.constFind(page - 1);
    if (page > 0 && previous != m_pages.constEnd() && previous->size() == PageSize)
        after = AccountKey::of(m_query, previous->last());
    const quint64 generation = m_generation;
    m_client->accounts(m_query, page * PageSize, PageSize, after, m_countKnown && !m_capped ? m_total : -1)
        .then(this, [this, generation, page](const Result<AccountPage> &result) {
            if (generation != m_generation)
                return; // an older query's page
            m_inFlight.removeOne(page);
            if (!result) {
                Q_EMIT loadFailed(result.error().message);
            } else if (page * PageSize < m_total || !m_countKnown) {
                m_pages.insert(page, result->accounts);
                m_pageOrder.removeOne(page);
                m_pageOrder.append(page);
                while (m_pageOrder.size() > MaxCachedPages)
                    m_pages.remove(m_pageOrder.takeFirst());
                const int first = int(page * PageSize);
                const int last = int(std::min<qint64>(m_total, (page + 1) * PageSize)) - 1;
                if (last >= first)
                    Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
            }
            fetchWanted();
            Q_EMIT pageLoaded(isIdle());
        });
}

std::optional<Account> AccountTableModel::accountAt(int row) const {
    auto it = m_pages.constFind(row / PageSize);
    if (it == m_pages.constEnd() || row % PageSize >= it->size())
        return std::nullopt;
    return it->at(row % PageSize);
}

int AccountTableModel::rowOfAccount(qint64 id) const {
    for (auto it = m_pages.constBegin(); it != m_pages.constEnd(); ++it)
        for (int i = 0; i < it->size(); ++i)
            if (it->at(i).id == id)
                return int(it.key() * PageSize + i);
    return -1;
}

int AccountTableModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_total);
}

int AccountTableModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AccountTableModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto account = accountAt(index.row());
    if (role == LoadedRole)
        return account.has_value();
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() == BalanceColumn || index.column() == AvailableColumn ||
                             index.column() == IdColumn;
        return QVariant::fromValue(
            Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (!account) {
        if (role == Qt::DisplayRole) {
            want(index.row() / PageSize);
            return index.column() == IdColumn ? QStringLiteral("…") : QString();
        }
        return {};
    }
    const Account &a = *account;
    if (role == AccountIdRole)
        return a.id;
    if (role == Qt::ToolTipRole && index.column() == AvailableColumn && a.held != 0)
        return tr("%1 held for pending approvals").arg(Money::formatLocalized(a.held, a.exponent, m_locale));
    if (role != Qt::DisplayRole)
        return {};
    auto when = [this](qint64 ms) {
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(ms).toLocalTime(), QLocale::ShortFormat);
    };
    switch (index.column()) {
    case IdColumn:
        return QString::number(a.id); // an identifier people read out and type: no group separators
    case PlayerRefColumn:
        return a.kind == AccountKind::System ? tr("(system)") : a.playerRef;
    case NameColumn:
        return a.name;
    case CurrencyColumn:
        return a.currency;
    case BalanceColumn:
        return Money::formatLocalized(a.balance, a.exponent, m_locale);
    case AvailableColumn:
        return Money::formatLocalized(a.available(), a.exponent, m_locale);
    case StateColumn:
        switch (a.state) {
        case AccountState::Active:
            return tr("Active");
        case AccountState::Frozen:
            return tr("Frozen");
        case AccountState::Closed:
            return tr("Closed");
        }
        return {};
    case LastActivityColumn:
        return when(a.lastActivityAt);
    case CreatedColumn:
        return when(a.createdAt);
    default:
        return {};
    }
}

QVariant AccountTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Account");
    case PlayerRefColumn:
        return tr("Player");
    case NameColumn:
        return tr("Name");
    case CurrencyColumn:
        return tr("Currency");
    case BalanceColumn:
        return tr("Balance");
    case AvailableColumn:
        return tr("Available");
    case StateColumn:
        return tr("State");
    case LastActivityColumn:
        return tr("Last activity");
    case CreatedColumn:
        return tr("Created");
    default:
        return {};
    }
}

AccountQuery::Sort AccountTableModel::sortOf(int column) {
    switch (column) {
    case PlayerRefColumn:
        return AccountQuery::Sort::PlayerRef;
    case NameColumn:
        return AccountQuery::Sort::Name;
    case CurrencyColumn:
        return AccountQuery::Sort::Currency;
    case BalanceColumn:
        return AccountQuery::Sort::Balance;
    case AvailableColumn:
        return AccountQuery::Sort::Available;
    case StateColumn:
        return AccountQuery::Sort::State;
    case LastActivityColumn:
        return AccountQuery::Sort::LastActivity;
    case CreatedColumn:
        return AccountQuery::Sort::Created;
    default:
        return AccountQuery::Sort::Id;
    }
}

void AccountTableModel::sort(int column, Qt::SortOrder order) {
    AccountQuery q = m_query;
    q.sort = sortOf(column);
    q.descending = order == Qt::DescendingOrder;
    if (q != m_query)
        setQuery(q);
}

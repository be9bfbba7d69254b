#pragma once

#include "ledgerclient.h"
#include "ledgererror.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>
#include <QPointer>
#include <functional>
#include <limits>

/// A lazy, newest-first table over an append-only list (an account's history, the journal, the audit
/// log). Rows arrive a page at a time through canFetchMore()/fetchMore(), each page continuing after the
/// last key loaded (keyset pagination: a page deep in a million rows costs what the first costs).
/// refresh() fetches the newest page again: rows newer than the first loaded one are inserted on top and
/// rows already shown are updated in place (a transaction reversed meanwhile shows its new link).
///
/// `Row` is a value type; subclasses say how to read its key (descending, unique) and how to show it.
template <typename Row> class KeysetTableModel : public QAbstractTableModel {
public:
    using Fetch = std::function<QFuture<Result<QList<Row>>>(qint64 beforeKey, int limit)>;
    static constexpr int PageSize = 200;

    explicit KeysetTableModel(QObject *parent = nullptr)
        : QAbstractTableModel(parent) {}

    /// Starts over with a new source of rows (nullptr-like empty function: an empty table).
    void setFetch(Fetch fetch) {
        beginResetModel();
        ++m_generation;
        m_rows.clear();
        m_fetch = std::move(fetch);
        m_atEnd = !m_fetch;
        m_loading = false;
        m_error.clear();
        endResetModel();
        if (m_fetch)
            fetchMore({});
    }

    void refresh() {
        if (!m_fetch || m_refreshing || m_loading)
            return; // a load in progress brings the newest rows anyway
        m_refreshing = true;
        const quint64 generation = m_generation;
        whenDone(m_fetch(0, PageSize), [this, generation](const Result<QList<Row>> &page) {
            if (generation != m_generation)
                return;
            m_refreshing = false;
            if (!page) {
                m_error = page.error().message;
                return;
            }
            const qint64 newest =
                m_rows.isEmpty() ? std::numeric_limits<qint64>::min() : keyOf(m_rows.first());
            QList<Row> fresh;
            for (const Row &r : *page)
                if (keyOf(r) > newest)
                    fresh << r;
            const bool wasEmpty = m_rows.isEmpty();
            if (!wasEmpty && fresh.size() == PageSize) {
                setFetch(m_fetch); // more new rows than a page: a gap would open, so start over
                return;
            }
            if (!fresh.isEmpty()) {
                beginInsertRows({}, 0, int(fresh.size() - 1));
                m_rows = fresh + m_rows;
                endInsertRows();
            }
            // Rows already shown that the page covers again: update them where they changed.
            int row = int(fresh.size());
            for (int i = int(fresh.size()); i < page->size() && row < m_rows.size(); ++i, ++row) {
                if (keyOf(page->at(i)) != keyOf(m_rows.at(row)))
                    break;
                m_rows[row] = page->at(i);
            }
            if (row > fresh.size())
                Q_EMIT dataChanged(index(int(fresh.size()), 0), index(row - 1, columnCount() - 1));
            if (wasEmpty)
                m_atEnd = page->size() < PageSize;
        });
    }

    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }
    /// No page request is outstanding.
    bool isIdle() const { return !m_loading && !m_refreshing; }
    bool atEnd() const { return m_atEnd; }
    /// The last load error, empty when the last load worked.
    QString lastError() const { return m_error; }

    int rowCount(const QModelIndex &parent = {}) const override {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    bool canFetchMore(const QModelIndex &parent) const override {
        return !parent.isValid() && m_fetch && !m_atEnd && !m_loading;
    }
    void fetchMore(const QModelIndex &parent) override {
        if (parent.isValid() || !m_fetch || m_atEnd || m_loading)
            return;
        m_loading = true;
        const quint64 generation = m_generation;
        const qint64 before = m_rows.isEmpty() ? 0 : keyOf(m_rows.last());
        whenDone(m_fetch(before, PageSize), [this, generation](const Result<QList<Row>> &page) {
            if (generation != m_generation)
                return;
            if (!page) {
                m_loading = false;
                m_error = page.error().message;
                m_atEnd = true; // stop asking; refresh() or setFetch() starts again
                return;
            }
            m_error.clear();
            if (page->size() < PageSize)
                m_atEnd = true;
            if (!page->isEmpty()) {
                // Still "loading" while rows go in: views (and QAbstractItemModelTester) ask canFetchMore()
                // from inside the insertion, and a second fetch must not start there.
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->size() - 1));
                m_rows += *page;
                endInsertRows();
            }
            m_loading = false;
        });
    }

protected:
    virtual qint64 keyOf(const Row &row) const = 0;

    /// Rows from `client` through `call(client, before, limit)`; once the client is gone (the window
    /// connected elsewhere), an error instead of a dangling call. nullptr gives an empty table.
    template <typename Call> void setSourceCall(LedgerClient *client, Call call) {
        if (!client) {
            setFetch({});
            return;
        }
        setFetch([guarded = QPointer<LedgerClient>(client), call](qint64 before, int limit) {
            if (!guarded)
                return QtFuture::makeReadyFuture(Result<QList<Row>>(
                    LedgerError{ErrorCode::Database, QStringLiteral("the connection is closed")}));
            return call(guarded.data(), before, limit);
        });
    }

    QList<Row> m_rows;

private:
    /// Runs `f` with the future's result from the event loop, never inside the call that started the fetch:
    /// a future that finished before then() was attached runs its continuation at once, and rows inserted
    /// from inside fetchMore() (called by a view, or QAbstractItemModelTester, amid its own checks) would
    /// nest one model change inside another.
    template <typename F> void whenDone(QFuture<Result<QList<Row>>> future, F f) {
        future.then(this, [this, f = std::move(f)](const Result<QList<Row>> &page) {
            QMetaObject::invokeMethod(
                this, [f, page] { f(page); }, Qt::QueuedConnection);
        });
    }

    Fetch m_fetch;
    quint64 m_generation = 0;
    bool m_atEnd = true;
    bool m_loading = false;
    bool m_refreshing = false;
    QString m_error;
};

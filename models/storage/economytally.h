#pragma once

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <map>

/// The economy rollups (economy_flows, economy_days) recomputed from the journal while the verifier streams
/// it, then compared with what the postings kept. Compared per currency and UTC day, summed over kinds and
/// lanes: the verifier's entry stream does not carry transaction kinds, so the kind a flow is filed under is
/// left to the tests (tst_economy checks every kind against a brute force).
class EconomyTally final {
public:
    /// A transaction's net player change in a currency (the sum of its entries on player accounts).
    void addTransaction(int currency, qint64 day, qint64 netPlayerChange);
    /// A player account's day with entries: its balance before the day's first entry and after its last.
    void addPlayerDay(int currency, qint64 day, qint64 opening, qint64 closing);

    /// Empty when the tables hold exactly these figures; otherwise the first difference, in words. A read
    /// failure is reported through `readError`.
    QString compare(QSqlDatabase db, const QHash<QByteArray, int> &currencies, QString *readError) const;

private:
    struct Figures {
        qint64 sources = 0, sinks = 0, playerChange = 0, activePlayers = 0, activeBalance = 0;
        bool operator==(const Figures &) const = default;
    };
    std::map<std::pair<int, qint64>, Figures> m_days; ///< (currency index, day)
};

#include "economytally.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace {
constexpr qint64 MsPerDay = 86400000;
}

void EconomyTally::addTransaction(int currency, qint64 day, qint64 netPlayerChange) {
    Figures &f = m_days[{currency, day}];
    if (netPlayerChange > 0)
        f.sources += netPlayerChange;
    else
        f.sinks -= netPlayerChange;
}

void EconomyTally::addPlayerDay(int currency, qint64 day, qint64 opening, qint64 closing) {
    Figures &f = m_days[{currency, day}];
    f.playerChange += closing - opening;
    ++f.activePlayers;
    f.activeBalance += closing;
}

QString EconomyTally::compare(QSqlDatabase db, const QHash<QByteArray, int> &currencies,
                              QString *readError) const {
    std::map<std::pair<int, qint64>, Figures> stored;
    QHash<int, QByteArray> codes;
    for (auto it = currencies.cbegin(); it != currencies.cend(); ++it)
        codes.insert(it.value(), it.key());
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Rows of a currency with no account (none can be posted to) have no index: they are a difference too.
    auto key = [&](const QString &code, qint64 day) {
        return std::pair{currencies.value(code.toUtf8(), -1), day};
    };
    // PostgreSQL's SUM of bigints is a numeric, which the driver hands over as a double: the casts keep it
    // exact.
    if (!q.exec(
            QStringLiteral("SELECT currency, day, CAST(SUM(sources) AS BIGINT), CAST(SUM(sinks) AS BIGINT) "
                           "FROM economy_flows GROUP BY currency, day"))) {
        *readError = q.lastError().text();
        return {};
    }
    while (q.next()) {
        Figures &f = stored[key(q.value(0).toString(), q.value(1).toLongLong())];
        f.sources = q.value(2).toLongLong();
        f.sinks = q.value(3).toLongLong();
    }
    if (!q.exec(QStringLiteral(
            "SELECT currency, day, CAST(SUM(player_change) AS BIGINT), CAST(SUM(active_players) "
            "AS BIGINT), CAST(SUM(active_balance) AS BIGINT) FROM economy_days "
            "GROUP BY currency, day"))) {
        *readError = q.lastError().text();
        return {};
    }
    while (q.next()) {
        Figures &f = stored[key(q.value(0).toString(), q.value(1).toLongLong())];
        f.playerChange = q.value(2).toLongLong();
        f.activePlayers = q.value(3).toLongLong();
        f.activeBalance = q.value(4).toLongLong();
    }
    auto describe = [&](const std::pair<int, qint64> &k, const Figures &kept, const Figures &journal) {
        const QString day =
            QDateTime::fromMSecsSinceEpoch(k.second * MsPerDay, Qt::UTC).date().toString(Qt::ISODate);
        return QStringLiteral(
                   "the economy figures of %1 on %2 differ from the journal: kept sources %3, sinks %4, "
                   "player change %5, active players %6; from the entries %7, %8, %9, %10")
            .arg(k.first >= 0 ? QString::fromUtf8(codes.value(k.first))
                              : QStringLiteral("an unknown currency"),
                 day)
            .arg(kept.sources)
            .arg(kept.sinks)
            .arg(kept.playerChange)
            .arg(kept.activePlayers)
            .arg(journal.sources)
            .arg(journal.sinks)
            .arg(journal.playerChange)
            .arg(journal.activePlayers);
    };
    const Figures none;
    for (const auto &[k, journal] : m_days) {
        const auto it = stored.find(k);
        const Figures &kept = it == stored.end() ? none : it->second;
        if (!(kept == journal))
            return describe(k, kept, journal);
    }
    for (const auto &[k, kept] : stored)
        if (!m_days.contains(k) && !(kept == none))
            return describe(k, kept, none);
    return {};
}

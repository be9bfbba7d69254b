#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <vector>

/// The lanes of one hash chain (the journal's or the audit log's) as a verification pass walked them: per
/// lane the head it computed and the last id it saw. A chain is split into lanes so that concurrent postings
/// do not queue on one "previous hash"; each lane is checked on its own, and their heads are compared with
/// chain_heads at the end.
class ChainLanes final {
public:
    struct Lane {
        QByteArray head;
        qint64 lastId = 0;
    };

    /// The lane `number`, starting from the zero hash when first seen; nullptr for a number out of range.
    Lane *lane(qint64 number);
    /// Takes every lane `later` walked (a later slice of the same chain): its heads are the newer ones.
    void adopt(const ChainLanes &later);

    /// A cursor's text as hash input without a copy: valid until the cursor moves, which is after the row
    /// is hashed.
    static QByteArray unowned(QByteArrayView v) { return QByteArray::fromRawData(v.data(), v.size()); }

private:
    std::vector<Lane> m_lanes;
};

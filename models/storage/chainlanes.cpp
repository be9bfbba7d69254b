#include "chainlanes.h"

#include "ledgerstore.h"

ChainLanes::Lane *ChainLanes::lane(qint64 number) {
    if (number < 0 || number > 1023)
        return nullptr;
    if (m_lanes.size() <= size_t(number))
        m_lanes.resize(size_t(number) + 1, Lane{LedgerStore::zeroHash().toLatin1(), 0});
    return &m_lanes[size_t(number)];
}

void ChainLanes::adopt(const ChainLanes &later) {
    for (size_t l = 0; l < later.m_lanes.size(); ++l)
        if (later.m_lanes[l].lastId > 0)
            *lane(qint64(l)) = later.m_lanes[l];
}

#include "balancedistribution.h"

qint64 BalanceDistribution::shareMillionths(qint64 part) const {
    if (total <= 0)
        return 0;
    return qint64((Int128(part) * 1000000) / total);
}

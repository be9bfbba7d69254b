#pragma once

#include "chainlanes.h"
#include "verifypart.h"

#include <QSqlDatabase>

/// The audit log's hash chain, walked lane by lane in id order, and then the recorded heads of both chains
/// (chain_heads) against what the walks computed, which also gives the report its digest. Apart from the
/// journal's chain because it runs once, after the journal's slices have joined, on the calling thread.
class AuditChainCheck final {
public:
    bool run(QSqlDatabase db, VerifyPart &part);
    /// Compares chain_heads with `journal` (the joined journal walk) and the audit walk, and sets the
    /// report's digest: SHA-256 over every recorded head.
    void compareHeads(QSqlDatabase db, VerifyPart &part, ChainLanes &journal);

private:
    ChainLanes m_lanes;
};

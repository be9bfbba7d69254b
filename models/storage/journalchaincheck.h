#pragma once

#include "chainlanes.h"
#include "verifypart.h"

#include <QHash>
#include <QSqlDatabase>
#include <utility>

class VerifyProgress;

/// The journal's hash chain over one slice of it: streams transactions and their entries in journal order
/// and recomputes every lane's chain. It is a class of its own so that two workers can each walk half of
/// the journal at once (the longest part of a verification).
///
/// A slice runs over transaction ids [from, to); `to` 0 means to the end. The chain splits cleanly: a
/// continuing slice trusts the previous hash of its first row in each lane, and afterwards join() compares
/// that hash with the head the slice before it computed (the seam check).
class JournalChainCheck final {
public:
    JournalChainCheck(bool postgres, VerifyProgress &progress);

    /// Plans `this` as the head and `tail` as the rest, reading the ids through `db`. False when the journal
    /// is too small to be worth a second worker: then `this` alone covers it all.
    bool split(QSqlDatabase db, JournalChainCheck &tail);
    /// Walks the slice on `db`. `reportProgress` on the calling thread's slice only.
    bool run(QSqlDatabase db, VerifyPart &part, bool reportProgress);
    /// After both slices ran (and this one found nothing): adds the tail's counts and findings to `part`,
    /// checks the seam, and takes the tail's lane heads.
    void join(const JournalChainCheck &tail, const VerifyPart &tailPart, VerifyPart &part);

    ChainLanes &lanes() { return m_lanes; }

private:
    bool m_postgres;
    VerifyProgress &m_progress;
    qint64 m_fromTransaction = 0, m_toTransaction = 0;
    qint64 m_fromEntry = 0, m_toEntry = 0; ///< SQLite: the same slice as entry ids (journal order = id order)
    bool m_continuation = false;
    ChainLanes m_lanes;
    QHash<int, std::pair<QByteArray, qint64>> m_firstPrev; ///< lane -> (previous hash it starts from, txn id)
};

#pragma once

#include "verifyreport.h"

#include <QString>

/// What one verification worker found: its counts and its first problem, or that it could not read the
/// ledger. Each worker fills its own, so the workers share nothing while they run; LedgerVerifier merges
/// them afterwards. A finding and a read failure are kept apart because only the first is an answer about
/// the ledger (a read failure becomes an error, not a report).
struct VerifyPart {
    VerifyReport report;
    bool readFailed = false;

    /// Records a finding; returns false so that a pass can stop with `return part.problem(...)`.
    bool problem(const QString &text) {
        report.ok = false;
        report.firstProblem = text;
        return false;
    }
    /// Records that the ledger could not be read; returns false like problem().
    bool readFailure(const QString &text) {
        readFailed = true;
        report.firstProblem = text;
        return false;
    }
};

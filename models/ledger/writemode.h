#pragma once

/// Whether a decision is made or only rehearsed. A dry run checks every rule inside a transaction that is
/// rolled back, and answers what would happen; nothing is written, not even the audit log. (Posting and
/// reversal requests carry the same choice as their dryRun member.)
enum class WriteMode { Commit, DryRun };

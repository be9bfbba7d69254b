-- WalletDesk ledger schema, version 2 (SQLite).
-- Forced reversals are the only transactions allowed to take a player below zero; verify looks them up, and
-- without this index that lookup read the whole journal.
CREATE INDEX transactions_forced ON transactions (id) WHERE forced <> 0;

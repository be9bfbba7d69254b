-- WalletDesk ledger schema, version 3 (PostgreSQL).
-- The desktop app's accounts list sorts by any column in the database and pages by keyset (sort value, id);
-- each sortable column gets an index ending in id so that a page is one index seek. Text sorts and prefix
-- searches compare bytes (COLLATE "C") so that they behave as on SQLite and can use these indexes.
-- Search-as-you-type matches name prefixes case-insensitively, hence lower(name) (it replaces the plain index).
DROP INDEX accounts_name;
CREATE INDEX accounts_by_name ON accounts ((lower(name) COLLATE "C"), id);
CREATE INDEX accounts_by_player_ref ON accounts ((player_ref COLLATE "C"), id);
CREATE INDEX accounts_by_currency ON accounts ((currency COLLATE "C"), id);
CREATE INDEX accounts_by_balance ON accounts (balance, id);
CREATE INDEX accounts_by_state ON accounts ((state COLLATE "C"), id);
CREATE INDEX accounts_by_last_activity ON accounts (last_activity_at, id);
CREATE INDEX accounts_by_created ON accounts (created_at, id);

-- WalletDesk ledger schema, version 4 (SQLite).
-- walletd's sign-in state lives in the database, so that several walletd processes on one ledger behave as one
-- service: a token issued by one is honoured (and revoked) by all. Only a SHA-256 of each token is stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    operator_id INTEGER NOT NULL REFERENCES operators(id),
    origin TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_operator ON sessions (operator_id);
-- Failed sign-ins per operator name (also names that do not exist), for throttling.
CREATE TABLE login_failures (
    operator_name TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at INTEGER NOT NULL
);

-- WalletDesk ledger schema, version 4 (PostgreSQL).
-- walletd's sign-in state lives in the database, so that several walletd processes on one ledger behave as one
-- service: a token issued by one is honoured (and revoked) by all. Only a SHA-256 of each token is stored.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    operator_id BIGINT NOT NULL REFERENCES operators(id),
    origin TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_by_operator ON sessions (operator_id);
-- Failed sign-ins per operator name (also names that do not exist), for throttling.
CREATE TABLE login_failures (
    operator_name TEXT PRIMARY KEY,
    failures INTEGER NOT NULL,
    last_failure_at BIGINT NOT NULL
);
-- A ledger whose roles were set up already (roles.sql) gets walletd's rights on the new tables; a fresh one gets
-- them from roles.sql. walletd signs in as walletdesk_app; analysts have no business with session rows.
DO $$
BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'walletdesk_app') THEN
        GRANT SELECT, INSERT, UPDATE, DELETE ON sessions, login_failures TO walletdesk_app;
    END IF;
END
$$;

-- WalletDesk on PostgreSQL: the roles that keep the ledger append-only even for the application itself.
-- Run once per database, as the ledger's owner, after `walletctl init`:
--   psql "postgresql://OWNER@HOST/DB" -f roles.sql
-- then give each login its role:  GRANT walletdesk_app TO walletd_login;  GRANT walletdesk_analyst TO alice;
-- walletdesk_app:     reads everything, appends to the journal and audit log, updates balances and rollups;
--                     cannot UPDATE, DELETE or TRUNCATE transactions, entries or audit_log.
-- walletdesk_analyst: reads everything, writes nothing.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'walletdesk_app') THEN
        CREATE ROLE walletdesk_app NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'walletdesk_analyst') THEN
        CREATE ROLE walletdesk_analyst NOLOGIN;
    END IF;
END
$$;
REVOKE ALL ON ALL TABLES IN SCHEMA public FROM walletdesk_app, walletdesk_analyst;
GRANT USAGE ON SCHEMA public TO walletdesk_app, walletdesk_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO walletdesk_app, walletdesk_analyst;
GRANT INSERT ON transactions, entries, audit_log TO walletdesk_app;
GRANT INSERT, UPDATE ON accounts, account_shards, daily_rollups, economy_flows, economy_days, approvals, chain_heads,
    operators, operator_limits, currencies TO walletdesk_app;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO walletdesk_app;
-- walletd's sign-in state (schema 4) is working data, not ledger: the app role keeps and expires it, and
-- analysts have no business reading token hashes.
GRANT INSERT, UPDATE, DELETE ON sessions, login_failures TO walletdesk_app;
REVOKE SELECT ON sessions, login_failures FROM walletdesk_analyst;

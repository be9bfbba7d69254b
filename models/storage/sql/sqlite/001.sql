-- WalletDesk ledger schema, version 1 (SQLite).
-- Money columns are INTEGER minor units. Times are INTEGER milliseconds since the Unix epoch, UTC.
CREATE TABLE currencies (
    code TEXT PRIMARY KEY,
    exponent INTEGER NOT NULL CHECK (exponent BETWEEN 0 AND 4),
    name TEXT NOT NULL
);
CREATE TABLE operators (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('viewer', 'support', 'supervisor', 'admin')),
    password_hash TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE TABLE operator_limits (
    operator_id INTEGER NOT NULL REFERENCES operators(id),
    currency TEXT NOT NULL REFERENCES currencies(code),
    max_amount INTEGER NOT NULL CHECK (max_amount >= 0),
    PRIMARY KEY (operator_id, currency)
);
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('player', 'system')),
    currency TEXT NOT NULL REFERENCES currencies(code),
    player_ref TEXT,
    name TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'frozen', 'closed')),
    allow_negative INTEGER NOT NULL DEFAULT 0,
    balance INTEGER NOT NULL DEFAULT 0,
    held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0),
    created_at INTEGER NOT NULL,
    last_activity_at INTEGER NOT NULL,
    CHECK ((kind = 'player') = (player_ref IS NOT NULL))
);
CREATE UNIQUE INDEX accounts_player ON accounts(player_ref, currency);
CREATE UNIQUE INDEX accounts_system ON accounts(currency, name) WHERE kind = 'system';
CREATE INDEX accounts_name ON accounts(name);
-- System accounts keep their balance in shards so that concurrent postings need not queue on one row.
CREATE TABLE account_shards (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    shard INTEGER NOT NULL,
    balance INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (account_id, shard)
);
CREATE TABLE transactions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    request_hash TEXT NOT NULL,
    operator_id INTEGER NOT NULL REFERENCES operators(id),
    origin TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    reverses_id INTEGER UNIQUE REFERENCES transactions(id),
    forced INTEGER NOT NULL DEFAULT 0,
    approval_id INTEGER,
    reason_code TEXT NOT NULL DEFAULT '',
    ticket_ref TEXT NOT NULL DEFAULT '',
    memo TEXT NOT NULL DEFAULT '',
    lane INTEGER NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    transaction_id INTEGER NOT NULL REFERENCES transactions(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    shard INTEGER NOT NULL,
    amount INTEGER NOT NULL,
    balance_after INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX entries_by_account ON entries(account_id, id);
CREATE INDEX entries_by_transaction ON entries(transaction_id);
CREATE TABLE daily_rollups (
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    shard INTEGER NOT NULL,
    day INTEGER NOT NULL,
    opening INTEGER NOT NULL,
    closing INTEGER NOT NULL,
    low INTEGER NOT NULL,
    high INTEGER NOT NULL,
    inflow INTEGER NOT NULL,
    outflow INTEGER NOT NULL,
    entry_count INTEGER NOT NULL,
    PRIMARY KEY (account_id, shard, day)
) WITHOUT ROWID;
CREATE TABLE approvals (
    id INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    request_hash TEXT NOT NULL,
    request TEXT NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    hold_amount INTEGER NOT NULL,
    maker_id INTEGER NOT NULL REFERENCES operators(id),
    origin TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
    checker_id INTEGER REFERENCES operators(id),
    decided_at INTEGER,
    comment TEXT NOT NULL DEFAULT '',
    transaction_id INTEGER REFERENCES transactions(id)
);
CREATE INDEX approvals_state ON approvals(state, id);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    operator TEXT NOT NULL,
    origin TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    outcome TEXT NOT NULL,
    detail TEXT NOT NULL,
    lane INTEGER NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TABLE chain_heads (
    chain TEXT NOT NULL,
    lane INTEGER NOT NULL,
    last_id INTEGER NOT NULL,
    head TEXT NOT NULL,
    PRIMARY KEY (chain, lane)
);
INSERT INTO chain_heads VALUES ('journal', 0, 0, '0000000000000000000000000000000000000000000000000000000000000000');
INSERT INTO chain_heads VALUES ('audit', 0, 0, '0000000000000000000000000000000000000000000000000000000000000000');
-- Append-only, enforced by the database itself.
CREATE TRIGGER transactions_no_update BEFORE UPDATE ON transactions BEGIN SELECT RAISE(ABORT, 'transactions are append-only'); END;
CREATE TRIGGER transactions_no_delete BEFORE DELETE ON transactions BEGIN SELECT RAISE(ABORT, 'transactions are append-only'); END;
CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries BEGIN SELECT RAISE(ABORT, 'entries are append-only'); END;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

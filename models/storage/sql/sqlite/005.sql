-- WalletDesk ledger schema, version 5 (SQLite).
-- The economy page's figures, kept by every posting in the same transaction as its entries (so they never drift)
-- and computed here from the journal for a ledger that had none. Per currency and UTC day (day = ms / 86400000):
--   economy_flows: each transaction's net player change (the sum of its entries on player accounts in the
--                  currency), filed under the transaction's kind: a positive one adds to sources, a negative one
--                  to sinks; a zero one (a transfer between players) to neither.
--   economy_days:  the day's change of all player balances (summed from the entries themselves) and how many
--                  player accounts had at least one entry, with the sum of their balances at the day's end.
-- So holdings at the end of a day (the sum of economy_days.player_change up to it) = the previous day's holdings
-- + sources - sinks, which the economy page checks. Rows are keyed by the journal lane the posting held, so that
-- on PostgreSQL concurrent postings in different lanes never wait on one row; readers sum over lanes.
CREATE TABLE economy_flows (
    currency TEXT NOT NULL REFERENCES currencies(code),
    day INTEGER NOT NULL,
    kind TEXT NOT NULL,
    lane INTEGER NOT NULL,
    sources INTEGER NOT NULL,
    sinks INTEGER NOT NULL,
    PRIMARY KEY (currency, day, kind, lane)
) WITHOUT ROWID;
CREATE TABLE economy_days (
    currency TEXT NOT NULL REFERENCES currencies(code),
    day INTEGER NOT NULL,
    lane INTEGER NOT NULL,
    player_change INTEGER NOT NULL,
    active_players INTEGER NOT NULL,
    active_balance INTEGER NOT NULL,
    PRIMARY KEY (currency, day, lane)
) WITHOUT ROWID;
INSERT INTO economy_flows (currency, day, kind, lane, sources, sinks)
SELECT currency, day, kind, 0, SUM(CASE WHEN net > 0 THEN net ELSE 0 END), SUM(CASE WHEN net < 0 THEN -net ELSE 0 END)
FROM (SELECT a.currency AS currency, e.created_at / 86400000 AS day, t.kind AS kind, SUM(e.amount) AS net
      FROM entries e JOIN accounts a ON a.id = e.account_id JOIN transactions t ON t.id = e.transaction_id
      WHERE a.kind = 'player'
      GROUP BY e.transaction_id, a.currency, e.created_at, t.kind) AS per_transaction
WHERE net <> 0
GROUP BY currency, day, kind;
INSERT INTO economy_days (currency, day, lane, player_change, active_players, active_balance)
SELECT a.currency, r.day, 0, SUM(r.closing - r.opening), COUNT(*), SUM(r.closing)
FROM daily_rollups r JOIN accounts a ON a.id = r.account_id
WHERE a.kind = 'player'
GROUP BY a.currency, r.day;

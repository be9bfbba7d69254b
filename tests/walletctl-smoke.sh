#!/usr/bin/env bash
# walletctl end to end on one backend: init, demo data, verify, and one deposit posted twice with one key.
#   walletctl-smoke.sh WALLETCTL sqlite      on a fresh SQLite file
#   walletctl-smoke.sh WALLETCTL @URLFILE    on the PostgreSQL database whose URL is in URLFILE (schema public is
#                                            emptied first; see tests/pg/pg-harness.sh)
set -euo pipefail

[[ $# -eq 2 ]] || {
    echo "usage: $0 WALLETCTL sqlite|@URLFILE" >&2
    exit 2
}
walletctl=$1
target=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

case $target in
sqlite) db=sqlite:$tmp/ledger.sqlite ;;
@*)
    db=$(<"${target#@}")
    psql=psql
    [[ -x /usr/lib/postgresql/15/bin/psql ]] && psql=/usr/lib/postgresql/15/bin/psql
    "$psql" -X -q -v ON_ERROR_STOP=1 -d "$db" -c 'SET client_min_messages = warning' \
        -c 'DROP SCHEMA IF EXISTS public CASCADE' -c 'CREATE SCHEMA public'
    ;;
*)
    echo "unknown target $target" >&2
    exit 2
    ;;
esac
export WALLETDESK_OPERATOR=smoke # the first operator becomes admin

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

# Runs walletctl, shows the command and its output, and keeps the output in $out.
run() {
    echo "+ walletctl $*"
    local rc=0
    out=$("$walletctl" --db "$db" "$@" 2>&1) || rc=$?
    printf '%s\n' "$out"
    return $rc
}

run init
run demo --players 100 --days 5 --seed 1
run verify
run account show --player 100001
account=$(sed -n 's/^account \([0-9][0-9]*\)  player GOLD .*/\1/p' <<<"$out" | head -n 1)
[[ -n $account ]] || fail "no GOLD account for player 100001"

run --json balance "$account"
before=$(sed -n 's/^ *"balance": "\(-\{0,1\}[0-9]*\)".*/\1/p' <<<"$out")
[[ -n $before ]] || fail "no balance in the JSON output"

run post deposit --account "$account" --amount 100 --key smoke-deposit-1
run post deposit --account "$account" --amount 100 --key smoke-deposit-1 # same key, same request: nothing new
rc=0
run post deposit --account "$account" --amount 101 --key smoke-deposit-1 || rc=$?
[[ $rc -ne 0 ]] || fail "reusing an idempotency key for a different request was accepted"
grep -q 'idempotency key' <<<"$out" || fail "the idempotency conflict message does not name the key"

run --json balance "$account"
after=$(sed -n 's/^ *"balance": "\(-\{0,1\}[0-9]*\)".*/\1/p' <<<"$out")
[[ $after == $((before + 100)) ]] || fail "balance $before + 100 should be $((before + 100)), is $after"

run verify
echo "walletctl smoke test passed on $target"

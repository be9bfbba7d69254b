#!/usr/bin/env bash
# Builds the release preset, starts a private PostgreSQL with durable commits (fsync on), runs the ledger
# benchmark and prints its figures. Usage: bench/run-benchmarks.sh [--quick] [--players N]
# Figures go to docs/performance.md by hand, with the machine described; they drift between runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build build/release --target bench_ledger
pgdir=$(mktemp -d /tmp/walletdesk-bench-pg.XXXXXX)
trap 'tests/pg/pg-harness.sh stop "$pgdir" >/dev/null 2>&1 || true' EXIT
WALLETDESK_PG_DURABLE=1 tests/pg/pg-harness.sh start "$pgdir" >/dev/null
build/release/bench/bench_ledger --pg "$(cat "$pgdir/url")" "$@"

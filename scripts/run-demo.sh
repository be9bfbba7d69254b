#!/usr/bin/env bash
# Installs what is missing, builds walletctl (dev preset), creates the demo ledger once, and shows it:
# one player's accounts and the result of verify. The desktop app does not exist yet.
# The ledger is ${XDG_DATA_HOME:-~/.local/share}/WalletDesk/demo.sqlite; delete it to get a fresh one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

lock=${WALLETDESK_BUILD_LOCK:-/tmp/walletdesk-build.lock}
scripts/install-deps.sh
flock "$lock" cmake --preset dev >/dev/null
flock "$lock" cmake --build --preset dev --target walletctl

walletctl=$PWD/build/dev/app/walletctl/walletctl
data=${XDG_DATA_HOME:-$HOME/.local/share}/WalletDesk
db=$data/demo.sqlite
if [[ ! -e $db ]]; then
    mkdir -p "$data"
    # Built under a temporary name, so an interrupted run never leaves a half-made demo ledger behind.
    tmp=$data/demo.sqlite.part-$$
    trap 'rm -f "$tmp" "$tmp-wal" "$tmp-shm"' EXIT
    "$walletctl" --db "$tmp" init
    "$walletctl" --db "$tmp" demo --players 2000 --days 90 --seed 1
    mv "$tmp" "$db"
    echo "demo ledger created: $db"
fi

echo
echo "\$ walletctl --db $db account show --player 100001"
"$walletctl" --db "$db" account show --player 100001
echo
echo "\$ walletctl --db $db verify"
"$walletctl" --db "$db" verify

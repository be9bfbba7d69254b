#!/usr/bin/env bash
# Installs what is missing, builds (dev preset) and starts the desktop app, walletdesk. On its first start
# walletdesk creates the embedded demo ledger (2,000 players over 90 days) in its data folder
# (~/.local/share/WalletDesk/WalletDesk/demo.sqlite) and opens it; later starts open the last ledger used.
# Without a display (no $DISPLAY or $WAYLAND_DISPLAY) it runs the app's self-test on the offscreen platform
# instead (opens the demo ledger, renders the main window, prints what it saw) and shows a player with walletctl.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

lock=${WALLETDESK_BUILD_LOCK:-/tmp/walletdesk-build.lock}
scripts/install-deps.sh
flock "$lock" cmake --preset dev >/dev/null
flock "$lock" cmake --build --preset dev --target walletdesk walletctl

walletdesk=$PWD/build/dev/app/walletdesk/walletdesk
if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
    exec "$walletdesk" "$@"
fi

echo "run-demo: no display; running walletdesk --self-test on the offscreen platform"
QT_QPA_PLATFORM=offscreen "$walletdesk" --self-test
db=${XDG_DATA_HOME:-$HOME/.local/share}/WalletDesk/WalletDesk/demo.sqlite
walletctl=$PWD/build/dev/app/walletctl/walletctl
echo
echo "\$ walletctl --db $db account show --player 100001"
"$walletctl" --db "$db" account show --player 100001

#!/usr/bin/env bash
# Renders every screen of the desktop app to PNG under a real X server (Xvfb), light and dark.
# Usage: screenshots.sh PROGRAM OUTDIR
set -euo pipefail
program=$1
out=$2
rm -rf "$out"
mkdir -p "$out/light" "$out/dark"
export QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 1600x1000x24" "$program" "$out/light"
WALLETDESK_COLOR_SCHEME=dark xvfb-run -a -s "-screen 0 1600x1000x24" "$program" "$out/dark"
count=$(find "$out" -name '*.png' | wc -l)
echo "screenshots: $count PNG files in $out"
[[ $count -ge 20 ]]

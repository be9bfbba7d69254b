#!/usr/bin/env bash
# Renders every screen of the desktop app to PNG under a real X server (Xvfb): light, dark, and at twice the scale.
# Usage: screenshots.sh PROGRAM OUTDIR
set -euo pipefail
program=$1
out=$2
rm -rf "$out"
mkdir -p "$out/light" "$out/dark" "$out/hidpi"
export QT_QPA_PLATFORM=xcb
xvfb-run -a -s "-screen 0 1600x1000x24" "$program" "$out/light"
WALLETDESK_COLOR_SCHEME=dark xvfb-run -a -s "-screen 0 1600x1000x24" "$program" "$out/dark"
# High DPI: everything drawn at twice the size (fonts, icons, the chart), as on a 4K laptop screen.
QT_SCALE_FACTOR=2 xvfb-run -a -s "-screen 0 3200x2000x24" "$program" "$out/hidpi"
count=$(find "$out" -name '*.png' | wc -l)
echo "screenshots: $count PNG files in $out"
[[ $count -ge 57 ]]

#!/usr/bin/env bash
# The desktop-integration files, checked with the tools distributions check them with:
#   the .desktop file (desktop-file-validate), the AppStream metainfo (appstreamcli validate), the man pages
#   (man --warnings and groff -ww, as lintian runs them), every rendered icon at its own size, and the systemd unit
#   (systemd-analyze verify).
# usage: check-files.sh SOURCE_DIR BUILD_DIR WALLETD_BINARY
set -euo pipefail
src=$1 build=$2 walletd=$3
app_id=io.walletdesk.WalletDesk
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# desktop-file-validate prints nothing for a clean file; hints and errors are both printed.
out=$(desktop-file-validate "$src/packaging/linux/$app_id.desktop" 2>&1) || true
[[ -z $out ]] && pass "desktop-file-validate" || fail "desktop-file-validate: $out"

# appstreamcli exits non-zero on errors and warnings; infos and pedantic notes are listed but allowed.
if out=$(appstreamcli validate --no-net --no-color "$src/packaging/linux/$app_id.metainfo.xml" 2>&1); then
    pass "appstreamcli validate"
else
    fail "appstreamcli validate: $out"
fi
# The desktop file the metainfo launches, and the binaries it says it provides, are the ones we install.
grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" \
    "$src/packaging/linux/$app_id.metainfo.xml" || fail "metainfo does not launch $app_id.desktop"
grep -q "^Icon=$app_id\$" "$src/packaging/linux/$app_id.desktop" || fail "the desktop file's Icon is not $app_id"

for page in walletdesk walletctl walletd; do
    file=$src/packaging/man/$page.1
    out=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$file" 2>&1 >/dev/null)
    out+=$(groff -man -ww -z "$file" 2>&1)
    [[ -z $out ]] && pass "man page $page(1)" || fail "man page $page(1): $out"
    # Every option the program's --help names is in its man page.
    case $page in
        walletdesk) help=$("$build/app/walletdesk/walletdesk" --help) ;;
        walletctl) help=$("$build/app/walletctl/walletctl" --help) ;;
        walletd) help=$("$walletd" --help) ;;
    esac
    for option in $(grep -o -- '--[a-z][a-z-]*' <<<"$help" | sort -u); do
        grep -q -- "${option//-/\\\\-}" "$file" || fail "$page(1) does not mention $option"
    done
done

for png in "$build"/packaging/icons/*/apps/$app_id.png; do
    size=$(basename "$(dirname "$(dirname "$png")")") # 48x48
    info=$(file -b "$png")
    [[ $info == "PNG image data, ${size/x/ x },"* ]] || fail "$png is not a ${size} PNG: $info"
done
count=$(ls "$build"/packaging/icons/*/apps/$app_id.png | wc -l)
[[ $count -ge 9 ]] && pass "$count icon sizes rendered" || fail "only $count icon sizes rendered"

# The unit as packaged, with ExecStart pointed at the built binary (the package's /usr/bin/walletd is not here).
unit_dir=$(mktemp -d)
trap 'rm -rf "$unit_dir"' EXIT
sed "s|^ExecStart=/usr/bin/walletd |ExecStart=$walletd |" "$build/packaging/walletd.service" >"$unit_dir/walletd.service"
grep -q "^ExecStart=$walletd --config /etc/walletd/walletd.conf\$" "$unit_dir/walletd.service" ||
    fail "the unit's ExecStart is not /usr/bin/walletd --config /etc/walletd/walletd.conf"
if out=$(systemd-analyze verify --man=no "$unit_dir/walletd.service" 2>&1); then
    pass "systemd-analyze verify walletd.service"
else
    fail "systemd-analyze verify: $out"
fi
grep -q '^User=walletd$' "$unit_dir/walletd.service" || fail "the unit does not run as the walletd user"

if [[ $failures -gt 0 ]]; then
    echo "check-files: $failures check(s) failed" >&2
    exit 1
fi
echo "check-files: all passed"

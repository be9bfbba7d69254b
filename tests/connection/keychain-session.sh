#!/bin/sh
# Runs a test program with or without a real keychain, in a throw-away home so that no test touches the
# user's own keyring or settings.
#   keychain-session.sh with PROGRAM [ARGS...]     a private D-Bus session with an unlocked gnome-keyring
#   keychain-session.sh without PROGRAM [ARGS...]  no D-Bus session at all, as on a headless machine
# The program learns which through WALLETDESK_TEST_KEYCHAIN (available | unavailable) and finds the home in
# HOME, where it may look for plaintext secrets that must not be there.
set -eu
mode=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home" "$tmp/run"
chmod 700 "$tmp/run"
export HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/run"
unset XDG_DATA_HOME XDG_CONFIG_HOME
case $mode in
with)
    export WALLETDESK_TEST_KEYCHAIN=available
    # The keyring daemon watches the session bus and ends with it, so nothing outlives the test.
    dbus-run-session -- sh -c 'echo -n walletdesk-test | gnome-keyring-daemon --unlock --components=secrets \
        >/dev/null && exec "$@"' sh "$@"
    ;;
without)
    export WALLETDESK_TEST_KEYCHAIN=unavailable
    env -u DBUS_SESSION_BUS_ADDRESS -u DISPLAY -u WAYLAND_DISPLAY "$@"
    ;;
*)
    echo "usage: $0 with|without PROGRAM [ARGS...]" >&2
    exit 2
    ;;
esac

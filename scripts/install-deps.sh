#!/usr/bin/env bash
# Installs what building and testing WalletDesk needs on Debian 12 (bookworm), with apt-get as root or through
# sudo. When every package is installed already it does nothing and touches no network, so reruns are fast.
set -euo pipefail

packages=(
    # build
    cmake ninja-build ccache g++ clang-format
    # static checks (scripts/lint.sh): clang-tidy (with run-clang-tidy) and clazy
    clang-tidy clazy
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-httpserver-dev qt6-websockets-dev qt6-l10n-tools qt6-tools-dev qt6-svg-dev
    qtkeychain-qt6-dev libsqlite3-dev libssl-dev libsodium-dev
    # run time: SQL drivers, offscreen and X11 platform plugins
    libqt6sql6-sqlite libqt6sql6-psql qt6-qpa-plugins
    # tests: databases, a virtual X server and screenshots, a keychain without a desktop session
    sqlite3 postgresql-15 postgresql-client-15 xvfb xauth dbus gnome-keyring imagemagick
    # tests: statement PDFs read back (pdftotext, pdftoppm, pdfinfo)
    poppler-utils
    # walletd: the fuzz target of its request decoders (clang with libFuzzer), curl for trying the API by hand
    clang curl
    # packages (tests/packaging): cpack's dpkg-shlibdeps and rpmbuild, lintian, the desktop file, AppStream and
    # man page checkers, systemd-analyze for the unit, debootstrap for the install test's Debian root
    dpkg-dev file rpm rpmlint lintian desktop-file-utils appstream man-db groff-base systemd debootstrap
    debian-archive-keyring util-linux
)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [[ $status == installed ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages are installed"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [[ $EUID -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null; then
    sudo=(sudo)
else
    echo "install-deps: not root and no sudo; as root run: apt-get install ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"

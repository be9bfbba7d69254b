#!/usr/bin/env bash
# Builds the .deb and .rpm packages from the build tree with cpack, then checks them: lintian finds no error and
# no warning; each package holds what it should; the version is the project's; dependencies were computed from the
# binaries (dpkg-shlibdeps, rpm's find-requires), not only typed by hand.
# The packages are left in BUILD_DIR/packages for install-test.sh (CTest fixture "packages").
# usage: build-packages.sh BUILD_DIR VERSION
set -euo pipefail
build=$1 version=$2
out=$build/packages
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

rm -rf "$out"
start=$SECONDS
cpack --config "$build/CPackConfig.cmake" -G "DEB;RPM" -B "$out" >"$out.log" 2>&1 || {
    cat "$out.log" >&2
    echo "FAIL: cpack" >&2
    exit 1
}
echo "cpack: $((SECONDS - start)) s"
arch=$(dpkg --print-architecture)
app_deb=$out/walletdesk_${version}_$arch.deb
server_deb=$out/walletd_${version}_$arch.deb
app_rpm=$(ls "$out"/walletdesk-"$version"-*.rpm)
server_rpm=$(ls "$out"/walletd-"$version"-*.rpm)
for f in "$app_deb" "$server_deb" "$app_rpm" "$server_rpm"; do
    [[ -s $f ]] && pass "built $(basename "$f")" || fail "no $f"
done

# lintian: errors and warnings fail; informational tags are printed for the record.
if lint=$(lintian --fail-on error,warning "$app_deb" "$server_deb" 2>&1); then
    pass "lintian: no errors, no warnings"
else
    fail "lintian"
fi
[[ -n $lint ]] && echo "$lint"

field() { dpkg-deb -f "$1" "$2"; }
for deb in "$app_deb" "$server_deb"; do
    [[ $(field "$deb" Version) == "$version" ]] || fail "$(basename "$deb") has version $(field "$deb" Version)"
done
contents() { dpkg-deb -c "$1" | awk '{print $6}' | sed 's|^\./|/|'; }
expect_files() {
    local deb=$1
    shift
    local listing
    listing=$(contents "$deb")
    for f in "$@"; do
        grep -qx -- "$f" <<<"$listing" || fail "$(basename "$deb") lacks $f"
    done
}
expect_files "$app_deb" /usr/bin/walletdesk /usr/bin/walletctl \
    /usr/share/applications/io.walletdesk.WalletDesk.desktop \
    /usr/share/metainfo/io.walletdesk.WalletDesk.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/io.walletdesk.WalletDesk.svg \
    /usr/share/icons/hicolor/48x48/apps/io.walletdesk.WalletDesk.png \
    /usr/share/icons/hicolor/256x256/apps/io.walletdesk.WalletDesk.png \
    /usr/share/man/man1/walletdesk.1.gz /usr/share/man/man1/walletctl.1.gz \
    /usr/share/doc/walletdesk/copyright /usr/share/doc/walletdesk/changelog.gz
expect_files "$server_deb" /usr/bin/walletd /usr/lib/systemd/system/walletd.service /etc/walletd/walletd.conf \
    /usr/share/man/man1/walletd.1.gz /usr/share/doc/walletd/copyright /usr/share/doc/walletd/changelog.gz
# The server package must not drag the desktop in, nor the app package the server.
# (Listings go through variables, not pipes into grep -q: under pipefail, grep's early exit fails the pipe.)
server_listing=$(contents "$server_deb")
app_listing=$(contents "$app_deb")
grep -q 'walletdesk$' <<<"$server_listing" && fail "walletd's package holds the desktop app"
grep -q '/usr/bin/walletd$' <<<"$app_listing" && fail "walletdesk's package holds walletd"
control=$(mktemp -d)
trap 'rm -rf "$control"' EXIT
dpkg-deb -e "$server_deb" "$control"
[[ $(cat "$control/conffiles") == /etc/walletd/walletd.conf ]] || fail "walletd.conf is not a conffile"
for script in postinst prerm postrm; do
    [[ -x $control/$script ]] || fail "walletd has no executable $script"
    sh -n "$control/$script" || fail "walletd's $script is not valid sh"
done

# Computed dependencies: libraries the binaries link appear although no one typed them.
app_depends=$(field "$app_deb" Depends)
server_depends=$(field "$server_deb" Depends)
for lib in libqt6widgets6 libqt6charts6 libqt6keychain1 libqt6sql6 libsqlite3-0 libssl3; do
    grep -q "\b$lib (>=" <<<"$app_depends" || fail "walletdesk's Depends lacks the computed $lib: $app_depends"
done
for lib in libqt6httpserver6 libqt6network6 libqt6sql6 libssl3; do
    grep -q "\b$lib (>=" <<<"$server_depends" || fail "walletd's Depends lacks the computed $lib: $server_depends"
done
grep -q 'libqt6widgets6' <<<"$server_depends" && fail "walletd depends on Qt Widgets: $server_depends"
pass "dependencies computed: walletdesk: $app_depends"
pass "dependencies computed: walletd: $server_depends"

# The RPMs: same files, computed requirements, the configuration file marked as such, the scriptlets present.
[[ $(rpm -qp --qf '%{VERSION}' "$app_rpm") == "$version" ]] || fail "walletdesk.rpm has another version"
app_rpm_files=$(rpm -qpl "$app_rpm")
server_rpm_files=$(rpm -qpl "$server_rpm")
grep -qx /usr/bin/walletdesk <<<"$app_rpm_files" || fail "walletdesk.rpm lacks /usr/bin/walletdesk"
grep -qx /usr/lib/systemd/system/walletd.service <<<"$server_rpm_files" || fail "walletd.rpm lacks its unit"
grep -q '^libQt6Widgets.so.6()' <<<"$(rpm -qpR "$app_rpm")" || fail "walletdesk.rpm does not require libQt6Widgets"
grep -q '^libQt6HttpServer.so.6()' <<<"$(rpm -qpR "$server_rpm")" ||
    fail "walletd.rpm does not require libQt6HttpServer"
[[ $(rpm -qpc "$server_rpm") == /etc/walletd/walletd.conf ]] || fail "walletd.rpm: walletd.conf is not %config"
grep -q 'useradd --system' <<<"$(rpm -qp --scripts "$server_rpm")" || fail "walletd.rpm does not create its user"
# rpmlint: no error and no warning, but for what packaging/rpm/rpmlintrc filters, each with its reason.
if rpmlint_out=$(rpmlint -r "$(dirname "${BASH_SOURCE[0]}")/../../packaging/rpm/rpmlintrc" "$app_rpm" "$server_rpm" 2>&1) &&
    grep -q ' 0 errors, 0 warnings' <<<"$rpmlint_out"; then
    pass "rpmlint: no errors, no warnings"
else
    fail "rpmlint: $rpmlint_out"
fi
# No RPM may claim folders that belong to the file system or to other packages.
for dir in /usr /usr/bin /usr/share /usr/share/man /usr/share/man/man1 /usr/share/icons /usr/lib/systemd/system; do
    grep -qx "$dir" <<<"$app_rpm_files"$'\n'"$server_rpm_files" && fail "an RPM claims $dir"
done

if [[ $failures -gt 0 ]]; then
    echo "build-packages: $failures check(s) failed" >&2
    exit 1
fi
echo "build-packages: all passed"

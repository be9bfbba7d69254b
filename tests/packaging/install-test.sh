#!/usr/bin/env bash
# Installs the .deb packages into a fresh minimal Debian root, the way a user would, and uses them there:
#   1. a minimal bookworm root from debootstrap (cached as a tarball), apt resolving the packages' dependencies
#      from Debian's archive (downloaded .debs cached too, so reruns are quick);
#   2. walletctl/walletd/walletdesk --version print the package's version and the source's revision;
#   3. the walletd package made its system user, its data folder and a private configuration file;
#   4. as that user, walletctl creates a ledger and an operator with a password;
#   5. walletd, started as the packaged unit starts it (as walletd, with /etc/walletd/walletd.conf), answers its
#      health check and a sign-in from inside the root, and exits 0 on SIGTERM;
#   6. walletdesk --self-test on the offscreen platform, as an ordinary user, opens the demo ledger, renders the main
#      window and exits 0;
#   7. apt-get purge removes both packages and every file they installed (the ledger in /var/lib/walletd stays:
#      it is a financial record);
#   8. the .rpm packages install and erase with rpm --root in the same root (files and scriptlets; their
#      dependencies carry Fedora's names, so they are not resolved here).
# Needs root (debootstrap, chroot, mount) and Debian's archive. The cache is $WALLETDESK_PACKAGING_CACHE, else
# ~/.cache/walletdesk-packaging.
# usage: install-test.sh PACKAGE_DIR VERSION BUILDINFO_H   (the generated header naming the revision built)
set -euo pipefail
pkgdir=$1 version=$2
revision=$(sed -n 's/^#define WALLETDESK_GIT_REVISION "\(.*\)"$/\1/p' "$3")
suite=bookworm
cache=${WALLETDESK_PACKAGING_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/walletdesk-packaging}
step() { printf '\n== %s (%d s)\n' "$*" "$SECONDS"; }
die() {
    echo "FAIL: $*" >&2
    exit 1
}

[[ -n $revision ]] || die "no revision in $3"
[[ $EUID -eq 0 ]] || die "the install test needs root (debootstrap, chroot, mount); run the tests as root"
for tool in debootstrap chroot mount setpriv rpm; do
    command -v "$tool" >/dev/null || die "$tool is missing (scripts/install-deps.sh installs it)"
done
arch=$(dpkg --print-architecture)
debs=("$pkgdir/walletdesk_${version}_$arch.deb" "$pkgdir/walletd_${version}_$arch.deb")
for deb in "${debs[@]}"; do
    [[ -s $deb ]] || die "no package $deb (the packaging_build test makes it)"
done

# The mirror this machine's apt already uses; a Debian root is made from Debian's own archive.
mirror=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[[ -n $mirror ]] || mirror=$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
mirror=${mirror:-http://deb.debian.org/debian}

mkdir -p "$cache/archives"
base=$cache/$suite-minbase-$arch.tar
if [[ ! -s $base ]]; then
    step "debootstrap --variant=minbase $suite from $mirror (cached afterwards in $base)"
    fresh=$(mktemp -d /var/tmp/walletdesk-debootstrap.XXXXXX)
    chmod 0755 "$fresh" # it becomes "/" in the root: mktemp's 0700 would lock every other user out
    # One retry: a mirror's hiccup should not fail the test suite.
    for attempt in 1 2; do
        code=0
        debootstrap --variant=minbase "$suite" "$fresh" "$mirror" >"$cache/debootstrap.log" 2>&1 || code=$?
        [[ $code -eq 0 ]] && break
        tail -20 "$cache/debootstrap.log" >&2
        echo "install-test: debootstrap exited $code (attempt $attempt)" >&2
        rm -rf "$fresh" && mkdir -m 0755 "$fresh"
    done
    [[ $code -eq 0 ]] || { rm -rf "$fresh"; die "debootstrap failed twice"; }
    tar -C "$fresh" -cf "$base.partial" . && mv "$base.partial" "$base"
    rm -rf "$fresh"
fi

root=$(mktemp -d /var/tmp/walletdesk-root.XXXXXX)
mounted=()
walletd_pid=
cleanup() {
    set +e # every step runs, whatever the one before it returned
    if [[ -n $walletd_pid ]]; then kill -9 "$walletd_pid" 2>/dev/null; fi
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null; done
    # Never delete through a mount that is still there: one of them is the host's download cache.
    if grep -q " $root/" /proc/self/mounts; then
        echo "install-test: $root still has mounts; left in place" >&2
    else
        rm -rf "$root"
    fi
}
trap cleanup EXIT
step "unpacking the bare root into $root"
tar -C "$root" -xf "$base"
chmod 0755 "$root" # "/" of the root, also with a tarball cached before this line existed
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc" && mounted+=("$root/proc")
# Downloaded packages persist between runs.
mount --bind "$cache/archives" "$root/var/cache/apt/archives" && mounted+=("$root/var/cache/apt/archives")
mkdir -p "$root/tmp/packages"
cp "${debs[@]}" "$root/tmp/packages/"
cp "$(dirname "${BASH_SOURCE[0]}")/http.sh" "$root/tmp/http.sh"

# Every command in the root starts from a clean environment.
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
as_user() { # as_user USER HOME COMMAND...
    local user=$1 home=$2
    shift 2
    chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME="$home" LANG=C.UTF-8 \
        setpriv --reuid="$user" --regid="$user" --init-groups -- "$@"
}

step "apt-get install ./walletdesk ./walletd, with apt resolving the dependencies"
in_root apt-get update -q >"$root/tmp/apt-update.log" 2>&1 || { cat "$root/tmp/apt-update.log" >&2; die "apt-get update"; }
if ! in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
    "/tmp/packages/walletdesk_${version}_$arch.deb" "/tmp/packages/walletd_${version}_$arch.deb" \
    >"$root/tmp/apt-install.log" 2>&1; then
    cat "$root/tmp/apt-install.log" >&2
    die "apt-get install of the packages failed"
fi
grep -E '^(Need to get|[0-9]+ upgraded)' "$root/tmp/apt-install.log" || true
for pkg in walletdesk walletd; do
    status=$(in_root dpkg-query -W -f='${db:Status-Status} ${Version}' "$pkg")
    [[ $status == "installed $version" ]] || die "$pkg is \"$status\" after installing"
done
echo "ok: installed walletdesk and walletd $version"
installed_files=$(in_root dpkg -L walletdesk walletd | sort -u)

step "--version"
for cmd in walletctl walletd walletdesk; do
    got=$(in_root "$cmd" --version)
    [[ $got == "$cmd $version ($revision)" ]] || die "$cmd --version printed \"$got\", not \"$cmd $version ($revision)\""
    echo "ok: $got"
done

step "the walletd user, its data folder and its configuration"
in_root getent passwd walletd >/dev/null || die "the package did not create the walletd user"
[[ $(in_root stat -c '%U:%G %a' /var/lib/walletd) == "walletd:walletd 750" ]] ||
    die "/var/lib/walletd is $(in_root stat -c '%U:%G %a' /var/lib/walletd)"
[[ $(in_root stat -c '%U:%G %a' /etc/walletd/walletd.conf) == "root:walletd 640" ]] ||
    die "/etc/walletd/walletd.conf is $(in_root stat -c '%U:%G %a' /etc/walletd/walletd.conf)"
echo "ok: user walletd, /var/lib/walletd walletd:walletd 750, /etc/walletd/walletd.conf root:walletd 640"

step "a ledger, its game currency and operators, made by walletctl as the walletd user"
ledger=/var/lib/walletd/ledger.sqlite
db=(--db "$ledger" --as alice)
as_user walletd /var/lib/walletd walletctl "${db[@]}" init || die "walletctl init"
printf 'correct horse battery\n' | as_user walletd /var/lib/walletd walletctl "${db[@]}" operator passwd alice ||
    die "walletctl operator passwd"
as_user walletd /var/lib/walletd walletctl "${db[@]}" currency add GOLD --exponent 0 >/dev/null ||
    die "walletctl currency add"
as_user walletd /var/lib/walletd walletctl "${db[@]}" operator add game-server --role support >/dev/null ||
    die "walletctl operator add"
as_user walletd /var/lib/walletd walletctl "${db[@]}" verify || die "walletctl verify"
# The ledger is walletd's alone: another local user cannot even read it.
if in_root setpriv --reuid=nobody --regid=nogroup --clear-groups walletctl --db "$ledger" --as bob verify \
    2>/dev/null; then
    die "a user outside the walletd group could read the ledger"
fi
echo "ok: ledger $ledger made, readable by walletd only"

step "walletd as its unit starts it"
exec_start=$(in_root sed -n 's/^ExecStart=//p' /usr/lib/systemd/system/walletd.service)
[[ $exec_start == "/usr/bin/walletd --config /etc/walletd/walletd.conf" ]] || die "the unit runs \"$exec_start\""
# The packaged configuration, on a free port instead of 8470 (this root shares the machine's network).
out=$root/tmp/walletd.out
# A simple command in the background, so that $! is walletd itself (chroot, env and setpriv each exec the next).
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/var/lib/walletd LANG=C.UTF-8 \
    setpriv --reuid=walletd --regid=walletd --init-groups -- $exec_start --listen 127.0.0.1:0 \
    >"$out" 2>"$root/tmp/walletd.log" &
walletd_pid=$!
for ((i = 0; i < 200; i++)); do
    [[ -s $out ]] && break
    kill -0 "$walletd_pid" 2>/dev/null || break
    sleep 0.1
done
first_line=$(head -n 1 "$out")
[[ $first_line =~ ^listening\ on\ http://127\.0\.0\.1:([0-9]+)$ ]] ||
    die "walletd said \"$first_line\": $(cat "$root/tmp/walletd.log")"
port=${BASH_REMATCH[1]}
echo "ok: $first_line"
http() { in_root bash /tmp/http.sh "$port" "$@"; } # http METHOD PATH [BODY], from inside the root
health=$(http GET /api/v1/healthcheck '')
[[ $health == "HTTP/1.1 200 OK"$'\n'* && $health == *'{"success":true,"message":"System is up and running"}' ]] ||
    die "health check answered: $health"
echo "ok: GET /api/v1/healthcheck: 200 {\"success\":true,...}"
login=$(http POST /admin/v1/login '{"operator":"alice","password":"correct horse battery"}')
[[ $login == "HTTP/1.1 200 OK"$'\n'* && $login == *'"token":"'* ]] || die "sign-in answered: $login"
echo "ok: POST /admin/v1/login as alice: 200 with a token"
bad=$(http POST /admin/v1/login '{"operator":"alice","password":"wrong"}')
[[ $bad == "HTTP/1.1 401"* ]] || die "a wrong password answered: $bad"
kill -TERM "$walletd_pid"
wait "$walletd_pid" && code=0 || code=$?
walletd_pid=
[[ $code -eq 0 ]] || die "walletd exited $code after SIGTERM: $(cat "$root/tmp/walletd.log")"
grep -q 'POST /admin/v1/login 200' "$root/tmp/walletd.log" || die "no access log line for the sign-in"
echo "ok: walletd exited 0 on SIGTERM and logged each request"

step "walletdesk --self-test on the offscreen platform, as an ordinary user"
in_root useradd --create-home --shell /bin/bash agent
selftest=$(chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/agent LANG=C.UTF-8 \
    QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/agent-runtime \
    setpriv --reuid=agent --regid=agent --init-groups -- sh -c 'mkdir -m 0700 -p $XDG_RUNTIME_DIR && walletdesk --self-test' 2>&1) ||
    die "walletdesk --self-test failed: $selftest"
[[ $selftest =~ self-test:\ ([0-9]+)\ accounts\ listed,\ window\ rendered\ ([0-9]+)x([0-9]+) ]] ||
    die "walletdesk --self-test said: $selftest"
echo "ok: ${BASH_REMATCH[0]}"
in_root test -s /home/agent/.local/share/WalletDesk/WalletDesk/demo.sqlite || die "no demo ledger in agent's home"

step "apt-get purge walletdesk walletd"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -q walletdesk walletd >"$root/tmp/apt-purge.log" 2>&1 ||
    { cat "$root/tmp/apt-purge.log" >&2; die "apt-get purge failed"; }
for pkg in walletdesk walletd; do
    status=$(in_root dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || echo not-installed)
    [[ $status == not-installed ]] || die "$pkg is \"$status\" after purge"
done
left=()
while read -r path; do
    [[ -e $root$path && ! -d $root$path ]] && left+=("$path")
done <<<"$installed_files"
[[ ${#left[@]} -eq 0 ]] || die "purge left files behind: ${left[*]}"
[[ ! -e $root/etc/walletd ]] || die "purge left /etc/walletd behind"
in_root test -s "$ledger" || die "purge removed the ledger (it must stay: it is a financial record)"
echo "ok: both packages purged, none of their $(wc -l <<<"$installed_files") paths left; the ledger stays"

step "the .rpm packages, installed and erased with rpm --root (scriptlets run inside the root)"
# Their dependencies carry Fedora's names and cannot be resolved here (--nodeps); the libraries apt installed
# above are still in the root, so the programs run. What this checks: the files land, the scriptlets work.
rpms=("$pkgdir"/walletdesk-"$version"-*.rpm "$pkgdir"/walletd-"$version"-*.rpm)
in_root userdel walletd # the deb's purge keeps the user; the rpm's %pre must make it again
rpm --root "$root" --nodeps -i "${rpms[@]}" || die "rpm -i failed"
in_root getent passwd walletd >/dev/null || die "the rpm's %pre did not create the walletd user"
[[ $(in_root stat -c '%U:%G %a' /etc/walletd/walletd.conf) == "root:walletd 640" ]] ||
    die "after rpm -i, /etc/walletd/walletd.conf is $(in_root stat -c '%U:%G %a' /etc/walletd/walletd.conf)"
for cmd in walletctl walletd walletdesk; do
    got=$(in_root "$cmd" --version)
    [[ $got == "$cmd $version ($revision)" ]] || die "the rpm's $cmd --version printed \"$got\""
done
rpm --root "$root" -e walletdesk walletd || die "rpm -e failed"
for f in /usr/bin/walletdesk /usr/bin/walletctl /usr/bin/walletd /usr/lib/systemd/system/walletd.service; do
    [[ ! -e $root$f ]] || die "rpm -e left $f behind"
done
echo "ok: rpm -i made the walletd user and a private walletd.conf, the programs ran, rpm -e removed them"

echo
echo "install-test: all passed in $SECONDS s"

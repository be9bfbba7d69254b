#!/usr/bin/env bash
# A private PostgreSQL server for the tests.
#
#   pg-harness.sh start DIR   initdb + start a throw-away cluster, create database walletdesk_test owned by the
#                             cluster's superuser role walletdesk, write its URL to DIR/url and print it
#   pg-harness.sh stop DIR    stop that server and remove DIR (and its runtime folder); fine if nothing runs
#   pg-harness.sh restart DIR   pg_ctl restart -m fast (as a managed database's minor update does), keeping data
#   pg-harness.sh pause DIR     stop the server (-m fast) but keep its data; resume DIR starts it again
#   pg-harness.sh standby DIR PRIMARY   a streaming standby of the cluster of PRIMARY (pg_basebackup -R), on the
#                             same port but its own socket folder, so one URL can name both hosts; DIR/url as start
#   pg-harness.sh promote DIR   pg_ctl promote: the standby of DIR becomes a primary (a failover)
#
# The server listens on a unix socket only (listen_addresses=''), in DIR itself. If the postgres user cannot reach
# DIR (for example a checkout under /root) or DIR is too long for a socket path, the cluster and its socket live
# in a private folder under /tmp instead; DIR/run names that folder and the URL's host= points at it.
# The URL looks like postgresql://walletdesk@localhost:PORT/walletdesk_test?host=/socket/dir (DatabaseUrl takes
# host= as the unix socket directory, as libpq does). Authentication is trust: this is a test server only, and
# it runs with fsync=off because nothing in it needs to survive a crash.
#
# initdb refuses to run as root, so as root the cluster runs as the postgres user (runuser); otherwise as the
# calling user. Starting over a DIR whose server is still running (an interrupted run) stops that one first.
# Set WALLETDESK_PG_BINDIR to use PostgreSQL binaries other than /usr/lib/postgresql/15/bin.
#
# With WALLETDESK_PG_TLS=1 the server also listens on 127.0.0.1 with ssl=on and a certificate for localhost and
# 127.0.0.1 signed by a throw-away CA made here: DIR/ca.pem is that CA's certificate, and DIR/url-tcp the URL
# over TCP (postgresql://walletdesk@127.0.0.1:PORT/walletdesk_test, without sslmode: the tests add their own).
set -euo pipefail

die() {
    echo "pg-harness: $*" >&2
    exit 1
}

# The server outlives this script, so it must not keep descriptors it would inherit from it: a build lock
# (`flock LOCK ctest ...`) held open by the postmaster blocked every later build until the server stopped.
close_inherited_fds() {
    local fd
    for fd in /proc/$BASHPID/fd/*; do
        fd=${fd##*/}
        if ((fd > 2)); then eval "exec ${fd}>&-" 2>/dev/null || true; fi
    done
}

[[ ( $# -eq 2 && ( $1 == start || $1 == stop || $1 == restart || $1 == pause || $1 == resume || $1 == promote ) ) ||
    ( $# -eq 3 && $1 == standby ) ]] || {
    echo "usage: $0 start|stop|restart|pause|resume|promote DIR, or $0 standby DIR PRIMARY-DIR" >&2
    exit 2
}
command=$1
dir=$2
primary=${3:-}
[[ -n $dir && $dir != / ]] || die "refusing to use '$dir' as the fixture folder"
[[ $dir == /* ]] || dir=$PWD/$dir
dir=${dir%/}

bindir=${WALLETDESK_PG_BINDIR:-}
if [[ -z $bindir ]]; then
    for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
        if [[ -x $candidate/initdb ]]; then
            bindir=$candidate
            break
        fi
    done
fi
[[ -n $bindir && -x $bindir/initdb && -x $bindir/pg_ctl ]] ||
    die "PostgreSQL server binaries not found (install postgresql-15, or set WALLETDESK_PG_BINDIR)"

if [[ $EUID -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || die "running as root but there is no postgres user to run the server"
fi

# Runs a command as the user that owns the cluster. From / so that the postgres user never trips over a cwd it
# cannot read.
as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        (cd / && "$@")
    fi
}

# Percent-encodes a path for the URL's query (byte by byte, so non-ASCII paths survive).
urlencode() {
    local LC_ALL=C s=$1 out='' c hex i
    for ((i = 0; i < ${#s}; i++)); do
        c=${s:i:1}
        case $c in
        [A-Za-z0-9/._~-]) out+=$c ;;
        *)
            printf -v hex '%%%02X' "'$c"
            out+=$hex
            ;;
        esac
    done
    printf '%s' "$out"
}

# The folder that holds data/, log and the socket for the cluster of DIR (DIR itself unless DIR/run says other).
runtime_dir() {
    if [[ -f $dir/run ]]; then
        cat "$dir/run"
    else
        printf '%s' "$dir"
    fi
}

stop_server() {
    local run pidfile pid
    run=$(runtime_dir)
    pidfile=$run/data/postmaster.pid
    if [[ -f $pidfile ]]; then
        pid=$(head -n 1 "$pidfile" || true)
        if ! as_owner "$bindir/pg_ctl" -D "$run/data" -m fast -w -t 30 stop >/dev/null 2>&1; then
            as_owner "$bindir/pg_ctl" -D "$run/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
        fi
        # Last resort, only for a process that really is that cluster's postmaster.
        if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
            tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "postgres.*$run/data"; then
            kill -KILL "$pid" 2>/dev/null || true
            sleep 1
        fi
        if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null &&
            tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "postgres.*$run/data"; then
            die "could not stop the PostgreSQL server (pid $pid) of $run/data"
        fi
    fi
    if [[ $run != "$dir" && $run == /tmp/walletdesk-pg.* ]]; then
        rm -rf -- "$run"
    fi
    rm -rf -- "$dir"
}

# A CA and a server certificate it signs (localhost and 127.0.0.1), the server's files in the data folder,
# readable by the cluster's owner only, as PostgreSQL insists.
make_certificates() {
    local run=$1
    [[ -f $run/data/server.pem ]] && return 0
    command -v openssl >/dev/null || die "WALLETDESK_PG_TLS=1 needs openssl"
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj '/CN=walletdesk test CA' \
        -keyout "$run/ca.key" -out "$run/ca.pem" >/dev/null 2>&1 || die "could not make the test CA"
    openssl req -newkey rsa:2048 -nodes -subj '/CN=localhost' -keyout "$run/server.key" \
        -out "$run/server.csr" >/dev/null 2>&1 || die "could not make the server key"
    printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >"$run/san.ext"
    openssl x509 -req -in "$run/server.csr" -CA "$run/ca.pem" -CAkey "$run/ca.key" -CAcreateserial \
        -days 2 -extfile "$run/san.ext" -out "$run/server.pem" >/dev/null 2>&1 ||
        die "could not sign the server certificate"
    install -m 0600 "$run/server.key" "$run/data/server.key"
    install -m 0644 "$run/server.pem" "$run/data/server.pem"
    if [[ $EUID -eq 0 ]]; then chown postgres: "$run/data/server.key" "$run/data/server.pem"; fi
    rm -f "$run/ca.key" "$run/ca.srl" "$run/server.key" "$run/server.csr" "$run/san.ext"
    chmod 0644 "$run/ca.pem"
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Makes DIR (after stopping what ran there) and the runtime folder of its cluster: DIR itself, or a private
# folder under /tmp when the postgres user cannot use DIR for a socket. Sets `run`; DIR/run names it.
make_runtime_dir() {
    stop_server
    mkdir -p -- "$dir"
    chmod 0700 "$dir"
    if [[ $EUID -eq 0 ]]; then chown postgres: "$dir"; fi

    # A socket path may hold at most 107 bytes; the socket is RUN/.s.PGSQL.PORT.
    run=$dir
    if ((${#dir} + 16 > 100)) || ! as_owner test -w "$dir" -a -x "$dir"; then
        run=$(mktemp -d /tmp/walletdesk-pg.XXXXXX)
        chmod 0700 "$run"
        if [[ $EUID -eq 0 ]]; then chown postgres: "$run"; fi
        echo "pg-harness: the postgres user cannot use $dir for a socket; the cluster lives in $run" >&2
    fi
    printf '%s' "$run" >"$dir/run"
}

start_server() {
    local run
    make_runtime_dir

    if ! as_owner "$bindir/initdb" -D "$run/data" -A trust -U walletdesk -E UTF8 --no-locale --no-sync \
        >"$run/initdb.log" 2>&1; then
        cat "$run/initdb.log" >&2
        die "initdb failed"
    fi

    local port='' attempt candidate quoted=${run//\'/\'\'}
    for attempt in 1 2 3; do
        for _ in $(seq 1 50); do
            candidate=$((20000 + RANDOM % 40000))
            if ! port_in_use "$candidate"; then
                port=$candidate
                break
            fi
        done
        [[ -n $port ]] || die "no free port number found"
        # Tests need no durability; benchmarks do (WALLETDESK_PG_DURABLE=1 keeps PostgreSQL's defaults).
        local durability=off
        [[ ${WALLETDESK_PG_DURABLE:-0} == 1 ]] && durability=on
        local listen="''" tls_lines=''
        if [[ ${WALLETDESK_PG_TLS:-0} == 1 ]]; then
            make_certificates "$run"
            listen="'127.0.0.1'"
            tls_lines=$'ssl = on\nssl_cert_file = \'server.pem\'\nssl_key_file = \'server.key\''
        fi
        cat >>"$run/data/postgresql.conf" <<EOF

# written by pg-harness.sh (attempt $attempt)
port = $port
listen_addresses = $listen
$tls_lines
unix_socket_directories = '$quoted'
fsync = $durability
synchronous_commit = $durability
full_page_writes = $durability
max_connections = 200
EOF
        if (close_inherited_fds && as_owner "$bindir/pg_ctl" -D "$run/data" -l "$run/log" -w -t 60 start) \
            >/dev/null 2>&1; then
            break
        fi
        port=''
    done
    if [[ -z $port ]]; then
        tail -n 30 "$run/log" >&2 || true
        die "the PostgreSQL server did not start (log: $run/log)"
    fi

    local psql=$bindir/psql
    [[ -x $psql ]] || psql=psql
    if ! "$psql" -X -q -v ON_ERROR_STOP=1 -h "$run" -p "$port" -U walletdesk -d postgres \
        -c 'CREATE DATABASE walletdesk_test OWNER walletdesk' >/dev/null; then
        die "could not create database walletdesk_test (log: $run/log)"
    fi

    local url="postgresql://walletdesk@localhost:$port/walletdesk_test?host=$(urlencode "$run")"
    if [[ ${WALLETDESK_PG_TLS:-0} == 1 ]]; then
        [[ $run == "$dir" ]] || cp "$run/ca.pem" "$dir/ca.pem"
        printf '%s\n' "postgresql://walletdesk@127.0.0.1:$port/walletdesk_test" >"$dir/url-tcp"
    fi
    printf '%s\n' "$port" >"$dir/port"
    printf '%s\n' "$url" >"$dir/url"
    printf '%s\n' "$url"
}

# For the fault tests: the cluster of DIR goes away and comes back with its data.
control_server() {
    local run
    run=$(runtime_dir)
    [[ -d $run/data ]] || die "no cluster in $dir"
    case $1 in
    restart) (close_inherited_fds && as_owner "$bindir/pg_ctl" -D "$run/data" -l "$run/log" -m fast -w -t 60 \
        restart) >/dev/null 2>&1 || die "pg_ctl restart failed (log: $run/log)" ;;
    pause) as_owner "$bindir/pg_ctl" -D "$run/data" -m fast -w -t 60 stop >/dev/null 2>&1 ||
        die "pg_ctl stop failed (log: $run/log)" ;;
    resume) (close_inherited_fds && as_owner "$bindir/pg_ctl" -D "$run/data" -l "$run/log" -w -t 60 start) \
        >/dev/null 2>&1 || die "pg_ctl start failed (log: $run/log)" ;;
    esac
}

# A standby of the cluster of PRIMARY-DIR: a base backup that streams from it (primary_conninfo and standby.signal
# written by pg_basebackup -R). It listens on the primary's port in a socket folder of its own, so that the URL
# postgresql://...:PORT/db?host=PRIMARY-SOCKETS,STANDBY-SOCKETS&target_session_attrs=read-write names both, as a
# primary and its standby on two machines would be named. A fast shutdown of the primary sends every WAL record
# to the connected standby first, so a standby promoted after `pause` of its primary has every commit.
start_standby() {
    [[ $primary == /* ]] || primary=$PWD/$primary
    primary=${primary%/}
    local primary_run port
    primary_run=$(dir=$primary runtime_dir)
    port=$(cat "$primary/port") || die "no cluster in $primary"
    local run
    make_runtime_dir
    if ! as_owner "$bindir/pg_basebackup" -h "$primary_run" -p "$port" -U walletdesk -D "$run/data" -R \
        -X stream -c fast >"$run/basebackup.log" 2>&1; then
        cat "$run/basebackup.log" >&2
        die "pg_basebackup from $primary failed"
    fi
    local quoted=${run//\'/\'\'}
    cat >>"$run/data/postgresql.conf" <<EOF

# written by pg-harness.sh standby: the primary's port, a socket folder of its own
unix_socket_directories = '$quoted'
listen_addresses = ''
hot_standby = on
EOF
    if ! (close_inherited_fds && as_owner "$bindir/pg_ctl" -D "$run/data" -l "$run/log" -w -t 60 start) \
        >/dev/null 2>&1; then
        tail -n 30 "$run/log" >&2 || true
        die "the standby did not start (log: $run/log)"
    fi
    local url="postgresql://walletdesk@localhost:$port/walletdesk_test?host=$(urlencode "$run")"
    printf '%s\n' "$port" >"$dir/port"
    printf '%s\n' "$url" >"$dir/url"
    printf '%s\n' "$url"
}

case $command in
start) start_server ;;
stop) stop_server ;;
standby) start_standby ;;
promote)
    run=$(runtime_dir)
    as_owner "$bindir/pg_ctl" -D "$run/data" -w -t 60 promote >/dev/null 2>&1 ||
        die "pg_ctl promote failed (log: $run/log)"
    ;;
restart | pause | resume) control_server "$command" ;;
esac


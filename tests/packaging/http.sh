#!/usr/bin/env bash
# A minimal HTTP/1.1 client in bash alone (its /dev/tcp), for install-test.sh to call walletd from inside a minimal
# Debian root that has no curl. Prints the status line, then the body, read by its Content-Length (the server
# keeps the connection open after answering).
# usage: http.sh PORT METHOD PATH [JSON-BODY]
set -euo pipefail
port=$1 method=$2 path=$3 body=${4-}
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s' \
    "$method" "$path" "${#body}" "$body" >&3
IFS= read -r -t 10 status <&3
printf '%s\n' "${status%$'\r'}"
length=0
while IFS= read -r -t 10 line <&3; do
    line=${line%$'\r'}
    [[ -z $line ]] && break
    if [[ ${line,,} == content-length:* ]]; then
        length=${line#*:}
        length=${length// /}
    fi
done
timeout 10 head -c "$length" <&3

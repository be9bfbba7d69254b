#!/usr/bin/env bash
# Builds the libFuzzer target of walletd's request decoders with clang (address + undefined-behaviour sanitizers)
# into build/fuzz, apart from the gcc build, and runs it for a bounded time. CTest runs it as fuzz_apidecode
# (label fuzz), so the full test command (scripts/test-all.sh: ctest --preset dev) includes it.
#   scripts/fuzz-apidecode.sh [SECONDS]     default 30; exit status non-zero when the fuzzer found a problem
# Findings (crash-*, leak-*) are written to build/fuzz/findings; the corpus grows in build/fuzz/corpus, seeded
# from tests/server/fuzz-corpus.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${1:-30}
out=build/fuzz
mkdir -p "$out/obj" "$out/corpus" "$out/findings"

CXX=${FUZZ_CXX:-clang++}
command -v "$CXX" >/dev/null || { echo "fuzz-apidecode: $CXX is not installed (package clang)" >&2; exit 1; }
qt_inc=$(pkg-config --cflags Qt6Core 2>/dev/null || echo "-I/usr/include/x86_64-linux-gnu/qt6 -I/usr/include/x86_64-linux-gnu/qt6/QtCore")
qt_lib=$(pkg-config --libs Qt6Core 2>/dev/null || echo "-lQt6Core")
flags=(-std=c++20 -O1 -g -fPIC -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
       -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_DEBUG -Imodels/ledger -Imodels/api $qt_inc)

# The decoders and the few value sources they use; rebuilt only when a source is newer than its object.
sources=(models/api/apijson.cpp models/api/apicodec.cpp models/api/apicodecvalues.cpp models/api/apigame.cpp models/ledger/money.cpp models/ledger/transactionkind.cpp
         models/ledger/account.cpp models/ledger/role.cpp models/ledger/approval.cpp models/ledger/ledgererror.cpp models/ledger/postingrequest.cpp
         models/ledger/accountquery.cpp models/ledger/currency.cpp models/ledger/balancedistribution.cpp models/ledger/economyreport.cpp tests/server/fuzz_apidecode.cpp)
objects=()
for src in "${sources[@]}"; do
    obj=$out/obj/$(basename "${src%.cpp}").o
    objects+=("$obj")
    if [[ ! -e $obj || $src -nt $obj || -n $(find models -name '*.h' -newer "$obj" -print -quit) ]]; then
        "$CXX" "${flags[@]}" -c "$src" -o "$obj"
    fi
done
binary=$out/fuzz_apidecode
if [[ ! -e $binary || -n $(find "$out/obj" -newer "$binary" -print -quit) ]]; then
    "$CXX" -fsanitize=fuzzer,address,undefined "${objects[@]}" $qt_lib -o "$binary"
fi

cp -n tests/server/fuzz-corpus/* "$out/corpus/" 2>/dev/null || true
echo "fuzz-apidecode: running $binary for ${seconds}s"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=detect_leaks=1
"$binary" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/findings/" "$out/corpus" 2>&1 | tail -n 25
exit "${PIPESTATUS[0]}"

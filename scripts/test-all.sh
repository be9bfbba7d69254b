#!/usr/bin/env bash
# The one test command: installs what is missing (scripts/install-deps.sh), then
#   1. configures and builds the dev preset (warnings are errors) and runs every test: ctest --preset dev
#   2. configures and builds the asan preset (address + undefined-behaviour sanitizers) and runs the unit and
#      sqlite tests there
# Both suites run even when the first fails; the exit status is non-zero when anything failed.
# Builds and test runs take /tmp/walletdesk-build.lock (WALLETDESK_BUILD_LOCK), so they never overlap with another
# build in the same tree; do not call this script under that lock yourself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

lock=${WALLETDESK_BUILD_LOCK:-/tmp/walletdesk-build.lock}
locked() { flock "$lock" "$@"; }
step() { printf '\n== %s\n' "$*"; }

step "dependencies"
scripts/install-deps.sh

failed=()
for preset in dev asan; do
    step "configure $preset"
    locked cmake --preset "$preset"
    step "build $preset"
    locked cmake --build --preset "$preset"

    labels=()
    if [[ $preset == asan ]]; then
        labels=(-L 'unit|sqlite')
        # Leaks inside system libraries the X11 platform plugin loads (libdbus, fontconfig) are not ours.
        export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp:print_suppressions=0
    fi
    step "test $preset ${labels[*]}"
    # Tests on the shared PostgreSQL database hold RESOURCE_LOCK postgres, so two jobs are safe.
    if ! locked ctest --preset "$preset" -j2 --no-tests=error "${labels[@]}"; then
        failed+=("$preset")
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "test-all: tests FAILED in: ${failed[*]}" >&2
    exit 1
fi
echo "test-all: everything passed"

#!/usr/bin/env bash
# Static checks of WalletDesk's own sources: clang-tidy with the repository's .clang-tidy, and clazy (the Qt
# checks) at the level chosen below. Both read the compile commands of a configured and built tree (generated
# headers such as buildinfo.h and the moc/uic output must exist), by default build/dev:
#
#   scripts/lint.sh [BUILD_DIR] [--tidy-only | --clazy-only] [--analyzer]
#
# Prints every finding and exits non-zero when there is one. Only the project's own files are checked (not
# build/'s generated ones); a source compiled into two targets (the tests built per backend) is checked once.
# LINT_JOBS (default 2) runs that many compilers at once. It takes no build lock itself: CTest's test `lint`
# (label lint, tests/CMakeLists.txt) runs it, and ctest already runs under the lock; by hand, take the lock
# around it (flock /tmp/wd-build.lock scripts/lint.sh). A full run takes about 15 minutes on 2 cores, which is
# why the dev test preset (ctest --preset dev, the CI's run) leaves label lint out.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

build=$root/build/dev
tidy=1 clazy=1 analyzer=0
for arg in "$@"; do
    case $arg in
        --tidy-only) clazy=0 ;;
        --clazy-only) tidy=0 ;;
        --analyzer) analyzer=1 ;;
        -*) echo "lint: unknown option $arg" >&2; exit 2 ;;
        *) build=$(cd "$arg" && pwd) ;;
    esac
done
jobs=${LINT_JOBS:-2}

# clazy: level0 and level1 (level2's checks, qstring-allocations first, would flag most of the Qt idioms the
# codebase uses on purpose). Excluded, and why (as .clang-tidy does):
#   non-pod-global-static  the codebase's file-local constants are `const QString X = QStringLiteral(...)` (and
#                          Actors, QStringLists of them) in anonymous namespaces: QStringLiteral builds no heap
#                          data, none refers to another file's static (no initialisation-order risk), and the
#                          check's concern, load-time constructors in shared libraries, does not apply to our
#                          static libraries and executables; Q_GLOBAL_STATIC for each would only add noise.
clazy_checks=level0,level1,no-non-pod-global-static

if [[ ! -f $build/compile_commands.json ]]; then
    echo "lint: $build/compile_commands.json is missing: configure and build first (cmake --preset dev)" >&2
    exit 2
fi
for tool in run-clang-tidy clang-tidy clazy-standalone python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "lint: $tool is not installed (scripts/install-deps.sh installs clang-tidy and clazy)" >&2
        exit 2
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The project's own translation units, each once, in a compile database of their own.
python3 - "$build/compile_commands.json" "$root" "$build" "$work/compile_commands.json" <<'EOF'
import json, os, sys
database, root, build, out = sys.argv[1:]
root = os.path.realpath(root) + os.sep
build = os.path.realpath(build) + os.sep
seen, kept = set(), []
for entry in json.load(open(database)):
    path = os.path.realpath(os.path.join(entry["directory"], entry["file"]))
    if not path.startswith(root) or path.startswith(build) or os.sep + "build" + os.sep in path[len(root) - 1:]:
        continue
    if path in seen:
        continue
    seen.add(path)
    entry["file"] = path
    kept.append(entry)
json.dump(kept, open(out, "w"), indent=1)
print(f"lint: {len(kept)} translation units", file=sys.stderr)
EOF
mapfile -t files < <(python3 -c 'import json,sys; [print(e["file"]) for e in json.load(open(sys.argv[1]))]' \
    "$work/compile_commands.json")

failed=0
# gcc's options that clang does not know are not findings.
extra=(-extra-arg=-Wno-unknown-warning-option -extra-arg=-Wno-ignored-optimization-argument)

if [[ $tidy -eq 1 ]]; then
    echo "== clang-tidy ($(clang-tidy --version | grep -o 'version [0-9.]*'), .clang-tidy, $jobs jobs)"
    checks=()
    [[ $analyzer -eq 1 ]] && checks=(-checks='clang-analyzer-*')
    # run-clang-tidy prints each file's findings together (in colour); its exit status is not reliable across
    # versions, so the findings are counted from what it prints: a header's finding is printed once per file
    # that includes it, so each is counted once.
    run-clang-tidy -p "$work" -j "$jobs" -quiet "${extra[@]}" "${checks[@]}" "${files[@]}" 2>&1 |
        sed 's/\x1b\[[0-9;]*m//g' >"$work/tidy.log" || true
    grep -E '(warning|error): ' "$work/tidy.log" | grep -v -E '^[0-9]+ warnings? ' | sort -u >"$work/tidy.findings" || true
    cat "$work/tidy.findings"
    findings=$(wc -l <"$work/tidy.findings")
    echo "clang-tidy: $findings findings"
    [[ $findings -eq 0 ]] || failed=1
fi

if [[ $clazy -eq 1 ]]; then
    echo "== clazy ($clazy_checks, $jobs jobs)"
    mkdir -p "$work/clazy"
    printf '%s\n' "${files[@]}" | xargs -P "$jobs" -I{} sh -c \
        'clazy-standalone -p "$1" --checks="$2" --header-filter="$3" --ignore-dirs="$4" \
             --extra-arg=-Wno-unknown-warning-option --extra-arg=-Wno-ignored-optimization-argument \
             --extra-arg=-Wno-error "$5" >"$1/clazy/$(echo "$5" | tr / _).log" 2>&1 || \
             echo "clazy-standalone failed on $5" >>"$1/clazy/$(echo "$5" | tr / _).log"' \
        _ "$work" "$clazy_checks" '/(app|bench|models|packaging|tests|ui)/' "$build|/usr/" {}
    cat "$work"/clazy/*.log 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' >"$work/clazy.log" || true
    # Only clazy's own diagnostics and errors count (the compiler's warnings are gcc's business, with -Werror
    # there); a header's finding once.
    grep -E '\[-Wclazy-|clazy-standalone failed|error: ' "$work/clazy.log" | sort -u >"$work/clazy.findings" || true
    cat "$work/clazy.findings"
    findings=$(wc -l <"$work/clazy.findings")
    echo "clazy: $findings findings"
    [[ $findings -eq 0 ]] || failed=1
fi

if [[ $failed -ne 0 ]]; then
    echo "lint: FAILED" >&2
    exit 1
fi
echo "lint: clean"

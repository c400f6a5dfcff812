#!/bin/sh
# run.sh — runs every test and ends with the summary line CI reads:
#   N passed, N failed
# Kinds of test, each found by file name (no list to maintain):
#   tests/unit/test_*.c   C unit tests (built by make into $UNIT_DIR)
#   tests/cli/*.sh        shell tests of the command line
#   tests/diag/**/*.yaml  golden diagnostics: `kehoach check --lang=en` output
#                         and exit status must equal the .expected file
#                         (options from NAME.args when that file exists)
# Each prints TAP lines; a test program that crashes or exits non-zero
# without a failing line counts as one failure.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
: "${KEHOACH:=$ROOT/build/asan/kehoach}"
: "${UNIT_DIR:=$ROOT/build/asan/unit}"
export KEHOACH KEHOACH_PLAIN="${KEHOACH_PLAIN:-$KEHOACH}"
# A sanitizer report exits 86, never 1 or 2: those are kehoach's own exit
# statuses (rule errors, usage), which many tests accept, so a crash under
# ASan or UBSan can never pass for an ordinary failure.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=86}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1:exitcode=86}"
export NO_COLOR=1 LC_ALL=C.UTF-8
unset CI_FORCE_COLOR || true
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
passed=0
failed=0
verbose=${VERBOSE:-0}

# count OUTPUT_FILE EXIT_STATUS NAME
count() {
    p=$(grep -c '^ok ' "$1")
    f=$(grep -c '^not ok ' "$1")
    if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        echo "not ok - $3 exited with status $2 without a failing check"
        tail -20 "$1" | sed 's/^/#   /'
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -gt 0 ]; then
        echo "FAIL $3 ($p passed, $f failed)"
        grep -A6 '^not ok ' "$1" | head -60
    elif [ "$verbose" = 1 ]; then
        echo "ok   $3 ($p passed)"
    fi
}

for bin in "$UNIT_DIR"/test_*; do
    [ -x "$bin" ] || continue
    "$bin" >"$LOG" 2>&1
    count "$LOG" $? "unit/$(basename "$bin")"
done

for t in tests/cli/*.sh; do
    [ -f "$t" ] || continue
    sh "$t" >"$LOG" 2>&1
    count "$LOG" $? "$t"
done

n=0
for y in $(find tests/diag -name '*.yaml' | LC_ALL=C sort); do
    exp="${y%.yaml}.expected"
    n=$((n + 1))
    # NAME.args, when present, holds extra options (--draft, --today=…).
    args=$(cat "${y%.yaml}.args" 2>/dev/null || true)
    got=$("$KEHOACH" check --lang=en $args "$y" 2>&1; echo "[exit $?]")
    if [ -f "$exp" ] && [ "$got" = "$(cat "$exp")" ]; then
        echo "ok $n - $y" >"$LOG"
    else
        { echo "not ok $n - $y"
          printf '%s\n' "$got" | diff -u "$exp" - 2>&1 | head -30 | sed 's/^/#   /'; } >"$LOG"
    fi
    count "$LOG" 0 "$y"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

#!/bin/sh
# valgrind.sh — memcheck on the plain build ($KEHOACH_PLAIN, no ASan): every
# seed plan through `check` and through every renderer, with
# --error-exitcode=1 --leak-check=full. Skips visibly without valgrind.
. "$(dirname "$0")/../lib.sh"
PLAIN=${KEHOACH_PLAIN:-}
if ! command -v valgrind >/dev/null 2>&1; then
    echo "ok 1 # skip valgrind is not installed (apt-get install valgrind)"
    echo "1..1"
    exit 0
fi
if [ -z "$PLAIN" ] || [ "$PLAIN" = "$KEHOACH" ]; then
    echo "ok 1 # skip KEHOACH_PLAIN (the build without ASan) is not set"
    echo "1..1"
    exit 0
fi
formats=$("$PLAIN" build --help | sed -n 's/.*comma-separated formats (default: md)://p' |
          tr -s ' ' ',' | sed 's/^,//; s/,$//')
[ -n "$formats" ] || formats=md
VG="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect"
for y in plans/*.yaml tests/fixtures/published/*.yaml fuzz/seeds/*.yaml; do
    [ -f "$y" ] || continue
    $VG "$PLAIN" check --today=2024-06-01 "$y" >"$TMP/o" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then ok "memcheck clean: check $y"
    else fail "memcheck: check $y exit $rc" "$(grep -E '==[0-9]+==' "$TMP/o" | head -20)"; fi
    rm -rf "$TMP/outdir"
    $VG "$PLAIN" build --force -f "$formats" -o "$TMP/outdir" "$y" >"$TMP/o" 2>&1
    rc=$?
    if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then ok "memcheck clean: build -f $formats $y"
    else fail "memcheck: build $y exit $rc" "$(grep -E '==[0-9]+==' "$TMP/o" | head -20)"; fi
done
done_testing

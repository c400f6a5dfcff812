#!/bin/sh
# fortify.sh — kehoach built as distributions build it (-O2
# -D_FORTIFY_SOURCE=2). There glibc aborts ("invalid %N$ use detected") on a
# message format that skips a %n$ position, which the sanitized build does
# not show. Three loader messages had such a Vietnamese format (issue #7);
# both languages of a diagnostic are formatted when it is made, so a
# missing key aborted `kehoach check` whatever --lang. (Every format pair is
# checked by tests/unit/test_msgfmt.c and, for literals, by the compiler.)
# Every golden plan is checked in both languages: no abort, and the output
# of the build without fortification.
. "$(dirname "$0")/../lib.sh"
B=$TMP/fortify
if ! env -u MAKEFLAGS -u MFLAGS make -s BUILD="$B" CFLAGS="-O2 -D_FORTIFY_SOURCE=2" \
        "$B/kehoach" >"$TMP/make.log" 2>&1; then
    fail "the fortified build compiles" "$(tail -20 "$TMP/make.log")"
    done_testing
    exit 1
fi
ok "the fortified build compiles"

# The three messages that aborted, in Vietnamese.
for f in required-missing required-empty root-list; do
    y=tests/diag/load/$f.yaml
    check_exit "fortified: check --lang=vi $f reports, does not abort" 1 \
        "$B/kehoach" check --lang=vi "$y"
done
"$B/kehoach" check --lang=vi tests/diag/load/required-missing.yaml >"$TMP/o" 2>&1
check_grep "the Vietnamese message names the key and where it is missing" \
    "thiếu khóa bắt buộc 'title' trong kế hoạch \[LOAD-REQUIRED\]" "$TMP/o"
"$B/kehoach" check --lang=vi tests/diag/load/root-list.yaml >"$TMP/o" 2>&1
check_grep "the Vietnamese message says what the top level is" \
    "không phải một danh sách \[LOAD-TYPE\]" "$TMP/o"

# Every golden plan, both languages: the output of the build without it.
n=0
: >"$TMP/bad"
for y in $(find tests/diag -name '*.yaml' | LC_ALL=C sort); do
    args=$(cat "${y%.yaml}.args" 2>/dev/null || true)
    for l in vi en; do
        "$B/kehoach" check --lang=$l $args "$y" >"$TMP/f" 2>&1
        rf=$?
        "${KEHOACH_PLAIN:-$KEHOACH}" check --lang=$l $args "$y" >"$TMP/a" 2>&1
        ra=$?
        n=$((n + 1))
        if [ "$rf" -ne "$ra" ] || ! cmp -s "$TMP/f" "$TMP/a"; then
            echo "$y --lang=$l: exit $rf, not fortified $ra" >>"$TMP/bad"
        fi
    done
done
if [ ! -s "$TMP/bad" ]; then ok "fortified build: $n checks of the golden plans as the build without it"
else fail "fortified build differs from the build without it" "$(head -20 "$TMP/bad")"; fi
done_testing

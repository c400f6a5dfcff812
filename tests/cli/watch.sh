#!/bin/sh
# watch.sh — `kehoach build --watch`: builds, then rebuilds when the plan is
# rewritten in place or replaced by a rename (as editors save), and when a
# parent plan it names with `implements: file:` changes; a write to another
# file of the directory causes nothing. Every wait is bounded (10 s).
. "$(dirname "$0")/../lib.sh"
W=$TMP/w
mkdir -p "$W/a/b/c" "$W/plans/parents" "$TMP/built"
cp plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml "$W/plan.yaml"
cp plans/parents/111-KH-DUK.yaml "$W/plans/parents/"
cp tests/fixtures/chain/broken-child.yaml "$W/a/b/c/child.yaml"

# until CMD...: wait up to 10 s for CMD to succeed
until_ok() { i=0; while ! "$@" 2>/dev/null; do i=$((i + 1)); [ $i -gt 100 ] && return 1; sleep 0.1; done; }
rebuilds() { grep -c 'a plan changed; rebuilding' "$TMP/log"; }

"$KEHOACH" build --watch --lang=en -f md -o "$TMP/built" "$W/plan.yaml" "$W/a/b/c/child.yaml" \
    >/dev/null 2>"$TMP/log" &
pid=$!
check "the first build is written" until_ok test -s "$TMP/built/plan.md"
check "then it watches the plans and the parent" until_ok grep -q 'watching 3 file(s)' "$TMP/log"
cp "$TMP/built/plan.md" "$TMP/md0"

# saved in place
sed 's/^title: |-$/title: |-\n  Sửa lần một:/' "$W/plan.yaml" >"$TMP/p1"
cat "$TMP/p1" >"$W/plan.yaml"
check "written in place: rebuilt" until_ok grep -q 'Sửa lần một' "$TMP/built/plan.md"

# saved through a new file renamed over the plan
sed 's/Sửa lần một/Sửa lần hai/' "$W/plan.yaml" >"$W/.plan.yaml.swp"
mv "$W/.plan.yaml.swp" "$W/plan.yaml"
check "replaced by a rename: rebuilt" until_ok grep -q 'Sửa lần hai' "$TMP/built/plan.md"
check "watching again after the rebuild" until_ok sh -c "test \$(grep -c 'watching 3 file' '$TMP/log') -ge 3"

# the parent plan, in another directory
n=$(rebuilds)
cat "$W/plans/parents/111-KH-DUK.yaml" >"$TMP/parent" && cat "$TMP/parent" >"$W/plans/parents/111-KH-DUK.yaml"
check "the parent plan changed: rebuilt" until_ok sh -c "test \$(grep -c 'a plan changed; rebuilding' '$TMP/log') -gt $n"

# an unrelated file beside the plan: nothing
until_ok sh -c "test \$(grep -c 'watching 3 file' '$TMP/log') -ge 4"
n=$(rebuilds)
echo x >"$W/notes.txt"
sleep 1
check "another file of the directory: no rebuild" test "$(rebuilds)" = "$n"
check "the build is still running" kill -0 "$pid"
kill "$pid"
wait "$pid" 2>/dev/null
check_no_grep "no sanitizer report" 'ERROR: AddressSanitizer|runtime error' "$TMP/log"

check_exit "--watch with -o -: exit 2" 2 "$KEHOACH" build --watch -o - "$W/plan.yaml"
check_exit "--watch with standard input: exit 2" 2 "$KEHOACH" build --watch -o "$TMP/built" -
done_testing

#!/bin/sh
# import_roundtrip.sh — every plan in plans/ through `build -f docx` and back
# through `import`: the imported plan loads, and the facts of the two plans
# (tests/import/same_plan.py: header, title, section tree, units, task
# deadlines, recipients, signature) agree at least as often as the floor
# committed in tests/import/roundtrip-floor.txt says, which may only go up.
# The figures are printed; issue 13 wants every fact back. Then the whole
# JSON model (same_plan.py --model: every value but source positions and
# how the YAML wrote it): each difference must be one reviewed in
# tests/import/roundtrip-expected.txt with its reason, and each plan's own
# entry there must still be needed.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
FLOOR=tests/import/roundtrip-floor.txt
for p in plans/*.yaml plans/*/*.yaml; do
    b=$(basename "$p" .yaml)
    rm -rf "$TMP/rt"
    "$KEHOACH" build -f docx -o "$TMP/rt/" "$p" >/dev/null 2>&1
    check_exit "$b: import of its own docx (exit 0)" 0 "$KEHOACH" import -o "$TMP/rt/$b.yaml" "$TMP/rt/$b.docx"
    "$KEHOACH" build --force -f json -o "$TMP/rt/a/" "$p" >/dev/null 2>&1
    "$KEHOACH" build --force -f json -o "$TMP/rt/b/" "$TMP/rt/$b.yaml" >"$TMP/load" 2>&1
    check_no_grep "$b: the imported plan loads" '\[LOAD-[A-Z0-9-]*\]$' "$TMP/load"
    "$PY" tests/import/same_plan.py "$TMP/rt/a/$b.json" "$TMP/rt/b/$b.json" \
        --model tests/import/roundtrip-expected.txt "$b" >"$TMP/same"
    got=$(sed -n 's/^facts: \([0-9]*\)\/.*/\1/p' "$TMP/same")
    all=$(sed -n 's/^facts: [0-9]*\/\([0-9]*\) same/\1/p' "$TMP/same")
    floor=$(awk -v b="$b" '$1 == b { print $2 }' "$FLOOR")
    echo "# roundtrip $b: ${got:-?}/${all:-?} facts the same (floor ${floor:-none})"
    if [ -n "$got" ] && [ -n "$floor" ] && [ "$got" -ge "$floor" ]; then
        ok "$b: $got/$all facts back, floor $floor"
    else fail "$b: $got/$all facts back, floor ${floor:-missing}" "$(grep differs "$TMP/same" | head -8)"; fi
    m=$(sed -n 's/^model: //p' "$TMP/same")
    echo "# roundtrip $b, whole model: ${m:-?}"
    if [ -n "$m" ] && ! grep -q '^unexpected\|^stale' "$TMP/same"; then
        ok "$b: the whole model back but for the listed differences ($m)"
    else fail "$b: the whole model: a difference not in tests/import/roundtrip-expected.txt" \
        "$(grep '^unexpected\|^stale' "$TMP/same" | head -8)"; fi
done
done_testing

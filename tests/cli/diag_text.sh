#!/bin/sh
# diag_text.sh — diagnostics as compilers print them: the source line and a
# caret under the column (by display width: tabs kept, combining marks take
# no cell, wide characters two), a window around the caret on a long line,
# control characters shown as '?', related places as note: lines with their
# own excerpt, a closing count for check, --no-excerpt, and nothing of it
# in JSON or SARIF.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
D=$TMP/d
mkdir -p "$D"
# a duplicate key after a tab-indented comment line and NFD text
printf 'issuer: A\n# \xcc\x81 note\nsignature: {title: "Trưởng ban", nme: c}\nissuer: B\n' >"$D/dup.yaml"
"$KEHOACH" check --lang=en "$D/dup.yaml" >"$TMP/o" 2>"$TMP/e"; st=$?
check "a broken plan: exit 1" test "$st" = 1
check_grep "the diagnostic line" "dup.yaml:4:1: error: duplicate key 'issuer'" "$TMP/e"
check_grep "then its source line, numbered" '^ +4 \| issuer: B$' "$TMP/e"
check_grep "then the caret under column 1" '^ +\| \^$' "$TMP/e"
check_grep "the first place is a note: line" "dup.yaml:1:1: note: 'issuer' is first written here$" "$TMP/e"
check_grep "with its own excerpt" '^ +1 \| issuer: A$' "$TMP/e"
# the caret after a multi-byte Vietnamese word: columns are code points
check_grep "unknown key after 'Trưởng ban': the caret under 'nme'" \
    '^ +3 \| signature: \{title: "Trưởng ban", nme: c\}$' "$TMP/e"
awk '/unknown key .nme./ {getline; getline; print; exit}' "$TMP/e" >"$TMP/caret"
check "the caret stands under 'n' of nme (column 34: 33 cells before it, Vietnamese letters one each)" \
    sh -c "grep -q '^ *| \\{34\\}^\$' '$TMP/caret'"
"$KEHOACH" check -f json "$D/dup.yaml" >"$TMP/counts.json"
n_err=$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["errors"])' "$TMP/counts.json")
check "the plan has several errors ($n_err)" test "$n_err" -gt 2
check_grep "a closing count, as the JSON summary counts" "^kehoach check: $n_err errors, 0 warnings, 0 notes in 1 file\$" "$TMP/e"
"$KEHOACH" check --lang=vi "$D/dup.yaml" 2>"$TMP/evi"
check_grep "the closing count in Vietnamese" "^kehoach check: $n_err lỗi, 0 cảnh báo, 0 ghi chú trong 1 tệp\$" "$TMP/evi"
"$KEHOACH" check --lang=en "$D/dup.yaml" plans/002-hai-ba-trung-quan-uy.yaml 2>"$TMP/e2"
check_grep "the count adds up across files (notes of seed 002 too)" "^kehoach check: $n_err errors, 0 warnings, 2 notes in 2 files\$" "$TMP/e2"
check_grep "note: in Vietnamese is ghi chú:" "dup.yaml:1:1: ghi chú: 'issuer' viết lần đầu ở đây$" "$TMP/evi"

# --no-excerpt: diagnostic lines only (and the count)
"$KEHOACH" check --lang=en --no-excerpt "$D/dup.yaml" 2>"$TMP/ne"
check_no_grep "--no-excerpt: no source line" ' \| ' "$TMP/ne"
check_grep "--no-excerpt: the note stays" "note: 'issuer' is first written here" "$TMP/ne"
"$KEHOACH" build --lang=en --no-excerpt -o "$TMP/b" "$D/dup.yaml" 2>"$TMP/be"
check_no_grep "build --no-excerpt: no source line" ' \| ' "$TMP/be"
"$KEHOACH" build --lang=en -o "$TMP/b" "$D/dup.yaml" 2>"$TMP/be2"
check_grep "build shows excerpts too" '^ +4 \| issuer: B$' "$TMP/be2"

# a tab before the column: the caret line keeps the tab
printf 'issuer: A\nsignature: {title: a,\tnme: c}\n' >"$D/tab.yaml"
"$KEHOACH" check --lang=en "$D/tab.yaml" 2>"$TMP/te"
check_grep "a tab in the line: the caret line has a tab at the same place" \
    "$(printf '^ +\\| {22}\t\\^$')" "$TMP/te"

# control characters (an escape sequence) are shown as '?', never sent
printf 'issuer: A\ntittle: "\033[31mred\033[0m"\n' >"$D/esc.yaml"
"$KEHOACH" check --lang=en "$D/esc.yaml" 2>"$TMP/ee"
check "no escape character reaches the terminal" sh -c "! grep -q \"\$(printf '\\033')\" '$TMP/ee'"
check_grep "it is shown as ?" '^ +2 \| tittle: "\?\[31mred\?\[0m"$' "$TMP/ee"

# a long line: a window around the caret, marked with …
long=$(head -c 3000 /dev/zero | tr '\0' 'a')
printf 'issuer: A\ntitle: x\nsignature: {title: %s, nme: c}\n' "$long" >"$D/long.yaml"
"$KEHOACH" check --lang=en "$D/long.yaml" 2>"$TMP/le"
check_grep "a long line is cut to a window, marked …" '^ +3 \| …a+, nme: c\}$' "$TMP/le"
len=$(awk '/^ +3 \| / {print length($0)}' "$TMP/le" | sort -n | tail -1)
check "the window is at most ~110 characters wide ($len)" test "$len" -lt 120

# standard input: no file to show, no crash
"$KEHOACH" check --lang=en - <"$D/dup.yaml" 2>"$TMP/se"; st=$?
check "standard input: exit 1" test "$st" = 1
check_grep "standard input: the diagnostic" '^-:4:1: error: duplicate key' "$TMP/se"

# machine formats: no excerpt, related places as data
"$KEHOACH" check --lang=en -f json "$D/dup.yaml" >"$TMP/j" 2>"$TMP/je"
check "json: nothing on stderr (no excerpt, no count)" test ! -s "$TMP/je"
check "json: validates" $PY tests/schemas/validate.py tests/schemas/diagnostics.schema.json "$TMP/j"
$PY - "$TMP/j" >"$TMP/jr" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
dup = [x for x in d["diagnostics"] if x["id"] == "LOAD-DUP-KEY"][0]
r = dup["related"]
assert len(r) == 1 and r[0]["line"] == 1 and r[0]["column"] == 1, r
assert r[0]["message_en"] == "'issuer' is first written here", r
print("related ok")
PYEOF
check_grep "json: the first place in related" '^related ok$' "$TMP/jr"
"$KEHOACH" check --lang=en -f sarif "$D/dup.yaml" >"$TMP/s" 2>"$TMP/sse"
check "sarif: nothing on stderr" test ! -s "$TMP/sse"
check "sarif: validates against the official schema" $PY tests/schemas/validate.py tests/schemas/sarif-2.1.0-rtm.5.schema.json "$TMP/s"
$PY - "$TMP/s" >"$TMP/sr" <<'PYEOF'
import json, sys
res = json.load(open(sys.argv[1]))["runs"][0]["results"]
dup = [x for x in res if x["ruleId"] == "LOAD-DUP-KEY"][0]
rl = dup["relatedLocations"]
assert rl[0]["physicalLocation"]["region"] == {"startLine": 1, "startColumn": 1}, rl
assert rl[0]["message"]["text"] == "'issuer' is first written here"
print("related ok")
PYEOF
check_grep "sarif: the first place in relatedLocations" '^related ok$' "$TMP/sr"
# a clean plan: no count line at all
"$KEHOACH" check --lang=en --off=R-DEADLINE-UNIT --off=R-END-MARK plans/002-hai-ba-trung-quan-uy.yaml 2>"$TMP/clean"
check_no_grep "nothing to count: no count line" 'errors?, ' "$TMP/clean"
done_testing

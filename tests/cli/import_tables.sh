#!/bin/sh
# import_tables.sh — Word tables in: a body table back as `table:`, a
# deadline table as `timetable:` (its event day worked back from a row),
# a Phụ lục as `annexes:` with the Nơi nhận still in `recipients:`, the
# checklist annex left out; and `check draft.docx` finding a deadline
# table's wrong arithmetic at its paragraph (issue 15 point 8, issue 13).
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3

# The plan with a body table, numbered points and an annex, through DOCX.
"$KEHOACH" build -f docx -o "$TMP/a" plans/state/ubnd-xa-chuyen-doi-so-2026.yaml >/dev/null 2>&1
check "import of a DOCX with tables and an annex" "$KEHOACH" import -o "$TMP/a.yaml" "$TMP/a/ubnd-xa-chuyen-doi-so-2026.docx"
check "the imported plan checks clean" "$KEHOACH" check --strict "$TMP/a.yaml"
check_grep "the body table's heading row" '^        table:$' "$TMP/a.yaml"
check_grep "... its columns" 'columns: \["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2026"\]' "$TMP/a.yaml"
check_grep "... a row with a comma kept in its cell" '- \["2", "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", "%", "70", "100"\]' "$TMP/a.yaml"
check_grep "... its note" '^          note: \|$' "$TMP/a.yaml"
check_no_grep "... with no unsure remark (the note style is italic)" 'kept as the table.s note' "$TMP/a.yaml"
check_grep "the untitled points come back as points" '^          - body: \|$' "$TMP/a.yaml"
check_grep "the annex" '^annexes:$' "$TMP/a.yaml"
check_grep "... its table's last row" '"5", "Báo cáo kết quả chuyển đổi số 6 tháng và năm"' "$TMP/a.yaml"
check_no_grep "the checklist annex is not imported" 'DANH MỤC THỜI HẠN|Danh mục thời hạn' "$TMP/a.yaml"
check_grep "signature.head comes back" '^    prefix: "KT."$' "$TMP/a.yaml"
"$KEHOACH" build --force -f json -o "$TMP/j" "$TMP/a.yaml" >/dev/null 2>&1
$PY - "$TMP/j/a.json" >"$TMP/j.out" 2>&1 <<'EOF'
import json, sys
p = json.load(open(sys.argv[1], encoding="utf-8"))
assert len(p["recipients"]) == 8, len(p["recipients"])   # not swallowed by the annex
assert len(p["annexes"]) == 1 and len(p["annexes"][0]["table"]["rows"]) == 5
t = p["sections"][1]["sections"][0]["table"]
assert len(t["columns"]) == 5 and len(t["rows"]) == 5, t
EOF
[ $? -eq 0 ] && ok "the imported model: 8 recipients, 1 annex of 5 rows, a 5×5 body table" || fail "imported model" "$(cat "$TMP/j.out")"

# The deadline table: event, counts, days off.
"$KEHOACH" build -f docx -o "$TMP/b" plans/state/ubnd-xa-bau-cu-2026.yaml >/dev/null 2>&1
check "import of a DOCX with a deadline table" "$KEHOACH" import -o "$TMP/b.yaml" "$TMP/b/ubnd-xa-bau-cu-2026.docx"
check_grep "timetable: with its event" '^      event: "ngày bầu cử"$' "$TMP/b.yaml"
check_grep "... the event day worked back from a row" '^      date: 2026-03-15$' "$TMP/b.yaml"
check_grep "... a row's count" '^          before: 105$' "$TMP/b.yaml"
check_grep "... a count after the event" '^          after: 10$' "$TMP/b.yaml"
[ "$(grep -c '^          day_off: true$' "$TMP/b.yaml")" = 3 ] && ok "... day_off on the 3 rows that named their day off, no other" \
    || fail "day_off rows" "$(grep -n day_off "$TMP/b.yaml")"
check_grep "... the event day itself" '^          before: 0$' "$TMP/b.yaml"
check "the imported timetable checks clean (the arithmetic agrees)" "$KEHOACH" check --strict "$TMP/b.yaml"

# A Word draft whose deadline table writes a date the count contradicts.
"$KEHOACH" build --force -f docx -o "$TMP/c" tests/diag/rules/R-TIMETABLE-ARITH-fail.yaml >/dev/null 2>&1
"$KEHOACH" check --lang=en "$TMP/c/R-TIMETABLE-ARITH-fail.docx" >"$TMP/c.out" 2>&1
check_grep "check draft.docx: the wrong count found, at its paragraph" \
    'R-TIMETABLE-ARITH-fail\.docx:[0-9]+:[0-9]+: error: row 3: 05/01/2026 is 69 days before ngày bầu cử \(15/3/2026\), not 70' "$TMP/c.out"
"$KEHOACH" build --force -f docx -o "$TMP/d" tests/diag/rules/R-TIMETABLE-DAY-fail.yaml >/dev/null 2>&1
"$KEHOACH" check --lang=en "$TMP/d/R-TIMETABLE-DAY-fail.docx" >"$TMP/d.out" 2>&1
check_grep "check draft.docx: a deadline on Tết without 'day_off'" 'row 6.s day 18/02/2026 falls on Tết Nguyên đán' "$TMP/d.out"
done_testing

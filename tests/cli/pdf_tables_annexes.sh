#!/bin/sh
# pdf_tables_annexes.sh — tables in a body and an annex, numbered points with
# no title, Phụ lục each on a new page, and the checklist as the last Phụ lục
# (in the document, in a file of its own, or left out), read back from the
# PDF with pdftotext as a reader would (issue 15, points 1, 2 and 5).
. "$(dirname "$0")/../lib.sh"
P=plans/state/ubnd-xa-chuyen-doi-so-2026.yaml
S=ubnd-xa-chuyen-doi-so-2026

check "the plan with a table, points and an annex checks clean" "$KEHOACH" check --strict "$P"
check_no_grep "... with not even a note" "note:" "$TMP/out"
check "it builds to PDF" "$KEHOACH" build -f pdf -o "$TMP/a" "$P"
pdftotext "$TMP/a/$S.pdf" "$TMP/a.txt"
pdftotext -layout "$TMP/a/$S.pdf" "$TMP/a-layout.txt"

# The body table: cells in reading order (row by row), columns side by side.
check_grep "a body row's cells read across one line" \
    '^ *3 +Số hộ gia đình có hợp đồng Internet cáp quang +hộ +1\.850 +2\.300' "$TMP/a-layout.txt"
python3 - "$TMP/a.txt" >"$TMP/order" 2>&1 <<'EOF'
import sys
t = open(sys.argv[1], encoding="utf-8").read()
seq = ["Phấn đấu đạt các chỉ tiêu", "TT", "Chỉ tiêu", "Đơn", "Năm", "1",
       "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận", "%", "62", "80",
       "2", "Tỷ lệ hồ sơ, kết quả giải quyết", "Số liệu năm 2025 theo báo cáo"]
at = 0
for s in seq:
    i = t.find(s, at)
    if i < 0:
        sys.exit("not in reading order: %r after offset %d" % (s, at))
    at = i + len(s)
EOF
[ $? -eq 0 ] && ok "the table reads in order: intro line, heading row, row 1 cell by cell, note" || fail "table reading order" "$(cat "$TMP/order")"

# The heading row is repeated at the top of the page the table continues on.
pdftotext -f 2 -l 2 "$TMP/a/$S.pdf" "$TMP/p2.txt"
check_grep "page 2 starts with the repeated heading row" '^TT$' "$TMP/p2.txt"
head -4 "$TMP/p2.txt" | grep -q "Chỉ tiêu" && ok "... with its column titles" || fail "heading row not repeated on page 2" "$(head -6 "$TMP/p2.txt")"

# Numbered points with no title: the number leads the paragraph, no heading.
check_grep "point 2.1 is one paragraph with its number" '^2\.1\. Rà soát, số hóa hồ sơ' "$TMP/a.txt"
check_grep "point 2.3 too" '^2\.3\. Hỗ trợ hộ sản xuất' "$TMP/a.txt"

# Phụ lục: each on a page of its own, label, title, caption.
n=$(pdfinfo "$TMP/a/$S.pdf" | awk '/^Pages:/ {print $2}')
found=""
i=1
while [ "$i" -le "$n" ]; do
    pdftotext -f "$i" -l "$i" "$TMP/a/$S.pdf" "$TMP/pg.txt"
    first=$(grep -v '^[0-9]*$' "$TMP/pg.txt" | grep -v '^\s*$' | head -1)
    case $first in "Phụ lục I") found="$found I@$i" ;; "Phụ lục II") found="$found II@$i" ;; esac
    i=$((i + 1))
done
case $found in
    " I@"*" II@"*) ok "Phụ lục I and II each open a page ($found)" ;;
    *) fail "each Phụ lục opens a page" "found:$found" ;;
esac
check_grep "annex I's title in capitals" '^DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026$' "$TMP/a.txt"
tr '\n' ' ' <"$TMP/a.txt" >"$TMP/a-flat.txt"
check_grep "the caption names the plan's number, date and issuer" \
    '\(Kèm theo Kế hoạch số 27/KH-UBND ngày 09/02/2026 của Ủy ban nhân dân xã Hòa Phú\)' "$TMP/a-flat.txt"
check_grep "the checklist is Phụ lục II, DANH MỤC THỜI HẠN" 'Phụ lục II DANH MỤC THỜI HẠN \(Kèm theo' "$TMP/a-flat.txt"
check_no_grep "no old-style '(kèm theo …)' checklist subtitle" '\(kèm theo' "$TMP/a-flat.txt"
check_grep "the annex table's row 3" 'Đưa sản phẩm của hộ sản xuất lên sàn thương mại điện tử' "$TMP/a-flat.txt"

# --checklist=separate: the checklist in FILE.checklist.pdf; the document
# numbers its annexes counting it.
check "--checklist=separate builds" "$KEHOACH" build -f pdf,md --checklist=separate -o "$TMP/s" "$P"
[ -f "$TMP/s/$S.checklist.pdf" ] && [ -f "$TMP/s/$S.checklist.md" ] && ok "separate: FILE.checklist.pdf and .md written" || fail "separate files" "$(ls "$TMP/s")"
pdftotext "$TMP/s/$S.checklist.pdf" "$TMP/c.txt"
[ "$(pdfinfo "$TMP/s/$S.checklist.pdf" | awk '/^Pages:/ {print $2}')" = 1 ] && ok "the checklist file is one page" || fail "checklist file pages"
check_grep "its first line is the label Phụ lục II" '^Phụ lục II$' "$TMP/c.txt"
check_no_grep "it holds no body of the plan" 'CHỈ TIÊU VÀ NHIỆM VỤ|Nơi nhận' "$TMP/c.txt"
check_grep "it holds the checklist rows" '^15/6/2026$' "$TMP/c.txt"
pdftotext "$TMP/s/$S.pdf" "$TMP/d.txt"
check_grep "the document keeps Phụ lục I" '^Phụ lục I$' "$TMP/d.txt"
check_no_grep "the document holds no checklist" 'DANH MỤC THỜI HẠN' "$TMP/d.txt"

# --checklist=none: one annex, labelled "Phụ lục" alone.
check "--checklist=none builds" "$KEHOACH" build -f pdf --checklist=none -o "$TMP/n" "$P"
pdftotext "$TMP/n/$S.pdf" "$TMP/n.txt"
check_grep "a single annex is 'Phụ lục', unnumbered" '^Phụ lục$' "$TMP/n.txt"
check_no_grep "no checklist" 'DANH MỤC THỜI HẠN' "$TMP/n.txt"

check_exit "--checklist=x is a usage error" 2 "$KEHOACH" build --checklist=x -o "$TMP/x" "$P"
check_exit "--checklist=separate with -o - is refused" 2 "$KEHOACH" build -f pdf --checklist=separate -o - "$P"

# A seed plan with no table or annex keeps its page count; its checklist is
# now 'Phụ lục' (its only annex).
check "seed 004 builds" "$KEHOACH" build -f pdf -o "$TMP/seed" plans/004-bach-thong-huyen-uy.yaml
pdftotext "$TMP/seed/004-bach-thong-huyen-uy.pdf" "$TMP/seed.txt"
check_grep "seed 004's checklist is its one Phụ lục" '^Phụ lục$' "$TMP/seed.txt"

# Hostile tables: a ragged row, too many columns, a comma splitting a cell.
cat >"$TMP/bad.yaml" <<'EOF'
issuer: Huyện ủy Bạch Thông
title: T
sections:
  - title: NỘI DUNG
    table:
      columns: [TT, Nội dung, Thời gian]
      rows:
        - [1, Hội nghị]
        - [2, Quán triệt, sâu rộng, Tháng 8]
        - ~
  - title: BẢNG RỘNG
    table:
      columns: [a, b, c, d, e, f, g, h, i, j, k, l, m]
      rows: []
recipients: [Lưu Văn phòng Huyện ủy.]
signature: {prefix: T/M, body: BAN THƯỜNG VỤ, title: BÍ THƯ, name: A}
EOF
"$KEHOACH" check --lang=en "$TMP/bad.yaml" >"$TMP/bad.out" 2>&1
check_grep "a short row: error at its line" 'bad.yaml:8:11: error: row 1 has 2 cells; the table has 3 columns' "$TMP/bad.out"
check_grep "a long row: the comma named as the cause" 'bad.yaml:9:11: error: row 2 has 4 cells.*a comma inside a cell splits it' "$TMP/bad.out"
check_grep "an empty row" 'bad.yaml:10:11: error: an empty row' "$TMP/bad.out"
check_grep "13 columns refused" 'bad.yaml:13:16: error: a table has 1 to 12 columns' "$TMP/bad.out"
# A row taller than a page is cut between its lines, every word kept.
tall_table_plan "$TMP/tall.yaml" 3000
"$KEHOACH" build --force -f pdf -o "$TMP/t" "$TMP/tall.yaml" >/dev/null 2>&1
n=$(pdftotext "$TMP/t/tall.pdf" - | grep -o 'từ' | wc -l)
[ "$n" -eq 3000 ] && ok "a row taller than a page: all 3000 words on the pages" || fail "tall row" "got $n words"
pdftotext -f 3 -l 3 "$TMP/t/tall.pdf" - | head -3 | grep -q '^TT$' && ok "... its next part under the repeated heading row" \
    || fail "tall row: heading row on page 3" "$(pdftotext -f 3 -l 3 "$TMP/t/tall.pdf" - | head -5)"
done_testing

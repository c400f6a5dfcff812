#!/bin/sh
# md_tables_annexes.sh — `build -f md` and `-f json` of tables, numbered
# points with no title and Phụ lục: a body table and an annex table as GFM
# pipe tables that pandoc reads as tables, the points as paragraphs led by
# their number (no empty heading), the annexes after the signature with the
# checklist as the last, `--checklist=separate|none`, the same in the JSON,
# and a hostile 12-column table whose cells hold `|`, `**`, line breaks,
# code and links without breaking a row.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
P=plans/state/ubnd-xa-chuyen-doi-so-2026.yaml
S=ubnd-xa-chuyen-doi-so-2026
M=$TMP/a/$S.md

check "the plan builds to Markdown" "$KEHOACH" build -f md --lang=vi -o "$TMP/a" "$P"

# The body table: caption-less, heading row, delimiter row, five rows, note.
check_grep "the heading row" '^\| TT \| Chỉ tiêu \| Đơn vị tính \| Năm 2025 \| Năm 2026 \|$' "$M"
check_grep "the delimiter row: TT and the figures centred, the text left" \
    '^\| :---: \| --- \| --- \| :---: \| :---: \|$' "$M"
awk '/^\| TT \| Chỉ tiêu /{t=1; next} t && /^$/{exit} t' "$M" >"$TMP/body-table"
check "the delimiter row and five data rows, one line each" \
    test "$(grep -c '^| [1-5] | .* |$' "$TMP/body-table")" -eq 5 -a "$(wc -l <"$TMP/body-table")" -eq 6
check_grep "a cell with a comma stays one cell" \
    '^\| 2 \| Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa \| % \| 70 \| 100 \|$' "$M"
check_grep "the figures as typed" '^\| 3 \| Số hộ gia đình có hợp đồng Internet cáp quang \| hộ \| 1\.850 \| 2\.300 \|$' "$M"
check_grep "the note in italics below the table" \
    '^\*Số liệu năm 2025 theo báo cáo của Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã\.\*$' "$M"
check "the body text, a blank line, then the table" \
    grep -A2 -x 'Phấn đấu đạt các chỉ tiêu sau đến hết năm 2026:' "$M"
grep -A2 -x 'Phấn đấu đạt các chỉ tiêu sau đến hết năm 2026:' "$M" | tail -2 >"$TMP/after"
check_grep "... the heading row right after the blank line" '^\| TT \| Chỉ tiêu' "$TMP/after"

# Numbered points: the number leads the paragraph, as plain text.
check_grep "point 2.1 leads its paragraph" '^2\.1\. Rà soát, số hóa hồ sơ, kết quả giải quyết thủ tục hành chính' "$M"
check_grep "point 2.2" '^2\.2\. Hướng dẫn người dân cài đặt' "$M"
check_grep "point 2.3" '^2\.3\. Hỗ trợ hộ sản xuất, kinh doanh' "$M"
check_no_grep "no heading for a point" '^#+ 2\.[123]\.' "$M"
check_no_grep "no empty heading anywhere" '^#+ *([IVX0-9.-]+)? *$' "$M"
check_grep "the titled subsection keeps its heading" '^### 2\. Nhiệm vụ trọng tâm$' "$M"

# Phụ lục: after the signature, the plan's annex, then the checklist.
check_grep "Phụ lục I" '^## Phụ lục I$' "$M"
check_grep "Phụ lục II" '^## Phụ lục II$' "$M"
grep -n -e '^\*\*Lê Thị C\*\*$' -e '^## Phụ lục I$' -e '^## Phụ lục II$' -e '^- \[ \] ' "$M" |
    cut -d: -f2- | uniq | head -4 >"$TMP/order"
printf '%s\n' '**Lê Thị C**' '## Phụ lục I' '## Phụ lục II' >"$TMP/order.want"
check "signature, Phụ lục I, Phụ lục II, then the checklist items" \
    sh -c "head -3 '$TMP/order' | cmp -s - '$TMP/order.want' && sed -n 4p '$TMP/order' | grep -q '^- \[ \] '"
check_grep "the annex title in bold capitals" '^\*\*DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026\*\*$' "$M"
check_grep "the checklist's title in bold capitals" '^\*\*DANH MỤC THỜI HẠN\*\*$' "$M"
check "the caption under each annex, in italics" test "$(grep -c -x \
    '\*(Kèm theo Kế hoạch số 27/KH-UBND ngày 09/02/2026 của Ủy ban nhân dân xã Hòa Phú)\*' "$M")" -eq 2
check "each annex after a thematic break (its new page)" \
    test "$(grep -B2 -x '## Phụ lục I*' "$M" | grep -c -x '\* \* \*')" -eq 2
check_no_grep "the old checklist heading is gone" '^## Danh mục thời hạn$' "$M"
check_grep "the annex table's delimiter row" '^\| :---: \| --- \| --- \| --- \| --- \|$' "$M"
check_grep "an annex row" '^\| 4 \| Tuyên truyền về chuyển đổi số trên hệ thống truyền thanh \| Phòng Văn hóa - Xã hội \| Các thôn \| Trước ngày 30/11/2026 \|$' "$M"
check "the golden Markdown (tests/golden/md/state-$S.md)" cmp "$M" "tests/golden/md/state-$S.md"

# pandoc, as GitHub does, reads both as tables: 5 columns, 5 body rows each.
if command -v pandoc >/dev/null 2>&1; then
    pandoc -f gfm -t html "$M" >"$TMP/a.html" 2>&1
    check "pandoc -f gfm reads 2 tables" test "$(grep -c '<table>' "$TMP/a.html")" -eq 2
    pandoc -f gfm -t json "$M" >"$TMP/a.ast"
    $PY - "$TMP/a.ast" >"$TMP/shape" <<'EOF'
import json, sys
ast = json.load(open(sys.argv[1], encoding="utf-8"))
for b in ast["blocks"]:
    if b["t"] == "Table":
        _, _, specs, head, bodies, _ = b["c"]
        rows = [r for body in bodies for r in body[3]]
        print(len(specs), len(head[1][0][1]), len(rows), " ".join(str(len(r[1])) for r in rows),
              " ".join(s[0]["t"] for s in specs))
EOF
    check_grep "the body table: 5 columns, 5 rows of 5 cells, TT and figures centred" \
        '^5 5 5 5 5 5 5 5 AlignCenter AlignDefault AlignDefault AlignCenter AlignCenter$' "$TMP/shape"
    check_grep "the annex table: 5 columns, 5 rows of 5 cells" \
        '^5 5 5 5 5 5 5 5 AlignCenter AlignDefault AlignDefault AlignDefault AlignDefault$' "$TMP/shape"
else
    skip "pandoc not installed: tables not read back"
fi

# --checklist=separate: the checklist annex alone in S.checklist.md, still II.
check "--checklist=separate builds" "$KEHOACH" build -f md --lang=vi --checklist=separate -o "$TMP/s" "$P"
check "the document keeps Phụ lục I and no checklist" \
    sh -c "grep -qx '## Phụ lục I' '$TMP/s/$S.md' && ! grep -q '^- \[ \]' '$TMP/s/$S.md' && ! grep -qx '## Phụ lục II' '$TMP/s/$S.md'"
head -1 "$TMP/s/$S.checklist.md" >"$TMP/first"
check_grep "the checklist file starts with its label, Phụ lục II" '^## Phụ lục II$' "$TMP/first"
check "... then its title, caption and items only" \
    sh -c "grep -qx '\*\*DANH MỤC THỜI HẠN\*\*' '$TMP/s/$S.checklist.md' && grep -q '^- \[ \] \*\*15/6/2026\*\*' '$TMP/s/$S.checklist.md' && ! grep -q 'CHỈ TIÊU\|Phụ lục I$\|^| ' '$TMP/s/$S.checklist.md'"
# --checklist=none: one annex, labelled `Phụ lục` alone.
check "--checklist=none builds" "$KEHOACH" build -f md --lang=vi --checklist=none -o "$TMP/n" "$P"
check "one annex: 'Phụ lục' alone, no checklist" \
    sh -c "grep -qx '## Phụ lục' '$TMP/n/$S.md' && ! grep -q '^## Phụ lục I' '$TMP/n/$S.md' && ! grep -q '^- \[ \]' '$TMP/n/$S.md'"

# JSON: the table, the untitled points, the annexes.
check "the plan builds to JSON" "$KEHOACH" build -f json -o "$TMP/j" "$P"
J=$TMP/j/$S.json
jq -r '.sections[1].sections[0].table | (.rows | length), (.columns | map(.value) | join("|")),
       (.align | join(",")), .rows[2][3].value, .rows[0][0].line, (.note.value | rtrimstr("\n"))' "$J" >"$TMP/jt"
check "json: the body table, 5 rows, columns, resolved alignments, cells with lines" \
    sh -c "printf '%s\n' 5 'TT|Chỉ tiêu|Đơn vị tính|Năm 2025|Năm 2026' 'center,left,left,center,center' 1.850 56 \
        'Số liệu năm 2025 theo báo cáo của Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã.' | diff - '$TMP/jt'"
jq -c '[.sections[1].sections[1].sections[] | [.title, .label, .table]]' "$J" >"$TMP/jp"
check_grep "json: the points have title null and their labels" \
    '^\[\[null,"2\.1\.",null\],\[null,"2\.2\.",null\],\[null,"2\.3\.",null\]\]$' "$TMP/jp"
jq -r '.annexes | length, .[0].number, .[0].label, .[0].title.value, (.[0].table.rows | length),
       .[0].table.rows[4][4].value' "$J" >"$TMP/ja"
check "json: one annex, Phụ lục I, its title and its 5 rows" \
    sh -c "printf '%s\n' 1 I 'Phụ lục I' 'Danh mục nhiệm vụ chuyển đổi số năm 2026' 5 '15/6 và 15/12/2026' | diff - '$TMP/ja'"
check "json: the annex has a section's keys" \
    sh -c "test \"\$(jq -c '.annexes[0] | keys_unsorted' '$J')\" = \"\$(jq -c '.sections[0] | keys_unsorted' '$J')\""
check "json: a section without a table has table null" jq -e '.sections[0].table == null' "$J"

# Hostile cells: `|`, `**`, a line break, code and a link holding `|`, a
# backslash, block markers; 12 columns. Every row stays one line and pandoc
# still sees 12 cells in each, with the text as typed.
cat >"$TMP/h.yaml" <<'EOF'
issuer: Đảng ủy Thử
number: 01-KH/ĐU
place: Hà Nội
date: 2024-03-01
title: Bảng khó
sections:
  - title: Bảng
    body: Trước bảng.
    table:
      caption: "Bảng | *một*"
      columns: [TT, "a | b", "**", c4, c5, c6, c7, c8, c9, c10, c11, "c|12"]
      align: [auto, right, center, left, auto, auto, auto, auto, auto, auto, auto, auto]
      rows:
        - [1, "x | y", "**đậm", "dòng một\ndòng hai", "`a|b`", "[l](https://e.vn/a|b)", "\\", "1. không phải danh sách", "- gạch", "# tiêu đề", "___", ""]
        - [2, "|", "|||", "a\\|b", "> trích", "*nghiêng*", "    mã", "*", "---", "===", ":---:", "ô cuối |"]
      note: "*Ghi chú* | chữ."
recipients:
  - Lưu VP.
signature:
  title: BÍ THƯ
  name: Nguyễn Văn A
EOF
check "the hostile table builds (--force: it is no real plan)" \
    "$KEHOACH" build --force -f md,json -o "$TMP/h" "$TMP/h.yaml"
awk '/^\| TT \|/{t=1} t && /^$/{exit} t' "$TMP/h/h.md" >"$TMP/h-table"
check "four lines: heading, delimiter, two rows" test "$(wc -l <"$TMP/h-table")" -eq 4
check_grep "the heading row escapes its pipes" '^\| TT \| a \\\| b \| \\\*\\\* \| c4 \|.* \| c\\\|12 \|$' "$TMP/h-table"
check_grep "the delimiter row: auto, right, center, left, then auto" \
    '^\| :---: \| ---: \| :---: \| --- \| --- \| --- \| --- \| --- \| --- \| --- \| --- \| --- \|$' "$TMP/h-table"
check_grep "a line break in a cell becomes a space" '\| dòng một dòng hai \|' "$TMP/h-table"
check_grep "a pipe in a code span is escaped too" '\| `a\\\|b` \|' "$TMP/h-table"
check "json: the cells as typed" \
    sh -c "test \"\$(jq -r '.sections[0].table.rows[0][3].value, .sections[0].table.rows[1][1].value' '$TMP/h/h.json')\" = \"\$(printf 'dòng một\ndòng hai\n|')\""
if command -v pandoc >/dev/null 2>&1; then
    pandoc -f gfm -t json "$TMP/h/h.md" >"$TMP/h.ast"
    $PY - "$TMP/h.ast" >"$TMP/cells" 2>&1 <<'EOF'
import json, sys
ast = json.load(open(sys.argv[1], encoding="utf-8"))
def text(x):
    if isinstance(x, list):
        return "".join(text(i) for i in x)
    if not isinstance(x, dict):
        return ""
    t, c = x["t"], x.get("c")
    if t == "Str": return c
    if t in ("Space", "SoftBreak", "LineBreak"): return " "
    if t == "Code": return c[1]
    if t == "Link": return text(c[1]) + "<" + c[2][0] + ">"
    if t in ("Emph", "Strong"): return "_" + text(c) + "_"
    return text(c)
tables = [b for b in ast["blocks"] if b["t"] == "Table"]
print("tables", len(tables))
_, _, specs, head, bodies, _ = tables[0]["c"]
rows = [head[1][0]] + [r for body in bodies for r in body[3]]
print("columns", len(specs), "cells", " ".join(str(len(r[1])) for r in rows))
for r in rows:
    print("|".join(text(cell[4]) for cell in r[1]).replace("\n", " "))
EOF
    check_grep "pandoc: one table" '^tables 1$' "$TMP/cells"
    check_grep "pandoc: 12 columns, 12 cells in the heading and in each row" '^columns 12 cells 12 12 12$' "$TMP/cells"
    check_grep "pandoc: the heading cells as typed" '^TT\|a \| b\|\*\*\|c4\|' "$TMP/cells"
    check_grep "pandoc: the first row's cells as typed" \
        '^1\|x \| y\|\*\*đậm\|dòng một dòng hai\|a\|b\|l<https://e\.vn/a\|b>\|\\\|1\. không phải danh sách\|- gạch\|# tiêu đề\|___\|$' "$TMP/cells"
    check_grep "pandoc: the second row's cells as typed" \
        '^2\|\|\|\|\|\|\|a\|b\|> trích\|_nghiêng_\|mã\|\*\|---\|===\|:---:\|ô cuối \|$' "$TMP/cells"
    pandoc -f gfm -t html "$TMP/h/h.md" >"$TMP/h.html"
    check_grep "pandoc: the caption bold, its emphasis kept" '<p><strong>Bảng \| <em>một</em></strong></p>' "$TMP/h.html"
    check_grep "pandoc: the note italic, its emphasis kept" '<p><em><em>Ghi chú</em> \| chữ\.</em></p>' "$TMP/h.html"
else
    skip "pandoc not installed: hostile table not read back"
fi
done_testing

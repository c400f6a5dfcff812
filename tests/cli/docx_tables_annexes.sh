#!/bin/sh
# docx_tables_annexes.sh — tables in a body and an annex, numbered points
# with no title, Phụ lục each on a new page after the signature, and the
# checklist as the last Phụ lục (in the document, in a file of its own, or
# left out), read back from the DOCX with python-docx as Word sees it: real
# tables (w:tbl) with the heading row marked to repeat (w:tblHeader), rows
# that do not split, ruled cells, aligned columns; the label, the title and
# the caption `(Kèm theo …)` of each annex (issue 15, points 1, 2 and 5;
# the PDF's are tests/cli/pdf_tables_annexes.sh).
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
P=plans/state/ubnd-xa-chuyen-doi-so-2026.yaml
S=ubnd-xa-chuyen-doi-so-2026
CAPTION="(Kèm theo Kế hoạch số 27/KH-UBND ngày 09/02/2026 của Ủy ban nhân dân xã Hòa Phú)"

# The reader: `facts.py MODE FILE.docx` prints one 'ok …' or 'bad …' line
# per fact; each becomes a TAP line here.
cat >"$TMP/facts.py" <<'EOF'
import re
import sys

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

mode, path = sys.argv[1], sys.argv[2]
caption = sys.argv[3] if len(sys.argv) > 3 else ""
d = docx.Document(path)
body = d.element.body
# The body in order: ("p", Paragraph) and ("tbl", Table).
items = []
for el in body.iterchildren():
    if el.tag == qn("w:p"):
        items.append(("p", Paragraph(el, d._body)))
    elif el.tag == qn("w:tbl"):
        items.append(("tbl", Table(el, d._body)))


def fact(cond, what):
    print(("ok " if cond else "bad ") + mode + ": " + what)


def texts(t):
    return [[c.text for c in r.cells] for r in t.rows]


def table_with(head):
    for k, (kind, x) in enumerate(items):
        if kind == "tbl" and [c.text for c in x.rows[0].cells] == head:
            return k, x
    return -1, None


def para(pred):
    for k, (kind, x) in enumerate(items):
        if kind == "p" and pred(x.text):
            return k, x
    return -1, None


def paras(pred):
    return [(k, x) for k, (kind, x) in enumerate(items) if kind == "p" and pred(x.text)]


def tr_has(row, tag):
    trpr = row._tr.find(qn("w:trPr"))
    return trpr is not None and trpr.find(qn("w:" + tag)) is not None


def page_break_before(k):
    """A page break precedes item k: its own pageBreakBefore, or a page
    break in the paragraph before it."""
    kind, x = items[k]
    ppr = x._p.find(qn("w:pPr")) if kind == "p" else None
    if ppr is not None and ppr.find(qn("w:pageBreakBefore")) is not None:
        return True
    if k and items[k - 1][0] == "p":
        for br in items[k - 1][1]._p.iter(qn("w:br")):
            if br.get(qn("w:type")) == "page":
                return True
    return False


def is_bold(p):
    runs = [r for r in p.runs if r.text.strip()]
    style_bold = p.style.font.bold
    return bool(runs) and all(r.bold or (r.bold is None and style_bold) for r in runs)


def centred(p):
    a = p.alignment if p.alignment is not None else p.style.paragraph_format.alignment
    return a == 1


def annex_head(label, title, first_page, stored=None):
    k, lab = para(lambda s: s == label)
    fact(k >= 0, "a paragraph '%s'" % label)
    if k < 0:
        return -1
    if first_page:
        fact(not page_break_before(k), "'%s' opens the file (no page break before)" % label)
    else:
        fact(page_break_before(k), "a page break precedes '%s'" % label)
    fact(is_bold(lab) and centred(lab), "'%s' bold, centred" % label)
    t = items[k + 1][1] if k + 1 < len(items) and items[k + 1][0] == "p" else None
    # shown in capitals: typed so (the checklist's), or by <w:caps/> with
    # the text as the plan writes it (stored, when given)
    runs = [r for r in t.runs if r.text.strip()] if t is not None else []
    caps = bool(runs) and all(r.font.all_caps for r in runs)
    shown = t.text.upper() if t is not None and caps else (t.text if t is not None else None)
    fact(t is not None and shown == title and is_bold(t) and centred(t),
         "then the title '%s', bold, centred (got %r)" % (title, shown))
    if stored is not None:
        fact(t is not None and t.text == stored and caps,
             "the title stored as the plan writes it, %r, shown by <w:caps/> (got %r)"
             % (stored, t.text if t is not None else None))
    c = items[k + 2][1] if k + 2 < len(items) and items[k + 2][0] == "p" else None
    fact(c is not None and c.text == caption and centred(c) and
         (c.style.font.italic or all(r.italic for r in c.runs if r.text.strip())),
         "then the caption, italic, centred (got %r)" % (c.text if c else None))
    return k


def ruled_repeating(t, name, n_cols, n_rows):
    fact(len(t.columns) == n_cols and len(t.rows) == n_rows,
         "%s: %d columns, %d rows (got %d, %d)" % (name, n_cols, n_rows,
                                                   len(t.columns), len(t.rows)))
    fact(tr_has(t.rows[0], "tblHeader"), "%s: the heading row repeats on each page (w:tblHeader)" % name)
    fact(not any(tr_has(r, "tblHeader") for r in t.rows[1:]), "%s: only the heading row repeats" % name)
    fact(all(tr_has(r, "cantSplit") for r in t.rows), "%s: no row splits across pages (w:cantSplit)" % name)
    x = t._tbl.xml
    b = re.search(r"<w:tblBorders>(.*?)</w:tblBorders>", x, re.S)
    sides = re.findall(r'<w:(top|left|bottom|right|insideH|insideV) w:val="([a-z]+)"', b.group(1) if b else "")
    fact(len(sides) == 6 and all(v == "single" for _, v in sides), "%s: single borders on every cell" % name)
    head = t.rows[0].cells
    fact(all(is_bold(c.paragraphs[0]) and centred(c.paragraphs[0]) for c in head if c.text),
         "%s: the heading row bold and centred" % name)
    tw = t._tbl.find(qn("w:tblPr")).find(qn("w:tblW"))
    grid = [int(g.get(qn("w:w"))) for g in t._tbl.find(qn("w:tblGrid")).iter(qn("w:gridCol"))]
    sec = d.sections[0]
    text_w = round((sec.page_width - sec.left_margin - sec.right_margin) / 635)  # EMU to twips
    fact(abs(int(tw.get(qn("w:w"))) - text_w) <= 2 and abs(sum(grid) - text_w) <= 2,
         "%s: the text width (%s twips, columns %s)" % (name, tw.get(qn("w:w")), grid))
    fact(len(set(grid)) > 1, "%s: column widths from the content, not equal" % name)


if mode == "full":
    k_tab, bt = table_with(["TT", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2026"])
    fact(bt is not None, "the body table is a Word table")
    if bt is not None:
        ruled_repeating(bt, "body table", 5, 6)
        rows = texts(bt)
        fact(rows[3] == ["3", "Số hộ gia đình có hợp đồng Internet cáp quang", "hộ", "1.850", "2.300"],
             "row 3 cell by cell (%r)" % rows[3])
        col = lambda j: [bt.rows[r].cells[j].paragraphs[0] for r in range(1, 6)]
        fact(all(centred(p) for p in col(0)), "the TT column centred (short numbers)")
        fact(not any(centred(p) for p in col(1)), "the Chỉ tiêu column left")
        k_in, _ = para(lambda s: s.startswith("Phấn đấu đạt các chỉ tiêu"))
        k_nt, note = para(lambda s: s.startswith("Số liệu năm 2025 theo báo cáo"))
        k_2, _ = para(lambda s: s == "2. Nhiệm vụ trọng tâm")
        fact(0 <= k_in < k_tab < k_nt < k_2, "reading order: body, table, note, next section")
        fact(note is not None and k_nt == k_tab + 1, "the note right under the table")
        fact(note is not None and (note.style.font.italic or
                                   all(r.italic for r in note.runs if r.text.strip())),
             "the note in italics")
        size = re.search(r"\.size_table\s*=\s*([0-9.]+)",
                         re.split(r"\n\s*\[KH_PROFILE_", open("src/model/profile.c", encoding="utf-8").read())[2])
        cs = bt.rows[1].cells[1].paragraphs[0].style.font.size
        fact(size and cs is not None and abs(cs.pt - float(size.group(1))) < 0.01,
             "cells set at the profile's size_table (%s pt)" % (cs.pt if cs else None))
    # Numbered points: the label leads the body's paragraph, regular weight.
    k_p, pt = para(lambda s: s.startswith("2.1."))
    fact(pt is not None and pt.text.startswith("2.1. Rà soát, số hóa hồ sơ"),
         "'2.1.' and its body in one paragraph (%r)" % (pt.text[:40] if pt else None))
    if pt is not None:
        fact(not pt.runs[0].bold and not pt.style.font.bold, "the label '2.1.' in regular weight")
        fact(pt.style.name == "KH Body", "the point is a body paragraph (%s)" % pt.style.name)
        fi = pt.style.paragraph_format.first_line_indent
        fact(fi is not None and fi > 0, "first-line indented like the body")
    fact(not paras(lambda s: re.fullmatch(r"2\.[123]\.", s)), "no empty heading for a point")
    fact(len(paras(lambda s: re.match(r"2\.[123]\. ", s))) == 3, "points 2.1, 2.2, 2.3")
    # Phụ lục I (the plan's) and II (the checklist), after the signature.
    k_end = next((k for k, (kind, x) in enumerate(items)
                  if kind == "tbl" and "Nơi nhận" in x._tbl.xml), -1)
    k1 = annex_head("Phụ lục I", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026", False,
                   "Danh mục nhiệm vụ chuyển đổi số năm 2026")
    k_at, at = table_with(["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp",
                           "Thời gian hoàn thành"])
    fact(at is not None, "the annex table is a Word table")
    if at is not None:
        ruled_repeating(at, "annex table", 5, 6)
    k2 = annex_head("Phụ lục II", "DANH MỤC THỜI HẠN", False)
    k_cl, cl = table_with(["Ngày", "Thứ", "Đơn vị", "Việc", "Báo cáo về", "Xong"])
    fact(cl is not None and tr_has(cl.rows[0], "tblHeader"), "the checklist table, its heading repeated")
    fact(0 <= k_end < k1 < k_at < k2 < k_cl, "order: signature, Phụ lục I, its table, Phụ lục II, checklist")
    fact(len(paras(lambda s: s == caption)) == 2, "the caption under both annexes")
    fact(not paras(lambda s: "(kèm theo" in s), "no old '(kèm theo …)' subtitle")
elif mode == "none":
    labels = [x.text for _, x in paras(lambda s: s.startswith("Phụ lục"))]
    fact(labels == ["Phụ lục"], "one annex, labelled 'Phụ lục' alone (%r)" % labels)
    fact(not paras(lambda s: s == "DANH MỤC THỜI HẠN"), "no checklist")
elif mode == "document":
    labels = [x.text for _, x in paras(lambda s: s.startswith("Phụ lục"))]
    fact(labels == ["Phụ lục I"], "the document keeps Phụ lục I, numbered counting the checklist (%r)" % labels)
    fact(not paras(lambda s: s == "DANH MỤC THỜI HẠN"), "the document holds no checklist")
elif mode == "checklist":
    fact(items and items[0][0] == "p" and items[0][1].text == "Phụ lục II",
         "the file opens with the label Phụ lục II")
    annex_head("Phụ lục II", "DANH MỤC THỜI HẠN", True)
    tables = [x for kind, x in items if kind == "tbl"]
    fact(len(tables) == 1 and tr_has(tables[0].rows[0], "tblHeader"),
         "one table, the checklist, its heading repeated")
    fact(not paras(lambda s: s.startswith("Nơi nhận") or "CHỈ TIÊU" in s or s == "KẾ HOẠCH"),
         "no header, body or signature")
elif mode == "empty":
    annex_head("Phụ lục", "DANH MỤC THỜI HẠN", True)
    fact(bool(paras(lambda s: s.startswith("Không có thời hạn"))), "a line: Không có thời hạn")
    fact(not [x for kind, x in items if kind == "tbl"], "no table")
elif mode == "party":
    labels = [x.text for _, x in paras(lambda s: s.startswith("Phụ lục"))]
    fact(labels == ["Phụ lục 1", "Phụ lục 2"], "party annexes numbered 1, 2 (%r)" % labels)
    k_c, c = para(lambda s: s == "Lịch tổ chức hội nghị")
    fact(c is not None and is_bold(c) and centred(c), "the table's caption bold, centred")
    fact(c is not None and items[k_c + 1][0] == "p" and not items[k_c + 1][1].text and
         items[k_c + 2][0] == "tbl", "the caption right above the table")
    if c is not None and items[k_c + 2][0] == "tbl":
        cell = items[k_c + 2][1].rows[1].cells[1].paragraphs[0]
        fact([r.text for r in cell.runs if r.bold] == ["Hội nghị"], "a cell's **bold** is bold")
    heads = [x.text for _, x in paras(lambda s: re.match(r"\d+(\.\d+)*\. ", s))]
    fact(heads[-3:] == ["1. Các chi bộ", "1.1. Chi bộ cơ quan", "2. Văn phòng Huyện ủy"],
         "annex sections numbered 1., 1.1., 2. (%r)" % heads[-3:])
print("ok " + mode + ": read to the end")
EOF
facts() { # facts MODE FILE: one TAP line per fact
    "$PY" "$TMP/facts.py" "$1" "$2" "$CAPTION" >"$TMP/facts.out" 2>&1
    while IFS= read -r l; do
        case $l in
            "ok "*) ok "${l#ok }" ;;
            "bad "*) fail "${l#bad }" ;;
            *) fail "python-docx: $l" ;;
        esac
    done <"$TMP/facts.out"
}

check "it builds to DOCX" "$KEHOACH" build -f docx -o "$TMP/a" "$P"
facts full "$TMP/a/$S.docx"

# pandoc reads the tables as tables and the points as paragraphs.
pandoc -f docx -t markdown --wrap=none "$TMP/a/$S.docx" >"$TMP/a.md" 2>&1
check_grep "pandoc: the body table's row 3" '^ +3 +Số hộ gia đình có hợp đồng Internet cáp quang +hộ +1\.850 +2\.300' "$TMP/a.md"
check_grep "pandoc: point 2.1 as one paragraph" '^2\.1\. Rà soát, số hóa hồ sơ' "$TMP/a.md"
check_grep "pandoc: the caption" "^\(Kèm theo Kế hoạch số 27/KH-UBND ngày 09/02/2026 của Ủy ban nhân dân xã Hòa Phú\)$" "$TMP/a.md"

# --checklist=none: one annex, labelled "Phụ lục" alone.
check "--checklist=none builds" "$KEHOACH" build -f docx --checklist=none -o "$TMP/n" "$P"
facts none "$TMP/n/$S.docx"

# --checklist=separate: the checklist annex alone in FILE.checklist.docx.
if "$KEHOACH" build --help 2>&1 | grep -q 'separate'; then
    check "--checklist=separate builds" "$KEHOACH" build -f docx --checklist=separate -o "$TMP/s" "$P"
    facts document "$TMP/s/$S.docx"
    if [ -f "$TMP/s/$S.checklist.docx" ]; then
        facts checklist "$TMP/s/$S.checklist.docx"
    else fail "FILE.checklist.docx written" "$(ls "$TMP/s")"; fi
    # A plan with nothing due and no annex of its own: the label (its only
    # Phụ lục), the title and a line saying so.
    sed -e '/^schedule:/,/^$/d' -e '/^annexes:/,$d' -e '/deadline:/d' -e '/ due:/d' \
        -e '/ every:/d' -e '/report_to:/d' -e 's/ {deadline}//' "$P" >"$TMP/nodue.yaml"
    "$KEHOACH" build --force -f docx --checklist=separate -o "$TMP/e" "$TMP/nodue.yaml" >"$TMP/e.log" 2>&1
    if [ -f "$TMP/e/nodue.checklist.docx" ]; then
        facts empty "$TMP/e/nodue.checklist.docx"
    else fail "a plan with nothing due: FILE.checklist.docx" "$(head -c 1500 "$TMP/e.log")"; fi
else
    skip "--checklist=separate: not in this build"
fi

# A party plan: annexes numbered 1, 2; a table caption; sections of an
# annex numbered from 1.
cat >"$TMP/party.yaml" <<'EOF'
superior: Đảng bộ tỉnh Bắc Kạn
issuer: Huyện ủy Bạch Thông
number: 12-KH/HU
place: Bạch Thông
date: 2025-03-10
title: Tổ chức hội nghị quán triệt
intro: |
  Ban Thường vụ Huyện ủy xây dựng Kế hoạch như sau:
sections:
  - title: NỘI DUNG
    body: |
      Tổ chức hội nghị quán triệt theo lịch dưới đây.
    table:
      caption: Lịch tổ chức hội nghị
      columns: [TT, Nội dung, Thời gian]
      rows:
        - [1, "**Hội nghị** quán triệt cán bộ chủ chốt", Tháng 4/2025]
        - [2, Hội nghị ở các chi bộ, Tháng 5/2025]
      note: Lịch có thể *điều chỉnh* theo tình hình thực tế.
  - title: TỔ CHỨC THỰC HIỆN
    kind: implementation
    units:
      - name: Văn phòng Huyện ủy
        tasks:
          - text: Tổng hợp, báo cáo kết quả về Ban Thường vụ Huyện ủy {deadline}.
            deadline: 2025-05-15
recipients: [Ban Tuyên giáo Tỉnh ủy (báo cáo), Lưu Văn phòng Huyện ủy.]
signature: {prefix: T/M, body: BAN THƯỜNG VỤ, title: BÍ THƯ, name: Nguyễn Văn A}
annexes:
  - title: Phân công nhiệm vụ
    body: |
      Các chi bộ thực hiện theo phân công sau.
    sections:
      - title: Các chi bộ
        sections:
          - title: Chi bộ cơ quan
            body: |
              Tổ chức hội nghị ở chi bộ trong tháng 5/2025.
      - title: Văn phòng Huyện ủy
        body: |
          Theo dõi, tổng hợp kết quả.
EOF
check "a party plan with a captioned table and an annex builds" "$KEHOACH" build -f docx -o "$TMP/p" "$TMP/party.yaml"
facts party "$TMP/p/party.docx"

# A row taller than a page: Word would cut it off if it could not split,
# so that row alone may; the others stay whole.
tall_table_plan "$TMP/tall.yaml" 1500
"$KEHOACH" build --force -f docx -o "$TMP/t" "$TMP/tall.yaml" >/dev/null 2>&1
unzip -p "$TMP/t/tall.docx" word/document.xml | grep -o '<w:tr>.\{0,40\}' >"$TMP/trs"
# (cantSplit: the heading row, rows 1 and 3, and the Nơi nhận/signature table)
[ "$(grep -c 'cantSplit' "$TMP/trs")" = 4 ] && [ "$(grep -c '<w:trPr/>' "$TMP/trs")" = 1 ] \
    && ok "the tall row may split, the heading and short rows may not" \
    || fail "tall row splitting" "$(cat "$TMP/trs")"
done_testing

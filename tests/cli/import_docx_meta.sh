#!/bin/sh
# import_docx_meta.sh — the data a printed plan does not show, carried in
# the DOCX kehoach writes (docs/docx-metadata.md: hidden `_khN` bookmarks
# and a Custom XML Data part) and given back by `import`: after a
# leader's edit the printed text wins and the data still applies; a
# record whose paragraph was deleted is ignored with a note; hostile
# parts (too big, too many records, bad bookmark names, records pointing
# nowhere, not UTF-8, a DTD, deep nesting) leave the text imported and
# the data ignored, never a crash. If LibreOffice is installed, a docx ->
# docx pass through it keeps the part and the bookmarks.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3

# model_back LABEL FIXTURE NAME: $TMP/NAME.yaml, imported from FIXTURE's
# DOCX, loads and gives back FIXTURE's whole JSON model.
model_back() {
    base=$(basename "$2" .yaml)
    "$KEHOACH" build --force -f json -o "$TMP/$3a/" "$2" >/dev/null 2>&1
    "$KEHOACH" build --force -f json -o "$TMP/$3b/" "$TMP/$3.yaml" >"$TMP/$3b.log" 2>&1
    check_no_grep "$1: the imported plan loads" '\[LOAD-[A-Z0-9-]*\]$' "$TMP/$3b.log"
    $PY tests/import/same_plan.py "$TMP/$3a/$base.json" "$TMP/$3b/$3.json" \
        --model tests/import/roundtrip-expected.txt "$base" >"$TMP/$3.same"
    check_grep "$1: the whole model back" '^model: ([0-9]+)/\1 same' "$TMP/$3.same"
}

EDIT="$PY tests/import/docx_edit.py"
P=plans/002-hai-ba-trung-quan-uy.yaml
"$KEHOACH" build -f docx -o "$TMP/" "$P" >/dev/null 2>&1
D=$TMP/002-hai-ba-trung-quan-uy.docx
check "the docx holds customXml/item1.xml in kehoach's namespace" $PY -c "
import zipfile; z=zipfile.ZipFile('$D')
m=z.read('customXml/item1.xml').decode(); assert 'urn:kehoach:docx-meta' in m, m[:200]
assert 'customXmlProps' in z.read('customXml/_rels/item1.xml.rels').decode()
assert '../customXml/item1.xml' in z.read('word/_rels/document.xml.rels').decode()
assert '/customXml/itemProps1.xml' in z.read('[Content_Types].xml').decode()
assert 'w:name=\"_kh1\"' in z.read('word/document.xml').decode()"

# plain: the unit's id, its report_to, the recipient's unit link come back
check_exit "import of the docx: exit 0" 0 "$KEHOACH" import -o "$TMP/p.yaml" "$D"
check_grep "the unit's id is back" '^        id: "ubnd"$' "$TMP/p.yaml"
check_grep "a recipient's unit link is back" '^        unit: "ubnd"$' "$TMP/p.yaml"
check_grep "an event's who is back" 'who: "btv-quan-uy"' "$TMP/p.yaml"

# a leader renames the unit in Word: the new name is kept, its data applies
$EDIT "$D" "$TMP/edited.docx" --replace "2. Ủy ban nhân dân Quận:" "2. UBND Quận Hai Bà Trưng:"
"$KEHOACH" import -o "$TMP/edited.yaml" "$TMP/edited.docx" 2>"$TMP/edited.err"
check "edited name: kept, and the unit's id and report_to still apply" $PY -c "
import re; y=open('$TMP/edited.yaml', encoding='utf-8').read()
u=y[y.index('- name: \"UBND Quận Hai Bà Trưng\"'):]; u=u[:u.index('      - name:', 5)]
assert '        id: \"ubnd\"' in u and 'report_to: \"Ban Thường vụ Quận ủy qua' in u, u[-400:]"
check_no_grep "edited name: no note about kehoach's data" 'DOCX-META' "$TMP/edited.err"
"$KEHOACH" build --force -f json -o "$TMP/ej/" "$TMP/edited.yaml" >"$TMP/ej.log" 2>&1
check_no_grep "edited name: the imported plan loads" '\[LOAD-[A-Z0-9-]*\]$' "$TMP/ej.log"

# the printed text wins: a record may not overwrite a key the text gave
# (section I's kind is read from its title; a forged record says form)
$PY - "$D" "$TMP/forged.xml" <<'PYEOF'
import sys, zipfile
m = zipfile.ZipFile(sys.argv[1]).read("customXml/item1.xml").decode()
m = m.replace('<kh:section at="_kh1" kind="aims"/>', '<kh:section at="_kh1" kind="form"/>', 1)
open(sys.argv[2], "w", encoding="utf-8").write(m)
PYEOF
$EDIT "$D" "$TMP/forged.docx" --part "$TMP/forged.xml"
"$KEHOACH" import -o "$TMP/forged.yaml" "$TMP/forged.docx" 2>/dev/null
check_grep "a record does not overwrite the kind the title gives" '^    kind: aims$' "$TMP/forged.yaml"
check_no_grep "and adds no second kind" 'kind: "form"' "$TMP/forged.yaml"

# a deleted unit paragraph: its record is ignored with a note
$EDIT "$D" "$TMP/dropped.docx" --drop-unit ubnd
check_exit "deleted unit: import exit 0" 0 "$KEHOACH" import -o "$TMP/dropped.yaml" "$TMP/dropped.docx"
check_grep "deleted unit: a note names its record" \
    "note: 1 of kehoach's records name a paragraph no longer in the document \(the first: unit _kh[0-9]+\): ignored \[DOCX-META\]" "$TMP/out"
check_no_grep "deleted unit: its id is not given to another unit" 'id: "ubnd"' "$TMP/dropped.yaml"
check_grep "deleted unit: the others keep theirs" '^        id: "ban-tuyen-giao"$' "$TMP/dropped.yaml"

# a deadline-table row whose count a leader changed: its day (written for
# the old count) is not applied
B=plans/state/ubnd-xa-bau-cu-2026.yaml
"$KEHOACH" build -f docx -o "$TMP/" "$B" >/dev/null 2>&1
BD=$TMP/ubnd-xa-bau-cu-2026.docx
"$KEHOACH" import -o "$TMP/bc.yaml" "$BD" 2>/dev/null
check_grep "a timetable row's day is back" 'deadline: "2026-01-04"' "$TMP/bc.yaml"
$PY - "$BD" "$TMP/bc-count.docx" <<'PYEOF'
import re, sys, zipfile
zin = zipfile.ZipFile(sys.argv[1])
parts = {n: zin.read(n) for n in zin.namelist()}
meta = parts["customXml/item1.xml"].decode()
at = re.search(r'<kh:row at="(_kh\d+)"', meta).group(1)
doc = parts["word/document.xml"].decode()
k = doc.index('w:name="%s"' % at)
row_end = doc.index("</w:tr>", k)
row = doc[k:row_end]
assert "70 ngày" in row, row[:300]
doc = doc[:k] + row.replace("70 ngày", "71 ngày", 1) + doc[row_end:]
parts["word/document.xml"] = doc.encode()
with zipfile.ZipFile(sys.argv[2], "w") as z:
    for n, b in parts.items():
        z.writestr(n, b)
PYEOF
"$KEHOACH" import -o "$TMP/bc2.yaml" "$TMP/bc-count.docx" 2>"$TMP/bc2.err"
check_grep "changed count: the printed count is kept" 'before: 71' "$TMP/bc2.yaml"
check_no_grep "changed count: the old day is not applied" 'deadline: "2026-01-04"' "$TMP/bc2.yaml"
check_grep "changed count: a note says the record was for another text" \
    "records were written for a text the document no longer prints \(the first: row" "$TMP/bc2.err"

# a cited subject the sentence goes on from with a parenthesis: the
# recorded subject (without it) is back; a leader's new wording is kept
F=plans/005-vinh-thanh-uy-ky-niem-dang.yaml
"$KEHOACH" build -f docx -o "$TMP/" "$F" >/dev/null 2>&1
FD=$TMP/005-vinh-thanh-uy-ky-niem-dang.docx
"$KEHOACH" import -o "$TMP/s.yaml" "$FD" 2>/dev/null
check_grep "the cited subject is back without the parenthesis after it" \
    'subject: "về tuyên truyền kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam"$' "$TMP/s.yaml"
$EDIT "$FD" "$TMP/s2.docx" --replace "kỷ niệm 91 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930" \
    "kỷ niệm 91 năm thành lập Đảng Cộng sản Việt Nam (03/02/1930"
"$KEHOACH" import -o "$TMP/s2.yaml" "$TMP/s2.docx" 2>/dev/null
check_grep "an edited subject: the printed one is kept" \
    'subject: "về tuyên truyền kỷ niệm 91 năm thành lập Đảng Cộng sản Việt Nam \(03/02/1930 - 03/02/2021\)"$' "$TMP/s2.yaml"

# a cited subject the intro's sentence goes on from ("… của Bộ Chính trị"
# + " về đột phá …, Chi bộ …"): the recorded subject is back
C=plans/chi-bo-truong-thpt-nghi-quyet-71.yaml
"$KEHOACH" build -f docx -o "$TMP/" "$C" >/dev/null 2>&1
"$KEHOACH" import -o "$TMP/cb.yaml" "$TMP/chi-bo-truong-thpt-nghi-quyet-71.docx" 2>/dev/null
check_grep "a subject the sentence goes on from: the recorded one is back" \
    'subject: "về học tập, quán triệt và triển khai thực hiện Nghị quyết số 71-NQ/TW ngày 22/8/2025 của Bộ Chính trị"$' "$TMP/cb.yaml"

# a plan that implements nothing, its last căn cứ a Kế hoạch: no implemented
# plan comes back (plans/state/so-noi-vu…, and the fixture below)
N=plans/state/so-noi-vu-kiem-tra-van-thu-luu-tru-2026.yaml
"$KEHOACH" build -f docx -o "$TMP/" "$N" >/dev/null 2>&1
"$KEHOACH" import -o "$TMP/snv.yaml" "$TMP/so-noi-vu-kiem-tra-van-thu-luu-tru-2026.docx" 2>"$TMP/snv.err"
check_no_grep "a căn cứ Kế hoạch the plan does not implement: no implements" '^implements:' "$TMP/snv.yaml"
check_grep "and it stays a căn cứ line" '^  - "Căn cứ Kế hoạch số 36/KH-UBND' "$TMP/snv.yaml"
check_no_grep "its closing's record applies (no note)" 'DOCX-META' "$TMP/snv.err"
# tests/fixtures/import/meta-closing-plan.yaml: the same căn cứ; a closing
# after the last unit's tasks in words import does not know for one (read
# as one more task but for its bookmark); an annex of numbered slogans
M=tests/fixtures/import/meta-closing-plan.yaml
"$KEHOACH" build -f docx -o "$TMP/" "$M" >/dev/null 2>&1
check_exit "meta-closing: import exits 0" 0 "$KEHOACH" import -o "$TMP/mc.yaml" "$TMP/meta-closing-plan.docx"
check_no_grep "meta-closing: no note about kehoach's data" 'DOCX-META' "$TMP/out"
check_no_grep "meta-closing: no implements" '^implements:' "$TMP/mc.yaml"
check "meta-closing: the closing after the tasks is back, with its end mark, and no task of it" $PY -c "
y=open('$TMP/mc.yaml', encoding='utf-8').read()
c=y[y.index('\nclosing: |\n'):]
assert c.split('\n')[2] == '  Yêu cầu các phòng, đơn vị thuộc Sở nghiêm túc triển khai thực hiện Kế hoạch này./.', c[:300]
assert y.count('Yêu cầu các phòng') == 1, y
assert 'Tổ chức chương trình nghệ thuật chào mừng.' in y"
check "meta-closing: the annex of numbered slogans is a body, not sections" $PY -c "
y=open('$TMP/mc.yaml', encoding='utf-8').read()
a=y[y.index('\nannexes:\n'):]
a=a[:a.index('\n\n', 12)]
assert '\n    body: |\n      1. Nhiệt liệt chào mừng' in a and 'sections:' not in a, a"
model_back meta-closing "$M" mc

# tests/fixtures/import/meta-cites-body-plan.yaml: an intro citing three
# documents apart by ';', the second's subject printed cut short; a unit
# whose one-paragraph body ends 'trong tháng 6/2027.' (its record says
# text-is="body"), and a unit whose only task is due in a month (no such
# record: a task)
M=tests/fixtures/import/meta-cites-body-plan.yaml
"$KEHOACH" build -f docx -o "$TMP/" "$M" >/dev/null 2>&1
check_exit "meta-cites: import exits 0" 0 "$KEHOACH" import -o "$TMP/mb.yaml" "$TMP/meta-cites-body-plan.docx"
check_no_grep "meta-cites: no note about kehoach's data" 'DOCX-META' "$TMP/out"
check "meta-cites: three documents implemented, the subject cut short whole again" $PY -c "
y=open('$TMP/mb.yaml', encoding='utf-8').read()
i=y[y.index('\nimplements:\n'):]
assert i.count('  - type:') == 3 and '07-HD/BTGDVTU' in i, i
assert 'subject: \"về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị\"' in i, i"
check "meta-cites: the body ending 'trong tháng 6/2027.' is the unit's body; the task due in a month a task" $PY -c "
y=open('$TMP/mb.yaml', encoding='utf-8').read()
u=y[y.index('- name: \"Trung tâm Chính trị xã\"'):]
u=u[:u.index('      - name:', 5)]
assert 'body: |' in u and 'tasks:' not in u and 'phục vụ học tập trong tháng 6/2027.' in u, u
c=y[y.index('- name: \"Các chi bộ trực thuộc\"'):]
assert 'tasks:' in c and 'deadline: 2027-03' in c, c[:400]"
model_back meta-cites "$M" mb

# tests/fixtures/import/meta-basis-rules-plan.yaml: a Hướng dẫn implemented
# that only the last căn cứ line cites (its record: in="basis"), a table
# with its caption (the line before it), and `rules: off:` (its records)
M=tests/fixtures/import/meta-basis-rules-plan.yaml
"$KEHOACH" build -f docx -o "$TMP/" "$M" >/dev/null 2>&1
check_exit "meta-basis: import exits 0" 0 "$KEHOACH" import -o "$TMP/mr.yaml" "$TMP/meta-basis-rules-plan.docx"
check_no_grep "meta-basis: no note about kehoach's data" 'DOCX-META' "$TMP/out"
check "meta-basis: the Hướng dẫn only the last căn cứ cites is implemented" $PY -c "
y=open('$TMP/mr.yaml', encoding='utf-8').read()
i=y[y.index('\nimplements:\n'):]
assert i.split('\n')[2:4] == ['  - type: \"Hướng dẫn\"', '    number: \"09-HD/UBKTTU\"'], i[:300]"
check "meta-basis: the line before the table is its caption, not body text" $PY -c "
y=open('$TMP/mr.yaml', encoding='utf-8').read()
t=y[y.index('    table:\n'):]
assert t.split('\n')[1] == '      caption: \"Lịch kiểm tra các chi bộ năm 2027\"', t[:300]
assert 'theo lịch sau:\n    table:' in y, y"
check "meta-basis: rules: off: is back, with its reason" $PY -c "
y=open('$TMP/mr.yaml', encoding='utf-8').read()
r=y[y.index('\nrules:\n'):]
assert '  off:\n    - id: \"R-NUM-PAD\"\n      reason: \"the number is' in r, r"
model_back meta-basis "$M" mr

# a closing that does not open "Trên đây là …": its bookmark says where it
# starts, and its end mark "./." the plan wrote itself comes back
Q=plans/state/ubnd-xa-tuyen-quan-2027.yaml
"$KEHOACH" build -f docx -o "$TMP/" "$Q" >/dev/null 2>&1
"$KEHOACH" import -o "$TMP/q.yaml" "$TMP/ubnd-xa-tuyen-quan-2027.docx" 2>/dev/null
check "the closing starts where the plan's did, with its end mark" $PY -c "
y=open('$TMP/q.yaml', encoding='utf-8').read()
c=y[y.index('\nclosing: |\n'):]
assert c.split('\n')[2].startswith('  Đề nghị Ủy ban Mặt trận'), c[:200]
assert 'thực hiện tốt Kế hoạch này./.' in c, c[:400]
assert y.count('Đề nghị Ủy ban Mặt trận') == 1"

# hostile parts: the text is imported (exit 0), the data ignored, in time
hostile() { # NAME FILE PATTERN-ON-STDERR
    $EDIT "$D" "$TMP/h-$1.docx" --part "$2"
    rm -f "$TMP/h.yaml"
    timeout 20 "$KEHOACH" import -o "$TMP/h.yaml" "$TMP/h-$1.docx" >"$TMP/h.err" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && grep -q 'name: "Ban Tuyên giáo Quận ủy"' "$TMP/h.yaml" && grep -Eq -- "$3" "$TMP/h.err"; then
        ok "hostile part $1: text imported, exit 0, $(grep -o '\[DOCX-[A-Z]*\]' "$TMP/h.err" | head -1)"
    else
        fail "hostile part $1: exit $rc" "$(head -c 600 "$TMP/h.err")"
    fi
    "$KEHOACH" build --force -f json -o "$TMP/hj/" "$TMP/h.yaml" >"$TMP/hj.log" 2>&1
    check_no_grep "hostile part $1: the imported plan parses" 'LOAD-SYNTAX' "$TMP/hj.log"
}
NSX='xmlns:kh="urn:kehoach:docx-meta"'
$PY -c "
import sys; r='<kh:unit at=\"_kh14\" id=\"$(printf x)%s\"/>' % ('x' * 100)
open('$TMP/huge.xml','w').write('<kh:meta $NSX version=\"1\">' + r * 12000 + '</kh:meta>')"
hostile huge "$TMP/huge.xml" 'warning: .*customXml/item1.xml.* unpacks to (more than )?[0-9]+ bytes.*\[DOCX-SIZE\]'
$PY -c "
open('$TMP/many.xml','w').write('<kh:meta $NSX version=\"1\">' + '<kh:unit at=\"_kh99\" id=\"a\"/>' * 25000 + '</kh:meta>')"
hostile many-records "$TMP/many.xml" 'more than 20000 records.*\[DOCX-META\]'
printf '<kh:meta %s version="1"><kh:unit at="../../etc/passwd" id="x"/><kh:unit at="_khABC" id="y"/><kh:unit at="_kh1234567890123" id="z"/><kh:unit at="_kh14" id="ok"/></kh:meta>' "$NSX" >"$TMP/names.xml"
hostile bad-names "$TMP/names.xml" '3 values or bookmark names are not usable.*\[DOCX-META\]'
printf '<kh:meta %s version="1"><kh:unit at="_kh9999" id="nowhere"/><kh:task at="_kh14" what="not a task"/></kh:meta>' "$NSX" >"$TMP/nowhere.xml"
hostile nowhere "$TMP/nowhere.xml" 'no longer in the document \(the first: unit _kh9999\)'
check_grep "hostile part nowhere: a record on a paragraph of another kind: noted" \
    'no longer read as their element \(the first: task _kh14\)' "$TMP/h.err"
check_no_grep "hostile part nowhere: nothing of it is written" 'id: "nowhere"|what: "not a task"' "$TMP/h.yaml"
printf '<?xml version="1.0" encoding="UTF-8"?><kh:meta %s version="1"><kh:unit at="_kh14" id="\377\376bad"/></kh:meta>' "$NSX" >"$TMP/latin.xml"
hostile not-utf8 "$TMP/latin.xml" 'with XML that is not well-formed.*\[DOCX-META\]'
printf '<?xml version="1.0"?><!DOCTYPE kh:meta [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><kh:meta %s version="1"><kh:unit at="_kh14" id="&b;"/></kh:meta>' "$NSX" >"$TMP/dtd.xml"
hostile dtd "$TMP/dtd.xml" 'with a DTD or an entity.*\[DOCX-META\]'
$PY -c "
open('$TMP/deep.xml','w').write('<kh:meta $NSX version=\"1\">' + '<kh:schedule>' * 5000 + '</kh:schedule>' * 5000 + '</kh:meta>')"
hostile deep "$TMP/deep.xml" 'nested deeper than a record.*\[DOCX-META\]'
printf '<kh:meta %s version="2"><kh:unit at="_kh14" id="v2"/></kh:meta>' "$NSX" >"$TMP/v2.xml"
hostile version "$TMP/v2.xml" 'a version this kehoach does not know.*\[DOCX-META\]'
printf '<kh:meta %s version="1"><kh:unit at="_kh14" id="a&quot; evil: &quot;b" name="Forged"/><kh:unit at="_kh15" id="line&#10;break"/></kh:meta>' "$NSX" >"$TMP/inject.xml"
hostile injection "$TMP/inject.xml" '1 elements or attributes this kehoach does not know'
check_grep "hostile part injection: a quote in a value stays inside the value" 'id: "a\\" evil: \\"b"' "$TMP/h.yaml"
check_no_grep "hostile part injection: an unknown attribute names nothing" 'Forged' "$TMP/h.yaml"
check_no_grep "hostile part injection: a line break in a value is refused" 'id: "line' "$TMP/h.yaml"
# a bookmark renamed out of kehoach's form is not kehoach's any more
$EDIT "$D" "$TMP/renamed.docx" --rename _kh14 "_kh14x"
"$KEHOACH" import -o "$TMP/renamed.yaml" "$TMP/renamed.docx" 2>"$TMP/renamed.err"
check_no_grep "a bookmark renamed (_kh14x): its record does not apply" 'id: "ubnd"$' "$TMP/renamed.yaml"
check_grep "and is noted as gone" 'no longer in the document \(the first: unit _kh14\)' "$TMP/renamed.err"

# LibreOffice: docx -> docx keeps the part and the bookmarks, so the data
# comes back from the file it saved
if command -v soffice >/dev/null 2>&1; then
    mkdir -p "$TMP/lo-out"
    timeout 180 soffice "-env:UserInstallation=file://$TMP/lo" --headless --convert-to docx \
        --outdir "$TMP/lo-out" "$D" >"$TMP/lo.log" 2>&1
    L=$TMP/lo-out/002-hai-ba-trung-quan-uy.docx
    if [ -f "$L" ]; then
        check "LibreOffice's docx keeps kehoach's part and bookmarks" $PY -c "
import zipfile; z=zipfile.ZipFile('$L')
items=[n for n in z.namelist() if n.startswith('customXml/item') and 'Props' not in n]
assert any('urn:kehoach:docx-meta' in z.read(n).decode() for n in items), z.namelist()
assert 'w:name=\"_kh14\"' in z.read('word/document.xml').decode()"
        "$KEHOACH" import -o "$TMP/lo.yaml" "$L" 2>"$TMP/lo.err"
        check_grep "LibreOffice's docx: the unit's id is back" '^        id: "ubnd"$' "$TMP/lo.yaml"
        check_grep "LibreOffice's docx: the recipient's unit link is back" '^        unit: "ubnd"$' "$TMP/lo.yaml"
        "$KEHOACH" build --force -f json -o "$TMP/loa/" "$P" >/dev/null 2>&1
        "$KEHOACH" build --force -f json -o "$TMP/lob/" "$TMP/lo.yaml" >/dev/null 2>&1
        $PY tests/import/same_plan.py "$TMP/loa/002-hai-ba-trung-quan-uy.json" "$TMP/lob/lo.json" \
            --model tests/import/roundtrip-expected.txt 002-hai-ba-trung-quan-uy >"$TMP/lo.same"
        check_grep "LibreOffice's docx: the whole model back, as from ours" \
            '^model: ([0-9]+)/\1 same' "$TMP/lo.same"
    else
        fail "LibreOffice converted the docx to docx" "$(head -c 600 "$TMP/lo.log")"
    fi
else
    skip "LibreOffice (soffice) is not installed"
fi
done_testing

#!/bin/sh
# import.sh — `kehoach import` and `check` of .docx / .txt (issue 13), on
# real inputs: the three published seeds as text and as DOCX written by
# LibreOffice, the plans of plans/ as DOCX written by pandoc from kehoach's
# Markdown (tests/fixtures/import/, made by tests/import/make-fixtures.sh),
# a draft with planted defects, and the hostile files of tests/hostile/docx.
. "$(dirname "$0")/../lib.sh"
case $KEHOACH in /*) ;; *) KEHOACH=$ROOT/$KEHOACH ;; esac
PY=/usr/bin/python3
F=tests/fixtures/import

# facts SEED_NUMBER INPUT: the imported plan loads, has the published seed
# plan's number, date, signature, sections, units with deadlines and Nơi
# nhận, and keeps >= 98 % of the seed's sentences (tests/import/fidelity.py).
facts() {
    n=$1 in=$2 tag=$3
    y=$TMP/$n-$tag.yaml
    check_exit "$tag $n: import exits 0 (the plan loads)" 0 "$KEHOACH" import -o "$y" "$in"
    "$KEHOACH" build --force -f json -o - "$y" >"$TMP/i.json" 2>/dev/null
    "$KEHOACH" build --force -f json -o - tests/fixtures/published/$n-published.yaml \
        >"$TMP/p.json" 2>/dev/null
    check "$tag $n: number, date, signature, sections, units, Nơi nhận as published" \
        $PY tests/import/compare.py "$TMP/p.json" "$TMP/i.json"
    "$KEHOACH" build --force -f md -o - "$y" >"$TMP/i.md" 2>/dev/null
    $PY tests/import/fidelity.py tests/fixtures/seeds/${n}_*.txt "$TMP/i.md" >"$TMP/fid"
    r=$?
    cat "$TMP/fid" | head -1
    if [ $r -eq 0 ]; then ok "$tag $n: fidelity >= 98 %"; else fail "$tag $n: fidelity" "$(cat "$TMP/fid")"; fi
}
for n in 001 002 004; do
    facts $n tests/fixtures/seeds/${n}_*.txt text
    facts $n $F/seed-$n-lo.docx libreoffice
done
# Header names typed in capitals (text out of a PDF, a DOCX someone typed
# so): a plausible case is restored, the level words in lower case and the
# place in title case, and the YAML says so; the body keeps its capitals.
# A DOCX that shows them in capitals with <w:caps/> gives the stored text,
# with no such remark (python-docx writes both here, not kehoach).
h=$F/header-capitals.txt
"$KEHOACH" import -o "$TMP/hc.yaml" "$h" 2>"$TMP/hc.err"
check_grep "capitals: the superior's case restored" '^superior: "Đảng bộ tỉnh Tuyên Quang"$' "$TMP/hc.yaml"
check_grep "capitals: the issuer's case restored" '^issuer: "Đảng ủy xã Tân Lập"$' "$TMP/hc.yaml"
check_grep "capitals: the YAML says the case was restored" \
    '^# kehoach import: the name was in capitals: its case is restored, check it: ĐẢNG ỦY XÃ TÂN LẬP$' "$TMP/hc.yaml"
check_grep "capitals: and a located note on stderr" 'header-capitals.txt:1:1: note: .*case is restored.*ĐẢNG BỘ TỈNH TUYÊN QUANG' "$TMP/hc.err"
check_grep "capitals: a Roman heading keeps its capitals (body text: no case restored)" \
    '^  - title: "MỤC ĐÍCH, YÊU CẦU"$' "$TMP/hc.yaml"
for how in typed caps; do
    $PY - "$TMP/hc-$how.docx" $how <<'PYEOF'
import sys, docx
d = docx.Document()
caps = sys.argv[2] == "caps"
for name in ("Đảng bộ tỉnh Tuyên Quang", "Đảng ủy xã Tân Lập"):
    r = d.add_paragraph().add_run(name if caps else name.upper())
    r.font.all_caps = caps or None
for t in ("Số 12-KH/ĐU", "ĐẢNG CỘNG SẢN VIỆT NAM", "Tân Lập, ngày 10 tháng 3 năm 2026",
          "KẾ HOẠCH", "tuyên truyền kỷ niệm Ngày thành lập Đảng", "I. MỤC ĐÍCH", "Nội dung."):
    d.add_paragraph(t)
d.save(sys.argv[1])
PYEOF
    "$KEHOACH" import -o "$TMP/hc-$how.yaml" "$TMP/hc-$how.docx" 2>/dev/null
    check_grep "DOCX, names $how: the issuer as written" '^issuer: "Đảng ủy xã Tân Lập"$' "$TMP/hc-$how.yaml"
    check_grep "DOCX, names $how: the superior as written" '^superior: "Đảng bộ tỉnh Tuyên Quang"$' "$TMP/hc-$how.yaml"
done
check_grep "DOCX, names typed in capitals: the case restored, said" 'case is restored' "$TMP/hc-typed.yaml"
check_no_grep "DOCX, names shown by w:caps: stored text kept, no remark" 'case is restored' "$TMP/hc-caps.yaml"

# A header in capitals with abbreviations and a school's name (THCS, Lê
# Lợi: kept in capitals, the name after it in title case), a closing after
# the last unit's tasks that does not open "Trên đây" but asks for
# difficulties to be reported, with the end mark, and an annex of numbered
# slogans (a list, not sections): tests/fixtures/import/text-acronyms-closing.txt
A=$F/text-acronyms-closing.txt
check_exit "acronyms: import exits 0" 0 "$KEHOACH" import -o "$TMP/ac.yaml" "$A"
check_grep "acronyms: the issuer keeps THCS and the school's name" '^issuer: "Chi bộ Trường THCS Lê Lợi"$' "$TMP/ac.yaml"
check_grep "acronyms: the superior's place keeps its case" '^superior: "Đảng bộ xã Trường Sơn"$' "$TMP/ac.yaml"
check "acronyms: the last paragraph before Nơi nhận is the closing, not a task" $PY -c "
y=open('$TMP/ac.yaml', encoding='utf-8').read()
c=y[y.index('\nclosing: |\n'):]
assert c.split('\n')[2].startswith('  Trong quá trình thực hiện, nếu có khó khăn'), c[:200]
assert y.count('Trong quá trình thực hiện') == 1, y"
check "acronyms: the annex of numbered slogans is a body, not sections" $PY -c "
y=open('$TMP/ac.yaml', encoding='utf-8').read()
a=y[y.index('\nannexes:\n'):]
a=a[:a.index('\nsignature:')]
assert '\n    body: |\n      1. Nhiệt liệt kỷ niệm 136 năm' in a and 'sections:' not in a, a
assert '\n      3. Đảng Cộng sản Việt Nam quang vinh muôn năm!' in a, a"
"$KEHOACH" build --force -f json -o "$TMP/acj/" "$TMP/ac.yaml" >"$TMP/acj.log" 2>&1
check_no_grep "acronyms: the imported plan loads" '\[LOAD-[A-Z0-9-]*\]$' "$TMP/acj.log"

# A party plan typed as text: its căn cứ lines printed '- Căn cứ …;' (the
# profile's dash) right after the title, then an intro citing two
# documents in one sentence apart by ';': the lines are basis (not the
# title's, not the intro's), without their dash, and both documents are
# implemented (tests/fixtures/import/text-party-basis-cites.txt)
B=$F/text-party-basis-cites.txt
check_exit "party basis: import exits 0" 0 "$KEHOACH" import -o "$TMP/pb.yaml" "$B"
check "party basis: the title alone, the two căn cứ lines basis, the intro from 'Thực hiện'" $PY -c "
y=open('$TMP/pb.yaml', encoding='utf-8').read()
assert 'title: |-\n  thực hiện Chương trình kiểm tra, giám sát năm 2027\n  của Ủy ban Kiểm tra Đảng ủy\n\n' in y, y[:900]
assert '\nbasis:\n  - \"Căn cứ Điều lệ Đảng Cộng sản Việt Nam;\"\n  - \"Căn cứ Quy định số 296-QĐ/TW' in y, y[:900]
assert '\nintro: |\n  Thực hiện Chỉ thị số 05-CT/TW' in y, y[:900]"
check "party basis: the intro's two documents apart by ';' are both implemented" $PY -c "
y=open('$TMP/pb.yaml', encoding='utf-8').read()
i=y[y.index('\nimplements:\n'):]
assert i.count('  - type:') == 2 and 'number: \"05-CT/TW\"' in i and 'number: \"01-KL/TW\"' in i, i
assert 'subject: \"về tiếp tục thực hiện Chỉ thị số 05-CT/TW\"' in i, i"
"$KEHOACH" build --force -f json -o "$TMP/pbj/" "$TMP/pb.yaml" >"$TMP/pbj.log" 2>&1
check_no_grep "party basis: the imported plan loads" '\[LOAD-[A-Z0-9-]*\]$' "$TMP/pbj.log"

# Legacy encodings (tests/fixtures/import/make-legacy.py, from published
# TCVN3 and VNI tables): the plan of header-capitals.txt in TCVN3 as text
# and as a .docx in .VnTime/.VnTimeH runs is converted (iconv) with a
# warning naming the encoding, to the same plan as the Unicode text; in VNI
# (text, and a .docx in VNI-Times) it is refused, the encoding named.
"$KEHOACH" import -o "$TMP/uni.yaml" $F/header-capitals.txt 2>/dev/null
sed 1d "$TMP/uni.yaml" >"$TMP/uni.body"
for f in legacy-tcvn3-plan.txt legacy-tcvn3.docx; do
    rm -f "$TMP/leg.yaml"
    check_exit "TCVN3 $f: import exits 0" 0 "$KEHOACH" import -o "$TMP/leg.yaml" "$F/$f"
    "$KEHOACH" import --lang=en -o "$TMP/leg2.yaml" "$F/$f" 2>"$TMP/leg.err"
    check_grep "TCVN3 $f: a warning names the encoding" \
        "^$F/$f: warning: .*legacy TCVN3 \(ABC\) encoding; converted.*\[IMPORT-ENCODING\]" "$TMP/leg.err"
    sed 1d "$TMP/leg.yaml" >"$TMP/leg.body"
    check "TCVN3 $f: the same plan as the Unicode text" cmp -s "$TMP/uni.body" "$TMP/leg.body"
done
check_grep "TCVN3 .docx: the warning names the font" 'runs in the font \.VnTime' "$TMP/leg.err"
for f in legacy-vni-plan.txt legacy-vni.docx; do
    rm -f "$TMP/vni.yaml"
    "$KEHOACH" import --lang=en -o "$TMP/vni.yaml" "$F/$f" 2>"$TMP/leg.err"; rc=$?
    check "VNI $f: refused (exit 2), nothing written" test "$rc" = 2 -a ! -e "$TMP/vni.yaml"
    rm -f "$TMP/vni.yaml"
    check_grep "VNI $f: the error names the VNI encoding" \
        "^$F/$f: error: .*legacy VNI encoding, which iconv cannot convert.*\[IMPORT-ENCODING\]" "$TMP/leg.err"
done
check_grep "VNI .docx: the error names the font" 'in the font VNI-Times' "$TMP/leg.err"

# Nơi nhận groups in kehoach's own DOCX: the lines in a nested table's first
# cell, the role ("để báo cáo") in the second; import gives back the groups,
# not the role as one more recipient (seed 002's plan).
rm -rf "$TMP/grp"
"$KEHOACH" build -f docx -o "$TMP/grp/" plans/002-hai-ba-trung-quan-uy.yaml >/dev/null 2>&1
"$KEHOACH" import -o "$TMP/grp.yaml" "$TMP/grp/002-hai-ba-trung-quan-uy.docx" 2>/dev/null
sed -n '/^recipients:/,/^$/p' "$TMP/grp.yaml" >"$TMP/grp.r"
grep -A3 '^  - group: report$' "$TMP/grp.r" | tail -1 >"$TMP/grp.2"
check_grep "DOCX groups: report, its second line Thường trực Quận ủy" '^      - "Thường trực Quận ủy,"$' "$TMP/grp.2"
check "DOCX groups: report holds its two lines, implement its six, Lưu after them" \
    test "$(grep -c '^      - ' "$TMP/grp.r"):$(grep -c '^  - group: ' "$TMP/grp.r"):$(tail -2 "$TMP/grp.r" | head -1)" = '8:2:  - "Lưu VPQU, BTGQU."'
check_no_grep "DOCX groups: no role label read as a recipient" '"để (báo cáo|thực hiện)"' "$TMP/grp.r"

# standard input
"$KEHOACH" import - <tests/fixtures/seeds/002_86a36eeee7fbe98c.txt >"$TMP/stdin.yaml" 2>/dev/null
check_exit "import - reads standard input (exit 0)" 0 sh -c "'$KEHOACH' import - <tests/fixtures/seeds/002_86a36eeee7fbe98c.txt >/dev/null 2>&1"
check_grep "import - : the number" '^number: "220 -KH/QU"' "$TMP/stdin.yaml"

# The plans of plans/ as pandoc DOCX: the same sections, units, signature;
# the imported plan has no error under check.
for p in plans/*.yaml plans/state/*.yaml; do
    b=$(basename "$p" .yaml)
    "$KEHOACH" import -o "$TMP/$b.yaml" "$F/plan-$b-pandoc.docx" 2>/dev/null
    # a clean check prints nothing: judge by the exit status (1: errors)
    check "pandoc $b: imported plan checks with 0 errors" "$KEHOACH" check --no-excerpt "$TMP/$b.yaml"
    "$KEHOACH" build --force -f json -o - "$p" >"$TMP/o.json" 2>/dev/null
    "$KEHOACH" build --force -f json -o - "$TMP/$b.yaml" >"$TMP/n.json" 2>/dev/null
    $PY tests/import/compare.py "$TMP/o.json" "$TMP/n.json" >"$TMP/d"
    # A known difference of one plan, recorded in
    # tests/import/pandoc-expected-NAME.txt, must stay exactly that
    # (ubnd-phuong-thang-hanh-dong-tre-em-2027: a unit's one-paragraph body
    # ending "trong tháng 6/2027." is read back as a task due 30/6/2027:
    # printed inline, it reads as a unit's only task due in that month
    # would, "3. Trung tâm …: … trong tháng 6/2027.", and the text alone
    # cannot tell them apart; kehoach's own DOCX says it, text-is="body").
    if [ -s "$TMP/d" ] && [ -f "tests/import/pandoc-expected-$b.txt" ] && cmp -s "$TMP/d" "tests/import/pandoc-expected-$b.txt"; then
        ok "pandoc $b: differs only by the known importer bug of tests/import/pandoc-expected-$b.txt"
    elif [ ! -s "$TMP/d" ]; then ok "pandoc $b: number, date, signature, sections, units, Nơi nhận as in the plan"
    else fail "pandoc $b: differs" "$(head -c 1500 "$TMP/d")"; fi
done

# check draft.docx: the planted defects, at their paragraphs, quoted, in
# text, JSON and SARIF.
"$KEHOACH" check --lang=en "$F/draft-defects.docx" >"$TMP/t" 2>&1
check_exit "check draft.docx: exit 1 (errors)" 1 "$KEHOACH" check --lang=en "$F/draft-defects.docx"
check_grep "check draft.docx: R-NUM-FORMAT at paragraph 1, quoted" \
    'draft-defects.docx:1:[0-9]+: error: .*paragraph 1: .*125 -KH/HU.*R-NUM-FORMAT' "$TMP/t"
check_grep "check draft.docx: the typo 'Lòng ghép' at its paragraph, quoted" \
    'draft-defects.docx:([0-9]+):[0-9]+: .*paragraph \1: .*Lòng ghép.*\[R-ORTHO-TYPO\]' "$TMP/t"
"$KEHOACH" check --lang=en -f json "$F/draft-defects.docx" >"$TMP/j" 2>/dev/null
check "check draft.docx -f json: R-NUM-FORMAT at line 1 of the .docx" $PY -c "
import json,sys; d=json.load(open('$TMP/j'))
x=[g for g in d['diagnostics'] if g['id']=='R-NUM-FORMAT']
assert x and x[0]['file'].endswith('draft-defects.docx') and x[0]['line']==1 and '125 -KH/HU' in x[0]['message'], x"
"$KEHOACH" check --lang=en -f sarif "$F/draft-defects.docx" >"$TMP/s" 2>/dev/null
check "check draft.docx -f sarif: the typo located in the .docx" $PY -c "
import json; d=json.load(open('$TMP/s'))
r=[x for x in d['runs'][0]['results'] if x['ruleId']=='R-ORTHO-TYPO']
loc=r[0]['locations'][0]['physicalLocation']
assert loc['artifactLocation']['uri'].endswith('draft-defects.docx') and loc['region']['startLine']>1, r"
# check draft.txt: located at the line of the text, with its excerpt
printf 'Số 125 -KH/HU\n\nBạch Thông, ngày 04 tháng 8 năm 2023\n\nKẾ HOẠCH\n\nVề việc thử\n\nI. MỤC ĐÍCH\n\nLòng ghép tuyên truyền.\n\nNơi nhận:\n- Ban Tuyên giáo Tỉnh ủy,\n- Lưu Văn phòng Huyện ủy.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n\nNguyễn Văn A\n' >"$TMP/draft.txt"
"$KEHOACH" check --lang=en "$TMP/draft.txt" >"$TMP/t2" 2>&1
check_grep "check draft.txt: R-NUM-FORMAT at line 1" 'draft.txt:1:[0-9]+: error: .*R-NUM-FORMAT' "$TMP/t2"
check_grep "check draft.txt: the typo at line 11, column 1" 'draft.txt:11:1: .*Lòng ghép.*R-ORTHO-TYPO' "$TMP/t2"

# Hostile inputs: a located refusal (exit 2), in time, never a crash.
for h in tests/hostile/docx/*.docx tests/hostile/docx/legacy-vni.txt; do
    timeout 10 "$KEHOACH" check --lang=en "$h" >"$TMP/h" 2>&1
    rc=$?
    if [ $rc -eq 2 ] && grep -Eq "^$h(:[0-9]+:[0-9]+)?: error: .*\[(DOCX|IMPORT)-[A-Z-]+\]" "$TMP/h"; then
        ok "hostile $(basename "$h"): refused, exit 2, $(grep -o '\[[A-Z-]*\]' "$TMP/h" | head -1)"
    else
        fail "hostile $(basename "$h"): exit $rc" "$(head -c 600 "$TMP/h")"
    fi
    timeout 10 "$KEHOACH" import -o "$TMP/never.yaml" "$h" >/dev/null 2>&1
    rc=$?
    if [ $rc -eq 2 ] && [ ! -e "$TMP/never.yaml" ]; then ok "hostile $(basename "$h"): import exits 2, writes nothing"
    else fail "hostile $(basename "$h"): import exit $rc" "$(ls -l "$TMP/never.yaml" 2>&1)"; fi
done

# fuzz_import_text's finding (FUZZ_LOG.md): a body whose first line is white
# space only, indented deeper than its text, was written as a YAML block
# that does not parse. The imported plan must load (no LOAD-SYNTAX).
h=tests/hostile/docx/fuzz-import-blank-line-indent.txt
rm -f "$TMP/blank.yaml"
timeout 10 "$KEHOACH" import -o "$TMP/blank.yaml" "$h" >/dev/null 2>&1
check "fuzz input $(basename "$h"): import writes a plan" test -s "$TMP/blank.yaml"
timeout 10 "$KEHOACH" check --lang=en "$TMP/blank.yaml" >"$TMP/blank.out" 2>&1
check_no_grep "fuzz input $(basename "$h"): the imported YAML parses" 'LOAD-SYNTAX' "$TMP/blank.out"
timeout 10 "$KEHOACH" check --lang=en "$h" >"$TMP/blank2.out" 2>&1
check_no_grep "fuzz input $(basename "$h"): check of the text gives no LOAD-SYNTAX" 'LOAD-SYNTAX' "$TMP/blank2.out"
# fuzz_import_text's second finding: a line ending in a hyphen followed by a
# line read past its end (the input is not NUL-terminated in the library).
h=tests/hostile/docx/fuzz-import-hyphen-line-end.txt
timeout 10 "$KEHOACH" import -o "$TMP/hy.yaml" "$h" >/dev/null 2>&1; rc=$?
check "fuzz input $(basename "$h"): import exits 0 or 2, no sanitizer report" test "$rc" = 0 -o "$rc" = 2
# fuzz_import_text's finding 8: a unit's text starting with a control byte
# after `Name: ` (here seed 002's text from pdftotext, with U+0001 put
# before unit 10's text) was written as a block whose first line was
# indented one column deeper than the next, and the block did not parse.
h=tests/hostile/docx/fuzz-import-control-first.txt
rm -f "$TMP/ctl.yaml"
timeout 10 "$KEHOACH" import -o "$TMP/ctl.yaml" "$h" >/dev/null 2>&1
check "fuzz input $(basename "$h"): import writes a plan" test -s "$TMP/ctl.yaml"
timeout 10 "$KEHOACH" check --lang=en "$TMP/ctl.yaml" >"$TMP/ctl.out" 2>&1
check_no_grep "fuzz input $(basename "$h"): the imported YAML parses" 'LOAD-SYNTAX' "$TMP/ctl.out"
check_grep "fuzz input $(basename "$h"): unit 10's text is kept" \
    'Xây dựng kế hoạch tổ chức đợt sinh hoạt chính trị' "$TMP/ctl.yaml"
done_testing

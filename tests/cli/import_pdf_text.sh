#!/bin/sh
# import_pdf_text.sh — text copied out of a PDF, the way offices get the
# superior body's plan: every plan in plans/ built to PDF (no checklist
# annex), its text taken out by pdftotext (hard-wrapped lines, no blank line
# between paragraphs, a page number at the top of each page), imported, and
# compared with the plan it came from: the imported plan loads, its facts
# (tests/import/same_plan.py) agree at least as often as the floor in
# tests/import/pdf-text-floor.txt, and at least that share of the text's
# sentences comes back in its Markdown (tests/import/pdf_text_fidelity.py).
# The same with `pdftotext -layout` (the header and the Nơi nhận /
# signature block side by side): the import loads and its facts agree at
# least as often as the floor's fourth column. Floors may only go up.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
FLOOR=tests/import/pdf-text-floor.txt
command -v pdftotext >/dev/null 2>&1 || { skip "pdftotext missing (poppler-utils)"; done_testing; exit 0; }
for p in plans/*.yaml plans/*/*.yaml; do
    b=$(basename "$p" .yaml)
    o=$TMP/pt/$b
    rm -rf "$o"
    "$KEHOACH" build -q --force --checklist=none -f pdf,json -o "$o/" "$p" >/dev/null 2>&1
    pdftotext -enc UTF-8 "$o/$b.pdf" "$o/$b.txt"
    check_exit "$b: import of its PDF's text (exit 0)" 0 "$KEHOACH" import -o "$o/i.yaml" "$o/$b.txt"
    grep -v '^ ' "$TMP/out" | grep -v '^[^ ]*\.txt:[0-9][0-9]*:[0-9][0-9]*: ' >"$o/unlocated"
    check_no_grep "$b: every note of the import is located at a line" '.' "$o/unlocated"
    "$KEHOACH" build -q --force --checklist=none -f json,md -o "$o/i/" "$o/i.yaml" >"$o/load" 2>&1
    check_no_grep "$b: the plan imported from text loads" '\[LOAD-[A-Z0-9-]*\]$' "$o/load"
    "$PY" tests/import/same_plan.py "$o/$b.json" "$o/i/i.json" >"$o/same"
    got=$(sed -n 's/^facts: \([0-9]*\)\/.*/\1/p' "$o/same")
    all=$(sed -n 's/^facts: [0-9]*\/\([0-9]*\) same/\1/p' "$o/same")
    "$PY" tests/import/pdf_text_fidelity.py "$o/$b.txt" "$o/i/i.md" >"$o/fid"
    fid=$(sed -n 's/^fidelity \([0-9.]*\)%.*/\1/p' "$o/fid")
    floor=$(awk -v b="$b" '$1 == b { print $2 }' "$FLOOR")
    ffloor=$(awk -v b="$b" '$1 == b { print $3 }' "$FLOOR")
    echo "# pdf text $b: ${got:-?}/${all:-?} facts (floor ${floor:-none}), fidelity ${fid:-?}% (floor ${ffloor:-none})"
    if [ -n "$got" ] && [ -n "$floor" ] && [ "$got" -ge "$floor" ]; then
        ok "$b: $got/$all facts back from the PDF's text, floor $floor"
    else fail "$b: $got/$all facts back from the PDF's text, floor ${floor:-missing}" "$(grep differs "$o/same" | head -8)"; fi
    if [ -n "$fid" ] && [ -n "$ffloor" ] && awk -v a="$fid" -v b="$ffloor" 'BEGIN { exit !(a + 1e-9 >= b) }'; then
        ok "$b: ${fid}% of the PDF text's sentences back, floor $ffloor"
    else fail "$b: ${fid:-?}% of the PDF text's sentences back, floor ${ffloor:-missing}" "$(grep missing "$o/fid" | head -8)"; fi
    pdftotext -layout -enc UTF-8 "$o/$b.pdf" "$o/l.txt"
    "$KEHOACH" import -o "$o/l.yaml" "$o/l.txt" >/dev/null 2>"$o/lerr"
    grep -v '^ ' "$o/lerr" | grep -v '^[^ ]*\.txt:[0-9][0-9]*:[0-9][0-9]*: ' >"$o/lunlocated"
    check_no_grep "$b: every note of the -layout import is located at a line" '.' "$o/lunlocated"
    "$KEHOACH" build -q --force --checklist=none -f json -o "$o/l/" "$o/l.yaml" >"$o/lload" 2>&1
    check_no_grep "$b: the plan imported from -layout text loads" '\[LOAD-[A-Z0-9-]*\]$' "$o/lload"
    "$PY" tests/import/same_plan.py "$o/$b.json" "$o/l/l.json" >"$o/lsame"
    lgot=$(sed -n 's/^facts: \([0-9]*\)\/.*/\1/p' "$o/lsame")
    lfloor=$(awk -v b="$b" '$1 == b { print $4 }' "$FLOOR")
    echo "# pdf -layout text $b: ${lgot:-?}/${all:-?} facts (floor ${lfloor:-none})"
    if [ -n "$lgot" ] && [ -n "$lfloor" ] && [ "$lgot" -ge "$lfloor" ]; then
        ok "$b: $lgot/$all facts back from the PDF's -layout text, floor $lfloor"
    else fail "$b: ${lgot:-?}/$all facts back from the PDF's -layout text, floor ${lfloor:-missing}" "$(grep differs "$o/lsame" | head -8)"; fi
done
# A PDF kehoach did not write (tests/fixtures/import/pdftext-tan-thanh*:
# Markdown → pandoc → LibreOffice → pdftotext, with and without -layout,
# committed as text): its plan comes back at least as often as the floor,
# every note is located at a line, and, without -layout, what stays text is
# said (LibreOffice's tables come out column by column there).
P=tests/fixtures/import/pdftext-tan-thanh
o=$TMP/pt/fixture
mkdir -p "$o"
"$KEHOACH" build -q --force --checklist=none -f json -o "$o/e/" "$P-plan.yaml" >/dev/null 2>&1
for F in "$P" "$P-layout"; do
    f=$(basename "$F")
    check_exit "$f: import of a LibreOffice PDF's text (exit 0)" 0 "$KEHOACH" import -o "$o/$f.yaml" "$F.txt"
    "$KEHOACH" import -o "$o/$f.yaml" "$F.txt" 2>"$o/$f.err" >/dev/null
    "$KEHOACH" build -q --force --checklist=none -f json,md -o "$o/$f/" "$o/$f.yaml" >"$o/$f.load" 2>&1
    check_no_grep "$f: the plan imported loads" '\[LOAD-[A-Z0-9-]*\]$' "$o/$f.load"
    grep -v '^ ' "$o/$f.err" | grep -v '^[^ ]*\.txt:[0-9][0-9]*:[0-9][0-9]*: ' >"$o/$f.unlocated"
    check_no_grep "$f: every note of the import is located at a line" '.' "$o/$f.unlocated"
    "$PY" tests/import/same_plan.py "$o/e/pdftext-tan-thanh-plan.json" "$o/$f/$f.json" >"$o/$f.same"
    got=$(sed -n 's/^facts: \([0-9]*\)\/.*/\1/p' "$o/$f.same")
    all=$(sed -n 's/^facts: [0-9]*\/\([0-9]*\) same/\1/p' "$o/$f.same")
    floor=$(awk -v b="fixture-$f" '$1 == b { print $2 }' "$FLOOR")
    echo "# pdf text fixture $f: ${got:-?}/${all:-?} facts (floor ${floor:-none})"
    if [ -n "$got" ] && [ -n "$floor" ] && [ "$got" -ge "$floor" ]; then ok "$f: $got/$all facts back, floor $floor"
    else fail "$f: ${got:-?}/$all facts back, floor ${floor:-missing}" "$(grep differs "$o/$f.same" | head -8)"; fi
done
check_grep "pdftext-tan-thanh: the tables kept as text are said, at their lines" \
    "pdftext-tan-thanh.txt:24:1: note: a table the text did not give row by row" "$o/pdftext-tan-thanh.err"
"$PY" tests/import/pdf_text_fidelity.py "$P.txt" "$o/pdftext-tan-thanh/pdftext-tan-thanh.md" >"$o/fid"
fid=$(sed -n 's/^fidelity \([0-9.]*\)%.*/\1/p' "$o/fid")
ffloor=$(awk '$1 == "fixture-pdftext-tan-thanh" { print $3 }' "$FLOOR")
if [ -n "$fid" ] && [ -n "$ffloor" ] && awk -v a="$fid" -v b="$ffloor" 'BEGIN { exit !(a + 1e-9 >= b) }'; then
    ok "pdftext-tan-thanh: ${fid}% of the text's sentences back, floor $ffloor"
else fail "pdftext-tan-thanh: ${fid:-?}% of the text's sentences back, floor ${ffloor:-missing}" "$(grep missing "$o/fid" | head -8)"; fi
# -layout text whose signer's name, centred under `KT. BÍ THƯ` / `PHÓ BÍ
# THƯ` and longer than them, starts left of their column, below a short
# Nơi nhận list (tests/fixtures/import/pdftext-layout-signer.txt): the name
# is the signature's, not a last recipient.
S=tests/fixtures/import/pdftext-layout-signer.txt
check_exit "layout-signer: import (exit 0)" 0 "$KEHOACH" import -o "$o/signer.yaml" "$S"
check_grep "layout-signer: the centred name left of the column is the signer's" \
    '^  name: "Trần Nguyễn Hoàng Minh Châu"$' "$o/signer.yaml"
check_no_grep "layout-signer: and not a recipient" '^  - "Trần Nguyễn' "$o/signer.yaml"
"$KEHOACH" build -q --force --checklist=none -f json -o "$o/signer/" "$o/signer.yaml" >"$o/signer.load" 2>&1
check_no_grep "layout-signer: the plan imported loads" '\[LOAD-[A-Z0-9-]*\]$' "$o/signer.load"
done_testing

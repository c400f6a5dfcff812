#!/bin/sh
# docx.sh — `build -f docx` read back by readers kehoach did not write: every
# plan in plans/ builds to a .docx that pandoc (-f docx) gives every sentence
# of; python-docx finds A4, the profile table's margins, font and sizes, the
# borderless header and end-block tables, the repeating checklist heading,
# the first page without a number, vi-VN and the properties
# (tests/docx/read.py); the names shown in capitals (superior, issuer,
# Roman headings, annex titles) are stored as the plan writes them, shown
# by <w:caps/> (tests/docx/caps.py), and LibreOffice prints them in
# capitals; the bytes are the same twice; LibreOffice lays every
# plan out within a page of kehoach's own PDF, pdftotext finds its title,
# and mutool gives back every sentence from LibreOffice's PDF.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
out=$TMP/docx
for p in plans/*.yaml plans/*/*.yaml; do
    plan=$(basename "$p" .yaml)
    profile=party
    grep -q '^profile: *state' "$p" && profile=state
    rm -rf "$out"
    check_exit "$plan: build -f docx" 0 "$KEHOACH" build -f docx -o "$out/" "$p"
    d=$out/$plan.docx
    [ -f "$d" ] || { fail "$plan: no $d"; continue; }
    if EXTRACT=pandoc sh tests/pdf_sentences.sh "$p" "$d" "$TMP" >"$TMP/miss" 2>&1; then
        ok "$plan: pandoc -f docx gives back every sentence"
    else fail "$plan: sentences missing from pandoc's reading" "$(head -c 1500 "$TMP/miss")"; fi
    if "$PY" tests/docx/read.py "$d" "$profile" >"$TMP/read" 2>&1; then
        ok "$plan: python-docx: $(grep -c '^ok' "$TMP/read") facts as the profile says"
    else fail "$plan: python-docx" "$(grep -v '^ok' "$TMP/read" | head -c 1500)"; fi
    "$KEHOACH" build --force -f json -o "$out/" "$p" >/dev/null 2>&1
    if "$PY" tests/docx/caps.py "$d" "$out/$plan.json" >"$TMP/caps" 2>&1; then
        ok "$plan: names in capitals stored as written, <w:caps/> ($(grep -c '^ok' "$TMP/caps") facts)"
    else fail "$plan: names in capitals" "$(grep -v '^ok' "$TMP/caps" | head -c 1500)"; fi
    cp "$d" "$TMP/first.docx"
    "$KEHOACH" build -f docx -o "$out/" "$p" >/dev/null 2>&1
    if cmp -s "$d" "$TMP/first.docx"; then ok "$plan: same bytes twice"
    else fail "$plan: bytes differ between two runs"; fi
done

# LibreOffice: page count within one of our PDF; the text survives.
lo="-env:UserInstallation=file://$TMP/lo"
for p in plans/*.yaml plans/*/*.yaml; do
    plan=$(basename "$p" .yaml)
    rm -rf "$out" "$TMP/lopdf"
    "$KEHOACH" build --force -f docx,pdf,json -o "$out/" "$p" >/dev/null 2>&1
    timeout 120 soffice "$lo" --headless --convert-to pdf --outdir "$TMP/lopdf" \
        "$out/$plan.docx" >"$TMP/lo.log" 2>&1
    if [ ! -f "$TMP/lopdf/$plan.pdf" ]; then
        fail "$plan: LibreOffice converted the docx" "$(head -c 800 "$TMP/lo.log")"
        continue
    fi
    ours=$(pdfinfo "$out/$plan.pdf" | sed -n 's/^Pages: *//p')
    theirs=$(pdfinfo "$TMP/lopdf/$plan.pdf" | sed -n 's/^Pages: *//p')
    diff=$((ours - theirs))
    if [ "${diff#-}" -le 1 ]; then ok "$plan: LibreOffice $theirs pages, ours $ours"
    else fail "$plan: LibreOffice $theirs pages, ours $ours"; fi
    pdftotext -enc UTF-8 "$TMP/lopdf/$plan.pdf" "$TMP/lo.txt"
    title=$(sed -n '/^title:/,/^[a-z]/p' "$p" | sed -n 2p | sed 's/^ *//; s/[:“”"]//g' | cut -d" " -f1-4)
    check_grep "$plan: LibreOffice's PDF has the title text ($title)" "$title" "$TMP/lo.txt"
    check_grep "$plan: and the recipients' label" "Nơi nhận" "$TMP/lo.txt"
    if "$PY" tests/docx/caps.py "$out/$plan.docx" "$out/$plan.json" "$TMP/lo.txt" >"$TMP/caps" 2>&1; then
        ok "$plan: LibreOffice prints the names in capitals ($(grep -c 'printed' "$TMP/caps") names)"
    else fail "$plan: LibreOffice's capitals" "$(grep -v '^ok' "$TMP/caps" | head -c 1500)"; fi
    # MuPDF reads LibreOffice's PDF in order; pdftotext's raw order moves
    # a justified line's last word and drops a spaced dash at a line end.
    if EXTRACT=mutool sh tests/pdf_sentences.sh "$p" "$TMP/lopdf/$plan.pdf" "$TMP" >"$TMP/miss" 2>&1; then
        ok "$plan: mutool reads every sentence back from LibreOffice's PDF"
    else fail "$plan: sentences missing from LibreOffice's PDF" "$(head -c 1500 "$TMP/miss")"; fi
done
done_testing

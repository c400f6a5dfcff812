#!/bin/sh
# make-fixtures.sh — regenerate the DOCX fixtures of tests/fixtures/import/
# with two writers independent of kehoach (run from the repository root,
# with build/kehoach built; needs pandoc and soffice):
#   seed-NNN-lo.docx      LibreOffice: the seed text (tests/fixtures/seeds)
#                         converted as it is, one paragraph per line
#   plan-NAME-pandoc.docx pandoc: the Markdown kehoach builds of plans/NAME
#   draft-defects.docx    pandoc: a draft (draft-defects.md) with planted defects
set -eu
K=${KEHOACH:-build/kehoach}
OUT=tests/fixtures/import
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
for s in tests/fixtures/seeds/*.txt; do
    n=$(basename "$s" | cut -c1-3)
    cp "$s" "$TMP/seed-$n-lo.txt"
    soffice --headless --convert-to docx:"MS Word 2007 XML" --outdir "$TMP" \
        "$TMP/seed-$n-lo.txt" >/dev/null 2>&1
    cp "$TMP/seed-$n-lo.docx" "$OUT/"
done
for p in plans/*.yaml plans/state/*.yaml; do
    n=$(basename "$p" .yaml)
    "$K" build --force -f md -o - "$p" 2>/dev/null >"$TMP/$n.md"
    pandoc -f markdown -t docx -o "$OUT/plan-$n-pandoc.docx" "$TMP/$n.md"
done
pandoc -f markdown -t docx -o "$OUT/draft-defects.docx" "$OUT/draft-defects.md"

#!/bin/sh
# pdf_sentences.sh FILE.yaml FILE.pdf [TMP]: print each sentence of the
# plan's text (from `kehoach build -f json`) that pdftotext does not give
# back. White space is normalised; sentences are cut at placeholders and
# full stops. EXTRACT=mutool reads the PDF with MuPDF instead of Poppler (a
# second, independent reader of the fonts and CMaps); EXTRACT=pandoc reads
# a DOCX (FILE.docx in place of the PDF) with pandoc -f docx. Used by
# tests/cli/pdf.sh and tests/cli/docx.sh (a helper, not a test itself).
yaml=$1 pdf=$2 tmp=${3:-/tmp}
"$KEHOACH" build -f json --force -o "$tmp/j" "$yaml" >/dev/null 2>&1 || exit 2
json="$tmp/j/$(basename "$yaml" .yaml).json"
jq -r '[.intro, .closing,
        (.sections | .. | objects | (.title?, .body?, .name?, .text?)),
        (.recipients[]? | .text), .signature.name]
       | .[] | objects | .value? // empty' "$json" |
  sed -e 's/\*\*//g; s/\*//g; s/\\\(.\)/\1/g' \
      -e 's/{[a-z]*}/\n/g' -e 's/\([.;:]\) /\1\n/g' |
  sed -e 's/^[[:space:]]*- //; s/^[[:space:]]*//; s/[[:space:]]*$//; s/[,.]$//' |
  tr -s ' ' | awk 'length($0) >= 12' >"$tmp/sentences"
# Page numbers head pages 2 and on (after the form feed): not text.
if [ "${EXTRACT:-}" = pandoc ]; then
  # Table cells come back inside a grid of | and +---+; drop the rules.
  pandoc -f docx -t plain --wrap=none "$pdf" 2>"$tmp/pdftotext.err" |
    sed -e 's/^[+][-=+:]*$//' -e 's/ *| */ /g' | tr '\n' ' ' | tr -s ' ' >"$tmp/pdf.txt"
elif [ "${EXTRACT:-}" = mutool ]; then
  # MuPDF ends pages with a blank line; page numbers stand alone on one.
  mutool convert -F text -o "$tmp/mutool.txt" "$pdf" 2>"$tmp/pdftotext.err" &&
    sed 's/^[0-9][0-9]*$//' "$tmp/mutool.txt" | tr '\n\f' '  ' | tr -s ' ' >"$tmp/pdf.txt"
else
  pdftotext -enc UTF-8 "$pdf" - 2>"$tmp/pdftotext.err" |
    sed 's/^\f[0-9][0-9]*$//' | tr '\n\f' '  ' | tr -s ' ' >"$tmp/pdf.txt"
fi
# The recipients' roles the renderers add before the punctuation ("tỉnh (để
# báo cáo);") are not in the plan's text.
# A non-breaking hyphen (U+2011: the DOCX's 06-ĐA/TU) reads as a hyphen.
sed -i 's/ (để [^)]*)//g; s/\xe2\x80\x91/-/g' "$tmp/pdf.txt"
missing=0
while IFS= read -r s; do
  if ! grep -qF -- "$s" "$tmp/pdf.txt"; then
    echo "missing: $s"
    missing=$((missing + 1))
  fi
done <"$tmp/sentences"
[ "$(wc -l <"$tmp/sentences")" -gt 0 ] || { echo "no sentences extracted"; exit 2; }
[ "$missing" -eq 0 ]

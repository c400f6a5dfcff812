#!/bin/sh
# pdf.sh — `kehoach build -f pdf` on the seed plans: the text comes back
# exactly (pdftotext), page 1 has no page number and the others do, fonts
# are embedded and subset, qpdf finds nothing, two builds are identical,
# metadata and bookmarks are there; and the render self-checks (format-
# rules.md B.10) fire on the fixtures made to break them.
. "$(dirname "$0")/../lib.sh"

for y in plans/*.yaml; do
  n=$(basename "$y" .yaml)
  check "pdf $n: builds" "$KEHOACH" build -f pdf -o "$TMP/a" "$y"
  pdf="$TMP/a/$n.pdf"
  mkdir -p "$TMP/s"
  check "pdf $n: pdftotext gives back every sentence of the plan" \
    sh tests/pdf_sentences.sh "$y" "$pdf" "$TMP/s"
  check_no_grep "pdf $n: no Poppler warning (standard ToUnicode map)" . "$TMP/s/pdftotext.err"
  check "pdf $n: MuPDF gives back every sentence too" \
    env EXTRACT=mutool sh tests/pdf_sentences.sh "$y" "$pdf" "$TMP/s"

  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  check "pdf $n: more than one page" test "$pages" -gt 1
  pdftotext -layout -f 1 -l 1 "$pdf" - | awk 'NF {print; exit}' >"$TMP/p1"
  check_no_grep "pdf $n: page 1 carries no page number" '^[[:space:]]*[0-9]+[[:space:]]*$' "$TMP/p1"
  check_grep "pdf $n: page 1 starts with the header" 'ĐẢNG CỘNG SẢN VIỆT NAM' "$TMP/p1"
  bad=""
  p=2
  while [ "$p" -le "$pages" ]; do
    first=$(pdftotext -layout -f "$p" -l "$p" "$pdf" - | awk 'NF {print $1; exit}')
    [ "$first" = "$p" ] || bad="$bad $p:$first"
    p=$((p + 1))
  done
  check "pdf $n: pages 2..$pages are numbered at the top (bad:$bad)" test -z "$bad"

  pdffonts "$pdf" | tail -n +3 >"$TMP/fonts"
  check_grep "pdf $n: fonts listed" 'LiberationSerif' "$TMP/fonts"
  check_no_grep "pdf $n: every font embedded, subset, with a ToUnicode map" \
    ' (no|yes) +(no|yes) +no +[0-9]+ +[0-9]+$| no +(no|yes) +(no|yes) +[0-9]+ +[0-9]+$|yes +no +(no|yes) +[0-9]+ +[0-9]+$' "$TMP/fonts"
  check "pdf $n: qpdf --check passes" qpdf --check "$pdf"
  qpdf --check "$pdf" >"$TMP/qpdf" 2>&1
  check_no_grep "pdf $n: qpdf reports no warning" '[Ww][Aa][Rr][Nn]' "$TMP/qpdf"

  check "pdf $n: builds again" "$KEHOACH" build -f pdf -o "$TMP/b" "$y"
  check "pdf $n: two builds are byte-identical" cmp "$pdf" "$TMP/b/$n.pdf"

  pdfinfo "$pdf" >"$TMP/info"
  check_grep "pdf $n: document title from the trích yếu" '^Title: +.{20}' "$TMP/info"
  check_grep "pdf $n: author is the issuer" '^Author: +(Đảng|Quận|Huyện|Thành|Ban|Chi bộ|Ủy ban Kiểm tra)' "$TMP/info"
  check_grep "pdf $n: keywords carry the number" '^Keywords: +Kế hoạch, [0-9]+-KH/' "$TMP/info"
  check_grep "pdf $n: creation date from the plan" '^CreationDate: +[A-Z][a-z]{2} ' "$TMP/info"
  qpdf --json --json-key=outlines "$pdf" >"$TMP/ol" 2>/dev/null
  check_grep "pdf $n: bookmarks for the sections" '"title": "I[.-] MỤC ĐÍCH, YÊU CẦU"' "$TMP/ol"
  # The appendix is there exactly when the plan has due dates.
  if [ -n "$("$KEHOACH" checklist "$y" 2>/dev/null)" ]; then
    check_grep "pdf $n: the checklist is the last Phụ lục" 'Phụ lục( [0-9IVX]+)? DANH MỤC THỜI HẠN' "$TMP/s/pdf.txt"
  else
    check_no_grep "pdf $n: no checklist appendix without due dates" 'Due-date checklist|Danh mục thời hạn' "$TMP/s/pdf.txt"
  fi
done

# The checklist of seed 002 runs over two pages: the second starts with
# the table's heading row again.
pdf2="$TMP/a/002-hai-ba-trung-quan-uy.pdf"
"$KEHOACH" build -f pdf -o "$TMP/a" plans/002-hai-ba-trung-quan-uy.yaml 2>/dev/null
last=$(pdfinfo "$pdf2" | sed -n 's/^Pages: *//p')
pdftotext -f "$last" -l "$last" -layout "$pdf2" "$TMP/lastpage.txt"
check_grep "pdf: a continued checklist repeats its heading row" 'Ngày +Thứ +Đơn vị +Việc +Báo cáo về +Xong' "$TMP/lastpage.txt"
check_grep "pdf: ... above the rows that carried over" 'theo quy' "$TMP/lastpage.txt"

# Codes: a face of at most 256 glyphs is written with one-byte codes (an
# embedded identity CMap); a face with more falls back to Identity-H. Both
# give the text back, and bookmark titles keep ( ) and \ (literal strings).
check "pdf: a face with > 256 glyphs builds" \
  "$KEHOACH" build -f pdf -o "$TMP/g" tests/fixtures/pdf/many-glyphs.yaml
pdffonts "$TMP/g/many-glyphs.pdf" >"$TMP/g/fonts" 2>&1
check_grep "pdf: the big face falls back to Identity-H" 'LiberationSerif +CID TrueType +Identity-H' "$TMP/g/fonts"
check_grep "pdf: the small faces use one-byte codes" 'LiberationSerif-Bold +CID TrueType +Custom' "$TMP/g/fonts"
pdftotext -raw "$TMP/g/many-glyphs.pdf" "$TMP/g/txt" 2>"$TMP/g/err"
check_grep "pdf: two-byte codes give the text back" 'θ ι κ λ μ ν ξ ο π ρ σ τ υ φ χ ψ ω АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ' "$TMP/g/txt"
check_grep "pdf: every Vietnamese capital comes back" 'Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ U Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử' "$TMP/g/txt"
check_grep "pdf: one-byte codes give the text back" 'Yêu cầu \(chung\)' "$TMP/g/txt"
check_no_grep "pdf: no Poppler warning about the CMaps" . "$TMP/g/err"
qpdf --json --json-key=outlines "$TMP/g/many-glyphs.pdf" >"$TMP/g/ol" 2>/dev/null
check_grep "pdf: a bookmark keeps ( ) and \\" '"title": "2. Yêu cầu \(chung\) \\\\ riêng"' "$TMP/g/ol"
check "pdf: qpdf --check is clean with both encodings" qpdf --check "$TMP/g/many-glyphs.pdf"

# A header name written on several lines keeps them (seed 001's superior
# body, three lines); a name on one line wraps by itself (its issuer).
# (The left column alone: -x/-W crop it, in points.)
pdftotext -x 80 -y 0 -W 218 -H 200 "$TMP/a/001-tuyen-quang-dang-uy-so-ldtbxh.pdf" - | head -8 | tr '\n' '|' >"$TMP/h001"
check_grep "pdf: the superior body on the plan's three lines" \
  '^ĐẢNG BỘ KHỐI CÁC CƠ QUAN\|VÀ DOANH NGHIỆP\|TỈNH TUYÊN QUANG\|' "$TMP/h001"
check_grep "pdf: the one-line issuer wrapped, never at its dash" \
  '\|SỞ LAO ĐỘNG - THƯƠNG BINH\|' "$TMP/h001"
"$KEHOACH" build -q -f json -o "$TMP/j" plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml 2>/dev/null
jq -c '.header_lines, .superior.value' "$TMP/j/001-tuyen-quang-dang-uy-so-ldtbxh.json" | tr '\n' '|' >"$TMP/hl"
check_grep "json: header_lines, and the name on one line" \
  '^\{"superior":\["Đảng bộ Khối các cơ quan","và doanh nghiệp","tỉnh Tuyên Quang"\],"issuer":null\}\|"Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh Tuyên Quang"\|$' "$TMP/hl"

# `Nơi nhận:` is underlined by one stroke across both words (its space
# too), as a word processor does, not one stroke per word.
qpdf --qdf --object-streams=disable "$TMP/a/004-bach-thong-huyen-uy.pdf" "$TMP/q004.pdf" 2>/dev/null
strokes=$(grep -a -c '^0.7 w$' "$TMP/q004.pdf")
check "pdf: Nơi nhận: underlined by one stroke ($strokes)" test "$strokes" -eq 1

# Size: the fonts are subset, so a plan is small.
size=$(wc -c <"$TMP/a/001-tuyen-quang-dang-uy-so-ldtbxh.pdf")
check "pdf: a four-page plan is under 60 KB ($size bytes)" test "$size" -lt 61440

# --no-checklist leaves the appendix out.
check "pdf: --no-checklist builds" "$KEHOACH" build -f pdf --no-checklist -o "$TMP/c" plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml
pdftotext "$TMP/c/001-tuyen-quang-dang-uy-so-ldtbxh.pdf" "$TMP/c.txt"
check_no_grep "pdf: --no-checklist: no appendix" 'Due-date checklist|Danh mục thời hạn' "$TMP/c.txt"
check_grep "pdf: --no-checklist: the signature is still there" 'Tô Hoàng Linh' "$TMP/c.txt"

# SOURCE_DATE_EPOCH fixes the dates (reproducible CI builds).
SOURCE_DATE_EPOCH=1700000000 "$KEHOACH" build -f pdf -o "$TMP/e" plans/004-bach-thong-huyen-uy.yaml >/dev/null 2>&1
pdfinfo "$TMP/e/004-bach-thong-huyen-uy.pdf" >"$TMP/einfo"
check_grep "pdf: SOURCE_DATE_EPOCH sets the creation date" '^CreationDate: .*Nov 14 22:13:20 2023' "$TMP/einfo"

# --font-dir: the four faces of another directory are the ones embedded
# (DejaVu Serif here, named as Times New Roman's files, TIMES.TTF in the
# capitals a Windows copy has), and the text still comes back.
D=/usr/share/fonts/truetype/dejavu
if [ -f "$D/DejaVuSerif.ttf" ]; then
  mkdir -p "$TMP/tnr"
  ln -sf "$D/DejaVuSerif.ttf" "$TMP/tnr/TIMES.TTF"
  ln -sf "$D/DejaVuSerif-Bold.ttf" "$TMP/tnr/timesbd.ttf"
  ln -sf "$D/DejaVuSerif-Italic.ttf" "$TMP/tnr/timesi.ttf"
  ln -sf "$D/DejaVuSerif-BoldItalic.ttf" "$TMP/tnr/timesbi.ttf"
  check "pdf: --font-dir with the four faces builds" \
    "$KEHOACH" build -q -f pdf --font-dir "$TMP/tnr" -o "$TMP/fd" plans/004-bach-thong-huyen-uy.yaml
  pdffonts "$TMP/fd/004-bach-thong-huyen-uy.pdf" >"$TMP/fd/fonts" 2>&1
  check_grep "pdf: --font-dir: its faces are embedded" 'DejaVuSerif-Bold +CID TrueType' "$TMP/fd/fonts"
  check_no_grep "pdf: --font-dir: no Liberation face left" 'Liberation' "$TMP/fd/fonts"
  mkdir -p "$TMP/fds"
  check "pdf: --font-dir: every sentence comes back" \
    sh tests/pdf_sentences.sh plans/004-bach-thong-huyen-uy.yaml "$TMP/fd/004-bach-thong-huyen-uy.pdf" "$TMP/fds"
else
  skip "DejaVu Serif is not installed (apt-get install fonts-dejavu-core)"
fi

# --font-dir: a directory without Times New Roman is a clear error.
check_exit "pdf: --font-dir without the fonts fails" 1 "$KEHOACH" build -f pdf --font-dir "$TMP/nofonts" -o "$TMP/f" plans/004-bach-thong-huyen-uy.yaml
check_grep "pdf: --font-dir names the missing file" 'times\.ttf.*PDF-FONT' "$TMP/out"

# R-PDF-GLYPHS: a character without a glyph is a located error, no file.
check_exit "pdf: a missing glyph fails the build" 1 "$KEHOACH" build -f pdf -o "$TMP/g" tests/fixtures/pdf/missing-glyph.yaml
check_grep "pdf: missing glyph located at the plan text" 'missing-glyph\.yaml:13:35: error: .*U\+4E2D.*\[R-PDF-GLYPHS\]' "$TMP/out"
check "pdf: nothing written for it" test ! -e "$TMP/g/missing-glyph.pdf"

# R-PDF-HEADER-FIT: a date line that cannot stay on one line.
check_exit "pdf: an oversized date line fails the build" 1 "$KEHOACH" build -f pdf -o "$TMP/h" tests/fixtures/pdf/header-fit.yaml
check_grep "pdf: header fit located at the place" 'header-fit\.yaml:5:8: error: .*\[R-PDF-HEADER-FIT\]' "$TMP/out"

done_testing

#!/bin/sh
# state.sh — the state profile (NĐ 30/2020/NĐ-CP): the example UBND plan
# checks clean and renders with Quốc hiệu, Tiêu ngữ, `Số:`, `TM.`, `;`
# recipients and `Lưu: VT` in Markdown and PDF; the state rules catch the
# party forms at their lines.
. "$(dirname "$0")/../lib.sh"

P=plans/state/ubnd-bach-thong-chuyen-doi-so.yaml
N=ubnd-bach-thong-chuyen-doi-so
"$KEHOACH" check --lang=en "$P" >"$TMP/ck" 2>&1
check_exit "state: the UBND plan checks clean" 0 "$KEHOACH" check --strict "$P"
check "state: builds md and pdf" "$KEHOACH" build -f md,pdf -o "$TMP/o" "$P"
M=$TMP/o/$N.md
check_grep "md: Quốc hiệu" '^\*\*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\*\*' "$M"
check_grep "md: Tiêu ngữ" '^\*\*Độc lập - Tự do - Hạnh phúc\*\*' "$M"
check_no_grep "md: no Party header" 'ĐẢNG CỘNG SẢN VIỆT NAM' "$M"
check_grep "md: issuer in capitals" 'ỦY BAN NHÂN DÂN HUYỆN BẠCH THÔNG' "$M"
check_grep "md: number with a colon" '^Số: 45/KH-UBND' "$M"
check_grep "md: Nơi nhận bold italic" '^\*\*\*Nơi nhận:\*\*\*' "$M"
check_grep "md: recipient line ends ';'" '^- UBND các xã, thị trấn;$' "$M"
check_grep "md: Lưu: VT" '^- Lưu: VT, VHKHTT\.$' "$M"
check_grep "md: TM. signing" 'TM\. ỦY BAN NHÂN DÂN' "$M"
# The three-line signature and the căn cứ lines (NĐ 30, format-rules.md D).
check_grep "md: three-line signature" '^\*\*TM\. ỦY BAN NHÂN DÂN\\$' "$M"
check_grep "md: KT. line under TM." '^KT\. CHỦ TỊCH\\$' "$M"
check_grep "md: the deputy's title closes the block" '^PHÓ CHỦ TỊCH\*\*$' "$M"
check_grep "md: căn cứ in italics, ';'" '^\*Căn cứ Quyết định số 505/QĐ-TTg .*Ngày Chuyển đổi số quốc gia;\*$' "$M"
check_grep "md: last căn cứ ends '.'" '^\*Căn cứ Kế hoạch số 28/KH-UBND .*năm 2025\.\*$' "$M"
check_grep "md: a rule (escaped hyphens) under the issuer" '^\\-------------\\$' "$M"
check_no_grep "md: no setext heading made of the rule" '^-+$' "$M"
pdftotext -layout "$TMP/o/$N.pdf" "$TMP/t.txt"
check_grep "pdf: Quốc hiệu" 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' "$TMP/t.txt"
check_grep "pdf: Tiêu ngữ" 'Độc lập - Tự do - Hạnh phúc' "$TMP/t.txt"
check_grep "pdf: number with a colon" 'Số: 45/KH-UBND' "$TMP/t.txt"
check_grep "pdf: date line" 'Bạch Thông, ngày 10 tháng 3 năm 2025' "$TMP/t.txt"
check_grep "pdf: Lưu: VT" 'Lưu: VT, VHKHTT\.' "$TMP/t.txt"
check_grep "pdf: TM. signing" 'TM\. ỦY BAN NHÂN DÂN' "$TMP/t.txt"
check_no_grep "pdf: no Party header" 'ĐẢNG CỘNG SẢN' "$TMP/t.txt"
pdftotext "$TMP/o/$N.pdf" "$TMP/raw.txt"
# The end mark `./.` closes the last paragraph, glued to its last word
# (its full stop becomes the mark's), never on a line of its own.
check_grep "pdf: the body ends '… 20/10/2025./.'" '^20/10/2025\./\.$' "$TMP/raw.txt"
check_no_grep "pdf: no line that is only the end mark" '^[[:space:]]*\./\.[[:space:]]*$' "$TMP/raw.txt"
sed 's#huyện {deadline}\.$#huyện {deadline}./.#' "$P" >"$TMP/marked.yaml"
check_grep "a plan whose text ends with the mark (fixture)" '\{deadline\}\./\.$' "$TMP/marked.yaml"
"$KEHOACH" build -q -f pdf -o "$TMP/m" "$TMP/marked.yaml" 2>/dev/null
pdftotext "$TMP/m/marked.pdf" "$TMP/marked.txt"
check_grep "pdf: a mark in the text is kept" '20/10/2025\./\.$' "$TMP/marked.txt"
check_no_grep "pdf: ... and not written twice" '\./\.\./\.|^[[:space:]]*\./\.[[:space:]]*$' "$TMP/marked.txt"
check_grep "pdf: issuer wrapped to even lines (1)" '^ỦY BAN NHÂN DÂN$' "$TMP/raw.txt"
check_grep "pdf: issuer wrapped to even lines (2)" '^HUYỆN BẠCH THÔNG$' "$TMP/raw.txt"
check "pdf: TM. / KT. / PHÓ CHỦ TỊCH on three lines" sh -c \
    "grep -A2 '^TM\. ỦY BAN NHÂN DÂN\$' '$TMP/raw.txt' | tr '\n' '|' | grep -q '^TM\. ỦY BAN NHÂN DÂN|KT\. CHỦ TỊCH|PHÓ CHỦ TỊCH|\$'"
check_grep "pdf: căn cứ text exact" '^Căn cứ Quyết định số 505/QĐ-TTg ngày 22 tháng 4 năm 2022 của Thủ tướng$' "$TMP/raw.txt"
"$KEHOACH" build -f json -o "$TMP/j" "$P" 2>/dev/null
jq -r '.signature.head.prefix.value, .signature.head.title.value, (.basis | length), .basis[1].line' "$TMP/j/$N.json" >"$TMP/jv"
check_grep "json: signature.head.prefix" '^KT\.$' "$TMP/jv"
check_grep "json: signature.head.title" '^CHỦ TỊCH$' "$TMP/jv"
check_grep "json: two căn cứ lines" '^2$' "$TMP/jv"
L_B2=$(grep -n 'Căn cứ Kế hoạch số 28' "$P" | cut -d: -f1)
check_grep "json: căn cứ line position" "^$L_B2\$" "$TMP/jv"

# A party plan keeps the party header and label.
"$KEHOACH" build -f md -o "$TMP/p" plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml 2>/dev/null
check_grep "party md: Party header" 'ĐẢNG CỘNG SẢN VIỆT NAM' "$TMP/p/001-tuyen-quang-dang-uy-so-ldtbxh.md"
check_grep "party md: Nơi nhận bold" '^\*\*Nơi nhận:\*\*$' "$TMP/p/001-tuyen-quang-dang-uy-so-ldtbxh.md"

# The party forms in a state plan, each caught at its line.
sed -e 's#^number: 45/KH-UBND#number: 45-KH/UBND#' -e 's#^  prefix: TM\.#  prefix: T/M#' \
    -e 's#"Lưu: VT, VHKHTT."#Lưu VT, VHKHTT.#' -e 's#UBND các xã, thị trấn;#UBND các xã, thị trấn,#' \
    "$P" >"$TMP/bad.yaml"
"$KEHOACH" check --lang=en "$TMP/bad.yaml" >"$TMP/b" 2>&1
L_NUM=$(grep -n '^number:' "$TMP/bad.yaml" | cut -d: -f1)
L_XA=$(grep -n 'UBND các xã, thị trấn,' "$TMP/bad.yaml" | cut -d: -f1)
L_LUU=$(grep -n '^  - Lưu VT' "$TMP/bad.yaml" | cut -d: -f1)
L_SIG=$(grep -n '^  prefix: T/M' "$TMP/bad.yaml" | cut -d: -f1)
check_grep "state: party number form" "bad.yaml:$L_NUM:9: error: '45-KH/UBND' is the party form .*'45/KH-UBND' \[R-NUM-STATE\]" "$TMP/b"
check_grep "state: recipient ends ','" "bad.yaml:$L_XA:[0-9]+: warning: .*should end with ';'.*\[R-RECIP-PUNCT\]" "$TMP/b"
check_grep "state: Lưu without colon" "bad.yaml:$L_LUU:5: warning: .*'Lưu: VT, VHKHTT\.' \[R-RECIP-LUU-STYLE\]" "$TMP/b"
check_grep "state: T/M in a state plan" "bad.yaml:$L_SIG:11: error: 'T/M' is not a state authority prefix; write 'TM\.' \[R-SIGN-PREFIX\]" "$TMP/b"
sed -e 's#^number: 45/KH-UBND#number: "Số 45/UBND-KH"#' "$P" >"$TMP/bad2.yaml"
"$KEHOACH" check --lang=en "$TMP/bad2.yaml" >"$TMP/b2" 2>&1
check_grep "state: 'Số' needs a colon" "error: the state profile writes 'Số: .*\[R-NUM-COLON\]" "$TMP/b2"
check_grep "state: KH comes first" "error: in '45/UBND-KH' the symbol must start with the type code of a Kế hoạch, 'KH' \(N/KH-…\) \[R-NUM-STATE\]" "$TMP/b2"
# and the party forms stay right in a party plan
"$KEHOACH" check --lang=en plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml >"$TMP/party" 2>&1
check_no_grep "party plan: no state rule fires" 'R-NUM-STATE|R-RECIP-PUNCT|R-RECIP-LUU-STYLE|R-SIGN-PREFIX' "$TMP/party"
# `kehoach rules`: profiles and source tags of every rule.
"$KEHOACH" rules >"$TMP/rules"
check_no_grep "rules: every rule has its source tags" '^R-[A-Z0-9-]+ +[a-z]+ +[a-z]+ +\? ' "$TMP/rules"
check_grep "rules: R-SIGN-COLLECTIVE for both profiles, tags per profile" \
    '^R-SIGN-COLLECTIVE +error +all +party \[S\]\[3P\]; state \[S\]\[U\] ' "$TMP/rules"
for id in R-SIGN-ISSUER-MATCH R-SIGN-TITLE R-AUTH-TYPE R-BASIS-PUNCT; do
    check_grep "rules: $id applies to both profiles" "^$id +[a-z]+ +all " "$TMP/rules"
done
done_testing

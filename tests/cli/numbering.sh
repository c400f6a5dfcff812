#!/bin/sh
# numbering.sh — a number across plans (R-NUM-YEAR, R-NUM-TERM): state
# documents are numbered from 01 each calendar year, party documents per
# term of the cấp ủy. Plans checked together (several files, a DIR), the
# plans of --plans-dir and the parents the chain code loads are compared;
# a reused number is reported at each plan's own number line.
. "$(dirname "$0")/../lib.sh"

S=tests/fixtures/numbering/state
A=$S/a-45-2025-03.yaml
B=$S/b-45-2025-06.yaml
for f in "$S"/*.yaml tests/fixtures/numbering/party/*.yaml; do
    check_exit "numbering: $(basename "$f") is clean alone" 0 "$KEHOACH" check --strict "$f"
done

# Two plans of one state issuer, one number, one year: an error at both.
check_exit "R-NUM-YEAR: the pair fails" 1 "$KEHOACH" check "$A" "$B"
"$KEHOACH" check --lang=en "$A" "$B" >"$TMP/ab" 2>&1
check_grep "R-NUM-YEAR: at a's number, naming b's" \
    "^$A:5:9: error: number 45/KH-UBND is also the number of $B:5:9, a plan of the same issuer dated 02/6/2025: .*once in 2025 \[R-NUM-YEAR\]$" "$TMP/ab"
check_grep "R-NUM-YEAR: at b's number, naming a's" \
    "^$B:5:9: error: number 45/KH-UBND is also the number of $A:5:9, a plan of the same issuer dated 10/3/2025: .*\[R-NUM-YEAR\]$" "$TMP/ab"
test "$(grep -c 'R-NUM-YEAR' "$TMP/ab")" -eq 2 && ok "R-NUM-YEAR: reported once per plan" \
    || fail "R-NUM-YEAR: reported once per plan" "$(cat "$TMP/ab")"

# The directory: the same pair, and nothing for another year (c) or another
# issuer (d); the example UBND plan (10/3/2025, 45/KH-UBND) joins the pair.
"$KEHOACH" check --lang=en "$S" >"$TMP/dir" 2>&1
check_grep "R-NUM-YEAR: check DIR finds the pair" "^$A:5:9: error: .*$B:5:9.*\[R-NUM-YEAR\]" "$TMP/dir"
check_no_grep "R-NUM-YEAR: another year is another series" 'c-45-2024.yaml:.*R-NUM-YEAR|R-NUM-YEAR.*c-45-2024' "$TMP/dir"
check_no_grep "R-NUM-YEAR: another issuer has its own series" 'd-45-tinh.yaml:.*R-NUM-YEAR|R-NUM-YEAR.*d-45-tinh' "$TMP/dir"
"$KEHOACH" check --lang=en "$S" plans/state >"$TMP/ex" 2>&1
check_grep "R-NUM-YEAR: with the example plan, a third holder of 45/KH-UBND" \
    "^plans/state/ubnd-bach-thong-chuyen-doi-so.yaml:[0-9]+:9: error: number 45/KH-UBND is also the number of $A:5:9.*\[R-NUM-YEAR\]" "$TMP/ex"

# --plans-dir: a plan checked alone against a library that holds it too.
"$KEHOACH" check --lang=vi --plans-dir "$S" "$B" >"$TMP/lib" 2>&1
check_grep "R-NUM-YEAR: found in --plans-dir (Vietnamese)" \
    "^$B:5:9: lỗi: số 45/KH-UBND trùng với số của $A:5:9, kế hoạch của cùng cơ quan ban hành ngày 10/3/2025: văn bản nhà nước được đánh số từ 01 theo từng năm dương lịch" "$TMP/lib"
test "$(grep -c 'R-NUM-YEAR' "$TMP/lib")" -eq 1 && ok "R-NUM-YEAR: the plan is not compared with its own copy in --plans-dir" \
    || fail "R-NUM-YEAR: the plan is not compared with its own copy in --plans-dir" "$(cat "$TMP/lib")"
check_exit "R-NUM-YEAR: the same file twice is one plan" 0 "$KEHOACH" check "$A" "$A"

# A parent loaded by the chain code (implements: file:).
E=tests/fixtures/numbering/chain/e-45-implements-a.yaml
"$KEHOACH" check --lang=en "$E" >"$TMP/e" 2>&1
check_grep "R-NUM-YEAR: against the parent the chain code loads" \
    "^$E:7:9: error: number 45/KH-UBND is also the number of $A:5:9.*\[R-NUM-YEAR\]" "$TMP/e"
check "R-NUM-YEAR: can be switched off" sh -c "! '$KEHOACH' check --off=R-NUM-YEAR '$A' '$B' 2>&1 | grep -q R-NUM-YEAR"

# Party: per term; a note while the two are less than a term apart.
P=tests/fixtures/numbering/party
"$KEHOACH" check --lang=en "$P" >"$TMP/p" 2>&1
check_exit "R-NUM-TERM: a note, not an error" 0 "$KEHOACH" check "$P"
check_grep "R-NUM-TERM: p1 names p2" "^$P/p1-125-2023.yaml:5:9: note: number 125-KH/HU is also the number of $P/p2-125-2024.yaml:5:9, a plan of the same issuer dated 01/3/2024: a party committee numbers its documents from 01 per term.* \[R-NUM-TERM\]$" "$TMP/p"
check_grep "R-NUM-TERM: p2 names p1" "^$P/p2-125-2024.yaml:5:9: note: .*$P/p1-125-2023.yaml:5:9.*\[R-NUM-TERM\]$" "$TMP/p"
check_no_grep "R-NUM-TERM: six years apart is another term" 'p3-125-2017' "$TMP/p"
check_no_grep "R-NUM-YEAR is the state rule only" 'R-NUM-YEAR' "$TMP/p"

# The seeds, their parents and the state example share no number.
"$KEHOACH" check --lang=en plans plans/parents plans/state >"$TMP/seeds" 2>&1
check_no_grep "numbering: the real plans reuse no number" 'R-NUM-(YEAR|TERM)' "$TMP/seeds"
done_testing

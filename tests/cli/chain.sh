#!/bin/sh
# chain.sh — the chain of plans: a plan checked against the plan it
# implements (R-CHAIN-*), `kehoach tree`, `kehoach checklist --tree`.
. "$(dirname "$0")/../lib.sh"

# The seeds and their (illustrative) parents form a consistent chain.
"$KEHOACH" check --lang=en plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml \
    plans/002-hai-ba-trung-quan-uy.yaml >"$TMP/seeds" 2>&1
check_no_grep "chain: seeds 001 and 002 agree with their parents" 'R-CHAIN|CHAIN-FILE' "$TMP/seeds"
"$KEHOACH" check --lang=en plans/parents/*.yaml >"$TMP/parents" 2>&1
check_no_grep "chain: parent plans have no chain findings" 'R-CHAIN|CHAIN-FILE' "$TMP/parents"

# A broken child: every chain rule at the right line and column.
B=tests/fixtures/chain/broken-child.yaml
check_exit "chain: broken child fails" 1 "$KEHOACH" check --lang=en "$B"
"$KEHOACH" check --lang=en "$B" >"$TMP/b" 2>&1
check_grep "chain: number" "^$B:13:13: error: cites number 112-KH/ĐUK, but the plan it implements is numbered 111-KH/ĐUK \[R-CHAIN-CITATION\]" "$TMP/b"
# The parent's place is a note: line of its own, with its source line.
grep -A5 "^$B:13:13: error: cites number" "$TMP/b" >"$TMP/note"
check_grep "chain: the parent's number is a note: at its own line and column" \
    "^plans/parents/111-KH-DUK.yaml:14:9: note: the number of the plan it implements\$" "$TMP/note"
check_grep "chain: the note shows the parent's source line" "^ +14 \| number: 111-KH/ĐUK" "$TMP/note"
check_grep "chain: with a caret under the parent's column" "^ +\| {9}\^\$" "$TMP/note"
check_grep "chain: date" "^$B:14:11: error: cites the date 16/3/2024, .* is dated 06/3/2024 \[R-CHAIN-CITATION\]" "$TMP/b"
check_grep "chain: issuer" "^$B:15:13: error: cites the issuer 'Ban Thường vụ Tỉnh ủy', .*\[R-CHAIN-CITATION\]" "$TMP/b"
check_grep "chain: deadline after the parent's" "^$B:32:23: error: reporting deadline 25/11/2024 is after 20/11/2024.*\[R-CHAIN-DEADLINE\]" "$TMP/b"
check_grep "chain: deadline on the parent's day" "^$B:34:23: warning: reporting deadline 20/11/2024 is the parent plan's own deadline.*\[R-CHAIN-DEADLINE\]" "$TMP/b"
check_grep "chain: window opens early" "^$B:36:9: warning: the campaign starts on 01/3/2024, .*\(06/3/2024\) \[R-CHAIN-WINDOW\]" "$TMP/b"
check_grep "chain: window closes late" "^$B:37:7: warning: the campaign ends on 31/12/2024, .*\(30/11/2024\) \[R-CHAIN-WINDOW\]" "$TMP/b"
check_grep "chain: the parent's window is a note" "^plans/parents/111-KH-DUK.yaml:72:7: note: the window of the plan it implements closes here\$" "$TMP/b"
check_grep "chain: parent task not taken up" "^$B:12:5: warning: the plan it implements assigns to this plan's issuer \"Tổ chức cho cán bộ.*\[R-CHAIN-TASKS\]" "$TMP/b"
"$KEHOACH" check --lang=vi "$B" >"$TMP/bvi" 2>&1
check_grep "chain: Vietnamese message" "lỗi: trích số 112-KH/ĐUK, nhưng kế hoạch cấp trên" "$TMP/bvi"
check "chain: rules can be switched off" sh -c "'$KEHOACH' check --lang=en --off=R-CHAIN-CITATION --off=R-CHAIN-DEADLINE '$B' 2>&1 | grep -q R-CHAIN-WINDOW"
"$KEHOACH" check --lang=en --off=R-CHAIN-CITATION --off=R-CHAIN-DEADLINE "$B" >"$TMP/off" 2>&1
check_no_grep "chain: switched-off rules are silent" '\[R-CHAIN-(CITATION|DEADLINE)\]' "$TMP/off"

# Found by number with --plans-dir instead of file:.
sed -e '/file: ..\/..\/..\/plans/d' -e 's/112-KH/111-KH/' "$B" >"$TMP/bynum.yaml"
"$KEHOACH" check --lang=en "$TMP/bynum.yaml" >"$TMP/nodir" 2>&1
check_no_grep "chain: no parent without --plans-dir" '\[R-CHAIN-[A-Z]+\]' "$TMP/nodir"
"$KEHOACH" check --lang=en --plans-dir plans "$TMP/bynum.yaml" >"$TMP/dir" 2>&1
check_grep "chain: parent found by number in --plans-dir" 'bynum.yaml:31:23: error: .*\[R-CHAIN-DEADLINE\]' "$TMP/dir"
check_exit "chain: unreadable --plans-dir is a usage error" 2 "$KEHOACH" check --plans-dir "$TMP/none" "$TMP/bynum.yaml"

# A file: that is missing, or the plan itself.
sed 's#file: ../../../plans/parents/111-KH-DUK.yaml#file: nowhere.yaml#' "$B" >"$TMP/missing.yaml"
"$KEHOACH" check --lang=en "$TMP/missing.yaml" >"$TMP/m" 2>&1
check_grep "chain: missing parent file at its line" 'missing.yaml:16:11: warning: cannot read the implemented plan .*nowhere.yaml.*\[CHAIN-FILE\]' "$TMP/m"
sed 's#file: ../../../plans/parents/111-KH-DUK.yaml#file: self.yaml#' "$B" >"$TMP/self.yaml"
"$KEHOACH" check --lang=en "$TMP/self.yaml" >"$TMP/s" 2>&1
check_grep "chain: a plan implementing itself" 'self.yaml:16:11: error: the implemented plan .* is this plan itself \[CHAIN-FILE\]' "$TMP/s"

# kehoach tree
check "tree: plans/" "$KEHOACH" tree --lang=en plans
"$KEHOACH" tree --lang=en plans >"$TMP/t" 2>&1
check_grep "tree: parent 111-KH/ĐUK is a root" '^111-KH/ĐUK  06/3/2024  Đảng ủy Khối' "$TMP/t"
check_grep "tree: 398-KH/ĐU under it" '^└── 398-KH/ĐU  09/4/2024  Đảng ủy Sở Lao động' "$TMP/t"
check_grep "tree: 220-KH/QU under 284-KH/TU" '^└── 220-KH/QU  02/12/2024  Quận ủy Hai Bà Trưng' "$TMP/t"
check_grep "tree: the parent's deadline" '^│   due +20/11/2024  Các đảng ủy, chi bộ cơ sở báo cáo' "$TMP/t"
check_grep "tree: the child's deadline" '^        due +15/11/2024  Các chi bộ báo cáo' "$TMP/t"
check_exit "tree: --check on the consistent tree" 0 "$KEHOACH" tree --check --no-deadlines plans/parents plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml plans/002-hai-ba-trung-quan-uy.yaml
check_exit "tree: --check with the broken child" 1 "$KEHOACH" tree --check plans/parents tests/fixtures/chain
check_exit "tree: no argument is a usage error" 2 "$KEHOACH" tree

# kehoach checklist --tree: a plan and the plans above it, merged.
"$KEHOACH" checklist --lang=en --tree plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml >"$TMP/c" 2>&1
check_grep "checklist --tree: the child's deadline" '^15/11/2024 .* 398-KH/ĐU ' "$TMP/c"
check_grep "checklist --tree: the parent's deadline" '^20/11/2024 .* 111-KH/ĐUK ' "$TMP/c"
# R-CHAIN-TASKS looks a parent's words up in the child's paragraphs while
# they are few, and in a word set of the child past 256 of them: a parent
# task of 400 distinct words the child never uses takes the second way and
# is reported the same.
mkdir -p "$TMP/big/a/b/c"
cp tests/fixtures/chain/broken-child.yaml "$TMP/big/a/b/c/child.yaml"
mkdir -p "$TMP/big/plans/parents"
/usr/bin/python3 - plans/parents/111-KH-DUK.yaml "$TMP/big/plans/parents/111-KH-DUK.yaml" <<'PYEOF'
import sys
onsets = ["b", "c", "d", "đ", "h", "l", "m", "n", "s", "t", "v", "x", "ph", "th", "tr", "ch",
          "kh", "nh", "r", "qu"]
rhymes = ["an", "ang", "ao", "em", "inh", "oan", "ong", "uôn", "ương", "ai", "am", "ôi",
          "ưa", "ơi", "êu", "ây", "iêm", "uyên", "ach", "ênh"]
words = sorted({o + r for o in onsets for r in rhymes})[:400]
assert len(words) == 400
t = open(sys.argv[1], encoding="utf-8").read()
old = "- Tổ chức cho cán bộ, đảng viên, công chức"
assert old in t
t = t.replace(old, "- " + " ".join(words) + " tổ chức cho cán bộ, đảng viên, công chức", 1)
open(sys.argv[2], "w", encoding="utf-8").write(t)
PYEOF
(cd "$TMP/big/a/b/c" && "$KEHOACH" check --lang=en child.yaml) >"$TMP/bigout" 2>&1
check_grep "chain: a parent task of 400 words the child lacks (the word-set way)" \
    "child.yaml:12:5: warning: the plan it implements assigns to this plan's issuer .*\[R-CHAIN-TASKS\]" "$TMP/bigout"
done_testing

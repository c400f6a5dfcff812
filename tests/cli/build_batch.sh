#!/bin/sh
# build_batch.sh — `kehoach build` for CI: many plans, in parallel, past a
# failing plan, one summary line, exit codes; outputs atomic, only inside
# -o DIR, never onto an input; --depfile drives make; progress only on a
# terminal outside CI.
. "$(dirname "$0")/../lib.sh"
export SOURCE_DATE_EPOCH=1700000000
# The format to build: md when it exists, else the first one listed.
FMT=$("$KEHOACH" build --help | sed -n 's/.*comma-separated formats (default: md)://p' | tr ' ' '\n' | grep -x md)
[ -n "$FMT" ] || FMT=$("$KEHOACH" build --help | sed -n 's/.*comma-separated formats (default: md)://p' | awk '{print $1}')
if [ -z "$FMT" ]; then
    echo "ok 1 # skip no output format registered yet"
    echo "1..1"
    exit 0
fi
EXT=$(printf '%s' "$FMT") # every format so far uses .<name>
P=$TMP/plans
mkdir -p "$P"
cp plans/*.yaml "$P/"
cp tests/diag/load/mixed-errors.yaml "$P/003-bad.yaml"
n_plans=$(ls "$P"/*.yaml | wc -l)

# --- a batch with one bad plan among good ones
"$KEHOACH" build --lang=en -f "$FMT" -o "$TMP/ob" -j 2 "$P" >"$TMP/so" 2>"$TMP/se"; st=$?
check "one bad plan: exit 1" test "$st" = 1
for f in plans/*.yaml; do
    b=$(basename "$f" .yaml)
    check "good plan $b built despite the bad one" test -s "$TMP/ob/$b.$EXT"
done
check "the bad plan has no output" test ! -e "$TMP/ob/003-bad.$EXT"
check_grep "the bad plan's diagnostics are located" '003-bad.yaml:2:1: error: unknown key' "$TMP/se"
check_grep "one summary line" "^kehoach build: $((n_plans - 1))/$n_plans plans built, 1 failed; $((n_plans - 1)) file\\(s\\) written to " "$TMP/se"
check "nothing on stdout" test ! -s "$TMP/so"
check "no temporary file left" sh -c "! ls -A '$TMP/ob' | grep -q tmp"
check_exit "all good: exit 0" 0 "$KEHOACH" build -q -f "$FMT" -o "$TMP/ob" plans/
check_exit "unknown format: exit 2" 2 "$KEHOACH" build -f nope -o "$TMP/ob" plans/
check_exit "-j 0: exit 2" 2 "$KEHOACH" build -j 0 -o "$TMP/ob" plans/
check_exit "unknown option: exit 2" 2 "$KEHOACH" build --bogus plans/
check_exit "no file: exit 2" 2 "$KEHOACH" build -o "$TMP/ob"
check_exit "missing plan file: exit 2" 2 "$KEHOACH" build -o "$TMP/ob" "$TMP/none.yaml"

# --- the same log and outputs whatever -j is (reports come in input order)
for i in 1 2 3 4 5 6; do cp plans/002-hai-ba-trung-quan-uy.yaml "$P/copy-$i.yaml"; done
"$KEHOACH" build --lang=en -f "$FMT" -o "$TMP/j1" -j 1 "$P" 2>"$TMP/log1"
"$KEHOACH" build --lang=en -f "$FMT" -o "$TMP/j4" -j 4 "$P" 2>"$TMP/log4"
sed 's/written to .*//' "$TMP/log1" >"$TMP/log1s"; sed 's/written to .*//' "$TMP/log4" >"$TMP/log4s"
check "-j 4 reports exactly as -j 1" cmp "$TMP/log1s" "$TMP/log4s"
check "-j 4 builds exactly what -j 1 builds" diff -r "$TMP/j1" "$TMP/j4"

# --- an existing good output survives a failed rebuild
G=$TMP/g
mkdir -p "$G"
cp plans/004-bach-thong-huyen-uy.yaml "$G/plan.yaml"
"$KEHOACH" build -q -f "$FMT" -o "$G/out" "$G/plan.yaml"
cp "$G/out/plan.$EXT" "$TMP/good-copy"
cp tests/diag/load/mixed-errors.yaml "$G/plan.yaml"
check_exit "rebuild of a now broken plan fails" 1 "$KEHOACH" build -q -f "$FMT" -o "$G/out" "$G/plan.yaml"
check "the previous output is intact" cmp "$G/out/plan.$EXT" "$TMP/good-copy"

# --- an input is never overwritten
H=$TMP/h
mkdir -p "$H/out"
cp plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml "$H/plan.yaml"
cp "$H/plan.yaml" "$TMP/plan-copy"
ln "$H/plan.yaml" "$H/out/plan.$EXT"   # the output name is the input (a hard link)
check_exit "output that is an input: refused, exit 2" 2 "$KEHOACH" build -q -f "$FMT" -o "$H/out" "$H/plan.yaml"
check "the input is unchanged" cmp "$H/plan.yaml" "$TMP/plan-copy"
cp "$H/plan.yaml" "$H/plan"
cp "$H/plan.yaml" "$H/plan.$EXT"
cp "$H/plan.yaml" "$TMP/plan-copy2"
check_exit "input 'plan' would overwrite input 'plan.$EXT': refused" 2 "$KEHOACH" build -q -f "$FMT" -o "$H" "$H/plan" "$H/plan.$EXT"
check "the other input is unchanged" cmp "$H/plan.$EXT" "$TMP/plan-copy2"

# --- an output path never escapes -o DIR
E=$TMP/e
mkdir -p "$E/a/b" "$E/victim"
cp plans/002-hai-ba-trung-quan-uy.yaml "$E/a/evil.yaml"
(cd "$E/a/b" && "$KEHOACH" build -q -f "$FMT" -o out ../evil.yaml)
check "'../evil.yaml' builds into DIR/evil.$EXT" test -s "$E/a/b/out/evil.$EXT"
check "and not next to the plan" test ! -e "$E/a/evil.$EXT"
echo precious >"$E/victim/file"
mkdir -p "$E/out"
ln -s "$E/victim/file" "$E/out/evil.$EXT"
"$KEHOACH" build -q -f "$FMT" -o "$E/out" "$E/a/evil.yaml"
check "a symlink at the output name is replaced, not written through" \
    sh -c "test ! -L '$E/out/evil.$EXT' && test \"\$(cat '$E/victim/file')\" = precious"
cp plans/002-hai-ba-trung-quan-uy.yaml "$E/..yaml"
check_exit "a plan named '..yaml' is refused" 2 "$KEHOACH" build -q -f "$FMT" -o "$E/out2" "$E/..yaml"
check "and nothing is written for it" sh -c "test -z \"\$(ls -A '$E/out2')\" && test ! -e '$E/.$EXT'"
nl=$(printf 'x\ny')
cp plans/002-hai-ba-trung-quan-uy.yaml "$E/$nl.yaml"
check_exit "a plan name with a newline is refused" 2 "$KEHOACH" build -q -f "$FMT" -o "$E/out3" "$E/$nl.yaml"
mkdir -p "$E/c1" "$E/c2"
cp plans/002-hai-ba-trung-quan-uy.yaml "$E/c1/same.yaml"
cp plans/004-bach-thong-huyen-uy.yaml "$E/c2/same.yaml"
"$KEHOACH" build --lang=en -f "$FMT" -o "$E/out4" "$E/c1/same.yaml" "$E/c2/same.yaml" 2>"$TMP/dup"; st=$?
check "two plans with one output name: the second is refused" test "$st" = 2
check_grep "and told why" 'would write the same output files as' "$TMP/dup"

# --- --depfile: make rebuilds only the plans that changed
M=$TMP/m
mkdir -p "$M/plans"
cp plans/*.yaml "$M/plans/"
cat >"$M/Makefile" <<MK
PLANS := \$(wildcard plans/*.yaml)
all: \$(PLANS:plans/%.yaml=out/%.$EXT)
out/%.$EXT: plans/%.yaml
	$KEHOACH build -q -f $FMT -o out --depfile out/\$*.d \$<
-include out/*.d
MK
(cd "$M" && make -s >/dev/null 2>&1)
check "make builds every plan" test "$(ls "$M"/out/*."$EXT" | wc -l)" = "$(ls plans/*.yaml | wc -l)"
check_grep "depfile: output depends on the plan and the binary" \
    "^out/002-hai-ba-trung-quan-uy.$EXT: plans/002-hai-ba-trung-quan-uy.yaml .*kehoach$" "$M/out/002-hai-ba-trung-quan-uy.d"
check_grep "depfile: the plan is a phony target" '^plans/002-hai-ba-trung-quan-uy.yaml:$' "$M/out/002-hai-ba-trung-quan-uy.d"
(cd "$M" && make -n) >"$TMP/make-n1"
check_no_grep "nothing to rebuild when nothing changed" 'kehoach build' "$TMP/make-n1"
sleep 1; touch "$M/plans/002-hai-ba-trung-quan-uy.yaml"
(cd "$M" && make -n) >"$TMP/make-n2"
check "one plan touched: exactly one rebuild" test "$(grep -c 'kehoach build' "$TMP/make-n2")" = 1
check_grep "and it is that plan" '002-hai-ba-trung-quan-uy.yaml' "$TMP/make-n2"
cp plans/002-hai-ba-trung-quan-uy.yaml "$M/plans/with space.yaml"
"$KEHOACH" build -q -f "$FMT" -o "$M/o2" --depfile "$M/o2.d" "$M/plans/with space.yaml"
check_grep "depfile escapes spaces" 'with\\ space' "$M/o2.d"

# --- progress: never into a pipe, never in CI, on a terminal otherwise
"$KEHOACH" build -f "$FMT" -o "$TMP/pp" "$P" 2>"$TMP/pipe" || :
check_no_grep "no progress line into a pipe" "$(printf '\r')" "$TMP/pipe"
if command -v script >/dev/null; then
    env -u CI script -qec "$KEHOACH build -f $FMT -o $TMP/pt $P" /dev/null >"$TMP/tty" 2>&1 || :
    check_grep "a progress line on a terminal" "\\[1/$((n_plans + 6))\\]" "$TMP/tty"
    CI=true script -qec "$KEHOACH build -f $FMT -o $TMP/pt $P" /dev/null >"$TMP/tty2" 2>&1 || :
    check_no_grep "no progress line when CI is set" "\\[1/" "$TMP/tty2"
fi
done_testing

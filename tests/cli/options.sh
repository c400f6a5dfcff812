#!/bin/sh
# options.sh — every command parses its options with getopt_long: attached
# short values (-fpdf), separate values, --name=value, unambiguous prefixes,
# options after files, `--`; bad options are one clear line and exit 2.
# And `build -o -`: one plan in one format on standard output, nothing on disk.
. "$(dirname "$0")/../lib.sh"
export SOURCE_DATE_EPOCH=1700000000
SEED=plans/002-hai-ba-trung-quan-uy.yaml
cd "$TMP" && cp "$ROOT/$SEED" seed.yaml && cd "$ROOT"

# --- the spellings of one option give the same output
"$KEHOACH" build -q -f md -o "$TMP/a" "$SEED" 2>/dev/null
for spelling in "-fmd" "--format=md" "--format md" "--form=md" "--forma md"; do
    rm -rf "$TMP/b"
    # shellcheck disable=SC2086
    "$KEHOACH" build -q $spelling -o "$TMP/b" "$SEED" 2>"$TMP/err"
    check "build $spelling: same Markdown as -f md" cmp "$TMP/a/002-hai-ba-trung-quan-uy.md" \
        "$TMP/b/002-hai-ba-trung-quan-uy.md"
done
rm -rf "$TMP/b"
"$KEHOACH" build "$SEED" -o"$TMP/b" -q 2>/dev/null
check "options after the file, -oDIR attached" test -s "$TMP/b/002-hai-ba-trung-quan-uy.md"

# --- check: prefixes, -Werror, --
"$KEHOACH" check --lang=en --form=json "$SEED" >"$TMP/j1" 2>/dev/null
"$KEHOACH" check --lang=en -fjson "$SEED" >"$TMP/j2" 2>/dev/null
check "check --form=json and -fjson agree" cmp "$TMP/j1" "$TMP/j2"
check_grep "check --form=json is JSON" '"version"' "$TMP/j1"
check_exit "check -Werror is --strict" "$("$KEHOACH" check --strict "$SEED" >/dev/null 2>&1; echo $?)" \
    "$KEHOACH" check -Werror "$SEED"
check_exit "check -Wfoo: exit 2" 2 "$KEHOACH" check -Wfoo "$SEED"
mkdir -p "$TMP/dash"
cp "$SEED" "$TMP/dash/-x.yaml"
(cd "$TMP/dash" && "$KEHOACH" check --lang=en -- -x.yaml >"$TMP/out" 2>&1)
check_no_grep "after --, a file named -x.yaml is a file" "unknown option" "$TMP/out"

# --- bad options: one line, exit 2, naming the command's --help
for c in check build rules tree checklist new; do
    check_exit "$c --no-such-option: exit 2" 2 "$KEHOACH" "$c" --lang=en --no-such-option
    check_grep "$c: the message names the option and the help" \
        "^kehoach $c: unknown option '--no-such-option'; see 'kehoach $c --help'\$" "$TMP/out"
done
check_exit "build --d (--depfile, --draft): exit 2" 2 "$KEHOACH" build --lang=en --d "$SEED"
check_grep "an ambiguous prefix is called so" "ambiguous option '--d'" "$TMP/out"
check_exit "build -f without a value: exit 2" 2 "$KEHOACH" build --lang=en "$SEED" -f
check_grep "a missing value is called so" "missing value for '-f'" "$TMP/out"
check_exit "build --draft=yes: exit 2" 2 "$KEHOACH" build --lang=en --draft=yes "$SEED"
check_grep "a value on a flag is called so" "'--draft' takes no value" "$TMP/out"
check_exit "check -x (unknown short): exit 2" 2 "$KEHOACH" check --lang=en -x "$SEED"
check_grep "an unknown short option is named" "unknown option '-x'" "$TMP/out"
check_exit "check --lang vi: Vietnamese message" 2 "$KEHOACH" check --lang vi --bogus "$SEED"
check_grep "the message in the chosen language" "không có tùy chọn '--bogus'" "$TMP/out"

# --- build -o -: the document on stdout, nothing written, diagnostics on stderr
for fmt in $("$KEHOACH" build --help | sed -n 's/.*comma-separated formats (default: md)://p'); do
    (cd "$TMP/dash" && "$KEHOACH" build -f "$fmt" -o - ../seed.yaml >"$TMP/stdout.$fmt" 2>"$TMP/stderr.$fmt"); st=$?
    check "build -f $fmt -o -: exit 0" test "$st" = 0
    check "build -f $fmt -o -: no directory named -" test ! -e "$TMP/dash/-"
    (cd "$TMP/dash" && "$KEHOACH" build -q -f "$fmt" -o "$TMP/file" ../seed.yaml 2>/dev/null)
    check "build -f $fmt -o -: the same bytes as the file" \
        cmp "$TMP/stdout.$fmt" "$TMP/file/seed.$fmt"
    check_no_grep "build -f $fmt -o -: stderr has diagnostics only, no summary" \
        "plans built|tmp" "$TMP/stderr.$fmt"
done
"$KEHOACH" build -f md -o - - <"$SEED" >"$TMP/stdin.md" 2>/dev/null
check "build -o - from standard input (-)" cmp "$TMP/stdin.md" "$TMP/file/seed.md"
check_exit "-o - with two plans: exit 2" 2 "$KEHOACH" build --lang=en -f md -o - "$SEED" plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml
check_grep "-o - with two plans: said why" "one plan in one format" "$TMP/out"
check_exit "-o - with two formats: exit 2" 2 "$KEHOACH" build -f md,json -o - "$SEED"
check_exit "-o - with --depfile: exit 2" 2 "$KEHOACH" build -f md -o - --depfile "$TMP/d" "$SEED"
check "-o - refused: no directory named -" test ! -e ./-
cp tests/diag/load/mixed-errors.yaml "$TMP/bad.yaml"
check_exit "-o - with a bad plan: exit 1" 1 "$KEHOACH" build -f md -o - "$TMP/bad.yaml"
"$KEHOACH" build -f md -o - "$TMP/bad.yaml" >"$TMP/bad.out" 2>"$TMP/bad.err"
check "-o - with a bad plan: nothing on stdout" test ! -s "$TMP/bad.out"
check_grep "-o - with a bad plan: diagnostics on stderr" "bad.yaml:2:1: error" "$TMP/bad.err"
done_testing

#!/bin/sh
# new_templates.sh — `kehoach new`: every template gives a plan that
# `check --draft` accepts, dated by --today, with a working $schema line;
# templates are found in the source tree and after `make install`; an
# existing file is never replaced without --force.
. "$(dirname "$0")/../lib.sh"
schema_id=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["$id"])' docs/plan.schema.json)
T=2026-11-23
"$KEHOACH" new --list >"$TMP/list"
for f in templates/*.yaml; do
    t=$(basename "$f" .yaml)
    prof=$(sed -n 's/^profile: *\([a-z]*\).*/\1/p' "$f")
    check_grep "template $t is listed with its profile ($prof), a level and its description" \
        "^$t +$prof +[^- ][^ ]* .* [^ ]" "$TMP/list"
done
for t in ubnd-tinh ubnd-xa so; do
    check_grep "state template $t is listed as state" "^$t +state " "$TMP/list"
done
for t in tinh-uy dang-uy-xa dang-uy-co-quan; do
    check_grep "party template $t is listed as party" "^$t +party " "$TMP/list"
done
"$KEHOACH" new -t state --today $T >"$TMP/state.yaml" 2>/dev/null
check_grep "-t state: the state profile's usual template" '^profile: state' "$TMP/state.yaml"
"$KEHOACH" new -t party --today $T >"$TMP/party.yaml" 2>/dev/null
check_grep "-t party: the party profile's usual template" '^profile: party' "$TMP/party.yaml"
check "every templates/*.yaml is listed" \
    test "$(ls templates/*.yaml | wc -l)" = "$(wc -l <"$TMP/list")"
for f in templates/*.yaml; do
    t=$(basename "$f" .yaml)
    "$KEHOACH" new -t "$t" --today $T -o "$TMP/$t.yaml" 2>"$TMP/err"; st=$?
    check "new -t $t writes a plan" test "$st" = 0 -a -s "$TMP/$t.yaml"
    check_exit "the $t plan passes check --draft" 0 "$KEHOACH" check --draft --today $T "$TMP/$t.yaml"
    "$KEHOACH" check --draft --today $T --format=json "$TMP/$t.yaml" >"$TMP/$t.json"
    check_grep "the $t plan has no error under --draft (json)" '"errors":0' "$TMP/$t.json"
    "$KEHOACH" check --draft --today $T --lang=en "$TMP/$t.yaml" >"$TMP/$t.draft" 2>&1
    check_no_grep "the $t plan has no warning under --draft (after 01/7/2025 too: no abolished level)" \
        ': (warning|error):' "$TMP/$t.draft"
    check_grep "$t: its blanks are notes under --draft" 'note: .*\[R-BLANK\]' "$TMP/$t.draft"
    check_exit "$t: outside --draft the blanks '…' are errors (exit 1)" 1 \
        "$KEHOACH" check --today $T "$TMP/$t.yaml"
    "$KEHOACH" check --today $T --lang=en "$TMP/$t.yaml" >"$TMP/$t.final" 2>&1
    check_grep "$t: each blank is an R-BLANK error at its line" '^[^:]*:[0-9]+:[0-9]+: error: .*\[R-BLANK\]' "$TMP/$t.final"
    check_grep "$t: the number is left blank for the văn thư" '^number: (-KH/|/KH-)' "$TMP/$t.yaml"
    check_grep "$t: issue date is this month with the day blank" '^date: 2026-11 ' "$TMP/$t.yaml"
    check_no_grep "$t: no placeholder left" '\$\{' "$TMP/$t.yaml"
    check_grep "$t: the blanks to fill are marked" '…' "$TMP/$t.yaml"
    check_grep "$t: first line names the schema" '^# yaml-language-server: \$schema=' "$TMP/$t.yaml"
    ref=$(sed -n '1s/^# yaml-language-server: \$schema=//p' "$TMP/$t.yaml")
    check "$t: the schema is named by its stable URL, the schema's own \$id" \
        test "$ref" = "$schema_id"
    check_grep "$t: the message says what to do next" 'check --draft' "$TMP/err"
done

# --- each template, its blanks filled as its comments say (tests/cli/template-fill/NAME.sed,
# one per template), checks with no warning and builds in every format
for f in templates/*.yaml; do
    t=$(basename "$f" .yaml)
    fill=tests/cli/template-fill/$t.sed
    check "$t has a fill script ($fill)" test -f "$fill"
    [ -f "$fill" ] || continue
    sed -f "$fill" "$TMP/$t.yaml" >"$TMP/$t-filled.yaml"
    check_no_grep "$t filled: no blank left outside comments" '^[^#]*…' "$TMP/$t-filled.yaml"
    "$KEHOACH" check --today $T --lang=en "$TMP/$t-filled.yaml" >"$TMP/$t-filled.out" 2>&1; st=$?
    check "$t filled: check exits 0" test "$st" = 0
    check_no_grep "$t filled: no warning or error" ': (warning|error):' "$TMP/$t-filled.out"
    rm -rf "$TMP/out-$t"
    check_exit "$t filled: builds to PDF, Markdown and DOCX" 0 \
        "$KEHOACH" build -q -f pdf,md,docx --today $T -o "$TMP/out-$t" "$TMP/$t-filled.yaml"
    issuer=$(sed -n 's/^issuer: *\([^#]*[^# ]\) *\(#.*\)\{0,1\}$/\1/p' "$TMP/$t-filled.yaml")
    pdftotext "$TMP/out-$t/$t-filled.pdf" - 2>/dev/null | tr -s ' \n' ' ' >"$TMP/$t.txt"
    up=$(printf '%s' "$issuer" | /usr/bin/python3 -c 'import sys; print(sys.stdin.read().upper())')
    check "$t filled: the PDF prints the issuer '$up'" grep -qF "$up" "$TMP/$t.txt"
done
"$KEHOACH" new --today 2026-01-31 -t bai-viet >"$TMP/stdout.yaml"
check_grep "without -o the plan goes to stdout" '^date: 2026-01 ' "$TMP/stdout.yaml"
check_grep "deadlines count from --today (+90 days)" 'deadline: 2026-05-01' "$TMP/stdout.yaml"

# --- never replace a file without --force; atomic replacement with it
echo "my draft" >"$TMP/mine.yaml"
check_exit "an existing file is refused (exit 2)" 2 "$KEHOACH" new -o "$TMP/mine.yaml"
check_grep "and kept" '^my draft$' "$TMP/mine.yaml"
check_exit "--force replaces it" 0 "$KEHOACH" new --force --today $T -o "$TMP/mine.yaml"
check_grep "with the template" '^issuer: ' "$TMP/mine.yaml"
check "no temporary file left" sh -c "! ls -A '$TMP' | grep -q '\\.tmp-'"
ln -s "$TMP/victim" "$TMP/link.yaml"
check_exit "a dangling symlink at -o counts as existing" 2 "$KEHOACH" new -o "$TMP/link.yaml"
check "and is not followed" test ! -e "$TMP/victim"
check_exit "unknown template: exit 2" 2 "$KEHOACH" new -t nope -o "$TMP/x.yaml"
check_exit "template name with a path separator is a path: missing file, exit 2" 2 "$KEHOACH" new -t ../etc/passwd -o "$TMP/y.yaml"
check_exit "bad --today: exit 2" 2 "$KEHOACH" new --today 2026-02-30
check "nothing written on errors" test ! -e "$TMP/x.yaml" -a ! -e "$TMP/y.yaml"
check_exit "a directory is not replaced" 2 "$KEHOACH" new --force -o "$TMP"
"$KEHOACH" new --lang=vi -o "$TMP/mine.yaml" 2>"$TMP/vi" || :
check_grep "messages in Vietnamese" 'đã có; không ghi đè' "$TMP/vi"

# --- found after `make install` (templates and schema under PREFIX/share)
P=$TMP/prefix
mkdir -p "$P/bin" "$P/share/kehoach/templates"
cp "$KEHOACH" "$P/bin/kehoach"
cp templates/*.yaml "$P/share/kehoach/templates/"
cp docs/plan.schema.json "$P/share/kehoach/"
mkdir -p "$TMP/elsewhere"
(cd "$TMP/elsewhere" && "$P/bin/kehoach" new -t ky-niem --today $T -o plan.yaml 2>/dev/null)
check "an installed kehoach finds its templates" test -s "$TMP/elsewhere/plan.yaml"
check_grep "and names the schema by its URL" "^# yaml-language-server: \\\$schema=$schema_id\$" "$TMP/elsewhere/plan.yaml"
(cd "$TMP/elsewhere" && "$P/bin/kehoach" new -t ky-niem --today $T --schema=installed -o inst.yaml 2>/dev/null)
ref=$(sed -n '1s/^# yaml-language-server: \$schema=//p' "$TMP/elsewhere/inst.yaml")
check "--schema=installed: the installed schema's absolute path" test "$ref" = "$(realpath "$P/share/kehoach/plan.schema.json")"
mkdir -p "$TMP/moved/deeper"
mv "$TMP/elsewhere/inst.yaml" "$TMP/moved/deeper/"
check "--schema=installed: still resolves after the plan is moved" \
    sh -c "cd '$TMP/moved/deeper' && test -f '$ref'"
KEHOACH_TEMPLATES=$TMP/none "$KEHOACH" new -t bai-viet >/dev/null 2>&1; st=$?
check "KEHOACH_TEMPLATES overrides the search" test "$st" = 2
done_testing

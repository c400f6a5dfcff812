#!/bin/sh
# hostile.sh — hostile plan files (issue 7). Each is generated here (small
# ones with printf, large ones by tests/hostile/gen.py) or committed under
# tests/hostile/. For every file that must be refused: `check` exits 1 or 2
# within `timeout` with a located `file:line:col: error: … [ID]` message;
# `build -f <every format>` writes no output file and leaves the input
# byte-for-byte unchanged. Files at a bound are accepted in time. Runs under
# the sanitizers ($KEHOACH is the ASan+UBSan build in `make check`).
. "$(dirname "$0")/../lib.sh"
case $KEHOACH in /*) ;; *) KEHOACH=$ROOT/$KEHOACH ;; esac
PLAIN=${KEHOACH_PLAIN:-$KEHOACH}
case $PLAIN in /*) ;; *) PLAIN=$ROOT/$PLAIN ;; esac
H=$TMP/h
mkdir -p "$H"
LIMIT=${HOSTILE_TIMEOUT:-5} # seconds; refused files are refused early, also under ASan
SLOW=60                     # ASan+UBSan on the accepted 1 MiB files
formats=$("$KEHOACH" build --help | sed -n 's/.*comma-separated formats (default: md)://p' |
          tr -s ' ' ',' | sed 's/^,//; s/,$//')
[ -n "$formats" ] || formats=md

# refused NAME ID [LINE:COL]: the file $H/NAME is refused with ID, located
# (at LINE:COL when given).
refused() {
    f=$H/$1
    sum=$(cksum <"$f")
    timeout "$LIMIT" "$KEHOACH" check --lang=en "$f" >"$TMP/o" 2>&1
    rc=$?
    case $rc in
    1 | 2) ok "$1: exit $rc" ;;
    *) fail "$1: exit $rc (want 1 or 2; 124 is the timeout)" "$(head -c 800 "$TMP/o")" ;;
    esac
    where='[0-9]+:[0-9]+:'
    [ -n "${3:-}" ] && where=$3:
    [ "${3:-}" = - ] && where= # the whole file (its size)
    check_grep "$1: located $2" "^$f:($where) error: .*\\[$2\\]$" "$TMP/o"
    rm -rf "$TMP/outdir"
    timeout "$LIMIT" "$KEHOACH" build -f "$formats" -o "$TMP/outdir" "$f" >"$TMP/b" 2>&1
    rc=$?
    case $rc in
    1 | 2) ok "$1: build exit $rc" ;;
    *) fail "$1: build exit $rc" "$(head -c 800 "$TMP/b")" ;;
    esac
    if [ -z "$(ls -A "$TMP/outdir" 2>/dev/null)" ]; then ok "$1: no output file"
    else fail "$1: output written" "$(ls -la "$TMP/outdir")"; fi
    if [ "$(cksum <"$f")" = "$sum" ]; then ok "$1: input unchanged"
    else fail "$1: input changed"; fi
}

# accepted NAME: a file at a bound loads and builds (with --force) with no
# loader error: under the sanitizers (generous time), and within $LIMIT
# seconds with the plain build ($KEHOACH_PLAIN).
accepted() {
    f=$H/$1
    rm -rf "$TMP/outdir"
    timeout "$SLOW" "$KEHOACH" build --force -f "$formats" -o "$TMP/outdir" "$f" >"$TMP/b" 2>&1
    rc=$?
    case $rc in
    0 | 1) ok "$1: build --force exit $rc (sanitizers)" ;;
    *) fail "$1: build --force exit $rc (sanitizers)" "$(head -c 800 "$TMP/b")" ;;
    esac
    check_no_grep "$1: no loader error" '\[(LOAD|IO)-?[A-Z0-9-]*\]$' "$TMP/b"
    rm -rf "$TMP/outdir"
    timeout "$LIMIT" "$PLAIN" build --force -f "$formats" -o "$TMP/outdir" "$f" >"$TMP/b" 2>&1
    rc=$?
    case $rc in
    0 | 1) ok "$1: check and build within ${LIMIT}s" ;;
    *) fail "$1: plain build exit $rc (124: over ${LIMIT}s)" "$(head -c 800 "$TMP/b")" ;;
    esac
}

# ---- small files ----
: >"$H/empty.yaml"
printf '# only\n# comments\n' >"$H/comments.yaml"
head -c 3000 /dev/urandom | tr -d '\n' >"$H/garbage.yaml"
printf 'issuer: \377\376 binary\n' >"$H/invalid-utf8.yaml"
printf 'issuer: A\ntitle: Hi\352n ngh\357\n' >"$H/latin1.yaml"
printf 'issuer: A\ntitle: B\000C\n' >"$H/nul.yaml"
printf '\357\273\277issuer: A\ntitle: T\nfoo: 1\n' >"$H/bom.yaml"
printf 'issuer: A\r\ntitle: T\r\nsections: [{title: X}]\r\nrecipients: [a]\r\nsignature: {title: a, name: b, x: 1}\r\n' >"$H/crlf.yaml"
printf 'issuer: A\nsignature:\n\ttitle: a\n' >"$H/tabs.yaml"
printf 'a: &a [*a]\n' >"$H/alias-self.yaml"
printf 'issuer: A\nissuer: B\n' >"$H/dup.yaml"
printf 'issuer: A\ntitle: T\ndate: 2024-02-30\nsections: [{title: X}]\nrecipients: [a]\nsignature: {title: a, name: b}\n' >"$H/date.yaml"
printf 'just a scalar\n' >"$H/root-scalar.yaml"
printf -- '- a\n- b\n' >"$H/root-list.yaml"
printf 'issuer: A\n---\nissuer: B\n' >"$H/multidoc.yaml"
printf 'issuer: "A\\0B"\n' >"$H/escaped-nul.yaml"
# wrong types for every field of the plan: each top-level key given a list
# or a mapping where it wants the other (a list of text where text is due).
{
    for k in profile superior number place date type title numbering intro closing; do
        echo "$k: [x]"
    done
    for k in implements sections recipients; do echo "$k: text"; done
    echo "issuer: [x]"
    echo "signature: [x]"
    echo "schedule: text"
    echo "rules: text"
} >"$H/wrong-types.yaml"
printf 'issuer: A\ntitle: T\nsections:\n  - title: [x]\n    kind: [x]\n    inline: [x]\n    body: {a: b}\n    events: x\n    sections: x\n    units:\n      - name: [x]\n        id: [x]\n        body: [x]\n        tasks: x\n        report_to: [x]\n        layout: [x]\n        numbered: [x]\n      - name: U\n        tasks:\n          - text: [x]\n            deadline: [x]\n            report_to: [x]\n            report: [x]\n            what: [x]\nrecipients: [a]\nsignature: {prefix: [x], body: [x], title: [x], name: [x]}\n' >"$H/wrong-types-nested.yaml"

refused empty.yaml LOAD-EMPTY 1:1
refused comments.yaml LOAD-EMPTY 1:1
refused garbage.yaml '[A-Z0-9-]+'
refused invalid-utf8.yaml LOAD-UTF8 1:9
refused latin1.yaml LOAD-UTF8 2:10
refused nul.yaml LOAD-UTF8 2:9
refused bom.yaml LOAD-UNKNOWN-KEY 3:1
refused crlf.yaml LOAD-UNKNOWN-KEY 5:32
refused tabs.yaml LOAD-SYNTAX 3:1
refused alias-self.yaml LOAD-ALIAS 1:4
refused dup.yaml LOAD-DUP-KEY 2:1
refused date.yaml LOAD-DATE 3:7
refused root-scalar.yaml LOAD-TYPE 1:1
refused root-list.yaml LOAD-TYPE 1:1
refused multidoc.yaml LOAD-MULTIDOC 2:1
refused escaped-nul.yaml LOAD-UTF8 1:9
refused wrong-types.yaml LOAD-TYPE
n=$(grep -c 'LOAD-TYPE\]$' "$TMP/o")
check "wrong types: every top-level field reported (17, got $n)" test "$n" -eq 17
refused wrong-types-nested.yaml LOAD-TYPE
n=$(grep -c 'LOAD-TYPE\]$' "$TMP/o")
check "wrong types nested: every field reported (22, got $n)" test "$n" -eq 22

# a BOM alone is fine: columns are counted after it
printf '\357\273\277issuer: A\ntitle: T\nsections: [{title: X}]\nrecipients: [a]\nsignature: {title: a, name: b}\n' >"$H/bom-ok.yaml"
"$KEHOACH" check "$H/bom-ok.yaml" >"$TMP/o" 2>&1
check_no_grep "a BOM alone is accepted" '\[LOAD' "$TMP/o"

# raw HTML and javascript: links in bodies never reach an output verbatim
cat >"$H/html.yaml" <<'YAML'
issuer: Đảng ủy Sở
title: Kế hoạch thử
sections:
  - title: NỘI DUNG
    body: |
      Xem <script>alert(1)</script> và [đây](javascript:alert(1)) hoặc
      <img src=x onerror=alert(1)> và [tệp](data:text/html,x).
recipients: [Lưu VT.]
signature: {title: BÍ THƯ, name: Nguyễn Văn A}
YAML
rm -rf "$TMP/outdir"
timeout "$LIMIT" "$KEHOACH" build --force -f "$formats" -o "$TMP/outdir" "$H/html.yaml" >"$TMP/b" 2>&1
check "html plan builds with --force" test -n "$(ls -A "$TMP/outdir" 2>/dev/null)"
for o in "$TMP"/outdir/*.md; do # JSON carries the source text as data;
    [ -f "$o" ] || continue        # Markdown is what gets rendered as HTML
    check_no_grep "no <script> in $(basename "$o")" '<script|onerror=' "$o"
    check_no_grep "no javascript:/data: link in $(basename "$o")" '\]\((javascript|data):|href="(javascript|data):' "$o"
done

# output names: an input name that gives no output name is refused, and
# nothing is written anywhere
mkdir -p "$H/d" "$TMP/o2/deep"
cp plans/004-bach-thong-huyen-uy.yaml "$H/d/..yaml"
(cd "$H/d" && timeout "$LIMIT" "$KEHOACH" build -f md -o "$TMP/o2/deep" ../d/../d/..yaml >"$TMP/b" 2>&1)
check_grep "an input named '..yaml' is refused" 'error: .*\[IO\]' "$TMP/b"
check "nothing written in DIR" test -z "$(ls -A "$TMP/o2/deep")"
check "nothing written beside DIR" test "$(ls -A "$TMP/o2")" = deep
check "nothing written beside the input" test "$(ls -A "$H/d")" = ..yaml

# the date rule used to crash on a future issue date (vi format out of order;
# found by fuzz_check on its first seed)
printf 'issuer: A\ntitle: T\ndate: 2025-02\nsections: [{title: X}]\nrecipients: [a]\nsignature: {title: a, name: b}\n' >"$H/future.yaml"
timeout "$LIMIT" "$KEHOACH" check --today=2024-06-01 --lang=vi "$H/future.yaml" >"$TMP/o" 2>&1
check_grep "future issue date reported, no crash" '3:7: .*R-DATE-FUTURE' "$TMP/o"

# ---- large files (tests/hostile/gen.py) ----
python3 tests/hostile/gen.py "$H"
refused big-line.yaml LOAD-LIMIT -
refused size-over.yaml LOAD-LIMIT -
accepted size-at.yaml
accepted scalar-at.yaml
refused scalar-over.yaml LOAD-LIMIT 5:11
refused unknown-keys.yaml LOAD-UNKNOWN-KEY
refused many-blocks.yaml LOAD-LIMIT
refused many-nodes.yaml LOAD-LIMIT
refused nested-brackets.yaml LOAD-LIMIT 1:67
refused nested-maps.yaml LOAD-LIMIT
refused wide-maps.yaml LOAD-LIMIT
refused alias-bomb.yaml LOAD-ALIAS 1:4
accepted items-at.yaml
refused items-over.yaml LOAD-LIMIT
refused recipients-over.yaml LOAD-LIMIT
accepted recipients-at.yaml
accepted recipients-same.yaml
accepted recipients-unit.yaml
for m in images comments emph entities backticks brackets total; do
    accepted "md-$m-at.yaml"
    refused "md-$m-over.yaml" LOAD-LIMIT
done
accepted lines-at.yaml
refused lines-over.yaml LOAD-LIMIT
accepted lines-many.yaml
accepted md-lists.yaml
refused md-lists-over.yaml LOAD-LIMIT 38:71
accepted md-quote-at.yaml
refused md-quote-over.yaml LOAD-LIMIT 6:39
for m in quote-deep quote-spaced list-markers ordered-markers quote-list; do
    refused "md-$m.yaml" LOAD-LIMIT "6:[0-9]+"
    # --force renders what loaded; the body over the bound is left out, and
    # no renderer walks it (they recurse on the tree: issue 17)
    rm -rf "$TMP/force"
    timeout "$LIMIT" "$KEHOACH" build -q --force -f "$formats" -o "$TMP/force" "$H/md-$m.yaml" \
        >"$TMP/o" 2>&1
    rc=$?
    case $rc in
    0 | 1) ok "md-$m.yaml: build --force, exit $rc" ;;
    *) fail "md-$m.yaml: build --force, exit $rc" "$(head -c 800 "$TMP/o")" ;;
    esac
done

# ---- committed regression inputs (fuzzer finds) ----
# Each through `check`, and through every renderer with --force (a plan
# with load errors still reaches the rules and the renderers there).
for f in tests/hostile/*.yaml; do
    [ -f "$f" ] || continue
    timeout "$LIMIT" "$KEHOACH" check "$f" >"$TMP/o" 2>&1
    rc=$?
    case $rc in
    0 | 1 | 2) ok "$f: exit $rc in time" ;;
    *) fail "$f: exit $rc" "$(head -c 800 "$TMP/o")" ;;
    esac
    rm -rf "$TMP/force"
    timeout "$LIMIT" "$KEHOACH" build -q --force -f "$formats" -o "$TMP/force" "$f" >"$TMP/o" 2>&1
    rc=$?
    case $rc in
    0 | 1 | 2) ok "$f: build --force, exit $rc in time" ;;
    *) fail "$f: build --force, exit $rc" "$(head -c 800 "$TMP/o")" ;;
    esac
done
done_testing

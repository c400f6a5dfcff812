#!/bin/sh
# help_man.sh — every subcommand's --help (stdout, exit 0, both languages),
# the man page (mandoc -T lint clean, documents every command and every
# option of check/build/new), top-level exit codes, and bash completion.
. "$(dirname "$0")/../lib.sh"
"$KEHOACH" --help >"$TMP/top"
cmds=$(awk '/^commands:/ {on=1; next} on && /^  [a-z]/ {print $1}' "$TMP/top")
check "the command list is not empty" test -n "$cmds"
for c in $cmds; do
    "$KEHOACH" "$c" --help >"$TMP/h.$c" 2>"$TMP/e.$c"; st=$?
    check "$c --help exits 0" test "$st" = 0
    check_grep "$c --help prints usage on stdout" "^usage: kehoach $c" "$TMP/h.$c"
    check "$c --help prints nothing on stderr" test ! -s "$TMP/e.$c"
    check_grep "$c --help documents the exit status" 'exit status' "$TMP/h.$c"
    "$KEHOACH" help "$c" >"$TMP/hh.$c"
    check "kehoach help $c = kehoach $c --help" cmp "$TMP/h.$c" "$TMP/hh.$c"
    check_exit "$c with an unknown option exits 2" 2 "$KEHOACH" "$c" --no-such-option
    check_grep "the man page has a section for $c" "^\\.Ss kehoach ([a-z]+, )*$c" docs/kehoach.1
done
for c in check build new; do
    "$KEHOACH" "$c" --help --lang=vi >"$TMP/vi.$c"
    check_grep "$c --help in Vietnamese" "^cách dùng: kehoach $c" "$TMP/vi.$c"
    for o in $(grep -oE '^ +(-[a-zA-Z], )?--[a-z][-a-z]*' "$TMP/h.$c" | grep -oE -- '--[a-z][-a-z]*'); do
        o=${o#--}
        check_grep "the man page documents $c --$o" "Fl \\\\-$o( |$)" docs/kehoach.1
    done
done
check_exit "no command: exit 2" 2 "$KEHOACH"
check_exit "unknown command: exit 2" 2 "$KEHOACH" frobnicate
check_exit "--help: exit 0" 0 "$KEHOACH" --help
"$KEHOACH" --version >"$TMP/v"
check_grep "--version prints the version on stdout" '^kehoach [0-9]+\.[0-9]+' "$TMP/v"
# The libraries it runs with, each as it reports itself; those with a
# pkg-config file must agree with it (the same Debian package built both).
for pair in libyaml:yaml-0.1 cmark:libcmark harfbuzz:harfbuzz libdeflate:libdeflate; do
    name=${pair%%:*}
    want=$(pkg-config --modversion "${pair#*:}" 2>/dev/null)
    check_grep "--version names $name $want" "^  $name +$want( |\$)" "$TMP/v"
done
want=$(dpkg-query -W -f='${Version}' libhpdf-dev 2>/dev/null | sed 's/[+~-].*//')
check_grep "--version names libharu $want" "^  libharu +$want\$" "$TMP/v"
check_grep "--version names utf8proc" '^  utf8proc +[0-9]+\.[0-9]+\.[0-9]+$' "$TMP/v"
"$KEHOACH" -V >"$TMP/V"
check "-V is --version" cmp "$TMP/v" "$TMP/V"

# --- man page
mandoc -T lint -W warning docs/kehoach.1 >"$TMP/lint" 2>&1
check "mandoc -T lint finds no warning in docs/kehoach.1" test ! -s "$TMP/lint"
mandoc -T utf8 docs/kehoach.1 | col -b >"$TMP/man.txt"
check_grep "the man page renders its Vietnamese" 'kế hoạch' "$TMP/man.txt"
check_grep "the man page documents the exit codes" '^[[:space:]]+2[[:space:]]+Usage error' "$TMP/man.txt"

# --- bash completion
if command -v bash >/dev/null; then
    complete_words() { # complete_words WORD... : what TAB offers for the last word
        bash -c '. completion/kehoach.bash
                 COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
                 _kehoach; printf "%s\n" "${COMPREPLY[@]}"' kehoach "$@"
    }
    PATH=$(dirname "$KEHOACH"):$PATH; export PATH
    complete_words "$KEHOACH" "" >"$TMP/c1"
    check_grep "completes the commands" '^build$' "$TMP/c1"
    complete_words "$KEHOACH" build --f >"$TMP/c2"
    check_grep "completes build options from its --help" '^--format$' "$TMP/c2"
    check_grep "including options added by others" '^--font-dir$' "$TMP/c2"
    complete_words "$KEHOACH" build -f md,p >"$TMP/c3"
    check_grep "completes the formats of a list" '^md,pdf$' "$TMP/c3"
    complete_words "$KEHOACH" new -t k >"$TMP/c4"
    check_grep "completes template names" '^ky-niem$' "$TMP/c4"
    complete_words "$KEHOACH" check --format= >"$TMP/c5"
    check_grep "completes --format=VALUE" '^sarif$' "$TMP/c5"
    complete_words "$KEHOACH" checklist --format= >"$TMP/c5b"
    check_grep "checklist --format= completes csv" '^csv$' "$TMP/c5b"
    check_no_grep "checklist --format= does not offer json, which checklist refuses" '^json$' "$TMP/c5b"
    complete_words "$KEHOACH" check plans/00 >"$TMP/c6"
    check_grep "completes plan files" '^plans/004-bach-thong-huyen-uy.yaml$' "$TMP/c6"
    first=$("$KEHOACH" rules | awk 'NR == 1 {print $1}')
    complete_words "$KEHOACH" check --off "${first%-*}" >"$TMP/c7"
    check_grep "completes rule IDs for --off" "^$first\$" "$TMP/c7"
fi
done_testing

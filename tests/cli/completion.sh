#!/bin/sh
# completion.sh — zsh (completion/_kehoach) and fish (completion/kehoach.fish)
# complete what the bash completion does, read from kehoach itself:
# commands, each command's options, formats (a list for build), check's
# and checklist's formats, templates, rule IDs, plan files. fish answers
# through its own `complete -C`; zsh through tests/cli/complete.zsh, which
# stands in for its completion builtins.
. "$(dirname "$0")/../lib.sh"
PATH=$(dirname "$KEHOACH"):$PATH; export PATH
first_rule=$("$KEHOACH" rules | awk 'NR == 1 {print $1}')

# expect SHELL NAME PATTERN WORD...: the completions of the last word match PATTERN
expect() {
    sh_=$1 name=$2 pat=$3; shift 3
    if [ "$sh_" = zsh ]; then
        zsh tests/cli/complete.zsh "$@" >"$TMP/c" 2>&1
    else
        line=$(printf '%s ' "$@" | sed 's/ $//')
        fish -c "source completion/kehoach.fish; complete -C '$line'" 2>&1 | cut -f1 >"$TMP/c"
    fi
    check_grep "$sh_: $name" "$pat" "$TMP/c"
}
for s in zsh fish; do
    if ! command -v $s >/dev/null; then
        skip "$s is not installed"
        continue
    fi
    expect $s "the commands" '^build$' kehoach b
    expect $s "help and the other commands" '^checklist$' kehoach check
    expect $s "build options from its --help" '^--format$' kehoach build --fo
    expect $s "options others added to --help" '^--font-dir$' kehoach build --fo
    expect $s "a format list: the last item" '^md,pdf$' kehoach build -f md,p
    expect $s "check's formats" '^sarif$' kehoach check -f s
    expect $s "template names" '^ky-niem$' kehoach new -t k
    expect $s "rule IDs for --off" "^$first_rule\$" kehoach check --off "${first_rule%-*}"
    expect $s "--lang values" '^vi$' kehoach check --lang v
    if [ $s = zsh ]; then
        expect $s "--format=VALUE" '^--format=sarif$' kehoach check --format=s
        expect $s "checklist --format=: csv" '^--format=csv$' kehoach checklist --format=
        check_no_grep "zsh: checklist --format= does not offer json" 'json' "$TMP/c"
        expect $s "plan files" '^_files -g \*\.\(yaml\|yml\)' kehoach check pl
    else
        expect $s "--format=VALUE" '^--format=sarif$' kehoach check --format=s
        expect $s "checklist --format=: csv" '^--format=csv$' kehoach checklist --format=
        check_no_grep "fish: checklist --format= does not offer json" 'json' "$TMP/c"
        expect $s "plan files" '^plans/004-bach-thong-huyen-uy.yaml$' kehoach check plans/00
    fi
done
done_testing

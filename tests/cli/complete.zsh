# complete.zsh WORD... — what completion/_kehoach offers for the last word,
# one a line, with zsh's completion builtins replaced by stand-ins that
# behave as they do for this script: compadd filters by the current prefix
# and puts back what compset -P took off; _files names what it would list.
# Used by tests/cli/help_man.sh.
compadd() {
    local -a cands
    while (( $# )); do
        case $1 in
            --) shift; cands+=("$@"); break ;;
            -a) shift; cands+=(${(P)1}); shift ;;
            -*) shift ;;
            *) cands+=("$1"); shift ;;
        esac
    done
    local c
    for c in $cands; do [[ $c == ${PREFIX}* ]] && print -r -- "$IPREFIX$c"; done
}
_describe() { local -a d; d=(${${(P)${@[-1]}}%%:*}); compadd -a d; }
_files() { print -r -- "_files $*"; }
compset() { # compset -P PATTERN: move the longest matching head into IPREFIX
    [[ $1 == -P ]] || return 1
    local head=${(M)PREFIX##${~2}}
    [[ -n $head ]] || return 1
    IPREFIX+=$head
    PREFIX=${PREFIX#$head}
}
_kehoach_main() { :; }
eval "$(sed '$d' completion/_kehoach)" # all but the closing call
words=("$@")
CURRENT=$#
PREFIX=${words[CURRENT]}
IPREFIX=
_kehoach

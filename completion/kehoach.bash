# bash completion for kehoach — installed by `make install` into
# PREFIX/share/bash-completion/completions/kehoach.
# Commands, options, formats, templates and rule IDs are read from kehoach
# itself (`kehoach --help`, `kehoach CMD --help`, `kehoach new --list`,
# `kehoach rules`), so the completion never falls behind the program.

_kehoach_commands() {
    "$1" --help 2>/dev/null | awk '/^commands:/ {on=1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on=0}'
}

_kehoach_options() {
    # Every --long and -s option at the start of a help line.
    "$1" "$2" --help 2>/dev/null | LC_ALL=C grep -oE '^ +(-[a-zA-Z], )?--?[a-zA-Z][-a-zA-Z]*' |
        tr ',' '\n' | tr -d ' '
}

_kehoach() {
    local cur prev words cword
    if declare -F _init_completion >/dev/null; then
        _init_completion -s || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    local prog=${words[0]}
    if [ "$cword" -eq 1 ]; then
        COMPREPLY=($(compgen -W "$(_kehoach_commands "$prog") help --help --version" -- "$cur"))
        return
    fi
    local cmd=${words[1]}
    # --opt=value forms
    if [[ $cur == --*=* ]]; then
        prev=${cur%%=*}
        cur=${cur#*=}
    fi
    case $prev in
        -f|--format)
            local formats
            if [ "$cmd" = build ]; then
                formats=$("$prog" build --help 2>/dev/null | sed -n 's/.*(default: md)://p')
            elif [ "$cmd" = check ]; then
                formats="text json sarif"
            else
                formats="text md csv"
            fi
            # a comma-separated list: complete the last item
            local head=${cur%,*} tail=${cur##*,}
            if [ "$head" != "$cur" ]; then
                COMPREPLY=($(compgen -P "$head," -W "$formats" -- "$tail"))
            else
                COMPREPLY=($(compgen -W "$formats" -- "$cur"))
            fi
            return ;;
        -t|--template)
            COMPREPLY=($(compgen -W "$("$prog" new --list 2>/dev/null | awk '{print $1}')" -- "$cur"))
            return ;;
        --off)
            COMPREPLY=($(compgen -W "$("$prog" rules 2>/dev/null | awk '{print $1}')" -- "$cur"))
            return ;;
        --lang) COMPREPLY=($(compgen -W "vi en" -- "$cur")); return ;;
        --color|--colour) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
        -o|--output)
            if [ "$cmd" = build ]; then
                COMPREPLY=($(compgen -d -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            return ;;
        --font-dir) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --depfile|--schema) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        -j|--jobs|--today|--from|--to|--remind-days|--rules-url) return ;;
    esac
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_kehoach_options "$prog" "$cmd")" -- "$cur"))
        return
    fi
    # plan files and directories
    COMPREPLY=($(compgen -f -X '!*.yaml' -- "$cur") $(compgen -f -X '!*.yml' -- "$cur")
               $(compgen -d -- "$cur"))
    # import and check also read Word documents and text
    if [ "$cmd" = import ] || [ "$cmd" = check ]; then
        COMPREPLY+=($(compgen -f -X '!*.docx' -- "$cur") $(compgen -f -X '!*.txt' -- "$cur"))
    fi
}
complete -F _kehoach kehoach

# fish completion for kehoach — installed by `make install` into
# PREFIX/share/fish/vendor_completions.d/kehoach.fish. Like
# completion/kehoach.bash it reads commands, options, formats, templates and
# rule IDs from kehoach itself, so it never falls behind the program.

function __kehoach_commands
    kehoach --help 2>/dev/null | awk '/^commands:/ {on=1; next}
        on && /^  [a-z]/ {n=$1; $1=""; sub(/^ +/, ""); print n "\t" $0}
        on && /^$/ {on=0}'
    printf 'help\tdescribe a command\n'
end

# The subcommand on the command line so far, or nothing.
function __kehoach_cmd
    set -l words (commandline -opc)
    test (count $words) -ge 2; and echo $words[2]
end

function __kehoach_formats
    switch (__kehoach_cmd)
        case build
            set -l token (commandline -ct | string replace -r '^--format=' '')
            set -l head (string match -r '^.*,' -- $token)
            for f in (kehoach build --help 2>/dev/null | sed -n 's/.*(default: md)://p' | string split ' ')
                test -n "$f"; and echo $head$f
            end
        case check
            printf '%s\n' text json sarif
        case '*'
            printf '%s\n' text md csv
    end
end

# Long options of `kehoach CMD --help`, "name<TAB>" a line; with their
# short letters too.
function __kehoach_options
    set -l cmd (__kehoach_cmd)
    test -n "$cmd"; or return
    kehoach $cmd --help 2>/dev/null | string match -r '^ +(?:-[a-zA-Z], )?--?[a-zA-Z][-a-zA-Z]*' |
        string replace -a ',' '' | string split ' ' | string match -r '^-.+'
end

complete -c kehoach -f
complete -c kehoach -n '__fish_use_subcommand' -a '(__kehoach_commands)'
complete -c kehoach -n '__fish_use_subcommand' -l help -d 'the commands'
complete -c kehoach -n '__fish_use_subcommand' -l version -s V -d 'versions of kehoach and its libraries'
# options of the subcommand, read from its --help
complete -c kehoach -n 'not __fish_use_subcommand; and string match -q -- "-*" (commandline -ct)' -a '(__kehoach_options)'
complete -c kehoach -n 'not __fish_use_subcommand' -s f -l format -x -a '(__kehoach_formats)'
complete -c kehoach -n '__fish_seen_subcommand_from new' -s t -l template -x -a '(kehoach new --list 2>/dev/null | string replace -r "^(\S+)\s+(.*)" "\$1\t\$2")'
complete -c kehoach -n '__fish_seen_subcommand_from check' -l off -x -a '(kehoach rules 2>/dev/null | string replace -r "^(\S+).*" "\$1")'
complete -c kehoach -n 'not __fish_use_subcommand' -l lang -x -a 'vi en'
complete -c kehoach -n '__fish_seen_subcommand_from check' -l color -x -a 'auto always never'
complete -c kehoach -n '__fish_seen_subcommand_from build' -s o -l output -x -a '(__fish_complete_directories)'
complete -c kehoach -n '__fish_seen_subcommand_from new' -s o -l output -r -F
complete -c kehoach -n 'not __fish_use_subcommand' -l font-dir -l plans-dir -x -a '(__fish_complete_directories)'
complete -c kehoach -n 'not __fish_use_subcommand' -l depfile -l schema -r -F
# plan files and directories
complete -c kehoach -n 'not __fish_use_subcommand; and not string match -q -- "-*" (commandline -ct)' -a '(__fish_complete_suffix .yaml; __fish_complete_suffix .yml; __fish_complete_directories)'

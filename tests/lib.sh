# lib.sh — helpers for the shell tests in tests/cli/*.sh, sourced by each.
# $KEHOACH is the binary under test (the sanitized build in `make check`).
# Each assertion prints a TAP line that tests/run.sh counts.
: "${KEHOACH:?set KEHOACH to the kehoach binary}"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
_n=0
_failed=0
ok()   { _n=$((_n + 1)); echo "ok $_n - $1"; }
# skip REASON: a visible skip (TAP "# skip"), counted as passed
skip() { _n=$((_n + 1)); echo "ok $_n # skip $1"; }
fail() { _n=$((_n + 1)); _failed=$((_failed + 1)); echo "not ok $_n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
# check NAME COMMAND...: passes when the command succeeds
check() { name=$1; shift; if "$@" >"$TMP/out" 2>&1; then ok "$name"; else fail "$name" "command: $*" "$(head -c 2000 "$TMP/out")"; fi; }
# check_not NAME COMMAND...: passes when the command fails
check_not() { name=$1; shift; if "$@" >"$TMP/out" 2>&1; then fail "$name" "unexpected success: $*"; else ok "$name"; fi; }
# check_exit NAME CODE COMMAND...: passes when the command exits with CODE
check_exit() { name=$1; want=$2; shift 2; "$@" >"$TMP/out" 2>&1; got=$?; if [ "$got" = "$want" ]; then ok "$name"; else fail "$name" "exit $got, want $want: $*" "$(head -c 2000 "$TMP/out")"; fi; }
# check_grep NAME PATTERN FILE: passes when FILE matches the extended regexp
check_grep() { if grep -Eq -- "$2" "$3"; then ok "$1"; else fail "$1" "no match for /$2/ in $3" "$(head -c 1500 "$3")"; fi; }
check_no_grep() { if grep -Eq -- "$2" "$3"; then fail "$1" "unexpected match for /$2/ in $3" "$(grep -E -- "$2" "$3" | head -5)"; else ok "$1"; fi; }
# tall_table_plan FILE WORDS: a plan whose table's row 2 holds WORDS words,
# between two short rows (a row taller than a page, for the renderers).
tall_table_plan() {
    {
        printf 'issuer: Huyện ủy Bạch Thông\ntitle: T\nsections:\n  - title: NỘI DUNG\n    table:\n      columns: [TT, Nội dung]\n      rows:\n'
        printf '        - [1, ngắn]\n        - [2, "'
        i=0; while [ $i -lt "$2" ]; do printf 'từ '; i=$((i + 1)); done
        printf '"]\n        - [3, ngắn]\n'
        printf 'recipients: [Lưu Văn phòng Huyện ủy.]\nsignature: {prefix: T/M, body: BAN THƯỜNG VỤ, title: BÍ THƯ, name: A}\n'
    } >"$1"
}
done_testing() { echo "1..$_n"; [ "$_failed" -eq 0 ]; }

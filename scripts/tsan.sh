#!/bin/sh
# tsan.sh KEHOACH — `make tsan`: every plan of plans/ copied three times,
# built by 4 worker threads in every format under ThreadSanitizer
# (KEHOACH is the -fsanitize=thread build); then each plan alone in each
# format, where the check runs on a thread beside the rendering and the
# module is opened on another (cmd_build.c run_single, modules.c
# cli_module_prefetch). Any data race report fails.
set -u
K=$1
cd "$(dirname "$0")/.." || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/in"
n=0
for i in 1 2 3; do
    for y in plans/*.yaml plans/*/*.yaml; do
        [ -f "$y" ] || continue
        cp "$y" "$T/in/$i-$(basename "$y")"
        n=$((n + 1))
    done
done
formats=$("$K" build --help | sed -n 's/.*comma-separated formats (default: md)://p' |
          tr -s ' ' ',' | sed 's/^,//; s/,$//')
TSAN_OPTIONS="halt_on_error=1:exitcode=66:suppressions=$PWD/scripts/tsan.supp" "$K" build -q --force -j 4 -f "$formats" \
    -o "$T/out" "$T/in" >"$T/log" 2>&1
rc=$?
races=$(grep -c 'WARNING: ThreadSanitizer' "$T/log")
outs=$(ls "$T/out" | wc -l)
echo "tsan: $n plans, -j 4, formats $formats: exit $rc, $outs outputs, $races race reports"
if [ "$rc" -ne 0 ] || [ "$races" -ne 0 ]; then
    head -60 "$T/log"
    exit 1
fi
single=0
for y in plans/*.yaml plans/*/*.yaml; do
    [ -f "$y" ] || continue
    for f in $(echo "$formats" | tr ',' ' '); do
        TSAN_OPTIONS="halt_on_error=1:exitcode=66:suppressions=$PWD/scripts/tsan.supp" "$K" build -q --force -f "$f" \
            -o "$T/one" "$y" >"$T/log1" 2>&1
        rc=$?
        single=$((single + 1))
        if [ "$rc" -eq 66 ] || grep -q 'WARNING: ThreadSanitizer' "$T/log1"; then
            echo "tsan: $y -f $f alone: a race report"
            head -60 "$T/log1"
            exit 1
        fi
    done
done
echo "tsan: $single single-plan builds (check beside the rendering): no race report"

#!/bin/sh
# import.sh KEHOACH — median wall time of `kehoach import` on each seed, as
# text and as DOCX (LibreOffice's, tests/fixtures/import), against a peer
# that only extracts the text of the same DOCX: pandoc -f docx -t plain.
# 21 runs each, the plan written to stdout (-o adds an fsync), the median
# printed with the ratio. Goal: < 20 ms per seed.
set -u
KEHOACH=${1:-build/kehoach}
cd "$(dirname "$0")/.." || exit 2
RUNS=${RUNS:-21}
# median_ms CMD...: the median wall time of CMD in milliseconds
median_ms() {
    i=0
    : >"$T/times"
    while [ $i -lt "$RUNS" ]; do
        a=$(date +%s%N)
        "$@" >/dev/null 2>&1
        b=$(date +%s%N)
        echo $(((b - a) / 1000)) >>"$T/times"
        i=$((i + 1))
    done
    sort -n "$T/times" | awk -v n="$RUNS" 'NR == int((n + 1) / 2) { printf "%.1f", $1 / 1000 }'
}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
printf '%-26s %12s %14s %8s\n' input "kehoach ms" "pandoc ms" ratio
for n in 001 002 004; do
    txt=$(ls tests/fixtures/seeds/${n}_*.txt)
    docx=tests/fixtures/import/seed-$n-lo.docx
    k=$(median_ms "$KEHOACH" import "$txt")
    printf '%-26s %12s %14s %8s\n' "seed $n text" "$k" - -
    k=$(median_ms "$KEHOACH" import "$docx")
    if command -v pandoc >/dev/null; then
        p=$(median_ms pandoc -f docx -t plain "$docx")
        r=$(awk -v a="$k" -v b="$p" 'BEGIN { printf "%.1fx", b / a }')
    else
        p=- r=-
    fi
    printf '%-26s %12s %14s %8s\n' "seed $n docx" "$k" "$p" "$r"
done

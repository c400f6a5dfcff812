#!/bin/sh
# docx.sh [KEHOACH] — median wall time of `build -f docx` against `build -f md`
# (the peer: the same plan, load and check, the lightest renderer) on each
# plan of plans/, 21 runs each, and the ratio (issue 12's goal: docx < 1.5x
# md; -f pdf beside them). Prints figures only; nothing is asserted.
set -eu
K=${1:-build/kehoach}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
run() { # run FORMAT PLAN: 21 timings in microseconds
    i=0
    while [ $i -lt 21 ]; do
        a=$(date +%s%N)
        "$K" build -f "$1" -o "$T/" "$2" >/dev/null 2>&1
        b=$(date +%s%N)
        echo $(((b - a) / 1000))
        i=$((i + 1))
    done
}
printf '%-40s %9s %9s %10s %10s\n' plan "md (ms)" "pdf (ms)" "docx (ms)" "docx/md"
for p in plans/*.yaml plans/*/*.yaml; do
    md=$(run md "$p" | median)
    pdf=$(run pdf "$p" | median)
    dx=$(run docx "$p" | median)
    awk -v n="$(basename "$p" .yaml)" -v m="$md" -v p="$pdf" -v d="$dx" \
        'BEGIN { printf "%-40s %9.1f %9.1f %10.1f %10.2f\n", n, m / 1000, p / 1000, d / 1000, d / m }'
done

#!/bin/sh
# build_batch.sh KEHOACH — wall time of `kehoach build -f pdf,md` on a batch
# of plans (the seeds, copied COPIES times) with -j 1 and -j N (N = CPUs),
# the median of RUNS runs each, and the speed-up. Also the cost of the
# batch machinery itself: one plan built alone vs. in the batch (per plan).
set -u
KEHOACH=${1:-build/kehoach}
RUNS=${RUNS:-5}
COPIES=${COPIES:-8}
cd "$(dirname "$0")/.." || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/plans"
for i in $(seq 1 "$COPIES"); do
    for f in plans/*.yaml; do cp "$f" "$T/plans/$i-$(basename "$f")"; done
done
cp -r plans/parents "$T/plans/" 2>/dev/null
n=$(ls "$T"/plans/*.yaml | wc -l)
cpus=$(nproc 2>/dev/null || echo 1)
export SOURCE_DATE_EPOCH=1700000000
now() { date +%s%N; }
median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
run() { # run JOBS: milliseconds per run, one a line
    for r in $(seq 1 "$RUNS"); do
        rm -rf "$T/out"
        t0=$(now)
        "$KEHOACH" build -q -f pdf,md -j "$1" -o "$T/out" "$T/plans" 2>/dev/null
        t1=$(now)
        echo $(((t1 - t0) / 1000000))
    done
}
m1=$(run 1 | median)
mn=$(run "$cpus" | median)
printf 'kehoach build -f pdf,md, %d plans, median of %d runs\n' "$n" "$RUNS"
printf '  -j 1   %6s ms  (%s ms per plan)\n' "$m1" "$(awk -v a="$m1" -v n="$n" 'BEGIN {printf "%.1f", a / n}')"
printf '  -j %-3s %6s ms  speed-up %sx on %s CPUs\n' "$cpus" "$mn" \
    "$(awk -v a="$m1" -v b="$mn" 'BEGIN {printf "%.2f", b ? a / b : 0}')" "$cpus"
# On a shared machine wall time says little: show the CPU time and the load.
if [ -x /usr/bin/time ]; then
    rm -rf "$T/out"
    /usr/bin/time -f '  CPU of one -j 1 run: user %U s, sys %S s, wall %e s' \
        "$KEHOACH" build -q -f pdf,md -j 1 -o "$T/out" "$T/plans" 2>&1 >/dev/null | tail -1
fi
printf '  load average: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"

#!/bin/sh
# check_cost.sh KEHOACH — instructions executed by `kehoach check` on seed
# 002 and on the ten-times-longer plan (bench/long_plan.sh), counted by
# valgrind's callgrind: exact and repeatable, unlike wall time on a busy
# machine. Prints the whole program, kh_check (every rule) and the loader
# (kh_load_file of the plan itself; the implemented plan is loaded too,
# inside kh_check_chained), and how each grows with the plan.
# Targets (seed 002): kh_check < 10M, loader < 4M; growth linear in size.
set -u
KEHOACH=${1:-build/kehoach}
cd "$(dirname "$0")/.." || exit 2
command -v valgrind >/dev/null 2>&1 || { echo "check_cost: valgrind missing; skipped" >&2; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/plans"
cp -r plans/parents "$T/plans/" 2>/dev/null
cp plans/002-hai-ba-trung-quan-uy.yaml "$T/plans/002.yaml"
sh bench/long_plan.sh "$T/plans/002.yaml" "$T/plans/002-x10.yaml"

# cost FILE: "total check load" in instructions
cost() {
  valgrind --tool=callgrind --callgrind-out-file="$T/cg" "$KEHOACH" check "$1" >/dev/null 2>&1
  callgrind_annotate --tree=caller --inclusive=yes --threshold=100 "$T/cg" 2>/dev/null | awk '
    { gsub(/,/, "", $1) }
    /PROGRAM TOTALS/ { total = $1 }
    /^$/ { caller = "" }
    /< .*cmd_check/ { caller = $1 }
    /\* +[^ ]*src\/rules\/catalogue\.c:kh_check( |$)/ { check = $1 }
    /\* +[^ ]*src\/load\/load\.c:kh_load_file( |$)/ && caller != "" { load = caller }
    END { print total + 0, check + 0, load + 0 }'
}
m() { awk -v v="$1" 'BEGIN { printf "%.2fM", v / 1e6 }'; }

printf '%-10s %9s %10s %10s %10s\n' case bytes total kh_check loader
for n in 002 002-x10; do
  f=$T/plans/$n.yaml
  set -- $(cost "$f")
  printf '%-10s %9s %10s %10s %10s\n' "$n" "$(wc -c <"$f" | tr -d ' ')" "$(m "$1")" "$(m "$2")" "$(m "$3")"
  eval "b_$(echo $n | tr - _)=$(wc -c <"$f" | tr -d ' ') c_$(echo $n | tr - _)=$2 l_$(echo $n | tr - _)=$3"
done
awk -v b1="$b_002" -v b2="$b_002_x10" -v c1="$c_002" -v c2="$c_002_x10" -v l1="$l_002" -v l2="$l_002_x10" 'BEGIN {
  printf "x10 plan / seed 002: %.1fx the bytes, kh_check %.1fx, loader %.1fx (linear: the same)\n", b2 / b1, c2 / c1, l2 / l1
  printf "per byte: kh_check %.0f / %.0f instructions, loader %.0f / %.0f\n", c1 / b1, c2 / b2, l1 / b1, l2 / b2 }'

#!/bin/sh
# long_plan.sh SRC OUT — a plan ten times longer than SRC: its sections
# repeated ten times (unit ids and event owners made unique), the rest of
# the plan once. Used by the benches to see that costs grow linearly.
set -eu
src=$1
long=$2
awk '/^sections:/ {print; exit} {print}' "$src" >"$long"
k=1
while [ $k -le 10 ]; do
  awk '/^sections:/ {f=1; next} /^[a-z_]+:/ {f=0} f' "$src" |
    sed "s/^\( *\)id: \(.*\)/\1id: \2-$k/; s/^\( *\)who: \(.*\)/\1who: \2-$k/" >>"$long"
  k=$((k + 1))
done
awk 'BEGIN{p=0} /^sections:/ {s=1; next} s && /^[a-z_]+:/ {p=1} p' "$src" >>"$long"

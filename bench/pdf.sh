#!/bin/sh
# pdf.sh KEHOACH — time, peak memory and size of `kehoach build -f pdf` on
# the seed plans and on a ten-times-longer plan, beside the peers run in the
# same go on the same text: pandoc with weasyprint (Markdown → PDF), and
# wkhtmltopdf run directly on the equivalent HTML. Prints medians.
# Targets (seed 002): >= 15x faster than wkhtmltopdf, < 60 KB, < 16 MiB;
# the 10x plan under 60 ms.
set -u
KEHOACH=${1:-build/kehoach}
DRIVER=${2:-build/bench/render_pdf}   # kh_render_pdf alone (bench/render_pdf.c)
RUNS=${RUNS:-20}
PEER_RUNS=${PEER_RUNS:-5}
cd "$(dirname "$0")/.." || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

. bench/lib.sh
install_peers pandoc:pandoc weasyprint:weasyprint wkhtmltopdf:wkhtmltopdf /usr/bin/time:time \
  hyperfine:hyperfine jq:jq
export QT_QPA_PLATFORM=offscreen

# Median wall time in ms of a command (hyperfine, else a date loop).
median_ms() {
  runs=$1; shift
  if need hyperfine; then
    hyperfine -N --style none --warmup 2 --runs "$runs" --export-json "$T/h.json" "$*" >/dev/null 2>&1 &&
      jq -r '.results[0].median * 1000 | . * 100 | round / 100' "$T/h.json" && return
  fi
  i=0; : >"$T/times"
  while [ $i -lt "$runs" ]; do
    a=$(date +%s%N); sh -c "$*" >/dev/null 2>&1; b=$(date +%s%N)
    echo $(( (b - a) / 1000 )) >>"$T/times"; i=$((i + 1))
  done
  sort -n "$T/times" | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.2f\n", m/1000}'
}
# Peak resident memory in KiB.
peak_kib() { /usr/bin/time -v sh -c "$*" 2>&1 >/dev/null | awk -F: '/Maximum resident/ {gsub(/ /,"",$2); print $2}'; }
size_of() { wc -c <"$1" | tr -d ' '; }

# The ten-times-longer plan (bench/long_plan.sh): seed 002 with its sections
# repeated ten times; rendered with --force, its rules do not matter here.
long=$T/002-x10.yaml
sh bench/long_plan.sh plans/002-hai-ba-trung-quan-uy.yaml "$long"

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs (wall times suffer on a busy machine; CPU times less)"
printf '%-34s %10s %10s %10s %6s\n' "case" "median ms" "peak KiB" "bytes" "pages"
row() { printf '%-34s %10s %10s %10s %6s\n' "$1" "$2" "$3" "$4" "$5"; }
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

for y in plans/*.yaml "$long"; do
  n=$(basename "$y" .yaml)
  cmd="$KEHOACH build -q -f pdf --force -o $T/k $y"
  sh -c "$cmd" >/dev/null 2>&1 || { echo "bench: kehoach failed on $y" >&2; continue; }
  ms=$(median_ms "$RUNS" "$cmd")
  row "kehoach build $n" "$ms" "$(peak_kib "$cmd")" "$(size_of "$T/k/$n.pdf")" "$(pages "$T/k/$n.pdf")"
  eval "ms_$(echo "$n" | tr -c 'a-z0-9\n' '_')=$ms"
  if [ -x "$DRIVER" ]; then
    set -- $("$DRIVER" "$y" "$RUNS" 2>/dev/null)
    row "  render only: wall / CPU" "$1 / $2" "$(peak_kib "$DRIVER $y 1")" "$3" ""
    eval "cpu_$(echo "$n" | tr -c 'a-z0-9\n' '_')=$2"
    eval "rw_$(echo "$n" | tr -c 'a-z0-9\n' '_')=$1"
  fi
done

# Peers on seed 002: the same text, from kehoach's own Markdown.
y=plans/002-hai-ba-trung-quan-uy.yaml
"$KEHOACH" build -q -f md --force -o "$T/m" "$y" >/dev/null 2>&1
md=$T/m/002-hai-ba-trung-quan-uy.md
wk=""
if need pandoc && need weasyprint; then
  cmd="pandoc -f markdown -t pdf --pdf-engine=weasyprint -o $T/p.pdf $md"
  if sh -c "$cmd" >/dev/null 2>&1; then
    ms=$(median_ms "$PEER_RUNS" "$cmd")
    row "pandoc+weasyprint 002" "$ms" "$(peak_kib "$cmd")" "$(size_of "$T/p.pdf")" "$(pages "$T/p.pdf")"
  fi
fi
if need wkhtmltopdf && need pandoc; then
  pandoc -s -f markdown -t html --metadata title=KH -o "$T/p.html" "$md" 2>/dev/null
  cmd="wkhtmltopdf -q --javascript-delay 0 $T/p.html $T/w.pdf"
  if sh -c "$cmd" >/dev/null 2>&1; then
    wk=$(median_ms "$PEER_RUNS" "$cmd")
    row "wkhtmltopdf 002 (HTML)" "$wk" "$(peak_kib "$cmd")" "$(size_of "$T/w.pdf")" "$(pages "$T/w.pdf")"
  fi
fi
k2=${ms_002_hai_ba_trung_quan_uy:-}
r2=${rw_002_hai_ba_trung_quan_uy:-}
if [ -n "$wk" ] && [ -n "$k2" ]; then
  awk -v w="$wk" -v k="$k2" -v r="$r2" 'BEGIN {
    printf "speed-up over wkhtmltopdf on 002: %.1fx for kehoach build (load, check, render, write)", w / k
    if (r != "") printf ", %.1fx for the render alone", w / r
    printf "; target >= 15x\n" }'
fi
[ -n "${ms_002_x10:-}" ] && echo "10x plan: kehoach build ${ms_002_x10} ms wall; render alone ${rw_002_x10:-?} ms wall, ${cpu_002_x10:-?} ms CPU (target < 60 ms)"
exit 0

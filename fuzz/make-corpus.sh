#!/bin/sh
# make-corpus.sh — build the seed corpora of the fuzz targets from the plan
# files of the repository (plans/, tests/, the example in docs/), one
# directory per target: fuzz/corpus-<target>/ (git-ignored). Markdown seeds
# are the literal blocks (`|`) of those plans plus the docs' own Markdown.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
yamls=$(find plans tests fuzz/seeds -name '*.yaml' -size -64k 2>/dev/null | LC_ALL=C sort)
for t in load check render markdown; do
    mkdir -p "fuzz/corpus-$t"
done
n=0
for y in $yamls; do
    name=$(printf '%s' "$y" | tr '/' '_')
    for t in load check render; do
        cp "$y" "fuzz/corpus-$t/seed-$name"
    done
    # Markdown: each literal block of the plan, de-indented.
    awk -v out="fuzz/corpus-markdown/seed-$name" '
        function flush() { if (buf != "") { k++; print buf > (out "-" k); close(out "-" k) } buf = "" }
        inblk && /^[ \t]*$/ { buf = buf "\n"; next }
        inblk { match($0, /^ */); if (RLENGTH >= ind) { buf = buf substr($0, ind + 1) "\n"; next } flush(); inblk = 0 }
        /: *\|[-+]? *$/ || /^ *- *\|[-+]? *$/ { match($0, /^ */); ind = RLENGTH + 2; inblk = 1; buf = ""; next }
        END { flush() }' "$y"
    n=$((n + 1))
done
# The example plan of docs/plan-format.md.
ex=fuzz/corpus-load/seed-docs-example.yaml
awk '/^```yaml/{f=1; next} /^```/{f=0} f' docs/plan-format.md > "$ex"
for t in check render; do cp "$ex" "fuzz/corpus-$t/"; done
for m in docs/*.md README.md; do
    [ -f "$m" ] && head -c 60000 "$m" > "fuzz/corpus-markdown/seed-$(printf '%s' "$m" | tr '/' '_')"
done
echo "fuzz corpora: $n plan files; $(ls fuzz/corpus-load | wc -l) load, $(ls fuzz/corpus-markdown | wc -l) markdown seeds"
# Import: the DOCX fixtures (small ones) and the seeds' text.
mkdir -p fuzz/corpus-import_docx fuzz/corpus-import_text
for f in tests/fixtures/import/*.docx tests/hostile/docx/*.docx; do
    [ "$(wc -c <"$f")" -lt 65536 ] && cp "$f" "fuzz/corpus-import_docx/seed-$(basename "$f")"
done
# kehoach's own DOCX of the example plans (tables, deadline tables, Phụ lục,
# the end-block table), when the command is built.
if [ -x build/kehoach ]; then
    for y in plans/state/*.yaml; do
        build/kehoach build -f docx -o "fuzz/corpus-import_docx" "$y" >/dev/null 2>&1 || true
    done
fi
# kehoach's own data part of those DOCX, for fuzz_docx_meta.
mkdir -p fuzz/corpus-docx_meta
for f in fuzz/corpus-import_docx/*.docx; do
    [ -f "$f" ] && unzip -p "$f" customXml/item1.xml >"fuzz/corpus-docx_meta/seed-$(basename "$f" .docx).xml" 2>/dev/null || true
done
for f in tests/fixtures/seeds/*.txt tests/hostile/docx/*.txt; do
    cp "$f" "fuzz/corpus-import_text/seed-$(basename "$f")"
done

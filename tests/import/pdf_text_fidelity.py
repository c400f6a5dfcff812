#!/usr/bin/python3
"""pdf_text_fidelity.py TEXT.txt OUTPUT.md — fidelity.py for text taken out
of kehoach's own PDF by pdftotext: the page numbers (a form feed and a
number) and the header block before the type line (its two columns come
out interleaved; same_plan.py compares the header as facts) are left out,
then (the end mark ./. read as a full stop: the renderers add it) the
share of the text's sentences found in the Markdown built from the
imported plan is printed as `fidelity NN.N% (found/total)`. Exit 0."""
import re, sys, unicodedata

def norm(s):
    s = unicodedata.normalize("NFC", s).replace("./.", ".")  # the end mark: the renderer's
    s = re.sub(r"[*#\\]", "", s)
    return re.sub(r"\s+", " ", s).strip()

text = open(sys.argv[1], encoding="utf-8").read()
text = re.sub(r"\f\d{1,3}\n", "\f", text)          # page numbers
k = text.find("\nKẾ HOẠCH\n")
if k >= 0:
    text = text[k:]
out = norm(open(sys.argv[2], encoding="utf-8").read())
sentences = [x for x in (norm(p) for p in re.split(r"(?<=[.;:!?])\s+|\n\s*\n|\f", text)) if len(x) > 3]
found = [x for x in sentences if x in out]
pct = 100.0 * len(found) / max(1, len(sentences))
print(f"fidelity {pct:.1f}% ({len(found)}/{len(sentences)})")
for x in sentences[:400]:
    if x not in out:
        print("#   missing:", x[:160])

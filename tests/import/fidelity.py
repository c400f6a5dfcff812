#!/usr/bin/python3
"""fidelity.py SEED.txt OUTPUT.md — the share of the seed's sentences found,
in order-independent form, in the Markdown built from the imported plan.
Both sides NFC, without Markdown marks (* # \\ and the brace notes <…>), white
space collapsed. Prints `fidelity NN.N% (found/total)` and each missing
sentence as a TAP comment; exit 1 below 98 %."""
import re, sys, unicodedata

def norm(s):
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"[*#\\]", "", s)
    return re.sub(r"\s+", " ", s).strip()

seed = open(sys.argv[1], encoding="utf-8").read()
out = norm(open(sys.argv[2], encoding="utf-8").read())
seed = re.sub(r"<[^>]*>", " ", seed)  # brace notes of the Nơi nhận
sentences = [x for x in (norm(p) for p in re.split(r"(?<=[.;:!?])\s+|\n\s*\n", seed)) if len(x) > 3]
found = [x for x in sentences if x in out]
pct = 100.0 * len(found) / max(1, len(sentences))
print(f"# fidelity {pct:.1f}% ({len(found)}/{len(sentences)}) {sys.argv[1]}")
for x in sentences:
    if x not in out:
        print("#   missing:", x[:160])
sys.exit(0 if pct >= 98.0 else 1)

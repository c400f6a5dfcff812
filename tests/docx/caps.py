#!/usr/bin/python3
"""caps.py FILE.docx PLAN.json [LO.txt] — the names kehoach shows in
capitals (superior, issuer, the Roman headings, the annex titles) are
stored in the case the plan writes them, each run with Word's <w:caps/>
(python-docx: font.all_caps), so a reader of the file gets the words back;
and, given the text of LibreOffice's PDF of the file, the printed page
shows them in capitals. Prints 'ok …' / 'bad …' per fact; exit 1 on any
bad."""
import json
import sys

import docx

d = docx.Document(sys.argv[1])
plan = json.load(open(sys.argv[2], encoding="utf-8"))


def words(s):
    """Its words one space apart; a spaced dash left out (pdftotext drops
    the one of a justified or wrapped line: "LAO ĐỘNG THƯƠNG BINH")."""
    return " ".join(w for w in s.split() if w not in ("-", "–"))


lo = words(open(sys.argv[3], encoding="utf-8").read()) if len(sys.argv) > 3 else None
bad = 0


def fact(ok, what):
    global bad
    print(("ok " if ok else "bad ") + what)
    bad += not ok


def v(x):
    return (x or {}).get("value") if isinstance(x, dict) else x


def caps(p, label=""):
    runs = [r for r in p.runs if r.text.strip() and r.text.strip() != label.strip()]
    return bool(runs) and all(r.font.all_caps for r in runs)


def shown(name, paras, text):
    """paras hold the name (its lines as the plan breaks them), in capitals
    by w:caps; LibreOffice's page shows its capitals."""
    got = " ".join(p.text for p in paras)
    fact(" ".join(got.split()) == " ".join(text.split()),
         "%s stored as the plan writes it: %r (got %r)" % (name, text, got))
    fact(all(caps(p) for p in paras), "%s: every run <w:caps/>" % name)
    if lo is not None:
        fact(words(text.upper()) in lo,
             "%s printed in capitals by LibreOffice: %r" % (name, text.upper()))


left = d.tables[0].rows[0].cells[0].paragraphs
lines = plan.get("header_lines") or {}
for key, style in (("superior", "KH Superior"), ("issuer", "KH Issuer")):
    if v(plan.get(key)):
        ps = [p for p in left if p.style.name == style and p.text.strip()]
        shown(key, ps, "\n".join(lines[key]) if lines.get(key) else v(plan[key]))
heads = [p for p in d.paragraphs if p.style.name == "Heading 1"]
for s, p in zip(plan.get("sections") or [], heads):
    t = v(s.get("title"))
    if t and "*" not in t:
        label = p.text.split(" ", 1)[0] + " "
        fact(p.text == label + " ".join(t.split()),
             "Roman heading stored as written: %r (got %r)" % (t, p.text))
        fact(caps(p, label), "Roman heading %r: every run after its label <w:caps/>" % t)
        if lo is not None:
            fact(words(t.upper()) in lo, "%r printed in capitals" % t.upper())
annex_titles = [p for p in d.paragraphs if p.style.name == "KH Annex Title"]
for a, p in zip(plan.get("annexes") or [], annex_titles):
    shown("annex title", [p], v(a.get("title")))
sys.exit(1 if bad else 0)

#!/usr/bin/python3
"""same_plan.py A.json B.json — the facts of two plans (kehoach's JSON) side
by side: header, title, the section tree (labels and titles), units and
their task deadlines, recipients, signature. Prints each fact that differs
and 'facts: N/M same'; exit 1 unless all are the same. Used by the
DOCX roundtrip (tests/cli/import_roundtrip.sh)."""
import json
import sys


def v(x):
    if isinstance(x, dict):
        return " ".join(str(x.get("value", "")).split())
    return " ".join(str(x or "").split())


def facts(path):
    p = json.load(open(path, encoding="utf-8"))
    out = []
    for k in ("profile", "superior", "issuer", "number", "place", "date", "type", "title"):
        out.append((k, v(p.get(k))))
    stack = [(s, "sections[%d]" % i) for i, s in reversed(list(enumerate(p.get("sections") or [])))]
    while stack:  # an explicit stack: no recursion on the input's depth
        s, where = stack.pop()
        out.append((where + ".title", v(s.get("title"))))
        for j, u in enumerate(s.get("units") or []):
            out.append(("%s.units[%d].name" % (where, j), v(u.get("name"))))
            for t, task in enumerate(u.get("tasks") or []):
                # the day it is due and how often: `trong quý III/2026` is
                # the same deadline written 2026-07 or 2026-09
                out.append(("%s.units[%d].tasks[%d].deadline" % (where, j, t),
                            (task.get("due_date") or v(task.get("deadline")), task.get("every"))))
        for i, c in reversed(list(enumerate(s.get("sections") or []))):
            stack.append((c, "%s.sections[%d]" % (where, i)))
    for i, r in enumerate(p.get("recipients") or []):
        out.append(("recipients[%d]" % i, v(r.get("text") if isinstance(r, dict) else r)))
    sig = p.get("signature") or {}
    for k in ("prefix", "body", "title", "name"):
        out.append(("signature." + k, v(sig.get(k))))
    return out


a, b = facts(sys.argv[1]), dict(facts(sys.argv[2]))
same = 0
for k, x in a:
    if b.get(k) == x:
        same += 1
    else:
        print("differs: %s: %r / %r" % (k, x, b.get(k)))
print("facts: %d/%d same" % (same, len(a)))
sys.exit(0 if same == len(a) else 1)

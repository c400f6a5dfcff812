#!/usr/bin/python3
"""same_plan.py A.json B.json — the facts of two plans (kehoach's JSON) side
by side: header, title, the section tree (labels and titles), tables and
deadline tables, units and their task deadlines, recipients, signature,
annexes. Prints each fact that differs
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
    # the annexes after the sections (the stack pops from its end)
    stack = [(s, "annexes[%d]" % i) for i, s in reversed(list(enumerate(p.get("annexes") or [])))] + stack
    while stack:  # an explicit stack: no recursion on the input's depth
        s, where = stack.pop()
        out.append((where + ".title", v(s.get("title"))))
        t = s.get("table")
        if t:
            out.append((where + ".table.columns", tuple(v(c) for c in t.get("columns") or [])))
            for r, row in enumerate(t.get("rows") or []):
                out.append(("%s.table.rows[%d]" % (where, r), tuple(v(c) for c in row)))
        tt = s.get("timetable")
        if tt:
            out.append((where + ".timetable.event", (v(tt.get("event")), v(tt.get("date")))))
            for r, row in enumerate(tt.get("rows") or []):
                # what the row says: its task, unit, the day it is due, the
                # count from the event and whether the day off is meant
                out.append(("%s.timetable.rows[%d]" % (where, r),
                            (v(row.get("task")), v(row.get("unit")), row.get("date"),
                             row.get("offset_days"), row.get("day_off"), v(row.get("remark")))))
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
    head = sig.get("head") or {}
    out.append(("signature.head", (v(head.get("prefix")), v(head.get("title")))))
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

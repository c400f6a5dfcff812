#!/usr/bin/python3
"""same_plan.py A.json B.json — the facts of two plans (kehoach's JSON) side
by side: header, title, the section tree (labels and titles), tables and
deadline tables, units and their task deadlines, recipients, signature,
annexes. Prints each fact that differs
and 'facts: N/M same'; exit 1 unless all are the same. With --model
EXPECTED PLAN, also every value of the whole JSON model apart from how
the YAML wrote it (see model()), each difference either listed in
EXPECTED (tests/import/roundtrip-expected.txt, with its reason) or an
'unexpected:' line and exit 1; 'model: N/M same …'. Used by the DOCX
roundtrip (tests/cli/import_roundtrip.sh)."""
import json
import re
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


# ---- the whole model -------------------------------------------------------
# Every value of kehoach's JSON model, as a flat list of (path, value), apart
# from what only says where or how the YAML wrote it: source positions
# (line, column, position), the file's path, a scalar's YAML style and a
# date's raw spelling; strings compared with their white space collapsed
# (a tight or a loose Markdown list is the same text); a unit's `layout:
# auto` resolved as compose.c kh_compose_unit_inline does.
HOW_WRITTEN = {"line", "column", "body_line", "body_column", "position", "style", "raw"}


def paragraphs(s):
    return len([p for p in (s or "").split("\n\n") if p.strip()])


def unit_layout(u):
    lay = u.get("layout")
    if lay != "auto":
        return lay
    body = v(u.get("body"))
    if body:
        return "inline" if not u.get("tasks") and paragraphs(u["body"].get("value")) == 1 else "block"
    return "inline" if len(u.get("tasks") or []) == 1 else "block"


def model(path):
    out = []
    stack = [("", json.load(open(path, encoding="utf-8")))]
    while stack:  # an explicit stack, as above
        where, x = stack.pop()
        if isinstance(x, dict):
            if "value" in x and set(x) <= HOW_WRITTEN | {"value"}:
                out.append((where, v(x)))
                continue
            if "layout" in x and "tasks" in x:
                x = dict(x, layout=unit_layout(x))
            for k in reversed(list(x)):
                if k not in HOW_WRITTEN and not (where == "" and k == "file"):
                    stack.append(("%s.%s" % (where, k) if where else k, x[k]))
        elif isinstance(x, list):
            out.append((where + "#", len(x)))
            for i in reversed(range(len(x))):
                stack.append(("%s[%d]" % (where, i), x[i]))
        else:
            out.append((where, " ".join(x.split()) if isinstance(x, str) else x))
    return out


def expected_list(path, plan):
    """The differences of the roundtrip known and reviewed: `PLAN REGEX`
    lines (PLAN `*` for every plan), each under a `# reason` comment."""
    rules = []
    for ln in open(path, encoding="utf-8"):
        ln = ln.strip()
        if ln and not ln.startswith("#"):
            who, rx = ln.split(None, 1)
            if who in ("*", plan):
                rules.append([who, re.compile(rx), 0])
    return rules


a, b = facts(sys.argv[1]), dict(facts(sys.argv[2]))
same = 0
for k, x in a:
    if b.get(k) == x:
        same += 1
    else:
        print("differs: %s: %r / %r" % (k, x, b.get(k)))
print("facts: %d/%d same" % (same, len(a)))
status = 0 if same == len(a) else 1
if "--model" in sys.argv:
    # --model EXPECTED PLAN: every difference of the whole model must be in
    # the expected list, and every entry of the plan's own must still match
    i = sys.argv.index("--model")
    rules = expected_list(sys.argv[i + 1], sys.argv[i + 2])
    ma, mb = model(sys.argv[1]), model(sys.argv[2])
    da, db = dict(ma), dict(mb)
    keys = [k for k, _ in ma] + [k for k, _ in mb if k not in da]
    msame = unexpected = 0
    for k in keys:
        if da.get(k, "(none)") == db.get(k, "(none)"):
            msame += 1
            continue
        hit = [r for r in rules if r[1].search(k)]
        for r in hit:
            r[2] += 1
        print("%s: %s: %r / %r" % ("expected" if hit else "unexpected", k,
                                   str(da.get(k, "(none)"))[:120], str(db.get(k, "(none)"))[:120]))
        unexpected += not hit
    stale = [r for r in rules if r[0] != "*" and not r[2]]
    for r in stale:
        print("stale: %s %s (matches no difference: remove it)" % (r[0], r[1].pattern))
    print("model: %d/%d same, %d expected, %d unexpected, %d stale" %
          (msame, len(keys), len(keys) - msame - unexpected, unexpected, len(stale)))
    status |= 1 if unexpected or stale else 0
sys.exit(status)

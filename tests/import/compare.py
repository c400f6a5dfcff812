#!/usr/bin/python3
"""compare.py A.json B.json [--model] — the facts of two plans (kehoach
build -f json) that an import must give back: number, date, place,
signature, section tree (titles), units (names, deadlines: the day due and
the recurrence), Nơi nhận lines.
Prints each difference; exit 1 when any. --model also compares the body
texts (the roundtrip test)."""
import json, re, sys

def v(x):
    return x.get("value") if isinstance(x, dict) else x

def norm(s):
    s = re.sub(r"[*\\]", "", s or "")
    return re.sub(r"\s+", " ", s).strip().replace("Số: ", "").replace("Số ", "")

def facts(path, model):
    d = json.load(open(path))
    f = {"number": norm(v(d["number"])), "date": v(d["date"]) if not isinstance(d["date"], dict)
         else (d["date"].get("iso") or d["date"].get("value"))}
    sig = d.get("signature") or {}
    f["signature"] = [norm(v(sig.get(k))) for k in ("prefix", "body", "title", "name")]
    secs, units = [], []
    stack = [(0, s) for s in reversed(d["sections"])]
    while stack:
        depth, s = stack.pop()
        secs.append((depth, norm(v(s["title"]))))
        if model:
            secs.append(("body", norm(v(s.get("body")))))
        for u in s.get("units") or []:
            units.append((norm(v(u["name"])),
                          tuple(sorted(str((t.get("due_date") or v(t.get("deadline")), t.get("every")))
                                 for t in u.get("tasks") or [] if v(t.get("deadline"))))))
        stack.extend((depth + 1, c) for c in reversed(s.get("sections") or []))
    f["sections"] = secs
    f["units"] = units
    f["recipients"] = [norm(v(r["text"])) for r in d.get("recipients") or []]
    return f

def main():
    model = "--model" in sys.argv
    a, b = [x for x in sys.argv[1:] if not x.startswith("--")]
    fa, fb = facts(a, model), facts(b, model)
    bad = 0
    for k in fa:
        if fa[k] != fb[k]:
            bad += 1
            print(f"# {k} differs:\n#   {fa[k]}\n#   {fb[k]}"[:2000])
    sys.exit(1 if bad else 0)

main()

#!/bin/sh
# timetable.sh — a deadline table (`timetable:`) feeds the checklist, the ICS
# and the JSON as its rows say: each row's day computed from the event day
# (plans/state/ubnd-xa-bau-cu-2026.yaml), read back with python3-icalendar;
# bad rows refused by the loader at their line (issue 15 point 3).
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
P=plans/state/ubnd-xa-bau-cu-2026.yaml

"$KEHOACH" checklist --format=csv "$P" >"$TMP/cl.csv" 2>&1
check_grep "checklist: 105 days before 15/3/2026 is 30/11/2025" ',2025-11-30,Sunday,[0-9]+,task,Ủy ban nhân dân xã,Thành lập Ủy ban bầu cử xã,' "$TMP/cl.csv"
check_grep "checklist: 10 days after is 25/3/2026" ',2026-03-25,Wednesday,.*Công bố kết quả bầu cử' "$TMP/cl.csv"
check_grep "checklist: the row's unit" ',2026-02-23,Monday,[0-9]+,task,Ủy ban bầu cử xã,' "$TMP/cl.csv"

check "build -f ics" "$KEHOACH" build -f ics -o "$TMP/i" "$P"
$PY - "$TMP/i/ubnd-xa-bau-cu-2026.ics" >"$TMP/ics.out" 2>&1 <<'PYEOF'
import sys, datetime, icalendar
c = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
days = sorted((e.get("DTSTART").dt, str(e.get("SUMMARY"))) for e in c.walk("VEVENT"))
want = [datetime.date(2025, 11, 30), datetime.date(2025, 12, 25), datetime.date(2026, 1, 4),
        datetime.date(2026, 2, 3), datetime.date(2026, 2, 3), datetime.date(2026, 2, 23),
        datetime.date(2026, 3, 15), datetime.date(2026, 3, 25)]
rows = [d for d, s in days if "Báo cáo" not in s and "Kết thúc" not in s]
assert rows == want, rows
PYEOF
[ $? -eq 0 ] && ok "ICS: one all-day event per row, on the computed day" || fail "ICS rows" "$(cat "$TMP/ics.out")"

"$KEHOACH" build -f json -o - "$P" >"$TMP/p.json" 2>/dev/null
$PY - "$TMP/p.json" >"$TMP/j.out" 2>&1 <<'PYEOF'
import json, sys
t = json.load(open(sys.argv[1], encoding="utf-8"))["sections"][1]["timetable"]
assert t["event"]["value"] == "ngày bầu cử" and t["date"]["value"] == "2026-03-15"
r = t["rows"]
assert r[0]["offset_days"] == -105 and r[0]["date"] == "2025-11-30" and r[0]["day_off"] is True
assert r[2]["deadline"]["value"] == "2026-01-04" and r[2]["offset_days"] == -70
assert r[7]["offset_days"] == 10 and r[7]["due"] == "by"
PYEOF
[ $? -eq 0 ] && ok "JSON: event, counts, resolved dates, day_off" || fail "JSON timetable" "$(cat "$TMP/j.out")"

"$KEHOACH" build -f md -o - "$P" >"$TMP/p.md" 2>/dev/null
check_grep "Markdown: the row's deadline in the profile's words" \
    '\| 1 \| Thành lập Ủy ban bầu cử xã \| Ủy ban nhân dân xã \| Chậm nhất ngày 30/11/2025 \(Chủ nhật\) \(105 ngày trước ngày bầu cử\) \|' "$TMP/p.md"
check_grep "Markdown: the event day itself" '\| Ngày 15/3/2026 \(Chủ nhật\) \| Ngày bầu cử \|' "$TMP/p.md"

cat >"$TMP/bad.yaml" <<'YEOF'
issuer: Ủy ban nhân dân xã A
title: T
sections:
  - title: CÁC MỐC
    timetable:
      event: ngày bầu cử
      rows:
        - task: Một
          before: 10
        - task: Hai
          before: 5
          after: 3
        - task: Ba
          before: mười
        - unit: Thiếu việc
recipients: ["Lưu: VT."]
signature: {prefix: TM., body: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: A}
YEOF
"$KEHOACH" check --lang=en "$TMP/bad.yaml" >"$TMP/bad.out" 2>&1
check_grep "a count with no event date: error at the count" 'bad.yaml:9:19: error: the row counts days from the event, but the timetable has no full .date:.' "$TMP/bad.out"
check_grep "before and after both: error" "bad.yaml:12:18: error: a row counts days 'before' or 'after' the event, not both" "$TMP/bad.out"
check_grep "a count that is no number" "bad.yaml:14:19: error: 'before' is a number of days \(0 to 3650\), not 'mười'" "$TMP/bad.out"
check_grep "a row with no task" "bad.yaml:15:11: error: missing required key 'task'" "$TMP/bad.out"
done_testing

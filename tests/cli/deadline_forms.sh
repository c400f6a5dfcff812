#!/bin/sh
# deadline_forms.sh — the deadline forms of a task (`due: before | by |
# month | quarter`) and recurring duties (`every:`), end to end on
# plans/state/ubnd-xa-cai-cach-hanh-chinh-2026.yaml, a commune's
# administrative-reform plan written as its văn phòng would: the words in
# the PDF (pdftotext), the DOCX (python3-docx) and the Markdown; the day
# each is due in the checklist (a month's or quarter's last day), its
# recurrence in the CSV and the JSON; the RRULE in the ICS, read back by
# python3-icalendar. Load errors are in tests/diag/load/due-forms.yaml.
. "$(dirname "$0")/../lib.sh"

P=plans/state/ubnd-xa-cai-cach-hanh-chinh-2026.yaml
N=ubnd-xa-cai-cach-hanh-chinh-2026
PY=/usr/bin/python3

check_exit "forms: the plan checks with no diagnostic" 0 "$KEHOACH" check "$P"
[ -s "$TMP/out" ] && fail "forms: check prints nothing" "$(cat "$TMP/out")" || ok "forms: check prints nothing"
check "forms: builds pdf, md, docx, ics, json" \
    "$KEHOACH" build -f pdf,md,docx,ics,json -o "$TMP/o" "$P"

# The words, as printed: one line per phrase in each output's text.
cat >"$TMP/phrases" <<'W'
công khai thủ tục hành chính tại Bộ phận Một cửa trong tháng 3/2026.
mức độ hài lòng của người dân trong quý III/2026.
kết quả cải cách hành chính định kỳ hằng quý, lần đầu trước ngày 20/3/2026.
định kỳ 6 tháng, lần đầu chậm nhất ngày 10/6/2026.
đất đai, đầu tư định kỳ hằng năm, lần đầu chậm nhất ngày 30/11/2026.
W
pdftotext "$TMP/o/$N.pdf" - | tr '\n' ' ' | sed 's/  */ /g' >"$TMP/pdf.txt"
$PY -c 'import docx, sys; print(" ".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))' \
    "$TMP/o/$N.docx" >"$TMP/docx.txt" 2>&1
sed 's/\*\*//g' "$TMP/o/$N.md" | tr '\n' ' ' >"$TMP/md.txt"
while IFS= read -r w; do
    for f in pdf docx md; do
        if grep -qF -- "$w" "$TMP/$f.txt"; then ok "forms: $f says '$w'"
        else fail "forms: $f says '$w'" "$(head -c 600 "$TMP/$f.txt")"; fi
    done
done <"$TMP/phrases"
check_no_grep "forms: no 'trước ngày' before a month or quarter" 'trước ngày (trong|3/2026|III)' "$TMP/pdf.txt"

# The checklist: the day each is due, and its recurrence.
check "forms: checklist csv" "$KEHOACH" checklist --format=csv "$P"
cp "$TMP/out" "$TMP/c.csv"
check_grep "forms: a month is due its last day" '^[^,]*,12/KH-UBND,2026-03-31,Tuesday,78,report,.*"Rà soát, công khai thủ tục hành chính",.*,no,,.$' "$TMP/c.csv"
check_grep "forms: a quarter is due its last day" ',2026-09-30,Wednesday,261,report,.*Khảo sát mức độ hài lòng,.*,,.$' "$TMP/c.csv"
check_grep "forms: quarterly duty at its first date" ',2026-03-20,Friday,67,report,.*,quarter.$' "$TMP/c.csv"
check_grep "forms: six-monthly duty" ',2026-06-10,Wednesday,149,report,.*,half-year.$' "$TMP/c.csv"
check_grep "forms: yearly duty" ',2026-11-30,Monday,322,report,.*,year.$' "$TMP/c.csv"
check "forms: checklist text in Vietnamese" "$KEHOACH" checklist --lang=vi "$P"
check_grep "forms: the text list says 'hằng quý'" '^20/3/2026 Thứ Sáu .* báo cáo hằng quý · ' "$TMP/out"

# JSON: the form, the day due, the recurrence.
$PY - "$TMP/o/$N.json" >"$TMP/json.txt" 2>&1 <<'PYEOF'
import json, sys
def walk(x):
    if isinstance(x, dict):
        if "due" in x and "deadline" in x:
            print(x["due"], x["due_date"], x["every"])
        for v in x.values():
            walk(v)
    elif isinstance(x, list):
        for v in x:
            walk(v)
walk(json.load(open(sys.argv[1], encoding="utf-8")))
PYEOF
for want in "month 2026-03-31 None" "quarter 2026-09-30 None" "before 2026-03-20 quarter" \
            "by 2026-06-10 half-year" "by 2026-11-30 year" "before None None"; do
    check_grep "forms: json task '$want'" "^$want\$" "$TMP/json.txt"
done

# ICS, read back by python3-icalendar: each recurring duty repeats.
cat >"$TMP/ics.py" <<'PYEOF'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for ev in cal.walk("VEVENT"):
    r = ev.get("RRULE")
    rule = ";".join("%s=%s" % (k, ",".join(str(x) for x in v)) for k, v in r.items()) if r else "-"
    print(ev.decoded("DTSTART").isoformat(), rule)
PYEOF
$PY "$TMP/ics.py" "$TMP/o/$N.ics" >"$TMP/ics.txt" 2>&1
for want in "2026-03-20 FREQ=MONTHLY;INTERVAL=3" "2026-06-10 FREQ=MONTHLY;INTERVAL=6" \
            "2026-11-30 FREQ=YEARLY" "2026-03-31 -" "2026-09-30 -"; do
    check_grep "forms: ics '$want'" "^$want\$" "$TMP/ics.txt"
done
# A quarterly duty due on a month's last day stays on the last day.
sed 's/deadline: 2026-03-20/deadline: 2026-03-31/' "$P" >"$TMP/last.yaml"
check "forms: builds the month-end variant" "$KEHOACH" build -f ics -o "$TMP/l" "$TMP/last.yaml"
$PY "$TMP/ics.py" "$TMP/l/last.ics" >"$TMP/ics2.txt" 2>&1
check_grep "forms: ics month-end keeps BYMONTHDAY=-1" '^2026-03-31 FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1$' "$TMP/ics2.txt"
done_testing

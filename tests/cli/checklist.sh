#!/bin/sh
# checklist.sh — `kehoach checklist` and the checklist at the end of the
# Markdown: derived items, date order, weekend and holiday flags, plans
# with no deadline, merging across plans, --from/--to, RFC 4180 CSV.
. "$(dirname "$0")/../lib.sh"
FX=tests/fixtures/checklist/holidays.yaml
P1=plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml
P2=plans/002-hai-ba-trung-quan-uy.yaml
P4=plans/004-bach-thong-huyen-uy.yaml

check "checklist of one plan" sh -c "\"$KEHOACH\" checklist --lang=vi $FX >$TMP/one.txt"
# Order: by date, undated duty last.
check "items in date order, undated last" sh -c "awk '{print \$1}' $TMP/one.txt | tr '\n' ' ' | grep -qx '29/01/2025 15/3/2025 07/4/2025 30/6/2025 01/9/2025 không '"
check_grep "Tết (mùng 1, lunar) flagged" '^29/01/2025 Thứ Tư \(\+27 ngày\) · sự kiện · Văn phòng: .* ⚠ ngày nghỉ lễ: Tết Nguyên đán$' $TMP/one.txt
check_grep "Saturday flagged as a weekend" '^15/3/2025 Thứ Bảy .*→ Thường trực ⚠ rơi vào cuối tuần$' $TMP/one.txt
check_grep "Giỗ Tổ (10/3 lunar) flagged" '^07/4/2025 Thứ Hai .* ⚠ ngày nghỉ lễ: Giỗ Tổ Hùng Vương$' $TMP/one.txt
check_grep "Quốc khánh's adjacent day flagged" '^01/9/2025 .* · nhiệm vụ · Các chi bộ: .* ⚠ ngày nghỉ lễ: Quốc khánh' $TMP/one.txt
check_grep "a working day carries no flag" '^30/6/2025 Thứ Hai \(\+179 ngày\) · báo cáo · Văn phòng: Báo cáo 6 tháng trước ngày 30/6/2025\. → Thường trực$' $TMP/one.txt
check_grep "the event names its unit through who: (id)" '· sự kiện · Văn phòng:' $TMP/one.txt

# A plan with no deadline, event or duty.
check "plan without deadlines" sh -c "\"$KEHOACH\" checklist --lang=en tests/fixtures/checklist/none.yaml >$TMP/none.txt"
check_grep "says there is nothing due" '^No deadlines\.$' $TMP/none.txt
check "and nothing else" sh -c "[ \$(wc -l <$TMP/none.txt) -eq 1 ]"
# 004 has no deadline either, but its schedule window and peak end.
check "schedule window" sh -c "\"$KEHOACH\" checklist --lang=en $P4 >$TMP/p4.txt"
check_grep "peak end listed with its label" '^30/9/2023 Saturday \(\+57 days\) · period ends · cao điểm tháng 8 và tháng 9 năm 2023 ⚠ falls on a weekend$' $TMP/p4.txt
check_grep "window end listed" '^31/12/2023 Sunday \(\+149 days\) · period ends · kết thúc đợt ⚠ falls on a weekend$' $TMP/p4.txt

# Merge across plans: sorted together, each item with its plan's number.
check "merged checklist" sh -c "\"$KEHOACH\" checklist --lang=en $P2 $FX $P1 $P4 >$TMP/all.txt"
check "merged: dated items sorted across plans" sh -c "grep -v '^no deadline' $TMP/all.txt | cut -d' ' -f1 | awk -F/ '{ printf \"%04d%02d%02d\\n\", \$3, \$2, \$1 }' >$TMP/d && sort -c $TMP/d"
check_grep "merged: 001's deadline with its number" '^15/11/2024 Friday \(\+220 days\) · report · 398-KH/ĐU · Các chi bộ: ' $TMP/all.txt
check_grep "merged: 002's events" '^05/12/2024 Thursday \(\+3 days\) · event · 220-KH/QU · Ban Thường vụ Quận ủy: Hội nghị Ban Thường vụ Quận ủy$' $TMP/all.txt
check "merged: 004's 2023 items, then the five of 2024, then 2025" sh -c "awk '{print \$1}' $TMP/all.txt | head -8 | tr '\n' ' ' | grep -qx '30/9/2023 31/12/2023 15/11/2024 15/11/2024 05/12/2024 06/12/2024 16/12/2024 29/01/2025 '"

# --from / --to (inclusive); undated duties drop out of a window.
check "window" sh -c "\"$KEHOACH\" checklist --lang=en --from 2024-12-05 --to=2025-03-15 $P1 $P2 $FX >$TMP/win.txt"
check "window: exactly the five items inside it" sh -c "cut -c1-10 $TMP/win.txt | tr '\n' ' ' | grep -qx '05/12/2024 06/12/2024 16/12/2024 29/01/2025 15/3/2025  '"
check_exit "bad --from is a usage error" 2 "$KEHOACH" checklist --from 2024-13-01 $P1
check_exit "--from after --to is a usage error" 2 "$KEHOACH" checklist --from 2025-01-02 --to 2025-01-01 $P1
check_exit "unknown format is a usage error" 2 "$KEHOACH" checklist --format=xml $P1
check_exit "a missing plan: exit 1, the rest still listed" 1 sh -c "\"$KEHOACH\" checklist $P1 $TMP/nope.yaml >$TMP/partial.txt"
check_grep "the rest still listed" '15/11/2024' $TMP/partial.txt

# CSV: RFC 4180 — CRLF, header row, fields with commas/quotes quoted and quotes doubled.
check "csv" sh -c "\"$KEHOACH\" checklist --format=csv $FX >$TMP/c.csv"
check "csv: every line ends with CRLF" sh -c "[ \$(grep -c \$(printf '\r')\$ $TMP/c.csv) -eq \$(wc -l <$TMP/c.csv) ]"
check_grep "csv: header row" '^plan,number,date,weekday,days_from_issue,kind,unit,what,to,weekend,holiday,every.$' $TMP/c.csv
check_grep "csv: quotes doubled, field quoted" ',"Hội nghị triển khai ""đầu xuân"", mùng 1 Tết",,no,Tết Nguyên đán' $TMP/c.csv
check_grep "csv: plain field unquoted, ISO date, weekend yes" '^tests/fixtures/checklist/holidays.yaml,07-KH/ĐU,2025-03-15,Saturday,72,report,Văn phòng,Báo cáo quý trước ngày 15/3/2025\.,Thường trực,yes,' $TMP/c.csv
check_grep "csv: undated duty has empty date fields" '^tests/fixtures/checklist/holidays.yaml,07-KH/ĐU,,,,report,Văn phòng,"Tổng hợp ý kiến, ""không hạn""\.",Thường trực,no,' $TMP/c.csv

# Markdown form, and the same list at the end of `build -f md`.
check "md form" sh -c "\"$KEHOACH\" checklist --format=md --lang=vi $FX >$TMP/c.md"
check_grep "md: GitHub task list" '^- \[ \] \*\*29/01/2025\*\* Thứ Tư \(\+27 ngày\) · sự kiện · \*\*Văn phòng\*\*: ' $TMP/c.md
check "build appends the same list" sh -c "\"$KEHOACH\" build --force -f md --lang=vi -o $TMP/built $FX 2>$TMP/err && tail -n 6 $TMP/built/holidays.md | diff - $TMP/c.md"
check "--no-checklist leaves it out" sh -c "\"$KEHOACH\" build --force -f md --no-checklist -o $TMP/nc $FX 2>/dev/null && ! grep -q -- '- \[ \]' $TMP/nc/holidays.md"
done_testing

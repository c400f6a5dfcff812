#!/bin/sh
# ics.sh — `kehoach build -f ics`: one VEVENT per dated checklist item,
# all-day, CRLF lines of at most 75 octets, reminders per --remind-days,
# the same bytes on every run. (tests/unit/test_ics.c reads the files back
# with libical and compares every event with the checklist.)
. "$(dirname "$0")/../lib.sh"

P=plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml
N=001-tuyen-quang-dang-uy-so-ldtbxh
check "ics: builds" "$KEHOACH" build -f ics -o "$TMP/a" "$P"
check "ics: builds again" "$KEHOACH" build -f ics -o "$TMP/b" "$P"
check "ics: same bytes on every run" cmp "$TMP/a/$N.ics" "$TMP/b/$N.ics"
check_grep "ics: all-day start" '^DTSTART;VALUE=DATE:20241115.$' "$TMP/a/$N.ics"
check_grep "ics: end the next day" '^DTEND;VALUE=DATE:20241116.$' "$TMP/a/$N.ics"
check_grep "ics: DTSTAMP from the issue date" '^DTSTAMP:20240409T000000Z.$' "$TMP/a/$N.ics"
check_grep "ics: default reminder 3 days" '^TRIGGER:-P3D.$' "$TMP/a/$N.ics"
check_no_grep "ics: no VTODO" 'VTODO' "$TMP/a/$N.ics"
grep -c '^BEGIN:VEVENT' "$TMP/a/$N.ics" >"$TMP/n"
check_grep "ics: two deadlines in seed 001" '^2$' "$TMP/n"
awk '{ sub(/\r$/, ""); if (length($0) > 75) bad++ } END { exit bad ? 1 : 0 }' "$TMP/a/$N.ics" \
    && ok "ics: no line over 75 octets" || fail "ics: no line over 75 octets"
LC_ALL=C awk '!/\r$/ { bad++ } END { exit bad ? 1 : 0 }' "$TMP/a/$N.ics" \
    && ok "ics: every line ends CRLF" || fail "ics: every line ends CRLF"

check "ics: --remind-days 7" "$KEHOACH" build -f ics --remind-days 7 -o "$TMP/c" "$P"
check_grep "ics: reminder 7 days" '^TRIGGER:-P7D.$' "$TMP/c/$N.ics"
check "ics: --remind-days=0" "$KEHOACH" build -f ics --remind-days=0 -o "$TMP/d" "$P"
check_no_grep "ics: no reminder with 0" 'VALARM' "$TMP/d/$N.ics"
check_exit "ics: bad --remind-days is a usage error" 2 "$KEHOACH" build -f ics --remind-days x -o "$TMP/e" "$P"

SOURCE_DATE_EPOCH=1700000000 "$KEHOACH" build -f ics -o "$TMP/f" "$P" 2>/dev/null
check_grep "ics: DTSTAMP from SOURCE_DATE_EPOCH" '^DTSTAMP:20231114T221320Z.$' "$TMP/f/$N.ics"

# Seed 002: three dated events, no reminder on events.
check "ics: seed 002 builds" "$KEHOACH" build -f ics -o "$TMP/g" plans/002-hai-ba-trung-quan-uy.yaml
grep -c '^BEGIN:VEVENT' "$TMP/g/002-hai-ba-trung-quan-uy.ics" >"$TMP/n2"
check_grep "ics: three events in seed 002" '^3$' "$TMP/n2"
check_no_grep "ics: events carry no reminder" 'VALARM' "$TMP/g/002-hai-ba-trung-quan-uy.ics"
check_grep "ics: 16/12/2024 event" '^DTSTART;VALUE=DATE:20241216.$' "$TMP/g/002-hai-ba-trung-quan-uy.ics"
done_testing

#!/bin/sh
# ics_revisions.sh — a rebuilt calendar updates the one already imported:
# every event keeps its UID; an event whose date moved gets the next
# SEQUENCE and a new LAST-MODIFIED, the others keep theirs; a rebuild of an
# unchanged plan gives the same bytes. Read back with Python's icalendar
# (Debian python3-icalendar), not with our own parser. A hostile previous
# file changes nothing but the numbers it may claim, within bounds.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
if ! $PY -c 'import icalendar' 2>/dev/null; then
    skip "python3-icalendar missing"
    done_testing
    exit 0
fi
N=001-tuyen-quang-dang-uy-so-ldtbxh
cp plans/$N.yaml "$TMP/$N.yaml"
O=$TMP/cal
SOURCE_DATE_EPOCH=1700000000 "$KEHOACH" build -q -f ics -o "$O" "$TMP/$N.yaml"
cp "$O/$N.ics" "$TMP/v0.ics"

# events FILE: "UID SEQUENCE LAST-MODIFIED DTSTART" per event, by icalendar
events() {
    $PY - "$1" <<'PYEOF'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
for e in cal.walk("VEVENT"):
    print(e["UID"], int(e.get("SEQUENCE", -1)), e["LAST-MODIFIED"].to_ical().decode(),
          e["DTSTART"].to_ical().decode())
PYEOF
}
events "$TMP/v0.ics" >"$TMP/e0"
check "first build: every event has SEQUENCE 0" sh -c "awk '\$2 != 0' '$TMP/e0' | grep -q . && exit 1 || test -s '$TMP/e0'"
check_grep "first build: LAST-MODIFIED is the DTSTAMP (reproducible)" ' 20231114T221320Z ' "$TMP/e0"

# --- the same plan again, into the same directory: the same bytes
SOURCE_DATE_EPOCH=1700000000 "$KEHOACH" build -q -f ics -o "$O" "$TMP/$N.yaml"
check "rebuilt unchanged: the same bytes" cmp "$TMP/v0.ics" "$O/$N.ics"
SOURCE_DATE_EPOCH=1700000500 "$KEHOACH" build -q -f ics -o "$O" "$TMP/$N.yaml"
events "$O/$N.ics" >"$TMP/e0b"
check "rebuilt unchanged later: every SEQUENCE and LAST-MODIFIED kept" cmp "$TMP/e0" "$TMP/e0b"

# --- move the first dated deadline (2024-11-15, two units) by three days
sed '0,/deadline: 2024-11-15/s//deadline: 2024-11-18/' "$TMP/$N.yaml" >"$TMP/moved.yaml"
mv "$TMP/moved.yaml" "$TMP/$N.yaml"
SOURCE_DATE_EPOCH=1700086400 "$KEHOACH" build -q -f ics -o "$O" "$TMP/$N.yaml"
events "$O/$N.ics" >"$TMP/e1"
cut -d' ' -f1 "$TMP/e0" | sort >"$TMP/u0"
cut -d' ' -f1 "$TMP/e1" | sort >"$TMP/u1"
check "after the move: the same UIDs" cmp "$TMP/u0" "$TMP/u1"
sort "$TMP/e0" >"$TMP/s0"; sort "$TMP/e1" >"$TMP/s1"
join "$TMP/s0" "$TMP/s1" >"$TMP/j"  # UID seq0 mod0 start0 seq1 mod1 start1
moved=$(awk '$4 != $7' "$TMP/j" | wc -l)
check "exactly one event moved" test "$moved" = 1
check "the moved event: SEQUENCE 1, LAST-MODIFIED of this build, new DTSTART" \
    sh -c "awk '\$4 != \$7 && \$5 == 1 && \$6 == \"20231115T221320Z\" && \$7 == \"20241118\"' '$TMP/j' | grep -q ."
check "the others keep SEQUENCE 0 and their LAST-MODIFIED" \
    sh -c "awk '\$4 == \$7 && (\$5 != 0 || \$3 != \$6)' '$TMP/j' | grep -q . && exit 1 || exit 0"

# --- moved again: SEQUENCE 2
sed 's/deadline: 2024-11-18/deadline: 2024-11-20/' "$TMP/$N.yaml" >"$TMP/moved.yaml"
mv "$TMP/moved.yaml" "$TMP/$N.yaml"
SOURCE_DATE_EPOCH=1700172800 "$KEHOACH" build -q -f ics -o "$O" "$TMP/$N.yaml"
events "$O/$N.ics" >"$TMP/e2"
check "moved again: SEQUENCE 2" sh -c "awk '\$4 == \"20241120\" && \$2 == 2' '$TMP/e2' | grep -q ."

# --- a hostile previous file: garbage, huge numbers, a symlink
uid=$(awk '$4 == "20241120" {print $1}' "$TMP/e2")
{ printf 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:%s\r\nSEQUENCE:99999999999999999999\r\n' "$uid"
  printf 'DTSTART;VALUE=DATE:19990101\r\nLAST-MODIFIED:%s\r\n' "$(head -c 3000 /dev/zero | tr '\0' 'x')"
  printf 'END:VEVENT\r\nBEGIN:VEVENT\r\nSEQUENCE:-5\r\n'; head -c 20000 /dev/urandom; } >"$O/$N.ics"
"$KEHOACH" build -q -f ics -o "$O" "$TMP/$N.yaml"; st=$?
check "hostile previous file: builds (exit 0)" test "$st" = 0
events "$O/$N.ics" >"$TMP/e3"
check "hostile previous file: an out-of-range SEQUENCE counts as 0, so the moved event gets 1" \
    sh -c "awk '\$4 == \"20241120\" && \$2 == 1' '$TMP/e3' | grep -q ."
ln -sf /etc/passwd "$O/link.ics"
cp "$TMP/$N.yaml" "$TMP/link.yaml"
"$KEHOACH" build -q -f ics -o "$O" "$TMP/link.yaml"; st=$?
check "a symlink at the output name is replaced, not read" test "$st" = 0 -a ! -L "$O/link.ics"
done_testing

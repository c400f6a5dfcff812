#!/bin/sh
# defects.sh — the defect-injection corpus (tests/defects/inject.py): every
# family's recall at or above tests/defects/recall-floor, and no warning or
# error on the clean plans. Prints the table into the test log.
. "$(dirname "$0")/../lib.sh"
/usr/bin/python3 tests/defects/inject.py "${KEHOACH_PLAIN:-$KEHOACH}" >"$TMP/recall" 2>&1; st=$?
sed 's/^/# /' "$TMP/recall"
check "recall per family at or above its floor, no false alarm on the clean plans" test "$st" = 0
check_grep "the corpus has mutants of every family" '^all +[0-9]+ +[0-9]+' "$TMP/recall"
check_grep "false alarms are counted" '^false alarms on [0-9]+ clean plans: 0$' "$TMP/recall"
done_testing

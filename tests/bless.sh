#!/bin/sh
# bless.sh — write the .expected file of golden diagnostic tests from the
# current output. Review every line by eye before committing it.
# Usage: KEHOACH=build/asan/kehoach sh tests/bless.sh tests/diag/x/y.yaml...
set -u
: "${KEHOACH:=build/kehoach}"
for y in "$@"; do
    args=$(cat "${y%.yaml}.args" 2>/dev/null || true)
    { "$KEHOACH" check --lang=en $args "$y" 2>&1; echo "[exit $?]"; } > "${y%.yaml}.expected"
    echo "== ${y%.yaml}.expected"; cat "${y%.yaml}.expected"
done

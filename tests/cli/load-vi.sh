#!/bin/sh
# load-vi.sh — golden loader diagnostics in Vietnamese: `kehoach check
# --lang=vi` on some of tests/diag/load/*.yaml must print exactly
# tests/cli/load-vi/NAME.expected (the English goldens are checked by
# tests/run.sh). Re-bless with: sh tests/cli/load-vi.sh --bless
. "$(dirname "$0")/../lib.sh"
for exp in tests/cli/load-vi/*.expected; do
    name=$(basename "$exp" .expected)
    y=tests/diag/load/$name.yaml
    got=$("$KEHOACH" check --lang=vi "$y" 2>&1; echo "[exit $?]")
    if [ "${1:-}" = --bless ]; then
        printf '%s\n' "$got" > "$exp"
    fi
    if [ "$got" = "$(cat "$exp")" ]; then
        ok "vi: $y"
    else
        fail "vi: $y" "$(printf '%s\n' "$got" | diff -u "$exp" - | head -20)"
    fi
done
done_testing

#!/bin/sh
# md_golden.sh — the Markdown of each seed plan, byte for byte, against
# tests/golden/md/NNN.md (reviewed by eye), and of each state example,
# plans/state/NAME.yaml, against tests/golden/md/state-NAME.md. Labels in
# Vietnamese (--lang=vi).
# After an intended change: BLESS=1 KEHOACH=build/kehoach sh tests/cli/md_golden.sh
# then read the diff (git diff tests/golden) before committing.
. "$(dirname "$0")/../lib.sh"
n=0
for plan in plans/[0-9][0-9][0-9]-*.yaml plans/state/*.yaml; do
    case $plan in
        plans/state/*) id=state-$(basename "$plan" .yaml) ;;
        *) id=$(basename "$plan" | cut -c1-3) ;;
    esac
    gold=tests/golden/md/$id.md
    [ -f "$gold" ] || [ "${BLESS:-0}" = 1 ] || continue
    n=$((n + 1))
    rm -rf "$TMP/md"
    if ! "$KEHOACH" build -f md --lang=vi -o "$TMP/md" "$plan" >"$TMP/log" 2>&1; then
        fail "$plan builds" "$(cat "$TMP/log")"
        continue
    fi
    got="$TMP/md/$(basename "$plan" .yaml).md"
    if [ "${BLESS:-0}" = 1 ]; then
        cp "$got" "$gold"
        ok "$gold blessed"
    elif cmp -s "$got" "$gold"; then
        ok "$plan: Markdown equals $gold"
    else
        fail "$plan: Markdown differs from $gold" "$(diff -u "$gold" "$got" | head -40)"
    fi
done
[ "$n" -ge 3 ] && ok "three or more golden plans ($n)" || fail "three or more golden plans ($n)"
done_testing

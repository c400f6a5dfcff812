#!/bin/sh
# demo.sh — the main job on the example plans: check every plan in plans/,
# then render each to every format kehoach knows, into out/.
# Usage: scripts/demo.sh path/to/kehoach
set -u
KH=${1:-build/kehoach}
# plans/parents/ (the illustrative parents of seeds 001 and 002) and
# plans/state/ (an example plan in the state profile) are included.
echo "== kehoach check plans/*.yaml plans/*/*.yaml"
"$KH" check plans/*.yaml plans/*/*.yaml || exit $?
echo "== kehoach tree plans"
"$KH" tree plans || exit $?
formats=$("$KH" build --help | sed -n 's/.*comma-separated formats (default: md)://p' | tr -s ' ' ',' | sed 's/^,//')
[ -n "$formats" ] || { echo "no output formats built in yet"; exit 0; }
echo "== kehoach build -f $formats -o out plans/*.yaml plans/*/*.yaml"
"$KH" build -f "$formats" -o out plans/*.yaml plans/*/*.yaml || exit $?
ls -l out/

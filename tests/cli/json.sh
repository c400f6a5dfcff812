#!/bin/sh
# json.sh — `kehoach build -f json`: valid JSON (read back by jq), the
# versioned header, stable key order, positions of user values, ISO dates,
# nested sections, and the same bytes on every run.
. "$(dirname "$0")/../lib.sh"

F=tests/fixtures/json/mini.yaml
check "json: builds the fixture" "$KEHOACH" build --draft -f json -o "$TMP/a" "$F"
check "json: jq parses it" jq -e . "$TMP/a/mini.json"
jq -r '.format, .version' "$TMP/a/mini.json" >"$TMP/hdr"
check_grep "json: format name" '^kehoach-plan$' "$TMP/hdr"
check_grep "json: version 1" '^1$' "$TMP/hdr"
jq -c 'keys_unsorted' "$TMP/a/mini.json" >"$TMP/keys"
check_grep "json: top-level keys in the documented order" \
  '^\["format","version","file","profile","profile_raw","superior","issuer","issuer_code","number","place","date","type","title","numbering","implements","intro","sections","closing","recipients","signature","schedule","rules_off","basis","header_lines","annexes"\]$' "$TMP/keys"
jq -c '.title' "$TMP/a/mini.json" >"$TMP/t"
check_grep "json: tab and backslash escaped, position kept" \
  '^\{"value":"Kế hoạch thử \\\\ với\\tký tự đặc biệt","line":9,"column":8\}$' "$TMP/t"
jq -r '.date.value, .implements[0].date.value, .implements[0].file.value, .sections[1].units[0].tasks[0].deadline.value, .sections[0].sections[0].number, .sections[0].sections[0].label' "$TMP/a/mini.json" >"$TMP/v"
check_grep "json: blank-day date as YYYY-MM" '^2025-02$' "$TMP/v"
check_grep "json: citation date ISO" '^2025-01-10$' "$TMP/v"
check_grep "json: citation file" '^\.\./parent\.yaml$' "$TMP/v"
check_grep "json: task deadline ISO" '^2025-03-31$' "$TMP/v"
check_grep "json: nested section label" '^1\.$' "$TMP/v"
jq -r '.sections[1].units[0].tasks[0].deadline.line' "$TMP/a/mini.json" >"$TMP/l"
check_grep "json: deadline line is the YAML line" '^32$' "$TMP/l"
jq -r '.recipients[1].kind, .recipients[1].group, .signature.prefix.value' "$TMP/a/mini.json" >"$TMP/r"
check_grep "json: archive line" '^archive$' "$TMP/r"
check_grep "json: ungrouped line has group null" '^null$' "$TMP/r"
check_grep "json: state signing prefix" '^TM\.$' "$TMP/r"

check "json: second run" "$KEHOACH" build --draft -f json -o "$TMP/b" "$F"
check "json: same bytes on every run" cmp "$TMP/a/mini.json" "$TMP/b/mini.json"

# Every real plan exports to valid JSON with its sections and dates.
for y in plans/*.yaml plans/*/*.yaml; do
    [ -f "$y" ] || continue
    n=$(basename "$y" .yaml)
    check "json: $n builds" "$KEHOACH" build --force -f json -o "$TMP/p" "$y"
    check "json: $n parses" jq -e '.format == "kehoach-plan" and (.sections | length) > 0' "$TMP/p/$n.json"
done
done_testing

#!/bin/sh
# check_output.sh — `kehoach check` for reviewers and CI: text on stderr,
# JSON and SARIF as one valid document on stdout (validated against
# tests/schemas/), both languages, colour rules, exit codes 0/1/2.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
V="$PY tests/schemas/validate.py"
BAD=tests/diag/load/mixed-errors.yaml
# A plan whose file name and messages hold Vietnamese and a space.
mkdir -p "$TMP/thư mục"
cp "$BAD" "$TMP/thư mục/kế hoạch lỗi.yaml"
VIET="$TMP/thư mục/kế hoạch lỗi.yaml"

# --- exit codes
check_exit "clean plans exit 0" 0 "$KEHOACH" check plans/*.yaml
check_exit "a directory stands for its plans" 0 "$KEHOACH" check plans/
check_exit "rule errors exit 1" 1 "$KEHOACH" check plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml "$BAD"
check_exit "missing file exits 2" 2 "$KEHOACH" check "$TMP/none.yaml"
check_exit "missing file beside errors exits 2" 2 "$KEHOACH" check "$BAD" "$TMP/none.yaml"
check_exit "unknown option exits 2" 2 "$KEHOACH" check --bogus plans/
check_exit "bad --format exits 2" 2 "$KEHOACH" check --format=xml plans/
check_exit "bad --lang exits 2" 2 "$KEHOACH" check --lang=fr plans/
check_exit "no file exits 2" 2 "$KEHOACH" check
check_exit "--help exits 0" 0 "$KEHOACH" check --help

# --- text: stderr only
"$KEHOACH" check --lang=en "$BAD" >"$TMP/so" 2>"$TMP/se"
check "text mode writes nothing on stdout" test ! -s "$TMP/so"
check_grep "text diagnostics are file:line:col: severity: message [ID]" \
    '^tests/diag/load/mixed-errors.yaml:2:1: error: unknown key .tittle.*\[LOAD-UNKNOWN-KEY\]$' "$TMP/se"

# --- JSON: one document, nothing else on stdout, valid against the schema
"$KEHOACH" check --format=json --lang=en plans/ "$BAD" "$VIET" "$TMP/none.yaml" >"$TMP/j.json" 2>"$TMP/j.err"
check "json validates against tests/schemas/diagnostics.schema.json" \
    $V tests/schemas/diagnostics.schema.json "$TMP/j.json"
check "json has nothing on stderr" test ! -s "$TMP/j.err"
$PY - "$TMP/j.json" "$VIET" "$(ls plans/*.yaml | wc -l)" >"$TMP/jcheck" 2>&1 <<'PYEOF'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
d = doc["diagnostics"]
assert doc["version"] == 1 and doc["language"] == "en"
assert doc["summary"]["files"] == int(sys.argv[3]) + 3, doc["summary"]  # plans/*.yaml + 2 bad + the missing one
assert doc["summary"]["errors"] == sum(x["severity"] == "error" for x in d)
hit = [x for x in d if x["file"] == "tests/diag/load/mixed-errors.yaml" and x["line"] == 2]
assert hit and hit[0]["column"] == 1 and hit[0]["id"] == "LOAD-UNKNOWN-KEY", hit
assert "did you mean" in hit[0]["message"] and hit[0]["message"] == hit[0]["message_en"]
assert any(x["file"] == sys.argv[2] for x in d), "Vietnamese file name kept"
io = [x for x in d if x["id"] == "IO"]
assert io and io[0]["line"] == 0 and io[0]["column"] == 0, io
print("json ok")
PYEOF
check_grep "json carries file, line, column, id and both messages" '^json ok$' "$TMP/jcheck"
"$KEHOACH" check --format=json plans/ >"$TMP/clean.json"
check "json of clean plans validates" $V tests/schemas/diagnostics.schema.json "$TMP/clean.json"
check_grep "json of clean plans has no error" '"errors":0' "$TMP/clean.json"

# --- SARIF 2.1.0
"$KEHOACH" check --format=sarif --lang=en plans/ "$BAD" "$VIET" "$TMP/none.yaml" >"$TMP/s.sarif" 2>"$TMP/s.err"
check "sarif validates against tests/schemas/sarif-2.1.0-subset.schema.json" \
    $V tests/schemas/sarif-2.1.0-subset.schema.json "$TMP/s.sarif"
"$KEHOACH" rules | awk '{print $1}' >"$TMP/rule-ids"
$PY - "$TMP/s.sarif" "$TMP/rule-ids" >"$TMP/scheck" 2>&1 <<'PYEOF'
import json, sys, urllib.parse
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
catalogue = [l.strip() for l in open(sys.argv[2]) if l.strip()]
assert ids[:len(catalogue)] == catalogue, "catalogue rules first, in order"
assert len(set(ids)) == len(ids), "rule ids unique"
for r in rules[:len(catalogue)]:
    assert r["helpUri"].endswith("docs/rules.md#" + r["id"].lower()), r
res = run["results"]
assert res, "results present"
for x in res:
    assert ids[x["ruleIndex"]] == x["ruleId"], x
    reg = x["locations"][0]["physicalLocation"].get("region")
    assert reg is None or reg["startColumn"] >= 1
hit = [x for x in res if x["locations"][0]["physicalLocation"].get("region", {}).get("startLine") == 2
       and x["ruleId"] == "LOAD-UNKNOWN-KEY"]
assert hit and hit[0]["locations"][0]["physicalLocation"]["region"]["startColumn"] == 1
uris = {urllib.parse.unquote(x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]) for x in res}
assert sys.argv[1] and any(u.endswith("thư mục/kế hoạch lỗi.yaml") for u in uris), uris
fps = [json.dumps(x["partialFingerprints"], sort_keys=True) for x in res]
assert len(set(fps)) == len(fps), "fingerprints distinguish results"
print("sarif ok")
PYEOF
check_grep "sarif: rules from the catalogue, ruleIndex, columns, URIs, fingerprints" '^sarif ok$' "$TMP/scheck"
# The official OASIS SARIF 2.1.0 schema (tests/schemas/README.md says where it comes from).
check "sarif validates against the official SARIF 2.1.0 schema" \
    $V tests/schemas/sarif-2.1.0-rtm.5.schema.json "$TMP/s.sarif"
"$KEHOACH" check --format=sarif --lang=vi plans/ "$BAD" >"$TMP/s-vi.sarif" 2>/dev/null
check "Vietnamese sarif validates against the official SARIF 2.1.0 schema" \
    $V tests/schemas/sarif-2.1.0-rtm.5.schema.json "$TMP/s-vi.sarif"
# What GitHub code scanning asks of each rule beyond the schema: help text
# and Markdown, a helpUri, a name that is not the ID, descriptions in the
# run's one language.
$PY - "$TMP/s.sarif" "$TMP/s-vi.sarif" >"$TMP/gh" 2>&1 <<'PYEOF'
import json, re, sys
short = {}
for path, lang in ((sys.argv[1], "en-US"), (sys.argv[2], "vi-VN")):
    run = json.load(open(path, encoding="utf-8"))["runs"][0]
    assert run["language"] == lang, run.get("language")
    for r in run["tool"]["driver"]["rules"]:
        short.setdefault(r["id"], []).append(r["shortDescription"]["text"])
        assert r["help"]["text"].strip() and r["help"]["markdown"].strip(), r
        assert r["helpUri"].startswith("https://") and "docs/" in r["helpUri"], r
        assert re.fullmatch("[A-Z][A-Za-z0-9]+", r["name"]) and r["name"] != r["id"], r
        assert r["fullDescription"]["text"].startswith(r["shortDescription"]["text"]), r
        assert r["helpUri"] in r["help"]["text"] and r["helpUri"] in r["help"]["markdown"], r
        assert r["help"]["text"].startswith(r["fullDescription"]["text"]), r
    names = [r["name"] for r in run["tool"]["driver"]["rules"]]
    assert len(set(names)) == len(names), "rule names unique"
    assert "NumberFormat" in names, names
# each run in its own language: every description differs between the two
for rid, texts in short.items():
    assert len(texts) != 2 or texts[0] != texts[1], (rid, texts)
assert sum(len(t) == 2 for t in short.values()) > 70
print("github ok")
PYEOF
check_grep "sarif: what GitHub code scanning asks of each rule, one language per run" '^github ok$' "$TMP/gh"
# Fingerprints do not move when lines are inserted above.
{ echo "# a comment line added at the top"; cat "$BAD"; } >"$TMP/moved.yaml"
cp "$BAD" "$TMP/moved0.yaml"
(cd "$TMP" && "$KEHOACH" check -f sarif moved0.yaml) | grep -o '"kehoachDiagnostic/v1":"[^"]*"' >"$TMP/fp0"
cp "$TMP/moved.yaml" "$TMP/moved0.yaml"
(cd "$TMP" && "$KEHOACH" check -f sarif moved0.yaml) >"$TMP/moved.sarif"
grep -o '"kehoachDiagnostic/v1":"[^"]*"' "$TMP/moved.sarif" >"$TMP/fp1"
check "sarif fingerprints are stable when lines move" cmp "$TMP/fp0" "$TMP/fp1"
check_grep "sarif startLine follows the move" '"LOAD-UNKNOWN-KEY".*"startLine":3,"startColumn":1' "$TMP/moved.sarif"

# A file name that is not UTF-8 (argv is bytes) still gives valid documents.
odd=$(printf 'odd\377\001.yaml')
cp "$BAD" "$TMP/$odd"
(cd "$TMP" && "$KEHOACH" check -f json "$odd") >"$TMP/odd.json"
check "json stays valid with a non-UTF-8 file name" $V tests/schemas/diagnostics.schema.json "$TMP/odd.json"
(cd "$TMP" && "$KEHOACH" check -f sarif "$odd") >"$TMP/odd.sarif"
check "sarif stays valid with a non-UTF-8 file name" $V tests/schemas/sarif-2.1.0-subset.schema.json "$TMP/odd.sarif"
check_grep "and percent-encodes it in the URI" '"uri":"odd%FF%01.yaml"' "$TMP/odd.sarif"

# --- languages
"$KEHOACH" check --lang=vi "$BAD" 2>"$TMP/vi" || :
check_grep "--lang=vi gives Vietnamese severities and messages" ':2:1: lỗi: khóa .tittle.' "$TMP/vi"
LANG=vi_VN.UTF-8 LC_ALL= "$KEHOACH" check "$BAD" 2>"$TMP/vi2" || :
check_grep "a Vietnamese locale gives Vietnamese by default" ': lỗi: ' "$TMP/vi2"
LANG=vi_VN.UTF-8 LC_ALL= "$KEHOACH" check --lang=en "$BAD" 2>"$TMP/en2" || :
check_grep "--lang=en overrides a Vietnamese locale" ': error: ' "$TMP/en2"
LANG=en_US.UTF-8 LC_ALL= "$KEHOACH" check "$BAD" 2>"$TMP/en3" || :
check_no_grep "an English locale gives English" ': lỗi: ' "$TMP/en3"
"$KEHOACH" check --format=json --lang=vi "$BAD" >"$TMP/vi.json" || :
check_grep "json in Vietnamese: message is message_vi" '"message":"khóa .tittle[^"]*","message_en":"[^"]*","message_vi":"khóa' "$TMP/vi.json"
"$KEHOACH" check --lang=vi --bogus 2>"$TMP/vi-usage" || :
check_grep "usage errors in Vietnamese" 'không có tùy chọn' "$TMP/vi-usage"
"$KEHOACH" check --lang=vi --help >"$TMP/vi-help"
check_grep "help in Vietnamese" '^cách dùng: kehoach check' "$TMP/vi-help"

# --- colour: never into a pipe, always on request, never with NO_COLOR on a terminal
"$KEHOACH" check "$BAD" 2>"$TMP/nocol" || :
check_no_grep "no colour into a pipe" "$(printf '\033')" "$TMP/nocol"
"$KEHOACH" check --color=always "$BAD" 2>"$TMP/col" || :
check_grep "--color=always colours" "$(printf '\033')\\[" "$TMP/col"
if command -v script >/dev/null; then
    env -u NO_COLOR script -qec "$KEHOACH check $BAD" /dev/null >"$TMP/tty" 2>&1 || :
    check_grep "colour on a terminal" "$(printf '\033')\\[" "$TMP/tty"
    NO_COLOR=1 script -qec "$KEHOACH check $BAD" /dev/null >"$TMP/tty2" 2>&1 || :
    check_no_grep "NO_COLOR respected on a terminal" "$(printf '\033')\\[" "$TMP/tty2"
fi
done_testing

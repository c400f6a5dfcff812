#!/bin/sh
# schema.sh — docs/plan.schema.json: a valid draft-07 schema; every plan in
# plans/ and every template (as `kehoach new` writes it) validates; every
# plan and template names it on its first line; it agrees with the loader
# on every key of every context (kehoach __keys); it rejects a typo.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
S=docs/plan.schema.json
for f in plans/*.yaml; do
    check "$f validates against the schema" $PY tests/schemas/validate.py $S "$f"
    check_grep "$f names the schema on line 1" '^# yaml-language-server: \$schema=\.\./docs/plan\.schema\.json$' "$f"
done
for f in plans/*/*.yaml; do
    [ -f "$f" ] || continue
    check "$f validates against the schema" $PY tests/schemas/validate.py $S "$f"
    check_grep "$f names the schema on line 1" '^# yaml-language-server: \$schema=\.\./\.\./docs/plan\.schema\.json$' "$f"
done
check "the seeds as published (defects included) are still well-formed plans" \
    $PY tests/schemas/validate.py $S tests/fixtures/published/*.yaml
for f in templates/*.yaml; do
    t=$(basename "$f" .yaml)
    check_grep "$f names the schema on line 1" '^# yaml-language-server: \$schema=\.\./docs/plan\.schema\.json$' "$f"
    "$KEHOACH" new -t "$t" --today 2026-11-23 >"$TMP/$t.yaml"
    check "template $t (as written by kehoach new) validates" $PY tests/schemas/validate.py $S "$TMP/$t.yaml"
done
"$KEHOACH" __keys >"$TMP/keys"
check "__keys lists the loader's keys" test "$(wc -l <"$TMP/keys")" -gt 40
$PY - "$S" "$TMP/keys" >"$TMP/agree" 2>&1 <<'PYEOF'
import json, sys
schema = json.load(open(sys.argv[1], encoding="utf-8"))
defs = schema["definitions"]
def props(node):
    """The keys of the object form of a definition (plain or under oneOf)."""
    if "properties" in node:
        return set(node["properties"])
    for alt in node.get("oneOf", []):
        if alt.get("type") == "object":
            return set(alt["properties"])
    raise SystemExit("no object form")
contexts = {"plan": props(schema)}
for name in ["issuer", "citation", "section", "table", "annex", "timetable", "timetable_row", "event", "unit", "task", "recipient",
             "signature", "sign_head", "schedule", "period", "rules", "rule_off"]:
    contexts[name] = props(defs[name])
loader = {}
for line in open(sys.argv[2]):
    ctx, key = line.strip().split(".", 1)
    loader.setdefault(ctx, set()).add(key)
bad = 0
for ctx in sorted(set(loader) | set(contexts)):
    a, b = loader.get(ctx, set()), contexts.get(ctx, set())
    if a != b:
        bad += 1
        print(f"{ctx}: loader only {sorted(a - b)}, schema only {sorted(b - a)}")
print("agree" if not bad else "disagree")
PYEOF
check_grep "schema and loader agree on every key of every context" '^agree$' "$TMP/agree"
# The schema catches what the loader catches: a typo and a wrong enumeration.
sed 's/^title:/tittle:/' plans/004-bach-thong-huyen-uy.yaml >"$TMP/typo.yaml"
check_not "a misspelt key is flagged by the schema" $PY tests/schemas/validate.py $S "$TMP/typo.yaml"
check_exit "and by the loader" 1 "$KEHOACH" check "$TMP/typo.yaml"
sed 's/kind: aims/kind: aim/' plans/004-bach-thong-huyen-uy.yaml >"$TMP/kind.yaml"
check_not "a wrong section kind is flagged by the schema" $PY tests/schemas/validate.py $S "$TMP/kind.yaml"
sed 's/^  - title: MỤC ĐÍCH, YÊU CẦU/  - x-note: drafting remark\n    title: MỤC ĐÍCH, YÊU CẦU/' plans/004-bach-thong-huyen-uy.yaml >"$TMP/ext.yaml"
check "x- extension keys are allowed" $PY tests/schemas/validate.py $S "$TMP/ext.yaml"
check_exit "as the loader allows them" 0 "$KEHOACH" check "$TMP/ext.yaml"
# Tables, numbered points and annexes: what the loader refuses, the schema too.
X=plans/state/ubnd-xa-chuyen-doi-so-2026.yaml
sed 's/^\( *\)columns: \[TT, Chỉ tiêu, Đơn vị tính, Năm 2025, Năm 2026\]$/\1columns: [a, b, c, d, e, f, g, h, i, j, k, l, m]/' $X >"$TMP/cols.yaml"
check_not "a table of 13 columns is flagged by the schema" $PY tests/schemas/validate.py $S "$TMP/cols.yaml"
check_exit "and by the loader" 1 "$KEHOACH" check "$TMP/cols.yaml"
sed 's/^\( *\)columns: \[TT, Chỉ tiêu, Đơn vị tính, Năm 2025, Năm 2026\]$/&\n\1align: [center, left, left, right, middle]/' $X >"$TMP/align.yaml"
check_not "an alignment other than auto, left, center, right is flagged by the schema" $PY tests/schemas/validate.py $S "$TMP/align.yaml"
check_exit "and by the loader" 1 "$KEHOACH" check "$TMP/align.yaml"
sed 's/^  - title: Danh mục nhiệm vụ chuyển đổi số năm 2026$/&\n    kind: content/' $X >"$TMP/annex.yaml"
check_not "a section key in an annex is flagged by the schema" $PY tests/schemas/validate.py $S "$TMP/annex.yaml"
check_exit "and by the loader" 1 "$KEHOACH" check "$TMP/annex.yaml"
sed 's/^          - body: |$/          - inline: true\n            body: |/' $X >"$TMP/point.yaml"
check_not "an inline section with no title is flagged by the schema" $PY tests/schemas/validate.py $S "$TMP/point.yaml"
check_exit "and by the loader" 1 "$KEHOACH" check "$TMP/point.yaml"
done_testing

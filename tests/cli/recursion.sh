#!/bin/sh
# recursion.sh — every recursive function in src/ is named, with its file
# and its bound, in docs/security.md ("Recursion"): the call graph of each
# source file (gcc -fcallgraph-info, calls by name; calls through function
# pointers are not in it) is searched for cycles, direct and mutual, and
# each function on a cycle must appear as `name` on a table row of that
# section that also names its file. A new recursion, or one moved to another
# file, fails here until its bound is documented (issue 17).
. "$(dirname "$0")/../lib.sh"
command -v gcc >/dev/null || { skip "gcc not installed"; done_testing; exit; }
PKGS=$(sed -n 's/^PKGS *:= *//p' Makefile)
CFL=$(pkg-config --cflags $PKGS 2>/dev/null)
n=0
for f in $(find src -name '*.c' | sort); do
    b=$TMP/$(echo "$f" | tr / _)
    # shellcheck disable=SC2086
    if gcc -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude $CFL -O0 -w -fcallgraph-info \
        -c "$f" -o "$b.o" -dumpbase "$b" 2>"$TMP/err"; then
        n=$((n + 1))
    else
        fail "$f: compiles for the call graph" "$(head -c 800 "$TMP/err")"
    fi
done
check "call graphs of every source file ($n)" test "$n" -gt 40
sed -n '/^### Recursion/,/^## /p' docs/security.md | grep '^|' >"$TMP/rows"
check "docs/security.md has the Recursion table" test -s "$TMP/rows"
/usr/bin/python3 - "$TMP" "$TMP/rows" >"$TMP/cycles" <<'EOF'
import glob, re, sys
edges, where = {}, {}
for ci in glob.glob(sys.argv[1] + "/*.ci"):
    text = open(ci).read()
    for m in re.finditer(r'node: \{ title: "([^"]+)" label: "[^\\"]*\\n([^:"]+):', text):
        if m.group(2).endswith(".c") or m.group(1) not in where:
            where[m.group(1)] = m.group(2)  # the definition, not a header
    for m in re.finditer(r'edge: \{ sourcename: "([^"]+)" targetname: "([^"]+)"', text):
        edges.setdefault(m.group(1), set()).add(m.group(2))
# Tarjan's strongly connected components, iteratively.
index, low, on, stack, comps, n = {}, {}, set(), [], [], 0
for root in list(edges):
    if root in index:
        continue
    work = [(root, iter(edges.get(root, ())))]
    index[root] = low[root] = n; n += 1; stack.append(root); on.add(root)
    while work:
        v, it = work[-1]
        w = next(it, None)
        if w is not None:
            if w not in index:
                index[w] = low[w] = n; n += 1; stack.append(w); on.add(w)
                work.append((w, iter(edges.get(w, ()))))
            elif w in on:
                low[v] = min(low[v], index[w])
            continue
        work.pop()
        if work:
            low[work[-1][0]] = min(low[work[-1][0]], low[v])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v:
                    break
            if len(comp) > 1 or v in edges.get(v, ()):
                comps.append(comp)
rows = open(sys.argv[2]).read().splitlines()
for comp in sorted(comps):
    for fn in sorted(comp):
        name = fn.split(":")[-1]
        path = where.get(fn, fn.rsplit(":", 1)[0])
        doc = any("`%s`" % name in r and path in r for r in rows)
        print("%s %s %s %s" % ("documented" if doc else "MISSING", path, name,
                               "+".join(sorted(c.split(":")[-1] for c in comp))))
EOF
check "the call graph was searched" test $? -eq 0
while read -r state path name cycle; do
    if [ "$state" = documented ]; then ok "recursion $name ($path) has its bound in docs/security.md"
    else fail "recursion $name ($path, cycle $cycle) is not in docs/security.md's Recursion table"; fi
done <"$TMP/cycles"
check "recursive functions found (the search works)" test "$(wc -l <"$TMP/cycles")" -gt 5
done_testing

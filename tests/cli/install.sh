#!/bin/sh
# install.sh — `make install` puts the binary, man page, templates, schema
# and bash completion where they belong, and the installed kehoach finds
# its templates and schema (not the source tree's).
. "$(dirname "$0")/../lib.sh"
D=$TMP/dest
make -s install DESTDIR="$D" PREFIX=/opt/kh >"$TMP/log" 2>&1; st=$?
check "make install DESTDIR=… succeeds" test "$st" = 0
check "binary installed" test -x "$D/opt/kh/bin/kehoach"
check "man page installed" test -f "$D/opt/kh/share/man/man1/kehoach.1"
check "schema installed" cmp docs/plan.schema.json "$D/opt/kh/share/kehoach/plan.schema.json"
check "completion installed" cmp completion/kehoach.bash "$D/opt/kh/share/bash-completion/completions/kehoach"
check "zsh completion installed" cmp completion/_kehoach "$D/opt/kh/share/zsh/site-functions/_kehoach"
check "fish completion installed" cmp completion/kehoach.fish "$D/opt/kh/share/fish/vendor_completions.d/kehoach.fish"
for f in templates/*.yaml; do
    check "template $(basename "$f") installed" cmp "$f" "$D/opt/kh/share/kehoach/templates/$(basename "$f")"
done
# Move the source tree's data out of the way in a copy: the installed binary
# must not depend on it.
mkdir -p "$TMP/work"
(cd "$TMP/work" && "$D/opt/kh/bin/kehoach" new -t nghi-quyet --today 2026-11-23 -o plan.yaml 2>/dev/null)
check "the installed kehoach writes a plan from its templates" test -s "$TMP/work/plan.yaml"
(cd "$TMP/work" && "$D/opt/kh/bin/kehoach" new -t nghi-quyet --today 2026-11-23 --schema=installed -o inst.yaml 2>/dev/null)
check_grep "--schema=installed points at the installed schema" '^# yaml-language-server: \$schema=/.*/dest/opt/kh/share/kehoach/plan\.schema\.json$' "$TMP/work/inst.yaml"
check_exit "which passes check --draft" 0 "$D/opt/kh/bin/kehoach" check --draft --today 2026-11-23 "$TMP/work/plan.yaml"
# The installed command finds its modules in PREFIX/lib/kehoach (the build
# tree's modules/ is not beside it).
check "PDF module installed" cmp build/modules/pdf.so "$D/opt/kh/lib/kehoach/pdf.so"
check "Word module installed" cmp build/modules/docx.so "$D/opt/kh/lib/kehoach/docx.so"
(cd "$TMP/work" && "$D/opt/kh/bin/kehoach" build -q --force -f pdf,docx -o out plan.yaml >"$TMP/b" 2>&1)
check "the installed kehoach writes a PDF through its module" test -s "$TMP/work/out/plan.pdf"
check "the installed kehoach writes a DOCX through its module" test -s "$TMP/work/out/plan.docx"
make -s uninstall DESTDIR="$D" PREFIX=/opt/kh >/dev/null 2>&1
check "make uninstall removes it all" sh -c "test -z \"\$(find '$D' -type f)\""
done_testing

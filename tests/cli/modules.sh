#!/bin/sh
# modules.sh — the command pays only for what it uses (issue 16): it links
# the core libraries alone, `check` and `-f md` open no module, a PDF build
# opens the PDF module only, a DOCX build or a .docx import the Word module;
# a module that cannot be loaded is a clear error and nothing is written.
. "$(dirname "$0")/../lib.sh"
case $KEHOACH in /*) ;; *) KEHOACH=$ROOT/$KEHOACH ;; esac
PLAIN=${KEHOACH_PLAIN:-$KEHOACH}
case $PLAIN in /*) ;; *) PLAIN=$ROOT/$PLAIN ;; esac
P=$ROOT/plans/002-hai-ba-trung-quan-uy.yaml
DOCX=$(ls "$ROOT"/tests/fixtures/import/*.docx | head -1)

ldd "$PLAIN" >"$TMP/ldd"
for lib in harfbuzz hpdf libzip libxml2 icu freetype glib; do
    check_no_grep "the command does not link $lib" "$lib" "$TMP/ldd"
done
check_grep "the command links libyaml" 'libyaml' "$TMP/ldd"

# which shared objects a run opens (the dynamic loader's own record)
opened() { # opened NAME ARGS...: the objects opened, into $TMP/NAME
    n=$1; shift
    LD_DEBUG=files LD_DEBUG_OUTPUT=$TMP/ld.$n "$PLAIN" "$@" >/dev/null 2>&1
    cat "$TMP/ld.$n".* 2>/dev/null | sed -n 's/.*file=\([^ ]*\) .*\[0\];.*/\1/p; s/.*file=\([^ ]*\) .*generating link map.*/\1/p' |
        sort -u >"$TMP/$n"
    rm -f "$TMP/ld.$n".*
}
opened check check "$P"
check_grep "the loader's record is read (check opens libyaml)" 'libyaml' "$TMP/check"
check_no_grep "check opens no module" 'modules/(pdf|docx)\.so' "$TMP/check"
check_no_grep "check loads no PDF library" 'harfbuzz|hpdf' "$TMP/check"
opened md build -q --force -f md,json,ics -o "$TMP/o1" "$P"
check_no_grep "-f md,json,ics opens no module" 'modules/(pdf|docx)\.so|harfbuzz|libxml2' "$TMP/md"
test -s "$TMP/o1/002-hai-ba-trung-quan-uy.md" && ok "-f md still writes" || fail "-f md wrote nothing"
opened pdf build -q --force -f pdf -o "$TMP/o2" "$P"
check_grep "-f pdf opens the PDF module" 'modules/pdf\.so' "$TMP/pdf"
check_grep "-f pdf loads HarfBuzz" 'libharfbuzz' "$TMP/pdf"
check_no_grep "-f pdf does not open the Word module" 'modules/docx\.so|libxml2' "$TMP/pdf"
opened docx build -q --force -f docx -o "$TMP/o3" "$P"
check_grep "-f docx opens the Word module" 'modules/docx\.so' "$TMP/docx"
check_no_grep "-f docx does not open the PDF module" 'modules/pdf\.so|harfbuzz' "$TMP/docx"
opened imp check "$DOCX"
check_grep "check draft.docx opens the Word module" 'modules/docx\.so' "$TMP/imp"

# A module that cannot be found: an error naming it and the places, exit
# non-zero, no output file; the formats that need no module still work.
rm -rf "$TMP/none"
KEHOACH_MODULES=$TMP/nowhere "$KEHOACH" build -f pdf -o "$TMP/none" "$P" >"$TMP/e" 2>&1
check_exit "missing PDF module: build fails" 1 sh -c "KEHOACH_MODULES='$TMP/nowhere' '$KEHOACH' build -f pdf --force -o '$TMP/none' '$P'"
check_grep "missing PDF module: the error says which and what to do" \
    "error: cannot load kehoach's pdf module: .*nowhere/pdf\.so.*KEHOACH_MODULES.*\\[IO-MODULE\\]" "$TMP/e"
if [ -z "$(ls -A "$TMP/none" 2>/dev/null)" ]; then ok "missing PDF module: nothing written"
else fail "missing PDF module: output written" "$(ls -la "$TMP/none")"; fi
check_exit "missing modules: check still works" 0 env KEHOACH_MODULES="$TMP/nowhere" "$KEHOACH" check "$P"
check_exit "missing modules: -f md still works" 0 env KEHOACH_MODULES="$TMP/nowhere" "$KEHOACH" build -q -f md -o "$TMP/md2" "$P"
KEHOACH_MODULES=$TMP/nowhere "$KEHOACH" check "$DOCX" >"$TMP/e" 2>&1
check_grep "missing Word module: check draft.docx says so" "cannot load kehoach's docx module.*\\[IO-MODULE\\]" "$TMP/e"
KEHOACH_MODULES=$TMP/nowhere "$KEHOACH" --version >"$TMP/v" 2>&1
check_grep "missing modules: --version says so" '^  \(pdf module not loaded: .*nowhere/pdf\.so' "$TMP/v"

# A module from another build is refused, not called.
mkdir -p "$TMP/wrong"
cp "$(dirname "$PLAIN")/modules/docx.so" "$TMP/wrong/pdf.so"
KEHOACH_MODULES=$TMP/wrong "$PLAIN" build -f pdf --force -o "$TMP/w" "$P" >"$TMP/e" 2>&1
check_grep "a file that is not the PDF module is refused" 'no symbol kh_module_pdf.*\[IO-MODULE\]' "$TMP/e"
done_testing

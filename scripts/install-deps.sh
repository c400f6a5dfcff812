#!/bin/sh
# install-deps.sh — install the Debian packages kehoach builds and tests
# with, if any is missing. Called by `make deps`, `make demo` and `make check`.
#   build: gcc make pkg-config libyaml-dev libcmark-dev libhpdf-dev
#          libutf8proc-dev libharfbuzz-dev (hb-subset) libdeflate-dev
#          fonts-liberation2 libzip-dev libxml2-dev (.docx: the zip container
#          and its XML, for `import`, `check draft.docx` and `build -f docx`)
#   tests: poppler-utils (pdftotext, pdffonts, pdftoppm) mupdf-tools (mutool:
#          a second PDF reader) qpdf mandoc
#          libical-dev (calendar test) jq (JSON test) valgrind
#          python3-jsonschema python3-yaml (schema tests: tests/schemas/validate.py)
#          pandoc python3-docx libreoffice-writer-nogui (readers of the .docx
#          kehoach writes: tests/cli/docx.sh)
#          fonts-dejavu-core (a second font for the --font-dir test)
#          bsdextrautils (col: the man page test reads mandoc's output)
#          zsh fish (the completion test runs each shell's completion)
#          python3-icalendar (the calendar revision test reads ICS back)
#   fuzz:  clang libclang-rt-14-dev (libFuzzer; `make fuzz` only:
#          `sh scripts/install-deps.sh fuzz` installs them too)
# As root it runs apt-get; otherwise it prints the command to run.
set -eu
PKGS="gcc make pkg-config libyaml-dev libcmark-dev libhpdf-dev libutf8proc-dev \
libharfbuzz-dev libdeflate-dev libzip-dev libxml2-dev fonts-liberation2 fonts-dejavu-core poppler-utils mupdf-tools qpdf mandoc libical-dev jq valgrind \
python3-jsonschema python3-yaml bsdextrautils pandoc python3-docx libreoffice-writer-nogui zsh fish python3-icalendar"
[ "${1:-}" = fuzz ] && PKGS="$PKGS clang libclang-rt-14-dev"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
        || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "kehoach: installing missing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
    echo "kehoach: not root; please run:" >&2
    echo "  sudo apt-get install$missing" >&2
    exit 1
fi

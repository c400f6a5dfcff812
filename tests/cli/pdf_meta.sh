#!/bin/sh
# pdf_meta.sh — every PDF is version 1.4 or later, names its language in
# the catalog (/Lang (vi-VN)), and carries an XMP metadata stream that
# parses as XML and says what the Info dictionary says (title, author,
# subject, keywords, producer, creator tool, dates) — as read by poppler's
# pdfinfo and qpdf, not by kehoach. A title with XML's special characters
# stays well-formed.
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
export SOURCE_DATE_EPOCH=1700000000
cp plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml "$TMP/amp.yaml"
sed -i '30s/^  /  A \& B < C "d" /' "$TMP/amp.yaml"
for f in plans/*.yaml plans/state/*.yaml "$TMP/amp.yaml"; do
    [ -f "$f" ] || continue
    b=$(basename "$f" .yaml)
    "$KEHOACH" build -q --force -f pdf -o "$TMP/o" "$f" 2>/dev/null
    pdf=$TMP/o/$b.pdf
    [ -s "$pdf" ] || { fail "$b: no PDF built"; continue; }
    ver=$(pdfinfo "$pdf" | sed -n 's/^PDF version: *//p')
    check "$b: PDF version $ver is 1.4 or later" sh -c "echo '$ver' | awk -F. '{exit !(\$1 > 1 || \$2 >= 4)}'"
    check "$b: header says the same version" sh -c "head -c 8 '$pdf' | grep -q '^%PDF-$ver'"
    qpdf --show-object=trailer "$pdf" >"$TMP/trailer" 2>&1
    root=$(sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p' "$TMP/trailer")
    qpdf --show-object="$root" "$pdf" >"$TMP/catalog" 2>&1
    check_grep "$b: the catalog names the language, /Lang (vi-VN)" '/Lang \(vi-VN\)' "$TMP/catalog"
    check_grep "$b: the catalog has /Metadata" '/Metadata [0-9]+ 0 R' "$TMP/catalog"
    qpdf --check "$pdf" >"$TMP/qc" 2>&1
    check_grep "$b: qpdf --check finds no error" 'No syntax or stream encoding errors' "$TMP/qc"
    pdfinfo -isodates "$pdf" >"$TMP/info"
    pdfinfo -meta "$pdf" >"$TMP/xmp"
    $PY - "$TMP/info" "$TMP/xmp" >"$TMP/cmp" 2>&1 <<'PYEOF'
import sys, xml.etree.ElementTree as ET
info = {}
for line in open(sys.argv[1], encoding="utf-8"):
    k, _, v = line.partition(":")
    info[k.strip()] = v.strip()
ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/"}
root = ET.fromstring(open(sys.argv[2], "rb").read().split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
d = root.find(".//rdf:Description", ns)
def alt(tag):
    return d.find(tag + "/rdf:Alt/rdf:li", ns).text
assert alt("dc:title") == info["Title"], (alt("dc:title"), info["Title"])
assert alt("dc:description") == info["Subject"], (alt("dc:description"), info["Subject"])
assert d.find("dc:creator/rdf:Seq/rdf:li", ns).text == info["Author"]
assert d.find("dc:language/rdf:Bag/rdf:li", ns).text == "vi-VN"
assert d.find("pdf:Keywords", ns).text == info["Keywords"]
assert d.find("pdf:Producer", ns).text == info["Producer"]
assert d.find("xmp:CreatorTool", ns).text == info["Creator"] == "kehoach"
for tag, key in (("xmp:CreateDate", "CreationDate"), ("xmp:ModifyDate", "ModDate")):
    x = d.find(tag, ns).text
    assert x.replace("+00:00", "Z") == info[key].replace("+00:00", "Z"), (x, info[key])
print("xmp agrees")
PYEOF
    check_grep "$b: the XMP parses and agrees with the Info dictionary" '^xmp agrees$' "$TMP/cmp"
done
check_grep "a title with & < \" keeps its characters" '^Title: +A & B < C "d" Tổ chức' "$TMP/info"
done_testing

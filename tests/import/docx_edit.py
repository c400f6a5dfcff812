#!/usr/bin/python3
"""docx_edit.py IN.docx OUT.docx OP… — a DOCX kehoach wrote, edited the way
a leader's Word would (or a hostile file would), for
tests/cli/import_docx_meta.sh. OPs, applied in order:
  --replace OLD NEW     the first OLD in word/document.xml becomes NEW
  --drop-unit ID        the paragraph holding the bookmark of the unit
                        whose record (customXml/item1.xml) has id="ID"
  --part FILE           customXml/item1.xml's bytes become FILE's
  --rename OLD NEW      bookmark name OLD becomes NEW in document.xml
Every other entry is copied as it is."""
import re
import sys
import zipfile

src, dst, ops = sys.argv[1], sys.argv[2], sys.argv[3:]
zin = zipfile.ZipFile(src)
parts = {i.filename: zin.read(i.filename) for i in zin.infolist()}
doc = parts["word/document.xml"].decode("utf-8")
i = 0
while i < len(ops):
    op = ops[i]
    if op == "--replace":
        old, new = ops[i + 1], ops[i + 2]
        assert old in doc, "not in document.xml: " + old
        doc = doc.replace(old, new, 1)
        i += 3
    elif op == "--drop-unit":
        meta = parts["customXml/item1.xml"].decode("utf-8")
        at = re.search(r'<kh:unit at="(_kh\d+)" id="%s"' % re.escape(ops[i + 1]), meta).group(1)
        k = doc.index('w:name="%s"' % at)
        start = doc.rindex("<w:p>", 0, k)
        end = doc.index("</w:p>", k) + len("</w:p>")
        doc = doc[:start] + doc[end:]
        i += 2
    elif op == "--part":
        parts["customXml/item1.xml"] = open(ops[i + 1], "rb").read()
        i += 2
    elif op == "--rename":
        old, new = ops[i + 1], ops[i + 2]
        doc = doc.replace('w:name="%s"' % old, 'w:name="%s"' % new)
        i += 3
    else:
        sys.exit("unknown op " + op)
parts["word/document.xml"] = doc.encode("utf-8")
with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
    for name, data in parts.items():
        z.writestr(name, data)

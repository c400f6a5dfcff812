#!/usr/bin/python3
"""read.py FILE.docx PROFILE — read a kehoach DOCX with python-docx (an
independent reader) and print what it finds against the profile table in
src/model/profile.c (the one place the values live): page size, margins,
font and sizes, the tables, the first-page header, language, properties.
Prints one line per fact, 'ok ...' or 'bad ...'; exit 1 on any bad."""
import re
import sys
import zipfile

import docx

path, profile = sys.argv[1], sys.argv[2]
src = open("src/model/profile.c", encoding="utf-8").read()
# The party table comes first, the state table second.
blocks = re.split(r"\n\s*\[KH_PROFILE_", src)
block = next(b for b in blocks if b.startswith(profile.upper()))


def val(key):
    return float(re.search(r"\." + key + r"\s*=\s*([0-9.]+)", block).group(1))


font = re.search(r'\.font_name\s*=\s*"([^"]+)"', block).group(1)
bad = 0


def fact(ok, what):
    global bad
    print(("ok " if ok else "bad ") + what)
    bad += not ok


d = docx.Document(path)
s = d.sections[0]
fact(abs(s.page_width.mm - 210) < 0.5 and abs(s.page_height.mm - 297) < 0.5,
     "A4: %.1f x %.1f mm" % (s.page_width.mm, s.page_height.mm))
for side in ("top", "bottom", "left", "right"):
    got = getattr(s, side + "_margin").mm
    fact(abs(got - val("margin_" + side)) < 0.5, "%s margin %.1f mm" % (side, got))
fact(s.different_first_page_header_footer, "different first page (no number on page 1)")
hdr = s.header.paragraphs
fact(any(r._r.xml.find("PAGE") >= 0 for p in hdr for r in p.runs) or
     "PAGE" in s.header._element.xml, "page number field in the header of page 2 on")
styles = d.styles.element.xml
fact(('w:ascii="%s"' % font) in styles, "font %s in the document defaults" % font)
fact('w:val="vi-VN"' in styles, "language vi-VN")
body = d.styles["KH Body"]
fact(body.font.size is not None and abs(body.font.size.pt - val("size_body")) < 0.01,
     "body size %s pt" % (body.font.size.pt if body.font.size else None))
fact(body.paragraph_format.alignment == 3, "body justified")
fact(body.paragraph_format.first_line_indent is not None and
     body.paragraph_format.first_line_indent > 0, "body first-line indent")
for style, key in (("KH Header Title", "size_header_title"), ("KH Superior", "size_superior"),
                   ("KH Issuer", "size_issuer"), ("KH Number", "size_number"),
                   ("KH Date Line", "size_date_line"), ("KH Document Type", "size_doc_type"),
                   ("KH Recipient", "size_recipients"), ("KH Signature", "size_signature")):
    f = d.styles[style].font
    fact(f.size is not None and abs(f.size.pt - val(key)) < 0.01,
         "%s size %s pt (%s)" % (style, f.size.pt if f.size else None, key))
# the header cells use those styles
used = {p.style.name for c in d.tables[0]._cells for p in c.paragraphs} if d.tables else set()
fact({"KH Issuer", "KH Number"} <= used, "header table set in KH Issuer and KH Number")
title = d.styles["KH Title"]
fact(title.font.size is not None and abs(title.font.size.pt - val("size_title")) < 0.01,
     "title size %s pt" % (title.font.size.pt if title.font.size else None))
t = d.tables
fact(len(t) >= 2, "%d tables (header, end block%s)" % (len(t), ", checklist" if len(t) > 2 else ""))
if t:
    x = t[0]._tbl.xml
    fact('w:val="nil"' in x or "w:tblBorders" not in x or 'w:val="none"' in x,
         "header table borderless")
    fact(len(t[0].columns) == 2, "header table has two columns")
if len(t) > 2:
    fact("w:tblHeader" in t[-1]._tbl.xml, "checklist header row repeats")
cp = d.core_properties
fact(bool(cp.title) and bool(cp.author) and bool(cp.subject),
     "properties: title, author (%s), subject" % cp.author)
with zipfile.ZipFile(path) as z:
    fact(all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in z.infolist()),
         "fixed zip times")
sys.exit(1 if bad else 0)

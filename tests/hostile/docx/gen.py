#!/usr/bin/python3
"""gen.py — writes the hostile .docx files of this directory (committed; run
again to regenerate): each must be refused by `kehoach import` and `check`
with a located error, in time, with no crash."""
import io, os, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
CT = ('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Override PartName="/word/document.xml" ContentType="application/'
      'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

def docx(name, body, ct=CT, extra=()):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("word/document.xml", body)
        for n, data in extra:
            z.writestr(n, data)

def doc(paras):
    return (f'<?xml version="1.0"?><w:document {W}><w:body>' +
            "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paras) +
            "</w:body></w:document>")

# 40 MB of one repeated paragraph: ratio far past 100:1, size past 8 MiB
docx("zip-bomb.docx", doc(["KẾ HOẠCH"]) + " " * (40 << 20))
docx("many-entries.docx", doc(["KẾ HOẠCH"]), extra=[(f"x/{i}.xml", "") for i in range(1500)])
docx("deep-nesting.docx", f'<?xml version="1.0"?><w:document {W}><w:body>' +
     "<w:p>" * 5000 + "</w:p>" * 5000 + "</w:body></w:document>")
docx("external-entity.docx", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM '
     '"file:///etc/passwd">]>' + f'<w:document {W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r>'
     '</w:p></w:body></w:document>')
docx("billion-laughs.docx", '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
     '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
     f'<w:document {W}><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
docx("wrong-mime.docx", doc(["KẾ HOẠCH"]), ct=CT.replace("wordprocessingml.document.main",
                                                          "spreadsheetml.sheet.main"))
docx("not-well-formed.docx", f'<?xml version="1.0"?><w:document {W}><w:body><w:p><w:r>')
good = io.BytesIO()
with zipfile.ZipFile(good, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CT)
    z.writestr("word/document.xml", doc(["Số 1-KH/HU", "KẾ HOẠCH"] * 200))
data = good.getvalue()
open(os.path.join(HERE, "truncated.docx"), "wb").write(data[: len(data) // 2])
open(os.path.join(HERE, "not-a-zip.docx"), "wb").write(b"KE HOACH\nthis is text named .docx\n")
open(os.path.join(HERE, "old-binary.docx"), "wb").write(
    b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)
open(os.path.join(HERE, "legacy-vni.txt"), "wb").write(
    "KEÁ HOAÏCH trieån khai ñôït sinh hoaït chính trò\n".encode("latin-1"))

/* docx_read.c — a Word document (.docx: a zip of XML) as paragraphs. The
 * container is opened with libzip from memory and bounded before anything
 * is unpacked: entry count, encryption, the unpacked size and the
 * compression ratio of word/document.xml (zip bombs), and the content type
 * must say it is a Word document. The XML is read with libxml2's streaming
 * xmlTextReader: no network, no DTD loaded, a DTD or an entity reference
 * refused, element depth bounded; no recursion. Paragraphs (w:p) give their
 * text with bold and italic runs as Markdown marks, manual breaks as '\n',
 * tabs as spaces; runs shown in capitals by <w:caps/> keep the case of
 * their stored text (the paragraph is flagged KH_PARA_CAPS when all are);
 * table cells' paragraphs come in reading order. A paragraph's number is
 * its place among the paragraphs that hold text. Runs in a legacy font
 * (.VnTime: TCVN3, converted with iconv; VNI-Times: VNI, refused) are
 * told by their w:rFonts. The bookmarks kehoach writes (`_khN`) are kept
 * with their paragraph, and its customXml records are read by
 * docx_meta.c (docs/docx-metadata.md). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/xmlreader.h>
#include <zip.h>

#include "kehoach/import.h"

static const kh_pos whole = {0, 0};

/* The entry's bytes, at most max (a lying header cannot make it more). */
static char *read_entry(zip_t *z, const char *path, const char *name, size_t max, size_t *len,
                        kh_severity sev, kh_diags *d)
{
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(z, name, 0, &st) != 0)
        return NULL;
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
        kh_diag(d, path, whole, sev, "DOCX-ENCRYPTED",
                "'%s' is encrypted: save the document without a password",
                "'%s' được mã hóa: hãy lưu văn bản không đặt mật khẩu", name);
        return NULL;
    }
    if ((st.valid & ZIP_STAT_SIZE) && st.size > max) {
        kh_diag(d, path, whole, sev, "DOCX-SIZE",
                "'%s' unpacks to %llu bytes; at most %zu are read",
                "'%s' giải nén ra %llu byte; chỉ đọc tối đa %zu byte", name,
                (unsigned long long)st.size, max);
        return NULL;
    }
    if ((st.valid & ZIP_STAT_COMP_SIZE) && (st.valid & ZIP_STAT_SIZE) && st.size > (1u << 20) &&
        st.size / (st.comp_size ? st.comp_size : 1) > KH_DOCX_MAX_RATIO) {
        kh_diag(d, path, whole, sev, "DOCX-RATIO",
                "'%s' is compressed %llu to 1 (at most %d to 1): a zip bomb?",
                "'%s' nén tỉ lệ %llu trên 1 (tối đa %d trên 1): tệp zip bom?", name,
                (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)),
                KH_DOCX_MAX_RATIO);
        return NULL;
    }
    zip_file_t *f = zip_fopen(z, name, 0);
    if (!f) {
        kh_diag(d, path, whole, sev, "DOCX-ZIP", "cannot unpack '%s': %s",
                "không giải nén được '%s': %s", name, zip_strerror(z));
        return NULL;
    }
    char *buf = kh_xmalloc(max + 1);
    size_t n = 0;
    zip_int64_t r = 0;
    while (n <= max && (r = zip_fread(f, buf + n, max + 1 - n)) > 0)
        n += (size_t)r;
    bool bad = r < 0 || zip_error_code_zip(zip_file_get_error(f)) != ZIP_ER_OK;
    zip_fclose(f);
    if (n > max || bad) {
        if (n > max)
            kh_diag(d, path, whole, sev, "DOCX-SIZE",
                    "'%s' unpacks to more than %zu bytes", "'%s' giải nén ra quá %zu byte",
                    name, max);
        else
            kh_diag(d, path, whole, sev, "DOCX-ZIP", "'%s' is damaged",
                    "'%s' bị hỏng", name);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* A run's legacy font: its text is not Unicode but a legacy Vietnamese
 * code shown through the font (Word stores each byte as the Windows
 * character of that number): TCVN3 / ABC in the .Vn fonts (.VnTime;
 * .VnTimeH, a name ending in H, shows the small letters as capitals), VNI
 * in the VNI- fonts (VNI-Times), which iconv has no converter for. */
typedef enum legacy { LEGACY_NONE, LEGACY_TCVN3, LEGACY_TCVN3_CAPS, LEGACY_VNI } legacy;

static legacy legacy_font(const char *f)
{
    if (!f)
        return LEGACY_NONE;
    if (!strncasecmp(f, ".vn", 3)) {
        size_t n = strlen(f);
        return n > 3 && f[n - 1] == 'H' ? LEGACY_TCVN3_CAPS : LEGACY_TCVN3;
    }
    return !strncasecmp(f, "vni-", 4) || !strncasecmp(f, "vni ", 4) ? LEGACY_VNI : LEGACY_NONE;
}

typedef struct para_state {
    kh_buf text;
    legacy run_legacy;
    char tcvn3_font[64], vni_font[64]; /* the first such font met, for the message */
    bool in_para, in_t, run_bold, run_italic, run_caps, open_bold, open_italic;
    bool any_text, all_bold, all_italic, all_caps;
    unsigned flags;
    unsigned table, row, cell; /* where the paragraph is (kh_para) */
    unsigned rows, cells;      /* rows of the table, cells of the row so far */
    unsigned nested, nested_cell, nested_cells; /* the same in a nested table */
    char marks[8][16]; /* kehoach's bookmarks (`_khN`) met since the last paragraph */
    unsigned n_marks;
} para_state;

static bool is_w(const xmlChar *name, const char *local)
{
    return name && !strcmp((const char *)name, local);
}

static bool on_value(xmlTextReaderPtr r)
{
    xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)"w:val");
    bool on = !v || (strcmp((char *)v, "0") && strcmp((char *)v, "false") &&
                     strcmp((char *)v, "none"));
    xmlFree(v);
    return on;
}

static void mark(para_state *ps)
{
    /* close what the new run does not have, then open what it has */
    if (ps->open_italic && !ps->run_italic) {
        kh_buf_putc(&ps->text, '*');
        ps->open_italic = false;
    }
    if (ps->open_bold && !ps->run_bold) {
        if (ps->open_italic) {
            kh_buf_putc(&ps->text, '*');
            ps->open_italic = false;
        }
        kh_buf_puts(&ps->text, "**");
        ps->open_bold = false;
    }
    if (ps->run_bold && !ps->open_bold) {
        kh_buf_puts(&ps->text, "**");
        ps->open_bold = true;
    }
    if (ps->run_italic && !ps->open_italic) {
        kh_buf_putc(&ps->text, '*');
        ps->open_italic = true;
    }
}

/* A run in a .Vn font: its characters back to the bytes they stand for
 * (U+00A0–U+00FF: the byte of that number; ASCII as it is), through the
 * TCVN3 table, to UTF-8; capitals for a .VnTimeH font. */
static void add_plain(para_state *ps, const char *s);

static char *tcvn3_run(const char *s, bool caps)
{
    kh_buf bytes = {0};
    for (size_t i = 0, n = strlen(s); i < n;) {
        uint32_t cp;
        size_t k = kh_utf8_decode(s + i, n - i, &cp);
        if (!k)
            k = 1, cp = '?';
        kh_buf_putc(&bytes, cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF) ? (char)cp : '?');
        i += k;
    }
    size_t len = 0;
    char *u = kh_tcvn3_decode(bytes.s ? bytes.s : "", bytes.len, &len);
    kh_buf_free(&bytes);
    if (u && caps) {
        char *up = kh_utf8_upper(u);
        free(u);
        u = up;
    }
    return u;
}

static void add_text(para_state *ps, const char *s)
{
    char *conv = NULL;
    if (ps->run_legacy == LEGACY_TCVN3 || ps->run_legacy == LEGACY_TCVN3_CAPS) {
        conv = tcvn3_run(s, ps->run_legacy == LEGACY_TCVN3_CAPS);
        if (conv)
            s = conv;
    }
    add_plain(ps, s);
    free(conv);
}

static void add_plain(para_state *ps, const char *s)
{
    if (ps->text.len + strlen(s) > KH_IMPORT_MAX_PARA_BYTES)
        return;
    bool blank = !s[strspn(s, " \t")];
    if (!blank) {
        mark(ps);
        ps->any_text = true;
        ps->all_bold &= ps->run_bold;
        ps->all_italic &= ps->run_italic;
        ps->all_caps &= ps->run_caps;
    }
    kh_buf_puts(&ps->text, s);
}

static int end_para(para_state *ps, kh_src *doc, unsigned *number, kh_diags *d,
                    const char *path)
{
    ps->run_bold = ps->run_italic = false;
    mark(ps);
    int r = 0;
    const char *t = kh_buf_str(&ps->text);
    if (ps->any_text) {
        unsigned fl = ps->flags | (ps->all_bold ? KH_PARA_BOLD : 0) |
                      (ps->all_italic ? KH_PARA_ITALIC : 0) |
                      (ps->all_caps ? KH_PARA_CAPS : 0);
        if (kh_src_add(doc, t, ps->text.len, ++*number, fl)) {
            kh_para *p = &doc->v[doc->n - 1];
            for (unsigned i = 0; i < ps->n_marks; i++)
                kh_meta_add_mark(&doc->meta, ps->marks[i], doc->n - 1);
            p->table = ps->table;
            p->row = ps->row;
            p->cell = ps->cell;
            p->nested = ps->nested;
            p->nested_cell = ps->nested_cell;
        } else {
            kh_diag(d, path, (kh_pos){*number, 1}, KH_ERROR, "IMPORT-PARAS",
                    "more than %u paragraphs; the rest is not read",
                    "quá %u đoạn; phần còn lại không được đọc", KH_IMPORT_MAX_PARAS);
            r = -1;
        }
    }
    ps->n_marks = 0; /* those of a paragraph without text print nothing */
    ps->text.len = 0;
    if (ps->text.s)
        ps->text.s[0] = '\0';
    ps->in_para = ps->any_text = false;
    return r;
}

static int read_body(const char *path, const char *xml, size_t len, kh_src *doc, kh_diags *d)
{
    xmlTextReaderPtr r = xmlReaderForMemory(xml, (int)len, "word/document.xml", NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    if (!r) {
        kh_diag(d, path, whole, KH_ERROR, "DOCX-XML", "word/document.xml cannot be read",
                "không đọc được word/document.xml");
        return -1;
    }
    para_state ps = {0};
    unsigned number = 0, table_depth = 0, tables = 0, nested_tables = 0;
    int status = 0, rc;
    while (status == 0 && (rc = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r);
        int depth = xmlTextReaderDepth(r);
        const xmlChar *name = xmlTextReaderConstName(r);
        if (depth > KH_DOCX_MAX_DEPTH) {
            kh_diag(d, path, (kh_pos){number + 1, 1}, KH_ERROR, "DOCX-DEPTH",
                    "XML elements nested deeper than %d in word/document.xml, line %d",
                    "phần tử XML lồng sâu quá %d mức trong word/document.xml, dòng %d",
                    KH_DOCX_MAX_DEPTH, xmlTextReaderGetParserLineNumber(r));
            status = -1;
            break;
        }
        if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
            type == XML_READER_TYPE_ENTITY) {
            kh_diag(d, path, (kh_pos){number + 1, 1}, KH_ERROR, "DOCX-DTD",
                    "word/document.xml has a DTD or an entity (line %d): Word never writes "
                    "one; refused",
                    "word/document.xml có DTD hoặc thực thể (dòng %d): Word không bao giờ "
                    "ghi; từ chối",
                    xmlTextReaderGetParserLineNumber(r));
            status = -1;
            break;
        }
        bool empty = xmlTextReaderIsEmptyElement(r) == 1;
        if (type == XML_READER_TYPE_ELEMENT) {
            if (is_w(name, "w:p")) {
                if (ps.in_para)
                    status = end_para(&ps, doc, &number, d, path);
                ps.in_para = true;
                ps.any_text = false;
                ps.all_bold = ps.all_italic = ps.all_caps = true;
                ps.flags = table_depth ? KH_PARA_TABLE : 0;
                if (empty)
                    ps.in_para = false;
            } else if (is_w(name, "w:tbl") && !empty) {
                if (table_depth++ == 0) {
                    ps.table = ++tables;
                    ps.row = ps.cell = 0;
                    ps.rows = 0;
                } else if (table_depth == 2) {
                    ps.nested = ++nested_tables;
                    ps.nested_cell = ps.nested_cells = 0;
                }
            } else if (is_w(name, "w:tr") && table_depth == 1) {
                ps.row = ps.rows++;
                ps.cells = 0;
            } else if (is_w(name, "w:tc") && table_depth == 1) {
                ps.cell = ps.cells++;
            } else if (is_w(name, "w:tr") && table_depth == 2) {
                ps.nested_cells = 0;
            } else if (is_w(name, "w:tc") && table_depth == 2) {
                ps.nested_cell = ps.nested_cells++;
            } else if (is_w(name, "w:r")) {
                ps.run_bold = ps.run_italic = ps.run_caps = false;
                ps.run_legacy = LEGACY_NONE;
            } else if (is_w(name, "w:rFonts")) {
                xmlChar *f = xmlTextReaderGetAttribute(r, (const xmlChar *)"w:ascii");
                if (!f)
                    f = xmlTextReaderGetAttribute(r, (const xmlChar *)"w:hAnsi");
                ps.run_legacy = legacy_font((const char *)f);
                char *seen = ps.run_legacy == LEGACY_VNI ? ps.vni_font
                             : ps.run_legacy ? ps.tcvn3_font : NULL;
                if (seen && !seen[0])
                    snprintf(seen, sizeof ps.vni_font, "%s", (const char *)f);
                xmlFree(f);
            } else if (is_w(name, "w:bookmarkStart")) {
                /* kehoach's own (docs/docx-metadata.md): the paragraph's
                 * element has a record in the customXml part */
                xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)"w:name");
                if (v && ps.n_marks < 8 && kh_meta_name_ok((const char *)v))
                    snprintf(ps.marks[ps.n_marks++], sizeof ps.marks[0], "%s", (const char *)v);
                xmlFree(v);
            } else if (is_w(name, "w:b")) {
                ps.run_bold = on_value(r);
            } else if (is_w(name, "w:i")) {
                ps.run_italic = on_value(r);
            } else if (is_w(name, "w:caps")) {
                ps.run_caps = on_value(r); /* shown in capitals: the text is kept as stored */
            } else if (is_w(name, "w:t")) {
                ps.in_t = !empty;
            } else if (is_w(name, "w:tab") && ps.in_para) {
                add_text(&ps, " ");
            } else if (is_w(name, "w:noBreakHyphen") && ps.in_para) {
                add_text(&ps, "-"); /* 06-ĐA/TU as kehoach writes it */
            } else if ((is_w(name, "w:br") || is_w(name, "w:cr")) && ps.in_para) {
                if (ps.text.len)
                    kh_buf_putc(&ps.text, '\n');
            } else if (is_w(name, "w:numPr") && ps.in_para && !ps.text.len) {
                kh_buf_puts(&ps.text, "- "); /* a list item: its bullet as Markdown */
            } else if (is_w(name, "w:pStyle")) {
                xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)"w:val");
                if (v && (strstr((char *)v, "Heading") || strstr((char *)v, "Title")))
                    ps.flags |= KH_PARA_HEADING;
                /* kehoach's own table note: italic by its style, not its runs */
                if (v && !strcmp((char *)v, "KhTableNote"))
                    ps.flags |= KH_PARA_ITALIC;
                /* and its table caption: bold and centred by its style */
                if (v && !strcmp((char *)v, "KhTableCaption"))
                    ps.flags |= KH_PARA_BOLD | KH_PARA_CENTER;
                xmlFree(v);
            } else if (is_w(name, "w:jc")) {
                xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)"w:val");
                if (v && !strcmp((char *)v, "center"))
                    ps.flags |= KH_PARA_CENTER;
                xmlFree(v);
            }
        } else if (type == XML_READER_TYPE_END_ELEMENT) {
            if (is_w(name, "w:p") && ps.in_para)
                status = end_para(&ps, doc, &number, d, path);
            else if (is_w(name, "w:t"))
                ps.in_t = false;
            else if (is_w(name, "w:tbl") && table_depth && --table_depth == 0)
                ps.table = 0;
            else if (is_w(name, "w:tbl") && table_depth == 1)
                ps.nested = 0;
        } else if ((type == XML_READER_TYPE_TEXT ||
                    type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                    type == XML_READER_TYPE_CDATA) &&
                   ps.in_t && ps.in_para) {
            const xmlChar *v = xmlTextReaderConstValue(r);
            if (v)
                add_text(&ps, (const char *)v);
        }
    }
    if (status == 0 && rc != 0) {
        kh_diag(d, path, (kh_pos){number + 1, 1}, KH_ERROR, "DOCX-XML",
                "word/document.xml is not well-formed XML (line %d)",
                "word/document.xml không phải XML đúng cú pháp (dòng %d)",
                xmlTextReaderGetParserLineNumber(r));
        status = -1;
    }
    if (status == 0 && ps.vni_font[0]) {
        kh_diag(d, path, whole, KH_ERROR, "IMPORT-ENCODING",
                "the document's text is in the font %s, that is the legacy VNI encoding, which "
                "iconv cannot convert: convert it to Unicode first (Unikey's converter: VNI "
                "Windows → Unicode)",
                "văn bản dùng phông %s, tức bảng mã VNI cũ, iconv không chuyển được: hãy chuyển "
                "sang Unicode trước (công cụ chuyển mã của Unikey: VNI Windows → Unicode)",
                ps.vni_font);
        status = -1;
    } else if (status == 0 && ps.tcvn3_font[0]) {
        kh_diag(d, path, whole, KH_WARNING, "IMPORT-ENCODING",
                "runs in the font %s hold text in the legacy TCVN3 (ABC) encoding; converted to "
                "Unicode: check the letters",
                "các đoạn phông %s dùng bảng mã TCVN3 (ABC) cũ; đã chuyển sang Unicode: hãy soát "
                "lại chữ",
                ps.tcvn3_font);
    }
    kh_buf_free(&ps.text);
    xmlFreeTextReader(r);
    return status;
}

/* kehoach's own data (src/import/docx_meta.c): each customXml/itemN.xml,
 * at most KH_DOCX_META_MAX_PARTS of them, bounded like the body but only
 * warned about, since the text is imported without it. */
static void read_meta(zip_t *z, zip_int64_t n, const char *path, kh_src *doc, kh_diags *d)
{
    int parts = 0;
    for (zip_int64_t i = 0; i < n && parts < KH_DOCX_META_MAX_PARTS; i++) {
        const char *name = zip_get_name(z, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);
        if (!name || strncmp(name, "customXml/item", 14))
            continue;
        size_t digits = strspn(name + 14, "0123456789");
        if (!digits || digits > 4 || strcmp(name + 14 + digits, ".xml"))
            continue;
        parts++;
        size_t len = 0;
        char *xml = read_entry(z, path, name, KH_DOCX_META_MAX_BYTES, &len, KH_WARNING, d);
        if (xml && len <= (size_t)0x7fffffff)
            kh_docx_meta_parse(path, name, xml, len, &doc->meta, d);
        free(xml);
    }
}

int kh_read_docx(const char *path, const char *data, size_t len, kh_src *doc, kh_diags *d)
{
    doc->kind = KH_SRC_DOCX;
    doc->path = path;
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t *src = zip_source_buffer_create(data, len, 0, &err);
    zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err) : NULL;
    if (!z) {
        kh_diag(d, path, whole, KH_ERROR, "DOCX-ZIP",
                "not a readable zip archive (%s): a .docx is a zip; is the file complete?",
                "không phải tệp zip đọc được (%s): .docx là một tệp zip; tệp có bị cắt cụt?",
                zip_error_strerror(&err));
        if (src)
            zip_source_free(src);
        zip_error_fini(&err);
        return -1;
    }
    zip_error_fini(&err);
    int status = -1;
    zip_int64_t n = zip_get_num_entries(z, 0);
    if (n > KH_DOCX_MAX_ENTRIES) {
        kh_diag(d, path, whole, KH_ERROR, "DOCX-ENTRIES",
                "the archive has %lld entries; a Word document has a few dozen (at most %d read)",
                "tệp nén có %lld mục; văn bản Word chỉ có vài chục (đọc tối đa %d)",
                (long long)n, KH_DOCX_MAX_ENTRIES);
        goto out;
    }
    size_t ct_len = 0, xml_len = 0;
    char *ct = read_entry(z, path, "[Content_Types].xml", 1u << 20, &ct_len, KH_ERROR, d);
    if (!ct || !strstr(ct, "wordprocessingml.document.main")) {
        if (!d->count[KH_ERROR])
            kh_diag(d, path, whole, KH_ERROR, "DOCX-NOT-WORD",
                    "a zip archive, but not a Word document (no "
                    "wordprocessingml.document.main in [Content_Types].xml)",
                    "tệp zip nhưng không phải văn bản Word (không có "
                    "wordprocessingml.document.main trong [Content_Types].xml)");
        free(ct);
        goto out;
    }
    free(ct);
    char *xml = read_entry(z, path, "word/document.xml", KH_DOCX_MAX_XML_BYTES, &xml_len, KH_ERROR, d);
    if (!xml) {
        if (!d->count[KH_ERROR])
            kh_diag(d, path, whole, KH_ERROR, "DOCX-NOT-WORD",
                    "the Word document has no word/document.xml",
                    "văn bản Word không có word/document.xml");
        goto out;
    }
    if (xml_len > (size_t)0x7fffffff) {
        free(xml);
        goto out;
    }
    status = read_body(path, xml, xml_len, doc, d);
    free(xml);
    if (status == 0)
        read_meta(z, n, path, doc, d);
out:
    zip_discard(z);
    return status;
}

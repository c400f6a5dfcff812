/* docx_meta.c — reads kehoach's own data back from a DOCX it wrote: the
 * Custom XML Data part (customXml/itemN.xml, root <kh:meta> in the
 * namespace urn:kehoach:docx-meta, version 1) whose records name the
 * hidden `_khN` bookmarks docx_read.c finds in the paragraphs. The format
 * is docs/docx-metadata.md; the writer is src/render/docx_meta.c. The part
 * is hostile input like the rest of the file: read (by docx_read.c) to at
 * most KH_DOCX_META_MAX_BYTES, parsed with libxml2's streaming reader with
 * no network, no DTD and no entity, no element deeper than a record's
 * child, at most KH_DOCX_META_MAX_RECORDS records, each value at most
 * KH_DOCX_META_MAX_VALUE bytes of UTF-8 without control characters, only
 * the attributes each record kind knows. What is refused is a warning or
 * a note: the text of the document is imported all the same. */
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>

#include "kehoach/import.h"

#define NS "urn:kehoach:docx-meta"

static const kh_pos whole = {0, 0};

bool kh_meta_name_ok(const char *name)
{
    if (strncmp(name, "_kh", 3))
        return false;
    size_t n = strspn(name + 3, "0123456789");
    return n >= 1 && n <= 9 && !name[3 + n];
}

void kh_meta_add_mark(kh_docx_meta *m, const char *name, size_t para)
{
    if (m->n_marks >= KH_DOCX_META_MAX_RECORDS || !kh_meta_name_ok(name))
        return;
    KH_GROW(m->marks, m->n_marks, m->cap_marks);
    kh_meta_mark *k = &m->marks[m->n_marks++];
    snprintf(k->name, sizeof k->name, "%s", name);
    k->para = para;
}

/* Each record's element name and the attributes it may carry (its YAML
 * keys, and the `if-` conditions), in kh_meta_kind order. */
static const struct kind_def {
    const char *name;
    bool at; /* keyed to a bookmark */
    const char *keys[KH_META_MAX_FIELDS + 1];
} kinds[] = {
    {"unit", true, {"id", "report_to", "text-is", NULL}},
    {"task", true, {"what", "report_to", "report", NULL}},
    {"event", true, {"what", "who", "text-date", NULL}},
    {"section", true, {"kind", NULL}},
    {"row", true, {"deadline", "if-before", "if-after", NULL}},
    {"recipient", true, {"unit", NULL}},
    {"schedule", false, {"from", "to", "recurring", NULL}},
    {"peak", false, {"from", "to", "label", NULL}},
    {"implements", false, {"file", "subject", "if-number", "none", "in", NULL}},
    {"closing", true, {"end-mark", NULL}}, /* its bookmark says where it starts */
    {"rule-off", false, {"id", "reason", NULL}},
};

typedef struct counts {
    size_t bad_values, unknown, records_over;
} counts;

static bool value_ok(const char *v)
{
    size_t n = strlen(v);
    if (!n || n > KH_DOCX_META_MAX_VALUE || kh_utf8_invalid_at(v, n) < n)
        return false;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return false;
    return true;
}

/* The record at the reader's element (its attributes); false when it is
 * not one to keep. */
static bool read_record(xmlTextReaderPtr r, const struct kind_def *k, kh_meta_rec *rec,
                        counts *c)
{
    bool at_ok = !k->at;
    while (xmlTextReaderMoveToNextAttribute(r) == 1) {
        const char *an = (const char *)xmlTextReaderConstLocalName(r);
        const char *av = (const char *)xmlTextReaderConstValue(r);
        if (!an || !av || xmlTextReaderConstNamespaceUri(r))
            continue; /* xmlns and other namespaces' attributes */
        if (k->at && !strcmp(an, "at")) {
            at_ok = kh_meta_name_ok(av);
            if (at_ok)
                snprintf(rec->at, sizeof rec->at, "%s", av);
            continue;
        }
        size_t i = 0;
        while (k->keys[i] && strcmp(k->keys[i], an))
            i++;
        if (!k->keys[i]) {
            c->unknown++;
            continue;
        }
        if (!value_ok(av) || rec->n >= KH_META_MAX_FIELDS) {
            c->bad_values++;
            continue;
        }
        rec->key[rec->n] = k->keys[i];
        rec->value[rec->n++] = kh_strdup(av);
    }
    xmlTextReaderMoveToElement(r);
    if (!at_ok)
        c->bad_values++;
    return at_ok && rec->n;
}

/* Whether the bytes name our namespace (a cheap look before parsing). */
static bool names_ns(const char *s, size_t n)
{
    size_t k = strlen(NS);
    for (const char *p = s; n >= k && (p = memchr(p, 'u', n - k + 1 - (size_t)(p - s)));
         p++)
        if (!memcmp(p, NS, k))
            return true;
    return false;
}

static void rec_free(kh_meta_rec *rec)
{
    for (size_t i = 0; i < rec->n; i++)
        free(rec->value[i]);
    rec->n = 0;
}

int kh_docx_meta_parse(const char *path, const char *part, const char *xml, size_t len,
                       kh_docx_meta *m, kh_diags *d)
{
    if (len > KH_DOCX_META_MAX_BYTES || !names_ns(xml, len))
        return 0; /* another program's part (or too big to be ours) */
    xmlTextReaderPtr r = xmlReaderForMemory(xml, (int)len, part, NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
    if (!r)
        return 0;
    size_t first = m->n_rec;
    counts c = {0};
    const char *why = NULL;
    bool ours = false;
    int rc = 0;
    while (!why && (rc = xmlTextReaderRead(r)) == 1) {
        int type = xmlTextReaderNodeType(r), depth = xmlTextReaderDepth(r);
        if (type == XML_READER_TYPE_DOCUMENT_TYPE || type == XML_READER_TYPE_ENTITY_REFERENCE ||
            type == XML_READER_TYPE_ENTITY) {
            why = "a DTD or an entity";
            break;
        }
        if (type != XML_READER_TYPE_ELEMENT)
            continue;
        const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
        const char *name = (const char *)xmlTextReaderConstLocalName(r);
        bool in_ns = ns && !strcmp(ns, NS);
        if (depth == 0) {
            if (!in_ns || !name || strcmp(name, "meta"))
                break; /* not ours after all */
            ours = true;
            xmlChar *v = xmlTextReaderGetAttribute(r, (const xmlChar *)"version");
            if (!v || strcmp((char *)v, "1"))
                why = "a version this kehoach does not know";
            xmlFree(v);
            continue;
        }
        if (depth > 2) {
            why = "elements nested deeper than a record's";
            break;
        }
        if (!in_ns || !name) {
            c.unknown++;
            continue;
        }
        size_t k = 0;
        while (k < sizeof kinds / sizeof *kinds && strcmp(kinds[k].name, name))
            k++;
        /* a peak is the child of the schedule, every other record the root's */
        if (k == sizeof kinds / sizeof *kinds || (depth == 2) != (k == KH_META_PEAK)) {
            c.unknown++;
            continue;
        }
        if (m->n_rec >= KH_DOCX_META_MAX_RECORDS) {
            c.records_over++;
            continue;
        }
        kh_meta_rec rec = {.kind = (kh_meta_kind)k};
        if (read_record(r, &kinds[k], &rec, &c) ||
            (k == KH_META_SCHEDULE || (k == KH_META_CLOSING && rec.at[0]))) {
            KH_GROW(m->rec, m->n_rec, m->cap_rec);
            m->rec[m->n_rec++] = rec;
        } else
            rec_free(&rec);
    }
    if (!why && rc < 0) /* it names our namespace: broken, not another's */
        why = "XML that is not well-formed";
    xmlFreeTextReader(r);
    if (!ours && !why)
        return 0;
    if (why) {
        for (size_t i = first; i < m->n_rec; i++)
            rec_free(&m->rec[i]);
        m->n_rec = first;
        kh_diag(d, path, whole, KH_WARNING, "DOCX-META",
                "%s holds kehoach's data with %s: ignored (the text is imported without it)",
                "%s chứa dữ liệu của kehoach có %s: bỏ qua (chỉ nhập phần chữ)", part, why);
        return -1;
    }
    if (c.records_over)
        kh_diag(d, path, whole, KH_WARNING, "DOCX-META",
                "%s holds more than %d records; %zu past them are ignored",
                "%s có quá %d bản ghi; bỏ qua %zu bản ghi sau đó", part,
                KH_DOCX_META_MAX_RECORDS, c.records_over);
    if (c.bad_values)
        kh_diag(d, path, whole, KH_NOTE, "DOCX-META",
                "%s: %zu values or bookmark names are not usable (empty, longer than %d bytes, "
                "not UTF-8 text): ignored",
                "%s: %zu giá trị hoặc tên bookmark không dùng được (rỗng, dài quá %d byte, "
                "không phải chữ UTF-8): bỏ qua",
                part, c.bad_values, KH_DOCX_META_MAX_VALUE);
    if (c.unknown)
        kh_diag(d, path, whole, KH_NOTE, "DOCX-META",
                "%s: %zu elements or attributes this kehoach does not know: ignored",
                "%s: %zu phần tử hoặc thuộc tính phiên bản kehoach này không biết: bỏ qua",
                part, c.unknown);
    return 0;
}

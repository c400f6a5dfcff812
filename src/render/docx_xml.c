/* docx_xml.c — the XML writer of the DOCX parts (see docx_xml.h). libxml2
 * is initialised once per process (pthread_once: builds run plans on
 * several threads, and xmlInitParser of libxml2 2.9 is not itself safe to
 * race). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>

#include "docx_xml.h"

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void xml_init(void)
{
    xmlInitParser();
}

#define W(x) ((xmlTextWriterPtr)(x)->w)

static void latch(kh_xml *x, int rc)
{
    if (rc < 0)
        x->failed = true;
}

void kh_xml_open(kh_xml *x)
{
    pthread_once(&xml_once, xml_init);
    memset(x, 0, sizeof *x);
    xmlBufferPtr b = xmlBufferCreate();
    xmlTextWriterPtr w = b ? xmlNewTextWriterMemory(b, 0) : NULL;
    if (!w) {
        if (b)
            xmlBufferFree(b);
        x->failed = true;
        return;
    }
    x->buf = b;
    x->w = w;
    latch(x, xmlTextWriterStartDocument(w, "1.0", "UTF-8", "yes"));
}

void kh_xml_start(kh_xml *x, const char *name)
{
    if (x->w)
        latch(x, xmlTextWriterStartElement(W(x), (const xmlChar *)name));
}

void kh_xml_end(kh_xml *x)
{
    if (x->w)
        latch(x, xmlTextWriterEndElement(W(x)));
}

void kh_xml_attr(kh_xml *x, const char *name, const char *value)
{
    if (x->w)
        latch(x, xmlTextWriterWriteAttribute(W(x), (const xmlChar *)name,
                                             (const xmlChar *)value));
}

void kh_xml_attr_int(kh_xml *x, const char *name, long value)
{
    char v[32];
    snprintf(v, sizeof v, "%ld", value);
    kh_xml_attr(x, name, v);
}

void kh_xml_val(kh_xml *x, const char *name, const char *val)
{
    kh_xml_start(x, name);
    if (val)
        kh_xml_attr(x, "w:val", val);
    kh_xml_end(x);
}

void kh_xml_val_int(kh_xml *x, const char *name, long val)
{
    kh_xml_start(x, name);
    kh_xml_attr_int(x, "w:val", val);
    kh_xml_end(x);
}

void kh_xml_elem_text(kh_xml *x, const char *name, const char *text)
{
    kh_xml_start(x, name);
    kh_xml_text(x, text, strlen(text));
    kh_xml_end(x);
}

void kh_xml_text(kh_xml *x, const char *s, size_t n)
{
    if (!x->w)
        return;
    kh_buf *t = &x->scratch;
    t->len = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = kh_utf8_next(s + i, n - i, &cp);
        if (!len) {
            kh_buf_puts(t, "\xEF\xBF\xBD"); /* U+FFFD */
            i++;
            continue;
        }
        if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
            cp == 0xFFFE || cp == 0xFFFF)
            kh_buf_putc(t, ' ');
        else
            kh_buf_put(t, s + i, len);
        i += len;
    }
    latch(x, xmlTextWriterWriteString(W(x), (const xmlChar *)kh_buf_str(t)));
}

int kh_xml_close(kh_xml *x, kh_buf *out)
{
    int rc = -1;
    if (x->w) {
        latch(x, xmlTextWriterEndDocument(W(x)));
        xmlFreeTextWriter(W(x)); /* flushes into the buffer */
        xmlBufferPtr b = x->buf;
        if (!x->failed) {
            kh_buf_put(out, xmlBufferContent(b), (size_t)xmlBufferLength(b));
            rc = 0;
        }
        xmlBufferFree(b);
    }
    kh_buf_free(&x->scratch);
    memset(x, 0, sizeof *x);
    return rc;
}

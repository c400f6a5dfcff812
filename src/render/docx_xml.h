/* docx_xml.h — a thin layer over libxml2's xmlTextWriter for the DOCX
 * parts: elements, attributes and text escaped by the library (never
 * pasted together), the first error latched so the callers write straight
 * through and look once at the end. Owned by src/render/docx_xml.c. */
#ifndef KEHOACH_DOCX_XML_H
#define KEHOACH_DOCX_XML_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/text.h"

typedef struct kh_xml {
    void *buf;     /* xmlBufferPtr */
    void *w;       /* xmlTextWriterPtr */
    bool failed;
    kh_buf scratch;
} kh_xml;

/* Start a part: the XML declaration (UTF-8, standalone). */
void kh_xml_open(kh_xml *x);
void kh_xml_start(kh_xml *x, const char *name);
void kh_xml_end(kh_xml *x);
void kh_xml_attr(kh_xml *x, const char *name, const char *value);
void kh_xml_attr_int(kh_xml *x, const char *name, long value);
/* <name/> with w:val="val" (no attribute when val is NULL). */
void kh_xml_val(kh_xml *x, const char *name, const char *val);
void kh_xml_val_int(kh_xml *x, const char *name, long val);
/* An element holding text: <name>text</name>. */
void kh_xml_elem_text(kh_xml *x, const char *name, const char *text);
/* Character data s[0..n): characters XML 1.0 cannot hold (C0 controls but
 * tab and newline, invalid UTF-8) become spaces or U+FFFD. */
void kh_xml_text(kh_xml *x, const char *s, size_t n);
/* End the part and append its bytes to out. Returns 0, or -1 when any call
 * failed (out untouched). Frees the writer either way. */
int kh_xml_close(kh_xml *x, kh_buf *out);

#endif

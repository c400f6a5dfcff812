/* pdf_meta.h — the document-level metadata of kehoach's PDFs: the PDF
 * version (1.7: XMP needs 1.4), the catalog's /Lang, and an XMP metadata
 * stream that says what the Info dictionary says (title, author, subject,
 * keywords, dates, tools), for archives and search. Owned by
 * src/render/pdf_meta.c. */
#ifndef KEHOACH_PDF_META_H
#define KEHOACH_PDF_META_H

#include <hpdf.h>

typedef struct kh_pdf_meta {
    const char *title, *author, *subject, *keywords; /* UTF-8; author may be NULL */
    const char *lang;       /* BCP 47: "vi-VN" */
    const HPDF_Date *date;  /* creation = modification; NULL: none */
} kh_pdf_meta;

/* Set the version, /Lang and /Metadata of pdf (its Info dictionary made
 * already). Returns 0, or -1 (libharu's handler has been told). */
int kh_pdf_meta_set(HPDF_Doc pdf, const kh_pdf_meta *m);

#endif

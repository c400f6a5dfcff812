/* pdf_outline.h — the PDF's bookmarks: one per heading of the layout
 * (level 0 the sections, level 1 their sub-sections, opened), built as
 * outline objects of our own so the titles are compact UTF-16 literals and
 * each destination sits inline. Owned by src/render/pdf_outline.c. */
#ifndef KEHOACH_PDF_OUTLINE_H
#define KEHOACH_PDF_OUTLINE_H

#include <hpdf.h>

#include "pdf_doc.h"
#include "pdf_stream.h"

/* Add the outline of layout L (pages[i] is page i) to the document.
 * Returns 0, or -1 when libharu failed (its handler has been told). */
int kh_pdf_outlines(kh_pdf_writer *w, HPDF_Page *pages, const kh_pdf_layout *L);

#endif

/* pdf_tounicode.h — a standard ToUnicode CMap (bfrange, as the PDF
 * specification asks; libharu 2.3.0 writes a `begincidrange` one that
 * Poppler warns about and macOS Preview copies wrongly), so copy and paste
 * and pdftotext give back the exact text. Owned by src/render/pdf_tounicode.c. */
#ifndef KEHOACH_PDF_TOUNICODE_H
#define KEHOACH_PDF_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

#include "kehoach/text.h"

/* The CMap text for codes 0..n-1 of `bytes` bytes each (1: n <= 256; 2),
 * code c standing for the Unicode character uni[c] (0: none). Appends to
 * out. */
void kh_pdf_tounicode(const uint32_t *uni, size_t n, int bytes, kh_buf *out);

#endif

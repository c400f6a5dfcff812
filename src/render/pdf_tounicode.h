/* pdf_tounicode.h — a standard ToUnicode CMap (bfrange/bfchar) for a
 * libharu UTF-8 font, replacing libharu 2.3.0's `begincidrange` one, so
 * copy and paste and pdftotext give back the exact text in every viewer.
 * Owned by src/render/pdf_tounicode.c (uses libharu's internal headers). */
#ifndef KEHOACH_PDF_TOUNICODE_H
#define KEHOACH_PDF_TOUNICODE_H

#include <hpdf.h>

#include "pdf_font.h"

/* Give `font` (a Type0 font loaded with the "UTF-8" encoder, whose CIDs are
 * the BMP code points) a ToUnicode map of the code points drawn in face
 * `face` of f. Returns 0, or -1 (libharu's error handler has been called). */
int kh_pdf_tounicode(HPDF_Font font, const kh_pdf_fonts *f, int face);

#endif

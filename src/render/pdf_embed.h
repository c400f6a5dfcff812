/* pdf_embed.h — a subset TrueType face embedded as a Type0 / CIDFontType2
 * font built directly from libharu's object model: the codes are the glyph
 * ids of the subset (CIDToGIDMap /Identity), /W lists just those glyphs, the
 * ToUnicode map is standard. libharu 2.3.0's own loader needs a file path,
 * walks all 65536 code points per font (most of a naive build's time), and
 * sizes its maps by the highest code point; this avoids all three. Owned by
 * src/render/pdf_embed.c. */
#ifndef KEHOACH_PDF_EMBED_H
#define KEHOACH_PDF_EMBED_H

#include <stdbool.h>
#include <stdint.h>

#include <hpdf.h>

#include "pdf_font.h"
#include "pdf_stream.h"

typedef struct kh_pdf_face {
    HPDF_Dict font;     /* the Type0 font dictionary (in the xref) */
    char res[8];        /* its resource name on pages: "K0" … "K3" */
    uint16_t *gid;      /* code point (BMP) → code to write; 0: none */
    bool one_byte;      /* codes are one byte (at most 256 glyphs) or two */
} kh_pdf_face;

/* Subset face `face` of f to the characters drawn in it and embed it.
 * Returns 0, or -1 (libharu's error handler has been called, or the subset
 * failed). */
int kh_pdf_embed(kh_pdf_writer *w, kh_pdf_fonts *f, int face, kh_pdf_face *out);
void kh_pdf_face_free(kh_pdf_face *face);

/* Make the font usable on the page (its /Resources /Font entry). */
int kh_pdf_face_on_page(HPDF_Page page, const kh_pdf_face *face);

#endif

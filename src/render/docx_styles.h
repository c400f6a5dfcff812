/* docx_styles.h — word/styles.xml of the DOCX: one named paragraph style
 * per part of the issued document (header lines, tên loại, trích yếu,
 * body, căn cứ, list items, headings 1–9, tables and their captions and
 * notes, the Phụ lục heads, Nơi nhận, signature, page number, checklist), every size, spacing and indent from the profile
 * table, so an office restyles a part once. Also the unit conversions the
 * DOCX parts share. Owned by src/render/docx_styles.c. */
#ifndef KEHOACH_DOCX_STYLES_H
#define KEHOACH_DOCX_STYLES_H

#include "kehoach/profile.h"
#include "kehoach/text.h"

/* Twentieths of a point (twips) from millimetres and points; half-points. */
long kh_dx_twips_mm(double mm);
long kh_dx_twips_pt(double pt);
long kh_dx_half_pt(double pt);

/* Write styles.xml for the profile into out. Returns 0, or -1. */
int kh_dx_styles(const kh_profile *pr, kh_buf *out);

#endif

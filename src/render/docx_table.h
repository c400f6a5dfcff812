/* docx_table.h — the widths the DOCX estimates where Word measures for
 * itself (the file carries no fonts): a line of text in Times New Roman,
 * and the columns of a table of the body or an annex from its cells' text,
 * each column between its widest word and its whole text as HTML's
 * automatic layout does (the rule of pdf_table.c, with estimated widths).
 * The XML of the tables is render_docx.c's.
 * Owned by src/render/docx_table.c. */
#ifndef KEHOACH_DOCX_TABLE_H
#define KEHOACH_DOCX_TABLE_H

#include <stddef.h>

#include "docx_flow.h"

/* The width in twips of s[0..n) set at `size` points, estimated: an
 * average advance per character, capitals wider. */
long kh_dx_est_width(const char *s, size_t n, double size);

/* Column widths in twips of table t of flow f, summing to `width`: cell
 * text at `size` points, `pad` twips of padding on each side of a cell.
 * w: t->n_cols values. */
void kh_dx_table_widths(const kh_dx_flow *f, const kh_dx_table *t, double size,
                        long pad, long width, long *w);

#endif

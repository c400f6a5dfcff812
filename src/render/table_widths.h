/* table_widths.h — column widths of a table from its content, the same in
 * every paged renderer (PDF: measured text; DOCX: estimated): each column
 * between its widest word and its widest unbroken line, as HTML's automatic
 * table layout does. Units are the caller's (points, twips). Owned by
 * src/render/table_widths.c. */
#ifndef KEHOACH_TABLE_WIDTHS_H
#define KEHOACH_TABLE_WIDTHS_H

#include <stddef.h>

#include "layout.h"

/* The widest word of a cell's spans and its widest line (its forced line
 * breaks kept). A word may run across spans (bold 15, then "/6"): its
 * pieces are summed until a space. */
void kh_table_cell_extent(const kh_span *sp, size_t n, double size, const kh_measure *m,
                          double *word, double *line);

/* Widths summing to `width` for n columns whose content needs at least
 * lo[k] (its widest word) and at most hi[k] (its widest line), hi >= lo:
 * all on one line when they fit (the rest shared by content), all shrunk
 * alike when not even the words fit, else each between its two bounds. */
void kh_table_share_widths(const double *lo, const double *hi, size_t n, double width,
                           double *w);

#endif

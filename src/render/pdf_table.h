/* pdf_table.h — a table of the body or an annex (`table:`) as laid-out
 * blocks: column widths from the content (each column between its widest
 * word and its whole text, as HTML's automatic layout does), cell text
 * wrapped and aligned, every row ruled and kept on one page (a row taller
 * than a page is cut into parts between its lines, each ruled), the heading
 * row repeated at the top of each page the table continues on. The cells
 * come as spans (pdf_doc.c turns their Markdown into spans); this file knows
 * no Markdown and no PDF. Owned by src/render/pdf_table.c. */
#ifndef KEHOACH_PDF_TABLE_H
#define KEHOACH_PDF_TABLE_H

#include <stddef.h>

#include "layout.h"

typedef struct kh_pdf_cell {
    const kh_span *sp;
    size_t n;
} kh_pdf_cell;

typedef struct kh_pdf_table_in {
    size_t n_cols, n_rows;     /* n_rows: rows under the heading row */
    const kh_pdf_cell *head;   /* n_cols (set in bold by the caller) */
    const kh_pdf_cell *cells;  /* n_rows * n_cols, row-major */
    const kh_align *align;     /* n_cols */
    double width;              /* the table's width (the text width) */
    double size, leading, pad; /* type size, baseline to baseline, cell padding */
    double rule;               /* stroke of the rules */
    double space_before;       /* before the heading row */
    double page_height;        /* the text area's height: a row taller than a
                                  page (with the heading row) is cut into
                                  parts that fit; 0: never cut */
} kh_pdf_table_in;

/* Column widths summing to t->width, from the content. w: n_cols values. */
void kh_pdf_table_widths(const kh_pdf_table_in *t, const kh_measure *m, double *w);

/* Append the heading row and one block per row to doc. */
void kh_pdf_table(kh_doc *doc, const kh_pdf_table_in *t, const kh_measure *m);

#endif

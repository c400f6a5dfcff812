/* pdf_table.c — tables of the body and the annexes (see pdf_table.h). */
#include <stdlib.h>
#include <string.h>

#include "kehoach/text.h"
#include "pdf_table.h"
#include "table_widths.h"

void kh_pdf_table_widths(const kh_pdf_table_in *t, const kh_measure *m, double *w)
{
    size_t nc = t->n_cols;
    double *lo = kh_xcalloc(nc, sizeof *lo), *hi = kh_xcalloc(nc, sizeof *hi);
    double pad2 = 2 * t->pad;
    for (size_t k = 0; k < nc; k++) {
        for (size_t r = 0; r <= t->n_rows; r++) {
            const kh_pdf_cell *c = r == 0 ? &t->head[k] : &t->cells[(r - 1) * nc + k];
            double word, line;
            kh_table_cell_extent(c->sp, c->n, t->size, m, &word, &line);
            if (word + pad2 > lo[k])
                lo[k] = word + pad2;
            if (line + pad2 > hi[k])
                hi[k] = line + pad2;
        }
        if (lo[k] < pad2 + t->size)
            lo[k] = pad2 + t->size; /* an empty column still has room */
        if (hi[k] < lo[k])
            hi[k] = lo[k];
    }
    kh_table_share_widths(lo, hi, nc, t->width, w);
    free(lo);
    free(hi);
}

static void ruled(kh_block *b, const kh_pdf_table_in *t, const double *x, double h)
{
    b->height = h;
    double W = x[t->n_cols];
    kh_block_rule(b, 0, 0, W, 0, t->rule);
    kh_block_rule(b, 0, h, W, h, t->rule);
    for (size_t k = 0; k <= t->n_cols; k++)
        kh_block_rule(b, x[k], 0, x[k], h, t->rule);
}

/* One row: each cell set in its column, then the rules around every cell.
 * A row taller than max_h (> 0) becomes several blocks, each holding the
 * next lines of every cell that fit, each ruled: its lines are all one
 * leading apart, so a part holds the same count of lines of each cell. */
static void row(kh_doc *doc, const kh_pdf_table_in *t, const kh_measure *m,
                     const kh_pdf_cell *cells, const double *x, const kh_align *align,
                     double max_h)
{
    size_t nc = t->n_cols, most = 0;
    kh_block *tmp = kh_xcalloc(nc, sizeof *tmp);
    double h = t->leading + 2 * t->pad;
    for (size_t k = 0; k < nc; k++) {
        if (!cells[k].n)
            continue;
        double cw = x[k + 1] - x[k] - 2 * t->pad;
        kh_para_style st = {t->size, t->leading, cw > 1 ? cw : 1, 0, 0, align[k], align[k]};
        if (st.align == KH_ALIGN_JUSTIFY)
            st.last_align = KH_ALIGN_LEFT;
        kh_layout_para(&tmp[k], cells[k].sp, cells[k].n, &st, m);
        if (tmp[k].height + 2 * t->pad > h)
            h = tmp[k].height + 2 * t->pad;
        if (tmp[k].n_lines > most)
            most = tmp[k].n_lines;
    }
    size_t per = most; /* lines per part */
    if (max_h > 0 && h > max_h) {
        double room = max_h - 2 * t->pad;
        per = room > t->leading ? (size_t)(room / t->leading) : 1;
    }
    if (per == 0)
        per = 1;
    for (size_t from = 0; from < most || from == 0; from += per) {
        kh_block *b = kh_doc_add(doc);
        size_t to = from + per;
        double part = 0;
        for (size_t k = 0; k < nc; k++) {
            if (from >= tmp[k].n_lines)
                continue;
            size_t end = to < tmp[k].n_lines ? to : tmp[k].n_lines;
            kh_block_merge_lines(b, &tmp[k], from, end, x[k] + t->pad,
                                 t->pad - (double)from * t->leading);
            double ph = (double)(end - from) * t->leading;
            if (ph > part)
                part = ph;
        }
        double bh = per == most ? h : part + 2 * t->pad;
        if (bh < t->leading + 2 * t->pad)
            bh = t->leading + 2 * t->pad;
        ruled(b, t, x, bh);
        b->keep_together = true;
        if (most == 0)
            break;
    }
    for (size_t k = 0; k < nc; k++)
        kh_block_clear(&tmp[k]);
    free(tmp);
}

void kh_pdf_table(kh_doc *doc, const kh_pdf_table_in *t, const kh_measure *m)
{
    size_t nc = t->n_cols;
    if (!nc)
        return;
    double *w = kh_xcalloc(nc, sizeof *w), *x = kh_xcalloc(nc + 1, sizeof *x);
    kh_align *centre = kh_xcalloc(nc, sizeof *centre);
    kh_pdf_table_widths(t, m, w);
    for (size_t k = 0; k < nc; k++) {
        x[k + 1] = x[k] + w[k];
        centre[k] = KH_ALIGN_CENTER;
    }
    x[nc] = t->width;

    size_t head_at = doc->n;
    row(doc, t, m, t->head, x, centre, 0);
    size_t head = head_at + 1; /* 1 + its index: the rows repeat it */
    kh_block *h = &doc->v[head_at];
    h->space_before = t->space_before;
    h->keep_with_next = true;
    /* a part of a row and the repeated heading row fit on one page */
    double max_h = t->page_height > 0 ? t->page_height - h->height - t->leading : 0;
    if (t->page_height > 0 && max_h < 3 * t->leading)
        max_h = 3 * t->leading;
    for (size_t r = 0; r < t->n_rows; r++) {
        size_t at = doc->n;
        row(doc, t, m, &t->cells[r * nc], x, t->align, max_h);
        for (size_t i = at; i < doc->n; i++)
            doc->v[i].repeat_header = head;
    }
    free(w);
    free(x);
    free(centre);
}

/* docx_table.c — estimated widths of text and of table columns for the
 * DOCX (see docx_table.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/text.h"
#include "docx_table.h"
#include "table_widths.h"

long kh_dx_est_width(const char *s, size_t n, double size)
{
    double w = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = kh_utf8_next(s + i, n - i, &cp);
        if (!len)
            len = 1, cp = '?';
        char lo[8] = {0}, ch[8] = {0};
        kh_utf8_encode(cp, ch);
        char *l = kh_utf8_lower(ch);
        if (l)
            snprintf(lo, sizeof lo, "%s", l);
        free(l);
        w += cp == ' ' ? 0.25 : strcmp(lo, ch) ? 0.70 : 0.47;
        i += len;
    }
    return lround(w * size * 20);
}

/* kh_dx_est_width as a measure, in twips. */
static double est(void *ctx, int font, double size, const char *s, size_t n)
{
    (void)ctx;
    (void)font;
    return (double)kh_dx_est_width(s, n, size);
}

void kh_dx_table_widths(const kh_dx_flow *f, const kh_dx_table *t, double size,
                        long pad, long width, long *w)
{
    size_t nc = t->n_cols;
    if (!nc)
        return;
    const kh_measure m = {est, NULL};
    double *lo = kh_xcalloc(nc, sizeof *lo), *hi = kh_xcalloc(nc, sizeof *hi);
    double *v = kh_xcalloc(nc, sizeof *v);
    double pad2 = 2.0 * pad, least = pad2 + size * 20;
    for (size_t k = 0; k < nc; k++) {
        for (size_t r = 0; r <= t->n_rows; r++) {
            const kh_dx_cell *c = &f->cells[t->cell + r * nc + k];
            double word, line;
            kh_table_cell_extent(&f->spans[c->first], c->n, size, &m, &word, &line);
            if (word + pad2 > lo[k])
                lo[k] = word + pad2;
            if (line + pad2 > hi[k])
                hi[k] = line + pad2;
        }
        if (lo[k] < least)
            lo[k] = least; /* an empty column still has room */
        if (hi[k] < lo[k])
            hi[k] = lo[k];
    }
    kh_table_share_widths(lo, hi, nc, (double)width, v);
    /* Rounded at the column edges, so the widths sum to the width. */
    double x = 0;
    long used = 0;
    for (size_t k = 0; k < nc; k++) {
        x += v[k];
        long edge = k + 1 < nc ? lround(x) : width;
        w[k] = edge - used;
        used = edge;
    }
    free(lo);
    free(hi);
    free(v);
}

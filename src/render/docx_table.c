/* docx_table.c — estimated widths of text and of table columns for the
 * DOCX (see docx_table.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/text.h"
#include "docx_table.h"

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

/* The widest word of a cell and its widest line unbroken (its forced line
 * breaks kept), in twips. A word may run across spans (bold 15, then
 * "/6"): its pieces are summed until a space. */
static void cell_extent(const kh_span *sp, size_t n, double size, long *word,
                        long *line)
{
    long cur = 0, widest = 0, ln = 0, longest = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || (sp[i].style & KH_ST_BREAK)) {
            if (ln > longest)
                longest = ln;
            ln = cur = 0;
            continue;
        }
        const kh_span *s = &sp[i];
        ln += kh_dx_est_width(s->s, s->n, size);
        for (size_t a = 0; a < s->n;) {
            if (s->s[a] == ' ' || s->s[a] == '\n') {
                cur = 0;
                a++;
                continue;
            }
            size_t b = a;
            while (b < s->n && s->s[b] != ' ' && s->s[b] != '\n')
                b++;
            cur += kh_dx_est_width(s->s + a, b - a, size);
            if (cur > widest)
                widest = cur;
            a = b;
        }
    }
    *word = widest;
    *line = longest;
}

void kh_dx_table_widths(const kh_dx_flow *f, const kh_dx_table *t, double size,
                        long pad, long width, long *w)
{
    size_t nc = t->n_cols;
    if (!nc)
        return;
    double *lo = kh_xcalloc(nc, sizeof *lo), *hi = kh_xcalloc(nc, sizeof *hi);
    double sum_lo = 0, sum_hi = 0, pad2 = 2.0 * pad, least = pad2 + size * 20;
    for (size_t k = 0; k < nc; k++) {
        for (size_t r = 0; r <= t->n_rows; r++) {
            const kh_dx_cell *c = &f->cells[t->cell + r * nc + k];
            long word, line;
            cell_extent(&f->spans[c->first], c->n, size, &word, &line);
            if (word + pad2 > lo[k])
                lo[k] = word + pad2;
            if (line + pad2 > hi[k])
                hi[k] = line + pad2;
        }
        if (lo[k] < least)
            lo[k] = least; /* an empty column still has room */
        if (hi[k] < lo[k])
            hi[k] = lo[k];
        sum_lo += lo[k];
        sum_hi += hi[k];
    }
    double W = (double)width, x = 0;
    long used = 0;
    for (size_t k = 0; k < nc; k++) {
        double v;
        if (sum_hi <= W) /* all fits on one line: share the rest by content */
            v = hi[k] + (W - sum_hi) * hi[k] / sum_hi;
        else if (sum_lo >= W) /* even the words do not fit: shrink them all */
            v = lo[k] * W / sum_lo;
        else /* each column between its widest word and its whole text */
            v = lo[k] + (hi[k] - lo[k]) * (W - sum_lo) / (sum_hi - sum_lo);
        /* Rounded at the column edges, so the widths sum to the width. */
        x += v;
        long edge = k + 1 < nc ? lround(x) : width;
        w[k] = edge - used;
        used = edge;
    }
    free(lo);
    free(hi);
}

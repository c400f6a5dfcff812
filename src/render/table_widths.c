/* table_widths.c — column widths from content (see table_widths.h). */
/* Core, not the PDF module: the DOCX writer uses it too, so it measures
 * through the callback alone (no layout.c). */
#include "table_widths.h"

void kh_table_cell_extent(const kh_span *sp, size_t n, double size, const kh_measure *m,
                          double *word, double *line)
{
    double cur = 0, widest = 0, seg = 0, longest = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || (sp[i].style & KH_ST_BREAK)) {
            /* a forced line break ends a line of the cell */
            if (seg > longest)
                longest = seg;
            seg = cur = 0;
            continue;
        }
        const kh_span *s = &sp[i];
        int font = (int)(s->style & KH_FONT_MASK);
        seg += m->width(m->ctx, font, size, s->s, s->n);
        for (size_t a = 0; a < s->n;) {
            if (s->s[a] == ' ' || s->s[a] == '\n') {
                cur = 0;
                a++;
                continue;
            }
            size_t b = a;
            while (b < s->n && s->s[b] != ' ' && s->s[b] != '\n')
                b++;
            cur += m->width(m->ctx, font, size, s->s + a, b - a);
            if (cur > widest)
                widest = cur;
            a = b;
        }
    }
    *word = widest;
    *line = longest;
}

void kh_table_share_widths(const double *lo, const double *hi, size_t n, double width,
                           double *w)
{
    double sum_lo = 0, sum_hi = 0;
    for (size_t k = 0; k < n; k++) {
        sum_lo += lo[k];
        sum_hi += hi[k];
    }
    for (size_t k = 0; k < n; k++) {
        if (sum_hi <= width) /* all fits on one line: share the rest by content */
            w[k] = sum_hi > 0 ? hi[k] + (width - sum_hi) * hi[k] / sum_hi : width / (double)n;
        else if (sum_lo >= width) /* even the words do not fit: shrink them all */
            w[k] = lo[k] * width / sum_lo;
        else /* each column between its widest word and its whole text */
            w[k] = lo[k] + (hi[k] - lo[k]) * (width - sum_lo) / (sum_hi - sum_lo);
    }
}

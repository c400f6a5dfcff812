/* pdf_checklist.c — the checklist annex table (see pdf_checklist.h).
 * Each row is one block kept together; the heading row stays with the
 * first item and is repeated at the top of each page the table continues on. Labels follow opts->lang: the appendix is a working aid for
 * the văn phòng, not part of the issued text. */
#include <stdio.h>
#include <string.h>

#include "kehoach/text.h"
#include "checklist_table.h"
#include "pdf_checklist.h"

enum { COL_DATE = KH_CL_DATE, COL_DAY = KH_CL_DAY, COL_UNIT = KH_CL_UNIT,
       COL_WHAT = KH_CL_WHAT, COL_TO = KH_CL_TO, COL_DONE = KH_CL_DONE,
       N_COLS = KH_CL_N_COLS };

static void cell(kh_block *row, const kh_measure *m, double x, double w,
                 double pad, double size, double leading, const char *s,
                 unsigned style, kh_align al)
{
    if (!s || !*s)
        return;
    kh_block tmp = {0};
    kh_span sp = {s, strlen(s), style};
    kh_para_style st = {size, leading, w - 2 * pad, 0, 0, al, al};
    kh_layout_para(&tmp, &sp, 1, &st, m);
    kh_block_merge(row, &tmp, x + pad, pad);
    if (tmp.height + 2 * pad > row->height)
        row->height = tmp.height + 2 * pad;
    kh_block_clear(&tmp);
}

static void borders(kh_block *row, const double *x, double W, double rule,
                    double box)
{
    double h = row->height;
    kh_block_rule(row, 0, 0, W, 0, rule);
    kh_block_rule(row, 0, h, W, h, rule);
    for (int k = 0; k <= N_COLS; k++)
        kh_block_rule(row, x[k], 0, x[k], h, rule);
    if (box > 0) { /* the done-box, centred in its cell */
        double cx = (x[COL_DONE] + x[COL_DONE + 1]) / 2, cy = h / 2;
        double a = box / 2;
        kh_block_rule(row, cx - a, cy - a, cx + a, cy - a, rule);
        kh_block_rule(row, cx + a, cy - a, cx + a, cy + a, rule);
        kh_block_rule(row, cx + a, cy + a, cx - a, cy + a, rule);
        kh_block_rule(row, cx - a, cy + a, cx - a, cy - a, rule);
    }
}

void kh_pdf_checklist(kh_pdf_layout *L, const kh_checklist *cl,
                      const kh_plan *p, const kh_render_opts *o,
                      const kh_measure *m)
{
    if (!cl->n)
        return;
    const kh_profile *pr = L->pr;
    double W = L->text_w, size = pr->size_checklist;
    double lead = size * 1.2, pad = size * 0.3, rule = pr->rule_width * 0.8;
    double x[N_COLS + 1];
    x[0] = 0;
    for (int k = 0; k < N_COLS; k++)
        x[k + 1] = x[k] + W * kh_cl_col_share(k);
    x[N_COLS] = W;

    /* Its title and caption are the annex head before it (pdf_doc.c). */
    /* Heading row. */
    kh_block *h = kh_doc_add(&L->doc);
    size_t head = L->doc.n; /* 1 + its index: the rows repeat it */
    h->keep_together = true;
    h->keep_with_next = true;
    for (int k = 0; k < N_COLS; k++)
        cell(h, m, x[k], x[k + 1] - x[k], pad, size, lead,
             kh_cl_heading(k, o->lang), KH_ST_BOLD, KH_ALIGN_CENTER);
    borders(h, x, W, rule, 0);

    for (size_t i = 0; i < cl->n; i++) {
        const kh_due *it = &cl->v[i];
        kh_block *r = kh_doc_add(&L->doc);
        r->keep_together = true;
        r->repeat_header = head;
        kh_cl_row row;
        kh_cl_row_fill(&row, it, o->lang);
        const char *date = kh_pdf_keep(L, row.date), *day = kh_pdf_keep(L, row.day);
        unsigned wk = row.day_marked ? KH_ST_ITALIC : 0;
        cell(r, m, x[COL_DATE], x[COL_DATE + 1] - x[COL_DATE], pad, size, lead,
             date, KH_ST_BOLD, KH_ALIGN_LEFT);
        cell(r, m, x[COL_DAY], x[COL_DAY + 1] - x[COL_DAY], pad, size, lead, day,
             wk, KH_ALIGN_LEFT);
        cell(r, m, x[COL_UNIT], x[COL_UNIT + 1] - x[COL_UNIT], pad, size, lead,
             row.unit, 0, KH_ALIGN_LEFT);
        cell(r, m, x[COL_WHAT], x[COL_WHAT + 1] - x[COL_WHAT], pad, size, lead,
             row.what, 0, KH_ALIGN_LEFT);
        cell(r, m, x[COL_TO], x[COL_TO + 1] - x[COL_TO], pad, size, lead,
             row.to, 0, KH_ALIGN_LEFT);
        if (r->height < lead + 2 * pad)
            r->height = lead + 2 * pad;
        borders(r, x, W, rule, size * 0.7);
    }
}

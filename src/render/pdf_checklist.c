/* pdf_checklist.c — the checklist appendix table (see pdf_checklist.h).
 * Each row is one block kept together; the heading row stays with the
 * first item and is repeated at the top of each page the table continues on. Labels follow opts->lang: the appendix is a working aid for
 * the văn phòng, not part of the issued text. */
#include <stdio.h>
#include <string.h>

#include "kehoach/text.h"
#include "pdf_checklist.h"

enum { COL_DATE, COL_DAY, COL_UNIT, COL_WHAT, COL_TO, COL_DONE, N_COLS };

/* Shares of the text width, summing to 1. */
static const double col_share[N_COLS] = {0.15, 0.12, 0.19, 0.265, 0.19, 0.085};

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
    bool vi = o->lang == KH_LANG_VI;
    double W = L->text_w, size = pr->size_checklist;
    double lead = size * 1.2, pad = size * 0.3, rule = pr->rule_width * 0.8;
    double x[N_COLS + 1];
    x[0] = 0;
    for (int k = 0; k < N_COLS; k++)
        x[k + 1] = x[k] + W * col_share[k];
    x[N_COLS] = W;

    /* Title, and what the list belongs to. */
    kh_block *t = kh_doc_add(&L->doc);
    t->page_break_before = true;
    t->keep_with_next = true;
    t->keep_together = true;
    t->outline_level = 0;
    t->outline = vi ? "Danh mục thời hạn" : "Due-date checklist";
    kh_span sp = {t->outline, strlen(t->outline), KH_ST_BOLD};
    kh_para_style st = {pr->size_doc_type, pr->line_height, W, 0, 0,
                        KH_ALIGN_CENTER, KH_ALIGN_CENTER};
    kh_layout_para(t, &sp, 1, &st, m);
    kh_buf sub = {0};
    char d[48];
    kh_buf_printf(&sub, vi ? "(kèm theo %s%s%s%s)" : "(with %s%s%s%s)",
                  p->doc_type.s ? p->doc_type.s : (vi ? "Kế hoạch" : "plan"),
                  p->number.s ? (vi ? " số " : " ") : "", p->number.s ? p->number.s : "",
                  kh_date_is_full(p->date.date) ? (vi ? " ngày " : " of ") : "");
    if (kh_date_is_full(p->date.date)) {
        sub.len -= 1; /* reopen before the ")" */
        kh_buf_printf(&sub, "%s)", kh_date_fmt_short(p->date.date, d));
    }
    const char *subs = kh_pdf_keep(L, kh_buf_take(&sub));
    kh_span sp2 = {subs, strlen(subs), KH_ST_ITALIC};
    st.size = size;
    kh_layout_para(t, &sp2, 1, &st, m);
    t->height += pr->paragraph_space;

    /* Heading row. */
    static const char *const head_vi[N_COLS] = {"Ngày", "Thứ", "Đơn vị", "Việc",
                                                "Báo cáo về", "Xong"};
    static const char *const head_en[N_COLS] = {"Date", "Day", "Unit", "What",
                                                "Report to", "Done"};
    kh_block *h = kh_doc_add(&L->doc);
    size_t head = L->doc.n; /* 1 + its index: the rows repeat it */
    h->keep_together = true;
    h->keep_with_next = true;
    for (int k = 0; k < N_COLS; k++)
        cell(h, m, x[k], x[k + 1] - x[k], pad, size, lead,
             vi ? head_vi[k] : head_en[k], KH_ST_BOLD, KH_ALIGN_CENTER);
    borders(h, x, W, rule, 0);

    for (size_t i = 0; i < cl->n; i++) {
        const kh_due *it = &cl->v[i];
        kh_block *r = kh_doc_add(&L->doc);
        r->keep_together = true;
        r->repeat_header = head;
        const char *date = "", *day = "";
        if (kh_date_is_full(it->date)) {
            date = kh_pdf_keep(L, kh_strdup(kh_date_fmt_short(it->date, d)));
            int wd = kh_date_weekday(it->date);
            kh_buf b = {0};
            kh_buf_puts(&b, vi ? kh_weekday_vi(wd) : kh_weekday_en(wd));
            if (it->holiday)
                kh_buf_printf(&b, vi ? " (nghỉ lễ: %s)" : " (holiday: %s)", it->holiday);
            day = kh_pdf_keep(L, kh_buf_take(&b));
        } else
            date = vi ? "theo quy định" : "as required";
        unsigned wk = it->weekend || it->holiday ? KH_ST_ITALIC : 0;
        cell(r, m, x[COL_DATE], x[COL_DATE + 1] - x[COL_DATE], pad, size, lead,
             date, KH_ST_BOLD, KH_ALIGN_LEFT);
        cell(r, m, x[COL_DAY], x[COL_DAY + 1] - x[COL_DAY], pad, size, lead, day,
             wk, KH_ALIGN_LEFT);
        cell(r, m, x[COL_UNIT], x[COL_UNIT + 1] - x[COL_UNIT], pad, size, lead,
             it->unit, 0, KH_ALIGN_LEFT);
        const char *what = it->what && *it->what ? it->what
                           : it->kind == KH_DUE_REPORT ? (vi ? "Báo cáo kết quả" : "Report the results")
                           : "";
        cell(r, m, x[COL_WHAT], x[COL_WHAT + 1] - x[COL_WHAT], pad, size, lead,
             what, 0, KH_ALIGN_LEFT);
        cell(r, m, x[COL_TO], x[COL_TO + 1] - x[COL_TO], pad, size, lead,
             it->to, 0, KH_ALIGN_LEFT);
        if (r->height < lead + 2 * pad)
            r->height = lead + 2 * pad;
        borders(r, x, W, rule, size * 0.7);
    }
}

/* rules_horizon.c — R-DATE-HORIZON (catalogue B.3, dates): a deadline or
 * a dated event years past the issue date, which is a year typed wrong
 * (2205 for 2025, 2052 for 2025) more often than a plan that runs that
 * long: a plan carries out its term's work, and a term is five years (the
 * Điều lệ Đảng calls a cấp ủy's congress every five years; the state plans
 * by five-year periods), so a date more than HORIZON_YEARS after the issue
 * is reported [kehoach; certain for the slip, a judgement at the margin]. Dates before
 * the issue are R-DEADLINE-AFTER-ISSUE's and R-EVENT-AFTER-ISSUE's. */
#include <stdio.h>
#include <string.h>

#include "kehoach/date.h"
#include "rule.h"
#include "scan.h"

void rule_date_horizon(const kh_plan *p, kh_rule_ctx *cx);

#define HORIZON_YEARS 6

typedef struct horizon {
    kh_rule_ctx *cx;
    kh_date issue, last; /* the issue date, and the last date judged fine */
} horizon;

static void judge(horizon *h, kh_date d, kh_pos pos, const char *what_en, const char *what_vi)
{
    if (!kh_date_is_full(d) || kh_date_cmp(d, h->last) <= 0)
        return;
    char a[48], b[48];
    kh_report(h->cx, pos,
              "%1$s %2$s is %3$d years after the issue date %4$s: a year typed wrong? A plan's dates fall within its term (five years)%5$.0s",
              "%5$s %2$s cách ngày ban hành %4$s tới %3$d năm: gõ nhầm năm? Các mốc của kế hoạch nằm trong nhiệm kỳ (5 năm)%1$.0s",
              what_en, kh_date_fmt_short(d, a), d.year - h->issue.year,
              kh_date_fmt_short(h->issue, b), what_vi);
}

static void section_dates(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth;
    (void)number;
    horizon *h = ctx;
    for (size_t i = 0; i < s->n_events; i++)
        judge(h, s->events[i].date.date, s->events[i].date.raw.pos, "the event date", "Ngày sự kiện");
    for (size_t i = 0; i < s->timetable.n_rows; i++) {
        const kh_timetable_row *r = &s->timetable.rows[i];
        judge(h, r->date, r->deadline.raw.pos.line ? r->deadline.raw.pos : r->pos, "the deadline",
              "Thời hạn");
    }
    for (size_t i = 0; i < s->n_units; i++)
        for (size_t j = 0; j < s->units[i].n_tasks; j++) {
            const kh_task *t = &s->units[i].tasks[j];
            judge(h, kh_task_due_date(t), t->deadline.raw.pos, "the deadline", "Thời hạn");
        }
}

/* A full date written in the text (`trước ngày 15/3/2205`). */
static void text_dates(const kh_para *pa, void *ctx)
{
    horizon *h = ctx;
    kh_found_date d;
    for (size_t i = 0; kh_next_date(pa->s, pa->len, i, &d); i = d.end)
        if (d.valid)
            judge(h, d.date, kh_para_pos(pa, d.start), "the date", "Ngày");
}

void rule_date_horizon(const kh_plan *p, kh_rule_ctx *cx)
{
    if (!kh_date_is_full(p->date.date))
        return;
    horizon h = {cx, p->date.date, p->date.date};
    h.last.year += HORIZON_YEARS;
    kh_plan_walk_sections(p, section_dates, &h);
    kh_walk_paras(cx, KH_BODY_FIELDS, text_dates, &h);
}

/* rules_timetable.c — deadline tables counted from an event day
 * (`timetable:`, plan.h): the arithmetic of "N ngày trước ngày bầu cử"
 * against the date written beside it, and a row's day that falls on a
 * Sunday or a public holiday without the row saying so. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/checklist.h"
#include "rule.h"

void rule_timetable_arith(const kh_plan *p, kh_rule_ctx *cx);
void rule_timetable_day(const kh_plan *p, kh_rule_ctx *cx);

static void arith_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth;
    (void)number;
    kh_rule_ctx *cx = ctx;
    const kh_timetable *t = &s->timetable;
    if (!kh_date_is_full(t->event_date.date))
        return;
    for (size_t i = 0; i < t->n_rows; i++) {
        const kh_timetable_row *r = &t->rows[i];
        if (!r->has_offset || !kh_date_is_full(r->deadline.date))
            continue;
        long got = kh_date_diff(r->deadline.date, t->event_date.date);
        if (got == r->offset)
            continue;
        char a[48], b[48], c[48];
        kh_date want = kh_date_from_days(kh_date_to_days(t->event_date.date) + r->offset);
        long n = got < 0 ? -got : got, w = r->offset < 0 ? -r->offset : r->offset;
        kh_report(cx, r->deadline.raw.pos,
                  "row %1$zu: %2$s is %3$ld days %4$s %5$s (%6$s), not %7$ld as '%8$s: %7$ld' says; %7$ld days %9$s is %10$s: correct the date or the count%11$.0s%12$.0s",
                  "hàng %1$zu: %2$s là %3$ld ngày %11$s %5$s (%6$s), không phải %7$ld như '%8$s: %7$ld'; %7$ld ngày %12$s là %10$s: sửa lại ngày hoặc số ngày%4$.0s%9$.0s",
                  i + 1, kh_date_fmt_short(r->deadline.date, a), n, got < 0 ? "before" : "after",
                  t->event.s ? t->event.s : "the event", kh_date_fmt_short(t->event_date.date, b), w,
                  r->offset < 0 ? "before" : "after", r->offset < 0 ? "before" : "after",
                  kh_date_fmt_short(want, c), got < 0 ? "trước" : "sau",
                  r->offset < 0 ? "trước" : "sau");
    }
}

void rule_timetable_arith(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_plan_walk_sections(p, arith_section, cx);
}

static void day_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth;
    (void)number;
    kh_rule_ctx *cx = ctx;
    const kh_timetable *t = &s->timetable;
    for (size_t i = 0; i < t->n_rows; i++) {
        const kh_timetable_row *r = &t->rows[i];
        if (r->day_off || !kh_date_is_full(r->date))
            continue;
        int wd = kh_date_weekday(r->date);
        const char *h = kh_holiday_name(r->date);
        if (wd != 0 && !h)
            continue;
        char a[48];
        kh_pos at = r->deadline.raw.pos.line ? r->deadline.raw.pos
                    : r->has_offset ? r->offset_pos : r->pos;
        kh_report(cx, at,
                  "row %1$zu's day %2$s falls on %3$s, a day off; if the law counts it so, write 'day_off: true' in the row, else move the deadline%4$.0s",
                  "ngày của hàng %1$zu (%2$s) rơi vào %4$s, ngày nghỉ; nếu luật tính như vậy, ghi 'day_off: true' ở hàng đó, nếu không thì dời thời hạn%3$.0s",
                  i + 1, kh_date_fmt_short(r->date, a), h ? h : kh_weekday_en(wd),
                  h ? h : kh_weekday_vi(wd));
    }
}

void rule_timetable_day(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_plan_walk_sections(p, day_section, cx);
}

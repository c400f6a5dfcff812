/* rules_weekday.c — R-DATE-WEEKDAY: the day of the week of every deadline
 * and dated event. A remark after the date (`07/02/2021 (chủ Nhật)`) that
 * names a weekday must name the date's own; a date on a Sunday, a Saturday
 * or a public holiday (Bộ luật Lao động 2019, Điều 112, with Tết and Giỗ
 * Tổ from the lunar calendar: kh_holiday_name, as the checklist does) is a
 * note unless the remark names that day, which is how a plan says the day
 * is intended (an election on a Sunday). Certainty: the calendar is exact;
 * whether a day off is a slip is a judgement, hence a note. The weekday
 * the text writes beside a date is judged too: `vào thứ Sáu, ngày
 * 21/01/2027`, `ngày 21/01/2027 (thứ Năm)`, and beside the placeholder of
 * its own date (`thứ Sáu, ngày {date}` in an event, `{deadline}` in a
 * task). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/checklist.h"
#include "kehoach/date.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_date_weekday(const kh_plan *p, kh_rule_ctx *cx);

/* The weekday a folded remark names (0 Sunday … 6 Saturday), or -1. */
static int named_weekday(const char *f)
{
    static const struct { const char *w; int d; } names[] = {
        {"chủ nhật", 0}, {"cn", 0},     {"thứ hai", 1}, {"thứ 2", 1}, {"thứ ba", 2},
        {"thứ 3", 2},    {"thứ tư", 3}, {"thứ 4", 3},   {"thứ năm", 4}, {"thứ 5", 4},
        {"thứ sáu", 5},  {"thứ 6", 5},  {"thứ bảy", 6}, {"thứ 7", 6},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *h = strstr(f, names[i].w);
        size_t n = strlen(names[i].w);
        if (h && (h == f || h[-1] == '(' || h[-1] == ' ') &&
            (h[n] == '\0' || h[n] == ')' || h[n] == ' ' || h[n] == ','))
            return names[i].d;
    }
    return -1;
}

/* The weekday the text names right before its `{date}` (`vào thứ Bảy,
 * ngày {date}`, `tối Chủ nhật ({date})`), or -1. */
static int weekday_before_placeholder(const char *text)
{
    const char *at = text ? strstr(text, "{date}") : NULL;
    if (!at)
        return -1;
    size_t b = (size_t)(at - text);
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '(' || text[b - 1] == ','))
        b--;
    if (b >= strlen("ngày") && !strncmp(text + b - strlen("ngày"), "ngày", strlen("ngày")))
        b -= strlen("ngày");
    while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == ','))
        b--;
    size_t a = b > 16 ? b - 16 : 0;
    while (a > 0 && ((unsigned char)text[a] & 0xC0) == 0x80)
        a--;
    char tail[32];
    snprintf(tail, sizeof tail, "%.*s", (int)(b - a), text + a);
    char *f = kh_fold(tail);
    static const char *const names[] = {"chủ nhật", "thứ hai", "thứ ba", "thứ tư",
                                        "thứ năm",  "thứ sáu", "thứ bảy"};
    int r = -1;
    size_t n = strlen(f);
    for (int d = 0; d < 7 && r < 0; d++) {
        size_t m = strlen(names[d]);
        if (n >= m && !strcmp(f + n - m, names[d]) && (n == m || f[n - m - 1] == ' '))
            r = d;
    }
    free(f);
    return r;
}

/* day_off: whether a day off is worth a note (not for a bound). text: the
 * event's or task's text, whose weekday before `{date}` counts as named. */
static void judge(kh_rule_ctx *cx, const kh_date_value *v, const char *what, bool day_off,
                  const char *text)
{
    if (!v->raw.s || !kh_date_is_full(v->date))
        return;
    int wd = kh_date_weekday(v->date);
    char buf[48];
    const char *rest = v->raw.s + v->rest_at;
    int named = -1;
    if (*rest) {
        char *f = kh_fold(rest);
        named = named_weekday(f);
        free(f);
    }
    int before = weekday_before_placeholder(text);
    if (named < 0 && before >= 0) {
        if (before == wd || !day_off)
            return; /* named as intended; a mismatch is the text scan's (day_before) */
        named = before;
    }
    if (named >= 0 && named != wd && before < 0) {
        kh_report(cx, kh_text_locate(&v->raw, (size_t)v->rest_at),
                  "the %1$s %2$s is a %3$s, not a %4$s as its remark says; correct the date or the remark%5$.0s%6$.0s%7$.0s",
                  "%6$s %2$s là %5$s, không phải %7$s như ghi chú; sửa lại ngày hoặc ghi chú%1$.0s%3$.0s%4$.0s",
                  what, kh_date_fmt_short(v->date, buf), kh_weekday_en(wd), kh_weekday_en(named),
                  kh_weekday_vi(wd), !strcmp(what, "event") ? "Ngày sự kiện" : "Thời hạn",
                  kh_weekday_vi(named));
        return;
    }
    if (named >= 0 || !day_off)
        return; /* the remark says the day is intended */
    const char *h = kh_holiday_name(v->date);
    if (wd == 0 || wd == 6 || h) {
        const char *en = h ? h : kh_weekday_en(wd), *vi = h ? h : kh_weekday_vi(wd);
        kh_report_sev(cx, KH_NOTE, v->raw.pos,
                      "the %1$s %2$s falls on %3$s (a day off); if that is intended say so after the date, e.g. '%2$s (%4$s)'%5$.0s%6$.0s",
                      "%6$s %2$s rơi vào %5$s (ngày nghỉ); nếu đúng ý định, ghi chú sau ngày, ví dụ '%2$s (%4$s)'%1$.0s%3$.0s",
                      what, kh_date_fmt_short(v->date, buf), en, kh_weekday_vi(wd), vi,
                      !strcmp(what, "event") ? "Ngày sự kiện" : "Thời hạn");
    }
}

/* An event written as a bound or the end of a period (`hoàn thành trước
 * ngày {date}`, `từ … đến ngày {date}`, `kết thúc vào ngày {date}`): no day
 * on which people gather, so a day off is no note (as for a task's
 * `trước ngày`). */
static bool bound_event(const char *text)
{
    static const char *const bounds[] = {"trước ngày {date}", "đến ngày {date}",
                                         "đến hết ngày {date}", "kết thúc vào ngày {date}",
                                         "chậm nhất ngày {date}", "kết thúc ngày {date}"};
    for (size_t i = 0; text && i < sizeof bounds / sizeof bounds[0]; i++)
        if (strstr(text, bounds[i]))
            return true;
    return false;
}

static void weekday_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth;
    (void)number;
    kh_rule_ctx *cx = ctx;
    for (size_t i = 0; i < s->n_events; i++)
        judge(cx, &s->events[i].date, "event", !bound_event(s->events[i].text.s),
              s->events[i].text.s);
    for (size_t i = 0; i < s->n_units; i++)
        for (size_t k = 0; k < s->units[i].n_tasks; k++) {
            const kh_task *t = &s->units[i].tasks[k];
            /* A month or a quarter is due as a period, not on the day
             * written; `trước ngày 15/3` (before) is a bound, the work done
             * by the working day before it: only `chậm nhất ngày` (by) names
             * a day on which the work is due, and a day off is noted there
             * alone. A remark's weekday is checked on both. */
            if (t->due == KH_DEADLINE_BEFORE || t->due == KH_DEADLINE_BY)
                judge(cx, &t->deadline, "deadline", t->due == KH_DEADLINE_BY, t->text.s);
        }
}

/* ---- weekdays written in the text ---- */

/* The weekday named at s[i] (`thứ Sáu`, `Thứ sáu`, `thứ 6`, `chủ nhật`,
 * `Chủ Nhật`: the first letter of each word in either case), its end in
 * *end; -1 if none. */
static int day_word_at(const char *s, size_t len, size_t i, size_t *end)
{
    static const struct { const char *w; int d; } days[] = {
        {"hai", 1}, {"2", 1}, {"ba", 2}, {"3", 2}, {"tư", 3}, {"4", 3}, {"năm", 4}, {"5", 4},
        {"sáu", 5}, {"6", 5}, {"bảy", 6}, {"7", 6},
    };
    if (!kh_word_start(s, i))
        return -1;
    size_t n = strlen("hủ nhật");
    if ((s[i] == 'c' || s[i] == 'C') && i + 1 + n <= len &&
        (!strncmp(s + i + 1, "hủ nhật", n) || !strncmp(s + i + 1, "hủ Nhật", n)) &&
        kh_word_end(s, len, i + 1 + n)) {
        *end = i + 1 + n;
        return 0;
    }
    n = strlen("hứ ");
    if (!(s[i] == 't' || s[i] == 'T') || i + 1 + n > len || strncmp(s + i + 1, "hứ ", n))
        return -1;
    size_t j = i + 1 + n;
    for (size_t k = 0; k < sizeof days / sizeof days[0]; k++) {
        size_t m = strlen(days[k].w);
        /* the day's first letter in either case: "Sáu" / "sáu" */
        bool first = j < len && (s[j] == days[k].w[0] || s[j] == days[k].w[0] - 32);
        if (first && j + m <= len && !strncmp(s + j + 1, days[k].w + 1, m - 1) &&
            kh_word_end(s, len, j + m)) {
            *end = j + m;
            return days[k].d;
        }
    }
    return -1;
}

static size_t skip_lit(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && !strncmp(s + i, w, n) ? i + n : i;
}

/* The date of a placeholder at s[i] (`{date}` in an event, `{deadline}`
 * in a task), *end past it; false if there is none. */
static bool placeholder_date(const kh_para *pa, size_t i, kh_date *d, size_t *end)
{
    const kh_field *f = pa->field;
    const char *s = pa->s;
    if (f->kind == KH_F_EVENT && skip_lit(s, pa->len, i, "{date}") != i) {
        const kh_event *e = (const kh_event *)(const void *)((const char *)f->t - offsetof(kh_event, text));
        *d = e->date.date;
        *end = i + strlen("{date}");
        return kh_date_is_full(*d);
    }
    if (f->kind == KH_F_TASK && skip_lit(s, pa->len, i, "{deadline}") != i) {
        const kh_task *t = (const kh_task *)(const void *)((const char *)f->t - offsetof(kh_task, text));
        *d = t->deadline.date;
        *end = i + strlen("{deadline}");
        return kh_date_is_full(*d);
    }
    return false;
}

/* The longest date form (`ngày 21 tháng 01 năm 2027`) and some slack. */
#define DATE_SPAN 40

/* A date that starts at s[i]: a full date written there, or a
 * placeholder. */
static bool date_at(const kh_para *pa, size_t i, kh_date *d, size_t *end)
{
    kh_found_date fd;
    size_t lim = i + DATE_SPAN < pa->len ? i + DATE_SPAN : pa->len;
    if (kh_next_date(pa->s, lim, i, &fd) && fd.start == i && fd.valid) {
        *d = fd.date;
        *end = fd.end;
        return true;
    }
    return placeholder_date(pa, i, d, end);
}

static void day_mismatch(kh_rule_ctx *cx, const kh_para *pa, size_t at, kh_date d, int named)
{
    int wd = kh_date_weekday(d);
    if (wd == named)
        return;
    char buf[48];
    kh_report(cx, kh_para_pos(pa, at),
              "%1$s is a %2$s, not a %3$s as the text says; correct the date or the weekday%4$.0s%5$.0s",
              "%1$s là %4$s, không phải %5$s như văn bản ghi; sửa lại ngày hoặc thứ%2$.0s%3$.0s",
              kh_date_fmt_short(d, buf), kh_weekday_en(wd), kh_weekday_en(named),
              kh_weekday_vi(wd), kh_weekday_vi(named));
}

/* The weekday named before the date (`thứ Sáu, ngày 21/01/2027`, `thứ
 * Sáu (21/01/2027)`, `thứ Sáu, ngày {date}`). */
static void day_before(const kh_para *pa, kh_rule_ctx *cx, size_t i)
{
    size_t e;
    int named = day_word_at(pa->s, pa->len, i, &e);
    if (named < 0)
        return;
    size_t j = skip_lit(pa->s, pa->len, e, ",");
    j = skip_lit(pa->s, pa->len, j, " ");
    j = skip_lit(pa->s, pa->len, j, "(");
    j = skip_lit(pa->s, pa->len, j, "ngày ");
    kh_date d;
    size_t de;
    if (j > e && date_at(pa, j, &d, &de))
        day_mismatch(cx, pa, i, d, named);
}

/* The weekday named after the date in brackets (`21/01/2027 (thứ Năm)`). */
static void day_after(const kh_para *pa, kh_rule_ctx *cx, size_t de, kh_date d)
{
    size_t e, j = skip_lit(pa->s, pa->len, de, " (");
    int named;
    if (j > de && (named = day_word_at(pa->s, pa->len, j, &e)) >= 0)
        day_mismatch(cx, pa, j, d, named);
}

static void weekday_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    const char *s = pa->s;
    size_t len = pa->len;
    static const char *const lead[] = {"thứ", "chủ"};
    for (size_t w = 0; w < 2; w++)
        for (size_t i = 0; (i = kh_find_word_ci1(s, len, i, lead[w])) < len; i++)
            day_before(pa, cx, i);
    kh_found_date fd;
    for (size_t i = 0; kh_next_date(s, len, i, &fd); i = fd.end)
        if (fd.valid)
            day_after(pa, cx, fd.end, fd.date);
    static const char *const ph[] = {"{date}", "{deadline}"};
    for (size_t w = 0; w < 2; w++)
        for (const char *q = s; (q = strstr(q, ph[w])) != NULL && (size_t)(q - s) < len; q++) {
            kh_date d;
            size_t de;
            if (placeholder_date(pa, (size_t)(q - s), &d, &de))
                day_after(pa, cx, de, d);
        }
}

void rule_date_weekday(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_plan_walk_sections(p, weekday_section, cx);
    kh_walk_paras(cx, KH_PROSE_FIELDS, weekday_para, cx);
}

/* rules_report_chain.c — R-REPORT-ORDER: the order of a reporting chain
 * inside one plan. A unit that reports to another unit of the plan (by its
 * name, or `… qua <unit>`: the unit that compiles the reports) must do so
 * on or before that unit's own deadline to report upward; a report due
 * after it would come too late to be compiled. Certain when both deadlines
 * are full dates of one-off reports (a recurring duty, `every:`, has a next
 * round) and the receiving unit reports to someone else. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/date.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_report_order(const kh_plan *p, kh_rule_ctx *cx);

typedef struct units {
    const kh_unit **v;
    size_t n, cap;
} units;

static void collect(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth;
    (void)number;
    units *u = ctx;
    for (size_t i = 0; i < s->n_units; i++) {
        if (u->n == u->cap) {
            u->cap = u->cap ? 2 * u->cap : 16;
            u->v = kh_xrealloc(u->v, u->cap * sizeof *u->v);
        }
        u->v[u->n++] = &s->units[i];
    }
}

static const char *report_to(const kh_unit *u, const kh_task *t)
{
    return t->report_to.s ? t->report_to.s : u->report_to.s;
}

/* The body a report goes to first: `X qua Y` → Y. Folded, malloc'd. */
static char *receiver(const char *to)
{
    char *f = kh_fold(to);
    const char *q = strstr(f, " qua ");
    char *r = kh_strdup(q ? q + strlen(" qua ") : f);
    free(f);
    size_t n = strlen(r);
    while (n && strchr(" ,.;", r[n - 1]))
        r[--n] = '\0';
    return r;
}

/* The unit's latest full-dated report to a body other than itself: the
 * one that compiles the others' reports. (Its earliest may be another
 * matter due sooner — a draft to submit — and judging by it raised a
 * false warning on a correct plan, plans/dang-uy-phuong-nghi-quyet-xiv.) */
static const kh_task *upward(const kh_unit *u, const char *uname)
{
    const kh_task *best = NULL;
    for (size_t i = 0; i < u->n_tasks; i++) {
        const kh_task *t = &u->tasks[i];
        const char *to = report_to(u, t);
        if (!t->report || !to || !kh_date_is_full(t->deadline.date) || t->every != KH_EVERY_NONE)
            continue;
        char *r = receiver(to);
        bool self = !strcmp(r, uname);
        free(r);
        if (!self && (!best || kh_date_cmp(t->deadline.date, best->deadline.date) > 0))
            best = t;
    }
    return best;
}

void rule_report_order(const kh_plan *p, kh_rule_ctx *cx)
{
    units us = {0};
    kh_plan_walk_sections(p, collect, &us);
    char **names = kh_xcalloc(us.n ? us.n : 1, sizeof *names);
    for (size_t i = 0; i < us.n; i++)
        names[i] = us.v[i]->name.s ? kh_fold(us.v[i]->name.s) : NULL;
    for (size_t i = 0; i < us.n; i++) {
        const kh_unit *v = us.v[i];
        for (size_t k = 0; k < v->n_tasks; k++) {
            const kh_task *t = &v->tasks[k];
            const char *to = report_to(v, t);
            if (!t->report || !to || !kh_date_is_full(t->deadline.date) ||
                t->every != KH_EVERY_NONE)
                continue;
            char *r = receiver(to);
            for (size_t j = 0; j < us.n; j++) {
                if (j == i || !names[j] || strcmp(r, names[j]))
                    continue;
                const kh_task *up = upward(us.v[j], names[j]);
                if (up && kh_date_cmp(t->deadline.date, up->deadline.date) > 0) {
                    char a[48], b[48];
                    kh_report(cx, t->deadline.raw.pos,
                              "this report to '%1$s' is due %2$s, after '%1$s' must itself report to '%3$s' (%4$s): it would come too late; set a deadline on or before %4$s",
                              "báo cáo này gửi '%1$s' hạn %2$s, sau hạn '%1$s' phải báo cáo '%3$s' (%4$s): sẽ không kịp tổng hợp; đặt hạn không muộn hơn %4$s",
                              us.v[j]->name.s, kh_date_fmt_short(t->deadline.date, a),
                              report_to(us.v[j], up), kh_date_fmt_short(up->deadline.date, b));
                    kh_report_note(cx, NULL, up->deadline.raw.pos, "'%s' reports upward by %s here",
                                   "'%s' báo cáo cấp trên hạn %s ở đây", us.v[j]->name.s, b);
                }
                break;
            }
            free(r);
        }
    }
    for (size_t i = 0; i < us.n; i++)
        free(names[i]);
    free(names);
    free(us.v);
}

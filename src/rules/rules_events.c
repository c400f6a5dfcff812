/* rules_events.c — the order of a plan's dated events.
 *
 * R-EVENT-ORDER: the events of one schedule list run forwards in time. A
 * văn phòng lists a section's events in the order they happen; one dated
 * before the event above it is a slip in one of the two dates (a day or a
 * month typed wrong). Certainty [U], a warning naming both.
 *
 * R-EVENT-AFTER-REPORT: a dated event that falls
 * after the plan's last reporting deadline. Reports on a campaign are due
 * when it is over; a report due before one of the plan's own events cannot
 * give its result, so one of the two dates is wrong (seen in drafts: the
 * report of an anniversary campaign dated before the anniversary's last
 * activity). Judged only when the reports are final: every reporting task
 * is dated and none recurs (a periodic or interim report may come before
 * later events), and not when that report falls before the issue date
 * (R-DEADLINE-AFTER-ISSUE reports the slip). Certainty: a judgement on the
 * plan's own dates ([U]), so a warning with both places named. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/date.h"
#include "kehoach/text.h"
#include "rule.h"

void rule_event_after_report(const kh_plan *p, kh_rule_ctx *cx);
void rule_event_order(const kh_plan *p, kh_rule_ctx *cx);

typedef struct last_report {
    kh_date due;
    const kh_task *task;
    const kh_unit *unit;
    bool judgeable; /* every report dated, none recurring */
} last_report;

typedef struct event_scan {
    kh_rule_ctx *cx;
    const last_report *last;
} event_scan;

static void report_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth, (void)number;
    last_report *r = ctx;
    for (size_t i = 0; i < s->n_units; i++)
        for (size_t k = 0; k < s->units[i].n_tasks; k++) {
            const kh_task *t = &s->units[i].tasks[k];
            if (!t->report)
                continue;
            kh_date due = kh_task_due_date(t);
            if (!kh_date_is_full(due) || t->every != KH_EVERY_NONE) {
                r->judgeable = false;
                continue;
            }
            if (!r->task || kh_date_cmp(due, r->due) > 0)
                r->due = due, r->task = t, r->unit = &s->units[i];
        }
}

static void event_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth, (void)number;
    event_scan *st = ctx;
    for (size_t i = 0; i < s->n_events; i++) {
        const kh_event *e = &s->events[i];
        if (!kh_date_is_full(e->date.date) || kh_date_cmp(e->date.date, st->last->due) <= 0)
            continue;
        char a[48], b[48];
        kh_report(st->cx, e->date.raw.pos,
                  "the event on %s comes after the plan's last reporting deadline (%s, %s): that report cannot give its result; date the report after the event, or the event before the report",
                  "sự kiện ngày %s diễn ra sau thời hạn báo cáo cuối cùng của kế hoạch (%s, %s): báo cáo đó không phản ánh được kết quả; đặt hạn báo cáo sau sự kiện, hoặc đưa sự kiện lên trước",
                  kh_date_fmt_short(e->date.date, a), kh_date_fmt_short(st->last->due, b),
                  st->last->unit->name.s ? st->last->unit->name.s : "?");
        kh_report_note(st->cx, NULL, st->last->task->deadline.raw.pos,
                       "the last reporting deadline", "thời hạn báo cáo cuối cùng");
    }
}

/* The dated events that name who holds them (`who:`), gathered once. */
typedef struct held_events {
    const kh_event **v;
    size_t n, cap;
} held_events;

static void held_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth, (void)number;
    held_events *h = ctx;
    for (size_t i = 0; i < s->n_events; i++)
        if (s->events[i].who.s && kh_date_is_full(s->events[i].date.date)) {
            KH_GROW(h->v, h->n, h->cap);
            h->v[h->n++] = &s->events[i];
        }
}

/* The last of them unit u holds itself (`who:` its id or its name). */
static const kh_event *last_held(const held_events *h, const kh_unit *u)
{
    const kh_event *last = NULL;
    for (size_t i = 0; i < h->n; i++) {
        const kh_event *e = h->v[i];
        if (((u->id.s && !strcmp(e->who.s, u->id.s)) || (u->name.s && !strcmp(e->who.s, u->name.s))) &&
            (!last || kh_date_cmp(e->date.date, last->date.date) > 0))
            last = e;
    }
    return last;
}

typedef struct unit_reports {
    kh_rule_ctx *cx;
    const kh_plan *plan;
    const last_report *last; /* the plan's: an event after it is reported there */
    held_events held;
    const kh_event *last_event; /* the plan's last dated event, held by anyone */
} unit_reports;

static void last_event_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth, (void)number;
    const kh_event **last = ctx;
    for (size_t i = 0; i < s->n_events; i++)
        if (kh_date_is_full(s->events[i].date.date) &&
            (!*last || kh_date_cmp(s->events[i].date.date, (*last)->date.date) > 0))
            *last = &s->events[i];
}

/* A report of the results of the whole plan (`kết quả thực hiện Kế
 * hoạch`), not of a stage (`sơ kết`, `tiến độ`, a quarter) nor of one
 * part (`tổng hợp kết quả vận tải dịp Tết`). */
static bool whole_plan_results(const char *text)
{
    static const char *const whole[] = {"kết quả thực hiện Kế hoạch", "kết quả thực hiện kế hoạch",
                                        "kết quả triển khai Kế hoạch", "kết quả triển khai kế hoạch"};
    static const char *const stage[] = {"sơ kết", "tiến độ", "định kỳ", "6 tháng", "quý",
                                        "hằng tháng", "hàng tháng", "từng đợt"};
    bool w = false;
    for (size_t i = 0; i < sizeof whole / sizeof whole[0] && !w; i++)
        w = strstr(text, whole[i]) != NULL;
    for (size_t i = 0; i < sizeof stage / sizeof stage[0] && w; i++)
        w = !strstr(text, stage[i]);
    return w;
}

/* Task t is a one-off reporting duty with text, dated (*due) on or after
 * the plan's issue date (one before it is R-DEADLINE-AFTER-ISSUE's) and
 * before `day`. */
static bool report_before(const kh_task *t, const kh_plan *p, kh_date day, kh_date *due)
{
    *due = kh_task_due_date(t);
    return t->report && t->every == KH_EVERY_NONE && kh_date_is_full(*due) && t->text.s &&
           kh_date_cmp(*due, day) < 0 &&
           !(kh_date_is_full(p->date.date) && kh_date_cmp(*due, p->date.date) < 0);
}

/* A report of the results of what the unit does in general (`kết quả tổ
 * chức …`, `kết quả thực hiện`, `báo cáo kết quả về …`), not of one named
 * thing (`kết quả học lớp bồi dưỡng …`, which an event of another kind
 * does not change: a false alarm of the blind batch 9). */
static bool general_results(const char *text)
{
    static const char *const general[] = {"tổ chức", "thực hiện", "triển khai", "các hoạt động",
                                          "hoạt động", "về ", "cho ", "lên ", "với ", "{deadline}"};
    const char *k = strstr(text, "kết quả");
    if (!k)
        return false;
    k += strlen("kết quả");
    k += strspn(k, " ,");
    if (!*k || *k == '.' || *k == ';')
        return true;
    for (size_t i = 0; i < sizeof general / sizeof general[0]; i++)
        if (!strncmp(k, general[i], strlen(general[i])))
            return true;
    return false;
}

/* A unit's report of the results ("báo cáo kết quả") of what it does,
 * due before the last event it holds itself: the report cannot give the
 * result of that event (seen in batch 7: the Đoàn's report of the
 * anniversary's results dated before the ceremony, while a later report of
 * another unit kept the plan's last deadline after it). A one-off report
 * only (a periodic one may come between events). */
static void unit_report_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth, (void)number;
    unit_reports *ur = ctx;
    for (size_t i = 0; i < s->n_units; i++) {
        const kh_unit *u = &s->units[i];
        /* none, or the plan's last report is before it: R-EVENT-AFTER-REPORT's */
        const kh_event *held = last_held(&ur->held, u);
        if (held && ur->last && kh_date_cmp(held->date.date, ur->last->due) > 0)
            held = NULL;
        for (size_t k = 0; k < u->n_tasks; k++) {
            const kh_task *t = &u->tasks[k];
            const kh_event *ev = ur->last_event;
            kh_date due;
            char a[48], b[48];
            /* the report of the whole plan's results, due before its last
             * event (batch 8: the Văn phòng's report to the Ban Tuyên giáo
             * on 16/7, the ceremonies on 24-26/7, while the units' own
             * reports kept the plan's last deadline after them); one report
             * per task, this before the unit's own event */
            if (ev && report_before(t, ur->plan, ev->date.date, &due) &&
                !(ur->last && ur->last->task == t) && whole_plan_results(t->text.s)) {
                kh_report(ur->cx, t->deadline.raw.pos,
                          "the report of the plan's results is due %s, before its last event on %s: it cannot give that event's result; date the report after the event",
                          "báo cáo kết quả thực hiện kế hoạch có hạn %s, trước sự kiện cuối cùng ngày %s: báo cáo không phản ánh được kết quả sự kiện đó; đặt hạn báo cáo sau sự kiện",
                          kh_date_fmt_short(due, a), kh_date_fmt_short(ev->date.date, b));
                kh_report_note(ur->cx, NULL, ev->date.raw.pos, "the plan's last event",
                               "sự kiện cuối cùng của kế hoạch");
            } else if (held && report_before(t, ur->plan, held->date.date, &due) &&
                       general_results(t->text.s)) {
                kh_report(ur->cx, t->deadline.raw.pos,
                          "the report of results is due %s, before the event this unit holds on %s: it cannot give that event's result; date the report after the event, or the event before the report",
                          "báo cáo kết quả có hạn %s, trước sự kiện chính đơn vị này tổ chức ngày %s: báo cáo không phản ánh được kết quả sự kiện đó; đặt hạn báo cáo sau sự kiện, hoặc đưa sự kiện lên trước",
                          kh_date_fmt_short(due, a), kh_date_fmt_short(held->date.date, b));
                kh_report_note(ur->cx, NULL, held->date.raw.pos, "the unit's event",
                               "sự kiện của đơn vị");
            }
        }
    }
}

void rule_event_after_report(const kh_plan *p, kh_rule_ctx *cx)
{
    last_report last = {.judgeable = true};
    kh_plan_walk_sections(p, report_section, &last);
    bool plan_judged = last.task && last.judgeable &&
                       !(kh_date_is_full(p->date.date) && kh_date_cmp(last.due, p->date.date) < 0);
    unit_reports ur = {cx, p, plan_judged ? &last : NULL, {NULL, 0, 0}, NULL};
    kh_plan_walk_sections(p, held_section, &ur.held);
    kh_plan_walk_sections(p, last_event_section, &ur.last_event);
    if (ur.held.n || ur.last_event)
        kh_plan_walk_sections(p, unit_report_section, &ur);
    free(ur.held.v);
    if (!last.task || !last.judgeable)
        return;
    /* a last report before the issue date is R-DEADLINE-AFTER-ISSUE's
     * error already: no second report of the same slip */
    if (kh_date_is_full(p->date.date) && kh_date_cmp(last.due, p->date.date) < 0)
        return;
    event_scan st = {cx, &last};
    kh_plan_walk_sections(p, event_section, &st);
}

static void order_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth, (void)number;
    kh_rule_ctx *cx = ctx;
    const kh_event *last = NULL;
    for (size_t i = 0; i < s->n_events; i++) {
        const kh_event *e = &s->events[i];
        if (!kh_date_is_full(e->date.date))
            continue;
        if (last && kh_date_cmp(e->date.date, last->date.date) < 0) {
            char a[48], b[48];
            kh_report(cx, e->date.raw.pos,
                      "the event on %s is listed after one on %s: a schedule runs forwards; check both dates, or list the events in the order they happen",
                      "sự kiện ngày %s được ghi sau sự kiện ngày %s: lịch trình đi theo thứ tự thời gian; kiểm tra lại hai ngày, hoặc xếp các sự kiện theo thứ tự diễn ra",
                      kh_date_fmt_short(e->date.date, a), kh_date_fmt_short(last->date.date, b));
            kh_report_note(cx, NULL, last->date.raw.pos, "the event listed before it",
                           "sự kiện ghi trước nó");
        }
        last = e;
    }
}

void rule_event_order(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_plan_walk_sections(p, order_section, cx);
}

/* checklist.c — the due-date checklist, derived from the model: unit tasks
 * with deadlines, dated events, reporting duties. Sorting, filtering and
 * the three output forms (text, Markdown task list, RFC 4180 CSV). Every
 * renderer and `kehoach checklist` print it through kh_checklist_write. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/checklist.h"
#include "kehoach/markdown.h"
#include "kehoach/compose.h"

static kh_due *push(kh_checklist *c)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 16;
        c->v = kh_xrealloc(c->v, c->cap * sizeof *c->v);
    }
    kh_due *d = &c->v[c->n];
    memset(d, 0, sizeof *d);
    d->seq = (unsigned)c->n++;
    return d;
}

static const char *str(const kh_text *t)
{
    return t && t->s ? t->s : "";
}

typedef struct add_ctx {
    kh_checklist *c;
    const kh_plan *p;
} add_ctx;

/* The unit a `who:` names: its id, else the text itself. */
static const char *unit_name(const kh_plan *p, const kh_section *s, const char *who,
                             bool *found)
{
    for (size_t i = 0; i < s->n_units; i++)
        if (s->units[i].id.s && !strcmp(s->units[i].id.s, who)) {
            *found = true;
            return str(&s->units[i].name);
        }
    for (size_t i = 0; i < s->n_sections && !*found; i++) {
        const char *n = unit_name(p, &s->sections[i], who, found);
        if (*found)
            return n;
    }
    return who;
}

static const char *resolve_who(const kh_plan *p, const kh_text *who)
{
    if (kh_text_empty(who))
        return "";
    bool found = false;
    for (size_t i = 0; i < p->n_sections; i++) {
        const char *n = unit_name(p, &p->sections[i], who->s, &found);
        if (found)
            return n;
    }
    return who->s;
}

static void fill(add_ctx *a, kh_due *d, kh_date date, kh_due_kind kind,
                 const char *unit, char *what, const char *to, kh_pos pos)
{
    const kh_plan *p = a->p;
    d->date = date;
    d->kind = kind;
    d->unit = kh_strdup(unit ? unit : "");
    d->what = what;
    d->to = kh_strdup(to ? to : "");
    d->pos = pos;
    d->plan_path = p->path;
    d->plan_number = kh_strdup(str(&p->number));
    d->days_from_issue = LONG_MIN;
    if (kh_date_is_full(date)) {
        if (kh_date_is_full(p->date.date))
            d->days_from_issue = kh_date_diff(date, p->date.date);
        int wd = kh_date_weekday(date);
        d->weekend = wd == 0 || wd == 6;
        d->holiday = kh_holiday_name(date);
    }
}

static void add_unit(add_ctx *a, const kh_unit *u)
{
    bool duty_listed = false;
    for (size_t i = 0; i < u->n_tasks; i++) {
        const kh_task *t = &u->tasks[i];
        const char *to = !kh_text_empty(&t->report_to) ? t->report_to.s : str(&u->report_to);
        kh_date due = kh_task_due_date(t);
        bool dated = kh_date_is_full(due);
        if (!dated && !t->report)
            continue;
        kh_due *d = push(a->c);
        fill(a, d, dated ? due : (kh_date){0, 0, 0},
             t->report ? KH_DUE_REPORT : KH_DUE_TASK, str(&u->name),
             kh_compose_task_plain(a->p, t), t->report ? to : "", t->pos);
        d->every = t->every;
        duty_listed |= t->report;
    }
    /* A unit that reports to someone, with no task saying when: the duty
     * still belongs on the list, undated. */
    if (!duty_listed && !kh_text_empty(&u->report_to)) {
        kh_due *d = push(a->c);
        fill(a, d, (kh_date){0, 0, 0}, KH_DUE_REPORT, str(&u->name),
             kh_strdup(""), u->report_to.s, u->pos);
    }
}

static void add_section(add_ctx *a, const kh_section *s)
{
    for (size_t i = 0; i < s->n_events; i++) {
        const kh_event *e = &s->events[i];
        if (!kh_date_is_full(e->date.date))
            continue;
        kh_due *d = push(a->c);
        fill(a, d, e->date.date, KH_DUE_EVENT, resolve_who(a->p, &e->who),
             kh_compose_event_plain(a->p, e), "", e->pos);
    }
    /* A deadline table: every row with a day is a task of its unit. */
    for (size_t i = 0; i < s->timetable.n_rows; i++) {
        const kh_timetable_row *r = &s->timetable.rows[i];
        if (!kh_date_is_full(r->date))
            continue;
        kh_due *d = push(a->c);
        fill(a, d, r->date, KH_DUE_TASK, resolve_who(a->p, &r->unit),
             kh_md_inline_plain(r->task.s ? r->task.s : ""), "",
             r->deadline.raw.pos.line ? r->deadline.raw.pos : r->pos);
    }
    for (size_t i = 0; i < s->n_sections; i++)
        add_section(a, &s->sections[i]);
    for (size_t i = 0; i < s->n_units; i++)
        add_unit(a, &s->units[i]);
}

static void add_period(add_ctx *a, const kh_period *pe)
{
    if (!kh_date_is_full(pe->to.date))
        return;
    /* `what` is plan data, in the plan's language; the window has no label. */
    char *what = kh_strdup(kh_text_empty(&pe->label) ? "kết thúc đợt" : pe->label.s);
    fill(a, push(a->c), pe->to.date, KH_DUE_PERIOD, "", what, "",
         pe->to.raw.pos.line ? pe->to.raw.pos : pe->pos);
}

void kh_checklist_add_plan(kh_checklist *c, const kh_plan *p)
{
    add_ctx a = {c, p};
    for (size_t i = 0; i < p->n_sections; i++)
        add_section(&a, &p->sections[i]);
    for (size_t i = 0; i < p->schedule.n_peaks; i++)
        add_period(&a, &p->schedule.peaks[i]);
    add_period(&a, &p->schedule.window);
}

static int cmp_due(const void *x, const void *y)
{
    const kh_due *a = x, *b = y;
    bool da = kh_date_is_set(a->date), db = kh_date_is_set(b->date);
    if (da != db)
        return da ? -1 : 1;
    int r = kh_date_cmp(a->date, b->date);
    if (r)
        return r;
    r = strcmp(a->plan_path ? a->plan_path : "", b->plan_path ? b->plan_path : "");
    if (r)
        return r;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void kh_checklist_sort(kh_checklist *c)
{
    if (c->n > 1)
        qsort(c->v, c->n, sizeof *c->v, cmp_due);
}

static void free_due(kh_due *d)
{
    free(d->unit);
    free(d->what);
    free(d->to);
    free(d->plan_number);
}

void kh_checklist_filter(kh_checklist *c, kh_date from, kh_date to)
{
    bool bounded = kh_date_is_set(from) || kh_date_is_set(to);
    size_t k = 0;
    for (size_t i = 0; i < c->n; i++) {
        kh_due *d = &c->v[i];
        bool keep = !bounded ||
                    (kh_date_is_set(d->date) &&
                     (!kh_date_is_set(from) || kh_date_cmp(d->date, from) >= 0) &&
                     (!kh_date_is_set(to) || kh_date_cmp(d->date, to) <= 0));
        if (keep)
            c->v[k++] = *d;
        else
            free_due(d);
    }
    c->n = k;
}

void kh_checklist_free(kh_checklist *c)
{
    for (size_t i = 0; i < c->n; i++)
        free_due(&c->v[i]);
    free(c->v);
    memset(c, 0, sizeof *c);
}

/* ---- output ---------------------------------------------------------- */

const char *kh_recurrence_label(kh_recurrence r, kh_lang lang)
{
    static const char *const vi[] = {"", "hằng tháng", "hằng quý", "6 tháng một lần", "hằng năm"};
    static const char *const en[] = {"", "monthly", "quarterly", "every six months", "yearly"};
    unsigned i = (unsigned)r < 5 ? (unsigned)r : 0;
    return lang == KH_LANG_VI ? vi[i] : en[i];
}

static const char *kind_name(kh_due_kind k, kh_lang lang)
{
    static const char *const vi[] = {"nhiệm vụ", "báo cáo", "sự kiện", "hết đợt"};
    static const char *const en[] = {"task", "report", "event", "period ends"};
    unsigned i = (unsigned)k < 4 ? (unsigned)k : 0;
    return lang == KH_LANG_VI ? vi[i] : en[i];
}

/* Markdown-escape plain text (inline markers; the line never starts with
 * user text, so block markers cannot arise). */
static void md_escape(kh_buf *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '\n' || *s == '\r') {
            kh_buf_putc(out, ' ');
            continue;
        }
        if (strchr("\\`*_[]<>&", *s))
            kh_buf_putc(out, '\\');
        kh_buf_putc(out, *s);
    }
}

typedef void (*put_fn)(kh_buf *, const char *);
static void put_plain(kh_buf *out, const char *s)
{
    for (; *s; s++)
        kh_buf_putc(out, *s == '\n' || *s == '\r' ? ' ' : *s);
}

/* One item as a line of text or Markdown (without the `- [ ] `). */
static void item_line(const kh_due *d, kh_lang lang, bool show_plan, bool md,
                      kh_buf *out)
{
    put_fn put = md ? md_escape : put_plain;
    bool vi = lang == KH_LANG_VI;
    char date[48];
    if (md)
        kh_buf_puts(out, "**");
    if (kh_date_is_set(d->date)) {
        kh_buf_puts(out, kh_date_fmt_short(d->date, date));
        if (md)
            kh_buf_puts(out, "**");
        if (kh_date_is_full(d->date)) {
            int wd = kh_date_weekday(d->date);
            kh_buf_printf(out, " %s", vi ? kh_weekday_vi(wd) : kh_weekday_en(wd));
        }
    } else {
        kh_buf_puts(out, vi ? "không hạn" : "no deadline");
        if (md)
            kh_buf_puts(out, "**");
    }
    if (d->days_from_issue != LONG_MIN)
        kh_buf_printf(out, vi ? " (%+ld ngày)"
                           : labs(d->days_from_issue) == 1 ? " (%+ld day)" : " (%+ld days)",
                      d->days_from_issue);
    kh_buf_printf(out, " · %s", kind_name(d->kind, lang));
    if (d->every != KH_EVERY_NONE)
        kh_buf_printf(out, " %s", kh_recurrence_label(d->every, lang));
    if (show_plan) {
        kh_buf_puts(out, " · ");
        put(out, d->plan_number && *d->plan_number ? d->plan_number
                                                   : (d->plan_path ? d->plan_path : ""));
    }
    kh_buf_puts(out, " · ");
    if (*d->unit) {
        if (md)
            kh_buf_puts(out, "**");
        put(out, d->unit);
        if (md)
            kh_buf_puts(out, "**");
        if (*d->what)
            kh_buf_puts(out, ": ");
    }
    put(out, d->what);
    if (!*d->unit && !*d->what)
        kh_buf_puts(out, vi ? "toàn đợt" : "the whole campaign");
    if (*d->to) {
        kh_buf_puts(out, " → ");
        put(out, d->to);
    }
    if (d->weekend)
        kh_buf_puts(out, vi ? " ⚠ rơi vào cuối tuần" : " ⚠ falls on a weekend");
    if (d->holiday) {
        kh_buf_puts(out, vi ? " ⚠ ngày nghỉ lễ: " : " ⚠ public holiday: ");
        put(out, d->holiday);
    }
}

static void csv_field(kh_buf *out, const char *s, bool last)
{
    if (strpbrk(s, ",\"\r\n")) {
        kh_buf_putc(out, '"');
        for (; *s; s++) {
            if (*s == '"')
                kh_buf_putc(out, '"');
            kh_buf_putc(out, *s);
        }
        kh_buf_putc(out, '"');
    } else {
        kh_buf_puts(out, s);
    }
    kh_buf_puts(out, last ? "\r\n" : ",");
}

static void csv_row(const kh_due *d, kh_buf *out)
{
    char date[48] = "", wd[32] = "", days[32] = "";
    if (kh_date_is_set(d->date))
        kh_date_fmt_iso(d->date, date);
    if (kh_date_is_full(d->date))
        snprintf(wd, sizeof wd, "%s", kh_weekday_en(kh_date_weekday(d->date)));
    if (d->days_from_issue != LONG_MIN)
        snprintf(days, sizeof days, "%ld", d->days_from_issue);
    csv_field(out, d->plan_path ? d->plan_path : "", false);
    csv_field(out, d->plan_number ? d->plan_number : "", false);
    csv_field(out, date, false);
    csv_field(out, wd, false);
    csv_field(out, days, false);
    csv_field(out, kind_name(d->kind, KH_LANG_EN), false);
    csv_field(out, d->unit, false);
    csv_field(out, d->what, false);
    csv_field(out, d->to, false);
    csv_field(out, d->weekend ? "yes" : "no", false);
    csv_field(out, d->holiday ? d->holiday : "", false);
    csv_field(out, kh_recurrence_name(d->every), true);
}

void kh_checklist_write(const kh_checklist *c, kh_checklist_format f,
                        kh_lang lang, bool show_plan, kh_buf *out)
{
    if (f == KH_CHECKLIST_CSV) {
        kh_buf_puts(out, "plan,number,date,weekday,days_from_issue,kind,unit,"
                         "what,to,weekend,holiday,every\r\n");
        for (size_t i = 0; i < c->n; i++)
            csv_row(&c->v[i], out);
        return;
    }
    if (c->n == 0) {
        const char *none = lang == KH_LANG_VI ? "Không có thời hạn nào."
                                              : "No deadlines.";
        kh_buf_printf(out, "%s\n", none);
        return;
    }
    for (size_t i = 0; i < c->n; i++) {
        if (f == KH_CHECKLIST_MD)
            kh_buf_puts(out, "- [ ] ");
        item_line(&c->v[i], lang, show_plan, f == KH_CHECKLIST_MD, out);
        kh_buf_putc(out, '\n');
    }
}

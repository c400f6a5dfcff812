/* render_ics.c — `kehoach build -f ics`: the plan's deadlines and dated
 * events as an iCalendar file (RFC 5545) a committee imports in one step.
 * Each checklist item becomes an all-day VEVENT (calendar apps ignore
 * VTODO) with a UID that stays the same when the plan is regenerated or
 * reordered, so a re-import updates instead of duplicating; deadlines carry
 * a reminder (VALARM) some days before. Output is reproducible: DTSTAMP
 * comes from SOURCE_DATE_EPOCH or the plan's issue date, never the clock.
 * SEQUENCE and LAST-MODIFIED follow the file this build replaces
 * (ics_previous.c): unchanged events keep theirs, a moved one gets the next
 * SEQUENCE and the build's time, so calendars take the move. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kehoach/checklist.h"
#include "kehoach/ics.h"
#include "kehoach/render.h"

#define ICS_FOLD 75 /* octets per line, CRLF excluded (RFC 5545 3.1) */

void kh_ics_line(kh_buf *out, const char *line)
{
    size_t n = strlen(line), at = 0;
    size_t room = ICS_FOLD;
    while (n - at > room) {
        size_t cut = at + room;
        /* back off to the start of a UTF-8 sequence */
        while (cut > at && ((unsigned char)line[cut] & 0xC0) == 0x80)
            cut--;
        if (cut == at) /* cannot happen with valid UTF-8; never loop forever */
            cut = at + room;
        /* keep an escape pair (`\,`) on one line: readers unfold first, but
         * a person reading the file should not see it torn */
        size_t bs = 0;
        while (cut - bs > at && line[cut - 1 - bs] == '\\')
            bs++;
        if (bs % 2 && cut - 1 > at)
            cut--;
        kh_buf_put(out, line + at, cut - at);
        kh_buf_puts(out, "\r\n ");
        at = cut;
        room = ICS_FOLD - 1; /* the leading space counts */
    }
    kh_buf_put(out, line + at, n - at);
    kh_buf_puts(out, "\r\n");
}

void kh_ics_escape(kh_buf *out, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; c && *c; c++) {
        switch (*c) {
        case '\\': kh_buf_puts(out, "\\\\"); break;
        case ';': kh_buf_puts(out, "\\;"); break;
        case ',': kh_buf_puts(out, "\\,"); break;
        case '\n': kh_buf_puts(out, "\\n"); break;
        case '\r':
            if (c[1] != '\n')
                kh_buf_puts(out, "\\n");
            break;
        case '\t': kh_buf_putc(out, '\t'); break;
        default:
            if (*c >= 0x20 && *c != 0x7f)
                kh_buf_putc(out, (char)*c);
        }
    }
}

static uint64_t fnv1a(uint64_t h, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)(s ? s : ""); *c; c++) {
        h ^= *c;
        h *= 0x100000001b3ULL;
    }
    h ^= 0x1f; /* field separator, so ("ab","c") and ("a","bc") differ */
    h *= 0x100000001b3ULL;
    return h;
}

static const char *kind_key(kh_due_kind k)
{
    return k == KH_DUE_REPORT ? "report" : k == KH_DUE_EVENT ? "event"
         : k == KH_DUE_PERIOD ? "period" : "task";
}

/* The plan's identity in a UID: its number, or its file name for a draft
 * whose number is still blank. */
static const char *plan_key(const kh_due *d)
{
    if (d->plan_number && *d->plan_number && d->plan_number[0] != '-')
        return d->plan_number;
    const char *p = d->plan_path ? d->plan_path : "";
    const char *slash = strrchr(p, '/');
    return slash ? slash + 1 : p;
}

static uint64_t item_hash(uint64_t seed, const kh_due *d)
{
    uint64_t h = fnv1a(seed, plan_key(d));
    h = fnv1a(h, kind_key(d->kind));
    h = fnv1a(h, d->unit);
    return fnv1a(h, d->what);
}

const char *kh_ics_uid(const kh_due *d, unsigned occurrence, char *buf)
{
    char occ[16];
    snprintf(occ, sizeof occ, "%u", occurrence);
    uint64_t a = fnv1a(item_hash(0xcbf29ce484222325ULL, d), occ);
    uint64_t b = fnv1a(item_hash(0x84222325cbf29ce4ULL, d), occ);
    snprintf(buf, 64, "%016llx%016llx@kehoach", (unsigned long long)a,
             (unsigned long long)b);
    return buf;
}

/* How many items before v[i] share its key (plan, kind, unit, label). */
static unsigned occurrence_of(const kh_due *v, size_t i)
{
    unsigned k = 0;
    uint64_t h = item_hash(0xcbf29ce484222325ULL, &v[i]);
    for (size_t j = 0; j < i; j++)
        if (item_hash(0xcbf29ce484222325ULL, &v[j]) == h && v[j].kind == v[i].kind &&
            !strcmp(v[j].what ? v[j].what : "", v[i].what ? v[i].what : "") &&
            !strcmp(v[j].unit ? v[j].unit : "", v[i].unit ? v[i].unit : "") &&
            !strcmp(plan_key(&v[j]), plan_key(&v[i])))
            k++;
    return k;
}

/* NAME:escaped-text */
static void text_prop(kh_buf *out, const char *name, const char *value)
{
    kh_buf l = {0};
    kh_buf_puts(&l, name);
    kh_buf_putc(&l, ':');
    kh_ics_escape(&l, value);
    kh_ics_line(out, kh_buf_str(&l));
    kh_buf_free(&l);
}

static void date_prop(kh_buf *out, const char *name, kh_date d)
{
    char l[64];
    snprintf(l, sizeof l, "%s;VALUE=DATE:%04d%02d%02d", name, d.year, d.month, d.day);
    kh_ics_line(out, l);
}

typedef struct labels {
    const char *plan, *unit, *task, *report_to, *event, *due, *weekend, *holiday;
    const char *cat_task, *cat_report, *cat_event, *reminder;
    const char *period_end, *campaign, *cat_period;
} labels;

static const labels vi_labels = {
    "Kế hoạch số", "Đơn vị thực hiện", "Nội dung", "Báo cáo về", "Sự kiện",
    "Hạn", "Rơi vào", "Ngày lễ", "Nhiệm vụ", "Báo cáo", "Sự kiện", "Sắp đến hạn",
    "Kết thúc", "toàn đợt", "Thời gian",
};
static const labels en_labels = {
    "Plan", "Responsible", "Task", "Report to", "Event",
    "Due", "Falls on", "Public holiday", "Task", "Report", "Event", "Due soon",
    "Ends", "the whole campaign", "Period",
};

/* "NAME;VALUE=DATE:20261206" → "VALUE=DATE:20261206"'s value part as the
 * previous file stores it (after the first ':'). */
static void date_value(char *buf, size_t n, kh_date d)
{
    snprintf(buf, n, "%04d%02d%02d", d.year, d.month, d.day);
}

/* RRULE of a recurring duty (`every:`), from its first due day. A duty due
 * on a month's last day stays on the last day (BYMONTHDAY=-1): RFC 5545
 * skips the months that lack a 31st otherwise. */
static void recurrence(kh_buf *out, const kh_due *d)
{
    static const char *const rule[] = {NULL, "FREQ=MONTHLY", "FREQ=MONTHLY;INTERVAL=3",
                                       "FREQ=MONTHLY;INTERVAL=6", "FREQ=YEARLY"};
    if (d->every == KH_EVERY_NONE || (unsigned)d->every > 4)
        return;
    kh_buf s = {0};
    kh_buf_printf(&s, "RRULE:%s", rule[d->every]);
    if (d->every != KH_EVERY_YEAR && d->date.day > 28 &&
        d->date.day == kh_days_in_month(d->date.year, d->date.month))
        kh_buf_puts(&s, ";BYMONTHDAY=-1");
    kh_ics_line(out, kh_buf_str(&s));
    kh_buf_free(&s);
}

static void event(kh_buf *out, const kh_due *d, unsigned occ, const char *stamp,
                  const char *now, const kh_ics_opts *o)
{
    const labels *L = o->lang == KH_LANG_VI ? &vi_labels : &en_labels;
    const char *num = plan_key(d);
    const char *what = d->what && *d->what ? d->what : "";
    char uid[64];
    kh_buf s = {0}, label = {0};
    if (d->kind == KH_DUE_PERIOD) { /* the end of the campaign or of a peak */
        char *low = kh_utf8_lower(what);
        bool says_end = low && (!strncmp(low, "kết thúc", strlen("kết thúc")) ||
                                !strncmp(low, "end", 3));
        free(low);
        if (says_end) { /* the checklist's own `kết thúc đợt`, capitalised */
            uint32_t cp;
            size_t n = kh_utf8_decode(what, strlen(what), &cp);
            char *first = kh_strndup(what, n ? n : 1), *up = kh_utf8_upper(first);
            kh_buf_printf(&label, "%s%s", up ? up : first, what + (n ? n : 1));
            free(first);
            free(up);
        }
        else
            kh_buf_printf(&label, "%s: %s", L->period_end, *what ? what : L->campaign);
    }
    else
        kh_buf_puts(&label, *what ? what : (d->unit && *d->unit ? d->unit : L->due));
    what = kh_buf_str(&label);

    kh_ics_line(out, "BEGIN:VEVENT");
    kh_buf_printf(&s, "UID:%s", kh_ics_uid(d, occ, uid));
    kh_ics_line(out, kh_buf_str(&s));
    s.len = 0;
    kh_buf_printf(&s, "DTSTAMP:%s", stamp);
    kh_ics_line(out, kh_buf_str(&s));
    kh_date end = kh_date_from_days(kh_date_to_days(d->date) + 1);
    date_prop(out, "DTSTART", d->date);
    date_prop(out, "DTEND", end);
    recurrence(out, d);
    /* SEQUENCE and LAST-MODIFIED: kept while the dates stay, raised when
     * they move, against the file this one replaces. */
    char ds[16], de[16];
    date_value(ds, sizeof ds, d->date);
    date_value(de, sizeof de, end);
    const kh_ics_prev_event *pe = kh_ics_previous_find(o->previous, uid);
    unsigned seq = 0;
    const char *modified = stamp; /* a new event: as reproducible as DTSTAMP */
    if (pe && !strcmp(pe->dtstart, ds) && !strcmp(pe->dtend, de)) {
        seq = pe->sequence;
        if (pe->last_modified[0])
            modified = pe->last_modified;
    } else if (pe) { /* moved: the next revision, as of this build */
        seq = pe->sequence + 1;
        modified = now;
    }
    s.len = 0;
    kh_buf_printf(&s, "SEQUENCE:%u", seq);
    kh_ics_line(out, kh_buf_str(&s));
    s.len = 0;
    kh_buf_printf(&s, "LAST-MODIFIED:%s", modified);
    kh_ics_line(out, kh_buf_str(&s));

    s.len = 0;
    kh_buf_printf(&s, "[%s] %s", num, what);
    text_prop(out, "SUMMARY", kh_buf_str(&s));

    s.len = 0;
    kh_buf_printf(&s, "%s %s", L->plan, num);
    if (d->unit && *d->unit)
        kh_buf_printf(&s, "\n%s: %s", L->unit, d->unit);
    kh_buf_printf(&s, "\n%s: %s", d->kind == KH_DUE_TASK || d->kind == KH_DUE_REPORT ? L->task : L->event, what);
    if (d->to && *d->to)
        kh_buf_printf(&s, "\n%s: %s", L->report_to, d->to);
    if (d->holiday)
        kh_buf_printf(&s, "\n%s: %s", L->holiday, d->holiday);
    else if (d->weekend)
        kh_buf_printf(&s, "\n%s: %s", L->weekend,
                      o->lang == KH_LANG_VI ? kh_weekday_vi(kh_date_weekday(d->date))
                                            : kh_weekday_en(kh_date_weekday(d->date)));
    text_prop(out, "DESCRIPTION", kh_buf_str(&s));

    text_prop(out, "CATEGORIES", d->kind == KH_DUE_REPORT ? L->cat_report
                                 : d->kind == KH_DUE_EVENT ? L->cat_event
                                 : d->kind == KH_DUE_PERIOD ? L->cat_period
                                                            : L->cat_task);
    kh_ics_line(out, "TRANSP:TRANSPARENT");
    /* a reminder before what someone must deliver: tasks and reports */
    if ((d->kind == KH_DUE_TASK || d->kind == KH_DUE_REPORT) && o->remind_days > 0) {
        kh_ics_line(out, "BEGIN:VALARM");
        kh_ics_line(out, "ACTION:DISPLAY");
        s.len = 0;
        kh_buf_printf(&s, "TRIGGER:-P%dD", o->remind_days);
        kh_ics_line(out, kh_buf_str(&s));
        s.len = 0;
        kh_buf_printf(&s, "%s: [%s] %s", L->reminder, num, what);
        text_prop(out, "DESCRIPTION", kh_buf_str(&s));
        kh_ics_line(out, "END:VALARM");
    }
    kh_ics_line(out, "END:VEVENT");
    kh_buf_free(&s);
    kh_buf_free(&label);
}

static void utc_stamp(char *buf, size_t n, long long secs)
{
    time_t t = (time_t)(secs > 0 ? secs : 0);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, n, "%Y%m%dT%H%M%SZ", &tm);
}

void kh_ics_write(const kh_due *v, size_t n, const kh_ics_opts *o, kh_buf *out)
{
    char stamp[32], now[32];
    utc_stamp(stamp, sizeof stamp, o->stamp);
    utc_stamp(now, sizeof now, o->now > 0 ? o->now : o->stamp);

    kh_ics_line(out, "BEGIN:VCALENDAR");
    kh_ics_line(out, "VERSION:2.0");
    kh_ics_line(out, "PRODID:-//kehoach//kehoach plan compiler//VI");
    kh_ics_line(out, "CALSCALE:GREGORIAN");
    kh_ics_line(out, "METHOD:PUBLISH");
    if (o->name && *o->name)
        text_prop(out, "X-WR-CALNAME", o->name);
    for (size_t i = 0; i < n; i++)
        if (kh_date_is_full(v[i].date))
            event(out, &v[i], occurrence_of(v, i), stamp, now, o);
    kh_ics_line(out, "END:VCALENDAR");
}

/* DTSTAMP: SOURCE_DATE_EPOCH when given, else midnight UTC of the issue
 * date (the first of the month for a blank day), else the epoch. */
static long long plan_stamp(const kh_plan *p, const kh_render_opts *o)
{
    if (o && o->epoch >= 0)
        return o->epoch;
    kh_date d = p->date.date;
    if (!kh_date_is_set(d))
        return 0;
    if (!d.day)
        d.day = 1;
    return (long long)kh_date_to_days(d) * 86400;
}

int kh_render_ics(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                  kh_diags *diags)
{
    kh_checklist c = {0};
    kh_checklist_add_plan(&c, p);
    kh_checklist_sort(&c);
    size_t dated = 0;
    for (size_t i = 0; i < c.n; i++)
        dated += kh_date_is_full(c.v[i].date);
    if (!dated && diags)
        kh_diag(diags, p->path, (kh_pos){0, 0}, KH_NOTE, "ICS-EMPTY",
                "the plan has no dated deadline or event: the calendar is empty",
                "kế hoạch không có hạn hay sự kiện nào có ngày: lịch để trống");
    kh_buf name = {0};
    if (p->number.s)
        kh_buf_printf(&name, "%s%s%s", p->number.s, p->issuer.s ? " — " : "",
                      p->issuer.s ? p->issuer.s : "");
    else if (p->issuer.s)
        kh_buf_puts(&name, p->issuer.s);
    kh_ics_previous prev;
    kh_ics_previous_read(&prev, o ? o->previous : NULL, o ? o->previous_len : 0);
    kh_ics_opts io = {
        .stamp = plan_stamp(p, o),
        .remind_days = o ? o->remind_days : 0,
        .lang = o ? o->lang : KH_LANG_VI,
        .name = kh_buf_str(&name),
        .previous = &prev,
        .now = o && o->epoch >= 0 ? o->epoch : o ? o->now : 0,
    };
    kh_ics_write(c.v, c.n, &io, out);
    kh_ics_previous_free(&prev);
    kh_buf_free(&name);
    kh_checklist_free(&c);
    return 0;
}

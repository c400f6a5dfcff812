/* rules_dates.c — catalogue B.6 (dates, deadlines and arithmetic):
 * deadlines and events against the issue date, the bound of a missing issue
 * date, reporting duties, anniversaries, years since a document, ranges,
 * congress ordinals. (R-UNIT-RECIPIENT, also B.6, is in rules_recipients.c.) */
#include <stdlib.h>
#include <string.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

static bool after_issue(kh_date d, kh_date issue, bool strict)
{
    if (!issue.day || !d.day) {
        int a = d.year * 12 + d.month, b = issue.year * 12 + issue.month;
        return strict ? a > b || a == b : a >= b; /* same month: cannot tell */
    }
    int c = kh_date_cmp(d, issue);
    return strict ? c > 0 : c >= 0;
}

/* ---- deadlines ---- */

typedef struct dl_scan {
    kh_rule_ctx *cx;
    kh_date issue;
} dl_scan;

static void deadline_para(const kh_para *pa, void *ctx)
{
    dl_scan *st = ctx;
    kh_found_date d;
    for (size_t i = 0; kh_next_date(pa->s, pa->len, i, &d); i = d.end) {
        if (!d.valid || d.long_form)
            continue;
        /* `trước ngày d/m/yyyy`, `hạn … d/m/yyyy` */
        size_t from = d.start > 40 ? d.start - 40 : 0;
        char win[64];
        snprintf(win, sizeof win, "%.*s", (int)(d.start - from), pa->s + from);
        if (!strstr(win, "trước ngày") && !strstr(win, "hạn") && !strstr(win, "chậm nhất"))
            continue;
        if (!after_issue(d.date, st->issue, false) || kh_date_cmp(d.date, st->issue) == 0) {
            char a[48], b[48];
            kh_report(st->cx, kh_para_pos(pa, d.start),
                      "deadline %s is not after the issue date %s; a deadline must fall after the plan is issued: correct the date",
                      "thời hạn %s không sau ngày ban hành %s; thời hạn phải sau ngày ban hành kế hoạch: sửa lại ngày",
                      kh_date_fmt_short(d.date, a), kh_date_fmt_short(st->issue, b));
        }
    }
}

static void task_deadlines(const kh_section *s, int depth, const char *number, void *ctx)
{
    dl_scan *st = ctx;
    for (size_t i = 0; i < s->timetable.n_rows && kh_date_is_full(st->issue); i++) {
        const kh_timetable_row *r = &s->timetable.rows[i];
        if (!kh_date_is_full(r->date) || kh_date_cmp(r->date, st->issue) > 0)
            continue;
        char a[48], b[48];
        kh_report(st->cx, r->deadline.raw.pos.line ? r->deadline.raw.pos
                          : r->has_offset ? r->offset_pos : r->pos,
                  "deadline %s (row %zu of the deadline table) is not after the issue date %s; a deadline must fall after the plan is issued: correct the date",
                  "thời hạn %s (hàng %zu của bảng thời hạn) không sau ngày ban hành %s; thời hạn phải sau ngày ban hành kế hoạch: sửa lại ngày",
                  kh_date_fmt_short(r->date, a), i + 1, kh_date_fmt_short(st->issue, b));
    }
    for (size_t i = 0; i < s->n_units; i++)
        for (size_t j = 0; j < s->units[i].n_tasks; j++) {
            const kh_task *t = &s->units[i].tasks[j];
            kh_date due = kh_task_due_date(t); /* a month's or quarter's last day */
            if (!kh_date_is_full(due) || !kh_date_is_full(st->issue))
                continue;
            if (kh_date_cmp(due, st->issue) <= 0) {
                char a[48], b[48];
                bool period = t->due == KH_DEADLINE_MONTH || t->due == KH_DEADLINE_QUARTER;
                bool month = t->due == KH_DEADLINE_MONTH;
                kh_report(st->cx, t->deadline.raw.pos,
                          "deadline %s%s%.0s is not after the issue date %s; a deadline must fall after the plan is issued: correct the date",
                          "thời hạn %s%.0s%s không sau ngày ban hành %s; thời hạn phải sau ngày ban hành kế hoạch: sửa lại ngày",
                          kh_date_fmt_short(due, a),
                          !period ? "" : month ? " (the end of the month)" : " (the end of the quarter)",
                          !period ? "" : month ? " (cuối tháng)" : " (cuối quý)",
                          kh_date_fmt_short(st->issue, b));
            }
        }
}

void rule_deadline_after_issue(const kh_plan *p, kh_rule_ctx *cx)
{
    dl_scan st = {cx, p->date.date};
    if (!kh_date_is_set(st.issue))
        return;
    kh_plan_walk_sections(p, task_deadlines, &st);
    if (kh_date_is_full(st.issue))
        kh_walk_paras(cx, KH_BODY_FIELDS, deadline_para, &st);
}

/* ---- reporting duties ---- */

typedef struct duty_scan {
    const kh_section *impl;
    size_t n_duty, n_dated;
    const kh_unit *first_undated;
    bool says_theo_quy_dinh;
    bool any_report_text;
} duty_scan;

static bool unit_reports(const kh_unit *u, bool *dated)
{
    bool duty = u->report_to.s != NULL;
    *dated = false;
    for (size_t i = 0; i < u->n_tasks; i++) {
        duty |= u->tasks[i].report;
        *dated |= kh_date_is_set(u->tasks[i].deadline.date);
    }
    return duty;
}

static void duty_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    duty_scan *st = ctx;
    if (s->n_units && !st->impl)
        st->impl = s;
    for (size_t i = 0; i < s->n_units; i++) {
        bool dated;
        if (unit_reports(&s->units[i], &dated)) {
            st->n_duty++;
            if (dated)
                st->n_dated++;
            else if (!st->first_undated)
                st->first_undated = &s->units[i];
        }
    }
}

static void duty_para(const kh_para *pa, void *ctx)
{
    duty_scan *st = ctx;
    if (strstr(pa->s, "theo quy định"))
        st->says_theo_quy_dinh = true;
    if (strstr(pa->s, "báo cáo kết quả") || strstr(pa->s, "Báo cáo kết quả"))
        st->any_report_text = true;
}

void rule_deadline_unit(const kh_plan *p, kh_rule_ctx *cx)
{
    duty_scan st = {0};
    kh_plan_walk_sections(p, duty_section, &st);
    kh_walk_paras(cx, (1u << KH_F_UNIT_BODY) | (1u << KH_F_TASK) | (1u << KH_F_CLOSING),
                  duty_para, &st);
    if (!st.impl)
        return;
    if (st.n_duty == 0) {
        if (!st.any_report_text)
            kh_report_sev(cx, KH_NOTE, st.impl->title.pos,
                          "no unit is asked to report back; consider a reporting duty with a deadline ('report_to:' and 'deadline:' on a task)",
                          "chưa giao đơn vị nào báo cáo kết quả; nên giao nhiệm vụ báo cáo có thời hạn ('report_to:' và 'deadline:' trong nhiệm vụ)");
        return;
    }
    if (st.n_dated == st.n_duty)
        return;
    if (st.says_theo_quy_dinh)
        kh_report_sev(cx, KH_NOTE, st.impl->title.pos,
                      "%zu unit(s) report back 'theo quy định' with no date; a dated deadline ('deadline:' on the reporting task) lets the checklist track it",
                      "%zu đơn vị báo cáo 'theo quy định' mà không có ngày; ghi thời hạn cụ thể ('deadline:' trong nhiệm vụ báo cáo) để theo dõi được",
                      st.n_duty - st.n_dated);
    else
        kh_report(cx, st.first_undated->name.pos,
                  "unit '%s' has a reporting duty but no deadline; add 'deadline:' to its reporting task, or say 'theo quy định'",
                  "đơn vị '%s' có nhiệm vụ báo cáo nhưng không có thời hạn; thêm 'deadline:' cho nhiệm vụ báo cáo, hoặc ghi 'theo quy định'",
                  st.first_undated->name.s ? st.first_undated->name.s : "");
}

/* ---- R-DEADLINE-TYPED ---- */

/* A task whose deadline is typed in its text (`… trước ngày 20/7/2027.`)
 * and not given as `deadline:`: the printed text is right, but the
 * checklist, the calendar and the date rules leave the task out (seen on a
 * blind batch 8 plan, which `import` then read back with a deadline). */
static void typed_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    (void)depth, (void)number;
    kh_rule_ctx *cx = ctx;
    static const char *const lead[] = {"trước ngày ", "chậm nhất ngày ", "chậm nhất là ngày ",
                                       "hạn chót ngày ", "xong trước ", "trước "};
    for (size_t i = 0; i < s->n_units; i++)
        for (size_t k = 0; k < s->units[i].n_tasks; k++) {
            const kh_task *t = &s->units[i].tasks[k];
            if (t->deadline.raw.s || !t->text.s || t->every != KH_EVERY_NONE)
                continue;
            const char *x = t->text.s;
            size_t len = strlen(x);
            kh_found_date d;
            for (size_t from = 0; kh_next_date(x, len, from, &d); from = d.end) {
                bool due = false;
                for (size_t l = 0; l < sizeof lead / sizeof lead[0] && !due; l++) {
                    size_t n = strlen(lead[l]);
                    due = d.start >= n && !strncmp(x + d.start - n, lead[l], n);
                }
                if (!due || !d.valid)
                    continue;
                char a[48];
                kh_report(cx, kh_text_locate(&t->text, d.start),
                          "the deadline %s is typed in the task's text, so the checklist and the calendar leave the task out; give it as 'deadline:' and write '{deadline}' in the text",
                          "thời hạn %s được gõ trong nội dung nhiệm vụ nên danh mục thời hạn và lịch bỏ sót nhiệm vụ này; ghi thành 'deadline:' và viết '{deadline}' trong nội dung",
                          kh_date_fmt_short(d.date, a));
                break;
            }
        }
}

void rule_deadline_typed(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_plan_walk_sections(p, typed_section, cx);
}

/* ---- events ---- */

typedef struct ev_scan {
    kh_rule_ctx *cx;
    kh_date issue;
    bool have_first;
    kh_date first;
    kh_pos first_pos;
} ev_scan;

static void events_section(const kh_section *s, int depth, const char *number, void *ctx)
{
    ev_scan *st = ctx;
    for (size_t i = 0; i < s->n_events; i++) {
        const kh_event *e = &s->events[i];
        if (!kh_date_is_full(e->date.date))
            continue;
        if (!st->have_first || kh_date_cmp(e->date.date, st->first) < 0) {
            st->first = e->date.date;
            st->first_pos = e->date.raw.pos;
            st->have_first = true;
        }
        if (kh_date_is_set(st->issue) && !after_issue(e->date.date, st->issue, false)) {
            char a[48], b[48];
            kh_report(st->cx, e->date.raw.pos,
                      "event on %s comes before the issue date %s; a plan schedules events after it is issued: check the date",
                      "sự kiện ngày %s diễn ra trước ngày ban hành %s; kế hoạch chỉ lên lịch sự kiện sau ngày ban hành: kiểm tra lại ngày",
                      kh_date_fmt_short(e->date.date, a),
                      st->issue.day ? kh_date_fmt_short(st->issue, b) : kh_date_fmt_long(st->issue, b));
        }
    }
}

void rule_event_after_issue(const kh_plan *p, kh_rule_ctx *cx)
{
    ev_scan st = {cx, p->date.date, false, {0}, {0, 0}};
    kh_plan_walk_sections(p, events_section, &st);
    if (kh_date_is_full(p->date.date))
        return;
    /* A missing (or blank-day) issue date is bounded by the citations and
     * the events. */
    kh_date lo = {0};
    char num[64] = "";
    bool have_lo = kh_latest_citation(p, cx, &lo, num, sizeof num);
    if (!have_lo && !st.have_first)
        return;
    kh_pos pos = p->date.raw.s ? p->date.raw.pos : p->number.s ? p->number.pos : p->issuer.pos;
    char a[48], b[48];
    if (p->date.raw.s && kh_date_is_set(p->date.date)) {
        /* A blank day: the month is known; say what the text adds. */
        kh_date first = {p->date.date.year, p->date.date.month, 1};
        kh_date last = {first.year, first.month, kh_days_in_month(first.year, first.month)};
        if (have_lo && kh_date_cmp(lo, first) > 0)
            first = lo;
        if (st.have_first && kh_date_cmp(st.first, last) < 0)
            last = st.first;
        kh_report_sev(cx, KH_NOTE, pos,
                      "the day of the issue date is blank; with the citations and events it lies between %s and %s",
                      "ngày ban hành còn để trống; theo các văn bản dẫn và sự kiện, ngày ban hành nằm trong khoảng %s đến %s",
                      kh_date_fmt_short(first, a), kh_date_fmt_short(last, b));
        return;
    }
    if (have_lo && st.have_first)
        kh_report_sev(cx, KH_NOTE, pos,
                      "the issue date is not given; the text bounds it between %s (latest citation, %s) and %s (first event)",
                      "chưa có ngày ban hành; theo nội dung, ngày ban hành nằm trong khoảng %s (văn bản dẫn gần nhất, %s) đến %s (sự kiện đầu tiên)",
                      kh_date_fmt_short(lo, a), num, kh_date_fmt_short(st.first, b));
    else if (have_lo)
        kh_report_sev(cx, KH_NOTE, pos,
                      "the issue date is not given; it is on or after %s (latest citation, %s)",
                      "chưa có ngày ban hành; ngày ban hành không sớm hơn %s (văn bản dẫn gần nhất, %s)",
                      kh_date_fmt_short(lo, a), num);
    else
        kh_report_sev(cx, KH_NOTE, pos,
                      "the issue date is not given; it is on or before %s (first event)",
                      "chưa có ngày ban hành; ngày ban hành không muộn hơn %s (sự kiện đầu tiên)",
                      kh_date_fmt_short(st.first, a));
}

/* ---- anniversaries ---- */

/* `N năm` at i: returns N (1..999) and sets *end, else -1. */
static int n_nam_at(const char *s, size_t len, size_t i, size_t *end)
{
    if (!(s[i] >= '0' && s[i] <= '9') || (i && ((s[i - 1] >= '0' && s[i - 1] <= '9') ||
                                                 s[i - 1] == '/' || s[i - 1] == '(')))
        return -1;
    size_t j = i;
    int n = 0;
    while (j < len && s[j] >= '0' && s[j] <= '9' && j - i < 4)
        n = n * 10 + (s[j++] - '0');
    if (j - i > 3 || j >= len || s[j] != ' ' || strncmp(s + j + 1, "năm", strlen("năm")) ||
        !kh_word_end(s, len, j + 1 + strlen("năm")))
        return -1;
    *end = j + 1 + strlen("năm");
    return n;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* `N năm (Y1 - Y2)` whose Y1 + N is the plan's year (or the next: a plan
 * may be issued the year before) while Y2 is not: the count and the start
 * agree with the plan, so the range's end is the slip (19/5/1890 -
 * 19/5/2025 in a plan of 2026 for 136 năm). A range ending in the plan's
 * year while Y1 + N is the next is not judged here: Y1 or N may be wrong. */
static bool end_year_wrong(const kh_plan *p, int n, const kh_found_range *r)
{
    int y = p->date.date.year;
    if (!y)
        return false;
    int at = r->y1 + n;
    if (at == y)
        return r->y2 != y;
    /* a plan of the year before: its range may end this year or the next */
    return at == y + 1 && r->y2 != y && r->y2 != y + 1;
}

void kh_check_anniv(const kh_para *pa, kh_rule_ctx *cx)
{
    for (size_t i = 0; (i = kh_skip_to(pa->s, pa->len, i, KH_DIGITS)) < pa->len; i++) {
        size_t e;
        int n = n_nam_at(pa->s, pa->len, i, &e);
        if (n < 0)
            continue;
        kh_found_range r;
        size_t lim = e + 240 < pa->len ? e + 240 : pa->len;
        if (!kh_next_range(pa->s, lim, e, &r) || !r.paren) {
            i = e;
            continue;
        }
        /* Same clause: no other `N năm`, no sentence end in between. */
        bool clause = true;
        for (size_t k = e; k < r.start && clause; k++) {
            size_t e2;
            char c = pa->s[k];
            if (c == '.' || c == ';' || c == ':' || c == '\0' || /* strchr(".;:", c) */
                (is_digit(c) && n_nam_at(pa->s, pa->len, k, &e2) >= 0))
                clause = false;
        }
        if (clause && r.y2 - r.y1 != n && end_year_wrong(cx->plan, n, &r)) {
            size_t at = r.end; /* the range's last year: its four digits */
            while (at > r.start && !is_digit(pa->s[at - 1]))
                at--;
            at = at >= 4 ? at - 4 : r.start;
            kh_report(cx, kh_para_pos(pa, at),
                      "the range %.*s does not end in the year of the '%d năm' it states: %d + %d = %d, the year of this plan; correct the end of the range",
                      "khoảng %.*s không kết thúc vào năm của '%d năm': %d + %d = %d, năm của kế hoạch này; sửa năm kết thúc",
                      (int)(r.end - r.start), pa->s + r.start, n, r.y1, n, r.y1 + n);
        } else if (clause && r.y2 - r.y1 != n)
            kh_report(cx, kh_para_pos(pa, i),
                      "'%d năm' does not match the range %.*s: %d − %d = %d; correct the number of years or the range",
                      "'%d năm' không khớp với khoảng %.*s: %d − %d = %d; sửa số năm hoặc khoảng thời gian",
                      n, (int)(r.end - r.start), pa->s + r.start, r.y2, r.y1, r.y2 - r.y1);
        i = e;
    }
}

static void anniv_para(const kh_para *pa, void *ctx)
{
    kh_check_anniv(pa, ctx);
}

void rule_title_anniv(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, 1u << KH_F_TITLE, anniv_para, cx);
}

void rule_anniv_arith(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, KH_PROSE_FIELDS & ~(1u << KH_F_TITLE), anniv_para, cx);
}

/* Known epochs (format-rules B.6 R-ANNIV-PARTY): the phrase after `N năm`. */
static const struct { const char *phrase; int year; } epochs[] = {
    {"ngày thành lập Đảng", 1930}, {"thành lập Đảng", 1930},
    {"ngày thành lập nước", 1945}, {"thành lập nước", 1945},
    {"Quốc khánh", 1945},
};

/* Đổi mới: the 6th National Congress, December 1986. */
#define DOI_MOI_YEAR 1986

/* `hơn N năm` for a count that is `exact`: true a little above N (up to
 * five years), or N a round ten below it (`hơn 90 năm` in the 94th year);
 * `hơn 84 năm` for 94 is a mistyped digit. */
static bool over_ok(int n, int exact)
{
    return n <= exact && (exact - n <= 5 || (n % 10 == 0 && exact - n < 10));
}

/* `gần N năm` likewise from below: N a little above the count (up to
 * three years), or a round ten above it (`gần 40 năm` for 37). */
static bool nearly_ok(int n, int exact)
{
    return n >= exact - 1 && (n - exact <= 3 || (n % 10 == 0 && n - exact < 10));
}

/* s[j..] names đổi mới: `đổi mới`, after `thực hiện`, `tiến hành`,
 * `công cuộc`, `sự nghiệp` (any of them, in any order). */
static bool doi_moi_at(const char *s, size_t len, size_t j)
{
    static const char *const lead[] = {"thực hiện ", "tiến hành ", "công cuộc ", "sự nghiệp "};
    for (int rounds = 0; rounds < 4; rounds++) {
        bool moved = false;
        for (size_t k = 0; k < sizeof lead / sizeof lead[0]; k++) {
            size_t m = strlen(lead[k]);
            if (j + m <= len && !strncmp(s + j, lead[k], m)) {
                j += m;
                moved = true;
            }
        }
        if (!moved)
            break;
    }
    size_t m = strlen("đổi mới");
    return j + m <= len && !strncmp(s + j, "đổi mới", m) && kh_word_end(s, len, j + m);
}

typedef struct party_scan {
    kh_rule_ctx *cx;
    int year; /* the plan's year */
} party_scan;

/* A `năm YYYY` or `đến năm YYYY` in s[a, b): the year, or 0. */
static int year_near(const char *s, size_t a, size_t b)
{
    for (size_t k = a; k + strlen("năm ") + 4 <= b; k++)
        if (!strncmp(s + k, "năm ", strlen("năm "))) {
            const char *y = s + k + strlen("năm ");
            if (y[0] >= '1' && y[0] <= '2' && y[1] >= '0' && y[1] <= '9' && y[2] >= '0' &&
                y[2] <= '9' && y[3] >= '0' && y[3] <= '9' && !(y[4] >= '0' && y[4] <= '9'))
                return atoi(y);
        }
    return 0;
}

static void party_para(const kh_para *pa, void *ctx)
{
    party_scan *st = ctx;
    const char *s = pa->s;
    for (size_t i = 0; (i = kh_skip_to(s, pa->len, i, KH_DIGITS)) < pa->len; i++) {
        size_t e;
        int n = n_nam_at(s, pa->len, i, &e);
        if (n < 0)
            continue;
        size_t j = e;
        while (j < pa->len && s[j] == ' ')
            j++;
        /* `hơn 94 năm lãnh đạo …, Đảng ta`, `94 năm qua` about the Party. */
        bool over = i >= strlen("hơn ") && !strncmp(s + i - strlen("hơn "), "hơn ", strlen("hơn "));
        bool nearly = i >= strlen("gần ") && !strncmp(s + i - strlen("gần "), "gần ", strlen("gần "));
        if (!strncmp(s + j, "qua", 3) || !strncmp(s + j, "lãnh đạo", strlen("lãnh đạo"))) {
            size_t a = i > 200 ? i - 200 : 0, b = j + 120 < pa->len ? j + 120 : pa->len;
            bool party = false;
            for (size_t k = a; k < b; k++) {
                size_t w = kh_find_word(s, b, k, "Đảng");
                if (w >= b)
                    break;
                size_t after = w + strlen("Đảng");
                if (strncmp(s + after, " bộ", 3) && strncmp(s + after, " ủy", strlen(" ủy")) &&
                    strncmp(s + after, " viên", 5))
                    party = true;
                k = after;
            }
            int exact = st->year - 1930;
            bool ok = over ? over_ok(n, exact) : nearly ? nearly_ok(n, exact)
                                                        : n == exact || n == exact - 1;
            if (party && st->year && !ok)
                kh_report(st->cx, kh_para_pos(pa, i),
                          "'%d năm' of the Party: founded 03/02/1930, it is %d years in %d; correct the number",
                          "'%1$d năm' của Đảng: Đảng thành lập ngày 03/02/1930, năm %3$d là %2$d năm; sửa lại số năm",
                          n, exact, st->year);
            i = e;
            continue;
        }
        if (st->year && doi_moi_at(s, pa->len, j)) {
            /* `sau 35 năm đổi mới`, `40 năm thực hiện công cuộc đổi mới`:
             * from Đại hội VI (12/1986). A plan may count the coming
             * anniversary (seed 002: "40 năm" in 12/2024), so two years
             * either way are accepted; `hơn`/`gần` as for the Party. */
            int exact = st->year - DOI_MOI_YEAR;
            bool ok = over ? over_ok(n, exact) : nearly ? nearly_ok(n, exact)
                                                        : n >= exact - 2 && n <= exact + 2;
            if (exact > 0 && !ok)
                kh_report(st->cx, kh_para_pos(pa, i),
                          "'%d năm' of đổi mới: it began at the 6th Congress (12/%d), %d years before %d; correct the number",
                          "'%1$d năm' đổi mới: công cuộc đổi mới bắt đầu từ Đại hội VI (12/%4$d), năm %3$d là %2$d năm; sửa lại số năm",
                          n, DOI_MOI_YEAR, exact, st->year);
            i = e;
            continue;
        }
        for (size_t k = 0; k < sizeof epochs / sizeof epochs[0]; k++) {
            size_t m = strlen(epochs[k].phrase);
            if (strncmp(s + j, epochs[k].phrase, m) || !strncmp(s + j + m, " bộ", 3))
                continue;
            /* The event year stated in the same sentence. */
            size_t a = i, b = j + m;
            while (a > 0 && !strchr(".;", s[a - 1]))
                a--;
            while (b < pa->len && !strchr(".;", s[b]))
                b++;
            int y = year_near(s, a, b);
            if (y && y - epochs[k].year != n && y - epochs[k].year > 0) {
                /* Several anniversaries in a row (`95 năm, 100 năm`): only
                 * the one written next to the year is judged. */
                int other = 0;
                for (size_t q = a; q < b; q++) {
                    size_t e2;
                    int n2 = n_nam_at(s, b, q, &e2);
                    if (n2 >= 0 && n2 == y - epochs[k].year)
                        other = 1;
                }
                if (!other)
                    kh_report(st->cx, kh_para_pos(pa, i),
                              "'%d năm %s' in %d: counted from %d, that is %d years; correct the number",
                              "'%d năm %s' vào năm %d: tính từ năm %d là %d năm; sửa lại số năm",
                              n, epochs[k].phrase, y, epochs[k].year, y - epochs[k].year);
            }
            break;
        }
        i = e;
    }
}

void rule_anniv_party(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_date d = p->date.date;
    char num[64];
    if (!kh_date_is_set(d) && !kh_latest_citation(p, cx, &d, num, sizeof num))
        return;
    party_scan st = {cx, d.year};
    kh_walk_paras(cx, KH_PROSE_FIELDS, party_para, &st);
}

/* `sau N năm thực hiện <document dated D>` */
typedef struct since_scan {
    kh_rule_ctx *cx;
    int year;
} since_scan;

/* "sau N năm thực hiện", and the review of N years ("tổng kết 10 năm
 * thực hiện Chỉ thị số 14-CT/TW ngày 19/7/2017", "sơ kết 5 năm …": the
 * title of a review plan, batch 7), each before the dated document it
 * counts from. */
static void since_para(const kh_para *pa, void *ctx)
{
    since_scan *st = ctx;
    static const char *const keys[] = {"sau", "Sau", "tổng kết", "Tổng kết", "sơ kết", "Sơ kết"};
    /* (pairs: the message quotes the lower-case one) */
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        size_t klen = strlen(keys[k]);
        for (size_t i = 0; (i = kh_find_word(pa->s, pa->len, i, keys[k])) < pa->len; i++) {
            size_t e, j = i + klen;
            if (j >= pa->len || pa->s[j] != ' ')
                continue;
            j++;
            int n = n_nam_at(pa->s, pa->len, j, &e);
            if (n < 0 || strncmp(pa->s + e, " thực hiện", strlen(" thực hiện")))
                continue;
            kh_found_num num;
            if (!kh_next_docnum(pa->s, pa->len, e, &num) || num.start > e + 80 || !num.has_date ||
                !num.date.valid)
                continue;
            int diff = st->year - num.date.date.year;
            if (diff - n > 1 || n - diff > 1)
                kh_report(st->cx, kh_para_pos(pa, j),
                          "'%s %d năm thực hiện' %s of %d: in %d that is about %d years; check the figure",
                          "'%s %d năm thực hiện' văn bản %s năm %d: đến năm %d là khoảng %d năm; kiểm tra lại",
                          keys[k - k % 2], n, num.num, num.date.date.year, st->year, diff);
        }
    }
}

void rule_years_since(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_date d = p->date.date;
    char num[64];
    if (!kh_date_is_set(d) && !kh_latest_citation(p, cx, &d, num, sizeof num))
        return;
    since_scan st = {cx, d.year};
    kh_walk_paras(cx, KH_PROSE_FIELDS, since_para, &st);
}

/* ---- ranges ---- */

/* A date in a `từ … đến …` span: `05/5`, `05/5/2026`, `tháng 5`,
 * `tháng 5/2026`, `tháng 5 năm 2026`, each after an optional `ngày `.
 * Day 0 for a month; year 0 when not written (the span's other end gives
 * it). Returns the offset past it, or 0. */
static size_t span_date_at(const char *s, size_t len, size_t i, kh_date *d)
{
    int v[3] = {0, 0, 0}, n = 0;
    bool month = false;
    if (i + strlen("ngày ") <= len && !strncmp(s + i, "ngày ", strlen("ngày ")))
        i += strlen("ngày ");
    else if (i + strlen("tháng ") <= len && !strncmp(s + i, "tháng ", strlen("tháng "))) {
        i += strlen("tháng ");
        month = true;
    }
    while (n < 3 && i < len && is_digit(s[i])) {
        size_t j = i;
        while (j < len && is_digit(s[j]) && j - i < 5)
            v[n] = v[n] * 10 + (s[j++] - '0');
        n++;
        i = j;
        if (i < len && s[i] == '/' && i + 1 < len && is_digit(s[i + 1]))
            i++;
        else
            break;
    }
    if (month && n == 1 && i + strlen(" năm ") < len && !strncmp(s + i, " năm ", strlen(" năm ")) &&
        is_digit(s[i + strlen(" năm ")])) {
        size_t j = i + strlen(" năm ");
        while (j < len && is_digit(s[j]))
            v[1] = v[1] * 10 + (s[j++] - '0');
        n = 2;
        i = j;
    }
    if (i < len && kh_is_letter_at(s, len, i))
        return 0;
    *d = (kh_date){0, 0, 0};
    if (month) {
        if (n < 1 || v[0] < 1 || v[0] > 12 || (n == 2 && v[1] < 1000))
            return 0;
        d->month = v[0];
        d->year = n == 2 ? v[1] : 0;
    } else {
        if (n < 2 || v[1] < 1 || v[1] > 12 || v[0] < 1 || v[0] > 31 || (n == 3 && v[2] < 1000))
            return 0;
        d->day = v[0];
        d->month = v[1];
        d->year = n == 3 ? v[2] : 0;
    }
    return i;
}

/* `từ 25/5 đến 20/5/2026`, `Từ tháng 9 đến tháng 6/2026`: a span whose
 * start is after its end, the start's year taken from the end when not
 * written. Both ends must be the same kind (days or months). A start
 * without its year that falls in the year before within SPAN_ACROSS_DAYS
 * (three months for months) is a span across the new year, not judged. */
#define SPAN_ACROSS_DAYS 92

/* i past `word` when s[i] starts with it, else i. */
static size_t skip_prefix(const char *s, size_t len, size_t i, const char *word)
{
    size_t n = strlen(word);
    return i + n <= len && !strncmp(s + i, word, n) ? i + n : i;
}

static void span_order(const kh_para *pa, kh_rule_ctx *cx)
{
    static const char *const to[] = {" đến ", " tới ", " - ", " – "};
    const char *s = pa->s;
    size_t len = pa->len;
    for (size_t i = 0; (i = kh_find_word_ci1(s, len, i, "từ")) < len; i++) {
        size_t a = i + strlen("từ");
        if (a >= len || s[a] != ' ')
            continue;
        kh_date d1, d2;
        size_t a1 = skip_prefix(s, len, a + 1, "ngày ");
        size_t e1 = span_date_at(s, len, a1, &d1);
        if (!e1)
            continue;
        size_t b = 0;
        for (size_t k = 0; k < sizeof to / sizeof to[0] && !b; k++)
            if (e1 + strlen(to[k]) <= len && !strncmp(s + e1, to[k], strlen(to[k])))
                b = e1 + strlen(to[k]);
        if (b) /* `đến hết ngày 15/02/2027` */
            b = skip_prefix(s, len, skip_prefix(s, len, b, "hết "), "ngày ");
        size_t e2 = b ? span_date_at(s, len, b, &d2) : 0;
        if (!e2 || !d2.year || !d1.day != !d2.day)
            continue;
        bool year_given = d1.year != 0;
        if (!d1.year)
            d1.year = d2.year;
        /* `từ 25/12 đến 05/01/2026`: a start without its year may be in
         * the year before, for a span of weeks across the new year */
        kh_date prev = d1;
        prev.year--;
        bool across = !year_given && kh_date_cmp(d2, prev) >= 0 &&
                      (d1.day ? kh_date_exists(prev.year, prev.month, prev.day) &&
                                    kh_date_exists(d2.year, d2.month, d2.day) &&
                                    kh_date_diff(d2, prev) <= SPAN_ACROSS_DAYS
                              : (d2.year * 12 + d2.month) - (prev.year * 12 + prev.month) <= 3);
        if (kh_date_cmp(d2, d1) < 0 && !across)
            kh_report(cx, kh_para_pos(pa, a1),
                      "the span '%.*s' ends before it begins; correct one of its ends",
                      "khoảng '%.*s' kết thúc trước khi bắt đầu; sửa một trong hai mốc",
                      (int)(e2 - i), s + i);
        i = e2 - 1;
    }
}


/* A quarter at s[i]: `quý II`, `Quý III/2027`, `quý IV năm 2027`; its
 * number, year (0 when not written) and end; false if none. */
static bool quarter_at(const char *s, size_t len, size_t i, int *q, int *y, size_t *end)
{
    static const char *const romans[] = {"IV", "III", "II", "I"}; /* longest first */
    static const int values[] = {4, 3, 2, 1};
    size_t n = strlen("quý ");
    if (i + n > len || (strncmp(s + i, "quý ", n) && strncmp(s + i, "Quý ", n)))
        return false;
    i += n;
    *q = 0;
    for (size_t k = 0; k < 4 && !*q; k++) {
        size_t m = strlen(romans[k]);
        if (i + m <= len && !strncmp(s + i, romans[k], m) && kh_word_end(s, len, i + m)) {
            *q = values[k];
            i += m;
        }
    }
    if (!*q)
        return false;
    *y = 0;
    size_t j = i;
    if (j < len && s[j] == '/')
        j++;
    else if (j + strlen(" năm ") <= len && !strncmp(s + j, " năm ", strlen(" năm ")))
        j += strlen(" năm ");
    if (j > i && j + 4 <= len && is_digit(s[j]) && is_digit(s[j + 1]) && is_digit(s[j + 2]) &&
        is_digit(s[j + 3])) {
        *y = (s[j] - '0') * 1000 + (s[j + 1] - '0') * 100 + (s[j + 2] - '0') * 10 + (s[j + 3] - '0');
        i = j + 4;
    }
    *end = i;
    return true;
}

/* `Quý III - quý II/2027`, `từ quý IV đến quý I/2027`: the start's year,
 * when not written, is the end's; in a plan of the year before, a start
 * without its year may be in that year (across the new year: not
 * judged). */
static void quarter_order(const kh_para *pa, kh_rule_ctx *cx)
{
    static const char *const to[] = {" - ", " – ", " đến ", " tới ", "-"};
    const char *s = pa->s;
    size_t len = pa->len;
    for (size_t i = 0; (i = kh_find_word_ci1(s, len, i, "quý")) < len; i++) {
        int q1, y1, q2, y2;
        size_t e1, e2;
        if (!quarter_at(s, len, i, &q1, &y1, &e1))
            continue;
        size_t b = 0;
        for (size_t k = 0; k < sizeof to / sizeof to[0] && !b; k++)
            if (e1 + strlen(to[k]) <= len && !strncmp(s + e1, to[k], strlen(to[k])))
                b = e1 + strlen(to[k]);
        if (!b || !quarter_at(s, len, b, &q2, &y2, &e2))
            continue;
        int issue = cx->plan->date.date.year;
        bool start_year = y1 != 0;
        if (!y1)
            y1 = y2; /* the start's year from the end (or neither written) */
        /* `quý IV - quý I/2027` in a plan of 2026 runs across the year */
        bool across = !start_year && y2 && issue == y2 - 1 && q1 > q2;
        bool back = !across && (y2 ? y1 * 4 + q1 > y2 * 4 + q2 : q1 > q2);
        if (back)
            kh_report(cx, kh_para_pos(pa, i),
                      "the span '%.*s' ends before it begins; correct one of its ends",
                      "khoảng '%.*s' kết thúc trước khi bắt đầu; sửa một trong hai mốc",
                      (int)(e2 - i), s + i);
        i = e2 - 1;
    }
}

/* A chi bộ trực thuộc đảng ủy cơ sở holds its congress twice in five
 * years (Điều lệ Đảng; Chỉ thị 35-CT/TW): its term spans two or
 * three years (2025 - 2027, 2027 - 2030). Taken where the paragraph or the
 * issuer speaks of a chi bộ (a false alarm of the blind batch 6). */
static bool half_term(const kh_plan *p, const kh_para *pa)
{
    return kh_contains_ci(pa->s, "chi bộ") ||
           (p->issuer.s && kh_contains_ci(p->issuer.s, "chi bộ"));
}

static void range_order_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    kh_found_range r;
    span_order(pa, cx);
    quarter_order(pa, cx);
    for (size_t i = 0; kh_next_range(pa->s, pa->len, i, &r); i = r.end) {
        bool back = r.dates ? kh_date_cmp(r.d2, r.d1) < 0 : r.y2 < r.y1;
        if (back) {
            kh_report(cx, kh_para_pos(pa, r.start),
                      "range %.*s runs backwards; write the earlier end first",
                      "khoảng %.*s bị ngược; viết mốc sớm hơn trước", (int)(r.end - r.start),
                      pa->s + r.start);
            continue;
        }
        size_t from = r.start > 16 ? r.start - 16 : 0;
        char win[32];
        snprintf(win, sizeof win, "%.*s", (int)(r.start - from), pa->s + from);
        if (!r.dates && strstr(win, "nhiệm kỳ") && r.y2 - r.y1 != 5 &&
            !(half_term(cx->plan, pa) && (r.y2 - r.y1 == 2 || r.y2 - r.y1 == 3)))
            kh_report_sev(cx, KH_WARNING, kh_para_pos(pa, r.start),
                          "a term (nhiệm kỳ) spans 5 years, but %.*s spans %d; check the years",
                          "một nhiệm kỳ là 5 năm, nhưng %.*s là %d năm; kiểm tra lại",
                          (int)(r.end - r.start), pa->s + r.start, r.y2 - r.y1);
    }
}

void rule_range_order(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, KH_PROSE_FIELDS, range_order_para, cx);
}

typedef struct spacing_scan {
    kh_rule_ctx *cx;
    bool have_first;
    bool spaced;
    kh_pos first_pos;
    char first[48];
} spacing_scan;

static void spacing_para(const kh_para *pa, void *ctx)
{
    spacing_scan *st = ctx;
    kh_found_range r;
    for (size_t i = 0; kh_next_range(pa->s, pa->len, i, &r); i = r.end) {
        if (!st->have_first) {
            st->have_first = true;
            st->spaced = r.spaced;
            st->first_pos = kh_para_pos(pa, r.start);
            snprintf(st->first, sizeof st->first, "%.*s", (int)(r.end - r.start), pa->s + r.start);
            continue;
        }
        if (r.spaced != st->spaced) {
            kh_report(st->cx, kh_para_pos(pa, r.dash),
                      "range written '%.*s' but '%s' before; space the dash one way throughout (e.g. '%s')",
                      "khoảng viết '%2$.*1$s' nhưng trước đó viết '%3$s'; thống nhất dấu cách quanh gạch nối (ví dụ '%4$s')",
                      (int)(r.end - r.start), pa->s + r.start, st->first,
                      st->spaced ? "1943 - 2023" : "1943-2023");
            kh_report_note(st->cx, NULL, st->first_pos, "'%s' written here",
                           "'%s' viết ở đây", st->first);
        }
    }
}

void rule_range_spacing(const kh_plan *p, kh_rule_ctx *cx)
{
    spacing_scan st = {.cx = cx};
    kh_walk_paras(cx, KH_PROSE_FIELDS, spacing_para, &st);
}

/* ---- congress ordinals ---- */

typedef struct congress {
    char key[64];
    int ord;
    kh_pos pos;
    char roman[16];
} congress;

typedef struct congress_scan {
    kh_rule_ctx *cx;
    congress v[64];
    size_t n;
} congress_scan;

static int roman_value(const char *s, size_t n)
{
    int total = 0, prev = 0;
    for (size_t i = n; i-- > 0;) {
        int v = s[i] == 'I' ? 1 : s[i] == 'V' ? 5 : s[i] == 'X' ? 10 : s[i] == 'L' ? 50
              : s[i] == 'C' ? 100 : 0;
        if (!v)
            return 0;
        total += v < prev ? -v : v;
        if (v > prev)
            prev = v;
    }
    return total;
}

/* A Roman numeral word in s[a, b): its value, start and length. */
static int find_roman(const char *s, size_t a, size_t b, size_t *at, size_t *n)
{
    for (size_t k = a; k < b; k++) {
        if (!strchr("IVXLC", s[k]) || !kh_word_start(s, k))
            continue;
        size_t e = k;
        while (e < b && strchr("IVXLC", s[e]) && s[e])
            e++;
        if (!kh_word_end(s, b, e))
            continue;
        *at = k;
        *n = e - k;
        return roman_value(s + k, e - k);
    }
    return 0;
}

static void congress_para(const kh_para *pa, void *ctx)
{
    congress_scan *st = ctx;
    const char *s = pa->s;
    for (size_t i = 0; (i = kh_find_word_ci1(s, pa->len, i, "Đại hội")) < pa->len; i++) {
        size_t b = i + 90 < pa->len ? i + 90 : pa->len;
        while (b < pa->len && ((unsigned char)s[b] & 0xC0) == 0x80)
            b++;
        for (size_t k = i + 1; k < b; k++)
            if (strchr(",;.()", s[k])) {
                b = k;
                break;
            }
        size_t at, n;
        int ord = find_roman(s, i, b, &at, &n);
        if (!ord)
            continue;
        char key[64] = "";
        char win[128];
        snprintf(win, sizeof win, "%.*s", (int)(b - i), s + i);
        const char *db = strstr(win, "Đảng bộ ");
        if (strstr(win, "toàn quốc") || strstr(win, "của Đảng"))
            snprintf(key, sizeof key, "toàn quốc");
        else if (db) {
            const char *w = db + strlen("Đảng bộ ");
            size_t m = strcspn(w, " ,;.");
            snprintf(key, sizeof key, "Đảng bộ %.*s", (int)m, w);
        }
        if (!key[0] || st->n == sizeof st->v / sizeof st->v[0])
            continue;
        congress *c = &st->v[st->n++];
        snprintf(c->key, sizeof c->key, "%s", key);
        c->ord = ord;
        c->pos = kh_para_pos(pa, at);
        snprintf(c->roman, sizeof c->roman, "%.*s", (int)n, s + at);
    }
}

void rule_congress_ordinal(const kh_plan *p, kh_rule_ctx *cx)
{
    congress_scan *st = kh_xcalloc(1, sizeof *st);
    st->cx = cx;
    kh_walk_paras(cx, KH_PROSE_FIELDS, congress_para, st);
    for (size_t i = 0; i < st->n; i++)
        for (size_t j = 0; j < i; j++) {
            congress *a = &st->v[j], *b = &st->v[i];
            if (strcmp(a->key, b->key) || (b->ord - a->ord <= 1 && a->ord - b->ord <= 1))
                continue;
            kh_report(cx, b->pos,
                      "Đại hội %s (%s) here, but %s before: the current congress and the next differ by one; check the ordinal",
                      "Đại hội %1$s (%2$s) ở đây, nhưng trước đó ghi %3$s: đại hội hiện tại và đại hội kế tiếp chỉ cách nhau một; kiểm tra lại số thứ tự",
                      b->roman, b->key, a->roman);
            kh_report_note(cx, NULL, a->pos, "Đại hội %s written here", "Đại hội %s ghi ở đây",
                           a->roman);
            break;
        }
    free(st);
}

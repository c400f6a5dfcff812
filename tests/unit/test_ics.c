/* test_ics.c — the iCalendar writer: escaping, folding at 75 octets without
 * splitting UTF-8, UIDs stable across regeneration and reordering, and the
 * whole file read back by a real iCalendar parser (libical). */
#include <libical/ical.h>
#include <string.h>

#include "kehoach/checklist.h"
#include "kehoach/ics.h"
#include "kehoach/load.h"
#include "kehoach/render.h"
#include "tap.h"

static kh_due item(kh_due_kind k, int y, int m, int d, const char *unit,
                   const char *what, const char *to)
{
    kh_due x = {0};
    x.kind = k;
    x.date = (kh_date){y, m, d};
    x.unit = (char *)unit;
    x.what = (char *)what;
    x.to = (char *)to;
    x.plan_number = (char *)"398-KH/ĐU";
    x.plan_path = "plans/001.yaml";
    return x;
}

static void test_escape(void)
{
    kh_buf b = {0};
    kh_ics_escape(&b, "a,b;c\\d\ne\r\nf\x01g\th");
    CHECK_STR(kh_buf_str(&b), "a\\,b\\;c\\\\d\\ne\\nfg\th", "test_escape: kh_buf_str(&b), \"a\\\\,b\\\\;c\\\\\\\\d\\\\ne\\\\nfg\\th\"");
    kh_buf_free(&b);
}

/* Every physical line is at most 75 octets, begins (after the first) with
 * one space, ends with CRLF, is valid UTF-8 on its own, and unfolding gives
 * back the line. */
static void test_fold(void)
{
    const char *line =
        "SUMMARY:Các chi bộ báo cáo kết quả đợt sinh hoạt chính trị\\, tư tưởng "
        "về nội dung bài viết của Tổng Bí thư Nguyễn Phú Trọng – “Tự hào và tin "
        "tưởng dưới lá cờ vẻ vang của Đảng” 🇻🇳 ĐẢNG ỦY";
    for (size_t shift = 0; shift < 4; shift++) {
        kh_buf in = {0}, out = {0};
        kh_buf_put(&in, "XXXX", shift); /* move the cut points across sequences */
        kh_buf_puts(&in, line);
        kh_ics_line(&out, kh_buf_str(&in));
        const char *s = kh_buf_str(&out);
        bool ok = true;
        kh_buf unfolded = {0};
        size_t lines = 0;
        for (const char *p = s; *p;) {
            const char *e = strstr(p, "\r\n");
            if (!e) { ok = false; break; }
            size_t n = (size_t)(e - p);
            if (n > 75) ok = false;
            if (lines > 0 && p[0] != ' ') ok = false;
            if (kh_utf8_invalid_at(p, n) != n) ok = false;
            if (lines > 0)
                kh_buf_put(&unfolded, p + 1, n - 1);
            else
                kh_buf_put(&unfolded, p, n);
            lines++;
            p = e + 2;
        }
        CHECK(ok, "test_fold: ok");
        CHECK(lines >= 3, "test_fold: lines >= 3");
        CHECK_STR(kh_buf_str(&unfolded), kh_buf_str(&in), "test_fold: kh_buf_str(&unfolded), kh_buf_str(&in)");
        kh_buf_free(&in);
        kh_buf_free(&out);
        kh_buf_free(&unfolded);
    }
    kh_buf b = {0};
    kh_ics_line(&b, "BEGIN:VCALENDAR");
    CHECK_STR(kh_buf_str(&b), "BEGIN:VCALENDAR\r\n", "test_fold: kh_buf_str(&b), \"BEGIN:VCALENDAR\\r\\n\"");
    kh_buf_free(&b);
}

static void test_uid(void)
{
    char a[64], b[64];
    kh_due x = item(KH_DUE_REPORT, 2024, 11, 15, "Các chi bộ", "báo cáo kết quả", "Đảng ủy");
    kh_due y = x;
    CHECK_STR(kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b), "test_uid: kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b)");
    CHECK(strlen(a) == 32 + strlen("@kehoach"), "test_uid: strlen(a) == 32 + strlen(\"@kehoach\")");
    y.date = (kh_date){2024, 11, 20}; /* a moved deadline keeps its entry */
    CHECK_STR(kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b), "test_uid: kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b)");
    y = x;
    y.kind = KH_DUE_TASK;
    CHECK(strcmp(kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b)) != 0, "test_uid: strcmp(kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b)) != 0");
    y = x;
    y.unit = (char *)"Các đoàn thể Sở";
    CHECK(strcmp(kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b)) != 0, "test_uid: strcmp(kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b)) != 0");
    y = x;
    y.plan_number = (char *)"220-KH/QU";
    CHECK(strcmp(kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b)) != 0, "test_uid: strcmp(kh_ics_uid(&x, 0, a), kh_ics_uid(&y, 0, b)) != 0");
    CHECK(strcmp(kh_ics_uid(&x, 0, a), kh_ics_uid(&x, 1, b)) != 0, "test_uid: strcmp(kh_ics_uid(&x, 0, a), kh_ics_uid(&x, 1, b)) != 0");
    /* ("ab","c") and ("a","bc") are different keys */
    kh_due p = item(KH_DUE_TASK, 2024, 1, 1, "ab", "c", ""), q = p;
    q.unit = (char *)"a";
    q.what = (char *)"bc";
    CHECK(strcmp(kh_ics_uid(&p, 0, a), kh_ics_uid(&q, 0, b)) != 0, "test_uid: strcmp(kh_ics_uid(&p, 0, a), kh_ics_uid(&q, 0, b)) != 0");
}

typedef struct seen {
    char uid[8][80];
    char summary[8][400];
    int n;
} seen;

/* Parse with libical; record UIDs and summaries; check every event's shape. */
static icalcomponent *parse(const char *ics, seen *out, int remind_days)
{
    icalcomponent *cal = icalparser_parse_string(ics);
    CHECK(cal != NULL, "parse: cal != NULL");
    if (!cal)
        return NULL;
    CHECK_INT(icalcomponent_count_errors(cal), 0, "parse: icalcomponent_count_errors(cal), 0");
    CHECK(icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT, "parse: icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT");
    out->n = 0;
    for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
         ev; ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        struct icaltimetype s = icalcomponent_get_dtstart(ev);
        struct icaltimetype e = icalcomponent_get_dtend(ev);
        CHECK(s.is_date && e.is_date, "parse: s.is_date && e.is_date");
        CHECK_INT(icaltime_compare_date_only(icaltime_add(s, icaldurationtype_from_int(86400)), e), 0, "parse: icaltime_compare_date_only(icaltime_add(s, icaldurationtype_from_int(86400)), e), 0");
        if (out->n < 8) {
            snprintf(out->uid[out->n], 80, "%s", icalcomponent_get_uid(ev));
            snprintf(out->summary[out->n], 400, "%s", icalcomponent_get_summary(ev));
        }
        icalcomponent *al = icalcomponent_get_first_component(ev, ICAL_VALARM_COMPONENT);
        const char *cat = icalproperty_get_categories(
            icalcomponent_get_first_property(ev, ICAL_CATEGORIES_PROPERTY));
        bool is_event = !strcmp(cat, "Event") || !strcmp(cat, "Sự kiện") ||
                        !strcmp(cat, "Period") || !strcmp(cat, "Thời gian");
        if (remind_days > 0 && !is_event) {
            CHECK(al != NULL, "parse: al != NULL");
            if (al) {
                struct icaltriggertype tr = icalproperty_get_trigger(
                    icalcomponent_get_first_property(al, ICAL_TRIGGER_PROPERTY));
                CHECK_INT(icaldurationtype_as_int(tr.duration), -remind_days * 86400, "parse: icaldurationtype_as_int(tr.duration), -remind_days * 86400");
            }
        } else {
            CHECK(al == NULL, "parse: al == NULL");
        }
        out->n++;
    }
    return cal;
}

static void test_calendar(void)
{
    kh_due v[4] = {
        item(KH_DUE_REPORT, 2024, 11, 15, "Các chi bộ", "Các chi bộ báo cáo kết quả, đúng hạn; đủ", "Đảng ủy"),
        item(KH_DUE_REPORT, 2024, 11, 15, "Các đoàn thể Sở", "Các đoàn thể Sở báo cáo kết quả", "Đảng ủy"),
        item(KH_DUE_EVENT, 2024, 9, 2, "", "Kỷ niệm Quốc khánh 2/9", ""),
        item(KH_DUE_TASK, 2024, 8, 0, "", "a blank day: skipped", ""),
    };
    v[2].holiday = "Quốc khánh";
    kh_ics_opts o = {.stamp = 1712620800, .remind_days = 3, .lang = KH_LANG_VI,
                     .name = "398-KH/ĐU"};
    kh_buf a = {0}, b = {0};
    kh_ics_write(v, 4, &o, &a);
    kh_ics_write(v, 4, &o, &b);
    CHECK_STR(kh_buf_str(&a), kh_buf_str(&b), "test_calendar: kh_buf_str(&a), kh_buf_str(&b)"); /* regeneration: same bytes */
    CHECK(strstr(kh_buf_str(&a), "DTSTAMP:20240409T000000Z\r\n") != NULL, "test_calendar: strstr(kh_buf_str(&a), \"DTSTAMP:20240409T000000Z\\r\\n\") != NULL");
    CHECK(strstr(kh_buf_str(&a), "DTSTART;VALUE=DATE:20241115\r\n") != NULL, "test_calendar: strstr(kh_buf_str(&a), \"DTSTART;VALUE=DATE:20241115\\r\\n\") != NULL");
    CHECK(strstr(kh_buf_str(&a), "DTEND;VALUE=DATE:20241116\r\n") != NULL, "test_calendar: strstr(kh_buf_str(&a), \"DTEND;VALUE=DATE:20241116\\r\\n\") != NULL");
    CHECK(strstr(kh_buf_str(&a), "VTODO") == NULL, "test_calendar: strstr(kh_buf_str(&a), \"VTODO\") == NULL");

    seen s1, s2;
    icalcomponent *c1 = parse(kh_buf_str(&a), &s1, 3);
    CHECK_INT(s1.n, 3, "test_calendar: s1.n, 3");
    CHECK_STR(s1.summary[0], "[398-KH/ĐU] Các chi bộ báo cáo kết quả, đúng hạn; đủ", "test_calendar: s1.summary[0], \"[398-KH/ĐU] Các chi bộ báo cáo kết quả, đúng hạn; đủ\"");
    CHECK_STR(s1.summary[2], "[398-KH/ĐU] Kỷ niệm Quốc khánh 2/9", "test_calendar: s1.summary[2], \"[398-KH/ĐU] Kỷ niệm Quốc khánh 2/9\"");
    icalcomponent *ev = icalcomponent_get_first_component(c1, ICAL_VEVENT_COMPONENT);
    const char *desc = ev ? icalcomponent_get_description(ev) : "";
    CHECK(strstr(desc, "Đơn vị thực hiện: Các chi bộ\n") != NULL, "test_calendar: strstr(desc, \"Đơn vị thực hiện: Các chi bộ\\n\") != NULL");
    CHECK(strstr(desc, "Báo cáo về: Đảng ủy") != NULL, "test_calendar: strstr(desc, \"Báo cáo về: Đảng ủy\") != NULL");

    /* Reordered (an unrelated item moved first): every item keeps its UID. */
    kh_due r[3] = {v[2], v[1], v[0]};
    kh_buf c = {0};
    kh_ics_write(r, 3, &o, &c);
    icalcomponent *c2 = parse(kh_buf_str(&c), &s2, 3);
    CHECK_INT(s2.n, 3, "test_calendar: s2.n, 3");
    CHECK_STR(s2.uid[0], s1.uid[2], "test_calendar: s2.uid[0], s1.uid[2]");
    CHECK_STR(s2.uid[1], s1.uid[1], "test_calendar: s2.uid[1], s1.uid[1]");
    CHECK_STR(s2.uid[2], s1.uid[0], "test_calendar: s2.uid[2], s1.uid[0]");
    CHECK(strcmp(s1.uid[0], s1.uid[1]) != 0, "test_calendar: strcmp(s1.uid[0], s1.uid[1]) != 0");

    /* No reminder when asked for none. */
    o.remind_days = 0;
    kh_buf d = {0};
    kh_ics_write(v, 3, &o, &d);
    CHECK(strstr(kh_buf_str(&d), "VALARM") == NULL, "test_calendar: strstr(kh_buf_str(&d), \"VALARM\") == NULL");

    icalcomponent_free(c1);
    icalcomponent_free(c2);
    kh_buf_free(&a);
    kh_buf_free(&b);
    kh_buf_free(&c);
    kh_buf_free(&d);
}

/* Every real plan: the calendar holds exactly the checklist's dated items,
 * in order, with their dates and labels, as read back by libical. */
static void test_plans(void)
{
    const char *plans[] = {"plans/001-tuyen-quang-dang-uy-so-ldtbxh.yaml",
                           "plans/002-hai-ba-trung-quan-uy.yaml",
                           "plans/004-bach-thong-huyen-uy.yaml"};
    for (size_t k = 0; k < sizeof plans / sizeof plans[0]; k++) {
        kh_diags d = {0};
        kh_plan *p = kh_load_file(plans[k], &d);
        CHECK(p != NULL, "%s loads", plans[k]);
        if (!p) {
            kh_diags_free(&d);
            continue;
        }
        kh_checklist c = {0};
        kh_checklist_add_plan(&c, p);
        kh_checklist_sort(&c);
        kh_render_opts o = {.epoch = -1, .remind_days = 2, .lang = KH_LANG_VI};
        kh_buf out = {0};
        CHECK_INT(kh_render_ics(p, &o, &out, &d), 0, "%s renders", plans[k]);
        icalcomponent *cal = icalparser_parse_string(kh_buf_str(&out));
        CHECK(cal && icalcomponent_count_errors(cal) == 0, "%s parses without errors", plans[k]);
        size_t dated = 0, matched = 0, i = 0;
        for (size_t j = 0; j < c.n; j++)
            dated += kh_date_is_full(c.v[j].date);
        int n_ev = cal ? icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT) : -1;
        CHECK_INT(n_ev, (long long)dated, "%s: one event per dated checklist item", plans[k]);
        for (icalcomponent *ev = cal ? icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT) : NULL;
             ev; ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
            while (i < c.n && !kh_date_is_full(c.v[i].date))
                i++;
            if (i == c.n)
                break;
            struct icaltimetype s = icalcomponent_get_dtstart(ev);
            char want[1024];
            if (c.v[i].kind == KH_DUE_PERIOD && !strncmp(c.v[i].what, "kết thúc", strlen("kết thúc")))
                snprintf(want, sizeof want, "[%s] K%s", c.v[i].plan_number, c.v[i].what + 1);
            else if (c.v[i].kind == KH_DUE_PERIOD) /* the end of a peak */
                snprintf(want, sizeof want, "[%s] Kết thúc: %s", c.v[i].plan_number,
                         *c.v[i].what ? c.v[i].what : "toàn đợt");
            else
                snprintf(want, sizeof want, "[%s] %s", c.v[i].plan_number, c.v[i].what);
            if (s.is_date && s.year == c.v[i].date.year && s.month == c.v[i].date.month &&
                s.day == c.v[i].date.day && !strcmp(icalcomponent_get_summary(ev), want))
                matched++;
            else
                printf("# %s item %zu: got %04d-%02d-%02d \"%s\", want %s\n", plans[k], i,
                       s.year, s.month, s.day, icalcomponent_get_summary(ev), want);
            i++;
        }
        CHECK_INT(matched, (long long)dated, "%s: every event has its item's date and label", plans[k]);
        if (p->date.date.day && dated) {
            char stamp[32];
            snprintf(stamp, sizeof stamp, "DTSTAMP:%04d%02d%02dT000000Z\r\n", p->date.date.year,
                     p->date.date.month, p->date.date.day);
            CHECK(strstr(kh_buf_str(&out), stamp) != NULL, "%s: DTSTAMP is the issue date", plans[k]);
        }
        if (cal)
            icalcomponent_free(cal);
        kh_buf_free(&out);
        kh_checklist_free(&c);
        kh_plan_free(p);
        kh_diags_free(&d);
    }
}

int main(void)
{
    test_plans();
    test_escape();
    test_fold();
    test_uid();
    test_calendar();
    return TAP_DONE();
}

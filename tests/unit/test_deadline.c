/* test_deadline.c — a task's deadline forms and recurrences in the model
 * (kh_task_due_date: the day it is due) and in words (kh_compose_deadline,
 * the profile's table), at the edges of months, quarters and leap years. */
#include <stdlib.h>

#include "kehoach/compose.h"
#include "kehoach/plan.h"
#include "kehoach/text.h"
#include "tap.h"

static kh_task task(int y, int m, int d, kh_deadline_form due, kh_recurrence every)
{
    kh_task t = {0};
    t.deadline.raw.s = "x";
    t.deadline.date = (kh_date){y, m, d};
    t.due = due;
    t.every = every;
    return t;
}

static const char *due_iso(kh_task t, char *buf)
{
    kh_date d = kh_task_due_date(&t);
    return kh_date_is_set(d) ? kh_date_fmt_iso(d, buf) : "none";
}

static char *words(const kh_plan *p, kh_task t)
{
    kh_buf b = {0};
    if (!kh_compose_deadline(p, &t, &b)) {
        kh_buf_free(&b);
        return NULL;
    }
    return kh_buf_take(&b);
}

int main(void)
{
    char buf[48];
    CHECK_STR(due_iso(task(2026, 3, 20, KH_DEADLINE_BEFORE, KH_EVERY_NONE), buf), "2026-03-20",
              "before: the day written");
    CHECK_STR(due_iso(task(2026, 3, 20, KH_DEADLINE_BY, KH_EVERY_NONE), buf), "2026-03-20",
              "by: the day written");
    CHECK_STR(due_iso(task(2026, 3, 0, KH_DEADLINE_BEFORE, KH_EVERY_NONE), buf), "none",
              "before with a blank day: not due on any day (a draft)");
    CHECK_STR(due_iso(task(2028, 2, 0, KH_DEADLINE_MONTH, KH_EVERY_NONE), buf), "2028-02-29",
              "month: February of a leap year ends on the 29th");
    CHECK_STR(due_iso(task(2026, 2, 10, KH_DEADLINE_MONTH, KH_EVERY_NONE), buf), "2026-02-28",
              "month: a day written in it is ignored");
    CHECK_STR(due_iso(task(2026, 1, 0, KH_DEADLINE_QUARTER, KH_EVERY_NONE), buf), "2026-03-31",
              "quarter I ends on 31 March");
    CHECK_STR(due_iso(task(2026, 6, 0, KH_DEADLINE_QUARTER, KH_EVERY_NONE), buf), "2026-06-30",
              "quarter II, written as its last month, ends on 30 June");
    CHECK_STR(due_iso(task(2026, 12, 5, KH_DEADLINE_QUARTER, KH_EVERY_NONE), buf), "2026-12-31",
              "quarter IV ends on 31 December");
    kh_task none = {0};
    CHECK_STR(due_iso(none, buf), "none", "no deadline: not due");

    kh_plan party = {0}, state = {0};
    state.profile = KH_PROFILE_STATE;
    struct {
        kh_task t;
        const char *want;
    } cases[] = {
        {task(2024, 11, 15, KH_DEADLINE_BEFORE, KH_EVERY_NONE), "trước ngày 15/11/2024"},
        {task(2025, 6, 15, KH_DEADLINE_BY, KH_EVERY_NONE), "chậm nhất ngày 15/6/2025"},
        {task(2025, 6, 0, KH_DEADLINE_MONTH, KH_EVERY_NONE), "trong tháng 6/2025"},
        {task(2025, 8, 0, KH_DEADLINE_QUARTER, KH_EVERY_NONE), "trong quý III/2025"},
        {task(2025, 10, 0, KH_DEADLINE_QUARTER, KH_EVERY_NONE), "trong quý IV/2025"},
        {task(2026, 3, 20, KH_DEADLINE_BEFORE, KH_EVERY_QUARTER),
         "định kỳ hằng quý, lần đầu trước ngày 20/3/2026"},
        {task(2026, 6, 10, KH_DEADLINE_BY, KH_EVERY_HALF_YEAR),
         "định kỳ 6 tháng, lần đầu chậm nhất ngày 10/6/2026"},
        {task(2026, 1, 25, KH_DEADLINE_BEFORE, KH_EVERY_MONTH),
         "định kỳ hằng tháng, lần đầu trước ngày 25/01/2026"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *w = words(&party, cases[i].t), *s = words(&state, cases[i].t);
        CHECK_STR(w, cases[i].want, "party words: %s", cases[i].want);
        CHECK_STR(s, cases[i].want, "state words: %s", cases[i].want);
        free(w);
        free(s);
    }
    kh_task yearly = {0};
    yearly.every = KH_EVERY_YEAR;
    char *w = words(&party, yearly);
    CHECK_STR(w, "định kỳ hằng năm", "a recurrence without a first date: its words alone");
    free(w);
    w = words(&party, none);
    CHECK(w == NULL, "no deadline and no recurrence: nothing written");
    free(w);
    return TAP_DONE();
}

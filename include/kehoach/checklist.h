/* checklist.h — the due-date checklist, derived from the model (never typed
 * twice): unit tasks with deadlines, dated events, reporting duties. Every
 * renderer shows the same list. Owned by src/model/checklist.c and
 * src/model/holidays.c. */
#ifndef KEHOACH_CHECKLIST_H
#define KEHOACH_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/date.h"
#include "kehoach/plan.h"

typedef enum kh_due_kind {
    KH_DUE_TASK,   /* a unit's task with a deadline */
    KH_DUE_REPORT, /* a reporting duty with a deadline */
    KH_DUE_EVENT,  /* a dated event of the schedule */
} kh_due_kind;

typedef struct kh_due {
    kh_date date;
    kh_due_kind kind;
    char *unit;        /* responsible unit (name), may be "" */
    char *what;        /* plain text label */
    char *to;          /* whom it is reported to, may be "" */
    kh_pos pos;        /* where it is in the plan file */
    const char *plan_path;   /* not owned */
    char *plan_number;       /* 398-KH/ĐU */
    long days_from_issue;    /* LONG_MIN when the issue date is unknown */
    bool weekend;
    const char *holiday;     /* Vietnamese public holiday name, or NULL */
    unsigned seq;            /* source order, for a stable sort */
} kh_due;

typedef struct kh_checklist {
    kh_due *v;
    size_t n, cap;
} kh_checklist;

void kh_checklist_add_plan(kh_checklist *c, const kh_plan *p); /* appends */
void kh_checklist_sort(kh_checklist *c);  /* by date, then plan, then order */
void kh_checklist_filter(kh_checklist *c, kh_date from, kh_date to); /* year 0: open */
void kh_checklist_free(kh_checklist *c);

/* Name of the Vietnamese public holiday on d (Bộ luật Lao động 2019 Điều 112:
 * Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh),
 * or NULL. Lunar dates come from a table for the years it covers. */
const char *kh_holiday_name(kh_date d);

#endif

/* checklist.h — the due-date checklist, derived from the model (never typed
 * twice): unit tasks with deadlines, dated events, reporting duties. Every
 * renderer shows the same list. Owned by src/model/checklist.c and
 * src/model/holidays.c. */
#ifndef KEHOACH_CHECKLIST_H
#define KEHOACH_CHECKLIST_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/date.h"
#include "kehoach/diag.h"
#include "kehoach/plan.h"
#include "kehoach/text.h"

typedef enum kh_due_kind {
    KH_DUE_TASK,   /* a unit's task with a deadline */
    KH_DUE_REPORT, /* a reporting duty with a deadline */
    KH_DUE_EVENT,  /* a dated event of the schedule */
    KH_DUE_PERIOD, /* the end of the campaign window or of a peak (`schedule:`) */
} kh_due_kind;

typedef struct kh_due {
    kh_date date;      /* year 0: a reporting duty without a deadline */
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
    kh_recurrence every;     /* a recurring duty: date is its first time */
} kh_due;

/* `every:` as the checklist labels it ("hằng quý" / "quarterly"); as
 * written in a plan: kh_recurrence_name (kehoach/plan.h). */
const char *kh_recurrence_label(kh_recurrence r, kh_lang lang);

typedef struct kh_checklist {
    kh_due *v;
    size_t n, cap;
} kh_checklist;

/* Appends the plan's items: every unit task with a deadline (KH_DUE_REPORT
 * when it is a reporting duty), every event with a full date, the end of
 * the `schedule:` window and of each peak, and every reporting duty without
 * a deadline (undated, listed last). */
void kh_checklist_add_plan(kh_checklist *c, const kh_plan *p);
void kh_checklist_sort(kh_checklist *c);  /* by date (undated last), then plan, then order */
/* Keep items with from <= date <= to; year 0: that side open. Undated items
 * are dropped when either bound is set. */
void kh_checklist_filter(kh_checklist *c, kh_date from, kh_date to);
void kh_checklist_free(kh_checklist *c);

typedef enum kh_checklist_format {
    KH_CHECKLIST_TEXT, /* one aligned line per item */
    KH_CHECKLIST_MD,   /* GitHub task list: `- [ ] **15/11/2024** …` */
    KH_CHECKLIST_CSV,  /* RFC 4180, CRLF, with a header row */
} kh_checklist_format;

/* Write the list. Labels (weekday, flags) in `lang`; show_plan adds each
 * item's plan number (for lists merged across plans). Appends to out. */
void kh_checklist_write(const kh_checklist *c, kh_checklist_format f,
                        kh_lang lang, bool show_plan, kh_buf *out);

/* Name of the Vietnamese public holiday on d (Bộ luật Lao động 2019 Điều 112:
 * Tết Dương lịch, Tết Nguyên đán, Giỗ Tổ Hùng Vương, 30/4, 1/5, Quốc khánh
 * and its adjacent day), or NULL. Lunar dates are computed (src/model/
 * holidays.c: Hồ Ngọc Đức's astronomical algorithm, UTC+7), not tabled. */
const char *kh_holiday_name(kh_date d);

/* The Vietnamese lunar date of a solar date (time zone UTC+7). */
typedef struct kh_lunar {
    int year, month, day;
    bool leap; /* a leap (nhuận) month */
} kh_lunar;
kh_lunar kh_lunar_from_solar(kh_date d);

#endif

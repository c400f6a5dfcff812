/* date.h — calendar dates (proleptic Gregorian), parsing of the date forms a
 * plan may use, weekdays and day arithmetic. Owned by src/model/date.c. */
#ifndef KEHOACH_DATE_H
#define KEHOACH_DATE_H

#include <stdbool.h>

/* year == 0: absent. day == 0: the day is left blank (a draft: `ngày  tháng 8
 * năm 2023`, or ISO `2023-08`). month is never 0 when year != 0. */
typedef struct kh_date {
    int year, month, day;
} kh_date;

bool kh_date_is_set(kh_date d);      /* year != 0 */
bool kh_date_is_full(kh_date d);     /* set and day != 0 */
bool kh_date_exists(int y, int m, int d); /* a real calendar day */
int kh_days_in_month(int y, int m);
long kh_date_to_days(kh_date d);     /* days since 1970-01-01 (full dates) */
kh_date kh_date_from_days(long days);
int kh_date_weekday(kh_date d);      /* 0 = Sunday … 6 = Saturday */
int kh_date_cmp(kh_date a, kh_date b); /* blank day sorts as day 0 */
long kh_date_diff(kh_date a, kh_date b); /* a - b in days (full dates) */

typedef enum kh_date_parse {
    KH_DATE_OK,        /* parsed; *out is set (day may be 0 for a blank day) */
    KH_DATE_EMPTY,     /* nothing there */
    KH_DATE_SYNTAX,    /* not a date form we know */
    KH_DATE_INVALID,   /* the right shape, but no such day (2024-02-30, 12/76/2023) */
} kh_date_parse;

/* Parse one of the forms a plan file may hold:
 *   2024-04-09            ISO (the recommended form)
 *   2023-08               ISO year-month: day left blank (draft)
 *   09/4/2024, 9/4/2024   Vietnamese short form
 *   ngày 09 tháng 4 năm 2024   the date line's long form; the day may be blank
 * Surrounding white space is ignored. *rest_at receives the offset of the
 * first byte after the date (trailing text such as a stray full stop is
 * left for the rules to judge); pass NULL when not wanted. */
kh_date_parse kh_date_parse_any(const char *s, kh_date *out, int *rest_at);

/* Formatting. buf must hold at least 48 bytes. */
const char *kh_date_fmt_iso(kh_date d, char *buf);   /* 2024-04-09 */
const char *kh_date_fmt_short(kh_date d, char *buf); /* 15/11/2024 (as in the seeds) */
/* The date line's long form per the format rules: day < 10 and months 1–2
 * zero-padded, other months not: `ngày 09 tháng 4 năm 2024`. A blank day
 * gives `ngày     tháng 8 năm 2023`. */
const char *kh_date_fmt_long(kh_date d, char *buf);
const char *kh_weekday_vi(int wd); /* "Thứ Hai" … "Chủ nhật" */
const char *kh_weekday_en(int wd);

#endif

/* date.c — calendar arithmetic (days since 1970, weekdays) and the date
 * forms a plan may use: ISO, `dd/mm/yyyy`, and the date line's long form. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "kehoach/date.h"

bool kh_date_is_set(kh_date d) { return d.year != 0; }
bool kh_date_is_full(kh_date d) { return d.year != 0 && d.day != 0; }

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int kh_days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && leap(y) ? 29 : dm[m - 1];
}

bool kh_date_exists(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
           d <= kh_days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil. */
long kh_date_to_days(kh_date dt)
{
    long y = dt.year, m = dt.month, d = dt.day ? dt.day : 1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

kh_date kh_date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    kh_date r = {(int)(y + (m <= 2)), (int)m, (int)d};
    return r;
}

int kh_date_weekday(kh_date d)
{
    long days = kh_date_to_days(d); /* 1970-01-01 was a Thursday (4) */
    long w = (days % 7 + 7 + 4) % 7;
    return (int)w;
}

int kh_date_cmp(kh_date a, kh_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    if (a.day != b.day)
        return a.day < b.day ? -1 : 1;
    return 0;
}

long kh_date_diff(kh_date a, kh_date b)
{
    return kh_date_to_days(a) - kh_date_to_days(b);
}

/* Read 1..maxd digits; returns the count read, 0 if none. */
static int digits(const char *s, int maxd, int *v)
{
    int n = 0, x = 0;
    while (n < maxd && isdigit((unsigned char)s[n])) {
        x = x * 10 + (s[n] - '0');
        n++;
    }
    if (n && isdigit((unsigned char)s[n]))
        return 0; /* too many digits */
    *v = x;
    return n;
}

static const char *skip_ws(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static kh_date_parse finish(const char *start, const char *p, int y, int m,
                            int d, kh_date *out, int *rest_at)
{
    if (d == 0 ? !(y >= 1 && y <= 9999 && m >= 1 && m <= 12)
               : !kh_date_exists(y, m, d))
        return KH_DATE_INVALID;
    out->year = y;
    out->month = m;
    out->day = d;
    if (rest_at)
        *rest_at = (int)(skip_ws(p) - start);
    return KH_DATE_OK;
}

static bool word(const char **p, const char *w)
{
    size_t n = strlen(w);
    if (strncmp(*p, w, n) != 0)
        return false;
    *p = skip_ws(*p + n);
    return true;
}

kh_date_parse kh_date_parse_any(const char *str, kh_date *out, int *rest_at)
{
    kh_date zero = {0, 0, 0};
    *out = zero;
    if (rest_at)
        *rest_at = 0;
    if (!str)
        return KH_DATE_EMPTY;
    const char *p = skip_ws(str);
    if (!*p)
        return KH_DATE_EMPTY;
    int y, m, d, n;

    /* ngày DD tháng MM năm YYYY (the day may be blank) */
    if (word(&p, "ngày")) {
        d = 0;
        n = digits(p, 2, &d);
        p = skip_ws(p + n);
        if (!word(&p, "tháng"))
            return KH_DATE_SYNTAX;
        if (!(n = digits(p, 2, &m)))
            return KH_DATE_SYNTAX;
        p = skip_ws(p + n);
        if (!word(&p, "năm"))
            return KH_DATE_SYNTAX;
        if (digits(p, 4, &y) != 4)
            return KH_DATE_SYNTAX;
        if (d == 0 && n == 0)
            return KH_DATE_SYNTAX;
        return finish(str, p + 4, y, m, d, out, rest_at);
    }

    /* ISO: YYYY-MM-DD or YYYY-MM */
    if (digits(p, 4, &y) == 4 && p[4] == '-') {
        const char *q = p + 5;
        if (digits(q, 2, &m) != 2)
            return KH_DATE_SYNTAX;
        q += 2;
        if (*q != '-')
            return finish(str, q, y, m, 0, out, rest_at);
        q++;
        if (digits(q, 2, &d) != 2)
            return KH_DATE_SYNTAX;
        if (d == 0)
            return KH_DATE_INVALID;
        return finish(str, q + 2, y, m, d, out, rest_at);
    }

    /* d/m/yyyy */
    if ((n = digits(p, 2, &d)) && p[n] == '/') {
        const char *q = p + n + 1;
        int k = digits(q, 2, &m);
        if (!k || q[k] != '/')
            return KH_DATE_SYNTAX;
        q += k + 1;
        if (digits(q, 4, &y) != 4)
            return KH_DATE_SYNTAX;
        if (d == 0)
            return KH_DATE_INVALID;
        return finish(str, q + 4, y, m, d, out, rest_at);
    }
    return KH_DATE_SYNTAX;
}

const char *kh_date_fmt_iso(kh_date d, char *buf)
{
    if (d.day)
        snprintf(buf, 48, "%04d-%02d-%02d", d.year, d.month, d.day);
    else
        snprintf(buf, 48, "%04d-%02d", d.year, d.month);
    return buf;
}

const char *kh_date_fmt_short(kh_date d, char *buf)
{
    /* as the seeds write them: 06/3/2024, 18/01/2018 (months 1–2 padded) */
    const char *fmt = d.month <= 2 ? "%02d/%02d/%04d" : "%02d/%d/%04d";
    if (d.day)
        snprintf(buf, 48, fmt, d.day, d.month, d.year);
    else
        snprintf(buf, 48, d.month <= 2 ? "%02d/%04d" : "%d/%04d", d.month, d.year);
    return buf;
}

const char *kh_date_fmt_long(kh_date d, char *buf)
{
    char day[8], month[8];
    if (d.day)
        snprintf(day, sizeof day, "%02d", d.day);
    else
        snprintf(day, sizeof day, "    ");
    snprintf(month, sizeof month, d.month <= 2 ? "%02d" : "%d", d.month);
    snprintf(buf, 48, "ngày %s tháng %s năm %04d", day, month, d.year);
    return buf;
}

const char *kh_weekday_vi(int wd)
{
    static const char *const n[] = {"Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư",
                                    "Thứ Năm", "Thứ Sáu", "Thứ Bảy"};
    return wd >= 0 && wd < 7 ? n[wd] : "";
}

const char *kh_weekday_en(int wd)
{
    static const char *const n[] = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                    "Thursday", "Friday", "Saturday"};
    return wd >= 0 && wd < 7 ? n[wd] : "";
}

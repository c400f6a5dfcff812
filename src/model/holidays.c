/* holidays.c — Vietnamese public holidays (Bộ luật Lao động 2019, Điều 112)
 * and the lunar calendar they need. The lunar dates are computed with Hồ
 * Ngọc Đức's astronomical algorithm (new moons and solar longitude after
 * Jean Meeus, "Astronomical Algorithms"), for the UTC+7 time zone the
 * Vietnamese calendar uses since 1968; no year table to run out. */
#include <math.h>

#include "kehoach/checklist.h"

#define VN_TZ 7.0
#define KH_PI 3.14159265358979323846

static long jdn_of(kh_date d)
{
    return kh_date_to_days(d) + 2440588L; /* Julian day number at noon */
}

/* Day number of the k-th new moon after 1900-01-01 (local time). */
static long new_moon_day(long k, double tz)
{
    const double dr = KH_PI / 180;
    double T = (double)k / 1236.85, T2 = T * T, T3 = T2 * T;
    double jd1 = 2415020.75933 + 29.53058868 * (double)k + 0.0001178 * T2 -
                 0.000000155 * T3;
    jd1 += 0.00033 * sin((166.56 + 132.87 * T - 0.009173 * T2) * dr);
    double M = 359.2242 + 29.10535608 * (double)k - 0.0000333 * T2 - 0.00000347 * T3;
    double Mpr = 306.0253 + 385.81691806 * (double)k + 0.0107306 * T2 + 0.00001236 * T3;
    double F = 21.2964 + 390.67050646 * (double)k - 0.0016528 * T2 - 0.00000239 * T3;
    double C1 = (0.1734 - 0.000393 * T) * sin(M * dr) + 0.0021 * sin(2 * dr * M);
    C1 = C1 - 0.4068 * sin(Mpr * dr) + 0.0161 * sin(dr * 2 * Mpr);
    C1 = C1 - 0.0004 * sin(dr * 3 * Mpr);
    C1 = C1 + 0.0104 * sin(dr * 2 * F) - 0.0051 * sin(dr * (M + Mpr));
    C1 = C1 - 0.0074 * sin(dr * (M - Mpr)) + 0.0004 * sin(dr * (2 * F + M));
    C1 = C1 - 0.0004 * sin(dr * (2 * F - M)) - 0.0006 * sin(dr * (2 * F + Mpr));
    C1 = C1 + 0.0010 * sin(dr * (2 * F - Mpr)) + 0.0005 * sin(dr * (2 * Mpr + M));
    double deltat = T < -11
        ? 0.001 + 0.000839 * T + 0.0002261 * T2 - 0.00000845 * T3 - 0.000000081 * T * T3
        : -0.000278 + 0.000265 * T + 0.000262 * T2;
    double jd_new = jd1 + C1 - deltat;
    return (long)floor(jd_new + 0.5 + tz / 24);
}

/* Sector (0..11, 30° each) of the sun's longitude at the start of day jdn. */
static int sun_sector(long jdn, double tz)
{
    const double dr = KH_PI / 180;
    double T = ((double)jdn - 2451545.5 - tz / 24) / 36525, T2 = T * T;
    double M = 357.52910 + 35999.05030 * T - 0.0001559 * T2 - 0.00000048 * T * T2;
    double L0 = 280.46645 + 36000.76983 * T + 0.0003032 * T2;
    double DL = (1.914600 - 0.004817 * T - 0.000014 * T2) * sin(dr * M);
    DL += (0.019993 - 0.000101 * T) * sin(dr * 2 * M) + 0.000290 * sin(dr * 3 * M);
    double L = (L0 + DL) * dr;
    L -= 2 * KH_PI * floor(L / (2 * KH_PI));
    return (int)floor(L / KH_PI * 6);
}

/* Start of the 11th lunar month (the one holding the winter solstice) of year y. */
static long lunar_month11(int y, double tz)
{
    long off = jdn_of((kh_date){y, 12, 31}) - 2415021;
    long k = (long)floor((double)off / 29.530588853);
    long nm = new_moon_day(k, tz);
    if (sun_sector(nm, tz) >= 9)
        nm = new_moon_day(k - 1, tz);
    return nm;
}

/* Index of the leap month after the 11th month starting at a11. */
static int leap_month_offset(long a11, double tz)
{
    long k = (long)floor(((double)a11 - 2415021.076998695) / 29.530588853 + 0.5);
    int last, i = 1;
    int arc = sun_sector(new_moon_day(k + i, tz), tz);
    do {
        last = arc;
        i++;
        arc = sun_sector(new_moon_day(k + i, tz), tz);
    } while (arc != last && i < 14);
    return i - 1;
}

kh_lunar kh_lunar_from_solar(kh_date d)
{
    kh_lunar r = {0};
    if (!kh_date_is_full(d))
        return r;
    long day = jdn_of(d);
    long k = (long)floor(((double)day - 2415021.076998695) / 29.530588853);
    long month_start = new_moon_day(k + 1, VN_TZ);
    if (month_start > day)
        month_start = new_moon_day(k, VN_TZ);
    long a11 = lunar_month11(d.year, VN_TZ), b11 = a11;
    if (a11 >= month_start) {
        r.year = d.year;
        a11 = lunar_month11(d.year - 1, VN_TZ);
    } else {
        r.year = d.year + 1;
        b11 = lunar_month11(d.year + 1, VN_TZ);
    }
    r.day = (int)(day - month_start + 1);
    int diff = (int)floor((double)(month_start - a11) / 29);
    r.month = diff + 11;
    if (b11 - a11 > 365) {
        int leap = leap_month_offset(a11, VN_TZ);
        if (diff >= leap) {
            r.month = diff + 10;
            r.leap = diff == leap;
        }
    }
    if (r.month > 12)
        r.month -= 12;
    if (r.month >= 11 && diff < 4)
        r.year -= 1;
    return r;
}

const char *kh_holiday_name(kh_date d)
{
    if (!kh_date_is_full(d))
        return NULL;
    /* Solar holidays (Điều 112.1 a, d, đ, e). */
    if (d.month == 1 && d.day == 1)
        return "Tết Dương lịch";
    if (d.month == 4 && d.day == 30)
        return "Ngày Chiến thắng";
    if (d.month == 5 && d.day == 1)
        return "Ngày Quốc tế Lao động";
    if (d.month == 9 && d.day == 2)
        return "Quốc khánh";
    /* "02 ngày (ngày 02/9 và 01 ngày liền kề trước hoặc sau)": which one is
     * set each year by the Prime Minister, so both neighbours are flagged. */
    if (d.month == 9 && (d.day == 1 || d.day == 3))
        return "Quốc khánh (ngày liền kề)";
    /* Lunar holidays (Điều 112.1 b, c). */
    kh_lunar l = kh_lunar_from_solar(d);
    if (!l.leap && l.month == 3 && l.day == 10)
        return "Giỗ Tổ Hùng Vương";
    /* Tết: 05 days. The split around mùng 1 is set each year; the usual one
     * is the last day of the old year and mùng 1 to mùng 4. */
    if (!l.leap && l.month == 1 && l.day <= 4)
        return "Tết Nguyên đán";
    kh_lunar next = kh_lunar_from_solar(kh_date_from_days(kh_date_to_days(d) + 1));
    if (!next.leap && next.month == 1 && next.day == 1)
        return "Tết Nguyên đán";
    return NULL;
}

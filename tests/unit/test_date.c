/* test_date.c — calendar arithmetic and the date forms of a plan file. */
#include "kehoach/date.h"
#include "tap.h"

static kh_date_parse parse(const char *s, kh_date *d, int *rest)
{
    return kh_date_parse_any(s, d, rest);
}

int main(void)
{
    kh_date d;
    int rest;
    char buf[48];

    CHECK_INT(parse("2024-04-09", &d, &rest), KH_DATE_OK, "ISO date parses");
    CHECK(d.year == 2024 && d.month == 4 && d.day == 9, "ISO fields");
    CHECK_INT(parse("2023-08", &d, &rest), KH_DATE_OK, "year-month parses");
    CHECK(d.day == 0 && d.month == 8, "year-month leaves the day blank");
    CHECK_INT(parse("09/4/2024", &d, &rest), KH_DATE_OK, "short form parses");
    CHECK(d.day == 9 && d.month == 4 && d.year == 2024, "short form fields");
    CHECK_INT(parse("ngày 09 tháng 4 năm 2024.", &d, &rest), KH_DATE_OK,
              "long form parses with trailing text");
    CHECK_STR("ngày 09 tháng 4 năm 2024." + rest, ".", "rest_at points at the stray full stop");
    CHECK_INT(parse("ngày   tháng 8 năm 2023", &d, &rest), KH_DATE_OK, "long form, blank day");
    CHECK(d.day == 0 && d.month == 8 && d.year == 2023, "blank day kept as 0");
    CHECK_INT(parse("2024-02-30", &d, &rest), KH_DATE_INVALID, "30 February is invalid");
    CHECK_INT(parse("2024-02-29", &d, &rest), KH_DATE_OK, "29 February 2024 exists");
    CHECK_INT(parse("2023-02-29", &d, &rest), KH_DATE_INVALID, "29 February 2023 does not");
    CHECK_INT(parse("1900-02-29", &d, &rest), KH_DATE_INVALID, "1900 is not a leap year");
    CHECK_INT(parse("2000-02-29", &d, &rest), KH_DATE_OK, "2000 is a leap year");
    CHECK_INT(parse("12/76/2023", &d, &rest), KH_DATE_INVALID, "month 76 (seed 004) is invalid");
    CHECK_INT(parse("2024-13-01", &d, &rest), KH_DATE_INVALID, "month 13 is invalid");
    CHECK_INT(parse("", &d, &rest), KH_DATE_EMPTY, "empty is empty");
    CHECK_INT(parse("  ", &d, &rest), KH_DATE_EMPTY, "blanks are empty");
    CHECK_INT(parse("tomorrow", &d, &rest), KH_DATE_SYNTAX, "words are not dates");
    CHECK_INT(parse("2024-4-9", &d, &rest), KH_DATE_SYNTAX, "ISO needs two-digit month and day");
    CHECK_INT(parse("123/4/2024", &d, &rest), KH_DATE_SYNTAX, "three-digit day is not a date");
    CHECK_INT(parse(NULL, &d, &rest), KH_DATE_EMPTY, "NULL is empty");

    kh_date a = {2024, 4, 9}, b = {2024, 11, 15};
    CHECK_INT(kh_date_diff(b, a), 220, "09/4/2024 to 15/11/2024 is 220 days (format-rules C.3)");
    CHECK_INT(kh_date_weekday(a), 2, "09/4/2024 was a Tuesday");
    kh_date e = {1970, 1, 1};
    CHECK_INT(kh_date_to_days(e), 0, "epoch is day 0");
    kh_date r = kh_date_from_days(kh_date_to_days(b));
    CHECK(kh_date_cmp(r, b) == 0, "days round-trip");
    CHECK(kh_date_cmp(a, b) < 0 && kh_date_cmp(b, a) > 0, "ordering");

    CHECK_STR(kh_date_fmt_long(a, buf), "ngày 09 tháng 4 năm 2024", "long form pads the day only");
    kh_date f = {2018, 2, 20};
    CHECK_STR(kh_date_fmt_long(f, buf), "ngày 20 tháng 02 năm 2018", "months 1-2 are padded");
    CHECK_STR(kh_date_fmt_short(b, buf), "15/11/2024", "short form");
    kh_date g = {2018, 1, 18};
    CHECK_STR(kh_date_fmt_short(g, buf), "18/01/2018", "short form pads January (seed 001)");
    CHECK_STR(kh_date_fmt_iso(a, buf), "2024-04-09", "ISO form");
    CHECK_STR(kh_weekday_vi(0), "Chủ nhật", "Sunday in Vietnamese");
    return TAP_DONE();
}

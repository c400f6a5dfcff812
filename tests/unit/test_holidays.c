/* test_holidays.c — the lunar calendar (Hồ Ngọc Đức's algorithm, UTC+7)
 * against published dates, and the public holidays of BLLĐ 2019 Điều 112. */
#include "kehoach/checklist.h"
#include "tap.h"

static kh_date D(int y, int m, int d) { return (kh_date){y, m, d}; }

static void lunar_is(kh_date s, int y, int m, int d, bool leap, const char *what)
{
    kh_lunar l = kh_lunar_from_solar(s);
    CHECK(l.year == y && l.month == m && l.day == d && l.leap == leap,
          "%s: %04d-%02d-%02d is lunar %d/%d%s/%d (got %d/%d%s/%d)", what, s.year,
          s.month, s.day, d, m, leap ? "n" : "", y, l.day, l.month,
          l.leap ? "n" : "", l.year);
}

int main(void)
{
    /* Tết (mùng 1 tháng Giêng) */
    lunar_is(D(2023, 1, 22), 2023, 1, 1, false, "Tết Quý Mão");
    lunar_is(D(2024, 2, 10), 2024, 1, 1, false, "Tết Giáp Thìn");
    lunar_is(D(2025, 1, 29), 2025, 1, 1, false, "Tết Ất Tỵ");
    lunar_is(D(2026, 2, 17), 2026, 1, 1, false, "Tết Bính Ngọ");
    lunar_is(D(2024, 2, 9), 2023, 12, 30, false, "Giao thừa 2024 (30 Tết)");
    /* Giỗ Tổ Hùng Vương (10/3 âm lịch) */
    lunar_is(D(2024, 4, 18), 2024, 3, 10, false, "Giỗ Tổ 2024");
    lunar_is(D(2025, 4, 7), 2025, 3, 10, false, "Giỗ Tổ 2025");
    /* leap months: 2023 had tháng 2 nhuận (from 2023-03-22), 2025 tháng 6 nhuận */
    lunar_is(D(2023, 3, 22), 2023, 2, 1, true, "tháng 2 nhuận Quý Mão");
    lunar_is(D(2025, 7, 25), 2025, 6, 1, true, "tháng 6 nhuận Ất Tỵ");
    lunar_is(D(2025, 8, 23), 2025, 7, 1, false, "tháng 7 Ất Tỵ after the leap month");

    CHECK_STR(kh_holiday_name(D(2024, 2, 10)), "Tết Nguyên đán", "mùng 1 Tết 2024");
    CHECK_STR(kh_holiday_name(D(2024, 2, 13)), "Tết Nguyên đán", "mùng 4 Tết 2024");
    CHECK_STR(kh_holiday_name(D(2024, 2, 9)), "Tết Nguyên đán", "30 Tết 2024");
    CHECK(kh_holiday_name(D(2024, 2, 14)) == NULL, "mùng 5 Tết 2024 is a working day");
    CHECK(kh_holiday_name(D(2024, 2, 8)) == NULL, "29 Tết 2024 (not the last day) is a working day");
    CHECK_STR(kh_holiday_name(D(2024, 4, 18)), "Giỗ Tổ Hùng Vương", "Giỗ Tổ 2024");
    CHECK_STR(kh_holiday_name(D(2025, 4, 7)), "Giỗ Tổ Hùng Vương", "Giỗ Tổ 2025");
    CHECK_STR(kh_holiday_name(D(2024, 1, 1)), "Tết Dương lịch", "1/1");
    CHECK_STR(kh_holiday_name(D(2024, 4, 30)), "Ngày Chiến thắng", "30/4");
    CHECK_STR(kh_holiday_name(D(2024, 5, 1)), "Ngày Quốc tế Lao động", "1/5");
    CHECK_STR(kh_holiday_name(D(2024, 9, 2)), "Quốc khánh", "2/9");
    CHECK(kh_holiday_name(D(2024, 9, 3)) != NULL, "3/9 (adjacent day) flagged");
    CHECK(kh_holiday_name(D(2024, 11, 15)) == NULL, "15/11/2024 is not a holiday");
    CHECK(kh_holiday_name(D(2024, 5, 2)) == NULL, "2/5 is not a holiday");
    CHECK(kh_holiday_name((kh_date){2023, 8, 0}) == NULL, "a blank day is never a holiday");
    return TAP_DONE();
}

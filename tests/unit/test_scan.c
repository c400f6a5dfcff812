/* test_scan.c — the text scanners the rules share (src/rules/scan.c) and
 * the issuer-code table (src/rules/tables.c): dates and fragments, document
 * numbers and citations, ranges, tone-placement folding. */
#include <stdlib.h>
#include <string.h>

#include "../../src/rules/scan.h"
#include "tap.h"

static void test_dates(void)
{
    kh_found_date d;
    const char *s = "Quốc khánh 2/9, tháng 12/2024, Quý I năm 2024 và ngày 09/11/2022.";
    CHECK(kh_next_date(s, strlen(s), 0, &d), "a date is found");
    CHECK_INT(d.date.year, 2022, "fragments 2/9 and 12/2024 are skipped");
    CHECK_INT(d.date.day, 9, "day");
    CHECK(d.valid, "09/11/2022 exists");
    s = "ngày 12/76/2023";
    CHECK(kh_next_date(s, strlen(s), 0, &d) && !d.valid, "12/76/2023 is found and invalid");
    s = "Hướng dẫn số 41-HD/BTGTU, ngày 24 tháng 7 năm 2023 của Ban";
    CHECK(kh_next_date(s, strlen(s), 0, &d) && d.long_form && d.date.month == 7,
          "the long form with a day");
    s = "ngày tháng 8 năm 2023";
    CHECK(!kh_next_date(s, strlen(s), 0, &d), "a blank day is not a full date");
}

static void test_docnums(void)
{
    kh_found_num n;
    const char *s = "Thực hiện Hướng dẫn số 41-HD/BTGTU, ngày 24 tháng 7 năm 2023 của Ban Tuyên giáo Tỉnh ủy về triển khai";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n), "a number is found");
    CHECK_STR(n.num, "41-HD/BTGTU", "normalised");
    CHECK_STR(n.type, "HD", "type");
    CHECK_STR(n.code, "BTGTU", "code");
    CHECK(n.has_so && n.has_date && n.comma_before_date && n.date.long_form, "citation parts");
    char body[128];
    snprintf(body, sizeof body, "%.*s", (int)(n.body_end - n.body_start), s + n.body_start);
    CHECK_STR(body, "Ban Tuyên giáo Tỉnh ủy", "the issuing body stops before 'về'");
    s = "Số 220 -KH/QU";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n) && n.spaced && n.value == 220, "a spaced number");
    CHECK_STR(n.num, "220-KH/QU", "spaces removed");
    s = "-KH/HU";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n) && n.value == -1, "the blank number");
    s = "Lưu VPQU, BTGQU; trang/cổng thông tin; VH-TT, TT-TT; T/M";
    CHECK(!kh_next_docnum(s, strlen(s), 0, &n), "no false numbers");
    s = "Nghị quyết số 18-NQ/ĐUK của Đảng ủy Khối";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n), "Đ in the code");
    CHECK_STR(n.code, "ĐUK", "ĐUK");
}

static void test_ranges(void)
{
    kh_found_range r;
    const char *s = "Kỷ niệm (22/9/1943 - 22/9/2023) và (1945-2023), nhiệm kỳ 2020 - 2025";
    CHECK(kh_next_range(s, strlen(s), 0, &r) && r.dates && r.spaced && r.paren, "a date range");
    CHECK_INT(r.y2 - r.y1, 80, "80 years");
    CHECK(kh_next_range(s, strlen(s), r.end, &r) && !r.dates && !r.spaced, "a year range");
    CHECK(kh_next_range(s, strlen(s), r.end, &r) && r.y1 == 2020 && !r.paren, "a term");
    s = "số 398-KH/ĐU";
    CHECK(!kh_next_range(s, strlen(s), 0, &r), "a number is not a range");
}

static void test_fold_and_codes(void)
{
    char *a = kh_fold("Đảng uỷ Khối, hoá"), *b = kh_fold("đảng ủy khối, hóa");
    CHECK_STR(a, b, "tone placement and case fold");
    free(a);
    free(b);
    a = kh_fold("hoàn thành");
    CHECK_STR(a, "hoàn thành", "a syllable with a final consonant is left alone");
    free(a);
    char buf[32];
    CHECK_STR(kh_issuer_code_for("Huyện ủy Bạch Thông", buf), "HU", "Huyện ủy");
    CHECK_STR(kh_issuer_code_for("Ban Tuyên giáo Tỉnh ủy", buf), "BTGTU", "Ban Tuyên giáo Tỉnh ủy");
    CHECK_STR(kh_issuer_code_for("Ban Thường vụ Đảng uỷ Khối các cơ quan tỉnh", buf), "ĐUK",
              "Đảng ủy Khối before Đảng ủy");
    CHECK_STR(kh_issuer_code_for("Đảng ủy Sở Lao động - Thương binh và Xã hội", buf), "ĐU", "Đảng ủy");
    CHECK_STR(kh_issuer_code_for("Ban Chấp hành Trung ương khóa XII", buf), "TW", "Trung ương");
    CHECK(kh_issuer_code_for("Trung tâm Văn hóa", buf) == NULL, "unknown bodies have no code");
}

int main(void)
{
    test_dates();
    test_docnums();
    test_ranges();
    test_fold_and_codes();
    return TAP_DONE();
}

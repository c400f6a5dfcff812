/* test_scan.c — the text scanners the rules share (src/rules/scan.c,
 * src/rules/words.c) and the issuer-code table (src/rules/tables.c): dates
 * and fragments, document numbers and citations, ranges, tone-placement
 * folding, whole-word search of word lists. */
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
    CHECK(!n.state_form, "the Party form is not the state form");

    /* The state form of NĐ 30 (Phụ lục III). */
    s = "Thực hiện Kế hoạch số 12/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh, các";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n) && n.state_form && n.value == 12, "a state number");
    CHECK_STR(n.num, "12/KH-UBND", "state: normalised");
    CHECK_STR(n.type, "KH", "state: type");
    CHECK_STR(n.code, "UBND", "state: code");
    CHECK(n.has_so && n.has_date && n.date.date.day == 5, "state: citation parts");
    snprintf(body, sizeof body, "%.*s", (int)(n.body_end - n.body_start), s + n.body_start);
    CHECK_STR(body, "Ủy ban nhân dân tỉnh", "state: the issuing body");
    s = "Căn cứ Nghị định số 13/2023/NĐ-CP ngày 17/4/2023 của Chính phủ;";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n) && n.state_form && n.year == 2023 && !n.law,
          "a normative document's number with its year");
    CHECK_STR(n.num, "13/2023/NĐ-CP", "the year kept in the number");
    CHECK_STR(n.code, "CP", "NĐ-CP: the code");
    s = "Căn cứ Luật Bầu cử số 85/2015/QH13;";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n) && n.law && n.year == 2015, "a law's number");
    CHECK_STR(n.num, "85/2015/QH13", "the law's number");
    s = "Công văn số 345 / UBND-VX ngày 02/3/2026";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n) && n.spaced && n.value == 345, "a spaced state number");
    CHECK_STR(n.num, "345/UBND-VX", "state: spaces removed");
    s = "Kế hoạch số …/KH-UBND";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n) && n.state_form && n.value == -1, "a blank state number");
    s = "ngày 12/7/2023, 24/7, năm 2020/2021, 2020-2025/NQ, tỷ lệ 1/3, và/hoặc";
    CHECK(!kh_next_docnum(s, strlen(s), 0, &n), "dates and fractions are not state numbers");
    s = "giờ làm việc 8/24, Quyết định 1234/QĐ-TTg";
    CHECK(kh_next_docnum(s, strlen(s), 0, &n) && !n.has_so, "a state number without số");
    CHECK_STR(n.num, "1234/QĐ-TTg", "TTg");
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
    /* every entry of the tables, in upper case and old-style tone marks */
    static const char *const codes[][2] = {
        {"BAN CHẤP HÀNH TRUNG ƯƠNG", "TW"}, {"Bộ Chính trị", "TW"}, {"Ban Bí thư", "TW"},
        {"Đảng uỷ Khối Doanh nghiệp", "ĐUK"}, {"ĐẢNG UỶ xã Cẩm Giàng", "ĐU"},
        {"Tỉnh uỷ Bắc Kạn", "TU"}, {"Thành uỷ Hà Nội", "TU"}, {"Thị ủy Sơn Tây", "TU"},
        {"Chi bộ thôn Nà Cù", "CB"}, {"Ban Tổ chức Quận uỷ", "BTCQU"},
        {"Ban Dân vận Huyện ủy", "BDVHU"}, {"BAN NỘI CHÍNH TỈNH ỦY", "BNCTU"},
        {"Uỷ ban Kiểm tra Huyện uỷ", "UBKTHU"}, {"Văn phòng Thành ủy", "VPTU"},
        {"Ban Thường vụ Huyện uỷ", "HU"}, {"Thường trực Quận ủy", "QU"},
        {"Ban Chấp hành Đảng bộ tỉnh, Tỉnh ủy", "TU"}, {"Ban cán sự đảng, Tỉnh ủy", "BCSĐTU"},
    };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        CHECK_STR(kh_issuer_code_for(codes[i][0], buf), codes[i][1], "%s", codes[i][0]);
}

static void test_fold_pairs(void)
{
    /* every old-style placement, three of them one byte longer than the
     * new style (ẽ ỳ ỹ against õ ù ũ): what follows must not shift */
    static const char *const pairs[][2] = {
        {"hoá", "hóa"}, {"hoà", "hòa"}, {"hoả", "hỏa"}, {"hoã", "hõa"}, {"hoạ", "họa"},
        {"khoé", "khóe"}, {"khoè", "khòe"}, {"khoẻ", "khỏe"}, {"khoẽ", "khõe"}, {"khoẹ", "khọe"},
        {"thuý", "thúy"}, {"thuỳ", "thùy"}, {"thuỷ", "thủy"}, {"thuỹ", "thũy"}, {"thuỵ", "thụy"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char in[64], want[64];
        snprintf(in, sizeof in, "Ủy %s, %s uỷ; hoàn", pairs[i][0], pairs[i][0]);
        snprintf(want, sizeof want, "ủy %s, %s ủy; hoàn", pairs[i][1], pairs[i][1]);
        char *f = kh_fold(in);
        CHECK_STR(f, want, "fold '%s'", pairs[i][0]);
        free(f);
    }
    char *f = kh_fold("HOÁ ĐƠN \xff uỳnh");
    CHECK_STR(f, "hóa đơn \xff uỳnh", "upper case folded, invalid byte kept, 'uỳnh' untouched");
    free(f);
}

/* kh_words_find against one kh_find_word(_ci1) loop per word. */
static void words_agree(const char *const *list, size_t n, bool ci1, const char *text)
{
    static kh_words w;
    memset(&w, 0, sizeof w);
    kh_word_matches m = {0};
    for (size_t j = 0; j < n; j++)
        CHECK_INT(kh_words_add(&w, list[j], ci1), j, "word %zu added", j);
    size_t len = strlen(text);
    kh_words_find(&w, text, len, &m);
    size_t k = 0;
    bool same = true;
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; (i = ci1 ? kh_find_word_ci1(text, len, i, list[j])
                                    : kh_find_word(text, len, i, list[j])) < len;
             i++, k++)
            same &= k < m.n && m.v[k].which == j && m.v[k].at == i;
    CHECK(same && k == m.n, "%zu words %s in %zu bytes: the %zu matches of one search per word",
          n, ci1 ? "(first letter either case)" : "(exact)", len, m.n);
    kh_word_matches_free(&m);
}

static void test_find_word_ci1(void)
{
    const char *s = "Đại hội, đại hội XIII; Đại hộii và đại hội";
    size_t len = strlen(s), second = (size_t)(strstr(s, "đại") - s),
           last = (size_t)(strstr(s + second + 1, "và đại") - s) + strlen("và ");
    CHECK_INT(kh_find_word_ci1(s, len, 0, "Đại hội"), 0, "ci1: at the start, as written");
    CHECK_INT(kh_find_word_ci1(s, len, 1, "Đại hội"), second, "ci1: the first letter in lower case");
    CHECK_INT(kh_find_word_ci1(s, len, second + 1, "Đại hội"), last,
              "ci1: 'Đại hộii' is not the whole word");
    CHECK_INT(kh_find_word_ci1(s, len, 1, "đại hội"), second, "ci1: a lower-case needle");
    CHECK_INT(kh_find_word_ci1(s, second + 4, 1, "Đại hội"), second + 4,
              "ci1: a prefix of the text (no NUL at its end) cuts the word");
    CHECK_INT(kh_find_word_ci1(s, len, 0, "XIII"), (size_t)(strstr(s, "XIII") - s),
              "ci1: a first letter without another case");
    CHECK_INT(kh_find_word_ci1(s, len, 0, "xiii"), len, "ci1: only the first letter changes case");
}

static void test_words(void)
{
    static const char *const iy[] = {"lý", "lí", "kỹ", "kĩ", "Đại hội", "lý luận"};
    words_agree(iy, 6, true,
                "Lý luận, lí lẽ; kỹ thuật KỸ Kỹ. Đại hội, đại hội XIII (Đại hội) lýlý "
                "quản lý lý luận lý");
    words_agree(iy, 6, false, "lý Lý lí, Lí kỹ Kỹ Đại hội đại hội lý luận");
    static const char *const phrases[] = {"tiên hành", "Công thông tin điện tử", "a", "hành"};
    words_agree(phrases, 4, true,
                "tiên hành Tiên hành tiên hànhx a A à a-a Công thông tin điện tử; công thông "
                "tin điện tử hành");
    words_agree(phrases, 4, false, "");
}

int main(void)
{
    test_dates();
    test_docnums();
    test_ranges();
    test_fold_and_codes();
    test_fold_pairs();
    test_find_word_ci1();
    test_words();
    return TAP_DONE();
}

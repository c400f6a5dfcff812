/* rules_named_days.c — R-DAY-NAMED (catalogue B.6, dates): a named day of
 * the national calendar, written with its date in brackets or after
 * `ngày`, has its own day and month, and the first date of its range its
 * own year: `95 năm Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh
 * (25/3/1931 - 25/3/2026)` is a day off (26/3/1931), `Ngày Pháp luật Việt
 * Nam (19/11)` a digit off (9/11).
 *
 * The days are the ngày kỷ niệm of Nghị định số 145/2013/NĐ-CP (Điều 4:
 * the Party's founding, the nation's, the Army's …) and the days set by
 * law or by decision (Ngày Pháp luật: Luật Phổ biến, giáo dục pháp luật
 * 2012; Ngày Chuyển đổi số quốc gia: Quyết định 505/QĐ-TTg 2022; the
 * founding days of the mass organisations as they celebrate them). Each is
 * a fixed day, so the rule is certain where the name and the date stand
 * side by side; it judges nothing else (a date before the name, a date a
 * clause away). Only the days whose names cannot mean another are listed:
 * `thành lập Đoàn` alone could be a delegation's, `thành lập Đảng bộ` a
 * local Party committee's (its name goes on, and no longer ends here).
 *
 * Found from the dates: at each `d/m` the text just before it (back over
 * `(`, `ngày`, spaces) is compared with the names without their `Ngày`
 * (`Quốc khánh 2/9`), ignoring case, spaces, dashes and commas (Thương
 * binh - Liệt sĩ, Thương binh, liệt sĩ). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_day_named(const kh_plan *p, kh_rule_ctx *cx);

typedef struct named_day {
    const char *name; /* as usually written; matched by its normal form */
    int day, month, year; /* year 0: no founding year judged */
} named_day;

static const named_day days[] = {
    {"Ngày thành lập Đảng Cộng sản Việt Nam", 3, 2, 1930},
    {"Ngày thành lập Đảng", 3, 2, 1930},
    {"Ngày Quốc khánh", 2, 9, 1945},
    {"Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", 2, 9, 1945},
    {"Cách mạng Tháng Tám", 19, 8, 1945},
    {"Ngày thành lập Quân đội nhân dân Việt Nam", 22, 12, 1944},
    {"Ngày hội Quốc phòng toàn dân", 22, 12, 1989},
    {"Ngày Thương binh - Liệt sĩ", 27, 7, 1947},
    {"Ngày Thương binh Liệt sĩ", 27, 7, 1947},
    {"Ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh", 26, 3, 1931},
    {"Ngày thành lập Đoàn TNCS Hồ Chí Minh", 26, 3, 1931},
    {"Ngày sinh Chủ tịch Hồ Chí Minh", 19, 5, 1890},
    {"Ngày sinh của Chủ tịch Hồ Chí Minh", 19, 5, 1890},
    {"Ngày sinh Bác Hồ", 19, 5, 1890},
    {"Chiến thắng Điện Biên Phủ", 7, 5, 1954},
    {"Ngày Giải phóng miền Nam, thống nhất đất nước", 30, 4, 1975},
    {"Ngày Giải phóng hoàn toàn miền Nam, thống nhất đất nước", 30, 4, 1975},
    {"Ngày Pháp luật Việt Nam", 9, 11, 0},
    {"Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam", 9, 11, 0},
    {"Ngày Nhà giáo Việt Nam", 20, 11, 1982},
    {"Ngày Phụ nữ Việt Nam", 20, 10, 1930},
    {"Ngày thành lập Hội Liên hiệp Phụ nữ Việt Nam", 20, 10, 1930},
    {"Ngày Quốc tế Phụ nữ", 8, 3, 0},
    {"Ngày Quốc tế Lao động", 1, 5, 0},
    {"Ngày Quốc tế Thiếu nhi", 1, 6, 0},
    {"Ngày Báo chí Cách mạng Việt Nam", 21, 6, 1925},
    {"Ngày thành lập Mặt trận Dân tộc Thống nhất Việt Nam", 18, 11, 1930},
    {"Ngày truyền thống Mặt trận Tổ quốc Việt Nam", 18, 11, 1930},
    {"Ngày hội Đại đoàn kết toàn dân tộc", 18, 11, 0},
    {"Ngày truyền thống Công an nhân dân", 19, 8, 1945},
    {"Ngày thành lập lực lượng Công an nhân dân", 19, 8, 1945},
    {"Ngày Biên phòng toàn dân", 3, 3, 0},
    {"Ngày truyền thống Bộ đội Biên phòng", 3, 3, 1959},
    {"Ngày truyền thống Dân quân tự vệ", 28, 3, 1935},
    {"Ngày Chuyển đổi số quốc gia", 10, 10, 0},
    {"Ngày Doanh nhân Việt Nam", 13, 10, 0},
    {"Ngày Thầy thuốc Việt Nam", 27, 2, 1955},
    {"Ngày Gia đình Việt Nam", 28, 6, 0},
    {"Ngày Thể thao Việt Nam", 27, 3, 1946},
    {"Ngày thành lập Hội Nông dân Việt Nam", 14, 10, 1930},
    {"Ngày thành lập Hội Cựu chiến binh Việt Nam", 6, 12, 1989},
    {"Ngày thành lập Công đoàn Việt Nam", 28, 7, 1929},
    {"Ngày Khoa học và Công nghệ Việt Nam", 18, 5, 0},
    {"Ngày Văn hóa các dân tộc Việt Nam", 19, 4, 0},
    {"Ngày Dân số Việt Nam", 26, 12, 0},
    {"Ngày truyền thống ngành Tuyên giáo", 1, 8, 1930},
    {"Ngày truyền thống ngành Kiểm tra Đảng", 16, 10, 1948},
    {"Ngày truyền thống ngành Tổ chức xây dựng Đảng", 14, 10, 1930},
    {"Ngày truyền thống công tác Dân vận", 15, 10, 1930},
    {"Ngày truyền thống ngành Văn phòng cấp ủy", 18, 10, 1930},
};

#define N_DAYS (sizeof days / sizeof days[0])
#define NORM_MAX 160 /* bytes of normal form compared: the longest name fits */

/* The normal form of s[0, n): lower case, without spaces, dashes, commas
 * and line breaks, into out (NORM_MAX); its length. */
static size_t normal(const char *s, size_t n, char *out)
{
    size_t m = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* most of it: no decoding */
            i++;
            if (c != ' ' && c != '-' && c != ',' && c != '\n' && m + 1 < NORM_MAX)
                out[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            continue;
        }
        uint32_t cp;
        size_t k = kh_utf8_next(s + i, n - i, &cp);
        if (!k)
            break;
        i += k;
        if (cp == ' ' || cp == '-' || cp == ',' || cp == '\n' || cp == 0x2013 || cp == 0x2014)
            continue;
        if (cp >= 0xC0) /* a capital with its marks (Đ, Ả …) */
            cp = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
        if (m + 4 >= NORM_MAX)
            break;
        m += kh_utf8_encode(cp, out + m);
    }
    out[m] = '\0';
    return m;
}

/* d/m or d/m/yyyy at s[i] (a digit); *end past it. false: not a date. */
static bool day_month_at(const char *s, size_t len, size_t i, int *d, int *m, int *y, size_t *end)
{
    size_t j = i;
    int v[3] = {0, 0, 0}, n = 0;
    while (n < 3) {
        size_t a = j;
        while (j < len && s[j] >= '0' && s[j] <= '9' && j - a < 4)
            v[n] = v[n] * 10 + (s[j++] - '0');
        size_t w = j - a;
        if (!w || (n < 2 && w > 2) || (n == 2 && w != 4))
            return false;
        n++;
        if (n == 3 || j >= len || s[j] != '/' || j + 1 >= len || s[j + 1] < '0' || s[j + 1] > '9')
            break;
        j++;
    }
    if (n < 2 || (j < len && s[j] >= '0' && s[j] <= '9'))
        return false;
    *d = v[0];
    *m = v[1];
    *y = n == 3 ? v[2] : 0;
    *end = j;
    return true;
}

typedef struct day_scan {
    kh_rule_ctx *cx;
    size_t norm_len[N_DAYS];
    char norm[N_DAYS][NORM_MAX];
} day_scan;

/* The named day whose name ends s just before `at`, back over `(`,
 * `ngày`, spaces; NULL for none. */
static const named_day *named_before(const day_scan *st, const char *s, size_t at)
{
    size_t b = at;
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '('))
        b--;
    if (b >= strlen("ngày") && !memcmp(s + b - strlen("ngày"), "ngày", strlen("ngày")))
        b -= strlen("ngày");
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '('))
        b--;
    size_t a = b > NORM_MAX - 40 ? b - (NORM_MAX - 40) : 0;
    while (a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80)
        a++; /* start on a code point */
    char tail[NORM_MAX];
    size_t n = normal(s + a, b - a, tail);
    for (size_t k = 0; k < N_DAYS; k++) {
        size_t m = st->norm_len[k];
        if (m <= n && !memcmp(tail + n - m, st->norm[k], m))
            return &days[k];
    }
    return NULL;
}

static void days_para(const kh_para *pa, void *ctx)
{
    day_scan *st = ctx;
    const char *s = pa->s;
    for (size_t i = 0; (i = kh_skip_to(s, pa->len, i, "/")) < pa->len; i++) {
        size_t a = i;
        while (a > 0 && s[a - 1] >= '0' && s[a - 1] <= '9' && i - a < 2)
            a--;
        if (a == i || (a > 0 && ((s[a - 1] >= '0' && s[a - 1] <= '9') || s[a - 1] == '/')))
            continue;
        int d, m, y;
        size_t e;
        if (!day_month_at(s, pa->len, a, &d, &m, &y, &e))
            continue;
        const named_day *nd = named_before(st, s, a);
        i = e;
        if (!nd)
            continue;
        if (d != nd->day || m != nd->month) {
            kh_report(st->cx, kh_para_pos(pa, a),
                      "'%s' falls on %d/%d, not %d/%d; correct the date",
                      "'%s' là ngày %d/%d, không phải %d/%d; sửa lại ngày", nd->name, nd->day,
                      nd->month, d, m);
            continue;
        }
        /* the first date of a range (27/7/1947 - 27/7/2027) is the origin */
        size_t r = e;
        while (r < pa->len && s[r] == ' ')
            r++;
        bool range = r < pa->len && (s[r] == '-' || !strncmp(s + r, "\u2013", 3));
        if (y && range && nd->year && y != nd->year)
            kh_report(st->cx, kh_para_pos(pa, a),
                      "'%s' counts from %d/%d/%d, not %d; correct the year",
                      "'%s' tính từ ngày %d/%d/%d, không phải năm %d; sửa lại năm", nd->name,
                      nd->day, nd->month, nd->year, y);
        if (range) {
            r += s[r] == '-' ? 1 : 3;
            while (r < pa->len && s[r] == ' ')
                r++;
            int d2, m2, y2;
            size_t e2;
            if (r < pa->len && day_month_at(s, pa->len, r, &d2, &m2, &y2, &e2)) {
                if (d2 != nd->day || m2 != nd->month)
                    kh_report(st->cx, kh_para_pos(pa, r),
                              "'%s' falls on %d/%d, not %d/%d; correct the date",
                              "'%s' là ngày %d/%d, không phải %d/%d; sửa lại ngày", nd->name,
                              nd->day, nd->month, d2, m2);
                i = e2;
            }
        }
    }
}

void rule_day_named(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    day_scan *st = kh_xmalloc(sizeof *st);
    st->cx = cx;
    for (size_t k = 0; k < N_DAYS; k++) {
        /* the name without its "Ngày": Quốc khánh 2/9, thành lập Đảng (3/2/1930) */
        const char *n = days[k].name;
        if (!strncmp(n, "Ngày ", strlen("Ngày ")))
            n += strlen("Ngày ");
        st->norm_len[k] = normal(n, strlen(n), st->norm[k]);
    }
    kh_walk_paras(cx, KH_PROSE_FIELDS, days_para, st);
    free(st);
}

/* rules_canchi.c — R-CANCHI-YEAR: the can-chi name of a lunar year written
 * beside a Gregorian year (`Xuân Bính Ngọ 2026`, `Tết Ất Tỵ năm 2025`)
 * names that year. The sexagenary cycle is arithmetic: the year y is can
 * (y − 4) mod 10 (Giáp first) and chi (y − 4) mod 12 (Tý first); Tết and
 * the spring of a lunar year fall in the Gregorian year of the same name,
 * so a name and a year side by side must agree. The names are the calendar's,
 * not a format value, so they live here. Found from the year backwards: only
 * a 4-digit number after a space is looked at, which keeps the rule cheap. */
#include <string.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_canchi_year(const kh_plan *p, kh_rule_ctx *cx);

/* The ten stems and twelve branches, in the cycle's order, with the
 * spellings in use (Kỉ, Quí, Tí, Mẹo, Tị). */
static const char *const cans[10][2] = {
    {"Giáp", NULL}, {"Ất", NULL},  {"Bính", NULL}, {"Đinh", NULL}, {"Mậu", NULL},
    {"Kỷ", "Kỉ"},   {"Canh", NULL}, {"Tân", NULL},  {"Nhâm", NULL}, {"Quý", "Quí"},
};
static const char *const chis[12][2] = {
    {"Tý", "Tí"},    {"Sửu", NULL}, {"Dần", NULL}, {"Mão", "Mẹo"}, {"Thìn", NULL}, {"Tỵ", "Tị"},
    {"Ngọ", NULL},   {"Mùi", NULL}, {"Thân", NULL}, {"Dậu", NULL}, {"Tuất", NULL}, {"Hợi", NULL},
};

/* The index in list (n entries) of the word ending at s[e], preceded by a
 * word start; its start in *b. -1 when none. */
static int word_before(const char *s, size_t e, const char *const (*list)[2], int n, size_t *b)
{
    for (int i = 0; i < n; i++)
        for (int v = 0; v < 2 && list[i][v]; v++) {
            size_t k = strlen(list[i][v]);
            if (e >= k && !memcmp(s + e - k, list[i][v], k) && kh_word_start(s, e - k)) {
                *b = e - k;
                return i;
            }
        }
    return -1;
}

static int mod(int a, int m) { return ((a % m) + m) % m; }

static void canchi_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    const char *s = pa->s;
    size_t len = pa->len;
    for (size_t i = kh_skip_to(s, len, 0, KH_DIGITS); i + 4 <= len;
         i = kh_skip_to(s, len, i + 1, KH_DIGITS)) {
        if (i < 2 || s[i - 1] != ' ')
            continue;
        size_t j = i;
        while (j < len && j < i + 5 && s[j] >= '0' && s[j] <= '9')
            j++;
        if (j - i != 4 || (j < len && (s[j] == '/' || s[j] == '-' || (s[j] >= '0' && s[j] <= '9'))))
            continue;
        int year = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + (s[i + 3] - '0');
        if (year < 1900 || year > 2100)
            continue;
        /* `<Can> <Chi> [năm ]yyyy` */
        size_t e = i - 1, b;
        if (e >= strlen(" năm") && !memcmp(s + e - strlen(" năm"), " năm", strlen(" năm")))
            e -= strlen(" năm");
        int chi = word_before(s, e, chis, 12, &b);
        if (chi < 0 || b < 2 || s[b - 1] != ' ')
            continue;
        size_t cb;
        int can = word_before(s, b - 1, cans, 10, &cb);
        if (can < 0)
            continue;
        int want_can = mod(year - 4, 10), want_chi = mod(year - 4, 12);
        if (can == want_can && chi == want_chi)
            continue;
        /* A stem and a branch of unlike parity never pair: no such year. */
        if (mod(can - chi, 2)) {
            kh_report(cx, kh_para_pos(pa, cb),
                      "'%1$.*2$s' is not the name of any lunar year (a stem and a branch of unlike parity); %3$d is %4$s %5$s",
                      "'%1$.*2$s' không phải tên năm âm lịch nào (can và chi không đi với nhau); năm %3$d là năm %4$s %5$s",
                      s + cb, (int)(e - cb), year, cans[want_can][0], chis[want_chi][0]);
            continue;
        }
        /* The year of that name nearest the one written. */
        int idx = 0;
        while (mod(idx, 10) != can || mod(idx, 12) != chi)
            idx++;
        int base = year - mod(year - 4, 60) + idx, alt = base;
        if (base - year > 30)
            alt = base - 60;
        else if (year - base > 30)
            alt = base + 60;
        kh_report(cx, kh_para_pos(pa, cb),
                  "'%1$.*2$s' is the lunar year %3$d, but the year written beside it is %4$d (%5$s %6$s): correct the name or the year",
                  "'%1$.*2$s' là năm %3$d, nhưng năm ghi bên cạnh là %4$d (năm %5$s %6$s): sửa tên năm hoặc số năm",
                  s + cb, (int)(e - cb), alt, year, cans[want_can][0], chis[want_chi][0]);
    }
}

/* The can-chi at s[i] (`Đinh Mùi`): its stem and branch, the end in *e;
 * false when none. */
static bool canchi_at(const char *s, size_t len, size_t i, int *can, int *chi, size_t *e)
{
    for (int c = 0; c < 10; c++)
        for (int v = 0; v < 2 && cans[c][v]; v++) {
            size_t k = strlen(cans[c][v]);
            if (i + k + 1 >= len || memcmp(s + i, cans[c][v], k) || s[i + k] != ' ')
                continue;
            for (int h = 0; h < 12; h++)
                for (int w = 0; w < 2 && chis[h][w]; w++) {
                    size_t m = strlen(chis[h][w]);
                    size_t a = i + k + 1;
                    if (a + m <= len && !memcmp(s + a, chis[h][w], m) &&
                        kh_word_end(s, len, a + m)) {
                        *can = c;
                        *chi = h;
                        *e = a + m;
                        return true;
                    }
                }
        }
    return false;
}

/* `Tết [Nguyên đán] <Can> <Chi>` with the year a few words on (`Tết
 * Nguyên đán Đinh Mùi và Lễ hội Xuân năm 2027`): the name is that year's.
 * Only a `năm yyyy` within the clause after it is taken for its year. */
static void tet_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    const char *s = pa->s;
    size_t len = pa->len;
    for (size_t i = 0; (i = kh_find_word(s, len, i, "Tết")) < len; i++) {
        size_t a = i + strlen("Tết");
        if (a >= len || s[a] != ' ')
            continue;
        a++;
        if (!strncmp(s + a, "Nguyên đán ", strlen("Nguyên đán ")))
            a += strlen("Nguyên đán ");
        int can, chi;
        size_t e;
        if (!canchi_at(s, len, a, &can, &chi, &e))
            continue;
        int year = 0;
        for (size_t k = e; k < len && k < e + 100 && !year; k++) {
            if (s[k] == '.' || s[k] == ';' || s[k] == ':')
                break;
            if (!strncmp(s + k, "năm ", strlen("năm ")) && k + strlen("năm ") + 4 <= len) {
                const char *y = s + k + strlen("năm ");
                bool four = y[0] >= '1' && y[0] <= '2' && y[1] >= '0' && y[1] <= '9' &&
                            y[2] >= '0' && y[2] <= '9' && y[3] >= '0' && y[3] <= '9' &&
                            !(k + strlen("năm ") + 4 < len && y[4] >= '0' && y[4] <= '9');
                if (four)
                    year = (y[0] - '0') * 1000 + (y[1] - '0') * 100 + (y[2] - '0') * 10 + (y[3] - '0');
            }
        }
        if (!year || mod(can - chi, 2))
            continue; /* no year; an impossible pair is the other form's */
        int want_can = mod(year - 4, 10), want_chi = mod(year - 4, 12);
        if (can == want_can && chi == want_chi)
            continue;
        kh_report(cx, kh_para_pos(pa, a),
                  "'%1$.*2$s' is not the lunar year of %3$d, which is %4$s %5$s: correct the name or the year",
                  "'%1$.*2$s' không phải năm âm lịch của năm %3$d (năm %4$s %5$s): sửa tên năm hoặc số năm",
                  s + a, (int)(e - a), year, cans[want_can][0], chis[want_chi][0]);
        i = e;
    }
}

void rule_canchi_year(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    kh_walk_paras(cx, KH_PROSE_FIELDS, canchi_para, cx);
    kh_walk_paras(cx, KH_PROSE_FIELDS, tet_para, cx);
}

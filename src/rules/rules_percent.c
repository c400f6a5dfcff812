/* rules_percent.c — R-PERCENT-RATE (catalogue B.6, arithmetic): a rate
 * (tỷ lệ) is a share of a whole, so the percentage a clause gives it lies
 * between 0 and 100: `tỷ lệ hòa giải thành đạt từ 185% trở lên` is a
 * figure typed wrong. Certain for a share; a growth ("tăng 150%", "gấp")
 * may pass 100 and is not judged. */
#include <string.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_percent_rate(const kh_plan *p, kh_rule_ctx *cx);

/* The clause before s[i]: back to its last stop, at most 120 bytes. */
static size_t clause_start(const char *s, size_t i)
{
    size_t a = i;
    while (a > 0 && i - a < 120 && s[a - 1] != '.' && s[a - 1] != ';' && s[a - 1] != ':')
        a--;
    return a;
}

static bool has_word(const char *s, size_t a, size_t b, const char *w)
{
    return kh_find_word(s, b, a, w) < b;
}

static void percent_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    const char *s = pa->s;
    for (size_t i = 0; (i = kh_skip_to(s, pa->len, i, "%")) < pa->len; i++) {
        size_t b = i;
        while (b > 0 && s[b - 1] == ' ')
            b--;
        size_t d = b;
        while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9' && b - d < 6)
            d--;
        if (d == b || (d > 0 && (s[d - 1] == ',' || s[d - 1] == '.') && d > 1 &&
                       s[d - 2] >= '0' && s[d - 2] <= '9'))
            continue; /* no figure, or a decimal's fraction: read from its start below */
        long v = 0;
        for (size_t k = d; k < b; k++)
            v = v * 10 + (s[k] - '0');
        if (v <= 100)
            continue;
        size_t a = clause_start(s, d);
        bool rate = has_word(s, a, d, "tỷ lệ") || has_word(s, a, d, "tỉ lệ") ||
                    has_word(s, a, d, "Tỷ lệ") || has_word(s, a, d, "Tỉ lệ");
        bool growth = has_word(s, a, d, "tăng") || has_word(s, a, d, "gấp") ||
                      has_word(s, a, d, "vượt") || has_word(s, a, d, "so với");
        if (rate && !growth)
            kh_report(cx, kh_para_pos(pa, d),
                      "a rate (tỷ lệ) of %ld%%: a share lies between 0 and 100%%; correct the figure",
                      "tỷ lệ %ld%%: tỷ lệ nằm trong khoảng 0 đến 100%%; sửa lại con số", v);
    }
}

void rule_percent_rate(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    kh_walk_paras(cx, KH_PROSE_FIELDS, percent_para, cx);
}

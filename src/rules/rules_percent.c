/* rules_percent.c — R-PERCENT-RATE (catalogue B.6, arithmetic): a rate
 * (tỷ lệ) is a share of a whole, so the percentage a clause gives it lies
 * between 0 and 100: `tỷ lệ hòa giải thành đạt từ 185% trở lên` is a
 * figure typed wrong. Certain for a share; a growth ("tăng 150%", "gấp")
 * may pass 100 and is not judged. In running text the clause says it; in a
 * table (`table:`), the row's label or the column's heading names the
 * tỷ lệ and a "%" (a unit cell, the label or the heading) says the figures
 * are percentages: a "Tỷ lệ bác sĩ/vạn dân" row is a ratio, not a share. */
#include <stdlib.h>
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

/* ---- tables ---- */

/* Words that make a figure a comparison, which may pass 100: a growth, a
 * share of a target (đạt 110% kế hoạch), a year on year. */
static const char *const comparison_words[] = {"tăng", "gấp", "vượt", "so với", "kế hoạch",
                                               "dự toán", "cùng kỳ", "giảm"};

typedef struct cell_says {
    bool rate, percent, comparison;
} cell_says;

/* What a label cell or a heading says of the figures beside or under it. */
static cell_says says(const kh_text *t)
{
    cell_says r = {false, false, false};
    if (!t->s)
        return r;
    char *f = kh_fold(t->s);
    size_t n = strlen(f);
    r.rate = kh_find_word(f, n, 0, "tỷ lệ") < n || kh_find_word(f, n, 0, "tỉ lệ") < n;
    r.percent = strchr(f, '%') != NULL;
    for (size_t i = 0; i < sizeof comparison_words / sizeof comparison_words[0]; i++)
        r.comparison |= kh_find_word(f, n, 0, comparison_words[i]) < n;
    free(f);
    return r;
}

/* The cell is a figure: digits with at most one ',' or '.' between them
 * (85, 99,5), a '%' after it allowed. *v: its whole part; false when it
 * is anything else (a date, a range, a word, a thousands separator). */
static bool figure(const kh_text *t, long *v, bool *percent)
{
    if (!t->s)
        return false;
    const char *s = t->s + strspn(t->s, " *");
    long x = 0;
    size_t digits = 0, seps = 0;
    bool frac = false;
    for (; *s && *s != '%' && *s != '*' && *s != ' '; s++) {
        if (*s >= '0' && *s <= '9') {
            if (++digits > 9)
                return false;
            if (!frac)
                x = x * 10 + (*s - '0');
        } else if ((*s == ',' || *s == '.') && digits && !seps) {
            seps++;
            frac = true;
        } else {
            return false;
        }
    }
    *percent = *s == '%';
    s += *percent;
    s += strspn(s, " *");
    if (!digits || *s)
        return false;
    *v = x;
    return true;
}

/* A cell that is the unit "%" (the Đơn vị tính column). */
static bool unit_percent(const kh_text *t)
{
    if (!t->s)
        return false;
    const char *s = t->s + strspn(t->s, " *(");
    return s[0] == '%' && !s[1 + strspn(s + 1, " *)")];
}

static void percent_table(const kh_table *t, kh_rule_ctx *cx)
{
    if (t->n_cols > KH_TABLE_MAX_COLS)
        return;
    cell_says head[KH_TABLE_MAX_COLS];
    bool ordinal[KH_TABLE_MAX_COLS];
    for (size_t k = 0; k < t->n_cols; k++) {
        head[k] = says(&t->head[k]);
        const char *h = t->head[k].s ? t->head[k].s : "";
        ordinal[k] = !strcmp(h, "TT") || !strcmp(h, "STT") || !strcmp(h, "Số TT");
    }
    for (size_t r = 0; r < t->n_rows; r++) {
        const kh_text *row = &t->cells[r * t->n_cols];
        cell_says label = {false, false, false};
        bool unit = false;
        for (size_t k = 0; k < t->n_cols; k++) {
            long v;
            bool pc;
            if (unit_percent(&row[k])) {
                unit = true;
            } else if (!figure(&row[k], &v, &pc)) {
                cell_says c = says(&row[k]);
                label.rate |= c.rate;
                label.percent |= c.percent;
                label.comparison |= c.comparison;
            }
        }
        for (size_t k = 0; k < t->n_cols; k++) {
            long v;
            bool pc;
            if (ordinal[k] || !figure(&row[k], &v, &pc) || v <= 100)
                continue;
            bool rate = label.rate || head[k].rate;
            bool percent = pc || unit || label.percent || head[k].percent;
            if (!rate || !percent || label.comparison || head[k].comparison)
                continue;
            kh_pos at = kh_text_locate(&row[k], 0);
            kh_report(cx, at.line ? at : t->row_pos[r],
                      "a rate (tỷ lệ) of %ld%%: a share lies between 0 and 100%%; correct the figure",
                      "tỷ lệ %ld%%: tỷ lệ nằm trong khoảng 0 đến 100%%; sửa lại con số", v);
        }
    }
}

void rule_percent_rate(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, KH_PROSE_FIELDS, percent_para, cx);
    kh_walk_tables(p, cx, percent_table);
}

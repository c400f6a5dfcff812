/* rules_table_arith.c — the figures of the tables a plan types (`table:` of
 * a section, a subsection or a Phụ lục: kh_table in plan.h), judged as a
 * reader checks them by hand:
 *   R-TABLE-SUM      a total row (Tổng cộng, Tổng số, Cộng, Tổng) holds the
 *                    sum of the rows above it, column by column;
 *   R-TABLE-ORDINAL  an ordinal column (TT, STT, Số TT) counts without a
 *                    skip or a repeat, level by level (A, B …; I, II …;
 *                    1, 2 …; 1.1, 1.2 …; a, b …);
 *   R-TABLE-LEAD     the figure of the paragraph that leads into a table
 *                    (`… kiểm tra 26 cơ quan, đơn vị … theo lịch sau:`)
 *                    is its total row's, and the table's dates fall by
 *                    the end of the period it gives (`… đến ngày 10/9`).
 * The deadline table (`timetable:`) has neither: its TT is the renderer's
 * and it holds no figures. A Markdown pipe table in a body is text, already
 * R-BODY-TABLE's. Both rules judge only what is plain and give up on the
 * rest (a cell with a unit, a decimal, a percentage, a "Trong đó" row, a
 * table of several levels): a false alarm costs more than a miss. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/date.h"
#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

void rule_table_sum(const kh_plan *p, kh_rule_ctx *cx);
void rule_table_ordinal(const kh_plan *p, kh_rule_ctx *cx);
void rule_table_lead(const kh_plan *p, kh_rule_ctx *cx);

#define CELL_MAX 64   /* a longer cell is text: never a number, label or ordinal */
#define TERMS_MAX 6   /* "26 + 4 = 30" up to this many rows, else "add up to" */
#define SUM_CAP 1000000000000000000LL /* 10^18: a column past it is not judged */

/* ---- cells ---- */

/* The cell's text without Markdown emphasis (`**32**`), escapes and the
 * spaces around it, into buf (CELL_MAX bytes). false: absent, or too long
 * to be a figure. */
static bool clean(const kh_text *t, char *buf)
{
    size_t n = 0;
    if (!t->s)
        return false;
    for (const char *s = t->s; *s; s++) {
        if (*s == '*' || *s == '\\')
            continue;
        if (n + 1 >= CELL_MAX)
            return false;
        buf[n++] = *s;
    }
    while (n && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
        n--;
    buf[n] = '\0';
    size_t lead = strspn(buf, " \t");
    memmove(buf, buf + lead, n - lead + 1);
    return true;
}

/* An empty cell, or one that says "none": "-", "–", "—". */
static bool is_blank(const char *c)
{
    return !c[0] || !strcmp(c, "-") || !strcmp(c, "\u2013") || !strcmp(c, "\u2014");
}

/* A plain whole number: digits (at most 15), or groups of three after a
 * dot, the Vietnamese thousands separator (1.850). *dotted: it had dots.
 * Decimals (1,5), units (28 người), signs and percentages are not. */
static bool parse_int(const char *c, long long *v, bool *dotted)
{
    long long x = 0;
    size_t digits = 0, group = 0;
    bool dot = false;
    for (const char *s = c; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (++digits > 15)
                return false;
            x = x * 10 + (*s - '0');
            group++;
        } else if (*s == '.' && s != c && (dot ? group == 3 : group <= 3) && s[1]) {
            dot = true;
            group = 0;
        } else {
            return false;
        }
    }
    if (!digits || (dot && group != 3))
        return false;
    *v = x;
    *dotted = dot;
    return true;
}

/* s (folded) is one of the words, a ':' or '.' after it allowed. */
static bool folded_is(const char *s, const char *const *words, size_t n)
{
    size_t len = strlen(s);
    while (len && (s[len - 1] == ':' || s[len - 1] == '.' || s[len - 1] == ' '))
        len--;
    for (size_t i = 0; i < n; i++)
        if (strlen(words[i]) == len && !memcmp(s, words[i], len))
            return true;
    return false;
}

static const char *const total_words[] = {"tổng cộng", "tổng số", "cộng", "tổng"};

/* The cell is a total row's label. */
static bool is_total_label(const kh_text *t)
{
    char c[CELL_MAX];
    if (!clean(t, c) || !c[0] || (c[0] & 0x80) || (c[0] != 'T' && c[0] != 't' && c[0] != 'C' &&
                                                  c[0] != 'c'))
        return false;
    char *f = kh_fold(c);
    bool r = folded_is(f, total_words, sizeof total_words / sizeof total_words[0]);
    free(f);
    return r;
}

/* The heading of an ordinal column. */
static bool is_ordinal_head(const kh_text *t)
{
    static const char *const w[] = {"tt", "stt", "số tt", "số thứ tự", "thứ tự"};
    char c[CELL_MAX];
    if (!clean(t, c))
        return false;
    char *f = kh_fold(c);
    bool r = folded_is(f, w, sizeof w / sizeof w[0]);
    free(f);
    return r;
}

/* The first ordinal column, or n_cols. */
static size_t ordinal_col(const kh_table *t)
{
    for (size_t k = 0; k < t->n_cols; k++)
        if (is_ordinal_head(&t->head[k]))
            return k;
    return t->n_cols;
}

static const kh_text *cell(const kh_table *t, size_t r, size_t k)
{
    return &t->cells[r * t->n_cols + k];
}

/* Where a cell's text starts (inside its quotes). */
static kh_pos cell_pos(const kh_table *t, size_t r, size_t k)
{
    const kh_text *c = cell(t, r, k);
    kh_pos p = kh_text_locate(c, 0);
    return p.line ? p : t->row_pos[r];
}

/* A column's name for the messages: its heading, else its number. */
static const char *col_name(const kh_table *t, size_t k, char *buf)
{
    if (clean(&t->head[k], buf) && buf[0])
        return buf;
    snprintf(buf, CELL_MAX, "%zu", k + 1);
    return buf;
}

/* Rows that are totals: a label cell, and no ordinal of their own (a row
 * numbered "3" and named "Tổng số hộ" is a row of figures). malloc'd. */
static bool *total_rows(const kh_table *t, size_t oc, size_t *n_total)
{
    bool *tot = kh_xmalloc((t->n_rows ? t->n_rows : 1) * sizeof *tot);
    *n_total = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        tot[r] = false;
        for (size_t k = 0; k < t->n_cols && !tot[r]; k++)
            tot[r] = is_total_label(cell(t, r, k));
        if (tot[r] && oc < t->n_cols && !is_total_label(cell(t, r, oc))) {
            char c[CELL_MAX];
            tot[r] = clean(cell(t, r, oc), c) && is_blank(c);
        }
        *n_total += tot[r];
    }
    return tot;
}

/* ---- R-TABLE-SUM ---- */

/* n with dots between groups of three (1.850) when the column writes so. */
static void fmt_int(long long n, bool dotted, char *buf, size_t cap)
{
    char d[32];
    int len = snprintf(d, sizeof d, "%lld", n);
    if (!dotted || len <= 3) {
        snprintf(buf, cap, "%s", d);
        return;
    }
    size_t w = 0;
    for (int i = 0; i < len && w + 2 < cap; i++) {
        if (i && (len - i) % 3 == 0)
            buf[w++] = '.';
        buf[w++] = d[i];
    }
    buf[w] = '\0';
}

/* A row that breaks a figure down, not one more part of the whole
 * ("Trong đó: nữ"), or a percentage row: the table's sums are not judged. */
static bool breaks_down(const kh_text *t)
{
    static const char *const starts[] = {"trong đó", "trong số đó", "bao gồm", "gồm", "chia ra"};
    char c[CELL_MAX];
    if (!t->s)
        return false;
    if (clean(t, c) && !strcmp(c, "%"))
        return true;
    char *f = kh_fold(t->s);
    const char *s = f + strspn(f, " *");
    bool r = false;
    for (size_t i = 0; i < sizeof starts / sizeof starts[0] && !r; i++)
        r = !strncmp(s, starts[i], strlen(starts[i]));
    free(f);
    return r;
}

/* A heading whose column holds rates or averages, which need not add up. */
static bool rate_head(const kh_text *t)
{
    static const char *const w[] = {"%", "tỷ lệ", "tỉ lệ", "phần trăm", "bình quân", "trung bình"};
    if (!t->s)
        return false;
    char *f = kh_fold(t->s);
    bool r = false;
    for (size_t i = 0; i < sizeof w / sizeof w[0] && !r; i++)
        r = strstr(f, w[i]) != NULL;
    free(f);
    return r;
}

/* A unit column (Đơn vị tính, ĐVT) whose rows name different units. */
static bool mixed_units(const kh_table *t)
{
    for (size_t k = 0; k < t->n_cols; k++) {
        char h[CELL_MAX];
        if (!clean(&t->head[k], h))
            continue;
        char *f = kh_fold(h);
        bool unit = !strncmp(f, "đơn vị tính", strlen("đơn vị tính")) || !strcmp(f, "đvt");
        free(f);
        if (!unit)
            continue;
        const char *first = NULL;
        for (size_t r = 0; r < t->n_rows; r++) {
            char c[CELL_MAX];
            const kh_text *x = cell(t, r, k);
            if (!x->s || (clean(x, c) && is_blank(c)))
                continue;
            if (!first)
                first = x->s;
            else if (strcmp(first, x->s))
                return true;
        }
    }
    return false;
}

/* The table's ordinals are of one level (1, 2, 3 …) or absent: a table of
 * groups and items (I, 1, 2, II …) has sub-totals in its group rows. */
static bool flat(const kh_table *t, size_t oc, const bool *tot)
{
    if (oc >= t->n_cols)
        return true;
    for (size_t r = 0; r < t->n_rows; r++) {
        char c[CELL_MAX];
        long long v;
        bool d;
        if (tot[r] || !clean(cell(t, r, oc), c) || is_blank(c))
            continue;
        size_t n = strlen(c);
        if (n > 1 && c[n - 1] == '.')
            c[n - 1] = '\0';
        if (!parse_int(c, &v, &d) || d)
            return false;
    }
    return true;
}

/* The running sums of one column, from the top. */
typedef struct col_sum {
    long long all, seg, totals; /* every row; since the last total row; the totals */
    size_t n_all, n_seg, n_totals;
    size_t seg_first, all_first; /* the first row of each, for the terms */
} col_sum;

/* "26 + 4 = 30" from rows [from, to) of column k, or "" past TERMS_MAX. */
static void terms(const kh_table *t, size_t k, size_t from, size_t to, const bool *tot,
                  const char *sum, char *buf, size_t cap)
{
    size_t n = 0, w = 0;
    buf[0] = '\0';
    for (size_t r = from; r < to; r++) {
        char c[CELL_MAX];
        if (tot[r] || !clean(cell(t, r, k), c) || is_blank(c))
            continue;
        if (++n > TERMS_MAX) {
            buf[0] = '\0';
            return;
        }
        int m = snprintf(buf + w, cap - w, "%s%s", n > 1 ? " + " : "", c);
        if (m < 0 || (size_t)m >= cap - w) {
            buf[0] = '\0';
            return;
        }
        w += (size_t)m;
    }
    if (n < 2) { /* one row: "its only row holds 30" reads better */
        buf[0] = '\0';
        return;
    }
    snprintf(buf + w, cap - w, " = %s", sum);
}

/* Whether swapping two neighbouring digits of v gives w (83 and 38, 1.250
 * and 1.520): a figure typed with its digits swapped, which moves a sum by
 * a multiple of 9, the bookkeeper's check. */
static bool digits_swapped(long long v, long long w)
{
    char a[24], b[24];
    int n = snprintf(a, sizeof a, "%lld", v);
    if (v < 0 || w < 0 || n != snprintf(b, sizeof b, "%lld", w))
        return false;
    for (int i = 0; i + 1 < n; i++)
        if (a[i] != a[i + 1] && a[i] == b[i + 1] && a[i + 1] == b[i] &&
            !memcmp(a, b, (size_t)i) && !strcmp(a + i + 2, b + i + 2))
            return true;
    return false;
}

/* The one row of column k in [from, to) whose figure, digits swapped,
 * makes the rows add up to the total (the row typed wrong, the total
 * right); -1 when none or several, or when the total's own digits swapped
 * give the sum (then the total is the slip). */
static long swapped_row(const kh_table *t, size_t k, size_t from, size_t to, const bool *tot,
                        long long sum, long long total)
{
    if (digits_swapped(total, sum))
        return -1;
    long found = -1;
    for (size_t r = from; r < to; r++) {
        char c[CELL_MAX];
        long long v;
        bool d;
        if (tot[r] || !clean(cell(t, r, k), c) || is_blank(c) || !parse_int(c, &v, &d))
            continue;
        if (digits_swapped(v, v + (total - sum))) {
            if (found >= 0)
                return -1;
            found = (long)r;
        }
    }
    return found;
}

static void sum_column(const kh_table *t, size_t k, size_t oc, const bool *tot, kh_rule_ctx *cx)
{
    bool dotted = false;
    for (size_t r = 0; r < t->n_rows; r++) {
        char c[CELL_MAX];
        long long v;
        bool d;
        if (!clean(cell(t, r, k), c)) {
            if (cell(t, r, k)->s)
                return; /* a long text */
            continue;
        }
        if (is_blank(c))
            continue;
        if (!parse_int(c, &v, &d)) {
            if (!tot[r])
                return; /* a cell that is not a plain number */
            continue;
        }
        dotted |= d;
        /* A row of figures without an ordinal, among numbered rows: a
         * sub-row (a breakdown) or a group's sub-total. */
        char o[CELL_MAX];
        if (!tot[r] && oc < t->n_cols && clean(cell(t, r, oc), o) && is_blank(o))
            return;
        if (!tot[r] && oc < t->n_cols && !cell(t, r, oc)->s)
            return;
    }
    col_sum s = {0, 0, 0, 0, 0, 0, 0, 0};
    for (size_t r = 0; r < t->n_rows; r++) {
        char c[CELL_MAX];
        long long v = 0;
        bool d, num = clean(cell(t, r, k), c) && !is_blank(c) && parse_int(c, &v, &d);
        if (!tot[r]) {
            if (num) {
                if (!s.n_seg)
                    s.seg_first = r;
                if (!s.n_all)
                    s.all_first = r;
                s.all += v;
                s.seg += v;
                s.n_all++;
                s.n_seg++;
                if (s.all > SUM_CAP)
                    return; /* no overflow: each figure is below 10^15 */
            }
            continue;
        }
        /* A total row: the sum of its segment (the rows since the last
         * total), of every row above, or of the totals above and the rows
         * since (a grand total under sub-totals). */
        if (num && s.n_all &&
            !(s.n_seg && v == s.seg) && v != s.all && !(s.n_totals && v == s.totals + s.seg)) {
            /* The expected figure: a sub-total ("Cộng") sums its segment,
             * any other total every row above. */
            char lab[CELL_MAX] = "";
            for (size_t j = 0; j < t->n_cols && !lab[0]; j++)
                if (is_total_label(cell(t, r, j)))
                    clean(cell(t, r, j), lab);
            char *f = kh_fold(lab);
            bool sub = s.n_totals && s.n_seg && !strncmp(f, "cộng", strlen("cộng"));
            free(f);
            long long want = sub ? s.seg : s.all;
            char name[CELL_MAX], ws[40], tm[CELL_MAX * TERMS_MAX + 64];
            fmt_int(want, dotted, ws, sizeof ws);
            terms(t, k, sub ? s.seg_first : s.all_first, r, tot, ws, tm, sizeof tm);
            if (s.n_totals && !sub)
                tm[0] = '\0'; /* the terms would mix rows and sub-totals */
            col_name(t, k, name);
            long sw = swapped_row(t, k, sub ? s.seg_first : s.all_first, r, tot, want, v);
            char rc[CELL_MAX];
            if (sw >= 0 && clean(cell(t, (size_t)sw, k), rc)) {
                long long rv;
                bool rd;
                parse_int(rc, &rv, &rd);
                char fix[40];
                fmt_int(rv + (v - want), rd || dotted, fix, sizeof fix);
                kh_report(cx, cell_pos(t, (size_t)sw, k),
                          "column '%1$s': the rows add up to %2$s, not the total %3$s; '%4$s' here may be '%5$s', its digits swapped; correct the row or the total",
                          "cột '%1$s': các hàng cộng lại là %2$s, không bằng số tổng %3$s; '%4$s' ở đây có thể là '%5$s' (gõ đảo chữ số); sửa hàng này hoặc số tổng",
                          name, ws, c, rc, fix);
            } else if (tm[0])
                kh_report(cx, cell_pos(t, r, k),
                          "column '%1$s': the total %2$s is not the sum of the rows above it, %3$s; write %4$s, or correct the figures of the rows",
                          "cột '%1$s': số tổng %2$s không bằng tổng các hàng bên trên, %3$s; ghi %4$s, hoặc sửa số liệu các hàng",
                          name, c, tm, ws);
            else
                kh_report(cx, cell_pos(t, r, k),
                          "column '%1$s': the total %2$s is not the sum of the rows above it, which add up to %3$s; write %3$s, or correct the figures of the rows",
                          "cột '%1$s': số tổng %2$s không bằng tổng các hàng bên trên, cộng lại là %3$s; ghi %3$s, hoặc sửa số liệu các hàng",
                          name, c, ws);
        }
        if (num) {
            s.totals += v;
            s.n_totals++;
            if (s.totals > SUM_CAP)
                return;
        }
        s.seg = 0;
        s.n_seg = 0;
    }
}

static void sum_table(const kh_table *t, kh_rule_ctx *cx)
{
    if (t->n_rows < 2)
        return;
    size_t oc = ordinal_col(t), n_total;
    bool *tot = total_rows(t, oc, &n_total);
    bool judge = n_total > 0 && !mixed_units(t) && flat(t, oc, tot);
    for (size_t i = 0; judge && i < t->n_rows * t->n_cols; i++)
        judge = !breaks_down(&t->cells[i]);
    for (size_t k = 0; judge && k < t->n_cols; k++)
        if (k != oc && !rate_head(&t->head[k]))
            sum_column(t, k, oc, tot, cx);
    free(tot);
}

void rule_table_sum(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_tables(p, cx, sum_table);
}

/* ---- R-TABLE-ORDINAL ---- */

/* The levels of an ordinal column, outermost first; each row's ordinal
 * restarts every level below its own. */
typedef enum ord_kind { O_UPPER, O_ROMAN, O_ARABIC, O_DOT2, O_DOT3, O_LOWER, O_KINDS } ord_kind;

typedef struct ordinal {
    ord_kind kind;
    int v[3]; /* the number; a letter's code; the parts of 1.2 or 1.2.3 */
} ordinal;

/* Letters: a..z are 1..26, đ 27. Lists count by the Vietnamese alphabet
 * (a, b, c, d, đ, e, g, h, i, k …, as the law's points do) or by the Latin
 * one (a … f): the next letter may be either's. */
static const char vi_letters[] = "abcd\x1b" "eghiklmnopqrstuvxy"; /* \x1b: đ */

static int letter_code(const char *c, bool *upper)
{
    if (((c[0] >= 'a' && c[0] <= 'z') || (c[0] >= 'A' && c[0] <= 'Z')) && !c[1]) {
        *upper = c[0] <= 'Z';
        return (c[0] | 0x20) - 'a' + 1;
    }
    if (!strcmp(c, "đ") || !strcmp(c, "Đ")) {
        *upper = !strcmp(c, "Đ");
        return 27;
    }
    return 0;
}

static void letter_succ(int code, int out[2])
{
    out[0] = code >= 1 && code < 26 ? code + 1 : 0;
    out[1] = 0;
    int ch = code == 27 ? 0x1b : 'a' + code - 1;
    const char *at = strchr(vi_letters, ch);
    if (at && at[1])
        out[1] = at[1] == 0x1b ? 27 : at[1] - 'a' + 1;
}

static const char *letter_str(int code, bool upper, char *buf)
{
    if (code == 27)
        strcpy(buf, upper ? "Đ" : "đ");
    else
        snprintf(buf, 8, "%c", (upper ? 'A' : 'a') + code - 1);
    return buf;
}

/* The value of an upper-case Roman numeral written the usual way (the
 * form kh_roman gives back), or 0. */
static int roman_value(const char *c)
{
    static const char sym[] = "IVXLCDM";
    static const int val[] = {1, 5, 10, 50, 100, 500, 1000};
    size_t n = strlen(c);
    if (!n || n > 15 || strspn(c, sym) != n)
        return 0;
    int v = 0;
    for (size_t i = 0; i < n; i++) {
        int a = val[strchr(sym, c[i]) - sym];
        int b = i + 1 < n ? val[strchr(sym, c[i + 1]) - sym] : 0;
        v += a < b ? -a : a;
    }
    char back[16];
    return v >= 1 && v < 4000 && !strcmp(kh_roman(v, back), c) ? v : 0;
}

/* Digits only, at most 6, into *v. */
static bool small_int(const char *c, size_t len, int *v)
{
    if (!len || len > 6)
        return false;
    int x = 0;
    for (size_t i = 0; i < len; i++) {
        if (c[i] < '0' || c[i] > '9')
            return false;
        x = x * 10 + (c[i] - '0');
    }
    *v = x;
    return true;
}

/* An ordinal cell: `3`, `3.`, `I`, `II.`, `a)`, `(b)`, `1.2`, `1.2.3`.
 * *ambig: a single letter that is also a Roman numeral (C, D, I …).
 * false: something else. */
static bool parse_ordinal(char *c, ordinal *o, bool *ambig)
{
    size_t n = strlen(c);
    *ambig = false;
    if (n >= 2 && c[0] == '(' && c[n - 1] == ')') {
        memmove(c, c + 1, n - 2);
        n -= 2;
        c[n] = '\0';
    } else if (n >= 2 && (c[n - 1] == '.' || c[n - 1] == ')')) {
        c[--n] = '\0';
    }
    if (small_int(c, n, &o->v[0])) {
        o->kind = O_ARABIC;
        return true;
    }
    const char *d1 = memchr(c, '.', n);
    if (d1) {
        const char *d2 = memchr(d1 + 1, '.', n - (size_t)(d1 + 1 - c));
        const char *end = c + n;
        if (!small_int(c, (size_t)(d1 - c), &o->v[0]))
            return false;
        if (!d2) {
            o->kind = O_DOT2;
            return small_int(d1 + 1, (size_t)(end - d1 - 1), &o->v[1]);
        }
        o->kind = O_DOT3;
        return small_int(d1 + 1, (size_t)(d2 - d1 - 1), &o->v[1]) &&
               small_int(d2 + 1, (size_t)(end - d2 - 1), &o->v[2]);
    }
    bool upper = false;
    int code = letter_code(c, &upper), rv = roman_value(c);
    if (code && !upper) {
        o->kind = O_LOWER;
        o->v[0] = code;
        return true;
    }
    if (code && rv) {
        *ambig = true;
        o->kind = O_ROMAN;
        o->v[0] = rv;
        o->v[1] = code;
        return true;
    }
    if (rv) {
        o->kind = O_ROMAN;
        o->v[0] = rv;
        return true;
    }
    if (code) {
        o->kind = O_UPPER;
        o->v[0] = code;
        return true;
    }
    return false;
}

static const char *ord_str(const ordinal *o, char *buf)
{
    switch (o->kind) {
    case O_UPPER: return letter_str(o->v[0], true, buf);
    case O_LOWER: return letter_str(o->v[0], false, buf);
    case O_ROMAN: return kh_roman(o->v[0], buf);
    case O_DOT2: snprintf(buf, 40, "%d.%d", o->v[0], o->v[1]); return buf;
    case O_DOT3: snprintf(buf, 40, "%d.%d.%d", o->v[0], o->v[1], o->v[2]); return buf;
    default: snprintf(buf, 40, "%d", o->v[0]); return buf;
    }
}

/* The ordinals that may come after `last` of the same kind (none: the
 * kind's first), `fresh` when a level above came between: up to 3, into
 * want; their count. */
static int successors(const ordinal *last, bool seen, bool fresh, ord_kind kind, ordinal want[3])
{
    int n = 0;
    ordinal first = {kind, {1, 1, 1}};
    if (kind == O_DOT2 || kind == O_DOT3) {
        if (!seen) {
            return 0; /* any x.1 (checked by the caller) */
        }
        want[n] = *last;
        want[n].v[kind == O_DOT2 ? 1 : 2]++;
        return ++n;
    }
    if (!seen || fresh)
        want[n++] = first;
    if (!seen)
        return n;
    if (kind == O_UPPER || kind == O_LOWER) {
        int s[2];
        letter_succ(last->v[0], s);
        for (int i = 0; i < 2; i++)
            if (s[i] && (i == 0 || s[1] != s[0]) && !(n && want[0].v[0] == s[i])) {
                want[n] = *last;
                want[n++].v[0] = s[i];
            }
        return n;
    }
    want[n] = *last;
    want[n++].v[0]++;
    return n;
}

static bool ord_eq(const ordinal *a, const ordinal *b)
{
    int parts = a->kind == O_DOT3 ? 3 : a->kind == O_DOT2 ? 2 : 1;
    if (a->kind != b->kind)
        return false;
    for (int i = 0; i < parts; i++)
        if (a->v[i] != b->v[i])
            return false;
    return true;
}

static void ordinal_table(const kh_table *t, kh_rule_ctx *cx)
{
    size_t oc = ordinal_col(t), n_total;
    if (oc >= t->n_cols || t->n_rows < 2)
        return;
    bool *tot = total_rows(t, oc, &n_total);
    /* Every cell an ordinal, or the column is not one as this rule reads it. */
    for (size_t r = 0; r < t->n_rows; r++) {
        char c[CELL_MAX];
        ordinal o;
        bool ambig;
        if (tot[r] || !cell(t, r, oc)->s || (clean(cell(t, r, oc), c) && is_blank(c)))
            continue;
        if (!clean(cell(t, r, oc), c) || !parse_ordinal(c, &o, &ambig)) {
            free(tot);
            return;
        }
    }
    ordinal last[O_KINDS];
    bool seen[O_KINDS] = {false}, fresh[O_KINDS] = {false};
    for (size_t r = 0; r < t->n_rows; r++) {
        char c[CELL_MAX];
        ordinal o;
        bool ambig;
        if (tot[r] || !cell(t, r, oc)->s || (clean(cell(t, r, oc), c) && is_blank(c))) {
            /* A row without an ordinal that says something (a group's
             * heading, a sub-total): the numbering may start again below. */
            for (size_t k = 0; k < t->n_cols; k++)
                if (k != oc && cell(t, r, k)->s)
                    for (int j = 0; j < O_KINDS; j++)
                        fresh[j] = true;
            continue;
        }
        clean(cell(t, r, oc), c);
        parse_ordinal(c, &o, &ambig);
        if (ambig) {
            /* C after B is a letter, and so is D after B (a skip); I is a
             * numeral unless it follows H, and so is any other numeral
             * once numerals are in use (C after XCIX). */
            int s[2] = {0, 0};
            if (seen[O_UPPER])
                letter_succ(last[O_UPPER].v[0], s);
            bool next_letter = s[0] == o.v[1] || s[1] == o.v[1];
            if (next_letter || (!seen[O_ROMAN] && o.v[0] != 1)) {
                o.kind = O_UPPER;
                o.v[0] = o.v[1];
            }
        }
        ordinal want[3];
        int n = successors(&last[o.kind], seen[o.kind], fresh[o.kind], o.kind, want);
        bool ok = false;
        for (int i = 0; i < n && !ok; i++)
            ok = ord_eq(&o, &want[i]);
        if (o.kind == O_DOT2 || o.kind == O_DOT3) {
            /* a new parent (1.2 → 2.1) starts again at its .1 */
            int tail = o.kind == O_DOT2 ? 1 : 2;
            bool same_parent = seen[o.kind] && o.v[0] == last[o.kind].v[0] &&
                               (tail == 1 || o.v[1] == last[o.kind].v[1]);
            if (!same_parent)
                ok = o.v[tail] == 1;
            if (!same_parent && !ok) {
                want[0] = o;
                want[0].v[tail] = 1;
                n = 1;
            }
        }
        if (!ok) {
            char got[40], prev[40], exp[96] = "", one[40], name[CELL_MAX];
            for (int i = 0; i < n; i++) {
                size_t w = strlen(exp);
                snprintf(exp + w, sizeof exp - w, "%s%s", i ? "' or '" : "", ord_str(&want[i], one));
            }
            ord_str(&o, got);
            col_name(t, oc, name);
            if (seen[o.kind])
                kh_report(cx, cell_pos(t, r, oc),
                          "column '%1$s': the ordinal '%2$s' after '%3$s' skips or repeats a number: expected '%4$s'; renumber the rows",
                          "cột '%1$s': số thứ tự '%2$s' sau '%3$s' bị nhảy hoặc lặp số: đúng ra là '%4$s'; đánh lại số thứ tự",
                          name, got, ord_str(&last[o.kind], prev), exp);
            else
                kh_report(cx, cell_pos(t, r, oc),
                          "column '%1$s': the ordinals begin at '%2$s', not '%3$s'; renumber the rows",
                          "cột '%1$s': số thứ tự bắt đầu từ '%2$s', không phải '%3$s'; đánh lại số thứ tự",
                          name, got, exp);
            break; /* the first one out of sequence: the rest follow it */
        }
        last[o.kind] = o;
        seen[o.kind] = true;
        fresh[o.kind] = false;
        for (int k = o.kind + 1; k < O_KINDS; k++)
            fresh[k] = true;
    }
    free(tot);
}

void rule_table_ordinal(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_tables(p, cx, ordinal_table);
}

/* ---- R-TABLE-LEAD ---- */

/* The one figure of the lead-in paragraph before a table, `Năm 2026 kiểm
 * tra 26 cơ quan, đơn vị, chia thành bốn đợt theo lịch sau:`, against the
 * table's total row: a paragraph that ends with a colon over a table
 * counts what the table counts. Judged only when plain: one figure in
 * the paragraph followed by a word that a column's heading names (not a
 * year, a date, an ordinal, a document number, a unit of time or money),
 * one total row with one figure, and
 * the figure is not the number of rows either (bốn đợt for four rows). */
typedef struct lead_scan {
    kh_rule_ctx *cx;
} lead_scan;

/* The figure at s[i] as a count of things: digits not inside a date,
 * number or range, not after a word that makes it a year or an ordinal,
 * followed by a space and a letter. */
static bool count_figure(const char *s, size_t len, size_t i, long long *v, size_t *end)
{
    static const char *const before[] = {"năm ", "Năm ", "tháng ", "ngày ", "Quý ", "quý ",
                                         "số ", "Số ", "lần thứ ", "khóa ", "Khóa ", "đợt "};
    if (i && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '/' || s[i - 1] == '-' ||
              s[i - 1] == '.' || s[i - 1] == ','))
        return false;
    for (size_t k = 0; k < sizeof before / sizeof before[0]; k++) {
        size_t n = strlen(before[k]);
        if (i >= n && !strncmp(s + i - n, before[k], n))
            return false;
    }
    size_t j = i;
    long long x = 0;
    while (j < len && s[j] >= '0' && s[j] <= '9' && j - i < 7)
        x = x * 10 + (s[j++] - '0');
    if (j - i >= 7 || j + 1 >= len || s[j] != ' ' || !kh_is_letter_at(s, len, j + 1) ||
        (s[j + 1] >= '0' && s[j + 1] <= '9'))
        return false;
    *v = x;
    *end = j;
    return true;
}

/* The word after a figure at s[at] names what the table counts: not a
 * unit of time or money (30 ngày, 150 triệu đồng: a table in đồng or of
 * dates would not add up to them), and named in a column's heading (26
 * cơ quan under "Cơ quan, đơn vị được kiểm tra", 22 cuộc under "Số
 * cuộc"). */
static bool counted_noun(const kh_table *t, const char *s, size_t len, size_t at)
{
    static const char *const units[] = {"ngày", "tháng", "năm", "tuần", "giờ", "phút", "triệu",
                                        "tỷ", "nghìn", "ngàn", "trăm", "đồng", "lần", "phần"};
    size_t e = at;
    while (e < len && s[e] != ' ' && s[e] != ',' && s[e] != ';' && s[e] != ':' && s[e] != '.')
        e++;
    if (e == at || e - at >= CELL_MAX)
        return false;
    char w[CELL_MAX];
    memcpy(w, s + at, e - at);
    w[e - at] = '\0';
    char *f = kh_fold(w);
    bool ok = true;
    for (size_t k = 0; k < sizeof units / sizeof units[0] && ok; k++)
        ok = strcmp(f, units[k]) != 0;
    bool named = false;
    for (size_t k = 0; ok && k < t->n_cols && !named; k++)
        named = t->head[k].s && kh_contains_ci(t->head[k].s, f);
    free(f);
    return ok && named;
}

/* The single figure of the table's single total row; false otherwise. */
static bool lone_total(const kh_table *t, long long *v, size_t *col, size_t *n_rows)
{
    size_t oc = ordinal_col(t), n_total, row = 0, found = 0;
    bool *tot = total_rows(t, oc, &n_total);
    for (size_t r = 0; r < t->n_rows; r++)
        if (tot[r])
            row = r;
    free(tot);
    if (n_total != 1 || row != t->n_rows - 1)
        return false;
    for (size_t k = 0; k < t->n_cols; k++) {
        char c[CELL_MAX];
        long long x;
        bool dotted;
        if (k != oc && clean(cell(t, row, k), c) && parse_int(c, &x, &dotted)) {
            found++;
            *v = x;
            *col = k;
        }
    }
    *n_rows = t->n_rows - 1;
    return found == 1;
}

/* The end of the span the lead-in gives (`… từ ngày 02/8/2027 đến ngày
 * 10/9/2027 theo lịch sau:`): the table's dates fall on or before it.
 * The period is the one the colon closes: the last "đến <date>" of the
 * paragraph, outside brackets, with only a few words after it ("theo lịch
 * sau:"). Dates before the start are not judged (a pilot held first: "các
 * chi bộ còn lại tổ chức từ …"). */
static void lead_span(kh_rule_ctx *cx, const kh_para *pa, const kh_table *t)
{
    size_t len = pa->len, i = len;
    for (size_t j = 0; (j = kh_find_word(pa->s, len, j, "đến")) < len; j++)
        i = j; /* the last: the period the colon closes */
    kh_found_date end;
    if (i >= len)
        return;
    size_t from = i + strlen("đến"), lim = from + 48 < len ? from + 48 : len;
    if (!kh_next_date(pa->s, lim, from, &end) || !end.valid || end.start > from + strlen(" ngày "))
        return;
    /* the period leads into the table: nothing but a few words ("theo
     * lịch sau:") after it, and not said in brackets */
    size_t open = 0;
    for (size_t j = 0; j < end.start; j++) {
        if (pa->s[j] == '(')
            open++;
        else if (pa->s[j] == ')' && open)
            open--;
    }
    if (len - end.end > 40 || open)
        return;
    for (size_t r = 0; r < t->n_rows; r++)
        for (size_t k = 0; k < t->n_cols; k++) {
            const kh_text *c = cell(t, r, k);
            if (!c->s)
                continue;
            size_t n = strlen(c->s);
            kh_found_date d;
            for (size_t j = 0; kh_next_date(c->s, n, j, &d); j = d.end)
                if (d.valid && kh_date_cmp(d.date, end.date) > 0) {
                    char a[48], b[48];
                    kh_report(cx, cell_pos(t, r, k),
                              "%s in the table is after %s, the end of the period the text before the table gives; correct the date or the period",
                              "ngày %s trong bảng muộn hơn %s, ngày kết thúc mà đoạn văn dẫn vào bảng nêu; sửa ngày hoặc khoảng thời gian",
                              kh_date_fmt_short(d.date, a), kh_date_fmt_short(end.date, b));
                    break;
                }
        }
}

static void lead_para(const kh_para *pa, void *ctx)
{
    lead_scan *ls = ctx;
    const kh_section *sec = pa->field->sec;
    if (!sec || !sec->table.n_rows || !sec->table.n_cols || pa->field->kind != KH_F_SEC_BODY)
        return;
    size_t len = pa->len;
    while (len && pa->s[len - 1] == ' ')
        len--;
    if (!len || pa->s[len - 1] != ':')
        return;
    lead_span(ls->cx, pa, &sec->table);
    long long total, n = -1;
    size_t col, rows, at = 0, figures = 0;
    if (!lone_total(&sec->table, &total, &col, &rows))
        return;
    for (size_t i = 0; (i = kh_skip_to(pa->s, len, i, KH_DIGITS)) < len;) {
        long long v;
        size_t e;
        if (count_figure(pa->s, len, i, &v, &e) && counted_noun(&sec->table, pa->s, len, e + 1)) {
            figures++;
            n = v;
            at = i;
            i = e;
        } else {
            while (i < len && pa->s[i] >= '0' && pa->s[i] <= '9')
                i++;
        }
    }
    if (figures != 1 || n == total || n == (long long)rows)
        return;
    char name[CELL_MAX];
    kh_report(ls->cx, kh_para_pos(pa, at),
              "the text says %lld, but the table's total row says %lld (column '%s'); correct the one that is wrong",
              "đoạn văn ghi %lld nhưng dòng tổng của bảng ghi %lld (cột '%s'); sửa số sai",
              n, total, col_name(&sec->table, col, name));
}

void rule_table_lead(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    lead_scan ls = {cx};
    kh_walk_paras(cx, 1u << KH_F_SEC_BODY, lead_para, &ls);
}

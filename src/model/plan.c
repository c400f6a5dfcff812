/* plan.c — the plan's arena, freeing, section numbering and walking, and
 * mapping a byte offset inside a value back to the plan file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/plan.h"
#include "kehoach/text.h"

/* ---- arena ---- */

struct chunk {
    struct chunk *next;
    size_t used, cap;
    _Alignas(16) unsigned char data[];
};

struct kh_arena {
    struct chunk *head;
};

struct kh_arena *kh_arena_new(void)
{
    return kh_xcalloc(1, sizeof(struct kh_arena));
}

void *kh_arena_alloc(struct kh_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    struct chunk *c = a->head;
    if (!c || c->cap - c->used < n) {
        size_t cap = n > 16384 ? n : 16384;
        c = kh_xmalloc(sizeof *c + cap);
        c->cap = cap;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    void *p = c->data + c->used;
    c->used += n;
    memset(p, 0, n);
    return p;
}

char *kh_arena_strndup(struct kh_arena *a, const char *s, size_t n)
{
    char *d = kh_arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

void kh_arena_free(struct kh_arena *a)
{
    if (!a)
        return;
    for (struct chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

void kh_plan_free(kh_plan *p)
{
    if (!p)
        return;
    kh_arena_free(p->arena);
    free(p);
}

/* ---- text positions ---- */

bool kh_text_empty(const kh_text *t)
{
    if (!t->s)
        return true;
    for (const char *s = t->s; *s; s++)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            return false;
    return true;
}

kh_pos kh_text_locate(const kh_text *t, size_t off)
{
    if (!t->s)
        return t->pos;
    size_t len = strnlen(t->s, off); /* not strlen: O(off), not O(value) */
    if (off > len)
        off = len;
    const char *s = t->s;
    if (t->style == KH_STYLE_LITERAL && t->body.line) {
        unsigned line = t->body.line;
        size_t bol = 0;
        for (size_t i = 0; i < off; i++)
            if (s[i] == '\n') {
                line++;
                bol = i + 1;
            }
        kh_pos p = {line, t->body.col + (unsigned)kh_utf8_count(s + bol, off - bol)};
        return p;
    }
    if (!memchr(s, '\n', off) && (t->style == KH_STYLE_PLAIN ||
                                  t->style == KH_STYLE_SINGLE_QUOTED ||
                                  t->style == KH_STYLE_DOUBLE_QUOTED)) {
        unsigned quote = t->style == KH_STYLE_PLAIN ? 0 : 1;
        kh_pos p = {t->pos.line, t->pos.col + quote + (unsigned)kh_utf8_count(s, off)};
        return p;
    }
    if (t->style == KH_STYLE_FOLDED && t->body.line)
        return t->body;
    return t->pos;
}

/* ---- numbering ---- */

const char *kh_roman(int n, char *buf)
{
    static const struct { int v; const char *s; } t[] = {
        {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
        {90, "XC"}, {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"},
        {5, "V"}, {4, "IV"}, {1, "I"}};
    buf[0] = '\0';
    if (n < 1 || n > 3999) {
        snprintf(buf, 16, "%d", n);
        return buf;
    }
    size_t len = 0;
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        while (n >= t[i].v) {
            size_t l = strlen(t[i].s);
            memcpy(buf + len, t[i].s, l);
            len += l;
            n -= t[i].v;
        }
    buf[len] = '\0';
    return buf;
}

const char *kh_section_number(const int *path, int depth, char *buf)
{
    if (depth == 0)
        return kh_roman(path[0], buf);
    size_t len = 0;
    for (int i = 1; i <= depth && len < 48; i++) { /* "1.2.3", without snprintf:
                                                     every section walk asks */
        if (i > 1)
            buf[len++] = '.';
        char d[12];
        size_t k = 0;
        unsigned v = path[i] < 0 ? 0u : (unsigned)path[i];
        do
            d[k++] = (char)('0' + v % 10);
        while ((v /= 10) && k < sizeof d);
        while (k)
            buf[len++] = d[--k];
    }
    buf[len] = '\0';
    return buf;
}

const char *kh_section_label(const int *path, int depth, char delim, char *buf)
{
    kh_section_number(path, depth, buf);
    size_t len = strlen(buf);
    buf[len] = delim ? delim : '.';
    buf[len + 1] = '\0';
    return buf;
}

static void walk(const kh_section *s, size_t n, int depth, int *path,
                 kh_section_visit fn, void *ctx)
{
    char num[64];
    for (size_t i = 0; i < n && depth < 64; i++) {
        path[depth] = (int)i + 1;
        fn(&s[i], depth, kh_section_number(path, depth, num), ctx);
        walk(s[i].sections, s[i].n_sections, depth + 1, path, fn, ctx);
    }
}

void kh_plan_walk_sections(const kh_plan *p, kh_section_visit fn, void *ctx)
{
    int path[65] = {0};
    walk(p->sections, p->n_sections, 0, path, fn, ctx);
}

const char *kh_section_kind_name(kh_section_kind k)
{
    static const char *const n[] = {
        "generic", "aims", "purpose", "requirements", "content", "audience",
        "form", "schedule", "materials", "implementation"};
    return (unsigned)k < sizeof n / sizeof n[0] ? n[k] : "generic";
}

const char *kh_role_name(kh_role r)
{
    static const char *const n[] = {"none", "report", "implement", "inform"};
    return (unsigned)r < sizeof n / sizeof n[0] ? n[r] : "none";
}

const char *const kh_deadline_form_names[] = {"before", "by", "month", "quarter", NULL};
const char *const kh_recurrence_names[] = {"month", "quarter", "half-year", "year", NULL};

const char *kh_deadline_form_name(kh_deadline_form f)
{
    return (unsigned)f <= KH_DEADLINE_QUARTER ? kh_deadline_form_names[f] : kh_deadline_form_names[0];
}

const char *kh_recurrence_name(kh_recurrence r)
{
    return r >= KH_EVERY_MONTH && r <= KH_EVERY_YEAR ? kh_recurrence_names[r - KH_EVERY_MONTH] : "";
}

kh_date kh_task_due_date(const kh_task *t)
{
    kh_date d = t->deadline.date, none = {0, 0, 0};
    if (!kh_date_is_set(d))
        return none;
    switch (t->due) {
    case KH_DEADLINE_MONTH:
        d.day = kh_days_in_month(d.year, d.month);
        return d;
    case KH_DEADLINE_QUARTER:
        d.month = (d.month + 2) / 3 * 3;
        d.day = kh_days_in_month(d.year, d.month);
        return d;
    case KH_DEADLINE_BEFORE:
    case KH_DEADLINE_BY:
        break;
    }
    return kh_date_is_full(d) ? d : none;
}

/* A short cell of figures: `1`, `15/6/2025`, `IV`, `100%`, `2.1`. */
static bool numeric_cell(const char *s)
{
    if (!s)
        return true; /* an empty cell does not decide */
    size_t n = 0, figures = 0;
    for (const char *q = s; *q; q++) {
        if (*q == '*' || *q == '_' || *q == ' ')
            continue;
        if (!strchr("0123456789./-,%()IVXLC", *q))
            return false;
        figures += *q >= '0' && *q <= '9';
        if (++n > 12)
            return false;
    }
    return n == 0 || figures > 0 || n <= 5;
}

kh_cell_align kh_table_col_align(const kh_table *t, size_t k)
{
    if (k >= t->n_cols)
        return KH_CELL_LEFT;
    if (t->align && t->align[k] != KH_CELL_AUTO)
        return t->align[k];
    bool any = false;
    for (size_t r = 0; r < t->n_rows; r++) {
        const char *s = t->cells[r * t->n_cols + k].s;
        if (!numeric_cell(s))
            return KH_CELL_LEFT;
        any |= s && *s;
    }
    return any ? KH_CELL_CENTER : KH_CELL_LEFT;
}

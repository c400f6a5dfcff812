/* scan.c — the text walker and the scanners of running text shared by the
 * rules (see scan.h): fields in reading order, Markdown paragraphs as plain
 * text with a byte map back to the YAML value, dates, document numbers,
 * citations and ranges. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/markdown.h"
#include "kehoach/text.h"
#include "scan.h"

/* ---- fields ---- */

typedef struct walk {
    kh_field_fn fn;
    void *ctx;
} walk;

static void emit(walk *w, const kh_text *t, kh_field_kind k, bool md,
                 const kh_section *sec, const kh_unit *u, int depth)
{
    if (!t || !t->s)
        return;
    kh_field f = {t, k, md, sec, u, depth};
    w->fn(&f, w->ctx);
}

static void walk_section(walk *w, const kh_section *s, int depth)
{
    emit(w, &s->title, KH_F_SEC_TITLE, false, s, NULL, depth);
    emit(w, &s->body, KH_F_SEC_BODY, true, s, NULL, depth);
    const kh_table *t = &s->table;
    emit(w, &t->caption, KH_F_TABLE, false, s, NULL, depth);
    for (size_t i = 0; i < t->n_cols; i++)
        emit(w, &t->head[i], KH_F_TABLE, false, s, NULL, depth);
    for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
        emit(w, &t->cells[i], KH_F_TABLE, false, s, NULL, depth);
    emit(w, &t->note, KH_F_TABLE, true, s, NULL, depth);
    emit(w, &s->timetable.event, KH_F_TABLE, false, s, NULL, depth);
    for (size_t i = 0; i < s->timetable.n_rows; i++) {
        const kh_timetable_row *r = &s->timetable.rows[i];
        emit(w, &r->task, KH_F_TABLE, false, s, NULL, depth);
        emit(w, &r->unit, KH_F_TABLE, false, s, NULL, depth);
        emit(w, &r->remark, KH_F_TABLE, false, s, NULL, depth);
    }
    for (size_t i = 0; i < s->n_events; i++)
        emit(w, &s->events[i].text, KH_F_EVENT, true, s, NULL, depth);
    for (size_t i = 0; i < s->n_sections; i++)
        walk_section(w, &s->sections[i], depth + 1);
    for (size_t i = 0; i < s->n_units; i++) {
        const kh_unit *u = &s->units[i];
        emit(w, &u->name, KH_F_UNIT_NAME, false, s, u, depth);
        emit(w, &u->report_to, KH_F_UNIT_NAME, false, s, u, depth);
        emit(w, &u->body, KH_F_UNIT_BODY, true, s, u, depth);
        for (size_t j = 0; j < u->n_tasks; j++) {
            emit(w, &u->tasks[j].text, KH_F_TASK, true, s, u, depth);
            emit(w, &u->tasks[j].report_to, KH_F_UNIT_NAME, false, s, u, depth);
        }
    }
}

void kh_walk_fields(const kh_plan *p, kh_field_fn fn, void *ctx)
{
    walk w = {fn, ctx};
    emit(&w, &p->superior, KH_F_HEADER, false, NULL, NULL, 0);
    emit(&w, &p->issuer, KH_F_HEADER, false, NULL, NULL, 0);
    emit(&w, &p->number, KH_F_NUMBER, false, NULL, NULL, 0);
    emit(&w, &p->place, KH_F_HEADER, false, NULL, NULL, 0);
    emit(&w, &p->title, KH_F_TITLE, false, NULL, NULL, 0);
    for (size_t i = 0; i < p->n_implements; i++) {
        const kh_citation *c = &p->implements[i];
        emit(&w, &c->issuer, KH_F_CITATION, false, NULL, NULL, 0);
        emit(&w, &c->subject, KH_F_CITATION, false, NULL, NULL, 0);
    }
    for (size_t i = 0; i < p->n_basis; i++)
        emit(&w, &p->basis[i], KH_F_BASIS, false, NULL, NULL, 0);
    emit(&w, &p->intro, KH_F_INTRO, true, NULL, NULL, 0);
    for (size_t i = 0; i < p->n_sections; i++)
        walk_section(&w, &p->sections[i], 0);
    emit(&w, &p->closing, KH_F_CLOSING, true, NULL, NULL, 0);
    for (size_t i = 0; i < p->n_recipients; i++)
        emit(&w, &p->recipients[i].text, KH_F_RECIPIENT, false, NULL, NULL, 0);
    emit(&w, &p->signature.prefix, KH_F_SIGNATURE, false, NULL, NULL, 0);
    emit(&w, &p->signature.body, KH_F_SIGNATURE, false, NULL, NULL, 0);
    emit(&w, &p->signature.title, KH_F_SIGNATURE, false, NULL, NULL, 0);
    emit(&w, &p->signature.name, KH_F_SIGNATURE, false, NULL, NULL, 0);
    emit(&w, &p->signature.head.prefix, KH_F_SIGNATURE, false, NULL, NULL, 0);
    emit(&w, &p->signature.head.title, KH_F_SIGNATURE, false, NULL, NULL, 0);
    for (size_t i = 0; i < p->n_annexes; i++)
        walk_section(&w, &p->annexes[i], 0);
}

/* ---- paragraphs ----
 * Every rule that reads running text walks the same paragraphs, so they are
 * built once per check (cmark parse, plain text, byte map) into an index
 * that kh_check owns, and each walk only filters it by field kind. */

struct kh_para_index {
    kh_field *fields; /* every field, in reading order */
    size_t n_fields, cap_fields;
    kh_para *paras;   /* every paragraph, in reading order */
    size_t n_paras, cap_paras;
};

/* Plain text of src[a, b) with its map; see kh_para. */
static void build_para(kh_para *pa, const char *src, size_t a, size_t b)
{
    size_t cap = b - a + 1;
    pa->s = kh_xmalloc(cap + 1);
    pa->map = kh_xmalloc((cap + 1) * sizeof *pa->map);
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        /* A run of ordinary bytes at once: up to the next * \ or line
         * break (strcspn may look a little past b, to the end of that line). */
        size_t j = i + strcspn(src + i, "*\\\n\r");
        if (j > b)
            j = b;
        if (j > i) {
            memcpy(pa->s + n, src + i, j - i);
            for (size_t k = i; k < j; k++)
                pa->map[n++] = k;
            i = j - 1;
            continue;
        }
        char c = src[i];
        if (c == '*')
            continue;
        if (c == '\\' && i + 1 < b && strchr("*_[]()\\.-#`!", src[i + 1])) {
            i++;
            c = src[i];
        } else if (c == '\n' || c == '\r') {
            while (n && pa->s[n - 1] == ' ')
                n--;
            pa->s[n] = ' ';
            pa->map[n++] = i;
            while (i + 1 < b && (src[i + 1] == ' ' || src[i + 1] == '\t' ||
                                 src[i + 1] == '\n' || src[i + 1] == '\r'))
                i++;
            continue;
        }
        pa->s[n] = c;
        pa->map[n++] = i;
    }
    while (n && pa->s[n - 1] == ' ')
        n--;
    pa->s[n] = '\0';
    pa->map[n] = n ? pa->map[n - 1] + 1 : a;
    pa->len = n;
}

static void collect_field(const kh_field *f, void *ctx)
{
    kh_para_index *x = ctx;
    if (x->n_fields == x->cap_fields) {
        x->cap_fields = x->cap_fields ? 2 * x->cap_fields : 64;
        x->fields = kh_xrealloc(x->fields, x->cap_fields * sizeof *x->fields);
    }
    x->fields[x->n_fields++] = *f;
}

static kh_para *new_para(kh_para_index *x, const kh_field *f, int index)
{
    if (x->n_paras == x->cap_paras) {
        x->cap_paras = x->cap_paras ? 2 * x->cap_paras : 128;
        x->paras = kh_xrealloc(x->paras, x->cap_paras * sizeof *x->paras);
    }
    kh_para *pa = &x->paras[x->n_paras];
    memset(pa, 0, sizeof *pa);
    pa->field = f;
    pa->index = index;
    pa->seq = x->n_paras;
    return pa;
}

/* Line starts of a field's text, so that each paragraph's offset is found
 * in O(1): walking from the start for each paragraph was quadratic (a 63 KB
 * body of 21,000 paragraphs took 16 s; tests/cli/hostile.sh). */
typedef struct line_index {
    size_t *start; /* byte offset of each line (0-based index) */
    size_t n, len;
} line_index;

static void index_lines(line_index *li, const char *s)
{
    li->len = strlen(s);
    size_t cap = 16;
    li->start = kh_xmalloc(cap * sizeof *li->start);
    li->start[0] = 0;
    li->n = 1;
    for (size_t i = 0; i < li->len; i++)
        if (s[i] == '\n') {
            if (li->n == cap)
                li->start = kh_xrealloc(li->start, (cap *= 2) * sizeof *li->start);
            li->start[li->n++] = i + 1;
        }
}

/* Byte offset of 1-based (line, col) in s. */
static size_t offset_of(const line_index *li, int line, int col)
{
    size_t l = line > 1 ? (size_t)(line - 1) : 0;
    if (l >= li->n)
        return li->len;
    size_t off = li->start[l] + (col > 0 ? (size_t)(col - 1) : 0);
    return off > li->len ? li->len : off;
}

/* Does the line at s[i] open no block of Markdown: at most three spaces,
 * then neither a block marker (- + * > # = ` ~ < _ [ |) nor a number
 * followed by . or ) (an ordered item)? A tab or a carriage return in the
 * line's indentation, or four spaces (indented code), is not plain. */
static bool plain_line(const char *s, size_t i)
{
    size_t sp = 0;
    while (s[i + sp] == ' ')
        sp++;
    unsigned char c = (unsigned char)s[i + sp];
    if (c == '\n' || c == '\0')
        return true; /* a blank line */
    if (sp > 3 || c == '\t' || c == '\r' || strchr("-+*>#=`~<_[|", c))
        return false;
    size_t d = 0;
    while (d < 10 && s[i + sp + d] >= '0' && s[i + sp + d] <= '9')
        d++;
    return !(d && (s[i + sp + d] == '.' || s[i + sp + d] == ')'));
}

/* How the fast path sees a line: blank, ordinary text at the margin, an
 * item of a '- ' list whose text is ordinary, or anything else. */
enum { LINE_BLANK, LINE_TEXT, LINE_ITEM, LINE_OTHER };

static int line_kind(const char *s, size_t i)
{
    size_t k = i;
    while (s[k] == ' ' || s[k] == '\t')
        k++;
    if (s[k] == '\n' || s[k] == '\0')
        return LINE_BLANK;
    if (s[i] == '-' && s[i + 1] == ' ' && s[i + 2] != ' ' && plain_line(s, i + 2))
        return s[i + 2] == '\n' || s[i + 2] == '\0' ? LINE_OTHER : LINE_ITEM;
    if (!plain_line(s, i))
        return LINE_OTHER;
    return k == i ? LINE_TEXT : LINE_OTHER; /* indented: maybe an item's */
}

static void plain_para(kh_para_index *x, const kh_field *f, const char *s, size_t a, size_t b,
                       int *index, bool item)
{
    kh_para *pa = new_para(x, f, (*index)++);
    pa->in_list = pa->item_start = item;
    build_para(pa, s, a, b);
    if (pa->len)
        x->n_paras++;
    else
        free(pa->s), free(pa->map);
}

/* A body of ordinary lines and '- ' items only (no indentation, no other
 * Markdown block) is paragraphs as cmark gives them, built without a
 * parse: most bodies are running text and dash lists, and the parse cost
 * 1.2M instructions on seed 002. A run of text lines is one paragraph;
 * an item opens one (its first), which the text lines after it continue
 * (CommonMark's lazy continuation) until a blank line or the next item.
 * True when the body was taken so. */
static bool split_plain(kh_para_index *x, const kh_field *f, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        if (line_kind(s, i) == LINE_OTHER)
            return false;
        const char *nl = memchr(s + i, '\n', len - i);
        i = nl ? (size_t)(nl - s) + 1 : len;
    }
    int index = 0;
    bool open = false, item = false;
    size_t a = 0, b = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) : len;
        int kind = line_kind(s, i);
        if (open && kind != LINE_TEXT) {
            plain_para(x, f, s, a, b, &index, item);
            open = false;
        }
        if (kind == LINE_ITEM) {
            open = item = true;
            a = i + 2;
        } else if (kind == LINE_TEXT && !open) {
            open = true;
            item = false;
            a = i;
        }
        b = end;
        i = nl ? end + 1 : len;
    }
    if (open)
        plain_para(x, f, s, a, b, &index, item);
    return true;
}

static void split_field(kh_para_index *x, const kh_field *f, bool fast)
{
    const char *s = f->t->s;
    size_t len = strlen(s);
    if (!f->markdown) {
        kh_para *pa = new_para(x, f, 0);
        build_para(pa, s, 0, len);
        x->n_paras++;
        return;
    }
    if (fast && split_plain(x, f, s, len))
        return;
    cmark_node *doc = kh_md_parse(f->t, NULL, NULL);
    if (!doc)
        return;
    line_index li;
    index_lines(&li, s);
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    int index = 0;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        cmark_node_type ty = cmark_node_get_type(n);
        if (ev != CMARK_EVENT_ENTER ||
            (ty != CMARK_NODE_PARAGRAPH && ty != CMARK_NODE_HEADING))
            continue;
        size_t a = offset_of(&li, cmark_node_get_start_line(n), cmark_node_get_start_column(n));
        size_t b = offset_of(&li, cmark_node_get_end_line(n), cmark_node_get_end_column(n));
        if (s[b])
            b++; /* end column is inclusive */
        /* Multi-byte characters: extend to a character boundary. */
        while (s[b] && ((unsigned char)s[b] & 0xC0) == 0x80)
            b++;
        if (b < a)
            b = a;
        cmark_node *parent = cmark_node_parent(n);
        kh_para *pa = new_para(x, f, index++);
        pa->in_list = parent && cmark_node_get_type(parent) == CMARK_NODE_ITEM;
        pa->item_start = pa->in_list && cmark_node_first_child(parent) == n;
        build_para(pa, s, a, b);
        if (pa->len)
            x->n_paras++;
        else
            free(pa->s), free(pa->map);
    }
    cmark_iter_free(it);
    cmark_node_free(doc);
    free(li.start);
}

static kh_para_index *build_index(const kh_plan *p, bool fast)
{
    kh_para_index *x = kh_xcalloc(1, sizeof *x);
    kh_walk_fields(p, collect_field, x); /* fields first: paras point into them */
    for (size_t i = 0; i < x->n_fields; i++)
        split_field(x, &x->fields[i], fast);
    return x;
}

kh_para_index *kh_para_index_build(const kh_plan *p)
{
    return build_index(p, true);
}

kh_para_index *kh_para_index_build_parsed(const kh_plan *p)
{
    return build_index(p, false);
}

size_t kh_para_index_count(const kh_para_index *x)
{
    return x->n_paras;
}

const kh_para *kh_para_index_get(const kh_para_index *x, size_t i)
{
    return i < x->n_paras ? &x->paras[i] : NULL;
}

void kh_para_index_free(kh_para_index *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->n_paras; i++) {
        free(x->paras[i].s);
        free(x->paras[i].map);
    }
    free(x->paras);
    free(x->fields);
    free(x);
}

void kh_walk_paras(kh_rule_ctx *cx, unsigned mask, kh_para_fn fn, void *ctx)
{
    if (!cx->shared->paras)
        cx->shared->paras = kh_para_index_build(cx->plan);
    const kh_para_index *x = cx->shared->paras;
    for (size_t i = 0; i < x->n_paras; i++)
        if (!mask || (mask & (1u << x->paras[i].field->kind)))
            fn(&x->paras[i], ctx);
}

size_t kh_point_label(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    size_t a = i;
    if (i + 1 < len && !memcmp(s + i, "\xC4\x91", 2)) /* đ */
        i += 2;
    else if (i < len && s[i] >= 'a' && s[i] <= 'z')
        i++;
    else
        while (i < len && i - a < 2 && s[i] >= '0' && s[i] <= '9')
            i++;
    if (i == a || i + 1 >= len || (s[i] != ')' && s[i] != '.') || s[i + 1] != ' ')
        return 0;
    return i + 2;
}

size_t kh_first_lower_word(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && kh_word_start(s, i) && kh_is_lower_at(s, n, i))
            return i;
    return n;
}

kh_pos kh_para_pos(const kh_para *pa, size_t i)
{
    if (i > pa->len)
        i = pa->len;
    return kh_text_locate(pa->field->t, pa->map[i]);
}

int kh_cut(const char *s, size_t avail, size_t max)
{
    size_t n = avail < max ? avail : max;
    while (n > 0 && n < avail && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

/* ---- character classes ----
 * Plans are mostly ASCII bytes between Vietnamese letters: every class
 * answers ASCII from the byte itself and asks utf8proc only about other
 * code points (for ASCII, utf8proc's categories are the same). */

static bool ascii_alnum(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static uint32_t cp_at(const char *s, size_t len, size_t i)
{
    uint32_t cp = 0;
    return i < len && kh_utf8_decode(s + i, len - i, &cp) ? cp : 0;
}

bool kh_cp_is_letter(uint32_t cp)
{
    if (cp < 0x80)
        return ascii_alnum((unsigned char)cp);
    /* Vietnamese letters, from the Unicode tables (test_scan checks the
     * ranges against utf8proc): Latin-1 letters to Latin Extended-B,
     * combining marks, Latin Extended Additional. */
    if (cp >= 0xC0 && cp <= 0x2C1)
        return cp != 0xD7 && cp != 0xF7;
    if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1E00 && cp <= 0x1EFF))
        return true;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
           c == UTF8PROC_CATEGORY_ND;
}

bool kh_is_letter_at(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return false;
    unsigned char c = (unsigned char)s[i];
    return c < 0x80 ? ascii_alnum(c) : kh_cp_is_letter(cp_at(s, len, i));
}

bool kh_is_upper_at(const char *s, size_t len, size_t i)
{
    if (i < len && (unsigned char)s[i] < 0x80)
        return s[i] >= 'A' && s[i] <= 'Z';
    uint32_t cp = cp_at(s, len, i);
    return cp && utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LU;
}

bool kh_is_lower_at(const char *s, size_t len, size_t i)
{
    if (i < len && (unsigned char)s[i] < 0x80)
        return s[i] >= 'a' && s[i] <= 'z';
    uint32_t cp = cp_at(s, len, i);
    return cp && utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

bool kh_word_start(const char *s, size_t i)
{
    if (i == 0)
        return true;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    return !kh_is_letter_at(s, i, j);
}

bool kh_word_end(const char *s, size_t len, size_t i)
{
    return i >= len || !kh_is_letter_at(s, len, i);
}

/* The same as kh_find_word with the needle's length known. */
static size_t find_word_n(const char *s, size_t len, size_t from, const char *needle, size_t n)
{
    if (!n)
        return len;
    for (size_t i = from; i + n <= len; i++) {
        const char *hit = memchr(s + i, needle[0], len - n + 1 - i); /* SIMD skip */
        if (!hit)
            break;
        i = (size_t)(hit - s);
        if (!memcmp(s + i, needle, n) && kh_word_start(s, i) && kh_word_end(s, len, i + n))
            return i;
    }
    return len;
}

size_t kh_find_word(const char *s, size_t len, size_t from, const char *needle)
{
    return find_word_n(s, len, from, needle, strlen(needle));
}

size_t kh_find_word_ci1(const char *s, size_t len, size_t from, const char *needle)
{
    size_t n = strlen(needle);
    uint32_t cp = 0;
    size_t k = kh_utf8_decode(needle, n, &cp);
    uint32_t o = (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
    if (o == cp)
        o = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
    if (!k || o == cp) /* no first letter with another case */
        return find_word_n(s, len, from, needle, n);
    char first[4]; /* the first letter in the other case */
    size_t m = kh_utf8_encode(o, first);
    if (m == k && k < n && s[len] == '\0') {
        /* The rest of the needle with libc's strstr (rarer than its first
         * letter), then the first letter before it, in either case: the
         * hits come in order of place. */
        for (size_t h = from + k; h < len;) {
            const char *t = strstr(s + h, needle + k);
            if (!t || (size_t)(t - s) + (n - k) > len)
                break;
            size_t at = (size_t)(t - s) - k;
            if ((!memcmp(s + at, needle, k) || !memcmp(s + at, first, k)) &&
                kh_word_start(s, at) && kh_word_end(s, len, at + n))
                return at;
            h = (size_t)(t - s) + 1;
        }
        return len;
    }
    /* Else two searches: as written, and with the other first letter. */
    char stack[128];
    char *other = n - k + m <= sizeof stack ? stack : kh_xmalloc(n - k + m);
    memcpy(other, first, m);
    memcpy(other + m, needle + k, n - k);
    size_t a = find_word_n(s, len, from, needle, n);
    size_t b = find_word_n(s, len, from, other, m + n - k);
    if (other != stack)
        free(other);
    return b < a ? b : a;
}

/* Old-style tone placement (mark on the second vowel) → new style. No
 * pair grows (õ, ù, ũ are shorter than ẽ, ỳ, ỹ), so kh_fold rewrites the
 * lower-cased copy in place. */
static const char *const tone_fold[][2] = {
    {"oá", "óa"}, {"oà", "òa"}, {"oả", "ỏa"}, {"oã", "õa"}, {"oạ", "ọa"},
    {"oé", "óe"}, {"oè", "òe"}, {"oẻ", "ỏe"}, {"oẽ", "õe"}, {"oẹ", "ọe"},
    {"uý", "úy"}, {"uỳ", "ùy"}, {"uỷ", "ủy"}, {"uỹ", "ũy"}, {"uỵ", "ụy"},
};

char *kh_fold(const char *s)
{
    char *low = kh_utf8_lower(s ? s : "");
    size_t len = strlen(low), w = 0;
    for (size_t r = 0; r < len;) {
        /* every old-style pair is `o` or `u` and a non-ASCII vowel */
        if ((low[r] == 'o' || low[r] == 'u') && ((unsigned char)low[r + 1] & 0x80)) {
            size_t i, n = 0;
            for (i = 0; i < sizeof tone_fold / sizeof tone_fold[0]; i++) {
                n = strlen(tone_fold[i][0]);
                if (n <= len - r && !memcmp(low + r, tone_fold[i][0], n) &&
                    !kh_is_letter_at(low + r, len - r, n))
                    break;
            }
            if (i < sizeof tone_fold / sizeof tone_fold[0]) {
                size_t m = strlen(tone_fold[i][1]);
                memcpy(low + w, tone_fold[i][1], m);
                w += m;
                r += n;
                continue;
            }
        }
        low[w++] = low[r++];
    }
    low[w] = '\0';
    return low;
}

bool kh_contains_ci(const char *hay, const char *needle)
{
    char *h = kh_fold(hay), *n = kh_fold(needle);
    bool r = strstr(h, n) != NULL;
    free(h);
    free(n);
    return r;
}

/* ---- dates ---- */

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Up to `max` digits at s[*i]; returns the count read. */
static int digits(const char *s, size_t len, size_t *i, int max, int *val)
{
    int n = 0, v = 0;
    while (*i < len && is_digit(s[*i]) && n < max + 1) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    *val = v;
    return n;
}

static size_t skip_sp(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

static bool word_at(const char *s, size_t len, size_t i, const char *w, size_t *end)
{
    size_t n = strlen(w);
    if (i + n > len || memcmp(s + i, w, n) || !kh_word_end(s, len, i + n))
        return false;
    *end = i + n;
    return true;
}

/* A short date d/m/yyyy exactly at i. */
static bool short_date_at(const char *s, size_t len, size_t i, kh_found_date *o)
{
    if (!is_digit(s[i]) || (i && (is_digit(s[i - 1]) || s[i - 1] == '/')))
        return false;
    size_t j = i;
    int d, m, y;
    if (digits(s, len, &j, 2, &d) > 2 || j >= len || s[j] != '/')
        return false;
    j++;
    if (!(j < len && is_digit(s[j])) || digits(s, len, &j, 2, &m) > 2 || j >= len || s[j] != '/')
        return false;
    j++;
    if (!(j < len && is_digit(s[j])) || digits(s, len, &j, 4, &y) != 4)
        return false;
    if (j < len && (s[j] == '/' || is_digit(s[j])))
        return false;
    o->start = i;
    o->end = j;
    o->date = (kh_date){y, m, d};
    o->valid = kh_date_exists(y, m, d);
    o->long_form = false;
    return true;
}

/* `ngày 24 tháng 7 năm 2023` exactly at i (s[i] is the `n` of ngày). */
static bool long_date_at(const char *s, size_t len, size_t i, kh_found_date *o)
{
    size_t j;
    int d, m, y;
    if (!kh_word_start(s, i) || !word_at(s, len, i, "ngày", &j))
        return false;
    j = skip_sp(s, len, j);
    if (!(j < len && is_digit(s[j])) || digits(s, len, &j, 2, &d) > 2)
        return false;
    j = skip_sp(s, len, j);
    if (!word_at(s, len, j, "tháng", &j))
        return false;
    j = skip_sp(s, len, j);
    if (!(j < len && is_digit(s[j])) || digits(s, len, &j, 2, &m) > 2)
        return false;
    j = skip_sp(s, len, j);
    if (!word_at(s, len, j, "năm", &j))
        return false;
    j = skip_sp(s, len, j);
    if (!(j < len && is_digit(s[j])) || digits(s, len, &j, 4, &y) != 4)
        return false;
    o->start = i;
    o->end = j;
    o->date = (kh_date){y, m, d};
    o->valid = kh_date_exists(y, m, d);
    o->long_form = true;
    return true;
}

/* The first i >= from where `ngày` starts in s[0, len), or len. */
static size_t next_ngay(const char *s, size_t len, size_t from)
{
    if (from >= len)
        return len;
    if (s[len] == '\0') { /* libc's strstr */
        const char *p = strstr(s + from, "ngày");
        return p ? (size_t)(p - s) : len;
    }
    for (size_t i = from; i + strlen("ngày") <= len; i++)
        if (!memcmp(s + i, "ngày", strlen("ngày")))
            return i;
    return len;
}

bool kh_next_date(const char *s, size_t len, size_t from, kh_found_date *out)
{
    /* Two streams of candidates in order of place: digits (short dates)
     * and `ngày` (long ones). */
    size_t d = kh_skip_to(s, len, from, KH_DIGITS), n = next_ngay(s, len, from);
    while (d < len || n < len) {
        if (d < n) {
            if (short_date_at(s, len, d, out))
                return true;
            d = kh_skip_to(s, len, d + 1, KH_DIGITS);
        } else {
            if (long_date_at(s, len, n, out))
                return true;
            n = next_ngay(s, len, n + 1);
        }
    }
    return false;
}

/* ---- document numbers ---- */

static bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }
static bool is_lower_ascii(char c) { return c >= 'a' && c <= 'z'; }

/* Đ is C4 90, đ is C4 91. */
static bool is_dd(const char *s, size_t len, size_t i)
{
    return i + 1 < len && (unsigned char)s[i] == 0xC4 &&
           ((unsigned char)s[i + 1] == 0x90 || (unsigned char)s[i + 1] == 0x91);
}

/* The start of the spaces before s[j] (a number typed `12 /KH`): noted. */
static size_t spaces_before(const char *s, size_t j, kh_found_num *o)
{
    while (j > 0 && s[j - 1] == ' ') {
        j--;
        o->spaced = true;
    }
    return j;
}

/* The Party form `N-XX/YYY` around the slash at j: fills o's place, number,
 * type and code. */
static bool party_num_at(const char *s, size_t len, size_t j, kh_found_num *o)
{
    /* Type, left of the slash. */
    size_t k = spaces_before(s, j, o);
    size_t tend = k;
    while (k > 0) {
        if (is_upper_ascii(s[k - 1]) || is_lower_ascii(s[k - 1]))
            k--;
        else if (k >= 2 && is_dd(s, len, k - 2))
            k -= 2;
        else
            break;
    }
    size_t tstart = k;
    if (tstart == tend || tend - tstart > 10 ||
        !(is_upper_ascii(s[tstart]) || is_dd(s, len, tstart)))
        return false;
    while (k > 0 && s[k - 1] == ' ') {
        k--;
        o->spaced = true;
    }
    if (k == 0 || s[k - 1] != '-')
        return false;
    k--;
    size_t dash = k;
    while (k > 0 && s[k - 1] == ' ')
        k--;
    size_t dend = k;
    while (k > 0 && is_digit(s[k - 1]))
        k--;
    if (k == dend) { /* no digits: the blank number `-KH/HU` */
        k = dash;
    } else if (dend != dash) {
        o->spaced = true;
    }
    if (!kh_word_start(s, k) && s[k] != '-')
        return false;
    if (k > 0 && (s[k - 1] == '/' || s[k - 1] == '-'))
        return false;
    /* Code, right of the slash. */
    size_t c = j + 1;
    while (c < len && s[c] == ' ') {
        c++;
        o->spaced = true;
    }
    size_t cstart = c;
    if (!(c < len && (is_upper_ascii(s[c]) || is_dd(s, len, c))))
        return false;
    while (c < len) {
        if (is_upper_ascii(s[c]) || is_lower_ascii(s[c]) || is_digit(s[c]))
            c++;
        else if (is_dd(s, len, c))
            c += 2;
        else
            break;
    }
    if (!kh_word_end(s, len, c))
        return false;
    o->start = k;
    o->end = c;
    o->value = dend > k && k != dash ? atoi(s + k) : -1;
    if (k == dash)
        o->value = -1;
    snprintf(o->type, sizeof o->type, "%.*s", (int)(tend - tstart), s + tstart);
    snprintf(o->code, sizeof o->code, "%.*s", (int)(c - cstart), s + cstart);
    if (o->value >= 0)
        snprintf(o->num, sizeof o->num, "%.*s-%s/%s", (int)(dend - k), s + k, o->type, o->code);
    else
        snprintf(o->num, sizeof o->num, "-%s/%s", o->type, o->code);
    return true;
}

/* A run of letters (ASCII and Đ/đ) and, when digits_too, digits from i,
 * starting with a capital; its end, or i when there is none. */
static size_t code_word(const char *s, size_t len, size_t i, bool digits_too)
{
    if (!(i < len && (is_upper_ascii(s[i]) || is_dd(s, len, i))))
        return i;
    while (i < len) {
        if (is_upper_ascii(s[i]) || is_lower_ascii(s[i]) || (digits_too && is_digit(s[i])))
            i++;
        else if (is_dd(s, len, i))
            i += 2;
        else
            break;
    }
    return i;
}

/* `số` (or `Số`) ending at b, spaces allowed between. */
static bool so_before(const char *s, size_t b)
{
    while (b > 0 && s[b - 1] == ' ')
        b--;
    size_t n = strlen("số");
    return b >= n && kh_word_start(s, b - n) &&
           (!memcmp(s + b - n, "số", n) || !memcmp(s + b - n, "Số", n));
}

/* The state form around the slash at j: `N/XX-YYY`, `N/yyyy/XX-YYY`, a
 * law's `N/yyyy/QHnn`; the code may have more parts (`KH-UBND-VX`). */
static bool state_num_at(const char *s, size_t len, size_t j, kh_found_num *o)
{
    size_t k = spaces_before(s, j, o);
    size_t dend = k;
    while (k > 0 && is_digit(s[k - 1]))
        k--;
    if (dend - k > 6 || (k > 0 && (s[k - 1] == '/' || s[k - 1] == '-' || s[k - 1] == '.' ||
                                   s[k - 1] == ',')) ||
        !kh_word_start(s, k))
        return false;
    bool blank = k == dend;
    if (blank && !(k >= 3 && (!memcmp(s + k - 3, "\xE2\x80\xA6", 3) || !memcmp(s + k - 3, "...", 3))) &&
        !so_before(s, k))
        return false;
    if (blank && dend != j)
        o->spaced = false; /* `số /KH-UBND`: the space is the one after số */
    size_t c = j + 1;
    while (c < len && s[c] == ' ') {
        c++;
        o->spaced = true;
    }
    /* `N/yyyy/…`: the year of a normative document. */
    size_t y = c;
    int year = 0;
    if (digits(s, len, &y, 4, &year) == 4 && y < len && s[y] == '/' && year >= 1945 && year <= 2999)
        c = y + 1;
    else
        year = 0;
    size_t tstart = c, tend = code_word(s, len, c, year != 0);
    if (tend == tstart || tend - tstart > 10)
        return false;
    size_t d = tend;
    while (d < len && s[d] == ' ')
        d++;
    size_t cstart = 0, cend = 0;
    if (d < len && s[d] == '-') {
        bool sp = d > tend;
        d++;
        while (d < len && s[d] == ' ') {
            d++;
            sp = true;
        }
        cstart = d;
        cend = code_word(s, len, d, true);
        if (cend == cstart)
            return false;
        o->spaced |= sp;
        /* Further parts: `KH-UBND-VX`. */
        while (cend + 1 < len && s[cend] == '-') {
            size_t e = code_word(s, len, cend + 1, true);
            if (e == cend + 1)
                break;
            cend = e;
        }
    } else if (!year) {
        return false;
    }
    size_t end = cend ? cend : tend;
    if (!kh_word_end(s, len, end) || (end < len && (s[end] == '/' || s[end] == '-')))
        return false;
    o->state_form = true;
    o->start = k;
    o->end = end;
    o->year = year;
    o->value = blank ? -1 : atoi(s + k);
    if (cend) {
        snprintf(o->type, sizeof o->type, "%.*s", (int)(tend - tstart), s + tstart);
        snprintf(o->code, sizeof o->code, "%.*s", (int)(cend - cstart), s + cstart);
    } else {
        o->law = true;
        snprintf(o->code, sizeof o->code, "%.*s", (int)(tend - tstart), s + tstart);
    }
    char yy[8] = "";
    if (year)
        snprintf(yy, sizeof yy, "%d/", year);
    snprintf(o->num, sizeof o->num, "%.*s/%s%s%s%s", (int)(dend - k), s + k, yy, o->type,
             cend ? "-" : "", o->code);
    return true;
}

/* What comes with a number: `số` before it, its date, `của <body>`. */
static void cite_context(const char *s, size_t len, kh_found_num *o)
{
    size_t k = o->start, c = o->end;
    /* `số ` before it. */
    size_t b = k;
    while (b > 0 && s[b - 1] == ' ')
        b--;
    o->cite_start = k;
    if (so_before(s, k)) {
        o->has_so = true;
        o->cite_start = b - strlen("số");
    }
    /* Its date: `[,] ngày d/m/yyyy` or the long form. */
    size_t d = c;
    if (d < len && s[d] == ',') {
        d++;
        o->comma_before_date = true;
    }
    d = skip_sp(s, len, d);
    size_t after = c;
    if (long_date_at(s, len, d, &o->date)) {
        o->has_date = true;
        after = o->date.end;
    } else if (word_at(s, len, d, "ngày", &d) &&
               short_date_at(s, len, skip_sp(s, len, d), &o->date)) {
        o->has_date = true;
        after = o->date.end;
    } else {
        o->comma_before_date = false;
    }
    /* `của <body>` */
    size_t q = skip_sp(s, len, after < len && s[after] == ',' ? after + 1 : after);
    size_t e;
    if (word_at(s, len, q, "của", &e)) {
        o->body_start = skip_sp(s, len, e);
        size_t z = o->body_start;
        while (z < len && !strchr(",;().:“\"", s[z]) && z - o->body_start < 160) {
            size_t w;
            if (z > o->body_start && s[z - 1] == ' ' && (word_at(s, len, z, "về", &w) ||
                                                         word_at(s, len, z, "khóa", &w) ||
                                                         word_at(s, len, z, "khoá", &w) ||
                                                         word_at(s, len, z, "ngày", &w)))
                break;
            z++;
        }
        while (z > o->body_start && s[z - 1] == ' ')
            z--;
        o->body_end = z;
    }
}

bool kh_next_docnum(const char *s, size_t len, size_t from, kh_found_num *o)
{
    for (size_t j = from; j < len; j++) {
        const char *slash = memchr(s + j, '/', len - j);
        if (!slash)
            break;
        j = (size_t)(slash - s);
        memset(o, 0, sizeof *o);
        if (!party_num_at(s, len, j, o)) {
            memset(o, 0, sizeof *o);
            if (!state_num_at(s, len, j, o))
                continue;
        }
        cite_context(s, len, o);
        return true;
    }
    return false;
}

/* ---- ranges ---- */

/* A year (1000–2999) or a short date at i; sets *end. */
static bool year_or_date_at(const char *s, size_t len, size_t i, int *year,
                            kh_date *date, bool *is_date, size_t *end)
{
    kh_found_date fd;
    if (short_date_at(s, len, i, &fd)) {
        *year = fd.date.year;
        *date = fd.date;
        *is_date = true;
        *end = fd.end;
        return true;
    }
    if (i && (is_digit(s[i - 1]) || s[i - 1] == '/'))
        return false;
    size_t j = i;
    int y;
    if (digits(s, len, &j, 4, &y) != 4 || y < 1000 || y > 2999)
        return false;
    if (j < len && (is_digit(s[j]) || s[j] == '/'))
        return false;
    *year = y;
    *is_date = false;
    *end = j;
    return true;
}

bool kh_next_range(const char *s, size_t len, size_t from, kh_found_range *o)
{
    for (size_t i = from; (i = kh_skip_to(s, len, i, KH_DIGITS)) < len; i++) {
        int y1, y2;
        kh_date d1 = {0}, d2 = {0};
        bool dt1, dt2;
        size_t e1, e2;
        if (!year_or_date_at(s, len, i, &y1, &d1, &dt1, &e1))
            continue;
        size_t j = skip_sp(s, len, e1);
        bool sp = j > e1;
        size_t dash = j;
        if (j < len && s[j] == '-')
            j++;
        else if (j + 3 <= len && !memcmp(s + j, "–", 3))
            j += 3;
        else {
            i = e1 - 1;
            continue;
        }
        size_t k = skip_sp(s, len, j);
        sp = sp || k > j;
        if (!year_or_date_at(s, len, k, &y2, &d2, &dt2, &e2) || dt1 != dt2) {
            i = e1 - 1;
            continue;
        }
        o->start = i;
        o->end = e2;
        o->dash = dash;
        o->y1 = y1;
        o->y2 = y2;
        o->d1 = d1;
        o->d2 = d2;
        o->dates = dt1;
        o->spaced = sp;
        o->paren = i > 0 && s[i - 1] == '(' && e2 < len && s[e2] == ')';
        return true;
    }
    return false;
}

/* ---- tables ---- */

#define TABLE_WALK_DEPTH 64 /* the loader's section depth is far below this */

void kh_walk_tables(const kh_plan *p, kh_rule_ctx *cx, kh_table_fn fn)
{
    struct frame {
        const kh_section *s;
        size_t n, i;
    } st[TABLE_WALK_DEPTH];
    for (int part = 0; part < 2; part++) {
        int top = 0;
        st[0] = (struct frame){part ? p->annexes : p->sections,
                               part ? p->n_annexes : p->n_sections, 0};
        while (top >= 0) {
            if (st[top].i >= st[top].n) {
                top--;
                continue;
            }
            const kh_section *s = &st[top].s[st[top].i++];
            if (s->table.pos.line && s->table.n_rows && s->table.n_cols)
                fn(&s->table, cx);
            if (s->n_sections && top + 1 < TABLE_WALK_DEPTH) {
                top++;
                st[top] = (struct frame){s->sections, s->n_sections, 0};
            }
        }
    }
}

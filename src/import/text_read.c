/* text_read.c — plain UTF-8 text (.txt, standard input) as paragraphs: a
 * blank line ends one, and so does, inside a block of hard-wrapped lines
 * (pdftotext's output of an issued PDF has no blank line between
 * paragraphs), a line that opens a paragraph after a short or closed one;
 * a paragraph's lines are kept (joined later where they are running text).
 * Text copied out of a PDF is mended: a page number (alone at the top or
 * the bottom of a page, or alone between blank lines in text without form
 * feeds) is dropped, a word hyphenated at a line end is joined, a
 * paragraph cut by a page break (the next one starting in lower case after
 * no closing punctuation) is joined again, a table pdftotext gave cell by
 * cell (a `TT` heading, rows numbered 1, 2, …) gets its rows and cells as
 * a DOCX table has them, its heading repeated after a page break dropped;
 * `pdftotext -layout` text (what the docs advise: it keeps a table's
 * columns) has its header and its Nơi nhận / signature block, side by
 * side on the page, cut into their two columns, and its tables read by
 * the columns of their words, into the cell-by-cell form. Each mending
 * has a located note, so nothing changes silently. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "kehoach/import.h"

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\f')
            return false;
    return true;
}

/* "12", "- 12 -", "Trang 3": a page number on its own. */
static bool is_page_number(const char *s)
{
    if (!strncmp(s, "Trang ", 6))
        s += 6;
    while (*s == '-' || *s == ' ')
        s++;
    size_t digits = 0;
    while (*s >= '0' && *s <= '9')
        s++, digits++;
    while (*s == '-' || *s == ' ')
        s++;
    return digits > 0 && digits <= 3 && !*s;
}

/* Whether the n bytes at s (not NUL-terminated: a line of the input) start
 * with a lower-case letter. */
static bool starts_lower(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = n ? kh_utf8_decode(s, n, &cp) : 0;
    if (!k)
        return false;
    return utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_LL;
}

/* The paragraph stops mid-sentence: its last character (bold marks aside)
 * is a letter, a digit or a comma. */
static bool ends_open(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '*'))
        n--;
    size_t k = n;
    while (k && ((unsigned char)s[k - 1] & 0xC0) == 0x80)
        k--;
    if (!k)
        return false;
    uint32_t cp;
    if (!kh_utf8_decode(s + k - 1, n - k + 1, &cp))
        return false;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return cp == ',' || (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
           c == UTF8PROC_CATEGORY_ND;
}

/* ---- paragraphs inside a block ----
 * Text that pdftotext takes out of an issued PDF has no blank line between
 * paragraphs: a page is one block of hard-wrapped lines. A block of several
 * lines is cut again where a line reads as the start of a paragraph: a
 * heading number, a dash item, the words that open a part of a plan, or
 * any line after a short line (short against the document's full justified
 * width) that closes a sentence or ends a heading. */

#define WIDTH_BINS 1024

/* Full-line width: the 80th percentile of line lengths (code points) over
 * lines of 30 or more; 0 when too few lines to tell. */
static unsigned full_width(const char *data, size_t len)
{
    unsigned *bins = calloc(WIDTH_BINS, sizeof *bins), total = 0, w = 0;
    if (!bins)
        return 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - data) : len;
        size_t n = kh_utf8_count(data + i, e - i);
        if (n >= 30) {
            bins[n < WIDTH_BINS ? n : WIDTH_BINS - 1]++;
            total++;
        }
        i = e + 1;
    }
    if (total >= 8) {
        unsigned seen = 0;
        for (w = 0; w < WIDTH_BINS && 5 * (seen + bins[w]) < 4 * total; w++)
            seen += bins[w];
    }
    free(bins);
    return w;
}

/* A heading number at s: `I.`/`II-` (Roman), `1.`/`1.2.`/`1-`, `a)`. */
static bool heading_number(const char *s)
{
    size_t k = strspn(s, "IVXLC");
    if (k && (s[k] == '.' || s[k] == '-') && s[k + 1] == ' ')
        return true;
    k = 0;
    while (s[k] >= '0' && s[k] <= '9') {
        while (s[k] >= '0' && s[k] <= '9')
            k++;
        if (s[k] != '.' && s[k] != '-')
            return false;
        k++;
        if (s[k] == ' ')
            return k <= 12;
    }
    return s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && s[2] == ' ';
}

static bool starts_with_any(const char *s, const char *const *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strncmp(s, words[i], strlen(words[i])))
            return true;
    return false;
}

/* The line opens a part of a plan whatever ends the line before: the words
 * that open a căn cứ line, an intro, Nơi nhận, the signature, an annex —
 * capitalised, they do not start a wrapped line of running text. */
static bool opens_part(const char *s)
{
    static const char *const words[] = {"Nơi nhận", "T/M ", "TM. ", "KT. ", "K/T ",
                                        "Căn cứ ", "Thực hiện ", "Phụ lục"};
    return starts_with_any(s, words, sizeof words / sizeof words[0]);
}

/* The line opens a heading or an item: a paragraph when the line before
 * is short or closed (a wrapped line may start "- 2025)" or "1. "). */
static bool opens_paragraph(const char *s)
{
    static const char *const words[] = {"- ", "+ ", "\xE2\x80\xA2 "};
    return starts_with_any(s, words, sizeof words / sizeof words[0]) || heading_number(s);
}

static bool closes_sentence(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '*'))
        n--;
    if (n >= 3 && !memcmp(s + n - 3, "\xE2\x80\xA6", 3)) /* … */
        return true;
    return n && strchr(".;:!?", s[n - 1]);
}

static bool starts_upper_or_digit(const char *s, size_t n)
{
    uint32_t cp;
    size_t k = n ? kh_utf8_decode(s, n, &cp) : 0;
    if (!k)
        return false;
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_ND || cp == '"' ||
           cp == 0x201C /* “ */ || cp == '(';
}

/* No lower-case letter in the n bytes at s (and at least one letter). */
static bool all_caps(const char *s, size_t n)
{
    bool letter = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = kh_utf8_decode(s + i, n - i, &cp);
        if (!k)
            return false;
        utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
        if (c == UTF8PROC_CATEGORY_LL)
            return false;
        letter |= c == UTF8PROC_CATEGORY_LU;
        i += k;
    }
    return letter;
}

typedef struct block_line {
    size_t off, len;  /* in the block's text */
    unsigned cps;
    bool glued;       /* joined to the line before it (a hyphenated word) */
    bool page_start;  /* the first line of a page (a form feed before it) */
    unsigned page;    /* 1 + the form feeds before it */
} block_line;

/* A paragraph read, before the page numbers, tables and page-break joins
 * are decided (finish). */
typedef struct tpara {
    char *text;
    unsigned line;
    unsigned page;        /* 1 + the form feeds before its first line */
    bool page_start;      /* its first line is the first of a page */
    bool drop;            /* a page number or a repeated table heading */
    bool unsure;          /* a table row's first cell, its cells run together */
    unsigned table, row, cell;
} tpara;

typedef struct reader {
    const char *path;
    kh_src *doc;
    kh_diags *d;
    bool overflow;
    unsigned width;
    bool has_ff;          /* the input has form feeds (pdftotext's pages) */
    tpara *p;
    size_t n, cap;
    const unsigned *map; /* -layout text rewritten: its line i + 1 → the input's */
    size_t n_map;
    unsigned *unsure_at; /* input lines of -layout tables kept as text */
    size_t n_unsure, cap_unsure;
} reader;

/* One paragraph of the input, held for finish(). */
static void emit(reader *rd, const char *t, size_t n, unsigned line, unsigned page, bool page_start)
{
    if (rd->overflow)
        return;
    if (rd->map && line >= 1 && line <= rd->n_map)
        line = rd->map[line - 1];
    if (rd->n >= KH_IMPORT_MAX_PARAS) {
        kh_diag(rd->d, rd->path, (kh_pos){line, 1}, KH_ERROR, "IMPORT-PARAS",
                "more than %u paragraphs; the rest is not read",
                "quá %u đoạn; phần còn lại không được đọc", KH_IMPORT_MAX_PARAS);
        rd->overflow = true;
        return;
    }
    KH_GROW(rd->p, rd->n, rd->cap);
    rd->p[rd->n++] = (tpara){kh_strndup(t, n), line, page, page_start, false, false, 0, 0, 0};
}

static bool is_heading_cell(const char *s)
{
    return !strcmp(s, "TT") || !strcmp(s, "STT") || !strcmp(s, "Số TT");
}

/* s is the decimal number k. */
static bool is_number(const char *s, unsigned k)
{
    char buf[16];
    snprintf(buf, sizeof buf, "%u", k);
    return !strcmp(s, buf);
}

/* A paragraph that is not a table cell: a line as wide as the page's
 * text, a heading number, the words that open a part of the plan. */
static bool body_like(const reader *rd, const char *s)
{
    if (opens_part(s) || heading_number(s))
        return true;
    for (const char *l = s; rd->width && *l;) {
        size_t n = strcspn(l, "\n");
        if (100u * kh_utf8_count(l, n) >= 85u * rd->width)
            return true;
        l += n + (l[n] == '\n');
    }
    return false;
}

static bool para_closes(const char *s)
{
    const char *last = strrchr(s, '\n');
    last = last ? last + 1 : s;
    return closes_sentence(last, strlen(last));
}

#define TABLE_ROWS_MAX 1000
#define ROW_CELLS_MAX (2 * KH_TABLE_MAX_COLS) /* a row's paragraphs looked at */

/* A table pdftotext gave cell by cell from paragraph h on (h holds `TT`):
 * the heading cells up to the paragraph `1`, then rows each opened by its
 * number. A heading repeated after a page break (its cells may come among
 * the row's) is dropped; a row with fewer cells than the heading (cells
 * pdftotext ran together) keeps its last cell in the last column, and says
 * so. Not a table — nothing marked — when the heading is not followed by
 * `1`, a row has more cells than the heading, every row is short, or the
 * text after the last row reads as a cell (the heading was cut short:
 * pdftotext laid the columns out of order); then the `TT` paragraph is
 * marked unsure, for the recogniser to say the table stayed text. Returns
 * the paragraph after the table, or h + 1. */
static size_t text_table(reader *rd, size_t h, unsigned id)
{
    tpara *P = rd->p;
    size_t n = rd->n, one = 0;
    unsigned cols = 0;
    for (size_t j = h; j < n && j <= h + KH_TABLE_MAX_COLS && !one; j++) {
        if (P[j].drop)
            continue;
        if (j > h && is_number(P[j].text, 1))
            one = j;
        else if (body_like(rd, P[j].text) || (j > h && is_heading_cell(P[j].text)))
            return h + 1;
        else
            cols++;
    }
    if (!one || cols < 2 || cols > KH_TABLE_MAX_COLS)
        return h + 1;
    /* the assignment, kept aside until the table is sure */
    size_t span = 0, cap = 0;
    struct at { size_t i; unsigned row, cell; bool repeat; } *v = NULL;
    unsigned c = 0;
    for (size_t j = h; j < one; j++)
        if (!P[j].drop) {
            KH_GROW(v, span, cap);
            v[span++] = (struct at){j, 0, c++, false};
        }
    unsigned rows = 0, short_rows = 0, pending = 0; /* heading cells still to come again */
    struct short_row { size_t at; } *sr = NULL;
    size_t n_sr = 0, cap_sr = 0;
    size_t q = one;
    bool ok = true;
    for (unsigned k = 1; ok && k <= TABLE_ROWS_MAX && q < n && is_number(P[q].text, k); k++) {
        /* row k: its paragraphs from q to the number k + 1, or cols cells */
        size_t row_from = span, end = q;
        unsigned cnt = 0;
        for (size_t j = q; j < n && j < q + ROW_CELLS_MAX + cols; j++) {
            end = j;
            if (P[j].drop)
                continue;
            const char *t = P[j].text;
            if (j > q && is_number(t, k + 1) && cnt >= 2)
                break;
            if (j > q && !strcmp(t, P[v[0].i].text)) {
                pending = (1u << cols) - 2; /* cells 1 … cols-1 */
                KH_GROW(v, span, cap);
                v[span++] = (struct at){j, 0, 0, true};
                continue;
            }
            bool rep = false;
            for (unsigned hc = 1; hc < cols && pending && !rep; hc++)
                if ((pending >> hc & 1) && !strcmp(t, P[v[hc].i].text)) {
                    pending &= ~(1u << hc);
                    rep = true;
                }
            if (rep) {
                KH_GROW(v, span, cap);
                v[span++] = (struct at){j, 0, 0, true};
                continue;
            }
            if (cnt == cols || (j > q && body_like(rd, t))) {
                end = j;
                break;
            }
            KH_GROW(v, span, cap);
            v[span++] = (struct at){j, k, cnt++, false};
            end = j + 1;
        }
        if (cnt > cols || cnt < 2) {
            ok = false;
            break;
        }
        rows++;
        if (cnt < cols) {
            short_rows++;
            /* the last cell in the last column: a deadline, a remark */
            for (size_t a = span; a-- > row_from;)
                if (!v[a].repeat) {
                    v[a].cell = cols - 1;
                    break;
                }
            KH_GROW(sr, n_sr, cap_sr);
            sr[n_sr++] = (struct short_row){q};
        }
        q = end;
        while (q < n && P[q].drop)
            q++;
    }
    /* what follows the last row reads as the text after a table */
    if (ok && q < n && !body_like(rd, P[q].text) && !para_closes(P[q].text) &&
        !is_heading_cell(P[q].text))
        ok = false;
    if (!ok || !rows || short_rows == rows) {
        /* a heading and a row 1, but not laid out row by row (pdftotext
         * gives some tables column by column): kept as text, and said */
        P[h].unsure = true;
        free(v);
        free(sr);
        return h + 1;
    }
    /* said by the recogniser, in the YAML and on stderr, at the row */
    for (size_t a = 0; a < n_sr; a++)
        P[sr[a].at].unsure = true;
    free(sr);
    for (size_t a = 0; a < span; a++) {
        tpara *t = &P[v[a].i];
        if (v[a].repeat) {
            t->drop = true;
            char *quote = kh_strdup(t->text); /* the quote on one line */
            for (char *ch = quote; *ch; ch++)
                if (*ch == '\n')
                    *ch = ' ';
            kh_diag(rd->d, rd->path, (kh_pos){t->line, 1}, KH_NOTE, "IMPORT-TABLE-HEADING",
                    "'%s' repeats the table's heading after a page break: left out",
                    "'%s' lặp lại tiêu đề bảng sau ngắt trang: bỏ đi", quote);
            free(quote);
        } else {
            t->table = id;
            t->row = v[a].row;
            t->cell = v[a].cell;
        }
    }
    free(v);
    return q;
}

static void drop_page_number(reader *rd, tpara *t)
{
    t->drop = true;
    kh_diag(rd->d, rd->path, (kh_pos){t->line, 1}, KH_NOTE, "IMPORT-PAGE-NUMBER",
            "'%s' alone on its line is taken as a page number and left out",
            "'%s' đứng riêng một dòng được coi là số trang và bỏ đi", t->text);
}

/* The page number a number alone at the edge of page `page` can be: the
 * page itself, or one less (a cover page not counted). */
static bool page_fits(const char *s, unsigned page)
{
    while (*s && (*s < '0' || *s > '9'))
        s++;
    unsigned v = (unsigned)strtoul(s, NULL, 10);
    return v == page || v + 1 == page;
}

/* The paragraphs read → the document: page numbers dropped (at a page's
 * edge first; then, in text without form feeds, any number alone that no
 * table holds), tables marked, a paragraph a page break cut joined to the
 * one before. */
static void finish(reader *rd)
{
    tpara *P = rd->p;
    for (size_t i = 0; i < rd->n; i++) {
        bool edge = P[i].page_start || (i + 1 < rd->n && P[i + 1].page_start &&
                                        P[i + 1].page > P[i].page);
        if (edge && is_page_number(P[i].text) && page_fits(P[i].text, P[i].page))
            drop_page_number(rd, &P[i]);
    }
    unsigned tables = 0;
    for (size_t i = 0; i < rd->n;) {
        if (P[i].drop || !is_heading_cell(P[i].text)) {
            i++;
            continue;
        }
        size_t next = text_table(rd, i, tables + 1);
        if (P[i].table)
            tables++;
        i = next > i ? next : i + 1;
    }
    for (size_t i = 0; i < rd->n; i++)
        if (!rd->has_ff && !P[i].drop && !P[i].table && is_page_number(P[i].text))
            drop_page_number(rd, &P[i]);
    /* a -layout table kept as text: its first paragraph, for the recogniser */
    for (size_t u = 0, i = 0; u < rd->n_unsure && i < rd->n; i++) {
        while (u < rd->n_unsure && rd->unsure_at[u] < P[i].line)
            u++;
        if (u < rd->n_unsure && P[i].line >= rd->unsure_at[u] && !P[i].drop && !P[i].table) {
            P[i].unsure = true;
            u++;
        }
    }
    kh_src *doc = rd->doc;
    bool last_table = false;
    for (size_t i = 0; i < rd->n; i++) {
        tpara *t = &P[i];
        if (t->drop)
            continue;
        size_t n = strlen(t->text);
        if (!t->table && !last_table && doc->n && starts_lower(t->text, n) &&
            ends_open(doc->v[doc->n - 1].text) && strncmp(t->text, "- ", 2)) {
            kh_para *p = &doc->v[doc->n - 1];
            kh_buf j = {0};
            kh_buf_printf(&j, "%s\n%s", p->text, t->text);
            free(p->text);
            p->text = kh_buf_take(&j);
            kh_diag(rd->d, rd->path, (kh_pos){t->line, 1}, KH_NOTE, "IMPORT-JOINED",
                    "joined to the paragraph before it (line %u): it starts in lower "
                    "case after no closing punctuation, as where a page break cut it",
                    "nối vào đoạn trước (dòng %u): đoạn bắt đầu bằng chữ thường, đoạn "
                    "trước không có dấu kết thúc, như chỗ ngắt trang cắt đoạn",
                    p->line);
            continue;
        }
        if (!kh_src_add(doc, t->text, n, t->line,
                        (t->table ? KH_PARA_TABLE : 0) | (t->unsure ? KH_PARA_UNSURE : 0)))
            break; /* rd->n is bounded by the same limit */
        doc->v[doc->n - 1].table = t->table;
        doc->v[doc->n - 1].row = t->row;
        doc->v[doc->n - 1].cell = t->cell;
        last_table = t->table != 0;
    }
    for (size_t i = 0; i < rd->n; i++)
        free(P[i].text);
    free(P);
    rd->p = NULL;
    rd->n = rd->cap = 0;
}

/* Whether a new paragraph starts at line k of the block (k >= 1); `first`
 * is the first line of the paragraph being built. */
static bool cut_before(const reader *rd, const char *t, const block_line *l, size_t k, size_t first)
{
    const block_line *prev = &l[k - 1], *cur = &l[k];
    if (cur->glued)
        return false;
    const char *c = t + cur->off;
    /* `TT` on its own line: a table's first heading cell (pdftotext gives
     * it glued to the paragraph before) */
    if ((cur->len == 2 && !memcmp(c, "TT", 2)) || (cur->len == 3 && !memcmp(c, "STT", 3)) ||
        (prev->len == 2 && !memcmp(t + prev->off, "TT", 2)) ||
        (prev->len == 3 && !memcmp(t + prev->off, "STT", 3)))
        return true;
    bool short_prev = rd->width && 100u * prev->cps < 85u * rd->width;
    bool closed = closes_sentence(t + prev->off, prev->len);
    if (opens_part(c) || (opens_paragraph(c) && (short_prev || closed)))
        return true;
    if (!short_prev || !starts_upper_or_digit(c, cur->len))
        return false;
    /* After a short line: a justified line starts a paragraph (the short
     * one ended the last, or a centred title); among short lines (a title,
     * a header), the end of a sentence (a colon leads on) or of a heading. */
    if (100u * cur->cps >= 85u * rd->width)
        return true;
    /* a heading in capitals wrapped onto a line of capitals goes on */
    if (heading_number(t + l[first].off) && all_caps(t + l[first].off, l[first].len) &&
        all_caps(c, cur->len))
        return false;
    size_t pn = prev->len;
    while (pn && t[prev->off + pn - 1] == ' ')
        pn--;
    return (closed && pn && t[prev->off + pn - 1] != ':') || heading_number(t + l[first].off);
}

static bool line_is_page_number(const char *t, const block_line *l)
{
    char buf[32];
    if (l->len >= sizeof buf)
        return false;
    memcpy(buf, t + l->off, l->len);
    buf[l->len] = '\0';
    return is_page_number(buf);
}

static void flush_block(reader *rd, const char *t, const block_line *l, size_t n, unsigned start_line)
{
    size_t first = 0;
    /* pdftotext starts a page with its number, on the block's first line:
     * alone, it is dropped (emit), and the text after it may join the
     * paragraph the page break cut. */
    if (n > 1 && (l[0].page_start || rd->width) && line_is_page_number(t, &l[0])) {
        emit(rd, t + l[0].off, l[0].len, start_line, l[0].page, l[0].page_start);
        first = 1;
    }
    for (size_t k = first + 1; k <= n; k++) {
        if (k < n && (!rd->width || !cut_before(rd, t, l, k, first)))
            continue;
        size_t a = l[first].off, b = l[k - 1].off + l[k - 1].len;
        emit(rd, t + a, b - a, start_line + (unsigned)first, l[first].page, l[first].page_start);
        first = k;
    }
}

/* ---- pdftotext -layout: two columns side by side ----
 * The header (issuer and number on the left, the motto, place and date on
 * the right) and the block of Nơi nhận and the signature are two columns
 * on the page; `pdftotext -layout` keeps them side by side on each line.
 * Each of the two is rewritten as its left column's lines, then its right
 * column's, as pdftotext without -layout gives them; a line map keeps the
 * notes at the input's lines. Without a gap of three spaces inside such a
 * line (plain pdftotext) nothing changes. */

typedef struct span {
    size_t a, e; /* a line of the input, without its '\n' */
} span;

/* The first gap of three or more spaces after text in s[0, n) that ends
 * at code point column `from` or after: the offset where the text after it
 * starts, or 0. */
static size_t right_start(const char *s, size_t n, size_t from)
{
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\f'))
        k++;
    while (k < n) {
        if (s[k] != ' ') {
            k++;
            continue;
        }
        size_t g = k;
        while (g < n && s[g] == ' ')
            g++;
        if (g - k >= 3 && g < n && kh_utf8_count(s, g) >= from)
            return g;
        k = g;
    }
    return 0;
}

static size_t indent_of(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\f'))
        k++;
    return k;
}

static bool line_starts(const char *s, size_t n, const char *w)
{
    size_t k = indent_of(s, n), wl = strlen(w);
    return n - k >= wl && !memcmp(s + k, w, wl);
}

typedef struct relaid {
    kh_buf out;
    unsigned *map; /* output line i + 1 → input line */
    size_t n, cap;
} relaid;

static void put_line(relaid *o, const char *s, size_t n, unsigned in_line)
{
    kh_buf_put(&o->out, s, n);
    kh_buf_putc(&o->out, '\n');
    KH_GROW(o->map, o->n, o->cap);
    o->map[o->n++] = in_line;
}

/* Whether the text s[a, b) (no space at either end) is a line of a
 * centred right column whose head starts at code point col + 2: it starts
 * at col or after, or, longer than the head (a signer's name under `T/M
 * CHI BỘ` / `BÍ THƯ`), it starts a little left of the column, in the
 * page's right half of the left column's width, with its middle at or
 * right of the column's start. */
static bool centred_right(const char *s, size_t a, size_t b, size_t col)
{
    size_t st = kh_utf8_count(s, a), w = kh_utf8_count(s + a, b - a);
    if (st >= col)
        return true;
    return st * 2 >= col && st * 2 + w >= col * 2 + 4;
}

/* The right column's start in s[0, n): as right_start(s, n, col), or,
 * failing that, the text after the line's last gap of three spaces or more
 * when that text, to the line's end, is a centred line of the right
 * column (centred_right); 0 when the line has no right column. */
static size_t right_of(const char *s, size_t n, size_t col)
{
    size_t rs = right_start(s, n, col);
    if (rs)
        return rs;
    size_t b = n;
    while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '\r'))
        b--;
    size_t last = 0;
    for (size_t g = right_start(s, b, 0); g;) {
        last = g;
        size_t next = right_start(s + g, b - g, 0);
        g = next ? g + next : 0;
    }
    return last && centred_right(s, last, b, col) ? last : 0;
}

/* Lines [from, to) as their left column, then their right one. The right
 * column starts where the first line's does (the motto beside the
 * issuer, the authority beside `Nơi nhận:`); text in between, such as a
 * group's role beside its Nơi nhận lines, is the left column's. A centred
 * line of the right column longer than its head (the signer's name) may
 * start a little left of it: it is the right column's by its middle
 * (centred_right), beside a left line or on its own. */
static void split_region(relaid *o, const char *data, const span *ln, size_t from, size_t to)
{
    size_t col = 0; /* the right column's start, in code points, less 2 */
    for (size_t k = from; k < to && !col; k++) {
        const char *s = data + ln[k].a;
        size_t rs = right_start(s, ln[k].e - ln[k].a, 0);
        if (rs)
            col = kh_utf8_count(s, rs) > 2 ? kh_utf8_count(s, rs) - 2 : 1;
    }
    for (int side = 0; side < 2; side++) {
        for (size_t k = from; k < to; k++) {
            const char *s = data + ln[k].a;
            size_t n = ln[k].e - ln[k].a, rs = right_of(s, n, col), ind = indent_of(s, n);
            if (ind == n)
                continue;
            size_t a, b;
            if (rs) {
                a = side ? rs : ind;
                b = side ? n : rs;
            } else {
                size_t e = n;
                while (e > ind && (s[e - 1] == ' ' || s[e - 1] == '\r'))
                    e--;
                bool right = centred_right(s, ind, e, col);
                if (right != (side == 1))
                    continue;
                a = ind, b = n;
            }
            while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\r'))
                b--;
            /* text between the columns (a Nơi nhận group's role beside
             * its lines): a line of its own, after the left one's */
            size_t mid = side ? 0 : right_start(s, b, 0);
            size_t lb = mid ? mid : b;
            while (mid && lb > a && s[lb - 1] == ' ')
                lb--;
            put_line(o, s + a, lb - a, (unsigned)k + 1);
            if (mid)
                put_line(o, s + mid, b - mid, (unsigned)k + 1);
        }
        put_line(o, "", 0, (unsigned)to);
    }
}

static bool has_gap(const char *data, const span *ln, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (right_start(data + ln[k].a, ln[k].e - ln[k].a, 0))
            return true;
    return false;
}

/* ---- pdftotext -layout: a table's columns ----
 * A table in -layout text is a heading line opening `TT` (or `STT`) and a
 * gap, then rows each opening with its number and a gap, their cells'
 * lines side by side. The columns are the runs of positions that some row
 * line fills, between gutters no row line fills; the heading's words go
 * to the column they stand over. The table is rewritten cell by cell, one
 * block each, as pdftotext without -layout gives a table, for text_table
 * to read; a heading repeated after a page break is left out, and so is a
 * page number (each said there). A table whose heading words fall two in
 * one column (columns pdftotext set too close to tell apart) stays as it
 * is, its first paragraph marked for the recogniser to say so. */

#define LT_MAX_LINES 2000 /* lines of one table looked at */
#define LT_MAX_WIDTH 400  /* code points of a line looked at */

/* The line opens with the decimal number k, then a gap of two spaces. */
static bool lt_row_start(const char *s, size_t n, unsigned k)
{
    size_t i = indent_of(s, n);
    if (i > 4)
        return false;
    char buf[16];
    int w = snprintf(buf, sizeof buf, "%u", k);
    return n - i > (size_t)w + 2 && !memcmp(s + i, buf, (size_t)w) && s[i + w] == ' ' &&
           s[i + w + 1] == ' ';
}

static bool lt_heading(const char *s, size_t n)
{
    size_t i = indent_of(s, n);
    if (i > 4)
        return false;
    for (int k = 0; k < 2; k++) {
        const char *w = k ? "STT  " : "TT  ";
        size_t wl = strlen(w);
        if (n - i > wl && !memcmp(s + i, w, wl))
            return true;
    }
    return false;
}

/* A word of a line: its code point column and bytes. */
typedef struct lt_word {
    unsigned col, cps;
    size_t a, e;
} lt_word;

static size_t lt_words(const char *s, size_t n, lt_word *w, size_t max)
{
    size_t k = 0, col = 0;
    for (size_t i = 0; i < n && k < max;) {
        if (s[i] == ' ' || s[i] == '\f' || s[i] == '\t' || s[i] == '\r') {
            i++, col++;
            continue;
        }
        size_t a = i;
        while (i < n && s[i] != ' ' && s[i] != '\f' && s[i] != '\t' && s[i] != '\r')
            i++;
        unsigned c = (unsigned)kh_utf8_count(s + a, i - a);
        w[k++] = (lt_word){(unsigned)col, c, a, i};
        col += c;
    }
    return k;
}

#define LT_WORDS 128

/* The cell texts of lines [from, to) by column (bounds[c] the first code
 * point of column c, ncol of them), appended to cell[c] ('\n' between
 * lines), each cell's first line noted in at[c]. by_middle (a heading,
 * centred over its column): a run of words (one space apart) goes where
 * its middle is; else each word where it starts. */
static void lt_cells(const char *data, const span *ln, size_t from, size_t to,
                     const unsigned *bounds, unsigned ncol, kh_buf *cell, unsigned *at,
                     bool by_middle)
{
    for (size_t k = from; k < to; k++) {
        const char *s = data + ln[k].a;
        lt_word w[LT_WORDS];
        size_t nw = lt_words(s, ln[k].e - ln[k].a, w, LT_WORDS);
        unsigned last = ncol; /* the column of the line's word before */
        size_t run0 = 0, run1 = 0; /* by_middle: the words [run0, run1) one run */
        for (size_t j = 0; j < nw; j++) {
            if (j >= run1) {
                run0 = j;
                run1 = j + 1;
                while (run1 < nw && w[run1].col < w[run1 - 1].col + w[run1 - 1].cps + 2)
                    run1++;
            }
            unsigned mid = (w[run0].col + w[run1 - 1].col + w[run1 - 1].cps) / 2;
            unsigned pos = by_middle ? mid : w[j].col;
            unsigned c = 0;
            while (c + 1 < ncol && bounds[c + 1] <= pos)
                c++;
            if (cell[c].len) /* a word after one of this line, or a line after */
                kh_buf_putc(&cell[c], c == last ? ' ' : '\n');
            if (!at[c])
                at[c] = (unsigned)k + 1;
            kh_buf_put(&cell[c], s + w[j].a, w[j].e - w[j].a);
            last = c;
        }
    }
}

/* The columns of the row lines [a0, a1) (kind 1 or 2; r1 the first's
 * line): bounds[c] the first code point of column c. A column starts
 * where a word starts after two spaces or more in some line and no word
 * of any line runs across (cells may touch: pdftotext places each word
 * on its own), at least three code points after the column before (the
 * words of a centred column start a little apart). False when there are
 * fewer than two columns or too many. */
static bool lt_bounds(const char *data, const span *ln, size_t r1, const unsigned char *kind,
                      size_t a0, size_t a1, unsigned *bounds, unsigned *ncol)
{
    unsigned char across[LT_MAX_WIDTH + 1] = {0}, opens[LT_MAX_WIDTH + 1] = {0};
    unsigned width = 0;
    for (size_t a = a0; a < a1; a++) {
        if (kind[a] != 1 && kind[a] != 2)
            continue;
        const char *s = data + ln[r1 + a].a;
        lt_word w[LT_WORDS];
        size_t nw = lt_words(s, ln[r1 + a].e - ln[r1 + a].a, w, LT_WORDS);
        if (nw == LT_WORDS)
            return false; /* a line too long to be a table's: left as text */
        for (size_t j = 0; j < nw; j++) {
            unsigned c0 = w[j].col, c1 = w[j].col + w[j].cps;
            if (c1 > LT_MAX_WIDTH)
                c1 = LT_MAX_WIDTH;
            for (unsigned c = c0 + 1; c < c1; c++)
                across[c] = 1;
            unsigned before = j ? w[j - 1].col + w[j - 1].cps : 0;
            if (c0 < LT_MAX_WIDTH && c0 >= before + 2)
                opens[c0] = 1;
            if (c1 > width)
                width = c1;
        }
    }
    if (width >= LT_MAX_WIDTH)
        return false;
    unsigned n = 1;
    bounds[0] = 0;
    for (unsigned c = 1; c < width; c++) {
        if (!opens[c] || across[c] || c < bounds[n - 1] + 3)
            continue;
        if (n == KH_TABLE_MAX_COLS)
            return false;
        bounds[n++] = c;
    }
    *ncol = n;
    return n >= 2;
}

static void lt_put_block(relaid *o, const char *t, unsigned line)
{
    for (const char *l = t; *l;) {
        size_t n = strcspn(l, "\n");
        put_line(o, l, n, line);
        l += n + (l[n] == '\n');
    }
    put_line(o, "", 0, line);
}

/* The table from line h (its heading): rewritten into o, or, when it does
 * not read as one, its lines as they are. Returns the line after it. */
static size_t layout_table(relaid *o, const char *data, const span *ln, size_t n, size_t h,
                           reader *rd)
{
    size_t r1 = h + 1;
    while (r1 < n && r1 < h + 6 && !lt_row_start(data + ln[r1].a, ln[r1].e - ln[r1].a, 1))
        r1++;
    if (r1 >= n || !lt_row_start(data + ln[r1].a, ln[r1].e - ln[r1].a, 1)) {
        put_line(o, data + ln[h].a, ln[h].e - ln[h].a, (unsigned)h + 1);
        return h + 1;
    }
    size_t head_lines = r1 - h;
    /* the rows' lines: kind 1 a row's first, 2 a cell's next, 0 left out */
    size_t end = r1, cap = 0, m = 0;
    unsigned char *kind = NULL;
    unsigned k = 1;
    for (size_t j = r1; j < n && j - r1 < LT_MAX_LINES; j++) {
        const char *s = data + ln[j].a;
        size_t len = ln[j].e - ln[j].a, ind = indent_of(s, len);
        unsigned char kd;
        if (lt_row_start(s, len, k + (j > r1))) {
            kd = 1;
            k += j > r1;
        } else if (lt_heading(s, len)) {
            kd = 4; /* the heading again, after a page break */
        } else if (ind == len || memchr(s, '\f', len)) {
            /* a blank line, a page's end: the table goes on only where a
             * row, its heading again or a page number comes next */
            size_t q = j + 1;
            while (q < n && q < j + 4 && indent_of(data + ln[q].a, ln[q].e - ln[q].a) ==
                                             ln[q].e - ln[q].a)
                q++;
            bool on = q < n && (lt_row_start(data + ln[q].a, ln[q].e - ln[q].a, k + 1) ||
                                lt_heading(data + ln[q].a, ln[q].e - ln[q].a) ||
                                memchr(data + ln[q].a, '\f', ln[q].e - ln[q].a));
            if (ind == len && !on)
                break;
            kd = 0;
            if (ind < len) { /* a page number: its own block, dropped later */
                KH_GROW(kind, m, cap);
                kind[m++] = 3;
                end = j + 1;
                continue;
            }
        } else if (ind >= 3) {
            kd = 2;
        } else
            break;
        KH_GROW(kind, m, cap);
        kind[m++] = kd;
        end = j + 1;
    }
    /* the heading repeated: its lines left out */
    for (size_t a = 0; a < m; a++)
        if (kind[a] == 4)
            for (size_t b = a + 1; b < m && b < a + head_lines; b++)
                if (kind[b] != 1 && kind[b] != 3)
                    kind[b] = 5;
    /* the columns: as many as the heading line with the most runs of words
     * (two spaces or more apart) has; their places row by row, since
     * pdftotext places each row a little apart (the rows before give a
     * row that does not show them all) */
    unsigned ncol = 0;
    for (size_t j = h; j < r1; j++) {
        const char *s = data + ln[j].a;
        lt_word w[LT_WORDS];
        size_t nw = lt_words(s, ln[j].e - ln[j].a, w, LT_WORDS);
        if (nw == LT_WORDS)
            ncol = KH_TABLE_MAX_COLS + 1; /* too long a heading: no table */
        unsigned runs = nw ? 1 : 0;
        for (size_t x = 1; x < nw; x++)
            runs += w[x].col >= w[x - 1].col + w[x - 1].cps + 2;
        if (runs > ncol)
            ncol = runs;
    }
    bool ok = ncol >= 2 && ncol <= KH_TABLE_MAX_COLS;
    unsigned bounds[KH_TABLE_MAX_COLS + 1] = {0};
    unsigned *seg_bounds = kh_xcalloc(m + 1, sizeof *seg_bounds * (KH_TABLE_MAX_COLS + 1));
    size_t *seg_of = kh_xcalloc(m + 1, sizeof *seg_of);
    size_t seg = 0;
    bool have = false;
    for (size_t a0 = 0; a0 < m && ok;) {
        size_t a1 = a0 + 1;
        while (a1 < m && kind[a1] != 1)
            a1++;
        unsigned sb[KH_TABLE_MAX_COLS + 1] = {0}, sn = 0;
        if (kind[a0] == 1 && lt_bounds(data, ln, r1, kind, a0, a1, sb, &sn) && sn == ncol) {
            memcpy(seg_bounds + seg * (KH_TABLE_MAX_COLS + 1), sb, sizeof sb);
            if (!have)
                memcpy(bounds, sb, sizeof sb);
            have = true;
        } else if (have) {
            memcpy(seg_bounds + seg * (KH_TABLE_MAX_COLS + 1),
                   seg_bounds + (seg - 1) * (KH_TABLE_MAX_COLS + 1), sizeof sb);
        } else
            ok = false;
        for (size_t x = a0; x < a1; x++)
            seg_of[x] = seg;
        seg++;
        a0 = a1;
    }
    kh_buf head[KH_TABLE_MAX_COLS] = {{0}};
    unsigned head_at[KH_TABLE_MAX_COLS] = {0};
    if (ok && ncol >= 2) {
        lt_cells(data, ln, h, r1, bounds, ncol, head, head_at, true);
        /* two heading words apart on one line, in one column: the columns
         * are not told apart */
        for (size_t j = h; j < r1 && ok; j++) {
            const char *s = data + ln[j].a;
            lt_word w[LT_WORDS];
            size_t nw = lt_words(s, ln[j].e - ln[j].a, w, LT_WORDS);
            unsigned prev_col = ncol; /* the column of the run before */
            for (size_t x0 = 0; x0 < nw && ok;) {
                size_t x1 = x0 + 1;
                while (x1 < nw && w[x1].col < w[x1 - 1].col + w[x1 - 1].cps + 2)
                    x1++;
                unsigned mid = (w[x0].col + w[x1 - 1].col + w[x1 - 1].cps) / 2, c = 0;
                while (c + 1 < ncol && bounds[c + 1] <= mid)
                    c++;
                ok = c != prev_col;
                prev_col = c;
                x0 = x1;
            }
        }
        for (unsigned c = 0; c < ncol && ok; c++)
            ok = head[c].len > 0;
        ok = ok && (!strcmp(kh_buf_str(&head[0]), "TT") || !strcmp(kh_buf_str(&head[0]), "STT"));
    } else
        ok = false;
    if (!ok) {
        /* said by the recogniser at the paragraph of line h (finish) */
        KH_GROW(rd->unsure_at, rd->n_unsure, rd->cap_unsure);
        rd->unsure_at[rd->n_unsure++] = (unsigned)h + 1;
        for (unsigned c = 0; c < KH_TABLE_MAX_COLS; c++)
            kh_buf_free(&head[c]);
        for (size_t j = h; j < end; j++)
            put_line(o, data + ln[j].a, ln[j].e - ln[j].a, (unsigned)j + 1);
        free(kind);
        free(seg_bounds);
        free(seg_of);
        return end;
    }
    put_line(o, "", 0, (unsigned)h + 1);
    for (unsigned c = 0; c < ncol; c++)
        lt_put_block(o, kh_buf_str(&head[c]), head_at[c]);
    /* each row: its lines from its first to the next row's */
    for (size_t a = 0; a < m;) {
        size_t j = r1 + a;
        if (kind[a] == 3 || kind[a] == 5 || kind[a] == 4) {
            if (kind[a] == 3) { /* a page number: as it is, a block of its own */
                put_line(o, data + ln[j].a, ln[j].e - ln[j].a, (unsigned)j + 1);
                put_line(o, "", 0, (unsigned)j + 1);
            } else if (kind[a] == 4)
                kh_diag(rd->d, rd->path, (kh_pos){(unsigned)j + 1, 1}, KH_NOTE,
                        "IMPORT-TABLE-HEADING",
                        "the table's heading repeated after a page break: left out",
                        "tiêu đề bảng lặp lại sau ngắt trang: bỏ đi");
            a++;
            continue;
        }
        kh_buf cell[KH_TABLE_MAX_COLS] = {{0}};
        unsigned at[KH_TABLE_MAX_COLS] = {0};
        size_t b = a;
        do {
            const unsigned *sb = seg_bounds + seg_of[b] * (KH_TABLE_MAX_COLS + 1);
            if (kind[b] == 1 || kind[b] == 2)
                lt_cells(data, ln, r1 + b, r1 + b + 1, sb, ncol, cell, at, false);
            else if (kind[b] == 3) { /* a page number inside the row */
                put_line(o, data + ln[r1 + b].a, ln[r1 + b].e - ln[r1 + b].a,
                         (unsigned)(r1 + b) + 1);
                put_line(o, "", 0, (unsigned)(r1 + b) + 1);
            } else if (kind[b] == 4)
                kh_diag(rd->d, rd->path, (kh_pos){(unsigned)(r1 + b) + 1, 1}, KH_NOTE,
                        "IMPORT-TABLE-HEADING",
                        "the table's heading repeated after a page break: left out",
                        "tiêu đề bảng lặp lại sau ngắt trang: bỏ đi");
            b++;
        } while (b < m && kind[b] != 1);
        for (unsigned c = 0; c < ncol; c++) {
            if (cell[c].len)
                lt_put_block(o, kh_buf_str(&cell[c]), at[c]);
            kh_buf_free(&cell[c]);
        }
        a = b;
    }
    for (unsigned c = 0; c < ncol; c++)
        kh_buf_free(&head[c]);
    free(kind);
    free(seg_bounds);
    free(seg_of);
    return end;
}

/* The header's lines and the Nơi nhận block's, when pdftotext -layout set
 * them side by side: the text rewritten into o (false: left as it is). */
static bool relay(const char *data, size_t len, relaid *o, reader *rd)
{
    span *ln = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - data) : len;
        KH_GROW(ln, n, cap);
        ln[n++] = (span){i, e};
        i = e + 1;
    }
    size_t h0 = 0;
    while (h0 < n && indent_of(data + ln[h0].a, ln[h0].e - ln[h0].a) == ln[h0].e - ln[h0].a)
        h0++;
    size_t h1 = h0;
    while (h1 < n && indent_of(data + ln[h1].a, ln[h1].e - ln[h1].a) < ln[h1].e - ln[h1].a)
        h1++;
    size_t s0 = n, s1 = n;
    for (size_t k = h1; k < n && s0 == n; k++)
        if (line_starts(data + ln[k].a, ln[k].e - ln[k].a, "Nơi nhận") ||
            line_starts(data + ln[k].a, ln[k].e - ln[k].a, "Nơi gửi"))
            s0 = k;
    for (size_t k = s0 + 1; k < n && s1 == n; k++)
        if (memchr(data + ln[k].a, '\f', ln[k].e - ln[k].a) ||
            line_starts(data + ln[k].a, ln[k].e - ln[k].a, "Phụ lục") ||
            line_starts(data + ln[k].a, ln[k].e - ln[k].a, "PHỤ LỤC"))
            s1 = k;
    bool head = h1 > h0 && has_gap(data, ln, h0, h1);
    bool sign = s0 < n && has_gap(data, ln, s0, s1);
    bool table = false;
    for (size_t k = h1; k < n && !table; k++)
        table = lt_heading(data + ln[k].a, ln[k].e - ln[k].a);
    if (!head && !sign && !table) {
        free(ln);
        return false;
    }
    for (size_t k = 0; k < n;) {
        if (head && k == h0) {
            split_region(o, data, ln, h0, h1);
            kh_diag(rd->d, rd->path, (kh_pos){(unsigned)h0 + 1, 1}, KH_NOTE, "IMPORT-COLUMNS",
                    "the header's two columns, side by side (pdftotext -layout), read one "
                    "after the other",
                    "hai cột của phần đầu, đặt cạnh nhau (pdftotext -layout), được đọc lần lượt");
            k = h1;
        } else if (sign && k == s0) {
            split_region(o, data, ln, s0, s1);
            kh_diag(rd->d, rd->path, (kh_pos){(unsigned)s0 + 1, 1}, KH_NOTE, "IMPORT-COLUMNS",
                    "Nơi nhận and the signature, side by side (pdftotext -layout), read one "
                    "after the other",
                    "Nơi nhận và chữ ký, đặt cạnh nhau (pdftotext -layout), được đọc lần lượt");
            k = s1;
        } else if (table && k >= h1 && (k < s0 || k >= s1) &&
                   lt_heading(data + ln[k].a, ln[k].e - ln[k].a)) {
            size_t e = layout_table(o, data, ln, n, k, rd);
            k = e > k ? e : k + 1;
        } else {
            put_line(o, data + ln[k].a, ln[k].e - ln[k].a, (unsigned)k + 1);
            k++;
        }
    }
    free(ln);
    return true;
}

int kh_read_text(const char *path, const char *data, size_t len, kh_src *doc, kh_diags *d)
{
    doc->kind = KH_SRC_TEXT;
    doc->path = path;
    size_t i = 0;
    if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
        i = 3;
    reader rd = {path, doc, d, false, 0, memchr(data + i, '\f', len - i) != NULL,
                 NULL, 0, 0, NULL, 0, NULL, 0, 0};
    relaid re = {0};
    if (relay(data + i, len - i, &re, &rd)) {
        data = kh_buf_str(&re.out);
        len = re.out.len;
        i = 0;
        rd.map = re.map;
        rd.n_map = re.n;
    }
    rd.width = full_width(data + i, len - i);
    unsigned line = 1, start_line = 0, page = 1;
    bool ff_pending = false; /* a form feed since the last line of text */
    kh_buf block = {0};
    block_line *lines = NULL;
    size_t n_lines = 0, cap_lines = 0;
    for (;;) {
        const char *nl = i < len ? memchr(data + i, '\n', len - i) : NULL;
        size_t e = nl ? (size_t)(nl - data) : len;
        bool end = i >= len;
        if (end || is_blank(data + i, e - i)) {
            for (size_t k = i; !end && k < e; k++)
                if (data[k] == '\f')
                    page++, ff_pending = true;
            if (block.len)
                flush_block(&rd, kh_buf_str(&block), lines, n_lines, start_line);
            block.len = 0;
            if (block.s)
                block.s[0] = '\0';
            n_lines = 0;
            if (end)
                break;
        } else {
            size_t a = i, b = e;
            bool page_start = ff_pending;
            ff_pending = false;
            while (a < b && (data[a] == ' ' || data[a] == '\t' || data[a] == '\f'))
                if (data[a++] == '\f')
                    page++, page_start = true;
            while (b > a && (data[b - 1] == ' ' || data[b - 1] == '\t' || data[b - 1] == '\r'))
                b--;
            bool glued = false;
            if (!block.len) {
                start_line = line;
            } else if (block.len > 1 && block.s[block.len - 1] == '-' &&
                       block.s[block.len - 2] != ' ' && starts_lower(data + a, b - a) &&
                       (unsigned char)block.s[block.len - 2] >= 'A') {
                block.s[--block.len] = '\0'; /* a hyphenated word: joined */
                lines[n_lines - 1].len--;
                glued = true;
            } else {
                kh_buf_putc(&block, '\n');
            }
            if (block.len + (b - a) <= KH_IMPORT_MAX_PARA_BYTES) {
                if (n_lines == cap_lines)
                    lines = kh_xrealloc(lines, (cap_lines = cap_lines ? 2 * cap_lines : 16) * sizeof *lines);
                lines[n_lines++] = (block_line){block.len, b - a, (unsigned)kh_utf8_count(data + a, b - a),
                                                glued, page_start, page};
                size_t at = block.len;
                kh_buf_put(&block, data + a, b - a);
                for (; at < block.len; at++) /* a form feed inside a line: a space */
                    if (block.s[at] == '\f')
                        block.s[at] = ' ';
            }
        }
        i = e + 1;
        line++;
    }
    kh_buf_free(&block);
    free(lines);
    finish(&rd);
    kh_buf_free(&re.out);
    free(re.map);
    free(rd.unsure_at);
    return 0;
}

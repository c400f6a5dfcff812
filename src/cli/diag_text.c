/* diag_text.c — diagnostics for people, as the compilers print them:
 *   plan.yaml:12:7: error: message [RULE-ID]
 *      12 | number: 125 -KH/HU
 *         |       ^
 *   parent.yaml:3:9: note: the number of the plan it implements
 *       3 | number: 111-KH/TU
 *         |         ^
 * The source line comes from the file itself (read once per file, bounded
 * as the loader is); the caret sits under the column, counted in code
 * points, laid out by display width (a wide character takes two cells, a
 * combining mark none, a tab stays a tab). A long line is shown as a window
 * around the caret; control characters and invalid UTF-8 are shown as '?',
 * so a hostile file cannot drive the terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "cli.h"
#include "kehoach/load.h"
#include "kehoach/text.h"

#define WINDOW_CELLS 100 /* the widest excerpt, in display cells */
#define SOURCE_CACHE 4   /* files kept while printing one batch */

typedef struct source {
    char *path;
    char *text; /* NULL: unreadable (no excerpt) */
    size_t len;
} source;

typedef struct printer {
    FILE *out;
    kh_lang lang;
    bool color, excerpt;
    source cache[SOURCE_CACHE];
    size_t next; /* the slot to reuse */
} printer;

static const source *source_of(printer *pr, const char *path)
{
    for (size_t i = 0; i < SOURCE_CACHE; i++)
        if (pr->cache[i].path && !strcmp(pr->cache[i].path, path))
            return &pr->cache[i];
    source *s = &pr->cache[pr->next];
    pr->next = (pr->next + 1) % SOURCE_CACHE;
    free(s->path);
    free(s->text);
    s->path = kh_strdup(path);
    s->len = 0;
    /* standard input was read by the loader: there is nothing to re-read */
    size_t pl = strlen(path); /* a .docx is a zip: its place is a paragraph, quoted */
    bool docx = pl > 5 && !strcmp(path + pl - 5, ".docx");
    s->text = strcmp(path, "-") && !docx ? kh_read_file(path, KH_MAX_FILE_BYTES, &s->len) : NULL;
    return s;
}

/* One code point of the line: its bytes, and how it is shown. */
typedef struct glyph {
    size_t n;       /* bytes in the source */
    uint32_t cp;
    int cells;      /* display width; -1: a tab */
    bool shown_raw; /* false: printed as '?' */
} glyph;

static glyph glyph_at(const char *p, size_t left)
{
    glyph g = {1, '?', 1, false};
    uint32_t cp;
    size_t n = (unsigned char)*p < 0x80 ? 1 : kh_utf8_decode(p, left, &cp);
    if (!n)
        return g; /* invalid UTF-8: one byte as '?' */
    if (n == 1)
        cp = (unsigned char)*p;
    g.n = n;
    g.cp = cp;
    if (cp == '\t') {
        g.cells = -1;
        g.shown_raw = true;
    } else if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 ||
               cp == 0x2029 || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069)) {
        g.cells = 1; /* controls and bidi overrides: '?' */
    } else {
        int w = utf8proc_charwidth((utf8proc_int32_t)cp);
        g.cells = w < 0 ? 1 : w;
        g.shown_raw = true;
    }
    return g;
}

/* The bytes of the code point at p, as glyph_at counts them, without its
 * display width. */
static size_t utf8_length(const char *p, size_t left)
{
    uint32_t cp;
    size_t n = (unsigned char)*p < 0x80 ? 1 : kh_utf8_decode(p, left, &cp);
    return n ? n : 1;
}

static void put_glyph(kh_buf *b, const char *p, glyph g)
{
    if (g.shown_raw)
        kh_buf_put(b, p, g.n);
    else
        kh_buf_putc(b, '?');
}

/* The excerpt of `line` (len bytes) with a caret under code point `col`
 * (1-based; past the end: just after the last character). */
static void excerpt(printer *pr, unsigned line_no, const char *line, size_t len, unsigned col)
{
    /* Code points of the line, counted only as far as the window can reach
     * (a diagnostic near the end of a long line must not cost the whole
     * line each time: thousands of them on one 12 KB line took 0.6 s). */
    size_t n_cp = 0, caret_cp = col ? col - 1 : 0;
    size_t reach = caret_cp + WINDOW_CELLS + 1;
    for (size_t at = 0; at < len && n_cp < reach; n_cp++)
        at += utf8_length(line + at, len - at);
    if (caret_cp > n_cp)
        caret_cp = n_cp;
    size_t from = 0, to = n_cp; /* the window, in code points */
    if (n_cp > WINDOW_CELLS) {
        from = caret_cp > WINDOW_CELLS / 2 ? caret_cp - WINDOW_CELLS / 2 : 0;
        to = from + WINDOW_CELLS < n_cp ? from + WINDOW_CELLS : n_cp;
    }
    kh_buf text = {0}, mark = {0};
    if (from)
        kh_buf_puts(&text, "…"), kh_buf_putc(&mark, ' ');
    size_t cp = 0, at = 0;
    for (; at < len && cp < from; cp++)
        at += utf8_length(line + at, len - at);
    for (; at < len && cp < to; cp++) {
        glyph g = glyph_at(line + at, len - at);
        put_glyph(&text, line + at, g);
        if (cp < caret_cp) {
            if (g.cells < 0)
                kh_buf_putc(&mark, '\t');
            else
                for (int k = 0; k < g.cells; k++)
                    kh_buf_putc(&mark, ' ');
        }
        at += g.n;
    }
    if (to < n_cp)
        kh_buf_puts(&text, "…");
    char num[16];
    int w = snprintf(num, sizeof num, "%u", line_no);
    if (w < 4)
        w = 4;
    fprintf(pr->out, " %*s | %s\n", w, num, kh_buf_str(&text));
    fprintf(pr->out, " %*s | %s%s^%s\n", w, "", kh_buf_str(&mark), pr->color ? "\033[1;32m" : "",
            pr->color ? "\033[0m" : "");
    kh_buf_free(&text);
    kh_buf_free(&mark);
}

static void show_source(printer *pr, const char *path, kh_pos pos)
{
    if (!pr->excerpt || !path || !pos.line)
        return;
    const source *s = source_of(pr, path);
    if (!s->text)
        return;
    const char *p = s->text, *end = s->text + s->len;
    for (unsigned l = 1; l < pos.line; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return; /* the line is not in the file (it changed meanwhile) */
        p = nl + 1;
    }
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    size_t n = (size_t)((eol ? eol : end) - p);
    if (n && p[n - 1] == '\r')
        n--;
    excerpt(pr, pos.line, p, n, pos.col);
}

static void header(printer *pr, const char *file, kh_pos pos, kh_severity sev)
{
    static const char *const colors[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m"};
    if (pr->color)
        fputs("\033[1m", pr->out);
    fputs(file ? file : "kehoach", pr->out);
    if (pos.line)
        fprintf(pr->out, ":%u:%u", pos.line, pos.col ? pos.col : 1);
    fputs(": ", pr->out);
    if (pr->color)
        fprintf(pr->out, "\033[0m%s", colors[sev]);
    fputs(kh_severity_name(sev, pr->lang), pr->out);
    if (pr->color)
        fputs("\033[0m", pr->out);
}

void cli_diags_print(FILE *out, const kh_diags *d, kh_lang lang, bool color, bool with_source)
{
    printer pr = {.out = out, .lang = lang, .color = color, .excerpt = with_source};
    bool vi = lang == KH_LANG_VI;
    for (size_t i = 0; i < d->n; i++) {
        const kh_diagnostic *x = &d->v[i];
        header(&pr, x->file, x->pos, x->sev);
        fprintf(out, ": %s [%s]\n", vi ? x->msg_vi : x->msg_en, x->id);
        show_source(&pr, x->file, x->pos);
        for (size_t k = 0; k < x->n_rel; k++) {
            const kh_related *r = &x->rel[k];
            header(&pr, r->file, r->pos, KH_NOTE);
            fprintf(out, ": %s\n", vi ? r->msg_vi : r->msg_en);
            show_source(&pr, r->file, r->pos);
        }
    }
    if (d->dropped)
        fprintf(out, "kehoach: %zu more diagnostics not shown\n", d->dropped);
    for (size_t i = 0; i < SOURCE_CACHE; i++) {
        free(pr.cache[i].path);
        free(pr.cache[i].text);
    }
}

/* "1 error", "2 errors" … */
static void count(kh_buf *b, size_t n, const char *one, const char *many)
{
    kh_buf_printf(b, "%zu %s", n, n == 1 ? one : many);
}

void cli_diags_summary(FILE *out, const char *cmd, const size_t counts[3], size_t files,
                       kh_lang lang)
{
    if (!counts[KH_ERROR] && !counts[KH_WARNING] && !counts[KH_NOTE])
        return;
    kh_buf b = {0};
    if (lang == KH_LANG_VI) {
        kh_buf_printf(&b, "%zu lỗi, %zu cảnh báo, %zu ghi chú trong %zu tệp", counts[KH_ERROR],
                      counts[KH_WARNING], counts[KH_NOTE], files);
    } else {
        count(&b, counts[KH_ERROR], "error", "errors");
        kh_buf_puts(&b, ", ");
        count(&b, counts[KH_WARNING], "warning", "warnings");
        kh_buf_puts(&b, ", ");
        count(&b, counts[KH_NOTE], "note", "notes");
        kh_buf_puts(&b, " in ");
        count(&b, files, "file", "files");
    }
    fprintf(out, "kehoach %s: %s\n", cmd, kh_buf_str(&b));
    kh_buf_free(&b);
}

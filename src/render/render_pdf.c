/* render_pdf.c — `kehoach build -f pdf`: the plan as an issued party
 * document. Composition and layout are pdf_doc.c and layout.c; this file
 * owns the PDF itself through libharu: subset fonts (pdf_font.c), pages,
 * text placed word by word, rules, page numbers, bookmarks, document info,
 * a standard ToUnicode map (pdf_tounicode.c) and reproducible bytes.
 * libharu errors are recorded by the handler and reported once as a
 * diagnostic (no longjmp across our allocations). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <math.h>

#include <hpdf.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "kehoach/compose.h"
#include "kehoach/markdown.h"
#include "kehoach/render.h"
#include "kehoach/text.h"
#include "pdf_doc.h"
#include "pdf_font.h"
#include "pdf_embed.h"
#include "pdf_meta.h"
#include "pdf_outline.h"
#include "pdf_stream.h"

typedef struct hpdf_err {
    HPDF_STATUS no, detail;
    unsigned count;
} hpdf_err;

static void on_error(HPDF_STATUS no, HPDF_STATUS detail, void *user)
{
    hpdf_err *e = user;
    if (!e->count++) {
        e->no = no;
        e->detail = detail;
    }
}

/* ---- R-PDF-GLYPHS: every character of the plan has a glyph ------------ */

typedef struct glyph_check {
    kh_pdf_fonts *f;
    const kh_plan *p;
    kh_diags *d;
    uint32_t seen[64];
    size_t n_seen;
    bool ascii_ok[128]; /* every face has this ASCII character */
    uint64_t bmp_ok[0x10000 / 64]; /* the same, learnt, for the BMP */
} glyph_check;

static void check_text(glyph_check *g, const kh_text *t)
{
    if (!t->s)
        return;
    size_t n = strlen(t->s), i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)t->s[i];
        if (c < 0x80 && g->ascii_ok[c]) { /* most of the text */
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = kh_utf8_decode(t->s + i, n - i, &cp);
        if (!len)
            len = 1, cp = 0xFFFD;
        uint64_t bit = (uint64_t)1 << (cp & 63);
        if (cp < 0x10000 && g->bmp_ok[cp >> 6] & bit) {
            i += len;
            continue;
        }
        bool ok = cp < 0x20 || cp == 0x7F;
        for (int k = 0; k < KH_N_FONTS && !ok; k++)
            ok = !kh_pdf_fonts_has(g->f, k, cp); /* missing in some face */
        if (!ok || cp < 0x20 || cp == 0x7F) {
            if (!ok && cp < 0x10000) /* every face has it */
                g->bmp_ok[cp >> 6] |= bit;
            i += len;
            continue;
        }
        bool dup = false;
        for (size_t k = 0; k < g->n_seen; k++)
            dup |= g->seen[k] == cp;
        if (!dup) {
            if (g->n_seen < sizeof g->seen / sizeof g->seen[0])
                g->seen[g->n_seen++] = cp;
            char ch[8] = {0};
            kh_utf8_encode(cp, ch);
            kh_diag(g->d, g->p->path, kh_text_locate(t, i), KH_ERROR, "R-PDF-GLYPHS",
                    "the font has no glyph for '%s' (U+%04X); it would print as an empty box",
                    "phông chữ không có ký tự '%s' (U+%04X); ký tự sẽ in ra thành ô trống",
                    ch, (unsigned)cp);
        }
        i += len;
    }
}

static void check_section(glyph_check *g, const kh_section *s)
{
    check_text(g, &s->title);
    check_text(g, &s->body);
    for (size_t i = 0; i < s->n_events; i++)
        check_text(g, &s->events[i].text);
    for (size_t i = 0; i < s->n_sections; i++)
        check_section(g, &s->sections[i]);
    for (size_t i = 0; i < s->n_units; i++) {
        const kh_unit *u = &s->units[i];
        check_text(g, &u->name);
        check_text(g, &u->body);
        for (size_t k = 0; k < u->n_tasks; k++) {
            check_text(g, &u->tasks[k].text);
            check_text(g, &u->tasks[k].what);
            check_text(g, &u->tasks[k].report_to);
        }
        check_text(g, &u->report_to);
    }
}

static void check_glyphs(kh_pdf_fonts *f, const kh_plan *p, kh_diags *d)
{
    glyph_check g = {.f = f, .p = p, .d = d};
    for (uint32_t c = 0; c < 128; c++) {
        g.ascii_ok[c] = c >= 0x20 && c != 0x7F;
        for (int k = 0; k < KH_N_FONTS && g.ascii_ok[c]; k++)
            g.ascii_ok[c] = kh_pdf_fonts_has(f, k, c);
    }
    const kh_text *top[] = {&p->superior, &p->issuer, &p->number, &p->place,
                            &p->doc_type, &p->title, &p->intro, &p->closing,
                            &p->signature.prefix, &p->signature.body,
                            &p->signature.title, &p->signature.name,
                            &p->signature.head.prefix, &p->signature.head.title};
    for (size_t i = 0; i < sizeof top / sizeof top[0]; i++)
        check_text(&g, top[i]);
    for (size_t i = 0; i < p->n_basis; i++)
        check_text(&g, &p->basis[i]);
    for (size_t i = 0; i < p->n_sections; i++)
        check_section(&g, &p->sections[i]);
    for (size_t i = 0; i < p->n_recipients; i++)
        check_text(&g, &p->recipients[i].text);
}

/* ---- drawing ------------------------------------------------------------ */

typedef struct out {
    HPDF_Doc pdf;
    kh_pdf_writer w;
    kh_pdf_fonts *F;
    kh_pdf_face face[KH_N_FONTS];
    HPDF_Page *pages;
    kh_buf *content; /* each page's content stream, compressed at the end */
    const kh_pdf_layout *L;
} out;

static double page_y(const out *o, double y)
{
    return o->L->page_h - o->L->margin_top - y;
}

/* Text is written as one TJ array per line and style run: the words with
 * real space characters between them (copy and paste and pdftotext see
 * spaces), each space widened by a TJ adjustment. That is justification
 * by word spacing, which the Tw operator cannot do for two-byte codes, and
 * it keeps the content stream small (one Td per line, not per word). The
 * widths we lay out with are the /W widths of the PDF, so positions agree. */
/* A number for the content stream, to 1/100 (no printf: this runs for
 * every line). */
static void put_num(kh_buf *b, double v)
{
    long c = lround(v * 100);
    char t[32], *e = t + sizeof t, *p = e;
    bool neg = c < 0;
    unsigned long u = neg ? (unsigned long)-c : (unsigned long)c;
    unsigned long frac = u % 100, whole = u / 100;
    if (frac) {
        if (frac % 10)
            *--p = (char)('0' + frac % 10);
        *--p = (char)('0' + frac / 10);
        *--p = '.';
    }
    do
        *--p = (char)('0' + whole % 10);
    while (whole /= 10);
    if (neg)
        *--p = '-';
    kh_buf_put(b, p, (size_t)(e - p));
}

/* Codes are the glyph ids of the subset face (pdf_embed.c), in one byte
 * or two, gathered in a small buffer (this runs for every character). */
static void put_text(const kh_pdf_face *fc, kh_buf *b, const char *s, size_t n)
{
    char t[256];
    size_t k = 0, i = 0;
    while (i < n) {
        uint32_t cp;
        size_t len = kh_utf8_decode(s + i, n - i, &cp);
        if (!len)
            len = 1, cp = 0xFFFD;
        unsigned cid = cp > 0xFFFF ? 0 : fc->gid[cp];
        if (k > sizeof t - 4) {
            kh_buf_put(b, t, k);
            k = 0;
        }
        if (!fc->one_byte)
            k += kh_pdf_escape(t + k, (unsigned char)(cid >> 8));
        k += kh_pdf_escape(t + k, (unsigned char)(cid & 0xFF));
        i += len;
    }
    kh_buf_put(b, t, k);
}

static void set_font(out *o, HPDF_Page page, kh_buf *w, int f, double size)
{
    kh_pdf_face_on_page(page, &o->face[f]);
    kh_buf_printf(w, "/%s ", o->face[f].res);
    put_num(w, size);
    kh_buf_puts(w, " Tf\n");
}

typedef struct text_state {
    int font;
    double size;
    double x, y; /* start of the previous line (the text line matrix) */
} text_state;

/* One line inside the page's text object: a relative Td from the previous
 * line's start (mostly "0 -18 Td", which compresses to nothing), then TJ. */
static void draw_line(out *o, int pg, text_state *ts, const kh_block *b,
                      const kh_line *ln)
{
    double y = page_y(o, ln->page_y);
    double x0 = o->L->margin_left;
    HPDF_Page page = o->pages[pg];
    kh_buf *w = &o->content[pg];
    double prev_end = 0;
    bool in_tj = false, in_str = false;
    for (size_t i = 0; i < ln->n_boxes; i++) {
        const kh_box *bx = &b->boxes[ln->first_box + i];
        int f = (int)(bx->style & KH_FONT_MASK);
        if (f != ts->font || bx->size != ts->size) {
            if (in_str)
                kh_buf_putc(w, ')');
            if (in_tj)
                kh_buf_puts(w, "]TJ\n");
            in_tj = in_str = false;
            set_font(o, page, w, f, bx->size);
            ts->font = f;
            ts->size = bx->size;
        }
        if (i == 0) {
            double x = x0 + bx->x;
            put_num(w, x - ts->x);
            kh_buf_putc(w, ' ');
            put_num(w, y - ts->y);
            kh_buf_puts(w, " Td\n");
            ts->x = x;
            ts->y = y;
            prev_end = bx->x;
        }
        if (!in_tj) {
            kh_buf_putc(w, '[');
            in_tj = true;
        }
        double gap = bx->x - prev_end;
        if (gap > 0.001) { /* a word space: a real space, widened */
            if (!in_str)
                kh_buf_putc(w, '(');
            in_str = true;
            put_text(&o->face[f], w, " ", 1);
            gap -= kh_pdf_fonts_width(o->F, f, bx->size, " ", 1);
        }
        /* In thousandths of an em, rounded: equal gaps of a line repeat. */
        long adj = lround(-gap * 1000 / bx->size);
        if (adj) {
            if (in_str)
                kh_buf_putc(w, ')');
            in_str = false;
            put_num(w, (double)adj);
        }
        if (!in_str)
            kh_buf_putc(w, '(');
        in_str = true;
        put_text(&o->face[f], w, bx->s, bx->n);
        prev_end = bx->x + bx->w;
    }
    if (in_str)
        kh_buf_putc(w, ')');
    if (in_tj)
        kh_buf_puts(w, "]TJ\n");
}

/* Path operators, written like the text: numbers to 1/100 point. */
static void put_op(kh_buf *w, const double *v, int n, const char *op)
{
    for (int i = 0; i < n; i++) {
        put_num(w, v[i]);
        kh_buf_putc(w, ' ');
    }
    kh_buf_puts(w, op);
    kh_buf_putc(w, '\n');
}

static void stroke_line(kh_buf *w, double width, double x1, double y1, double x2,
                        double y2)
{
    put_op(w, &width, 1, "w");
    put_op(w, (double[]){x1, y1}, 2, "m");
    put_op(w, (double[]){x2, y2}, 2, "l");
    kh_buf_puts(w, "S\n");
}

/* One stroke under each run of underlined boxes of a line, spaces between
 * its words included (`Nơi nhận:` as a word processor underlines it). */
static void draw_underlines(out *o, int pg, const kh_block *b, const kh_line *ln)
{
    double y = page_y(o, ln->page_y), x0 = o->L->margin_left;
    const kh_box *bx = &b->boxes[ln->first_box];
    for (size_t i = 0; i < ln->n_boxes; i++) {
        if (!(bx[i].style & KH_ST_UNDERLINE))
            continue;
        size_t j = i;
        while (j + 1 < ln->n_boxes && (bx[j + 1].style & KH_ST_UNDERLINE) &&
               bx[j + 1].size == bx[i].size)
            j++;
        double uy = y - bx[i].size * 0.11;
        stroke_line(&o->content[pg], bx[i].size * 0.05, x0 + bx[i].x, uy,
                    x0 + bx[j].x + bx[j].w, uy);
        i = j;
    }
}

static void draw_rule(out *o, const kh_block *b, const kh_rule *r)
{
    kh_buf *w = &o->content[b->page];
    double x0 = o->L->margin_left;
    double y1 = page_y(o, b->page_y + r->y1), y2 = page_y(o, b->page_y + r->y2);
    if (!r->brace) {
        stroke_line(w, r->width, x0 + r->x1, y1, x0 + r->x2, y2);
        return;
    }
    /* A right brace: top (x, y1), bottom (x, y2), tip (x2, middle). */
    double x = x0 + r->x1, tip = x0 + r->x2, bw = tip - x, h = y1 - y2;
    double mx = x + bw / 2, mid = (y1 + y2) / 2;
    double q = bw / 2 < h / 4 ? bw / 2 : h / 4;
    put_op(w, &r->width, 1, "w");
    put_op(w, (double[]){x, y1}, 2, "m");
    put_op(w, (double[]){mx, y1, mx, y1, mx, y1 - q}, 6, "c");
    put_op(w, (double[]){mx, mid + q}, 2, "l");
    put_op(w, (double[]){mx, mid, mx, mid, tip, mid}, 6, "c");
    put_op(w, (double[]){mx, mid, mx, mid, mx, mid - q}, 6, "c");
    put_op(w, (double[]){mx, y2 + q}, 2, "l");
    put_op(w, (double[]){mx, y2, mx, y2, x, y2}, 6, "c");
    kh_buf_puts(w, "S\n");
}

/* A block drawn again at the top of a later page: its text (text == true,
 * inside the page's text object) or its rules. */
static void draw_repeat(out *o, text_state *ts, const kh_repeat *r, bool text)
{
    if (r->page < 0 || r->page >= o->L->doc.n_pages)
        return;
    kh_block b = o->L->doc.v[r->block];
    double shift = r->page_y - b.page_y;
    b.page = r->page;
    b.page_y = r->page_y;
    if (!text) {
        for (size_t k = 0; k < b.n_rules; k++)
            draw_rule(o, &b, &b.rules[k]);
        return;
    }
    for (size_t k = 0; k < b.n_lines; k++) {
        kh_line ln = b.lines[k];
        ln.page = r->page;
        ln.page_y += shift;
        if (ln.n_boxes)
            draw_line(o, r->page, &ts[r->page], &b, &ln);
    }
}

static void page_numbers(out *o, const kh_profile *pr)
{
    /* R-PDF-PAGE1-NONUM: none on page 1; centred in the top margin. */
    double size = pr->size_page_number;
    double y = o->L->page_h - pr->page_number_from_top * KH_MM - size * 0.66;
    for (int i = 1; i < o->L->doc.n_pages; i++) {
        char num[16];
        snprintf(num, sizeof num, "%d", i + 1);
        HPDF_Page page = o->pages[i];
        double w = kh_pdf_fonts_width(o->F, 0, size, num, strlen(num));
        double x = o->L->margin_left + (o->L->text_w - w) / 2;
        kh_buf *b = &o->content[i];
        kh_buf_puts(b, "BT\n");
        set_font(o, page, b, 0, size);
        put_num(b, x);
        kh_buf_putc(b, ' ');
        put_num(b, y);
        kh_buf_puts(b, " Td\n[(");
        put_text(&o->face[0], b, num, strlen(num));
        kh_buf_puts(b, ")]TJ\nET\n");
    }
}

static void info(out *o, const kh_plan *p, const kh_render_opts *opts)
{
    HPDF_Doc pdf = o->pdf;
    char *title = kh_compose_doc_title(p);
    char *subj = kh_compose_doc_subject(p), *kw = kh_compose_doc_keywords(p);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "kehoach"); /* makes the dict */
    HPDF_Dict dict = pdf->info;
    if (dict) {
        kh_pdf_text_string(dict, "Title", title);
        if (p->issuer.s)
            kh_pdf_text_string(dict, "Author", p->issuer.s);
        kh_pdf_text_string(dict, "Subject", subj);
        kh_pdf_text_string(dict, "Keywords", kw);
    }

    /* Dates from SOURCE_DATE_EPOCH, else the plan's issue date; never now. */
    HPDF_Date dt = {0};
    bool have = false;
    if (opts->epoch >= 0) {
        time_t t = (time_t)opts->epoch;
        struct tm tm;
        if (gmtime_r(&t, &tm)) {
            dt = (HPDF_Date){tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                             tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0};
            have = true;
        }
    } else if (kh_date_is_set(p->date.date)) {
        kh_date d = p->date.date;
        dt = (HPDF_Date){d.year, d.month, d.day ? d.day : 1, 0, 0, 0, '+', 7, 0};
        have = true;
    }
    if (have) {
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, dt);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, dt);
    }
    /* The same in XMP, with the version and the document's language. */
    kh_pdf_meta m = {title, p->issuer.s, subj, kw,
                     kh_profile_get(p->profile)->doc_lang, have ? &dt : NULL};
    kh_pdf_meta_set(pdf, &m);
    free(title);
    free(subj);
    free(kw);
}

/* The document is written into libharu's memory stream, a list of
 * buffers: they are copied out as they are (HPDF_ReadFromStream would copy
 * each byte once more, through a buffer of ours). */
static int save(HPDF_Doc pdf, kh_buf *dst)
{
    if (HPDF_SaveToStream(pdf) != HPDF_OK)
        return -1;
    HPDF_Stream s = pdf->stream;
    if (!s || s->type != HPDF_STREAM_MEMORY)
        return -1;
    HPDF_UINT count = HPDF_MemStream_GetBufCount(s);
    for (HPDF_UINT i = 0; i < count; i++) {
        HPDF_UINT n = 0;
        HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(s, i, &n);
        if (!b)
            return -1;
        kh_buf_put(dst, b, n);
    }
    return 0;
}

static void hpdf_diag(kh_diags *d, const kh_plan *p, const hpdf_err *e,
                      const char *what)
{
    kh_diag(d, p->path, (kh_pos){0, 0}, KH_ERROR, "PDF-WRITE",
            "the PDF library failed while %s (error 0x%04X, detail %u)",
            "thư viện PDF gặp lỗi khi %s (lỗi 0x%04X, chi tiết %u)", what,
            (unsigned)e->no, (unsigned)e->detail);
}

int kh_render_pdf(const kh_plan *p, const kh_render_opts *opts, kh_buf *dst,
                  kh_diags *diags)
{
    kh_pdf_fonts F;
    if (kh_pdf_fonts_open(&F, opts->font_dir, p->path, diags) != 0)
        return 1;
    size_t errors = diags->count[KH_ERROR];
    check_glyphs(&F, p, diags);
    if (diags->count[KH_ERROR] > errors) {
        kh_pdf_fonts_close(&F);
        return 1;
    }
    kh_measure m = {kh_pdf_fonts_width, &F};
    kh_pdf_layout L;
    if (kh_pdf_layout_build(&L, p, opts, &m, diags) != 0) {
        kh_pdf_layout_free(&L);
        kh_pdf_fonts_close(&F);
        return 1;
    }

    /* The characters each face draws: its subset. */
    for (size_t i = 0; i < L.doc.n; i++) {
        const kh_block *b = &L.doc.v[i];
        for (size_t k = 0; k < b->n_boxes; k++)
            kh_pdf_fonts_use(&F, (int)(b->boxes[k].style & KH_FONT_MASK),
                             b->boxes[k].s, b->boxes[k].n);
    }
    if (L.doc.n_pages > 1)
        kh_pdf_fonts_use(&F, 0, "0123456789", 10);
    for (int i = 0; i < KH_N_FONTS; i++) /* word spaces are real spaces */
        if (kh_pdf_fonts_used(&F, i))
            kh_pdf_fonts_use(&F, i, " ", 1);

    hpdf_err err = {0};
    out o = {.L = &L, .F = &F};
    int rc = 1;
    const char *stage = "starting";
    o.pdf = HPDF_New(on_error, &err);
    if (!o.pdf)
        goto fail;
    /* Every stream is deflated by pdf_stream.c; this covers any other. */
    HPDF_SetCompressionMode(o.pdf, HPDF_COMP_ALL);
    if (kh_pdf_writer_open(&o.w, o.pdf) != 0)
        goto fail;
    stage = "embedding the fonts";
    /* Their programs are deflated on the other core while the pages are
     * drawn and deflated here (pdf_stream.h). */
    kh_pdf_writer_defer(&o.w);
    bool used[KH_N_FONTS]; /* read before the faces are shared with a thread */
    for (int i = 0; i < KH_N_FONTS; i++)
        used[i] = kh_pdf_fonts_used(&F, i);
    kh_pdf_fonts_subset_ahead(&F);
    for (int i = 0; i < KH_N_FONTS; i++)
        if (used[i] && kh_pdf_embed(&o.w, &F, i, &o.face[i]) != 0) {
            if (!err.count)
                kh_diag(diags, p->path, (kh_pos){0, 0}, KH_ERROR, "PDF-FONT",
                        "cannot subset the font %s", "không tạo được tập con phông chữ %s",
                        F.path[i]);
            goto fail;
        }
    kh_pdf_writer_start(&o.w);
    stage = "drawing the pages";
    o.pages = kh_xcalloc((size_t)L.doc.n_pages, sizeof *o.pages);
    o.content = kh_xcalloc((size_t)L.doc.n_pages, sizeof *o.content);
    for (int i = 0; i < L.doc.n_pages; i++) {
        o.pages[i] = HPDF_AddPage(o.pdf);
        HPDF_Page_SetWidth(o.pages[i], (HPDF_REAL)L.page_w);
        HPDF_Page_SetHeight(o.pages[i], (HPDF_REAL)L.page_h);
    }
    /* Blocks are in reading order and their lines go down the pages, so
     * one pass draws every page's text, then one its lines and rules. */
    text_state *ts = kh_xcalloc((size_t)L.doc.n_pages, sizeof *ts);
    for (int pg = 0; pg < L.doc.n_pages; pg++) {
        ts[pg].font = -1;
        kh_buf_puts(&o.content[pg], "BT\n");
    }
    for (size_t i = 0; i < L.doc.n; i++) {
        const kh_block *b = &L.doc.v[i];
        for (size_t k = 0; k < b->n_lines; k++) {
            int pg = b->lines[k].page;
            if (b->lines[k].n_boxes && pg >= 0 && pg < L.doc.n_pages)
                draw_line(&o, pg, &ts[pg], b, &b->lines[k]);
        }
    }
    for (size_t r = 0; r < L.doc.n_repeats; r++) /* repeated table headings */
        draw_repeat(&o, ts, &L.doc.repeats[r], true);
    free(ts);
    for (int pg = 0; pg < L.doc.n_pages; pg++)
        kh_buf_puts(&o.content[pg], "ET\n");
    for (size_t i = 0; i < L.doc.n; i++) {
        const kh_block *b = &L.doc.v[i];
        for (size_t k = 0; k < b->n_lines; k++)
            if (b->lines[k].page >= 0 && b->lines[k].page < L.doc.n_pages)
                draw_underlines(&o, b->lines[k].page, b, &b->lines[k]);
        if (b->page >= 0 && b->page < L.doc.n_pages)
            for (size_t k = 0; k < b->n_rules; k++)
                draw_rule(&o, b, &b->rules[k]);
    }
    for (size_t r = 0; r < L.doc.n_repeats; r++)
        draw_repeat(&o, NULL, &L.doc.repeats[r], false);
    page_numbers(&o, L.pr);
    stage = "compressing the pages";
    for (int pg = 0; pg < L.doc.n_pages; pg++) {
        HPDF_PageAttr attr = (HPDF_PageAttr)o.pages[pg]->attr;
        kh_pdf_stream_fill_later(&o.w, attr->contents, o.content[pg].s, o.content[pg].len);
    }
    if (kh_pdf_writer_finish(&o.w) != 0)
        goto fail;
    stage = "writing the bookmarks";
    if (kh_pdf_outlines(&o.w, o.pages, &L) != 0)
        goto fail;
    info(&o, p, opts);
    if (err.count)
        goto fail;
    stage = "saving";
    if (save(o.pdf, dst) != 0 || err.count)
        goto fail;
    rc = 0;
fail:
    if (rc) {
        if (!err.count && diags->count[KH_ERROR] == errors)
            err.no = 0;
        if (err.count || diags->count[KH_ERROR] == errors)
            hpdf_diag(diags, p, &err, stage);
        dst->len = 0;
    }
    if (o.pdf)
        HPDF_Free(o.pdf);
    free(o.pages);
    if (o.content)
        for (int i = 0; i < L.doc.n_pages; i++)
            kh_buf_free(&o.content[i]);
    free(o.content);
    kh_pdf_writer_close(&o.w);
    for (int i = 0; i < KH_N_FONTS; i++)
        kh_pdf_face_free(&o.face[i]);
    kh_pdf_layout_free(&L);
    kh_pdf_fonts_close(&F);
    return rc;
}

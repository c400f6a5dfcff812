/* layout.c — line breaking, justification and pagination for the PDF
 * renderer (see layout.h). Pure computation over a width callback. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/text.h"
#include "layout.h"

/* Interword space: stretches by half, shrinks by a fifth (TeX-like). */
#define STRETCH 0.5
#define SHRINK 0.2
#define BASELINE 0.8 /* baseline position inside a line's leading */

kh_block *kh_doc_add(kh_doc *d)
{
    KH_GROW(d->v, d->n, d->cap);
    kh_block *b = &d->v[d->n++];
    memset(b, 0, sizeof *b);
    b->outline_level = -1;
    b->widow_orphan = 2;
    return b;
}

void kh_doc_free(kh_doc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].boxes);
        free(d->v[i].lines);
        free(d->v[i].rules);
    }
    free(d->v);
    free(d->repeats);
    memset(d, 0, sizeof *d);
}

static kh_box *add_box(kh_block *b)
{
    KH_GROW(b->boxes, b->n_boxes, b->cap_boxes);
    return &b->boxes[b->n_boxes++];
}

static kh_line *add_line(kh_block *b)
{
    KH_GROW(b->lines, b->n_lines, b->cap_lines);
    kh_line *l = &b->lines[b->n_lines++];
    memset(l, 0, sizeof *l);
    l->first_box = b->n_boxes;
    return l;
}

void kh_block_rule(kh_block *b, double x1, double y1, double x2, double y2,
                   double width)
{
    KH_GROW(b->rules, b->n_rules, b->cap_rules);
    b->rules[b->n_rules++] = (kh_rule){x1, y1, x2, y2, width, false};
}

void kh_block_brace(kh_block *b, double x, double y1, double y2, double tip,
                    double width)
{
    KH_GROW(b->rules, b->n_rules, b->cap_rules);
    b->rules[b->n_rules++] = (kh_rule){x, y1, tip, y2, width, true};
}

void kh_block_merge(kh_block *dst, const kh_block *src, double dx, double dy)
{
    size_t base = dst->n_boxes;
    for (size_t i = 0; i < src->n_boxes; i++) {
        kh_box *bx = add_box(dst);
        *bx = src->boxes[i];
        bx->x += dx;
    }
    for (size_t i = 0; i < src->n_lines; i++) {
        KH_GROW(dst->lines, dst->n_lines, dst->cap_lines);
        kh_line *l = &dst->lines[dst->n_lines++];
        *l = src->lines[i];
        l->first_box += base;
        l->y += dy;
        l->left += dx;
        l->right += dx;
    }
    for (size_t i = 0; i < src->n_rules; i++) {
        kh_rule r = src->rules[i];
        r.x1 += dx;
        r.x2 += dx;
        r.y1 += dy;
        r.y2 += dy;
        KH_GROW(dst->rules, dst->n_rules, dst->cap_rules);
        dst->rules[dst->n_rules++] = r;
    }
}

void kh_block_merge_lines(kh_block *dst, const kh_block *src, size_t from, size_t to,
                          double dx, double dy)
{
    for (size_t i = from; i < to && i < src->n_lines; i++) {
        const kh_line *sl = &src->lines[i];
        size_t base = dst->n_boxes;
        for (size_t k = 0; k < sl->n_boxes; k++) {
            kh_box *bx = add_box(dst);
            *bx = src->boxes[sl->first_box + k];
            bx->x += dx;
        }
        KH_GROW(dst->lines, dst->n_lines, dst->cap_lines);
        kh_line *l = &dst->lines[dst->n_lines++];
        *l = *sl;
        l->first_box = base;
        l->y += dy;
        l->left += dx;
        l->right += dx;
    }
}

void kh_block_clear(kh_block *b)
{
    free(b->boxes);
    free(b->lines);
    free(b->rules);
    memset(b, 0, sizeof *b);
    b->outline_level = -1;
    b->widow_orphan = 2;
}

/* ---- words ---------------------------------------------------------- */

typedef struct frag {
    const char *s;
    size_t n;
    unsigned style;
    double w;
} frag;

typedef struct word {
    size_t first, n;  /* fragments */
    double w;         /* width */
    double space;     /* width of the space after it */
    bool brk;         /* a forced line break after it */
} word;

typedef struct wordlist {
    frag *f;
    size_t nf, capf;
    word *w;
    size_t nw, capw;
} wordlist;

static bool is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static word *cur_word(wordlist *wl, bool *open)
{
    if (!*open) {
        KH_GROW(wl->w, wl->nw, wl->capw);
        word *w = &wl->w[wl->nw++];
        memset(w, 0, sizeof *w);
        w->first = wl->nf;
        *open = true;
    }
    return &wl->w[wl->nw - 1];
}

static void add_frag(wordlist *wl, word *w, const char *s, size_t n,
                     unsigned style, double size, const kh_measure *m)
{
    KH_GROW(wl->f, wl->nf, wl->capf);
    double wd = m->width(m->ctx, (int)(style & KH_FONT_MASK), size, s, n);
    wl->f[wl->nf++] = (frag){s, n, style, wd};
    w->n++;
    w->w += wd;
}

bool kh_is_spaced_dash(const char *s, size_t n)
{
    return (n == 1 && (s[0] == '-' || s[0] == '+')) ||
           (n == 3 && !memcmp(s, "\xe2\x80\x93", 3));
}

/* Whether the last word is a lone dash (one fragment). */
static bool dash_word(const wordlist *wl)
{
    const word *w = &wl->w[wl->nw - 1];
    return w->n == 1 && kh_is_spaced_dash(wl->f[w->first].s, wl->f[w->first].n);
}

/* Move the last word (a lone dash, one fragment) into the word before it,
 * after a fixed space. */
static void join_previous(wordlist *wl, unsigned style, double size,
                          const kh_measure *m)
{
    frag dash = wl->f[--wl->nf];
    wl->nw--;
    word *prev = &wl->w[wl->nw - 1];
    prev->space = 0;
    add_frag(wl, prev, " ", 1, style, size, m);
    KH_GROW(wl->f, wl->nf, wl->capf);
    wl->f[wl->nf++] = dash;
    prev->n++;
    prev->w += dash.w;
}

static void tokenize(wordlist *wl, const kh_span *spans, size_t n_spans,
                     double size, const kh_measure *m)
{
    bool open = false;
    bool glued = false; /* a dash has just taken its fixed space */
    for (size_t k = 0; k < n_spans; k++) {
        const kh_span *sp = &spans[k];
        if (sp->style & KH_ST_BREAK) {
            if (wl->nw)
                wl->w[wl->nw - 1].brk = true;
            open = glued = false;
            continue;
        }
        size_t i = 0;
        while (i < sp->n) {
            if (is_space(sp->s[i]) && glued) {
                /* More white space after the dash's fixed space, perhaps
                 * in the next span (the "- " of a list item, then the
                 * item's text): one space, not a second, stretchable one. */
                i++;
                continue;
            }
            if (is_space(sp->s[i])) {
                if (open && dash_word(wl)) {
                    /* A spaced dash binds to the word after it: a line never
                     * ends with " -" (readers, and pdftotext, would take it
                     * for a hyphenated word), and a list dash stays with its
                     * first word. Inside a line it binds to the word before
                     * too: no line starts with the dash of "Lao động -
                     * Thương binh" or "1943 - 2023" either. */
                    if (wl->nw >= 2 && !wl->w[wl->nw - 2].brk)
                        join_previous(wl, sp->style, size, m);
                    add_frag(wl, &wl->w[wl->nw - 1], " ", 1, sp->style, size, m);
                    glued = true;
                    continue;
                }
                if (open) {
                    wl->w[wl->nw - 1].space =
                        m->width(m->ctx, (int)(sp->style & KH_FONT_MASK), size, " ", 1);
                    open = false;
                }
                i++;
                continue;
            }
            size_t j = i;
            while (j < sp->n && !is_space(sp->s[j]))
                j++;
            glued = false;
            word *w = cur_word(wl, &open);
            add_frag(wl, w, sp->s + i, j - i, sp->style, size, m);
            i = j;
        }
    }
}

/* Cut words wider than `avail` between characters, so no line overflows. */
static void cut_long_words(wordlist *wl, double avail, double size,
                           const kh_measure *m)
{
    for (size_t wi = 0; wi < wl->nw; wi++) {
        if (wl->w[wi].w <= avail)
            continue;
        /* Rebuild this word as several words. */
        word old = wl->w[wi];
        frag *of = kh_xmalloc(old.n * sizeof *of);
        memcpy(of, wl->f + old.first, old.n * sizeof *of);
        wordlist pieces = {0};
        bool open = false;
        double acc = 0;
        for (size_t k = 0; k < old.n; k++) {
            const char *s = of[k].s;
            size_t n = of[k].n, start = 0, i = 0;
            while (i < n) {
                uint32_t cp;
                size_t len = kh_utf8_decode(s + i, n - i, &cp);
                if (!len)
                    len = 1;
                double cw = m->width(m->ctx, (int)(of[k].style & KH_FONT_MASK),
                                     size, s + i, len);
                if (acc + cw > avail && acc > 0) {
                    if (i > start) {
                        word *w = cur_word(&pieces, &open);
                        add_frag(&pieces, w, s + start, i - start, of[k].style, size, m);
                    }
                    open = false;
                    acc = 0;
                    start = i;
                }
                acc += cw;
                i += len;
            }
            if (n > start) {
                word *w = cur_word(&pieces, &open);
                add_frag(&pieces, w, s + start, n - start, of[k].style, size, m);
            }
        }
        free(of);
        pieces.w[pieces.nw - 1].space = old.space;
        pieces.w[pieces.nw - 1].brk = old.brk;
        /* Splice: fragments go to the end of wl->f; words replace wi. */
        size_t base = wl->nf;
        for (size_t k = 0; k < pieces.nf; k++) {
            KH_GROW(wl->f, wl->nf, wl->capf);
            wl->f[wl->nf++] = pieces.f[k];
        }
        size_t extra = pieces.nw - 1;
        for (size_t k = 0; k < extra; k++) {
            KH_GROW(wl->w, wl->nw, wl->capw);
            wl->nw++;
        }
        memmove(wl->w + wi + pieces.nw, wl->w + wi + 1,
                (wl->nw - extra - wi - 1) * sizeof *wl->w);
        for (size_t k = 0; k < pieces.nw; k++) {
            wl->w[wi + k] = pieces.w[k];
            wl->w[wi + k].first += base;
        }
        wi += pieces.nw - 1;
        free(pieces.f);
        free(pieces.w);
    }
}

/* ---- line breaking ---------------------------------------------------- */

/* Demerits of a line holding `words` words of natural width nat, of which
 * sp is interword space, on a measure of avail; INFINITY if it cannot be
 * set. */
static double line_cost(double nat, double sp, size_t words, double avail,
                        bool last)
{
    if (nat > avail + 1e-6) {
        if (words == 1)
            return 1e12; /* cannot happen after cut_long_words, but set it */
        double shrink = sp * SHRINK;
        if (shrink <= 0 || nat - shrink > avail + 1e-6)
            return INFINITY;
        double r = (nat - avail) / shrink;
        double bad = 100 * r * r * r;
        return (10 + bad) * (10 + bad);
    }
    if (last)
        return 100; /* a short last line is normal */
    double stretch = sp * STRETCH;
    double q = stretch > 0 ? (avail - nat) / stretch : 0;
    double bad = stretch > 0 ? 100 * q * q * q : 10000;
    if (bad > 10000)
        bad = 10000;
    return (10 + bad) * (10 + bad);
}

double kh_spans_width(const kh_span *spans, size_t n, double size,
                      const kh_measure *m)
{
    double w = 0;
    for (size_t i = 0; i < n; i++)
        if (!(spans[i].style & KH_ST_BREAK))
            w += m->width(m->ctx, (int)(spans[i].style & KH_FONT_MASK), size,
                          spans[i].s, spans[i].n);
    return w;
}

size_t kh_layout_para(kh_block *b, const kh_span *spans, size_t n_spans,
                      const kh_para_style *st, const kh_measure *m)
{
    wordlist wl = {0};
    tokenize(&wl, spans, n_spans, st->size, m);
    if (!wl.nw) {
        free(wl.f);
        free(wl.w);
        return 0;
    }
    double full = st->width - st->left;
    double first = full - st->first_indent;
    cut_long_words(&wl, first < full ? first : full, st->size, m);

    size_t n = wl.nw;
    double *cost = kh_xmalloc((n + 1) * sizeof *cost);
    size_t *from = kh_xmalloc((n + 1) * sizeof *from);
    for (size_t k = 0; k <= n; k++)
        cost[k] = INFINITY;
    cost[0] = 0;
    from[0] = 0;
    /* Ragged text (left or right aligned: table cells, Nơi nhận) is filled
     * first-fit, as a reader expects; justified and centred text is set
     * total-fit, which evens out the spacing. */
    bool ragged = st->align == KH_ALIGN_LEFT || st->align == KH_ALIGN_RIGHT;
    for (size_t i = 0; ragged && i < n;) {
        double avail = i == 0 ? first : full, nat = wl.w[i].w;
        size_t j = i + 1;
        while (j < n && !wl.w[j - 1].brk &&
               nat + wl.w[j - 1].space + wl.w[j].w <= avail + 1e-6) {
            nat += wl.w[j - 1].space + wl.w[j].w;
            j++;
        }
        from[j] = i;
        cost[j] = 0;
        i = j;
    }
    /* Total fit in two passes: first only lines whose spaces stretch less
     * than the cap (a break after which only over-loose lines follow is no
     * start at all, so few words are tried as line starts: a fifth of the
     * work on a long plan), then, if no such set of breaks exists, all. The
     * first pass finds the same breaks whenever the optimum has no line at
     * the cap, which costs ten thousand times a normal line. */
    const double loose = (10.0 + 10000) * (10.0 + 10000);
    for (int strict = 1; !ragged && strict >= 0 && isinf(cost[n]); strict--) {
        for (size_t k = 1; k <= n; k++)
            cost[k] = INFINITY;
        for (size_t i = 0; i < n; i++) {
            if (isinf(cost[i]))
                continue;
            double avail = i == 0 ? first : full, nat = 0, sp = 0;
            for (size_t j = i + 1; j <= n; j++) {
                bool last = j == n || wl.w[j - 1].brk;
                if (j > i + 1) { /* the line grows by one word: sums kept */
                    nat += wl.w[j - 2].space;
                    sp += wl.w[j - 2].space;
                }
                nat += wl.w[j - 1].w;
                double c = line_cost(nat, sp, j - i, avail, last);
                if (isinf(c))
                    break;
                if ((!strict || c < loose) && cost[i] + c < cost[j]) {
                    cost[j] = cost[i] + c;
                    from[j] = i;
                }
                if (wl.w[j - 1].brk)
                    break;
            }
        }
    }
    /* Recover the breaks. */
    size_t n_breaks = 0;
    for (size_t j = n; j > 0; j = from[j])
        n_breaks++;
    size_t *ends = kh_xmalloc(n_breaks * sizeof *ends);
    size_t k = n_breaks;
    for (size_t j = n; j > 0; j = from[j])
        ends[--k] = j;

    size_t start = 0;
    for (size_t li = 0; li < n_breaks; li++) {
        size_t end = ends[li];
        bool last = end == n || wl.w[end - 1].brk;
        double x0 = st->left + (li == 0 ? st->first_indent : 0);
        double avail = li == 0 ? first : full;
        double nat = 0;
        size_t gaps = end - start - 1;
        for (size_t q = start; q < end; q++)
            nat += wl.w[q].w + (q + 1 < end ? wl.w[q].space : 0);
        kh_align al = last && st->align == KH_ALIGN_JUSTIFY ? st->last_align : st->align;
        double extra = 0, x = x0;
        if (al == KH_ALIGN_JUSTIFY && gaps > 0)
            extra = (avail - nat) / (double)gaps;
        else if (al == KH_ALIGN_CENTER)
            x += (avail - nat) / 2;
        else if (al == KH_ALIGN_RIGHT)
            x += avail - nat;
        kh_line *ln = add_line(b);
        ln->height = st->leading;
        ln->y = b->height + BASELINE * st->leading;
        ln->natural = nat;
        ln->left = x;
        for (size_t q = start; q < end; q++) {
            const word *w = &wl.w[q];
            for (size_t fi = 0; fi < w->n; fi++) {
                const frag *f = &wl.f[w->first + fi];
                kh_box *bx = add_box(b);
                *bx = (kh_box){f->s, f->n, f->style, st->size, x, f->w};
                x += f->w;
            }
            if (q + 1 < end)
                x += w->space + extra;
        }
        ln->right = x;
        ln->n_boxes = b->n_boxes - ln->first_box;
        b->height += st->leading;
        start = end;
    }
    free(ends);
    free(cost);
    free(from);
    free(wl.f);
    free(wl.w);
    return n_breaks;
}

void kh_layout_text(kh_block *b, const kh_span *spans, size_t n_spans,
                    double size, double x, double y, double height,
                    const kh_measure *m)
{
    kh_line *ln = add_line(b);
    ln->y = y;
    ln->height = height;
    ln->left = x;
    for (size_t i = 0; i < n_spans; i++) {
        if (spans[i].style & KH_ST_BREAK || !spans[i].n)
            continue;
        double w = m->width(m->ctx, (int)(spans[i].style & KH_FONT_MASK), size,
                            spans[i].s, spans[i].n);
        kh_box *bx = add_box(b);
        *bx = (kh_box){spans[i].s, spans[i].n, spans[i].style, size, x, w};
        x += w;
    }
    ln->right = x;
    ln->natural = x - ln->left;
    ln->n_boxes = b->n_boxes - ln->first_box;
}

/* ---- pagination ------------------------------------------------------- */

typedef struct item {
    size_t block;
    long line;       /* -1: the whole block */
    double height, space;
    double base;     /* baseline offset inside the item */
    bool can_break;  /* a page may begin before this item */
    bool forced;     /* a page must begin before this item */
    size_t repeat;   /* the block's repeat_header */
} item;

void kh_paginate(kh_doc *d, double first_top, double height)
{
    item *it = NULL;
    size_t n = 0, cap = 0;
    for (size_t bi = 0; bi < d->n; bi++) {
        kh_block *b = &d->v[bi];
        bool prev_keep = bi > 0 && d->v[bi - 1].keep_with_next;
        if (b->keep_together || !b->n_lines) {
            KH_GROW(it, n, cap);
            it[n++] = (item){bi, -1, b->height, b->space_before, 0,
                             !prev_keep, b->page_break_before, b->repeat_header};
            continue;
        }
        double top = 0;
        size_t nl = b->n_lines, wo = b->widow_orphan ? b->widow_orphan : 1;
        for (size_t k = 0; k < nl; k++) {
            const kh_line *ln = &b->lines[k];
            bool can = k == 0 ? !prev_keep : (k >= wo && k + wo <= nl);
            KH_GROW(it, n, cap);
            it[n++] = (item){bi, (long)k, ln->height, k == 0 ? b->space_before : 0,
                             ln->y - top, can, k == 0 && b->page_break_before,
                             k == 0 ? b->repeat_header : 0};
            top += ln->height;
        }
    }

    d->n_repeats = 0;
    double *pos = kh_xmalloc((n ? n : 1) * sizeof *pos);
    int *pg = kh_xmalloc((n ? n : 1) * sizeof *pg);
    int page = 0;
    size_t page_start = 0, i = 0;
    double cursor = first_top;
    while (i < n) {
        if (it[i].forced && i != page_start) {
            page++;
            page_start = i;
            cursor = 0;
            continue;
        }
        double sp = i == page_start && cursor <= 0 ? 0 : it[i].space;
        if (i == page_start || cursor + sp + it[i].height <= height + 0.01) {
            pos[i] = cursor + sp;
            pg[i] = page;
            cursor += sp + it[i].height;
            i++;
            continue;
        }
        size_t j = i;
        while (j > page_start && !it[j].can_break && !it[j].forced)
            j--;
        if (j == page_start)
            j = i; /* nothing may break here: break where we must */
        page++;
        page_start = j;
        cursor = 0;
        i = j;
        size_t h = it[j].repeat;
        if (h && h <= d->n && d->v[h - 1].height < height / 2) {
            /* A table continues: its heading row first. */
            KH_GROW(d->repeats, d->n_repeats, d->cap_repeats);
            d->repeats[d->n_repeats++] = (kh_repeat){h - 1, page, 0};
            cursor = d->v[h - 1].height;
        }
    }
    d->n_pages = n ? page + 1 : 1;

    for (size_t k = 0; k < n; k++) {
        kh_block *b = &d->v[it[k].block];
        if (it[k].line < 0) {
            b->page = pg[k];
            b->page_y = pos[k];
            for (size_t q = 0; q < b->n_lines; q++) {
                b->lines[q].page = pg[k];
                b->lines[q].page_y = pos[k] + b->lines[q].y;
            }
        } else {
            kh_line *ln = &b->lines[it[k].line];
            ln->page = pg[k];
            ln->page_y = pos[k] + it[k].base;
            if (it[k].line == 0) {
                b->page = pg[k];
                b->page_y = pos[k];
            }
        }
    }
    free(pos);
    free(pg);
    free(it);
}

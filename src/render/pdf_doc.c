/* pdf_doc.c — a plan composed into laid-out blocks (see pdf_doc.h), per the
 * party format rules (format-rules.md A.3): header columns, title, body,
 * Nơi nhận and signature, checklist appendix. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "kehoach/checklist.h"
#include "kehoach/compose.h"
#include "kehoach/markdown.h"
#include "kehoach/text.h"
#include "checklist_table.h"
#include "pdf_checklist.h"
#include "pdf_table.h"
#include "pdf_doc.h"

typedef struct ctx {
    kh_pdf_layout *L;
    const kh_plan *p;
    const kh_profile *pr;
    const kh_render_opts *o;
    const kh_measure *m;
    kh_diags *d;
    kh_span *sp;      /* spans of the paragraph being built */
    size_t n_sp, cap_sp;
    kh_span *last;    /* spans of the last paragraph emitted (the end mark) */
    size_t n_last, cap_last;
    size_t last_block;
    kh_para_style last_style;
    kh_para_style body;
    bool first_body;  /* the next body block is the first one */
    const char *doc_type;
} ctx;

char *kh_pdf_keep(kh_pdf_layout *L, char *s)
{
    KH_GROW(L->strs, L->n_strs, L->cap_strs);
    L->strs[L->n_strs++] = s;
    return s;
}

static char *keep(ctx *c, char *s)
{
    return kh_pdf_keep(c->L, s);
}

static void sp_add(ctx *c, const char *s, size_t n, unsigned style)
{
    KH_GROW(c->sp, c->n_sp, c->cap_sp);
    c->sp[c->n_sp++] = (kh_span){s, n, style};
}

static void sp_adds(ctx *c, const char *s, unsigned style)
{
    sp_add(c, s, strlen(s), style);
}

static cmark_node *parse(ctx *c, const kh_text *t, const char *s)
{
    kh_text tt = *t;
    tt.s = s;
    cmark_node *doc = kh_md_parse(&tt, NULL, NULL);
    if (doc) {
        kh_pdf_layout *L = c->L;
        KH_GROW(L->mds, L->n_mds, L->cap_mds);
        L->mds[L->n_mds++] = doc;
    }
    return doc;
}

/* Inline content of a node into spans. softbreak_breaks: a line break in
 * the source is a line break in the output (the trích yếu). */
static void inlines(ctx *c, cmark_node *parent, unsigned style,
                    bool softbreak_breaks)
{
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            sp_adds(c, cmark_node_get_literal(n), style);
            break;
        case CMARK_NODE_SOFTBREAK:
            if (softbreak_breaks)
                sp_add(c, "", 0, style | KH_ST_BREAK);
            else
                sp_add(c, " ", 1, style);
            break;
        case CMARK_NODE_LINEBREAK:
            sp_add(c, "", 0, style | KH_ST_BREAK);
            break;
        case CMARK_NODE_EMPH:
            inlines(c, n, style | KH_ST_ITALIC, softbreak_breaks);
            break;
        case CMARK_NODE_STRONG:
            inlines(c, n, style | KH_ST_BOLD, softbreak_breaks);
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            inlines(c, n, style, softbreak_breaks);
            break;
        default: /* raw HTML: dropped (the loader warned) */
            break;
        }
    }
}

/* Emit the current spans as one paragraph block. Returns its index. */
static size_t emit(ctx *c, const kh_para_style *st, double space_before,
                   bool keep_next)
{
    kh_block *b = kh_doc_add(&c->L->doc);
    size_t idx = c->L->doc.n - 1;
    b->space_before = space_before;
    b->keep_with_next = keep_next;
    kh_layout_para(b, c->sp, c->n_sp, st, c->m);
    /* Keep its spans (swap the buffers): the end mark may re-set it. */
    kh_span *t = c->last;
    size_t cap = c->cap_last;
    c->last = c->sp;
    c->n_last = c->n_sp;
    c->cap_last = c->cap_sp;
    c->sp = t;
    c->cap_sp = cap;
    c->n_sp = 0;
    c->last_block = idx;
    c->last_style = *st;
    c->first_body = false;
    return idx;
}

static bool blank(char ch)
{
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

/* The profile's end mark (`./.`) closes the last body paragraph, glued to
 * its last word (`… năm 2025./.`; a final full stop becomes the mark's
 * first), unless the text already ends with it. The paragraph is set again
 * with the mark, so it never stands alone on a line. */
static void end_mark(ctx *c)
{
    const char *mark = c->pr->end_mark;
    kh_pdf_layout *L = c->L;
    if (!mark || !*mark || !c->n_last || c->last_block + 1 != L->doc.n ||
        c->last_block < L->body_first)
        return;
    /* Drop trailing white space, then look at the text's end. */
    size_t n = c->n_last;
    while (n && (c->last[n - 1].style & KH_ST_BREAK || !c->last[n - 1].n))
        n--;
    while (n) {
        kh_span *t = &c->last[n - 1];
        while (t->n && blank(t->s[t->n - 1]))
            t->n--;
        if (t->n)
            break;
        n--;
    }
    if (!n)
        return;
    const kh_span *t = &c->last[n - 1];
    size_t ml = strlen(mark);
    if (t->n >= ml && !memcmp(t->s + t->n - ml, mark, ml))
        return;
    const char *add = t->s[t->n - 1] == mark[0] ? mark + 1 : mark;
    c->n_last = n;
    KH_GROW(c->last, c->n_last, c->cap_last);
    c->last[c->n_last++] = (kh_span){add, strlen(add), 0};
    kh_block *b = &L->doc.v[c->last_block];
    b->n_boxes = b->n_lines = 0;
    b->height = 0;
    kh_layout_para(b, c->last, c->n_last, &c->last_style, c->m);
}

static double body_space(ctx *c)
{
    return c->first_body ? c->pr->body_space : c->pr->paragraph_space;
}

/* Block-level Markdown. When `lead` is set, the spans already collected
 * open the first paragraph (an inline heading `1. Đối tượng: …`, or a dash).
 * `bullet` prefixes each list item ("- ", "+ " nested). */
static void blocks(ctx *c, cmark_node *parent, bool lead, int list_depth)
{
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
            if (lead && c->n_sp)
                sp_add(c, " ", 1, 0);
            lead = false;
            inlines(c, n, 0, false);
            emit(c, &c->body, body_space(c), false);
            break;
        case CMARK_NODE_HEADING:
            if (lead && c->n_sp)
                emit(c, &c->body, body_space(c), false);
            lead = false;
            inlines(c, n, KH_ST_BOLD, false);
            emit(c, &c->body, body_space(c), true);
            break;
        case CMARK_NODE_LIST: {
            if (lead && c->n_sp)
                emit(c, &c->body, body_space(c), false);
            lead = false;
            bool ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
            int num = cmark_node_get_list_start(n);
            bool paren = cmark_node_get_list_delim(n) == CMARK_PAREN_DELIM;
            for (cmark_node *item = cmark_node_first_child(n); item;
                 item = cmark_node_next(item), num++) {
                if (ordered) {
                    kh_buf b = {0};
                    kh_buf_printf(&b, "%d%s ", num, paren ? ")" : ".");
                    sp_adds(c, keep(c, kh_buf_take(&b)), 0);
                } else
                    sp_adds(c, list_depth ? "+ " : "- ", 0);
                blocks(c, item, true, list_depth + 1);
            }
            break;
        }
        case CMARK_NODE_BLOCK_QUOTE:
        case CMARK_NODE_ITEM:
            blocks(c, n, lead, list_depth);
            lead = false;
            break;
        case CMARK_NODE_CODE_BLOCK: {
            if (lead && c->n_sp)
                emit(c, &c->body, body_space(c), false);
            lead = false;
            const char *lit = cmark_node_get_literal(n);
            while (lit && *lit) {
                const char *nl = strchr(lit, '\n');
                size_t len = nl ? (size_t)(nl - lit) : strlen(lit);
                sp_add(c, lit, len, 0);
                sp_add(c, "", 0, KH_ST_BREAK);
                lit += len + (nl ? 1 : 0);
            }
            emit(c, &c->body, body_space(c), false);
            break;
        }
        default:
            break;
        }
    }
    if (lead && c->n_sp) /* a heading with an empty body */
        emit(c, &c->body, body_space(c), false);
}

static void markdown(ctx *c, const kh_text *t, const char *s, bool lead)
{
    if (!s) {
        if (lead && c->n_sp)
            emit(c, &c->body, body_space(c), false);
        return;
    }
    cmark_node *doc = parse(c, t, s);
    if (!doc) {
        c->n_sp = 0;
        return;
    }
    blocks(c, doc, lead, 0);
}

static const char *event_text(ctx *c, const kh_event *e)
{
    kh_buf b = {0};
    kh_compose_event_md(c->p, e, &b);
    return keep(c, kh_buf_take(&b));
}

static const char *task_text(ctx *c, const kh_task *t)
{
    kh_buf b = {0};
    kh_compose_task_md(c->p, t, &b);
    return keep(c, kh_buf_take(&b));
}

/* ---- header ----------------------------------------------------------- */

static kh_para_style centred(double size, double leading, double width)
{
    return (kh_para_style){size, leading, width, 0, 0, KH_ALIGN_CENTER,
                           KH_ALIGN_CENTER};
}

static const char *upper(ctx *c, const char *s)
{
    char *u = kh_utf8_upper(s);
    return keep(c, u ? u : kh_strdup(s));
}

/* A header name (superior body, issuer) as spans with forced breaks that
 * even out the lines: as few lines as first-fit needs in `width`, then the
 * breaks that make the widest line narrowest, so `ỦY BAN NHÂN DÂN HUYỆN
 * BẠCH THÔNG` sets as `ỦY BAN NHÂN DÂN` / `HUYỆN BẠCH THÔNG` rather than
 * leaving one word alone. Without header_balanced_wrap (or with too many
 * words) the name goes in as it is and the paragraph breaks first-fit. */
#define BALANCE_MAX_WORDS 32
static void balanced_line(ctx *c, const char *s, size_t s_len, unsigned style,
                          double size, double width)
{
    const char *w[BALANCE_MAX_WORDS];
    size_t len[BALANCE_MAX_WORDS], n = 0;
    const char *end = s + s_len;
    for (const char *q = s; q < end && n <= BALANCE_MAX_WORDS;) {
        while (q < end && *q == ' ')
            q++;
        if (q == end)
            break;
        const char *sp = memchr(q, ' ', (size_t)(end - q));
        size_t l = sp ? (size_t)(sp - q) : (size_t)(end - q);
        if (kh_is_spaced_dash(q, l) && n > 0) {
            /* A spaced dash binds to both neighbours, as in the body
             * (layout.c): `LAO ĐỘNG - THƯƠNG BINH` never breaks at it. */
            const char *next = q + l;
            while (next < end && *next == ' ')
                next++;
            const char *ne = next;
            while (ne < end && *ne != ' ')
                ne++;
            len[n - 1] = (size_t)(ne - w[n - 1]);
            q = ne;
            continue;
        }
        if (n < BALANCE_MAX_WORDS) {
            w[n] = q;
            len[n] = l;
        }
        n++;
        q += l;
    }
    if (!c->pr->header_balanced_wrap || n < 2 || n > BALANCE_MAX_WORDS) {
        sp_add(c, s, s_len, style);
        return;
    }
    /* width of words [i, j) on one line */
    double ww[BALANCE_MAX_WORDS];
    double sp = c->m->width(c->m->ctx, style & KH_FONT_MASK, size, " ", 1);
    for (size_t i = 0; i < n; i++)
        ww[i] = c->m->width(c->m->ctx, style & KH_FONT_MASK, size, w[i], len[i]);
#define SPAN_W(i, j) (line_w[(i)][(j)])
    static const double inf = 1e300;
    double line_w[BALANCE_MAX_WORDS + 1][BALANCE_MAX_WORDS + 1];
    for (size_t i = 0; i < n; i++) {
        double t = 0;
        for (size_t j = i + 1; j <= n; j++) {
            t += ww[j - 1] + (j > i + 1 ? sp : 0);
            line_w[i][j] = t;
        }
    }
    /* best[l][j]: the narrowest widest line setting words [0, j) in l lines */
    double best[BALANCE_MAX_WORDS + 1][BALANCE_MAX_WORDS + 1];
    size_t from[BALANCE_MAX_WORDS + 1][BALANCE_MAX_WORDS + 1];
    for (size_t l = 0; l <= n; l++)
        for (size_t j = 0; j <= n; j++)
            best[l][j] = inf;
    best[0][0] = 0;
    size_t lines = 0;
    for (size_t l = 1; l <= n && !lines; l++) {
        for (size_t j = 1; j <= n; j++)
            for (size_t i = l - 1; i < j; i++) {
                if (best[l - 1][i] >= inf || SPAN_W(i, j) > width + 1e-6)
                    continue;
                double m = best[l - 1][i] > SPAN_W(i, j) ? best[l - 1][i] : SPAN_W(i, j);
                if (m < best[l][j] - 1e-9) {
                    best[l][j] = m;
                    from[l][j] = i;
                }
            }
        if (best[l][n] < inf)
            lines = l;
    }
#undef SPAN_W
    if (!lines) { /* a word wider than the column: first-fit cuts it */
        sp_add(c, s, s_len, style);
        return;
    }
    size_t ends[BALANCE_MAX_WORDS + 1];
    for (size_t l = lines, j = n; l > 0; j = from[l][j], l--)
        ends[l - 1] = j;
    size_t i = 0;
    for (size_t l = 0; l < lines; l++) {
        if (l)
            sp_add(c, "", 0, style | KH_ST_BREAK);
        for (size_t k = i; k < ends[l]; k++) {
            if (k > i)
                sp_add(c, " ", 1, style);
            sp_add(c, w[k], len[k], style);
        }
        i = ends[l];
    }
}

/* A header name: the lines the user broke it into (kh_header), each
 * wrapped on its own if it is still too wide for the column. */
static void balanced_name(ctx *c, const char *s, unsigned style, double size,
                          double width)
{
    for (bool first = true; *s; first = false) {
        size_t n = strcspn(s, "\n");
        if (!first)
            sp_add(c, "", 0, style | KH_ST_BREAK);
        balanced_line(c, s, n, style, size, width);
        s += n + (s[n] == '\n');
    }
}

static void header(ctx *c)
{
    const kh_profile *pr = c->pr;
    const kh_plan *p = c->p;
    double W = c->L->text_w;
    double lw = W * pr->left_column_share, rw = W - lw;
    double lead = pr->header_leading;
    kh_block left = {0}, right = {0};
    left.outline_level = right.outline_level = -1;
    kh_header h;
    kh_header_compose(p, &h);
    const char *superior = h.superior ? keep(c, h.superior) : NULL;
    const char *issuer = h.issuer ? keep(c, h.issuer) : NULL;
    const char *number = h.number_line ? keep(c, h.number_line) : pr->number_prefix;
    const char *date_line = h.date_line ? keep(c, h.date_line) : NULL;
    c->doc_type = keep(c, h.doc_type);

    /* Left column: superior body, issuer (bold), mark, number. */
    kh_para_style st;
    if (superior) {
        st = centred(pr->size_superior, lead, lw);
        balanced_name(c, superior, 0, pr->size_superior, lw);
        kh_layout_para(&left, c->sp, c->n_sp, &st, c->m);
        c->n_sp = 0;
    }
    size_t issuer_first = left.n_lines;
    if (issuer) {
        st = centred(pr->size_issuer, lead, lw);
        balanced_name(c, issuer, KH_ST_BOLD, pr->size_issuer, lw);
        kh_layout_para(&left, c->sp, c->n_sp, &st, c->m);
        c->n_sp = 0;
    }
    if (h.issuer_mark) {
        st = centred(pr->size_issuer, lead, lw);
        sp_adds(c, h.issuer_mark, 0);
        kh_layout_para(&left, c->sp, c->n_sp, &st, c->m);
        c->n_sp = 0;
    } else if (left.n_lines > issuer_first) {
        /* State: a rule under the issuer, centred, its length a share
         * (1/3–1/2) of the name's widest line, clear of the dots below. */
        double widest = 0;
        for (size_t i = issuer_first; i < left.n_lines; i++)
            if (left.lines[i].right - left.lines[i].left > widest)
                widest = left.lines[i].right - left.lines[i].left;
        double w = widest * pr->issuer_rule_share;
        double y = left.lines[left.n_lines - 1].y + pr->size_issuer * 0.45;
        kh_block_rule(&left, lw / 2 - w / 2, y, lw / 2 + w / 2, y, pr->rule_width);
        left.height = y + lead * 0.35;
    }
    st = centred(pr->size_number, lead, lw);
    sp_adds(c, number, 0);
    double num_top = left.height;
    kh_layout_para(&left, c->sp, c->n_sp, &st, c->m);
    c->n_sp = 0;
    double num_right = left.n_lines ? left.lines[left.n_lines - 1].right : 0;
    double num_base = left.n_lines ? left.lines[left.n_lines - 1].y : lead;

    /* Right column: the party title with its rule, then the date line on
     * the number's row. */
    st = centred(pr->size_header_title, lead, rw);
    sp_adds(c, pr->header_title, KH_ST_BOLD);
    double tw = kh_spans_width(c->sp, c->n_sp, pr->size_header_title, c->m);
    if (tw > rw)
        kh_diag(c->d, p->path, (kh_pos){0, 0}, KH_ERROR, "R-PDF-HEADER-FIT",
                "the header title is %.0f pt wide, the right column %.0f pt",
                "tiêu đề rộng %.0f pt, cột phải chỉ %.0f pt", tw, rw);
    kh_layout_para(&right, c->sp, c->n_sp, &st, c->m);
    c->n_sp = 0;
    const kh_line *tl = &right.lines[0];
    double rule_y = tl->y + pr->size_header_title * 0.25;
    if (pr->motto) {
        st = centred(pr->size_motto, lead, rw);
        sp_adds(c, pr->motto, KH_ST_BOLD);
        kh_layout_para(&right, c->sp, c->n_sp, &st, c->m);
        c->n_sp = 0;
        tl = &right.lines[right.n_lines - 1];
        rule_y = tl->y + pr->size_motto * 0.25;
    }
    kh_block_rule(&right, tl->left, rule_y, tl->right, rule_y, pr->rule_width);

    if (date_line) {
        sp_adds(c, date_line, KH_ST_ITALIC);
        double dw = kh_spans_width(c->sp, c->n_sp, pr->size_date_line, c->m);
        double base = num_base > rule_y + lead * 0.9 ? num_base : rule_y + lead;
        double x = (rw - dw) / 2; /* relative to the right column */
        if (dw > rw) { /* widen the column leftwards rather than wrap */
            x = rw - dw;
            if (lw + x < num_right + 6 && base <= num_base + 0.01)
                kh_diag(c->d, p->path, p->place.pos, KH_ERROR, "R-PDF-HEADER-FIT",
                        "the date line (%.0f pt) does not fit on one line beside the number",
                        "dòng địa danh, ngày tháng (%.0f pt) không vừa một dòng bên cạnh số hiệu",
                        dw);
        }
        kh_layout_text(&right, c->sp, c->n_sp, pr->size_date_line, x, base,
                       lead, c->m);
        c->n_sp = 0;
        if (base + lead * 0.3 > right.height)
            right.height = base + lead * 0.3;
    }
    (void)num_top;

    kh_block *b = kh_doc_add(&c->L->doc);
    b->keep_together = true;
    b->keep_with_next = true;
    kh_block_merge(b, &left, 0, 0);
    kh_block_merge(b, &right, lw, 0);
    b->height = left.height > right.height ? left.height : right.height;
    kh_block_clear(&left);
    kh_block_clear(&right);
}

static void title(ctx *c)
{
    const kh_profile *pr = c->pr;
    const kh_plan *p = c->p;
    double W = c->L->text_w;
    kh_block *b = kh_doc_add(&c->L->doc);
    b->keep_together = true;
    b->keep_with_next = true;
    b->space_before = pr->doc_type_space;
    kh_para_style st = centred(pr->size_doc_type, pr->line_height, W);
    sp_adds(c, c->doc_type, KH_ST_BOLD);
    kh_layout_para(b, c->sp, c->n_sp, &st, c->m);
    c->n_sp = 0;
    if (p->title.s) {
        cmark_node *doc = parse(c, &p->title, p->title.s);
        for (cmark_node *n = doc ? cmark_node_first_child(doc) : NULL; n;
             n = cmark_node_next(n)) {
            if (c->n_sp)
                sp_add(c, "", 0, KH_ST_BREAK);
            inlines(c, n, KH_ST_BOLD, true);
        }
        st = centred(pr->size_title, pr->line_height, W);
        kh_layout_para(b, c->sp, c->n_sp, &st, c->m);
        c->n_sp = 0;
    }
    double len = pr->title_rule_length * KH_MM;
    double y = b->height + pr->line_height * 0.3;
    kh_block_rule(b, W / 2 - len / 2, y, W / 2 + len / 2, y, pr->rule_width);
    b->height = y + 2;
    c->L->body_first = c->L->doc.n;
    c->first_body = true;
}

/* ---- căn cứ ----------------------------------------------------------- */

/* One body paragraph per căn cứ line, as typed: party `- Căn cứ …;`
 * upright, state italic (profile). */
static void basis(ctx *c)
{
    const kh_profile *pr = c->pr;
    for (size_t i = 0; i < c->p->n_basis; i++) {
        const char *s = c->p->basis[i].s ? c->p->basis[i].s : "";
        unsigned st = pr->basis_italic ? KH_ST_ITALIC : 0;
        if (pr->basis_dash)
            sp_adds(c, pr->basis_dash, st);
        sp_adds(c, s, st);
        emit(c, &c->body, body_space(c), false);
    }
}

/* ---- body ------------------------------------------------------------- */

static void heading(ctx *c, const char *label, const kh_text *t, int depth,
                    bool inline_body, const kh_text *body)
{
    unsigned style = depth >= 2 ? KH_ST_BOLD : KH_ST_BOLD;
    if (label) {
        sp_adds(c, label, style);
        sp_add(c, " ", 1, style);
    }
    const char *s = t->s ? t->s : "";
    if (depth == 0)
        s = upper(c, s);
    cmark_node *doc = parse(c, t, s);
    if (doc)
        for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
            inlines(c, n, style, false);
    /* The outline entry: the heading's plain text. */
    kh_buf plain = {0};
    if (label)
        kh_buf_printf(&plain, "%s ", label);
    if (doc) {
        kh_buf tmp = {0};
        kh_md_plain(doc, &tmp);
        kh_buf_puts(&plain, kh_buf_str(&tmp));
        kh_buf_free(&tmp);
    }
    const char *outline = keep(c, kh_buf_take(&plain));
    size_t first = c->L->doc.n;
    if (inline_body) {
        /* `1. Đối tượng: Toàn thể …`: bold up to the colon. */
        const char *sep = kh_compose_inline_sep(s);
        if (sep[0] == ':')
            sp_add(c, ":", 1, style);
        markdown(c, body, body->s, true);
    } else
        emit(c, &c->body, body_space(c), true);
    if (first < c->L->doc.n && depth <= 1) {
        c->L->doc.v[first].outline_level = depth;
        c->L->doc.v[first].outline = outline;
    }
}

static void dash_item(ctx *c, const kh_text *t, const char *s)
{
    sp_adds(c, "- ", 0);
    markdown(c, t, s, true);
}

static void unit(ctx *c, const kh_unit *u, const char *label, int depth)
{
    bool inl = kh_compose_unit_inline(u);
    if (label) {
        sp_adds(c, label, KH_ST_BOLD);
        sp_add(c, " ", 1, KH_ST_BOLD);
    }
    const char *name = u->name.s ? u->name.s : "";
    sp_adds(c, name, KH_ST_BOLD);
    size_t first = c->L->doc.n;
    if (inl) {
        if (kh_compose_inline_sep(name)[0] == ':')
            sp_add(c, ":", 1, KH_ST_BOLD);
        if (u->body.s) {
            markdown(c, &u->body, u->body.s, true);
            for (size_t i = 0; i < u->n_tasks; i++)
                dash_item(c, &u->tasks[i].text, task_text(c, &u->tasks[i]));
        } else if (u->n_tasks) {
            markdown(c, &u->tasks[0].text, task_text(c, &u->tasks[0]), true);
            for (size_t i = 1; i < u->n_tasks; i++)
                dash_item(c, &u->tasks[i].text, task_text(c, &u->tasks[i]));
        } else
            emit(c, &c->body, body_space(c), false);
    } else {
        emit(c, &c->body, body_space(c), true);
        if (u->body.s)
            markdown(c, &u->body, u->body.s, false);
        for (size_t i = 0; i < u->n_tasks; i++)
            dash_item(c, &u->tasks[i].text, task_text(c, &u->tasks[i]));
    }
    if (first < c->L->doc.n && depth <= 1) {
        kh_buf pl = {0};
        if (label)
            kh_buf_printf(&pl, "%s ", label);
        kh_buf_puts(&pl, name);
        c->L->doc.v[first].outline_level = depth;
        c->L->doc.v[first].outline = keep(c, kh_buf_take(&pl));
    }
}

/* The spans of one table cell, kept until the layout is freed. A cell is
 * one line of inline Markdown; one that Markdown reads as a block of
 * another kind (`1.` is a list, `-` an item) is set as typed. */
static kh_pdf_cell cell_spans(ctx *c, const kh_text *t, unsigned style)
{
    c->n_sp = 0;
    if (t->s && *t->s) {
        cmark_node *doc = parse(c, t, t->s);
        cmark_node *n = doc ? cmark_node_first_child(doc) : NULL;
        if (n && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
            for (; n; n = cmark_node_next(n)) {
                if (c->n_sp)
                    sp_add(c, " ", 1, style);
                if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
                    inlines(c, n, style, false);
            }
        } else
            sp_adds(c, t->s, style);
    }
    kh_pdf_cell cell = {NULL, c->n_sp};
    if (c->n_sp) {
        kh_span *v = kh_xcalloc(c->n_sp, sizeof *v);
        memcpy(v, c->sp, c->n_sp * sizeof *v);
        keep(c, (char *)v);
        cell.sp = v;
    }
    c->n_sp = 0;
    return cell;
}

static void table(ctx *c, const kh_table *t)
{
    if (!t->n_cols)
        return;
    const kh_profile *pr = c->pr;
    double W = c->L->text_w;
    if (!kh_text_empty(&t->caption)) {
        cmark_node *doc = parse(c, &t->caption, t->caption.s);
        for (cmark_node *n = doc ? cmark_node_first_child(doc) : NULL; n; n = cmark_node_next(n))
            inlines(c, n, KH_ST_BOLD, false);
        kh_para_style st = centred(pr->size_body, pr->line_height, W);
        emit(c, &st, body_space(c), true);
    }
    size_t nc = t->n_cols, nr = t->n_rows;
    kh_pdf_cell *head = kh_xcalloc(nc, sizeof *head);
    kh_pdf_cell *cells = kh_xcalloc(nr * nc + 1, sizeof *cells);
    kh_align *align = kh_xcalloc(nc, sizeof *align);
    for (size_t k = 0; k < nc; k++) {
        head[k] = cell_spans(c, &t->head[k], KH_ST_BOLD);
        kh_cell_align a = kh_table_col_align(t, k);
        align[k] = a == KH_CELL_CENTER ? KH_ALIGN_CENTER
                   : a == KH_CELL_RIGHT ? KH_ALIGN_RIGHT : KH_ALIGN_LEFT;
    }
    for (size_t i = 0; i < nr * nc; i++)
        cells[i] = cell_spans(c, &t->cells[i], 0);
    double size = pr->size_table;
    kh_pdf_table_in in = {nc, nr, head, cells, align, W, size, size * 1.25, size * 0.3,
                          pr->rule_width * 0.8, pr->paragraph_space, c->L->text_h};
    kh_pdf_table(&c->L->doc, &in, c->m);
    free(head);
    free(cells);
    free(align);
    c->first_body = false;
    if (!kh_text_empty(&t->note)) {
        cmark_node *doc = parse(c, &t->note, t->note.s);
        for (cmark_node *n = doc ? cmark_node_first_child(doc) : NULL; n; n = cmark_node_next(n)) {
            inlines(c, n, KH_ST_ITALIC, false);
            if (c->n_sp)
                emit(c, &c->body, pr->paragraph_space, false);
        }
    }
}

static void section(ctx *c, const kh_section *s, int depth, int *path)
{
    char buf[64];
    const char *label = keep(c, kh_strdup(kh_section_label(path, depth, c->p->delim, buf)));
    if (!s->title.s && s->body.s) {
        /* A numbered point: `1. Tổ chức quán triệt …` as one paragraph. */
        sp_adds(c, label, 0);
        markdown(c, &s->body, s->body.s, true);
    } else {
        heading(c, label, &s->title, depth, s->inline_body, &s->body);
        if (!s->inline_body && s->body.s)
            markdown(c, &s->body, s->body.s, false);
    }
    table(c, &s->table);
    if (s->timetable.pos.line) {
        /* Its cells are set as typed or parsed (cell_spans): the boxes may
         * point into the strings, which live as long as the layout. */
        kh_table *tt = kh_compose_timetable(c->p, &s->timetable);
        table(c, tt);
        for (size_t k = 0; k < tt->n_cols; k++)
            if (tt->head[k].s)
                keep(c, (char *)tt->head[k].s);
        for (size_t k = 0; k < tt->n_rows * tt->n_cols; k++)
            if (tt->cells[k].s)
                keep(c, (char *)tt->cells[k].s);
        tt->n_cols = tt->n_rows = 0; /* the strings are kept; free the rest */
        kh_compose_table_free(tt);
    }
    for (size_t i = 0; i < s->n_events; i++)
        dash_item(c, &s->events[i].text, event_text(c, &s->events[i]));
    if (depth >= 15)
        return;
    for (size_t i = 0; i < s->n_sections; i++) {
        path[depth + 1] = (int)i + 1;
        section(c, &s->sections[i], depth + 1, path);
    }
    for (size_t i = 0; i < s->n_units; i++) {
        int num = kh_compose_unit_number(s, i);
        label = NULL;
        if (num) {
            path[depth + 1] = num;
            label = keep(c, kh_strdup(kh_section_label(path, depth + 1, c->p->delim, buf)));
        }
        unit(c, &s->units[i], label, depth + 1);
    }
}

/* ---- Nơi nhận and signature ------------------------------------------ */

static const char *recipient_text(ctx *c, const kh_recipient *r)
{
    kh_buf b = {0};
    kh_compose_recipient_line(c->p, r, &b);
    return keep(c, kh_buf_take(&b));
}

static void recipients(ctx *c, kh_block *col, double width)
{
    const kh_profile *pr = c->pr;
    const kh_plan *p = c->p;
    double size = pr->size_recipients, lead = pr->recipients_leading;
    kh_para_style st = {pr->size_recipients_label, pr->line_height, width, 0, 0,
                        KH_ALIGN_LEFT, KH_ALIGN_LEFT};
    sp_adds(c, pr->recipients_label,
            (pr->recipients_label_bold ? KH_ST_BOLD : 0) |
                (pr->recipients_label_italic ? KH_ST_ITALIC : 0) |
                (pr->recipients_label_underline ? KH_ST_UNDERLINE : 0));
    kh_layout_para(col, c->sp, c->n_sp, &st, c->m);
    c->n_sp = 0;
    double dash = c->m->width(c->m->ctx, 0, size, "- ", 2);
    double brace_w = size * 0.6;
    for (size_t i = 0; i < p->n_recipients;) {
        const kh_recipient *r = &p->recipients[i];
        if (r->group) {
            /* The lines of one group, then a brace and the role. */
            size_t j = i;
            while (j < p->n_recipients && p->recipients[j].group == r->group)
                j++;
            const char *lab = kh_compose_group_label(c->p, r->role);
            if (!lab)
                lab = "";
            double lab_w = c->m->width(c->m->ctx, 0, size, lab, strlen(lab));
            double maxw = 0;
            for (size_t k = i; k < j; k++) {
                const char *s = recipient_text(c, &p->recipients[k]);
                double w = dash + c->m->width(c->m->ctx, 0, size, s, strlen(s));
                if (w > maxw)
                    maxw = w;
            }
            double avail = width - brace_w * 2 - lab_w - 4;
            if (maxw > avail)
                maxw = avail;
            double top = col->height;
            for (size_t k = i; k < j; k++) {
                kh_para_style ls = {size, lead, maxw, dash, -dash, KH_ALIGN_LEFT,
                                    KH_ALIGN_LEFT};
                sp_adds(c, "- ", 0);
                sp_adds(c, recipient_text(c, &p->recipients[k]), 0);
                kh_layout_para(col, c->sp, c->n_sp, &ls, c->m);
                c->n_sp = 0;
            }
            double bottom = col->height;
            double bx = maxw + 2;
            kh_block_brace(col, bx, top + 2, bottom - 2, bx + brace_w, 0.6);
            kh_span ls = {lab, strlen(lab), 0};
            kh_layout_text(col, &ls, 1, size, bx + brace_w + 3,
                           (top + bottom) / 2 + size * 0.3, 0, c->m);
            i = j;
            continue;
        }
        if (r->kind == KH_RECIP_LABEL) {
            kh_para_style ls = {size, lead, width, 0, 0, KH_ALIGN_LEFT, KH_ALIGN_LEFT};
            sp_adds(c, r->text.s ? r->text.s : "", 0);
            kh_layout_para(col, c->sp, c->n_sp, &ls, c->m);
        } else {
            kh_para_style ls = {size, lead, width, dash, -dash, KH_ALIGN_LEFT,
                                KH_ALIGN_LEFT};
            sp_adds(c, "- ", 0);
            sp_adds(c, recipient_text(c, r), 0);
            kh_layout_para(col, c->sp, c->n_sp, &ls, c->m);
        }
        c->n_sp = 0;
        i++;
    }
}

static void signature(ctx *c, kh_block *col, double width)
{
    const kh_profile *pr = c->pr;
    const kh_signature *s = &c->p->signature;
    double size = pr->size_signature, lead = pr->line_height;
    kh_para_style st = centred(size, lead, width);
    const char *auth = keep(c, kh_compose_authority(c->p));
    const char *head = keep(c, kh_compose_head_authority(c->p));
    const char *title = keep(c, kh_compose_sign_title(c->p));
    if (*auth) {
        sp_adds(c, auth, KH_ST_BOLD);
        kh_layout_para(col, c->sp, c->n_sp, &st, c->m);
        c->n_sp = 0;
    }
    if (*head) { /* KT. CHỦ TỊCH: the second authority line (state) */
        sp_adds(c, head, KH_ST_BOLD);
        kh_layout_para(col, c->sp, c->n_sp, &st, c->m);
        c->n_sp = 0;
    }
    if (*title) {
        sp_adds(c, title, KH_ST_BOLD);
        kh_layout_para(col, c->sp, c->n_sp, &st, c->m);
        c->n_sp = 0;
    }
    col->height += pr->signature_blank_lines * lead;
    if (!kh_text_empty(&s->name)) {
        sp_adds(c, s->name.s, KH_ST_BOLD);
        kh_layout_para(col, c->sp, c->n_sp, &st, c->m);
        c->n_sp = 0;
    }
}

static void end_block(ctx *c)
{
    double W = c->L->text_w;
    double lw = W * c->pr->left_column_share;
    kh_block left = {0}, right = {0};
    signature(c, &right, W - lw);
    /* Nơi nhận may run under the right column as far as the centred
     * signature lines leave room (its braces and roles need the width). */
    double free_left = W - lw;
    for (size_t i = 0; i < right.n_lines; i++)
        if (right.lines[i].left < free_left)
            free_left = right.lines[i].left;
    double rw = lw + (free_left > 8 ? free_left - 8 : 0);
    recipients(c, &left, rw);
    /* Keep at least the last body lines with it (R-PDF-SIGN-ORPHAN). */
    if (c->L->doc.n)
        c->L->doc.v[c->L->doc.n - 1].keep_with_next = true;
    kh_block *b = kh_doc_add(&c->L->doc);
    c->L->end_block = c->L->doc.n - 1;
    b->keep_together = true;
    b->space_before = c->pr->end_block_space;
    kh_block_merge(b, &left, 0, 0);
    kh_block_merge(b, &right, lw, 0);
    b->height = left.height > right.height ? left.height : right.height;
    kh_block_clear(&left);
    kh_block_clear(&right);
}

/* ---- Phụ lục ----------------------------------------------------------- */

/* The head of an annex on a new page: its label, its title in capitals and
 * the caption `(Kèm theo Kế hoạch số … ngày … của …)`. */
static void annex_head(ctx *c, const char *label, const kh_text *title, const char *plain_title)
{
    const kh_profile *pr = c->pr;
    double W = c->L->text_w;
    kh_block *b = kh_doc_add(&c->L->doc);
    b->page_break_before = true;
    b->keep_together = true;
    b->keep_with_next = true;
    b->outline_level = 0;
    kh_para_style st = centred(pr->size_body, pr->line_height, W);
    sp_adds(c, label, KH_ST_BOLD);
    kh_layout_para(b, c->sp, c->n_sp, &st, c->m);
    c->n_sp = 0;
    kh_buf ol = {0};
    kh_buf_printf(&ol, "%s. ", label);
    if (title) {
        const char *s = upper(c, title->s ? title->s : "");
        cmark_node *doc = parse(c, title, s);
        for (cmark_node *n = doc ? cmark_node_first_child(doc) : NULL; n; n = cmark_node_next(n))
            inlines(c, n, KH_ST_BOLD, false);
        if (doc) {
            kh_buf tmp = {0};
            kh_md_plain(doc, &tmp);
            kh_buf_puts(&ol, kh_buf_str(&tmp));
            kh_buf_free(&tmp);
        }
    } else {
        sp_adds(c, upper(c, plain_title), KH_ST_BOLD);
        kh_buf_puts(&ol, plain_title);
    }
    st = centred(pr->size_doc_type, pr->line_height, W);
    kh_layout_para(b, c->sp, c->n_sp, &st, c->m);
    c->n_sp = 0;
    sp_adds(c, keep(c, kh_compose_annex_caption(c->p)), KH_ST_ITALIC);
    st = centred(pr->size_body, pr->line_height, W);
    kh_layout_para(b, c->sp, c->n_sp, &st, c->m);
    c->n_sp = 0;
    b->height += pr->paragraph_space;
    b->outline = keep(c, kh_buf_take(&ol));
    c->first_body = false;
}

static void annexes(ctx *c, size_t total)
{
    const kh_plan *p = c->p;
    for (size_t i = 0; i < p->n_annexes; i++) {
        const kh_section *a = &p->annexes[i];
        annex_head(c, keep(c, kh_compose_annex_label(p, i, total)), &a->title, NULL);
        if (a->body.s)
            markdown(c, &a->body, a->body.s, false);
        table(c, &a->table);
        int path[16] = {0};
        for (size_t k = 0; k < a->n_sections; k++) {
            path[1] = (int)k + 1;
            section(c, &a->sections[k], 1, path);
        }
    }
}

/* ---- the whole document ---------------------------------------------- */

int kh_pdf_layout_build(kh_pdf_layout *L, const kh_plan *p,
                        const kh_render_opts *o, const kh_measure *m,
                        kh_diags *d)
{
    memset(L, 0, sizeof *L);
    const kh_profile *pr = kh_profile_get(p->profile);
    L->pr = pr;
    L->page_w = pr->page_w * KH_MM;
    L->page_h = pr->page_h * KH_MM;
    L->margin_left = pr->margin_left * KH_MM;
    L->margin_top = pr->margin_top * KH_MM;
    L->text_w = L->page_w - L->margin_left - pr->margin_right * KH_MM;
    L->text_h = L->page_h - L->margin_top - pr->margin_bottom * KH_MM;
    L->end_block = L->appendix_first = KH_NO_BLOCK;
    size_t errors = d->count[KH_ERROR];

    ctx c = {.L = L, .p = p, .pr = pr, .o = o, .m = m, .d = d};
    c.body = (kh_para_style){pr->size_body, pr->line_height, L->text_w, 0,
                             pr->first_line_indent * KH_MM, KH_ALIGN_JUSTIFY,
                             KH_ALIGN_LEFT};
    size_t total = kh_compose_annex_count(p, kh_render_counts_checklist(o));
    if (!o->checklist_only) {
        header(&c);
        title(&c);
        basis(&c);
        markdown(&c, &p->intro, p->intro.s, false);
        int path[16] = {0};
        for (size_t i = 0; i < p->n_sections; i++) {
            path[0] = (int)i + 1;
            section(&c, &p->sections[i], 0, path);
        }
        markdown(&c, &p->closing, p->closing.s, false);
        end_mark(&c);
        end_block(&c);
        annexes(&c, total);
    }
    if (o->checklist || o->checklist_only) {
        kh_checklist *cl = kh_xcalloc(1, sizeof *cl);
        L->checklist = cl;
        kh_checklist_add_plan(cl, p);
        kh_checklist_sort(cl);
        L->appendix_first = L->doc.n;
        if (cl->n || o->checklist_only) {
            /* The checklist is the last Phụ lục. */
            /* Empty and on its own (checklist_only): still the Phụ lục
             * after the plan's, as the Markdown and DOCX label it. */
            size_t n = cl->n ? total : p->n_annexes + 1;
            annex_head(&c, keep(&c, kh_compose_annex_label(p, n - 1, n)), NULL,
                       kh_cl_title(o->lang));
            if (o->checklist_only)
                L->doc.v[L->appendix_first].page_break_before = false;
        }
        kh_pdf_checklist(L, cl, p, o, m);
        if (L->appendix_first == L->doc.n)
            L->appendix_first = KH_NO_BLOCK;
    }
    free(c.sp);
    free(c.last);

    kh_paginate(&L->doc, 0, L->text_h);

    if (L->end_block == KH_NO_BLOCK) /* the checklist alone */
        return d->count[KH_ERROR] > errors ? -1 : 0;
    /* R-PDF-SIGN-ORPHAN: body text above the signature on its page. */
    const kh_block *eb = &L->doc.v[L->end_block];
    bool above = false;
    for (size_t i = L->body_first; i < L->end_block && !above; i++)
        for (size_t k = 0; k < L->doc.v[i].n_lines; k++)
            if (L->doc.v[i].lines[k].page == eb->page)
                above = true;
    if (!above && eb->page > 0)
        kh_diag(d, p->path, p->signature.pos, KH_WARNING, "R-PDF-SIGN-ORPHAN",
                "the signature block stands alone on page %d, with no body text above it",
                "khối chữ ký đứng riêng ở trang %d, không có nội dung phía trên",
                eb->page + 1);
    return d->count[KH_ERROR] > errors ? -1 : 0;
}

void kh_pdf_layout_free(kh_pdf_layout *L)
{
    kh_doc_free(&L->doc);
    for (size_t i = 0; i < L->n_strs; i++)
        free(L->strs[i]);
    free(L->strs);
    for (size_t i = 0; i < L->n_mds; i++)
        cmark_node_free(L->mds[i]);
    free(L->mds);
    if (L->checklist) {
        kh_checklist_free(L->checklist);
        free(L->checklist);
    }
    memset(L, 0, sizeof *L);
}

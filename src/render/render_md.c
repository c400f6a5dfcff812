/* render_md.c — the plan as a Markdown directive, in reading order: header
 * block, KẾ HOẠCH and the trích yếu, intro, numbered sections (headings, so
 * `1.` is never a list; a section with no title is a numbered point, its
 * number leading its first paragraph), tables as GFM pipe tables, events
 * and unit tasks as dash items, closing, Nơi nhận, signature, then the
 * Phụ lục: the plan's annexes and, last, the due-date checklist as a task
 * list. Shared pieces come from compose.h; escaping from mdwrite.c. Same
 * input, same bytes. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/checklist.h"
#include "kehoach/compose.h"
#include "kehoach/markdown.h"
#include "kehoach/render.h"
#include "checklist_table.h"
#include "mdwrite.h"

typedef struct md_ctx {
    const kh_plan *p;
    mdw w;
    kh_diags *diags;
} md_ctx;

/* Parse md (derived from t) and hand the document to the caller. */
static cmark_node *parse(md_ctx *c, const kh_text *t, const char *md)
{
    c->w.src = t;
    return mdw_parse(t, md ? md : "", c->p->path, c->diags);
}

/* Write the blocks of a Markdown body; when lead is given, the first
 * paragraph is written on the lead's line (`**1. Title:** text`). Returns
 * false when the body could not be parsed. */
static void body_blocks(md_ctx *c, const kh_text *t, const char *md,
                        void (*lead)(md_ctx *, const void *), const void *arg)
{
    cmark_node *doc = parse(c, t, md);
    cmark_node *first = doc ? cmark_node_first_child(doc) : NULL;
    if (lead) {
        mdw_block(&c->w);
        lead(c, arg);
        if (first && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH) {
            mdw_raw(&c->w, " ");
            mdw_inlines(&c->w, first);
            first = cmark_node_next(first);
        }
    }
    mdw_blocks(&c->w, first);
    if (doc)
        cmark_node_free(doc);
}

/* An inline-Markdown value (a title) as typed: line starts that CommonMark
 * would read as block markup (`1.`, `- `, `#`, `>`, fences, setext lines)
 * are escaped first, so the value stays one paragraph of inlines. */
static char *escape_block_starts(const char *s)
{
    kh_buf b = {0};
    while (*s) {
        while (*s == ' ' || *s == '\t')
            s++;
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) : strlen(s);
        size_t digits = 0;
        while (digits < len && digits < 9 && s[digits] >= '0' && s[digits] <= '9')
            digits++;
        char c = s[0], next = len > 1 ? s[1] : ' ';
        bool blank_after = next == ' ' || next == '\t';
        if (digits && digits < len && (s[digits] == '.' || s[digits] == ')')) {
            kh_buf_put(&b, s, digits);
            kh_buf_putc(&b, '\\');
            kh_buf_put(&b, s + digits, len - digits);
        } else {
            /* a line of one marker and blanks: a rule or a setext line */
            bool only = len > 0;
            for (size_t k = 0; k < len && only; k++)
                only = s[k] == c || s[k] == ' ' || s[k] == '\t';
            bool mark = c == '>' || c == '#' ||
                        ((c == '-' || c == '+' || c == '*' || c == '=') &&
                         (blank_after || len == 1 || only)) ||
                        (c == '_' && only) ||
                        ((c == '`' || c == '~') && len >= 3 && s[1] == c && s[2] == c);
            if (mark && len)
                kh_buf_putc(&b, '\\');
            kh_buf_put(&b, s, len);
        }
        if (!nl)
            break;
        kh_buf_putc(&b, '\n');
        s = nl + 1;
    }
    char *r = kh_buf_take(&b);
    return r ? r : kh_strdup("");
}

/* The inlines of doc (parsed from an inline value) written inside the
 * current line; its line breaks become hard breaks (hard) or spaces. */
static void inline_doc(md_ctx *c, cmark_node *doc, bool hard)
{
    for (cmark_node *b = cmark_node_first_child(doc); b; b = cmark_node_next(b)) {
        if (b != cmark_node_first_child(doc)) {
            if (hard)
                mdw_hardbreak(&c->w);
            else
                mdw_raw(&c->w, " ");
        }
        if (cmark_node_get_type(b) != CMARK_NODE_PARAGRAPH) {
            mdw_node(&c->w, b); /* raw HTML: dropped with its warning */
            continue;
        }
        for (cmark_node *n = cmark_node_first_child(b); n; n = cmark_node_next(n)) {
            if (cmark_node_get_type(n) == CMARK_NODE_SOFTBREAK && hard)
                mdw_hardbreak(&c->w);
            else
                mdw_inline(&c->w, n);
        }
    }
}

/* An inline value (a title, a caption) parsed as Markdown with its line
 * starts escaped, so that none opens a block; NULL on failure. */
static cmark_node *parse_inline_value(md_ctx *c, const kh_text *t)
{
    char *md = escape_block_starts(t->s ? t->s : "");
    cmark_node *doc = parse(c, t, md);
    free(md);
    return doc;
}

/* Inline Markdown (a title) written inside the current line; its line
 * breaks become hard breaks (hard) or spaces. */
static void inline_md_breaks(md_ctx *c, const kh_text *t, bool hard)
{
    cmark_node *doc = parse_inline_value(c, t);
    if (!doc)
        return;
    inline_doc(c, doc, hard);
    cmark_node_free(doc);
}

static bool is_emphasis(cmark_node *n)
{
    return n && (cmark_node_get_type(n) == CMARK_NODE_EMPH ||
                 cmark_node_get_type(n) == CMARK_NODE_STRONG);
}

/* The marker that sets inlines in bold (strong) or italics: `**` / `*`,
 * or `__` / `_` when they start or end with emphasis of their own, which
 * `*` would run into (`*` + `*a*` + `*` reads as `**a**`). The writer
 * never writes `_` emphasis, so the two cannot merge. */
static const char *emph_mark(cmark_node *first, cmark_node *last, bool strong)
{
    bool own = is_emphasis(first) || is_emphasis(last);
    return strong ? (own ? "__" : "**") : (own ? "_" : "*");
}

/* An inline value in bold (a caption, an annex title), line breaks kept
 * as hard breaks (hard) or spaces. */
static void inline_strong(md_ctx *c, const kh_text *t, bool hard)
{
    cmark_node *doc = parse_inline_value(c, t);
    if (!doc)
        return;
    cmark_node *fb = cmark_node_first_child(doc), *lb = cmark_node_last_child(doc);
    const char *mark = emph_mark(fb ? cmark_node_first_child(fb) : NULL,
                                 lb ? cmark_node_last_child(lb) : NULL, true);
    mdw_raw(&c->w, mark);
    inline_doc(c, doc, hard);
    mdw_raw(&c->w, mark);
    cmark_node_free(doc);
}

static void inline_md(md_ctx *c, const kh_text *t)
{
    inline_md_breaks(c, t, false);
}

/* ---- header ---------------------------------------------------------- */

/* A header name, its user's line breaks (kh_header) as hard breaks;
 * `mark` ("**" or "") around each line, so each stays bold on its own. */
static void name_lines(mdw *w, const char *s, const char *mark)
{
    for (bool first = true; *s; first = false) {
        size_t n = strcspn(s, "\n");
        if (!first)
            mdw_hardbreak(w);
        mdw_raw(w, mark);
        mdw_text(w, s, n);
        mdw_raw(w, mark);
        s += n + (s[n] == '\n');
    }
}

static void header(md_ctx *c)
{
    const kh_plan *p = c->p;
    const kh_profile *pr = kh_profile_get(p->profile);
    mdw *w = &c->w;
    kh_header h;
    kh_header_compose(p, &h);

    /* Left column: superior body, issuer, `*`, number. */
    mdw_block(w);
    bool line = false;
    if (h.superior) {
        name_lines(w, h.superior, "");
        line = true;
    }
    if (h.issuer) {
        if (line)
            mdw_hardbreak(w);
        name_lines(w, h.issuer, "**");
        line = true;
    }
    if (h.issuer_mark) {
        if (line)
            mdw_hardbreak(w);
        mdw_texts(w, h.issuer_mark);
        line = true;
    } else if (h.issuer && pr->issuer_rule_share > 0) {
        /* The state rule under the issuer, as plain-text copies of NĐ 30
         * documents write it: a short line of hyphens, its length the
         * profile's share of the name (escaped: never a setext underline). */
        size_t widest = 0;
        for (const char *q = h.issuer; *q;) {
            size_t l = strcspn(q, "\n"), cps = kh_utf8_count(q, l);
            widest = cps > widest ? cps : widest;
            q += l + (q[l] == '\n');
        }
        size_t n = (size_t)((double)widest * pr->issuer_rule_share + 0.5);
        char dashes[64];
        n = n < 3 ? 3 : n > sizeof dashes - 1 ? sizeof dashes - 1 : n;
        memset(dashes, '-', n);
        dashes[n] = '\0';
        mdw_hardbreak(w);
        mdw_texts(w, dashes);
        line = true;
    }
    if (h.number_line) {
        if (line)
            mdw_hardbreak(w);
        mdw_texts(w, h.number_line);
    }

    /* Right column: tiêu đề (and motto), place and date. */
    mdw_block(w);
    mdw_raw(w, "**");
    mdw_texts(w, h.header_title);
    mdw_raw(w, "**");
    if (h.motto) {
        mdw_hardbreak(w);
        mdw_raw(w, "**");
        mdw_texts(w, h.motto);
        mdw_raw(w, "**");
    }
    if (h.date_line) {
        mdw_block(w);
        mdw_raw(w, "*");
        mdw_texts(w, h.date_line);
        mdw_raw(w, "*");
    }

    /* KẾ HOẠCH and the trích yếu, its line breaks kept. */
    mdw_heading(w, 1);
    mdw_texts(w, h.doc_type);
    mdw_end_heading(w);
    if (!kh_text_empty(&p->title)) {
        mdw_block(w);
        mdw_raw(w, "**");
        inline_md_breaks(c, &p->title, true);
        mdw_raw(w, "**");
    }
    kh_header_free(&h);
}

/* ---- căn cứ ----------------------------------------------------------- */

/* The căn cứ lines as the profile sets them: party `- Căn cứ …;` items
 * (a tight dash list), state one italic paragraph per line. */
static void basis(md_ctx *c)
{
    const kh_plan *p = c->p;
    const kh_profile *pr = kh_profile_get(p->profile);
    mdw *w = &c->w;
    if (!p->n_basis)
        return;
    mdw_list l;
    if (pr->basis_dash)
        mdw_list_begin(w, &l, true, false, 1);
    for (size_t i = 0; i < p->n_basis; i++) {
        size_t saved = 0;
        if (pr->basis_dash)
            mdw_item_begin(w, &l, &saved);
        mdw_block(w);
        const char *s = p->basis[i].s ? p->basis[i].s : "";
        if (pr->basis_italic)
            mdw_raw(w, "*");
        mdw_texts(w, s);
        if (pr->basis_italic)
            mdw_raw(w, "*");
        if (pr->basis_dash)
            mdw_item_end(w, saved);
    }
    if (pr->basis_dash)
        mdw_list_end(w, &l);
}

/* ---- sections, events, units ----------------------------------------- */

typedef struct lead_arg {
    const char *label; /* "1." or NULL */
    const kh_text *title;
    const char *name;  /* plain name (units) */
} lead_arg;

static void lead_line(md_ctx *c, const void *arg)
{
    const lead_arg *a = arg;
    mdw *w = &c->w;
    mdw_raw(w, "**");
    if (a->label) {
        mdw_texts(w, a->label);
        mdw_raw(w, " ");
    }
    const char *t = a->title ? a->title->s : a->name;
    if (a->title)
        inline_md(c, a->title);
    else
        mdw_texts(w, a->name);
    const char *sep = kh_compose_inline_sep(t);
    if (sep[0] == ':')
        mdw_raw(w, ":");
    mdw_raw(w, "**");
}

static void heading_line(md_ctx *c, int level, const char *label,
                         const kh_text *title, const char *name)
{
    mdw_heading(&c->w, level);
    if (label) {
        mdw_texts(&c->w, label);
        mdw_raw(&c->w, " ");
    }
    if (title)
        inline_md(c, title);
    else
        mdw_texts(&c->w, name);
    mdw_end_heading(&c->w);
}

static void events(md_ctx *c, const kh_section *s)
{
    if (!s->n_events)
        return;
    mdw_list l;
    mdw_list_begin(&c->w, &l, false, false, 1);
    for (size_t i = 0; i < s->n_events; i++) {
        kh_buf md = {0};
        kh_compose_event_md(c->p, &s->events[i], &md);
        size_t saved;
        mdw_item_begin(&c->w, &l, &saved);
        body_blocks(c, &s->events[i].text, kh_buf_str(&md), NULL, NULL);
        mdw_item_end(&c->w, saved);
        kh_buf_free(&md);
    }
    mdw_list_end(&c->w, &l);
}

static void tasks(md_ctx *c, const kh_unit *u, size_t from)
{
    if (from >= u->n_tasks)
        return;
    mdw_list l;
    mdw_list_begin(&c->w, &l, false, false, 1);
    for (size_t i = from; i < u->n_tasks; i++) {
        kh_buf md = {0};
        kh_compose_task_md(c->p, &u->tasks[i], &md);
        size_t saved;
        mdw_item_begin(&c->w, &l, &saved);
        body_blocks(c, &u->tasks[i].text, kh_buf_str(&md), NULL, NULL);
        mdw_item_end(&c->w, saved);
        kh_buf_free(&md);
    }
    mdw_list_end(&c->w, &l);
}

static void unit(md_ctx *c, const kh_section *s, size_t i, int depth, int *path)
{
    const kh_unit *u = &s->units[i];
    int num = kh_compose_unit_number(s, i);
    char label[64];
    const char *lab = NULL;
    if (num) {
        path[depth + 1] = num;
        lab = kh_section_label(path, depth + 1, c->p->delim, label);
    }
    const char *name = u->name.s ? u->name.s : "";
    if (kh_compose_unit_inline(u)) {
        lead_arg a = {lab, NULL, name};
        if (!kh_text_empty(&u->body)) {
            body_blocks(c, &u->body, u->body.s, lead_line, &a);
            tasks(c, u, 0);
        } else if (u->n_tasks) {
            kh_buf md = {0};
            kh_compose_task_md(c->p, &u->tasks[0], &md);
            body_blocks(c, &u->tasks[0].text, kh_buf_str(&md), lead_line, &a);
            kh_buf_free(&md);
            tasks(c, u, 1);
        } else {
            mdw_block(&c->w);
            lead_line(c, &a);
        }
        return;
    }
    heading_line(c, depth + 3, lab, NULL, name);
    if (!kh_text_empty(&u->body))
        body_blocks(c, &u->body, u->body.s, NULL, NULL);
    tasks(c, u, 0);
}

/* ---- tables ------------------------------------------------------------ */

/* One cell: inline Markdown on one line (block starts escaped as in a
 * title, paragraphs joined by spaces). A cell Markdown would still read as
 * another block (`___` is a rule) is written as typed, escaped. */
static void cell(md_ctx *c, const kh_text *t)
{
    if (kh_text_empty(t))
        return;
    char *md = escape_block_starts(t->s);
    cmark_node *doc = parse(c, t, md);
    free(md);
    bool inlines_only = doc != NULL;
    for (cmark_node *b = doc ? cmark_node_first_child(doc) : NULL; b; b = cmark_node_next(b))
        if (cmark_node_get_type(b) != CMARK_NODE_PARAGRAPH &&
            cmark_node_get_type(b) != CMARK_NODE_HTML_BLOCK)
            inlines_only = false;
    if (!inlines_only) {
        mdw_texts(&c->w, t->s);
    } else {
        bool any = false;
        for (cmark_node *b = cmark_node_first_child(doc); b; b = cmark_node_next(b)) {
            if (cmark_node_get_type(b) != CMARK_NODE_PARAGRAPH) {
                mdw_node(&c->w, b); /* raw HTML: dropped with its warning */
                continue;
            }
            if (any)
                mdw_raw(&c->w, " ");
            mdw_inlines(&c->w, b);
            any = true;
        }
    }
    if (doc)
        cmark_node_free(doc);
}

/* Paragraphs of a Markdown text in italics (a table's note); other blocks
 * as they are. */
static void italic_blocks(md_ctx *c, const kh_text *t)
{
    cmark_node *doc = parse(c, t, t->s);
    if (!doc)
        return;
    for (cmark_node *b = cmark_node_first_child(doc); b; b = cmark_node_next(b)) {
        if (cmark_node_get_type(b) != CMARK_NODE_PARAGRAPH) {
            mdw_node(&c->w, b);
            continue;
        }
        const char *mark = emph_mark(cmark_node_first_child(b), cmark_node_last_child(b), false);
        mdw_block(&c->w);
        mdw_raw(&c->w, mark);
        mdw_inlines(&c->w, b);
        mdw_raw(&c->w, mark);
    }
    cmark_node_free(doc);
}

/* `table:` as a GFM pipe table: the caption in bold above, the heading
 * row, the delimiter row with each column's alignment, the rows, and the
 * note in italics below. */
static void table(md_ctx *c, const kh_table *t)
{
    mdw *w = &c->w;
    if (!t->n_cols || !t->head)
        return;
    if (!kh_text_empty(&t->caption)) {
        mdw_block(w);
        inline_strong(c, &t->caption, false);
    }
    mdw_table_row_begin(w, true);
    for (size_t k = 0; k < t->n_cols; k++) {
        if (k)
            mdw_table_cell_next(w);
        cell(c, &t->head[k]);
    }
    mdw_table_row_end(w);
    mdw_align align[KH_TABLE_MAX_COLS];
    size_t nc = t->n_cols < KH_TABLE_MAX_COLS ? t->n_cols : KH_TABLE_MAX_COLS;
    for (size_t k = 0; k < nc; k++) {
        kh_cell_align a = kh_table_col_align(t, k);
        align[k] = a == KH_CELL_CENTER ? MDW_CENTER : a == KH_CELL_RIGHT ? MDW_RIGHT : MDW_LEFT;
    }
    mdw_table_delim(w, align, nc);
    for (size_t r = 0; t->cells && r < t->n_rows; r++) {
        mdw_table_row_begin(w, false);
        for (size_t k = 0; k < t->n_cols; k++) {
            if (k)
                mdw_table_cell_next(w);
            cell(c, &t->cells[r * t->n_cols + k]);
        }
        mdw_table_row_end(w);
    }
    if (!kh_text_empty(&t->note))
        italic_blocks(c, &t->note);
}

/* The number of a numbered point (a section with a body and no title),
 * leading its first paragraph as plain text: `2.1. Rà soát …`. Only a
 * label CommonMark would read as a list marker (`1.`) is escaped. */
static void point_label(md_ctx *c, const void *arg)
{
    const char *l = arg;
    size_t d = strspn(l, "0123456789");
    if (d && (l[d] == '.' || l[d] == ')') && !l[d + 1])
        mdw_texts(&c->w, l); /* at the line's start: `1\.` */
    else
        mdw_raw(&c->w, l);
}

static void section(md_ctx *c, const kh_section *s, int depth, int *path)
{
    char label[64];
    kh_section_label(path, depth, c->p->delim, label);
    if (!s->title.s && !kh_text_empty(&s->body)) {
        body_blocks(c, &s->body, s->body.s, point_label, label);
    } else if (s->inline_body && !kh_text_empty(&s->body)) {
        lead_arg a = {label, &s->title, NULL};
        body_blocks(c, &s->body, s->body.s, lead_line, &a);
    } else {
        heading_line(c, depth + 2, label, &s->title, NULL);
        if (!kh_text_empty(&s->body))
            body_blocks(c, &s->body, s->body.s, NULL, NULL);
    }
    table(c, &s->table);
    if (s->timetable.pos.line) { /* a deadline table, set as a table */
        kh_table *tt = kh_compose_timetable(c->p, &s->timetable);
        table(c, tt);
        kh_compose_table_free(tt);
    }
    events(c, s);
    for (size_t i = 0; i < s->n_sections && depth < 60; i++) {
        path[depth + 1] = (int)i + 1;
        section(c, &s->sections[i], depth + 1, path);
    }
    for (size_t i = 0; i < s->n_units && depth < 60; i++)
        unit(c, s, i, depth, path);
}

/* ---- recipients and signature ---------------------------------------- */

static void recipients(md_ctx *c)
{
    const kh_plan *p = c->p;
    const kh_profile *pr = kh_profile_get(p->profile);
    mdw *w = &c->w;
    if (!p->n_recipients)
        return;
    mdw_block(w);
    /* as the profile sets it; Markdown has no underline: bold stands for it */
    const char *mark = pr->recipients_label_italic && pr->recipients_label_bold ? "***"
                       : pr->recipients_label_italic                          ? "*"
                                                                              : "**";
    mdw_raw(w, mark);
    mdw_texts(w, pr->recipients_label);
    mdw_raw(w, mark);
    bool in_list = false;
    mdw_list l;
    for (size_t i = 0; i < p->n_recipients; i++) {
        const kh_recipient *r = &p->recipients[i];
        if (r->kind == KH_RECIP_LABEL) {
            if (in_list)
                mdw_list_end(w, &l);
            in_list = false;
            mdw_block(w);
            mdw_raw(w, "*");
            mdw_texts(w, r->text.s);
            mdw_raw(w, "*");
            continue;
        }
        if (!in_list)
            mdw_list_begin(w, &l, true, false, 1);
        in_list = true;
        size_t saved;
        mdw_item_begin(w, &l, &saved);
        mdw_block(w);
        kh_buf line = {0};
        kh_compose_recipient_line(p, r, &line);
        mdw_texts(w, kh_buf_str(&line));
        kh_buf_free(&line);
        const char *g = kh_compose_group_ends(p, i) ? kh_compose_group_label(p, r->role) : NULL;
        if (g) {
            mdw_raw(w, " } *");
            mdw_texts(w, g);
            mdw_raw(w, "*");
        }
        mdw_item_end(w, saved);
    }
    if (in_list)
        mdw_list_end(w, &l);
}

static void signature(md_ctx *c)
{
    mdw *w = &c->w;
    char *auth = kh_compose_authority(c->p);
    char *head = kh_compose_head_authority(c->p);
    char *title = kh_compose_sign_title(c->p);
    mdw_block(w);
    mdw_raw(w, "**");
    if (*auth) {
        mdw_texts(w, auth);
        mdw_hardbreak(w);
    }
    if (*head) { /* KT. CHỦ TỊCH under TM. ỦY BAN NHÂN DÂN */
        mdw_texts(w, head);
        mdw_hardbreak(w);
    }
    mdw_texts(w, title);
    mdw_raw(w, "**");
    if (!kh_text_empty(&c->p->signature.name)) {
        mdw_block(w);
        mdw_raw(w, "**");
        mdw_texts(w, c->p->signature.name.s);
        mdw_raw(w, "**");
    }
    free(auth);
    free(head);
    free(title);
}

/* ---- Phụ lục ------------------------------------------------------------ */

/* The head of an annex: `* * *` (the new page), `## Phụ lục II`, the
 * title in bold capitals and the caption `(Kèm theo Kế hoạch số …)` in
 * italics. title: inline Markdown, or plain when NULL. */
static void annex_head(md_ctx *c, const char *label, const kh_text *title,
                       const char *plain, bool rule)
{
    mdw *w = &c->w;
    if (rule) {
        mdw_block(w);
        mdw_raw(w, "* * *");
    }
    mdw_heading(w, 2);
    mdw_texts(w, label);
    mdw_end_heading(w);
    if (title ? !kh_text_empty(title) : plain && *plain) {
        mdw_block(w);
        w->upper = true;
        if (title) {
            inline_strong(c, title, true);
        } else {
            mdw_raw(w, "**");
            mdw_texts(w, plain);
            mdw_raw(w, "**");
        }
        w->upper = false;
    }
    char *cap = kh_compose_annex_caption(c->p);
    mdw_block(w);
    mdw_raw(w, "*");
    mdw_texts(w, cap);
    mdw_raw(w, "*");
    free(cap);
}

/* The plan's annexes: body, table and subsections numbered from 1. */
static void annexes(md_ctx *c, size_t total)
{
    const kh_plan *p = c->p;
    for (size_t i = 0; i < p->n_annexes; i++) {
        const kh_section *a = &p->annexes[i];
        char *label = kh_compose_annex_label(p, i, total);
        annex_head(c, label, &a->title, NULL, true);
        free(label);
        if (!kh_text_empty(&a->body))
            body_blocks(c, &a->body, a->body.s, NULL, NULL);
        table(c, &a->table);
        int path[66] = {0};
        for (size_t k = 0; k < a->n_sections; k++) {
            path[1] = (int)k + 1;
            section(c, &a->sections[k], 1, path);
        }
    }
}

/* The due-date checklist as the last Phụ lục: a task list. Left out when
 * nothing is due (the annexes are counted so), unless it is all the file
 * holds (o->checklist_only). */
static void checklist(md_ctx *c, const kh_render_opts *o, size_t total)
{
    kh_checklist cl = {0};
    kh_checklist_add_plan(&cl, c->p);
    kh_checklist_sort(&cl);
    if (!cl.n && !o->checklist_only) {
        kh_checklist_free(&cl);
        return;
    }
    mdw *w = &c->w;
    size_t n = cl.n ? total : c->p->n_annexes + 1;
    char *label = kh_compose_annex_label(c->p, n ? n - 1 : 0, n);
    annex_head(c, label, NULL, kh_cl_title(o->lang), !o->checklist_only);
    free(label);
    mdw_block(w);
    kh_buf body = {0};
    kh_checklist_write(&cl, KH_CHECKLIST_MD, o->lang, false, &body);
    /* kh_checklist_write escapes its own text; it is markup here. */
    size_t len = body.len;
    while (len && body.s[len - 1] == '\n')
        len--;
    if (len) {
        body.s[len] = '\0';
        mdw_raw(w, body.s);
    }
    kh_buf_free(&body);
    kh_checklist_free(&cl);
}

int kh_render_md(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                 kh_diags *diags)
{
    md_ctx c = {.p = p, .diags = diags};
    mdw_init(&c.w, out, p->path, diags);
    size_t total = kh_compose_annex_count(p, kh_render_counts_checklist(o));
    if (!o->checklist_only) {
        header(&c);
        basis(&c);
        if (!kh_text_empty(&p->intro))
            body_blocks(&c, &p->intro, p->intro.s, NULL, NULL);
        int path[66] = {0};
        for (size_t i = 0; i < p->n_sections; i++) {
            path[0] = (int)i + 1;
            section(&c, &p->sections[i], 0, path);
        }
        if (!kh_text_empty(&p->closing))
            body_blocks(&c, &p->closing, p->closing.s, NULL, NULL);
        recipients(&c);
        signature(&c);
        annexes(&c, total);
    }
    if (o->checklist || o->checklist_only)
        checklist(&c, o, total);
    kh_buf_putc(out, '\n');
    mdw_free(&c.w);
    return 0;
}

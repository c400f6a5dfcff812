/* docx_flow.c — a plan's running text and its Phụ lục as DOCX paragraphs
 * and tables (see docx_flow.h). It follows pdf_doc.c step by step, so the two outputs say
 * the same words in the same order with the same numbers; unlike it, it
 * walks the Markdown with cmark's iterator and the sections with an
 * explicit stack: no recursion whose depth the input controls. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "kehoach/compose.h"
#include "kehoach/markdown.h"
#include "kehoach/profile.h"
#include "kehoach/text.h"
#include "docx_flow.h"

/* Sections deeper than this are not rendered, as in pdf_doc.c. */
#define MAX_DEPTH 15

typedef struct ctx {
    kh_dx_flow *f;
    const kh_plan *p;
    const kh_profile *pr;
    size_t open;       /* first span of the paragraph being built */
    kh_dx_kind kind;   /* its kind, set by what opened it */
    int level;
} ctx;

static const char *keep(ctx *c, char *s)
{
    kh_dx_flow *f = c->f;
    KH_GROW(f->strs, f->n_strs, f->cap_strs);
    f->strs[f->n_strs++] = s;
    return s;
}

static size_t pending(const ctx *c)
{
    return c->f->n_spans - c->open;
}

static void add(ctx *c, const char *s, size_t n, unsigned style)
{
    kh_dx_flow *f = c->f;
    KH_GROW(f->spans, f->n_spans, f->cap_spans);
    f->spans[f->n_spans++] = (kh_span){s, n, style};
}

static void adds(ctx *c, const char *s, unsigned style)
{
    add(c, s, strlen(s), style);
}

/* Open a paragraph of this kind (when none is open yet). */
static void opens(ctx *c, kh_dx_kind kind, int level)
{
    if (!pending(c)) {
        c->kind = kind;
        c->level = level;
    }
}

static void emit(ctx *c)
{
    kh_dx_flow *f = c->f;
    KH_GROW(f->v, f->n, f->cap);
    f->v[f->n++] = (kh_dx_para){c->kind, c->level, c->open, pending(c)};
    c->open = f->n_spans;
    c->kind = KH_DX_BODY;
    c->level = 0;
}

static void drop(ctx *c)
{
    c->f->n_spans = c->open;
    c->kind = KH_DX_BODY;
}

/* The element whose text goes into the paragraph being built (or the
 * next one). */
static void mark(ctx *c, kh_dx_mark_kind kind, const void *elem, const void *owner)
{
    kh_dx_flow *f = c->f;
    KH_GROW(f->marks, f->n_marks, f->cap_marks);
    f->marks[f->n_marks++] = (kh_dx_mark){f->n, SIZE_MAX, kind, elem, owner};
}

static cmark_node *parse(ctx *c, const kh_text *t, const char *s)
{
    kh_text tt = *t;
    tt.s = s;
    cmark_node *doc = kh_md_parse(&tt, NULL, NULL);
    if (doc) {
        kh_dx_flow *f = c->f;
        KH_GROW(f->mds, f->n_mds, f->cap_mds);
        f->mds[f->n_mds++] = doc;
    }
    return doc;
}

static bool is_block(cmark_node_type t)
{
    return t >= CMARK_NODE_FIRST_BLOCK && t <= CMARK_NODE_LAST_BLOCK;
}

/* The inline content of a block node as runs (pdf_doc.c inlines()):
 * emphasis to italic, strong to bold, links as their text, raw HTML and
 * nested blocks dropped. softbreak_breaks: a source line break is a line
 * break (the trích yếu). */
static void inlines(ctx *c, cmark_node *block, unsigned style, bool softbreak_breaks)
{
    int strong = 0, emph = 0;
    cmark_iter *it = cmark_iter_new(block);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        bool enter = ev == CMARK_EVENT_ENTER;
        cmark_node_type t = cmark_node_get_type(n);
        if (n == block)
            continue;
        if (is_block(t) || t == CMARK_NODE_CUSTOM_INLINE) {
            if (enter)
                cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            continue;
        }
        unsigned st = style | (strong ? KH_ST_BOLD : 0) | (emph ? KH_ST_ITALIC : 0);
        switch (t) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            adds(c, cmark_node_get_literal(n), st);
            break;
        case CMARK_NODE_SOFTBREAK:
            if (softbreak_breaks)
                add(c, "", 0, st | KH_ST_BREAK);
            else
                add(c, " ", 1, st);
            break;
        case CMARK_NODE_LINEBREAK:
            add(c, "", 0, st | KH_ST_BREAK);
            break;
        case CMARK_NODE_EMPH:
            emph += enter ? 1 : -1;
            break;
        case CMARK_NODE_STRONG:
            strong += enter ? 1 : -1;
            break;
        default: /* links and images: their text; raw HTML: dropped */
            break;
        }
    }
    cmark_iter_free(it);
}

/* Block-level Markdown (pdf_doc.c blocks()). When `lead` is set, the runs
 * already collected open the first paragraph (an inline heading, a dash). */
static void markdown(ctx *c, const kh_text *t, const char *s, bool lead)
{
    if (!s) {
        if (lead && pending(c))
            emit(c);
        return;
    }
    cmark_node *doc = parse(c, t, s);
    if (!doc) {
        drop(c);
        return;
    }
    int *num = NULL; /* the next number of each open list */
    size_t depth = 0, cap = 0;
    cmark_iter *it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        bool enter = ev == CMARK_EVENT_ENTER;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_PARAGRAPH:
            if (lead && pending(c))
                add(c, " ", 1, 0);
            lead = false;
            inlines(c, n, 0, false);
            emit(c);
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            break;
        case CMARK_NODE_HEADING:
            if (lead && pending(c))
                emit(c);
            lead = false;
            opens(c, KH_DX_BODY_HEADING, 0);
            inlines(c, n, KH_ST_BOLD, false);
            emit(c);
            cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
            break;
        case CMARK_NODE_LIST:
            if (enter) {
                if (lead && pending(c))
                    emit(c);
                lead = false;
                KH_GROW(num, depth, cap);
                num[depth++] = cmark_node_get_list_start(n);
            } else if (depth)
                depth--;
            break;
        case CMARK_NODE_ITEM: {
            cmark_node *list = cmark_node_parent(n);
            if (!enter) {
                if (lead && pending(c)) /* an empty item */
                    emit(c);
                lead = false;
                if (depth)
                    num[depth - 1]++;
                break;
            }
            opens(c, KH_DX_LIST, 0);
            if (cmark_node_get_list_type(list) == CMARK_ORDERED_LIST) {
                kh_buf b = {0};
                kh_buf_printf(&b, "%d%s ", depth ? num[depth - 1] : 1,
                              cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ? ")" : ".");
                adds(c, keep(c, kh_buf_take(&b)), 0);
            } else
                adds(c, depth > 1 ? "+ " : "- ", 0);
            lead = true;
            break;
        }
        case CMARK_NODE_BLOCK_QUOTE:
            if (!enter)
                lead = false;
            break;
        case CMARK_NODE_CODE_BLOCK: {
            if (lead && pending(c))
                emit(c);
            lead = false;
            const char *lit = cmark_node_get_literal(n);
            while (lit && *lit) {
                const char *nl = strchr(lit, '\n');
                size_t len = nl ? (size_t)(nl - lit) : strlen(lit);
                add(c, lit, len, 0);
                add(c, "", 0, KH_ST_BREAK);
                lit += len + (nl ? 1 : 0);
            }
            emit(c);
            break;
        }
        default: /* raw HTML blocks, thematic breaks: dropped */
            break;
        }
    }
    cmark_iter_free(it);
    free(num);
    if (lead && pending(c)) /* a heading with an empty body */
        emit(c);
}

static void dash_item(ctx *c, const kh_text *t, const char *s)
{
    opens(c, KH_DX_LIST, 0);
    adds(c, "- ", 0);
    markdown(c, t, s, true);
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

static void task_item(ctx *c, const kh_unit *u, size_t i)
{
    mark(c, KH_DXM_TASK, &u->tasks[i], u);
    dash_item(c, &u->tasks[i].text, task_text(c, &u->tasks[i]));
}

static int clamp_level(int depth)
{
    return depth < KH_DX_MAX_LEVEL ? depth : KH_DX_MAX_LEVEL;
}

/* ---- title ------------------------------------------------------------ */

static void title(ctx *c)
{
    kh_header h;
    kh_header_compose(c->p, &h);
    const kh_plan *p = c->p;
    opens(c, KH_DX_DOC_TYPE, 0);
    if (kh_text_empty(&p->doc_type)) {
        adds(c, keep(c, h.doc_type), KH_ST_BOLD);
        h.doc_type = NULL;
    } else /* as the plan writes it, shown in capitals */
        adds(c, p->doc_type.s, KH_ST_BOLD | KH_DX_ST_CAPS);
    kh_header_free(&h);
    emit(c);
    if (!p->title.s)
        return;
    cmark_node *doc = parse(c, &p->title, p->title.s);
    opens(c, KH_DX_TITLE, 0);
    for (cmark_node *n = doc ? cmark_node_first_child(doc) : NULL; n;
         n = cmark_node_next(n)) {
        if (pending(c))
            add(c, "", 0, KH_ST_BREAK);
        inlines(c, n, KH_ST_BOLD, true);
    }
    if (pending(c))
        emit(c);
    else
        drop(c);
}

/* ---- body ------------------------------------------------------------- */

static void basis(ctx *c)
{
    const kh_profile *pr = c->pr;
    for (size_t i = 0; i < c->p->n_basis; i++) {
        const char *s = c->p->basis[i].s ? c->p->basis[i].s : "";
        unsigned st = pr->basis_italic ? KH_ST_ITALIC : 0;
        opens(c, KH_DX_BASIS, 0);
        if (pr->basis_dash)
            adds(c, pr->basis_dash, st);
        adds(c, s, st);
        emit(c);
    }
}

static void heading(ctx *c, const char *label, const kh_text *t, int depth,
                    bool inline_body, const kh_text *body)
{
    opens(c, KH_DX_HEADING, clamp_level(depth));
    if (label) {
        adds(c, label, KH_ST_BOLD);
        add(c, " ", 1, KH_ST_BOLD);
    }
    const char *s = t->s ? t->s : "";
    /* a Roman heading: shown in capitals, its words stored as written */
    unsigned st = KH_ST_BOLD | (depth == 0 ? KH_DX_ST_CAPS : 0);
    cmark_node *doc = parse(c, t, s);
    if (doc)
        for (cmark_node *n = cmark_node_first_child(doc); n; n = cmark_node_next(n))
            inlines(c, n, st, false);
    if (inline_body) {
        if (kh_compose_inline_sep(s)[0] == ':')
            add(c, ":", 1, KH_ST_BOLD);
        markdown(c, body, body->s, true);
    } else
        emit(c);
}

static void unit(ctx *c, const kh_unit *u, const char *label, int depth)
{
    bool inl = kh_compose_unit_inline(u);
    mark(c, KH_DXM_UNIT, u, NULL);
    opens(c, KH_DX_HEADING, clamp_level(depth));
    if (label) {
        adds(c, label, KH_ST_BOLD);
        add(c, " ", 1, KH_ST_BOLD);
    }
    const char *name = u->name.s ? u->name.s : "";
    adds(c, name, KH_ST_BOLD);
    if (inl) {
        if (kh_compose_inline_sep(name)[0] == ':')
            add(c, ":", 1, KH_ST_BOLD);
        if (u->body.s) {
            markdown(c, &u->body, u->body.s, true);
            for (size_t i = 0; i < u->n_tasks; i++)
                task_item(c, u, i);
        } else if (u->n_tasks) {
            mark(c, KH_DXM_TASK, &u->tasks[0], u);
            markdown(c, &u->tasks[0].text, task_text(c, &u->tasks[0]), true);
            for (size_t i = 1; i < u->n_tasks; i++)
                task_item(c, u, i);
        } else
            emit(c);
    } else {
        emit(c);
        if (u->body.s)
            markdown(c, &u->body, u->body.s, false);
        for (size_t i = 0; i < u->n_tasks; i++)
            task_item(c, u, i);
    }
}

static const char *label_of(ctx *c, const int *path, int depth)
{
    char buf[64];
    return keep(c, kh_strdup(kh_section_label(path, depth, c->p->delim, buf)));
}

/* ---- tables ----------------------------------------------------------- */

/* The runs of one table cell (pdf_doc.c cell_spans()): a cell is one line
 * of inline Markdown; one that Markdown reads as a block of another kind
 * (`1.` is a list, `-` an item) is set as typed. */
static void cell(ctx *c, const kh_text *t, unsigned style)
{
    kh_dx_flow *f = c->f;
    size_t first = f->n_spans;
    if (t->s && *t->s) {
        cmark_node *doc = parse(c, t, t->s);
        cmark_node *n = doc ? cmark_node_first_child(doc) : NULL;
        if (n && cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH) {
            for (; n; n = cmark_node_next(n)) {
                if (f->n_spans > first)
                    add(c, " ", 1, style);
                if (cmark_node_get_type(n) == CMARK_NODE_PARAGRAPH)
                    inlines(c, n, style, false);
            }
        } else
            adds(c, t->s, style);
    }
    KH_GROW(f->cells, f->n_cells, f->cap_cells);
    f->cells[f->n_cells++] = (kh_dx_cell){first, f->n_spans - first};
}

/* Each paragraph of a caption or note (Markdown) as one of this kind. */
static void table_text(ctx *c, const kh_text *t, kh_dx_kind kind, unsigned style)
{
    if (kh_text_empty(t))
        return;
    cmark_node *doc = parse(c, t, t->s);
    for (cmark_node *n = doc ? cmark_node_first_child(doc) : NULL; n; n = cmark_node_next(n)) {
        opens(c, kind, 0);
        inlines(c, n, style, false);
        if (pending(c))
            emit(c);
        else
            drop(c);
    }
}

/* A table: its caption, the table (its cells' runs, then one item that
 * points at them), its note. */
static void table(ctx *c, const kh_table *t)
{
    kh_dx_flow *f = c->f;
    if (!t->n_cols || t->n_cols > KH_TABLE_MAX_COLS)
        return;
    if (pending(c))
        emit(c);
    table_text(c, &t->caption, KH_DX_TABLE_CAPTION, KH_ST_BOLD);
    KH_GROW(f->tables, f->n_tables, f->cap_tables);
    size_t ti = f->n_tables++;
    kh_dx_table *dt = &f->tables[ti];
    memset(dt, 0, sizeof *dt);
    dt->n_cols = t->n_cols;
    dt->n_rows = t->n_rows;
    dt->cell = f->n_cells;
    for (size_t k = 0; k < t->n_cols; k++) {
        dt->align[k] = kh_table_col_align(t, k);
        cell(c, &t->head[k], KH_ST_BOLD);
    }
    for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
        cell(c, &t->cells[i], 0);
    c->open = f->n_spans; /* the cells' runs belong to no paragraph */
    KH_GROW(f->v, f->n, f->cap);
    f->v[f->n++] = (kh_dx_para){KH_DX_TABLE, (int)ti, f->n_spans, 0};
    table_text(c, &t->note, KH_DX_TABLE_NOTE, KH_ST_ITALIC);
}

/* A section's table, then its deadline table (compose.h makes it a table;
 * the flow keeps it, for the strings its runs point into). */
static void section_tables(ctx *c, const kh_section *s)
{
    table(c, &s->table);
    if (s->timetable.pos.line) {
        kh_dx_flow *f = c->f;
        kh_table *tt = kh_compose_timetable(c->p, &s->timetable);
        KH_GROW(f->tts, f->n_tts, f->cap_tts);
        f->tts[f->n_tts++] = tt;
        size_t before = f->n;
        table(c, tt);
        size_t at = f->n;
        while (at > before && f->v[at - 1].kind != KH_DX_TABLE)
            at--;
        if (at > before && tt->n_rows == s->timetable.n_rows)
            for (size_t r = 0; r < tt->n_rows; r++) {
                KH_GROW(f->marks, f->n_marks, f->cap_marks);
                f->marks[f->n_marks++] =
                    (kh_dx_mark){at - 1, r, KH_DXM_ROW, &s->timetable.rows[r], NULL};
            }
    }
}

/* ---- sections --------------------------------------------------------- */

/* A section's own text: heading, body, table, events (its subsections and
 * units follow, from tree()). A section with a body and no title is a
 * numbered point: its label leads the first paragraph of the body. */
static void section_open(ctx *c, const kh_section *s, int depth, const int *path)
{
    const char *label = label_of(c, path, depth);
    mark(c, KH_DXM_SECTION, s, NULL);
    if (!s->title.s && s->body.s) {
        opens(c, KH_DX_BODY, 0);
        adds(c, label, 0);
        markdown(c, &s->body, s->body.s, true);
    } else {
        heading(c, label, &s->title, depth, s->inline_body, &s->body);
        if (!s->inline_body && s->body.s)
            markdown(c, &s->body, s->body.s, false);
    }
    section_tables(c, s);
    for (size_t i = 0; i < s->n_events; i++) {
        mark(c, KH_DXM_EVENT, &s->events[i], NULL);
        dash_item(c, &s->events[i].text, event_text(c, &s->events[i]));
    }
}

static void section_units(ctx *c, const kh_section *s, int depth, int *path)
{
    for (size_t i = 0; i < s->n_units; i++) {
        int num = kh_compose_unit_number(s, i);
        const char *label = NULL;
        if (num) {
            path[depth + 1] = num;
            label = label_of(c, path, depth + 1);
        }
        unit(c, &s->units[i], label, depth + 1);
    }
}

/* Sections in reading order, depth first, on an explicit stack: the
 * plan's from depth 0 (I., II.), an annex's from depth 1 (1., 2.). */
static void tree(ctx *c, const kh_section *roots, size_t n, int depth0)
{
    struct frame {
        const kh_section *s;
        size_t next; /* the next subsection to open */
    } stack[MAX_DEPTH + 1];
    int path[MAX_DEPTH + 2] = {0};
    for (size_t i = 0; i < n; i++) {
        path[depth0] = (int)i + 1;
        int top = 0;
        stack[top++] = (struct frame){&roots[i], 0};
        section_open(c, &roots[i], depth0, path);
        while (top) {
            struct frame *fr = &stack[top - 1];
            int depth = depth0 + top - 1;
            if (depth < MAX_DEPTH && fr->next < fr->s->n_sections) {
                size_t k = fr->next++;
                const kh_section *child = &fr->s->sections[k];
                path[depth + 1] = (int)k + 1;
                section_open(c, child, depth + 1, path);
                stack[top++] = (struct frame){child, 0};
                continue;
            }
            if (depth < MAX_DEPTH)
                section_units(c, fr->s, depth, path);
            top--;
        }
    }
}

static bool blank(char ch)
{
    return ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
}

/* The profile's end mark closes the last body paragraph, glued to its last
 * word (`… năm 2025./.`), unless the text already ends with it
 * (pdf_doc.c end_mark()). */
static void end_mark(ctx *c)
{
    const char *mark = c->pr->end_mark;
    kh_dx_flow *f = c->f;
    if (!mark || !*mark || !f->n)
        return;
    kh_dx_para *last = &f->v[f->n - 1];
    if (last->kind == KH_DX_DOC_TYPE || last->kind == KH_DX_TITLE || !last->n)
        return;
    kh_span *sp = &f->spans[last->first];
    size_t n = last->n;
    while (n && (sp[n - 1].style & KH_ST_BREAK || !sp[n - 1].n))
        n--;
    size_t tn = 0;
    while (n) {
        tn = sp[n - 1].n;
        while (tn && blank(sp[n - 1].s[tn - 1]))
            tn--;
        if (tn)
            break;
        n--;
    }
    if (!n)
        return;
    const kh_span *t = &sp[n - 1];
    size_t ml = strlen(mark);
    if (tn >= ml && !memcmp(t->s + tn - ml, mark, ml))
        return;
    sp[n - 1].n = tn;
    const char *add_s = t->s[tn - 1] == mark[0] ? mark + 1 : mark;
    /* The paragraph's runs are the last ones of the flow: cut and extend. */
    f->n_spans = last->first + n;
    last->n = n;
    add(c, add_s, strlen(add_s), 0);
    last->n++;
    c->open = f->n_spans;
}

/* ---- Phụ lục --------------------------------------------------------- */

/* Each annex: its head (label, title shown in capitals, caption), body, table and
 * sections numbered from 1. (render_docx.c starts each on a new page.) */
static void annexes(ctx *c, size_t total)
{
    const kh_plan *p = c->p;
    c->f->annex_first = c->f->n;
    for (size_t i = 0; i < p->n_annexes; i++) {
        const kh_section *a = &p->annexes[i];
        opens(c, KH_DX_ANNEX_LABEL, 0);
        adds(c, keep(c, kh_compose_annex_label(p, i, total)), KH_ST_BOLD);
        emit(c);
        const char *s = a->title.s ? a->title.s : "";
        cmark_node *doc = parse(c, &a->title, s);
        opens(c, KH_DX_ANNEX_TITLE, 0);
        for (cmark_node *n = doc ? cmark_node_first_child(doc) : NULL; n;
             n = cmark_node_next(n)) {
            if (pending(c))
                add(c, " ", 1, KH_ST_BOLD | KH_DX_ST_CAPS);
            inlines(c, n, KH_ST_BOLD | KH_DX_ST_CAPS, false);
        }
        if (pending(c))
            emit(c);
        else
            drop(c);
        opens(c, KH_DX_ANNEX_CAPTION, 0);
        adds(c, keep(c, kh_compose_annex_caption(p)), KH_ST_ITALIC);
        emit(c);
        if (a->body.s)
            markdown(c, &a->body, a->body.s, false);
        section_tables(c, a);
        tree(c, a->sections, a->n_sections, 1);
    }
}

void kh_dx_flow_build(kh_dx_flow *f, const kh_plan *p, size_t n_annexes)
{
    memset(f, 0, sizeof *f);
    ctx c = {.f = f, .p = p, .pr = kh_profile_get(p->profile), .kind = KH_DX_BODY};
    title(&c);
    basis(&c);
    markdown(&c, &p->intro, p->intro.s, false);
    tree(&c, p->sections, p->n_sections, 0);
    if (pending(&c))
        emit(&c);
    if (!kh_text_empty(&p->closing))
        mark(&c, KH_DXM_CLOSING, p, NULL);
    markdown(&c, &p->closing, p->closing.s, false);
    if (pending(&c))
        emit(&c);
    end_mark(&c);
    annexes(&c, n_annexes);
    if (pending(&c))
        emit(&c);
}

void kh_dx_flow_free(kh_dx_flow *f)
{
    for (size_t i = 0; i < f->n_strs; i++)
        free(f->strs[i]);
    free(f->strs);
    for (size_t i = 0; i < f->n_mds; i++)
        cmark_node_free(f->mds[i]);
    free(f->mds);
    for (size_t i = 0; i < f->n_tts; i++)
        kh_compose_table_free(f->tts[i]);
    free(f->tts);
    free(f->v);
    free(f->spans);
    free(f->tables);
    free(f->cells);
    free(f->marks);
    memset(f, 0, sizeof *f);
}

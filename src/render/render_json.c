/* render_json.c — `kehoach build -f json`: the typed plan as JSON, so other
 * tools can read plans without parsing YAML. The shape is a contract,
 * documented in docs/json-format.md: versioned ("format": "kehoach-plan",
 * "version": 1), every key always present and always in the same order,
 * every value the user wrote as {"value", "line", "column"} (null when
 * absent), dates as ISO strings, sections nested as in the plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/checklist.h"
#include "kehoach/compose.h"
#include "kehoach/profile.h"
#include "kehoach/render.h"
#include "kehoach/text.h"

#define KH_JSON_VERSION 1
/* Section nesting bound: the loader's YAML depth bound keeps plans far below. */
#define KH_JSON_MAX_DEPTH 64

typedef struct jw {
    kh_buf *out;
    int depth;
    bool first; /* no member written yet at this level */
} jw;

static void indent(jw *w)
{
    kh_buf_putc(w->out, '\n');
    for (int i = 0; i < w->depth; i++)
        kh_buf_puts(w->out, "  ");
}

/* A JSON string: quotes, backslashes and every control character escaped;
 * the loader guarantees valid UTF-8, which JSON carries as is. */
static void str(kh_buf *b, const char *s)
{
    kh_buf_putc(b, '"');
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        switch (*c) {
        case '"': kh_buf_puts(b, "\\\""); break;
        case '\\': kh_buf_puts(b, "\\\\"); break;
        case '\n': kh_buf_puts(b, "\\n"); break;
        case '\r': kh_buf_puts(b, "\\r"); break;
        case '\t': kh_buf_puts(b, "\\t"); break;
        case '\b': kh_buf_puts(b, "\\b"); break;
        case '\f': kh_buf_puts(b, "\\f"); break;
        default:
            if (*c < 0x20 || *c == 0x7f)
                kh_buf_printf(b, "\\u%04x", *c);
            else
                kh_buf_putc(b, (char)*c);
        }
    }
    kh_buf_putc(b, '"');
}

/* Start a member (`"key": `) or an array element. */
static void key(jw *w, const char *k)
{
    if (!w->first)
        kh_buf_putc(w->out, ',');
    w->first = false;
    if (w->depth > 0)
        indent(w);
    if (k) {
        str(w->out, k);
        kh_buf_puts(w->out, ": ");
    }
}

static void jopen(jw *w, const char *k, char bracket)
{
    key(w, k);
    kh_buf_putc(w->out, bracket);
    w->depth++;
    w->first = true;
}

static void jclose(jw *w, char bracket)
{
    w->depth--;
    if (!w->first)
        indent(w);
    kh_buf_putc(w->out, bracket);
    w->first = false;
}

static void m_str(jw *w, const char *k, const char *v)
{
    key(w, k);
    if (v)
        str(w->out, v);
    else
        kh_buf_puts(w->out, "null");
}

/* Lines joined by '\n' as a list of strings, or null. */
static void m_lines(jw *w, const char *k, const char *lines)
{
    if (!lines) {
        m_str(w, k, NULL);
        return;
    }
    jopen(w, k, '[');
    for (const char *q = lines; *q;) {
        size_t n = strcspn(q, "\n");
        char *one = kh_strndup(q, n);
        m_str(w, NULL, one);
        free(one);
        q += n + (q[n] == '\n');
    }
    jclose(w, ']');
}

static void m_int(jw *w, const char *k, long v)
{
    key(w, k);
    kh_buf_printf(w->out, "%ld", v);
}

static void m_bool(jw *w, const char *k, bool v)
{
    key(w, k);
    kh_buf_puts(w->out, v ? "true" : "false");
}

static void m_null(jw *w, const char *k)
{
    key(w, k);
    kh_buf_puts(w->out, "null");
}

/* A position on one line: {"line": 12, "column": 3}. */
static void m_pos(jw *w, const char *k, kh_pos p)
{
    key(w, k);
    if (!p.line)
        kh_buf_puts(w->out, "null");
    else
        kh_buf_printf(w->out, "{\"line\": %u, \"column\": %u}", p.line, p.col);
}

/* A user value: {"value": "…", "line": N, "column": N}, or null. */
static void m_text(jw *w, const char *k, const kh_text *t)
{
    key(w, k);
    if (!t->s) {
        kh_buf_puts(w->out, "null");
        return;
    }
    kh_buf_puts(w->out, "{\"value\": ");
    str(w->out, t->s);
    kh_buf_printf(w->out, ", \"line\": %u, \"column\": %u}", t->pos.line, t->pos.col);
}

/* A date: {"value": "2024-04-09" | "2023-08" | null, "raw": "…", line, column}.
 * value is null when the text is not a valid date (the diagnostics say why). */
static void m_date(jw *w, const char *k, const kh_date_value *d)
{
    key(w, k);
    if (!d->raw.s) {
        kh_buf_puts(w->out, "null");
        return;
    }
    char iso[48];
    kh_buf_puts(w->out, "{\"value\": ");
    if (kh_date_is_set(d->date))
        str(w->out, kh_date_fmt_iso(d->date, iso));
    else
        kh_buf_puts(w->out, "null");
    kh_buf_puts(w->out, ", \"raw\": ");
    str(w->out, d->raw.s);
    kh_buf_printf(w->out, ", \"line\": %u, \"column\": %u}", d->raw.pos.line,
                  d->raw.pos.col);
}

static const char *style_name(kh_scalar_style s)
{
    static const char *const n[] = {"plain", "single", "double", "literal", "folded"};
    return (unsigned)s < sizeof n / sizeof n[0] ? n[s] : "plain";
}

static void m_body(jw *w, const char *k, const kh_text *t)
{
    /* Markdown bodies: also where the first content line is and the style,
     * so a tool can map cmark positions back into the file. */
    key(w, k);
    if (!t->s) {
        kh_buf_puts(w->out, "null");
        return;
    }
    kh_buf_puts(w->out, "{\"value\": ");
    str(w->out, t->s);
    kh_buf_printf(w->out,
                  ", \"line\": %u, \"column\": %u, \"body_line\": %u, "
                  "\"body_column\": %u, \"style\": \"%s\"}",
                  t->pos.line, t->pos.col, t->body.line, t->body.col,
                  style_name(t->style));
}

static void citation(jw *w, const kh_citation *c)
{
    jopen(w, NULL, '{');
    m_pos(w, "position", c->pos);
    m_text(w, "type", &c->type);
    m_text(w, "number", &c->number);
    m_date(w, "date", &c->date);
    m_text(w, "issuer", &c->issuer);
    m_text(w, "subject", &c->subject);
    m_text(w, "file", &c->file);
    jclose(w, '}');
}

static void event(jw *w, const kh_event *e)
{
    jopen(w, NULL, '{');
    m_pos(w, "position", e->pos);
    m_body(w, "text", &e->text);
    m_date(w, "date", &e->date);
    m_text(w, "what", &e->what);
    m_text(w, "who", &e->who);
    jclose(w, '}');
}

static void task(jw *w, const kh_task *t)
{
    jopen(w, NULL, '{');
    m_pos(w, "position", t->pos);
    m_body(w, "text", &t->text);
    m_date(w, "deadline", &t->deadline);
    m_str(w, "due", kh_deadline_form_name(t->due));
    kh_date due = kh_task_due_date(t);
    char iso[48];
    m_str(w, "due_date", kh_date_is_full(due) ? kh_date_fmt_iso(due, iso) : NULL);
    m_str(w, "every", t->every != KH_EVERY_NONE ? kh_recurrence_name(t->every) : NULL);
    m_text(w, "report_to", &t->report_to);
    m_text(w, "what", &t->what);
    m_bool(w, "report", t->report);
    jclose(w, '}');
}

static void unit(jw *w, const kh_unit *u)
{
    static const char *const layouts[] = {"auto", "inline", "block"};
    jopen(w, NULL, '{');
    m_pos(w, "position", u->pos);
    m_text(w, "id", &u->id);
    m_text(w, "name", &u->name);
    m_body(w, "body", &u->body);
    m_text(w, "report_to", &u->report_to);
    m_str(w, "layout", (unsigned)u->layout < 3 ? layouts[u->layout] : "auto");
    m_bool(w, "numbered", u->numbered);
    jopen(w, "tasks", '[');
    for (size_t i = 0; i < u->n_tasks; i++)
        task(w, &u->tasks[i]);
    jclose(w, ']');
    jclose(w, '}');
}

static const char *align_name(kh_cell_align a)
{
    return a == KH_CELL_CENTER ? "center" : a == KH_CELL_RIGHT ? "right" : "left";
}

/* `table:` — heading cells, alignments (auto resolved), rows of cells
 * (*text*, null when empty), caption and note; null when absent. */
static void table(jw *w, const kh_table *t)
{
    if (!t->pos.line || !t->n_cols || !t->head) {
        m_null(w, "table");
        return;
    }
    jopen(w, "table", '{');
    m_pos(w, "position", t->pos);
    m_text(w, "caption", &t->caption);
    jopen(w, "columns", '[');
    for (size_t k = 0; k < t->n_cols; k++)
        m_text(w, NULL, &t->head[k]);
    jclose(w, ']');
    jopen(w, "align", '[');
    for (size_t k = 0; k < t->n_cols; k++)
        m_str(w, NULL, align_name(kh_table_col_align(t, k)));
    jclose(w, ']');
    jopen(w, "rows", '[');
    for (size_t r = 0; t->cells && r < t->n_rows; r++) {
        jopen(w, NULL, '[');
        for (size_t k = 0; k < t->n_cols; k++)
            m_text(w, NULL, &t->cells[r * t->n_cols + k]);
        jclose(w, ']');
    }
    jclose(w, ']');
    m_body(w, "note", &t->note);
    jclose(w, '}');
}

/* `timetable:` — the event day and the rows: as written (deadline, the
 * count before (negative) or after the event) and resolved (`date`, the
 * day the row is due); null when absent. */
static void timetable(jw *w, const kh_timetable *t)
{
    if (!t->pos.line) {
        m_null(w, "timetable");
        return;
    }
    char iso[48];
    jopen(w, "timetable", '{');
    m_pos(w, "position", t->pos);
    m_text(w, "event", &t->event);
    m_date(w, "date", &t->event_date);
    jopen(w, "rows", '[');
    for (size_t i = 0; i < t->n_rows; i++) {
        const kh_timetable_row *r = &t->rows[i];
        jopen(w, NULL, '{');
        m_pos(w, "position", r->pos);
        m_text(w, "task", &r->task);
        m_text(w, "unit", &r->unit);
        m_date(w, "deadline", &r->deadline);
        if (r->has_offset)
            m_int(w, "offset_days", r->offset);
        else
            m_null(w, "offset_days");
        m_str(w, "due", kh_deadline_form_name(r->due));
        m_str(w, "date", kh_date_is_full(r->date) ? kh_date_fmt_iso(r->date, iso) : NULL);
        m_bool(w, "day_off", r->day_off);
        m_text(w, "remark", &r->remark);
        jclose(w, '}');
    }
    jclose(w, ']');
    jclose(w, '}');
}

/* A section, or an annex (its number and label given): the same shape. */
static void section(jw *w, const kh_section *s, const char *number, const char *label,
                    int *path, int depth, char delim)
{
    jopen(w, NULL, '{');
    m_pos(w, "position", s->pos);
    m_str(w, "number", number);
    m_str(w, "label", label);
    m_str(w, "kind", kh_section_kind_name(s->kind));
    m_text(w, "kind_raw", &s->kind_raw);
    m_text(w, "title", &s->title);
    m_bool(w, "inline", s->inline_body);
    m_body(w, "body", &s->body);
    jopen(w, "events", '[');
    for (size_t i = 0; i < s->n_events; i++)
        event(w, &s->events[i]);
    jclose(w, ']');
    jopen(w, "sections", '[');
    for (size_t i = 0; i < s->n_sections && depth + 1 < KH_JSON_MAX_DEPTH; i++) {
        char num[64], lab[64];
        path[depth + 1] = (int)i + 1;
        section(w, &s->sections[i], kh_section_number(path, depth + 1, num),
                kh_section_label(path, depth + 1, delim, lab), path, depth + 1, delim);
    }
    jclose(w, ']');
    jopen(w, "units", '[');
    for (size_t i = 0; i < s->n_units; i++)
        unit(w, &s->units[i]);
    jclose(w, ']');
    table(w, &s->table); /* added in version 1 (json-format.md) */
    timetable(w, &s->timetable); /* added in version 1 too */
    jclose(w, '}');
}

/* The Phụ lục, labelled as the document labels them with the checklist
 * as their last (the default): "Phụ lục I" (number "I"), or "Phụ lục"
 * alone (number null). Their subsections number from 1. */
static void annexes(jw *w, const kh_plan *p, char delim)
{
    const char *pre = kh_profile_get(p->profile)->annex_label;
    size_t n = kh_compose_annex_count(p, true), k = strlen(pre);
    jopen(w, "annexes", '[');
    for (size_t i = 0; i < p->n_annexes; i++) {
        char *label = kh_compose_annex_label(p, i, n);
        const char *num = !strncmp(label, pre, k) && label[k] == ' ' ? label + k + 1 : NULL;
        int path[KH_JSON_MAX_DEPTH] = {(int)i + 1};
        section(w, &p->annexes[i], num, label, path, 0, delim);
        free(label);
    }
    jclose(w, ']');
}

static const char *recip_kind(kh_recipient_kind k)
{
    return k == KH_RECIP_LABEL ? "label" : k == KH_RECIP_ARCHIVE ? "archive" : "line";
}

static void period(jw *w, const char *k, const kh_period *p)
{
    jopen(w, k, '{');
    m_pos(w, "position", p->pos);
    m_date(w, "from", &p->from);
    m_date(w, "to", &p->to);
    m_text(w, "label", &p->label);
    jclose(w, '}');
}

int kh_render_json(const kh_plan *p, const kh_render_opts *o, kh_buf *out,
                   kh_diags *diags)
{
    (void)o;
    (void)diags;
    jw w = {out, 0, true};
    char d[2] = {p->delim ? p->delim : '.', 0};

    jopen(&w, NULL, '{');
    m_str(&w, "format", "kehoach-plan");
    m_int(&w, "version", KH_JSON_VERSION);
    m_str(&w, "file", p->path);
    m_str(&w, "profile", p->profile == KH_PROFILE_STATE ? "state" : "party");
    m_text(&w, "profile_raw", &p->profile_raw);
    m_text(&w, "superior", &p->superior);
    m_text(&w, "issuer", &p->issuer);
    m_text(&w, "issuer_code", &p->issuer_code);
    m_text(&w, "number", &p->number);
    m_text(&w, "place", &p->place);
    m_date(&w, "date", &p->date);
    m_text(&w, "type", &p->doc_type);
    m_text(&w, "title", &p->title);
    m_str(&w, "numbering", d);

    jopen(&w, "implements", '[');
    for (size_t i = 0; i < p->n_implements; i++)
        citation(&w, &p->implements[i]);
    jclose(&w, ']');

    m_body(&w, "intro", &p->intro);
    jopen(&w, "sections", '[');
    for (size_t i = 0; i < p->n_sections; i++) {
        int path[KH_JSON_MAX_DEPTH] = {(int)i + 1};
        char num[64], label[64];
        section(&w, &p->sections[i], kh_section_number(path, 0, num),
                kh_section_label(path, 0, d[0], label), path, 0, d[0]);
    }
    jclose(&w, ']');
    m_body(&w, "closing", &p->closing);

    jopen(&w, "recipients", '[');
    for (size_t i = 0; i < p->n_recipients; i++) {
        const kh_recipient *r = &p->recipients[i];
        jopen(&w, NULL, '{');
        m_pos(&w, "position", r->pos);
        m_str(&w, "kind", recip_kind(r->kind));
        m_text(&w, "text", &r->text);
        m_str(&w, "role", kh_role_name(r->role));
        m_text(&w, "unit", &r->unit);
        if (r->group)
            m_int(&w, "group", r->group);
        else
            m_null(&w, "group");
        jclose(&w, '}');
    }
    jclose(&w, ']');

    jopen(&w, "signature", '{');
    m_pos(&w, "position", p->signature.pos);
    m_text(&w, "prefix", &p->signature.prefix);
    m_text(&w, "body", &p->signature.body);
    m_text(&w, "title", &p->signature.title);
    m_text(&w, "name", &p->signature.name);
    if (p->signature.head.pos.line) { /* added in version 1 (json-format.md) */
        jopen(&w, "head", '{');
        m_pos(&w, "position", p->signature.head.pos);
        m_text(&w, "prefix", &p->signature.head.prefix);
        m_text(&w, "title", &p->signature.head.title);
        jclose(&w, '}');
    } else {
        m_null(&w, "head");
    }
    jclose(&w, '}');

    jopen(&w, "schedule", '{');
    m_pos(&w, "position", p->schedule.pos);
    period(&w, "window", &p->schedule.window);
    jopen(&w, "peaks", '[');
    for (size_t i = 0; i < p->schedule.n_peaks; i++)
        period(&w, NULL, &p->schedule.peaks[i]);
    jclose(&w, ']');
    m_text(&w, "recurring", &p->schedule.recurring);
    jclose(&w, '}');

    jopen(&w, "rules_off", '[');
    for (size_t i = 0; i < p->n_rules_off; i++) {
        jopen(&w, NULL, '{');
        m_pos(&w, "position", p->rules_off[i].pos);
        m_text(&w, "id", &p->rules_off[i].id);
        m_text(&w, "reason", &p->rules_off[i].reason);
        jclose(&w, '}');
    }
    jclose(&w, ']');

    jopen(&w, "basis", '['); /* added in version 1 (json-format.md) */
    for (size_t i = 0; i < p->n_basis; i++)
        m_text(&w, NULL, &p->basis[i]);
    jclose(&w, ']');
    jopen(&w, "header_lines", '{'); /* added in version 1 (json-format.md) */
    m_lines(&w, "superior", p->superior_lines);
    m_lines(&w, "issuer", p->issuer_lines);
    jclose(&w, '}');
    annexes(&w, p, d[0]); /* added in version 1 (json-format.md) */
    jclose(&w, '}');
    kh_buf_putc(out, '\n');
    return 0;
}

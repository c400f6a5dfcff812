/* compose.c — document pieces shared by every renderer and the checklist:
 * header strings, `{date}`/`{deadline}` expansion, unit layout and
 * numbering, recipient role markers and groups, the signature's authority.
 * Fixed texts come from the profile table only. See compose.h. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "kehoach/checklist.h"
#include "kehoach/compose.h"
#include "kehoach/markdown.h"

static char *upper_or_null(const kh_text *t, const char *lines)
{
    return kh_text_empty(t) ? NULL : kh_utf8_upper(lines ? lines : t->s);
}

void kh_header_compose(const kh_plan *p, kh_header *h)
{
    const kh_profile *pr = kh_profile_get(p->profile);
    memset(h, 0, sizeof *h);
    h->header_title = pr->header_title;
    h->motto = pr->motto;
    h->superior = upper_or_null(&p->superior, p->superior_lines);
    h->issuer = upper_or_null(&p->issuer, p->issuer_lines);
    h->issuer_mark = pr->issuer_mark;
    if (!kh_text_empty(&p->number)) {
        kh_buf b = {0};
        kh_buf_printf(&b, "%s%s", pr->number_prefix, p->number.s);
        h->number_line = kh_buf_take(&b);
    }
    char date[48];
    kh_buf b = {0};
    if (!kh_text_empty(&p->place))
        kh_buf_puts(&b, p->place.s);
    if (kh_date_is_set(p->date.date)) {
        if (b.len)
            kh_buf_puts(&b, ", ");
        kh_buf_puts(&b, kh_date_fmt_long(p->date.date, date));
    }
    h->date_line = b.len ? kh_buf_take(&b) : NULL;
    kh_buf_free(&b);
    h->doc_type = kh_text_empty(&p->doc_type) ? kh_strdup("KẾ HOẠCH")
                                               : kh_utf8_upper(p->doc_type.s);
}

void kh_header_free(kh_header *h)
{
    free(h->superior);
    free(h->issuer);
    free(h->number_line);
    free(h->date_line);
    free(h->doc_type);
    memset(h, 0, sizeof *h);
}

size_t kh_compose_replace(const char *s, const char *placeholder,
                          const char *with, kh_buf *out)
{
    size_t n = 0, plen = strlen(placeholder);
    const char *hit;
    while ((hit = strstr(s, placeholder)) != NULL) {
        kh_buf_put(out, s, (size_t)(hit - s));
        kh_buf_puts(out, with);
        s = hit + plen;
        n++;
    }
    kh_buf_puts(out, s);
    return n;
}

/* Length of s without trailing white space. */
static size_t rtrim_len(const char *s)
{
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\t' ||
                 s[n - 1] == '\r'))
        n--;
    return n;
}

/* Offset where trailing sentence punctuation (. , ; : and "./.") starts. */
static size_t final_punct_at(const char *s, size_t n)
{
    while (n && strchr(".,;:", s[n - 1]))
        n--;
    if (n >= 2 && s[n - 1] == '/' && s[n - 2] == '.') /* "./." */
        n -= 2;
    while (n && strchr(".,;:", s[n - 1]))
        n--;
    return n;
}

/* text with `placeholder` replaced by `words` (in bold when asked); without
 * the placeholder, " <fallback><words>" goes before the final punctuation.
 * words == NULL: the text as it is. */
static void put_dated(const char *text, const char *placeholder, const char *words,
                      const char *fallback, bool bold, kh_buf *out)
{
    if (!text)
        return;
    if (!words) {
        kh_buf_puts(out, text);
        return;
    }
    kh_buf with = {0};
    kh_buf_printf(&with, bold ? "**%s**" : "%s", words);
    if (strstr(text, placeholder)) {
        kh_compose_replace(text, placeholder, kh_buf_str(&with), out);
    } else {
        size_t n = rtrim_len(text), at = final_punct_at(text, n);
        kh_buf_put(out, text, at);
        if (at)
            kh_buf_putc(out, ' ');
        if (fallback && *fallback)
            kh_buf_puts(out, fallback);
        kh_buf_puts(out, kh_buf_str(&with));
        kh_buf_puts(out, text + at);
    }
    kh_buf_free(&with);
}

void kh_compose_event_md(const kh_plan *p, const kh_event *e, kh_buf *out)
{
    const kh_profile *pr = kh_profile_get(p->profile);
    /* `{date}` is the bare date; the fallback reads " ngày **dd/mm/yyyy**". */
    char date[48];
    put_dated(e->text.s, "{date}",
              kh_date_is_set(e->date.date) ? kh_date_fmt_short(e->date.date, date) : NULL,
              pr->event_date_prefix, true, out);
}

static const char *const roman_quarter[] = {"I", "II", "III", "IV"};

bool kh_compose_deadline(const kh_plan *p, const kh_task *t, kh_buf *out)
{
    const kh_profile *pr = kh_profile_get(p->profile);
    kh_date d = t->deadline.date;
    const char *every = t->every != KH_EVERY_NONE ? pr->every_words[t->every] : NULL;
    if (!kh_date_is_set(d)) {
        if (every)
            kh_buf_puts(out, every);
        return every != NULL;
    }
    if (every)
        kh_buf_printf(out, "%s%s", every, pr->every_first);
    kh_buf_puts(out, pr->deadline_words[t->due]);
    char date[48];
    switch (t->due) {
    case KH_DEADLINE_MONTH:
        kh_buf_printf(out, "%d/%d", d.month, d.year);
        break;
    case KH_DEADLINE_QUARTER:
        kh_buf_printf(out, "%s/%d", roman_quarter[(d.month - 1) / 3], d.year);
        break;
    case KH_DEADLINE_BEFORE:
    case KH_DEADLINE_BY:
        kh_buf_puts(out, kh_date_fmt_short(d, date));
        break;
    }
    return true;
}

void kh_compose_task_md(const kh_plan *p, const kh_task *t, kh_buf *out)
{
    kh_buf words = {0};
    bool any = kh_compose_deadline(p, t, &words);
    put_dated(t->text.s, "{deadline}", any ? kh_buf_str(&words) : NULL, NULL, true, out);
    kh_buf_free(&words);
}

static char *plain_of(const char *md)
{
    char *s = kh_md_inline_plain(md ? md : "");
    /* one line: soft breaks and paragraph ends as spaces */
    for (char *c = s; *c; c++)
        if (*c == '\n')
            *c = ' ';
    return s;
}

char *kh_compose_event_plain(const kh_plan *p, const kh_event *e)
{
    if (!kh_text_empty(&e->what))
        return plain_of(e->what.s);
    kh_buf b = {0};
    kh_compose_event_md(p, e, &b);
    char *s = plain_of(kh_buf_str(&b));
    kh_buf_free(&b);
    return s;
}

char *kh_compose_task_plain(const kh_plan *p, const kh_task *t)
{
    if (!kh_text_empty(&t->what))
        return plain_of(t->what.s);
    kh_buf b = {0};
    kh_compose_task_md(p, t, &b);
    char *s = plain_of(kh_buf_str(&b));
    kh_buf_free(&b);
    return s;
}

/* True when the Markdown is exactly one paragraph. */
static bool one_paragraph(const char *md)
{
    cmark_node *doc = cmark_parse_document(md, strlen(md), 0);
    cmark_node *first = cmark_node_first_child(doc);
    bool one = first && !cmark_node_next(first) &&
               cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
    cmark_node_free(doc);
    return one;
}

bool kh_compose_unit_inline(const kh_unit *u)
{
    switch (u->layout) {
    case KH_LAYOUT_INLINE:
        return true;
    case KH_LAYOUT_BLOCK:
        return false;
    case KH_LAYOUT_AUTO:
    default:
        if (!kh_text_empty(&u->body))
            return u->n_tasks == 0 && one_paragraph(u->body.s);
        return u->n_tasks == 1;
    }
}

int kh_compose_unit_number(const kh_section *s, size_t i)
{
    if (i >= s->n_units || !s->units[i].numbered)
        return 0;
    int n = (int)s->n_sections;
    for (size_t k = 0; k <= i; k++)
        if (s->units[k].numbered)
            n++;
    return n;
}

const char *kh_compose_inline_sep(const char *title)
{
    size_t n = title ? rtrim_len(title) : 0;
    return n && title[n - 1] == ':' ? " " : ": ";
}

static const char *role_marker(const kh_profile *pr, kh_role r)
{
    switch (r) {
    case KH_ROLE_REPORT: return pr->role_report;
    case KH_ROLE_IMPLEMENT: return pr->role_implement;
    case KH_ROLE_INFORM: return pr->role_inform;
    case KH_ROLE_NONE:
    default: return NULL;
    }
}

void kh_compose_recipient_line(const kh_plan *p, const kh_recipient *r,
                               kh_buf *out)
{
    const char *s = r->text.s ? r->text.s : "";
    const char *mark = r->group == 0 && r->kind == KH_RECIP_LINE
                           ? role_marker(kh_profile_get(p->profile), r->role)
                           : NULL;
    size_t n = rtrim_len(s);
    if (!mark || strstr(s, mark)) {
        kh_buf_put(out, s, n);
        return;
    }
    size_t at = final_punct_at(s, n);
    kh_buf_put(out, s, at);
    if (at)
        kh_buf_putc(out, ' ');
    kh_buf_puts(out, mark);
    kh_buf_put(out, s + at, n - at);
}

bool kh_compose_group_ends(const kh_plan *p, size_t i)
{
    if (i >= p->n_recipients || p->recipients[i].group == 0)
        return false;
    return i + 1 == p->n_recipients ||
           p->recipients[i + 1].group != p->recipients[i].group;
}

const char *kh_compose_group_label(const kh_plan *p, kh_role role)
{
    const kh_profile *pr = kh_profile_get(p->profile);
    switch (role) {
    case KH_ROLE_REPORT: return pr->group_report;
    case KH_ROLE_IMPLEMENT: return pr->group_implement;
    case KH_ROLE_INFORM: return pr->group_inform;
    case KH_ROLE_NONE:
    default: return NULL;
    }
}

/* "PREFIX BODY": the prefix as typed, the rest upper-cased; "" when both
 * are empty. */
static char *authority_line(const kh_text *prefix, const kh_text *body)
{
    kh_buf b = {0};
    if (!kh_text_empty(prefix))
        kh_buf_puts(&b, prefix->s);
    if (!kh_text_empty(body)) {
        char *up = kh_utf8_upper(body->s);
        if (b.len)
            kh_buf_putc(&b, ' ');
        kh_buf_puts(&b, up);
        free(up);
    }
    char *r = kh_buf_take(&b);
    return r ? r : kh_strdup("");
}

char *kh_compose_authority(const kh_plan *p)
{
    return authority_line(&p->signature.prefix, &p->signature.body);
}

char *kh_compose_head_authority(const kh_plan *p)
{
    return authority_line(&p->signature.head.prefix, &p->signature.head.title);
}

char *kh_compose_sign_title(const kh_plan *p)
{
    return kh_text_empty(&p->signature.title) ? kh_strdup("")
                                               : kh_utf8_upper(p->signature.title.s);
}

char *kh_compose_doc_title(const kh_plan *p)
{
    char *title = p->title.s ? kh_md_inline_plain(p->title.s) : kh_strdup("");
    for (char *c = title; *c; c++)
        if (*c == '\n')
            *c = ' ';
    return title;
}

char *kh_compose_doc_subject(const kh_plan *p)
{
    kh_buf b = {0};
    kh_buf_printf(&b, "%s%s%s", p->doc_type.s ? p->doc_type.s : "Kế hoạch",
                  p->number.s ? " số " : "", p->number.s ? p->number.s : "");
    return kh_buf_take(&b);
}

char *kh_compose_doc_keywords(const kh_plan *p)
{
    kh_buf b = {0};
    kh_buf_printf(&b, "%s", p->doc_type.s ? p->doc_type.s : "Kế hoạch");
    if (p->number.s)
        kh_buf_printf(&b, ", %s", p->number.s);
    if (p->issuer.s)
        kh_buf_printf(&b, ", %s", p->issuer.s);
    return kh_buf_take(&b);
}

/* ---- Phụ lục ---- */

char *kh_compose_annex_label(const kh_plan *p, size_t i, size_t n)
{
    const kh_profile *pr = kh_profile_get(p->profile);
    kh_buf b = {0};
    kh_buf_puts(&b, pr->annex_label);
    if (n > 1) {
        char r[16];
        if (pr->annex_roman && i < 3999)
            kh_buf_printf(&b, " %s", kh_roman((int)i + 1, r));
        else
            kh_buf_printf(&b, " %zu", i + 1);
    }
    return kh_buf_take(&b);
}

char *kh_compose_annex_caption(const kh_plan *p)
{
    const kh_profile *pr = kh_profile_get(p->profile);
    kh_buf b = {0};
    char d[48];
    kh_buf_printf(&b, "(%s%s", pr->annex_with,
                  !kh_text_empty(&p->doc_type) ? p->doc_type.s : "Kế hoạch");
    if (!kh_text_empty(&p->number))
        kh_buf_printf(&b, "%s%s", pr->annex_number, p->number.s);
    if (kh_date_is_full(p->date.date))
        kh_buf_printf(&b, "%s%s", pr->annex_date, kh_date_fmt_short(p->date.date, d));
    if (!kh_text_empty(&p->issuer))
        kh_buf_printf(&b, "%s%s", pr->annex_of, p->issuer.s);
    kh_buf_puts(&b, ")");
    return kh_buf_take(&b);
}

size_t kh_compose_annex_count(const kh_plan *p, bool with_checklist)
{
    size_t n = p->n_annexes;
    if (with_checklist) {
        kh_checklist cl = {0};
        kh_checklist_add_plan(&cl, p);
        n += cl.n > 0;
        kh_checklist_free(&cl);
    }
    return n;
}

/* ---- deadline tables ---- */

static kh_text owned(char *s)
{
    kh_text t = {0};
    t.s = s;
    return t;
}

kh_table *kh_compose_timetable(const kh_plan *p, const kh_timetable *tt)
{
    const kh_profile *pr = kh_profile_get(p->profile);
    bool remarks = false;
    for (size_t i = 0; i < tt->n_rows; i++)
        remarks |= !kh_text_empty(&tt->rows[i].remark);
    kh_table *t = kh_xcalloc(1, sizeof *t);
    t->pos = tt->pos;
    t->n_cols = remarks ? 5 : 4;
    t->n_rows = tt->n_rows;
    t->head = kh_xcalloc(t->n_cols, sizeof *t->head);
    t->align = kh_xcalloc(t->n_cols, sizeof *t->align);
    t->cells = kh_xcalloc(t->n_rows * t->n_cols + 1, sizeof *t->cells);
    t->row_pos = kh_xcalloc(t->n_rows + 1, sizeof *t->row_pos);
    for (size_t k = 0; k < t->n_cols; k++)
        t->head[k] = owned(kh_strdup(pr->timetable_heads[k]));
    t->align[0] = KH_CELL_CENTER;
    t->align[1] = t->align[2] = KH_CELL_LEFT;
    t->align[3] = KH_CELL_CENTER;
    if (remarks)
        t->align[4] = KH_CELL_LEFT;
    for (size_t i = 0; i < tt->n_rows; i++) {
        const kh_timetable_row *r = &tt->rows[i];
        kh_text *c = &t->cells[i * t->n_cols];
        t->row_pos[i] = r->pos;
        kh_buf b = {0};
        kh_buf_printf(&b, "%zu", i + 1);
        c[0] = owned(kh_buf_take(&b));
        c[1] = owned(kh_strdup(r->task.s ? r->task.s : ""));
        c[2] = owned(kh_strdup(r->unit.s ? r->unit.s : ""));
        char d[48];
        if (kh_date_is_full(r->date)) {
            /* "Chậm nhất ngày 30/11/2025": the form's words, capitalised;
             * the event day itself is "Ngày 15/3/2026". */
            bool on_event = r->has_offset && r->offset == 0;
            const char *w = on_event ? pr->event_date_prefix : pr->deadline_words[r->due];
            kh_buf_printf(&b, "%c%s%s", w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0], w + 1,
                          kh_date_fmt_short(r->date, d));
            /* A day off the row means (`day_off:`) is named, as the reader
             * and R-TIMETABLE-DAY expect: "(Chủ nhật)", "(Tết Nguyên đán)". */
            const char *h = kh_holiday_name(r->date);
            int wd = kh_date_weekday(r->date);
            if (r->day_off && (h || wd == 0 || wd == 6))
                kh_buf_printf(&b, " (%s)", h ? h : kh_weekday_vi(wd));
        }
        if (r->has_offset && r->offset != 0 && tt->event.s) {
            long n = r->offset < 0 ? -r->offset : r->offset;
            kh_buf_printf(&b, "%s(%ld %s %s)", b.len ? "\\\n" : "", n,
                          r->offset < 0 ? pr->days_before : pr->days_after, tt->event.s);
        }
        c[3] = owned(b.len ? kh_buf_take(&b) : kh_strdup(""));
        kh_buf_free(&b);
        if (remarks)
            c[4] = owned(kh_strdup(r->remark.s ? r->remark.s : ""));
        for (size_t k = 0; k < t->n_cols; k++)
            if (c[k].s && !*c[k].s) {
                free((char *)c[k].s);
                c[k].s = NULL;
            }
    }
    return t;
}

void kh_compose_table_free(kh_table *t)
{
    if (!t)
        return;
    for (size_t k = 0; k < t->n_cols; k++)
        free((char *)t->head[k].s);
    for (size_t i = 0; i < t->n_rows * t->n_cols; i++)
        free((char *)t->cells[i].s);
    free(t->head);
    free(t->cells);
    free(t->align);
    free(t->row_pos);
    free(t);
}

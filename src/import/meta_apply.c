/* meta_apply.c — the recognised plan filled from kehoach's own data in a
 * DOCX it wrote (docs/docx-metadata.md; read by docx_meta.c into
 * kh_src.meta). It works on the YAML the recogniser wrote and its line
 * map, so the recogniser needs no part in it: each record names the
 * bookmark of a paragraph; the YAML item of the record's kind (a unit, a
 * task, an event, a section, a deadline-table row, a recipient) that came
 * from that paragraph gets the record's values as keys it does not have
 * yet. The printed text always wins: a key the recogniser wrote is kept,
 * and a record whose condition (`if-before`, `if-number`) the document no
 * longer meets is dropped. A record whose bookmark is gone, or whose
 * paragraph no longer holds an element of its kind, is ignored with a
 * note. The plan-wide records add `schedule:` when the plan has none and
 * an implemented plan's `file:`, or drop the implemented plan guessed
 * from a căn cứ line of a plan that implements none. The values are
 * written quoted, and the YAML then goes through the loader and check
 * like any other. Line by line over the YAML, no recursion. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/import.h"

static const kh_pos whole = {0, 0};

typedef struct line {
    size_t off, len;
    int indent;
    bool item, block, skip; /* skip: blank, comment or a block's content */
    const char *key, *value; /* in the YAML; key NULL: none */
    size_t key_len, value_len;
    size_t parent;           /* an item's collection key line (SIZE_MAX: none) */
    unsigned para;           /* map: 1 + paragraph index, 0 none */
    /* an item, once scanned (scan_item): where it ends, its last line with
     * text, the known keys it has or is given, the line of each */
    bool scanned;
    size_t end, last;
    unsigned has;
    size_t key_line[24];
} line;

/* The keys records fill or test, as bits of line.has. */
static const char *const known[] = {"id", "report_to", "what", "report", "who", "kind",
                                    "deadline", "unit", "file", "from", "to", "label",
                                    "recurring", "before", "after", "number", "name",
                                    "body", "tasks", "subject", "text"};
#define N_KNOWN (sizeof known / sizeof *known)
_Static_assert(N_KNOWN <= 24, "line.key_line holds the known keys");

typedef struct edit {
    size_t order;   /* made before those with a higher one */
    size_t after;   /* insert after this line (SIZE_MAX: at the end) */
    char *text;     /* one line, no newline */
    int indent;
    unsigned para;
    bool replace;   /* text replaces line `after` */
    bool drop;      /* line `after` goes (text NULL) */
} edit;

typedef struct apply {
    const kh_src *doc;
    const char *y;
    line *l;
    size_t n;
    edit *e;
    size_t n_e, cap_e;
    struct item_ref {
        unsigned para;
        size_t line;
    } *items;      /* item lines with a paragraph, by paragraph */
    size_t n_items;
    kh_meta_mark *marks; /* the bookmarks, by name */
    kh_diags *d;
    size_t gone, elsewhere, changed; /* ignored records, for the notes */
    const kh_meta_rec *gone1, *elsewhere1, *changed1;
} apply;

static bool is_key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

static void parse_lines(apply *a, const kh_import_map *map)
{
    size_t cap = 0;
    const char *y = a->y;
    size_t ylen = strlen(y);
    struct {
        int indent;
        size_t line;
    } stack[64];
    int top = 0, block_owner = -1;
    for (size_t off = 0; off < ylen;) {
        const char *nl = memchr(y + off, '\n', ylen - off);
        size_t len = nl ? (size_t)(nl - (y + off)) : ylen - off;
        KH_GROW(a->l, a->n, cap);
        line *L = &a->l[a->n];
        memset(L, 0, sizeof *L);
        L->off = off;
        L->len = len;
        L->parent = SIZE_MAX;
        L->para = a->n < map->n ? map->para[a->n] : 0;
        a->n++;
        off += len + (nl != NULL);
        const char *s = y + L->off;
        int ind = 0;
        while ((size_t)ind < len && s[ind] == ' ')
            ind++;
        L->indent = ind;
        bool blank = (size_t)ind == len;
        if (block_owner >= 0 && (blank || ind > block_owner)) {
            L->block = L->skip = true;
            continue;
        }
        block_owner = -1;
        if (blank || s[ind] == '#') {
            L->skip = true;
            continue;
        }
        const char *r = s + ind, *end = s + len;
        int kind = ind;
        if (r[0] == '-' && (r + 1 == end || r[1] == ' ')) {
            L->item = true;
            r += r + 1 == end ? 1 : 2;
            kind = ind + 2;
        }
        while (top && stack[top - 1].indent >= ind)
            top--;
        if (L->item && top)
            L->parent = stack[top - 1].line;
        const char *k = r;
        while (k < end && is_key_char(*k))
            k++;
        if (k > r && k < end && *k == ':' && (k + 1 == end || k[1] == ' ')) {
            L->key = r;
            L->key_len = (size_t)(k - r);
            const char *v = k + 1;
            while (v < end && *v == ' ')
                v++;
            L->value = v;
            L->value_len = (size_t)(end - v);
            if (v < end && (*v == '|' || *v == '>'))
                block_owner = kind;
            else if (v == end && top < 64) {
                stack[top].indent = kind;
                stack[top++].line = a->n - 1;
            }
        }
    }
}

static bool key_is(const line *L, const char *key)
{
    return L->key && L->key_len == strlen(key) && !memcmp(L->key, key, L->key_len);
}

static int known_key(const line *L)
{
    for (size_t k = 0; k < N_KNOWN; k++)
        if (key_is(L, known[k]))
            return (int)k;
    return -1;
}

/* Item i's extent (to the first line after it back at its indent or
 * less, comments aside), its last line with text and its known keys: once
 * per item. */
static line *scan_item(apply *a, size_t i)
{
    line *it = &a->l[i];
    if (it->scanned)
        return it;
    it->scanned = true;
    int k = known_key(it);
    if (k >= 0) {
        it->has |= 1u << k;
        it->key_line[k] = i;
    }
    size_t j = i + 1;
    it->last = i;
    for (; j < a->n; j++) {
        /* a comment (`# kehoach import: …`) neither ends the item nor is
         * its last line: keys go before a comment of the next item */
        const line *L = &a->l[j];
        bool blank = L->len == (size_t)L->indent, comment = L->skip && !L->block && !blank;
        if (!L->skip && L->indent <= it->indent)
            break;
        if (!blank && !comment)
            it->last = j;
        if (!L->skip && !L->item && L->indent == it->indent + 2 && (k = known_key(L)) >= 0 &&
            !(it->has & (1u << k))) {
            it->has |= 1u << k;
            it->key_line[k] = j;
        }
    }
    it->end = j;
    return it;
}

/* The line of item i that holds `key`, or NULL. */
static const line *item_key(apply *a, size_t i, const char *key)
{
    line *it = scan_item(a, i);
    for (size_t k = 0; k < N_KNOWN; k++)
        if (!strcmp(known[k], key))
            return it->has & (1u << k) && it->key_line[k] != SIZE_MAX
                       ? &a->l[it->key_line[k]] : NULL;
    return NULL;
}

/* The scalar value, unquoted when written "…" (the recogniser's style). */
static char *value_of(const line *L)
{
    const char *v = L->value;
    size_t n = L->value_len;
    kh_buf b = {0};
    if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
        for (size_t i = 1; i + 1 < n; i++) {
            if (v[i] == '\\' && i + 2 < n)
                i++;
            kh_buf_putc(&b, v[i]);
        }
    } else
        kh_buf_put(&b, v, n);
    char *s = kh_buf_take(&b);
    return s ? s : kh_strdup("");
}

static void put_quoted(kh_buf *b, const char *s)
{
    kh_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            kh_buf_printf(b, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            kh_buf_putc(b, ' ');
        else
            kh_buf_putc(b, (char)*p);
    }
    kh_buf_putc(b, '"');
}

static void add_edit(apply *a, edit e)
{
    KH_GROW(a->e, a->n_e, a->cap_e);
    e.order = a->n_e;
    a->e[a->n_e++] = e;
}

/* `key: value` as a line at `indent` (report: true/false unquoted). */
static char *kv_line(const char *key, const char *value)
{
    kh_buf b = {0};
    kh_buf_printf(&b, "%s: ", key);
    if (!strcmp(key, "report"))
        kh_buf_puts(&b, value);
    else
        put_quoted(&b, value);
    return kh_buf_take(&b);
}

/* Add key: value to item i unless it has the key (the printed text wins). */
static void fill(apply *a, size_t i, const char *key, const char *value)
{
    line *it = scan_item(a, i);
    size_t k = 0;
    while (k < N_KNOWN && strcmp(known[k], key))
        k++;
    if (k == N_KNOWN || it->has & (1u << k))
        return;
    if (!strcmp(key, "report") && strcmp(value, "true") && strcmp(value, "false"))
        return;
    it->has |= 1u << k;
    it->key_line[k] = SIZE_MAX; /* given here, not in the YAML yet */
    if (!it->key) { /* `- "Ban …,"`: a recipient line becomes `- name: "Ban …,"` */
        kh_buf b = {0};
        kh_buf_puts(&b, "- name: ");
        kh_buf_put(&b, a->y + it->off + it->indent + 2, it->len - (size_t)it->indent - 2);
        add_edit(a, (edit){.after = i, .text = kh_buf_take(&b), .indent = it->indent,
                           .para = it->para, .replace = true});
        it->key = "name";
        it->key_len = 4;
    }
    add_edit(a, (edit){.after = it->last, .text = kv_line(key, value), .indent = it->indent + 2,
                       .para = it->para});
}

static const char *const collection[][2] = {
    [KH_META_UNIT] = {"units", NULL},       [KH_META_TASK] = {"tasks", NULL},
    [KH_META_EVENT] = {"events", NULL},     [KH_META_SECTION] = {"sections", NULL},
    [KH_META_ROW] = {"rows", NULL},         [KH_META_RECIPIENT] = {"recipients", "items"},
};

static int by_para(const void *x, const void *y)
{
    const struct item_ref *i = x, *j = y;
    if (i->para != j->para)
        return i->para < j->para ? -1 : 1;
    return i->line < j->line ? -1 : i->line > j->line;
}

static int by_name(const void *x, const void *y)
{
    const kh_meta_mark *i = x, *j = y;
    int c = strcmp(i->name, j->name);
    return c ? c : i->para < j->para ? -1 : i->para > j->para;
}

static int by_place(const void *x, const void *y)
{
    const edit *e = x, *f = y;
    if (e->after != f->after)
        return e->after < f->after ? -1 : 1;
    /* after the same line: a dropped or replaced line first, then the
     * inner item's keys */
    if ((e->replace || e->drop) != (f->replace || f->drop))
        return e->replace || e->drop ? -1 : 1;
    if (e->indent != f->indent && e->after != SIZE_MAX)
        return e->indent > f->indent ? -1 : 1;
    return e->order < f->order ? -1 : e->order > f->order;
}

/* The bookmark of that name (the first in the document when repeated). */
static const kh_meta_mark *find_mark(const apply *a, const char *name)
{
    size_t lo = 0, hi = a->doc->meta.n_marks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(a->marks[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->doc->meta.n_marks && !strcmp(a->marks[lo].name, name) ? &a->marks[lo] : NULL;
}

/* The item of the record's kind that came from paragraph para1 - 1. */
static size_t item_at(const apply *a, unsigned para1, kh_meta_kind kind)
{
    size_t lo = 0, hi = a->n_items;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->items[mid].para < para1)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* the innermost: a group of Nơi nhận starts at its first line's paragraph */
    size_t best = SIZE_MAX;
    for (; lo < a->n_items && a->items[lo].para == para1; lo++) {
        const line *L = &a->l[a->items[lo].line];
        if (L->parent == SIZE_MAX || (best != SIZE_MAX && a->l[best].indent >= L->indent))
            continue;
        for (int k = 0; k < 2; k++)
            if (collection[kind][k] && key_is(&a->l[L->parent], collection[kind][k]))
                best = a->items[lo].line;
    }
    return best;
}

/* The record's conditions (`if-KEY`): the item still prints KEY so. */
static bool conditions_hold(apply *a, size_t item, const kh_meta_rec *r)
{
    for (size_t i = 0; i < r->n; i++) {
        if (strncmp(r->key[i], "if-", 3))
            continue;
        const line *L = item_key(a, item, r->key[i] + 3);
        char *v = L ? value_of(L) : NULL;
        bool same = v && !strcmp(v, r->value[i]);
        free(v);
        if (!same)
            return false;
    }
    return true;
}

/* `text-is="task"` on a unit: the text the recogniser took for its body
 * (`body: |` and no tasks) is its one task: `tasks:` / `- text: |-` and
 * the block's lines four columns deeper. */
static void body_to_task(apply *a, size_t item)
{
    const line *b = item_key(a, item, "body");
    if (!b || item_key(a, item, "tasks") || b->value_len != 1 || *b->value != '|')
        return;
    size_t bl = (size_t)(b - a->l);
    int ind = b->indent;
    add_edit(a, (edit){.after = bl, .text = kh_strdup("tasks:"), .indent = ind,
                       .para = b->para, .replace = true});
    add_edit(a, (edit){.after = bl, .text = kh_strdup("- text: |-"), .indent = ind + 2,
                       .para = b->para});
    for (size_t j = bl + 1; j < a->n && a->l[j].block; j++) {
        const line *L = &a->l[j];
        if (L->len == (size_t)L->indent)
            continue;
        kh_buf t = {0};
        kh_buf_put(&t, a->y + L->off + L->indent, L->len - (size_t)L->indent);
        add_edit(a, (edit){.after = j, .text = kh_buf_take(&t), .indent = L->indent + 4,
                           .para = L->para, .replace = true});
    }
}

/* s with its white space runs one space, trimmed. Caller frees. */
static char *flat_copy(const char *s)
{
    kh_buf b = {0};
    for (const char *p = s; *p; p++) {
        bool ws = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
        if (!ws)
            kh_buf_putc(&b, *p);
        else if (b.len && !(p[1] == ' ' || p[1] == '\n' || p[1] == '\t' || p[1] == '\r' || !p[1]))
            kh_buf_putc(&b, ' ');
    }
    char *r = kh_buf_take(&b);
    return r ? r : kh_strdup("");
}

/* Task text t ("… trẻ em {deadline}.") with the words its paragraph
 * prints for {deadline} back ("… trẻ em trong tháng 6/2027."): the text
 * before the mark found in the paragraph, the text after it ending it.
 * NULL when the paragraph does not read so. Caller frees. */
static char *deadline_back(const char *t, const char *para)
{
    static const char mark[] = "{deadline}";
    const char *at = strstr(t, mark), *after = at ? at + sizeof mark - 1 : NULL;
    if (!at || at == t || strstr(after, mark))
        return NULL;
    char *p = flat_copy(para), *before = kh_strndup(t, (size_t)(at - t)), *r = NULL;
    const char *from = strstr(p, before);
    size_t al = strlen(after);
    if (from) {
        const char *w = from + strlen(before);
        size_t wl = strlen(w);
        if (wl > al && !strcmp(w + wl - al, after)) {
            kh_buf b = {0};
            kh_buf_printf(&b, "%s%.*s%s", before, (int)(wl - al), w, after);
            r = kh_buf_take(&b);
        }
    }
    free(before);
    free(p);
    return r;
}

/* `text-is="body"` on a unit: its one paragraph, printed inline, holds
 * the words of a deadline ("… trong tháng 6/2027."), and the recogniser
 * took it for the unit's only task: `body: |` again, its text with the
 * deadline's words from the paragraph, the task's keys gone. */
static void task_to_body(apply *a, size_t item)
{
    const line *t = item_key(a, item, "tasks");
    if (!t || item_key(a, item, "body") || t->value_len)
        return;
    size_t tl = (size_t)(t - a->l), task = tl + 1, bl = task + 1;
    if (bl >= a->n || !a->l[task].item || !key_is(&a->l[task], "text") || !a->l[bl].block)
        return;
    const line *s = scan_item(a, task);
    if ((s->end < a->n && a->l[s->end].item && a->l[s->end].parent == tl) ||
        (bl + 1 < a->n && a->l[bl + 1].block) || !a->l[bl].para || a->l[bl].para > a->doc->n)
        return; /* a second task, or more than one line of text */
    const line *L = &a->l[bl];
    char *x = kh_strndup(a->y + L->off + L->indent, L->len - (size_t)L->indent);
    char *text = deadline_back(x, a->doc->v[L->para - 1].text);
    free(x);
    if (!text)
        return;
    add_edit(a, (edit){.after = tl, .text = kh_strdup("body: |"), .indent = t->indent,
                       .para = t->para, .replace = true});
    for (size_t j = task; j < s->end; j++)
        if (j != bl)
            add_edit(a, (edit){.after = j, .drop = true});
    add_edit(a, (edit){.after = bl, .text = text, .indent = t->indent + 2, .para = L->para,
                       .replace = true});
}

/* s without its parentheses " (…)" (not nested). Caller frees. */
static char *without_parens(const char *s)
{
    kh_buf b = {0};
    for (const char *p = s; *p;) {
        const char *o = strstr(p, " ("), *c = o ? strchr(o + 2, ')') : NULL;
        if (!c) {
            kh_buf_puts(&b, p);
            break;
        }
        kh_buf_put(&b, p, (size_t)(o - p));
        p = c + 1;
    }
    char *r = kh_buf_take(&b);
    return r ? r : kh_strdup("");
}

/* Whether the recognised subject v is the recorded one with the rest of
 * the sentence after it, from a word's end: the subject stops where the
 * sentence goes on with words of its own ("… của Bộ Chính trị" + " về đột
 * phá …, Chi bộ …"), which the recogniser cannot tell from the subject. */
static bool goes_on_from(const char *v, const char *subject)
{
    size_t n = strlen(subject);
    return n && !strncmp(v, subject, n) && (v[n] == ' ' || v[n] == ',' || v[n] == ';');
}

/* Whether the recognised subject v is the recorded one cut short at a
 * word's end: a sentence citing several documents prints a subject short
 * ("… thực hiện Chỉ thị số 05-CT/TW" for "… Chỉ thị số 05-CT/TW của Bộ
 * Chính trị", the issuer said once before). */
static bool cut_from(const char *v, const char *subject)
{
    size_t n = strlen(v);
    return n && !strncmp(v, subject, n) && subject[n] == ' ';
}

/* An implemented plan's subject: the sentence that cites it prints the
 * subject and may hold dates in parentheses the author kept out of it
 * ("… Việt Nam (03/02/1930 - 03/02/2021)"), or go on after it, both of
 * which the recogniser keeps in it, or print it cut short. The recorded
 * subject replaces the recognised one only when that is it with
 * parentheses added, with words after it or with its last words left
 * out, so a leader's new wording is kept. */
static void refine_subject(apply *a, size_t item, const char *subject)
{
    const line *L = item_key(a, item, "subject");
    if (!L || L == &a->l[item])
        return;
    char *v = value_of(L), *bare_v = without_parens(v);
    bool same = strcmp(v, subject) &&
                (!strcmp(bare_v, subject) || goes_on_from(v, subject) || cut_from(v, subject));
    free(bare_v);
    free(v);
    if (same)
        add_edit(a, (edit){.after = (size_t)(L - a->l), .text = kv_line("subject", subject),
                           .indent = L->indent, .para = L->para, .replace = true});
}

/* `text-date="appended"` on an event: its text had no `{date}` and the
 * document prints " ngày **12/3/2026**" before its final punctuation,
 * which the recogniser reads as " ngày {date}": it goes again when it is
 * there once, at the end. */
static void unappend_date(apply *a, size_t item)
{
    static const char tail[] = " ngày {date}";
    const line *L = item_key(a, item, "text");
    if (!L || !L->value_len || *L->value != '"')
        return;
    char *v = value_of(L);
    char *at = strstr(v, tail);
    size_t rest = at ? strspn(at + sizeof tail - 1, ".;,:") : 0;
    if (at && at != v && !strstr(at + 1, tail) && !at[sizeof tail - 1 + rest]) {
        memmove(at, at + sizeof tail - 1, rest + 1);
        char *kv = kv_line("text", v);
        kh_buf b = {0};
        kh_buf_printf(&b, "%s%s", L == &a->l[item] ? "- " : "", kv);
        free(kv);
        add_edit(a, (edit){.after = (size_t)(L - a->l), .text = kh_buf_take(&b),
                           .indent = L->indent, .para = L->para, .replace = true});
    }
    free(v);
}

static void fill_record(apply *a, size_t item, const kh_meta_rec *r)
{
    if (!conditions_hold(a, item, r)) {
        if (!a->changed++)
            a->changed1 = r;
        return;
    }
    for (size_t i = 0; i < r->n; i++) {
        if (!strcmp(r->key[i], "subject")) {
            if (r->kind == KH_META_IMPLEMENTS)
                refine_subject(a, item, r->value[i]);
        } else if (!strcmp(r->key[i], "text-date")) {
            if (r->kind == KH_META_EVENT && !strcmp(r->value[i], "appended"))
                unappend_date(a, item);
        } else if (!strcmp(r->key[i], "text-is")) {
            if (r->kind == KH_META_UNIT && !strcmp(r->value[i], "task"))
                body_to_task(a, item);
            else if (r->kind == KH_META_UNIT && !strcmp(r->value[i], "body"))
                task_to_body(a, item);
        } else if (strncmp(r->key[i], "if-", 3))
            fill(a, item, r->key[i], r->value[i]);
    }
}

static void element_record(apply *a, const kh_meta_rec *r)
{
    const kh_meta_mark *mk = find_mark(a, r->at);
    if (!mk) {
        if (!a->gone++)
            a->gone1 = r;
        return;
    }
    size_t item = item_at(a, (unsigned)mk->para + 1, r->kind);
    if (item == SIZE_MAX) {
        if (!a->elsewhere++)
            a->elsewhere1 = r;
        return;
    }
    fill_record(a, item, r);
}

static size_t top_key(const apply *a, const char *key)
{
    for (size_t i = 0; i < a->n; i++)
        if (!a->l[i].skip && !a->l[i].indent && key_is(&a->l[i], key))
            return i;
    return SIZE_MAX;
}

static void append(apply *a, int indent, char *text)
{
    add_edit(a, (edit){.after = SIZE_MAX, .text = text, .indent = indent});
}

/* `schedule:` from the schedule record and its peaks, when the plan has none. */
static void schedule(apply *a)
{
    const kh_docx_meta *m = &a->doc->meta;
    size_t s = 0;
    while (s < m->n_rec && m->rec[s].kind != KH_META_SCHEDULE)
        s++;
    if (s == m->n_rec || top_key(a, "schedule") != SIZE_MAX)
        return;
    append(a, 0, kh_strdup("schedule:"));
    for (size_t i = 0; i < m->rec[s].n; i++)
        append(a, 2, kv_line(m->rec[s].key[i], m->rec[s].value[i]));
    bool peaks = false;
    for (size_t k = s + 1; k < m->n_rec && m->rec[k].kind == KH_META_PEAK; k++) {
        if (!peaks)
            append(a, 2, kh_strdup("peaks:"));
        peaks = true;
        for (size_t i = 0; i < m->rec[k].n; i++) {
            char *kv = kv_line(m->rec[k].key[i], m->rec[k].value[i]);
            kh_buf b = {0};
            kh_buf_printf(&b, "%s%s", i ? "  " : "- ", kv);
            free(kv);
            append(a, 4, kh_buf_take(&b));
        }
    }
}

/* The value of key in r, or NULL. */
static const char *rec_value(const kh_meta_rec *r, const char *key)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->key[i], key))
            return r->value[i];
    return NULL;
}

/* `rules: off:` from the rule-off records (each with its id and reason),
 * when the plan has no `rules:` (nothing printed says which rules the
 * plan switched off). */
static void rules_off(apply *a)
{
    const kh_docx_meta *m = &a->doc->meta;
    if (top_key(a, "rules") != SIZE_MAX)
        return;
    bool open = false;
    for (size_t k = 0; k < m->n_rec; k++) {
        const kh_meta_rec *r = &m->rec[k];
        const char *id = rec_value(r, "id"), *why = rec_value(r, "reason");
        if (r->kind != KH_META_RULE_OFF || !id || !why)
            continue;
        if (!open)
            append(a, 0, kh_strdup("rules:")), append(a, 2, kh_strdup("off:"));
        open = true;
        char *kv = kv_line("id", id);
        kh_buf b = {0};
        kh_buf_printf(&b, "- %s", kv);
        free(kv);
        append(a, 4, kh_buf_take(&b));
        append(a, 6, kv_line("reason", why));
    }
}

static bool rec_says(const kh_meta_rec *r, const char *key, const char *value)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->key[i], key) && !strcmp(r->value[i], value))
            return true;
    return false;
}

/* `none="true"`: the plan implements no document. The `implements:` the
 * recogniser took from a căn cứ line citing a Kế hoạch (a guess: the
 * text does not say it) goes, to the next top-level key; one the intro's
 * "Thực hiện …" cites is the printed text's, and is kept. */
static void no_implements(apply *a, const kh_meta_rec *r)
{
    size_t top = top_key(a, "implements");
    if (top == SIZE_MAX)
        return;
    unsigned para = a->l[top].para;
    const char *t = para && para <= a->doc->n ? a->doc->v[para - 1].text : "";
    t += strspn(t, "*_ -+");
    if (strncmp(t, "Căn cứ", strlen("Căn cứ"))) {
        if (!a->changed++)
            a->changed1 = r;
        return;
    }
    add_edit(a, (edit){.after = top, .drop = true});
    for (size_t i = top + 1; i < a->n && (a->l[i].skip || a->l[i].indent); i++)
        add_edit(a, (edit){.after = i, .drop = true});
}

static void implements(apply *a, const kh_meta_rec *r)
{
    if (rec_says(r, "none", "true")) {
        no_implements(a, r);
        return;
    }
    size_t top = top_key(a, "implements");
    for (size_t i = top == SIZE_MAX ? a->n : top + 1; i < a->n; i++) {
        if (!a->l[i].skip && !a->l[i].indent)
            break;
        if (a->l[i].item && a->l[i].parent == top && conditions_hold(a, i, r)) {
            fill_record(a, i, r);
            return;
        }
    }
    if (!a->changed++)
        a->changed1 = r;
}

/* The closing, where its first paragraph was read as the end of a unit's
 * or section's body (its words do not open "Trên đây là …"): that
 * paragraph and those after it in the block leave the body and become
 * `closing: |`, when the plan has none. */
/* `end-mark="./."`: the plan wrote the end mark, which the recogniser
 * takes for the renderer's and cuts to its first character: the text
 * `t` of the closing's last line gets the rest back. NULL: as it is. */
static char *end_mark(const kh_meta_rec *r, const char *t, size_t n)
{
    const char *em = NULL;
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->key[i], "end-mark"))
            em = r->value[i];
    size_t ml = em ? strlen(em) : 0;
    if (ml < 2 || !n || t[n - 1] != em[0] || (n >= ml && !memcmp(t + n - ml, em, ml)))
        return NULL;
    kh_buf b = {0};
    kh_buf_put(&b, t, n);
    kh_buf_puts(&b, em + 1);
    return kh_buf_take(&b);
}

/* The closing from block line j on (from: the first line to leave, a
 * blank line before j among them): those lines of the block leave it and
 * become `closing: |`, its last line with the end mark back. */
static void move_to_closing(apply *a, const kh_meta_rec *r, size_t from, size_t j)
{
    int base = a->l[j].indent;
    append(a, 0, kh_strdup("closing: |"));
    size_t moved = a->n_e, last = SIZE_MAX;
    for (size_t i = from; i < a->n && a->l[i].block; i++) {
        const line *L = &a->l[i];
        add_edit(a, (edit){.after = i, .drop = true});
        if (i < j)
            continue;
        bool blank = L->len == (size_t)L->indent;
        int ind = blank ? 0 : 2 + (L->indent > base ? L->indent - base : 0);
        char *t = kh_strndup(a->y + L->off + L->indent, L->len - (size_t)L->indent);
        if (!blank)
            last = a->n_e;
        add_edit(a, (edit){.after = SIZE_MAX, .text = t, .indent = ind, .para = L->para});
    }
    if (last != SIZE_MAX && last >= moved) {
        char *t = end_mark(r, a->e[last].text, strlen(a->e[last].text));
        if (t) {
            free(a->e[last].text);
            a->e[last].text = t;
        }
    }
}

/* Whether item `it` (a `- text: |-` line) is the last task of a unit
 * that has one before it, with no key but its text: the recogniser took
 * a closing after the unit's tasks for one more (its words do not open
 * "Trên đây là …"). */
static bool closing_task(apply *a, size_t it)
{
    const line *L = &a->l[it];
    if (!L->item || !key_is(L, "text") || L->parent == SIZE_MAX ||
        !key_is(&a->l[L->parent], "tasks"))
        return false;
    const line *s = scan_item(a, it);
    for (size_t k = 0; k < N_KNOWN; k++)
        if (s->has & (1u << k) && strcmp(known[k], "text"))
            return false;
    if (s->end < a->n && a->l[s->end].item && a->l[s->end].parent == L->parent)
        return false; /* a task after it */
    for (size_t i = L->parent + 1; i < it; i++)
        if (a->l[i].item && a->l[i].parent == L->parent)
            return true;
    return false;
}

static void closing(apply *a, const kh_meta_rec *r)
{
    const kh_meta_mark *mk = find_mark(a, r->at);
    if (!mk) {
        if (!a->gone++)
            a->gone1 = r;
        return;
    }
    size_t top = top_key(a, "closing");
    if (top != SIZE_MAX) { /* the text says where it starts */
        size_t last = SIZE_MAX;
        for (size_t i = top + 1; i < a->n && a->l[i].block; i++)
            if (a->l[i].len > (size_t)a->l[i].indent)
                last = i;
        if (last == SIZE_MAX)
            return;
        const line *L = &a->l[last];
        char *t = end_mark(r, a->y + L->off + L->indent, L->len - (size_t)L->indent);
        if (t)
            add_edit(a, (edit){.after = last, .text = t, .indent = L->indent, .para = L->para,
                               .replace = true});
        return;
    }
    size_t j = 0;
    while (j < a->n && !(a->l[j].block && a->l[j].para == mk->para + 1 &&
                         a->l[j].len > (size_t)a->l[j].indent))
        j++;
    size_t k = j;
    while (k > 0 && a->l[k - 1].block)
        k--;
    /* k - 1: the block's key: a body, j not its first line; or the text
     * of a last task that is the paragraph alone, which goes with it */
    if (j < a->n && k > 0 && k == j && closing_task(a, k - 1)) {
        add_edit(a, (edit){.after = k - 1, .drop = true});
        move_to_closing(a, r, j, j);
        return;
    }
    if (j == a->n || k == 0 || k == j || !key_is(&a->l[k - 1], "body")) {
        if (!a->elsewhere++)
            a->elsewhere1 = r;
        return;
    }
    size_t from = j;
    while (from > k && a->l[from - 1].len == (size_t)a->l[from - 1].indent)
        from--; /* the blank line between the body's paragraphs goes too */
    move_to_closing(a, r, from, j);
}

static const char *kind_name(kh_meta_kind k)
{
    static const char *const n[] = {"unit", "task", "event", "section", "row",
                                    "recipient", "schedule", "peak", "implements", "closing",
                                    "rule-off"};
    return n[k];
}

static void notes(apply *a)
{
    const char *path = a->doc->path;
    if (a->gone)
        kh_diag(a->d, path, whole, KH_NOTE, "DOCX-META",
                "%zu of kehoach's records name a paragraph no longer in the document (the "
                "first: %s %s): ignored",
                "%zu bản ghi của kehoach chỉ tới đoạn không còn trong văn bản (đầu tiên: %s "
                "%s): bỏ qua",
                a->gone, kind_name(a->gone1->kind), a->gone1->at);
    if (a->elsewhere)
        kh_diag(a->d, path, whole, KH_NOTE, "DOCX-META",
                "%zu of kehoach's records are in a paragraph that is no longer read as their "
                "element (the first: %s %s): ignored",
                "%zu bản ghi của kehoach nằm ở đoạn không còn được đọc là phần tử của nó "
                "(đầu tiên: %s %s): bỏ qua",
                a->elsewhere, kind_name(a->elsewhere1->kind), a->elsewhere1->at);
    if (a->changed)
        kh_diag(a->d, path, whole, KH_NOTE, "DOCX-META",
                "%zu of kehoach's records were written for a text the document no longer "
                "prints (the first: %s %s): the printed text is kept",
                "%zu bản ghi của kehoach được ghi cho nội dung văn bản không còn in (đầu "
                "tiên: %s %s): giữ nội dung đang in",
                a->changed, kind_name(a->changed1->kind), a->changed1->at);
}

static void map_put(kh_import_map *m, unsigned para, unsigned cp, unsigned col)
{
    KH_GROW(m->para, m->n, m->cap);
    m->cp = kh_xrealloc(m->cp, m->cap * sizeof *m->cp);
    m->col = kh_xrealloc(m->col, m->cap * sizeof *m->col);
    m->para[m->n] = para;
    m->cp[m->n] = cp;
    m->col[m->n] = col;
    m->n++;
}

static void put_edit(kh_buf *out, kh_import_map *m, const edit *e)
{
    kh_buf_printf(out, "%*s%s\n", e->indent, "", e->text);
    map_put(m, e->para, 0, (unsigned)e->indent + 1);
}

/* The YAML again with the edits in (sorted by place), and its map. */
static void rebuild(apply *a, kh_buf *yaml, kh_import_map *map)
{
    qsort(a->e, a->n_e, sizeof *a->e, by_place);
    kh_buf out = {0};
    kh_import_map nm = {0};
    size_t k = 0;
    for (size_t i = 0; i < a->n; i++) {
        while (k < a->n_e && a->e[k].after < i)
            k++;
        bool mapped = i < map->n;
        if (k < a->n_e && a->e[k].after == i && a->e[k].drop) {
            k++;
        } else if (k < a->n_e && a->e[k].after == i && a->e[k].replace) {
            put_edit(&out, &nm, &a->e[k]);
            nm.cp[nm.n - 1] = mapped ? map->cp[i] : 0;
            k++;
        } else {
            kh_buf_put(&out, a->y + a->l[i].off, a->l[i].len);
            kh_buf_putc(&out, '\n');
            map_put(&nm, mapped ? map->para[i] : 0, mapped ? map->cp[i] : 0,
                    mapped ? map->col[i] : 1);
        }
        for (; k < a->n_e && a->e[k].after == i; k++)
            if (!a->e[k].replace && !a->e[k].drop)
                put_edit(&out, &nm, &a->e[k]);
    }
    for (; k < a->n_e; k++)
        if (a->e[k].after == SIZE_MAX)
            put_edit(&out, &nm, &a->e[k]);
    kh_buf_free(yaml);
    *yaml = out;
    kh_import_map_free(map);
    *map = nm;
}

void kh_meta_apply(const kh_src *doc, kh_buf *yaml, kh_import_map *map, kh_diags *d)
{
    const kh_docx_meta *m = &doc->meta;
    if (!m->n_rec || !yaml->s)
        return;
    apply a = {.doc = doc, .y = yaml->s, .d = d};
    parse_lines(&a, map);
    a.items = kh_xmalloc((a.n ? a.n : 1) * sizeof *a.items);
    for (size_t i = 0; i < a.n; i++)
        if (a.l[i].item && a.l[i].para)
            a.items[a.n_items++] = (struct item_ref){a.l[i].para, i};
    qsort(a.items, a.n_items, sizeof *a.items, by_para);
    a.marks = kh_xmalloc((m->n_marks ? m->n_marks : 1) * sizeof *a.marks);
    if (m->n_marks)
        memcpy(a.marks, m->marks, m->n_marks * sizeof *a.marks);
    /* by name, the first in the document first among the same names */
    qsort(a.marks, m->n_marks, sizeof *a.marks, by_name);
    for (size_t i = 0; i < m->n_rec; i++) {
        const kh_meta_rec *r = &m->rec[i];
        if (r->kind == KH_META_IMPLEMENTS)
            implements(&a, r);
        else if (r->kind == KH_META_CLOSING)
            closing(&a, r);
        else if (r->kind != KH_META_SCHEDULE && r->kind != KH_META_PEAK &&
                 r->kind != KH_META_RULE_OFF)
            element_record(&a, r);
    }
    schedule(&a);
    rules_off(&a);
    notes(&a);
    if (a.n_e)
        rebuild(&a, yaml, map);
    for (size_t i = 0; i < a.n_e; i++)
        free(a.e[i].text);
    free(a.e);
    free(a.items);
    free(a.marks);
    free(a.l);
}

void kh_docx_meta_free(kh_docx_meta *m)
{
    for (size_t i = 0; i < m->n_rec; i++)
        for (size_t k = 0; k < m->rec[i].n; k++)
            free(m->rec[i].value[k]);
    free(m->rec);
    free(m->marks);
    memset(m, 0, sizeof *m);
}

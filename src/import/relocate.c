/* relocate.c — diagnostics of an imported plan moved back onto the input:
 * the YAML line's paragraph (kh_import_map), the code point inside it, then
 * for text the input line and column, for DOCX the paragraph number; each
 * message gets a short quote of the text there, in both languages. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/import.h"

#define QUOTE_CPS 60

/* Byte offset of code point `cp` in s (its end when shorter). */
static size_t byte_at(const char *s, unsigned cp)
{
    size_t i = 0, n = strlen(s);
    for (unsigned k = 0; k < cp && i < n; k++) {
        uint32_t c;
        size_t l = kh_utf8_decode(s + i, n - i, &c);
        i += l ? l : 1;
    }
    return i;
}

static char *quote_of(const char *text, unsigned cp)
{
    unsigned from = cp > 15 ? cp - 15 : 0;
    size_t a = byte_at(text, from), b = a + byte_at(text + a, QUOTE_CPS);
    kh_buf q = {0};
    kh_buf_puts(&q, "“");
    if (a)
        kh_buf_puts(&q, "…");
    for (size_t i = a; i < b; i++)
        kh_buf_putc(&q, text[i] == '\n' ? ' ' : text[i]);
    if (text[b])
        kh_buf_puts(&q, "…");
    kh_buf_puts(&q, "”");
    return kh_buf_take(&q);
}

static kh_pos place(const kh_src *doc, const kh_para *p, unsigned cp)
{
    if (doc->kind == KH_SRC_DOCX)
        return (kh_pos){p->line, cp + 1};
    unsigned line = p->line, col = 1;
    size_t i = 0, n = strlen(p->text);
    for (unsigned k = 0; k < cp && i < n; k++) {
        uint32_t c;
        size_t l = kh_utf8_decode(p->text + i, n - i, &c);
        if (p->text[i] == '\n') {
            line++;
            col = 1;
        } else {
            col++;
        }
        i += l ? l : 1;
    }
    return (kh_pos){line, col};
}

static const kh_para *lookup(const kh_src *doc, const kh_import_map *map, kh_pos pos,
                             unsigned *cp)
{
    if (!pos.line || pos.line > map->n || !map->para[pos.line - 1] ||
        map->para[pos.line - 1] > doc->n)
        return NULL;
    size_t k = pos.line - 1;
    *cp = map->cp[k] + (pos.col > map->col[k] ? pos.col - map->col[k] : 0);
    return &doc->v[map->para[k] - 1];
}

static void add_quote(char **msg, const char *what, const char *q)
{
    kh_buf b = {0};
    kh_buf_printf(&b, "%s (%s%s)", *msg, what, q);
    free(*msg);
    *msg = kh_buf_take(&b);
}

void kh_import_relocate(kh_diags *d, const char *yaml_path, const kh_src *doc,
                        const kh_import_map *map)
{
    bool docx = doc->kind == KH_SRC_DOCX;
    for (size_t i = 0; i < d->n; i++) {
        kh_diagnostic *x = &d->v[i];
        if (!x->file || strcmp(x->file, yaml_path))
            continue;
        unsigned cp = 0;
        const kh_para *p = lookup(doc, map, x->pos, &cp);
        x->file = doc->path;
        if (!p) {
            x->pos = (kh_pos){0, 0};
        } else {
            x->pos = place(doc, p, cp);
            char *q = quote_of(p->text, cp);
            char en[48] = "", vi[48] = "";
            if (docx) {
                snprintf(en, sizeof en, "paragraph %u: ", p->line);
                snprintf(vi, sizeof vi, "đoạn %u: ", p->line);
            }
            add_quote(&x->msg_en, en, q);
            add_quote(&x->msg_vi, vi, q);
            free(q);
        }
        for (size_t k = 0; k < x->n_rel; k++) {
            kh_related *rl = &x->rel[k];
            if (!rl->file || strcmp(rl->file, yaml_path))
                continue;
            const kh_para *rp = lookup(doc, map, rl->pos, &cp);
            free(rl->file);
            rl->file = kh_strdup(doc->path);
            rl->pos = rp ? place(doc, rp, cp) : (kh_pos){0, 0};
        }
    }
}

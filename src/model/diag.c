/* diag.c — collecting, sorting and printing diagnostics. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/diag.h"
#include "kehoach/text.h"

/* Append a diagnostic, taking ownership of the two messages. */
static void add(kh_diags *d, const char *file, kh_pos pos, kh_severity sev,
                const char *id, char *en, char *vi)
{
    d->count[sev]++;
    d->last = 0;
    if (d->limit && d->n >= d->limit) {
        d->dropped++;
        free(en);
        free(vi);
        return;
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = kh_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    kh_diagnostic *x = &d->v[d->n];
    x->file = file;
    x->pos = pos;
    x->sev = sev;
    x->id = id;
    x->msg_en = en;
    x->msg_vi = vi;
    x->seq = (unsigned)d->n;
    x->rel = NULL;
    x->n_rel = 0;
    d->n++;
    d->last = d->n;
}

void kh_diag_note(kh_diags *d, const char *file, kh_pos pos, const char *en_fmt,
                  const char *vi_fmt, ...)
{
    if (!d->last || d->last > d->n)
        return;
    kh_diagnostic *x = &d->v[d->last - 1];
    kh_buf en = {0}, vi = {0};
    va_list ap, ap2;
    va_start(ap, vi_fmt);
    va_copy(ap2, ap);
    kh_buf_vprintf(&en, en_fmt, ap);
    kh_buf_vprintf(&vi, vi_fmt ? vi_fmt : en_fmt, ap2);
    va_end(ap2);
    va_end(ap);
    x->rel = kh_xrealloc(x->rel, (x->n_rel + 1) * sizeof *x->rel);
    x->rel[x->n_rel++] =
        (kh_related){file ? kh_strdup(file) : NULL, pos, kh_buf_take(&en), kh_buf_take(&vi)};
}

void kh_diag(kh_diags *d, const char *file, kh_pos pos, kh_severity sev,
             const char *id, const char *en_fmt, const char *vi_fmt, ...)
{
    kh_buf en = {0}, vi = {0};
    va_list ap, ap2;
    va_start(ap, vi_fmt);
    va_copy(ap2, ap);
    kh_buf_vprintf(&en, en_fmt, ap);
    kh_buf_vprintf(&vi, vi_fmt ? vi_fmt : en_fmt, ap2);
    va_end(ap2);
    va_end(ap);
    add(d, file, pos, sev, id, kh_buf_take(&en), kh_buf_take(&vi));
}

void kh_diag_text(kh_diags *d, const char *file, kh_pos pos, kh_severity sev,
                  const char *id, const char *en, const char *vi)
{
    add(d, file, pos, sev, id, kh_strdup(en), kh_strdup(vi ? vi : en));
}

static int cmp(const void *a, const void *b)
{
    const kh_diagnostic *x = a, *y = b;
    int c = strcmp(x->file ? x->file : "", y->file ? y->file : "");
    if (c)
        return c;
    if (x->pos.line != y->pos.line)
        return x->pos.line < y->pos.line ? -1 : 1;
    if (x->pos.col != y->pos.col)
        return x->pos.col < y->pos.col ? -1 : 1;
    return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void kh_diags_sort(kh_diags *d)
{
    d->last = 0;
    if (d->n > 1)
        qsort(d->v, d->n, sizeof *d->v, cmp);
}

void kh_diags_free(kh_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].msg_en);
        free(d->v[i].msg_vi);
        for (size_t k = 0; k < d->v[i].n_rel; k++) {
            free(d->v[i].rel[k].file);
            free(d->v[i].rel[k].msg_en);
            free(d->v[i].rel[k].msg_vi);
        }
        free(d->v[i].rel);
    }
    free(d->v);
    memset(d, 0, sizeof *d);
}

kh_severity kh_diags_max(const kh_diags *d)
{
    if (d->count[KH_ERROR])
        return KH_ERROR;
    if (d->count[KH_WARNING])
        return KH_WARNING;
    return KH_NOTE;
}

void kh_diags_move(kh_diags *to, kh_diags *from)
{
    for (size_t i = 0; i < from->n; i++) {
        if (to->n == to->cap) {
            to->cap = to->cap ? to->cap * 2 : 16;
            to->v = kh_xrealloc(to->v, to->cap * sizeof *to->v);
        }
        to->v[to->n] = from->v[i];
        to->v[to->n].seq = (unsigned)to->n;
        to->n++;
    }
    for (int s = 0; s < 3; s++)
        to->count[s] += from->count[s];
    to->dropped += from->dropped;
    to->last = 0;
    free(from->v);
    memset(from, 0, sizeof *from);
}

const char *kh_severity_name(kh_severity s, kh_lang lang)
{
    static const char *const en[] = {"note", "warning", "error"};
    static const char *const vi[] = {"ghi chú", "cảnh báo", "lỗi"};
    return (lang == KH_LANG_VI ? vi : en)[s];
}

void kh_diags_print(FILE *out, const kh_diags *d, kh_lang lang, bool color)
{
    static const char *const colors[] = {"\033[1;36m", "\033[1;35m", "\033[1;31m"};
    for (size_t i = 0; i < d->n; i++) {
        const kh_diagnostic *x = &d->v[i];
        if (color)
            fputs("\033[1m", out);
        fputs(x->file ? x->file : "kehoach", out);
        if (x->pos.line)
            fprintf(out, ":%u:%u", x->pos.line, x->pos.col ? x->pos.col : 1);
        fputs(": ", out);
        if (color)
            fprintf(out, "\033[0m%s", colors[x->sev]);
        fputs(kh_severity_name(x->sev, lang), out);
        if (color)
            fputs("\033[0m", out);
        fprintf(out, ": %s [%s]\n", lang == KH_LANG_VI ? x->msg_vi : x->msg_en,
                x->id);
        for (size_t k = 0; k < x->n_rel; k++) {
            const kh_related *r = &x->rel[k];
            fputs(r->file ? r->file : "kehoach", out);
            if (r->pos.line)
                fprintf(out, ":%u:%u", r->pos.line, r->pos.col ? r->pos.col : 1);
            fprintf(out, ": %s: %s\n", kh_severity_name(KH_NOTE, lang),
                    lang == KH_LANG_VI ? r->msg_vi : r->msg_en);
        }
    }
    if (d->dropped)
        fprintf(out, "kehoach: %zu more diagnostics not shown\n", d->dropped);
}

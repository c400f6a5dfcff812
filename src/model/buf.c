/* buf.c — the growable byte buffer, the checked allocators, the edit
 * distance behind every "did you mean", and kh_skip_to, the byte search
 * the scanners of the loader and the rules share. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/text.h"

static void oom(void)
{
    fputs("kehoach: out of memory\n", stderr);
    abort();
}

void *kh_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *kh_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *kh_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *kh_strndup(const char *s, size_t n)
{
    char *d = kh_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *kh_strdup(const char *s)
{
    return kh_strndup(s, strlen(s));
}

static void grow(kh_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    b->s = kh_xrealloc(b->s, cap);
    b->cap = cap;
}

void kh_buf_put(kh_buf *b, const void *data, size_t n)
{
    grow(b, n);
    if (n)
        memcpy(b->s + b->len, data, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void kh_buf_puts(kh_buf *b, const char *s)
{
    kh_buf_put(b, s, strlen(s));
}

void kh_buf_putc(kh_buf *b, char c)
{
    kh_buf_put(b, &c, 1);
}

void kh_buf_vprintf(kh_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        return;
    grow(b, (size_t)n);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void kh_buf_printf(kh_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    kh_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *kh_buf_str(const kh_buf *b)
{
    return b->s ? b->s : "";
}

char *kh_buf_take(kh_buf *b)
{
    char *s = b->s ? b->s : kh_strdup("");
    b->s = NULL;
    b->len = b->cap = 0;
    return s;
}

void kh_buf_free(kh_buf *b)
{
    free(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

size_t kh_skip_to(const char *s, size_t len, size_t i, const char *set)
{
    if (i >= len)
        return len;
    if (s[len] == '\0') { /* the end of the string: libc's vectorised search */
        for (;;) {
            i += strcspn(s + i, set);
            if (i >= len || s[i] != '\0')
                return i < len ? i : len;
            i++; /* a NUL inside the text: not in any set */
        }
    }
    while (i < len && !(s[i] && strchr(set, s[i])))
        i++;
    return i;
}

size_t kh_edit_distance(const char *a, const char *b)
{
    /* Optimal string alignment: insertions, deletions, substitutions and
     * transpositions of two adjacent bytes each count one (`titel` is one
     * edit from `title`: the commonest typo). Three rows, no recursion. */
    size_t la = strlen(a), lb = strlen(b), rows[3][64];
    if (la >= 63 || lb >= 63)
        return 99;
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (cur[j - 1] + 1 < best)
                best = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            cur[j] = best;
        }
        size_t *t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb];
}

char *kh_read_file(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    kh_buf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < max)
        kh_buf_put(&b, chunk, n);
    bool bad = ferror(f);
    int e = errno;
    fclose(f);
    if (bad) {
        kh_buf_free(&b);
        errno = e;
        return NULL;
    }
    if (len)
        *len = b.len;
    return kh_buf_take(&b);
}

/* words.c — whole-word search for a list of words or phrases in one pass
 * over a text (R-ORTHO-I-Y, R-ORTHO-TYPO, R-ORTHO-CAPS, R-ODD-PHRASE each
 * look for a dozen in every paragraph). A table keyed by the first two
 * bytes says which words can start at a position, so most positions go by
 * without a comparison. Matches are the same as kh_find_word /
 * kh_find_word_ci1 run once per word. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/text.h"
#include "scan.h"

/* The table's key: a hash of two adjacent bytes. */
static unsigned pair_hash(unsigned char a, unsigned char b)
{
    return ((unsigned)a * 251u + b) & (KH_WORDS_HASH - 1);
}

/* Word `which` may start with the bytes s[0, n) (n >= 1). */
static void mark(kh_words *w, size_t which, const char *s, size_t n)
{
    unsigned char a = (unsigned char)s[0];
    if (n >= 2) {
        w->starts[pair_hash(a, (unsigned char)s[1])] |= (uint64_t)1 << which;
        return;
    }
    for (unsigned b = 0; b < 256; b++) /* a one-byte word: any byte after */
        w->starts[pair_hash(a, (unsigned char)b)] |= (uint64_t)1 << which;
}

size_t kh_words_add(kh_words *w, const char *word, bool either_case)
{
    if (w->n == KH_WORDS_MAX) {
        fputs("kehoach: internal error: more than KH_WORDS_MAX words in a list\n", stderr);
        abort();
    }
    size_t i = w->n++;
    struct kh_word *x = &w->w[i];
    x->s = word;
    x->len = strlen(word);
    if (!x->len)
        return i;
    mark(w, i, x->s, x->len);
    uint32_t cp;
    x->first = kh_utf8_decode(x->s, x->len, &cp);
    if (!either_case || !x->first)
        return i;
    uint32_t o = (uint32_t)utf8proc_toupper((utf8proc_int32_t)cp);
    if (o == cp)
        o = (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
    if (o == cp)
        return i;
    x->alt_len = kh_utf8_encode(o, x->alt);
    char head[8]; /* the alternative's first two bytes, for the table */
    memcpy(head, x->alt, x->alt_len);
    head[x->alt_len] = x->len > x->first ? x->s[x->first] : '\0';
    mark(w, i, head, x->alt_len + (x->len > x->first));
    return i;
}

/* Word `x` (as written, or with its first letter in the other case) whole
 * at s[i]. */
static bool word_at(const struct kh_word *x, const char *s, size_t len, size_t i)
{
    if (!x->len)
        return false;
    size_t rest = x->len - x->first, end;
    if (i + x->len <= len && s[i] == x->s[0] && !memcmp(s + i, x->s, x->len))
        end = i + x->len;
    else if (x->alt_len && i + x->alt_len + rest <= len && s[i] == x->alt[0] &&
             !memcmp(s + i, x->alt, x->alt_len) &&
             !memcmp(s + i + x->alt_len, x->s + x->first, rest))
        end = i + x->alt_len + rest;
    else
        return false;
    return kh_word_start(s, i) && kh_word_end(s, len, end);
}

static int by_word_then_place(const void *a, const void *b)
{
    const kh_word_match *x = a, *y = b;
    if (x->which != y->which)
        return x->which < y->which ? -1 : 1;
    return x->at < y->at ? -1 : x->at > y->at;
}

void kh_words_find(const kh_words *w, const char *s, size_t len, kh_word_matches *out)
{
    size_t first = out->n;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len; i++) {
        uint64_t may = w->starts[pair_hash(u[i], i + 1 < len ? u[i + 1] : 0)];
        for (; may; may &= may - 1) { /* each word that may start here */
            size_t j = (size_t)__builtin_ctzll(may);
            if (word_at(&w->w[j], s, len, i)) {
                KH_GROW(out->v, out->n, out->cap);
                out->v[out->n++] = (kh_word_match){i, j};
            }
        }
    }
    if (out->n - first > 1)
        qsort(out->v + first, out->n - first, sizeof *out->v, by_word_then_place);
}

void kh_word_matches_free(kh_word_matches *m)
{
    free(m->v);
    m->v = NULL;
    m->n = m->cap = 0;
}

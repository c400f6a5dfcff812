/* words.c — whole-word search for a list of words or phrases in one pass
 * over a text (R-ORTHO-I-Y, R-ORTHO-TYPO, R-ORTHO-CAPS, R-ODD-PHRASE each
 * look for dozens in every paragraph). A table keyed by the first three
 * bytes says which words can start at a position, so most positions go by
 * without a comparison (three, not two: the Vietnamese vowels of U+1Exx
 * share their first two bytes, so s + ử, s + ắ, s + ẳ would all meet). Matches are the same as kh_find_word /
 * kh_find_word_ci1 run once per word. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/text.h"
#include "scan.h"

/* The table's key: a hash of three adjacent bytes. */
static unsigned key_hash(unsigned char a, unsigned char b, unsigned char c)
{
    return (((unsigned)a * 251u + b) * 251u + c) & (KH_WORDS_HASH - 1);
}

/* Word `which` may start with the bytes s[0, n) (n >= 1): a word shorter
 * than the key may be followed by any byte. */
static void mark(kh_words *w, size_t which, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    uint64_t bit = (uint64_t)1 << (which % 64);
    size_t half = which / 64;
    if (n >= 3) {
        w->starts[key_hash(u[0], u[1], u[2])][half] |= bit;
        return;
    }
    for (unsigned b = 0; b < 256; b++)
        for (unsigned c = 0; c < 256; c++)
            if (n == 2 ? b == 0 : true)
                w->starts[key_hash(u[0], n == 2 ? u[1] : (unsigned char)b,
                                   (unsigned char)c)][half] |= bit;
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
    char head[8]; /* the alternative's first three bytes, for the table */
    size_t rest = x->len - x->first < 2 ? x->len - x->first : 2;
    memcpy(head, x->alt, x->alt_len);
    memcpy(head + x->alt_len, x->s + x->first, rest);
    mark(w, i, head, x->alt_len + rest);
    return i;
}

/* Word `x` (as written, or with its first letter in the other case) whole
 * at s[i]. */
static bool word_at(const struct kh_word *x, const char *s, size_t len, size_t i)
{
    if (!x->len)
        return false;
    size_t rest = x->len - x->first, end;
    if (i + x->len <= len && s[i] == x->s[0] && (x->len < 4 || s[i + 3] == x->s[3]) &&
        !memcmp(s + i, x->s, x->len))
        end = i + x->len;
    else if (x->alt_len && i + x->alt_len + rest <= len && s[i] == x->alt[0] &&
             !memcmp(s + i, x->alt, x->alt_len) &&
             !memcmp(s + i + x->alt_len, x->s + x->first, rest))
        end = i + x->alt_len + rest;
    else
        return false;
    return kh_word_start(s, i) && kh_word_end(s, len, end);
}

/* Is u[i - 1] surely the end of a letter (kh_word_start false at i)? An
 * ASCII letter or digit; a letter of U+00C0–U+036F but × and ÷ (lead
 * bytes C3–CD); one of U+1E00–U+1EFF (E1 B8–BB). Anything else: unsure,
 * the caller looks (word_at asks kh_word_start). */
static bool after_letter(const unsigned char *u, size_t i)
{
    if (i == 0)
        return false;
    unsigned char b = u[i - 1];
    if (b < 0x80)
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
    if ((b & 0xC0) != 0x80 || i < 2)
        return false;
    unsigned char l = u[i - 2];
    if (l >= 0xC3 && l <= 0xCD)
        return !(l == 0xC3 && (b == 0x97 || b == 0xB7));
    return i >= 3 && (l >= 0xB8 && l <= 0xBB) && u[i - 3] == 0xE1;
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
        if ((u[i] & 0xC0) == 0x80 || after_letter(u, i))
            continue; /* inside a code point, or after a letter: no word starts here */
        const uint64_t *may = w->starts[key_hash(u[i], i + 1 < len ? u[i + 1] : 0,
                                                 i + 2 < len ? u[i + 2] : 0)];
        for (size_t half = 0; half < KH_WORDS_MAX / 64; half++)
            for (uint64_t m = may[half]; m; m &= m - 1) { /* each word that may start here */
                size_t j = half * 64 + (size_t)__builtin_ctzll(m);
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

/* text.h — small text utilities shared by every pass: a growable byte buffer,
 * UTF-8 decoding and validation, NFC normalisation (utf8proc) and code-point
 * counting. Owned by src/model/buf.c and src/model/utf8.c. */
#ifndef KEHOACH_TEXT_H
#define KEHOACH_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A growable, always NUL-terminated byte buffer. Zero-initialise to use. */
typedef struct kh_buf {
    char *s;    /* NULL until the first append */
    size_t len; /* bytes, excluding the NUL */
    size_t cap;
} kh_buf;

void kh_buf_put(kh_buf *b, const void *data, size_t n);
void kh_buf_puts(kh_buf *b, const char *s);
void kh_buf_putc(kh_buf *b, char c);
void kh_buf_printf(kh_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void kh_buf_vprintf(kh_buf *b, const char *fmt, va_list ap);
const char *kh_buf_str(const kh_buf *b); /* "" when empty, never NULL */
char *kh_buf_take(kh_buf *b);            /* caller frees; leaves b empty */
void kh_buf_free(kh_buf *b);

/* Decode one UTF-8 scalar at s[0..n). Returns its byte length (1..4) and
 * stores the code point in *cp, or returns 0 for an invalid or truncated
 * sequence (overlongs and surrogates are invalid). Inline for ASCII, which
 * is most of every plan (it runs for every character the rules and the
 * renderers read). */
size_t kh_utf8_decode_multi(const char *s, size_t n, uint32_t *cp);
static inline size_t kh_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
    if (n && (unsigned char)s[0] < 0x80) {
        *cp = (unsigned char)s[0];
        return 1;
    }
    return kh_utf8_decode_multi(s, n, cp);
}
/* The same in line for one to three bytes (all of Vietnamese): for the
 * loops that go over every character of a plan. */
static inline size_t kh_utf8_next(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n && s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (n >= 2 && s[0] >= 0xC2 && s[0] <= 0xDF && (s[1] & 0xC0) == 0x80) {
        *cp = ((s[0] & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (n >= 3 && (s[0] & 0xF0) == 0xE0 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80) {
        uint32_t v = ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
            *cp = v;
            return 3;
        }
    }
    return kh_utf8_decode_multi(str, n, cp); /* four bytes, or invalid */
}
/* Encode cp into out (at least 4 bytes); returns the byte length. */
size_t kh_utf8_encode(uint32_t cp, char *out);
/* Offset of the first invalid byte, or n when s[0..n) is valid UTF-8. */
size_t kh_utf8_invalid_at(const char *s, size_t n);
/* Number of code points in s[0..n) (s must be valid UTF-8). */
size_t kh_utf8_count(const char *s, size_t n);
/* A code point that is NFC_Quick_Check=Yes and never combines with what
 * follows: ASCII to Latin Extended-B and IPA (below the combining marks
 * U+0300), Latin Extended Additional (U+1E00–U+1EFF: precomposed
 * Vietnamese), and the dashes, quotes and ellipsis U+2010–U+2027. Text made
 * only of these is already NFC, which is nearly all Vietnamese text. */
static inline bool kh_cp_nfc_stable(uint32_t cp)
{
    return cp < 0x0300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x2027);
}
/* True when valid UTF-8 s[0..n) is certainly NFC already (every code point
 * NFC-stable, as nearly all Vietnamese text is); false when it may not be.
 * No allocation: the quick check of kh_utf8_nfc. */
bool kh_utf8_is_nfc(const char *s, size_t n);
/* NFC-normalise valid UTF-8. Returns a malloc'd string (caller frees) or
 * NULL on allocation failure; *changed says whether it differs from s. */
char *kh_utf8_nfc(const char *s, size_t n, bool *changed);
/* Upper-case a UTF-8 string (Vietnamese-aware through utf8proc); malloc'd. */
char *kh_utf8_upper(const char *s);
/* Lower-case likewise. */
char *kh_utf8_lower(const char *s);

/* The first offset at or after i in s[0, len) whose byte is one of `set`
 * (NUL never is), or len. s[len] must be readable: when it is the NUL that
 * ends the string (a whole value or paragraph), the search is libc's
 * strcspn, which is vectorised; else a byte loop. */
size_t kh_skip_to(const char *s, size_t len, size_t i, const char *set);

/* Levenshtein distance of two short ASCII words (keys, rule IDs), for
 * "did you mean"; words over 63 bytes count as far apart (99). */
size_t kh_edit_distance(const char *a, const char *b);

/* Grow a malloc'd array `arr` holding `n` of `cap` elements so one more fits. */
#define KH_GROW(arr, n, cap)                                               \
    do {                                                                   \
        if ((n) == (cap)) {                                                \
            (cap) = (cap) ? (cap) * 2 : 16;                                \
            (arr) = kh_xrealloc((arr), (cap) * sizeof *(arr));             \
        }                                                                  \
    } while (0)

/* The whole file at path (at most max bytes) as a malloc'd NUL-terminated
 * string, its length in *len; NULL (errno set) when it cannot be read. */
char *kh_read_file(const char *path, size_t max, size_t *len);

char *kh_strdup(const char *s); /* aborts on OOM, like every kh_ allocator */
char *kh_strndup(const char *s, size_t n);
void *kh_xmalloc(size_t n);
void *kh_xcalloc(size_t n, size_t size);
void *kh_xrealloc(void *p, size_t n);

#endif

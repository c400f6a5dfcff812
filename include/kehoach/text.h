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
/* The same for the rules' scanners (kept apart so that it can grow). */
static inline size_t kh_utf8_next(const char *s, size_t n, uint32_t *cp)
{
    return kh_utf8_decode(s, n, cp);
}
/* Encode cp into out (at least 4 bytes); returns the byte length. */
size_t kh_utf8_encode(uint32_t cp, char *out);
/* Offset of the first invalid byte, or n when s[0..n) is valid UTF-8. */
size_t kh_utf8_invalid_at(const char *s, size_t n);
/* Number of code points in s[0..n) (s must be valid UTF-8). */
size_t kh_utf8_count(const char *s, size_t n);
/* NFC-normalise valid UTF-8. Returns a malloc'd string (caller frees) or
 * NULL on allocation failure; *changed says whether it differs from s. */
char *kh_utf8_nfc(const char *s, size_t n, bool *changed);
/* Upper-case a UTF-8 string (Vietnamese-aware through utf8proc); malloc'd. */
char *kh_utf8_upper(const char *s);
/* Lower-case likewise. */
char *kh_utf8_lower(const char *s);

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

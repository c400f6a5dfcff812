/* utf8.c — UTF-8 decoding and validation, code-point counting, and NFC and
 * case mapping through utf8proc (Unicode 15, Debian's libutf8proc). */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/text.h"

size_t kh_utf8_decode_multi(const char *str, size_t n, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) { /* two bytes: never overlong from C2 on */
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        *cp = ((c & 0x1Fu) << 6) | (s[1] & 0x3Fu);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF) { /* three bytes: Vietnamese, punctuation */
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((c & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return 3;
    }
    size_t len;
    uint32_t v, min;
    if (c >= 0xF0 && c <= 0xF4) {
        len = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return len;
}

size_t kh_utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t kh_utf8_invalid_at(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t l = kh_utf8_decode(s + i, n - i, &cp);
        if (!l)
            return i;
        i += l;
    }
    return n;
}

size_t kh_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

bool kh_utf8_is_nfc(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        if (u[i] < 0x80) { /* ASCII: no decoding */
            i++;
            continue;
        }
        uint32_t cp;
        size_t l = kh_utf8_next(s + i, n - i, &cp);
        if (!l || !kh_cp_nfc_stable(cp))
            return false;
        i += l;
    }
    return true;
}

char *kh_utf8_nfc(const char *s, size_t n, bool *changed)
{
    if (kh_utf8_is_nfc(s, n)) { /* fast path: already NFC */
        if (changed)
            *changed = false;
        return kh_strndup(s, n);
    }
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t r = utf8proc_map((const utf8proc_uint8_t *)s,
                                      (utf8proc_ssize_t)n, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (r < 0) {
        free(out);
        return NULL;
    }
    if (changed)
        *changed = (size_t)r != n || memcmp(out, s, n) != 0;
    return (char *)out;
}

/* Code points that are their own lower case, found without utf8proc:
 * Vietnamese lower-case letters (à–ÿ, đ, ơ, ư, and the odd code points of
 * U+1EA0–U+1EF9, whose upper-case partners are the even ones). test_utf8
 * checks them against utf8proc. */
static bool own_lower(uint32_t cp)
{
    return (cp >= 0xDF && cp <= 0xFF) || cp == 0x111 || cp == 0x1A1 || cp == 0x1B0 ||
           (cp >= 0x1EA0 && cp <= 0x1EF9 && (cp & 1));
}

/* Case-map every code point of s; ASCII bytes directly (utf8proc maps them
 * the same way), invalid bytes untouched. The result is written into one
 * buffer sized for the input, which holds it unless a mapping lengthens a
 * character (a few do: the buffer grows then, checked only off ASCII). */
static char *map_case(const char *s, utf8proc_int32_t (*fn)(utf8proc_int32_t), bool upper)
{
    size_t n = strlen(s), i = 0, len = 0, cap = n + 8;
    char *out = kh_xmalloc(cap);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* len <= i: room is left */
            out[len++] = (char)(upper ? (c >= 'a' && c <= 'z' ? c - 32 : c)
                                      : (c >= 'A' && c <= 'Z' ? c + 32 : c));
            i++;
            continue;
        }
        if (len + 4 + (n - i) + 1 > cap) /* this character grown, the rest as is */
            out = kh_xrealloc(out, cap = 2 * cap + 8);
        uint32_t cp;
        size_t l = kh_utf8_next(s + i, n - i, &cp);
        if (!l) { /* pass invalid bytes through untouched */
            out[len++] = s[i++];
            continue;
        }
        uint32_t to = !upper && own_lower(cp) ? cp : (uint32_t)fn((utf8proc_int32_t)cp);
        if (to == cp) /* most letters already have the case asked for */
            for (size_t k = 0; k < l; k++)
                out[len++] = s[i + k];
        else
            len += kh_utf8_encode(to, out + len);
        i += l;
    }
    out[len] = '\0';
    return out;
}

char *kh_utf8_upper(const char *s)
{
    return map_case(s, utf8proc_toupper, true);
}

char *kh_utf8_lower(const char *s)
{
    return map_case(s, utf8proc_tolower, false);
}

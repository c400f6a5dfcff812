/* name_case.c — a plausible case for a header name that reached the importer
 * in capitals (a DOCX someone else wrote with the capitals typed, the text
 * of a PDF): "ĐẢNG ỦY XÃ TÂN LẬP" → "Đảng ủy xã Tân Lập". The words of the
 * levels and bodies of the administration are in one table here (words[]):
 * a level word is written in lower case and the place name after it in
 * title case; the head of a body (Sở, Ban, Khối) is capitalised, and the
 * name of the field after Sở or Ban takes a capital on its first word and
 * after a dash, a comma or "và" ("Sở Lao động - Thương binh và Xã hội");
 * every other word is in lower case, except the first. Abbreviations
 * (UBND, MTTQ, and any word of two or more letters with no vowel: a
 * Vietnamese syllable has one, so THPT, THCS, HĐND are not words) stay in
 * capitals, and the words after one are a proper name in title case, as
 * after a level ("Trường THPT Đào Duy Từ", "Ủy ban MTTQ Việt Nam"); the
 * head "Trường" is capitalised. The name's line breaks are kept. Used
 * for the superior and the issuer only: body text keeps the case it has. */
#include <stdlib.h>
#include <string.h>

#include "kehoach/import.h"

enum word_kind {
    W_PLAIN, /* lower case (unless first or after a field mark) */
    W_LEVEL, /* lower case; a place name follows */
    W_HEAD,  /* capitalised */
    W_FIELD, /* capitalised; the name of a field follows */
};

static const struct {
    const char *lower; /* one to four words, lower case */
    enum word_kind kind;
} words[] = {
    {"đảng", W_HEAD},
    {"tỉnh ủy", W_LEVEL}, {"thành ủy", W_LEVEL}, {"huyện ủy", W_LEVEL},
    {"quận ủy", W_LEVEL}, {"thị ủy", W_LEVEL},
    {"thành phố", W_LEVEL}, {"thị xã", W_LEVEL}, {"thị trấn", W_LEVEL},
    {"đặc khu", W_LEVEL}, {"tỉnh", W_LEVEL}, {"huyện", W_LEVEL}, {"quận", W_LEVEL},
    {"xã", W_LEVEL}, {"phường", W_LEVEL},
    {"xã hội", W_PLAIN}, /* not the level: "Lao động - Thương binh và Xã hội" */
    {"ủy ban nhân dân", W_PLAIN}, {"hội đồng nhân dân", W_PLAIN},
    {"khối", W_HEAD}, {"trường", W_HEAD},
    {"sở", W_FIELD}, {"ban", W_FIELD}, {"cục", W_FIELD}, {"chi cục", W_FIELD},
    {"văn phòng", W_FIELD}, {"hội", W_FIELD},
};

/* Abbreviations kept in capitals. */
static const char *const abbrev[] = {"UBND", "HĐND", "MTTQ", "TW", "CT", "XH", "TP", "BCH",
                                     "BTV", "CAND", "QĐND"};

#define MAX_WORDS 64

/* A word of two or more capitals with no vowel (THPT, HĐND, TNCS): an
 * abbreviation, not a Vietnamese syllable. */
static bool no_vowel_word(const char *u)
{
    size_t n = strlen(u), letters = 0;
    for (size_t i = 0; i < n;) {
        uint32_t c;
        size_t l = kh_utf8_decode(u + i, n - i, &c);
        if (!l)
            return false;
        i += l;
        if (c == 0x110) { /* Đ */
            letters++;
            continue;
        }
        if (c < 'A' || c > 'Z' || strchr("AEIOUY", (int)c))
            return false;
        letters++;
    }
    return letters >= 2;
}

/* s with its first code point upper-cased (s lower case). */
static void put_capital(kh_buf *out, const char *s)
{
    uint32_t cp;
    size_t n = kh_utf8_decode(s, strlen(s), &cp);
    if (!n) {
        kh_buf_puts(out, s);
        return;
    }
    char *first = kh_strndup(s, n);
    char *up = kh_utf8_upper(first);
    kh_buf_puts(out, up ? up : first);
    kh_buf_puts(out, s + n);
    free(up);
    free(first);
}

/* How many words from w[i] the table entry e spans (0: it does not match). */
static size_t match(char *const *w, size_t i, size_t n, const char *entry)
{
    size_t k = 0;
    const char *p = entry;
    while (*p) {
        if (i + k >= n)
            return 0;
        size_t l = strlen(w[i + k]);
        if (strncmp(p, w[i + k], l) || (p[l] && p[l] != ' '))
            return 0;
        p += l;
        if (*p == ' ')
            p++;
        k++;
    }
    return k;
}

char *kh_import_name_case(const char *upper)
{
    char *low = kh_utf8_lower(upper);
    if (!low)
        return kh_strdup(upper);
    char *w[MAX_WORDS];
    char *u[MAX_WORDS]; /* the words as they came, for the abbreviations */
    bool line[MAX_WORDS]; /* a line break before the word (the name's lines) */
    size_t n = 0;
    char *ucopy = kh_strdup(upper);
    bool nl_next = false; /* the separator cut off held a line break */
    for (char *a = low, *b = ucopy; n < MAX_WORDS;) {
        bool nl = nl_next;
        while (*a == ' ' || *a == '\n') {
            nl |= *a == '\n';
            a++;
        }
        while (*b == ' ' || *b == '\n')
            b++;
        if (!*a || !*b)
            break;
        line[n] = nl;
        w[n] = a;
        u[n++] = b;
        size_t l = strcspn(a, " \n"), lb = strcspn(b, " \n");
        if (!a[l] || !b[lb])
            break;
        nl_next = a[l] == '\n';
        a[l] = b[lb] = '\0';
        a += l + 1;
        b += lb + 1;
    }
    kh_buf out = {0};
    bool place = false, field = false, cap_next = true; /* the first word */
    for (size_t i = 0; i < n;) {
        size_t span = 1;
        enum word_kind kind = W_PLAIN;
        bool known = false;
        for (size_t e = 0; e < sizeof words / sizeof words[0]; e++) {
            size_t k = match(w, i, n, words[e].lower);
            if (k >= span && k) {
                if (k > span || !known) {
                    span = k;
                    kind = words[e].kind;
                }
                known = true;
            }
        }
        bool is_abbrev = false;
        for (size_t a = 0; a < sizeof abbrev / sizeof abbrev[0]; a++)
            is_abbrev |= !strcmp(u[i], abbrev[a]);
        is_abbrev |= no_vowel_word(u[i]);
        if (out.len)
            kh_buf_putc(&out, line[i] ? '\n' : ' ');
        if (is_abbrev) {
            kh_buf_puts(&out, u[i]);
            span = 1;
            cap_next = false;
            place = true; /* a proper name follows, or a known word ends it */
            field = false;
        } else if (known && kind != W_PLAIN && !((field || place) && kind == W_HEAD)) {
            for (size_t k = 0; k < span; k++) {
                if (k)
                    kh_buf_putc(&out, line[i + k] ? '\n' : ' ');
                if (k == 0 && (cap_next || kind == W_HEAD || kind == W_FIELD))
                    put_capital(&out, w[i]);
                else
                    kh_buf_puts(&out, w[i + k]);
            }
            place = kind == W_LEVEL;
            field = kind == W_FIELD;
            cap_next = field;
        } else {
            /* a plain word (or a known plain phrase): title case in a place
             * name, a capital on the first or after a field mark */
            for (size_t k = 0; k < span; k++) {
                if (k)
                    kh_buf_putc(&out, line[i + k] ? '\n' : ' ');
                if (place || (k == 0 && cap_next))
                    put_capital(&out, w[i + k]);
                else
                    kh_buf_puts(&out, w[i + k]);
            }
            const char *last = w[i + span - 1];
            size_t ll = strlen(last);
            cap_next = field && (!strcmp(last, "-") || !strcmp(last, "và") ||
                                 (ll && last[ll - 1] == ','));
        }
        i += span;
    }
    /* past MAX_WORDS: the rest as it came */
    if (n == MAX_WORDS) {
        const char *rest = upper;
        for (size_t k = 0; k < n && rest; k++) {
            rest += strspn(rest, " \n");
            rest += strcspn(rest, " \n");
        }
        if (rest && *rest)
            kh_buf_puts(&out, rest);
    }
    free(low);
    free(ucopy);
    char *r = kh_buf_take(&out);
    return r ? r : kh_strdup(upper);
}

/* The heads of issuing bodies, lower case, for kh_import_issuer_head. */
static const char *const issuer_heads[] = {
    "đảng ủy", "tỉnh ủy", "thành ủy", "huyện ủy", "quận ủy", "thị ủy", "chi bộ",
    "đảng đoàn", "ban cán sự", "ban thường vụ", "ban chấp hành", "ban",
    "ủy ban nhân dân", "ủy ban kiểm tra", "ủy ban mặt trận", "ủy ban", "hội đồng nhân dân",
    "ubnd", "hđnd", "sở", "bộ", "phòng", "chi cục", "cục", "tổng cục", "trung tâm",
    "văn phòng",
};

bool kh_import_issuer_head(const char *line, bool *bare)
{
    char *low = kh_utf8_lower(line);
    /* uỷ and ủy are one word (the tone mark's place): the same bytes long */
    for (char *u = strstr(low, "u\xE1\xBB\xB7"); u; u = strstr(u + 4, "u\xE1\xBB\xB7"))
        memcpy(u, "\xE1\xBB\xA7y", 4);
    bool head = false;
    *bare = false;
    for (size_t i = 0; i < sizeof issuer_heads / sizeof issuer_heads[0] && !head; i++) {
        size_t n = strlen(issuer_heads[i]);
        if (!strncmp(low, issuer_heads[i], n) && (low[n] == ' ' || low[n] == '\0')) {
            head = true;
            *bare = low[n] == '\0';
        }
    }
    free(low);
    return head;
}

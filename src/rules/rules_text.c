/* rules_text.c — catalogue B.9 (orthography and text hygiene): legacy
 * encodings, one tone-mark placement and one i/y spelling per document, a
 * curated list of misspellings, fixed casings, white space, odd phrasing.
 * The word lists are data at the top of this file. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/text.h"
#include "rule.h"
#include "scan.h"

/* Fields written in running text (not the capitals of the header and the
 * signature). */
#define TEXT_FIELDS (KH_PROSE_FIELDS | (1u << KH_F_RECIPIENT))

/* R-ORTHO-TYPO: misspellings seen in the seeds (word-bounded; the first
 * letter matches in either case). [SEED] */
static const char *const typos[][2] = {
    {"tiên hành", "tiến hành"},
    {"Đột sinh hoạt", "Đợt sinh hoạt"},
    {"com ăn", "cơm ăn"},
    {"Chống lãnh phí", "Chống lãng phí"},
    {"Công thông tin điện tử", "Cổng thông tin điện tử"},
    {"Lòng ghép", "Lồng ghép"},
    {"học tập tạo Hội nghị", "học tập tại Hội nghị"},
};

/* R-ORTHO-CAPS: fixed casings. mid: only wrong inside a sentence. */
static const struct { const char *wrong, *right; bool mid; } casings[] = {
    {"Tổng Bí Thư", "Tổng Bí thư", false},
    {"Phó Bí Thư", "Phó Bí thư", false},
    {"Ban Thường Vụ", "Ban Thường vụ", false},
    {"Ban Chấp Hành", "Ban Chấp hành", false},
    {"Xã hội chủ nghĩa", "xã hội chủ nghĩa", true},
    {"Chủ nghĩa xã hội", "chủ nghĩa xã hội", true},
    {"tầng lớp nhân dân", "tầng lớp Nhân dân", false},
};

/* R-ODD-PHRASE: known odd phrasing. [SEED] */
static const struct { const char *phrase, *why_en, *why_vi; } odd[] = {
    {"tháng Quý", "a month and a quarter mixed; write 'Quý I năm 2024' or name the month",
     "lẫn tháng với quý; viết 'Quý I năm 2024' hoặc ghi rõ tháng"},
};

/* R-ORTHO-I-Y: syllables spelt with i or y (y form first). */
static const char *const i_y[][2] = {
    {"lý", "lí"}, {"kỹ", "kĩ"}, {"kỷ", "kỉ"}, {"mỹ", "mĩ"},
    {"sỹ", "sĩ"}, {"tỷ", "tỉ"}, {"lỵ", "lị"},
};

/* ---- R-UNICODE-NFC ---- */

/* Latin-1 letters and signs Vietnamese never uses: the marks of text in a
 * legacy 8-bit encoding (TCVN3, VNI) read as Unicode. */
static bool legacy_cp(uint32_t cp)
{
    /* ÄÅÆÇËÎÏÐÑÖØÛÜÞßäåæçëîïðñöøûüþÿ¸µ¶·¹¨¢¤¦§®¬«»±²³¼½¾¿ */
    static const unsigned char legacy[] = {0xA2, 0xA4, 0xA6, 0xA7, 0xA8, 0xAB, 0xAC, 0xAE, 0xB1, 0xB2, 0xB3, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF, 0xC4, 0xC5, 0xC6, 0xC7, 0xCB, 0xCE, 0xCF, 0xD0, 0xD1, 0xD6, 0xD8, 0xDB, 0xDC, 0xDE, 0xDF, 0xE4, 0xE5, 0xE6, 0xE7, 0xEB, 0xEE, 0xEF, 0xF0, 0xF1, 0xF6, 0xF8, 0xFB, 0xFC, 0xFE, 0xFF};
    if (cp >= 0x0300 && cp <= 0x036F)
        return true; /* a combining mark left over after NFC */
    if (cp < 0xA0 || cp > 0xFF)
        return false;
    for (size_t i = 0; i < sizeof legacy; i++)
        if (legacy[i] == cp)
            return true;
    return false;
}

static void nfc_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    for (size_t i = 0; i < pa->len;) {
        uint32_t cp;
        size_t k = kh_utf8_decode(pa->s + i, pa->len - i, &cp);
        if (!k) {
            i++;
            continue;
        }
        if (legacy_cp(cp)) {
            size_t a = i > 12 ? i - 12 : 0;
            while (a > 0 && ((unsigned char)pa->s[a] & 0xC0) == 0x80)
                a--;
            kh_report(cx, kh_para_pos(pa, i),
                      "'%.*s' (U+%04X) looks like text in a legacy encoding (TCVN3/VNI) or a stray combining mark; retype it in Unicode (TCVN 6909:2001)",
                      "'%.*s' (U+%04X) có vẻ là văn bản mã cũ (TCVN3/VNI) hoặc dấu tổ hợp thừa; gõ lại bằng Unicode (TCVN 6909:2001)",
                      (int)(i + k - a), pa->s + a, (unsigned)cp);
            return; /* one report per paragraph */
        }
        i += k;
    }
}

void rule_unicode_nfc(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, 0, nfc_para, cx);
}

/* ---- R-ORTHO-TONE ---- */

/* Base vowel and tone of a code point (tone 0: none). */
static uint32_t base_of(uint32_t cp, int *tone)
{
    utf8proc_int32_t c = utf8proc_tolower((utf8proc_int32_t)cp), d[8];
    int last = 0;
    *tone = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE, &last);
    if (n < 1 || n > 8)
        return (uint32_t)c;
    for (utf8proc_ssize_t i = 1; i < n; i++)
        if (d[i] == 0x0301 || d[i] == 0x0300 || d[i] == 0x0309 || d[i] == 0x0303 ||
            d[i] == 0x0323)
            *tone = (int)d[i];
    return (uint32_t)d[0];
}

typedef struct tone_word {
    size_t start, end;
    bool old_style; /* hoá, uỷ: the mark on the second vowel */
    kh_pos pos;
} tone_word;

typedef struct tone_scan {
    tone_word *v;
    size_t n, cap;
    size_t count[2];
    bool first_old;
    const char *const *texts; /* unused */
} tone_scan;

/* Classify the word s[a, b): ends in oa/oe/uy with a tone, no final
 * consonant; returns 0 new style, 1 old style, -1 not such a word. */
static int tone_style(const char *s, size_t a, size_t b)
{
    uint32_t cps[32];
    size_t n = 0;
    for (size_t i = a; i < b && n < 32;) {
        uint32_t c;
        size_t k = kh_utf8_decode(s + i, b - i, &c);
        if (!k)
            return -1;
        cps[n++] = c;
        i += k;
    }
    if (n < 2)
        return -1;
    int t1, t2;
    uint32_t v1 = base_of(cps[n - 2], &t1), v2 = base_of(cps[n - 1], &t2);
    bool cluster = (v1 == 'o' && (v2 == 'a' || v2 == 'e')) || (v1 == 'u' && v2 == 'y');
    if (!cluster || (t1 && t2) || (!t1 && !t2))
        return -1;
    if (v1 == 'u' && n >= 3) {
        int t0;
        if (base_of(cps[n - 3], &t0) == 'q')
            return -1; /* quý: qu- is a consonant */
    }
    if (n >= 3) {
        int t0;
        uint32_t v0 = base_of(cps[n - 3], &t0);
        if (strchr("aeiouy", (int)(v0 < 128 ? v0 : 0)) && v0)
            return -1; /* three vowels: not this pattern */
    }
    return t2 ? 1 : 0;
}

static void tone_para(const kh_para *pa, void *ctx)
{
    tone_scan *st = ctx;
    const char *s = pa->s;
    for (size_t i = 0; i < pa->len;) {
        if (!kh_is_letter_at(s, pa->len, i)) {
            i++;
            continue;
        }
        size_t a = i;
        while (i < pa->len && kh_is_letter_at(s, pa->len, i)) {
            uint32_t c;
            size_t k = kh_utf8_decode(s + i, pa->len - i, &c);
            i += k ? k : 1;
        }
        int style = tone_style(s, a, i);
        if (style < 0)
            continue;
        if (st->n == st->cap) {
            st->cap = st->cap ? st->cap * 2 : 32;
            st->v = kh_xrealloc(st->v, st->cap * sizeof *st->v);
        }
        if (!st->count[0] && !st->count[1])
            st->first_old = style == 1;
        st->count[style]++;
        tone_word *w = &st->v[st->n++];
        w->start = a;
        w->end = i;
        w->old_style = style == 1;
        w->pos = kh_para_pos(pa, a);
        /* Keep the word's text in the position-free part: recomputed below. */
        (void)w;
    }
}

/* The word in the other style: `uỷ` ↔ `ủy`. malloc'd. */
static char *restyle(const char *w, size_t n)
{
    uint32_t cps[32];
    size_t m = 0;
    for (size_t i = 0; i < n && m < 32;) {
        uint32_t c;
        size_t k = kh_utf8_decode(w + i, n - i, &c);
        if (!k)
            break;
        cps[m++] = c;
        i += k;
    }
    int t1, t2;
    uint32_t v1 = base_of(cps[m - 2], &t1), v2 = base_of(cps[m - 1], &t2);
    bool upper1 = utf8proc_toupper((utf8proc_int32_t)cps[m - 2]) == (utf8proc_int32_t)cps[m - 2] &&
                  utf8proc_tolower((utf8proc_int32_t)cps[m - 2]) != (utf8proc_int32_t)cps[m - 2];
    int tone = t1 ? t1 : t2;
    uint32_t seq1[2] = {v1, (uint32_t)tone}, seq2[2] = {v2, (uint32_t)tone};
    utf8proc_int32_t c1 = (utf8proc_int32_t)v1, c2 = (utf8proc_int32_t)v2;
    utf8proc_int32_t buf1[2] = {(utf8proc_int32_t)seq1[0], (utf8proc_int32_t)seq1[1]};
    utf8proc_int32_t buf2[2] = {(utf8proc_int32_t)seq2[0], (utf8proc_int32_t)seq2[1]};
    if (t1) { /* new → old: mark moves to the second vowel */
        utf8proc_normalize_utf32(buf2, 2, UTF8PROC_COMPOSE);
        cps[m - 2] = (uint32_t)c1;
        cps[m - 1] = (uint32_t)buf2[0];
    } else {
        utf8proc_normalize_utf32(buf1, 2, UTF8PROC_COMPOSE);
        cps[m - 2] = (uint32_t)buf1[0];
        cps[m - 1] = (uint32_t)c2;
    }
    if (upper1)
        cps[m - 2] = (uint32_t)utf8proc_toupper((utf8proc_int32_t)cps[m - 2]);
    kh_buf b = {0};
    for (size_t i = 0; i < m; i++) {
        char enc[4];
        kh_buf_put(&b, enc, kh_utf8_encode(cps[i], enc));
    }
    kh_buf_puts(&b, "");
    return kh_buf_take(&b);
}

typedef struct tone_report {
    kh_rule_ctx *cx;
    bool flag_old;
    size_t majority, minority;
} tone_report;

static void tone_report_para(const kh_para *pa, void *ctx)
{
    tone_report *st = ctx;
    tone_scan one = {0};
    tone_para(pa, &one);
    for (size_t i = 0; i < one.n; i++) {
        tone_word *w = &one.v[i];
        if (w->old_style != st->flag_old)
            continue;
        char *fix = restyle(pa->s + w->start, w->end - w->start);
        kh_report(st->cx, w->pos,
                  "'%2$.*1$s' places the tone mark the %3$s way (on the %4$s vowel), but this document places it the other way %6$zu times; write '%7$s' (one placement per document)%5$.0s",
                  "'%2$.*1$s' đặt dấu thanh kiểu %5$s, trong khi văn bản này %6$zu lần đặt kiểu kia; viết '%7$s' (thống nhất một cách đặt dấu)%3$.0s%4$.0s",
                  (int)(w->end - w->start), pa->s + w->start, st->flag_old ? "old" : "new",
                  st->flag_old ? "second" : "first", st->flag_old ? "cũ" : "mới", st->majority,
                  fix);
        free(fix);
    }
    free(one.v);
}

void rule_ortho_tone(const kh_plan *p, kh_rule_ctx *cx)
{
    tone_scan st = {0};
    kh_walk_paras(cx, TEXT_FIELDS, tone_para, &st);
    free(st.v);
    if (!st.count[0] || !st.count[1])
        return;
    bool flag_old = st.count[1] < st.count[0] || (st.count[1] == st.count[0] && !st.first_old);
    tone_report r = {cx, flag_old, st.count[flag_old ? 0 : 1], st.count[flag_old ? 1 : 0]};
    kh_walk_paras(cx, TEXT_FIELDS, tone_report_para, &r);
}

/* ---- R-ORTHO-I-Y ---- */

typedef struct iy_scan {
    size_t count[sizeof i_y / sizeof i_y[0]][2];
    int first[sizeof i_y / sizeof i_y[0]];
    kh_rule_ctx *cx;
    bool report;
} iy_scan;

static void iy_para(const kh_para *pa, void *ctx)
{
    iy_scan *st = ctx;
    for (size_t k = 0; k < sizeof i_y / sizeof i_y[0]; k++)
        for (int form = 0; form < 2; form++)
            for (size_t i = 0; (i = kh_find_word_ci1(pa->s, pa->len, i, i_y[k][form])) < pa->len;
                 i++) {
                if (!st->report) {
                    if (!st->count[k][0] && !st->count[k][1])
                        st->first[k] = form;
                    st->count[k][form]++;
                    continue;
                }
                size_t a = st->count[k][0], b = st->count[k][1];
                if (!a || !b)
                    break;
                int minority = a < b ? 0 : b < a ? 1 : 1 - st->first[k];
                if (form != minority)
                    break;
                kh_report(st->cx, kh_para_pos(pa, i),
                          "'%s' here, but '%s' %zu times elsewhere; spell it one way: '%s'",
                          "ở đây viết '%s', nơi khác viết '%s' %zu lần; thống nhất một cách viết: '%s'",
                          i_y[k][form], i_y[k][1 - form], st->count[k][1 - form], i_y[k][1 - form]);
            }
}

void rule_ortho_i_y(const kh_plan *p, kh_rule_ctx *cx)
{
    iy_scan st;
    memset(&st, 0, sizeof st);
    st.cx = cx;
    kh_walk_paras(cx, TEXT_FIELDS, iy_para, &st);
    st.report = true;
    kh_walk_paras(cx, TEXT_FIELDS, iy_para, &st);
}

/* ---- R-ORTHO-TYPO ---- */

static void typo_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    for (size_t k = 0; k < sizeof typos / sizeof typos[0]; k++)
        for (size_t i = 0; (i = kh_find_word_ci1(pa->s, pa->len, i, typos[k][0])) < pa->len; i++)
            kh_report(cx, kh_para_pos(pa, i), "misspelling '%.*s': write '%s'",
                      "viết sai '%.*s': sửa thành '%s'", (int)strlen(typos[k][0]), pa->s + i,
                      typos[k][1]);
}

void rule_ortho_typo(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, TEXT_FIELDS, typo_para, cx);
}

/* ---- R-ORTHO-CAPS ---- */

static bool sentence_start(const char *s, size_t i)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '"' || s[i - 1] == '(' || s[i - 1] == '-'))
        i--;
    if (i >= 3 && !memcmp(s + i - 3, "“", 3))
        return sentence_start(s, i - 3);
    return i == 0 || strchr(".!?:", s[i - 1]);
}

static void caps_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    for (size_t k = 0; k < sizeof casings / sizeof casings[0]; k++)
        for (size_t i = 0; (i = kh_find_word(pa->s, pa->len, i, casings[k].wrong)) < pa->len; i++) {
            if (casings[k].mid && sentence_start(pa->s, i))
                continue;
            kh_report(cx, kh_para_pos(pa, i), "write '%1$s', not '%2$s'%3$s%4$.0s",
                      "viết '%1$s', không viết '%2$s'%4$s%3$.0s", casings[k].right,
                      casings[k].wrong, casings[k].mid ? " inside a sentence" : "",
                      casings[k].mid ? " ở giữa câu" : "");
        }
}

void rule_ortho_caps(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, TEXT_FIELDS, caps_para, cx);
}

/* ---- R-WS ---- */

static void ws_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    const char *s = pa->s;
    for (size_t i = 0; i + 1 < pa->len; i++) {
        if (s[i] != ' ')
            continue;
        if (s[i + 1] == ' ') {
            kh_report(cx, kh_para_pos(pa, i), "two spaces in a row; write one",
                      "hai dấu cách liền nhau; chỉ để một");
            while (i + 1 < pa->len && s[i + 1] == ' ')
                i++;
        } else if (strchr(",;:", s[i + 1]) || (s[i + 1] == '.' && !(i + 2 < pa->len && s[i + 2] == '.'))) {
            if (i > 0)
                kh_report(cx, kh_para_pos(pa, i), "space before '%c'; remove it",
                          "có dấu cách trước '%c'; xóa dấu cách", s[i + 1]);
        }
    }
    kh_found_num n;
    for (size_t i = 0; kh_next_docnum(s, pa->len, i, &n); i = n.end)
        if (n.spaced)
            kh_report(cx, kh_para_pos(pa, n.start),
                      "spaces inside the number '%.*s'; write '%s'",
                      "có dấu cách trong số ký hiệu '%.*s'; viết '%s'", (int)(n.end - n.start),
                      s + n.start, n.num);
}

void rule_ws(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, 0, ws_para, cx);
}

/* ---- R-ODD-PHRASE ---- */

static void odd_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
        for (size_t i = 0; (i = kh_find_word(pa->s, pa->len, i, odd[k].phrase)) < pa->len; i++)
            kh_report(cx, kh_para_pos(pa, i), "'%1$s': %2$s%3$.0s", "'%1$s': %3$s%2$.0s",
                      odd[k].phrase, odd[k].why_en, odd[k].why_vi);
}

void rule_odd_phrase(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, TEXT_FIELDS, odd_para, cx);
}

/* rules_text.c — catalogue B.9 (orthography and text hygiene): legacy
 * encodings, one tone-mark placement and one i/y spelling per document, a
 * lexicon of misspellings, fixed casings (titles, bodies, Đảng, Nhân dân),
 * white space and the spacing of brackets and marks, odd phrasing. The
 * word lists are data at the top of this file. (The syllable and doubled
 * words are rules_syllable.c and rules_doubled.c.) */
#include <stdint.h>
#include <stdio.h>
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
    /* Frequent misspellings of the words of Party and state documents,
     * each wrong form no word of the language in any sense (so a hit is
     * always a slip). The right forms are those of Từ điển tiếng Việt
     * (Hoàng Phê, Viện Ngôn ngữ học); the slips are the s/x, tr/ch, d/gi/r
     * confusions of the northern and southern pronunciations and the hỏi/
     * ngã tone slips that lists of common errors name (vietbaixuyenviet.com
     * "20 lỗi chính tả kinh điển", dienmaycholon.com "sát nhập hay sáp
     * nhập", vietdex.net "những từ hay bị sai chính tả") [3P]. Left out:
     * chia xẻ, tham quan/thăm quan, giả thiết/giả thuyết, dành/giành
     * alone: both forms are words. The hỏi/ngã slips of two-syllable words
     * the list of R-ORTHO-COMPOUND holds (kỹ luật, kỹ cương, giãi quyết,
     * chặt chẻ, cữ tri) are its to report (compounds.c), once. */
    {"sát nhập", "sáp nhập"},
    {"xáp nhập", "sáp nhập"},
    {"sử lý", "xử lý"},
    {"sử lí", "xử lí"},
    {"chuẩn đoán", "chẩn đoán"},
    {"xắp xếp", "sắp xếp"},
    {"sắp sếp", "sắp xếp"},
    {"xuất xắc", "xuất sắc"},
    {"suất sắc", "xuất sắc"},
    {"sản suất", "sản xuất"},
    {"năng xuất", "năng suất"},
    {"đề suất", "đề xuất"},
    {"sơ xuất", "sơ suất"},
    {"trương trình", "chương trình"},
    {"chú chọng", "chú trọng"},
    {"trú trọng", "chú trọng"},
    {"chân trọng", "trân trọng"},
    {"trân thành", "chân thành"},
    {"chách nhiệm", "trách nhiệm"},
    {"chiển khai", "triển khai"},
    {"tuyên chuyền", "tuyên truyền"},
    {"vô hình chung", "vô hình trung"},
    {"tranh dành", "tranh giành"},
    {"dành độc lập", "giành độc lập"},
    {"dành chính quyền", "giành chính quyền"},
    {"dành thắng lợi", "giành thắng lợi"},
    {"giành dụm", "dành dụm"},
    {"dữ gìn", "giữ gìn"},
    {"giữ dìn", "giữ gìn"},
    {"dáo dục", "giáo dục"},
    {"danh giới", "ranh giới"},
    {"kỷ năng", "kỹ năng"},
    {"kỷ thuật", "kỹ thuật"},
    {"kỷ lưỡng", "kỹ lưỡng"},
    {"quãn lý", "quản lý"},
    {"kết quã", "kết quả"},
    {"mạnh mẻ", "mạnh mẽ"},
    {"rộng rải", "rộng rãi"},
    {"sẳn sàng", "sẵn sàng"},
};

/* R-ORTHO-CAPS: fixed casings. mid: only wrong inside a sentence. party:
 * the last word is `đảng` meaning the Party, unless a word follows that
 * makes a compound (đảng viên, đảng bộ, đảng ủy, đảng phái …). */
static const struct { const char *wrong, *right; bool mid, party; } casings[] = {
    {"Tổng Bí Thư", "Tổng Bí thư", false, false},
    {"Tổng bí thư", "Tổng Bí thư", false, false},
    /* The same offices and bodies all in lower case, mid-sentence ("đồng
     * chí tổng bí thư Tô Lâm"): proper names, never common nouns. */
    {"tổng bí thư", "Tổng Bí thư", false, false},
    {"chủ tịch Hồ Chí Minh", "Chủ tịch Hồ Chí Minh", false, false},
    {"bác Hồ", "Bác Hồ", false, false},
    {"bộ chính trị", "Bộ Chính trị", false, false},
    {"ban bí thư", "Ban Bí thư", false, false},
    {"ban chấp hành trung ương", "Ban Chấp hành Trung ương", false, false},
    {"Phó Bí Thư", "Phó Bí thư", false, false},
    {"Ban Thường Vụ", "Ban Thường vụ", false, false},
    {"Ban Chấp Hành", "Ban Chấp hành", false, false},
    {"Xã hội chủ nghĩa", "xã hội chủ nghĩa", true, false},
    {"Chủ nghĩa xã hội", "chủ nghĩa xã hội", true, false},
    {"tầng lớp nhân dân", "tầng lớp Nhân dân", false, false},
    /* The names of the Party's and the state's bodies and offices: the
     * first word and the proper part capitalised, the rest not (Quy định
     * 66-QĐ/TW; Nghị định 30/2020/NĐ-CP, Phụ lục II) [S2]. */
    {"Bộ Chính Trị", "Bộ Chính trị", false, false},
    {"Bộ chính trị", "Bộ Chính trị", false, false},
    {"Ban Bí Thư", "Ban Bí thư", false, false},
    {"Ban bí thư", "Ban Bí thư", false, false},
    {"Ban chấp hành Trung ương", "Ban Chấp hành Trung ương", false, false},
    {"Ban Chấp hành Trung Ương", "Ban Chấp hành Trung ương", false, false},
    {"Chủ Tịch nước", "Chủ tịch nước", false, false},
    {"Chủ tịch Nước", "Chủ tịch nước", false, false},
    {"Thủ Tướng Chính phủ", "Thủ tướng Chính phủ", false, false},
    {"Thủ tướng Chính Phủ", "Thủ tướng Chính phủ", false, false},
    {"Mặt Trận Tổ quốc", "Mặt trận Tổ quốc", false, false},
    {"Mặt trận Tổ Quốc", "Mặt trận Tổ quốc", false, false},
    {"Ủy ban Nhân dân", "Ủy ban nhân dân", false, false},
    {"Uỷ ban Nhân dân", "Uỷ ban nhân dân", false, false},
    {"Hội đồng Nhân dân", "Hội đồng nhân dân", false, false},
    {"nhân Dân", "nhân dân", false, false}, /* never so: Nhân dân, nhân dân, báo Nhân Dân */
    /* Đảng meaning the Communist Party of Việt Nam is capitalised (Quy
     * định 66-QĐ/TW; seeds) [S2][SEED]; đảng viên, đảng bộ, tính đảng,
     * cơ sở đảng are common nouns and stay lower case. */
    {"đảng Cộng sản", "Đảng Cộng sản", false, false},
    {"của đảng", "của Đảng", false, true},
    {"với đảng", "với Đảng", false, true},
    {"vào đảng", "vào Đảng", false, true},
    {"theo đảng", "theo Đảng", false, true},
    {"Điều lệ đảng", "Điều lệ Đảng", false, true},
    /* The people, after the words that name them as such (Quy định 66:
     * Nhân dân); `Ủy ban nhân dân`, `Công an nhân dân` are not so
     * preceded (misses of the blind batch 9). */
    {"đảng viên và nhân dân", "đảng viên và Nhân dân", false, false},
    {"của nhân dân", "của Nhân dân", false, false},
    {"cho nhân dân", "cho Nhân dân", false, false},
    {"toàn thể nhân dân", "toàn thể Nhân dân", false, false},
    {"lãnh đạo của đảng", "lãnh đạo của Đảng", false, true},
    {"viên và nhân dân", "viên và Nhân dân", false, false},
    {"Đảng viên", "đảng viên", true, false}, /* a common noun inside a sentence */
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
    static const bool legacy[0x100] = {
        [0xA2] = 1, [0xA4] = 1, [0xA6] = 1, [0xA7] = 1, [0xA8] = 1, [0xAB] = 1, [0xAC] = 1,
        [0xAE] = 1, [0xB1] = 1, [0xB2] = 1, [0xB3] = 1, [0xB5] = 1, [0xB6] = 1, [0xB7] = 1,
        [0xB8] = 1, [0xB9] = 1, [0xBB] = 1, [0xBC] = 1, [0xBD] = 1, [0xBE] = 1, [0xBF] = 1,
        [0xC4] = 1, [0xC5] = 1, [0xC6] = 1, [0xC7] = 1, [0xCB] = 1, [0xCE] = 1, [0xCF] = 1,
        [0xD0] = 1, [0xD1] = 1, [0xD6] = 1, [0xD8] = 1, [0xDB] = 1, [0xDC] = 1, [0xDE] = 1,
        [0xDF] = 1, [0xE4] = 1, [0xE5] = 1, [0xE6] = 1, [0xE7] = 1, [0xEB] = 1, [0xEE] = 1,
        [0xEF] = 1, [0xF0] = 1, [0xF1] = 1, [0xF6] = 1, [0xF8] = 1, [0xFB] = 1, [0xFC] = 1,
        [0xFE] = 1, [0xFF] = 1
    };
    if (cp >= 0x0300 && cp <= 0x036F)
        return true; /* a combining mark left over after NFC */
    return cp >= 0xA0 && cp <= 0xFF && legacy[cp];
}

/* The signs of units and figures that Vietnamese text does use, where
 * they stand as such: ² ³ after a unit's m (m², km², m³), ± ½ ¼ ¾ beside a
 * figure or a space. Legacy text puts them inside words (TCVN3 "Kõ ho¹ch"). */
static bool unit_sign(const char *s, size_t len, size_t i, size_t k, uint32_t cp)
{
    char before = i ? s[i - 1] : ' ', after = i + k < len ? s[i + k] : ' ';
    bool after_letter = (after & 0x80) || (after >= 'a' && after <= 'z') ||
                        (after >= 'A' && after <= 'Z');
    if (cp == 0xB2 || cp == 0xB3)
        return before == 'm' && !after_letter;
    if (cp == 0xB1 || cp == 0xBD || cp == 0xBC || cp == 0xBE)
        return (before == ' ' || (before >= '0' && before <= '9')) && !after_letter;
    return false;
}

static void nfc_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    for (size_t i = 0; i < pa->len;) {
        /* Legacy code points are U+00A0–U+00FF and U+0300–U+036F, led by
         * the bytes C2, C3, CC, CD, which never continue a sequence: the
         * scan skips to them. */
        i = kh_skip_to(pa->s, pa->len, i, "\xC2\xC3\xCC\xCD");
        if (i >= pa->len)
            break;
        uint32_t cp;
        size_t k = kh_utf8_next(pa->s + i, pa->len - i, &cp);
        if (!k) {
            i++;
            continue;
        }
        if (legacy_cp(cp) && !unit_sign(pa->s, pa->len, i, k, cp)) {
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
    *tone = 0;
    if (cp < 0x80) /* ASCII has no marks */
        return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
    utf8proc_int32_t c = utf8proc_tolower((utf8proc_int32_t)cp), d[8];
    int last = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(c, d, 8, UTF8PROC_DECOMPOSE, &last);
    if (n < 1 || n > 8)
        return (uint32_t)c;
    for (utf8proc_ssize_t i = 1; i < n; i++)
        if (d[i] == 0x0301 || d[i] == 0x0300 || d[i] == 0x0309 || d[i] == 0x0303 ||
            d[i] == 0x0323)
            *tone = (int)d[i];
    return (uint32_t)d[0];
}

/* base_of of the code points met, direct-mapped by the low byte: a plan
 * writes a few dozen vowels, and decomposing one costs a hundred
 * instructions (R-ORTHO-TONE looked at every word's last three). */
typedef struct base_cache {
    uint32_t cp[256], base[256]; /* cp 0: an empty slot */
    int tone[256];
} base_cache;

static uint32_t base_cached(base_cache *c, uint32_t cp, int *tone)
{
    if (cp < 0x80)
        return base_of(cp, tone);
    size_t k = cp & 255;
    if (c->cp[k] != cp) {
        c->base[k] = base_of(cp, &c->tone[k]);
        c->cp[k] = cp;
    }
    *tone = c->tone[k];
    return c->base[k];
}

/* A word ending in oa/oe/uy with a tone mark and no final consonant. */
typedef struct tone_word {
    size_t start, end;
    bool old_style; /* hoá, uỷ: the mark on the second vowel */
    int kind;       /* 0 oa/oe, 1 uy: each kind is judged on its own */
} tone_word;

/* Classify a word by its last code points (last[2] the final one; n the
 * word's length in code points, at most 32 counted): bit 0 the style (0 new,
 * 1 old), bit 1 the kind (0 oa/oe, 2 uy); -1 not such a word. */
static int tone_style(const uint32_t last[3], size_t n, base_cache *bc)
{
    if (n < 2 || (last[1] < 0x80 && last[2] < 0x80)) /* no mark on either */
        return -1;
    if ((last[1] < 0x80 && !strchr("ouOU", (int)last[1])) ||
        (last[2] < 0x80 && !strchr("aeyAEY", (int)last[2])))
        return -1; /* not oa, oe, uy */
    int t1, t2;
    uint32_t v1 = base_cached(bc, last[1], &t1), v2 = base_cached(bc, last[2], &t2);
    bool cluster = (v1 == 'o' && (v2 == 'a' || v2 == 'e')) || (v1 == 'u' && v2 == 'y');
    if (!cluster || (t1 && t2) || (!t1 && !t2))
        return -1;
    if (n >= 3) {
        int t0;
        uint32_t v0 = base_cached(bc, last[0], &t0);
        if (v1 == 'u' && v0 == 'q')
            return -1; /* quý: qu- is a consonant */
        if (strchr("aeiouy", (int)(v0 < 128 ? v0 : 0)) && v0)
            return -1; /* three vowels: not this pattern */
    }
    return (t2 ? 1 : 0) | (v1 == 'u' ? 2 : 0);
}

static bool letter(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return kh_cp_is_letter(cp);
}

/* The next oa/oe/uy word of s[*i, len) (see tone_word); false at the end.
 * Each code point is decoded once. Words are judged on their first 32 code
 * points. */
static bool next_tone_word(const char *s, size_t len, size_t *i, tone_word *w, base_cache *bc)
{
    while (*i < len) {
        uint32_t cp = 0;
        size_t k = kh_utf8_next(s + *i, len - *i, &cp);
        if (!k || !letter(cp)) {
            (*i)++;
            continue;
        }
        size_t a = *i, n = 0;
        uint32_t last[3] = {0, 0, 0};
        do {
            if (n < 32) {
                last[0] = last[1];
                last[1] = last[2];
                last[2] = cp;
                n++;
            }
            *i += k;
        } while (*i < len && (k = kh_utf8_next(s + *i, len - *i, &cp)) != 0 &&
                 letter(cp));
        int style = tone_style(last, n, bc);
        if (style >= 0) {
            *w = (tone_word){a, *i, (style & 1) != 0, style >> 1};
            return true;
        }
    }
    return false;
}

/* Counts by kind (oa/oe, uy) and style: a document may write `Ủy ban`
 * and `khoá` (many văn phòng do), so `khoá` never tips the count of `ủy`. */
typedef struct tone_scan {
    size_t count[2][2];
    bool first_old[2];
    base_cache bases;
} tone_scan;

static void tone_para(const kh_para *pa, void *ctx)
{
    tone_scan *st = ctx;
    tone_word w;
    for (size_t i = 0; next_tone_word(pa->s, pa->len, &i, &w, &st->bases);) {
        if (!st->count[w.kind][0] && !st->count[w.kind][1])
            st->first_old[w.kind] = w.old_style;
        st->count[w.kind][w.old_style]++;
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
    bool judge[2];    /* by kind: both styles occur */
    bool flag_old[2];
    size_t majority[2];
    base_cache bases;
} tone_report;

static void tone_report_para(const kh_para *pa, void *ctx)
{
    tone_report *st = ctx;
    tone_word w;
    for (size_t i = 0; next_tone_word(pa->s, pa->len, &i, &w, &st->bases);) {
        if (!st->judge[w.kind] || w.old_style != st->flag_old[w.kind])
            continue;
        char *fix = restyle(pa->s + w.start, w.end - w.start);
        bool flag_old = st->flag_old[w.kind];
        kh_report(st->cx, kh_para_pos(pa, w.start),
                  "'%2$.*1$s' places the tone mark the %3$s way (on the %4$s vowel), but this document places it the other way in %6$zu words ending '%8$s'; write '%7$s' (one placement per document)%5$.0s",
                  "'%2$.*1$s' đặt dấu thanh kiểu %5$s, trong khi văn bản này %6$zu lần đặt kiểu kia ở các tiếng có vần '%8$s'; viết '%7$s' (thống nhất một cách đặt dấu)%3$.0s%4$.0s",
                  (int)(w.end - w.start), pa->s + w.start, flag_old ? "old" : "new",
                  flag_old ? "second" : "first", flag_old ? "cũ" : "mới", st->majority[w.kind],
                  fix, w.kind ? "uy" : "oa, oe");
        free(fix);
    }
}

void rule_ortho_tone(const kh_plan *p, kh_rule_ctx *cx)
{
    tone_scan st = {0};
    kh_walk_paras(cx, TEXT_FIELDS, tone_para, &st);
    tone_report r = {.cx = cx};
    for (int k = 0; k < 2; k++) {
        const size_t *c = st.count[k];
        r.judge[k] = c[0] && c[1];
        r.flag_old[k] = c[1] < c[0] || (c[1] == c[0] && !st.first_old[k]);
        r.majority[k] = c[r.flag_old[k] ? 0 : 1];
    }
    if (r.judge[0] || r.judge[1])
        kh_walk_paras(cx, TEXT_FIELDS, tone_report_para, &r);
}

/* ---- the word lists, searched together ----
 * R-ORTHO-I-Y, R-ORTHO-TYPO, R-ORTHO-CAPS and R-ODD-PHRASE look for the
 * words of their lists in the same paragraphs: one pass per paragraph finds
 * the words of all four lists, once per check (kh_check_shared), and each
 * rule reads its own, in the order of one search per word. */

#define N_IY (sizeof i_y / sizeof i_y[0])
#define N_TYPO (sizeof typos / sizeof typos[0])
#define N_CAPS (sizeof casings / sizeof casings[0])
#define N_ODD (sizeof odd / sizeof odd[0])
enum { /* where each list starts among the words searched */
    W_IY = 0, /* i_y[k][form] is word W_IY + 2k + form */
    W_TYPO = W_IY + 2 * N_IY,
    W_CAPS = W_TYPO + N_TYPO,
    W_ODD = W_CAPS + N_CAPS,
    W_END = W_ODD + N_ODD,
};

struct kh_text_hits {
    kh_word_matches m;  /* every paragraph's matches, one after the other */
    size_t *from, *to;  /* by paragraph seq: its matches are m.v[from, to) */
    size_t n_seq;
    kh_words words;
};

static void hits_para(const kh_para *pa, void *ctx)
{
    struct kh_text_hits *h = ctx;
    if (pa->seq >= h->n_seq) {
        size_t n = 2 * pa->seq + 16;
        h->from = kh_xrealloc(h->from, n * sizeof *h->from);
        h->to = kh_xrealloc(h->to, n * sizeof *h->to);
        for (size_t i = h->n_seq; i < n; i++)
            h->from[i] = h->to[i] = 0;
        h->n_seq = n;
    }
    h->from[pa->seq] = h->m.n;
    kh_words_find(&h->words, pa->s, pa->len, &h->m);
    h->to[pa->seq] = h->m.n;
}

static const struct kh_text_hits *text_hits(kh_rule_ctx *cx)
{
    if (!cx->shared->words) {
        struct kh_text_hits *h = kh_xcalloc(1, sizeof *h);
        for (size_t k = 0; k < N_IY; k++) {
            kh_words_add(&h->words, i_y[k][0], true);
            kh_words_add(&h->words, i_y[k][1], true);
        }
        for (size_t k = 0; k < N_TYPO; k++)
            kh_words_add(&h->words, typos[k][0], true);
        for (size_t k = 0; k < N_CAPS; k++)
            kh_words_add(&h->words, casings[k].wrong, false);
        for (size_t k = 0; k < N_ODD; k++)
            kh_words_add(&h->words, odd[k].phrase, false);
        kh_walk_paras(cx, TEXT_FIELDS, hits_para, h);
        cx->shared->words = h;
    }
    return cx->shared->words;
}

void kh_text_hits_free(struct kh_text_hits *h)
{
    if (!h)
        return;
    kh_word_matches_free(&h->m);
    free(h->from);
    free(h->to);
    free(h);
}

/* The matches in paragraph pa of the words [lo, hi); *n of them. */
static const kh_word_match *hits_in(const struct kh_text_hits *h, const kh_para *pa, size_t lo,
                                    size_t hi, size_t *n)
{
    size_t a = pa->seq < h->n_seq ? h->from[pa->seq] : 0;
    size_t b = pa->seq < h->n_seq ? h->to[pa->seq] : 0;
    while (a < b && h->m.v[a].which < lo)
        a++;
    size_t e = a;
    while (e < b && h->m.v[e].which < hi)
        e++;
    *n = e - a;
    return *n ? h->m.v + a : NULL; /* no matches at all: v is NULL */
}

typedef struct list_scan {
    kh_rule_ctx *cx;
    const struct kh_text_hits *hits;
} list_scan;

/* ---- R-ORTHO-I-Y ---- */

typedef struct iy_scan {
    size_t count[N_IY][2];
    int first[N_IY];
    kh_rule_ctx *cx;
    bool report;
    const struct kh_text_hits *hits;
} iy_scan;

static void iy_para(const kh_para *pa, void *ctx)
{
    iy_scan *st = ctx;
    size_t n;
    const kh_word_match *v = hits_in(st->hits, pa, W_IY, W_TYPO, &n);
    for (size_t m = 0; m < n; m++) {
        size_t k = (v[m].which - W_IY) / 2, i = v[m].at;
        int form = (int)((v[m].which - W_IY) % 2);
        if (!st->report) {
            if (!st->count[k][0] && !st->count[k][1])
                st->first[k] = form;
            st->count[k][form]++;
            continue;
        }
        size_t a = st->count[k][0], b = st->count[k][1];
        int minority = a < b ? 0 : b < a ? 1 : 1 - st->first[k];
        if (!a || !b || form != minority)
            continue;
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
    st.hits = text_hits(cx);
    kh_walk_paras(cx, TEXT_FIELDS, iy_para, &st);
    for (size_t k = 0; k < N_IY; k++)
        st.report |= st.count[k][0] && st.count[k][1];
    if (st.report) /* some syllable is spelt both ways */
        kh_walk_paras(cx, TEXT_FIELDS, iy_para, &st);
}

/* ---- R-ORTHO-TYPO ---- */

static void typo_para(const kh_para *pa, void *ctx)
{
    list_scan *st = ctx;
    size_t n;
    const kh_word_match *v = hits_in(st->hits, pa, W_TYPO, W_CAPS, &n);
    for (size_t m = 0; m < n; m++) {
        size_t k = v[m].which - W_TYPO, i = v[m].at;
        char fix[64]; /* the right form, its first letter in the case of the text's */
        uint32_t cp, fc;
        size_t fl = strlen(typos[k][1]), fk = kh_utf8_next(typos[k][1], fl, &fc);
        snprintf(fix, sizeof fix, "%s", typos[k][1]);
        if (fk && kh_utf8_next(pa->s + i, pa->len - i, &cp) && kh_is_upper_at(pa->s, pa->len, i) &&
            fl < sizeof fix - 4) {
            size_t e = kh_utf8_encode((uint32_t)utf8proc_toupper((utf8proc_int32_t)fc), fix);
            snprintf(fix + e, sizeof fix - e, "%s", typos[k][1] + fk);
        }
        kh_report(st->cx, kh_para_pos(pa, i), "misspelling '%.*s': write '%s'",
                  "viết sai '%.*s': sửa thành '%s'", (int)strlen(typos[k][0]), pa->s + i, fix);
    }
}

void rule_ortho_typo(const kh_plan *p, kh_rule_ctx *cx)
{
    list_scan st = {cx, text_hits(cx)};
    kh_walk_paras(cx, TEXT_FIELDS, typo_para, &st);
}

/* ---- R-ORTHO-CAPS ---- */

static bool sentence_start(const char *s, size_t i)
{
    for (;;) { /* back over spaces, quotes, brackets and dashes */
        while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '"' || s[i - 1] == '(' || s[i - 1] == '-'))
            i--;
        if (i < 3 || memcmp(s + i - 3, "“", 3))
            break;
        i -= 3;
    }
    return i == 0 || strchr(".!?:", s[i - 1]);
}

/* Does s[i] open a quotation (`lớp "Đảng viên mang tên Bác"`, `“Đảng viên
 * …”`)? A quoted name or saying starts with a capital of its own. */
static bool after_open_quote(const char *s, size_t i)
{
    return (i >= 1 && s[i - 1] == '"') || (i >= 3 && !memcmp(s + i - 3, "“", 3));
}

/* Does a word that makes `đảng` a common noun follow s[e]? */
static bool party_compound(const char *s, size_t len, size_t e)
{
    static const char *const next[] = {
        "viên", "bộ", "ủy", "uỷ", "phái", "phí", "đoàn", "tịch", "kỳ", "vụ", "trưởng",
        "tính", "chính", "cầm",
    };
    if (e >= len || s[e] != ' ')
        return false;
    for (size_t k = 0; k < sizeof next / sizeof next[0]; k++) {
        size_t n = strlen(next[k]);
        if (e + 1 + n <= len && !memcmp(s + e + 1, next[k], n) && kh_word_end(s, len, e + 1 + n))
            return true;
    }
    /* `đảng đối lập` (an opposition party), but not `của đảng đối với`. */
    static const char opp[] = "đối lập";
    size_t n = sizeof opp - 1;
    return e + 1 + n <= len && !memcmp(s + e + 1, opp, n) && kh_word_end(s, len, e + 1 + n);
}

static void caps_para(const kh_para *pa, void *ctx)
{
    list_scan *st = ctx;
    size_t n;
    const kh_word_match *v = hits_in(st->hits, pa, W_CAPS, W_ODD, &n);
    for (size_t m = 0; m < n; m++) {
        size_t k = v[m].which - W_CAPS, i = v[m].at;
        if (casings[k].mid && (sentence_start(pa->s, i) || after_open_quote(pa->s, i)))
            continue;
        if (casings[k].party && party_compound(pa->s, pa->len, i + strlen(casings[k].wrong)))
            continue;
        kh_report(st->cx, kh_para_pos(pa, i), "write '%1$s', not '%2$s'%3$s%4$.0s",
                  "viết '%1$s', không viết '%2$s'%4$s%3$.0s", casings[k].right,
                  casings[k].wrong, casings[k].mid ? " inside a sentence" : "",
                  casings[k].mid ? " ở giữa câu" : "");
    }
}

void rule_ortho_caps(const kh_plan *p, kh_rule_ctx *cx)
{
    list_scan st = {cx, text_hits(cx)};
    kh_walk_paras(cx, TEXT_FIELDS, caps_para, &st);
}

/* ---- R-WS ---- */

/* The first d >= i with two spaces at s[d], or len. */
static size_t next_double_space(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return len;
    if (s[len] == '\0') {
        const char *d = strstr(s + i, "  ");
        return d && (size_t)(d - s) + 1 < len ? (size_t)(d - s) : len;
    }
    while (i + 1 < len && !(s[i] == ' ' && s[i + 1] == ' '))
        i++;
    return i + 1 < len ? i : len;
}

/* The first p >= i with a space at s[p] and one of , ; : . after it, or len. */
static size_t next_space_punct(const char *s, size_t len, size_t i)
{
    for (size_t j = kh_skip_to(s, len, i + 1, ",;:."); j < len;
         j = kh_skip_to(s, len, j + 1, ",;:."))
        if (s[j - 1] == ' ')
            return j - 1;
    return len;
}

/* The code point before s[i] (0 at the start). */
static uint32_t cp_before(const char *s, size_t i)
{
    size_t a = i;
    while (a > 0 && ((unsigned char)s[a - 1] & 0xC0) == 0x80 && i - a < 3)
        a--;
    if (a == 0)
        return 0;
    a--;
    uint32_t cp;
    return kh_utf8_decode(s + a, i - a, &cp) == i - a ? cp : 0;
}

/* A letter, not a digit. */
static bool letter_only(uint32_t cp)
{
    return cp && !(cp >= '0' && cp <= '9') && letter(cp);
}

/* Around brackets and , ; : — no space inside the brackets, a space after
 * , ; : between two letters (not 1,5 or 8:30), no mark typed twice (,, ;;
 * :: and two dots; not the three dots of an ellipsis, nor ./.). */
static void punct_para(const kh_para *pa, kh_rule_ctx *cx)
{
    const char *s = pa->s;
    size_t len = pa->len;
    for (size_t i = kh_skip_to(s, len, 0, "(),;:."); i < len;
         i = kh_skip_to(s, len, i + 1, "(),;:.")) {
        char c = s[i];
        if (c == '(') {
            if (i + 1 < len && s[i + 1] == ' ')
                kh_report(cx, kh_para_pos(pa, i + 1), "space after '('; remove it",
                          "có dấu cách sau '('; xóa dấu cách");
            continue;
        }
        if (c == ')') {
            if (i > 0 && s[i - 1] == ' ' && i > 1 && s[i - 2] != ' ')
                kh_report(cx, kh_para_pos(pa, i - 1), "space before ')'; remove it",
                          "có dấu cách trước ')'; xóa dấu cách");
            continue;
        }
        if (i + 1 < len && s[i + 1] == c) {
            if (c != '.' || ((i == 0 || s[i - 1] != '.') && (i + 2 >= len || s[i + 2] != '.'))) {
                kh_report(cx, kh_para_pos(pa, i), "'%c%c': the mark is typed twice; write one",
                          "'%c%c': dấu câu bị lặp; chỉ để một", c, c);
                i++;
            } else {
                while (i + 1 < len && s[i + 1] == '.')
                    i++; /* an ellipsis */
            }
            continue;
        }
        if (c == '.' || i + 1 >= len)
            continue;
        uint32_t next;
        if (!kh_utf8_next(s + i + 1, len - i - 1, &next) || !letter_only(next) ||
            !letter_only(cp_before(s, i)))
            continue;
        kh_report(cx, kh_para_pos(pa, i + 1), "no space after '%c'; add one",
                  "thiếu dấu cách sau '%c'; thêm một dấu cách", c);
    }
}

/* Two spaces, and a space before , ; : or . (not before '..'), in the
 * order of place; a run of spaces is reported once, and what follows it is
 * not looked at again. */
static void ws_para(const kh_para *pa, void *ctx)
{
    kh_rule_ctx *cx = ctx;
    const char *s = pa->s;
    size_t d = next_double_space(s, pa->len, 0), p = next_space_punct(s, pa->len, 0);
    while (d < pa->len || p < pa->len) {
        size_t i;
        if (d < p) {
            kh_report(cx, kh_para_pos(pa, d), "two spaces in a row; write one",
                      "hai dấu cách liền nhau; chỉ để một");
            for (i = d; i + 1 < pa->len && s[i + 1] == ' ';)
                i++;
            i++;
        } else {
            if ((s[p + 1] != '.' || !(p + 2 < pa->len && s[p + 2] == '.')) && p > 0)
                kh_report(cx, kh_para_pos(pa, p), "space before '%c'; remove it",
                          "có dấu cách trước '%c'; xóa dấu cách", s[p + 1]);
            i = p + 1;
        }
        if (d < i)
            d = next_double_space(s, pa->len, i);
        if (p < i)
            p = next_space_punct(s, pa->len, i);
    }
    kh_found_num n;
    for (size_t i = 0; kh_next_docnum(s, pa->len, i, &n); i = n.end)
        if (n.spaced)
            kh_report(cx, kh_para_pos(pa, n.start),
                      "spaces inside the number '%.*s'; write '%s'",
                      "có dấu cách trong số ký hiệu '%.*s'; viết '%s'", (int)(n.end - n.start),
                      s + n.start, n.num);
    punct_para(pa, cx);
}

void rule_ws(const kh_plan *p, kh_rule_ctx *cx)
{
    kh_walk_paras(cx, 0, ws_para, cx);
}

/* ---- R-ODD-PHRASE ---- */

static void odd_para(const kh_para *pa, void *ctx)
{
    list_scan *st = ctx;
    size_t n;
    const kh_word_match *v = hits_in(st->hits, pa, W_ODD, W_END, &n);
    for (size_t m = 0; m < n; m++) {
        size_t k = v[m].which - W_ODD, i = v[m].at;
        kh_report(st->cx, kh_para_pos(pa, i), "'%1$s': %2$s%3$.0s", "'%1$s': %3$s%2$.0s",
                  odd[k].phrase, odd[k].why_en, odd[k].why_vi);
    }
}

void rule_odd_phrase(const kh_plan *p, kh_rule_ctx *cx)
{
    list_scan st = {cx, text_hits(cx)};
    kh_walk_paras(cx, TEXT_FIELDS, odd_para, &st);
}

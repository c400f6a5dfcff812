/* wordscan.c — the words of running text as the writer spaced them (runs
 * of non-space bytes, their core without the punctuation around it), in
 * one pass per paragraph for R-ORTHO-SYLLABLE and R-ORTHO-DOUBLED. A plan
 * says the same few hundred words again and again: each word's verdict is
 * kept in a small table keyed by its bytes, so most words cost a hash and
 * a compare. Doubled words: Vietnamese doubles words on purpose (ngày
 * ngày, người người, nhà nhà, từng …, đời đời, mãi mãi), so within a line
 * the function words below are judged, which writing never doubles, and
 * any other word not listed as doubled on purpose is a note unless its
 * second copy starts a listed word with the next ("học tập tập trung");
 * any word is judged when its two copies stand on either side of a line
 * break of the YAML (the commonest slip when a line is retyped). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "kehoach/text.h"
#include "compounds.h"
#include "scan.h"
#include "wordscan.h"

#define WORD_FIELDS (KH_PROSE_FIELDS | (1u << KH_F_RECIPIENT))

/* Function words (quan hệ từ, phó từ, lượng từ) never doubled in
 * writing; sorted by strcmp (UTF-8). Not từ (từ từ), hay (hay hay), có,
 * một, phải, cùng: those double in speech and prose. */
static const char *const function_words[] = {
    "bằng", "bị", "cho", "các", "của", "do", "hoặc", "khi", "là", "mà", "nhưng", "nhằm",
    "những", "này", "nếu", "sẽ", "ta", "theo", "thì", "trong", "trên", "tại", "và", "vào", "vì", "về",
    "với", "đang", "đã", "được", "đến", "để",
};

/* Words Vietnamese doubles on purpose (từ láy toàn bộ): collective and
 * distributive nouns, time words, adverbs and the few adjectives doubled
 * in prose; sorted by strcmp. A content word typed twice that is not
 * listed here is a note (KH_WF_DOUBLED_MAYBE). */
static const char *const reduplicated[] = {
    "ai", "cao", "chiều", "chầm", "chốc", "có", "cùng", "cấp", "dần", "hay", "hàng", "khe",
    "khắp", "luôn", "lâu", "lại", "lớp", "muôn", "mãi", "một", "ngành", "ngày", "người",
    "nhiều", "nhà", "nhè", "năm", "nơi", "phải", "qua", "rất", "sáng", "tháng", "thường",
    "thầm", "tuần", "tới", "từ", "vừa", "xa", "xanh", "đâu", "đêm", "đôi", "đông", "đều", "đỏ",
    "đời",
};

#define CACHE_SLOTS 2048
#define CACHE_WORD 24
#define SWAPS_MAX 3
/* A word's verdict and toneless key, keyed by its bytes (the hash first,
 * then the bytes). */
typedef struct word_info {
    uint32_t hash;
    uint8_t len;     /* 0: an empty slot */
    uint8_t verdict; /* kh_syl */
    int8_t tone;     /* kh_syllable_key: -1 not a syllable */
    uint8_t where;   /* kh_compounds_where of its key */
    uint16_t syl;    /* and the syllable's id there */
    /* The listed syllables its key spells with two neighbouring letters
     * swapped ("gai": gia), for well-formed words only: their ids and
     * kh_compounds_where. */
    uint8_t n_swap;
    uint8_t swap_mark;  /* bit i: candidate i has a letter's mark added
                           (sác: sắc), not two letters swapped */
    uint8_t swap_where[SWAPS_MAX];
    uint16_t swap_syl[SWAPS_MAX];
    char key[KH_SYL_KEY];
    char w[CACHE_WORD];
} word_info;

typedef struct word_pass {
    kh_word_scan *out;
    /* A content word just seen typed twice, judged by the word after it:
     * its place and bytes. */
    bool pending;
    kh_pos pending_pos;
    size_t pending_a, pending_n;
    word_info *cache; /* CACHE_SLOTS of them */
    kh_compounds *compounds;
} word_pass;

/* Bytes of an opening mark at s[i, e): ( [ " ' “ ‘; or 0. */
static size_t opening(const char *s, size_t i, size_t e)
{
    unsigned char c = (unsigned char)s[i];
    if (c == '(' || c == '[' || c == '"' || c == '\'')
        return 1;
    if (c == 0xE2 && i + 2 < e && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0x9C || (unsigned char)s[i + 2] == 0x98))
        return 3;
    return 0;
}

/* Bytes of a closing mark ending at s[e) after s[a]: ) ] " ' , . ; : ! ?
 * ” ’ …, and the end mark ./.; or 0. */
static size_t closing(const char *s, size_t a, size_t e)
{
    unsigned char c = (unsigned char)s[e - 1];
    if (e - a >= 4 && !memcmp(s + e - 3, "./.", 3))
        return 3; /* the end mark: "hướng dẫn./." */
    switch (c) {
    case ')': case ']': case '"': case '\'': case ',': case '.': case ';': case ':':
    case '!': case '?':
        return 1;
    default:
        break;
    }
    if (e - a >= 3 && (unsigned char)s[e - 3] == 0xE2 && (unsigned char)s[e - 2] == 0x80 &&
        (c == 0x9D || c == 0x99 || c == 0xA6))
        return 3;
    return 0;
}

static void judge(const word_pass *wp, word_info *r, const char *s, size_t n)
{
    int tone;
    r->verdict = (uint8_t)kh_syllable_judge_key(s, n, r->key, &tone);
    r->tone = (int8_t)tone;
    unsigned id = 0;
    r->where = r->tone < 0 ? 0 : (uint8_t)kh_compounds_where(wp->compounds, r->key, &id);
    r->syl = (uint16_t)id;
    r->n_swap = 0;
    r->swap_mark = 0;
    if (r->verdict != KH_SYL_OK || r->tone < 0)
        return;
    char k[KH_SYL_KEY];
    memcpy(k, r->key, sizeof k);
    /* Two vowels (the key's a e i o u y, and ă â ê ô ơ ư folded to A B E
     * O W U): a swap that moves a consonant leaves no syllable but in a
     * handful of words (em, me), and each look-up costs. */
    for (size_t i = 0; k[i] && k[i + 1] && r->n_swap < SWAPS_MAX; i++) {
        if (k[i] == k[i + 1] || !kh_syllable_key_vowel(k[i]) || !kh_syllable_key_vowel(k[i + 1]))
            continue;
        char c = k[i];
        k[i] = k[i + 1];
        k[i + 1] = c;
        unsigned where = kh_compounds_where(wp->compounds, k, &id);
        if (where) {
            r->swap_where[r->n_swap] = (uint8_t)where;
            r->swap_syl[r->n_swap++] = (uint16_t)id;
        }
        k[i + 1] = k[i];
        k[i] = c;
    }
    /* A letter's mark left out (Telex aw, aa, ee, oo, ow, uw, dd not
     * typed: "sâu sác" for sâu sắc), for a word that is no listed
     * syllable itself: the key's a e o u d as ă/â, ê, ô/ơ, ư, đ. */
    if (r->where)
        return;
    for (size_t i = 0; k[i] && r->n_swap < SWAPS_MAX; i++) {
        const char *marked = k[i] == 'a' ? "AB" : k[i] == 'e' ? "E" : k[i] == 'o' ? "OW"
                           : k[i] == 'u' ? "U" : k[i] == 'd' ? "D" : "";
        for (const char *m = marked; *m && r->n_swap < SWAPS_MAX; m++) {
            char c = k[i];
            k[i] = *m;
            unsigned where = kh_compounds_where(wp->compounds, k, &id);
            k[i] = c;
            if (where) {
                r->swap_mark |= (uint8_t)(1u << r->n_swap);
                r->swap_where[r->n_swap] = (uint8_t)where;
                r->swap_syl[r->n_swap++] = (uint16_t)id;
            }
        }
    }
}

/* What is known of the word s[0, n): from the table when it was met
 * before; a word too long for the table is judged into *tmp. */
static const word_info *info_of(word_pass *wp, const char *s, size_t n, word_info *tmp)
{
    if (n > CACHE_WORD) {
        judge(wp, tmp, s, n);
        return tmp;
    }
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    word_info *r = &wp->cache[h & (CACHE_SLOTS - 1)];
    if (r->hash == h && r->len == n) {
        size_t i = 0;
        while (i < n && r->w[i] == s[i])
            i++;
        if (i == n)
            return r;
    }
    judge(wp, r, s, n);
    r->hash = h;
    r->len = (uint8_t)n;
    memcpy(r->w, s, n);
    return r;
}

static kh_word_finding *add(kh_word_scan *ws, kh_pos pos, int kind, kh_syl v, const char *w,
                            size_t n)
{
    if (ws->n == ws->cap) {
        ws->cap = ws->cap ? 2 * ws->cap : 16;
        ws->v = kh_xrealloc(ws->v, ws->cap * sizeof *ws->v);
    }
    kh_word_finding *f = &ws->v[ws->n++];
    f->pos = pos;
    f->kind = kind;
    f->verdict = v;
    n = (size_t)kh_cut(w, n, sizeof f->word - 1);
    memcpy(f->word, w, n);
    f->word[n] = '\0';
    f->compound = -1;
    f->swapped = false;
    f->mark_dropped = false;
    return f;
}

static int cmp_str(const void *k, const void *e)
{
    return strcmp(k, *(const char *const *)e);
}

/* The word w[0, n) lower-cased in its first letter into buf[32]; false
 * when too long. */
static bool lower_first(const char *w, size_t n, char *buf)
{
    uint32_t cp;
    size_t k = kh_utf8_next(w, n, &cp);
    if (!k || n + 4 >= 32)
        return false;
    size_t m = kh_utf8_encode((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp), buf);
    memcpy(buf + m, w + k, n - k);
    buf[m + n - k] = '\0';
    return true;
}

static bool line_break_between(const kh_para *pa, size_t from, size_t to)
{
    const char *t = pa->field->t->s;
    for (size_t i = pa->map[from]; i < pa->map[to]; i++)
        if (t[i] == '\n')
            return true;
    return false;
}

/* Is the core s[a, b) a copy of the previous word s[pa, pb)? */
static void doubled(word_pass *wp, const kh_para *pa, size_t pa0, size_t pb0, size_t a, size_t b)
{
    const char *s = pa->s;
    size_t n = b - a, k = 1; /* past the first letter, the bytes must match */
    if (n != pb0 - pa0 || !n)
        return;
    while (k < n && ((unsigned char)s[a + k] & 0xC0) == 0x80)
        k++;
    if (memcmp(s + a + k, s + pa0 + k, n - k))
        return;
    char w1[32], w2[32];
    if (!lower_first(s + pa0, n, w1) || !lower_first(s + a, n, w2) || strcmp(w1, w2))
        return;
    bool listed = bsearch(w2, function_words, sizeof function_words / sizeof function_words[0],
                          sizeof function_words[0], cmp_str) != NULL;
    if (listed || line_break_between(pa, pb0, a)) {
        add(wp->out, kh_para_pos(pa, a), KH_WF_DOUBLED, KH_SYL_OK, s + a, n);
        return;
    }
    bool doubles = bsearch(w2, reduplicated, sizeof reduplicated / sizeof reduplicated[0],
                           sizeof reduplicated[0], cmp_str) != NULL;
    /* a capital starts a name ("Ban Xây dựng Đảng Đảng ủy", "Đảng ủy Ủy
     * ban"): names abut; figures are data */
    bool name = kh_is_upper_at(s, pa->len, pa0) || kh_is_upper_at(s, pa->len, a);
    if (!doubles && !name && !(s[a] >= '0' && s[a] <= '9')) {
        wp->pending = true;
        wp->pending_pos = kh_para_pos(pa, a);
        wp->pending_a = a;
        wp->pending_n = n;
    }
}

/* The pending doubled word, its second copy (id s1, tone t1, a listed
 * word's first syllable: first) followed by the word w (NULL: none): a
 * note unless the two spell a listed word ("tập trung"). */
static void doubled_settle(word_pass *wp, const kh_para *pa, bool first, unsigned s1, int t1,
                           const word_info *w)
{
    if (!wp->pending)
        return;
    wp->pending = false;
    if (first && w && (w->where & KH_CPD_SECOND) &&
        kh_compounds_has(wp->compounds, s1, t1, w->syl, w->tone))
        return;
    if (w && w->len && w->len < CACHE_WORD && wp->pending_n < 32) {
        /* the words compounds.c leaves out of its slips (a variant of
         * each is a word too) still begin with the second copy */
        static const char *const also[] = {
            "truyền thống", "thường vụ", "văn phòng", "đồng chí", "văn hóa", "cộng sản",
            "hội thảo", "kết quả", "quan trọng", "trọng tâm", "trọng điểm", "hệ thống", "sự kiện",
            "chỉ thị", "quán triệt", "đảng ủy", "báo chí", "chỉ tiêu", "quân sự", "nhân sự",
            "thống nhất", "gia đình", "tác phong", "hiện đại", "quận ủy",
        };
        char pair[72], low[32];
        if (lower_first(pa->s + wp->pending_a, wp->pending_n, low)) {
            snprintf(pair, sizeof pair, "%s %.*s", low, (int)w->len, w->w);
            for (size_t k = 0; k < sizeof also / sizeof also[0]; k++)
                if (!strcmp(pair, also[k]))
                    return;
        }
    }
    add(wp->out, wp->pending_pos, KH_WF_DOUBLED_MAYBE, KH_SYL_OK, pa->s + wp->pending_a,
        wp->pending_n);
}

/* The word at s[pa0] (its id s1, tone t1, well-formed: ok1) and the next,
 * ending at s[b), with nothing but a space between: a listed two-syllable
 * word with a tone slipped? */
static void compound(word_pass *wp, const kh_para *pa, size_t pa0, unsigned s1, int t1,
                     bool ok1, size_t b, const word_info *w2)
{
    int which = 0;
    int k = kh_compounds_slip(wp->compounds, s1, t1, w2->syl, w2->tone, &which);
    bool ok2 = w2->verdict == KH_SYL_OK || w2->verdict == KH_SYL_SKIP;
    if (k < 0 || !(which ? ok2 : ok1))
        return; /* an ill-formed syllable is R-ORTHO-SYLLABLE's to report */
    kh_word_finding *f = add(wp->out, kh_para_pos(pa, pa0), KH_WF_COMPOUND, KH_SYL_OK,
                             pa->s + pa0, b - pa0);
    f->compound = k;
    f->which = which;
}

/* The word at s[pa0] (w1) and the next, w2, ending at s[b): a listed
 * word with two neighbouring letters of one syllable swapped ("quốc
 * gai")? Both must be well-formed syllables (an ill-formed one is
 * R-ORTHO-SYLLABLE's) and not a listed word as typed. */
static void swapped(word_pass *wp, const kh_para *pa, size_t pa0, const word_info *w1, size_t b,
                    const word_info *w2)
{
    if (w1->verdict != KH_SYL_OK || w1->tone < 0 || w2->verdict != KH_SYL_OK || w2->tone < 0 ||
        !(((w1->where & KH_CPD_FIRST) && w2->n_swap) || ((w2->where & KH_CPD_SECOND) && w1->n_swap)))
        return;
    if ((w1->where & KH_CPD_FIRST) && (w2->where & KH_CPD_SECOND) &&
        kh_compounds_has(wp->compounds, w1->syl, w1->tone, w2->syl, w2->tone))
        return;
    int k = -1, which = 0;
    bool mark = false;
    for (unsigned i = 0; k < 0 && (w1->where & KH_CPD_FIRST) && i < w2->n_swap; i++)
        if (w2->swap_where[i] & KH_CPD_SECOND) {
            k = kh_compounds_find(wp->compounds, w1->syl, w1->tone, w2->swap_syl[i], w2->tone);
            which = 1;
            mark = (w2->swap_mark >> i) & 1;
        }
    for (unsigned i = 0; k < 0 && (w2->where & KH_CPD_SECOND) && i < w1->n_swap; i++)
        if (w1->swap_where[i] & KH_CPD_FIRST) {
            k = kh_compounds_find(wp->compounds, w1->swap_syl[i], w1->tone, w2->syl, w2->tone);
            which = 0;
            mark = (w1->swap_mark >> i) & 1;
        }
    if (k < 0)
        return;
    kh_word_finding *f = add(wp->out, kh_para_pos(pa, pa0), KH_WF_COMPOUND, KH_SYL_OK,
                             pa->s + pa0, b - pa0);
    f->compound = k;
    f->which = which;
    f->swapped = !mark;
    f->mark_dropped = mark;
}

static void word_para(const kh_para *pa, void *ctx)
{
    word_pass *wp = ctx;
    const char *s = pa->s;
    size_t prev_a = 0, prev_b = 0; /* the previous run's core, if bare */
    bool prev_bare = false, prev_first = false; /* may start a listed word */
    unsigned prev_syl = 0;
    int prev_tone = -1;
    bool prev_ok = false;
    const word_info *prev_w = NULL; /* the previous word, ending its run */
    word_info tmp;
    for (size_t i = 0; i < pa->len;) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        size_t a = i;
        while (i < pa->len && s[i] != ' ')
            i++;
        size_t e = i, ca = a, cb = e, k;
        while (ca < cb && (k = opening(s, ca, cb)) != 0)
            ca += k;
        while (cb > ca && (k = closing(s, ca, cb)) != 0)
            cb -= k;
        const word_info *w = NULL;
        if (cb - ca >= 2) {
            w = info_of(wp, s + ca, cb - ca, &tmp);
            kh_syl v = (kh_syl)w->verdict;
            if (v != KH_SYL_OK && v != KH_SYL_SKIP)
                add(wp->out, kh_para_pos(pa, ca), KH_WF_SYLLABLE, v, s + ca, cb - ca);
        } else if (cb > ca) {
            w = info_of(wp, s + ca, cb - ca, &tmp);
        }
        if (wp->pending)
            doubled_settle(wp, pa, prev_first, prev_syl, prev_tone, ca == a ? w : NULL);
        if (prev_bare && ca == a)
            doubled(wp, pa, prev_a, prev_b, ca, cb);
        if (prev_first && w && (w->where & KH_CPD_SECOND) && ca == a)
            compound(wp, pa, prev_a, prev_syl, prev_tone, prev_ok, cb, w);
        /* prev_w is still the previous word unless this one took its slot */
        if (prev_w && w && prev_w != w && ca == a && (prev_w->n_swap | w->n_swap))
            swapped(wp, pa, prev_a, prev_w, cb, w);
        prev_w = w && w != &tmp && cb == e ? w : NULL;
        prev_bare = ca == a && cb == e && cb > ca;
        /* Nothing but a space may stand inside a listed word; the id is
         * copied, as the next word may take this one's slot of the table. */
        prev_first = w && (w->where & KH_CPD_FIRST) && cb == e;
        if (prev_first) {
            prev_syl = w->syl;
            prev_tone = w->tone;
            prev_ok = w->verdict == KH_SYL_OK || w->verdict == KH_SYL_SKIP;
        }
        prev_a = ca;
        prev_b = cb;
    }
    doubled_settle(wp, pa, false, 0, -1, NULL);
}

const kh_word_scan *kh_word_scan_get(kh_rule_ctx *cx)
{
    if (!cx->shared->wordscan) {
        kh_word_scan *ws = kh_xcalloc(1, sizeof *ws);
        /* an empty slot is one of length 0: the rest is written when used
         * (a calloc of the whole table cost more than the word pass) */
        word_info *cache = kh_xmalloc(CACHE_SLOTS * sizeof *cache);
        for (size_t k = 0; k < CACHE_SLOTS; k++) {
            cache[k].hash = 0;
            cache[k].len = 0;
        }
        word_pass wp = {.out = ws, .cache = cache,
                        .compounds = kh_compounds_new()};
        kh_walk_paras(cx, WORD_FIELDS, word_para, &wp);
        free(wp.cache);
        kh_compounds_free(wp.compounds);
        cx->shared->wordscan = ws;
    }
    return cx->shared->wordscan;
}

void kh_word_scan_free(kh_word_scan *ws)
{
    if (!ws)
        return;
    free(ws->v);
    free(ws);
}

/* test_compounds.c — the word list of R-ORTHO-COMPOUND: every listed
 * word is two well-formed syllables, no two share their spelling, each
 * finds itself not a slip, and the slips looked for (a tone dropped, hỏi/
 * ngã swapped) are found while other tone changes and unlisted pairs are
 * not. */
#include <string.h>

#include "../../src/rules/compounds.h"
#include "../../src/rules/syllable.h"
#include "tap.h"

/* The listed word the pair "a b" slips from, or NULL; *which the syllable. */
static const char *slip(const kh_compounds *c, const char *pair, int *which)
{
    const char *sp = strchr(pair, ' ');
    char k1[KH_SYL_KEY], k2[KH_SYL_KEY];
    int t1 = kh_syllable_key(pair, (size_t)(sp - pair), k1);
    int t2 = kh_syllable_key(sp + 1, strlen(sp + 1), k2);
    unsigned s1 = 0, s2 = 0;
    if (!(kh_compounds_where(c, k1, &s1) & KH_CPD_FIRST) || !(kh_compounds_where(c, k2, &s2) & KH_CPD_SECOND))
        return NULL;
    int i = kh_compounds_slip(c, s1, t1, s2, t2, which);
    return i < 0 ? NULL : kh_compound_word(i);
}

int main(void)
{
    kh_compounds *c = kh_compounds_new();
    int which = -1;
    for (size_t i = 0; i < kh_compound_count(); i++) {
        const char *w = kh_compound_word((int)i), *sp = strchr(w, ' ');
        CHECK(sp && !strchr(sp + 1, ' '), "%s: two syllables", w);
        if (!sp)
            continue;
        kh_syl v1 = kh_syllable_judge(w, (size_t)(sp - w)), v2 = kh_syllable_judge(sp + 1, strlen(sp + 1));
        CHECK((v1 == KH_SYL_OK || (v1 == KH_SYL_SKIP && sp - w <= 2)) && v2 == KH_SYL_OK,
              "%s: well-formed syllables (a one-letter one is not judged)", w);
        CHECK(slip(c, w, &which) == NULL, "%s: spelt right is no slip", w);
        size_t twice = 0;
        for (size_t j = 0; j < i; j++)
            twice += !strcmp(w, kh_compound_word((int)j));
        CHECK(twice == 0, "%s: listed once", w);
    }
    CHECK(kh_compound_word((int)kh_compound_count()) == NULL, "past the end: NULL");

    /* kh_syllable_key (the list's keys) gives kh_syllable_judge_key's key */
    static const char *const keyed[] = {"thực", "Hiện", "NGHĨA", "quốc", "gia", "đảng", "ươn",
                                        "2025", "x1", "hoáà", "nghiêngggggg", "", "café", "Uỷ"};
    for (size_t i = 0; i < sizeof keyed / sizeof keyed[0]; i++) {
        char k1[KH_SYL_KEY], k2[KH_SYL_KEY];
        int t2;
        int t1 = kh_syllable_key(keyed[i], strlen(keyed[i]), k1);
        kh_syllable_judge_key(keyed[i], strlen(keyed[i]), k2, &t2);
        CHECK(t1 == t2 && !strcmp(k1, k2), "%s: the same key (%d '%s', judged %d '%s')", keyed[i],
              t1, k1, t2, k2);
    }

    CHECK_STR(slip(c, "thực hiên", &which), "thực hiện", "nặng dropped");
    CHECK_INT(which, 1, "the second syllable slipped");
    CHECK_STR(slip(c, "cán bô", &which), "cán bộ", "nặng dropped");
    CHECK_STR(slip(c, "tuyên truyên", &which), "tuyên truyền", "huyền dropped");
    CHECK_STR(slip(c, "nắm vửng", &which), "nắm vững", "hỏi for ngã");
    CHECK_STR(slip(c, "Lảnh đạo", &which), "lãnh đạo", "hỏi for ngã, a capital");
    CHECK_INT(which, 0, "the first syllable slipped");
    CHECK_STR(slip(c, "TÌNH HINH", &which), "tình hình", "in capitals");
    CHECK_STR(slip(c, "kỹ niệm", &which), "kỷ niệm", "ngã for hỏi");
    CHECK_STR(slip(c, "tình hoà", &which) ? "hit" : "none", "none", "an unlisted pair");
    CHECK(slip(c, "thực hiến", &which) == NULL, "sắc for nặng: not a slip looked for");
    CHECK(slip(c, "thưc hiên", &which) == NULL, "two syllables changed: not one slip");
    CHECK(slip(c, "nhân dẫn", &which) == NULL, "ngã typed on a toneless syllable: not a slip looked for (nguyên nhân dẫn)");
    CHECK(slip(c, "thương vụ", &which) == NULL, "thường vụ is not listed (thương vụ is a word)");
    CHECK(slip(c, "hình thực", &which) == NULL, "nặng for sắc (tình hình thực hiện)");
    kh_compounds_free(c);
    return TAP_DONE();
}

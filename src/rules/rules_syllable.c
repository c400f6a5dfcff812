/* rules_syllable.c — R-ORTHO-SYLLABLE (catalogue B.9): every lower-case
 * word of running text is a well-formed Vietnamese syllable (the parser is
 * syllable.c). It catches words run together, a tone mark dropped from a
 * stop ending, Telex/VNI keys left in, and many typos, without a
 * dictionary. Words with a capital or a digit, words joined by '.', '/',
 * '-' or '@' (addresses, codes), placeholders ({date}) and the listed
 * loanwords are not judged. */
#include "rule.h"
#include "wordscan.h"

void rule_ortho_syllable(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    const kh_word_scan *ws = kh_word_scan_get(cx);
    for (size_t i = 0; i < ws->n; i++) {
        const kh_word_finding *f = &ws->v[i];
        if (f->kind != KH_WF_SYLLABLE)
            continue;
        const char *en = NULL, *vi = NULL;
        switch (f->verdict) {
        case KH_SYL_OK:
        case KH_SYL_SKIP:
            continue;
        case KH_SYL_FOREIGN:
            en = "Vietnamese has no f, j, w or z (Telex keys left in?)";
            vi = "tiếng Việt không có f, j, w, z (sót phím gõ Telex?)";
            break;
        case KH_SYL_VNI:
            en = "digits inside the word (VNI keys left in?)";
            vi = "có chữ số trong từ (sót phím gõ VNI?)";
            break;
        case KH_SYL_TWO_TONES:
            en = "two tone marks on one syllable (two words run together?)";
            vi = "một tiếng có hai dấu thanh (hai từ viết liền?)";
            break;
        case KH_SYL_NO_RHYME:
            en = "no onset and rhyme make it up (two words run together, or a letter wrong?)";
            vi = "không tách được thành âm đầu và vần (hai từ viết liền, hoặc sai chữ?)";
            break;
        case KH_SYL_FRONT:
            en = "k, gh and ngh are written before i, y, e, ê only, and c, g, ng before the other vowels";
            vi = "k, gh, ngh chỉ viết trước i, y, e, ê; c, g, ng viết trước các nguyên âm khác";
            break;
        case KH_SYL_TONE_PLACE:
            en = "in ươ, uô, iê and yê the tone mark sits on the second vowel (trưởng, muốn, tiếng)";
            vi = "với ươ, uô, iê, yê dấu thanh đặt trên nguyên âm thứ hai (trưởng, muốn, tiếng)";
            break;
        case KH_SYL_STOP_TONE:
            en = "a syllable ending in c, ch, p or t takes the sắc or nặng tone only (a tone mark dropped?)";
            vi = "tiếng tận cùng bằng c, ch, p, t chỉ mang thanh sắc hoặc nặng (thiếu dấu?)";
            break;
        }
        kh_report(cx, f->pos, "'%1$s' is not a Vietnamese syllable: %2$s; check the spelling%3$.0s",
                  "'%1$s' không phải là một tiếng đúng chính tả: %3$s; kiểm tra lại%2$.0s", f->word,
                  en, vi);
    }
}

/* test_syllable.c — the syllable parser of R-ORTHO-SYLLABLE: well-formed
 * words pass, each kind of ill-formed word gets its verdict, and what is
 * not judged (capitals, digits, loans, abbreviations) is skipped. */
#include <string.h>

#include "../../src/rules/syllable.h"
#include "tap.h"

static kh_syl judge(const char *w)
{
    return kh_syllable_judge(w, strlen(w));
}

int main(void)
{
    /* Well-formed: every onset, medials, glides, the gi/qu cases. */
    static const char *const ok[] = {
        "nghiêng", "nghị", "quyết", "quốc", "quý", "quỳnh", "quân", "quan", "quá", "quen",
        "giữ", "gìn", "gì", "giếng", "giặc", "gửi", "khuya", "khuỷu", "thuở", "hoạch",
        "khoẻ", "khỏe", "ngoằn", "tuyên", "truyền", "chuyển", "đổi", "người", "rượu",
        "uống", "yêu", "yết", "ỉa", "oanh", "huỳnh", "kỷ", "kỳ", "lý", "ghi", "ghế",
        "nghe", "kế", "boong", "xoong", "thích", "chếch", "học", "tập", "mặt", "việt",
        "tổ", "chức", "hiện", "của", "và", "ủy", "uỷ", "hóa", "hoá", "ưu", "hươu", "được",
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        CHECK_INT(judge(ok[i]), KH_SYL_OK, ok[i]);
    /* Not judged. */
    static const char *const skip[] = {
        "Việt", "tHực", "COVID", "f0", "m2", "tp", "đc", "b", "online", "zalo",
        "livestream", "facebook", "naïve",
    };
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        CHECK_INT(judge(skip[i]), KH_SYL_SKIP, skip[i]);
    CHECK_INT(judge("tuyeenf"), KH_SYL_FOREIGN, "Telex keys left in: f");
    CHECK_INT(judge("tuwf"), KH_SYL_FOREIGN, "Telex keys left in: w");
    CHECK_INT(judge("vie65t"), KH_SYL_VNI, "VNI keys left in");
    CHECK_INT(judge("tie61ng"), KH_SYL_VNI, "VNI keys left in (ng after)");
    CHECK_INT(judge("hòá"), KH_SYL_TWO_TONES, "two tone marks");
    CHECK_INT(judge("thựchiện"), KH_SYL_TWO_TONES, "two words run together: two tone marks");
    CHECK_INT(judge("côngtác"), KH_SYL_NO_RHYME, "two words run together");
    CHECK_INT(judge("dâ"), KH_SYL_NO_RHYME, "â needs an ending");
    CHECK_INT(judge("huan"), KH_SYL_NO_RHYME, "u + a is written o (hoan), except after q");
    CHECK_INT(judge("qoa"), KH_SYL_NO_RHYME, "q wants its u");
    CHECK_INT(judge("tieen"), KH_SYL_NO_RHYME, "Telex ee left in");
    CHECK_INT(judge("ke"), KH_SYL_OK, "k before e");
    CHECK_INT(judge("ce"), KH_SYL_FRONT, "c before e");
    CHECK_INT(judge("kà"), KH_SYL_FRONT, "k before a");
    CHECK_INT(judge("nghành"), KH_SYL_FRONT, "ngh before a (ngành)");
    CHECK_INT(judge("ngiêm"), KH_SYL_FRONT, "ng before i (nghiêm)");
    CHECK_INT(judge("ghà"), KH_SYL_FRONT, "gh before a (gà)");
    CHECK_INT(judge("gế"), KH_SYL_FRONT, "g before ê (ghế)");
    CHECK_INT(judge("chưc"), KH_SYL_STOP_TONE, "stop ending without a tone");
    CHECK_INT(judge("hoàn"), KH_SYL_OK, "n is not a stop");
    CHECK_INT(judge("tâp"), KH_SYL_STOP_TONE, "p ending without a tone");
    CHECK_INT(judge("thìch"), KH_SYL_STOP_TONE, "ch ending with huyền");
    CHECK_INT(judge("hôch"), KH_SYL_NO_RHYME, "ch only after a, ê, i");
    CHECK_INT(judge("ônh"), KH_SYL_NO_RHYME, "nh only after a, ê, i");
    CHECK_INT(judge("trửơng"), KH_SYL_TONE_PLACE, "the tone on ư of ươ (trưởng)");
    CHECK_INT(judge("mùôn"), KH_SYL_TONE_PLACE, "the tone on u of uô (muốn)");
    CHECK_INT(judge("tíêng"), KH_SYL_TONE_PLACE, "the tone on i of iê (tiếng)");
    CHECK_INT(judge("ýêu"), KH_SYL_TONE_PLACE, "the tone on y of yê (yếu)");
    CHECK_INT(judge("trưởng"), KH_SYL_OK, "ươ with its tone on ơ");
    CHECK_INT(judge("cửa"), KH_SYL_OK, "ưa: the tone on ư");
    CHECK_INT(judge("quốc"), KH_SYL_OK, "qu + ô: not uô");
    return TAP_DONE();
}

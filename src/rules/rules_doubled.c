/* rules_doubled.c — R-ORTHO-DOUBLED (catalogue B.9): a word typed twice:
 * a function word doubled in a line (của của), or any word on either side
 * of a line break; as a note, a content word doubled in a line (kinh phí
 * phí thăm hỏi) that is no reduplication and starts no listed word. The words are found by wordscan.c, which says why
 * reduplication (ngày ngày, người người) is left alone. */
#include "rule.h"
#include "wordscan.h"

void rule_ortho_doubled(const kh_plan *p, kh_rule_ctx *cx)
{
    (void)p;
    const kh_word_scan *ws = kh_word_scan_get(cx);
    for (size_t i = 0; i < ws->n; i++)
        if (ws->v[i].kind == KH_WF_DOUBLED)
            kh_report(cx, ws->v[i].pos, "'%1$s %1$s': the word is typed twice; delete one",
                      "'%1$s %1$s': từ bị lặp; xóa một từ", ws->v[i].word);
        else if (ws->v[i].kind == KH_WF_DOUBLED_MAYBE)
            kh_report_sev(cx, KH_NOTE, ws->v[i].pos,
                          "'%1$s %1$s': the word typed twice? Delete one, unless the second '%1$s' begins the next word",
                          "'%1$s %1$s': từ bị lặp? Xóa một từ, trừ khi '%1$s' thứ hai là tiếng đầu của từ tiếp theo",
                          ws->v[i].word);
}

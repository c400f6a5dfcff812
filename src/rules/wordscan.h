/* wordscan.h — one pass over the words of running text, shared by
 * R-ORTHO-SYLLABLE (rules_syllable.c), R-ORTHO-DOUBLED (rules_doubled.c)
 * and R-ORTHO-COMPOUND (rules_compound.c): built once per check by the first of them
 * (kh_check_shared), each reads its own findings. Private to src/rules/. */
#ifndef KEHOACH_WORDSCAN_H
#define KEHOACH_WORDSCAN_H

#include <stddef.h>

#include "rule.h"
#include "syllable.h"

/* KH_WF_DOUBLED_MAYBE: a content word typed twice in a line ("kinh phí
 * phí thăm hỏi") that is no reduplication and whose second copy starts no
 * listed word with the next one ("học tập tập trung"): a note, since
 * without a dictionary the second copy may start a word not listed. */
enum { KH_WF_SYLLABLE, KH_WF_DOUBLED, KH_WF_COMPOUND, KH_WF_DOUBLED_MAYBE };

typedef struct kh_word_finding {
    kh_pos pos;          /* of the word (the second copy of a doubling) */
    int kind;            /* KH_WF_* */
    kh_syl verdict;      /* KH_WF_SYLLABLE: why */
    char word[48];       /* the word as written (cut at 47 bytes); a
                            compound: both its words */
    int compound;        /* KH_WF_COMPOUND: kh_compound_word's index */
    int which;           /* KH_WF_COMPOUND: the slipped syllable, 0 or 1 */
    bool swapped;        /* KH_WF_COMPOUND: two letters of it swapped
                            ("quốc gai"), not a tone slipped */
    bool mark_dropped;   /* KH_WF_COMPOUND: a letter's mark left out
                            ("sâu sác"), not a tone slipped */
} kh_word_finding;

typedef struct kh_word_scan {
    kh_word_finding *v;
    size_t n, cap;
} kh_word_scan;

const kh_word_scan *kh_word_scan_get(kh_rule_ctx *cx);
void kh_word_scan_free(kh_word_scan *ws);

#endif

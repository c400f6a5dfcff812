/* syllable.h — is a word a well-formed Vietnamese syllable (onset, rhyme,
 * tone)? The parser of R-ORTHO-SYLLABLE (rules_syllable.c), kept apart so
 * tests/unit/test_syllable.c can drive it. Private to src/rules/. */
#ifndef KEHOACH_SYLLABLE_H
#define KEHOACH_SYLLABLE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum kh_syl {
    KH_SYL_OK,           /* a well-formed syllable */
    KH_SYL_SKIP,         /* not judged: a capital, a digit, a foreign letter,
                            one letter, no vowel, or a listed loanword */
    KH_SYL_FOREIGN,      /* f, j, w or z: Telex keys left in */
    KH_SYL_VNI,          /* a digit between letters after a vowel: VNI keys */
    KH_SYL_TWO_TONES,    /* more than one tone mark */
    KH_SYL_NO_RHYME,     /* no onset + rhyme makes it up */
    KH_SYL_FRONT,        /* k/gh/ngh not before i, y, e, ê; c/g/ng before them */
    KH_SYL_STOP_TONE,    /* c, ch, p, t ending without sắc or nặng */
    KH_SYL_TONE_PLACE,   /* the tone on the first vowel of ươ, uô, iê, yê */
} kh_syl;

/* The word s[0, n) (UTF-8, NFC) without its tone: its letters folded to
 * one byte each (lower case; ă â ê ô ơ ư đ as A B E O W U D) into
 * key[KH_SYL_KEY], and its tone returned: 0 none, 1 sắc, 2 huyền, 3 hỏi,
 * 4 ngã, 5 nặng; -1 when the word is not Vietnamese letters, has more
 * than one tone mark or is longer than a syllable. Capitals fold too. */
#define KH_SYL_KEY 12
int kh_syllable_key(const char *s, size_t n, char key[KH_SYL_KEY]);
/* A vowel letter of a key: a e i o u y, and ă â ê ô ơ ư as A B E O W U. */
bool kh_syllable_key_vowel(char c);

/* Judge the word s[0, n): a run of letters and digits (UTF-8, NFC). */
kh_syl kh_syllable_judge(const char *s, size_t n);
/* Both at once: the verdict, the key and *key_tone (kh_syllable_key). */
kh_syl kh_syllable_judge_key(const char *s, size_t n, char key[KH_SYL_KEY], int *key_tone);

#endif

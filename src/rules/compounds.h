/* compounds.h — frequent two-syllable words and their tone slips, for
 * R-ORTHO-COMPOUND (the pass of wordscan.c asks, rules_compound.c
 * reports). Private to src/rules/. */
#ifndef KEHOACH_COMPOUNDS_H
#define KEHOACH_COMPOUNDS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct kh_compounds kh_compounds;

/* The words' look-up table, built once per check. */
kh_compounds *kh_compounds_new(void);
void kh_compounds_free(kh_compounds *c);

/* Where a syllable (its kh_syllable_key) stands in some listed word: a
 * set of these bits, 0 for none (most words: the pair is not looked up);
 * when not 0, *id is the syllable's id. */
enum { KH_CPD_FIRST = 1, KH_CPD_SECOND = 2 };
unsigned kh_compounds_where(const kh_compounds *c, const char *key, unsigned *id);

/* Two syllables by their ids (kh_compounds_where) and tones: the index of
 * the listed word they spell with one tone slipped (dropped, or hỏi/ngã
 * swapped), *which saying which syllable (0 or 1); -1 when none (or when
 * they spell a listed word exactly). */
int kh_compounds_slip(const kh_compounds *c, unsigned s1, int t1, unsigned s2, int t2, int *which);

/* Whether the two syllables spell a listed word exactly. */
bool kh_compounds_has(const kh_compounds *c, unsigned s1, int t1, unsigned s2, int t2);
/* The index of the listed word they spell exactly, -1 for none. */
int kh_compounds_find(const kh_compounds *c, unsigned s1, int t1, unsigned s2, int t2);

/* The listed word i ("thực hiện"), NULL past the end; how many there are. */
const char *kh_compound_word(int i);
size_t kh_compound_count(void);

#endif

/* syllable.c — the Vietnamese syllable parser of R-ORTHO-SYLLABLE: a word
 * is an onset (b c ch d đ g gh gi h k kh l m n ng ngh nh p ph q r s t th tr
 * v x, or none), a rhyme from the table below (medial, nucleus, coda) and at
 * most one tone mark; k/gh/ngh stand only before i, y, e, ê and c/g/ng
 * never do; a rhyme ending in a stop (c, ch, p, t) takes sắc or nặng.
 * Where the mark sits is R-ORTHO-TONE's business, not this file's.
 * Sources: Quy định về chính tả tiếng Việt (QĐ 240/QĐ, Bộ Giáo dục, 1984);
 * the syllable structure of Đoàn Thiện Thuật, Ngữ âm tiếng Việt (1977). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kehoach/text.h"
#include "syllable.h"

/* A letter folded to one byte: the base letter in lower case, with the
 * letters of their own written as A ă, B â, E ê, O ô, W ơ, U ư, D đ; and
 * its tone (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng) plus 8 for a capital.
 * Generated from Unicode's decompositions; 0: not a Vietnamese letter. */
static const unsigned char vi_lo[][2] = { /* U+00C0..U+01B0 */
    [0xC0 - 0xC0] = {'a', 10}, [0xC1 - 0xC0] = {'a', 9}, [0xC2 - 0xC0] = {'B', 8},
    [0xC3 - 0xC0] = {'a', 12}, [0xC8 - 0xC0] = {'e', 10}, [0xC9 - 0xC0] = {'e', 9},
    [0xCA - 0xC0] = {'E', 8}, [0xCC - 0xC0] = {'i', 10}, [0xCD - 0xC0] = {'i', 9},
    [0xD2 - 0xC0] = {'o', 10}, [0xD3 - 0xC0] = {'o', 9}, [0xD4 - 0xC0] = {'O', 8},
    [0xD5 - 0xC0] = {'o', 12}, [0xD9 - 0xC0] = {'u', 10}, [0xDA - 0xC0] = {'u', 9},
    [0xDD - 0xC0] = {'y', 9}, [0xE0 - 0xC0] = {'a', 2}, [0xE1 - 0xC0] = {'a', 1},
    [0xE2 - 0xC0] = {'B', 0}, [0xE3 - 0xC0] = {'a', 4}, [0xE8 - 0xC0] = {'e', 2},
    [0xE9 - 0xC0] = {'e', 1}, [0xEA - 0xC0] = {'E', 0}, [0xEC - 0xC0] = {'i', 2},
    [0xED - 0xC0] = {'i', 1}, [0xF2 - 0xC0] = {'o', 2}, [0xF3 - 0xC0] = {'o', 1},
    [0xF4 - 0xC0] = {'O', 0}, [0xF5 - 0xC0] = {'o', 4}, [0xF9 - 0xC0] = {'u', 2},
    [0xFA - 0xC0] = {'u', 1}, [0xFD - 0xC0] = {'y', 1}, [0x102 - 0xC0] = {'A', 8},
    [0x103 - 0xC0] = {'A', 0}, [0x110 - 0xC0] = {'D', 8}, [0x111 - 0xC0] = {'D', 0},
    [0x128 - 0xC0] = {'i', 12}, [0x129 - 0xC0] = {'i', 4}, [0x168 - 0xC0] = {'u', 12},
    [0x169 - 0xC0] = {'u', 4}, [0x1A0 - 0xC0] = {'W', 8}, [0x1A1 - 0xC0] = {'W', 0},
    [0x1AF - 0xC0] = {'U', 8}, [0x1B0 - 0xC0] = {'U', 0},
};
static const unsigned char vi_hi[][2] = { /* U+1EA0..U+1EF9 */
    [0x1EA0 - 0x1EA0] = {'a', 13}, [0x1EA1 - 0x1EA0] = {'a', 5}, [0x1EA2 - 0x1EA0] = {'a', 11},
    [0x1EA3 - 0x1EA0] = {'a', 3}, [0x1EA4 - 0x1EA0] = {'B', 9}, [0x1EA5 - 0x1EA0] = {'B', 1},
    [0x1EA6 - 0x1EA0] = {'B', 10}, [0x1EA7 - 0x1EA0] = {'B', 2}, [0x1EA8 - 0x1EA0] = {'B', 11},
    [0x1EA9 - 0x1EA0] = {'B', 3}, [0x1EAA - 0x1EA0] = {'B', 12}, [0x1EAB - 0x1EA0] = {'B', 4},
    [0x1EAC - 0x1EA0] = {'B', 13}, [0x1EAD - 0x1EA0] = {'B', 5}, [0x1EAE - 0x1EA0] = {'A', 9},
    [0x1EAF - 0x1EA0] = {'A', 1}, [0x1EB0 - 0x1EA0] = {'A', 10}, [0x1EB1 - 0x1EA0] = {'A', 2},
    [0x1EB2 - 0x1EA0] = {'A', 11}, [0x1EB3 - 0x1EA0] = {'A', 3}, [0x1EB4 - 0x1EA0] = {'A', 12},
    [0x1EB5 - 0x1EA0] = {'A', 4}, [0x1EB6 - 0x1EA0] = {'A', 13}, [0x1EB7 - 0x1EA0] = {'A', 5},
    [0x1EB8 - 0x1EA0] = {'e', 13}, [0x1EB9 - 0x1EA0] = {'e', 5}, [0x1EBA - 0x1EA0] = {'e', 11},
    [0x1EBB - 0x1EA0] = {'e', 3}, [0x1EBC - 0x1EA0] = {'e', 12}, [0x1EBD - 0x1EA0] = {'e', 4},
    [0x1EBE - 0x1EA0] = {'E', 9}, [0x1EBF - 0x1EA0] = {'E', 1}, [0x1EC0 - 0x1EA0] = {'E', 10},
    [0x1EC1 - 0x1EA0] = {'E', 2}, [0x1EC2 - 0x1EA0] = {'E', 11}, [0x1EC3 - 0x1EA0] = {'E', 3},
    [0x1EC4 - 0x1EA0] = {'E', 12}, [0x1EC5 - 0x1EA0] = {'E', 4}, [0x1EC6 - 0x1EA0] = {'E', 13},
    [0x1EC7 - 0x1EA0] = {'E', 5}, [0x1EC8 - 0x1EA0] = {'i', 11}, [0x1EC9 - 0x1EA0] = {'i', 3},
    [0x1ECA - 0x1EA0] = {'i', 13}, [0x1ECB - 0x1EA0] = {'i', 5}, [0x1ECC - 0x1EA0] = {'o', 13},
    [0x1ECD - 0x1EA0] = {'o', 5}, [0x1ECE - 0x1EA0] = {'o', 11}, [0x1ECF - 0x1EA0] = {'o', 3},
    [0x1ED0 - 0x1EA0] = {'O', 9}, [0x1ED1 - 0x1EA0] = {'O', 1}, [0x1ED2 - 0x1EA0] = {'O', 10},
    [0x1ED3 - 0x1EA0] = {'O', 2}, [0x1ED4 - 0x1EA0] = {'O', 11}, [0x1ED5 - 0x1EA0] = {'O', 3},
    [0x1ED6 - 0x1EA0] = {'O', 12}, [0x1ED7 - 0x1EA0] = {'O', 4}, [0x1ED8 - 0x1EA0] = {'O', 13},
    [0x1ED9 - 0x1EA0] = {'O', 5}, [0x1EDA - 0x1EA0] = {'W', 9}, [0x1EDB - 0x1EA0] = {'W', 1},
    [0x1EDC - 0x1EA0] = {'W', 10}, [0x1EDD - 0x1EA0] = {'W', 2}, [0x1EDE - 0x1EA0] = {'W', 11},
    [0x1EDF - 0x1EA0] = {'W', 3}, [0x1EE0 - 0x1EA0] = {'W', 12}, [0x1EE1 - 0x1EA0] = {'W', 4},
    [0x1EE2 - 0x1EA0] = {'W', 13}, [0x1EE3 - 0x1EA0] = {'W', 5}, [0x1EE4 - 0x1EA0] = {'u', 13},
    [0x1EE5 - 0x1EA0] = {'u', 5}, [0x1EE6 - 0x1EA0] = {'u', 11}, [0x1EE7 - 0x1EA0] = {'u', 3},
    [0x1EE8 - 0x1EA0] = {'U', 9}, [0x1EE9 - 0x1EA0] = {'U', 1}, [0x1EEA - 0x1EA0] = {'U', 10},
    [0x1EEB - 0x1EA0] = {'U', 2}, [0x1EEC - 0x1EA0] = {'U', 11}, [0x1EED - 0x1EA0] = {'U', 3},
    [0x1EEE - 0x1EA0] = {'U', 12}, [0x1EEF - 0x1EA0] = {'U', 4}, [0x1EF0 - 0x1EA0] = {'U', 13},
    [0x1EF1 - 0x1EA0] = {'U', 5}, [0x1EF2 - 0x1EA0] = {'y', 10}, [0x1EF3 - 0x1EA0] = {'y', 2},
    [0x1EF4 - 0x1EA0] = {'y', 13}, [0x1EF5 - 0x1EA0] = {'y', 5}, [0x1EF6 - 0x1EA0] = {'y', 11},
    [0x1EF7 - 0x1EA0] = {'y', 3}, [0x1EF8 - 0x1EA0] = {'y', 12}, [0x1EF9 - 0x1EA0] = {'y', 4},
};

/* Every rhyme of the language in the folded letters above (ă A, â B, ê E,
 * ô O, ơ W, ư U), packed four letters to a word (NUL-padded, first letter
 * highest: the order of strcmp) and sorted for a binary search. q: only
 * after q, where the u is the medial (qua-n, not hua-n: elsewhere that
 * medial is written o). */
#define RH4(a, b, c, d) \
    ((uint32_t)(unsigned char)(a) << 24 | (uint32_t)(unsigned char)(b) << 16 | \
     (uint32_t)(unsigned char)(c) << 8 | (uint32_t)(unsigned char)(d))
#define RH3(a, b, c) RH4(a, b, c, 0)
#define RH2(a, b) RH4(a, b, 0, 0)
#define RH1(a) RH4(a, 0, 0, 0)
typedef struct rhyme {
    uint32_t r;
    int q_only;
} rhyme;
static const rhyme rhymes[] = {
    {RH2('A','c'), 0}, /* ăc */  {RH2('A','m'), 0}, /* ăm */
    {RH2('A','n'), 0}, /* ăn */  {RH3('A','n','g'), 0}, /* ăng */
    {RH2('A','p'), 0}, /* ăp */  {RH2('A','t'), 0}, /* ăt */
    {RH2('B','c'), 0}, /* âc */  {RH2('B','m'), 0}, /* âm */
    {RH2('B','n'), 0}, /* ân */  {RH3('B','n','g'), 0}, /* âng */
    {RH2('B','p'), 0}, /* âp */  {RH2('B','t'), 0}, /* ât */
    {RH2('B','u'), 0}, /* âu */  {RH2('B','y'), 0}, /* ây */
    {RH1('E'), 0}, /* ê */  {RH3('E','c','h'), 0}, /* êch */
    {RH2('E','m'), 0}, /* êm */  {RH2('E','n'), 0}, /* ên */
    {RH3('E','n','h'), 0}, /* ênh */  {RH2('E','p'), 0}, /* êp */
    {RH2('E','t'), 0}, /* êt */  {RH2('E','u'), 0}, /* êu */
    {RH1('O'), 0}, /* ô */  {RH2('O','c'), 0}, /* ôc */
    {RH2('O','i'), 0}, /* ôi */  {RH2('O','m'), 0}, /* ôm */
    {RH2('O','n'), 0}, /* ôn */  {RH3('O','n','g'), 0}, /* ông */
    {RH2('O','p'), 0}, /* ôp */  {RH2('O','t'), 0}, /* ôt */
    {RH1('U'), 0}, /* ư */  {RH3('U','W','c'), 0}, /* ươc */
    {RH3('U','W','i'), 0}, /* ươi */  {RH3('U','W','m'), 0}, /* ươm */
    {RH3('U','W','n'), 0}, /* ươn */  {RH4('U','W','n','g'), 0}, /* ương */
    {RH3('U','W','p'), 0}, /* ươp */  {RH3('U','W','t'), 0}, /* ươt */
    {RH3('U','W','u'), 0}, /* ươu */  {RH2('U','a'), 0}, /* ưa */
    {RH2('U','c'), 0}, /* ưc */  {RH2('U','i'), 0}, /* ưi */
    {RH2('U','m'), 0}, /* ưm */  {RH2('U','n'), 0}, /* ưn */
    {RH3('U','n','g'), 0}, /* ưng */  {RH2('U','t'), 0}, /* ưt */
    {RH2('U','u'), 0}, /* ưu */  {RH1('W'), 0}, /* ơ */
    {RH2('W','i'), 0}, /* ơi */  {RH2('W','m'), 0}, /* ơm */
    {RH2('W','n'), 0}, /* ơn */  {RH2('W','p'), 0}, /* ơp */
    {RH2('W','t'), 0}, /* ơt */  {RH1('a'), 0}, /* a */
    {RH2('a','c'), 0}, /* ac */  {RH3('a','c','h'), 0}, /* ach */
    {RH2('a','i'), 0}, /* ai */  {RH2('a','m'), 0}, /* am */
    {RH2('a','n'), 0}, /* an */  {RH3('a','n','g'), 0}, /* ang */
    {RH3('a','n','h'), 0}, /* anh */  {RH2('a','o'), 0}, /* ao */
    {RH2('a','p'), 0}, /* ap */  {RH2('a','t'), 0}, /* at */
    {RH2('a','u'), 0}, /* au */  {RH2('a','y'), 0}, /* ay */
    {RH1('e'), 0}, /* e */  {RH2('e','c'), 0}, /* ec */
    {RH2('e','m'), 0}, /* em */  {RH2('e','n'), 0}, /* en */
    {RH3('e','n','g'), 0}, /* eng */  {RH2('e','o'), 0}, /* eo */
    {RH2('e','p'), 0}, /* ep */  {RH2('e','t'), 0}, /* et */
    {RH1('i'), 0}, /* i */  {RH3('i','E','c'), 0}, /* iêc */
    {RH3('i','E','m'), 0}, /* iêm */  {RH3('i','E','n'), 0}, /* iên */
    {RH4('i','E','n','g'), 0}, /* iêng */  {RH3('i','E','p'), 0}, /* iêp */
    {RH3('i','E','t'), 0}, /* iêt */  {RH3('i','E','u'), 0}, /* iêu */
    {RH2('i','a'), 0}, /* ia */  {RH3('i','c','h'), 0}, /* ich */
    {RH2('i','m'), 0}, /* im */  {RH2('i','n'), 0}, /* in */
    {RH3('i','n','h'), 0}, /* inh */  {RH2('i','p'), 0}, /* ip */
    {RH2('i','t'), 0}, /* it */  {RH2('i','u'), 0}, /* iu */
    {RH1('o'), 0}, /* o */  {RH3('o','A','c'), 0}, /* oăc */
    {RH3('o','A','m'), 0}, /* oăm */  {RH3('o','A','n'), 0}, /* oăn */
    {RH4('o','A','n','g'), 0}, /* oăng */  {RH3('o','A','t'), 0}, /* oăt */
    {RH2('o','a'), 0}, /* oa */  {RH3('o','a','c'), 0}, /* oac */
    {RH4('o','a','c','h'), 0}, /* oach */  {RH3('o','a','i'), 0}, /* oai */
    {RH3('o','a','m'), 0}, /* oam */  {RH3('o','a','n'), 0}, /* oan */
    {RH4('o','a','n','g'), 0}, /* oang */  {RH4('o','a','n','h'), 0}, /* oanh */
    {RH3('o','a','p'), 0}, /* oap */  {RH3('o','a','t'), 0}, /* oat */
    {RH3('o','a','y'), 0}, /* oay */  {RH2('o','c'), 0}, /* oc */
    {RH2('o','e'), 0}, /* oe */  {RH3('o','e','n'), 0}, /* oen */
    {RH3('o','e','o'), 0}, /* oeo */  {RH3('o','e','t'), 0}, /* oet */
    {RH2('o','i'), 0}, /* oi */  {RH2('o','m'), 0}, /* om */
    {RH2('o','n'), 0}, /* on */  {RH3('o','n','g'), 0}, /* ong */
    {RH3('o','o','c'), 0}, /* ooc */  {RH4('o','o','n','g'), 0}, /* oong */
    {RH2('o','p'), 0}, /* op */  {RH2('o','t'), 0}, /* ot */
    {RH1('u'), 0}, /* u */  {RH3('u','A','c'), 1}, /* uăc */
    {RH3('u','A','m'), 1}, /* uăm */  {RH3('u','A','n'), 1}, /* uăn */
    {RH4('u','A','n','g'), 1}, /* uăng */  {RH3('u','A','p'), 1}, /* uăp */
    {RH3('u','A','t'), 1}, /* uăt */  {RH3('u','B','n'), 0}, /* uân */
    {RH4('u','B','n','g'), 0}, /* uâng */  {RH3('u','B','t'), 0}, /* uât */
    {RH3('u','B','y'), 0}, /* uây */  {RH2('u','E'), 0}, /* uê */
    {RH4('u','E','c','h'), 0}, /* uêch */  {RH3('u','E','n'), 1}, /* uên */
    {RH4('u','E','n','h'), 0}, /* uênh */  {RH3('u','E','t'), 1}, /* uêt */
    {RH3('u','O','c'), 0}, /* uôc */  {RH3('u','O','i'), 0}, /* uôi */
    {RH3('u','O','m'), 0}, /* uôm */  {RH3('u','O','n'), 0}, /* uôn */
    {RH4('u','O','n','g'), 0}, /* uông */  {RH3('u','O','t'), 0}, /* uôt */
    {RH2('u','W'), 0}, /* uơ */  {RH2('u','a'), 0}, /* ua */
    {RH3('u','a','c'), 1}, /* uac */  {RH4('u','a','c','h'), 1}, /* uach */
    {RH3('u','a','i'), 1}, /* uai */  {RH3('u','a','n'), 1}, /* uan */
    {RH4('u','a','n','g'), 1}, /* uang */  {RH4('u','a','n','h'), 1}, /* uanh */
    {RH3('u','a','o'), 1}, /* uao */  {RH3('u','a','t'), 1}, /* uat */
    {RH3('u','a','y'), 1}, /* uay */  {RH2('u','c'), 0}, /* uc */
    {RH2('u','e'), 1}, /* ue */  {RH3('u','e','n'), 1}, /* uen */
    {RH3('u','e','o'), 1}, /* ueo */  {RH3('u','e','t'), 1}, /* uet */
    {RH2('u','i'), 0}, /* ui */  {RH2('u','m'), 0}, /* um */
    {RH2('u','n'), 0}, /* un */  {RH3('u','n','g'), 0}, /* ung */
    {RH2('u','p'), 0}, /* up */  {RH2('u','t'), 0}, /* ut */
    {RH2('u','y'), 0}, /* uy */  {RH4('u','y','E','n'), 0}, /* uyên */
    {RH4('u','y','E','t'), 0}, /* uyêt */  {RH3('u','y','a'), 0}, /* uya */
    {RH4('u','y','c','h'), 0}, /* uych */  {RH3('u','y','n'), 0}, /* uyn */
    {RH4('u','y','n','h'), 0}, /* uynh */  {RH3('u','y','p'), 0}, /* uyp */
    {RH3('u','y','t'), 0}, /* uyt */  {RH3('u','y','u'), 0}, /* uyu */
    {RH1('y'), 0}, /* y */  {RH3('y','E','m'), 0}, /* yêm */
    {RH3('y','E','n'), 0}, /* yên */  {RH3('y','E','t'), 0}, /* yêt */
    {RH3('y','E','u'), 0}, /* yêu */
};
#define N_RHYMES (sizeof rhymes / sizeof rhymes[0])

/* The rhyme w[0, n), or NULL. */
static const rhyme *find_rhyme(const char *w, size_t n)
{
    if (n == 0 || n > 4)
        return NULL;
    uint32_t key = 0;
    for (size_t i = 0; i < 4; i++)
        key = key << 8 | (i < n ? (unsigned char)w[i] : 0u);
    size_t lo = 0, hi = N_RHYMES;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (rhymes[mid].r < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < N_RHYMES && rhymes[lo].r == key ? &rhymes[lo] : NULL;
}

bool kh_syllable_key_vowel(char c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
    case 'A': case 'B': case 'E': case 'O': case 'W': case 'U':
        return true;
    default:
        return false;
    }
}

/* What an onset asks of the rhyme after it. */
enum {
    ON_ANY,
    ON_FRONT,    /* k, gh, ngh: only before i, y, e, ê */
    ON_BACK,     /* c, ng: never before them */
    ON_G,        /* g: not before y, e, ê (g + i is gi + i: gì, gìn) */
    ON_Q,        /* q: only before its u */
};
typedef struct onset {
    unsigned char len, rule;
} onset;

/* The onset of a folded word: the longest of b c ch d đ g gh gi h k kh l m
 * n ng ngh nh p ph q r s t th tr v x (p alone for the loans the language
 * has taken in: pin, pa nô), or none before a vowel. gi is tried as gi
 * and as g (gì, gìn: the i belongs to the rhyme). Fills o[] with up to two
 * candidates; returns how many. */
static int onsets_of(const char *w, onset o[2])
{
    char c1 = w[1], c2 = c1 ? w[2] : 0;
    o[0] = (onset){1, ON_ANY};
    switch (w[0]) {
    case 'n':
        if (c1 == 'g')
            o[0] = c2 == 'h' ? (onset){3, ON_FRONT} : (onset){2, ON_BACK};
        else if (c1 == 'h')
            o[0].len = 2;
        return 1;
    case 'c':
        o[0] = c1 == 'h' ? (onset){2, ON_ANY} : (onset){1, ON_BACK};
        return 1;
    case 'g':
        if (c1 == 'i') {
            o[0] = (onset){2, ON_ANY};
            o[1] = (onset){1, ON_G};
            return 2;
        }
        o[0] = c1 == 'h' ? (onset){2, ON_FRONT} : (onset){1, ON_G};
        return 1;
    case 'k':
        o[0] = c1 == 'h' ? (onset){2, ON_ANY} : (onset){1, ON_FRONT};
        return 1;
    case 'p':
        o[0].len = c1 == 'h' ? 2 : 1;
        return 1;
    case 't':
        o[0].len = c1 == 'h' || c1 == 'r' ? 2 : 1;
        return 1;
    case 'q':
        o[0].rule = ON_Q;
        return 1;
    case 'b': case 'd': case 'D': case 'h': case 'l': case 'm': case 'r': case 's':
    case 'v': case 'x':
        return 1;
    default:
        o[0].len = 0;
        return kh_syllable_key_vowel(w[0]) ? 1 : 0;
    }
}

/* Loanwords plans write in lower case as one word, judged as spelt
 * (sorted by strcmp; UTF-8). Documented in docs/rules.md. */
static const char *const loans[] = {
    "app", "audio", "banner", "blog", "camera", "chatbot", "clip", "code", "container", "covid",
    "data", "email", "facebook", "fanpage", "fax", "festival", "file", "gala", "game", "gen",
    "google", "hashtag", "hotline", "infographic", "insulin", "internet", "karaoke", "kilôgam",
    "kilômét", "laptop", "link", "livestream", "logo", "marketing", "offline", "online", "oxy",
    "pano", "panô", "podcast", "polio", "poster", "radio", "robot", "rotavirus", "rubella",
    "show", "slogan", "smartphone", "startup", "taxi", "telegram", "tiktok", "tivi", "vaccine",
    "viber", "video", "virus", "visa", "web", "website", "wifi", "youtube", "zalo", "zoom",
};

static int cmp_str(const void *k, const void *e)
{
    return strcmp(k, *(const char *const *)e);
}


/* The folded letter and tone of a code point; false if not Vietnamese. */
static bool fold(uint32_t cp, char *base, int *tone)
{
    const unsigned char *e = NULL;
    if (cp < 0x80) {
        if (cp >= 'a' && cp <= 'z') {
            *base = (char)cp;
            *tone = 0;
            return true;
        }
        if (cp >= 'A' && cp <= 'Z') {
            *base = (char)(cp + 32);
            *tone = 8;
            return true;
        }
        return false;
    }
    if (cp >= 0xC0 && cp <= 0x1B0)
        e = vi_lo[cp - 0xC0];
    else if (cp >= 0x1EA0 && cp <= 0x1EF9)
        e = vi_hi[cp - 0x1EA0];
    if (!e || !e[0])
        return false;
    *base = (char)e[0];
    *tone = e[1];
    return true;
}

static bool front(char c)
{
    return c == 'i' || c == 'y' || c == 'e' || c == 'E';
}

/* Judge onset o + rhyme r[0, n) (found in the table) with the word's tone. */
static kh_syl judge_split(onset o, const rhyme *rh, const char *r, size_t n, int tone)
{
    char first = r[0], last = r[n - 1];
    if ((o.rule == ON_Q) != (rh->q_only || (o.rule == ON_Q && first == 'u')))
        return KH_SYL_NO_RHYME; /* q wants its u; u + a/ă/e wants q */
    if ((o.rule == ON_FRONT && !front(first)) || (o.rule == ON_BACK && front(first)) ||
        (o.rule == ON_G && front(first) && first != 'i'))
        return KH_SYL_FRONT;
    bool stop = last == 'c' || last == 'p' || last == 't' ||
                (n >= 2 && r[n - 2] == 'c' && last == 'h');
    if (stop && tone != 1 && tone != 5)
        return KH_SYL_STOP_TONE;
    return KH_SYL_OK;
}

/* A VNI leftover: lower-case letters, then digits right after a vowel,
 * then letters again (vie65t). */
static bool vni_leftover(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && s[i] >= 'a' && s[i] <= 'z')
        i++;
    if (i == 0 || i == n || !strchr("aeiouy", s[i - 1]))
        return false;
    size_t d = i;
    while (i < n && s[i] >= '1' && s[i] <= '9')
        i++;
    if (i == d || i == n)
        return false;
    for (; i < n; i++)
        if (!(s[i] >= 'a' && s[i] <= 'z'))
            return false;
    return true;
}

/* A tone on the first vowel of ươ, uô, iê or yê: in these the tone sits
 * on the second, in every style (QĐ 240/QĐ 1984; the new and the old
 * placement differ on oa, oe, uy only): trửơng for trưởng. The folded
 * letters: U ư, W ơ, O ô, E ê. */
static bool misplaced(char first, char second)
{
    return (first == 'U' && second == 'W') || (first == 'u' && second == 'O') ||
           (first == 'i' && second == 'E') || (first == 'y' && second == 'E');
}

/* What stops the judging, in the order the letters meet it. */
enum { STOP_NONE, STOP_DIGIT, STOP_SKIP };

kh_syl kh_syllable_judge_key(const char *s, size_t n, char key[KH_SYL_KEY], int *key_tone)
{
    char w[16];
    size_t m = 0;
    int tone = 0, marks = 0, stop = STOP_NONE;
    size_t toned = 0; /* the letter carrying the tone mark */
    bool vowel = false, foreign = false, keyed = true;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = kh_utf8_next(s + i, n - i, &cp);
        char b;
        int t;
        if (!k || (!(cp >= '0' && cp <= '9') && !fold(cp, &b, &t))) {
            keyed = false;
            if (stop == STOP_NONE)
                stop = STOP_SKIP; /* not a Vietnamese letter */
            break;
        }
        if (cp >= '0' && cp <= '9') {
            keyed = false;
            if (stop == STOP_NONE)
                stop = STOP_DIGIT;
            i += k;
            continue;
        }
        if ((t & 8) && stop == STOP_NONE)
            stop = STOP_SKIP; /* a capital: keyed, not judged */
        if (t & 7) {
            marks++;
            tone = t & 7;
            toned = m;
        }
        vowel |= kh_syllable_key_vowel(b);
        foreign |= b == 'f' || b == 'j' || b == 'w' || b == 'z';
        if (m + 1 < sizeof w)
            w[m] = b;
        if (m + 1 < KH_SYL_KEY)
            key[m] = b;
        else
            keyed = false;
        m++;
        i += k;
    }
    if (keyed && m && marks <= 1) {
        key[m] = '\0';
        *key_tone = tone;
    } else {
        key[0] = '\0';
        *key_tone = -1;
    }
    if (stop == STOP_DIGIT)
        return vni_leftover(s, n) ? KH_SYL_VNI : KH_SYL_SKIP;
    if (stop == STOP_SKIP)
        return KH_SYL_SKIP;
    if (m < 2 || !vowel)
        return KH_SYL_SKIP; /* a letter of a list, an abbreviation */
    kh_syl verdict = KH_SYL_NO_RHYME;
    if (foreign)
        verdict = KH_SYL_FOREIGN;
    else if (marks > 1)
        verdict = KH_SYL_TWO_TONES;
    else if (m < sizeof w && marks && toned + 1 < m && misplaced(w[toned], w[toned + 1]))
        verdict = KH_SYL_TONE_PLACE;
    else if (m < sizeof w) {
        w[m] = '\0';
        onset on[2];
        int n_on = onsets_of(w, on);
        for (int o = 0; o < n_on; o++) {
            const rhyme *r = find_rhyme(w + on[o].len, m - on[o].len);
            if (!r)
                continue;
            kh_syl v = judge_split(on[o], r, w + on[o].len, m - on[o].len, tone);
            if (v == KH_SYL_OK)
                return KH_SYL_OK;
            if (verdict == KH_SYL_NO_RHYME)
                verdict = v; /* the first split's reason */
        }
    }
    if (n < 32) { /* a listed loanword? */
        char loan[32];
        memcpy(loan, s, n);
        loan[n] = '\0';
        if (bsearch(loan, loans, sizeof loans / sizeof loans[0], sizeof loans[0], cmp_str))
            return KH_SYL_SKIP;
    }
    return verdict;
}

kh_syl kh_syllable_judge(const char *s, size_t n)
{
    char key[KH_SYL_KEY];
    int tone;
    return kh_syllable_judge_key(s, n, key, &tone);
}

int kh_syllable_key(const char *s, size_t n, char key[KH_SYL_KEY])
{
    /* kh_syllable_judge_key's key without the verdict (the word list of
     * compounds.c is keyed once per check: the judging is not needed) */
    size_t m = 0;
    int tone = 0, marks = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = kh_utf8_next(s + i, n - i, &cp);
        char b;
        int t;
        if (!k || !fold(cp, &b, &t) || m + 1 >= KH_SYL_KEY) {
            key[0] = '\0';
            return -1;
        }
        if (t & 7) {
            marks++;
            tone = t & 7;
        }
        key[m++] = b;
        i += k;
    }
    if (!m || marks > 1) {
        key[0] = '\0';
        return -1;
    }
    key[m] = '\0';
    return tone;
}

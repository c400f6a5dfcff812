/* scan.h — what the text rules share: a walker over every text of the plan
 * (in reading order) and one over its tables, Markdown bodies split into
 * paragraphs of plain text that keep a byte map back to the YAML value (so a diagnostic points at
 * the exact line and column), and scanners for the things plans write in
 * running text: dates (dd/mm/yyyy and `ngày d tháng m năm y`), document
 * numbers (`17-HD/BTGHU`), citations, year ranges. Private to src/rules/. */
#ifndef KEHOACH_SCAN_H
#define KEHOACH_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kehoach/plan.h"
#include "rule.h"

typedef enum kh_field_kind {
    KH_F_HEADER,     /* superior, issuer, place */
    KH_F_NUMBER,     /* the number as typed */
    KH_F_TITLE,      /* trích yếu (inline Markdown) */
    KH_F_CITATION,   /* implements: type, issuer, subject */
    KH_F_INTRO,
    KH_F_SEC_TITLE,
    KH_F_SEC_BODY,
    KH_F_EVENT,
    KH_F_UNIT_NAME,
    KH_F_UNIT_BODY,
    KH_F_TASK,
    KH_F_CLOSING,
    KH_F_RECIPIENT,
    KH_F_SIGNATURE,
    KH_F_BASIS,      /* căn cứ lines (`basis:`) */
    KH_F_TABLE,      /* a table's caption, cells and note (`table:`) */
} kh_field_kind;

/* One text value of the plan. */
typedef struct kh_field {
    const kh_text *t;
    kh_field_kind kind;
    bool markdown;            /* a Markdown body: split into paragraphs */
    const kh_section *sec;    /* the section it belongs to, if any */
    const kh_unit *unit;      /* the unit it belongs to, if any */
    int depth;                /* depth of sec (0: Roman) */
} kh_field;

/* Every text of the plan in reading order: header, number, title,
 * citations, căn cứ lines, intro, sections (title, body, table, events,
 * subsections, units), closing, recipients, signature, annexes (as
 * sections of depth 0). */
typedef void (*kh_field_fn)(const kh_field *f, void *ctx);
void kh_walk_fields(const kh_plan *p, kh_field_fn fn, void *ctx);

/* A paragraph as plain text: emphasis markers dropped, line breaks and the
 * indentation after them folded to one space. map[i] is the byte offset in
 * field->t->s of s[i]; map[len] is the end. */
typedef struct kh_para {
    const kh_field *field;
    char *s;
    size_t len;
    size_t *map;
    int index;        /* 0, 1, … within the field */
    size_t seq;       /* 0, 1, … among all paragraphs of the plan */
    bool item_start;  /* first paragraph of a list item */
    bool in_list;
} kh_para;

typedef void (*kh_para_fn)(const kh_para *pa, void *ctx);
/* Every paragraph of every field (fields that are not Markdown give one
 * paragraph holding the whole value). Fields are filtered by `mask`, a set
 * of (1u << kh_field_kind) bits; 0 means all. */
void kh_walk_paras(kh_rule_ctx *cx, unsigned mask, kh_para_fn fn, void *ctx);
/* The paragraphs, built once per check (kh_check owns the index). */
kh_para_index *kh_para_index_build(const kh_plan *p);
void kh_para_index_free(kh_para_index *x);
/* The same with every Markdown body parsed by cmark (no fast path for
 * plain bodies), and the paragraphs one by one: for test_para_split.c,
 * which holds the two to the same paragraphs. */
kh_para_index *kh_para_index_build_parsed(const kh_plan *p);
size_t kh_para_index_count(const kh_para_index *x);
const kh_para *kh_para_index_get(const kh_para_index *x, size_t i);
#define KH_BODY_FIELDS                                                        \
    ((1u << KH_F_INTRO) | (1u << KH_F_SEC_BODY) | (1u << KH_F_EVENT) |      \
     (1u << KH_F_UNIT_BODY) | (1u << KH_F_TASK) | (1u << KH_F_CLOSING))
#define KH_PROSE_FIELDS                                                       \
    (KH_BODY_FIELDS | (1u << KH_F_TITLE) | (1u << KH_F_SEC_TITLE) |          \
     (1u << KH_F_UNIT_NAME) | (1u << KH_F_CITATION) | (1u << KH_F_BASIS) |  \
     (1u << KH_F_TABLE))

/* Position in the plan file of s[i] of a paragraph. */
kh_pos kh_para_pos(const kh_para *pa, size_t i);

/* The scanners skip with kh_skip_to (kehoach/text.h) to the bytes they
 * look for. */
#define KH_DIGITS "0123456789"

/* Bytes of s[0, avail) to quote in a message: at most max, cut at a
 * character boundary (so a message never holds half a character). */
int kh_cut(const char *s, size_t avail, size_t max);

/* ---- character classes (UTF-8) ---- */
bool kh_cp_is_letter(uint32_t cp);                          /* letter, mark or digit */
bool kh_is_letter_at(const char *s, size_t len, size_t i);  /* letter or digit */
/* The bytes of the label of a point that opens s: `a) `, `b. `, `đ) `,
 * `1) ` (NĐ 30 Phụ lục I: khoản 1., 2., điểm a), b); the a., b. of Party
 * documents), spaces before it included; 0 when there is none. */
size_t kh_point_label(const char *s, size_t len);
bool kh_word_start(const char *s, size_t i);                /* no letter before i */
bool kh_word_end(const char *s, size_t len, size_t i);      /* no letter at i */
bool kh_is_upper_at(const char *s, size_t len, size_t i);
bool kh_is_lower_at(const char *s, size_t len, size_t i);
/* Offset of the first word of s that starts in lower case, or strlen(s):
 * a proper name (a signer, a place) capitalises every word. */
size_t kh_first_lower_word(const char *s);
/* Find needle at or after `from` as whole words; returns offset or len. */
size_t kh_find_word(const char *s, size_t len, size_t from, const char *needle);
/* The same, the first letter of needle matching in either case. s[len]
 * must be readable (the NUL of a whole text lets it search with strstr). */
size_t kh_find_word_ci1(const char *s, size_t len, size_t from, const char *needle);
/* Case-insensitive search (Vietnamese-aware; ủy and uỷ are the same). */
bool kh_contains_ci(const char *hay, const char *needle);
/* Lower-case and fold the tone-mark placement variants (uỷ → ủy, hoá →
 * hóa …); malloc'd. For comparing names. */
char *kh_fold(const char *s);

/* ---- word lists (words.c) ---- */
/* Up to KH_WORDS_MAX words or phrases searched together, whole words only:
 * each as written (kh_find_word) or with its first letter in either case
 * (kh_find_word_ci1). Zero-initialise, add the words, then search. */
#define KH_WORDS_MAX 128
#define KH_WORDS_HASH 4096
typedef struct kh_words {
    size_t n;
    struct kh_word {
        const char *s;     /* the word as listed */
        size_t len;
        size_t first;      /* bytes of its first code point */
        char alt[4];       /* that code point in the other case */
        size_t alt_len;    /* 0: no other case (or matched as written) */
    } w[KH_WORDS_MAX];
    uint64_t starts[KH_WORDS_HASH][KH_WORDS_MAX / 64]; /* by the first three
                                       bytes: which words may start there
                                       (bit per word) */
} kh_words;
typedef struct kh_word_match {
    size_t at;    /* byte offset in the text */
    size_t which; /* index in the list */
} kh_word_match;
typedef struct kh_word_matches { /* reused from text to text */
    kh_word_match *v;
    size_t n, cap;
} kh_word_matches;
/* Add a word; returns its index. Aborts past KH_WORDS_MAX (a programming
 * error: the lists are static tables). */
size_t kh_words_add(kh_words *w, const char *word, bool either_case);
/* Every whole-word match in s[0, len), appended to *out in order of word
 * and, for one word, of place: the order of one kh_find_word loop per
 * word. */
void kh_words_find(const kh_words *w, const char *s, size_t len, kh_word_matches *out);
void kh_word_matches_free(kh_word_matches *m);

/* ---- dates in running text ---- */
typedef struct kh_found_date {
    size_t start, end;  /* byte range in the scanned text */
    kh_date date;       /* as written; may not exist (see valid) */
    bool valid;         /* a real calendar day */
    bool long_form;     /* `ngày 24 tháng 7 năm 2023` */
} kh_found_date;
/* The next full date at or after `from` (d/m/yyyy, dd/mm/yyyy, or the long
 * form with a day). Fragments (`2/9`, `12/2024`, `Quý I năm 2024`) are not
 * dates and are skipped. */
bool kh_next_date(const char *s, size_t len, size_t from, kh_found_date *out);

/* ---- document numbers and citations ---- */
typedef struct kh_found_num {
    size_t start, end;      /* the number itself: `17-HD/BTGHU` */
    char num[64];           /* normalised (spaces removed) */
    char type[16];          /* HD; "" for a law's `85/2015/QH13` */
    char code[32];          /* BTGHU */
    int value;              /* 17; -1 when blank */
    /* The state form of NĐ 30 (`12/KH-UBND`, `13/2023/NĐ-CP`) rather than
     * the Party's (`17-HD/BTGHU`); year: the year written inside the
     * number (`13/2023/NĐ-CP`), else 0; law: a law's or ordinance's number
     * (`85/2015/QH13`: a year and no type), cited by name alone. */
    bool state_form, law;
    int year;
    bool spaced;            /* written with spaces around - or / */
    bool has_so;            /* preceded by `số ` */
    size_t cite_start;      /* start of `<Type> số …` when found, else start */
    /* The date given with the citation, if any. */
    bool has_date;
    bool comma_before_date; /* `17-HD/BTGHU, ngày …` */
    kh_found_date date;
    size_t body_start, body_end; /* text after `của ` (the issuing body) */
} kh_found_num;
/* The next document number at or after `from`: the Party form (`N-XX/YYY`,
 * HD 36) or the state form (`N/XX-YYY`, `N/yyyy/XX-YYY`, NĐ 30 Phụ lục
 * III). A state number without digits counts only after `số` or a
 * placeholder (`số …/KH-UBND`). */
bool kh_next_docnum(const char *s, size_t len, size_t from, kh_found_num *out);

/* ---- ranges ---- */
typedef struct kh_found_range {
    size_t start, end, dash;   /* dash: offset of the '-' */
    int y1, y2;                /* years */
    kh_date d1, d2;            /* full dates when written as dates */
    bool dates;
    bool spaced;               /* ` - ` rather than `-` */
    bool paren;                /* inside ( ) */
} kh_found_range;
/* The next year or date range `1930 - 1945`, `22/9/1943-22/9/2023`. */
bool kh_next_range(const char *s, size_t len, size_t from, kh_found_range *out);

/* ---- tables (tables.c): data kept in one place ---- */
/* Expected issuer code for a body name (`Ban Tuyên giáo Huyện ủy` → BTGHU);
 * NULL when the name is not recognised. Writes into buf (>= 32 bytes). */
const char *kh_issuer_code_for(const char *body, char *buf);
/* code is one the body may carry (ThU or TU for a thành ủy whose city is not
 * named); true for an unknown body. want receives the usual code. */
bool kh_issuer_code_fits(const char *body, const char *code, char *want);
/* body is directly under the Central Committee (a tỉnh ủy, the thành ủy of a
 * centrally-run city, a central body or đảng ủy): its header has no
 * superior line. */
bool kh_issuer_under_central(const char *body);
/* The central body a name opens with, as an index (Bộ Chính trị 1, Ban Bí
 * thư 2, Ban Chấp hành Trung ương 3, Quốc hội 4, its Ủy ban Thường vụ 5,
 * Thủ tướng Chính phủ 6, Chính phủ 7): each issues apart though the Party's
 * share the code TW. -1 for any other name. */
int kh_central_body(const char *name);

/* Every table (`table:`) of the sections, subsections and annexes, in
 * reading order; fn is called for each one that has rows and columns. */
typedef void (*kh_table_fn)(const kh_table *t, kh_rule_ctx *cx);
void kh_walk_tables(const kh_plan *p, kh_rule_ctx *cx, kh_table_fn fn);

#endif

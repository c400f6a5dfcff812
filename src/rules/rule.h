/* rule.h — what a rule function sees: the plan, and kh_report() to emit a
 * diagnostic under its own ID and severity. Private to src/rules/. */
#ifndef KEHOACH_RULE_H
#define KEHOACH_RULE_H

#include "kehoach/check.h"
#include "kehoach/diag.h"
#include "kehoach/plan.h"

typedef struct kh_para_index kh_para_index; /* scan.h: paragraphs, built once */
struct kh_cites;
struct kh_text_hits;
struct kh_word_scan;

/* What the rules of one kh_check run share: built by the first rule that
 * needs it, freed by kh_check. */
typedef struct kh_check_shared {
    kh_para_index *paras;
    struct kh_cites *cites;        /* rules_citations.c */
    struct kh_text_hits *words;    /* rules_text.c: the word lists' matches */
    struct kh_word_scan *wordscan; /* wordscan.c: syllables and doubled words */
} kh_check_shared;
void kh_cites_free(struct kh_cites *c);
void kh_text_hits_free(struct kh_text_hits *h);
void kh_word_scan_free(struct kh_word_scan *ws);

struct kh_rule_ctx {
    const kh_plan *plan;
    const kh_rule *rule;
    const kh_check_opts *opts;
    kh_diags *out;
    kh_check_shared *shared;
};

/* Report under the running rule's ID and severity. en and vi take the same
 * arguments (see kh_diag; the compiler checks both against them). */
void kh_report(kh_rule_ctx *cx, kh_pos pos, const char *en, const char *vi, ...)
    __attribute__((format(printf, 3, 5), format(printf, 4, 5)));
/* The same at another severity (a rule lowered by --draft, a note variant). */
void kh_report_sev(kh_rule_ctx *cx, kh_severity sev, kh_pos pos,
                   const char *en, const char *vi, ...)
    __attribute__((format(printf, 4, 6), format(printf, 5, 6)));

/* A related place under the report just made (kh_diag_note): the first of
 * two duplicates, the parent plan's line. */
void kh_report_note(kh_rule_ctx *cx, const char *file, kh_pos pos, const char *en,
                    const char *vi, ...)
    __attribute__((format(printf, 4, 6), format(printf, 5, 6)));

/* Rule functions, one per rule, grouped in files by catalogue section:
 * rules_header.c (B.1–B.3), rules_structure.c (B.4), rules_citations.c
 * (B.5), rules_dates.c (B.6), rules_recipients.c (B.7),
 * rules_signature.c (B.8), rules_text.c (B.9). Declared in catalogue.c. */

/* The same with messages already formatted (when the two languages need
 * different arguments). */
void kh_report_text(kh_rule_ctx *cx, kh_severity sev, kh_pos pos, const char *en,
                    const char *vi);

/* A Vietnamese message format from a template where {P} stands for the
 * profile's name: {P} becomes "%.0s" (which consumes the English name
 * argument) followed by the Vietnamese name. malloc'd. */
struct kh_profile;
char *kh_vi_fmt(const char *tmpl, const struct kh_profile *pf);

/* Helpers shared by rules of several files. */
struct kh_para;
/* Report unbalanced ( ) and/or “ ” and " in one paragraph. */
void kh_check_pairs(const struct kh_para *pa, kh_rule_ctx *cx, bool parens, bool quotes);
/* Anniversary arithmetic `N năm … (d/m/Y1 - d/m/Y2)` in one paragraph. */
void kh_check_anniv(const struct kh_para *pa, kh_rule_ctx *cx);
/* The latest valid date among the plan's citations, and its number. */
bool kh_latest_citation(const kh_plan *p, kh_rule_ctx *cx, kh_date *d, char *num, size_t n);

/* State forms of B.8 rules (rules_signature_state.c), called by the rule
 * functions of rules_signature.c for a state plan. */
struct kh_issuer_kind;
void kh_state_sign_collective(const kh_plan *p, kh_rule_ctx *cx);
void kh_state_sign_issuer_match(const kh_plan *p, kh_rule_ctx *cx);
void kh_state_sign_head_title(const kh_plan *p, kh_rule_ctx *cx);
/* The profile's kind of the issuer (`Ủy ban nhân dân …`), or NULL. */
const struct kh_issuer_kind *kh_issuer_kind_of(const struct kh_profile *pf,
                                               const char *issuer);
/* s starts with the words of start (case and tone placement aside). */
bool kh_starts_with_words(const char *s, const char *start);

#endif

/* check.h — the validator: the rule catalogue of docs/rules.md, one small
 * function per rule, listed in one table (src/rules/catalogue.c). Rules read
 * the plan and emit diagnostics; they never print and never fix. */
#ifndef KEHOACH_CHECK_H
#define KEHOACH_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/date.h"
#include "kehoach/diag.h"
#include "kehoach/plan.h"

typedef struct kh_check_opts {
    bool draft;              /* blank number and blank day become notes */
    bool strict;             /* warnings count as errors (the CLI's -Werror) */
    const char *const *off;  /* rule IDs switched off on the command line */
    size_t n_off;
    kh_date today;           /* for R-DATE-FUTURE; year 0: not checked */
    const struct kh_chain *chain; /* parents of the plan, for R-CHAIN-*;
                                     NULL: not checked (kehoach/chain.h) */
    /* Other plans to compare numbers with (R-NUM-YEAR, R-NUM-TERM): the
     * plans checked in the same run, and a library of plans (--plans-dir,
     * a tree). The plan itself may be among them (matched by pointer or
     * file). NULL: not checked. kehoach/chain.h. */
    const struct kh_plan_set *peers;
    const struct kh_plan_set *library;
} kh_check_opts;

typedef struct kh_rule_ctx kh_rule_ctx; /* opaque: where a rule reports */

typedef struct kh_rule {
    const char *id;          /* R-NUM-FORMAT: stable, from format-rules.md B */
    kh_severity severity;
    unsigned profiles;       /* bit (1 << kh_profile_id) per profile it applies to */
    const char *summary_en;
    const char *summary_vi;
    void (*fn)(const kh_plan *p, kh_rule_ctx *cx);
} kh_rule;

/* The catalogue, in catalogue order. */
const kh_rule *kh_rules(size_t *n);
const kh_rule *kh_rule_find(const char *id);
/* How sure the rule's source is: the certainty tags of format-rules.md,
 * per profile where they differ ("party [S][3P]; state [S]"); NULL for an
 * unknown ID. src/rules/sources.c. */
const char *kh_rule_source(const char *id);
/* The rule ID nearest to a mistyped one, or NULL ("did you mean"). */
const char *kh_rule_suggest(const char *id);

/* Run every rule that applies to the plan's profile, minus those switched
 * off (options or the plan's own `rules.off`). */
void kh_check(const kh_plan *p, const kh_check_opts *opts, kh_diags *out);

#endif

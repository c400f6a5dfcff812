/* chain.h — the chain of plans: a plan implements a higher plan
 * (`implements:`), and when that plan is also a kehoach file the two are
 * checked against each other (rules R-CHAIN-*, src/rules/rules_chain.c).
 * This module finds and loads the parents — by `implements[].file`
 * (relative to the plan file) or by number among the plans of a set read
 * from directories (`--plans-dir`, `kehoach tree DIR…`). Rules never load
 * files: they read the links put in kh_check_opts.chain. Owned by
 * src/model/chain.c. */
#ifndef KEHOACH_CHAIN_H
#define KEHOACH_CHAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "kehoach/check.h"
#include "kehoach/diag.h"
#include "kehoach/plan.h"

/* Plans read from files and directories, in sorted path order. */
typedef struct kh_plan_entry {
    char *path;     /* as found (dir/sub/x.yaml); owned */
    char *real;     /* realpath, for identity; owned, may be NULL */
    kh_plan *plan;  /* NULL when the file could not be parsed at all */
} kh_plan_entry;

typedef struct kh_plan_set {
    kh_plan_entry *v;
    size_t n, cap;
} kh_plan_set;

/* Add a file, or every *.yaml / *.yml under a directory (recursively, hidden
 * entries skipped, at most KH_MAX_ITEMS files). Load problems of the plans
 * go to diags when it is not NULL. Returns 0, or -1 when path cannot be read
 * (an IO diagnostic is added). */
int kh_plan_set_add(kh_plan_set *s, const char *path, kh_diags *diags);
/* The same, then every plan those plans implement through `file:`,
 * transitively (a plan and all the plans above it). */
int kh_plan_set_add_tree(kh_plan_set *s, const char *path, kh_diags *diags);
/* Add a plan loaded elsewhere; the set owns it from now on (and frees it).
 * `path` is copied. */
void kh_plan_set_adopt(kh_plan_set *s, const char *path, kh_plan *plan);
/* The plan whose number is `number` (spaces ignored), other than `self`. */
const kh_plan_entry *kh_plan_set_find(const kh_plan_set *s, const char *number,
                                      const kh_plan *self);
void kh_plan_set_free(kh_plan_set *s);

/* One resolved parent: citation `citation` of the child is plan `parent`. */
typedef struct kh_chain_link {
    size_t citation;        /* index in child->implements */
    const kh_plan *parent;
    const char *parent_path;
    bool by_file;           /* found through `file:` (else by number) */
} kh_chain_link;

typedef struct kh_chain {
    kh_chain_link *v;
    size_t n;
    kh_plan_set owned;      /* parents loaded here (from `file:`) */
} kh_chain;

/* Resolve the parents of p. `set` (may be NULL) supplies plans found by
 * number and avoids loading a file twice. A `file:` that cannot be read is a
 * warning CHAIN-FILE at the citation's `file` value (a copy of the plan
 * elsewhere stays valid), one that does not parse an error. */
void kh_chain_resolve(const kh_plan *p, const kh_plan_set *set, kh_chain *out,
                      kh_diags *diags);
void kh_chain_free(kh_chain *c);

/* kh_check with the chain rules fed: resolve p's parents, run every rule,
 * free the links. `set` is also the library the numbering rules compare
 * with, unless opts already names one. */
void kh_check_chained(const kh_plan *p, const kh_check_opts *opts,
                      const kh_plan_set *set, kh_diags *out);

/* Helpers the chain rules and `kehoach tree` share. */
/* Does a unit named `unit_name` of a parent plan address `issuer`? Exact
 * match (case and spacing ignored), or one of the unit's parts (split at
 * `,` and ` và `, a leading `các` dropped) begins the issuer's name:
 * `Các quận ủy, huyện ủy` addresses `Quận ủy Hai Bà Trưng`. */
bool kh_chain_unit_addresses(const char *unit_name, const char *issuer);
/* Plan numbers compared with spaces ignored (`220 -KH/QU` = `220-KH/QU`). */
bool kh_chain_same_number(const char *a, const char *b);
/* Lower-cased, spaces collapsed and trimmed; malloc'd. */
char *kh_chain_norm(const char *s);

#endif

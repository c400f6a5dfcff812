/* load.h — plan file → kh_plan. The loader (src/load/load.c) is the only code
 * that knows YAML; every problem it meets becomes a located diagnostic. */
#ifndef KEHOACH_LOAD_H
#define KEHOACH_LOAD_H

#include <stddef.h>

#include "kehoach/diag.h"
#include "kehoach/plan.h"

/* Bounds on hostile input (docs/security.md has the table and the measured
 * costs). Real plans are far inside them: the largest seed is 40 KB, its
 * longest value 2.4 KB with 12 Markdown marks. */
#define KH_MAX_FILE_BYTES   (1u << 20)   /* 1 MiB */
#define KH_MAX_DEPTH        64           /* YAML nesting */
#define KH_MAX_NODES        100000       /* scalars + collections */
#define KH_MAX_SCALAR_BYTES (64u << 10)  /* one value, e.g. a Markdown body */
#define KH_MAX_LINES        500          /* lines in one value: passes that work
                                            per paragraph stay near-linear */
#define KH_MAX_ITEMS        2000         /* sections, units, recipients … per list */
#define KH_MAX_MAP_KEYS     256          /* keys in one mapping */
/* Markdown marks ([ * _ ` & < \) per value and per file: cmark 0.30.2
 * takes time quadratic in their number in some inputs (CVE-2023-22484,
 * CVE-2023-22486, `*_` runs, `&#` runs), not in the length of plain text. */
#define KH_MAX_MD_MARKS       1000
#define KH_MAX_MD_MARKS_TOTAL 10000
/* Markdown containers one inside another (block quotes, list levels): the
 * renderers walk the tree of a body, so its depth is bounded here, at load,
 * for every output. Real plans nest lists two or three deep. */
#define KH_MAX_MD_NESTING     32

/* Parse `len` bytes of plan text named `path` (kept by pointer in the plan
 * and in diagnostics; it must outlive both). Returns the plan, or NULL when
 * the file cannot be understood at all; diagnostics explain why. A plan is
 * returned whenever the YAML parsed, even with errors in its fields. */
kh_plan *kh_load_buffer(const char *path, const char *data, size_t len,
                        kh_diags *diags);

/* Read and parse a file ("-" is standard input). I/O errors are
 * diagnostics with ID "IO" and line 0. */
kh_plan *kh_load_file(const char *path, kh_diags *diags);

/* The keys the loader accepts, for `did you mean`, the JSON Schema test and
 * the editor dictionary: a NULL-terminated list of "context.key" strings,
 * e.g. "plan.issuer", "section.title", "unit.tasks". */
const char *const *kh_load_known_keys(void);

#endif

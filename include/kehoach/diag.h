/* diag.h — diagnostics shared by every pass: collected as values, sorted by
 * position, printed once. Each carries a stable ID and its message in both
 * Vietnamese and English. Owned by src/model/diag.c. */
#ifndef KEHOACH_DIAG_H
#define KEHOACH_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "kehoach/plan.h"

typedef enum kh_severity { /* ordered: a higher value is worse */
    KH_NOTE = 0,
    KH_WARNING = 1,
    KH_ERROR = 2,
} kh_severity;

typedef enum kh_lang { KH_LANG_EN, KH_LANG_VI } kh_lang;

/* A place related to a diagnostic (the first of two duplicates, the
 * parent plan a rule compared with), shown as a `note:` line under it and
 * as relatedLocations in SARIF. */
typedef struct kh_related {
    char *file;        /* owned copy: a parent plan may be freed before printing */
    kh_pos pos;
    char *msg_en;      /* owned */
    char *msg_vi;      /* owned */
} kh_related;

typedef struct kh_diagnostic {
    const char *file;  /* not owned: the plan's path (lives as long as argv) */
    kh_pos pos;        /* line 0: the whole file */
    kh_severity sev;
    const char *id;    /* static: "LOAD-UNKNOWN-KEY", "R-NUM-FORMAT" … */
    char *msg_en;      /* owned */
    char *msg_vi;      /* owned */
    unsigned seq;      /* insertion order, to keep sorting stable */
    kh_related *rel;   /* owned: related places (kh_diag_note) */
    size_t n_rel;
} kh_diagnostic;

typedef struct kh_diags {
    kh_diagnostic *v;
    size_t n, cap;
    size_t count[3];   /* per severity */
    size_t limit;      /* 0: unlimited; past it, further diags are dropped */
    size_t dropped;
    size_t last;       /* 1 + index of the diagnostic just added, 0: none
                          (dropped past the limit, or sorted since) */
} kh_diags;

/* Add a diagnostic. en_fmt and vi_fmt take the same arguments in the same
 * order (use %1$s-style positions when the word order differs, and %2$.0s
 * to consume an argument a language does not show: a position skipped
 * aborts under _FORTIFY_SOURCE). The compiler checks both formats against
 * the arguments; tests/unit/test_msgfmt.c checks every call's pair. */
void kh_diag(kh_diags *d, const char *file, kh_pos pos, kh_severity sev,
             const char *id, const char *en_fmt, const char *vi_fmt, ...)
    __attribute__((format(printf, 6, 8), format(printf, 7, 8)));
/* The same with messages already formatted (copied). */
void kh_diag_text(kh_diags *d, const char *file, kh_pos pos, kh_severity sev,
                  const char *id, const char *en, const char *vi);
/* Attach a related place to the diagnostic just added (nothing when that
 * one was dropped past the limit). Formats as kh_diag. */
void kh_diag_note(kh_diags *d, const char *file, kh_pos pos, const char *en_fmt,
                  const char *vi_fmt, ...)
    __attribute__((format(printf, 4, 6), format(printf, 5, 6)));
void kh_diags_sort(kh_diags *d);        /* by file, line, column, then order */
void kh_diags_free(kh_diags *d);
kh_severity kh_diags_max(const kh_diags *d); /* KH_NOTE when empty */
void kh_diags_move(kh_diags *to, kh_diags *from); /* append and empty `from` */

const char *kh_severity_name(kh_severity s, kh_lang lang); /* error / lỗi … */

/* `file:line:col: error: message [ID]`, one per line, each related place
 * under it as `file:line:col: note: message`. (The CLI's cli_diags_print
 * adds source excerpts.) */
void kh_diags_print(FILE *out, const kh_diags *d, kh_lang lang, bool color);

#endif

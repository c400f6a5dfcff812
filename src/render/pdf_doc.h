/* pdf_doc.h — composition of a plan into laid-out, paginated blocks for the
 * PDF: the two-column header, the title, the body from the Markdown AST,
 * Nơi nhận with the signature, and the checklist appendix. Every size,
 * margin and fixed text comes from the profile (kh_profile_get). Knows no
 * PDF library: measuring is a callback. Owned by src/render/pdf_doc.c. */
#ifndef KEHOACH_PDF_DOC_H
#define KEHOACH_PDF_DOC_H

#include <stdint.h>

#include "kehoach/diag.h"
#include "kehoach/plan.h"
#include "kehoach/profile.h"
#include "kehoach/render.h"
#include "layout.h"

#define KH_NO_BLOCK SIZE_MAX

typedef struct kh_pdf_layout {
    kh_doc doc;
    const kh_profile *pr;
    double page_w, page_h;          /* points */
    double margin_left, margin_top; /* points */
    double text_w, text_h;          /* points */
    size_t body_first;    /* first block of the body (after the title) */
    size_t end_block;     /* Nơi nhận + signature */
    size_t appendix_first;/* first block of the checklist, or KH_NO_BLOCK */
    /* Owned. */
    char **strs;
    size_t n_strs, cap_strs;
    void **mds;           /* cmark documents whose literals the boxes use */
    size_t n_mds, cap_mds;
    void *checklist;      /* kh_checklist *, whose strings the boxes use */
} kh_pdf_layout;

/* Keep s (malloc'd) until the layout is freed; returns s. */
char *kh_pdf_keep(kh_pdf_layout *L, char *s);

/* Compose and paginate. Returns 0, or -1 after an error diagnostic. Self-
 * checks of format-rules.md B.10 that concern the layout (R-PDF-HEADER-FIT,
 * R-PDF-SIGN-ORPHAN) are reported here. */
int kh_pdf_layout_build(kh_pdf_layout *L, const kh_plan *p,
                        const kh_render_opts *o, const kh_measure *m,
                        kh_diags *d);
void kh_pdf_layout_free(kh_pdf_layout *L);

#define KH_MM 2.834645669 /* points per millimetre */

#endif

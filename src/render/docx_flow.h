/* docx_flow.h — the running text of a plan as the DOCX sets it: one list
 * of paragraphs, each a named style and runs (kh_span: text with bold,
 * italic, underline, or a line break), in reading order — the căn cứ
 * lines, the opening, the numbered sections and units with their bodies,
 * events and tasks, the closing with the profile's end mark; before them
 * the tên loại and the trích yếu. Numbers,
 * dashes and inline headings are made exactly as the PDF's (pdf_doc.c),
 * from the same compose.h pieces. The header, the title, Nơi nhận, the
 * signature and the checklist are tables of render_docx.c.
 * Owned by src/render/docx_flow.c. */
#ifndef KEHOACH_DOCX_FLOW_H
#define KEHOACH_DOCX_FLOW_H

#include <stddef.h>

#include "kehoach/plan.h"
#include "layout.h"

typedef enum kh_dx_kind {
    KH_DX_DOC_TYPE,      /* KẾ HOẠCH */
    KH_DX_TITLE,         /* the trích yếu (its line breaks kept) */
    KH_DX_BODY,          /* a body paragraph: justified, first-line indent */
    KH_DX_BASIS,         /* a căn cứ line */
    KH_DX_LIST,          /* a list item, event or task (`- …`, `1. …`) */
    KH_DX_BODY_HEADING,  /* a Markdown heading inside a body */
    KH_DX_HEADING,       /* a numbered section or unit, at `level` */
} kh_dx_kind;

/* The deepest heading level with its own style (Heading 1 … 9). */
#define KH_DX_MAX_LEVEL 8

typedef struct kh_dx_para {
    kh_dx_kind kind;
    int level;           /* KH_DX_HEADING: 0 for I., 1 for 1., 2 for 1.1. … */
    size_t first, n;     /* its runs: spans[first .. first + n) */
} kh_dx_para;

typedef struct kh_dx_flow {
    kh_dx_para *v;
    size_t n, cap;
    kh_span *spans;
    size_t n_spans, cap_spans;
    /* Owned: strings and cmark documents the spans point into. */
    char **strs;
    size_t n_strs, cap_strs;
    void **mds;
    size_t n_mds, cap_mds;
} kh_dx_flow;

void kh_dx_flow_build(kh_dx_flow *f, const kh_plan *p);
void kh_dx_flow_free(kh_dx_flow *f);

#endif

/* docx_flow.h — the running text of a plan as the DOCX sets it: one list
 * of paragraphs, each a named style and runs (kh_span: text with bold,
 * italic, underline, or a line break), in reading order — the căn cứ
 * lines, the opening, the numbered sections and points and units with
 * their bodies, tables, events and tasks, the closing with the profile's
 * end mark; before them the tên loại and the trích yếu; after them (from
 * annex_first) the Phụ lục of the plan, each a head (label, title,
 * caption) and its body, table and numbered sections. A table is one item
 * of the list whose cells are runs too. Numbers, dashes and inline
 * headings are made exactly as the PDF's (pdf_doc.c), from the same
 * compose.h pieces. The header, Nơi nhận, the signature and the checklist
 * are tables of render_docx.c, which also writes the tables' XML.
 * Owned by src/render/docx_flow.c. */
#ifndef KEHOACH_DOCX_FLOW_H
#define KEHOACH_DOCX_FLOW_H

#include <stddef.h>

#include "kehoach/plan.h"
#include "docx_meta.h"
#include "layout.h"

typedef enum kh_dx_kind {
    KH_DX_DOC_TYPE,      /* KẾ HOẠCH */
    KH_DX_TITLE,         /* the trích yếu (its line breaks kept) */
    KH_DX_BODY,          /* a body paragraph: justified, first-line indent */
    KH_DX_BASIS,         /* a căn cứ line */
    KH_DX_LIST,          /* a list item, event or task (`- …`, `1. …`) */
    KH_DX_BODY_HEADING,  /* a Markdown heading inside a body */
    KH_DX_HEADING,       /* a numbered section or unit, at `level` */
    KH_DX_TABLE_CAPTION, /* the line above a table: bold, centred */
    KH_DX_TABLE,         /* a table: tables[level]; no runs of its own */
    KH_DX_TABLE_NOTE,    /* the Markdown under a table: italic */
    KH_DX_ANNEX_LABEL,   /* `Phụ lục II`: on a new page, bold, centred */
    KH_DX_ANNEX_TITLE,   /* the annex's title in capitals, bold, centred */
    KH_DX_ANNEX_CAPTION, /* `(Kèm theo Kế hoạch số … ngày … của …)`, italic */
} kh_dx_kind;

/* A span style bit of the DOCX only (beside layout.h's): the run is shown
 * in capitals by Word's run property <w:caps/>, its text kept in the case
 * the plan wrote it (the superior and issuer, the tên loại, the Roman
 * headings, the annex titles), so that a reader of the file, `kehoach
 * import` among them, gets the words back as written. */
#define KH_DX_ST_CAPS 64

/* The deepest heading level with its own style (Heading 1 … 9). */
#define KH_DX_MAX_LEVEL 8

typedef struct kh_dx_para {
    kh_dx_kind kind;
    int level;           /* KH_DX_HEADING: 0 for I., 1 for 1., 2 for 1.1. …;
                            KH_DX_TABLE: the index in tables */
    size_t first, n;     /* its runs: spans[first .. first + n) */
} kh_dx_para;

/* One cell of a table: its runs, spans[first .. first + n). */
typedef struct kh_dx_cell {
    size_t first, n;
} kh_dx_cell;

/* A table (`table:`, or a `timetable:` as compose.h sets it): the heading
 * row's cells, then each row's, in cells[cell .. cell + n_cols * (n_rows
 * + 1)), row-major; each column's alignment resolved (kh_table_col_align). */
typedef struct kh_dx_table {
    size_t n_cols, n_rows;   /* n_rows: rows under the heading row */
    size_t cell;
    kh_cell_align align[KH_TABLE_MAX_COLS];
} kh_dx_table;

typedef struct kh_dx_flow {
    kh_dx_para *v;
    size_t n, cap;
    kh_span *spans;
    size_t n_spans, cap_spans;
    kh_dx_table *tables;
    size_t n_tables, cap_tables;
    kh_dx_cell *cells;
    size_t n_cells, cap_cells;
    size_t annex_first;  /* v[annex_first ..]: the Phụ lục (n: none) */
    /* Owned: strings and cmark documents the spans point into. */
    char **strs;
    size_t n_strs, cap_strs;
    void **mds;
    size_t n_mds, cap_mds;
    kh_table **tts;      /* the timetables as tables (compose.h) */
    size_t n_tts, cap_tts;
    /* The elements each paragraph prints (units, tasks, events, section
     * headings, deadline-table rows), in order, for docx_meta.h. */
    kh_dx_mark *marks;
    size_t n_marks, cap_marks;
} kh_dx_flow;

/* n_annexes: how many Phụ lục the document counts (kh_compose_annex_count),
 * for their labels. */
void kh_dx_flow_build(kh_dx_flow *f, const kh_plan *p, size_t n_annexes);
void kh_dx_flow_free(kh_dx_flow *f);

#endif

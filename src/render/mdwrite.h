/* mdwrite.h — a small CommonMark writer: blocks, containers and inline text
 * escaped so that the output parses back to the same structure (section
 * numbers such as `1.` never become list markers, `*` never emphasis).
 * Writes cmark inline and block nodes too, dropping raw HTML and unsafe
 * links with a located warning. Owned by src/render/mdwrite.c; used by
 * render_md.c. */
#ifndef KEHOACH_MDWRITE_H
#define KEHOACH_MDWRITE_H

#include <stdbool.h>

#include <cmark.h>

#include "kehoach/diag.h"
#include "kehoach/plan.h"
#include "kehoach/text.h"

typedef struct mdw {
    kh_buf *out;
    kh_buf prefix;    /* continuation prefix of the current container */
    bool at_ls;       /* at the start of an output line (prefix not written) */
    bool bol;         /* at the start of a line's content (escape markers) */
    bool started;     /* a block has been written */
    bool fresh;       /* a container was just opened: no separation */
    bool tight;       /* inside a tight list */
    bool in_heading;
    bool in_cell;     /* inside a GFM table cell: `|` escaped, breaks are
                         spaces (mdw_cell_begin … mdw_cell_end) */
    bool upper;       /* text in capitals (an annex title) */
    char last_bullet; /* marker of the last bullet list written */
    /* for diagnostics about dropped constructs */
    const char *file;
    const kh_text *src; /* the text the current cmark tree was parsed from */
    kh_diags *diags;
} mdw;

void mdw_init(mdw *w, kh_buf *out, const char *file, kh_diags *diags);
void mdw_free(mdw *w);

void mdw_block(mdw *w);              /* begin a block (separation) */
void mdw_raw(mdw *w, const char *s); /* unescaped (markup) */
void mdw_text(mdw *w, const char *s, size_t n); /* escaped */
void mdw_texts(mdw *w, const char *s);
void mdw_hardbreak(mdw *w);
void mdw_heading(mdw *w, int level); /* begins a heading line; end with mdw_end_heading */
void mdw_end_heading(mdw *w);

/* GFM pipe tables: mdw_table_row_begin starts a row line (`| `); between
 * cells mdw_table_cell_next writes ` | `; mdw_table_row_end closes it
 * (` |`). Inside a row every `|` written is escaped (`\|`, which GFM
 * unescapes before it reads the cell's inlines, in code spans too) and
 * line breaks become spaces, so a cell never ends the row or the table.
 * mdw_table_delim writes the delimiter row from the alignments. */
typedef enum mdw_align { MDW_LEFT, MDW_CENTER, MDW_RIGHT } mdw_align;
void mdw_table_row_begin(mdw *w, bool first);
void mdw_table_cell_next(mdw *w);
void mdw_table_row_end(mdw *w);
void mdw_table_delim(mdw *w, const mdw_align *align, size_t n);

/* Lists: begin, then item begin/end around the item's blocks. */
typedef struct mdw_list {
    bool saved_tight;
    bool ordered;
    int next;
    char mark; /* '-' or '*' (bullet), '.' or ')' (ordered) */
} mdw_list;
/* mark: '-' / '.' normally; '*' / ')' to keep a list apart from an
 * adjacent one of the same kind (CommonMark would merge them). */
void mdw_list_begin(mdw *w, mdw_list *l, bool tight, bool ordered, int start);
void mdw_list_begin_mark(mdw *w, mdw_list *l, bool tight, bool ordered,
                         int start, char mark);
void mdw_item_begin(mdw *w, mdw_list *l, size_t *saved_prefix);
void mdw_item_end(mdw *w, size_t saved_prefix);
void mdw_list_end(mdw *w, mdw_list *l);

/* cmark nodes, parsed from src (for positions). */
void mdw_inlines(mdw *w, cmark_node *parent); /* the children of parent */
void mdw_inline(mdw *w, cmark_node *node);    /* one inline node */
void mdw_blocks(mdw *w, cmark_node *first);   /* first and its next siblings */
void mdw_node(mdw *w, cmark_node *block);

/* Parse a body (positions from t) with kh_md_parse: NULL after a
 * diagnostic. */
cmark_node *mdw_parse(const kh_text *t, const char *md, const char *file,
                      kh_diags *diags);

#endif

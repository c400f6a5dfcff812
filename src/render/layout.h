/* layout.h — our own typesetting for the PDF: measured line breaking with
 * justification by word spacing, and pagination with keep-with-next,
 * keep-together and widow/orphan control. It knows no PDF: it needs only a
 * "width of this text in this style at this size" callback, so it is tested
 * on its own (tests/unit/test_layout.c). Owned by src/render/layout.c. */
#ifndef KEHOACH_LAYOUT_H
#define KEHOACH_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

/* Style bits of a span: the font is style & KH_FONT_MASK. */
enum {
    KH_ST_BOLD = 1,
    KH_ST_ITALIC = 2,
    KH_FONT_MASK = 3,   /* 0 regular, 1 bold, 2 italic, 3 bold italic */
    KH_ST_UNDERLINE = 4,
    KH_ST_BREAK = 8,    /* a forced line break (the span's text is ignored) */
};

typedef enum kh_align {
    KH_ALIGN_JUSTIFY,
    KH_ALIGN_LEFT,
    KH_ALIGN_CENTER,
    KH_ALIGN_RIGHT,
} kh_align;

/* Width in points of s[0..n) set in font `font` (0..3) at `size` points. */
typedef double (*kh_measure_fn)(void *ctx, int font, double size,
                                const char *s, size_t n);

typedef struct kh_measure {
    kh_measure_fn width;
    void *ctx;
} kh_measure;

/* One run of text in one style. The text must outlive the layout. */
typedef struct kh_span {
    const char *s;
    size_t n;
    unsigned style;
} kh_span;

/* How to set one paragraph. */
typedef struct kh_para_style {
    double size;          /* points */
    double leading;       /* baseline to baseline */
    double width;         /* the measure */
    double left;          /* left indent of every line */
    double first_indent;  /* added to `left` on the first line */
    kh_align align;
    kh_align last_align;  /* of the last line of a justified paragraph */
} kh_para_style;

/* A positioned piece of text: one word, or the part of a word in one style. */
typedef struct kh_box {
    const char *s;
    size_t n;
    unsigned style;
    double size;
    double x;       /* left edge, relative to the block's left */
    double w;       /* measured width */
} kh_box;

typedef struct kh_line {
    size_t first_box, n_boxes;
    double y;        /* baseline, relative to the block top */
    double height;   /* space the line takes (its leading) */
    double natural;  /* width of its words with natural spaces */
    double left;     /* x of the first box */
    double right;    /* x + width of the last box */
    /* Filled by kh_paginate: */
    int page;        /* 0-based */
    double page_y;   /* baseline, from the top of the text area */
} kh_line;

/* A straight rule inside a block (table borders, the rule under a title),
 * relative to the block's top left. */
typedef struct kh_rule {
    double x1, y1, x2, y2, width;
    bool brace;  /* a right brace from (x1, y1) down to (x1, y2), tip at x2 */
} kh_rule;

typedef struct kh_block {
    kh_box *boxes;
    size_t n_boxes, cap_boxes;
    kh_line *lines;
    size_t n_lines, cap_lines;
    kh_rule *rules;
    size_t n_rules, cap_rules;
    double space_before;  /* dropped at the top of a page */
    double height;        /* of the whole block (without space_before) */
    bool keep_with_next;  /* its last line stays with the next block's first */
    bool keep_together;   /* never split across pages */
    bool page_break_before;
    int outline_level;    /* -1: none; else a bookmark at this level */
    const char *outline;  /* bookmark title (not owned) */
    unsigned widow_orphan;/* minimum lines kept together at a break (2) */
    size_t repeat_header; /* 1 + the index of a block (a table's heading row)
                           * drawn again at the top of a page this one starts;
                           * 0: none */
    /* Filled by kh_paginate (for rules and the block as a whole): */
    int page;             /* page of the first line */
    double page_y;        /* block top on that page */
    void *user;           /* for the renderer */
} kh_block;

/* A block drawn once more, at the top of a later page (a repeated table
 * heading row): its lines and rules shifted to page, page_y. */
typedef struct kh_repeat {
    size_t block;
    int page;
    double page_y;
} kh_repeat;

typedef struct kh_doc {
    kh_block *v;
    size_t n, cap;
    int n_pages;          /* after kh_paginate */
    kh_repeat *repeats;   /* after kh_paginate */
    size_t n_repeats, cap_repeats;
} kh_doc;

kh_block *kh_doc_add(kh_doc *d); /* a new empty block, zeroed, outline -1 */
void kh_doc_free(kh_doc *d);

/* Break the spans into lines set in `st` and append them to block b,
 * starting at the block's current height. Lines are justified by word
 * spacing only (never letter spacing). Line breaking is total-fit
 * (Knuth–Plass without hyphenation: minimum total squared badness, spaces
 * may stretch and shrink); a word longer than the measure is cut between
 * characters, so no line is wider than the measure. Returns the number of
 * lines added. */
size_t kh_layout_para(kh_block *b, const kh_span *spans, size_t n_spans,
                      const kh_para_style *st, const kh_measure *m);

/* One line of text at (x, baseline y) relative to the block, no breaking. */
void kh_layout_text(kh_block *b, const kh_span *spans, size_t n_spans,
                    double size, double x, double y, double height,
                    const kh_measure *m);
void kh_block_rule(kh_block *b, double x1, double y1, double x2, double y2,
                   double width);
void kh_block_brace(kh_block *b, double x, double y1, double y2, double tip,
                    double width);
/* Append src's lines, boxes and rules to dst, moved by (dx, dy). */
void kh_block_merge(kh_block *dst, const kh_block *src, double dx, double dy);
/* Append src's lines [from, to) (and their boxes, not its rules), moved by
 * (dx, dy): a part of a block, as a table row too tall for a page is cut. */
void kh_block_merge_lines(kh_block *dst, const kh_block *src, size_t from, size_t to,
                          double dx, double dy);
void kh_block_clear(kh_block *b); /* free its contents, zero it */

/* Whether the word s[0..n) is a spaced dash: `-`, `–`, or the `+` of a
 * nested list item. The line breaker binds such a word to its neighbours
 * (no line starts or ends with it); the header's name wrapping does too. */
bool kh_is_spaced_dash(const char *s, size_t n);

/* Natural width of spans on one line. */
double kh_spans_width(const kh_span *spans, size_t n, double size,
                      const kh_measure *m);

/* Assign every line a page and a position. `first_top` is where the body
 * starts on page 0 (below the header), `height` the text area's height.
 * Breaks only where allowed: never after a keep_with_next block, never
 * inside a keep_together block, never leaving fewer than widow_orphan lines
 * of a paragraph at the foot or head of a page. When nothing on a page may
 * break, it breaks where it must (a block taller than the page). A page
 * that starts at a block with a repeat_header begins with that heading
 * (d->repeats). */
void kh_paginate(kh_doc *d, double first_top, double height);

#endif

/* test_table.c — the PDF's tables (src/render/pdf_table.c) with the fake
 * font of fake_measure.h (a character 0.5 em, a space 0.25 em): column
 * widths in the three cases of automatic layout, cells wrapped inside their
 * column, every row ruled and kept whole, the heading row repeated. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/render/layout.h"
#include "../../src/render/pdf_table.h"
#include "kehoach/text.h"
#include "tap.h"

#include "fake_measure.h"

#define SIZE 10.0 /* a character 5 pt, a space 2.5 pt */

static kh_pdf_cell cell(kh_span *sp, const char *s)
{
    *sp = (kh_span){s, strlen(s), 0};
    return (kh_pdf_cell){sp, *s ? 1 : 0};
}

/* A table of 2 columns, one row, given texts. */
typedef struct two {
    kh_span sp[4];
    kh_pdf_cell head[2], cells[2];
    kh_align align[2];
    kh_pdf_table_in in;
} two;

static void make(two *t, const char *h1, const char *h2, const char *c1, const char *c2,
                 double width)
{
    t->head[0] = cell(&t->sp[0], h1);
    t->head[1] = cell(&t->sp[1], h2);
    t->cells[0] = cell(&t->sp[2], c1);
    t->cells[1] = cell(&t->sp[3], c2);
    t->align[0] = KH_ALIGN_CENTER;
    t->align[1] = KH_ALIGN_LEFT;
    t->in = (kh_pdf_table_in){2, 1, t->head, t->cells, t->align, width, SIZE, 12, 2, 0.5, 0, 0};
}

static void test_widths(void)
{
    two t;
    double w[2];
    /* Everything fits on one line: the rest is shared by content. "TT" is
     * 10 pt + 4 pad = 14; "abcdefghij" 50 + 4 = 54: total 68 of 136. */
    make(&t, "TT", "abcdefghij", "1", "", 136);
    kh_pdf_table_widths(&t.in, &M, w);
    CHECK(fabs(w[0] + w[1] - 136) < 1e-9, "widths sum to the table width (%g + %g)", w[0], w[1]);
    CHECK(fabs(w[0] - 28) < 1e-9 && fabs(w[1] - 108) < 1e-9,
          "one-line content: each column twice its text (%g, %g)", w[0], w[1]);

    /* The text column cannot fit on one line: the short column keeps its
     * whole text, the long one gets the rest, never less than its widest
     * word. "aaaa bbbb cccc dddd" = 4·20 + 3·2.5 = 87.5 + 4 pad. */
    make(&t, "TT", "X", "12", "aaaa bbbb cccc dddd", 60);
    kh_pdf_table_widths(&t.in, &M, w);
    CHECK(fabs(w[0] + w[1] - 60) < 1e-9, "widths sum to 60 (%g + %g)", w[0], w[1]);
    CHECK(w[0] >= 14 - 1e-9 && w[1] >= 24 - 1e-9,
          "each column at least its widest word plus padding (%g, %g)", w[0], w[1]);
    CHECK(w[1] > w[0], "the long column gets the most (%g > %g)", w[1], w[0]);

    /* Not even the words fit: all shrink in proportion, still summing up. */
    make(&t, "abcdefghij", "abcdefghij", "", "", 40);
    kh_pdf_table_widths(&t.in, &M, w);
    CHECK(fabs(w[0] - 20) < 1e-9 && fabs(w[1] - 20) < 1e-9, "words too wide: shrunk alike (%g, %g)",
          w[0], w[1]);

    /* A forced line break splits the line a column must hold. */
    kh_span sp[3] = {{"aaaa", 4, 0}, {"", 0, KH_ST_BREAK}, {"bbbbbbbb", 8, 0}};
    kh_pdf_cell broken = {sp, 3}, tt = {sp, 1};
    kh_pdf_cell head[2] = {tt, broken}, cells[2] = {tt, tt};
    kh_align al[2] = {KH_ALIGN_LEFT, KH_ALIGN_LEFT};
    kh_pdf_table_in in = {2, 1, head, cells, al, 200, SIZE, 12, 2, 0.5, 0, 0};
    kh_pdf_table_widths(&in, &M, w);
    /* col 0: 20 + 4 = 24; col 1: its longest line 40 + 4 = 44 (not 60) */
    CHECK(fabs(w[1] / w[0] - 44.0 / 24.0) < 1e-9, "a cell's longest line, not its whole text (%g/%g)",
          w[1], w[0]);
}

static void test_rows(void)
{
    /* 30 rows of a wrapped cell on small pages: every row is one block kept
     * together, the heading row repeats at the top of each later page. */
    enum { ROWS = 30 };
    kh_span sp[2 + 2 * ROWS];
    kh_pdf_cell head[2], cells[2 * ROWS];
    head[0] = cell(&sp[0], "TT");
    head[1] = cell(&sp[1], "Nội dung công việc");
    for (int r = 0; r < ROWS; r++) {
        cells[2 * r] = cell(&sp[2 + 2 * r], "7");
        cells[2 * r + 1] = cell(&sp[3 + 2 * r], "Thành lập Tổ bầu cử ở mỗi khu vực bỏ phiếu của xã");
    }
    kh_align al[2] = {KH_ALIGN_CENTER, KH_ALIGN_LEFT};
    kh_pdf_table_in in = {2, ROWS, head, cells, al, 120, SIZE, 12, 2, 0.5, 6, 0};
    kh_doc d = {0};
    kh_pdf_table(&d, &in, &M);
    CHECK_INT(d.n, ROWS + 1, "a block for the heading row and one per row");
    bool kept = true, wrapped = true, ruled = true;
    for (size_t i = 1; i < d.n; i++) {
        kept &= d.v[i].keep_together && d.v[i].repeat_header == 1;
        wrapped &= d.v[i].n_lines >= 2;
        ruled &= d.v[i].n_rules == 2 + 3; /* top, bottom, three verticals */
        for (size_t k = 0; k < d.v[i].n_boxes; k++) {
            const kh_box *b = &d.v[i].boxes[k];
            if (b->x + b->w > 120 + 1e-6)
                wrapped = false; /* a word past the table's right edge */
        }
    }
    CHECK(kept, "every row kept together and repeating the heading row");
    CHECK(wrapped, "the long cell wraps inside its column");
    CHECK(ruled, "every row ruled on all sides");
    CHECK(d.v[0].keep_with_next, "the heading row stays with the first row");
    kh_paginate(&d, 0, 200);
    CHECK(d.n_pages > 1, "the table runs over pages (%d)", d.n_pages);
    CHECK_INT(d.n_repeats, (size_t)(d.n_pages - 1), "the heading row repeated once on each later page");
    kh_doc_free(&d);
}

/* A row taller than a page is cut between its lines into parts that fit
 * under the repeated heading row, each ruled; no line is lost. */
static void test_tall_row(void)
{
    kh_buf long_text = {0};
    for (int i = 0; i < 400; i++)
        kh_buf_puts(&long_text, "từ ");
    kh_span sp[4];
    kh_pdf_cell head[2], cells[2];
    head[0] = cell(&sp[0], "TT");
    head[1] = cell(&sp[1], "Nội dung");
    cells[0] = cell(&sp[2], "5");
    cells[1] = cell(&sp[3], kh_buf_str(&long_text));
    kh_align al[2] = {KH_ALIGN_CENTER, KH_ALIGN_LEFT};
    kh_pdf_table_in in = {2, 1, head, cells, al, 120, SIZE, 12, 2, 0.5, 0, 200};
    kh_doc d = {0};
    kh_pdf_table(&d, &in, &M);
    CHECK(d.n > 3, "the tall row is cut into parts (%zu blocks)", d.n - 1);
    size_t words = 0;
    bool fit = true, ruled = true;
    for (size_t i = 1; i < d.n; i++) {
        for (size_t k = 0; k < d.v[i].n_boxes; k++)
            words += d.v[i].boxes[k].n == strlen("từ") && !memcmp(d.v[i].boxes[k].s, "từ", 3);
        fit &= d.v[i].height + d.v[0].height <= 200 + 1e-6;
        ruled &= d.v[i].n_rules == 5 && d.v[i].repeat_header == 1;
        for (size_t l = 0; l < d.v[i].n_lines; l++)
            fit &= d.v[i].lines[l].y > 0 && d.v[i].lines[l].y < d.v[i].height;
    }
    CHECK_INT(words, (size_t)400, "every word of the cell is in one part or another");
    CHECK(fit, "each part fits on a page under the heading row, its lines inside it");
    CHECK(ruled, "each part is ruled and repeats the heading row");
    kh_paginate(&d, 0, 200);
    bool inside = true;
    for (size_t i = 0; i < d.n; i++)
        for (size_t l = 0; l < d.v[i].n_lines; l++)
            inside &= d.v[i].lines[l].page_y <= 200 + 1e-6;
    CHECK(inside, "after pagination no line is below the text area");
    kh_doc_free(&d);
    kh_buf_free(&long_text);
}

int main(void)
{
    test_widths();
    test_rows();
    test_tall_row();
    return TAP_DONE();
}
